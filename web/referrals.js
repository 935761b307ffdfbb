// referrals: the provider's pages.  #/referrals lists the referrals that
// came to the provider's organisation (GET /api/referrals), with their
// status and answer deadline; no personal data.  #/referrals/7 shows one
// (GET /api/referrals/7): the need, the case type and municipality, and
// exactly the parts of the case the team shared while sharing lasts
// (read live and audited on the case), then what may be done in its
// state: accept or decline with a reason, start, notes, end with an
// outcome.
//
// referralsStart(me) is the start page's part: for a provider the
// referrals waiting for an answer, for a coordinator the missed answers
// and needs nobody took up (GET /api/referrals/missed), for an expert
// team (a provider too) its open escalations.
//
// sharedSection(r) is also used by escalations.js.

import { ApiError, clearErrors, get, loadInto, post, showError,
    showInvalid } from './api.js';
import { alertBox, button, h, nextId, pageHeading, para, table }
    from './dom.js';
import { choice, codeNode, dataList, dateNode, fieldset, freeText, none,
    section, textArea } from './parts.js';

const TEXT_MAX = 10000;
export const DECLINE = ['no_capacity', 'not_target_group', 'safety',
    'other'];
export const OUTCOMES = ['completed', 'stopped_by_client',
    'stopped_by_provider', 'moved', 'other'];

export function dueNode(due, late) {
	return h('span', {}, dateNode(due), late ? ' ' : null,
	    late ? h('strong', { class: 'app-overdue', i18n: 'ref.late' }) :
	    null);
}

export function renderReferrals(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	main.replaceChildren(pageHeading('ref.list.title'),
	    para('ref.list.intro'),
	    h('section', { 'aria-labelledby': 'referrals-list' },
		h('h2', { class: 'utrecht-heading-2', id: 'referrals-list',
		    i18n: 'ref.list.heading' }),
		errors, list));
	loadInto(page, list, errors, '/api/referrals', (res) => {
		const rows = res?.referrals ?? [];
		if (rows.length === 0)
			return para('ref.list.empty');
		return table('referrals-list', ['ref.col.id', 'ref.col.need',
		    'ref.col.status', 'ref.col.from', 'ref.col.due'],
		    rows.map((r) => [
			h('a', { class: 'utrecht-link app-nowrap',
			    href: `#/referrals/${encodeURIComponent(r.id)}`,
			    i18n: 'ref.open', args: { id: String(r.id) } }),
			String(r.need ?? ''),
			codeNode('ref.status', r.status),
			String(r.from_org_name ?? ''),
			r.status === 'sent' || r.status === 'expired' ?
			    dueNode(r.answer_due, r.expired) : none(),
		    ]));
	});
}

function personFacts(p, n) {
	const hid = nextId('ref-person');
	return h('section', { 'aria-labelledby': hid },
	    h('h3', { class: 'utrecht-heading-3', id: hid,
		i18n: 'ref.shared.person', args: { n } }),
	    dataList([
		['person.name', p.name ? String(p.name) : null],
		['person.birth_date', p.birth_date ? String(p.birth_date) :
		    null],
		['person.sex', p.sex ? codeNode('sex', p.sex) : null],
		['person.nationality', p.nationality ?
		    codeNode('nationality', p.nationality) : null],
		['person.phone', p.phone ? String(p.phone) : null],
		['person.languages', p.languages ? String(p.languages) :
		    null],
	    ]));
}

// What the team shared, part by part; a part not shared is not there.
export function sharedSection(r) {
	const s = r.shared ?? {};
	const parts = [dataList([
	    ['ref.case_type', codeNode('case.type', r.case_type)],
	    ['ref.municipality', String(r.municipality_name ?? '')],
	])];
	if (!r.sharing)
		parts.push(alertBox('info', null, para(r.sharing_end ===
		    'consent_withdrawn' ? 'ref.shared.consent_ended' :
		    'ref.shared.ended')));
	if ('summary' in s)
		parts.push(dataList([['ref.part.summary',
		    freeText(s.summary)]]));
	if ('persons' in s)
		parts.push(...(s.persons ?? []).map((p, i) =>
		    personFacts(p, i + 1)));
	if ('needs' in s)
		parts.push(dataList([['ref.part.needs', (s.needs ?? [])
		    .length > 0 ? String(s.needs.map((n) =>
		    `${n.need} (${n.status})`).join(', ')) : none()]]));
	if ('plan' in s)
		parts.push(dataList([['ref.part.plan', s.plan ?
		    freeText(s.plan.goals) : none()]]));
	if ('forms' in s)
		parts.push(dataList([
		    ['ref.part.forms', String((s.forms ?? []).join(', '))],
		    ['ref.part.indicators',
			String((s.indicators ?? []).join(', '))]]));
	if ('safety' in s)
		parts.push(alertBox('warning', null, h('p', {
		    class: 'utrecht-paragraph' }, h('strong', {
		    i18n: 'ref.part.safety' }), ' ', String(s.safety))));
	if (Object.keys(s).length === 0 && r.sharing)
		parts.push(para('ref.shared.none'));
	return section('ref-shared', 'ref.shared.title', ...parts);
}

export function renderReferral(main, page, me, id) {
	const status = h('div', { role: 'status', class: 'app-status' });
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	const base = `/api/referrals/${encodeURIComponent(id)}`;
	main.replaceChildren(
	    h('h1', { class: 'utrecht-heading-1', id: 'page-title',
		tabindex: '-1', i18n: 'ref.detail.title.n',
		args: { id: String(id) } }),
	    h('p', { class: 'utrecht-paragraph' },
		h('a', { class: 'utrecht-link', href: '#/referrals',
		    i18n: 'ref.back' })),
	    status, errors, body);
	load();

	function load(focus) {
		return loadInto(page, body, errors, base, (r) => {
			page.setTitle('ref.detail.title.n', { id: String(r.id) });
			setTimeout(() => focus && main.querySelector(focus)
			    ?.focus(), 0);
			return render(r);
		});
	}

	async function send(form, formErrors, path, payload, doneKey) {
		status.replaceChildren();
		try {
			await post(path, payload);
			if (!page.current())
				return;
			status.append(alertBox('ok', null, para(doneKey)));
			await load();
		} catch (err) {
			if (!page.current())
				return;
			showError(form, formErrors ?? errors, err);
			if (err instanceof ApiError && err.status === 409)
				await load();
		}
	}

	function stepButton(key, kind, what, doneKey) {
		const b = button(key, kind, { 'data-step': what });
		b.addEventListener('click', (ev) => {
			ev.preventDefault();
			send(null, null, `${base}/${what}`, undefined, doneKey);
		});
		return b;
	}

	function codeForm(name, codes, what, submitKey, doneKey) {
		const formErrors = h('div', { class: 'app-alerts' });
		const text = textArea({ name: 'text', key: `ref.${what}.text`,
		    hint: `ref.${what}.text.hint`, rows: 2,
		    maxlength: TEXT_MAX });
		const form = h('form', { class: 'app-form app-form--wide',
		    novalidate: true, i18nAttr: { 'aria-label':
		    `ref.${what}.form` } }, formErrors,
		    fieldset({ legend: `ref.${what}.legend`, field: name,
			required: true }, ...codes.map((c) => choice({
			type: 'radio', name, value: c,
			key: `ref.${name}.${c}` }))),
		    text, h('div', { class: 'utrecht-button-group' },
			button(submitKey, 'secondary', { type: 'submit' })));
		form.addEventListener('submit', (ev) => {
			ev.preventDefault();
			const picked = form.querySelector(
			    `input[name="${name}"]:checked`);
			if (!picked) {
				showInvalid(form, formErrors,
				    [{ field: name, key: 'field.choose' }]);
				return;
			}
			clearErrors(form, formErrors);
			const payload = { [name]: picked.value };
			if (text.control.value.trim() !== '')
				payload.text = text.control.value.trim();
			send(form, formErrors, `${base}/${what}`, payload,
			    doneKey);
		});
		return form;
	}

	function noteForm() {
		const formErrors = h('div', { class: 'app-alerts' });
		const text = textArea({ name: 'text', key: 'ref.note.text',
		    hint: 'ref.note.hint', rows: 3, maxlength: TEXT_MAX,
		    required: true });
		const form = h('form', { class: 'app-form app-form--wide',
		    novalidate: true, i18nAttr: { 'aria-label':
		    'ref.note.form' } }, formErrors, text,
		    h('div', { class: 'utrecht-button-group' },
			button('ref.note.submit', 'secondary',
			{ type: 'submit' })));
		form.addEventListener('submit', (ev) => {
			ev.preventDefault();
			if (text.control.value.trim() === '') {
				showInvalid(form, formErrors,
				    [{ field: 'text', key: 'field.required' }]);
				return;
			}
			clearErrors(form, formErrors);
			send(form, formErrors, `${base}/notes`,
			    { text: text.control.value.trim() }, 'ref.noted');
		});
		return form;
	}

	function render(r) {
		const open = r.status === 'sent' || r.status === 'expired';
		const actions = [];
		if (open) {
			actions.push(h('div', { class: 'utrecht-button-group' },
			    stepButton('ref.accept', 'primary', 'accept',
			    'ref.accepted')), codeForm('reason', DECLINE,
			    'decline', 'ref.decline.submit', 'ref.declined'));
		}
		if (r.status === 'accepted')
			actions.push(h('div', { class: 'utrecht-button-group' },
			    stepButton('ref.start', 'primary', 'start',
			    'ref.started')));
		if (r.status === 'accepted' || r.status === 'started')
			actions.push(noteForm());
		if (r.status === 'started')
			actions.push(codeForm('outcome', OUTCOMES, 'end',
			    'ref.end.submit', 'ref.ended'));
		return [
		    r.expired ? alertBox('warning', null,
			para('ref.expired.note')) : null,
		    dataList([
			['ref.col.need', String(r.need ?? '')],
			['ref.col.status', codeNode('ref.status', r.status)],
			['ref.col.from', String(r.from_org_name ?? '')],
			['ref.sent_at', dateNode(r.sent_at)],
			['ref.col.due', open ? dueNode(r.answer_due,
			    r.expired) : null],
			['ref.basis', r.basis ? codeNode('ref.basis', r.basis) :
			    null],
			['ref.consent_on', r.consent_on ?
			    String(r.consent_on) : null],
			['ref.legal_basis', r.legal_basis ?
			    codeNode('ref.legal', r.legal_basis) : null],
			['ref.message', r.message ? freeText(r.message) :
			    null],
			['ref.col.outcome', r.outcome ?
			    codeNode('ref.outcome', r.outcome) : null],
		    ], { id: 'ref-facts' }),
		    sharedSection(r),
		    actions.length > 0 ? section('ref-actions',
			'ref.actions.title', ...actions) : null,
		    section('ref-notes', 'ref.notes.title',
			(r.notes ?? []).length === 0 ? para('ref.notes.none') :
			h('ul', { class: 'utrecht-unordered-list' },
			    r.notes.map((n) => h('li', {
			    class: 'utrecht-unordered-list__item' },
			    dateNode(n.at), ` ${n.username}: `,
			    String(n.text ?? ''))))),
		];
	}
}

// The start page.
export async function referralsStart(me) {
	try {
		if (me?.role === 'coordinator')
			return missedStart();
		if (me?.role === 'provider')
			return await providerStart();
	} catch {
		return null;
	}
	return null;
}

async function missedStart() {
	const res = await get('/api/referrals/missed');
	const rows = res?.missed ?? [];
	if (rows.length === 0)
		return null;
	return section('start-referrals', 'ref.start.missed',
	    table('start-referrals', ['ref.col.case', 'ref.col.kind',
		'ref.col.due'],
	    rows.map((m) => [
		h('a', { class: 'utrecht-link',
		    href: `#/cases/${encodeURIComponent(m.case_id)}`,
		    i18n: 'ref.case.link', args: { id: m.case_id } }),
		codeNode('ref.kind', m.kind),
		dueNode(m.due, true),
	    ])));
}

async function providerStart() {
	const [refs, escs] = await Promise.all([
	    get('/api/referrals').catch(() => null),
	    get('/api/escalations').catch(() => null)]);
	const waiting = (refs?.referrals ?? []).filter((r) =>
	    r.status === 'sent' || r.status === 'expired');
	const open = (escs?.escalations ?? []).filter((e) =>
	    e.status === 'open');
	const parts = [];
	if (waiting.length > 0)
		parts.push(para('ref.start.waiting', { count: waiting.length }),
		    h('p', { class: 'utrecht-paragraph' }, h('a', {
		    class: 'utrecht-link', href: '#/referrals',
		    i18n: 'ref.start.to_list' })));
	if (open.length > 0)
		parts.push(para('esc.start.open', { count: open.length }),
		    h('p', { class: 'utrecht-paragraph' }, h('a', {
		    class: 'utrecht-link', href: '#/escalations',
		    i18n: 'esc.start.to_list' })));
	if (parts.length === 0)
		return null;
	return section('start-referrals', 'ref.start.title', ...parts);
}

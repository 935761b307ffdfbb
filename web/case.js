// case: one case as its team works on it (#/cases/{id}, GET
// /api/cases/{id}; every read is audited on the server).  From the top:
// what the case is and where it stands, with the next step (accept, into
// care, close with a reason, reopen); the people, and who else knows
// them (another case, a later signal: whom to call, nothing more); the
// team; needs and the care plan; then the parts of other modules (the
// EXTRA list: transfer, referrals, placements, identification, criminal
// case and residence, who accessed the case); last the timeline with
// notes.
//
// Someone who may only read the case (an emergency read, a transfer
// waiting for their organisation) sees it without the forms: the server
// says which relation in `access`, and refuses changes anyway.

import { get, post, showError } from './api.js';
import { typeNode } from './cases.js';
import { postButton, submitCaseForm } from './case-form.js';
import { accessSection } from './case-access.js';
import { adulthoodSection } from './case-adulthood.js';
import { identificationSection } from './case-identification.js';
import { referralsSection } from './case-referrals.js';
import { placementsSection } from './case-placements.js';
import { retentionSection } from './case-retention.js';
import { criminalSection, residenceSection } from './case-tracks.js';
import { transferSection } from './case-transfer.js';
import { formNode, loadCatalog, needNode } from './catalog.js';
import { alertBox, button, field, fill, h, para, table } from './dom.js';
import { lang } from './i18n.js';
import { choice, codeNode, dataList, dateNode, fieldset, freeText, nobody,
    none, personPart, section, telLink, textArea } from './parts.js';

// Sections of other modules, each (c, hooks) -> element or null.
const EXTRA = [retentionSection, transferSection, referralsSection,
    placementsSection, adulthoodSection, identificationSection,
    criminalSection, residenceSection, accessSection];

const CLOSE_REASONS = ['care_completed', 'moved_abroad',
    'returned_voluntarily', 'lost_contact', 'deceased', 'other'];
const KINDS = ['victim', 'suspect', 'other'];
const NOTE_MAX = 10000;

export function renderCase(main, page, me, id) {
	const status = h('div', { role: 'status', class: 'app-status' });
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	main.replaceChildren(
	    h('h1', { class: 'utrecht-heading-1', id: 'page-title',
		tabindex: '-1', i18n: 'case.title', args: { id: String(id) } }),
	    h('p', { class: 'utrecht-paragraph' },
		h('a', { class: 'utrecht-link', href: '#/cases',
		    i18n: 'case.back' })),
	    status, errors, body);
	const hooks = { id, page, status, errors, reload: load, me };
	load();

	async function load(focus) {
		body.setAttribute('aria-busy', 'true');
		try {
			const [c, cat] = await Promise.all([
			    get(`/api/cases/${encodeURIComponent(id)}`),
			    loadCatalog()]);
			if (!page.current())
				return;
			show(c, cat);
			if (focus)
				main.querySelector(focus)?.focus();
		} catch (err) {
			if (!page.current())
				return;
			body.replaceChildren();
			showError(null, errors, err);
		} finally {
			body.removeAttribute('aria-busy');
		}
	}

	function show(c, cat) {
		const team = c.access === 'team' && !c.purged_at;
		// A former organisation reads only the head and its own events.
		const whole = c.access !== 'former';
		fill(body,
		    c.access !== 'team' ? alertBox('info', null,
			para(`case.access.${c.access}`)) : null,
		    dataList([
			['case.col.status', statusNode(c)],
			['case.col.type', typeNode(cat, c)],
			['case.col.municipality',
			    String(c.municipality_name ?? '')],
			['case.col.org', String(c.org_name ?? '')],
			['case.col.coordinator', c.coordinator ?
			    h('span', {}, String(c.coordinator), ' ',
			    telLink(c.coordinator_phone)) : nobody()],
			['case.col.source', sourceNode(c)],
			['case.col.accept_due', c.accept_due ?
			    dateNode(c.accept_due) : null],
			['case.col.created', dateNode(c.created_at)],
			['case.col.summary', c.summary ?
			    freeText(c.summary) : null],
		    ], { id: 'case-facts' }),
		    team ? stepSection(c, cat) : null,
		    whole ? peopleSection(c, cat, team) : null,
		    whole ? teamSection(c, team) : null,
		    whole ? careSection(c, cat, team) : null,
		    ...EXTRA.map((fn) => fn(c, hooks)),
		    timelineSection(c, cat, team));
	}

	function statusNode(c) {
		return h('span', {}, codeNode('case.status', c.status),
		    c.close_reason ? ' (' : null,
		    c.close_reason ? codeNode('case.close', c.close_reason) :
		    null, c.close_reason ? ')' : null);
	}

	function sourceNode(c) {
		if (c.signal_id)
			return h('span', { i18n: 'case.source.signal',
			    args: { id: String(c.signal_id) } });
		return codeNode('case.source', c.source);
	}

	// The next step of the status, as the state allows.
	function stepSection(c, cat) {
		const parts = [];
		const base = `/api/cases/${encodeURIComponent(id)}`;
		if (c.status === 'new') {
			parts.push(para('case.step.accept_intro'),
			    postButton(hooks, button('case.step.accept',
			    'primary'), `${base}/accept`, 'case.step.accepted',
			    '#case-step'));
		}
		if (c.status === 'accepted')
			parts.push(statusForm('in_care'));
		if (c.status === 'accepted' || c.status === 'in_care')
			parts.push(closeForm());
		if (c.status === 'closed')
			parts.push(statusForm('reopened'));
		parts.push(typeForm(c, cat));
		return section('case-step', 'case.step.title', ...parts);

		function statusForm(to) {
			const formErrors = h('div', { class: 'app-alerts' });
			const why = textArea({ name: 'why',
			    key: `case.step.${to}.why`, rows: 2,
			    maxlength: NOTE_MAX, required: to === 'reopened' });
			const form = h('form', { class: 'app-form',
			    novalidate: true, i18nAttr: { 'aria-label':
			    `case.step.${to}` } }, formErrors, why,
			    h('div', { class: 'utrecht-button-group' },
				button(`case.step.${to}`, 'primary',
				    { type: 'submit' })));
			submitCaseForm(hooks, { form, errors: formErrors,
			    path: `${base}/status`, doneKey: 'case.step.done',
			    focus: '#case-step',
			    check: () => to === 'reopened' &&
				form.elements.namedItem('why').value.trim() ===
				'' ? [{ field: 'why', key: 'field.required' }] :
				[],
			    body: () => ({ status: to, why: form.elements
				.namedItem('why').value.trim() || null }) });
			return form;
		}

		function closeForm() {
			const formErrors = h('div', { class: 'app-alerts' });
			const reason = field({ name: 'reason',
			    key: 'case.step.close.reason', required: true,
			    placeholder: 'field.choose_one',
			    options: CLOSE_REASONS.map((r) => ({ value: r,
				key: `case.close.${r}` })) });
			const why = textArea({ name: 'why',
			    key: 'case.step.close.why',
			    hint: 'case.step.close.why_hint', rows: 2,
			    maxlength: NOTE_MAX });
			const form = h('form', { class: 'app-form',
			    novalidate: true, i18nAttr: { 'aria-label':
			    'case.step.close' } }, formErrors, reason, why,
			    h('div', { class: 'utrecht-button-group' },
				button('case.step.close', 'secondary',
				    { type: 'submit' })));
			const details = h('details', { class: 'app-details' },
			    h('summary', { i18n: 'case.step.close' }), form);
			submitCaseForm(hooks, { form, errors: formErrors,
			    path: `${base}/status`, doneKey: 'case.step.done',
			    focus: '#case-step',
			    check: () => {
				const r = form.elements.namedItem('reason')
				    .value;
				const w = form.elements.namedItem('why').value
				    .trim();
				if (r === '')
					return [{ field: 'reason',
					    key: 'field.choose' }];
				if (r === 'other' && w === '')
					return [{ field: 'why',
					    key: 'field.required' }];
				return [];
			    },
			    body: () => ({ status: 'closed',
				reason: form.elements.namedItem('reason').value,
				why: form.elements.namedItem('why').value
				    .trim() || null }) });
			return details;
		}
	}

	function typeForm(c, cat) {
		const formErrors = h('div', { class: 'app-alerts' });
		const types = fieldset({ legend: 'case.type.legend',
		    field: 'type', class: 'app-choices' },
		    ...['trafficking', 'serious_disadvantage'].map((t) =>
			choice({ type: 'radio', name: 'type', value: t,
			    key: `case.type.${t}`, checked: c.type === t })));
		const forms = fieldset({ legend: 'case.forms.legend',
		    hint: 'case.forms.hint', field: 'forms',
		    class: 'app-choices' },
		    ...cat.forms.filter((f) => f.key !== 'ernstige_benadeling')
			.map((f) => {
			    const ch = choice({ name: 'forms', value: f.key,
				nl: f.nl, en: f.en });
			    const box = ch.querySelector('input');
			    if ((c.forms ?? []).includes(f.key))
				box.checked = true;
			    return ch;
			}));
		const why = textArea({ name: 'why', key: 'case.type.why',
		    rows: 2, maxlength: NOTE_MAX });
		const form = h('form', { class: 'app-form', novalidate: true,
		    i18nAttr: { 'aria-label': 'case.type.change' } },
		    formErrors, types, forms, why,
		    h('div', { class: 'utrecht-button-group' },
			button('case.type.change', 'secondary',
			    { type: 'submit' })));
		submitCaseForm(hooks, { form, errors: formErrors,
		    path: `/api/cases/${encodeURIComponent(id)}/type`,
		    doneKey: 'case.type.done', focus: '#case-step',
		    body: () => {
			const type = form.querySelector(
			    'input[name="type"]:checked')?.value;
			return { type, forms: type === 'trafficking' ?
			    [...form.querySelectorAll(
			    'input[name="forms"]:checked')].map((b) =>
			    b.value) : [], why: form.elements.namedItem('why')
			    .value.trim() || null };
		    } });
		return h('details', { class: 'app-details' },
		    h('summary', { i18n: 'case.type.change' }), form);
	}

	function peopleSection(c, cat, team) {
		const persons = c.persons ?? [];
		return section('case-people', 'case.people.title',
		    persons.length > 0 ? table('case-people',
			['case.people.kind', 'person.name', 'person.birth_date',
			'case.people.age', 'person.sex', 'person.nationality',
			'person.id_number', 'person.phone',
			'person.languages'],
			persons.map(({ person: p }) => [
			    codeNode('kind', p.kind),
			    p.name ? String(p.name) : none(),
			    p.birth_date ? dateNode(p.birth_date, 'day') :
				none(),
			    p.age_band ? String(p.age_band) : none(),
			    p.sex ? codeNode('sex', p.sex) : none(),
			    p.nationality ? codeNode('nationality',
				p.nationality) : none(),
			    p.id_number ? String(p.id_number) : none(),
			    telLink(p.phone),
			    p.languages ? String(p.languages) : none(),
			])) : para('case.people.none'),
		    knownElsewhere(c),
		    otherSignals(c),
		    team ? personForm(cat) : null);
	}

	function knownElsewhere(c) {
		const list = c.also_known ?? [];
		if (list.length === 0)
			return null;
		return h('div', {},
		    h('h3', { class: 'utrecht-heading-3', id: 'case-known',
			i18n: 'case.known.title' }),
		    para('case.known.intro'),
		    table('case-known', ['case.known.col.name',
			'case.known.col.org', 'case.known.col.phone'],
			list.map((k) => [k.username ? String(k.username) :
			    h('span', { i18n: 'case.known.no_coordinator' }),
			    String(k.org_name ?? ''), telLink(k.phone)])));
	}

	function otherSignals(c) {
		const list = c.other_signals ?? [];
		if (list.length === 0)
			return null;
		return h('div', {},
		    h('h3', { class: 'utrecht-heading-3', id: 'case-signals',
			i18n: 'case.signals.title' }),
		    para('case.signals.intro'),
		    table('case-signals', ['case.signals.col.date',
			'case.signals.col.municipality', 'case.known.col.name',
			'case.known.col.org', 'case.known.col.phone'],
			list.map((s) => [dateNode(s.created_at, 'date'),
			    String(s.municipality_name ?? ''),
			    s.username ? String(s.username) : none(),
			    s.org_name ? String(s.org_name) : none(),
			    telLink(s.phone)])));
	}

	function personForm(cat) {
		const formErrors = h('div', { class: 'app-alerts' });
		const kind = field({ name: 'kind', key: 'case.people.kind',
		    required: true, options: KINDS.map((k) => ({ value: k,
			key: `kind.${k}` })) });
		const part = personPart('victim', cat);
		const form = h('form', { class: 'app-form app-form--wide',
		    novalidate: true, i18nAttr: { 'aria-label':
		    'case.people.add' } }, formErrors, kind, part.el,
		    h('div', { class: 'utrecht-button-group' },
			button('case.people.add', 'secondary',
			    { type: 'submit' })));
		submitCaseForm(hooks, { form, errors: formErrors,
		    path: `/api/cases/${encodeURIComponent(id)}/persons`,
		    doneKey: 'case.people.added', focus: '#case-people',
		    check: () => part.invalid(),
		    body: () => ({ ...(part.value() ?? {}),
			kind: form.elements.namedItem('kind').value }) });
		return h('details', { class: 'app-details' },
		    h('summary', { i18n: 'case.people.add' }), form);
	}

	function teamSection(c, team) {
		const base = `/api/cases/${encodeURIComponent(id)}/members`;
		const members = c.members ?? [];
		const assignable = (c.colleagues ?? []).filter((u) =>
		    u.username !== c.coordinator &&
		    !members.some((m) => m.user_id === u.user_id));
		let form = null;
		if (team && assignable.length > 0) {
			const formErrors = h('div', { class: 'app-alerts' });
			const who = field({ name: 'user_id',
			    key: 'case.team.colleague', required: true,
			    placeholder: 'field.choose_one',
			    options: assignable.map((u) => ({
				value: String(u.user_id),
				text: String(u.username) })) });
			form = h('form', { class: 'app-form', novalidate: true,
			    i18nAttr: { 'aria-label': 'case.team.add' } },
			    formErrors, who,
			    h('div', { class: 'utrecht-button-group' },
				button('case.team.add', 'secondary',
				    { type: 'submit' })));
			submitCaseForm(hooks, { form, errors: formErrors,
			    path: base, doneKey: 'case.team.added',
			    focus: '#case-team',
			    check: () => form.elements.namedItem('user_id')
				.value === '' ? [{ field: 'user_id',
				key: 'field.choose' }] : [],
			    body: () => ({ user_id: Number(form.elements
				.namedItem('user_id').value) }) });
		}
		return section('case-team', 'case.team.title',
		    members.length > 0 ? table('case-team',
			['case.team.col.name', 'case.known.col.phone',
			'case.team.col.action'],
			members.map((m) => [String(m.username),
			    telLink(m.phone), team ? postButton(hooks,
			    button('case.team.remove', 'subtle', { args:
			    { name: String(m.username) } }),
			    `${base}/${m.user_id}/remove`, 'case.team.removed',
			    '#case-team') : none()])) :
			para('case.team.none'),
		    form);
	}

	function careSection(c, cat, team) {
		const base = `/api/cases/${encodeURIComponent(id)}`;
		const needs = c.needs ?? [];
		const plan = c.plan;
		return section('case-care', 'case.care.title',
		    h('h3', { class: 'utrecht-heading-3', id: 'case-needs',
			i18n: 'case.needs.title' }),
		    needs.length > 0 ? table('case-needs',
			['case.needs.col.need', 'case.needs.col.status',
			'case.needs.col.since', 'case.team.col.action'],
			needs.map((n) => [needNode(cat, n.need),
			    codeNode('case.need', n.status),
			    dateNode(n.updated_at, 'date'),
			    team ? needButtons(n) : none()])) :
			para('case.needs.none'),
		    team ? needForm() : null,
		    h('h3', { class: 'utrecht-heading-3', id: 'case-plan',
			tabindex: '-1', i18n: 'case.plan.title' }),
		    plan ? dataList([
			['case.plan.goals', freeText(plan.goals)],
			['case.plan.tasks', (plan.tasks ?? []).length > 0 ?
			    h('ul', { class: 'utrecht-unordered-list' },
			    plan.tasks.map((t) => h('li', {
				class: 'utrecht-unordered-list__item' },
				h('strong', { text: String(t.who) }), ': ',
				String(t.what)))) : none()],
			['case.plan.review_on', plan.review_on ?
			    dateNode(plan.review_on, 'day') : none()],
			['case.plan.updated', h('span', {},
			    dateNode(plan.updated_at), ' ',
			    String(plan.updated_by ?? ''))],
		    ]) : para('case.plan.none'),
		    team ? planForm(plan) : null);

		function needButtons(n) {
			const next = n.status === 'open' ? ['met', 'dropped'] :
			    ['open'];
			return h('div', { class: 'utrecht-button-group' },
			    next.map((s) => {
				const b = button(`case.need.to.${s}`, 'subtle');
				b.addEventListener('click', async () => {
					b.disabled = true;
					try {
						await post(
						    `${base}/needs/${n.id}`,
						    { status: s });
						await hooks.reload('#case-needs');
					} catch (err) {
						showError(null, errors, err);
					} finally {
						b.disabled = false;
					}
				});
				return b;
			    }));
		}

		function needForm() {
			const formErrors = h('div', { class: 'app-alerts' });
			const have = new Set(needs.map((n) => n.need));
			const need = field({ name: 'need', key: 'case.needs.add',
			    required: true, placeholder: 'field.choose_one',
			    options: cat.help_needs.filter((n) =>
				!have.has(n.id)).map((n) => ({ value: n.id,
				text: lang() === 'en' ? n.text_en : n.text_nl })) });
			const form = h('form', { class: 'app-form',
			    novalidate: true, i18nAttr: { 'aria-label':
			    'case.needs.add' } }, formErrors, need,
			    h('div', { class: 'utrecht-button-group' },
				button('case.needs.add_submit', 'secondary',
				    { type: 'submit' })));
			submitCaseForm(hooks, { form, errors: formErrors,
			    path: `${base}/needs`, doneKey: 'case.needs.added',
			    focus: '#case-needs',
			    check: () => form.elements.namedItem('need')
				.value === '' ? [{ field: 'need',
				key: 'field.choose' }] : [],
			    body: () => ({ need: form.elements
				.namedItem('need').value }) });
			return form;
		}

		function planForm(p) {
			const formErrors = h('div', { class: 'app-alerts' });
			const goals = textArea({ name: 'goals',
			    key: 'case.plan.goals', rows: 3,
			    maxlength: NOTE_MAX });
			goals.querySelector('textarea').value = p?.goals ?? '';
			const rows = [...(p?.tasks ?? []), {}, {}].slice(0,
			    Math.max(3, (p?.tasks ?? []).length + 1));
			const tasks = fieldset({ legend: 'case.plan.tasks',
			    hint: 'case.plan.tasks_hint', field: 'tasks' },
			    ...rows.map((t, i) => {
				const who = field({ name: `tasks[${i}].who`,
				    key: 'case.plan.who', maxlength: 200 });
				const what = field({ name: `tasks[${i}].what`,
				    key: 'case.plan.what', maxlength: 2000 });
				who.control.value = t.who ?? '';
				what.control.value = t.what ?? '';
				return h('div', { class: 'app-task' }, who,
				    what);
			    }));
			const review = field({ name: 'review_on',
			    key: 'case.plan.review_on', type: 'date' });
			review.control.value = p?.review_on ?? '';
			const form = h('form', { class: 'app-form app-form--wide',
			    novalidate: true, i18nAttr: { 'aria-label':
			    'case.plan.save' } }, formErrors, goals, tasks,
			    review, h('div', { class: 'utrecht-button-group' },
				button('case.plan.save', 'primary',
				    { type: 'submit' })));
			submitCaseForm(hooks, { form, errors: formErrors,
			    path: `${base}/plan`, doneKey: 'case.plan.saved',
			    focus: '#case-plan',
			    body: () => {
				const v = (n) => form.elements.namedItem(n)
				    .value.trim();
				const list = rows.map((_, i) => ({
				    who: v(`tasks[${i}].who`),
				    what: v(`tasks[${i}].what`) }))
				    .filter((t) => t.who !== '' ||
				    t.what !== '');
				return { goals: v('goals') || null,
				    tasks: list, review_on: v('review_on') ||
				    null };
			    } });
			return h('details', { class: 'app-details',
			    open: p ? null : true },
			    h('summary', { i18n: p ? 'case.plan.change' :
				'case.plan.make' }), form);
		}
	}

	function timelineSection(c, cat, team) {
		const events = c.timeline ?? [];
		let form = null;
		if (team) {
			const formErrors = h('div', { class: 'app-alerts' });
			const text = textArea({ name: 'text',
			    key: 'case.note.label', hint: 'case.note.hint',
			    rows: 3, maxlength: NOTE_MAX, required: true });
			form = h('form', { class: 'app-form app-form--wide',
			    novalidate: true, i18nAttr: { 'aria-label':
			    'case.note.add' } }, formErrors, text,
			    h('div', { class: 'utrecht-button-group' },
				button('case.note.add', 'primary',
				    { type: 'submit' })));
			submitCaseForm(hooks, { form, errors: formErrors,
			    path: `/api/cases/${encodeURIComponent(id)}/notes`,
			    doneKey: 'case.note.added', focus: '#case-timeline',
			    check: () => form.elements.namedItem('text').value
				.trim() === '' ? [{ field: 'text',
				key: 'field.required' }] : [],
			    body: () => ({ text: form.elements
				.namedItem('text').value.trim() }) });
		}
		return section('case-timeline', 'case.timeline.title',
		    events.length > 0 ? h('ol', { class: 'app-timeline' },
			[...events].reverse().map((e) => h('li', {
			    class: 'app-timeline__item' },
			    h('p', { class: 'utrecht-paragraph ' +
				'app-timeline__head' },
				dateNode(e.at), ' · ',
				h('strong', {}, eventNode(c, cat, e)), ' · ',
				e.username ? String(e.username) : h('span', {
				    i18n: 'case.event.system' }),
				e.org_name ? ` (${e.org_name})` : null),
			    e.text ? h('p', { class: 'utrecht-paragraph' },
				freeText(e.text)) : null))) :
			para('case.timeline.none'),
		    form);
	}
}

// An event of the timeline in words: its kind and, where the plain codes
// say more, what changed.
function eventNode(c, cat, e) {
	const d = String(e.detail ?? '');
	const kind = h('span', { i18n: `case.event.${e.kind}` });
	if (e.kind === 'status') {
		const [from, rest] = d.split('>');
		const [to, reason] = (rest ?? '').split(':');
		return h('span', {}, kind, ': ', codeNode('case.status', from),
		    ' → ', codeNode('case.status', to), reason ? ' (' : null,
		    reason ? codeNode('case.close', reason) : null,
		    reason ? ')' : null);
	}
	if (e.kind === 'need') {
		const [need, st] = d.split('>');
		return h('span', {}, kind, ': ', needNode(cat, need), ' → ',
		    codeNode('case.need', st));
	}
	if (e.kind === 'type') {
		const [type, forms] = d.split(':');
		return h('span', {}, kind, ': ', codeNode('case.type', type),
		    forms ? ` (` : null, forms ? forms.split(',').map((f, i) =>
			[i > 0 ? ', ' : null, formNode(cat, f)]).flat() : null,
		    forms ? ')' : null);
	}
	if (e.kind === 'member') {
		const uid = Number(d.slice(1));
		const u = [...(c.members ?? []), ...(c.colleagues ?? [])]
		    .find((m) => m.user_id === uid);
		return h('span', {}, h('span', { i18n: d.startsWith('+') ?
		    'case.event.member_added' : 'case.event.member_removed' }),
		    ': ', u ? String(u.username) : `#${uid}`);
	}
	if (e.kind === 'opened' && d.startsWith('signal:'))
		return h('span', { i18n: 'case.event.opened_signal',
		    args: { id: d.slice(7) } });
	if (e.kind === 'opened' && d.startsWith('source:'))
		return h('span', {}, kind, ': ', codeNode('case.source',
		    d.slice(7)));
	if (e.kind === 'plan' && d.startsWith('review>'))
		return h('span', {}, kind, ': ', h('span', {
		    i18n: 'case.plan.review_on' }), ' ', dateNode(d.slice(7),
		    'day'));
	if (e.kind === 'person')
		return h('span', {}, kind, ': ', codeNode('kind', d.slice(1)));
	return kind;
}

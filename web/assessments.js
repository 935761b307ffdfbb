// assessments: the assessor's pages.  #/assessments lists what was
// submitted to the assessor's committee (GET /api/assessments): open ones
// first by the decision due, past-due ones marked; no personal data.
// #/assessments/7 shows one (GET /api/assessments/7): the assessment,
// what the case team shared of the case while it is open (nothing else
// of the case is ever sent), and the form for the decision that is due:
// the first (reasonable grounds: plausible or not) and, when plausible,
// the final one (POST /api/assessments/7/first or /final).  Reading it
// is on the case's audit trail.
//
// assessmentsStart(me) is the part of the start page for an assessor:
// how many assessments wait for a decision and how many are past due,
// with the way to the list; null for anyone else.

import { ApiError, clearErrors, get, loadInto, post, showError,
    showInvalid } from './api.js';
import { alertBox, button, h, nextId, pageHeading, para, table }
    from './dom.js';
import { assessmentFacts, codeList, dueNode } from './case-identification.js';
import { choice, codeNode, dataList, dateNode, fieldset, freeText, none,
    section, textArea } from './parts.js';

const REASONS_MAX = 10000;
const DECISIONS = {
	first: ['plausible', 'not_plausible'],
	final: ['identified', 'not_identified'],
};

export function renderAssessments(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	main.replaceChildren(pageHeading('ident.list.title'),
	    para('ident.list.intro'),
	    h('section', { 'aria-labelledby': 'assessments-list' },
		h('h2', { class: 'utrecht-heading-2', id: 'assessments-list',
		    i18n: 'ident.list.heading' }),
		errors, list));
	loadInto(page, list, errors, '/api/assessments', (res) => {
		const rows = res?.assessments ?? [];
		if (rows.length === 0)
			return para('ident.list.empty');
		const t = table('assessments-list', ['ident.col.id',
		    'ident.col.status', 'ident.col.due', 'ident.col.submitted',
		    'ident.col.org', 'ident.col.parts'],
		    rows.map((a) => [
			h('a', { class: 'utrecht-link app-nowrap',
			    href: `#/assessments/${encodeURIComponent(a.id)}`,
			    i18n: 'ident.open', args: { id: String(a.id) } }),
			codeNode('ident.status', a.status),
			dueNode(a.due, a.overdue),
			dateNode(a.submitted_at, 'date'),
			String(a.submitted_org ?? ''),
			codeList('ident.part', a.parts),
		    ]));
		const trs = t.querySelectorAll('tbody tr');
		for (const [i, a] of rows.entries())
			if (a.overdue)
				trs[i].classList.add('app-row--overdue');
		return t;
	});
}

// A person shared with the committee.
function personFacts(p, n) {
	const hid = nextId('shared-person');
	return h('section', { 'aria-labelledby': hid },
	    h('h3', { class: 'utrecht-heading-3', id: hid,
		i18n: 'ident.shared.person', args: { n } }),
	    dataList([
		['ident.person.kind', codeNode('ident.kind', p.kind)],
		['person.name', p.name ? String(p.name) : null],
		['person.birth_date', p.birth_date ? String(p.birth_date) :
		    null],
		['person.estimated_age', p.estimated_age !== null &&
		    p.estimated_age !== undefined ? String(p.estimated_age) :
		    null],
		['person.sex', p.sex ? codeNode('sex', p.sex) : null],
		['person.nationality', p.nationality ?
		    codeNode('nationality', p.nationality) : null],
		['person.id_number', p.id_number ? String(p.id_number) :
		    null],
		['person.phone', p.phone ? String(p.phone) : null],
		['person.languages', p.languages ? String(p.languages) :
		    null],
	    ]));
}

// What the case team shared, part by part.
function sharedSection(shared) {
	if (shared === null || shared === undefined)
		return section('ident-shared', 'ident.shared.title',
		    para('ident.shared.closed'));
	const parts = [];
	if ('summary' in shared)
		parts.push(dataList([['ident.part.summary',
		    freeText(shared.summary)]]));
	if ('type' in shared)
		parts.push(dataList([
		    ['ident.shared.type', codeNode('ident.type', shared.type)],
		    ['ident.shared.forms', codeList('ident.form', shared.forms)],
		    ['ident.shared.indicators', (shared.indicators ?? [])
			.length > 0 ? String(shared.indicators.join(', ')) :
			none()]]));
	if ('persons' in shared)
		parts.push(...(shared.persons ?? []).map((p, i) =>
		    personFacts(p, i + 1)));
	if ('needs' in shared)
		parts.push(dataList([['ident.part.needs', (shared.needs ?? [])
		    .length > 0 ? String(shared.needs.map((n) =>
		    `${n.need} (${n.status})`).join(', ')) : none()]]));
	if ('plan' in shared)
		parts.push(dataList([
		    ['ident.shared.goals', freeText(shared.plan?.goals)],
		    ['ident.shared.tasks', (shared.plan?.tasks ?? []).length >
			0 ? h('ul', { class: 'utrecht-unordered-list' },
			shared.plan.tasks.map((t) => h('li', {
			    class: 'utrecht-unordered-list__item' },
			    `${t.who}: ${t.what}`))) : none()]]));
	if ('timeline' in shared)
		parts.push(h('ol', { class: 'app-timeline' },
		    (shared.timeline ?? []).map((e) => h('li', {},
			dateNode(e.at, 'date'), ' ', String(e.kind ?? ''),
			e.detail ? ` (${e.detail})` : '',
			e.username ? ` – ${e.username}` : '',
			e.text ? h('div', {}, freeText(e.text)) : null))));
	return section('ident-shared', 'ident.shared.title',
	    para(parts.length > 0 ? 'ident.shared.intro' :
		'ident.shared.nothing'), ...parts);
}

function decisionForm(a, stage, reload, status, errors, page) {
	const formErrors = h('div', { class: 'app-alerts' });
	const hid = nextId('decide');
	const choices = fieldset({ legend: `ident.${stage}.decision`,
	    field: 'decision', class: 'app-choices', required: true },
	    ...DECISIONS[stage].map((d) => choice({ type: 'radio',
		name: 'decision', value: d, key: `ident.decision.${d}` })));
	const reasons = textArea({ name: 'reasons', key: 'ident.reasons',
	    hint: 'ident.reasons.hint', rows: 5, maxlength: REASONS_MAX,
	    required: true });
	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true, 'aria-labelledby': hid },
	    h('h2', { class: 'utrecht-heading-2', id: hid,
		i18n: `ident.${stage}.title` }),
	    para(`ident.${stage}.intro`),
	    formErrors, choices, reasons,
	    h('div', { class: 'utrecht-button-group' },
		button(`ident.${stage}.submit`, 'primary',
		    { type: 'submit' })));
	let busy = false;
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		if (busy)
			return;
		status.replaceChildren();
		errors.replaceChildren();
		const decision = form.querySelector(
		    'input[name="decision"]:checked')?.value ?? '';
		const text = reasons.control.value.trim();
		const bad = [];
		if (decision === '')
			bad.push({ field: 'decision', key: 'field.choose' });
		if (text === '')
			bad.push({ field: 'reasons', key: 'field.required' });
		if (bad.length > 0) {
			showInvalid(form, formErrors, bad);
			return;
		}
		clearErrors(form, formErrors);
		busy = true;
		form.setAttribute('aria-busy', 'true');
		try {
			await post(`/api/assessments/${encodeURIComponent(
			    a.id)}/${stage}`, { decision, reasons: text });
			if (!page.current())
				return;
			status.append(alertBox('ok', null,
			    para(`ident.${stage}.done`)));
			await reload('#page-title');
		} catch (err) {
			if (!page.current())
				return;
			if (err instanceof ApiError && err.status === 409) {
				showError(null, errors, err);
				await reload('#page-title');
			} else {
				showError(form, formErrors, err);
			}
		} finally {
			busy = false;
			form.removeAttribute('aria-busy');
		}
	});
	return form;
}

export function renderAssessment(main, page, me, id) {
	const status = h('div', { role: 'status', class: 'app-status' });
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	main.replaceChildren(
	    h('h1', { class: 'utrecht-heading-1', id: 'page-title',
		tabindex: '-1', i18n: 'ident.detail.title',
		args: { id: String(id) } }),
	    h('p', { class: 'utrecht-paragraph' },
		h('a', { class: 'utrecht-link', href: '#/assessments',
		    i18n: 'ident.back' })),
	    status, errors, body);

	async function reload(focus) {
		const res = await loadInto(page, body, errors,
		    `/api/assessments/${encodeURIComponent(id)}`, show);
		if (res && focus)
			main.querySelector(focus)?.focus();
	}

	function show(res) {
		const a = res.assessment;
		const stage = a.status === 'submitted' ? 'first' :
		    a.status === 'first_decided' ? 'final' : null;
		return [
		    section('ident-facts', 'ident.facts.title',
			assessmentFacts(a),
			a.submitted_phone ? para('ident.call', {
			    name: String(a.submitted_by ?? ''),
			    phone: String(a.submitted_phone) }) : null),
		    sharedSection(res.shared),
		    stage ? decisionForm(a, stage, reload, status, errors,
			page) : null,
		];
	}
	reload();
}

// The start page's part for an assessor: what waits for a decision.
export async function assessmentsStart(me) {
	if (me?.role !== 'assessor')
		return null;
	let rows;
	try {
		rows = (await get('/api/assessments'))?.assessments ?? [];
	} catch {
		return null;
	}
	const open = rows.filter((a) => a.status === 'submitted' ||
	    a.status === 'first_decided');
	const late = open.filter((a) => a.overdue).length;
	return section('start-assessments', 'ident.start.title',
	    para(open.length === 0 ? 'ident.start.none' : late > 0 ?
		'ident.start.late' : 'ident.start.waiting',
		{ count: open.length, late }),
	    h('p', { class: 'utrecht-paragraph' },
		h('a', { class: 'utrecht-link', href: '#/assessments',
		    i18n: 'ident.start.link' })));
}

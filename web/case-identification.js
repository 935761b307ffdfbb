// case-identification: the identification part of the case page, for the
// case team.  A victim can be identified by a multidisciplinary
// assessment apart from the criminal case: the coordinator submits the
// case to an assessment committee (POST /api/cases/{id}/assessments),
// choosing which parts of the case the committee may see (none unless
// ticked) and the sources the identification rests on (a police report
// is one, never a requirement), and may withdraw an open assessment with
// a reason (POST .../assessments/{aid}/withdraw).  The committee's first
// decision (reasonable grounds) and final decision are shown with their
// reasons and deadlines.  A case of serious disadvantage has no
// identification track; the section says so.
//
// identificationSection(c, hooks): c is GET /api/cases/{id}; hooks is
// { id, page, reload(focusSelector), errors, status }.  Returns the
// <section>, or null when c has no identification part (not the case
// team).  assessmentFacts(a) is the data list of one assessment, which
// the assessor's pages (assessments.js) show too.
//
// Notes and reasons are free text from people: shown as typed.

import { ApiError, clearErrors, get, post, showError, showInvalid }
    from './api.js';
import { alertBox, button, field, h, nextId, para, setOptions }
    from './dom.js';
import { checkedValues, choice, codeNode, dataList, dateNode, fieldset,
    freeText, none, section, textArea } from './parts.js';

export const PARTS = ['summary', 'persons', 'forms', 'needs', 'plan',
    'timeline'];
export const SOURCES = ['police_report', 'care_observation',
    'labour_inspectorate', 'victim_statement', 'other'];
const NOTE_MAX = 10000;

// A list of codes in words, or "none".
export function codeList(prefix, codes) {
	const list = Array.isArray(codes) ? codes : [];
	if (list.length === 0)
		return none();
	return h('ul', { class: 'utrecht-unordered-list app-codes' },
	    list.map((c) => h('li', { class: 'utrecht-unordered-list__item' },
		codeNode(prefix, c))));
}

// A deadline, with "past due" when it has passed.
export function dueNode(due, overdue) {
	if (!due)
		return none();
	return h('span', { class: overdue ? 'app-due app-due--overdue' :
	    'app-due' }, dateNode(due, 'date'),
	    overdue ? ' ' : null,
	    overdue ? h('strong', { class: 'app-overdue',
		i18n: 'ident.overdue' }) : null);
}

function decisionNode(d) {
	if (!d)
		return null;
	return h('div', { class: 'app-decision' },
	    h('p', { class: 'utrecht-paragraph' },
		h('strong', {}, codeNode('ident.decision', d.decision)), ' ',
		h('span', { i18n: 'ident.by', args: { name: String(d.by ??
		    '') } }), ' ', dateNode(d.at, 'date')),
	    h('p', { class: 'utrecht-paragraph' }, freeText(d.reasons)));
}

// The facts of one assessment as a data list.
export function assessmentFacts(a) {
	return dataList([
	    ['ident.committee', String(a.committee_name ?? '')],
	    ['ident.status', codeNode('ident.status', a.status)],
	    ['ident.parts', codeList('ident.part', a.parts)],
	    ['ident.sources', codeList('ident.source', a.sources)],
	    ['ident.note', freeText(a.note)],
	    ['ident.submitted', h('span', {}, dateNode(a.submitted_at, 'date'),
		', ', String(a.submitted_by ?? ''),
		a.submitted_org ? ` (${a.submitted_org})` : '')],
	    ['ident.first_due', a.first ? null :
		dueNode(a.first_due, a.status === 'submitted' && a.overdue)],
	    ['ident.first', decisionNode(a.first)],
	    ['ident.final_due', a.final_due && !a.final ?
		dueNode(a.final_due, a.status === 'first_decided' &&
		a.overdue) : null],
	    ['ident.final', decisionNode(a.final)],
	    ['ident.withdrawn', a.withdrawn_at ? h('span', {},
		dateNode(a.withdrawn_at, 'date'), ', ',
		String(a.withdrawn_by ?? '')) : null],
	]);
}

// Posts body to path from form; says doneKey and reloads, focusing
// focus.  A 409 (changed meanwhile) is said and reloads too.
function submitting(hooks, form, formErrors, path, body, doneKey, focus) {
	let busy = false;
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		if (busy)
			return;
		hooks.status.replaceChildren();
		hooks.errors.replaceChildren();
		const b = body();
		if (b === null)
			return;
		clearErrors(form, formErrors);
		busy = true;
		form.setAttribute('aria-busy', 'true');
		try {
			await post(path, b);
			if (!hooks.page.current())
				return;
			hooks.status.append(alertBox('ok', null, para(doneKey)));
			await hooks.reload(focus);
		} catch (err) {
			if (!hooks.page.current())
				return;
			if (err instanceof ApiError && err.status === 409) {
				showError(null, hooks.errors, err);
				await hooks.reload(focus);
			} else {
				showError(form, formErrors, err);
			}
		} finally {
			busy = false;
			form.removeAttribute('aria-busy');
		}
	});
}

function withdrawForm(c, a, hooks, headingId) {
	const formErrors = h('div', { class: 'app-alerts' });
	const why = textArea({ name: 'why', key: 'ident.withdraw.why',
	    hint: 'ident.withdraw.why.hint', rows: 3, maxlength: NOTE_MAX,
	    required: true });
	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true, 'aria-labelledby': headingId },
	    formErrors, why,
	    h('div', { class: 'utrecht-button-group' },
		button('ident.withdraw.submit', 'secondary',
		    { type: 'submit' })));
	submitting(hooks, form, formErrors,
	    `/api/cases/${encodeURIComponent(c.id)}/assessments/` +
	    `${encodeURIComponent(a.id)}/withdraw`,
	    () => {
		const text = why.control.value.trim();
		if (text === '') {
			showInvalid(form, formErrors, [{ field: 'why',
			    key: 'field.required' }]);
			return null;
		}
		return { why: text };
	    }, 'ident.withdraw.done', '#ident-title');
	return form;
}

function submitForm(c, hooks) {
	const formErrors = h('div', { class: 'app-alerts' });
	const committee = field({ name: 'committee_org_id',
	    key: 'ident.committee', hint: 'ident.committee.hint',
	    required: true, placeholder: 'ident.committee.choose',
	    options: [] });
	get('/api/committees').then((res) => {
		if (hooks.page.current())
			setOptions(committee.control, (res?.committees ?? [])
			    .map((o) => ({ value: String(o.id),
			    text: String(o.name ?? '') })), true);
	}, (err) => {
		if (hooks.page.current())
			showError(null, formErrors, err);
	});
	const parts = fieldset({ legend: 'ident.parts', field: 'parts',
	    hint: 'ident.parts.hint', class: 'app-choices' },
	    ...PARTS.map((p) => choice({ name: 'parts', value: p,
		key: `ident.part.${p}` })));
	const sources = fieldset({ legend: 'ident.sources', field: 'sources',
	    hint: 'ident.sources.hint', class: 'app-choices' },
	    ...SOURCES.map((s) => choice({ name: 'sources', value: s,
		key: `ident.source.${s}` })));
	const note = textArea({ name: 'note', key: 'ident.note',
	    hint: 'ident.note.hint', rows: 4, maxlength: NOTE_MAX });
	const hid = nextId('ident-submit');
	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true, 'aria-labelledby': hid },
	    h('h3', { class: 'utrecht-heading-3', id: hid,
		i18n: 'ident.submit.title' }),
	    para('ident.submit.intro'),
	    formErrors, committee, parts, sources, note,
	    h('div', { class: 'utrecht-button-group' },
		button('ident.submit', 'primary', { type: 'submit' })));
	submitting(hooks, form, formErrors,
	    `/api/cases/${encodeURIComponent(c.id)}/assessments`,
	    () => {
		const org = committee.control.value;
		if (org === '') {
			showInvalid(form, formErrors, [{
			    field: 'committee_org_id',
			    key: 'field.choose' }]);
			return null;
		}
		const text = note.control.value.trim();
		return { committee_org_id: Number(org),
		    parts: checkedValues(form, 'parts'),
		    sources: checkedValues(form, 'sources'),
		    note: text === '' ? null : text };
	    }, 'ident.submit.done', '#ident-title');
	return form;
}

export function identificationSection(c, hooks) {
	const part = c?.identification;
	if (part === null || part === undefined)
		return null;
	if (!part.track)
		return section('ident-title', 'ident.title',
		    para('ident.no_track'));
	const list = Array.isArray(part.assessments) ? part.assessments : [];
	const open = list.some((a) => a.open);
	return section('ident-title', 'ident.title',
	    para('ident.intro'),
	    list.length === 0 ? para('ident.none') :
		h('ol', { class: 'app-advice-list app-assessments' },
		    list.map((a) => {
			const hid = nextId('assessment');
			return h('li', { class: 'app-advice',
			    'data-assessment': String(a.id) },
			    h('h3', { class: 'utrecht-heading-3', id: hid,
				i18n: 'ident.heading',
				args: { id: String(a.id) } }),
			    assessmentFacts(a),
			    a.open ? withdrawForm(c, a, hooks, hid) : null);
		    })),
	    open || c.status === 'closed' ? null : submitForm(c, hooks));
}

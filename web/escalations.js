// escalations: the regional expert team's pages.  #/escalations lists
// what the case teams escalated to the team (GET /api/escalations), open
// ones with their answer deadline; no personal data.  #/escalations/7
// shows one (GET /api/escalations/7): the ground, the summary and
// exactly the shared parts of the case (read live, audited on the case),
// and while it is open the answer: an outcome and the advice or
// solution (POST /api/escalations/7/answer), which lands on the case's
// timeline.

import { ApiError, clearErrors, loadInto, post, showError, showInvalid }
    from './api.js';
import { alertBox, button, h, pageHeading, para, table } from './dom.js';
import { choice, codeNode, dataList, dateNode, fieldset, freeText, none,
    section, textArea } from './parts.js';
import { dueNode, sharedSection } from './referrals.js';

const TEXT_MAX = 10000;
// Fields chosen rather than typed: their message says choose.
const CHOOSE = ['outcome', 'ground', 'basis', 'provider', 'need'];
const OUTCOMES = ['advice', 'placed', 'provider_found', 'other'];

export function renderEscalations(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	main.replaceChildren(pageHeading('esc.list.title'),
	    para('esc.list.intro'),
	    h('section', { 'aria-labelledby': 'escalations-list' },
		h('h2', { class: 'utrecht-heading-2', id: 'escalations-list',
		    i18n: 'esc.list.heading' }),
		errors, list));
	loadInto(page, list, errors, '/api/escalations', (res) => {
		const rows = res?.escalations ?? [];
		if (rows.length === 0)
			return para('esc.list.empty');
		return table('escalations-list', ['esc.col.id',
		    'esc.col.ground', 'esc.col.status', 'esc.col.from',
		    'esc.col.due'],
		    rows.map((e) => [
			h('a', { class: 'utrecht-link app-nowrap',
			    href: `#/escalations/${encodeURIComponent(e.id)}`,
			    i18n: 'esc.open', args: { id: String(e.id) } }),
			codeNode('esc.ground', e.ground),
			codeNode('esc.status', e.status),
			String(e.from_org_name ?? ''),
			e.status === 'open' ? dueNode(e.answer_due,
			    e.overdue) : none(),
		    ]));
	});
}

export function renderEscalation(main, page, me, id) {
	const status = h('div', { role: 'status', class: 'app-status' });
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	const base = `/api/escalations/${encodeURIComponent(id)}`;
	main.replaceChildren(
	    h('h1', { class: 'utrecht-heading-1', id: 'page-title',
		tabindex: '-1', i18n: 'esc.detail.title.n',
		args: { id: String(id) } }),
	    h('p', { class: 'utrecht-paragraph' },
		h('a', { class: 'utrecht-link', href: '#/escalations',
		    i18n: 'esc.back' })),
	    status, errors, body);
	load();

	function load() {
		return loadInto(page, body, errors, base, (e) => {
			page.setTitle('esc.detail.title.n', { id: String(e.id) });
			return render(e);
		});
	}

	function answerForm() {
		const formErrors = h('div', { class: 'app-alerts' });
		const text = textArea({ name: 'text', key: 'esc.answer.text',
		    hint: 'esc.answer.hint', rows: 4, maxlength: TEXT_MAX,
		    required: true });
		const form = h('form', { class: 'app-form app-form--wide',
		    novalidate: true, i18nAttr: { 'aria-label':
		    'esc.answer.form' } }, formErrors,
		    fieldset({ legend: 'esc.answer.legend', field: 'outcome',
			required: true }, ...OUTCOMES.map((c) => choice({
			type: 'radio', name: 'outcome', value: c,
			key: `esc.outcome.${c}` }))),
		    text, h('div', { class: 'utrecht-button-group' },
			button('esc.answer.submit', 'primary',
			{ type: 'submit' })));
		form.addEventListener('submit', async (ev) => {
			ev.preventDefault();
			const picked = form.querySelector(
			    'input[name="outcome"]:checked');
			const bad = [];
			if (!picked)
				bad.push('outcome');
			if (text.control.value.trim() === '')
				bad.push('text');
			if (bad.length > 0) {
				showInvalid(form, formErrors, bad.map((f) => ({
			    field: f, key: CHOOSE.includes(f) ? 'field.choose' :
			    'field.required' })));
				return;
			}
			clearErrors(form, formErrors);
			status.replaceChildren();
			try {
				await post(`${base}/answer`, {
				    outcome: picked.value,
				    text: text.control.value.trim() });
				if (!page.current())
					return;
				status.append(alertBox('ok', null,
				    para('esc.answered')));
				await load();
			} catch (err) {
				if (!page.current())
					return;
				showError(form, formErrors, err);
				if (err instanceof ApiError &&
				    err.status === 409)
					await load();
			}
		});
		return form;
	}

	function render(e) {
		return [
		    dataList([
			['esc.col.ground', codeNode('esc.ground', e.ground)],
			['esc.col.status', codeNode('esc.status', e.status)],
			['esc.col.from', String(e.from_org_name ?? '')],
			['esc.need', e.need ? String(e.need) : null],
			['esc.sent_at', dateNode(e.sent_at)],
			['esc.col.due', e.status === 'open' ?
			    dueNode(e.answer_due, e.overdue) : null],
			['esc.summary', e.summary ? freeText(e.summary) :
			    null],
			['esc.col.outcome', e.outcome ?
			    codeNode('esc.outcome', e.outcome) : null],
			['esc.answer', e.answer ? freeText(e.answer) : null],
		    ], { id: 'esc-facts' }),
		    sharedSection(e),
		    e.status === 'open' ? section('esc-answer',
			'esc.answer.title', answerForm()) : null,
		];
	}
}

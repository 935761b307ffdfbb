// questions: what the advice-and-reporting point asks the reporter of a
// signal, and the answers.  An advisor of the point asks on the signal's
// detail in the queue (POST /api/signals/{id}/questions); the reporter
// answers each question once on their own page of the signal (POST
// /api/signals/{id}/questions/{qid}/answer).  Both see the same list,
// oldest first, from GET /api/signals/{id}.
//
// The pages own the signal and reload it after every change; the forms
// here get {id, page, status, errors, reload}: the signal's number, the
// page token, a status region and an alert host that outlive the reload,
// and reload(), which reads the signal again, shows it and moves focus
// to the questions heading.
//
// Questions and answers are free text from people: shown as typed, never
// as markup.

import { ApiError, clearErrors, missing, post, showError, showInvalid }
    from './api.js';
import { alertBox, button, h, nextId, para } from './dom.js';
import { dataList, dateNode, freeText, textArea } from './parts.js';

// The limits of the API.
const QUESTION_MAX = 5000;
const ANSWER_MAX = 10000;

// True while a question waits for its answer.
export function isOpen(q) {
	return q.answer === null || q.answer === undefined;
}

// One question as a list item: a heading with its number, who asked and
// when, the question, and the answer or that there is none yet (left out
// when a form to answer follows).  Returns {item, headingId}.
function questionItem(q, n, answering) {
	const headingId = nextId('question');
	const open = isOpen(q);
	const item = h('li', { class: 'app-advice app-question',
	    'data-question': String(q.id ?? '') },
	    h('h3', { class: 'utrecht-heading-3', id: headingId,
		tabindex: '-1', i18n: 'question.heading', args: { n } }),
	    dataList([
		['question.asked_by', String(q.asked_by ?? '')],
		['question.asked_at', dateNode(q.asked_at)],
		['question.text', freeText(q.question)],
		['question.answer', !open ? freeText(q.answer) :
		    answering ? null : h('span', { class: 'app-none',
			i18n: 'question.answer.none' })],
		['question.answered_at', !open && q.answered_at ?
		    dateNode(q.answered_at) : null],
	    ]));
	return { item, headingId };
}

// The questions as a list, or the sentence emptyKey when there are none.
// answerForm(q, headingId), if given, makes the form that goes under
// each open question.
export function questionList(questions, emptyKey, answerForm) {
	const list = Array.isArray(questions) ? questions : [];
	if (list.length === 0)
		return para(emptyKey);
	return h('ol', { class: 'app-advice-list app-question-list' },
	    list.map((q, i) => {
		const answering = answerForm !== undefined && isOpen(q);
		const { item, headingId } = questionItem(q, i + 1, answering);
		if (answering)
			item.append(answerForm(q, headingId));
		return item;
	    }));
}

// Sends body to path from form; on success says doneKey in the status
// region and reloads.  A 409 (the signal or question changed meanwhile)
// is said with conflictKey and reloads too; other errors stay on the form.
function submitter(o, form, formErrors, field, path, doneKey, conflictKey) {
	let busy = false;
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		if (busy)
			return;
		o.status.replaceChildren();
		o.errors.replaceChildren();
		const bad = missing(form, [field]);
		if (bad.length > 0) {
			showInvalid(form, formErrors, bad);
			return;
		}
		clearErrors(form, formErrors);
		const control = form.elements.namedItem(field);
		busy = true;
		form.setAttribute('aria-busy', 'true');
		try {
			await post(path, { [field]: control.value.trim() });
			if (!o.page.current())
				return;
			o.status.append(alertBox('ok', null, para(doneKey)));
			await o.reload();
		} catch (err) {
			if (!o.page.current())
				return;
			if (err instanceof ApiError && err.status === 409) {
				showError(null, o.errors, err, conflictKey);
				await o.reload();
			} else {
				showError(form, formErrors, err);
			}
		} finally {
			busy = false;
			form.removeAttribute('aria-busy');
		}
	});
}

// The advisor's form to ask the reporter a question.
export function askForm(o) {
	const formErrors = h('div', { class: 'app-alerts' });
	const text = textArea({ name: 'question', key: 'question.ask.label',
	    hint: 'question.ask.hint', rows: 4, maxlength: QUESTION_MAX,
	    required: true });
	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true, i18nAttr: { 'aria-label': 'question.ask.form' } },
	    formErrors, text,
	    h('div', { class: 'utrecht-button-group' },
		button('question.ask.submit', 'primary',
		    { type: 'submit' })));
	submitter(o, form, formErrors, 'question',
	    `/api/signals/${encodeURIComponent(o.id)}/questions`,
	    'question.ask.done', 'question.ask.conflict');
	return form;
}

// The reporter's form to answer question q, once; the form is named by
// the question's heading.
export function answerForm(o, q, headingId) {
	const formErrors = h('div', { class: 'app-alerts' });
	const text = textArea({ name: 'answer', key: 'question.answer.label',
	    hint: 'question.answer.hint', rows: 4, maxlength: ANSWER_MAX,
	    required: true });
	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true, 'aria-labelledby': headingId },
	    formErrors, text,
	    h('div', { class: 'utrecht-button-group' },
		button('question.answer.submit', 'primary',
		    { type: 'submit' })));
	submitter(o, form, formErrors, 'answer',
	    `/api/signals/${encodeURIComponent(o.id)}/questions/` +
	    `${encodeURIComponent(q.id)}/answer`,
	    'question.answer.done', 'question.answer.taken');
	return form;
}

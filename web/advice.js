// advice: asking the advice-and-reporting point without identifying
// anyone, and answering.
//
// #/advice ("Advies vragen", for the roles that report): a short form
// (the municipality where it plays, the question) under a clear note not
// to name anyone (POST /api/advice), and below it the user's own
// questions with their answers (GET /api/advice/mine), newest first.
// #/advice/queue ("Adviesvragen", for advisors): the questions of the
// point's region (GET /api/advice/queue), the open ones first, each with
// a form to answer it once (POST /api/advice/{id}/answer); the answered
// ones below.  An answer someone else gave first (409) is said so, and
// the list is read again.
//
// The point may ask, with its answer, to report the matter as a signal.
// An answered question then offers "Report as a signal" (#/advice/{id}:
// the signal form with the advice above it, signal-form.js), and once
// it is one, the list links to that signal; the advisor sees the same.
//
// Questions and answers are free text from people: shown as typed, never
// as markup.  Nothing typed is kept in the browser beyond the page.

import { ApiError, clearErrors, get, missing, post, showError, showInvalid }
    from './api.js';
import { alertBox, button, field, h, nextId, pageHeading, para,
    setOptions } from './dom.js';
import { loadMunicipalities } from './catalog.js';
import { choice, codeNode, dataList, dateNode, freeText, textArea }
    from './parts.js';
import { renderSignalForm } from './signal-form.js';

// The limits of POST /api/advice and of an answer.
const QUESTION_MIN = 10;
const QUESTION_MAX = 5000;
const ANSWER_MAX = 10000;

// The status of a question in words; "open" is said from the asker's
// side ("waiting for an answer").
function statusNode(status) {
	return h('span', { class: `app-advice-status app-advice-status--${
	    status === 'answered' ? 'answered' : 'open'}` },
	    codeNode('advice.status', status));
}

const link = (href, key, args) => h('a', { class: 'utrecht-link', href,
    i18n: key, args });

// What became of an answered question: the signal it became (linked to
// where this user reads it), or, for the asker, the way to report it.
function signalRow(a, asker) {
	const sid = Number(a.signal_id);
	if (Number.isInteger(sid) && sid > 0)
		return [['advice.signal', link(asker ? `#/signals/${sid}` :
		    `#/queue/${sid}`, 'advice.signal.link',
		    { id: String(sid) })]];
	// The point may make it a signal for the asker at any time, say
	// after a call in which the asker named the person.
	if (!asker)
		return [['advice.signal', h('span', {},
		    a.suggest_signal ? h('span', {
			i18n: 'advice.suggested.short' }) : null,
		    a.suggest_signal ? '. ' : null,
		    link(`#/advice/${encodeURIComponent(a.id)}`,
			'advice.to_signal.point'))]];
	if (a.status !== 'answered')
		return [];
	return [['advice.signal', h('span', {},
	    a.suggest_signal ? h('strong', { class: 'app-suggested',
		i18n: 'advice.suggested' }) : null,
	    a.suggest_signal ? ' ' : null,
	    link(`#/advice/${encodeURIComponent(a.id)}`,
		'advice.to_signal'))]];
}

// One question as a list item: a heading with the moment it was asked,
// then municipality, status, question and the answer, or that there is
// none yet (left out when a form to answer follows).  extra: rows added
// after the status (the asking organisation in the queue).  Returns
// {item, headingId}.
function adviceItem(a, extra = [], answering = false, asker = false) {
	const headingId = nextId('advice');
	const answered = a.status === 'answered';
	const item = h('li', { class: 'app-advice',
	    'data-advice': String(a.id ?? '') },
	    h('h3', { class: 'utrecht-heading-3', id: headingId,
		tabindex: '-1' },
		h('span', { i18n: 'advice.asked_on',
		    args: { id: String(a.id ?? '') } }), ' ',
		dateNode(a.created_at)),
	    dataList([
		['signal.col.municipality', String(a.municipality_name ?? '')],
		['signal.col.status', statusNode(a.status)],
		...extra,
		['advice.question', freeText(a.question)],
		['advice.answer', answered ? freeText(a.answer) :
		    answering ? null : h('span', { class: 'app-none',
			i18n: 'advice.answer.none' })],
		['advice.answered_by', answered && a.answered_by ?
		    String(a.answered_by) : null],
		['advice.answered_at', answered && a.answered_at ?
		    dateNode(a.answered_at) : null],
		...signalRow(a, asker),
	    ]));
	return { item, headingId };
}

const byNewest = (a, b) => Number(b.id) - Number(a.id);

// "Advies vragen": the form, then the user's questions.
export function renderAdvice(main, page) {
	const status = h('div', { class: 'app-status', role: 'status' });
	const errors = h('div', { class: 'app-alerts' });
	const holder = h('div', { 'aria-busy': 'true' }, para('loading'));
	const listErrors = h('div', { class: 'app-alerts' });
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	// The note is what the asker must read before typing: a warning
	// above the form, and part of the question's description.
	const noteId = nextId('advice-note');
	const note = alertBox('warning', null,
	    h('p', { class: 'utrecht-paragraph', id: noteId },
		h('strong', { i18n: 'advice.anonymous' }), ' ',
		h('span', { i18n: 'advice.anonymous.detail' })));
	note.classList.add('app-advice-note');
	main.replaceChildren(
	    pageHeading('advice.title'),
	    para('advice.intro'),
	    note,
	    status,
	    errors,
	    holder,
	    h('section', { 'aria-labelledby': 'advice-mine' },
		h('h2', { class: 'utrecht-heading-2', id: 'advice-mine',
		    tabindex: '-1', i18n: 'advice.mine' }),
		listErrors,
		list));

	loadMunicipalities().then((munis) => {
		if (page.current())
			build(munis);
	}, (err) => {
		if (!page.current())
			return;
		holder.replaceChildren();
		holder.removeAttribute('aria-busy');
		showError(null, errors, err);
	});
	loadMine();

	async function loadMine() {
		list.setAttribute('aria-busy', 'true');
		try {
			const res = await get('/api/advice/mine');
			if (!page.current())
				return;
			listErrors.replaceChildren();
			const rows = (res?.advice ?? []).slice().sort(byNewest);
			list.replaceChildren(rows.length === 0 ?
			    para('advice.mine.empty') :
			    h('ul', { class: 'app-advice-list' },
				rows.map((a) => adviceItem(a, [], false, true)
				    .item)));
		} catch (err) {
			if (!page.current())
				return;
			list.replaceChildren();
			showError(null, listErrors, err);
		} finally {
			list.removeAttribute('aria-busy');
		}
	}

	function build(munis) {
		const muni = field({ name: 'municipality',
		    key: 'advice.municipality',
		    hint: 'advice.municipality.hint', required: true,
		    placeholder: 'signal.municipality.choose', options: [] });
		setOptions(muni.control, munis.map((m) => ({ value: m.code,
		    text: m.label })), true);
		const question = textArea({ name: 'question',
		    key: 'advice.question', hint: 'advice.question.hint',
		    rows: 6, maxlength: QUESTION_MAX, required: true });
		const q = question.control;
		q.setAttribute('aria-describedby',
		    `${noteId} ${q.getAttribute('aria-describedby')}`);
		const form = h('form', { class: 'app-form app-form--wide',
		    novalidate: true, 'aria-labelledby': 'page-title' },
		    muni, question,
		    h('div', { class: 'utrecht-button-group' },
			button('advice.submit', 'primary',
			    { type: 'submit' })));
		holder.replaceChildren(form);
		holder.removeAttribute('aria-busy');

		let busy = false;
		form.addEventListener('submit', async (ev) => {
			ev.preventDefault();
			if (busy)
				return;
			status.replaceChildren();
			const bad = missing(form, ['municipality', 'question']);
			const text = q.value.trim();
			if (text !== '' && [...text].length < QUESTION_MIN)
				bad.push({ field: 'question',
				    key: 'advice.question.short' });
			if (bad.length > 0) {
				showInvalid(form, errors, bad);
				return;
			}
			clearErrors(form, errors);
			busy = true;
			form.setAttribute('aria-busy', 'true');
			try {
				await post('/api/advice', { municipality:
				    muni.control.value, question: text });
				if (!page.current())
					return;
				q.value = '';
				status.append(alertBox('ok', null,
				    para('advice.sent')));
				await loadMine();
			} catch (err) {
				if (page.current())
					showError(form, errors, err);
			} finally {
				busy = false;
				form.removeAttribute('aria-busy');
			}
		});
	}
}

// "Adviesvragen": the point's questions, the open ones with a form.
export function renderAdviceQueue(main, page) {
	const status = h('div', { class: 'app-status', role: 'status' });
	const errors = h('div', { class: 'app-alerts' });
	const summary = h('div', { class: 'app-status' });
	const open = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	const done = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	main.replaceChildren(
	    pageHeading('advice.queue.title'),
	    para('advice.queue.intro'),
	    status,
	    errors,
	    h('section', { 'aria-labelledby': 'advice-open' },
		h('h2', { class: 'utrecht-heading-2', id: 'advice-open',
		    tabindex: '-1', i18n: 'advice.queue.open' }),
		summary,
		open),
	    h('section', { 'aria-labelledby': 'advice-answered' },
		h('h2', { class: 'utrecht-heading-2', id: 'advice-answered',
		    tabindex: '-1', i18n: 'advice.queue.answered' }),
		done));
	load();

	// Reads the queue and shows it; then focuses `then`, if given.
	async function load(then) {
		for (const el of [open, done])
			el.setAttribute('aria-busy', 'true');
		try {
			const res = await get('/api/advice/queue');
			if (!page.current())
				return;
			show(res?.advice ?? []);
			if (then)
				main.querySelector(then)?.focus();
		} catch (err) {
			if (!page.current())
				return;
			open.replaceChildren();
			done.replaceChildren();
			showError(null, errors, err);
		} finally {
			for (const el of [open, done])
				el.removeAttribute('aria-busy');
		}
	}

	function show(rows) {
		// The server sends the open ones first, oldest first; the
		// split keeps its order within each part.
		const waiting = rows.filter((a) => a.status !== 'answered');
		const answered = rows.filter((a) => a.status === 'answered');
		summary.replaceChildren(para('advice.queue.summary',
		    { count: waiting.length }));
		open.replaceChildren(waiting.length === 0 ?
		    para('advice.queue.empty') :
		    h('ul', { class: 'app-advice-list' },
			waiting.map((a) => {
				const { item, headingId } = adviceItem(a,
				    [['advice.asker', String(a.asker_org ??
					'')]], true);
				item.append(answerForm(a, headingId));
				return item;
			})));
		done.replaceChildren(answered.length === 0 ?
		    para('advice.queue.answered.empty') :
		    h('ul', { class: 'app-advice-list' },
			answered.map((a) => adviceItem(a,
			    [['advice.asker', String(a.asker_org ?? '')]])
			    .item)));
	}

	let busy = false;
	function answerForm(a, headingId) {
		const formErrors = h('div', { class: 'app-alerts' });
		const answer = textArea({ name: 'answer',
		    key: 'advice.answer.yours', hint: 'advice.answer.hint',
		    rows: 4, maxlength: ANSWER_MAX, required: true });
		const suggest = choice({ name: 'suggest_signal', value: 'yes',
		    key: 'advice.suggest', hint: 'advice.suggest.hint' });
		const form = h('form', { class: 'app-form app-form--wide',
		    novalidate: true, 'aria-labelledby': headingId },
		    formErrors, answer, suggest,
		    h('div', { class: 'utrecht-button-group' },
			button('advice.answer.submit', 'primary',
			    { type: 'submit' })));
		form.addEventListener('submit', async (ev) => {
			ev.preventDefault();
			if (busy)
				return;
			status.replaceChildren();
			errors.replaceChildren();
			const bad = missing(form, ['answer']);
			if (bad.length > 0) {
				showInvalid(form, formErrors, bad);
				return;
			}
			clearErrors(form, formErrors);
			busy = true;
			form.setAttribute('aria-busy', 'true');
			try {
				await post(`/api/advice/${encodeURIComponent(
				    a.id)}/answer`, { answer:
				    answer.control.value.trim(),
				    suggest_signal: suggest.control.checked });
				if (!page.current())
					return;
				status.append(alertBox('ok', null,
				    para('advice.answer.done')));
				await load('#advice-open');
			} catch (err) {
				if (!page.current())
					return;
				if (err instanceof ApiError &&
				    err.status === 409) {
					showError(null, errors, err,
					    'advice.answer.taken');
					await load('#advice-open');
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
}

// #/advice/{id}: the user's own answered question becomes a signal, now
// with the person; or, for an advisor, a question of the point's region
// becomes one for its asker.  Anything else (not theirs, not answered
// yet, done already) is said in words with the way back.
export async function renderAdviceSignal(main, page, me, id) {
	const point = me.role === 'advisor';
	const errors = h('div', { class: 'app-alerts' });
	const back = h('p', { class: 'utrecht-paragraph' },
	    point ? link('#/advice/queue', 'advice.back.queue') :
		link('#/advice', 'advice.back'));
	main.replaceChildren(pageHeading('signal.from_advice.title'), errors,
	    h('div', { 'aria-busy': 'true' }, para('loading')));
	let res;
	let asker = true;
	try {
		res = await get('/api/advice/mine');
		if (point && !(res?.advice ?? []).some((x) =>
		    Number(x.id) === id)) {
			res = await get('/api/advice/queue');
			asker = false;
		}
	} catch (err) {
		if (!page.current())
			return;
		main.replaceChildren(pageHeading('signal.from_advice.title'),
		    errors, back);
		showError(null, errors, err);
		return;
	}
	if (!page.current())
		return;
	const a = (res?.advice ?? []).find((x) => Number(x.id) === id);
	const sid = Number(a?.signal_id);
	let why = null;
	if (!a)
		why = para('advice.to_signal.unknown');
	else if (Number.isInteger(sid) && sid > 0)
		why = h('p', { class: 'utrecht-paragraph' },
		    h('span', { i18n: 'advice.to_signal.done' }), ' ',
		    link(asker ? `#/signals/${sid}` : `#/queue/${sid}`,
			'advice.signal.link', { id: String(sid) }));
	else if (asker && a.status !== 'answered')
		why = para('advice.to_signal.wait');
	// The page is drawn again: focus follows the heading it was on.
	const focused = document.activeElement?.id === 'page-title';
	if (why)
		main.replaceChildren(pageHeading('signal.from_advice.title'),
		    why, back);
	else
		renderSignalForm(main, page, me, null, { ...a, asker });
	if (focused)
		main.querySelector('#page-title')?.focus();
}

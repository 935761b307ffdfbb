// queue: the advisor's triage at the advice-and-reporting point.
//
// #/queue lists the signals of the point's region that wait for triage
// (GET /api/signals/queue) in the server's order: most urgent, then
// oldest.  Views (QUEUE_VIEWS, the very counts of the overview on the
// start page) narrow it: past the deadline, due today, acute, not taken
// up, in triage, taken up by the advisor, waiting for the reporter's
// answer, or decided in the last 90 days.  The view, a search (number,
// municipality, reporter's organisation) and the page live in the
// address (#/queue?view=overdue&q=diemen&page=2), so a link or a reload
// shows the same list.  A signal past its triage deadline says so in
// words, not only in colour, as do "new" (never opened by this advisor)
// and "answer received" (since the advisor last opened it).
// #/queue/{id} shows one signal in full (GET /api/signals/{id}: reading
// it is audited on the server, and marks it seen), with "Claim" while
// nobody has it, and, for the advisor who claimed it, the decision form:
// the reason is required for "no further action" and the legal basis (or
// consent) for forwarding to the police or the labour inspectorate.
// Any advisor of the point may ask the reporter a question while the
// signal is open (questions.js); a signal from the public form has no
// account to read it in, so the page says whom to call back instead.
// Other professionals worried about the same person are listed with how
// to reach them, and nothing else of their signal.

import { ApiError, clearErrors, get, missing, post, showError, showInvalid }
    from './api.js';
import { alertBox, button, field, fill, h, pageHeading, para, table }
    from './dom.js';
import { formNode, indicatorNode, joined, loadCatalog, markerNode,
    needNode } from './catalog.js';
import { codeNode, concernedSection, dataList, dateNode, dueIn, freeText,
    none, section, telLink, textArea } from './parts.js';
import { listHash, listParams, listQuery, pager, searchForm }
    from './listing.js';
import { askForm, questionList } from './questions.js';
import { outcomeNode } from './signals.js';

export const DECISIONS = ['no_action', 'advice_given', 'open_case',
    'forward_police', 'forward_inspectorate', 'acute_safety'];
const NEEDS_REASON = new Set(['no_action']);
const NEEDS_BASIS = new Set(['forward_police', 'forward_inspectorate']);
const TEXT_MAX = 4000;

// The deadline of signal s (style as dateNode) and how far it is in
// words: "vandaag", "over 2 werkdagen", "3 werkdagen te laat".  In a
// table (stacked) the words go on a line of their own under the date.
function dueNode(s, style, stacked = false) {
	if (!s?.triage_due)
		return none();
	const rel = s.overdue && (s.due_in_days ?? 0) >= 0 ?
	    h('strong', { class: 'app-overdue', i18n: 'queue.overdue' }) :
	    dueIn(s, s.urgency === 'acute');
	const cls = s.overdue ? 'app-due app-due--overdue' : 'app-due';
	if (stacked)
		return h('span', { class: cls }, dateNode(s.triage_due, style),
		    rel ? h('span', { class: 'app-sub' }, rel) : null);
	return h('span', { class: cls },
	    dateNode(s.triage_due, style), rel ? ' · ' : null, rel);
}

export function urgencyNode(u) {
	return h('span', { class: `app-urgency app-urgency--${u}` },
	    codeNode('urgency', u));
}

// The queue's views, as the server names them (GET /api/signals/queue
// ?view=); the overview on the start page counts each the same way.
export const QUEUE_VIEWS = ['all', 'unclaimed', 'in_triage', 'overdue',
    'due_today', 'acute', 'mine', 'waiting_answer', 'decided'];

// The address of a view of the queue, its search and its page.
export function queueHash(view, q = '', page = 1, perPage = null) {
	return listHash('#/queue', { view, q, page, per_page: perPage });
}

export function renderQueue(main, page, me, _arg, query) {
	const asked = query?.get('view');
	const view = QUEUE_VIEWS.includes(asked) ? asked : 'all';
	const lq = listQuery(query);
	const { q, page: pageNo, perPage } = lq;
	const at = (v, text, n) => queueHash(v, text, n, perPage);
	if (asked !== null && asked !== undefined && asked !== view)
		history.replaceState(null, '', at(view, q, pageNo));
	const errors = h('div', { class: 'app-alerts' });
	const views = h('div');
	const shown = h('div', { class: 'app-status', role: 'status' });
	const paging = h('div');
	const list = h('div', { class: 'app-list app-queue',
	    'aria-busy': 'true' }, para('loading'));
	main.replaceChildren(
	    pageHeading('queue.title'),
	    para('queue.intro'),
	    views,
	    searchForm('queue-q', q, (text) => {
		window.location.hash = at(view, text, 1);
	    }),
	    h('section', { 'aria-labelledby': 'queue-list' },
		h('h2', { class: 'utrecht-heading-2', id: 'queue-list',
		    i18n: view === 'decided' ? 'queue.list.decided' :
		    'queue.list' }),
		errors,
		shown,
		list,
		paging));

	Promise.all([get(`/api/signals/queue?${listParams({ view }, lq)}`),
	    get('/api/signals/overview').catch(() => null), loadCatalog()])
	    .then(([res, o, cat]) => {
		if (!page.current())
			return;
		const rows = res?.signals ?? [];
		const total = Number(res?.total ?? rows.length);
		const pages = Number(res?.pages ?? 1);
		fill(views, viewLinks(o?.views));
		fill(shown, para(q !== '' ? 'queue.found' : 'queue.view.shown',
		    { count: total, q }));
		list.replaceChildren(queueTable(rows, cat, q !== '' ||
		    pageNo > 1 ? 'queue.none_found' : view === 'all' ?
		    'queue.empty' : 'queue.view.empty'));
		fill(paging, pager('queue-pages', pageNo, pages,
		    (n) => at(view, q, n)));
	}, (err) => {
		if (!page.current())
			return;
		list.replaceChildren();
		showError(null, errors, err);
	}).finally(() => {
		list.removeAttribute('aria-busy');
	});

	// The views as links, each with how many signals it holds (the
	// overview's numbers); the current one is marked.
	function viewLinks(counts) {
		return h('nav', { class: 'app-views', 'aria-labelledby':
		    'queue-views' },
		    h('p', { class: 'utrecht-paragraph', id: 'queue-views',
			i18n: 'queue.view' }),
		    h('ul', { class: 'utrecht-unordered-list' },
			QUEUE_VIEWS.map((v) => h('li', {
			    class: 'utrecht-unordered-list__item' },
			    viewLink(v, counts)))));
	}

	function viewLink(v, counts) {
		return h('a', { class: 'utrecht-link', href: at(v, q, 1),
		    'data-view': v, 'aria-current': v === view ? 'page' : null,
		    i18n: counts && v in counts ? `queue.view.${v}` :
			`queue.view.${v}.plain`,
		    args: { count: Number(counts?.[v] ?? 0) } });
	}
}

// Whether there is anything to notice about a row.
const marked = (s) => s.new || s.answer_received ||
    Number(s.open_questions ?? 0) > 0;

// What to notice about a row, in words: not yet opened by this advisor,
// an answer from the reporter since, a question still open.
function marksNode(s) {
	const marks = [
	    s.new ? 'queue.mark.new' : null,
	    s.answer_received ? 'queue.mark.answer' : null,
	    Number(s.open_questions ?? 0) > 0 ? 'queue.mark.asked' : null,
	].filter((k) => k !== null);
	if (marks.length === 0)
		return none();
	return h('span', {}, marks.flatMap((k, i) => [i > 0 ? ', ' : null,
	    h('strong', { class: `app-mark app-mark--${k.slice(11)}`,
		i18n: k })]));
}

// The queue's table, or the sentence (key empty) that it is empty.
function queueTable(rows, cat, empty = 'queue.empty') {
	if (rows.length === 0)
		return para(empty);
	// Columns that belong together share a cell so that the table fits
	// a 1280 px screen: the municipality under the signal's number,
	// what to notice under its status.
	const t = table('queue-list', ['queue.col.signal', 'signal.col.urgency',
	    'signal.col.due', 'signal.col.created', 'queue.col.status',
	    'queue.col.claimed', 'queue.col.persons', 'signal.col.forms',
	    'queue.col.reporter'],
	    rows.map((s) => [
		h('span', {}, h('a', { class: 'utrecht-link app-nowrap',
		    href: `#/queue/${encodeURIComponent(s.id)}`,
		    i18n: 'queue.open', args: { id: String(s.id) } }),
		    h('span', { class: 'app-sub app-municipality',
			text: String(s.municipality_name ?? '') })),
		urgencyNode(s.urgency),
		['received', 'in_triage'].includes(s.status) ?
		    dueNode(s, 'date', true) : none(),
		dateNode(s.created_at, 'date'),
		h('span', {}, codeNode('status', s.status),
		    marked(s) ? h('span', { class: 'app-sub app-marks' },
			marksNode(s)) : null),
		s.claimed_by ? String(s.claimed_by) : none(),
		String(s.persons ?? 0),
		(s.forms ?? []).length > 0 ?
		    joined(s.forms, (f) => formNode(cat, f)) : none(),
		h('span', { class: 'app-break',
		    text: String(s.reporter_org ?? '') }),
	    ]));
	const trs = t.querySelectorAll('tbody tr');
	for (const [i, s] of rows.entries()) {
		if (s.overdue)
			trs[i].classList.add('app-row--overdue');
		if (s.new)
			trs[i].classList.add('app-row--new');
	}
	return t;
}

// One person of a signal, as a heading and a data list.
function personNode(cat, p, i, headingId) {
	const kind = ['victim', 'suspect', 'other'].includes(p.kind) ?
	    p.kind : 'other';
	const text = (v) => v === null || v === undefined || v === '' ? null :
	    String(v);
	return h('div', { class: 'app-person-view' },
	    h('h3', { class: 'utrecht-heading-3', id: `${headingId}-${i}`,
		i18n: `person.${kind}.heading`, args: { n: i + 1 } }),
	    dataList([
		['person.name', text(p.name) ?? none()],
		['person.birth_date', p.birth_date ?
		    dateNode(p.birth_date, 'day') : null],
		['person.estimated_age', text(p.estimated_age)],
		['person.sex', p.sex ? codeNode('sex', p.sex) : null],
		['person.nationality', p.nationality ?
		    codeNode('nationality', p.nationality) : null],
		['person.id_number', text(p.id_number)],
		['person.phone', text(p.phone)],
		['person.languages', text(p.languages)],
		['person.markers', (p.markers ?? []).length > 0 ?
		    joined(p.markers, (m) => markerNode(cat, m)) : null],
	    ]));
}

// What the reporter filed, as sections under h2 headings: the indicators
// ticked, the forms of exploitation, the reporter's own words and the
// people.  Headings get ids prefix-indicators and so on; with prefix
// 'view' (the reporter's own page) the reporter's words are "yours".
// The question for advice a signal grew from, with the point's answer;
// null when it did not come from one.
function originSection(id, a) {
	if (!a)
		return null;
	return section(id, 'signal.from_advice',
	    dataList([
		['advice.asked_on.plain', dateNode(a.asked_at)],
		['advice.question', freeText(a.question)],
		['advice.answer', a.answer ? freeText(a.answer) : none()],
		['advice.answered_by', a.answered_by ?
		    String(a.answered_by) : null],
	    ], { 'data-from-advice': String(a.id ?? '') }));
}

export function filedSections(cat, s, prefix) {
	const list = (v) => (Array.isArray(v) ? v : String(v ?? '')
	    .split(',')).filter((x) => x !== '');
	const indicators = list(s.indicators);
	const forms = list(s.forms);
	const needs = list(s.help_needs);
	const persons = Array.isArray(s.persons) ? s.persons : [];
	const words = prefix === 'view' ? 'view' : 'detail';
	return [
	    section(`${prefix}-indicators`, 'detail.indicators',
		indicators.length === 0 ? para('signal.none') :
		    h('ul', { class: 'utrecht-unordered-list' },
			indicators.map((i) => h('li', {
			    class: 'utrecht-unordered-list__item' },
			    indicatorNode(cat, i))))),
	    section(`${prefix}-forms`, 'detail.forms',
		forms.length === 0 ? para('signal.none') :
		    h('p', { class: 'utrecht-paragraph' },
			joined(forms, (f) => formNode(cat, f)))),
	    originSection(`${prefix}-advice`, s.from_advice),
	    needs.length === 0 ? null :
		section(`${prefix}-needs`, 'signal.help_needs',
		    h('ul', { class: 'utrecht-unordered-list' },
			needs.map((n) => h('li', {
			    class: 'utrecht-unordered-list__item' },
			    needNode(cat, n))))),
	    section(`${prefix}-description`, `${words}.description`,
		h('p', { class: 'utrecht-paragraph' },
		    freeText(s.description))),
	    section(`${prefix}-actions`, `${words}.actions_taken`,
		h('p', { class: 'utrecht-paragraph' },
		    freeText(s.actions_taken))),
	    section(`${prefix}-persons`, 'signal.persons',
		persons.length === 0 ? para('signal.persons.none') :
		    persons.map((p, i) => personNode(cat, p, i,
			`${prefix}-person`))),
	];
}

// Who reported: the account and its organisation, or, for a signal from
// the public form, the name and organisation the reporter typed.
function reporterNode(s) {
	if (s.unverified && s.contact)
		return h('span', {},
		    String(s.contact.name ?? ''),
		    s.contact.org ? `, ${s.contact.org}` : '',
		    ' (', h('span', { i18n: 'contact.unverified' }), ')');
	return h('span', {},
	    String(s.reporter?.username ?? ''),
	    s.reporter?.org_name ? `, ${s.reporter.org_name}` : '');
}

// The loader of a signal page: load(then) fetches signal id (reading it
// is audited on the server) with the catalogue, hands both to show, and
// then focuses the element matching `then`, if given; a failure empties
// body and is shown in errors.
export function signalLoader({ id, page, main, body, errors, show }) {
	return async function load(then) {
		body.setAttribute('aria-busy', 'true');
		try {
			const [s, cat] = await Promise.all([
			    get(`/api/signals/${encodeURIComponent(id)}`),
			    loadCatalog()]);
			if (!page.current())
				return;
			show(s, cat);
			if (then)
				main.querySelector(then)?.focus();
		} catch (err) {
			if (!page.current())
				return;
			body.replaceChildren();
			showError(null, errors, err);
		} finally {
			body.removeAttribute('aria-busy');
		}
	};
}

export function renderSignalDetail(main, page, me, id) {
	const status = h('div', { role: 'status', class: 'app-status' });
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	// The questions' own news: kept across reloads, shown in the section.
	const asked = h('div', { role: 'status', class: 'app-status' });
	const askErrors = h('div', { class: 'app-alerts' });
	main.replaceChildren(
	    h('h1', { class: 'utrecht-heading-1', id: 'page-title',
		tabindex: '-1', i18n: 'queue.detail.title',
		args: { id: String(id) } }),
	    h('p', { class: 'utrecht-paragraph' },
		h('a', { class: 'utrecht-link', href: '#/queue',
		    i18n: 'queue.back' })),
	    status, errors, body);

	const load = signalLoader({ id, page, main, body, errors, show });
	load();

	function show(s, cat) {
		const mine = typeof s.claimed_by === 'string' &&
		    s.claimed_by === me.username;

		fill(body,
		    s.urgency === 'acute' && ['received', 'in_triage']
			.includes(s.status) ? alertBox('warning', null,
			para('queue.acute')) : null,
		    dataList([
			['signal.col.status', codeNode('status', s.status)],
			['signal.col.urgency', urgencyNode(s.urgency)],
			['signal.col.due', dueNode(s, 'day')],
			['signal.col.created', dateNode(s.created_at)],
			['detail.noticed_on', s.noticed_on ?
			    dateNode(s.noticed_on, 'day') : none()],
			['signal.col.municipality',
			    String(s.municipality_name ?? '')],
			['queue.col.reporter', reporterNode(s)],
			['contact.phone', s.unverified && s.contact ?
			    telLink(s.contact.phone) : s.reporter?.phone ?
			    telLink(s.reporter.phone) : null],
			['queue.col.claimed', s.claimed_by ?
			    String(s.claimed_by) : none()],
			['signal.col.outcome', s.decision || s.outcome ?
			    outcomeNode(s.decision || s.outcome) : null],
			['decide.reason', s.decision_reason ?
			    freeText(s.decision_reason) : null],
			['decide.legal_basis', s.legal_basis ?
			    freeText(s.legal_basis) : null],
			['detail.case', s.case ? h('span', {
			    i18n: 'detail.case.text', args: {
			    id: String(s.case.id),
			    org: String(s.case.org_name ?? '') } }) : null],
		    ]),
		    // Others concerned with the same people come before the
		    // details: they change what the advisor does next.
		    concernedSection('detail-concerned', s.also_concerned),
		    ...filedSections(cat, s, 'detail'),
		    triage(s, mine),
		    questions(s));
	}

	// The questions to the reporter and, while the signal is open and
	// its reporter has an account to read them in, the form to ask one.
	function questions(s) {
		let ask;
		if (s.unverified)
			ask = para('question.no_account', {
				name: String(s.contact?.name ?? ''),
				org: String(s.contact?.org ?? ''),
				phone: String(s.contact?.phone ?? ''),
			});
		else if (s.status === 'closed')
			ask = para('question.ask.closed');
		else
			ask = askForm({ id, page, status: asked,
			    errors: askErrors,
			    reload: () => load('#detail-questions') });
		const list = s.questions ?? [];
		return section('detail-questions', 'questions.to_reporter',
		    asked, askErrors,
		    s.unverified && list.length === 0 ? null :
			questionList(list, 'questions.none'),
		    ask);
	}

	// The part that acts: claim, the decision form, or who has it.
	function triage(s, mine) {
		if (s.status !== 'received' && s.status !== 'in_triage')
			return null;
		const hid = 'detail-triage';
		const heading = h('h2', { class: 'utrecht-heading-2', id: hid,
		    tabindex: '-1', i18n: 'queue.triage' });
		if (!s.claimed_by) {
			const claim = button('queue.claim', 'primary',
			    { id: 'signal-claim' });
			claim.addEventListener('click', () => doClaim(claim));
			return h('section', { 'aria-labelledby': hid }, heading,
			    para('queue.claim.intro'),
			    h('div', { class: 'utrecht-button-group' }, claim));
		}
		if (!mine)
			return h('section', { 'aria-labelledby': hid }, heading,
			    para('queue.claimed.other',
				{ name: String(s.claimed_by) }));
		return h('section', { 'aria-labelledby': hid }, heading,
		    decisionForm(s));
	}

	let busy = false;
	async function doClaim(claim) {
		if (busy)
			return;
		busy = true;
		claim.setAttribute('aria-busy', 'true');
		errors.replaceChildren();
		status.replaceChildren();
		asked.replaceChildren();
		askErrors.replaceChildren();
		try {
			await post(`/api/signals/${encodeURIComponent(id)}` +
			    '/claim');
			if (!page.current())
				return;
			status.append(alertBox('ok', null,
			    para('queue.claim.done')));
			await load('#detail-triage');
		} catch (err) {
			if (!page.current())
				return;
			const taken = err instanceof ApiError &&
			    err.status === 409;
			showError(null, errors, err,
			    taken ? 'queue.claim.taken' : undefined);
			await load();
		} finally {
			busy = false;
			claim.removeAttribute('aria-busy');
		}
	}

	function decisionForm() {
		const decision = field({ name: 'decision',
		    key: 'decide.decision', required: true,
		    placeholder: 'decide.choose',
		    options: DECISIONS.map((d) => ({ value: d,
			key: `decide.option.${d}` })) });
		const reason = textArea({ name: 'reason', key: 'decide.reason',
		    hint: 'decide.reason.hint', rows: 3, maxlength: TEXT_MAX,
		    required: true });
		const basis = textArea({ name: 'legal_basis',
		    key: 'decide.legal_basis', hint: 'decide.legal_basis.hint',
		    rows: 2, maxlength: TEXT_MAX, required: true });
		const reasonMark = reason.querySelector('.app-required');
		const sync = () => {
			const d = decision.control.value;
			const needReason = NEEDS_REASON.has(d);
			const area = reason.control;
			if (needReason)
				area.setAttribute('aria-required', 'true');
			else
				area.removeAttribute('aria-required');
			reasonMark.hidden = !needReason;
			basis.hidden = !NEEDS_BASIS.has(d);
		};
		decision.control.addEventListener('change', sync);
		const formErrors = h('div', { class: 'app-alerts' });
		const submit = h('div', { class: 'utrecht-button-group' },
		    button('decide.submit', 'primary', { type: 'submit' }));
		// Before it is recorded: what the decision does, in words,
		// and a second button to record it or go back.
		const confirm = h('div', { class: 'app-confirm' });
		const form = h('form', { class: 'app-form', novalidate: true,
		    'aria-labelledby': 'detail-triage' },
		    para('decide.intro'),
		    formErrors,
		    decision, reason, basis, submit, confirm);
		sync();
		const unconfirm = () => {
			confirm.replaceChildren();
			submit.hidden = false;
		};
		decision.control.addEventListener('change', unconfirm);

		function ask(d) {
			const hid = 'decide-confirm';
			const yes = button('decide.confirm.yes', 'primary',
			    { type: 'submit', id: 'decide-confirm-yes' });
			const back = button('decide.confirm.back', 'secondary',
			    { type: 'button' });
			back.addEventListener('click', () => {
				unconfirm();
				decision.control.focus();
			});
			confirm.replaceChildren(h('section', {
			    class: 'utrecht-alert utrecht-alert--warning',
			    'aria-labelledby': hid },
			    h('h3', { class: 'utrecht-heading-3', id: hid,
				tabindex: '-1', i18n: 'decide.confirm.title',
				args: { decision: { key:
				    `decide.option.${d}` } } }),
			    para(`decide.effect.${d}`),
			    para('decide.confirm.final'),
			    h('div', { class: 'utrecht-button-group' },
				yes, back)));
			submit.hidden = true;
			confirm.querySelector(`#${hid}`).focus();
		}

		form.addEventListener('submit', async (ev) => {
			ev.preventDefault();
			if (busy)
				return;
			const d = decision.control.value;
			const need = ['decision'];
			if (NEEDS_REASON.has(d))
				need.push('reason');
			if (NEEDS_BASIS.has(d))
				need.push('legal_basis');
			const bad = missing(form, need);
			if (bad.length > 0) {
				showInvalid(form, formErrors, bad);
				return;
			}
			clearErrors(form, formErrors);
			if (ev.submitter?.id !== 'decide-confirm-yes') {
				ask(d);
				return;
			}
			status.replaceChildren();
			asked.replaceChildren();
			askErrors.replaceChildren();
			const out = { decision: d };
			const r = reason.control.value.trim();
			if (r !== '')
				out.reason = r;
			const b = basis.control.value.trim();
			if (NEEDS_BASIS.has(d) && b !== '')
				out.legal_basis = b;
			busy = true;
			form.setAttribute('aria-busy', 'true');
			try {
				const res = await post(`/api/signals/${
				    encodeURIComponent(id)}/decision`, out);
				if (!page.current())
					return;
				status.append(alertBox('ok', null,
				    h('p', { class: 'utrecht-paragraph',
					i18n: 'decide.done',
					args: { status: { key:
					    `status.${res?.status}`,
					    fallback: String(res?.status ??
						'') } } })));
				await load('#page-title');
			} catch (err) {
				if (page.current()) {
					unconfirm();
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

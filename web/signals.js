// signals: "Mijn signalen", the signals the user filed
// (GET /api/signals/mine), newest first, each with its status in words
// and the outcome once the advice-and-reporting point has decided.  The
// list carries no personal data and never anything of a case.  Each
// number opens the signal (#/signals/{id}, signal-view.js); a signal the
// point has asked about and that waits for an answer says so in words,
// and a notice above the list names them, with links.  A search (number,
// municipality, organisation) and the page live in the address
// (#/signals?q=diemen&page=2).

import { get, showError } from './api.js';
import { alertBox, fill, h, pageHeading, para, table } from './dom.js';
import { listHash, listParams, listQuery, pager, searchForm }
    from './listing.js';
import { codeNode, dateNode } from './parts.js';

// The outcome the reporter sees: the decision in words when it is a
// known one, else the server's text as it is.
export function outcomeNode(outcome) {
	if (outcome === null || outcome === undefined || outcome === '')
		return h('span', { class: 'app-none',
		    i18n: 'signal.outcome.none' });
	return codeNode('decision', outcome);
}

// True when the point has asked about the signal and waits for an answer.
const waits = (s) => Number(s.open_questions ?? 0) > 0;

// "Question from the point" on a signal that waits for an answer, or null.
function questionMarker(s) {
	if (!waits(s))
		return null;
	return h('strong', { class: 'app-question-marker',
	    i18n: 'signals.question',
	    args: { count: Number(s.open_questions) } });
}

// The notice of the signals that wait for an answer: which ones, each a
// link to its page; null when none do.
export function waitingNotice(ids) {
	if (!Array.isArray(ids) || ids.length === 0)
		return null;
	const links = ids.map((id, i) => [i > 0 ? ', ' : null,
	    h('a', { class: 'utrecht-link', href: `#/signals/${
		encodeURIComponent(id)}`, i18n: 'queue.open',
		args: { id: String(id) } })]);
	return alertBox('info', null, h('p', { class: 'utrecht-paragraph',
	    id: 'signals-waiting' },
	    h('span', { i18n: 'signals.questions.notice',
		args: { count: ids.length } }), ' ', ...links.flat()));
}

export function renderMySignals(main, page, _me, _arg, query) {
	const lq = listQuery(query);
	const { q, page: pageNo, perPage } = lq;
	const mineHash = (text, n) => listHash('#/signals',
	    { q: text, page: n, per_page: perPage });
	const errors = h('div', { class: 'app-alerts' });
	const notice = h('div', { class: 'app-status' });
	const shown = h('div', { class: 'app-status', role: 'status' });
	const paging = h('div');
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	main.replaceChildren(
	    pageHeading('signals.title'),
	    para('signals.intro'),
	    h('p', { class: 'utrecht-paragraph' },
		h('a', { class: 'utrecht-link', href: '#/signals/new',
		    i18n: 'signals.new' })),
	    notice,
	    searchForm('signals-q', q, (text) => {
		window.location.hash = mineHash(text, 1);
	    }),
	    h('section', { 'aria-labelledby': 'signals-list' },
		h('h2', { class: 'utrecht-heading-2', id: 'signals-list',
		    i18n: 'signals.list' }),
		errors,
		shown,
		list,
		paging));

	get(`/api/signals/mine?${listParams({}, lq)}`).then((res) => {
		if (!page.current())
			return;
		const rows = res?.signals ?? [];
		fill(notice, waitingNotice(res?.waiting));
		fill(shown, q !== '' ? para('queue.found',
		    { count: Number(res?.total ?? 0), q }) : null);
		fill(paging, pager('signals-pages', pageNo,
		    Number(res?.pages ?? 1), (n) => mineHash(q, n)));
		list.replaceChildren(rows.length === 0 ?
		    para(q !== '' || pageNo > 1 ? 'queue.none_found' :
		    'signals.empty') :
		    table('signals-list', ['signal.col.id',
			'signal.col.created', 'signal.col.municipality',
			'signal.col.urgency', 'signal.col.status',
			'signal.col.outcome'],
		    rows.map((s) => {
			const marker = questionMarker(s);
			return [
			    h('a', { class: 'utrecht-link',
				href: `#/signals/${encodeURIComponent(s.id)}`,
				text: String(s.id ?? '') }),
			    dateNode(s.created_at),
			    String(s.municipality_name ?? s.municipality ??
				''),
			    codeNode('urgency', s.urgency),
			    h('span', {},
				h('span', { class: 'app-signal-status',
				    'data-status': String(s.status ?? '') },
				    codeNode('status', s.status)),
				marker ? ' ' : null, marker),
			    outcomeNode(s.outcome),
			];
		    })));
		for (const [i, s] of rows.entries()) {
			if (waits(s))
				list.querySelectorAll('tbody tr')[i]
				    .classList.add('app-row--question');
		}
	}, (err) => {
		if (!page.current())
			return;
		list.replaceChildren();
		showError(null, errors, err);
	}).finally(() => {
		list.removeAttribute('aria-busy');
	});
}

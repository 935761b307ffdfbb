// signals: "Mijn signalen", the signals the user filed
// (GET /api/signals/mine), newest first, each with its status in words
// and the outcome once the advice-and-reporting point has decided.  The
// list carries no personal data and never anything of a case.  Each
// number opens the signal (#/signals/{id}, signal-view.js); a signal the
// point has asked about and that waits for an answer says so in words,
// and a notice above the list says how many do.

import { get, showError } from './api.js';
import { alertBox, fill, h, pageHeading, para, table } from './dom.js';
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

export function renderMySignals(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const notice = h('div', { class: 'app-status' });
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	main.replaceChildren(
	    pageHeading('signals.title'),
	    para('signals.intro'),
	    h('p', { class: 'utrecht-paragraph' },
		h('a', { class: 'utrecht-link', href: '#/signals/new',
		    i18n: 'signals.new' })),
	    h('section', { 'aria-labelledby': 'signals-list' },
		h('h2', { class: 'utrecht-heading-2', id: 'signals-list',
		    i18n: 'signals.list' }),
		errors,
		notice,
		list));

	get('/api/signals/mine').then((res) => {
		if (!page.current())
			return;
		const rows = (res?.signals ?? []).slice()
		    .sort((a, b) => Number(b.id) - Number(a.id));
		const asked = rows.filter(waits).length;
		fill(notice, asked > 0 ? alertBox('info', null,
		    para('signals.questions.notice', { count: asked })) : null);
		list.replaceChildren(rows.length === 0 ?
		    para('signals.empty') :
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

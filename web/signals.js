// signals: "Mijn signalen", the signals the user filed
// (GET /api/signals/mine), newest first, each with its status in words
// and the outcome once the advice-and-reporting point has decided.  The
// list carries no personal data and never anything of a case.

import { get, showError } from './api.js';
import { h, pageHeading, para, table } from './dom.js';
import { codeNode, dateNode } from './parts.js';

// The outcome the reporter sees: the decision in words when it is a
// known one, else the server's text as it is.
export function outcomeNode(outcome) {
	if (outcome === null || outcome === undefined || outcome === '')
		return h('span', { class: 'app-none',
		    i18n: 'signal.outcome.none' });
	return codeNode('decision', outcome);
}

export function renderMySignals(main, page) {
	const errors = h('div', { class: 'app-alerts' });
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
		list));

	get('/api/signals/mine').then((res) => {
		if (!page.current())
			return;
		const rows = (res?.signals ?? []).slice()
		    .sort((a, b) => Number(b.id) - Number(a.id));
		list.replaceChildren(rows.length === 0 ?
		    para('signals.empty') :
		    table('signals-list', ['signal.col.id',
			'signal.col.created', 'signal.col.municipality',
			'signal.col.urgency', 'signal.col.status',
			'signal.col.outcome'],
		    rows.map((s) => [
			String(s.id ?? ''),
			dateNode(s.created_at),
			String(s.municipality_name ?? s.municipality ?? ''),
			codeNode('urgency', s.urgency),
			h('span', { class: 'app-signal-status',
			    'data-status': String(s.status ?? '') },
			    codeNode('status', s.status)),
			outcomeNode(s.outcome),
		    ])));
	}, (err) => {
		if (!page.current())
			return;
		list.replaceChildren();
		showError(null, errors, err);
	}).finally(() => {
		list.removeAttribute('aria-busy');
	});
}

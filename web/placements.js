// placements: the provider's page #/placements, the placements at the
// provider's own organisation (GET /api/placements): the case number,
// the type, the days and the status, nothing about the person; what a
// referral shares is the referral's.  Reading the list is audited.

import { loadInto } from './api.js';
import { h, pageHeading, para, table } from './dom.js';
import { codeNode, dateNode } from './parts.js';

export function renderPlacements(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	main.replaceChildren(pageHeading('placements.title'),
	    para('placements.intro'),
	    h('section', { 'aria-labelledby': 'placements-list' },
		h('h2', { class: 'utrecht-heading-2', id: 'placements-list',
		    i18n: 'placements.heading' }),
		errors, list));
	loadInto(page, list, errors, '/api/placements', (res) => {
		const rows = res?.placements ?? [];
		if (rows.length === 0)
			return para('placements.empty');
		return table('placements-list', ['placements.col.case',
		    'placement.type', 'placement.from', 'placement.until',
		    'placement.status'],
		    rows.map((p) => [
			h('span', { i18n: 'placements.case',
			    args: { id: String(p.case_id) } }),
			codeNode('placement.type', p.type),
			dateNode(p.from, 'day'),
			p.until ? dateNode(p.until, 'day') :
			    h('span', { i18n: 'placement.open' }),
			codeNode('placement.status', p.status),
		    ]));
	});
}

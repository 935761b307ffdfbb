// coverage: #/coverage, trained professionals per care-coordination
// region and expertise beside the protected number of signals there
// (GET /api/expertise/coverage), with the gaps marked in words, and for
// the rapporteur the link to the anonymised HTCDS export.

import { loadInto } from './api.js';
import { h, pageHeading, para, table } from './dom.js';
import { lang, t } from './i18n.js';

function cell(c) {
	return 'v' in c ? String(c.v) : c.s;
}

export function renderCoverage(main, page, session) {
	const errors = h('div', { class: 'app-alerts' });
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	const extra = [];
	if (session?.role === 'rapporteur')
		extra.push(h('p', { class: 'utrecht-paragraph' },
		    h('a', { class: 'utrecht-link', href:
			'/api/insight/htcds.csv', download: '',
			i18n: 'coverage.htcds' })));
	main.replaceChildren(pageHeading('coverage.title'),
	    para('coverage.intro'), ...extra,
	    h('section', { 'aria-labelledby': 'coverage-table' },
		h('h2', { class: 'utrecht-heading-2', id: 'coverage-table',
		    i18n: 'coverage.heading' }), errors, list));
	loadInto(page, list, errors, '/api/expertise/coverage', (res) => {
		const regions = res?.regions ?? [];
		const kinds = res?.expertises ?? [];
		if (regions.length === 0)
			return para('coverage.empty');
		const name = (k) => (lang() === 'en' ? k.en : k.nl);
		const head = h('p', { class: 'utrecht-paragraph',
		    i18n: 'coverage.year', args: { year: String(res.year),
			quarters: String(res.quarters) } });
		const rows = regions.map((g) => [g.name, cell(g.signals),
		    ...kinds.map((k) => g.gaps.includes(k.key) ?
			h('strong', { class: 'app-gap' },
			    `0 (${t('coverage.gap')})`) :
			String(g.staff[k.key] ?? 0))]);
		const tbl = table('coverage-table', ['coverage.col.region',
		    'coverage.col.signals'], rows);
		// The expertises are data: their headings come from the
		// answer, in the page's language.
		const tr = tbl.querySelector('thead tr');
		for (const k of kinds)
			tr.append(h('th', { class: 'utrecht-table__header-cell',
			    scope: 'col', text: name(k) }));
		return [head, tbl, para('coverage.note')];
	});
}

// gap: the gap report of a care-coordination region for a year (GET
// /api/gap): demand from real cases per care type, protected (no count
// from 1 to 9, rounded to 5, "x" where a hidden count could be derived),
// against the capacity the region's contracts buy, shown exactly.  A CSV
// download (GET /api/gap.csv) and a print button, so a municipality can
// take it to its council.

import { get, loadInto, showError } from './api.js';
import { button, field, h, pageHeading, para, setOptions, table }
    from './dom.js';
import { lang } from './i18n.js';

function cell(c) {
	if (c === undefined || c === null)
		return '';
	return 'v' in c ? String(c.v) : String(c.s);
}

export function renderGap(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const host = h('div', { class: 'app-gap' });
	const region = field({ name: 'region', key: 'gap.region',
	    options: [] });
	const year = field({ name: 'year', key: 'gap.year', options: [] });
	const csv = h('a', { class: 'utrecht-link app-gap-csv', href: '#',
	    download: '', i18n: 'gap.csv' });
	const print = button('gap.print', 'secondary', { class:
	    'utrecht-button utrecht-button--secondary-action app-no-print' });
	print.addEventListener('click', () => window.print());
	const controls = h('form', { class: 'app-form app-no-print',
	    'aria-label': 'gap' }, region, year);
	main.replaceChildren(pageHeading('gap.title'), para('gap.intro'),
	    controls, h('p', { class: 'utrecht-paragraph app-no-print' }, csv,
		' ', print), errors, host);
	region.control.addEventListener('change', show);
	year.control.addEventListener('change', show);
	start();

	async function start() {
		try {
			const [c, a] = await Promise.all([get('/api/contracts'),
			    get('/api/insight/areas')]);
			if (!page.current())
				return;
			setOptions(region.control, (c?.regions ?? []).map((r) =>
			    ({ value: String(r.id), text: r.name })));
			setOptions(year.control, (a?.years ?? []).map((y) =>
			    ({ value: String(y), text: String(y) })));
			if ((c?.regions ?? []).length === 0) {
				host.replaceChildren(para('gap.none'));
				return;
			}
			show();
		} catch (err) {
			showError(null, errors, err);
		}
	}

	function show() {
		const q = `region=${encodeURIComponent(region.control.value)}` +
		    `&year=${encodeURIComponent(year.control.value)}` +
		    `&lang=${lang()}`;
		csv.setAttribute('href', `/api/gap.csv?${q}`);
		loadInto(page, host, errors, `/api/gap?${q}`, report);
	}

	function report(g) {
		return [h('h2', { class: 'utrecht-heading-2', id: 'gap-h',
		    i18n: 'gap.heading', args: { region: g.region.name,
			year: g.year, quarters: g.quarters } }),
		    para('gap.rules', { threshold: g.rules.threshold,
			rounding: g.rules.rounding }),
		    table('gap-h', ['gap.col.care', 'gap.col.needs',
			'gap.col.referrals', 'gap.col.declined',
			'gap.col.wait', 'gap.col.places', 'gap.col.hours',
			'gap.col.gap'],
		    g.rows.map((r) => [
			r.total ? h('strong', { text: r.label }) : r.label,
			cell(r.demand.needs), cell(r.demand.referrals),
			cell(r.demand.declined_capacity),
			cell(r.demand.median_wait_days),
			String(r.supply.places), String(r.supply.hours),
			r.gap ? h('strong', { class: 'app-gap-flag',
			    i18n: `gap.flag.${r.gap}` }) : ''])),
		    para('gap.legend')];
	}
}

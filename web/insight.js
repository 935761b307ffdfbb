// insight: the local insight dashboard (#/insight, GET /api/insight and
// its CSV, chart and tile grid routes).  Protected aggregates only: the
// server sends no count from 1 to 9 and no record, and this page shows
// what it is sent, nothing it computes itself.
//
// The area (level and code) and year are in the URL
// (#/insight?level=region&area=2&year=2025), so a reload or a shared
// link shows the same view; choosing another area or year is a
// navigation to that URL.  Each table: a heading, the server's SVG chart
// beside a real HTML table for screen readers, a CSV download, and for a
// region or province a tile grid of its municipalities.  A table that is
// too small for the area says so and links to the area where it is safe.
// The page prints as a report (app.css, @media print).

import { get, showError } from './api.js';
import { alertBox, button, fill, h, pageHeading, para } from './dom.js';
import { formatDate, lang, onChange, t } from './i18n.js';

// The roles of action insight (src/auth/policy.c).
export const INSIGHT = ['advisor', 'coordinator', 'policy', 'rapporteur'];

const LEVELS = ['country', 'province', 'region', 'municipality'];

// The page's reload for a language switch: the server writes the tables'
// titles and labels in the language asked for.
let reload = null;
onChange(() => reload?.());

export function insightHash(level, area, year) {
	const q = new URLSearchParams({ level, area, year: String(year) });
	return `#/insight?${q}`;
}

// The query string of one view for the API's routes.
function viewQuery(v, extra = {}) {
	return new URLSearchParams({ level: v.area.level, area: v.area.code,
	    year: String(v.year), lang: lang(), ...extra }).toString();
}

function areaName(a) {
	return `${a.name} (${t(`insight.kind.${a.level}`)})`;
}

function formatCount(n) {
	return new Intl.NumberFormat(lang() === 'nl' ? 'nl-NL' : 'en-GB')
	    .format(n);
}

// A cell: a shown count, "<10" or hidden, each said in words too.
function cellNode(c, states) {
	if ('v' in c)
		return h('span', { text: formatCount(c.v) });
	if (c.s === 'x') {
		states.add('x');
		return h('span', { class: 'app-insight-hidden',
		    i18n: 'insight.cell.hidden' });
	}
	states.add('small');
	return h('span', {}, h('span', { 'aria-hidden': 'true', text: c.s }),
	    h('span', { class: 'app-visually-hidden',
		i18n: 'insight.cell.small.sr' }));
}

function dataTable(tb, hid, rules) {
	const states = new Set();
	const body = tb.rows.map((r) => h('tr', { class: r.total ?
	    'utrecht-table__row app-insight-total' : 'utrecht-table__row' },
	    h('th', { class: 'utrecht-table__header-cell', scope: 'row',
		text: r.label }),
	    r.cells.map((c) => h('td', { class:
		'utrecht-table__cell utrecht-table__cell--numeric' },
		cellNode(c, states)))));
	const el = h('div', { class: 'utrecht-table-container app-table',
	    role: 'group', tabindex: '0', 'aria-labelledby': hid },
	    h('table', { class: 'utrecht-table utrecht-table--html-table' },
		// The h2 above says the same to the eye.
		h('caption', { class: 'app-visually-hidden', text: tb.title }),
		h('thead', { class: 'utrecht-table__header' },
		    h('tr', { class: 'utrecht-table__row' },
			h('th', { class: 'utrecht-table__header-cell',
			    scope: 'col', i18n: 'insight.col.category' }),
			tb.cols.map((c) => h('th', {
			    class: 'utrecht-table__header-cell ' +
			    'utrecht-table__header-cell--numeric',
			    scope: 'col', text: c.label })))),
		h('tbody', { class: 'utrecht-table__body' }, body)));
	const legend = [];
	if (states.has('small'))
		legend.push(para('insight.legend.small', {
		    threshold: rules.threshold, max: rules.threshold - 1 }));
	if (states.has('x'))
		legend.push(para('insight.legend.hidden'));
	return [el, legend.length > 0 ? h('div',
	    { class: 'app-insight-legend' }, legend) : null];
}

function suggestLink(s, year) {
	return h('a', { class: 'utrecht-link',
	    href: insightHash(s.level, s.code, year),
	    i18n: 'insight.suggest.link', args: { area: areaName(s) } });
}

// A server-drawn SVG fetched as text: its description (the numbers of
// every tile in words) becomes the image's text alternative, and the
// image is shown from the same answer as a data URL (CSP: img-src
// 'self' data:), so it is asked for once.
async function svgImage(path, holder) {
	let res;
	try {
		res = await fetch(path, { credentials: 'same-origin',
		    cache: 'no-store', redirect: 'error' });
	} catch {
		res = null;
	}
	if (res === null || !res.ok) {
		holder.replaceChildren(para('insight.tiles.failed'));
		return;
	}
	const text = await res.text();
	const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
	const desc = doc.querySelector('desc')?.textContent ?? '';
	holder.replaceChildren(h('img', { class: 'app-insight-chart',
	    src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`,
	    alt: desc.trim() }));
}

// One table of the view as its section.
function tableSection(v, tb) {
	const hid = `insight-${tb.id}`;
	const kids = [h('h2', { class: 'utrecht-heading-2', id: hid,
	    tabindex: '-1', text: tb.title })];
	if (tb.too_small) {
		kids.push(alertBox('info', null, para('insight.too_small',
		    { area: areaName(v.area) }), tb.suggest ? h('p',
		    { class: 'utrecht-paragraph' }, suggestLink(tb.suggest,
		    v.year)) : null));
		return h('section', { class: 'app-insight-table',
		    'aria-labelledby': hid }, kids);
	}
	const q = viewQuery(v, { table: tb.id });
	const chart = h('img', { class: 'app-insight-chart', loading: 'lazy',
	    src: `/api/insight/chart.svg?${q}`, width: '640',
	    i18nAttr: { alt: tb.chart === 'lines' ? 'insight.chart.lines' :
		'insight.chart.bars' }, args: { title: tb.title } });
	const [tableEl, legend] = dataTable(tb, hid, v.rules);
	kids.push(h('div', { class: 'app-insight-pair' },
	    h('div', { class: 'app-insight-figure' }, chart), h('div', {},
		tableEl, legend)));
	const links = [h('a', { class: 'utrecht-link app-insight-csv',
	    href: `/api/insight/csv?${q}`, download: true,
	    i18n: 'insight.csv', args: { title: tb.title } })];
	kids.push(h('p', { class: 'utrecht-paragraph app-no-print' }, links));
	const last = tb.rows.at(-1);
	if ((v.area.level === 'region' || v.area.level === 'province') &&
	    tb.id !== 'trend' && last?.total) {
		// Open for the first table, on request for the others: each
		// grid reads every municipality's protected result.
		const holder = h('div', { class: 'app-insight-tiles' },
		    para('loading'));
		const details = h('details', { class: 'app-insight-tilebox',
		    open: v.firstTiles === undefined },
		    h('summary', { i18n: 'insight.tiles', args: {
			area: v.area.name } }), holder);
		v.firstTiles ??= tb.id;
		kids.push(details);
		const tiles = () => {
			if (details.open && !details.dataset.loaded) {
				details.dataset.loaded = '1';
				svgImage(`/api/insight/tiles.svg?${q}`, holder);
			}
		};
		details.addEventListener('toggle', tiles);
		tiles();
	}
	return h('section', { class: 'app-insight-table',
	    'aria-labelledby': hid }, kids);
}

function option(value, text, selected) {
	return h('option', { value, text, selected });
}

function areaOptions(select, areas, level, code) {
	select.replaceChildren(...areas.filter((a) => a.level === level)
	    .map((a) => option(a.code, a.name, a.code === code)));
}

// The picker: level, area of that level, year; choosing is navigating.
function picker(info, cur) {
	const levels = LEVELS.filter((l) => info.areas.some((a) =>
	    a.level === l));
	const sel = (id, name) => h('select', {
	    class: 'utrecht-select utrecht-select--html-select', id, name });
	const level = sel('insight-level', 'level');
	const area = sel('insight-area', 'area');
	const year = sel('insight-year', 'year');
	level.replaceChildren(...levels.map((l) => h('option', { value: l,
	    i18n: `insight.level.${l}`, selected: l === cur.level })));
	areaOptions(area, info.areas, cur.level, cur.code);
	year.replaceChildren(...info.years.map((y) => option(String(y),
	    String(y), y === cur.year)));
	level.addEventListener('change', () => areaOptions(area, info.areas,
	    level.value, null));
	const fieldOf = (id, key, control) => h('div',
	    { class: 'utrecht-form-field app-insight-field' },
	    h('label', { class: 'utrecht-form-label', for: id, i18n: key }),
	    control);
	const form = h('form', { class: 'app-insight-pick app-no-print',
	    'aria-labelledby': 'insight-pick-title' },
	    h('h2', { class: 'utrecht-heading-2 app-visually-hidden',
		id: 'insight-pick-title', i18n: 'insight.pick' }),
	    h('div', { class: 'app-insight-fields' },
		fieldOf('insight-level', 'insight.level', level),
		fieldOf('insight-area', 'insight.area', area),
		fieldOf('insight-year', 'insight.year', year),
		h('div', { class: 'app-insight-field' },
		    button('insight.show', 'primary', { type: 'submit' }))));
	form.addEventListener('submit', (ev) => {
		ev.preventDefault();
		window.location.hash = insightHash(level.value, area.value,
		    year.value);
	});
	return form;
}

// Makes every lazy image load, waits for them, then prints.
async function printReport(main) {
	const imgs = [...main.querySelectorAll('img')];
	for (const img of imgs)
		img.loading = 'eager';
	await Promise.all(imgs.map((img) => img.complete ? null :
	    new Promise((done) => {
		img.addEventListener('load', done, { once: true });
		img.addEventListener('error', done, { once: true });
	    })));
	window.print();
}

// The area and year of the URL when this user may see them, else the
// default area and the newest year; the URL is made to say which.
function pickFromQuery(info, query) {
	const level = query?.get('level');
	const code = query?.get('area');
	const year = Number(query?.get('year'));
	const a = info.areas.find((x) => x.level === level && x.code === code);
	const cur = {
		level: a ? a.level : info.default.level,
		code: a ? a.code : info.default.code,
		year: info.years.includes(year) ? year : info.years[0],
	};
	const want = insightHash(cur.level, cur.code, cur.year);
	if (window.location.hash !== want)
		history.replaceState(null, '', want);
	return cur;
}

export function renderInsight(main, page, me, arg, query) {
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-live': 'polite' });
	const intro = h('div', { class: 'app-insight-intro' });
	const pick = h('div');
	const printButton = button('insight.print', 'secondary',
	    { class: 'utrecht-button utrecht-button--secondary-action ' +
	    'app-no-print' });
	printButton.addEventListener('click', () => printReport(main));

	async function load() {
		body.setAttribute('aria-busy', 'true');
		let info, v;
		try {
			info = await get('/api/insight/areas');
			if (!page.current())
				return;
			const cur = pickFromQuery(info, query);
			v = await get(`/api/insight?${new URLSearchParams({
			    level: cur.level, area: cur.code,
			    year: String(cur.year), lang: lang() })}`);
		} catch (err) {
			if (!page.current())
				return;
			showError(null, errors, err);
			body.removeAttribute('aria-busy');
			return;
		}
		if (!page.current())
			return;
		errors.replaceChildren();
		intro.replaceChildren(
		    para('insight.rules', { threshold: v.rules.threshold,
			max: v.rules.threshold - 1, rounding: v.rules.rounding }),
		    para('insight.rules.more'));
		pick.replaceChildren(picker(info, { level: v.area.level,
		    code: v.area.code, year: v.year }));
		const status = h('p', { class: 'utrecht-paragraph' },
		    h('strong', { text: `${areaName(v.area)}, ${v.year}` }),
		    '. ', h('span', { i18n: v.quarters === 4 ?
			'insight.quarters.all' : 'insight.quarters',
			args: { n: v.quarters, count: v.quarters } }), ' ',
		    h('span', { i18n: 'insight.computed', args: {
			when: formatDate(v.computed_at, 'day'),
			release: v.release } }));
		const all = v.too_small ? alertBox('warning', null,
		    para('insight.all_too_small', { area: areaName(v.area) }),
		    v.suggest ? h('p', { class: 'utrecht-paragraph' },
			suggestLink(v.suggest, v.year)) : null) : null;
		fill(body, status, all,
		    ...v.tables.map((tb) => tableSection(v, tb)));
		body.removeAttribute('aria-busy');
	}

	reload = () => {
		if (page.current())
			load();
	};
	main.replaceChildren(pageHeading('insight.title'), intro, pick,
	    h('p', { class: 'utrecht-paragraph app-no-print' }, printButton),
	    errors, body);
	load();
}

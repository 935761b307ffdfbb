// due: the coordinator's one overview of deadlines (#/due, GET /api/due)
// across cases, referrals, placements and the move to adult care: what
// is missed first, then what falls due within the chosen window, each a
// link to its case.  No personal data: the case number, what is due and
// when.  dueStart() gives the start page the count of missed deadlines
// and those of the coming week, as a link to the overview.

import { get, showError } from './api.js';
import { caseLink } from './cases.js';
import { h, pageHeading, para, table } from './dom.js';
import { codeNode, dateNode, section } from './parts.js';

const WINDOWS = [7, 14, 30, 92];

// Whole days from today to the day of an ISO moment, in the browser's
// time zone (the Netherlands for its users): 0 today, < 0 past.
function daysFrom(iso) {
	const d = new Date(iso);
	const day = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
	const n = new Date();
	const now = Date.UTC(n.getFullYear(), n.getMonth(), n.getDate());
	return Math.round((day - now) / 86400000);
}

// "today", "in 3 days", "2 days late": beside the date, never instead.
function relative(item) {
	const n = daysFrom(item.due);
	if (item.missed)
		return h('strong', { class: 'app-overdue',
		    i18n: n === 0 ? 'due.late.today' : 'due.late',
		    args: { n: -n, count: -n } });
	if (n === 0)
		return h('span', { i18n: 'due.today' });
	return h('span', { i18n: 'due.in', args: { n, count: n } });
}

function whenCell(item) {
	return h('span', { class: 'app-nowrap' }, dateNode(item.due, 'date'),
	    h('br'), relative(item));
}

function whatCell(item) {
	return h('span', {}, codeNode('due.kind', item.kind),
	    item.detail ? ' (' : null,
	    item.detail ? codeNode('due.detail', item.detail) : null,
	    item.detail ? ')' : null);
}

function dueTable(hid, items) {
	return table(hid, ['due.col.when', 'due.col.case', 'due.col.what'],
	    items.map((x) => [whenCell(x), caseLink(x.case_id),
		whatCell(x)]));
}

export function renderDue(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-live': 'polite' });
	const select = h('select', {
	    class: 'utrecht-select utrecht-select--html-select',
	    id: 'due-within', name: 'within' }, WINDOWS.map((n) => h('option', {
		value: String(n), i18n: 'due.window.days', args: { n },
		selected: n === 14 })));

	async function load() {
		body.setAttribute('aria-busy', 'true');
		let d;
		try {
			d = await get(`/api/due?within=${select.value}`);
		} catch (err) {
			showError(null, errors, err);
			body.removeAttribute('aria-busy');
			return;
		}
		if (!page.current())
			return;
		errors.replaceChildren();
		const missed = d.items.filter((x) => x.missed);
		const coming = d.items.filter((x) => !x.missed);
		body.replaceChildren(
		    section('due-missed', 'due.missed',
			missed.length === 0 ? para('due.missed.none') :
			dueTable('due-missed', missed)),
		    section('due-coming', 'due.coming',
			para('due.coming.intro', { n: d.within }),
			coming.length === 0 ? para('due.coming.none') :
			dueTable('due-coming', coming)));
		body.removeAttribute('aria-busy');
	}

	select.addEventListener('change', load);
	main.replaceChildren(pageHeading('due.title'), para('due.intro'),
	    h('div', { class: 'utrecht-form-field' },
		h('label', { class: 'utrecht-form-label', for: 'due-within',
		    i18n: 'due.window' }), ' ', select),
	    errors, body);
	load();
}

// For the start page: how many deadlines are missed and how many fall
// due in the coming week, as a link to the overview; null when none.
export async function dueStart(me) {
	if (me?.role !== 'coordinator')
		return null;
	let d;
	try {
		d = await get('/api/due?within=7');
	} catch (err) {
		const host = h('div', { class: 'app-alerts' });
		showError(null, host, err);
		return host;
	}
	if (d.items.length === 0)
		return null;
	const missed = d.items.filter((x) => x.missed).length;
	const coming = d.items.length - missed;
	return section('start-due', 'due.start.title',
	    missed > 0 ? h('p', { class: 'utrecht-paragraph' },
		h('strong', { class: 'app-overdue', i18n: 'due.start.missed',
		    args: { n: missed, count: missed } })) : null,
	    coming > 0 ? para('due.start.coming', { n: coming,
		count: coming }) : null,
	    h('p', { class: 'utrecht-paragraph' },
		h('a', { class: 'utrecht-link', href: '#/due',
		    i18n: 'due.start.link' })));
}

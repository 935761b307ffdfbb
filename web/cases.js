// cases: the coordinator's cases (#/cases, GET /api/cases): the cases of
// their organisation and those they are assigned to, new ones first with
// the day by which one of the team must accept them, then the latest
// changed.  No personal data: number, status, type and forms, the
// municipality, who coordinates, the next review and the last change.
// casesStart() gives the start page what waits: new cases to accept and
// care-plan reviews that are due.

import { get, showError } from './api.js';
import { loadCatalog, formNode, joined } from './catalog.js';
import { h, pageHeading, para, table } from './dom.js';
import { codeNode, dateNode, nobody, none, section, today } from './parts.js';

export function caseLink(id) {
	return h('a', { class: 'utrecht-link', href: `#/cases/${id}`,
	    i18n: 'cases.number', args: { id: String(id) } });
}

export function typeNode(cat, c) {
	const forms = c.forms ?? [];
	return h('span', {}, codeNode('case.type', c.type),
	    forms.length > 0 ? ': ' : null,
	    forms.length > 0 ? joined(forms, (f) => formNode(cat, f)) : null);
}

function dueCell(c) {
	if (c.status === 'new' && c.accept_due)
		return h('span', {}, h('span', { i18n: 'cases.accept_by' }), ' ',
		    dateNode(c.accept_due, 'date'),
		    Date.parse(c.accept_due) < Date.now() ? ' ' : null,
		    Date.parse(c.accept_due) < Date.now() ?
		    h('strong', { class: 'app-overdue', i18n: 'queue.overdue' }) :
		    null);
	if (c.review_on)
		return h('span', {}, h('span', { i18n: 'cases.review_on' }), ' ',
		    dateNode(c.review_on, 'day'),
		    c.review_on < today() ? ' ' : null,
		    c.review_on < today() ? h('strong', { class: 'app-overdue',
			i18n: 'queue.overdue' }) : null);
	return none();
}

function casesTable(hid, cat, cases) {
	return table(hid, ['cases.col.number', 'cases.col.status',
	    'cases.col.type', 'cases.col.municipality',
	    'cases.col.coordinator', 'cases.col.due', 'cases.col.updated'],
	    cases.map((c) => [
		caseLink(c.id),
		codeNode('case.status', c.status),
		typeNode(cat, c),
		String(c.municipality_name ?? ''),
		c.coordinator ? String(c.coordinator) : nobody(),
		dueCell(c),
		dateNode(c.updated_at, 'date'),
	    ]));
}

export function renderCases(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	main.replaceChildren(pageHeading('cases.title'), para('cases.intro'),
	    h('p', { class: 'utrecht-paragraph' },
		h('a', { class: 'utrecht-link', href: '#/cases/new',
		    i18n: 'cases.open_direct' })),
	    errors, body);
	Promise.all([get('/api/cases'), loadCatalog()]).then(([res, cat]) => {
		if (!page.current())
			return;
		const cases = res?.cases ?? [];
		const open = cases.filter((c) => c.status !== 'closed');
		const closed = cases.filter((c) => c.status === 'closed');
		body.replaceChildren(
		    section('cases-open', 'cases.open',
			open.length > 0 ? casesTable('cases-open', cat, open) :
			para('cases.none')),
		    closed.length > 0 ? section('cases-closed',
			'cases.closed', casesTable('cases-closed', cat,
			closed)) : null);
	}).catch((err) => {
		if (!page.current())
			return;
		body.replaceChildren();
		showError(null, errors, err);
	}).finally(() => body.removeAttribute('aria-busy'));
}

// For the coordinator's start page: new cases to accept and reviews due
// within a week; nothing when nothing waits.
export async function casesStart(page) {
	const host = h('div');
	try {
		const [res, cat] = await Promise.all([get('/api/cases'),
		    loadCatalog()]);
		if (!page.current())
			return host;
		const cases = res?.cases ?? [];
		const fresh = cases.filter((c) => c.status === 'new');
		const week = new Date(Date.now() + 7 * 86400e3).toISOString()
		    .slice(0, 10);
		const reviews = cases.filter((c) => c.status !== 'closed' &&
		    c.status !== 'new' && c.review_on && c.review_on <= week);
		host.replaceChildren(
		    section('start-cases-new', 'cases.start.new',
			fresh.length > 0 ? casesTable('start-cases-new', cat,
			fresh) : para('cases.start.none_new')),
		    reviews.length > 0 ? section('start-cases-review',
			'cases.start.review', casesTable('start-cases-review',
			cat, reviews)) : null);
	} catch (err) {
		showError(null, host, err);
	}
	return host;
}

// listing: the search box and the pages of a list of signals, kept in
// the address (#/queue?view=overdue&q=diemen&page=2) so that a link or
// a reload shows the same list.
//
// listQuery(query) reads q and page from the URLSearchParams a route is
// given; listHash(base, params) writes them back; searchForm() and
// pager() are the parts on the page.  The server checks everything
// again (at most 100 characters, pages from 1).

import { h } from './dom.js';

export const SEARCH_MAX = 100;

// {q, page, perPage} from the address; nonsense becomes "", 1 and null
// (the server's page size).
export function listQuery(query) {
	const q = String(query?.get('q') ?? '').trim().slice(0, SEARCH_MAX);
	const n = Number(query?.get('page') ?? '1');
	const page = Number.isInteger(n) && n >= 1 && n <= 1000000 ? n : 1;
	const m = Number(query?.get('per_page') ?? 'x');
	const perPage = Number.isInteger(m) && m >= 1 && m <= 100 ? m : null;
	return { q, page, perPage };
}

// The API's parameters for a list: page, per_page when chosen, q when
// given, and more (such as view) first.
export function listParams(more, { q, page, perPage }) {
	const p = new URLSearchParams(more);
	p.set('page', String(page));
	if (perPage !== null)
		p.set('per_page', String(perPage));
	if (q !== '')
		p.set('q', q);
	return p;
}

// The address of a list: base ('#/queue') with the parameters that are
// set, in a fixed order; an empty q and page 1 are left out.
export function listHash(base, params) {
	const p = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) {
		if (v === null || v === undefined || v === '' ||
		    (k === 'page' && Number(v) <= 1))
			continue;
		p.set(k, String(v));
	}
	const s = p.toString();
	return s === '' ? base : `${base}?${s}`;
}

// A search form: a labelled search box with its button; onSearch gets
// the trimmed text.  id names the box (for tests and the label).
export function searchForm(id, q, onSearch) {
	const input = h('input', {
		class: 'utrecht-textbox utrecht-textbox--html-input',
		id, name: 'q', type: 'search', maxlength: SEARCH_MAX,
		autocomplete: 'off', 'aria-describedby': `${id}-hint`,
	});
	input.value = q;
	const form = h('form', { class: 'app-search', role: 'search',
	    'aria-labelledby': `${id}-label`, novalidate: true },
	    h('div', { class: 'utrecht-form-field' },
		h('div', { class: 'utrecht-form-field__label' },
		    h('label', { class: 'utrecht-form-label', for: id,
			id: `${id}-label`, i18n: 'list.search' })),
		h('div', { class: 'utrecht-form-field-description',
		    id: `${id}-hint`, i18n: 'list.search.hint' }),
		h('div', { class: 'utrecht-form-field__input app-search-row' },
		    input, ' ',
		    h('button', { type: 'submit', class: 'utrecht-button ' +
			'utrecht-button--secondary-action',
			i18n: 'list.search.submit' }))));
	form.addEventListener('submit', (ev) => {
		ev.preventDefault();
		onSearch(input.value.trim().slice(0, SEARCH_MAX));
	});
	return form;
}

// "Pagina 2 van 5" with links to the previous and next page (hashOf(n)
// is the address of page n); null when everything fits on one page.
export function pager(id, page, pages, hashOf) {
	if (pages <= 1 && page <= 1)
		return null;
	return h('nav', { class: 'app-pager', id, i18nAttr: {
	    'aria-label': 'list.pages' } },
	    page > 1 ? h('a', { class: 'utrecht-link', rel: 'prev',
		href: hashOf(Math.min(page - 1, pages)),
		i18n: 'list.previous' }) : null,
	    page > 1 ? ' ' : null,
	    h('span', { class: 'app-pager-at', i18n: 'list.page',
		args: { page, pages } }),
	    page < pages ? ' ' : null,
	    page < pages ? h('a', { class: 'utrecht-link', rel: 'next',
		href: hashOf(page + 1), i18n: 'list.next' }) : null);
}

// catalog: the reference lists the signal pages need, fetched once per
// page load and shared: the indicator checklist, the forms of
// exploitation, the victim-group markers (GET /api/catalog) and the
// municipalities (GET /api/municipalities).  A failed fetch is forgotten,
// so the next page asks again.
//
// Catalogue texts come in Dutch and English from the server; nodes made
// here follow the language switch (i18n.localized).

import { get } from './api.js';
import { h } from './dom.js';
import { bilingual } from './parts.js';

let catalog = null;		/* a promise of the indexed catalogue */
let municipalities = null;	/* a promise of the sorted list */

function byKey(list) {
	const m = new Map();
	for (const x of list ?? [])
		m.set(x.key ?? x.id, x);
	return m;
}

// Resolves {indicators, groups, forms, markers, help_needs} as the server
// sends them, plus maps by id or key: indicator, group, form, marker,
// need.
export function loadCatalog() {
	catalog ??= get('/api/catalog').then((c) => ({
		indicators: c?.indicators ?? [],
		groups: c?.groups ?? [],
		forms: c?.forms ?? [],
		markers: c?.markers ?? [],
		help_needs: c?.help_needs ?? [],
		indicator: byKey(c?.indicators),
		need: byKey(c?.help_needs),
		group: byKey(c?.groups),
		form: byKey(c?.forms),
		marker: byKey(c?.markers),
	})).catch((err) => {
		catalog = null;
		throw err;
	});
	return catalog;
}

// The names people type for the two municipalities whose official name
// starts with 's-: a select jumps to what is typed, and nobody types an
// apostrophe first.
const SPOKEN = { GM0518: 'Den Haag', GM0796: 'Den Bosch' };

// Resolves the municipalities [{code, name, label, province}] sorted by
// label, the name to show: 's-Gravenhage is "Den Haag ('s-Gravenhage)".
export function loadMunicipalities() {
	municipalities ??= get('/api/municipalities').then((r) =>
	    (r?.municipalities ?? []).map((m) => ({ ...m,
		label: SPOKEN[m.code] ? `${SPOKEN[m.code]} (${m.name})` :
		    String(m.name ?? '') }))
		.sort((a, b) => a.label.localeCompare(b.label, 'nl')))
	    .catch((err) => {
		municipalities = null;
		throw err;
	    });
	return municipalities;
}

// The name of an entry {nl, en} (or its key when unknown) as a node.
function named(map, key) {
	const x = map.get(key);
	return x ? bilingual(x.nl, x.en) : h('span', { text: String(key) });
}

export const formNode = (cat, key) => named(cat.form, key);
export const markerNode = (cat, key) => named(cat.marker, key);
export const groupNode = (cat, key) => named(cat.group, key);

// An indicator's text as a node; an id the catalogue lacks is shown as
// it is.
export function indicatorNode(cat, id) {
	const x = cat.indicator.get(id);
	return x ? bilingual(x.text_nl, x.text_en) :
	    h('span', { text: String(id) });
}

// A help need's text as a node; an id the catalogue lacks is shown as
// it is.
export function needNode(cat, id) {
	const x = cat.need.get(id);
	return x ? bilingual(x.text_nl, x.text_en) :
	    h('span', { text: String(id) });
}

// A list of names from the catalogue joined by commas, as one node.
export function joined(list, nodeOf) {
	const out = h('span');
	list.forEach((v, i) => {
		if (i > 0)
			out.append(', ');
		out.append(nodeOf(v));
	});
	return out;
}

// regions: the admin page listing regions (GET /api/regions), with a form
// to add one (POST /api/regions), and the page that changes one
// (#/regions/7: GET and POST /api/regions/7) with the same form, filled
// in, the type shown but fixed.  A region is a named group of
// municipalities of one type, with the organisations that serve it.  A
// Veilig Thuis region decides which advice and reporting point sees a
// signal from a municipality; the other types are kept for later work.
//
// The 342 municipalities are picked per province: a closed <details> per
// province holds a fieldset of checkboxes, so the tab order stays short
// until the admin opens a province.  Its summary says how many of the
// province are ticked, and a count under the legend says how many in all
// (a live region, so a screen reader hears it change).

import { clearErrors, get, loadInto, missing, post, showError,
    showInvalid } from './api.js';
import { loadMunicipalities } from './catalog.js';
import { alertBox, button, field, h, nextId, pageHeading, para, table }
    from './dom.js';
import { has, label } from './i18n.js';
import { checkedValues, choice, dataList, fieldset } from './parts.js';

export const REGION_TYPES = ['veilig_thuis', 'care_coordination', 'youth',
    'safety'];

const MUNICIPALITIES_MAX = 400;

// The region type in words, or as it is when this UI does not know it.
export function regionTypeNode(type) {
	return has(`regions.type.${type}`) ?
	    h('span', { i18n: `regions.type.${type}` }) :
	    h('span', { text: String(type ?? '') });
}

function byName(a, b) {
	return String(a.name).localeCompare(String(b.name), 'nl');
}

// One province: a <details> whose summary counts the ticked boxes.
function provinceGroup(province, munis) {
	const count = h('span', { class: 'app-count',
	    i18n: 'regions.province.count',
	    args: { count: 0, total: munis.length } });
	const body = fieldset({ legend: h('span', { text: province }),
	    legendClass: 'app-visually-hidden', class: 'app-muni-choices' },
	    ...munis.map((m) => choice({ name: 'municipalities',
		value: m.code, nl: m.label, en: m.label })));
	const details = h('details', { class: 'app-group',
	    'data-province': province },
	    h('summary', { class: 'app-group__summary' },
		h('span', { class: 'app-group__name', text: province }), ' ',
		count),
	    body);
	return {
		details,
		update() {
			label(count, 'regions.province.count', {
			    count: checkedValues(body, 'municipalities')
				.length,
			    total: munis.length });
		},
	};
}

// The form to add a region (region null) or change one (region as GET
// /api/regions/{id} answers it: the name, the municipalities and the
// organisations ticked, the provinces holding ticked ones opened, the
// type shown but not asked).  onSubmit(body) sends it; the form checks
// what it can first and shows the errors in the summary above it.
// Returns {form, errors, reset(), fill(region)}.
function regionForm(page, opts) {
	const region = opts.region ?? null;
	const errors = h('div', { class: 'app-alerts' });
	const name = field({ name: 'name', key: 'regions.name', required: true,
	    maxlength: 200, autocomplete: 'off' });
	const type = region ? dataList([['regions.type',
	    regionTypeNode(region.type)]], { id: nextId('regions-type') }) :
	    field({ name: 'type', key: 'regions.type', required: true,
		placeholder: 'regions.choose.type',
		options: REGION_TYPES.map((v) => ({ value: v,
		    key: `regions.type.${v}` })) });
	const typeNote = region ? para('regions.edit.type') : null;

	// The municipalities: the total count is tied to the fieldset, so
	// it is read with the legend as well as when it changes.
	const total = h('p', { class: 'utrecht-paragraph app-count',
	    id: nextId('regions-count'), 'aria-live': 'polite',
	    'aria-atomic': 'true', i18n: 'regions.municipalities.count',
	    args: { count: 0 } });
	const provinces = h('div', { class: 'app-checklist' },
	    para('loading'));
	const munis = fieldset({ legend: 'regions.municipalities',
	    field: 'municipalities', required: true,
	    hint: 'regions.municipalities.hint' }, total, provinces);
	munis.setAttribute('aria-describedby',
	    `${munis.getAttribute('aria-describedby')} ${total.id}`);
	let groups = [];
	const chosen = () => checkedValues(provinces, 'municipalities');
	const recount = () => {
		for (const g of groups)
			g.update();
		label(total, 'regions.municipalities.count',
		    { count: chosen().length });
	};
	provinces.addEventListener('change', recount);

	const orgBoxes = h('div', { class: 'app-choices' }, para('loading'));
	const orgs = fieldset({ legend: 'regions.orgs', field: 'orgs',
	    hint: 'regions.orgs.hint' }, orgBoxes);

	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true, 'aria-labelledby': opts.labelledBy },
	    name, type, typeNote, munis, orgs,
	    h('div', { class: 'utrecht-button-group' },
		button(opts.submitKey, 'primary', { type: 'submit' })));

	// Ticks what region holds, in boxes that are there by now.
	function tick(r) {
		const codes = new Set((r.municipalities ?? []).map((m) =>
		    String(m.code)));
		const ids = new Set((r.orgs ?? []).map((o) => String(o.id)));
		name.control.value = String(r.name ?? '');
		for (const el of provinces.querySelectorAll('input'))
			el.checked = codes.has(el.value);
		for (const g of groups)
			g.details.open = !!g.details.querySelector(
			    'input:checked');
		for (const el of orgBoxes.querySelectorAll('input'))
			el.checked = ids.has(el.value);
		recount();
	}

	async function loadProvinces() {
		try {
			const all = await loadMunicipalities();
			if (!page.current())
				return;
			const by = new Map();
			for (const m of all) {
				const p = String(m.province ?? '');
				if (!by.has(p))
					by.set(p, []);
				by.get(p).push(m);
			}
			groups = [...by.keys()]
			    .sort((a, b) => a.localeCompare(b, 'nl'))
			    .map((p) => provinceGroup(p, by.get(p)));
			provinces.replaceChildren(...groups.map((g) =>
			    g.details));
			recount();
		} catch (err) {
			if (!page.current())
				return;
			provinces.replaceChildren();
			showError(null, errors, err);
		}
	}

	async function loadOrgs() {
		try {
			const res = await get('/api/orgs');
			if (!page.current())
				return;
			const all = (res?.orgs ?? []).slice().sort(byName);
			orgBoxes.replaceChildren(...(all.length === 0 ?
			    [para('orgs.empty')] :
			    all.map((o) => choice({ name: 'orgs',
				value: String(o.id), nl: String(o.name ?? ''),
				en: String(o.name ?? ''),
				hint: has(`orgtype.${o.type}`) ?
				    `orgtype.${o.type}` : null }))));
		} catch (err) {
			if (!page.current())
				return;
			orgBoxes.replaceChildren();
			showError(null, errors, err);
		}
	}

	// The client's checks, named per field as the server would.
	function invalid() {
		const bad = missing(form, region ? ['name'] : ['name', 'type']);
		const n = chosen().length;
		if (n === 0)
			bad.push({ field: 'municipalities',
			    key: 'regions.municipalities.none' });
		else if (n > MUNICIPALITIES_MAX)
			bad.push({ field: 'municipalities',
			    key: 'regions.municipalities.max' });
		return bad;
	}

	let busy = false;
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		if (busy)
			return;
		opts.status.replaceChildren();
		const bad = invalid();
		if (bad.length > 0) {
			showInvalid(form, errors, bad);
			return;
		}
		clearErrors(form, errors);
		const body = { name: name.control.value.trim() };
		if (!region)
			body.type = type.control.value;
		body.municipalities = chosen();
		const serving = checkedValues(orgBoxes, 'orgs');
		// Changing one, an empty list takes every organisation off.
		if (serving.length > 0 || region)
			body.orgs = serving;
		busy = true;
		form.setAttribute('aria-busy', 'true');
		try {
			await opts.onSubmit(body);
		} catch (err) {
			if (page.current())
				showError(form, errors, err);
		} finally {
			busy = false;
			form.removeAttribute('aria-busy');
		}
	});

	const ready = Promise.all([loadProvinces(), loadOrgs()]);
	return {
		form,
		errors,
		reset() {
			form.reset();
			for (const g of groups)
				g.details.open = false;
			recount();
		},
		// Fills the form in once the boxes are there.
		async fill(r) {
			await ready;
			if (page.current())
				tick(r);
		},
	};
}

export function renderRegions(main, page) {
	const status = h('div', { role: 'status', class: 'app-status' });
	const listErrors = h('div', { class: 'app-alerts' });
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	const listHeading = h('h2', { class: 'utrecht-heading-2',
	    id: 'regions-list', tabindex: '-1', i18n: 'regions.list' });

	const add = regionForm(page, { labelledBy: 'regions-add',
	    submitKey: 'regions.submit', status, async onSubmit(body) {
		await post('/api/regions', body);
		if (!page.current())
			return;
		add.reset();
		status.append(alertBox('ok', null,
		    para('regions.added', { name: body.name })));
		await load();
		if (page.current())
			listHeading.focus();
	} });

	main.replaceChildren(
	    pageHeading('regions.title'),
	    para('regions.intro'),
	    para('regions.intro.later'),
	    status,
	    h('section', { 'aria-labelledby': 'regions-list' },
		listHeading,
		listErrors,
		list),
	    h('section', { 'aria-labelledby': 'regions-add' },
		h('h2', { class: 'utrecht-heading-2', id: 'regions-add',
		    i18n: 'regions.add' }),
		para('regions.add.note'),
		add.errors,
		add.form));

	function load() {
		return loadInto(page, list, listErrors, '/api/regions',
		    (res) => {
			const regions = (res?.regions ?? []).slice()
			    .sort(byName);
			return regions.length === 0 ? para('regions.empty') :
			    table('regions-list', ['regions.col.name',
				'regions.col.type',
				'regions.col.municipalities'],
			    regions.map((r) => [h('a', {
				class: 'utrecht-link',
				href: `#/regions/${encodeURIComponent(
				    String(r.id))}`,
				text: String(r.name ?? '') }),
				regionTypeNode(r.type),
				String(r.municipalities ?? '')]));
		});
	}

	load();
}

// #/regions/7: one region in the same form, filled in.  Saving stays on
// the page with a status and the form as the server now has it.
export function renderRegion(main, page, me, id) {
	const status = h('div', { role: 'status', class: 'app-status' });
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	const path = `/api/regions/${encodeURIComponent(String(id))}`;
	main.replaceChildren(
	    pageHeading('regions.edit.title'),
	    h('p', { class: 'utrecht-paragraph' },
		h('a', { class: 'utrecht-link', href: '#/regions',
		    i18n: 'regions.back' })),
	    para('regions.edit.intro'),
	    status, errors, body);

	async function start() {
		let region;
		try {
			region = await get(path);
		} catch (err) {
			if (page.current()) {
				body.replaceChildren();
				body.removeAttribute('aria-busy');
				showError(null, errors, err);
			}
			return;
		}
		if (!page.current())
			return;
		const edit = regionForm(page, { region,
		    labelledBy: 'page-title', submitKey: 'regions.save', status,
		    async onSubmit(b) {
			const now = await post(path, b);
			if (!page.current())
				return;
			await edit.fill(now);
			status.append(alertBox('ok', null,
			    para('regions.saved', { name: now.name })));
		} });
		body.replaceChildren(edit.errors, edit.form);
		await edit.fill(region);
		body.removeAttribute('aria-busy');
	}
	start();
}

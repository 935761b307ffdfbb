// offer: #/offer, "Aanbod en capaciteit", the provider's own page.  Two
// forms: the capacity (free places, waiting weeks; POST
// /api/provider/capacity), with when and by whom it was last updated,
// and the offer (PUT /api/provider): care types from the help-needs
// catalogue, the municipalities and regions served, target groups and
// languages.  Coordinators see both when they look for a provider, so
// the page asks to keep them current.  Regions are the ones the
// administrator linked; a provider may drop one here, and an
// administrator adds them (PUT /api/providers/{org}).

import { clearErrors, get, post, request, showError, showInvalid }
    from './api.js';
import { alertBox, button, field, h, nextId, pageHeading, para }
    from './dom.js';
import { loadCatalog, loadMunicipalities } from './catalog.js';
import { checkedValues, choice, dataList, dateNode, fieldset, none }
    from './parts.js';

const GROUPS = ['minors', 'adults', 'men', 'women', 'lvb'];
// The languages the server knows (domain/provider.c).
const LANGUAGES = ['nl', 'en', 'ro', 'bg', 'pl', 'hu', 'sk', 'cs', 'lt',
    'lv', 'uk', 'ru', 'de', 'fr', 'es', 'pt', 'tr', 'ar', 'fa', 'ti', 'am',
    'so', 'zh', 'vi', 'th', 'tl', 'ur', 'hi'];
const COUNT_MAX = 100000;
const WEEKS_MAX = 520;

function languageNames(code) {
	const of = (l) => {
		try {
			return new Intl.DisplayNames([l], { type: 'language' })
			    .of(code) ?? code;
		} catch {
			return code;
		}
	};
	return { nl: `${of('nl')} (${code})`, en: `${of('en')} (${code})` };
}

export function renderOffer(main, page) {
	const status = h('div', { class: 'app-status', role: 'status' });
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	main.replaceChildren(pageHeading('offer.title'), para('offer.intro'),
	    status, errors, body);
	load();

	async function load(focus) {
		let p, cat, munis;
		try {
			[p, cat, munis] = await Promise.all([
			    get('/api/provider'), loadCatalog(),
			    loadMunicipalities()]);
		} catch (err) {
			if (!page.current())
				return;
			body.replaceChildren();
			showError(null, errors, err);
			return;
		} finally {
			body.removeAttribute('aria-busy');
		}
		if (!page.current())
			return;
		body.replaceChildren(capacitySection(p), offerSection(p, cat,
		    munis));
		if (focus)
			main.querySelector(focus)?.focus();
	}

	function saved(key) {
		status.replaceChildren(alertBox('ok', null, para(key)));
	}

	let busy = false;
	async function send(form, formErrors, fn) {
		if (busy)
			return;
		clearErrors(form, formErrors);
		busy = true;
		form.setAttribute('aria-busy', 'true');
		try {
			await fn();
			return true;
		} catch (err) {
			if (page.current())
				showError(form, formErrors, err);
			return false;
		} finally {
			busy = false;
			form.removeAttribute('aria-busy');
		}
	}

	function number(name, key, hint, value, max) {
		const f = field({ name, key, hint, type: 'number',
		    inputmode: 'numeric', required: true });
		f.control.min = '0';
		f.control.max = String(max);
		f.control.value = String(value ?? 0);
		return f;
	}

	function capacitySection(p) {
		const hid = 'offer-capacity';
		const formErrors = h('div', { class: 'app-alerts' });
		const places = number('free_places', 'offer.free_places',
		    'offer.free_places.hint', p.free_places, COUNT_MAX);
		const weeks = number('waiting_weeks', 'offer.waiting_weeks',
		    'offer.waiting_weeks.hint', p.waiting_weeks, WEEKS_MAX);
		const form = h('form', { class: 'app-form', novalidate: true,
		    'aria-labelledby': hid }, formErrors, places, weeks,
		    h('div', { class: 'utrecht-button-group' },
			button('offer.capacity.save', 'primary',
			    { type: 'submit' })));
		form.addEventListener('submit', async (ev) => {
			ev.preventDefault();
			status.replaceChildren();
			const bad = [];
			const vals = {};
			for (const [f, max] of [[places, COUNT_MAX],
			    [weeks, WEEKS_MAX]]) {
				const text = f.control.value.trim();
				if (!/^[0-9]{1,6}$/.test(text) ||
				    Number(text) > max)
					bad.push({ field: f.control.name,
					    key: 'offer.count.bad' });
				vals[f.control.name] = Number(text);
			}
			if (bad.length > 0) {
				showInvalid(form, formErrors, bad);
				return;
			}
			if (await send(form, formErrors, () => post(
			    '/api/provider/capacity', vals)) &&
			    page.current()) {
				saved('offer.capacity.saved');
				await load(`#${hid}`);
			}
		});
		return h('section', { class: 'app-section',
		    'aria-labelledby': hid },
		    h('h2', { class: 'utrecht-heading-2', id: hid,
			tabindex: '-1', i18n: 'offer.capacity' }),
		    para('offer.capacity.intro'),
		    dataList([
			['offer.capacity.updated', p.capacity_updated_at ?
			    h('span', { 'data-capacity-updated': '' },
				dateNode(p.capacity_updated_at), ', ',
				String(p.capacity_updated_by ?? '')) :
			    none()],
		    ]),
		    form);
	}

	function offerSection(p, cat, munis) {
		const hid = 'offer-offer';
		const formErrors = h('div', { class: 'app-alerts' });
		const has = (list, v) => (list ?? []).includes(v);
		const care = fieldset({ legend: 'offer.care_types',
		    field: 'care_types', hint: 'offer.care_types.hint',
		    class: 'app-choices' },
		    ...(cat.help_needs ?? []).map((n) => choice({
			name: 'care_types', value: n.id, nl: n.text_nl,
			en: n.text_en, checked: has(p.care_types, n.id) })));
		const mid = nextId('f-municipalities');
		const served = new Set((p.municipalities ?? []).map((m) =>
		    m.code));
		const muniSelect = h('select', { id: mid,
		    name: 'municipalities', multiple: true, size: 8,
		    class: 'utrecht-select utrecht-select--html-select',
		    'aria-describedby': `${mid}-hint` },
		    ...munis.map((m) => h('option', { value: m.code,
			selected: served.has(m.code), text: m.label })));
		const muni = h('div', { class: 'utrecht-form-field' },
		    h('div', { class: 'utrecht-form-field__label' },
			h('label', { class: 'utrecht-form-label', for: mid,
			    i18n: 'offer.municipalities' })),
		    h('div', { class: 'utrecht-form-field-description',
			id: `${mid}-hint`, i18n: 'offer.municipalities.hint' }),
		    h('div', { class: 'utrecht-form-field__input' },
			muniSelect));
		const regions = (p.regions ?? []).length > 0 ?
		    fieldset({ legend: 'offer.regions', field: 'regions',
			hint: 'offer.regions.hint', class: 'app-choices' },
			...p.regions.map((r) => choice({ name: 'regions',
			    value: String(r.id), nl: r.name, en: r.name,
			    checked: true }))) :
		    para('offer.regions.none');
		const groups = fieldset({ legend: 'offer.target_groups',
		    field: 'target_groups', hint: 'offer.target_groups.hint',
		    class: 'app-choices' },
		    ...GROUPS.map((g) => choice({ name: 'target_groups',
			value: g, key: `provider.group.${g}`,
			checked: has(p.target_groups, g) })));
		const langs = fieldset({ legend: 'offer.languages',
		    field: 'languages', class: 'app-choices' },
		    ...LANGUAGES.map((l) => {
			const n = languageNames(l);
			return choice({ name: 'languages', value: l,
			    nl: n.nl, en: n.en,
			    checked: has(p.languages, l) });
		    }));
		const form = h('form', { class: 'app-form app-form--wide',
		    novalidate: true, 'aria-labelledby': hid },
		    formErrors, care, muni, regions, groups, langs,
		    h('div', { class: 'utrecht-button-group' },
			button('offer.save', 'primary', { type: 'submit' })));
		form.addEventListener('submit', async (ev) => {
			ev.preventDefault();
			status.replaceChildren();
			const offer = {
				care_types: checkedValues(form, 'care_types'),
				municipalities: [...muniSelect.selectedOptions]
				    .map((o) => o.value),
				regions: checkedValues(form, 'regions'),
				target_groups: checkedValues(form,
				    'target_groups'),
				languages: checkedValues(form, 'languages'),
			};
			if (await send(form, formErrors, () => request('PUT',
			    '/api/provider', offer)) && page.current()) {
				saved('offer.saved');
				await load(`#${hid}`);
			}
		});
		return h('section', { class: 'app-section',
		    'aria-labelledby': hid },
		    h('h2', { class: 'utrecht-heading-2', id: hid,
			tabindex: '-1', i18n: 'offer.offer' }),
		    dataList([
			['offer.offer.updated', p.offer_updated_at ?
			    h('span', {}, dateNode(p.offer_updated_at), ', ',
				String(p.offer_updated_by ?? '')) : none()],
		    ]),
		    form);
	}
}

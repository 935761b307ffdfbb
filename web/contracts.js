// contracts: the care a municipality or region buys (GET/POST
// /api/contracts).  A list of the contracts of the user's regions, a
// form to register one, and per contract a button to end it.  Policy
// users and the admin change them; the rapporteur reads.  Contracts hold
// no personal data.

import { clearErrors, get, loadInto, missing, post, showError,
    showInvalid } from './api.js';
import { alertBox, button, field, h, pageHeading, para, table }
    from './dom.js';
import { lang } from './i18n.js';
import { loadCatalog } from './catalog.js';

export function renderContracts(main, page, me) {
	const write = me.role === 'policy' || me.role === 'admin';
	const status = h('div', { class: 'app-status', role: 'status' });
	const errors = h('div', { class: 'app-alerts' });
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	const formHost = h('div');
	main.replaceChildren(pageHeading('contracts.title'),
	    para('contracts.intro'), status, errors, list, formHost);
	let needs = new Map();
	load();

	async function load() {
		const cat = await loadCatalog().catch(() => null);
		if (cat)
			needs = cat.need;
		const res = await loadInto(page, list, errors, '/api/contracts',
		    (r) => listOf(r?.contracts ?? []));
		if (res && write)
			formHost.replaceChildren(form(res, cat));
	}

	function needName(id) {
		const n = needs.get(id);
		if (!n)
			return id;
		return (lang() === 'en' ? n.text_en : n.text_nl) ?? id;
	}

	function listOf(cs) {
		if (cs.length === 0)
			return para('contracts.empty');
		return [h('h2', { class: 'utrecht-heading-2', id: 'contracts-h',
		    i18n: 'contracts.heading' }),
		    table('contracts-h', ['contracts.col.region',
			'contracts.col.provider', 'contracts.col.care',
			'contracts.col.capacity', 'contracts.col.period',
			'contracts.col.action'],
		    cs.map((c) => [String(c.region_name ?? ''),
			String(c.provider_name ?? ''), needName(c.care_type),
			h('span', { i18n: `contracts.unit.${c.unit}`,
			    args: { count: Number(c.capacity) } }),
			`${c.from} – ${c.to}`,
			c.ended_at ? h('span', { i18n: 'contracts.ended' }) :
			    write ? endButton(c) : '']))];
	}

	function endButton(c) {
		const b = button('contracts.end', 'secondary', {
		    'data-contract': String(c.id) });
		b.addEventListener('click', async () => {
			try {
				await post(`/api/contracts/${c.id}/end`, {});
				status.replaceChildren(alertBox('ok', 'status',
				    para('contracts.ended.done')));
				load();
			} catch (err) {
				showError(null, errors, err);
			}
		});
		return b;
	}

	function form(res, cat) {
		const fErrors = h('div', { class: 'app-alerts' });
		const f = h('form', { class: 'app-form', novalidate: true,
		    'aria-labelledby': 'contract-new-h' },
		    h('h2', { class: 'utrecht-heading-2', id: 'contract-new-h',
			i18n: 'contracts.new' }), fErrors,
		    field({ name: 'region_id', key: 'contracts.col.region',
			required: true, placeholder: 'field.choose',
			options: (res.regions ?? []).map((r) => ({
			    value: String(r.id), text: r.name })) }),
		    field({ name: 'provider_org', key: 'contracts.col.provider',
			required: true, placeholder: 'field.choose',
			options: (res.providers ?? []).map((p) => ({
			    value: String(p.id), text: p.name })) }),
		    field({ name: 'care_type', key: 'contracts.col.care',
			required: true, placeholder: 'field.choose',
			options: (cat?.help_needs ?? []).map((n) => ({
			    value: n.id, text: needName(n.id) })) }),
		    field({ name: 'capacity', key: 'contracts.capacity',
			required: true, type: 'number', inputmode: 'numeric' }),
		    field({ name: 'unit', key: 'contracts.unit',
			required: true, options: [
			    { value: 'places', key: 'contracts.unit.places.name' },
			    { value: 'hours', key: 'contracts.unit.hours.name' }] }),
		    field({ name: 'from', key: 'contracts.from', required: true,
			type: 'date' }),
		    field({ name: 'to', key: 'contracts.to', required: true,
			type: 'date' }),
		    h('button', { type: 'submit', class: 'utrecht-button ' +
			'utrecht-button--primary-action',
			i18n: 'contracts.save' }));
		f.addEventListener('submit', async (e) => {
			e.preventDefault();
			clearErrors(f, fErrors);
			const gaps = missing(f, ['region_id', 'provider_org',
			    'care_type', 'capacity', 'unit', 'from', 'to']);
			if (gaps.length > 0) {
				showInvalid(f, fErrors, gaps);
				return;
			}
			const v = (n) => f.elements.namedItem(n).value;
			try {
				await post('/api/contracts', {
				    region_id: Number(v('region_id')),
				    provider_org: Number(v('provider_org')),
				    care_type: v('care_type'),
				    capacity: Number(v('capacity')),
				    unit: v('unit'), from: v('from'), to: v('to') });
				status.replaceChildren(alertBox('ok', 'status',
				    para('contracts.saved')));
				f.reset();
				load();
			} catch (err) {
				showError(f, fErrors, err);
			}
		});
		return f;
	}
}

// Re-exported for the gap page: the care-coordination regions a user
// may look at.
export async function contractRegions() {
	const r = await get('/api/contracts');
	return r?.regions ?? [];
}

// orgs: the admin page listing organisations, with a form to add one.

import { clearErrors, get, loadInto, missing, post, showError,
    showInvalid } from './api.js';
import { alertBox, button, field, h, pageHeading, para, setOptions, table }
    from './dom.js';
import { has } from './i18n.js';

export const ORG_TYPES = ['advice_point', 'municipality', 'care_coordination',
    'provider', 'police', 'labour_inspectorate', 'assessment_committee',
    'expert_team', 'other'];

// The type's label as a node that follows the language.
export function orgTypeNode(type) {
	return has(`orgtype.${type}`) ? h('span', { i18n: `orgtype.${type}` }) :
	    h('span', { text: String(type ?? '') });
}

function byName(a, b) {
	return String(a.name).localeCompare(String(b.name), 'nl');
}

export function renderOrgs(main, page) {
	const status = h('div', { role: 'status', class: 'app-status' });
	const listErrors = h('div', { class: 'app-alerts' });
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	const formErrors = h('div', { class: 'app-alerts' });

	const name = field({ name: 'name', key: 'orgs.name', required: true,
	    maxlength: 200, autocomplete: 'off' });
	const type = field({ name: 'type', key: 'orgs.type', required: true,
	    placeholder: 'orgs.choose.type',
	    options: ORG_TYPES.map((v) => ({ value: v, key: `orgtype.${v}` })) });
	const muni = field({ name: 'municipality', key: 'orgs.municipality',
	    hint: 'orgs.municipality.hint',
	    placeholder: 'orgs.choose.municipality', options: [] });
	const form = h('form', { class: 'app-form', novalidate: true,
	    'aria-labelledby': 'orgs-add' },
	    name, type, muni,
	    h('div', { class: 'utrecht-button-group' },
		button('orgs.submit', 'primary', { type: 'submit' })));

	main.replaceChildren(
	    pageHeading('orgs.title'),
	    status,
	    h('section', { 'aria-labelledby': 'orgs-list' },
		h('h2', { class: 'utrecht-heading-2', id: 'orgs-list',
		    i18n: 'orgs.list' }),
		listErrors,
		list),
	    h('section', { 'aria-labelledby': 'orgs-add' },
		h('h2', { class: 'utrecht-heading-2', id: 'orgs-add',
		    i18n: 'orgs.add' }),
		formErrors,
		form));

	function load() {
		return loadInto(page, list, listErrors, '/api/orgs', (res) => {
			const orgs = (res?.orgs ?? []).slice().sort(byName);
			return orgs.length === 0 ? para('orgs.empty') :
			    table('orgs-list', ['orgs.col.name',
				'orgs.col.type', 'orgs.col.municipality'],
			    orgs.map((o) => [String(o.name ?? ''),
				orgTypeNode(o.type),
				String(o.municipality_name ??
				    o.municipality ?? '')]));
		});
	}

	async function loadMunicipalities() {
		try {
			const res = await get('/api/municipalities');
			if (!page.current())
				return;
			const all = (res?.municipalities ?? []).slice().sort(byName);
			setOptions(muni.control, all.map((m) => ({
			    value: m.code, text: m.name })), true);
		} catch (err) {
			if (page.current())
				showError(null, formErrors, err);
		}
	}

	let busy = false;
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		if (busy)
			return;
		const bad = missing(form, ['name', 'type']);
		if (bad.length > 0) {
			showInvalid(form, formErrors, bad);
			return;
		}
		clearErrors(form, formErrors);
		status.replaceChildren();
		const body = { name: name.control.value.trim(),
		    type: type.control.value };
		if (muni.control.value !== '')
			body.municipality = muni.control.value;
		busy = true;
		form.setAttribute('aria-busy', 'true');
		try {
			await post('/api/orgs', body);
			if (!page.current())
				return;
			form.reset();
			status.append(alertBox('ok', null,
			    para('orgs.added', { name: body.name })));
			await load();
		} catch (err) {
			if (page.current())
				showError(form, formErrors, err);
		} finally {
			busy = false;
			form.removeAttribute('aria-busy');
		}
	});

	load();
	loadMunicipalities();
}

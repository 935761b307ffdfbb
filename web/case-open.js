// case-open: a coordinator opens a case directly (#/cases/new, POST
// /api/cases), say after a call from the police or the labour
// inspectorate: the type and forms, the municipality (one their
// organisation serves), where it came from, what is known, the help
// needs and the people as far as known.  The case is theirs at once.

import { ApiError, clearErrors, post, showError, showInvalid } from './api.js';
import { loadCatalog, loadMunicipalities } from './catalog.js';
import { button, field, h, pageHeading, para, setOptions } from './dom.js';
import { choice, fieldset, helpNeedChecklist, personPart, section,
    textArea } from './parts.js';

const SOURCES = ['police', 'labour_inspectorate', 'self', 'other'];

export function renderCaseOpen(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	main.replaceChildren(pageHeading('case.open.title'),
	    para('case.open.intro'), errors, body);
	Promise.all([loadCatalog(), loadMunicipalities()]).then(([cat,
	    munis]) => {
		if (page.current())
			body.replaceChildren(form(cat, munis));
	}).catch((err) => {
		if (!page.current())
			return;
		body.replaceChildren();
		showError(null, errors, err);
	}).finally(() => body.removeAttribute('aria-busy'));

	function form(cat, munis) {
		const formErrors = h('div', { class: 'app-alerts' });
		const types = fieldset({ legend: 'case.type.legend',
		    field: 'type', class: 'app-choices' },
		    ...['trafficking', 'serious_disadvantage'].map((t) =>
			choice({ type: 'radio', name: 'type', value: t,
			    key: `case.type.${t}`,
			    checked: t === 'trafficking' })));
		const forms = fieldset({ legend: 'case.forms.legend',
		    hint: 'case.forms.hint', field: 'forms',
		    class: 'app-choices' },
		    ...cat.forms.filter((f) => f.key !== 'ernstige_benadeling')
			.map((f) => choice({ name: 'forms', value: f.key,
			    nl: f.nl, en: f.en })));
		const muni = field({ name: 'municipality',
		    key: 'signal.municipality', required: true,
		    placeholder: 'signal.municipality.choose', options: [] });
		setOptions(muni.control, munis.map((m) => ({ value: m.code,
		    text: m.label })), true);
		const source = field({ name: 'source', key: 'case.open.source',
		    required: true, placeholder: 'field.choose_one',
		    options: SOURCES.map((s) => ({ value: s,
			key: `case.source.${s}` })) });
		const summary = textArea({ name: 'summary',
		    key: 'case.col.summary', hint: 'case.open.summary_hint',
		    rows: 4, maxlength: 10000 });
		const needs = helpNeedChecklist(cat);
		const person = personPart('victim', cat);
		person.setIndex(0);
		const f = h('form', { class: 'app-form app-form--wide',
		    novalidate: true, i18nAttr: { 'aria-label':
		    'case.open.title' } }, formErrors,
		    section('open-what', 'case.open.what', types, forms,
			muni, source, summary),
		    section('open-needs', 'case.needs.title', needs),
		    section('open-who', 'case.open.who', person.el),
		    h('div', { class: 'utrecht-button-group' },
			button('case.open.submit', 'primary',
			    { type: 'submit' })));
		let busy = false;
		f.addEventListener('submit', async (ev) => {
			ev.preventDefault();
			if (busy)
				return;
			const bad = [];
			for (const n of ['municipality', 'source'])
				if (f.elements.namedItem(n).value === '')
					bad.push({ field: n, key: 'field.choose' });
			bad.push(...person.invalid());
			if (bad.length > 0) {
				showInvalid(f, formErrors, bad);
				return;
			}
			clearErrors(f, formErrors);
			const type = f.querySelector('input[name="type"]:checked')
			    ?.value;
			const p = person.value();
			const checked = (n) => [...f.querySelectorAll(
			    `input[name="${n}"]:checked`)].map((b) => b.value);
			busy = true;
			f.setAttribute('aria-busy', 'true');
			try {
				const r = await post('/api/cases', { type,
				    forms: type === 'trafficking' ?
				    checked('forms') : [],
				    municipality: f.elements
					.namedItem('municipality').value,
				    source: f.elements.namedItem('source').value,
				    summary: f.elements.namedItem('summary').value
					.trim() || null,
				    help_needs: checked('help_needs'),
				    persons: p ? [p] : [] });
				if (page.current())
					window.location.hash = `#/cases/${r.id}`;
			} catch (err) {
				if (page.current())
					showError(f, formErrors, err,
					    err instanceof ApiError &&
					    err.status === 403 ?
					    'error.403' : undefined);
			} finally {
				busy = false;
				f.removeAttribute('aria-busy');
			}
		});
		return f;
	}
}

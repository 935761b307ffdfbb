// parts: form and display parts the signal pages share, built from NL
// Design System classes like dom.js builds its own: text areas, groups of
// checkboxes and radio buttons in a fieldset with a legend, data lists,
// dates, and words for the codes of signals (status, urgency, decision).
//
// A group that can carry a field error is a fieldset with an id and
// data-field="name", so api.js puts the server's error on "name" (or on
// "name[3]") under its legend.

import { h, nextId } from './dom.js';
import { formatDate, has, localized } from './i18n.js';

// A labelled text area; opts as dom.field (name, key, id, hint, required,
// maxlength, rows).  Returns the wrapper; the control is wrapper.control.
export function textArea(opts) {
	const id = opts.id ?? nextId(`f-${opts.name}`);
	let hint = null;
	if (opts.hint)
		hint = h('div', { class: 'utrecht-form-field-description',
		    id: `${id}-hint`, i18n: opts.hint });
	const control = h('textarea', {
		class: 'utrecht-textarea utrecht-textarea--html-textarea',
		id, name: opts.name, rows: String(opts.rows ?? 4),
		// Not `required`: the theme paints an empty required text
		// area as invalid before anyone has typed.
		'aria-required': opts.required ? 'true' : null,
		maxlength: opts.maxlength,
		autocomplete: 'off',
		'aria-describedby': hint ? hint.id : null,
	});
	const wrap = h('div', { class: 'utrecht-form-field' },
	    h('div', { class: 'utrecht-form-field__label' },
		h('label', { class: 'utrecht-form-label', for: id },
		    h('span', { i18n: opts.key }),
		    opts.required ? ' ' : null,
		    opts.required ? h('span', { class: 'app-required',
			i18n: 'required' }) : null)),
	    hint,
	    h('div', { class: 'utrecht-form-field__input' }, control));
	wrap.control = control;
	return wrap;
}

// One checkbox or radio button with its label.  opts: {type, name,
// value, key (an i18n key) or nl/en (data in both languages), checked,
// hint (an i18n key)}.  Returns the wrapper; the input is wrapper.control.
export function choice(opts) {
	const type = opts.type ?? 'checkbox';
	const id = opts.id ?? nextId(`f-${opts.name}`);
	const cls = type === 'radio' ? 'radio-button' : 'checkbox';
	let hint = null;
	if (opts.hint)
		hint = h('div', { class: 'utrecht-form-field-description',
		    id: `${id}-hint`, i18n: opts.hint });
	const control = h('input', {
		class: `utrecht-${cls} utrecht-${cls}--html-input` +
		    (type === 'radio' ? '' : ' utrecht-checkbox--custom'),
		type, id, name: opts.name, value: opts.value,
		checked: !!opts.checked,
		'aria-describedby': hint ? hint.id : null,
	});
	const text = h('span', opts.key ? { i18n: opts.key } : {});
	if (!opts.key)
		localized(text, opts.nl, opts.en);
	const wrap = h('div', { class: 'utrecht-form-field ' +
	    `utrecht-form-field--${type === 'radio' ? 'radio' : 'checkbox'}` },
	    h('div', { class: 'utrecht-form-field__label' },
		h('label', { class: 'utrecht-form-label ' +
		    `utrecht-form-label--${type === 'radio' ? 'radio' :
		    'checkbox'}`, for: id }, text)),
	    hint,
	    h('div', { class: 'utrecht-form-field__input' }, control));
	wrap.control = control;
	return wrap;
}

// A fieldset with a legend (an i18n key, or a node) and an optional hint
// tied to it.  field: the name its field errors come under.
export function fieldset(opts, ...children) {
	const id = opts.id ?? nextId(`set-${opts.field ?? 'group'}`);
	const legend = h('legend', { class: 'utrecht-form-fieldset__legend ' +
	    'utrecht-form-fieldset__legend--html-legend ' +
	    (opts.legendClass ?? '') },
	    typeof opts.legend === 'string' ? h('span', { i18n: opts.legend }) :
		opts.legend,
	    opts.required ? ' ' : null,
	    opts.required ? h('span', { class: 'app-required',
		i18n: 'required' }) : null);
	let hint = null;
	if (opts.hint)
		hint = h('div', { class: 'utrecht-form-field-description',
		    id: `${id}-hint`, i18n: opts.hint });
	return h('fieldset', { class: 'utrecht-form-fieldset ' +
	    'utrecht-form-fieldset--html-fieldset ' + (opts.class ?? ''),
	    id, 'data-field': opts.field,
	    'aria-describedby': hint ? hint.id : null },
	    legend, hint, ...children);
}

// The values of the checked boxes called name inside root.
export function checkedValues(root, name) {
	return [...root.querySelectorAll('input[type="checkbox"]')]
	    .filter((el) => el.name === name && el.checked)
	    .map((el) => el.value);
}

// A data list: rows of [i18n key, value node or string].  Rows whose
// value is null are left out.
export function dataList(rows, props = {}) {
	return h('dl', { class: 'utrecht-data-list utrecht-data-list--rows ' +
	    'app-data-list', ...props },
	    rows.filter(([, v]) => v !== null && v !== undefined)
		.map(([key, v]) => h('div', {
		    class: 'utrecht-data-list__item' },
		    h('dt', { class: 'utrecht-data-list__item-key',
			i18n: key }),
		    h('dd', { class: 'utrecht-data-list__item-value ' +
			'utrecht-data-list__item-value--html-dd' }, v))));
}

// A date that follows the language; style 'day' shows the day only.
export function dateNode(value, style) {
	return h('span', { 'data-i18n-date': String(value ?? ''),
	    'data-i18n-date-style': style ?? null,
	    text: formatDate(value, style) });
}

// The word for a code: the text of prefix.code when there is one, else
// the code itself as data.
export function codeNode(prefix, code) {
	const key = `${prefix}.${code}`;
	return has(key) ? h('span', { i18n: key }) :
	    h('span', { text: String(code ?? '') });
}

// A text in both languages from the catalogue, as a span.
export function bilingual(nl, en) {
	return localized(h('span'), nl, en);
}

// "Nothing" in a table cell or data list, in words.
export function none() {
	return h('span', { class: 'app-none', i18n: 'signal.none' });
}

// Free text from a person: kept as typed, line breaks included.
export function freeText(text) {
	if (text === null || text === undefined || text === '')
		return none();
	return h('span', { class: 'app-free-text', text: String(text) });
}

// Today in the browser's own time zone as YYYY-MM-DD.
export function today() {
	const d = new Date();
	const pad = (n) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-` +
	    pad(d.getDate());
}

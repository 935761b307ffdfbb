// dom: small helpers to build the UI from NL Design System parts.
//
// Everything is built with createElement and textContent, never with
// innerHTML, so data from the server cannot become markup.  Texts are
// i18n keys (see i18n.js) so a language switch updates them in place.

import { label, t } from './i18n.js';

let uid = 0;

// A fresh id for tying labels, hints and errors to their inputs.
export function nextId(prefix) {
	uid += 1;
	return `${prefix}-${uid}`;
}

// h('p', {class: 'x', i18n: 'key', args: {...}, text: 'data',
//     i18nAttr: {'aria-label': 'key'}, other: 'attribute'}, ...children)
// i18n and i18nAttr take keys (translated with args, and again on every
// language switch); text and children are data, never translated.  An
// attribute that is true is set empty; null, undefined and false are
// left out, as are null and false children.
export function h(tag, props = {}, ...children) {
	const el = document.createElement(tag);
	for (const [k, v] of Object.entries(props)) {
		if (v === null || v === undefined || v === false)
			continue;
		if (k === 'class')
			el.className = v;
		else if (k === 'i18n')
			label(el, v, props.args);
		else if (k === 'args')
			continue;
		else if (k === 'i18nAttr') {
			el.setAttribute('data-i18n-attr', Object.entries(v)
			    .map(([a, key]) => `${a}:${key}`).join(';'));
			for (const [a, key] of Object.entries(v))
				el.setAttribute(a, t(key, props.args ?? {}));
			if (props.args && !props.i18n)
				el.setAttribute('data-i18n-args',
				    JSON.stringify(props.args));
		} else if (k === 'text')
			el.textContent = v;
		else if (v === true)
			el.setAttribute(k, '');
		else
			el.setAttribute(k, String(v));
	}
	for (const c of children.flat()) {
		if (c === null || c === undefined || c === false)
			continue;
		el.append(typeof c === 'string' ? document.createTextNode(c) : c);
	}
	return el;
}

// Replaces the children of el, leaving out null, undefined and false as
// h() does (el.replaceChildren(null) would show the text "null").
// Returns el.
export function fill(el, ...children) {
	el.replaceChildren(...children.flat().filter((c) =>
	    c !== null && c !== undefined && c !== false));
	return el;
}

// The page heading: focusable from script so navigation can move focus
// to it, but not in the tab order.
export function pageHeading(key) {
	return h('h1', { class: 'utrecht-heading-1', id: 'page-title',
	    tabindex: '-1', i18n: key });
}

// A labelled form field.  opts: {name, key, id, type, hint, required,
// autocomplete, inputmode, options: [{value, key?, text?}], placeholder}
// where placeholder is the key of an empty first option of a select.
// Returns the wrapper; the control is wrapper.control.
export function field(opts) {
	const id = opts.id ?? nextId(`f-${opts.name}`);
	const labelEl = h('label', { class: 'utrecht-form-label', for: id },
	    h('span', { i18n: opts.key }),
	    opts.required ? ' ' : null,
	    opts.required ? h('span', { class: 'app-required',
		i18n: 'required' }) : null);
	const describedBy = [];
	let hint = null;
	if (opts.hint) {
		hint = h('div', { class: 'utrecht-form-field-description',
		    id: `${id}-hint`, i18n: opts.hint });
		describedBy.push(hint.id);
	}
	let control;
	if (opts.options) {
		control = h('select', {
			class: 'utrecht-select utrecht-select--html-select',
			id, name: opts.name, required: opts.required,
			'aria-describedby': describedBy.join(' ') || null,
		});
		if (opts.placeholder)
			control.append(h('option', { value: '',
			    i18n: opts.placeholder }));
		setOptions(control, opts.options, !!opts.placeholder);
	} else {
		control = h('input', {
			class: 'utrecht-textbox utrecht-textbox--html-input',
			id, name: opts.name, type: opts.type ?? 'text',
			required: opts.required,
			autocomplete: opts.autocomplete,
			inputmode: opts.inputmode,
			maxlength: opts.maxlength,
			pattern: opts.pattern,
			spellcheck: opts.spellcheck,
			autocapitalize: opts.autocapitalize,
			'aria-describedby': describedBy.join(' ') || null,
		});
	}
	const wrap = h('div', { class: 'utrecht-form-field' },
	    h('div', { class: 'utrecht-form-field__label' }, labelEl),
	    hint,
	    h('div', { class: 'utrecht-form-field__input' }, control));
	wrap.control = control;
	return wrap;
}

// Replaces the options of a select after its optional placeholder.
// Each option is {value, key} (translated) or {value, text} (data).
export function setOptions(select, options, keepFirst) {
	const first = keepFirst ? select.options[0] : null;
	select.replaceChildren(...(first ? [first] : []));
	for (const o of options) {
		if (o.key)
			select.append(h('option', { value: o.value, i18n: o.key }));
		else
			select.append(h('option', { value: o.value, text: o.text }));
	}
}

// A button.  kind: 'primary' | 'secondary' | 'subtle'.
export function button(key, kind = 'secondary', props = {}) {
	return h('button', {
		type: 'button',
		class: `utrecht-button utrecht-button--${kind}-action`,
		i18n: key,
		...props,
	});
}

// A text field with a maximum length says so beside it once the text
// reaches that length, so what is typed is never cut off silently.
function limitNote(ev) {
	const el = ev.target;
	if (!(el instanceof HTMLInputElement ||
	    el instanceof HTMLTextAreaElement) || !(el.maxLength > 0) || !el.id)
		return;
	const id = `${el.id}-limit`;
	const had = document.getElementById(id);
	const ids = (el.getAttribute('aria-describedby') ?? '')
	    .split(/\s+/).filter((x) => x && x !== id);
	if (el.value.length >= el.maxLength) {
		if (had)
			return;
		el.after(h('p', { class: 'utrecht-form-field-description ' +
		    'app-limit', id, role: 'status', i18n: 'field.limit',
		    args: { n: el.maxLength } }));
		ids.push(id);
	} else if (had)
		had.remove();
	else
		return;
	if (ids.length > 0)
		el.setAttribute('aria-describedby', ids.join(' '));
	else
		el.removeAttribute('aria-describedby');
}

if (typeof document !== 'undefined')
	document.addEventListener('input', limitNote);

// An NL Design System alert.  type: 'error' | 'warning' | 'info' | 'ok'.
// role: 'alert' for errors that must interrupt, 'status' for news.
// body: nodes for the message.
export function alertBox(type, role, ...body) {
	return h('div', { class: `utrecht-alert utrecht-alert--${type}`, role },
	    h('div', { class: 'utrecht-alert__content' },
		h('div', { class: 'utrecht-alert__message' }, ...body)));
}

export function para(key, args, props = {}) {
	return h('p', { class: 'utrecht-paragraph', i18n: key, args, ...props });
}

// A table named by the element with id labelledBy, with translated
// column headings and rows of cells (nodes or strings).  Its container
// is a named group in the tab order, so a table wider than the screen
// scrolls with the keyboard too.  Each cell carries its column's name
// in data-label: on a phone every row becomes a card with the names
// beside the values (app.css).
export function table(labelledBy, columns, rows) {
	return h('div', { class: 'utrecht-table-container app-table ' +
	    'app-table--cards', role: 'group', tabindex: '0', 'aria-labelledby': labelledBy },
	    h('table', { class: 'utrecht-table utrecht-table--html-table',
		'aria-labelledby': labelledBy },
		h('thead', { class: 'utrecht-table__header' },
		    h('tr', { class: 'utrecht-table__row' },
			columns.map((key) => h('th', {
			    class: 'utrecht-table__header-cell',
			    scope: 'col', i18n: key })))),
		h('tbody', { class: 'utrecht-table__body' },
		    rows.map((cells) => h('tr', { class: 'utrecht-table__row' },
			cells.map((c, i) => h('td', { class: 'utrecht-table__cell',
			    i18nAttr: columns[i] ? { 'data-label': columns[i] } :
			    null }, c)))))));
}

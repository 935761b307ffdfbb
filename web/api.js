// api: the one way the UI talks to the server.
//
// request() sends and receives JSON with the session cookie, adds
// X-CSRF-Token to every unsafe method once a token is known, and turns a
// failure into an ApiError carrying the HTTP status, the error code, the
// server's message, the field errors and Retry-After.  A 401 on anything
// but the login and session check calls the handler set with
// onUnauthenticated (the session has expired).
//
// showError() puts an ApiError on a form: a message in an utrecht-alert
// (role="alert") and each field error next to its field, tied to the
// input with aria-describedby and aria-invalid.  clearErrors() undoes it.
// A field that is a group of checkboxes or radio buttons is a fieldset
// marked data-field="name" (with an id); its error goes under the legend
// and is tied to the fieldset.  An error on "list[3]" that has no field
// of its own lands on "list".

import { alertBox, h } from './dom.js';
import { has, reasonKey } from './i18n.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken = null;
let unauthenticated = null;

export class ApiError extends Error {
	constructor(status, body, retryAfter) {
		const e = body?.error ?? {};
		super(e.message ?? `HTTP ${status}`);
		this.name = 'ApiError';
		this.status = status;		/* 0: the server was not reached */
		this.code = e.code ?? null;
		this.serverMessage = e.message ?? null;
		this.fields = Array.isArray(e.fields) ? e.fields : [];
		this.retryAfter = retryAfter;	/* seconds, or null */
	}
}

export function setCsrfToken(token) {
	csrfToken = token ?? null;
}

export function onUnauthenticated(fn) {
	unauthenticated = fn;
}

function retryAfterSeconds(res) {
	const v = res.headers.get('Retry-After');
	if (!v)
		return null;
	if (/^\d+$/.test(v.trim()))
		return Number(v.trim());
	const when = Date.parse(v);
	return Number.isNaN(when) ? null :
	    Math.max(0, Math.round((when - Date.now()) / 1000));
}

// Resolves with the decoded JSON body (null for 204 or an empty body);
// rejects with an ApiError.
export async function request(method, path, body) {
	const headers = { Accept: 'application/json' };
	const init = { method, headers, credentials: 'same-origin',
	    cache: 'no-store', redirect: 'error' };
	if (body !== undefined) {
		headers['Content-Type'] = 'application/json';
		init.body = JSON.stringify(body);
	}
	if (UNSAFE.has(method) && csrfToken)
		headers['X-CSRF-Token'] = csrfToken;

	let res;
	try {
		res = await fetch(path, init);
	} catch {
		throw new ApiError(0, null, null);
	}
	const text = await res.text().catch(() => '');
	let data = null;
	if (text !== '') {
		try {
			data = JSON.parse(text);
		} catch {
			data = null;
		}
	}
	if (res.ok)
		return data;
	const err = new ApiError(res.status, data, retryAfterSeconds(res));
	if (res.status === 401 && path !== '/api/login' &&
	    path !== '/api/me' && unauthenticated)
		unauthenticated();
	throw err;
}

export const get = (path) => request('GET', path);
// Without body nothing is sent: the server refuses a body where none
// belongs (logout, disable).
export const post = (path, body) => request('POST', path, body);

// The general message for an error, as an i18n key.
export function errorKey(err) {
	if (!(err instanceof ApiError) || err.status === 0)
		return 'error.network';
	if (err.status >= 500)
		return 'error.500';
	const k = `error.${err.status}`;
	return has(k) ? k : 'error.400';
}

// A field error in the user's language when it is a known one; else the
// server's own (English) words, marked as English for screen readers.
function reasonNode(reason) {
	const r = reasonKey(reason);
	return r ? h('span', { i18n: r.key, args: r.args }) :
	    h('span', { lang: 'en', text: String(reason ?? '') });
}

// Removes the alert in alertHost and every field error in form.
export function clearErrors(form, alertHost) {
	if (alertHost)
		alertHost.replaceChildren();
	if (!form)
		return;
	for (const msg of form.querySelectorAll('.app-field-error'))
		msg.remove();
	for (const set of form.querySelectorAll(
	    '.utrecht-form-fieldset--invalid')) {
		set.classList.remove('utrecht-form-fieldset--invalid');
		const ids = (set.getAttribute('aria-describedby') ?? '')
		    .split(/\s+/).filter((id) => id && !id.endsWith('-error'));
		if (ids.length > 0)
			set.setAttribute('aria-describedby', ids.join(' '));
		else
			set.removeAttribute('aria-describedby');
	}
	for (const wrap of form.querySelectorAll('.utrecht-form-field--invalid'))
		wrap.classList.remove('utrecht-form-field--invalid');
	for (const input of form.querySelectorAll('[aria-invalid]')) {
		input.removeAttribute('aria-invalid');
		input.classList.remove('utrecht-textbox--invalid',
		    'utrecht-select--invalid');
		const ids = (input.getAttribute('aria-describedby') ?? '')
		    .split(/\s+/).filter((id) => id && !id.endsWith('-error'));
		if (ids.length > 0)
			input.setAttribute('aria-describedby', ids.join(' '));
		else
			input.removeAttribute('aria-describedby');
	}
}

// The fieldset marked data-field="name" in form, or null.
function groupNamed(form, name) {
	for (const el of form.querySelectorAll('[data-field]')) {
		if (el.getAttribute('data-field') === name)
			return el;
	}
	return null;
}

// Marks a group of checkboxes or radio buttons; returns the control to
// focus: the first one that can be seen, opening a closed <details>
// around the group.
function markGroup(set, messageNode) {
	const visible = (el) => el.getClientRects().length > 0;
	const focusable = () => [...set.querySelectorAll(
	    'input, select, textarea, summary')].find(visible) ?? set;
	const id = `${set.id}-error`;
	// Several errors on one group ("list[1]", "list[4]") share its
	// message, so the id stays unique; a reason already there is not
	// repeated.
	const had = set.querySelector(`[id="${id}"]`);
	if (had) {
		if (![...had.children].some((c) =>
		    c.textContent === messageNode.textContent))
			had.append(' ', messageNode);
		return focusable();
	}
	const msg = h('p', { class: 'utrecht-form-field-error-message ' +
	    'app-field-error', id }, messageNode);
	const legend = set.querySelector('legend');
	const hint = legend?.nextElementSibling?.classList
	    .contains('utrecht-form-field-description') ?
	    legend.nextElementSibling : null;
	if (hint)
		hint.after(msg);
	else if (legend)
		legend.after(msg);
	else
		set.prepend(msg);
	set.classList.add('utrecht-form-fieldset--invalid');
	const ids = (set.getAttribute('aria-describedby') ?? '')
	    .split(/\s+/).filter(Boolean);
	set.setAttribute('aria-describedby', [id, ...ids].join(' '));
	const outer = set.closest('details');
	if (outer)
		outer.open = true;
	return focusable();
}

// Marks the field called name in form with a message node; returns the
// control to focus, or null when the form has no such field.
export function markField(form, name, messageNode) {
	const set = groupNamed(form, name);
	if (set)
		return markGroup(set, messageNode);
	const input = form.elements.namedItem(name);
	if (!input || !(input instanceof HTMLElement)) {
		const m = /^(.+)\[\d+\]$/.exec(name);
		return m ? markField(form, m[1], messageNode) : null;
	}
	const wrap = input.closest('.utrecht-form-field');
	const id = `${input.id}-error`;
	const msg = h('p', { class: 'utrecht-form-field-error-message ' +
	    'app-field-error', id }, messageNode);
	const slot = wrap?.querySelector('.utrecht-form-field__input');
	if (slot)
		slot.before(msg);
	else
		input.before(msg);
	wrap?.classList.add('utrecht-form-field--invalid');
	input.setAttribute('aria-invalid', 'true');
	input.classList.add(input.tagName === 'SELECT' ?
	    'utrecht-select--invalid' : 'utrecht-textbox--invalid');
	const ids = (input.getAttribute('aria-describedby') ?? '')
	    .split(/\s+/).filter(Boolean);
	// The error first: it is what a screen reader user needs to hear.
	input.setAttribute('aria-describedby', [id, ...ids].join(' '));
	return input;
}

// Shows err on form: field errors beside their fields, the rest in an
// alert in alertHost.  messageKey overrides the general message.  Moves
// focus to the first invalid field, if any.
export function showError(form, alertHost, err, messageKey, args) {
	clearErrors(form, alertHost);
	const loose = [];
	let first = null;
	const fields = err instanceof ApiError ? err.fields : [];
	for (const f of fields) {
		const input = form ? markField(form, f.field,
		    reasonNode(f.reason)) : null;
		if (input)
			first ??= input;
		else
			loose.push(f);
	}
	const body = [];
	if (first && !messageKey) {
		body.push(h('p', { class: 'utrecht-paragraph',
		    i18n: 'error.fields' }));
	} else {
		body.push(h('p', { class: 'utrecht-paragraph',
		    i18n: messageKey ?? errorKey(err), args }));
		// The server's own words add the detail the code lacks.
		if (!messageKey && err instanceof ApiError &&
		    err.serverMessage && fields.length === 0 &&
		    err.status !== 401 && err.status < 500)
			body.push(h('p', { class: 'utrecht-paragraph ' +
			    'app-detail', lang: 'en', text: err.serverMessage }));
	}
	if (loose.length > 0) {
		body.push(h('ul', { class: 'utrecht-unordered-list' },
		    loose.map((f) => h('li', {
			class: 'utrecht-unordered-list__item' },
			`${f.field}: `, reasonNode(f.reason)))));
	}
	if (alertHost)
		alertHost.append(alertBox('error', 'alert', ...body));
	if (first)
		first.focus();
	return first;
}

// Client-side check results on form: list is [{field, key}] with key an
// i18n message.  Same look as server field errors; focuses the first.
export function showInvalid(form, alertHost, list) {
	clearErrors(form, alertHost);
	let first = null;
	for (const f of list) {
		const input = markField(form, f.field, h('span', { i18n: f.key }));
		first ??= input;
	}
	if (alertHost)
		alertHost.append(alertBox('error', 'alert', h('p', {
		    class: 'utrecht-paragraph', i18n: 'error.fields' })));
	first?.focus();
}

// The empty required fields of form as [{field, key}].
export function missing(form, names) {
	const out = [];
	for (const name of names) {
		const el = form.elements.namedItem(name);
		if (el && String(el.value).trim() === '')
			out.push({ field: name, key: el.tagName === 'SELECT' ?
			    'field.choose' : 'field.required' });
	}
	return out;
}

// Reads path (GET) into host: host says it is busy meanwhile, then holds
// what fill(answer) returns (a node or a list of them); a failure empties host and shows the error
// in errorHost, which a success clears.  Nothing is touched once page is
// no longer current.  Resolves to the answer, or undefined when there is
// none to use.
export async function loadInto(page, host, errorHost, path, fill) {
	host.setAttribute('aria-busy', 'true');
	try {
		const res = await get(path);
		if (!page.current())
			return undefined;
		errorHost.replaceChildren();
		host.replaceChildren(...[fill(res)].flat());
		return res;
	} catch (err) {
		if (!page.current())
			return undefined;
		host.replaceChildren();
		showError(null, errorHost, err);
		return undefined;
	} finally {
		host.removeAttribute('aria-busy');
	}
}

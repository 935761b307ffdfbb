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
//
// When a form has field errors the alert is an error summary (the NL
// Design System pattern): a heading and one link per wrong field, its
// label and the reason; a click on a link moves focus to the field.
// Once a field is changed to a valid value its error and its summary
// entry go; so do the errors of fields no longer shown; an empty
// summary goes as a whole.

import { alertBox, h } from './dom.js';
import { has, reasonKey, reasonOrOther } from './i18n.js';

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

// A field error in the user's language: a known reason in its own
// words, an unknown one as a general "this is not correct" (never the
// server's English under a Dutch page).
function reasonNode(reason) {
	const r = reasonOrOther(reason);
	return h('span', { i18n: r.key, args: r.args });
}

// The error summary shown for a form: {alert, list, keep} where keep
// says the alert has more to say than its list.
const summaries = new WeakMap();

// Removes the alert in alertHost and every field error in form.
export function clearErrors(form, alertHost) {
	if (alertHost)
		alertHost.replaceChildren();
	if (!form)
		return;
	summaries.delete(form);
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

// A copy of the text of a label or legend (its translated part, so it
// follows a language switch; not the "(required)" mark).
function labelText(el) {
	const src = el.hasAttribute('data-i18n') ? el :
	    el.querySelector('[data-i18n]');
	if (!src)
		return h('span', { text: el.textContent.trim() });
	const span = h('span', { text: src.textContent });
	span.setAttribute('data-i18n', src.getAttribute('data-i18n'));
	const args = src.getAttribute('data-i18n-args');
	if (args)
		span.setAttribute('data-i18n-args', args);
	return span;
}

// The element that carries the error of control: the group (fieldset)
// it belongs to when that is marked, else the control itself.
function ownerOf(control) {
	const set = control.closest('.utrecht-form-fieldset--invalid');
	return set && !control.hasAttribute('aria-invalid') ? set : control;
}

// The label text of an owner (a fieldset's legend, a control's label).
function ownerLabel(form, owner) {
	let el = null;
	if (owner.tagName === 'FIELDSET')
		el = owner.querySelector('legend');
	else if (owner.id)
		el = form.querySelector(`label[for="${CSS.escape(owner.id)}"]`);
	return el ? labelText(el) : h('span', { text: owner.name ?? '' });
}

// Errors that say a value is missing: an empty field does not fix them.
const NEEDS_VALUE = new Set(['reason.required', 'field.required',
    'field.choose', 'signal.need_what']);

// Adds one wrong field to the summary entries (one per field; a second
// reason for the same field joins the first).
function addEntry(entries, form, control, reason, key) {
	const owner = ownerOf(control);
	if (NEEDS_VALUE.has(key))
		owner.setAttribute('data-error-empty', '');
	const had = entries.get(owner);
	if (had) {
		if (!had.reasons.some((r) => r.textContent === reason.textContent))
			had.reasons.push(reason);
		return;
	}
	entries.set(owner, { owner, control, reasons: [reason],
	    text: ownerLabel(form, owner) });
}

// The summary: a heading and a list of links, one per wrong field.
function summaryNodes(form, entries) {
	const list = h('ul', { class: 'utrecht-unordered-list ' +
	    'app-error-summary__list' });
	for (const e of entries.values()) {
		const target = e.control.id ? e.control : e.owner;
		const link = h('a', { class: 'utrecht-link',
		    href: `#${target.id}` }, e.text, ': ',
		    e.reasons.flatMap((r, i) => i > 0 ? ['; ', r] : [r]));
		link.addEventListener('click', (ev) => {
			ev.preventDefault();
			e.control.focus();
		});
		const item = h('li', { class: 'utrecht-unordered-list__item' },
		    link);
		item.errorOwner = e.owner;
		list.append(item);
	}
	const heading = h('h2', { class: 'utrecht-heading-2 ' +
	    'app-error-summary__title', i18n: 'error.summary' });
	return { heading, list };
}

// Puts the alert into alertHost; with field entries it is the form's
// error summary.
function showAlert(form, alertHost, body, entries, keep) {
	if (!alertHost)
		return null;
	let parts = body;
	let list = null;
	if (form && entries.size > 0) {
		const s = summaryNodes(form, entries);
		list = s.list;
		parts = [...body, s.heading, s.list];
	}
	const alert = alertBox('error', 'alert', ...parts);
	if (list) {
		alert.classList.add('app-error-summary');
		summaries.set(form, { alert, list, keep });
	}
	alertHost.append(alert);
	return alert;
}

// Shows err on form: field errors beside their fields, and an alert in
// alertHost: the error summary, or the message and the errors that have
// no field here.  messageKey overrides the general message.  Moves
// focus to the first invalid field, if any.
export function showError(form, alertHost, err, messageKey, args) {
	clearErrors(form, alertHost);
	const loose = [];
	let first = null;
	const entries = new Map();
	const fields = err instanceof ApiError ? err.fields : [];
	for (const f of fields) {
		const input = form ? markField(form, f.field,
		    reasonNode(f.reason)) : null;
		if (input) {
			first ??= input;
			addEntry(entries, form, input, reasonNode(f.reason),
			    reasonKey(f.reason)?.key);
		} else
			loose.push(f);
	}
	const body = [];
	if (first && !messageKey) {
		// the summary's heading says it all
	} else {
		body.push(h('p', { class: 'utrecht-paragraph',
		    i18n: messageKey ?? errorKey(err), args }));
		// The server's own words add the detail the code lacks;
		// they are English, so they show on an English page only.
		if (!messageKey && err instanceof ApiError &&
		    err.serverMessage && fields.length === 0 &&
		    err.status !== 401 && err.status < 500)
			body.push(h('p', { class: 'utrecht-paragraph ' +
			    'app-detail', i18n: 'error.detail',
			    args: { detail: err.serverMessage } }));
	}
	if (loose.length > 0) {
		body.push(h('ul', { class: 'utrecht-unordered-list' },
		    loose.map((f) => h('li', {
			class: 'utrecht-unordered-list__item' },
			`${f.field}: `, reasonNode(f.reason)))));
	}
	showAlert(form, alertHost, body, entries,
	    loose.length > 0 || !!messageKey || !first);
	if (first)
		first.focus();
	return first;
}

// Client-side check results on form: list is [{field, key, either}] with
// key an i18n message and either an optional tag shared by fields of
// which one must be filled in.  Same look as server field errors;
// focuses the first.
export function showInvalid(form, alertHost, list) {
	clearErrors(form, alertHost);
	let first = null;
	const entries = new Map();
	for (const f of list) {
		const input = markField(form, f.field, h('span', { i18n: f.key }));
		if (!input)
			continue;
		first ??= input;
		addEntry(entries, form, input, h('span', { i18n: f.key }),
		    f.key);
		// {either: tag}: one of the fields so tagged will do, so
		// the others' errors go once one is fixed.
		if (f.either)
			ownerOf(input).setAttribute('data-error-either', f.either);
	}
	const body = entries.size > 0 ? [] : [h('p', {
	    class: 'utrecht-paragraph', i18n: 'error.fields' })];
	showAlert(form, alertHost, body, entries, entries.size === 0);
	first?.focus();
}

// Takes the error off owner (a control or a fieldset) and out of the
// summary; an empty summary goes.
function unmark(form, owner) {
	const id = `${owner.id}-error`;
	owner.querySelector?.(`[id="${id}"]`)?.remove();
	form.querySelector(`[id="${id}"]`)?.remove();
	const ids = (owner.getAttribute('aria-describedby') ?? '')
	    .split(/\s+/).filter((x) => x && x !== id);
	if (ids.length > 0)
		owner.setAttribute('aria-describedby', ids.join(' '));
	else
		owner.removeAttribute('aria-describedby');
	owner.classList.remove('utrecht-form-fieldset--invalid',
	    'utrecht-textbox--invalid', 'utrecht-select--invalid');
	owner.removeAttribute('aria-invalid');
	owner.removeAttribute('data-error-either');
	owner.removeAttribute('data-error-empty');
	const wrap = owner.closest('.utrecht-form-field');
	if (wrap && !wrap.querySelector('[aria-invalid]'))
		wrap.classList.remove('utrecht-form-field--invalid');
	const s = summaries.get(form);
	if (!s)
		return;
	for (const item of [...s.list.children]) {
		if (item.errorOwner === owner)
			item.remove();
	}
	if (s.list.children.length > 0)
		return;
	summaries.delete(form);
	if (s.keep) {
		s.list.previousElementSibling?.remove();
		s.list.remove();
	} else
		s.alert.remove();
}

// True when an error on owner no longer applies: the field is gone,
// hidden or switched off.
function gone(owner) {
	if (!owner.isConnected || owner.disabled || owner.closest('[hidden]'))
		return true;
	return owner.getClientRects().length === 0 &&
	    !owner.closest('details:not([open])');
}

// True when owner, just changed, now holds a valid value (an empty one
// only when the field may be left empty).
function fixed(owner) {
	if (owner.tagName === 'FIELDSET')
		return owner.querySelector('input:checked') !== null;
	if (owner.type === 'checkbox' || owner.type === 'radio')
		return true;
	if (typeof owner.checkValidity === 'function' &&
	    !owner.checkValidity())
		return false;
	return String(owner.value ?? '').trim() !== '' ||
	    !(owner.required || owner.hasAttribute('data-error-empty'));
}

// After every change in a form with errors: drop the errors that are
// fixed or no longer apply.
function recheck(ev) {
	const form = ev.target?.closest?.('form');
	if (!form)
		return;
	const owners = new Set();
	for (const el of form.querySelectorAll('[aria-invalid], ' +
	    '.utrecht-form-fieldset--invalid'))
		owners.add(el);
	for (const owner of owners) {
		if (!owner.isConnected || !(owner === ev.target ||
		    owner.contains(ev.target)) || !fixed(owner))
			continue;
		const tag = owner.getAttribute('data-error-either');
		unmark(form, owner);
		if (!tag)
			continue;
		for (const other of owners) {
			if (other.getAttribute('data-error-either') === tag)
				unmark(form, other);
		}
	}
	const s = summaries.get(form);
	if (!s)
		return;
	for (const item of [...s.list.children]) {
		if (gone(item.errorOwner))
			unmark(form, item.errorOwner);
	}
}

if (typeof document !== 'undefined') {
	document.addEventListener('input', recheck);
	document.addEventListener('change', recheck);
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

// public: reporting a signal without an account, and following it.
//
// #/public ("Melden zonder account") is for a professional who has no
// account: the same fields as the report form of a logged-in user
// (parts.signalFields) plus the reporter's own name, organisation and
// phone, which the point needs to call back.  It is sent without a
// session to POST /api/public/signals.  The answer holds a receipt code
// and a secret; both are shown once, prominently, with the instruction
// to write them down.  #/public/status ("Volg uw signaal") asks for both
// and shows the signal's status in words (GET /api/public/signals/
// {receipt} with the secret in X-Receipt-Secret, never in the URL).
//
// The server limits how often one address may send (429 with
// Retry-After); the page says how long to wait.  It also has a budget
// for the whole form, per municipality and overall; when that is full
// (429 as well) the page says to call Veilig Thuis.  Each submission
// carries a proof-of-work (pow.js), solved in a Web Worker while the
// form is filled in, so nobody waits for it.  Nothing typed, and
// neither code, is kept in the browser beyond the page.

import { ApiError, clearErrors, missing, post, showError, showInvalid }
    from './api.js';
import { alertBox, button, field, h, pageHeading, para } from './dom.js';
import { t } from './i18n.js';
import { loadCatalog, loadMunicipalities } from './catalog.js';
import { choice, codeNode, dataList, dateNode, signalFields }
    from './parts.js';
import { emergencyPanel } from './signal-form.js';
import { outcomeNode } from './signals.js';
import { proof } from './pow.js';

// The reporter's own fields: [name, i18n key, autocomplete, type, min,
// max], the limits as the API has them.  They are checked here too:
// every attempt counts against the address's few per hour.
const REPORTER = [
	['reporter_name', 'public.reporter_name', 'name', 'text', 2, 200],
	['reporter_org', 'public.reporter_org', 'organization', 'text', 2,
	    200],
	['reporter_phone', 'public.reporter_phone', 'tel', 'tel', 6, 40],
];

// The codes as typed back: 32 symbols without look-alikes (no 0, O, 1
// or I), case, spaces and hyphens left out (domain/receipt.h).  The
// receipt is eight symbols after an optional S, the secret 24.  A secret
// from before the codes were grouped was 43 characters of base64url.
const SYMBOLS = '[2-9A-HJ-NP-Z]';
const RECEIPT_RE = new RegExp(`^S?${SYMBOLS}{8}$`);
const SECRET_RE = new RegExp(`^${SYMBOLS}{24}$`);
const OLD_SECRET_RE = /^[A-Za-z0-9_-]{43}$/;

// What a person typed, reduced to the symbols the server compares.
function symbols(typed) {
	return typed.replace(/[\s-]+/g, '').toUpperCase();
}

// The minutes to wait after a 429, at least one.
function minutes(err) {
	return Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60));
}

// Shows err on form (or only in alertHost); a 429 says how long to wait,
// or, when the form's budget is full, to call Veilig Thuis.
function showFailure(form, alertHost, err) {
	if (err instanceof ApiError && err.status === 429 &&
	    /takes no more signals/.test(err.serverMessage ?? ''))
		showError(form, alertHost, err, 'public.budget');
	else if (err instanceof ApiError && err.status === 429)
		showError(form, alertHost, err, 'public.throttled',
		    { count: minutes(err) });
	else
		showError(form, alertHost, err);
}

// Links between the public pages and to the login.
function wayOn(...links) {
	return h('ul', { class: 'utrecht-unordered-list app-way-on' },
	    links.map(([href, key]) => h('li', {
		class: 'utrecht-unordered-list__item' },
		h('a', { class: 'utrecht-link', href, i18n: key }))));
}

export function renderPublicForm(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const holder = h('div', { 'aria-busy': 'true' }, para('loading'));
	main.replaceChildren(pageHeading('public.title'),
	    para('public.intro'),
	    wayOn(['#/public/status', 'public.follow.link'],
		['#/start', 'public.login.link']),
	    para('public.required'),
	    errors, holder);

	Promise.all([loadCatalog(), loadMunicipalities()]).then(([c, m]) => {
		if (page.current())
			build(c, m);
	}, (err) => {
		if (!page.current())
			return;
		// Without the form, the telephone still works.
		holder.replaceChildren(emergencyPanel(null));
		holder.removeAttribute('aria-busy');
		showError(null, errors, err, 'public.unavailable');
	});

	function build(cat, munis) {
		const fields = signalFields(cat, munis, emergencyPanel);
		const reporter = REPORTER.map(([name, key, autocomplete, type,
		    , maxlength]) => field({ name, key, type, autocomplete,
		    maxlength, required: true, hint: `${key}.hint` }));
		const section = (id, key, ...content) => h('section',
		    { 'aria-labelledby': id },
		    h('h2', { class: 'utrecht-heading-2', id, i18n: key }),
		    ...content);
		const form = h('form', { class: 'app-form app-form--wide',
		    novalidate: true, 'aria-labelledby': 'page-title' },
		    section('public-you', 'public.you',
			para('public.you.intro'), ...reporter),
		    section('signal-where', 'signal.where', ...fields.where),
		    section('signal-what', 'signal.what', ...fields.what),
		    section('signal-who', 'signal.who', ...fields.who),
		    h('div', { class: 'utrecht-button-group app-submit' },
			button('signal.submit', 'primary',
			    { type: 'submit' })));
		holder.replaceChildren(form);
		holder.removeAttribute('aria-busy');

		// Solved while the person types; a new one after each try.
		let pending = proof();
		const waiting = h('p', { class: 'utrecht-paragraph',
		    role: 'status' });
		form.append(waiting);
		async function solved() {
			if (!pending.fresh())
				pending = proof();
			try {
				return await pending.promise;
			} catch {
				pending = proof();
				return await pending.promise;
			}
		}

		let busy = false;
		form.addEventListener('submit', async (ev) => {
			ev.preventDefault();
			if (busy)
				return;
			const bad = missing(form, REPORTER.map(([n]) => n));
			for (const [name, , , , min] of REPORTER) {
				const v = form.elements.namedItem(name).value
				    .trim();
				if (v !== '' && [...v].length < min)
					bad.push({ field: name,
					    key: `public.min${min}` });
			}
			bad.push(...fields.check(form));
			if (bad.length > 0) {
				showInvalid(form, errors, bad);
				return;
			}
			clearErrors(form, errors);
			const body = fields.body();
			for (const f of reporter)
				body[f.control.name] = f.control.value.trim();
			busy = true;
			form.setAttribute('aria-busy', 'true');
			const slow = setTimeout(() => waiting.replaceChildren(
			    h('span', { i18n: 'public.sending' })), 500);
			try {
				const p = await solved();
				body.challenge = p.challenge;
				body.solution = p.solution;
				const res = await post('/api/public/signals',
				    body);
				if (page.current())
					receipt(res);
			} catch (err) {
				pending = proof();
				if (page.current())
					showFailure(form, errors, err);
			} finally {
				clearTimeout(slow);
				waiting.replaceChildren();
				busy = false;
				form.removeAttribute('aria-busy');
			}
		});
	}

	// The receipt: both codes, once, with the instruction to write
	// them down, a copy and a print button, and by when the point looks
	// at it; the emergency numbers again for an emergency.  The links
	// away ask first until the codes were copied, printed or marked as
	// written down: they are never shown again.
	function receipt(res) {
		const heading = h('h1', { class: 'utrecht-heading-1',
		    id: 'page-title', tabindex: '-1',
		    i18n: 'signal.done.title' });
		const code = (cls, v) => h('code', {
		    class: `app-code-value ${cls}`, text: String(v ?? '') });
		const copied = h('div', { class: 'app-alerts', role: 'status' });
		const savedRow = choice({ name: 'saved', id: 'public-saved',
		    key: 'public.done.saved' });
		savedRow.classList.add('app-no-print');
		const saved = savedRow.control;
		const warn = h('div', { class: 'app-alerts', role: 'alert' });
		let kept = false;
		const keep = () => {
			kept = true;
			saved.checked = true;
			warn.replaceChildren();
		};
		saved.addEventListener('change', () => {
			kept = saved.checked;
			if (kept)
				warn.replaceChildren();
		});
		const copy = button('public.done.copy', 'secondary', {
		    type: 'button', class: 'app-no-print' });
		copy.addEventListener('click', async () => {
			const text = `${t('public.receipt')}: ${res?.receipt}\n` +
			    `${t('public.secret')}: ${res?.secret}\n`;
			try {
				await navigator.clipboard.writeText(text);
				keep();
				copied.replaceChildren(alertBox('ok', null,
				    para('public.done.copied')));
			} catch {
				// No clipboard: the codes are selectable.
				copied.replaceChildren(alertBox('warning', null,
				    para('public.done.nocopy')));
			}
		});
		const print = button('public.done.print', 'secondary', {
		    type: 'button', class: 'app-no-print' });
		print.addEventListener('click', () => {
			keep();
			window.print();
		});
		// Leaving before the codes are kept: say so, stay.
		const guard = (ev) => {
			if (kept)
				return true;
			ev.preventDefault();
			warn.replaceChildren(alertBox('warning', null,
			    para('public.done.first')));
			saved.focus();
			return false;
		};
		const follow = h('a', { class: 'utrecht-button-link ' +
		    'utrecht-button-link--html-a ' +
		    'utrecht-button-link--primary-action',
		    href: '#/public/status', i18n: 'public.status.title' });
		follow.addEventListener('click', guard);
		const again = button('signal.done.again', 'secondary');
		again.addEventListener('click', (ev) => {
			if (!guard(ev))
				return;
			renderPublicForm(main, page);
			page.setTitle('public.title');
			main.querySelector('#page-title')?.focus();
		});
		// replaceChildren() would write a null out as text.
		main.replaceChildren(...[heading,
		    alertBox('ok', null, para('public.done.received')),
		    res?.emergency ? emergencyPanel(null) : null,
		    h('section', { class: 'app-receipt',
			'aria-labelledby': 'public-codes' },
			h('h2', { class: 'utrecht-heading-2',
			    id: 'public-codes', i18n: 'public.done.codes' }),
			alertBox('warning', null,
			    h('p', { class: 'utrecht-paragraph' },
				h('strong', { i18n: 'public.done.write' })),
			    para('public.done.why')),
			dataList([
			    ['public.receipt', code('app-receipt-code',
				res?.receipt)],
			    ['public.secret', code('app-secret',
				res?.secret)],
			    ['signal.col.status', codeNode('status',
				res?.status ?? 'received')],
			    ['public.done.due', dateNode(res?.triage_due,
				'day')],
			], { class: 'utrecht-data-list ' +
			    'utrecht-data-list--rows app-data-list ' +
			    'app-codes' }),
			para('public.done.spell', {}, {
			    class: 'utrecht-paragraph app-print-only' }),
			h('div', { class: 'utrecht-button-group app-no-print' },
			    copy, print),
			copied, warn, savedRow),
		    para('public.done.next'),
		    h('div', { class: 'utrecht-button-group' },
			follow, again)].filter((n) => n !== null));
		page.setTitle('signal.done.title');
		heading.focus();
	}
}

// GET /api/public/signals/{receipt} with the secret in a header, which
// api.js's request() does not send; failures as its ApiError.
async function fetchStatus(receipt, secret) {
	let res;
	try {
		res = await fetch(`/api/public/signals/${
		    encodeURIComponent(receipt)}`, {
			method: 'GET',
			headers: { Accept: 'application/json',
			    'X-Receipt-Secret': secret },
			credentials: 'omit', cache: 'no-store',
			redirect: 'error', referrerPolicy: 'no-referrer',
		});
	} catch {
		throw new ApiError(0, null, null);
	}
	let data = null;
	try {
		data = JSON.parse(await res.text());
	} catch {
		data = null;
	}
	if (res.ok)
		return data;
	const after = res.headers.get('Retry-After');
	throw new ApiError(res.status, data,
	    after && /^\d+$/.test(after.trim()) ? Number(after.trim()) : null);
}

export function renderPublicStatus(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const result = h('div', { class: 'app-status', role: 'status' });
	const receiptField = field({ name: 'receipt', id: 'public-receipt',
	    key: 'public.receipt', hint: 'public.receipt.hint', required: true,
	    autocomplete: 'off', spellcheck: 'false',
	    autocapitalize: 'characters', maxlength: 20 });
	receiptField.control.classList.add('app-code-input');
	const secretField = field({ name: 'secret', id: 'public-secret',
	    key: 'public.secret', hint: 'public.secret.hint', required: true,
	    autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none',
	    maxlength: 60 });
	secretField.control.classList.add('app-code-input',
	    'app-code-input--long');
	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true,
	    'aria-labelledby': 'page-title' },
	    receiptField, secretField,
	    h('div', { class: 'utrecht-button-group' },
		button('public.status.submit', 'primary', { type: 'submit' })));
	main.replaceChildren(pageHeading('public.status.title'),
	    para('public.status.intro'),
	    errors, form, result,
	    wayOn(['#/public', 'public.again.link'],
		['#/start', 'public.login.link']));

	let busy = false;
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		if (busy)
			return;
		// Codes are copied from paper: spaces, hyphens and case do
		// not count (an old secret is sent as it was given).
		const receipt = symbols(receiptField.control.value);
		const typed = secretField.control.value.replace(/\s+/g, '');
		const secret = OLD_SECRET_RE.test(typed) ? typed :
		    symbols(typed);
		const bad = missing(form, ['receipt', 'secret']);
		if (receipt !== '' && !RECEIPT_RE.test(receipt))
			bad.push({ field: 'receipt',
			    key: 'public.receipt.bad' });
		if (secret !== '' && !SECRET_RE.test(secret) &&
		    !OLD_SECRET_RE.test(secret))
			bad.push({ field: 'secret', key: 'public.secret.bad' });
		result.replaceChildren();
		if (bad.length > 0) {
			showInvalid(form, errors, bad);
			return;
		}
		clearErrors(form, errors);
		busy = true;
		form.setAttribute('aria-busy', 'true');
		try {
			const s = await fetchStatus(receipt, secret);
			if (!page.current())
				return;
			show(s);
		} catch (err) {
			if (!page.current())
				return;
			if (err instanceof ApiError && err.status === 404)
				showError(null, errors, err,
				    'public.status.notfound');
			else
				showFailure(null, errors, err);
		} finally {
			busy = false;
			form.removeAttribute('aria-busy');
		}
	});

	function show(s) {
		const heading = h('h2', { class: 'utrecht-heading-2',
		    id: 'public-result', tabindex: '-1',
		    i18n: 'public.status.result' });
		result.replaceChildren(h('section', {
		    'aria-labelledby': 'public-result' },
		    heading,
		    dataList([
			['public.receipt', h('code', { class: 'app-code-value',
			    text: String(s?.receipt ?? '') })],
			['signal.col.created', s?.created_at ?
			    dateNode(s.created_at) : null],
			['signal.col.status', h('strong', {
			    class: 'app-signal-status',
			    'data-status': String(s?.status ?? '') },
			    codeNode('status', s?.status))],
			['signal.col.outcome', outcomeNode(s?.outcome)],
		    ]),
		    para(`public.status.explain.${
			['received', 'in_triage', 'taken_up', 'closed']
			.includes(s?.status) ? s.status : 'other'}`)));
		heading.focus();
	}
}

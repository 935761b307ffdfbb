// login: the view shown whenever there is no session.
//
// Username, password and the optional six-digit code from an
// authenticator app (demo accounts have none).  A bad combination gets
// one message whichever part was wrong; 429 says how many minutes to wait
// from Retry-After.  On success it hands the user from the response to
// onLoggedIn; the CSRF token is stored by then.  Below the form, a
// professional without an account finds the way to report a signal
// anyway (#/public) and to follow one reported that way.

import { ApiError, clearErrors, missing, post, setCsrfToken, showError,
    showInvalid } from './api.js';
import { alertBox, button, field, h, pageHeading, para } from './dom.js';

export function renderLogin(main, { notice, onLoggedIn }) {
	const status = h('div', { role: 'status', class: 'app-status' });
	if (notice)
		status.append(alertBox('info', null, para(notice)));
	const errors = h('div', { class: 'app-alerts' });

	const username = field({ name: 'username', id: 'login-username',
	    key: 'login.username', autocomplete: 'username', required: true,
	    spellcheck: 'false', autocapitalize: 'none', maxlength: 64 });
	const password = field({ name: 'password', id: 'login-password',
	    key: 'login.password', type: 'password',
	    autocomplete: 'current-password', required: true,
	    maxlength: 1024 });
	const code = field({ name: 'totp', id: 'login-totp',
	    key: 'login.totp', hint: 'login.totp.hint', inputmode: 'numeric',
	    autocomplete: 'one-time-code', maxlength: 6 });
	code.control.classList.add('app-code');

	const submit = button('login.submit', 'primary', { type: 'submit' });
	const form = h('form', { class: 'app-form', novalidate: true,
	    'aria-labelledby': 'page-title' },
	    username, password, code,
	    h('div', { class: 'utrecht-button-group' }, submit));

	let busy = false;
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		if (busy)
			return;
		const totp = code.control.value.replace(/\s+/g, '');
		const bad = missing(form, ['username', 'password']);
		if (totp !== '' && !/^\d{6}$/.test(totp))
			bad.push({ field: 'totp', key: 'field.totp' });
		if (bad.length > 0) {
			showInvalid(form, errors, bad);
			return;
		}
		clearErrors(form, errors);
		status.replaceChildren();
		const body = { username: username.control.value.trim(),
		    password: password.control.value };
		if (totp !== '')
			body.totp = totp;
		busy = true;
		form.setAttribute('aria-busy', 'true');
		try {
			const res = await post('/api/login', body);
			setCsrfToken(res.csrf_token);
			onLoggedIn(res.user ?? null);
		} catch (err) {
			loginFailed(err);
		} finally {
			busy = false;
			form.removeAttribute('aria-busy');
		}
	});

	function loginFailed(err) {
		password.control.value = '';
		code.control.value = '';
		if (err instanceof ApiError && err.status === 401) {
			showError(form, errors, err, 'login.failed');
			password.control.focus();
		} else if (err instanceof ApiError && err.status === 429 &&
		    err.retryAfter !== null) {
			const count = Math.max(1, Math.ceil(err.retryAfter / 60));
			showError(form, errors, err, 'login.throttled', { count });
		} else {
			showError(form, errors, err);
		}
	}

	main.replaceChildren(
	    pageHeading('login.title'),
	    para('login.intro'),
	    status,
	    errors,
	    form,
	    h('section', { 'aria-labelledby': 'login-noaccount' },
		h('h2', { class: 'utrecht-heading-2', id: 'login-noaccount',
		    i18n: 'login.noaccount' }),
		para('login.noaccount.text'),
		h('ul', { class: 'utrecht-unordered-list app-way-on' },
		    h('li', { class: 'utrecht-unordered-list__item' },
			h('a', { class: 'utrecht-link', href: '#/public',
			    id: 'login-public', i18n: 'login.public' })),
		    h('li', { class: 'utrecht-unordered-list__item' },
			h('a', { class: 'utrecht-link',
			    href: '#/public/status',
			    i18n: 'login.public.status' })))));
}

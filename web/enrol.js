// enrol: the page a new user reaches through their enrolment link,
// #/enrol/{token}.  The token is in the hash, so it never reaches the
// server's access log or a Referer header; the page takes it out of the
// address bar and history at once and keeps it only in this page.
//
// POST /api/enrol/begin shows whose account it is and, for a role that
// needs a second factor, a new secret as a QR code (drawn by the server
// as SVG) and as text.  The user chooses a password (the same policy as
// everywhere) and confirms the second factor with a code from the app;
// POST /api/enrol makes the account usable.  A link that is unknown, used
// or expired says to ask the approver for a new one.

import { clearErrors, missing, post, showError, showInvalid }
    from './api.js';
import { alertBox, button, field, h, pageHeading, para } from './dom.js';
import { dataList } from './parts.js';
import { has } from './i18n.js';

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

// The token of an enrolment hash, or null.
export function enrolToken(hash) {
	const m = /^#\/enrol\/([A-Za-z0-9_-]{43})$/.exec(hash);
	return m ? m[1] : null;
}

// The secret in groups of four, easier to type over.
function grouped(secret) {
	return String(secret).replace(/(.{4})(?=.)/g, '$1 ');
}

export function renderEnrol(main, page, token) {
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	main.replaceChildren(pageHeading('enrol.title'), para('enrol.intro'),
	    errors, body);
	if (!TOKEN_RE.test(token ?? '')) {
		gone();
		return;
	}
	post('/api/enrol/begin', { token }).then((e) => {
		if (page.current())
			form(e);
	}, (err) => {
		if (!page.current())
			return;
		if (err.status === 400)
			gone();
		else
			showError(null, errors, err);
	}).finally(() => body.removeAttribute('aria-busy'));

	function gone() {
		body.replaceChildren(alertBox('error', 'alert',
		    para('enrol.gone')),
		    h('p', { class: 'utrecht-paragraph' },
			h('a', { class: 'utrecht-link', href: '#/',
			    i18n: 'enrol.tologin' })));
	}

	function form(e) {
		const password = field({ name: 'password',
		    key: 'enrol.password', type: 'password', required: true,
		    autocomplete: 'new-password', hint: 'enrol.password.hint',
		    maxlength: 1024 });
		const repeat = field({ name: 'repeat', key: 'enrol.repeat',
		    type: 'password', required: true,
		    autocomplete: 'new-password', maxlength: 1024 });
		const code = e.totp_required ? field({ name: 'totp',
		    key: 'enrol.code', required: true, inputmode: 'numeric',
		    autocomplete: 'one-time-code', maxlength: 6,
		    hint: 'enrol.code.hint' }) : null;
		const second = e.totp_required ? h('section', {
		    'aria-labelledby': 'enrol-totp' },
		    h('h2', { class: 'utrecht-heading-2', id: 'enrol-totp',
			i18n: 'enrol.totp' }),
		    para('enrol.totp.intro'),
		    h('img', { class: 'app-qr', width: 240, height: 240,
			src: 'data:image/svg+xml;charset=utf-8,' +
			    encodeURIComponent(e.totp_qr_svg ?? ''),
			i18nAttr: { alt: 'enrol.qr.alt' } }),
		    h('p', { class: 'utrecht-paragraph', id: 'enrol-secret',
			i18n: 'enrol.secret' }),
		    h('pre', { class: 'utrecht-code-block app-uri',
			'aria-labelledby': 'enrol-secret', tabindex: '0' },
			h('code', { class: 'utrecht-code-block__content',
			    text: grouped(e.totp_secret) })),
		    code) : null;
		const f = h('form', { class: 'app-form', novalidate: true,
		    'aria-labelledby': 'page-title' },
		    h('section', { 'aria-labelledby': 'enrol-pw' },
			h('h2', { class: 'utrecht-heading-2', id: 'enrol-pw',
			    i18n: 'enrol.pw' }),
			password, repeat),
		    second,
		    h('div', { class: 'utrecht-button-group' },
			button('enrol.submit', 'primary', { type: 'submit' })));
		const role = has(`role.${e.role}`) ?
		    h('span', { i18n: `role.${e.role}` }) :
		    h('span', { text: String(e.role ?? '') });
		body.replaceChildren(dataList([
		    ['enrol.username', h('span', { text: e.username })],
		    ['enrol.role', role],
		]), f);
		let busy = false;
		f.addEventListener('submit', async (ev) => {
			ev.preventDefault();
			if (busy)
				return;
			const names = ['password', 'repeat'];
			if (code)
				names.push('totp');
			const bad = missing(f, names);
			if (bad.length > 0) {
				showInvalid(f, errors, bad);
				return;
			}
			clearErrors(f, errors);
			if (password.control.value !== repeat.control.value) {
				showInvalid(f, errors, [{ field: 'repeat',
				    key: 'enrol.mismatch' }]);
				return;
			}
			const req = { token, password: password.control.value };
			if (code)
				req.totp = code.control.value.trim();
			busy = true;
			f.setAttribute('aria-busy', 'true');
			try {
				await post('/api/enrol', req);
				if (!page.current())
					return;
				body.replaceChildren(alertBox('ok', 'status',
				    h('h2', { class: 'utrecht-heading-2',
					id: 'enrol-done', tabindex: '-1',
					i18n: 'enrol.done' }),
				    para('enrol.done.text')),
				    h('p', { class: 'utrecht-paragraph' },
					h('a', { class: 'utrecht-link',
					    href: '#/', i18n: 'enrol.tologin' })));
				body.querySelector('#enrol-done').focus();
			} catch (err) {
				if (page.current())
					showError(f, errors, err);
			} finally {
				busy = false;
				f.removeAttribute('aria-busy');
			}
		});
	}
}

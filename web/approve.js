// approve: the four-eyes actions on a new account, shared by the admin's
// users page and an approver's start page.
//
// Approving an account (POST /api/users/{id}/approve) or issuing a new
// enrolment link (POST /api/users/{id}/enrol-link) answers the link's
// token once.  It is shown here as the whole link, with the instruction
// to hand it to the new colleague in person or by a channel of their own;
// it is removed from the page when the approver confirms, and never kept
// anywhere else in the browser.  Beside the text the answer's QR code of
// the same link is shown, so the colleague can scan it from the screen.

import { post, showError } from './api.js';
import { alertBox, button, h, para } from './dom.js';
import { formatDate } from './i18n.js';

// The enrolment link of a token: a hash route, so the token never reaches
// a server log or a Referer header.
export function enrolLink(token) {
	const u = new URL(window.location.href);
	u.hash = `#/enrol/${token}`;
	return u.toString();
}

// The box that shows a new link once; onDone runs when it is dismissed.
export function linkBox(name, res, onDone) {
	const heading = h('h3', { class: 'utrecht-heading-3',
	    id: 'enrol-link-title', tabindex: '-1', i18n: 'approve.link.title',
	    args: { name } });
	const done = button('approve.link.done', 'secondary');
	const link = enrolLink(res.enrol_token);
	// The server draws the same link as a QR code, for the colleague
	// to scan from this screen with their own phone; shown only when it
	// is exactly the link below (a proxy may have changed the origin).
	const qr = res.enrol_qr_svg && res.enrol_link === link ? [
		h('p', { class: 'utrecht-paragraph', id: 'enrol-link-qr',
		    i18n: 'approve.link.qr' }),
		h('img', { class: 'app-qr', width: 240, height: 240,
		    'aria-describedby': 'enrol-link-qr',
		    src: 'data:image/svg+xml;charset=utf-8,' +
			encodeURIComponent(res.enrol_qr_svg),
		    i18nAttr: { alt: 'approve.link.qr.alt' } }),
	] : [];
	const box = alertBox('warning', null,
	    heading,
	    para('approve.link.intro'),
	    h('p', { class: 'utrecht-paragraph' },
		h('strong', { i18n: 'approve.link.warning' })),
	    h('p', { class: 'utrecht-paragraph', id: 'enrol-link-label',
		i18n: 'approve.link.label' }),
	    h('pre', { class: 'utrecht-code-block app-uri',
		'aria-labelledby': 'enrol-link-label', tabindex: '0' },
		h('code', { class: 'utrecht-code-block__content',
		    text: link })),
	    ...qr,
	    res.enrol_expires_at ? h('p', { class: 'utrecht-paragraph' },
		h('span', { i18n: 'approve.link.expires' }), ' ',
		h('span', { 'data-i18n-date': String(res.enrol_expires_at),
		    text: formatDate(res.enrol_expires_at) })) : null,
	    h('div', { class: 'utrecht-button-group' }, done));
	done.addEventListener('click', () => onDone());
	return box;
}

// A button for approving account u (what = 'approve') or issuing it a
// new link (what = 'link').  The link appears in host; errors in
// errorHost; after either, reload() runs.
export function actionButton(page, u, what, host, errorHost, reload) {
	const key = what === 'approve' ? 'approve.approve' : 'approve.newlink';
	const b = button(key, what === 'approve' ? 'primary' : 'secondary', {
	    i18nAttr: { 'aria-label': `${key}.label` },
	    args: { name: u.username } });
	let busy = false;
	b.addEventListener('click', async () => {
		if (busy)
			return;
		busy = true;
		b.setAttribute('aria-busy', 'true');
		try {
			const res = await post(`/api/users/${encodeURIComponent(
			    u.id)}/${what === 'approve' ? 'approve' :
			    'enrol-link'}`);
			if (!page.current())
				return;
			errorHost.replaceChildren();
			const box = linkBox(u.username, res, () => {
				host.replaceChildren();
				reload();
			});
			host.replaceChildren(box);
			box.querySelector('h3').focus();
		} catch (err) {
			if (page.current())
				showError(null, errorHost, err);
		} finally {
			busy = false;
			b.removeAttribute('aria-busy');
		}
	});
	return b;
}

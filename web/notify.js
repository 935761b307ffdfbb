// notify: what waits for the user ("Wacht op u"), on the start page, and
// the number not yet seen as a badge beside the Start entry of the menu,
// fetched once per navigation (no timer).  Each item names its kind and
// links to its object; the user's own mail switch sits below the list.

import { get, post } from './api.js';
import { h, para } from './dom.js';
import { formatDate } from './i18n.js';
import { section } from './parts.js';

// Where a notification leads, by kind and the user's role.
function link(n, me) {
	if (n.object_type === 'case' && me.role === 'coordinator')
		return `#/cases/${n.object_id}`;
	if (n.object_type === 'referral' && me.role === 'provider')
		return `#/referrals/${n.object_id}`;
	if (n.object_type === 'escalation' && me.role === 'provider')
		return `#/escalations/${n.object_id}`;
	if (n.object_type !== 'signal')
		return '#/start';
	return me.role === 'advisor' ? `#/queue/${n.object_id}` :
	    `#/signals/${n.object_id}`;
}

// The menu badge: the count of unseen notifications after "Start".
export function refreshBadge() {
	get('/api/notifications').then((res) => {
		const a = document.querySelector('#nav-list a[data-route=start]');
		if (!a)
			return;
		// Beside the link, not in it: the entry keeps its name.
		a.parentElement.querySelector('.app-nav-count')?.remove();
		if (res.unseen > 0)
			a.after(h('span', { class: 'app-nav-count',
			    i18n: 'notify.badge', args: { count: res.unseen } }));
	}, () => {});
}

function mailSwitch() {
	const host = h('div', { class: 'app-mail-switch' });
	function show(e) {
		if (!e.has_email) {
			host.replaceChildren(para('notify.mail.none'));
			return;
		}
		const box = h('input', { type: 'checkbox', id: 'mail-on',
		    class: 'utrecht-checkbox' });
		box.checked = !e.email_off;
		box.addEventListener('change', () => {
			post('/api/account/email', { email_off: !box.checked })
			    .then(show, () => { box.checked = !box.checked; });
		});
		host.replaceChildren(h('p', { class: 'utrecht-form-field' },
		    box, ' ', h('label', { for: 'mail-on',
			class: 'utrecht-form-label', i18n: 'notify.mail.on' })));
	}
	get('/api/account/email').then(show, () => {});
	return host;
}

export function notifySection(page, me) {
	const host = h('div', { class: 'app-notify', 'aria-busy': 'true' });
	get('/api/notifications').then((res) => {
		if (!page.current())
			return;
		const open = (res.notifications ?? []).filter((n) => !n.done);
		host.replaceChildren(section('start-notify', 'notify.title',
		    open.length === 0 ? para('notify.none') :
		    h('ul', { class: 'utrecht-unordered-list' },
			...open.map((n) => h('li', { class: n.seen ? '' :
			    'app-unseen' },
			    h('a', { class: 'utrecht-link', href: link(n, me),
				i18n: `notify.kind.${n.kind}`,
				args: { id: n.object_id } }),
			    ' ', h('span', { text: formatDate(n.created_at),
				'data-i18n-date': String(n.created_at) })))),
		    mailSwitch()));
		for (const n of open.filter((x) => !x.seen))
			post(`/api/notifications/${n.id}/seen`).catch(() => {});
	}, () => host.replaceChildren())
	    .finally(() => host.removeAttribute('aria-busy'));
	return host;
}

// app: the entry module.  It asks the server who is logged in, shows the
// login view or the shell (header, demo banner, navigation by role), and
// routes between pages by the URL hash (#/start, #/orgs, #/users).
//
// State: `session` holds /api/me while logged in and is null otherwise.
// Pages get a token whose current() turns false once another page (or
// the login view) has replaced them, so late responses are dropped.
// Focus moves to the page's h1 after every navigation the user makes.

import { errorKey, get, onUnauthenticated, post, setCsrfToken }
    from './api.js';
import { alertBox, h, pageHeading, para } from './dom.js';
import { has, lang, onChange, setLang, t, translate } from './i18n.js';
import { renderLogin } from './login.js';
import { renderOrgs } from './orgs.js';
import { renderStart } from './start.js';
import { renderUsers } from './users.js';

const ROUTES = {
	start: { key: 'start.title', roles: null,
	    render: (main, page, me) => renderStart(main, me) },
	orgs: { key: 'orgs.title', roles: ['admin'], render: renderOrgs },
	users: { key: 'users.title', roles: ['admin'], render: renderUsers },
};
const ORDER = ['start', 'orgs', 'users'];

let session = null;
let titleKey = 'login.title';
let generation = 0;

const $ = (id) => document.getElementById(id);

function allowed(name, me) {
	const r = ROUTES[name];
	return r !== undefined && (r.roles === null || r.roles.includes(me.role));
}

function setTitle(key) {
	titleKey = key;
	document.title = `${t(key)} – ${t('title.suffix')}`;
}

function focusHeading() {
	$('page-title')?.focus();
}

function newPage() {
	generation += 1;
	const mine = generation;
	return { current: () => mine === generation };
}

function renderShell(me) {
	const loggedIn = me !== null;
	$('user').hidden = !loggedIn;
	$('logout').hidden = !loggedIn;
	$('main-nav').hidden = !loggedIn;
	$('demo-banner').hidden = !(loggedIn && me.demo_instance);
	$('demo-account').hidden = !(loggedIn && me.demo);
	if (!loggedIn) {
		$('user-name').textContent = '';
		$('user-role').replaceChildren();
		$('user-org').textContent = '';
		$('nav-list').replaceChildren();
		return;
	}
	$('user-name').textContent = me.username ?? '';
	$('user-role').replaceChildren(has(`role.${me.role}`) ?
	    h('span', { i18n: `role.${me.role}` }) :
	    h('span', { text: String(me.role ?? '') }));
	$('user-org').textContent = me.org_name ?? '';
	$('nav-list').replaceChildren(...ORDER.filter((n) => allowed(n, me))
	    .map((n) => h('li', { class: 'utrecht-nav-list__item' },
		h('a', { class: 'utrecht-nav-list__link utrecht-link app-nav-link',
		    href: `#/${n}`, 'data-route': n, i18n: ROUTES[n].key }))));
}

function markNav(name) {
	for (const a of document.querySelectorAll('#nav-list a')) {
		if (a.getAttribute('data-route') === name)
			a.setAttribute('aria-current', 'page');
		else
			a.removeAttribute('aria-current');
	}
}

function currentRoute() {
	const m = /^#\/([a-z]+)$/.exec(window.location.hash);
	return m ? m[1] : null;
}

// Shows the page named in the hash, or Start when the hash names nothing
// this user may open.
function route(focus) {
	if (session === null)
		return;
	let name = currentRoute();
	if (name === null || !allowed(name, session)) {
		name = 'start';
		history.replaceState(null, '', '#/start');
	}
	const main = $('main');
	const page = newPage();
	ROUTES[name].render(main, page, session);
	markNav(name);
	setTitle(ROUTES[name].key);
	if (focus)
		focusHeading();
}

function startSession(me, focus) {
	session = me;
	if (me.csrf_token)
		setCsrfToken(me.csrf_token);
	renderShell(me);
	route(focus);
}

function showLogin(notice, focus) {
	session = null;
	setCsrfToken(null);
	newPage();
	renderShell(null);
	renderLogin($('main'), {
		notice,
		onLoggedIn: async (user) => {
			// The login response carries the same user as
			// /api/me; ask only when it is missing.
			try {
				startSession(user ?? await get('/api/me'), true);
			} catch {
				showLogin(null, true);
			}
		},
	});
	setTitle('login.title');
	if (focus)
		focusHeading();
}

async function logout() {
	try {
		await post('/api/logout');
	} catch (err) {
		// A session that has expired is as good as ended; any other
		// failure means it may still be open, so say so and stay.
		if (err.status !== 401) {
			$('main').querySelector('.app-logout-error')?.remove();
			const box = alertBox('error', 'alert', para(errorKey(err)));
			box.classList.add('app-logout-error');
			$('main').prepend(box);
			return;
		}
	}
	showLogin('login.loggedout', true);
}

function syncLangSwitch() {
	const other = lang() === 'nl' ? 'en' : 'nl';
	$('lang-switch').lang = other;
}

async function boot() {
	document.documentElement.lang = lang();
	translate(document);
	syncLangSwitch();
	onChange(() => {
		syncLangSwitch();
		setTitle(titleKey);
	});

	$('lang-switch').addEventListener('click', () => {
		setLang(lang() === 'nl' ? 'en' : 'nl');
	});
	$('logout').addEventListener('click', logout);
	$('skip-link').addEventListener('click', (ev) => {
		// A plain #main would go through the router.
		ev.preventDefault();
		$('main').focus();
	});
	window.addEventListener('hashchange', () => route(true));
	onUnauthenticated(() => {
		if (session !== null)
			showLogin('login.expired', true);
	});

	try {
		startSession(await get('/api/me'), false);
	} catch (err) {
		if (err.status === 401) {
			showLogin(null, false);
			return;
		}
		$('main').replaceChildren(pageHeading('error.title'),
		    alertBox('error', 'alert', para(errorKey(err))));
		setTitle('error.title');
	}
}

boot();

// app: the entry module.  It asks the server who is logged in, shows the
// login view or the shell (header, demo banner, navigation by role), and
// routes between pages by the URL hash (#/start, #/orgs, #/users,
// #/regions, #/regions/7, #/signals/new, #/signals, #/signals/7, #/queue, #/queue/7,
// #/advice, #/advice/queue, #/advice/7, #/cases, #/cases/new, #/cases/7,
// #/deadlines, #/assessments, #/assessments/7, #/referrals,
// #/referrals/7, #/escalations, #/escalations/7, #/emergency,
// #/emergency-reads, #/placements, #/offer, #/due, #/insight,
// #/contracts, #/gap, #/coverage, #/expertise).  A route may carry a
// query after '?' (#/insight?level=region&area=2&year=2025) that its
// page reads; a reload or a shared link shows the same view.
// Without a session the public pages (#/public, #/public/status) are
// shown for their hash and the login view for any other; with one they
// are not there (a user with an account reports through the menu).
//
// State: `session` holds /api/me while logged in and is null otherwise.
// Pages get a token whose current() turns false once another page (or
// the login view) has replaced them, so late responses are dropped, and
// whose setTitle() retitles the page while it is current.  Focus moves
// to the page's h1 after every navigation the user makes.

import { renderAdvice, renderAdviceQueue, renderAdviceSignal }
    from './advice.js';
import { renderAssessment, renderAssessments } from './assessments.js';
import { renderCase } from './case.js';
import { renderCaseOpen } from './case-open.js';
import { renderCases } from './cases.js';
import { refreshBadge } from './notify.js';
import { renderContracts } from './contracts.js';
import { renderDeadlines } from './deadlines.js';
import { renderEmergency, renderEmergencyReads } from './emergency.js';
import { renderEscalation, renderEscalations } from './escalations.js';
import { enrolToken, renderEnrol } from './enrol.js';
import { renderGap } from './gap.js';
import { errorKey, get, onUnauthenticated, post, setCsrfToken }
    from './api.js';
import { alertBox, h, pageHeading, para } from './dom.js';
import { has, lang, onChange, setLang, t, translate } from './i18n.js';
import { renderLogin } from './login.js';
import { renderOffer } from './offer.js';
import { INSIGHT, renderInsight } from './insight.js';
import { renderOrgs } from './orgs.js';
import { FILERS } from './parts.js';
import { renderPublicForm, renderPublicStatus } from './public.js';
import { renderQueue, renderSignalDetail } from './queue.js';
import { renderReferral, renderReferrals } from './referrals.js';
import { renderRegion, renderRegions } from './regions.js';
import { renderSignalForm } from './signal-form.js';
import { renderSignalView } from './signal-view.js';
import { renderMySignals } from './signals.js';
import { renderDue } from './due.js';
import { renderCoverage } from './coverage.js';
import { renderExpertise } from './expertise.js';
import { renderPlacements } from './placements.js';
import { renderStart } from './start.js';
import { renderUsers } from './users.js';

// Route names are the hash without '#/'; ':id' stands for a number.
// nav: the roles that see the route in the main menu (default: roles);
// parent: the menu entry that is current on a page below it; query: the
// page is given the URLSearchParams after '?' in the hash.
const ROUTES = {
	start: { key: 'start.title', roles: null,
	    render: renderStart },
	queue: { key: 'queue.title', roles: ['advisor'], query: true,
	    render: renderQueue },
	'queue/:id': { key: 'queue.detail.title', roles: ['advisor'],
	    parent: 'queue', render: renderSignalDetail },
	'signals/new': { key: 'signal.new.title', roles: FILERS,
	    render: renderSignalForm },
	signals: { key: 'signals.title', roles: FILERS,
	    nav: ['reporter', 'coordinator', 'provider'], query: true,
	    render: renderMySignals },
	'signals/:id': { key: 'signals.detail.title', roles: FILERS,
	    parent: 'signals', render: renderSignalView },
	advice: { key: 'advice.title', roles: FILERS,
	    nav: ['reporter', 'coordinator', 'provider'],
	    render: renderAdvice },
	'advice/queue': { key: 'advice.queue.title', roles: ['advisor'],
	    render: renderAdviceQueue },
	'advice/:id': { key: 'signal.from_advice.title', roles: FILERS,
	    parent: 'advice', render: renderAdviceSignal },
	cases: { key: 'cases.title', roles: ['coordinator'],
	    render: renderCases },
	'cases/new': { key: 'case.open.title', roles: ['coordinator'],
	    parent: 'cases', render: renderCaseOpen },
	'cases/:id': { key: 'case.title', roles: ['coordinator'],
	    parent: 'cases', render: renderCase },
	due: { key: 'due.title', roles: ['coordinator'], render: renderDue },
	deadlines: { key: 'deadlines.title', roles: ['advisor', 'admin'],
	    nav: ['admin'], render: renderDeadlines },
	orgs: { key: 'orgs.title', roles: ['admin'], render: renderOrgs },
	users: { key: 'users.title', roles: ['admin'], render: renderUsers },
	regions: { key: 'regions.title', roles: ['admin'],
	    render: renderRegions },
	'regions/:id': { key: 'regions.edit.title', roles: ['admin'],
	    parent: 'regions', render: renderRegion },
	assessments: { key: 'ident.list.title', roles: ['assessor'],
	    render: renderAssessments },
	'assessments/:id': { key: 'ident.detail.title', roles: ['assessor'],
	    parent: 'assessments', render: renderAssessment },
	referrals: { key: 'ref.list.title', roles: ['provider'],
	    render: renderReferrals },
	'referrals/:id': { key: 'ref.detail.title', roles: ['provider'],
	    parent: 'referrals', render: renderReferral },
	escalations: { key: 'esc.list.title', roles: ['provider'],
	    render: renderEscalations },
	'escalations/:id': { key: 'esc.detail.title', roles: ['provider'],
	    parent: 'escalations', render: renderEscalation },
	emergency: { key: 'emergency.title', roles: ['coordinator'],
	    render: renderEmergency },
	'emergency-reads': { key: 'emergency.reads.title', roles: ['admin'],
	    render: renderEmergencyReads },
	offer: { key: 'offer.title', roles: ['provider'], render: renderOffer },
	placements: { key: 'placements.title', roles: ['provider'],
	    render: renderPlacements },
	expertise: { key: 'expertise.title', roles: ['reporter', 'advisor',
	    'coordinator', 'provider', 'assessor'], render: renderExpertise },
	coverage: { key: 'coverage.title', roles: ['advisor', 'coordinator',
	    'policy', 'rapporteur'], render: renderCoverage },
	contracts: { key: 'contracts.title',
	    roles: ['policy', 'rapporteur', 'admin'], nav: ['policy',
	    'rapporteur'], render: renderContracts },
	gap: { key: 'gap.title', roles: ['policy', 'rapporteur'],
	    render: renderGap },
	insight: { key: 'insight.title', roles: INSIGHT, query: true,
	    render: renderInsight },
};
const ORDER = ['start', 'queue', 'advice/queue', 'cases', 'due',
    'emergency', 'assessments', 'referrals', 'escalations', 'placements',
    'offer', 'insight', 'contracts', 'gap', 'coverage', 'signals/new',
    'signals', 'advice', 'orgs', 'users', 'regions', 'deadlines',
    'emergency-reads', 'expertise'];

// The pages for someone without a session.
const PUBLIC = {
	public: { key: 'public.title', render: renderPublicForm },
	'public/status': { key: 'public.status.title',
	    render: renderPublicStatus },
};

let session = null;
let anonymous = null;	/* without a session: 'login' or a PUBLIC name */
let titleKey = 'login.title';
let titleArgs = {};
let generation = 0;

const $ = (id) => document.getElementById(id);

// Own keys only: '#/constructor' names no page.
function allowed(name, me) {
	const r = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
	return r !== undefined && (r.roles === null || r.roles.includes(me.role));
}

function inNav(name, me) {
	const r = ROUTES[name];
	return allowed(name, me) && (r.nav === undefined ||
	    r.nav.includes(me.role));
}

function setTitle(key, args = {}) {
	titleKey = key;
	titleArgs = args;
	document.title = `${t(key, args)} – ${t('title.suffix')}`;
}

function focusHeading() {
	$('page-title')?.focus();
}

function newPage() {
	generation += 1;
	const mine = generation;
	const current = () => mine === generation;
	return {
		current,
		setTitle(key, args) {
			if (current())
				setTitle(key, args);
		},
	};
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
	$('nav-list').replaceChildren(...ORDER.filter((n) => inNav(n, me))
	    .map((n) => h('li', { class: 'utrecht-nav-list__item' },
		h('a', { class: 'utrecht-nav-list__link utrecht-link app-nav-link',
		    href: `#/${n}`, 'data-route': n, i18n: ROUTES[n].key }))));
}

// The menu entry of the page is the current page; on a page below an
// entry (a signal in the queue), that entry is the current section.
function markNav(name) {
	const parent = ROUTES[name].parent;
	for (const a of document.querySelectorAll('#nav-list a')) {
		const r = a.getAttribute('data-route');
		if (r === name)
			a.setAttribute('aria-current', 'page');
		else if (r === parent)
			a.setAttribute('aria-current', 'true');
		else
			a.removeAttribute('aria-current');
	}
}

// {name, arg, query} for the hash: '#/queue/7' is {name: 'queue/:id',
// arg: 7}; '#/insight?year=2025' is {name: 'insight', query} with query
// the URLSearchParams after '?' (empty without one).
function currentRoute() {
	const m = new RegExp('^#/([a-z]+(?:-[a-z]+)*)' +
	    '(?:/([a-z]+|[1-9][0-9]{0,14}))?(?:\\?([^#]*))?$')
	    .exec(window.location.hash);
	if (!m)
		return null;
	const query = new URLSearchParams(m[3] ?? '');
	if (m[2] === undefined)
		return { name: m[1], arg: null, query };
	if (/^[0-9]+$/.test(m[2]))
		return { name: `${m[1]}/:id`, arg: Number(m[2]), query };
	return { name: `${m[1]}/${m[2]}`, arg: null, query };
}

// Shows the page named in the hash, or Start when the hash names nothing
// this user may open.
function route(focus) {
	if (session === null || enrolToken(window.location.hash) !== null) {
		showAnonymous(focus);
		return;
	}
	let r = currentRoute();
	if (r === null || !allowed(r.name, session)) {
		r = { name: 'start', arg: null, query: new URLSearchParams() };
		history.replaceState(null, '', '#/start');
	}
	const main = $('main');
	const page = newPage();
	const args = r.arg === null ? {} : { id: String(r.arg) };
	setTitle(ROUTES[r.name].key, args);
	// Only a page that reads a query is given one (signals/new takes
	// other arguments after arg).
	ROUTES[r.name].render(main, page, session, r.arg,
	    ...(ROUTES[r.name].query ? [r.query] : []));
	markNav(r.name);
	refreshBadge();
	if (focus)
		focusHeading();
}

function startSession(me, focus) {
	session = me;
	anonymous = null;
	if (me.csrf_token)
		setCsrfToken(me.csrf_token);
	renderShell(me);
	route(focus);
}

function showLogin(notice, focus) {
	session = null;
	anonymous = 'login';
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

// The public page the hash names, or null.
function publicRoute() {
	const r = currentRoute();
	return r !== null && r.arg === null && Object.hasOwn(PUBLIC, r.name) ?
	    r.name : null;
}

// Without a session: the public page of the hash, else the login view.
// A hash that names neither leaves the login view as it is, so what is
// typed there stays.
function showAnonymous(focus) {
	const token = enrolToken(window.location.hash);
	if (token !== null) {
		showEnrol(token, focus);
		return;
	}
	const name = publicRoute();
	if (name === null) {
		if (anonymous !== 'login')
			showLogin(null, focus);
		return;
	}
	session = null;
	anonymous = name;
	setCsrfToken(null);
	const page = newPage();
	renderShell(null);
	setTitle(PUBLIC[name].key);
	PUBLIC[name].render($('main'), page);
	if (focus)
		focusHeading();
}

// The enrolment page of a link (enrol.js).  The token leaves the address
// bar and the history at once; the page keeps it.
function showEnrol(token, focus) {
	history.replaceState(null, '', '#/enrol');
	anonymous = 'enrol';
	const page = newPage();
	renderShell(session);
	setTitle('enrol.title');
	renderEnrol($('main'), page, token);
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
		setTitle(titleKey, titleArgs);
	});

	$('lang-switch').addEventListener('click', () => {
		setLang(lang() === 'nl' ? 'en' : 'nl');
	});
	$('logout').addEventListener('click', logout);
	// On a phone the menu folds behind a button (app.css); it folds
	// again once a page is chosen.
	$('nav-toggle').addEventListener('click', () => {
		const open = $('nav-toggle').getAttribute('aria-expanded') ===
		    'true';
		$('nav-toggle').setAttribute('aria-expanded', String(!open));
	});
	$('skip-link').addEventListener('click', (ev) => {
		// A plain #main would go through the router.
		ev.preventDefault();
		$('main').focus();
	});
	window.addEventListener('hashchange', () => {
		$('nav-toggle').setAttribute('aria-expanded', 'false');
		route(true);
	});
	onUnauthenticated(() => {
		if (session !== null)
			showLogin('login.expired', true);
	});

	try {
		startSession(await get('/api/me'), false);
	} catch (err) {
		if (err.status === 401) {
			showAnonymous(false);
			return;
		}
		$('main').replaceChildren(pageHeading('error.title'),
		    alertBox('error', 'alert', para(errorKey(err))));
		setTitle('error.title');
	}
}

boot();

// The web UI shell in Chromium against a real schakel with demo data:
// keyboard login, the demo banner, navigation by role, the language
// switch, the organisation and user pages, logout, failed and throttled
// logins, TOTP login, and axe-core on every view in both languages.
// Every page also runs under the server's Content-Security-Policy; a
// refused script or style, or an uncaught exception, fails the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

import { launch } from '../lib/browser.mjs';
import { client } from '../lib/http.mjs';
import { startServer } from '../lib/server.mjs';
import { totp } from '../lib/totp.mjs';
import { uiFor } from '../lib/ui.mjs';

let server = null;
let browser = null;
const { accessible, apiJson, clean, open } =
    uiFor(() => ({ server, browser }));

before(async () => {
	server = await startServer();
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

const focused = (page) => page.evaluate(() => {
	const el = document.activeElement;
	return el ? el.id || el.getAttribute('href') || el.tagName : null;
});

// Presses Tab until the element matching selector has focus.
async function tabTo(page, selector, max = 30) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const hit = await page.evaluate((s) =>
		    document.activeElement?.matches(s) ?? false, selector);
		if (hit)
			return;
	}
	assert.fail(`'${selector}' cannot be reached with Tab`);
}

// Logs in with the keyboard only: Tab, typing and Enter.
async function keyboardLogin(page, username, password, code) {
	await tabTo(page, '#login-username');
	await page.keyboard.type(username);
	await page.keyboard.press('Tab');
	assert.equal(await focused(page), 'login-password');
	await page.keyboard.type(password);
	if (code !== undefined) {
		await page.keyboard.press('Tab');
		assert.equal(await focused(page), 'login-totp');
		await page.keyboard.type(code);
	}
	await page.keyboard.press('Enter');
}

async function loginAs(t, username) {
	const { page, problems } = await open(t);
	const u = server.users[username];
	assert.ok(u, `demo user '${username}' exists`);
	await keyboardLogin(page, username, u.password);
	await page.waitForSelector('#main-nav:not([hidden])');
	return { page, problems };
}

async function heading(page) {
	return (await page.textContent('#page-title')).trim();
}

// Waits until the h1 reads text, then checks it has focus.
async function landedOn(page, text) {
	await page.waitForFunction((want) =>
	    document.getElementById('page-title')?.textContent.trim() === want,
	    text);
	assert.equal(await focused(page), 'page-title',
	    'focus moves to the h1 on navigation');
}

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

const apiStatus = (page, path) => page.evaluate((p) =>
    fetch(p, { credentials: 'same-origin' }).then((r) => r.status), path);

test('the login view is accessible in both languages', async (t) => {
	const { page, problems } = await open(t);
	assert.equal(await htmlLang(page), 'nl');

	// The first Tab shows the skip link; it leads to the main content
	// without touching the route.
	await page.keyboard.press('Tab');
	assert.equal(await focused(page), 'skip-link');
	assert.ok(await page.locator('#skip-link').isVisible());
	assert.equal((await page.textContent('#skip-link')).trim(),
	    'Naar de hoofdinhoud');
	await page.keyboard.press('Enter');
	assert.equal(await focused(page), 'main');
	assert.equal(await heading(page), 'Aanmelden');
	await page.keyboard.press('Tab');
	assert.equal(await focused(page), 'login-username');

	assert.equal(await heading(page), 'Aanmelden');
	const code = page.locator('#login-totp');
	assert.equal(await code.getAttribute('inputmode'), 'numeric');
	assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
	assert.match(await page.textContent('#login-totp-hint'),
	    /Demo-accounts hebben geen code nodig/);
	assert.match(await code.getAttribute('aria-describedby'),
	    /login-totp-hint/);
	await accessible(page, 'the login view (nl)');

	await page.keyboard.press('Shift+Tab');
	assert.equal(await focused(page), 'lang-switch');
	await page.keyboard.press('Enter');
	assert.equal(await htmlLang(page), 'en');
	assert.equal(await heading(page), 'Log in');
	assert.match(await page.textContent('label[for="login-totp"]'),
	    /Code from your authenticator app/);
	await accessible(page, 'the login view (en)');
	clean(problems);
});

test('a wrong password shows the error alert', async (t) => {
	const { page, problems } = await open(t);
	const u = server.users['demo-policy'];
	await keyboardLogin(page, 'demo-policy', `${u.password}-wrong`);
	const alert = page.locator('.utrecht-alert[role="alert"]');
	await alert.waitFor();
	assert.match(await alert.textContent(),
	    /Gebruikersnaam, wachtwoord of code klopt niet/);
	assert.equal(await heading(page), 'Aanmelden');
	assert.equal(await page.inputValue('#login-password'), '',
	    'the wrong password is cleared');
	assert.equal(await apiStatus(page, '/api/me'), 401);
	await accessible(page, 'the login view with an error');

	// Missing fields are caught before anything is sent, and tied to
	// their inputs.
	await page.fill('#login-username', '');
	await page.click('button[type="submit"]');
	const user = page.locator('#login-username');
	await page.waitForSelector('#login-username[aria-invalid="true"]');
	const ids = (await user.getAttribute('aria-describedby')).split(' ');
	assert.match(await page.textContent(`#${ids[0]}`), /Vul dit veld in/);
	assert.equal(await focused(page), 'login-username');
	await accessible(page, 'the login view with field errors');
	clean(problems);
});

test('too many attempts say how many minutes to wait', async (t) => {
	const { page, problems } = await open(t);
	// The server's limits are its own business; the UI's part is to
	// read Retry-After, so the answer is made up here.
	await page.route('**/api/login', (route) => route.fulfill({
		status: 429,
		headers: { 'Retry-After': '150' },
		contentType: 'application/json',
		body: JSON.stringify({ error: { code: 'too_many_requests',
		    message: 'too many attempts' } }),
	}));
	await keyboardLogin(page, 'demo-reporter', 'whatever');
	const alert = page.locator('.utrecht-alert[role="alert"]');
	await alert.waitFor();
	assert.match(await alert.textContent(),
	    /Te veel pogingen\. Probeer het over 3 minuten opnieuw/);
	clean(problems);
});

test('demo-admin logs in by keyboard: banner, nav, languages, axe',
    async (t) => {
	const { page, problems } = await open(t);
	const u = server.users['demo-admin'];
	assert.equal(u.totp, null, 'demo accounts have no second factor');
	await keyboardLogin(page, 'demo-admin', u.password);
	await landedOn(page, 'Start');

	const banner = page.locator('#demo-banner');
	assert.ok(await banner.isVisible(), 'the demo banner is shown');
	assert.equal(await banner.getAttribute('role'), 'status');
	assert.match(await banner.textContent(),
	    /Demo-omgeving: alle gegevens zijn verzonnen/);
	assert.ok(await page.locator('#demo-account').isVisible());
	assert.match(await banner.textContent(),
	    /demo-account heeft geen tweede factor/);

	assert.equal(await page.textContent('#user-name'), 'demo-admin');
	assert.equal((await page.textContent('#user-role')).trim(), 'beheerder');
	assert.notEqual((await page.textContent('#user-org')).trim(), '');
	assert.ok(await page.locator('#logout').isVisible());

	const nav = page.locator('nav#main-nav');
	assert.equal(await nav.getAttribute('aria-label'), 'Hoofdmenu');
	assert.deepEqual((await nav.locator('a').allTextContents())
	    .map((s) => s.trim()), ['Start', 'Organisaties', 'Gebruikers',
	    'Regio\'s', 'Termijnen', 'Noodtoegang nalopen']);
	assert.equal(await nav.locator('a[aria-current="page"]')
	    .textContent(), 'Start');
	assert.match(await page.textContent('main'), /beheerder/);
	await accessible(page, 'the start page (nl)');

	// Navigation by keyboard moves focus to the new page's heading.
	await tabTo(page, 'a[href="#/orgs"]');
	await page.keyboard.press('Enter');
	await landedOn(page, 'Organisaties');
	assert.equal(await nav.locator('a[aria-current="page"]')
	    .textContent(), 'Organisaties');
	await page.waitForSelector('main table tbody tr');
	await accessible(page, 'the organisations page (nl)');

	await tabTo(page, 'a[href="#/users"]');
	await page.keyboard.press('Enter');
	await landedOn(page, 'Gebruikers');
	await page.waitForSelector('main table tbody tr');
	await accessible(page, 'the users page (nl)');

	// English, in place: the page is not rebuilt.
	await page.click('#lang-switch');
	assert.equal(await htmlLang(page), 'en');
	assert.equal(await heading(page), 'Users');
	assert.equal(await nav.getAttribute('aria-label'), 'Main menu');
	assert.match(await banner.textContent(),
	    /Demo environment: all data is synthetic/);
	assert.match(await banner.textContent(),
	    /demo account has no second factor/);
	assert.equal((await page.textContent('#user-role')).trim(),
	    'administrator');
	assert.match(await page.title(), /^Users/);
	await accessible(page, 'the users page (en)');

	await page.click('a[href="#/orgs"]');
	await landedOn(page, 'Organisations');
	await page.waitForSelector('main table tbody tr');
	await accessible(page, 'the organisations page (en)');

	await page.click('a[href="#/start"]');
	await landedOn(page, 'Start');
	assert.match(await page.textContent('main'), /administrator/);
	await accessible(page, 'the start page (en)');

	// The choice survives a reload, and so does the session.
	await page.reload();
	await page.waitForSelector('#main-nav:not([hidden])');
	assert.equal(await htmlLang(page), 'en');
	assert.equal(await heading(page), 'Start');
	assert.equal(await page.textContent('#lang-switch'), 'Nederlands');

	await page.click('#lang-switch');
	assert.equal(await htmlLang(page), 'nl');
	assert.equal(await heading(page), 'Start');
	assert.match(await banner.textContent(), /Demo-omgeving/);
	await page.reload();
	await page.waitForSelector('#main-nav:not([hidden])');
	assert.equal(await htmlLang(page), 'nl');
	assert.equal(await page.textContent('#lang-switch'), 'English');
	clean(problems);
});

test('the organisations page lists the demo organisations and adds one',
    async (t) => {
	const { page, problems } = await loginAs(t, 'demo-admin');
	await page.click('a[href="#/orgs"]');
	await landedOn(page, 'Organisaties');
	await page.waitForSelector('main table tbody tr');

	const { orgs } = await apiJson(page, '/api/orgs');
	assert.ok(orgs.length > 1, 'the demo data has organisations');
	const names = (await page.locator('main table tbody tr td:first-child')
	    .allTextContents()).map((s) => s.trim());
	assert.deepEqual([...names].sort(),
	    orgs.map((o) => o.name).sort());

	// An empty form is refused before it is sent, field by field.
	await page.click('form button[type="submit"]');
	await page.waitForSelector('input[name="name"][aria-invalid="true"]');
	assert.equal(await page.getAttribute('select[name="type"]',
	    'aria-invalid'), 'true');
	const err = (await page.getAttribute('input[name="name"]',
	    'aria-describedby')).split(' ')[0];
	assert.match(await page.textContent(`#${err}`), /Vul dit veld in/);
	await accessible(page, 'the organisations form with errors');

	// The municipalities come from the server.
	await page.waitForFunction(() =>
	    document.querySelector('select[name="municipality"]')
		.options.length > 1);
	const { municipalities } = await apiJson(page, '/api/municipalities');
	const muni = municipalities[0];

	const name = `Testopvang ${randomBytes(4).toString('hex')}`;
	await page.fill('input[name="name"]', name);
	await page.selectOption('select[name="type"]', 'provider');
	await page.selectOption('select[name="municipality"]', muni.code);
	await page.click('form button[type="submit"]');
	await page.locator('main [role="status"] .utrecht-alert').waitFor();
	assert.match(await page.textContent('main [role="status"]'),
	    new RegExp(`Organisatie ${name} is toegevoegd`));
	await page.waitForFunction((n) => [...document.querySelectorAll(
	    'main table tbody tr td:first-child')].some((td) =>
	    td.textContent.trim() === n), name);
	assert.equal(await page.inputValue('input[name="name"]'), '',
	    'the form is cleared');
	assert.equal(await page.getAttribute('input[name="name"]',
	    'aria-invalid'), null, 'the old errors are gone');

	const row = page.locator('main table tbody tr', { hasText: name });
	assert.match(await row.textContent(), /Hulpverlener/);
	const again = await apiJson(page, '/api/orgs');
	const made = again.orgs.find((o) => o.name === name);
	assert.ok(made, 'the server has the new organisation');
	assert.equal(made.type, 'provider');
	assert.equal(made.municipality, muni.code);
	await accessible(page, 'the organisations page after adding');
	clean(problems);
});

test('the users page adds an advisor who waits for approval, and disables',
    async (t) => {
	const { page, problems } = await loginAs(t, 'demo-admin');
	await page.click('a[href="#/users"]');
	await landedOn(page, 'Gebruikers');
	await page.waitForSelector('main table tbody tr');
	await page.waitForFunction(() =>
	    document.querySelector('select[name="org_id"]').options.length > 1);
	assert.equal(await page.locator('input[name="password"]').count(), 0,
	    'an admin never chooses a password');

	const username = `test-${randomBytes(3).toString('hex')}`;
	await page.selectOption('select[name="role"]', 'advisor');
	await page.selectOption('select[name="org_id"]', { index: 1 });

	// The server's verdict on a field lands beside that field.
	await page.fill('input[name="username"]', 'X');
	await page.click('form button[type="submit"]');
	const un = page.locator('input[name="username"]');
	await page.waitForSelector('input[name="username"][aria-invalid="true"]');
	const errId = (await un.getAttribute('aria-describedby')).split(' ')[0];
	assert.notEqual((await page.textContent(`#${errId}`)).trim(), '');
	assert.match(await page.textContent('main .utrecht-alert[role="alert"]'),
	    /Controleer deze velden/);
	assert.equal(await focused(page), await un.getAttribute('id'));
	await accessible(page, 'the users form with a server field error');

	await page.fill('input[name="username"]', username);
	await page.click('form button[type="submit"]');

	const panel = page.locator('.app-created .utrecht-alert');
	await panel.waitFor();
	assert.match(await panel.textContent(),
	    new RegExp(`Gebruiker ${username} is aangemaakt`));
	assert.match(await panel.textContent(), /tweede persoon/);
	assert.equal(await panel.locator('code').count(), 0,
	    'the creator gets no link and no secret');
	assert.doesNotMatch(await page.textContent('main'),
	    /otpauth:|#\/enrol\//);
	assert.equal(await focused(page), 'users-created');
	const row = page.locator('main table tbody tr', { hasText: username });
	await row.waitFor();
	assert.match(await row.textContent(), /wacht op goedkeuring/);
	assert.equal(await row.getByRole('button', { name: /^Goedkeuren/ })
	    .count(), 0, 'the creator cannot approve');
	await accessible(page, 'the users page with a new account');

	// Disabling asks first; cancelling changes nothing.
	await row.getByRole('button', { name: `Uitschakelen: ${username}` })
	    .click();
	assert.match(await row.textContent(),
	    new RegExp(`Gebruiker ${username} uitschakelen\\?`));
	const yes = row.getByRole('button',
	    { name: `Ja, uitschakelen: ${username}` });
	assert.ok(await yes.evaluate((el) => el === document.activeElement),
	    'focus moves to the confirm button');
	await accessible(page, 'the users page asking to confirm');
	await row.getByRole('button', { name: 'Annuleren' }).click();
	assert.equal(await row.getByRole('button', { name: /^Ja/ }).count(), 0);
	const again = row.getByRole('button',
	    { name: `Uitschakelen: ${username}` });
	assert.ok(await again.evaluate((el) => el === document.activeElement),
	    'focus returns to the disable button');
	await page.keyboard.press('Enter');
	await yes.waitFor();
	await page.keyboard.press('Escape');
	assert.equal(await row.getByRole('button', { name: /^Ja/ }).count(), 0,
	    'Escape cancels too');
	let users = (await apiJson(page, '/api/users')).users;
	assert.equal(users.find((x) => x.username === username).disabled,
	    false);

	await row.getByRole('button', { name: `Uitschakelen: ${username}` })
	    .click();
	await yes.click();
	await page.locator('main [role="status"] .utrecht-alert').waitFor();
	assert.match(await page.textContent('main [role="status"]'),
	    new RegExp(`Gebruiker ${username} is uitgeschakeld`));
	await page.waitForFunction((n) => [...document.querySelectorAll(
	    'main table tbody tr')].some((tr) => tr.textContent.includes(n) &&
	    tr.textContent.includes('uitgeschakeld')), username);
	assert.equal(await row.getByRole('button').count(), 0,
	    'a disabled user has no disable button');
	users = (await apiJson(page, '/api/users')).users;
	assert.equal(users.find((x) => x.username === username).disabled,
	    true);

	// And the server keeps the door shut.
	const c = client(server.url);
	const r = await c.post('/api/login', { username,
	    password: 'any-password-at-all-1', totp: '123456' });
	assert.equal(r.status, 401);
	await accessible(page, 'the users page after disabling');
	clean(problems);
});

test('logging out returns to the login view and ends the session',
    async (t) => {
	const { page, problems } = await loginAs(t, 'demo-admin');
	assert.equal(await apiStatus(page, '/api/me'), 200);
	await tabTo(page, '#logout');
	await page.keyboard.press('Enter');
	await landedOn(page, 'Aanmelden');
	assert.match(await page.textContent('main [role="status"]'),
	    /U bent afgemeld/);
	assert.ok(await page.locator('#main-nav').isHidden());
	assert.ok(await page.locator('#logout').isHidden());
	assert.ok(await page.locator('#demo-banner').isHidden());
	assert.equal(await apiStatus(page, '/api/me'), 401);

	// The old hash brings no page back without logging in again.
	await page.goto(`${server.url}/#/orgs`);
	await page.waitForSelector('#login-username');
	assert.equal(await heading(page), 'Aanmelden');
	assert.equal(await page.locator('main table').count(), 0);
	clean(problems);
});

test('an expired session leads back to the login view and the page',
    async (t) => {
	const { page, problems } = await loginAs(t, 'demo-admin');
	await page.context().clearCookies();
	await page.click('a[href="#/orgs"]');
	await page.waitForSelector('#login-username');
	assert.match(await page.textContent('main [role="status"]'),
	    /Uw sessie is verlopen/);
	assert.ok(await page.locator('#main-nav').isHidden());
	assert.equal(await focused(page), 'page-title');

	const u = server.users['demo-admin'];
	await page.fill('#login-username', 'demo-admin');
	await page.fill('#login-password', u.password);
	await page.press('#login-password', 'Enter');
	await landedOn(page, 'Organisaties');
	await page.waitForSelector('main table tbody tr');
	clean(problems);
});

test('admin logs in with a code from the authenticator app', async (t) => {
	const { page, problems } = await open(t);
	const u = server.users.admin;
	assert.equal(u.role, 'admin');
	assert.ok(u.totp, 'admin has a TOTP secret');

	// Without the code the door stays shut.
	await keyboardLogin(page, 'admin', u.password);
	await page.locator('.utrecht-alert[role="alert"]').waitFor();
	assert.equal(await apiStatus(page, '/api/me'), 401);

	await page.fill('#login-username', '');
	await page.focus('#login-username');
	await page.keyboard.type('admin');
	await page.keyboard.press('Tab');
	await page.keyboard.type(u.password);
	await page.keyboard.press('Tab');
	assert.equal(await focused(page), 'login-totp');
	await page.keyboard.type(totp(u.totp));
	await page.keyboard.press('Enter');
	await landedOn(page, 'Start');
	assert.equal(await page.textContent('#user-name'), 'admin');
	assert.ok(await page.locator('#demo-banner').isVisible(),
	    'a demo instance says so to every user');
	assert.ok(await page.locator('#demo-account').isHidden(),
	    'admin is no demo account');
	const me = await apiJson(page, '/api/me');
	assert.equal(me.totp_enabled, true);
	assert.equal(me.demo, false);
	clean(problems);
});

test('a reporter sees no admin pages', async (t) => {
	const { page, problems } = await loginAs(t, 'demo-reporter');
	await landedOn(page, 'Start');
	const links = await page.locator('nav#main-nav a').allTextContents();
	assert.deepEqual(links.map((s) => s.trim()), ['Start',
	    'Signaal melden', 'Mijn signalen', 'Advies vragen',
	    'Deskundigheid']);
	assert.match(await page.textContent('main'), /melder/);
	assert.match(await page.textContent('main'), /signalen/);

	await page.evaluate(() => {
		window.location.hash = '#/orgs';
	});
	await page.waitForFunction(() => window.location.hash === '#/start');
	assert.equal(await heading(page), 'Start');
	assert.equal(await page.locator('main table').count(), 0);
	await accessible(page, 'the start page for a reporter');
	clean(problems);
});

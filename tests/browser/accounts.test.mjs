// Four eyes and enrolment in Chromium.  An admin makes an advisor
// account at Veilig Thuis Amsterdam through the API and marks the demo
// advisor there as approver.  The approver logs in with the keyboard,
// finds the new account on the start page, approves it with the keyboard
// and gets the enrolment link once.  The new colleague opens the link
// without a session: the token leaves the address bar, the page shows
// the account, a QR code and the secret; a password pair that differs is
// refused beside the field; with a code from the secret the account is
// ready and logs in.  The used link then says it is gone.  axe-core on
// each view; a CSP refusal or a script error fails the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launch } from '../lib/browser.mjs';
import { client } from '../lib/http.mjs';
import { startServer } from '../lib/server.mjs';
import { totp } from '../lib/totp.mjs';
import { uiFor } from '../lib/ui.mjs';
import { loginAs as apiLogin, strongPassword, uniqueName }
    from '../lib/util.mjs';

let server = null;
let browser = null;
const ui = uiFor(() => ({ server, browser }));

before(async () => {
	server = await startServer();
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

// A page opened from a link keeps focus at the top: only the h1's text.
function heading(page, text) {
	return page.waitForFunction((want) => document
	    .getElementById('page-title')?.textContent.trim() === want, text);
}

test('an approver approves on the start page; the user enrols',
    async (t) => {
	const admin = await apiLogin(server, 'demo-admin');
	const users = (await admin.get('/api/users')).body.users;
	const approver = users.find((u) => u.username === 'demo-advisor');
	const m = await admin.post(`/api/users/${approver.id}/approver`,
	    { approver: true });
	assert.equal(m.status, 200, m.text);
	const name = uniqueName('nieuw');
	const r = await admin.post('/api/users', { username: name,
	    role: 'advisor', org_id: approver.org_id });
	assert.equal(r.status, 201, r.text);

	// The approver, by keyboard.
	const { page, problems } = await ui.loginAs(t, 'demo-advisor');
	await ui.landedOn(page, 'Start');
	const section = page.locator('section[aria-labelledby="start-pending"]');
	await section.waitFor();
	assert.match(await section.textContent(), new RegExp(name));
	await ui.accessible(page, 'start with accounts waiting');
	await ui.tabTo(page, `button[aria-label="Goedkeuren: ${name}"]`);
	await page.keyboard.press('Enter');
	const box = page.locator('.app-created .utrecht-alert');
	await box.waitFor();
	assert.ok(await ui.focusedMatches(page, '#enrol-link-title'),
	    'focus moves to the link');
	const link = (await box.locator('code').textContent()).trim();
	assert.match(link, /#\/enrol\/[A-Za-z0-9_-]{43}$/);
	assert.match(await box.textContent(), /één keer/);
	await ui.accessible(page, 'start with the enrolment link');
	await ui.tabTo(page, '.app-created button');
	await page.keyboard.press('Enter');
	assert.equal(await box.count(), 0, 'the link is gone from the page');
	ui.clean(problems);

	// The new colleague, without a session.
	const context = await browser.newContext({ locale: 'nl-NL' });
	t.after(() => context.close());
	const p2 = await context.newPage();
	const { watch } = await import('../lib/browser.mjs');
	const problems2 = watch(p2);
	await p2.goto(link);
	await heading(p2, 'Account in gebruik nemen');
	assert.equal(new URL(p2.url()).hash, '#/enrol',
	    'the token leaves the address bar');
	await p2.waitForSelector('img.app-qr');
	assert.match(await p2.textContent('main'), new RegExp(name));
	const secret = (await p2.textContent('main pre code')).replace(/\s/g,
	    '');
	assert.match(secret, /^[A-Z2-7]{32}$/);
	await ui.accessible(p2, 'the enrolment page');

	const pw = strongPassword();
	await ui.tabTo(p2, 'input[name="password"]');
	await p2.keyboard.type(pw);
	await p2.keyboard.press('Tab');
	await p2.keyboard.type(`${pw}x`);
	await ui.tabTo(p2, 'input[name="totp"]');
	await p2.keyboard.type(totp(secret, Date.now() / 1000 - 30));
	await p2.keyboard.press('Enter');
	await p2.waitForSelector('input[name="repeat"][aria-invalid="true"]');
	assert.ok(await ui.focusedMatches(p2, 'input[name="repeat"]'));
	await ui.accessible(p2, 'the enrolment page with an error');

	await p2.fill('input[name="repeat"]', pw);
	await p2.focus('input[name="repeat"]');
	await p2.keyboard.press('Enter');
	await p2.waitForSelector('#enrol-done');
	assert.ok(await ui.focusedMatches(p2, '#enrol-done'));
	await ui.accessible(p2, 'the enrolment page when done');
	ui.clean(problems2);

	const c = client(server.url);
	const l = await c.login(name, pw, totp(secret));
	assert.equal(l.body.user.role, 'advisor');

	// The link was for once.
	const p3 = await context.newPage();
	await p3.goto(link);
	await heading(p3, 'Account in gebruik nemen');
	await p3.waitForFunction(() => /onbekend, al gebruikt of verlopen/
	    .test(document.querySelector('main').textContent));
	await ui.accessible(p3, 'a used enrolment link');
});

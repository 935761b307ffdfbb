// The admin's account form in Chromium: a policy account (no approval
// needed) made with a real name, a work phone and a mail address; a
// phone the server refuses is named beside its field; then the
// enrolment link appears as text and as a QR code of exactly that link,
// and the list shows name, phone and address; the admin then changes
// name and phone in place.  axe-core on each view; a CSP refusal or a
// script error fails the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { uiFor } from '../lib/ui.mjs';
import { uniqueName } from '../lib/util.mjs';

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

test('an admin adds a user with name, phone and e-mail, sees the QR code',
    async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-admin');
	await page.click('a[href="#/users"]');
	await ui.landedOn(page, 'Gebruikers');
	await page.waitForSelector('main table tbody tr');
	await page.waitForFunction(() =>
	    document.querySelector('select[name="org_id"]').options.length > 1);
	await ui.accessible(page, 'the users form with name and phone');

	const username = uniqueName('beleid');
	await page.fill('input[name="username"]', username);
	await page.fill('input[name="real_name"]', 'Noor van Dijk');
	await page.fill('input[name="phone"]', '020 (555) 01 01');
	await page.fill('input[name="email"]', 'noor@gemeente.example');
	await page.selectOption('select[name="role"]', 'policy');
	await page.selectOption('select[name="org_id"]', { index: 1 });
	await page.click('form button[type="submit"]');
	await page.waitForSelector('input[name="phone"][aria-invalid="true"]');
	await ui.accessible(page, 'the users form with a phone refused');

	await page.fill('input[name="phone"]', '020 555 01 01');
	await page.click('form button[type="submit"]');
	const box = page.locator('.app-created .utrecht-alert');
	await box.waitFor();
	const link = (await box.locator('code').textContent()).trim();
	assert.match(link, /#\/enrol\/[A-Za-z0-9_-]{43}$/);
	const img = box.locator('img.app-qr');
	await img.waitFor();
	assert.equal(await img.getAttribute('alt'),
	    'QR-code van de inschrijflink');
	assert.ok(await img.evaluate((el) => el.complete &&
	    el.naturalWidth > 0), 'the QR code is drawn');
	assert.match(decodeURIComponent(await img.getAttribute('src')),
	    /^data:image\/svg\+xml;charset=utf-8,<svg /);
	await ui.accessible(page, 'the users page with the link and QR code');

	const row = page.locator('main table tbody tr', { hasText: username });
	await row.waitFor();
	assert.match(await row.textContent(),
	    /Noor van Dijk · 020 555 01 01 · noor@gemeente\.example/);

	// Changed in place: a bad phone named, then saved.
	await row.getByRole('button',
	    { name: `Naam en telefoon wijzigen: ${username}` }).click();
	const edit = row.locator('form');
	await edit.locator('input[name="phone"]').fill('geen');
	await edit.locator('button[type="submit"]').click();
	await row.locator('input[name="phone"][aria-invalid="true"]')
	    .waitFor();
	await ui.accessible(page, 'the users page changing a phone');
	await edit.locator('input[name="real_name"]').fill('Noor van Dijk-Smit');
	await edit.locator('input[name="phone"]').fill('06-11112222');
	await edit.locator('button[type="submit"]').click();
	await page.waitForFunction((n) => [...document.querySelectorAll(
	    'main table tbody tr')].some((tr) => tr.textContent.includes(n) &&
	    tr.textContent.includes(
	    'Noor van Dijk-Smit · 06-11112222 · noor@gemeente.example')),
	    username);
	ui.clean(problems);
});

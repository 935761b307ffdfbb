// Emergency access in Chromium against a real schakel with demo data: a
// coordinator of the Rotterdam care coordination asks to read a case of
// Amsterdam with the keyboard only (missing fields named beside them, a
// case number that does not exist said so), and the administrator finds
// the read in the review list.  axe-core on both pages in Dutch and
// English; a CSP refusal or a script error fails the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { loginAs as apiLogin } from '../lib/util.mjs';
import { uiFor } from '../lib/ui.mjs';

let server = null;
let browser = null;
const ui = uiFor(() => ({ server, browser }));
const REASON = 'Cliënte staat vannacht aan de balie in Rotterdam.';

before(async () => {
	server = await startServer();
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

test('a coordinator breaks the glass; the admin reviews it', async (t) => {
	const amsterdam = await apiLogin(server, 'demo-coordinator');
	const open = await amsterdam.post('/api/cases', { type: 'trafficking',
	    forms: ['labour'], municipality: 'GM0363', source: 'police',
	    persons: [] });
	assert.equal(open.status, 201, open.text);
	const id = open.body.id;

	const { page, problems } = await ui.loginAs(t,
	    'demo-coordinator-rotterdam');
	assert.ok((await ui.navLinks(page)).includes('Noodtoegang'));
	await ui.tabTo(page, 'nav a[href="#/emergency"]');
	await page.keyboard.press('Enter');
	await ui.landedOn(page, 'Noodtoegang');
	assert.match(await page.textContent('main'), /beheerders/);
	await ui.accessible(page, 'emergency (nl)');
	await ui.switchLang(page, 'en');
	await ui.accessible(page, 'emergency (en)');
	await ui.switchLang(page, 'nl');

	// Nothing filled in: both fields named, nothing sent.
	await ui.tabTo(page, 'main button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForSelector('input[name="case"][aria-invalid="true"]');
	assert.equal(await page.locator('[aria-invalid="true"]').count(), 2);
	assert.ok(await ui.focusedMatches(page, 'input[name="case"]'));

	// A number that does not exist.
	await page.keyboard.type('99999999');
	await ui.tabTo(page, 'textarea[name="reason"]');
	await page.keyboard.type(REASON);
	await ui.tabTo(page, 'main button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => /Er is geen casus met dit nummer/
	    .test(document.querySelector('main').textContent));

	// The real one: the request goes out and the case opens for an hour.
	await ui.tabTo(page, 'input[name="case"]');
	await page.keyboard.press('Control+A');
	await page.keyboard.type(String(id));
	const sent = page.waitForResponse((r) => r.request().method() ===
	    'POST' && new URL(r.url()).pathname ===
	    `/api/cases/${id}/emergency`);
	await ui.tabTo(page, 'main button[type="submit"]');
	await page.keyboard.press('Enter');
	assert.equal((await sent).status(), 201);
	const c = await ui.apiJson(page, `/api/cases/${id}`);
	assert.equal(c.access, 'emergency');
	ui.clean(problems);

	const admin = await ui.loginAs(t, 'demo-admin');
	await ui.tabTo(admin.page, 'nav a[href="#/emergency-reads"]');
	await admin.page.keyboard.press('Enter');
	await ui.landedOn(admin.page, 'Noodtoegang nalopen');
	await admin.page.waitForSelector('table[aria-labelledby=' +
	    '"emergency-reads"]');
	const row = await admin.page.$$eval('table tbody tr:first-child td',
	    (tds) => tds.map((td) => td.textContent.trim()));
	assert.deepEqual(row.slice(2), ['demo-coordinator-rotterdam',
	    'Zorgcoördinatie Mensenhandel Rotterdam (demo)', String(id),
	    REASON]);
	await ui.accessible(admin.page, 'emergency reads (nl)');
	await ui.switchLang(admin.page, 'en');
	await ui.accessible(admin.page, 'emergency reads (en)');
	ui.clean(admin.problems);
});

// The deadline rules in Chromium against a real schakel with demo data:
// an admin changes a triage deadline with the keyboard only, a wrong
// number is named beside its field and sends nothing; the advisor reads
// the rules without a form, reached from the start page.  axe-core on
// every page in Dutch and English; a CSP refusal or a script error fails
// the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { uiFor } from '../lib/ui.mjs';

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

test('an admin changes a triage deadline with the keyboard', async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-admin');
	assert.ok((await ui.navLinks(page)).includes('Termijnen'));
	await ui.tabTo(page, 'nav a[href="#/deadlines"]');
	await page.keyboard.press('Enter');
	await ui.landedOn(page, 'Termijnen');
	await page.waitForSelector('section[data-rule="triage_days"] form');
	const days = 'section[data-rule="triage_days"]';
	assert.equal((await ui.dataList(page, days))['Termijn'],
	    'binnen 3 werkdagen');
	assert.equal((await ui.dataList(page, 'section[data-rule=' +
	    '"triage_acute"]'))['Termijn'], 'dezelfde dag, ook in het weekend');
	await ui.accessible(page, 'deadlines (nl)');
	await ui.switchLang(page, 'en');
	assert.equal((await page.textContent(`${days} h2`)).trim(),
	    'Triage within a few days');
	await ui.accessible(page, 'deadlines (en)');
	await ui.switchLang(page, 'nl');

	// A number out of range is named beside the field; nothing is sent.
	await ui.tabTo(page, `${days} input[name="workdays"]`);
	await page.keyboard.press('Control+A');
	await page.keyboard.type('99');
	await ui.tabTo(page, `${days} button[type="submit"]`);
	await page.keyboard.press('Enter');
	await page.waitForSelector(`${days} input[name="workdays"]` +
	    '[aria-invalid="true"]');
	assert.ok(await ui.focusedMatches(page, `${days} input` +
	    '[name="workdays"]'));
	assert.match(await page.textContent(days), /van 0 tot en met 60/);
	await ui.accessible(page, 'deadlines with an error (nl)');
	let rules = (await ui.apiJson(page, '/api/deadlines')).rules;
	assert.equal(rules.find((r) => r.name === 'triage_days').workdays, 3);

	await page.keyboard.press('Control+A');
	await page.keyboard.type('4');
	await ui.tabTo(page, `${days} button[type="submit"]`);
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => /De termijn is gewijzigd/.test(
	    document.querySelector('main .app-status')?.textContent ?? ''));
	await page.waitForFunction((sel) => /binnen 4 werkdagen/.test(
	    document.querySelector(sel)?.textContent ?? ''), days);
	assert.ok(await ui.focusedMatches(page, `${days} h2`),
	    'focus is back on the rule');
	assert.match((await ui.dataList(page, days))['Laatst gewijzigd'],
	    /demo-admin/);
	rules = (await ui.apiJson(page, '/api/deadlines')).rules;
	assert.equal(rules.find((r) => r.name === 'triage_days').workdays, 4);
	ui.clean(problems);
});

test('the advisor reads the deadlines without a form', async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-advisor');
	assert.ok(!(await ui.navLinks(page)).includes('Termijnen'),
	    'not in the menu: the start page links to it');
	await page.waitForSelector('#point-overview');
	await ui.tabTo(page, 'main a[href="#/deadlines"]');
	await page.keyboard.press('Enter');
	await ui.landedOn(page, 'Termijnen');
	await page.waitForSelector('section[data-rule="triage_not_urgent"]');
	assert.equal(await page.locator('main form').count(), 0);
	assert.match(await page.textContent('main'),
	    /Alleen een beheerder kan een termijn wijzigen/);
	await ui.accessible(page, 'deadlines for an advisor (nl)');
	ui.clean(problems);
});

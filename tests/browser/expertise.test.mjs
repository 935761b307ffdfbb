// The registry of trained professionals and the coverage page, in
// Chromium against a real schakel with demo data.  The demo coordinator
// adds a trained professional (first with nothing filled in: the fields
// say so), sees it in the list and removes it; the policy officer of
// Amsterdam sees the coverage of the own region without a name in it;
// the rapporteur gets the HTCDS download link.  axe-core finds nothing,
// in Dutch and English.  A CSP refusal or a script error fails the test.

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

const LIST = 'section[aria-labelledby="expertise-list"]';
const FORM = 'section[aria-labelledby="expertise-new"] form';

test('the coordinator adds and removes a trained professional', async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-coordinator');
	await page.click('nav a[href="#/expertise"]');
	await ui.landedOn(page, 'Deskundigheid');
	await page.waitForSelector(`${LIST} table`);
	assert.match(await page.textContent(LIST), /Sanne Kuipers/);
	await ui.accessible(page, 'the registry (nl)');

	await page.click(`${FORM} button[type="submit"]`);
	await page.waitForSelector(`${FORM} [aria-invalid="true"]`);
	await ui.accessible(page, 'the refused form (nl)');

	await page.fill(`${FORM} input[name="name"]`, 'Petra Verbeek');
	await page.selectOption(`${FORM} select[name="expertise"]`, 'migrants');
	await page.fill(`${FORM} input[name="trained_on"]`, '2024-03-01');
	await page.click(`${FORM} button[type="submit"]`);
	await page.waitForFunction((sel) => /Petra Verbeek/.test(
	    document.querySelector(sel)?.textContent ?? ''), LIST);
	assert.match(await page.textContent(LIST), /Migranten/);
	await ui.switchLang(page, 'en');
	assert.match(await page.textContent(LIST), /Migrants/);
	await ui.accessible(page, 'the registry (en)');
	await ui.switchLang(page, 'nl');

	await page.click(`${LIST} tr:has-text("Petra Verbeek") button`);
	await page.waitForFunction((sel) => !/Petra Verbeek/.test(
	    document.querySelector(sel)?.textContent ?? ''), LIST);
	ui.clean(problems);
});

test('policy sees coverage of its region, the rapporteur the export',
    async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-policy');
	await page.click('nav a[href="#/coverage"]');
	await ui.landedOn(page, 'Dekking deskundigheid');
	const sec = 'section[aria-labelledby="coverage-table"]';
	await page.waitForSelector(`${sec} table`);
	const text = await page.textContent(sec);
	assert.match(text, /Zorgcoördinatie Amsterdam/);
	assert.doesNotMatch(text, /Rotterdam/);
	assert.doesNotMatch(text, /Sanne Kuipers|Ingrid Hoekstra/);
	assert.equal(await page.locator('a[href="/api/insight/htcds.csv"]')
	    .count(), 0);
	await ui.accessible(page, 'coverage (nl)');
	await ui.switchLang(page, 'en');
	await page.waitForSelector(`${sec} table`);
	await ui.accessible(page, 'coverage (en)');
	await ui.switchLang(page, 'nl');
	ui.clean(problems);

	const rap = await ui.loginAs(t, 'demo-rapporteur');
	await rap.page.click('nav a[href="#/coverage"]');
	await ui.landedOn(rap.page, 'Dekking deskundigheid');
	await rap.page.waitForSelector('a[href="/api/insight/htcds.csv"]');
	await rap.page.waitForSelector(`${sec} table`);
	assert.match(await rap.page.textContent(sec), /Rotterdam/);
	await ui.accessible(rap.page, 'coverage for the rapporteur');
	ui.clean(rap.problems);
});

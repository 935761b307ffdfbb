// Identification in Chromium against a real schakel with demo data: the
// demo assessor finds the submitted assessments in the menu, opens the
// one that waits for its first decision, sees what the case team shared,
// is told what is missing when the form is sent empty, and records the
// decision with the keyboard; the admin changes the ninety calendar days
// of the final decision.  axe-core on every page in Dutch and English; a
// CSP refusal or a script error fails the test.

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

test('an assessor records a first decision with the keyboard',
    async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-assessor');
	await page.waitForSelector('#main-nav a[href="#/assessments"]');
	assert.ok((await ui.navLinks(page)).includes('Beoordelingen'));
	await ui.tabTo(page, 'nav a[href="#/assessments"]');
	await page.keyboard.press('Enter');
	await ui.landedOn(page, 'Beoordelingen');
	await page.waitForSelector('main table tbody tr');
	const list = (await ui.apiJson(page, '/api/assessments')).assessments;
	const waiting = list.find((a) => a.status === 'submitted');
	assert.ok(waiting, JSON.stringify(list));
	assert.equal(await page.locator('main table tbody tr').count(),
	    list.length);
	await ui.accessible(page, 'assessments (nl)');
	await ui.switchLang(page, 'en');
	await ui.accessible(page, 'assessments (en)');
	await ui.switchLang(page, 'nl');

	const link = `main a[href="#/assessments/${waiting.id}"]`;
	await ui.tabTo(page, link);
	await page.keyboard.press('Enter');
	await ui.landedOn(page, `Beoordeling ${waiting.id}`);
	await page.waitForSelector('main form');
	const shared = await page.textContent('section[aria-labelledby=' +
	    '"ident-shared"]');
	assert.match(shared, /Alleen deze delen/);
	assert.match(shared, /Samenvatting/);
	assert.doesNotMatch(shared, /Persoon 1/, 'persons were not shared');
	assert.match(await page.textContent('main'), /aangifte is er niet/);
	await ui.accessible(page, 'assessment (nl)');
	await ui.switchLang(page, 'en');
	await ui.accessible(page, 'assessment (en)');
	await ui.switchLang(page, 'nl');

	// Sent empty: both fields named, nothing sent.
	await ui.tabTo(page, 'main form button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForSelector('main form fieldset' +
	    '.utrecht-form-fieldset--invalid');
	await page.waitForSelector('main textarea[name="reasons"]' +
	    '[aria-invalid="true"]');
	await ui.accessible(page, 'assessment with errors (nl)');
	let a = (await ui.apiJson(page, `/api/assessments/${waiting.id}`))
	    .assessment;
	assert.equal(a.status, 'submitted');

	await ui.tabTo(page, 'main input[name="decision"]' +
	    '[value="plausible"]');
	await page.keyboard.press('Space');
	await ui.tabTo(page, 'main textarea[name="reasons"]');
	await page.keyboard.type('Redelijke gronden: de inspectie zag ' +
	    'ingehouden loon.');
	await ui.tabTo(page, 'main form button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => /eerste besluit is vastgelegd/.test(
	    document.querySelector('main .app-status')?.textContent ?? ''));
	await page.waitForFunction(() => /Definitief besluit vastleggen/.test(
	    document.querySelector('main form')?.textContent ?? ''));
	const facts = await ui.dataList(page, 'section[aria-labelledby=' +
	    '"ident-facts"]');
	assert.match(facts['Eerste besluit'], /Redelijke gronden: mogelijk/);
	assert.match(facts['Eerste besluit'], /ingehouden loon/);
	assert.ok(facts['Definitief besluit uiterlijk'], JSON.stringify(facts));
	a = (await ui.apiJson(page, `/api/assessments/${waiting.id}`))
	    .assessment;
	assert.equal(a.status, 'first_decided');
	assert.equal(a.first.by, 'demo-assessor');
	await ui.accessible(page, 'assessment decided (nl)');
	ui.clean(problems);
});

test('an admin sets the calendar days of the final decision',
    async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-admin');
	await ui.tabTo(page, 'nav a[href="#/deadlines"]');
	await page.keyboard.press('Enter');
	await ui.landedOn(page, 'Termijnen');
	const final = 'section[data-rule="identification_final"]';
	await page.waitForSelector(`${final} form`);
	assert.equal((await ui.dataList(page, final))['Termijn'],
	    'binnen 90 kalenderdagen');
	assert.equal(await page.locator(`${final} input[name="workdays"]`)
	    .count(), 0);
	assert.equal((await ui.dataList(page, 'section[data-rule=' +
	    '"identification_first"]'))['Termijn'], 'binnen 5 werkdagen');
	await ui.tabTo(page, `${final} input[name="calendar_days"]`);
	await page.keyboard.press('Control+A');
	await page.keyboard.type('400');
	await ui.tabTo(page, `${final} button[type="submit"]`);
	await page.keyboard.press('Enter');
	await page.waitForSelector(`${final} input[name="calendar_days"]` +
	    '[aria-invalid="true"]');
	assert.match(await page.textContent(final), /van 1 tot en met 366/);
	await ui.accessible(page, 'deadlines, calendar error (nl)');
	await page.keyboard.press('Control+A');
	await page.keyboard.type('60');
	await ui.tabTo(page, `${final} button[type="submit"]`);
	await page.keyboard.press('Enter');
	await page.waitForFunction((sel) => /binnen 60 kalenderdagen/.test(
	    document.querySelector(sel)?.textContent ?? ''), final);
	const rules = (await ui.apiJson(page, '/api/deadlines')).rules;
	assert.equal(rules.find((r) => r.name === 'identification_final')
	    .calendar_days, 60);
	await ui.switchLang(page, 'en');
	assert.equal((await page.textContent(`${final} h2`)).trim(),
	    'Final identification decision');
	await ui.accessible(page, 'deadlines (en)');
	ui.clean(problems);
});

// Turning 18 on the case page and the start page, in Chromium against a
// real schakel with demo data: the demo coordinator finds a victim
// turning 18 on the start page, opens the case, sees the 18th birthday
// and the next reminder, is told on the field what a plan lacks,
// records a transition plan and sees it after the reload; axe-core finds
// nothing in Dutch and English.  A CSP refusal or a script error fails
// the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launch } from '../lib/browser.mjs';
import { addDays, todayAms } from '../lib/days.mjs';
import { startServer } from '../lib/server.mjs';
import { uiFor } from '../lib/ui.mjs';
import { loginAs as apiLogin } from '../lib/util.mjs';

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

test('a coordinator records a transition plan for a victim turning 18',
    async (t) => {
	const api = await apiLogin(server, 'demo-coordinator');
	const adult = addDays(todayAms(), 40);
	const born = `${Number(adult.slice(0, 4)) - 18}${adult.slice(4)}`;
	const r = await api.post('/api/cases', { type: 'trafficking',
	    forms: ['labour'], municipality: 'GM0363', source: 'police',
	    persons: [{ kind: 'victim', name: 'Eva Nowak',
		birth_date: born === `${born.slice(0, 4)}-02-29` ?
		`${born.slice(0, 4)}-03-01` : born }] });
	assert.equal(r.status, 201, r.text);
	const id = r.body.id;

	const { page, problems } = await ui.loginAs(t, 'demo-coordinator');
	await ui.landedOn(page, 'Start');
	// The start page: the plan is due, linked to its case.
	const item = `main section[aria-labelledby="start-adulthood"] ` +
	    `li[data-case="${id}"]`;
	await page.waitForSelector(item);
	assert.match(await page.textContent(item), /overgangsplan nodig/);
	await ui.accessible(page, 'start with transitions (nl)');
	await page.click(`${item} a`);
	await ui.landedOn(page, `Casus ${id}`);
	const part = 'section[aria-labelledby="adulthood"]';
	await page.waitForSelector(part);
	const text = await page.textContent(part);
	assert.match(text, /Eva Nowak/);
	assert.match(text, /18 jaar op/);
	assert.match(text, /Volgende herinnering/);
	assert.match(text, /Nog geen overgangsplan/);
	await ui.accessible(page, 'the turning-18 part (nl)');

	// Who pays is missing: named on its field, nothing recorded.
	const form = `${part} form`;
	await page.check(`${form} input[name="continues"][value="wmo"]`);
	await page.click(`${form} button[type="submit"]`);
	await page.waitForSelector(`${form} .app-field-error`);
	// The reason in Dutch, never the server's English message.
	assert.match(await page.textContent(`${form} .app-field-error`),
	    /Vul dit veld in/);
	// Complete: recorded, and shown after the reload.
	await page.selectOption(`${form} select[name="payer"]`,
	    'municipality');
	await page.check(`${form} input[name="same_professional"]`);
	await page.fill(`${form} input[name="professional"]`,
	    'Mentor Joost (test)');
	await page.fill(`${form} textarea[name="notes"]`,
	    'Woonbegeleiding loopt door (test).');
	await page.click(`${form} button[type="submit"]`);
	await page.waitForFunction((s) => document.querySelector(
	    `${s} [data-plan]`) !== null, part);
	const shown = await page.textContent(`${part} [data-plan]`);
	assert.match(shown, /Wmo/);
	assert.match(shown, /gemeente/);
	assert.match(shown, /Mentor Joost \(test\)/);
	assert.match(shown, /Woonbegeleiding loopt door \(test\)\./);
	const c = await ui.apiJson(page, `/api/cases/${id}`);
	assert.equal(c.adulthood.persons[0].plan.payer, 'municipality');
	assert.equal(c.timeline.filter((e) => e.kind === 'transition').length,
	    1);
	await ui.accessible(page, 'a recorded transition plan (nl)');
	await page.click('#lang-switch');
	await page.waitForFunction((s) => /Turns 18 on/.test(
	    document.querySelector(s)?.textContent ?? ''), part);
	await ui.accessible(page, 'a recorded transition plan (en)');
	ui.clean(problems);
});

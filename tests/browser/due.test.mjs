// The coordinator's deadline overview in Chromium against a real schakel
// with demo data: the start page counts what is late and what falls this
// week and links to the overview; the overview lists a late case first,
// in words ("... dagen te laat") beside the date, as a link to the case;
// a wider window shows a review further away; axe-core finds nothing in
// Dutch and English.  A CSP refusal or a script error fails the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launch } from '../lib/browser.mjs';
import { addDays, todayAms } from '../lib/days.mjs';
import { startServer } from '../lib/server.mjs';
import { uiFor } from '../lib/ui.mjs';
import { loginAs as apiLogin, nowSql, sql } from '../lib/util.mjs';

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

test('from the start page to the deadline overview and on to the case',
    async (t) => {
	const api = await apiLogin(server, 'demo-coordinator');
	let r = await api.post('/api/cases', { type: 'trafficking',
	    forms: ['labour'], municipality: 'GM0363', source: 'police' });
	assert.equal(r.status, 201, r.text);
	const late = r.body.id;
	// Waiting for acceptance since three days ago.
	await sql(server.dataDir, `UPDATE care_case SET status = 'new', ` +
	    `coordinator_id = NULL, accepted_at = NULL, accept_due = ` +
	    `${nowSql(server.dataDir)} - 3 * 86400 WHERE id = ${late}`);
	r = await api.post('/api/cases', { type: 'trafficking',
	    forms: ['labour'], municipality: 'GM0363', source: 'police' });
	const later = r.body.id;
	r = await api.post(`/api/cases/${later}/plan`, { goals: 'Rust.',
	    review_on: addDays(todayAms(), 20) });
	assert.equal(r.status, 200, r.text);

	const { page, problems } = await ui.loginAs(t, 'demo-coordinator');
	await ui.landedOn(page, 'Start');
	const start = 'section[aria-labelledby="start-due"]';
	await page.waitForSelector(start);
	assert.match(await page.textContent(start), /termijnen? (is|zijn) verlopen/);
	await page.click(`${start} a[href="#/due"]`);
	await ui.landedOn(page, 'Termijnen');

	const missed = 'section[aria-labelledby="due-missed"]';
	await page.waitForSelector(`${missed} a[href="#/cases/${late}"]`);
	const row = page.locator(`${missed} tr`, {
	    has: page.locator(`a[href="#/cases/${late}"]`) });
	assert.match(await row.textContent(), /3 dagen te laat/);
	assert.match(await row.textContent(), /Casus aannemen/);
	const coming = 'section[aria-labelledby="due-coming"]';
	assert.equal(await page.locator(`${coming} a[href="#/cases/${later}"]`)
	    .count(), 0, 'a review in 20 days is outside two weeks');
	await page.selectOption('#due-within', '30');
	await page.waitForSelector(`${coming} a[href="#/cases/${later}"]`);
	assert.match(await page.locator(`${coming} tr`, {
	    has: page.locator(`a[href="#/cases/${later}"]`) }).textContent(),
	    /over 20 dagen/);
	await ui.accessible(page, 'deadline overview (nl)');
	await ui.switchLang(page, 'en');
	assert.match(await row.textContent(), /3 days late/);
	await ui.accessible(page, 'deadline overview (en)');

	await page.click(`${missed} a[href="#/cases/${late}"]`);
	await page.waitForFunction((id) => location.hash === `#/cases/${id}`,
	    late);
	ui.clean(problems);
});

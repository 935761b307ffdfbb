// The criminal-case and residence parts of the case page, and the
// residence deadlines on a coordinator's start page, in Chromium against
// a real schakel with demo data.  The parts (web/case-tracks.js) are
// mounted in the logged-in app's main area the way the case page mounts
// them: the form offers only the states that may follow, a reason shows
// when a reflection period ends, a step is recorded and the part shows
// it after the reload; a date in the future is named on its field; and
// axe-core finds nothing in Dutch and English.  A CSP refusal or a
// script error fails the test.

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

// Mounts both parts of case id in main, with the hooks of the case page.
const mount = (page, id) => page.evaluate(async (caseId) => {
	const { get } = await import('/api.js');
	const m = await import('/case-tracks.js');
	const main = document.querySelector('main');
	const errors = document.createElement('div');
	const status = document.createElement('div');
	status.setAttribute('role', 'status');
	// The case page's own heading, which the parts go under.
	const h1 = document.createElement('h1');
	h1.className = 'utrecht-heading-1';
	h1.textContent = `Zaak ${caseId}`;
	const hooks = { id: caseId, errors, status,
	    page: { current: () => true } };
	hooks.reload = async (focus) => {
		const c = await get(`/api/cases/${caseId}`);
		main.replaceChildren(h1, errors, status,
		    m.criminalSection(c, hooks), m.residenceSection(c, hooks));
		if (focus)
			document.querySelector(focus)?.focus();
	};
	await hooks.reload();
}, id);

test('the tracks on the case page and the deadlines on the start page',
    async (t) => {
	const api = await apiLogin(server, 'demo-coordinator');
	const r = await api.post('/api/cases', { type: 'trafficking',
	    forms: ['labour'], municipality: 'GM0363', source: 'police' });
	assert.equal(r.status, 201, r.text);
	const id = r.body.id;
	assert.equal((await api.post(`/api/cases/${id}/residence`,
	    { state: 'reflection', on: addDays(todayAms(), -85) })).status,
	    200);

	const { page, problems } = await ui.loginAs(t, 'demo-coordinator');
	await mount(page, id);
	const crim = 'section[aria-labelledby="tracks-criminal"]';
	const res = 'section[aria-labelledby="tracks-residence"]';
	assert.match(await page.textContent(crim), /nog niets vastgelegd/);
	// Only what may follow from the start.
	assert.deepEqual(await page.$$eval(`${crim} select[name="state"] ` +
	    'option', (o) => o.map((x) => x.value).filter(Boolean)),
	    ['informative_conversation', 'report_filed']);
	// The reflection period ends within days: said in words, as a
	// warning, with its source.
	const text = await page.textContent(res);
	assert.match(text, /De bedenktijd eindigt over \d+ dag/);
	assert.match(text, /Vreemdelingencirculaire 2000, B8\/3\.1/);
	assert.equal(await page.locator(`${res} .utrecht-alert--warning`)
	    .count(), 1);
	// The reason shows only for ending the period.
	const reason = page.locator(`${res} select[name="reason"]`);
	assert.equal(await reason.isVisible(), false);
	await page.selectOption(`${res} select[name="state"]`,
	    'reflection_ended');
	assert.equal(await reason.isVisible(), true);
	await ui.accessible(page, 'tracks (nl)');

	// A report filed tomorrow is refused on its field.
	await page.selectOption(`${crim} select[name="state"]`,
	    'report_filed');
	await page.fill(`${crim} input[name="on"]`, addDays(todayAms(), 1));
	await page.click(`${crim} button[type="submit"]`);
	await page.waitForSelector(`${crim} .app-field-error`);
	assert.match(await page.textContent(`${crim} .app-field-error`),
	    /toekomst/);
	// Today, with a note: recorded, and shown after the reload.
	await page.fill(`${crim} input[name="on"]`, todayAms());
	await page.fill(`${crim} textarea[name="note"]`, 'Aangifte (test).');
	await page.click(`${crim} button[type="submit"]`);
	await page.waitForFunction((s) => /aangifte gedaan/.test(
	    document.querySelector(`${s} table`)?.textContent ?? ''), crim);
	assert.match(await page.textContent(crim), /Aangifte \(test\)\./);
	assert.deepEqual(await page.$$eval(`${crim} select[name="state"] ` +
	    'option', (o) => o.map((x) => x.value).filter(Boolean)),
	    ['investigation', 'dismissed']);

	// The start part: the case with its reflection period, linked.
	const start = await page.evaluate(async () => {
		const { get } = await import('/api.js');
		const m = await import('/case-tracks.js');
		const el = await m.residenceStart(await get('/api/me'));
		const h1 = document.createElement('h1');
		h1.className = 'utrecht-heading-1';
		h1.textContent = 'Start';
		document.querySelector('main').replaceChildren(h1, el);
		return el !== null;
	});
	assert.ok(start);
	const link = page.locator(`main li[data-case="${id}"] a`);
	assert.equal(await link.getAttribute('href'), `#/cases/${id}`);
	await ui.accessible(page, 'tracks start (nl)');
	await page.click('#lang-switch').catch(() => {});
	await mount(page, id);
	await ui.accessible(page, 'tracks (after language switch)');
	ui.clean(problems);
});

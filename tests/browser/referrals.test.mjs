// Referrals and escalations in Chromium against a real schakel with demo
// data: the demo shelter finds its referrals in the menu, opens the one
// sent today, sees exactly what was shared, accepts it, starts the help
// and writes a progress note with the keyboard; the expert team answers
// the open escalation, and the coordinator reads the answer on the case.
// axe-core on the pages in Dutch and English; a CSP refusal or a script
// error fails the test.

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

test('the provider accepts, starts and writes a note', async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-provider');
	await page.waitForSelector('#main-nav a[href="#/referrals"]');
	// The start page says what waits.
	await page.waitForSelector('#start-referrals');
	await ui.tabTo(page, 'nav a[href="#/referrals"]');
	await page.keyboard.press('Enter');
	await ui.landedOn(page, 'Verwijzingen');
	await page.waitForSelector('main table tbody tr');
	const list = (await ui.apiJson(page, '/api/referrals')).referrals;
	const sent = list.find((r) => r.status === 'sent' &&
	    r.need === 'LEGAL');
	assert.ok(sent, JSON.stringify(list));
	await ui.accessible(page, 'referrals (nl)');
	await ui.switchLang(page, 'en');
	await ui.accessible(page, 'referrals (en)');
	await ui.switchLang(page, 'nl');

	await ui.tabTo(page, `main a[href="#/referrals/${sent.id}"]`);
	await page.keyboard.press('Enter');
	await ui.landedOn(page, `Verwijzing ${sent.id}`);
	const shared = await page.textContent('section[aria-labelledby=' +
	    '"ref-shared"]');
	assert.match(shared, /Persoon 1/);
	assert.match(shared, /Daan Mulder/);
	assert.match(shared, /Amsterdam/);
	assert.doesNotMatch(shared, /drugs vervoeren/, 'no summary shared');
	await ui.accessible(page, 'referral (nl)');

	await ui.tabTo(page, 'main button[data-step="accept"]');
	await page.keyboard.press('Enter');
	await page.waitForSelector('main button[data-step="start"]');
	await ui.tabTo(page, 'main button[data-step="start"]');
	await page.keyboard.press('Enter');
	// Started: the page is drawn again without the start button (the
	// note form was there already, so wait for the new page, not it).
	await page.waitForSelector('main button[data-step="start"]',
	    { state: 'detached' });
	const note = 'main form[aria-label="Voortgang"] textarea[name="text"]';
	await page.waitForSelector(note);
	await ui.tabTo(page, note);
	await page.keyboard.type('Intake gepland voor donderdag.');
	await ui.tabTo(page, 'main form[aria-label="Voortgang"] ' +
	    'button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => document.querySelector(
	    'section[aria-labelledby="ref-notes"]')?.textContent
	    .includes('Intake gepland voor donderdag.'));
	const r = await ui.apiJson(page, `/api/referrals/${sent.id}`);
	assert.equal(r.status, 'started');
	assert.equal(r.notes.length, 1);
	await ui.accessible(page, 'referral started (nl)');
	await ui.switchLang(page, 'en');
	await ui.accessible(page, 'referral started (en)');
	ui.clean(problems);
});

test('the expert team answers an escalation; the coordinator reads it',
    async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-expertteam');
	await ui.tabTo(page, 'nav a[href="#/escalations"]');
	await page.keyboard.press('Enter');
	await ui.landedOn(page, 'Opschalingen');
	await page.waitForSelector('main table tbody tr');
	const list = (await ui.apiJson(page, '/api/escalations')).escalations;
	const open = list.find((e) => e.status === 'open');
	assert.ok(open, JSON.stringify(list));
	await ui.accessible(page, 'escalations (nl)');
	await ui.tabTo(page, `main a[href="#/escalations/${open.id}"]`);
	await page.keyboard.press('Enter');
	await ui.landedOn(page, `Opschaling ${open.id}`);
	// The shared parts arrive after the heading.
	await page.waitForSelector('main form button[type="submit"]');
	assert.match(await page.textContent('main'), /volgorde/);
	await ui.accessible(page, 'escalation (nl)');
	// Sent empty: both named.
	await ui.tabTo(page, 'main form button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForSelector('main textarea[name="text"]' +
	    '[aria-invalid="true"]');
	await ui.tabTo(page, 'main input[name="outcome"][value="advice"]');
	await page.keyboard.press('Space');
	await ui.tabTo(page, 'main textarea[name="text"]');
	await page.keyboard.type('Eerst een veilige woonplek, dan school.');
	await ui.tabTo(page, 'main form button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => document.querySelector('#esc-facts')
	    ?.textContent.includes('beantwoord'));
	await ui.accessible(page, 'escalation answered (nl)');
	ui.clean(problems);

	const coord = await ui.loginAs(t, 'demo-coordinator');
	const caseId = (await ui.apiJson(coord.page, `/api/escalations/${
	    open.id}`)).case_id;
	assert.equal(caseId, undefined, 'a coordinator cannot read it');
	const cases = (await ui.apiJson(coord.page, '/api/cases')).cases;
	let found = null;
	for (const c of cases) {
		const x = await ui.apiJson(coord.page,
		    `/api/cases/${c.id}/referrals`);
		if ((x.escalations ?? []).some((e) => e.id === open.id))
			found = c.id;
	}
	assert.ok(found);
	await coord.page.goto(`${server.url}/#/cases/${found}`);
	await coord.page.waitForSelector('#case-referrals');
	await coord.page.waitForFunction(() => document.querySelector(
	    'section[aria-labelledby="case-referrals"]')?.textContent
	    .includes('Eerst een veilige woonplek, dan school.'));
	await ui.accessible(coord.page, 'case with referrals (nl)');
	ui.clean(coord.problems);
});

test('the coordinator refers a need from the case page', async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-coordinator');
	const created = await page.evaluate(async () => {
		const me = await (await fetch('/api/me')).json();
		const r = await fetch('/api/cases', { method: 'POST',
		    headers: { 'content-type': 'application/json',
		    'x-csrf-token': me.csrf_token },
		    body: JSON.stringify({ type: 'trafficking',
		    forms: ['labour'], municipality: 'GM0363',
		    source: 'police', summary: 'Werkt in een kas.',
		    help_needs: ['MED'] }) });
		return r.json();
	});
	assert.ok(created.id, JSON.stringify(created));
	await page.goto(`${server.url}/#/cases/${created.id}`);
	await page.waitForSelector('#case-referrals');
	await page.waitForSelector('section[aria-labelledby="case-referrals"]' +
	    ' details summary');
	await page.click('section[aria-labelledby="case-referrals"] ' +
	    'details summary');
	const form = 'form[aria-label="Verwijzen"]';
	await page.waitForSelector(form);
	// Nothing ticked to share by default.
	assert.equal(await page.locator(`${form} input[name="shares"]:checked`)
	    .count(), 0);
	// Sent empty: the provider and the basis are named.
	await page.click(`${form} button[type="submit"]`);
	await page.waitForSelector(`${form} .app-field-error`);
	await ui.accessible(page, 'refer form with errors (nl)');
	// The fitting providers for the need: the first (most free places)
	// is chosen.
	const first = page.locator(`${form} input[name="provider"]` +
	    '[type="radio"]').first();
	await first.waitFor();
	const chosen = (await page.textContent(`${form} label[for="` +
	    `${await first.getAttribute('id')}"]`)).trim();
	await first.check();
	await page.check(`${form} input[name="shares"][value="persons"]`);
	await page.check(`${form} input[name="basis"][value="consent"]`);
	await page.fill(`${form} input[name="consent_on"]`, '2026-01-02');
	await page.fill(`${form} textarea[name="message"]`, 'Graag bellen.');
	await page.click(`${form} button[type="submit"]`);
	await page.waitForSelector('table[aria-labelledby="case-referrals"] ' +
	    'tbody tr');
	const res = await ui.apiJson(page,
	    `/api/cases/${created.id}/referrals`);
	assert.equal(res.referrals.length, 1);
	assert.deepEqual(res.referrals[0].shares, ['persons']);
	assert.equal(res.referrals[0].to_org_name, chosen);
	assert.equal(res.referrals[0].basis, 'consent');
	assert.equal(res.referrals[0].message, 'Graag bellen.');
	await ui.accessible(page, 'case with a referral (nl)');
	ui.clean(problems);
});

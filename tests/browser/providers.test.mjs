// Providers in Chromium against a real schakel with demo data: the demo
// provider opens "Aanbod en capaciteit" from the menu, changes its free
// places with the keyboard and sees the new "last updated"; a wrong
// number is named beside its field and sends nothing.  The fitting
// providers table the referral form shows is checked on a coordinator's
// page (the module imported as the referral form does): radio buttons
// labelled with the provider's name, the capacity date, the language,
// and the empty state.  axe-core in Dutch and English; a CSP
// refusal or a script error fails the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { uiFor } from '../lib/ui.mjs';
import { loginAs } from '../lib/util.mjs';

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

const CAP = 'section[aria-labelledby="offer-capacity"]';

test('the demo provider updates its capacity', async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-provider');
	assert.ok((await ui.navLinks(page)).includes('Aanbod en capaciteit'));
	await ui.tabTo(page, 'nav a[href="#/offer"]');
	await page.keyboard.press('Enter');
	await ui.landedOn(page, 'Aanbod en capaciteit');
	await page.waitForSelector(`${CAP} form`);
	const before = (await ui.apiJson(page, '/api/provider'));
	assert.match((await ui.dataList(page, CAP))['Laatst bijgewerkt'],
	    /demo-provider/);
	// The offer shows what the demo set.
	assert.ok(await page.isChecked(
	    'input[name="care_types"][value="SAFE-SHELTER"]'));
	assert.ok(await page.isChecked(
	    'input[name="target_groups"][value="women"]'));
	await ui.accessible(page, 'offer (nl)');
	await ui.switchLang(page, 'en');
	assert.equal((await page.textContent('h1')).trim(),
	    'Offer and capacity');
	await ui.accessible(page, 'offer (en)');
	await ui.switchLang(page, 'nl');

	// A negative number is named beside the field; nothing is sent.
	await ui.tabTo(page, `${CAP} input[name="free_places"]`);
	await page.keyboard.press('Control+A');
	await page.keyboard.type('-2');
	await ui.tabTo(page, `${CAP} button[type="submit"]`);
	await page.keyboard.press('Enter');
	await page.waitForSelector(`${CAP} input[name="free_places"]` +
	    '[aria-invalid="true"]');
	assert.ok(await ui.focusedMatches(page,
	    `${CAP} input[name="free_places"]`));
	assert.equal((await ui.apiJson(page, '/api/provider')).free_places,
	    before.free_places);

	await page.keyboard.press('Control+A');
	await page.keyboard.type('7');
	await ui.tabTo(page, `${CAP} button[type="submit"]`);
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => /De capaciteit is bijgewerkt/.test(
	    document.querySelector('main .app-status')?.textContent ?? ''));
	const after = await ui.apiJson(page, '/api/provider');
	assert.equal(after.free_places, 7);
	assert.ok(Date.parse(after.capacity_updated_at) >
	    Date.parse(before.capacity_updated_at));
	// The page shows the new moment: today, by demo-provider.
	await page.waitForFunction((sel) => document.querySelector(
	    `${sel} input[name="free_places"]`)?.value === '7', CAP);
	const shown = (await ui.dataList(page, CAP))['Laatst bijgewerkt'];
	const day = new Date(after.capacity_updated_at).toLocaleDateString(
	    'nl-NL', { day: 'numeric', timeZone: 'Europe/Amsterdam' });
	assert.match(shown, new RegExp(`\\b${day}\\b`));
	assert.match(shown, /demo-provider/);
	await ui.accessible(page, 'offer saved (nl)');
	ui.clean(problems);
});

test('the fitting providers table of a need', async (t) => {
	// A case with a shelter need for a Romanian woman, through the API,
	// and a need no provider in Amsterdam takes up for an adult.
	const api = await loginAs(server, 'demo-coordinator');
	const k = await api.post('/api/cases', { type: 'trafficking',
	    forms: ['sexual'], municipality: 'GM0363', source: 'police',
	    summary: 'Aangetroffen bij een controle.',
	    help_needs: ['SAFE-SHELTER', 'TRANS18'],
	    persons: [{ kind: 'victim', name: 'Ioana Pop', sex: 'female',
	    birth_date: '1998-03-04', languages: 'Roemeens' }] });
	assert.equal(k.status, 201, k.text);
	const c = (await api.get(`/api/cases/${k.body.id}`)).body;
	const shelter = c.needs.find((n) => n.need === 'SAFE-SHELTER').id;
	const none = c.needs.find((n) => n.need === 'TRANS18').id;

	const { page, problems } = await ui.loginAs(t, 'demo-coordinator');
	await page.evaluate(async ([id, nid, nid2]) => {
		const m = await import('/case-providers.js');
		const main = document.querySelector('main');
		main.append(await m.fittingProviders(id, nid));
		main.append(await m.fittingProviders(id, nid2));
	}, [k.body.id, shelter, none]);
	await page.waitForSelector('main .app-providers table');
	const labels = await page.$$eval(
	    'main .app-providers input[name="provider"]', (els) => els.map(
		(e) => [e.value, document.querySelector(
		    `label[for="${e.id}"]`).textContent]));
	// The demo provider's 7 places (the test above) put it before
	// Categorale Opvang West's 4; Blijf Groep is full.
	assert.deepEqual(labels.map(([, name]) => name), [
	    'Opvang De Haven (demo)', 'Categorale Opvang West (demo)',
	    'Blijf Groep Amsterdam (demo)']);
	assert.ok(labels.every(([v]) => /^[0-9]+$/.test(v)));
	const text = await page.textContent('main .app-providers table');
	assert.match(text, /bijgewerkt/);
	assert.match(text, /spreekt Roemeens/);
	assert.match(await page.textContent('main'),
	    /Geen passende aanbieder gevonden/);
	await page.check('main .app-providers input[name="provider"]');
	await ui.accessible(page, 'fitting providers (nl)');
	ui.clean(problems);
});

// Placements on the case page, and the provider's page, in Chromium
// against a real schakel with demo data.  The demo coordinator records a
// closed youth care placement: first without the court's authorisation
// or an alternative, and the server's reasons appear at those fields;
// then complete, and the placement shows on the case with its
// authorisation.  The demo's emergency authorisation near its end shows
// its warning; the provider's page lists the placements at its own
// organisation.  axe-core finds nothing, in Dutch and English.  A CSP
// refusal or a script error fails the test.

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

const SECTION = 'section[aria-labelledby="case-placements"]';
const FORM = '#placement-form';

test('the coordinator records a closed placement on a case', async (t) => {
	const api = await apiLogin(server, 'demo-coordinator');
	const born = addDays(todayAms(), -15 * 365);
	const r = await api.post('/api/cases', { type: 'trafficking',
	    forms: ['sexual'], municipality: 'GM0363', source: 'police',
	    persons: [{ kind: 'victim', name: 'Fenna Smit',
	    birth_date: born }] });
	assert.equal(r.status, 201, r.text);
	const id = r.body.id;

	const { page, problems } = await ui.loginAs(t, 'demo-coordinator');
	await page.goto(`${server.url}/#/cases/${id}`);
	await ui.landedOn(page, `Casus ${id}`);
	await page.waitForSelector(`${SECTION} details summary`);
	assert.match(await page.textContent(SECTION),
	    /nog geen plaatsing vastgelegd/);
	await page.click(`${SECTION} details summary`);
	await page.waitForSelector(
	    `${FORM} select[name="provider_org_id"] option:nth-child(2)`,
	    { state: 'attached' });
	await page.selectOption(`${FORM} select[name="person_id"]`,
	    { label: 'Fenna Smit' });
	await page.selectOption(`${FORM} select[name="type"]`,
	    'closed_youth_care');
	assert.equal(await page.isVisible(`${FORM} .app-closed-care`), true);
	await page.selectOption(`${FORM} select[name="provider_org_id"]`,
	    { label: 'Jeugdhulp Noord (demo)' });
	await page.fill(`${FORM} input[name="from"]`, addDays(todayAms(), -2));
	await ui.accessible(page, 'the closed placement form (nl)');

	// Without the authorisation and an alternative: refused, the
	// reasons at the fields.
	await page.click(`${FORM} button[type="submit"]`);
	await page.waitForSelector(`${FORM} .app-field-error`);
	const invalid = await page.$$eval(`${FORM} [aria-invalid="true"]`,
	    (els) => els.map((e) => e.name));
	for (const name of ['authorisation_kind', 'decided_on', 'valid_from',
	    'valid_until'])
		assert.ok(invalid.includes(name), `${name} in ${invalid}`);
	assert.match(await page.textContent(
	    `${FORM} fieldset[data-field="alternatives"]`), /Vul dit veld in/);
	await ui.accessible(page, 'the refused form (nl)');

	// Complete: recorded and shown on the case.
	await page.selectOption(`${FORM} select[name="authorisation_kind"]`,
	    'authorisation');
	await page.fill(`${FORM} input[name="decided_on"]`,
	    addDays(todayAms(), -3));
	await page.fill(`${FORM} input[name="valid_from"]`,
	    addDays(todayAms(), -2));
	await page.fill(`${FORM} input[name="valid_until"]`,
	    addDays(todayAms(), 180));
	await page.selectOption(`${FORM} select[name="alternatives[0].code"]`,
	    'foster_care');
	await page.fill(`${FORM} textarea[name="alternatives[0].why"]`,
	    'Geen pleeggezin kon haar beschermen (test).');
	await page.click(`${FORM} button.utrecht-button--secondary-action`);
	await page.selectOption(`${FORM} select[name="alternatives[1].code"]`,
	    'intensive_ambulant');
	await page.fill(`${FORM} textarea[name="alternatives[1].why"]`,
	    'Thuis was niet veilig (test).');
	await page.click(`${FORM} button[type="submit"]`);
	await page.waitForSelector(`${SECTION} article.app-placement`);
	const text = await page.textContent(SECTION);
	assert.match(text, /Gesloten jeugdhulp — Fenna Smit/);
	assert.match(text, /Machtiging gesloten jeugdhulp/);
	assert.match(text, /Geen pleeggezin kon haar beschermen \(test\)\./);
	assert.match(text, /Intensieve ambulante hulp/);
	assert.match(text, /Loopt/);
	const p = await ui.apiJson(page, `/api/cases/${id}/placements`);
	assert.equal(p.placements.length, 1);
	assert.equal(p.placements[0].alternatives.length, 2);
	await ui.accessible(page, 'the case with its placement (nl)');
	await ui.switchLang(page, 'en');
	assert.match(await page.textContent(SECTION), /Closed youth care/);
	await ui.accessible(page, 'the case with its placement (en)');
	await ui.switchLang(page, 'nl');
	ui.clean(problems);
});

test('the demo emergency authorisation warns; the provider sees its ' +
    'placements', async (t) => {
	const api = await apiLogin(server, 'demo-coordinator');
	const cases = (await api.get('/api/cases')).body.cases;
	let found = null;
	for (const c of cases) {
		const p = (await api.get(`/api/cases/${c.id}/placements`)).body;
		if ((p.placements ?? []).some((x) => x.authorisations?.some(
		    (a) => a.kind === 'emergency'))) {
			found = c.id;
			break;
		}
	}
	assert.ok(found, 'the demo has an emergency authorisation');
	const { page, problems } = await ui.loginAs(t, 'demo-coordinator');
	await page.goto(`${server.url}/#/cases/${found}`);
	await ui.landedOn(page, `Casus ${found}`);
	await page.waitForSelector(`${SECTION} .utrecht-alert--warning`);
	assert.match(await page.textContent(SECTION),
	    /De machtiging loopt af op/);
	ui.clean(problems);

	const prov = await ui.loginAs(t, 'demo-provider');
	await prov.page.click('nav a[href="#/placements"]');
	await ui.landedOn(prov.page, 'Plaatsingen');
	await prov.page.waitForSelector('main table');
	const list = await prov.page.textContent('main table');
	assert.match(list, /Categorale opvang/);
	assert.match(list, /Vrouwenopvang/);
	assert.doesNotMatch(list, /Amina/);
	await ui.accessible(prov.page, 'the provider\'s placements (nl)');
	ui.clean(prov.problems);
});

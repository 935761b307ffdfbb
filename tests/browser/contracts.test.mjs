// Care contracts and the gap report in Chromium against a real schakel
// with demo data: the demo policy user registers a contract, opens the
// gap report of the region, finds the contract's capacity there and a
// CSV link that downloads the same report; axe-core finds nothing on
// either page.  A CSP refusal or a script error fails the test.

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

// The places bought of a care type in the gap report on screen (the
// sixth column of its row; the first is the care type).
async function placesOf(page, label) {
	await page.waitForSelector('table[aria-labelledby="gap-h"]');
	const cells = await page.locator('table[aria-labelledby="gap-h"] ' +
	    `tr:has-text("${label}") td`).allTextContents();
	return Number(cells[5]);
}

test('a policy user registers a contract and reads the gap report',
    async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-policy');
	// The demo has contracts of its own: what the region has bought.
	await page.goto(`${server.url}/#/gap`);
	await ui.landedOn(page, 'Tekortrapportage');
	const before = await placesOf(page, 'Veilige opvang');
	assert.ok(Number.isInteger(before), 'places are a whole number');
	await page.goto(`${server.url}/#/contracts`);
	await ui.landedOn(page, 'Zorgcontracten');
	const form = 'form[aria-labelledby="contract-new-h"]';
	await page.waitForSelector(`${form} select[name="provider_org"] ` +
	    'option:nth-child(2)', { state: 'attached' });
	await ui.accessible(page, 'the contracts page');
	// Empty: the form names what is missing.
	await page.click(`${form} button[type="submit"]`);
	await page.waitForSelector(`${form} .app-field-error`);
	await page.selectOption(`${form} select[name="region_id"]`,
	    { index: 1 });
	await page.selectOption(`${form} select[name="provider_org"]`,
	    { index: 1 });
	await page.selectOption(`${form} select[name="care_type"]`,
	    'SAFE-SHELTER');
	await page.fill(`${form} input[name="capacity"]`, '17');
	await page.fill(`${form} input[name="from"]`, '2020-01-01');
	await page.fill(`${form} input[name="to"]`, '2030-12-31');
	await page.click(`${form} button[type="submit"]`);
	await page.waitForSelector('table:has-text("17 plaatsen")');
	await ui.accessible(page, 'the contracts page with a contract');

	await page.goto(`${server.url}/#/gap`);
	await ui.landedOn(page, 'Tekortrapportage');
	assert.equal(await placesOf(page, 'Veilige opvang'), before + 17,
	    'the new contract\'s places are counted in the report');
	await ui.accessible(page, 'the gap report');
	const href = await page.getAttribute('a.app-gap-csv', 'href');
	assert.match(href, /^\/api\/gap\.csv\?region=\d+&year=\d+/);
	const csv = await page.evaluate((p) => fetch(p,
	    { credentials: 'same-origin' }).then((r) => r.text()), href);
	// (fetch drops the byte order mark the file starts with.)
	assert.match(csv, /^\uFEFF?zorgsoort,omschrijving,hulpvragen/);
	assert.match(csv, /SAFE-SHELTER/);
	ui.clean(problems);
});

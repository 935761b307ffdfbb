// The local insight dashboard (#/insight) in Chromium against a real
// schakel with demo data.  The demo's signals and cases are moved into
// the second quarter of last year (a closed quarter) first.  The demo
// policy user opens the dashboard from the menu, switches year and area
// (the URL follows, a reload keeps the view), sees charts beside tables
// whose cells never hold a count from 1 to 9, is told plainly that
// Amsterdam alone is too small for a table and follows the link to the
// region, downloads a CSV and prints the page as a report.  axe-core
// finds nothing, in Dutch and English, at 1280 and 390 pixels wide.  The
// rapporteur may pick every province.  A CSP refusal or a script error
// fails the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { launch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { uiFor } from '../lib/ui.mjs';
import { sql } from '../lib/util.mjs';

let server = null;
let browser = null;
const ui = uiFor(() => ({ server, browser }));
const year = new Date().getUTCFullYear() - 1;
const q2 = Math.floor(Date.UTC(year, 4, 15, 12) / 1000);

before(async () => {
	server = await startServer();
	await sql(server.dataDir, `UPDATE signal SET created_at = ${q2},` +
	    ` decided_at = CASE WHEN decided_at IS NULL THEN NULL ELSE` +
	    ` ${q2 + 3 * 86400} END;` +
	    ` UPDATE care_case SET created_at = ${q2 + 86400};` +
	    ` UPDATE case_person SET created_at = ${q2 + 86400};` +
	    ` UPDATE signal SET municipality = 'GM0014' WHERE id =` +
	    ` (SELECT MIN(id) FROM signal);`);
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

// The view the URL names.
function hashOf(page) {
	return new URLSearchParams(new URL(page.url()).hash
	    .replace(/^#\/insight\?/, ''));
}

async function waitLoaded(page) {
	await page.waitForSelector('main section.app-insight-table');
	await page.waitForFunction(() => !document.querySelector(
	    'main [aria-busy="true"]'));
}

// Every table cell with a number: 0, or 10 and more.
async function assertNoSmallCounts(page) {
	const cells = await page.$$eval('main table td',
	    (tds) => tds.map((td) => td.textContent.trim()));
	assert.ok(cells.length > 0, 'the page has table cells');
	for (const c of cells) {
		const digits = c.replace(/[.,\s]/g, '');
		if (/^[0-9]+$/.test(digits)) {
			const n = Number(digits);
			assert.ok(n === 0 || n >= 10, `a cell reads ${c}`);
		} else {
			assert.ok(/^<10|^afgeschermd$|^hidden$/.test(c),
			    `a cell reads ${c}`);
		}
	}
}

async function choose(page, level, area, y) {
	await page.selectOption('#insight-level', level);
	await page.selectOption('#insight-area', area);
	await page.selectOption('#insight-year', String(y));
	await page.click('form.app-insight-pick button[type="submit"]');
	await page.waitForFunction((want) => window.location.hash
	    .includes(want), `area=${encodeURIComponent(area)}&year=${y}`);
	await ui.landedOn(page, 'Inzicht');
	await waitLoaded(page);
}

test('a policy officer looks at Amsterdam, its region, and prints',
    async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-policy');
	assert.deepEqual(await ui.navLinks(page), ['Start', 'Inzicht',
	    'Zorgcontracten', 'Tekortrapportage', 'Dekking deskundigheid']);
	await page.click('nav a[href="#/insight"]');
	await ui.landedOn(page, 'Inzicht');
	await waitLoaded(page);
	let q = hashOf(page);
	assert.equal(q.get('level'), 'municipality');
	assert.equal(q.get('area'), 'GM0363');
	assert.match(await page.textContent('main'),
	    /van 1 tot en met 9 wordt nooit getoond/);

	// Last year: Amsterdam alone is too small for the signals by form;
	// the table says so and points to its region.
	await choose(page, 'municipality', 'GM0363', year);
	const form = 'section[aria-labelledby="insight-signals_form"]';
	assert.match(await page.textContent(form), /te klein voor Amsterdam/);
	assert.equal(await page.locator(`${form} table`).count(), 0);
	const link = page.locator(`${form} a[href^="#/insight?level=region"]`);
	await ui.accessible(page, 'the dashboard of Amsterdam (nl)');
	await link.click();
	await page.waitForFunction(() => window.location.hash
	    .includes('level=region'));
	await ui.landedOn(page, 'Inzicht');
	await waitLoaded(page);
	q = hashOf(page);
	const region = q.get('area');
	assert.equal(q.get('year'), String(year));

	// The region: chart and table side by side, no count from 1 to 9,
	// a tile grid of its municipalities.
	assert.equal(await page.locator(`${form} table caption`).count(), 1);
	assert.equal(await page.locator(`${form} th[scope="row"]`).count() > 1,
	    true);
	const chart = page.locator(`${form} .app-insight-figure img`);
	await chart.scrollIntoViewIfNeeded();
	await page.waitForFunction((sel) => {
		const img = document.querySelector(sel);
		return img?.complete && img.naturalWidth > 0;
	}, `${form} .app-insight-figure img`);
	assert.match(await chart.getAttribute('alt'), /^Staafdiagram: /);
	await assertNoSmallCounts(page);
	const trend = 'section[aria-labelledby="insight-trend"]';
	assert.equal(await page.locator(`${trend} thead th`).count(), 6);
	assert.match(await page.locator(`${trend} img`).getAttribute('alt'),
	    /^Lijndiagram: /);
	await page.waitForSelector('details[open] .app-insight-tiles img');
	assert.match(await page.locator('details[open] .app-insight-tiles img')
	    .getAttribute('alt'), /Amsterdam: /);

	// A reload shows the same view.
	await page.reload();
	await page.waitForSelector('#main-nav:not([hidden])');
	await waitLoaded(page);
	assert.equal(await page.inputValue('#insight-level'), 'region');
	assert.equal(await page.inputValue('#insight-area'), region);
	assert.equal(await page.inputValue('#insight-year'), String(year));
	await ui.accessible(page, 'the dashboard of a region (nl)');

	// The CSV of a table: the protected numbers, with a BOM.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator(`${form} a.app-insight-csv`).click(),
	]);
	assert.match(download.suggestedFilename(),
	    new RegExp(`^schakel-signals_form-region-${region}-${year}\\.csv$`));
	const csv = readFileSync(await download.path(), 'utf8');
	assert.ok(csv.startsWith('\uFEFFkey,label,K1,K2,K3,K4,' + year),
	    csv.slice(0, 40));

	// In English, then on a phone.
	await ui.switchLang(page, 'en');
	await page.waitForFunction(() => /Every number here is protected/
	    .test(document.querySelector('main').textContent));
	await waitLoaded(page);
	assert.match(await page.locator(`${form} .app-insight-figure img`)
	    .getAttribute('alt'), /^Bar chart: /);
	await assertNoSmallCounts(page);
	await ui.accessible(page, 'the dashboard of a region (en)');
	await page.setViewportSize({ width: 390, height: 844 });
	await ui.accessible(page, 'the dashboard at 390 px (en)');
	await ui.switchLang(page, 'nl');
	await waitLoaded(page);
	await ui.accessible(page, 'the dashboard at 390 px (nl)');
	await page.setViewportSize({ width: 1280, height: 900 });

	// Printed: no menu and no buttons, the charts and tables kept.
	await page.emulateMedia({ media: 'print' });
	assert.equal(await page.isVisible('#main-nav'), false);
	assert.equal(await page.isVisible('main button'), false);
	assert.equal(await page.isVisible('form.app-insight-pick'), false);
	assert.equal(await page.isVisible(`${form} table`), true);
	assert.equal(await page.isVisible(`${form} .app-insight-figure img`),
	    true);
	await page.emulateMedia({ media: 'screen' });
	ui.clean(problems);
});

test('the rapporteur may pick every province; a small municipality',
    async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-rapporteur');
	assert.deepEqual(await ui.navLinks(page), ['Start', 'Inzicht',
	    'Zorgcontracten', 'Tekortrapportage', 'Dekking deskundigheid']);
	await page.goto(`${server.url}/#/insight`);
	await waitLoaded(page);
	assert.equal(hashOf(page).get('level'), 'country');
	await page.selectOption('#insight-level', 'province');
	const provinces = await page.$$eval('#insight-area option',
	    (os) => os.map((o) => o.textContent));
	assert.equal(provinces.length, 12, provinces.join(', '));
	assert.ok(provinces.includes('Groningen'));
	assert.ok(provinces.includes('Limburg'));

	// Groningen's municipality with one signal: too small, and a link
	// to where the numbers are safe.
	await choose(page, 'municipality', 'GM0014', year);
	const form = 'section[aria-labelledby="insight-signals_form"]';
	assert.match(await page.textContent(form), /te klein voor/);
	assert.equal(await page.locator(`${form} a[href^="#/insight?"]`)
	    .count(), 1);
	await assertNoSmallCounts(page);
	await ui.accessible(page, 'a small municipality (nl)');
	ui.clean(problems);
});

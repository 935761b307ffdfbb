// The regions page in Chromium against a real schakel with demo data: an
// admin opens it from the menu with the keyboard and sees the three demo
// regions; an empty form names its missing fields and sends nothing; a
// youth region with two municipalities from two provinces and one
// organisation is added with the keyboard only, shows up in the list
// with "2" and is there in the API.  Server field errors land beside
// their fields: a name in use beside the name, errors on
// municipalities[i] and orgs[i] beside their fieldsets.  Someone who is
// not an admin has no menu entry and lands on Start.  A region opened
// from the list shows the same form filled in (the type fixed); an admin
// unticks a municipality and an organisation, saves, and after a reload
// the region is so; an empty name is named in the error summary and
// changes nothing.  axe-core in Dutch and English, also with errors
// shown; a CSP refusal or a script error fails the test.

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

const DEMO_ROWS = [
	['Jeugdregio Amsterdam-Amstelland (demo)', 'Jeugdregio', '5'],
	['Jeugdregio Rijnmond (demo)', 'Jeugdregio', '5'],
	['Veilig Thuis Amsterdam-Amstelland (demo)', 'Veilig Thuis-regio',
	    '5'],
	['Veilig Thuis Rotterdam-Rijnmond (demo)', 'Veilig Thuis-regio', '5'],
	['Zorgcoördinatie Amsterdam (demo)',
	    'Zorgcoördinatieregio mensenhandel', '5'],
	['Zorgcoördinatie Rotterdam (demo)',
	    'Zorgcoördinatieregio mensenhandel', '5'],
];

const PROVINCES = ['Drenthe', 'Flevoland', 'Fryslân', 'Gelderland',
    'Groningen', 'Limburg', 'Noord-Brabant', 'Noord-Holland', 'Overijssel',
    'Utrecht', 'Zeeland', 'Zuid-Holland'];

const MUNIS = 'fieldset[data-field="municipalities"]';
const ORGS = 'fieldset[data-field="orgs"]';

// The rows of the regions table as arrays of cell texts.
const rows = (page) => page.$$eval('#regions-list ~ .app-list tbody tr',
    (trs) => trs.map((tr) => [...tr.cells].map((c) =>
	c.textContent.trim())));

const text = async (page, sel) => (await page.textContent(sel)).trim();

// Opens the regions page as an admin and waits until the form can be
// used: the list, the provinces and the organisations are there.
async function openRegions(t) {
	const { page, problems } = await ui.loginAs(t, 'demo-admin');
	await ui.landedOn(page, 'Start');
	await ui.tabTo(page, 'nav a[href="#/regions"]');
	await page.keyboard.press('Enter');
	await ui.landedOn(page, 'Regio\'s');
	await page.waitForSelector('#regions-list ~ .app-list tbody tr');
	await page.waitForSelector(`${MUNIS} details[data-province]`);
	await page.waitForSelector(`${ORGS} input[name="orgs"]`);
	return { page, problems };
}

// Counts the POSTs to /api/regions and keeps their bodies.
function watchPosts(page) {
	const sent = [];
	page.on('request', (r) => {
		if (r.method() === 'POST' &&
		    new URL(r.url()).pathname === '/api/regions')
			sent.push(r.postDataJSON());
	});
	return sent;
}

test('an admin adds a region with the keyboard only', async (t) => {
	const { page, problems } = await openRegions(t);
	const sent = watchPosts(page);
	assert.equal(await page.getAttribute('nav a[aria-current="page"]',
	    'href'), '#/regions');
	assert.match(await text(page, 'main'), new RegExp('Een Veilig ' +
	    'Thuis-regio bepaalt welk advies- en meldpunt een signaal'));
	assert.deepEqual(await rows(page), DEMO_ROWS);
	const { regions } = await ui.apiJson(page, '/api/regions');
	assert.equal(regions.length, 6);

	// Twelve closed provinces, nothing chosen yet.
	assert.deepEqual(await page.$$eval(`${MUNIS} details`, (ds) =>
	    ds.map((d) => d.getAttribute('data-province'))), PROVINCES);
	assert.equal(await page.locator(`${MUNIS} details[open]`).count(), 0);
	assert.equal(await page.locator(`${MUNIS} input[type="checkbox"]`)
	    .count(), 342);
	assert.equal(await text(page, `${MUNIS} .app-count[aria-live]`),
	    '0 gemeenten gekozen');
	assert.equal(await text(page, `${MUNIS} details[data-province=` +
	    '"Utrecht"] summary'), 'Utrecht 0 van 26 gekozen');
	assert.deepEqual(await page.$$eval('select[name="type"] option',
	    (os) => os.map((o) => o.textContent)), ['Kies een soort',
	    'Veilig Thuis-regio', 'Zorgcoördinatieregio mensenhandel',
	    'Jeugdregio', 'Veiligheidsregio']);
	await ui.accessible(page, 'regions (nl)');
	await ui.switchLang(page, 'en');
	assert.equal(await text(page, '#page-title'), 'Regions');
	assert.deepEqual((await rows(page))[0],
	    [DEMO_ROWS[0][0], 'Youth care region', '5']);
	await ui.accessible(page, 'regions (en)');
	await ui.switchLang(page, 'nl');

	// An empty form: every missing field is named, nothing is sent.
	await ui.tabTo(page, 'form button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForSelector('input[name="name"][aria-invalid="true"]');
	assert.ok(await ui.focusedMatches(page, 'input[name="name"]'),
	    'focus is on the first missing field');
	assert.equal(await page.getAttribute('select[name="type"]',
	    'aria-invalid'), 'true');
	assert.match(await text(page, 'main .app-alerts [role="alert"]'),
	    /Controleer deze velden/);
	const muniError = await page.getAttribute(MUNIS, 'aria-describedby');
	assert.match(muniError, /-error\b/);
	assert.equal(await text(page, `#${muniError.split(' ')[0]}`),
	    'Kies ten minste één gemeente.');
	assert.equal(await page.locator(`${ORGS} .app-field-error`).count(), 0,
	    'the organisations are optional');
	assert.equal(sent.length, 0, 'nothing is sent');
	await ui.accessible(page, 'regions with errors (nl)');
	await ui.switchLang(page, 'en');
	assert.equal(await text(page, `#${muniError.split(' ')[0]}`),
	    'Choose at least one municipality.');
	await ui.accessible(page, 'regions with errors (en)');
	await ui.switchLang(page, 'nl');

	// Name, type, two municipalities from two provinces and one
	// organisation, with Tab, typing, Enter and Space.  The language
	// switch took focus, so the name is reached with Tab.
	await ui.tabTo(page, 'input[name="name"]');
	await page.keyboard.type('Jeugdregio Test');
	await page.keyboard.press('Tab');
	assert.ok(await ui.focusedMatches(page, 'select[name="type"]'));
	await page.keyboard.type('Jeugd', { delay: 30 });
	assert.equal(await page.inputValue('select[name="type"]'), 'youth');

	await ui.tabTo(page, `${MUNIS} details[data-province="Noord-Holland"]` +
	    ' > summary');
	await page.keyboard.press('Enter');
	await ui.tabTo(page, `${MUNIS} input[value="GM0363"]`);
	await page.keyboard.press('Space');
	assert.equal(await text(page, `${MUNIS} .app-count[aria-live]`),
	    '1 gemeente gekozen');
	assert.equal(await text(page, `${MUNIS} details[data-province=` +
	    '"Noord-Holland"] summary'), 'Noord-Holland 1 van 44 gekozen');
	await ui.tabTo(page, `${MUNIS} details[data-province="Utrecht"]` +
	    ' > summary');
	await page.keyboard.press('Enter');
	await ui.tabTo(page, `${MUNIS} input[value="GM0344"]`);
	await page.keyboard.press('Space');
	assert.equal(await text(page, `${MUNIS} .app-count[aria-live]`),
	    '2 gemeenten gekozen');

	const { orgs } = await ui.apiJson(page, '/api/orgs');
	const youth = orgs.find((o) => o.name === 'Jeugdhulp Noord (demo)');
	assert.ok(youth, 'the demo has a youth care provider');
	await ui.tabTo(page, `${ORGS} input[value="${youth.id}"]`);
	await page.keyboard.press('Space');
	await ui.tabTo(page, 'form button[type="submit"]');
	await page.keyboard.press('Enter');

	await page.waitForFunction(() => /Regio Jeugdregio Test is toegevoegd/
	    .test(document.querySelector('main .app-status')?.textContent ??
		''));
	await page.waitForFunction(() => document.querySelectorAll(
	    '#regions-list ~ .app-list tbody tr').length === 7);
	assert.ok(await ui.focusedMatches(page, '#regions-list'),
	    'focus is on the list heading');
	// Sorted by type, then name: among the demo's youth regions.
	assert.deepEqual(await rows(page), [DEMO_ROWS[0], DEMO_ROWS[1],
		['Jeugdregio Test', 'Jeugdregio', '2'], ...DEMO_ROWS.slice(2)]);
	assert.deepEqual(sent, [{ name: 'Jeugdregio Test', type: 'youth',
	    municipalities: ['GM0363', 'GM0344'], orgs: [String(youth.id)] }]);
	const added = (await ui.apiJson(page, '/api/regions')).regions
	    .find((r) => r.name === 'Jeugdregio Test');
	assert.deepEqual({ type: added?.type, n: added?.municipalities },
	    { type: 'youth', n: 2 });

	// The form is empty again.
	assert.equal(await page.inputValue('input[name="name"]'), '');
	assert.equal(await page.inputValue('select[name="type"]'), '');
	assert.equal(await page.locator('form input:checked').count(), 0);
	assert.equal(await page.locator(`${MUNIS} details[open]`).count(), 0);
	assert.equal(await text(page, `${MUNIS} .app-count[aria-live]`),
	    '0 gemeenten gekozen');
	assert.equal(await page.locator('form [aria-invalid]').count(), 0);
	await ui.accessible(page, 'regions after adding one (nl)');
	ui.clean(problems);
});

test('server field errors land beside their fields', async (t) => {
	const { page, problems } = await openRegions(t);
	const sent = watchPosts(page);
	const before = (await ui.apiJson(page, '/api/regions')).regions;

	// A name in use: the server says so on "name".
	await page.fill('input[name="name"]', DEMO_ROWS[1][0]);
	await page.selectOption('select[name="type"]', 'veilig_thuis');
	await page.click(`${MUNIS} details[data-province="Zuid-Holland"] ` +
	    'summary');
	await page.check(`${MUNIS} input[value="GM0599"]`);
	await page.click('form button[type="submit"]');
	await page.waitForSelector('input[name="name"][aria-invalid="true"]');
	assert.ok(await ui.focusedMatches(page, 'input[name="name"]'));
	assert.match(await text(page, '.utrecht-form-field--invalid'),
	    /Deze naam is al in gebruik/);
	assert.equal(sent.length, 1);
	assert.deepEqual((await ui.apiJson(page, '/api/regions')).regions,
	    before, 'nothing was added');
	await ui.accessible(page, 'regions with a name in use (nl)');

	// Errors on list items go to their fieldset, once per fieldset.  The
	// UI cannot send a duplicate or an unknown code, so the answer is
	// made here.
	await page.route('**/api/regions', (route) => route.request()
	    .method() === 'POST' ? route.fulfill({ status: 400,
		contentType: 'application/json',
		body: JSON.stringify({ error: { code: 'invalid',
		    message: 'invalid input', fields: [
			{ field: 'municipalities[0]',
			    reason: 'is not a known municipality code' },
			{ field: 'municipalities[3]',
			    reason: 'is not a known municipality code' },
			{ field: 'orgs[0]',
			    reason: 'is not a known organisation' },
		    ] } }) }) : route.continue());
	await page.fill('input[name="name"]', 'Nieuwe regio');
	await page.click('form button[type="submit"]');
	await page.waitForSelector(`${ORGS}.utrecht-form-fieldset--invalid`);
	assert.equal(await page.getAttribute('input[name="name"]',
	    'aria-invalid'), null, 'the old error is gone');
	const errs = page.locator(`${MUNIS} > .app-field-error`);
	assert.equal(await errs.count(), 1, 'one message for the fieldset');
	assert.equal((await errs.textContent()).trim(),
	    'Deze waarde bestaat niet.');
	assert.match(await page.getAttribute(MUNIS, 'aria-describedby'),
	    new RegExp(`^${await errs.getAttribute('id')} `));
	assert.equal((await text(page, `${ORGS} > .app-field-error`)),
	    'Deze waarde bestaat niet.');
	assert.ok(await ui.focusedMatches(page, `${MUNIS} summary`),
	    'focus is in the municipalities');
	await ui.accessible(page, 'regions with list errors (nl)');
	await ui.switchLang(page, 'en');
	assert.equal((await errs.textContent()).trim(),
	    'This value does not exist.');
	await ui.accessible(page, 'regions with list errors (en)');
	ui.clean(problems);
});

test('someone who is not an admin has no regions page', async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-advisor');
	await ui.landedOn(page, 'Start');
	assert.ok(!(await ui.navLinks(page)).includes('Regio\'s'));
	assert.equal(await page.locator('nav a[href="#/regions"]').count(), 0);
	await page.evaluate(() => {
		window.location.hash = '#/regions';
	});
	await page.waitForFunction(() => window.location.hash === '#/start');
	await ui.landedOn(page, 'Start');
	assert.equal(await page.locator('#regions-list').count(), 0);
	ui.clean(problems);
});

// The region the change tests work on, as the API has it.
const EDITED = 'Jeugdregio Rijnmond (demo)';

// Opens a region from the list and waits until its form is filled in.
async function openRegion(t, name) {
	const { page, problems } = await openRegions(t);
	const { regions } = await ui.apiJson(page, '/api/regions');
	const id = regions.find((r) => r.name === name)?.id;
	assert.ok(id, `no region ${name}`);
	const was = await ui.apiJson(page, `/api/regions/${id}`);
	await ui.tabTo(page, `#regions-list ~ .app-list a[href="#/regions/${id}"]`);
	assert.equal(await text(page, '#regions-list ~ .app-list ' +
	    `a[href="#/regions/${id}"]`), name);
	await page.keyboard.press('Enter');
	await ui.landedOn(page, 'Regio wijzigen');
	await page.waitForFunction(() => document.querySelector(
	    'main form input[name="name"]')?.value !== '');
	return { page, problems, id, was };
}

// What the form shows: the name, the ticked codes and organisation ids,
// the open provinces.
const shown = (page) => page.evaluate(() => {
	const f = document.querySelector('main form');
	const ticked = (n) => [...f.querySelectorAll(`input[name="${n}"]`)]
	    .filter((el) => el.checked).map((el) => el.value);
	return { name: f.elements.namedItem('name').value,
	    municipalities: ticked('municipalities').sort(),
	    orgs: ticked('orgs').sort(),
	    open: [...f.querySelectorAll('details[open]')].map((d) =>
		d.getAttribute('data-province')).sort() };
});

const expected = (g) => ({ name: g.name,
    municipalities: g.municipalities.map((m) => m.code).sort(),
    orgs: g.orgs.map((o) => String(o.id)).sort(),
    open: [...new Set(g.municipalities.map((m) => m.province))].sort() });

// Counts the POSTs to /api/regions/{id} and keeps their bodies.
function watchUpdates(page, id) {
	const sent = [];
	page.on('request', (r) => {
		if (r.method() === 'POST' && new URL(r.url()).pathname ===
		    `/api/regions/${id}`)
			sent.push(r.postDataJSON());
	});
	return sent;
}

test('an admin changes a region from the list', async (t) => {
	const { page, problems, id, was } = await openRegion(t, EDITED);
	const sent = watchUpdates(page, id);
	// The menu entry of the list is marked as the page's parent.
	assert.equal(await page.getAttribute('nav a[aria-current="true"]',
	    'href'), '#/regions');
	assert.deepEqual(await shown(page), expected(was));
	// The type is shown, not asked.
	assert.equal(await page.locator('main form select[name="type"]')
	    .count(), 0);
	assert.deepEqual(await ui.dataList(page, 'main form'),
	    { 'Soort regio': 'Jeugdregio' });
	assert.match(await text(page, 'main form'),
	    /De soort van een regio kan niet worden gewijzigd/);
	await ui.accessible(page, 'a region (nl)');
	await ui.switchLang(page, 'en');
	assert.equal(await text(page, '#page-title'), 'Change a region');
	await ui.accessible(page, 'a region (en)');
	await ui.switchLang(page, 'nl');

	// One municipality and one organisation off, with the keyboard.
	assert.ok(was.municipalities.length >= 2 && was.orgs.length >= 1,
	    'the region has something to take off');
	const gone = was.municipalities[0];
	const org = was.orgs[0];
	await ui.tabTo(page, `${MUNIS} input[value="${gone.code}"]`);
	await page.keyboard.press('Space');
	await ui.tabTo(page, `${ORGS} input[value="${org.id}"]`);
	await page.keyboard.press('Space');
	await ui.tabTo(page, 'form button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => /is gewijzigd/.test(
	    document.querySelector('main .app-status')?.textContent ?? ''));
	assert.match(await text(page, 'main .app-status'),
	    new RegExp(`Regio ${EDITED.replace(/[()]/g, '\\$&')} is ` +
	    'gewijzigd'));
	const want = { ...was,
	    municipalities: was.municipalities.slice(1),
	    orgs: was.orgs.slice(1) };
	assert.equal(sent.length, 1);
	assert.deepEqual(sent[0], { name: was.name,
	    municipalities: want.municipalities.map((m) => m.code),
	    orgs: want.orgs.map((o) => String(o.id)) });
	assert.deepEqual(await ui.apiJson(page, `/api/regions/${id}`), want);

	// After a reload the form shows the region as it is now.
	await page.reload();
	await page.waitForFunction(() => document.querySelector('#page-title')
	    ?.textContent.trim() === 'Regio wijzigen');
	await page.waitForFunction(() => document.querySelector(
	    'main form input[name="name"]')?.value !== '');
	assert.deepEqual(await shown(page), expected(want));
	await ui.accessible(page, 'a changed region (nl)');

	// The back link leads to the list, with the new count.
	await page.click('main a[href="#/regions"]');
	await ui.landedOn(page, 'Regio\'s');
	await page.waitForSelector('#regions-list ~ .app-list tbody tr');
	const row = (await rows(page)).find((r) => r[0] === EDITED);
	assert.equal(row[2], String(want.municipalities.length));
	ui.clean(problems);
});

test('an empty name is named in the summary and nothing changes',
    async (t) => {
	const { page, problems, id, was } = await openRegion(t, EDITED);
	const sent = watchUpdates(page, id);
	await page.fill('main form input[name="name"]', '');
	await page.click('form button[type="submit"]');
	await page.waitForSelector('input[name="name"][aria-invalid="true"]');
	assert.ok(await ui.focusedMatches(page, 'input[name="name"]'));
	assert.match(await text(page, 'main .app-alerts [role="alert"]'),
	    /Controleer deze velden/);
	assert.match(await text(page, 'main .app-alerts [role="alert"]'),
	    /Naam/);
	assert.equal(sent.length, 0, 'nothing is sent');
	await ui.accessible(page, 'a region with errors (nl)');

	// The server's own answer lands in the summary too: a name in use.
	await page.fill('main form input[name="name"]',
	    'Veilig Thuis Amsterdam-Amstelland (demo)');
	await page.click('form button[type="submit"]');
	await page.waitForFunction(() => /Deze naam is al in gebruik/.test(
	    document.querySelector('main .app-alerts [role="alert"]')
		?.textContent ?? ''));
	assert.equal(await page.getAttribute('input[name="name"]',
	    'aria-invalid'), 'true');
	assert.equal(sent.length, 1);
	assert.deepEqual(await ui.apiJson(page, `/api/regions/${id}`), was,
	    'nothing changed');
	assert.equal(await text(page, 'main .app-status'), '');
	await ui.accessible(page, 'a region with a name in use (nl)');
	ui.clean(problems);
});

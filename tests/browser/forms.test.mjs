// Forms in Chromium against a real schakel with demo data: the error
// summary at the top of a form (one link per wrong field, a click moves
// focus to the field, an entry goes once its field is fixed, the summary
// goes when empty), server errors in it in Dutch, a field that reaches
// its maximum length says so, axe-core with the summary shown, at full
// width and at 390 px.  A CSP refusal or a script error fails the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launch, watch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { uiFor } from '../lib/ui.mjs';

let server = null;
let browser = null;
const { accessible, clean, focusedMatches } =
    uiFor(() => ({ server, browser }));

before(async () => {
	server = await startServer();
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

async function openAs(t, username, viewport) {
	const context = await browser.newContext({ locale: 'nl-NL',
	    viewport });
	context.setDefaultTimeout(10000);
	t.after(() => context.close());
	const page = await context.newPage();
	const problems = watch(page);
	await page.goto(`${server.url}/`);
	await page.waitForSelector('#login-username');
	await page.fill('#login-username', username);
	await page.fill('#login-password', server.users[username].password);
	await page.press('#login-password', 'Enter');
	await page.waitForSelector('#main-nav:not([hidden])');
	return { page, problems };
}

// The report form, once its lists have come from the server.
async function reportForm(page) {
	await page.evaluate(() => { window.location.hash = '#/signals/new'; });
	await page.waitForFunction(() => {
		const s = document.querySelector('select[name="municipality"]');
		return s !== null && s.options.length > 300 &&
		    document.querySelector('input[name="indicators"]') !== null;
	});
}

// The summary's links as [{href, text}].
const summaryLinks = (page) => page.evaluate(() => [...document
    .querySelectorAll('.app-error-summary li a')].map((a) => ({
	href: a.getAttribute('href'), text: a.textContent.trim() })));

// The id of the control named name.
const idOf = (page, name) => page.evaluate((n) =>
    document.querySelector(`[name="${n}"]`).id, name);

async function summaryWorks(t, viewport, what) {
	const { page, problems } = await openAs(t, 'demo-reporter', viewport);
	await reportForm(page);

	// Nothing filled in: the client's checks fill the summary.
	await page.click('form button[type="submit"]');
	await page.waitForSelector('.app-error-summary');
	const summary = page.locator('.app-error-summary');
	assert.equal(await summary.getAttribute('role'), 'alert');
	assert.equal((await summary.locator('h2').textContent()).trim(),
	    'Controleer deze velden');
	const muni = await idOf(page, 'municipality');
	const desc = await idOf(page, 'description');
	let links = await summaryLinks(page);
	assert.equal(links.length, 3, JSON.stringify(links));
	assert.equal(links[0].href, `#${muni}`);
	assert.match(links[0].text, /^Gemeente.*: Maak een keuze/);
	assert.ok(links.some((l) => l.href === `#${desc}`));
	assert.ok(await focusedMatches(page, 'select[name="municipality"]'),
	    'focus on the first wrong field');
	await accessible(page, `the error summary (${what}, nl)`);

	// A link moves focus to its field.
	await page.click(`.app-error-summary a[href="#${desc}"]`);
	assert.ok(await focusedMatches(page, 'textarea[name="description"]'));
	assert.equal(new URL(page.url()).hash, '#/signals/new',
	    'the route stays');

	// Fixing a field takes its entry out; the rest stays.
	await page.selectOption('select[name="municipality"]', 'GM0363');
	links = await summaryLinks(page);
	assert.equal(links.length, 2);
	assert.ok(!links.some((l) => l.href === `#${muni}`));
	assert.equal(await page.getAttribute('select[name="municipality"]',
	    'aria-invalid'), null);

	// One indicator or a description will do: ticking one takes both
	// entries, and the empty summary goes.
	const list = page.locator('fieldset[data-field="indicators"]');
	await list.locator('summary').first().click();
	await list.locator('input[name="indicators"]:visible').first().check();
	await page.waitForSelector('.app-error-summary', { state: 'detached' });
	assert.equal(await page.locator('.app-field-error').count(), 0);

	// The server's errors land in the summary too, in Dutch.
	await page.click('button:text("Mogelijke uitbuiter toevoegen")');
	const suspect = page.locator('fieldset.app-person').nth(1);
	const idInput = suspect.locator('input[name$=".id_number"]');
	await idInput.fill('123');
	await page.click('form button[type="submit"]');
	await page.waitForSelector('.app-error-summary');
	links = await summaryLinks(page);
	assert.equal(links.length, 1, JSON.stringify(links));
	assert.match(links[0].text, /geldig BSN/);
	assert.equal(links[0].href, `#${await idInput.getAttribute('id')}`);
	await accessible(page, `a server error in the summary (${what})`);
	await page.click('#lang-switch');
	await page.waitForFunction(() => document.documentElement.lang === 'en');
	assert.equal((await summary.locator('h2').textContent()).trim(),
	    'Please check these fields');
	assert.match((await summaryLinks(page))[0].text, /valid BSN/);
	await accessible(page, `a server error in the summary (${what}, en)`);
	await page.click('#lang-switch');
	await page.waitForFunction(() => document.documentElement.lang === 'nl');
	await idInput.fill('');
	await page.waitForSelector('.app-error-summary', { state: 'detached' });

	// A field at its maximum length says so, and stops saying so.
	const nameInput = suspect.locator('input[name$=".name"]');
	await nameInput.fill('x'.repeat(200));
	const noteId = `${await nameInput.getAttribute('id')}-limit`;
	await page.waitForSelector(`#${noteId}`);
	assert.match(await page.textContent(`#${noteId}`),
	    /Maximaal 200 tekens bereikt/);
	assert.match(await nameInput.getAttribute('aria-describedby'),
	    new RegExp(noteId));
	await nameInput.fill('Jan');
	await page.waitForSelector(`#${noteId}`, { state: 'detached' });
	clean(problems);
}

test('the error summary lists, links and forgets wrong fields', (t) =>
    summaryWorks(t, { width: 1280, height: 800 }, 'wide'));

test('the error summary at 390 px', (t) =>
    summaryWorks(t, { width: 390, height: 844 }, 'phone'));

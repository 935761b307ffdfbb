// The advisor's queue views in Chromium against a real schakel with demo
// data: each count on the start page's overview opens the view of the
// queue with exactly that many signals, the view is in the address and
// survives a reload; a search and the next page are in the address too;
// the marks "nieuw" and "antwoord ontvangen" are words.  At desktop
// (1280 px) and phone (390 px) width, with axe-core on the queue page.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { uiFor } from '../lib/ui.mjs';
import { loginAs as apiLogin } from '../lib/util.mjs';

let server = null;
let browser = null;
const ui = uiFor(() => ({ server, browser }));

before(async () => {
	server = await startServer();
	browser = await launch();
	// Something in the views the demo may leave empty: one acute, one
	// asked about, one decided.
	const reporter = await apiLogin(server, 'demo-reporter');
	const advisor = await apiLogin(server, 'demo-advisor');
	const file = async (extra) => (await reporter.post('/api/signals', {
	    municipality: 'GM0362', urgency: 'days',
	    indicators: ['OM-1a-1'], ...extra })).body.id;
	await file({ urgency: 'acute' });
	const asked = await file();
	await advisor.post(`/api/signals/${asked}/questions`,
	    { question: 'Sinds wanneer?' });
	const decided = await file();
	await advisor.post(`/api/signals/${decided}/claim`);
	await advisor.post(`/api/signals/${decided}/decision`,
	    { decision: 'advice_given', reason: 'Advies gegeven.' });
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

const hashOf = (page) => page.evaluate(() => window.location.hash);

// Waits for the queue's list to be loaded and returns the number of
// signals the page says it shows (its status line) and the rows shown.
async function shownCount(page) {
	await page.waitForSelector('main .app-queue:not([aria-busy])');
	const status = (await page.textContent('main [role="status"]'))
	    .trim();
	const m = /^(\d+) signa(len|al)/.exec(status);
	assert.ok(m, `a count in '${status}'`);
	const rows = await page.locator('main .app-queue tbody tr').count();
	return { total: Number(m[1]), rows };
}

async function everyCountOpensItsView(t, width) {
	const { page, problems } = await ui.loginAs(t, 'demo-advisor');
	await page.setViewportSize({ width, height: 900 });
	await ui.landedOn(page, 'Start');
	await page.waitForSelector('#point-overview a[href^="#/queue"]');
	const links = await page.locator(
	    '#point-overview a[href^="#/queue?view="]').evaluateAll((as) =>
	    as.map((a) => ({ href: a.getAttribute('href'),
	    text: a.textContent.trim() })));
	assert.equal(links.length, 8, JSON.stringify(links));
	const o = await ui.apiJson(page, '/api/signals/overview');
	for (const { href, text } of links) {
		const view = new URLSearchParams(href.split('?')[1])
		    .get('view');
		const n = Number(/^(\d+)/.exec(text)[1]);
		assert.equal(n, o.views[view], `the count of ${view}`);
		await page.goto(`${server.url}/#/start`);
		await page.waitForSelector(`#point-overview a[href="${href}"]`);
		await page.click(`#point-overview a[href="${href}"]`);
		await ui.landedOn(page, 'Triage');
		assert.equal(await hashOf(page), href);
		let shown = await shownCount(page);
		assert.equal(shown.total, n, `${view}: the total shown`);
		assert.equal(shown.rows, Math.min(n, 25), `${view}: the rows`);
		assert.equal(await page.getAttribute(
		    'nav.app-views a[aria-current="page"]', 'data-view'), view);
		// A reload keeps the view.
		await page.reload();
		await page.waitForSelector('#main-nav:not([hidden])');
		shown = await shownCount(page);
		assert.equal(await hashOf(page), href);
		assert.equal(shown.total, n, `${view} after a reload`);
		assert.equal(await page.getAttribute(
		    'nav.app-views a[aria-current="page"]', 'data-view'), view);
	}
	await ui.accessible(page, `the queue at ${width} px (nl)`);
	ui.clean(problems);
}

test('every overview count opens its view, at 1280 px', async (t) => {
	await everyCountOpensItsView(t, 1280);
});

test('every overview count opens its view, at 390 px', async (t) => {
	await everyCountOpensItsView(t, 390);
});

test('search and the next page live in the address', async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-advisor');
	const all = await ui.apiJson(page, '/api/signals/queue?per_page=100');
	assert.ok(all.total >= 3, 'enough signals for pages of 2');
	const id = all.signals[all.signals.length - 1].id;

	// Search by number, with the keyboard.
	await page.goto(`${server.url}/#/queue`);
	await ui.landedOn(page, 'Triage');
	await ui.tabTo(page, '#queue-q');
	await page.keyboard.type(` ${id} `);
	await page.keyboard.press('Enter');
	try {
		await page.waitForFunction((want) =>
		    window.location.hash === want, `#/queue?view=all&q=${id}`);
	} catch (e) {
		assert.fail(`the address is ${await hashOf(page)}`);
	}
	let shown = await shownCount(page);
	assert.deepEqual(shown, { total: 1, rows: 1 });
	assert.equal((await page.textContent('main .app-queue tbody tr ' +
	    'td:first-child a')).trim(), `Signaal ${id}`);
	assert.equal(await page.inputValue('#queue-q'), String(id));
	await page.reload();
	await page.waitForSelector('#main-nav:not([hidden])');
	assert.deepEqual(await shownCount(page), { total: 1, rows: 1 });
	assert.equal(await page.inputValue('#queue-q'), String(id));

	// Pages of two: the next page, "pagina 2 van N", and back.
	const pages = Math.ceil(all.total / 2);
	await page.goto(`${server.url}/#/queue?view=all&per_page=2`);
	await page.waitForSelector('#queue-pages');
	assert.match(await page.textContent('#queue-pages'),
	    new RegExp(`Pagina 1 van ${pages}`));
	const first = await page.locator('main .app-queue tbody tr ' +
	    'td:first-child a').allTextContents();
	await page.click('#queue-pages a[rel="next"]');
	await page.waitForFunction(() => /page=2/.test(window.location.hash));
	await page.waitForFunction((was) => {
		const a = document.querySelector('main .app-queue tbody tr ' +
		    'td:first-child a');
		return a !== null && a.textContent !== was;
	}, first[0]).catch(() => {});
	shown = await shownCount(page);
	assert.equal(shown.total, all.total);
	assert.equal(shown.rows, 2);
	assert.match(await page.textContent('#queue-pages'),
	    new RegExp(`Pagina 2 van ${pages}`));
	const second = await page.locator('main .app-queue tbody tr ' +
	    'td:first-child a').allTextContents();
	assert.deepEqual(second, all.signals.slice(2, 4).map((s) =>
	    `Signaal ${s.id}`));
	assert.ok(!second.some((x) => first.includes(x)), 'disjoint pages');
	await page.reload();
	await page.waitForSelector('#main-nav:not([hidden])');
	await page.waitForSelector('#queue-pages');
	assert.match(await page.textContent('#queue-pages'),
	    new RegExp(`Pagina 2 van ${pages}`));
	await ui.switchLang(page, 'en');
	assert.match(await page.textContent('#queue-pages'),
	    new RegExp(`Page 2 of ${pages}`));
	await ui.accessible(page, 'the queue, page 2 (en)');
	await ui.switchLang(page, 'nl');
	await page.click('#queue-pages a[rel="prev"]');
	await page.waitForFunction(() =>
	    !/[?&]page=/.test(window.location.hash));
	// The address changes before the first page has come back.
	await page.waitForFunction((want) => [...document.querySelectorAll(
	    'main .app-queue tbody tr td:first-child a')]
	    .map((a) => a.textContent).join('|') === want, first.join('|'))
	    .catch(() => {});
	assert.deepEqual(await page.locator('main .app-queue tbody tr ' +
	    'td:first-child a').allTextContents(), first);
	ui.clean(problems);
});

test('"nieuw" and "antwoord ontvangen" are words', async (t) => {
	const reporter = await apiLogin(server, 'demo-reporter');
	const advisor = await apiLogin(server, 'demo-advisor');
	const id = (await reporter.post('/api/signals', {
	    municipality: 'GM0362', indicators: ['OM-1a-1'] })).body.id;
	const { page, problems } = await ui.loginAs(t, 'demo-advisor');
	const row = async () => {
		await page.goto(`${server.url}/#/start`);
		await ui.landedOn(page, 'Start');
		await page.goto(`${server.url}/#/queue?q=${id}`);
		await page.waitForSelector('main .app-queue:not([aria-busy])');
		await page.waitForSelector('main .app-queue tbody tr');
		// What to notice stands under the status ('' if nothing).
		return page.$eval('main .app-queue tbody tr',
		    (tr) => tr.querySelector('.app-marks')?.textContent
			.trim() ?? '');
	};
	assert.equal(await row(), 'nieuw');
	// Opening the signal shows the reporter's work phone as a link.
	await page.click(`main a[href="#/queue/${id}"]`);
	await ui.landedOn(page, `Signaal ${id}`);
	assert.match(await page.getAttribute('main a[href^="tel:"]', 'href'),
	    /^tel:/);
	assert.doesNotMatch(await row(), /nieuw/);
	const q = await advisor.post(`/api/signals/${id}/questions`,
	    { question: 'Sinds wanneer?' });
	await new Promise((r) => setTimeout(r, 1100));
	await reporter.post(`/api/signals/${id}/questions/${q.body.id}/answer`,
	    { answer: 'Sinds de zomer.' });
	assert.equal(await row(), 'antwoord ontvangen');
	await ui.accessible(page, 'the queue with its marks (nl)');
	ui.clean(problems);
});

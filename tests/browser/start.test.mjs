// The start page in Chromium against a real schakel with demo data: the
// advisor sees the point's overview (the same numbers as the API) with
// the way to the queue, and narrows the queue to what is late, not taken
// up or theirs; someone who reports sees what waits for them (the
// point's questions, advice the point asks to report), and nothing when
// nothing does.  axe-core in Dutch and English; a CSP refusal or a
// script error fails the test.

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
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

test('the advisor sees the point overview on the start page', async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-advisor');
	await ui.landedOn(page, 'Start');
	await page.waitForSelector('#point-overview');
	const o = await ui.apiJson(page, '/api/signals/overview');
	const shown = await ui.dataList(page, '#point-overview');
	const n = (count) => count === 1 ? '1 signaal' : `${count} signalen`;
	assert.equal(shown['Wachten op oppakken'], n(o.received));
	assert.equal(shown['In triage'], n(o.in_triage));
	assert.equal(shown['Over de termijn'], n(o.overdue));
	assert.equal(shown['Acuut gevaar, nog niet besloten'], n(o.acute));
	// The demo has old signals nobody took up: late ones are named at
	// the top, with the way to the queue.
	assert.ok(o.overdue > 0, 'the demo has overdue signals');
	assert.match(await page.textContent('.app-overdue-note'),
	    new RegExp(`^${o.overdue} signalen zijn over hun termijn\\.`));
	await ui.accessible(page, 'start with overview (nl)');
	await ui.switchLang(page, 'en');
	assert.equal((await ui.dataList(page, '#point-overview'))['In triage'],
	    o.in_triage === 1 ? '1 signal' : `${o.in_triage} signals`);
	await ui.accessible(page, 'start with overview (en)');
	await ui.switchLang(page, 'nl');
	await ui.tabTo(page, '.app-overdue-note a');
	await page.keyboard.press('Enter');
	await ui.landedOn(page, 'Triage');
	ui.clean(problems);
});

test('the reporter sees what waits for them', async (t) => {
	// The demo has one answered question the point asks to report, and
	// questions of the point on some of the reporter's signals.
	const reporter = await apiLogin(server, 'demo-reporter');
	const advisor = await apiLogin(server, 'demo-advisor');
	const asked = (await reporter.get('/api/signals/mine')).body.waiting;
	assert.ok(asked.length >= 2, JSON.stringify(asked));
	const { page, problems } = await ui.loginAs(t, 'demo-reporter');
	await ui.landedOn(page, 'Start');
	await page.waitForSelector('.app-waiting p');
	assert.equal(await page.locator('.app-waiting p').count(), 2);
	assert.match(await page.textContent('.app-waiting'),
	    /Het meldpunt vraagt u een adviesvraag als signaal te melden\./);
	assert.match(await page.textContent('.app-waiting'), new RegExp(
	    `Het meldpunt heeft vragen over ${asked.length} van uw signalen\\.`));
	for (const id of asked)
		assert.equal(await page.locator(
		    `.app-waiting a[href="#/signals/${id}"]`).count(), 1);
	await ui.accessible(page, 'start with what waits (nl)');

	// The reporter answers them: only the advice is left.
	for (const id of asked) {
		const sig = (await reporter.get(`/api/signals/${id}`)).body;
		for (const q of sig.questions.filter((x) => !x.answer))
			assert.equal((await reporter.post(`/api/signals/${id}/` +
			    `questions/${q.id}/answer`, { answer: 'Weet ik ' +
			    'niet.' })).status, 200);
	}
	await page.reload();
	await page.waitForSelector('.app-waiting p');
	assert.equal(await page.locator('.app-waiting p').count(), 1);

	// A question of the point on one of their signals.
	const s = await reporter.post('/api/signals', { municipality: 'GM0363',
	    indicators: ['OM-1a-1'] });
	assert.equal((await advisor.post(`/api/signals/${s.body.id}/questions`,
	    { question: 'Sinds wanneer?' })).status, 201);
	await page.reload();
	await page.waitForFunction(() => document.querySelectorAll(
	    '.app-waiting p').length === 2);
	assert.match(await page.textContent('.app-waiting'),
	    /Het meldpunt heeft een vraag over uw signaal\./);
	await ui.switchLang(page, 'en');
	assert.match(await page.textContent('.app-waiting'),
	    /The reporting point has a question about your signal\./);
	await ui.accessible(page, 'start with what waits (en)');
	await ui.switchLang(page, 'nl');
	await ui.tabTo(page, '.app-waiting a[href="#/signals"]');
	await page.keyboard.press('Enter');
	await ui.landedOn(page, 'Mijn signalen');
	ui.clean(problems);
});

test('nothing waits: nothing is said', async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-provider');
	await ui.landedOn(page, 'Start');
	// The provider's demo signal has no questions and no advice.
	await page.waitForSelector('.app-waiting:not([aria-busy])',
	    { state: 'attached' });
	assert.equal(await page.locator('.app-waiting p').count(), 0);
	ui.clean(problems);
});

test('the advisor narrows the queue to what is late, open or theirs',
    async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-advisor');
	await ui.tabTo(page, 'nav a[href="#/queue"]');
	await page.keyboard.press('Enter');
	await ui.landedOn(page, 'Triage');
	await page.waitForSelector('main table tbody tr');
	const rows = (await ui.apiJson(page,
	    '/api/signals/queue?per_page=100')).signals;
	const ids = async () => (await page.locator('main table tbody tr ' +
	    'td:first-child').allTextContents()).map((s) =>
	    Number(/\d+/.exec(s)[0]));
	// The first page: 25 signals in the server's order.
	assert.deepEqual(await ids(), rows.slice(0, 25).map((s) => s.id));
	const late = rows.filter((s) => s.overdue).map((s) => s.id);
	assert.ok(late.length > 0 && late.length < rows.length);
	assert.equal((await page.textContent('nav.app-views ' +
	    'a[data-view="overdue"]')).trim(),
	    `Over de termijn (${late.length})`);
	await ui.accessible(page, 'the queue with its views (nl)');

	// By keyboard: to the view's link, and Enter.
	await ui.tabTo(page, 'nav.app-views a[data-view="overdue"]');
	await page.keyboard.press('Enter');
	await page.waitForFunction(() =>
	    window.location.hash === '#/queue?view=overdue');
	await page.waitForSelector('main .app-queue:not([aria-busy])');
	await page.waitForFunction((n) => document.querySelectorAll(
	    'main table tbody tr').length === n, Math.min(late.length, 25));
	assert.deepEqual(await ids(), late.slice(0, 25),
	    'only the late ones, in order');
	assert.match(await page.textContent('main'),
	    new RegExp(`${late.length} signalen getoond`));

	// The demo has signals this advisor took up and has not decided.
	const mine = rows.filter((s) => s.claimed_by === 'demo-advisor')
	    .map((s) => s.id);
	assert.ok(mine.length > 0);
	await page.click('nav.app-views a[data-view="mine"]');
	await page.waitForFunction(() =>
	    window.location.hash === '#/queue?view=mine');
	await page.waitForFunction((n) => document.querySelectorAll(
	    'main table tbody tr').length === n, Math.min(mine.length, 25));
	assert.deepEqual(await ids(), mine.slice(0, 25));
	await ui.switchLang(page, 'en');
	assert.ok(await page.locator('nav.app-views a:has-text(' +
	    '"Taken up by me")').count() === 1);
	await ui.accessible(page, 'the queue narrowed (en)');
	ui.clean(problems);
});

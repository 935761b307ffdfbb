// The admin's start page in Chromium: it warns when no fallback point is
// named while signals wait outside every region, and names one with the
// keyboard; the advisor's start page lists accounts with unusual volumes.
// axe-core in Dutch and English; a CSP refusal or a script error fails.

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
	server = await startServer({ args: ['--daily-signals', '3'] });
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

test('the admin names the fallback point from the start page', async (t) => {
	// The demo reporter is at the low limit of this server already.
	const reporter = await apiLogin(server, 'demo-advisor');
	const f = await reporter.post('/api/signals', { municipality: 'GM0014',
	    indicators: ['OM-1a-1'] });
	assert.equal(f.status, 201, f.text);
	const { page, problems } = await ui.loginAs(t, 'demo-admin');
	await ui.landedOn(page, 'Start');
	await page.waitForSelector('#fallback-facts');
	assert.match(await page.textContent('#start-fallback + *, ' +
	    'section[aria-labelledby="start-fallback"]'),
	    /geen meldpunt aangewezen als vangnet, en 1 signaal of vraag/);
	await ui.accessible(page, 'start with the fallback (nl)');
	await ui.switchLang(page, 'en');
	await ui.accessible(page, 'start with the fallback (en)');
	await ui.switchLang(page, 'nl');
	// Saving without a choice names the field.
	await ui.tabTo(page, 'section[aria-labelledby="start-fallback"] ' +
	    'button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForSelector('.utrecht-alert--error');
	await page.selectOption('select[name="org_id"]',
	    { label: 'Veilig Thuis Rotterdam-Rijnmond (demo)' });
	await ui.tabTo(page, 'section[aria-labelledby="start-fallback"] ' +
	    'button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForSelector('text=Het vangnet is aangewezen.');
	const facts = await ui.dataList(page, '#fallback-facts');
	assert.equal(facts.Meldpunt, 'Veilig Thuis Rotterdam-Rijnmond (demo)');
	const api = await ui.apiJson(page, '/api/fallback-point');
	assert.equal(api.org_name, 'Veilig Thuis Rotterdam-Rijnmond (demo)');
	ui.clean(problems);
});

test('the advisor sees accounts with unusual volumes', async (t) => {
	const provider = await apiLogin(server, 'demo-provider');
	for (let i = 0; i < 3; i++)
		await provider.post('/api/signals', { municipality: 'GM0363',
		    indicators: ['OM-1a-1'] });
	const { page, problems } = await ui.loginAs(t, 'demo-advisor');
	await ui.landedOn(page, 'Start');
	await page.waitForSelector('section[aria-labelledby="start-volume"] ' +
	    'table');
	const text = await page.textContent(
	    'section[aria-labelledby="start-volume"]');
	assert.match(text, /demo-provider/);
	assert.match(text, /Opvang De Haven \(demo\)/);
	await ui.accessible(page, 'start with unusual volumes (nl)');
	ui.clean(problems);
});

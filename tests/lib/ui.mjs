// ui: what the browser tests do on every page, once: open a page with
// its problems watched, log in with the keyboard, move with Tab, wait
// for a page to land with focus on its h1, switch language, run axe.
//
//   const ui = uiFor(() => ({ server, browser }));
//   const { page, problems } = await ui.loginAs(t, 'demo-advisor');
//   await ui.landedOn(page, 'Start');
//   await ui.accessible(page, 'start (nl)');
//   ui.clean(problems);

import assert from 'node:assert/strict';

import { axeCheck, formatViolations, watch } from './browser.mjs';

export function uiFor(env) {
	const ui = {};

	// A fresh context in Dutch, closed when the test ends.
	ui.open = async (t) => {
		const { server, browser } = env();
		const context = await browser.newContext({ locale: 'nl-NL' });
		context.setDefaultTimeout(10000);
		t.after(() => context.close());
		const page = await context.newPage();
		const problems = watch(page);
		await page.goto(`${server.url}/`);
		await page.waitForSelector('#login-username');
		return { page, problems };
	};

	ui.focusedMatches = (page, selector) => page.evaluate((s) =>
	    document.activeElement?.matches(s) ?? false, selector);

	// Presses Tab until the element matching selector has focus.
	ui.tabTo = async (page, selector, max = 200) => {
		for (let i = 0; i < max; i++) {
			await page.keyboard.press('Tab');
			if (await ui.focusedMatches(page, selector))
				return;
		}
		assert.fail(`'${selector}' cannot be reached with Tab`);
	};

	// Logs in with the keyboard: Tab, typing and Enter.
	ui.loginAs = async (t, username) => {
		const { server } = env();
		const { page, problems } = await ui.open(t);
		const u = server.users[username];
		assert.ok(u, `demo user '${username}' exists`);
		await ui.tabTo(page, '#login-username');
		await page.keyboard.type(username);
		await page.keyboard.press('Tab');
		await page.keyboard.type(u.password);
		await page.keyboard.press('Enter');
		await page.waitForSelector('#main-nav:not([hidden])');
		return { page, problems };
	};

	// Waits until the h1 reads text, then checks it has focus.
	ui.landedOn = async (page, text) => {
		await page.waitForFunction((want) => document
		    .getElementById('page-title')?.textContent.trim() === want,
		    text);
		assert.ok(await ui.focusedMatches(page, '#page-title'),
		    `focus is on the h1 '${text}'`);
	};

	ui.switchLang = async (page, want) => {
		await page.click('#lang-switch');
		await page.waitForFunction((l) =>
		    document.documentElement.lang === l, want);
	};

	ui.accessible = async (page, what) => {
		const v = await axeCheck(page);
		assert.equal(v.length, 0,
		    `axe on ${what}:\n${formatViolations(v)}`);
	};

	ui.clean = (problems) => {
		assert.deepEqual(problems, [], 'CSP refusals or script errors');
	};

	ui.navLinks = async (page) => (await page
	    .locator('nav#main-nav a').allTextContents())
	    .map((s) => s.trim());

	ui.apiJson = (page, path) => page.evaluate((p) => fetch(p,
	    { credentials: 'same-origin' }).then((r) => r.json()), path);

	// A data list under root as {term: description}.
	ui.dataList = (page, root) => page.evaluate((sel) => {
		const out = {};
		for (const row of document.querySelectorAll(
		    `${sel} .utrecht-data-list__item`))
			out[row.querySelector('dt').textContent.trim()] =
			    row.querySelector('dd').textContent.trim();
		return out;
	}, root);

	return ui;
}

// The public form in Chromium against a real schakel with demo data: a
// professional without an account finds it from the login view, reports
// a signal with the keyboard only, gets the receipt code and the secret
// once, and follows the signal with both: "Ontvangen", later the
// outcome.  Also: the reporter's own details are required and checked
// before sending, the server's errors land beside their fields, acute
// danger repeats the emergency numbers, the address limit (429) says how
// long to wait, a logged-in user is not shown the public pages, and
// axe-core finds nothing on any of them in Dutch and English.  As in the
// other browser tests, a CSP refusal or a script error fails the test.
//
// The server lets one address send only a few public signals an hour;
// the tests send three through the form, then use the rest up on purpose.
// Each is sent with a proof-of-work the page solved in a Web Worker
// while the form was filled in.  A second server, with a budget of one
// signal per municipality an hour, shows what the page says when the
// form's budget is full, and what the point's start page then shows.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';

import { launch, watch } from '../lib/browser.mjs';
import { withProof, zeroBits } from '../lib/pow.mjs';
import { startServer } from '../lib/server.mjs';
import { uiFor } from '../lib/ui.mjs';
import { loginAs as apiLogin, sql } from '../lib/util.mjs';

let server = null;
let browser = null;
const { accessible, clean, focusedMatches, landedOn, switchLang, tabTo } =
    uiFor(() => ({ server, browser }));

before(async () => {
	server = await startServer();
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

// A fresh context on the login view, or on the page of hash.
async function open(t, hash = '') {
	const context = await browser.newContext({ locale: 'nl-NL' });
	context.setDefaultTimeout(10000);
	// The receipt's copy button writes to the clipboard.
	await context.grantPermissions(['clipboard-read', 'clipboard-write'],
	    { origin: server.url });
	t.after(() => context.close());
	const page = await context.newPage();
	const problems = watch(page);
	// What the browser sends to the public form.
	const sent = [];
	page.on('request', (req) => {
		if (req.method() === 'POST' &&
		    new URL(req.url()).pathname === '/api/public/signals')
			sent.push(req);
	});
	await page.goto(`${server.url}/${hash}`);
	if (hash === '')
		await page.waitForSelector('#login-username');
	return { page, problems, sent };
}

// The form, once its lists have come from the server.
async function formReady(page) {
	await page.waitForFunction(() => {
		const s = document.querySelector('select[name="municipality"]');
		return s !== null && s.options.length > 300 &&
		    document.querySelector('input[name="indicators"]') !== null;
	});
}

// The data lists in main as {key: value}.
const dataOf = (page) => page.evaluate(() => {
	const out = {};
	for (const row of document.querySelectorAll(
	    'main .utrecht-data-list__item'))
		out[row.querySelector('dt').textContent.trim()] =
		    row.querySelector('dd').textContent.trim();
	return out;
});

// The message tied to a control: the first id in aria-describedby.
const errorOf = (page, selector) => page.evaluate((s) => {
	const id = (document.querySelector(s).getAttribute(
	    'aria-describedby') ?? '').split(/\s+/)[0];
	return document.getElementById(id)?.textContent.trim() ?? null;
}, selector);

// Fills the form as little as it takes, without the keyboard.
async function fillMinimal(page) {
	await page.fill('input[name="reporter_name"]', 'Karin Smit');
	await page.fill('input[name="reporter_org"]',
	    'Huisartsenpraktijk Oost');
	await page.fill('input[name="reporter_phone"]', '020 123 45 67');
	await page.selectOption('select[name="municipality"]', 'GM0437');
	await page.fill('textarea[name="description"]',
	    'Een patiënte durft niet naar huis.');
}

test('without an account: report by keyboard, write the codes down, ' +
    'follow the signal', async (t) => {
	const tag = randomBytes(3).toString('hex');
	const { page, problems, sent } = await open(t);

	// From the login view.
	assert.match(await page.textContent('main'), /Geen account\?/);
	await tabTo(page, 'main a[href="#/public"]');
	assert.equal((await page.textContent(':focus')).trim(),
	    'Melden zonder account');
	await page.keyboard.press('Enter');
	await landedOn(page, 'Melden zonder account');
	assert.match(await page.title(), /^Melden zonder account – schakel$/);
	assert.ok(await page.locator('#main-nav').isHidden(), 'no menu');
	await formReady(page);
	await accessible(page, 'the public form (nl)');
	await switchLang(page, 'en');
	assert.equal((await page.textContent('#page-title')).trim(),
	    'Report without an account');
	assert.match(await page.textContent('main'), /About yourself/);
	await accessible(page, 'the public form (en)');
	await switchLang(page, 'nl');

	// Who reports: the browser may fill it in (autocomplete).
	await tabTo(page, 'input[name="reporter_name"]');
	assert.equal(await page.getAttribute('input[name="reporter_name"]',
	    'autocomplete'), 'name');
	await page.keyboard.type(`Karin Smit ${tag}`);
	await page.keyboard.press('Tab');
	assert.ok(await focusedMatches(page, 'input[name="reporter_org"]'));
	await page.keyboard.type('Huisartsenpraktijk Oost');
	await page.keyboard.press('Tab');
	assert.ok(await focusedMatches(page, 'input[name="reporter_phone"]'));
	await page.keyboard.type('020 123 45 67');

	// The signal, as on the form for logged-in users.
	await tabTo(page, 'select[name="municipality"]');
	await page.keyboard.type('Amsterdam', { delay: 30 });
	assert.equal(await page.inputValue('select[name="municipality"]'),
	    'GM0363');
	await tabTo(page, 'details.app-group > summary');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	assert.ok(await focusedMatches(page, 'input[name="indicators"]'));
	const indicator = await page.evaluate(() =>
	    document.activeElement.value);
	await page.keyboard.press('Space');
	await tabTo(page, 'textarea[name="description"]');
	await page.keyboard.type('Een patiënte werkt in een nagelsalon en ' +
	    'mag haar paspoort niet zelf bewaren.');
	await tabTo(page, 'form button[type="submit"]');
	await page.keyboard.press('Enter');

	// The codes, once.
	await landedOn(page, 'Signaal ontvangen');
	assert.equal(sent.length, 1);
	assert.equal(sent[0].headers()['x-csrf-token'], undefined);
	// With the proof-of-work, solved: the challenge's number of zero
	// bits (16 by default) at the start of SHA-256(challenge||solution).
	const { challenge, solution } = sent[0].postDataJSON();
	assert.match(challenge, /^c1\.\d+\.16\./);
	assert.match(solution, /^\d+$/);
	assert.ok(zeroBits(createHash('sha256').update(challenge + solution)
	    .digest()) >= 16, 'the solution solves the challenge');
	const receipt = (await page.textContent('.app-receipt-code')).trim();
	const secret = (await page.textContent('.app-secret')).trim();
	assert.match(receipt, /^S-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
	// To read out over the phone: groups of four, no look-alikes.
	assert.match(secret, /^([2-9A-HJ-NP-Z]{4}-){5}[2-9A-HJ-NP-Z]{4}$/);
	const text = await page.textContent('main');
	assert.match(text, new RegExp('Schrijf deze twee codes op\\. ' +
	    'Ze worden maar één keer getoond\\.'));
	assert.doesNotMatch(text, /112/, 'not acute: no emergency numbers');
	assert.doesNotMatch(text, /null|undefined/);
	let data = await dataOf(page);
	assert.equal(data.Ontvangstcode, receipt);
	assert.equal(data['Geheime code'], secret);
	assert.equal(data.Status, 'Ontvangen');
	// By when the point looks at it: a day within the week.
	assert.match(data['Het meldpunt kijkt uiterlijk op'],
	    /^\d{1,2} \p{L}+ \d{4}$/u);
	await accessible(page, 'the receipt (nl)');
	await switchLang(page, 'en');
	assert.match(await page.textContent('main'),
	    /Write down these two codes\. They are shown only once\./);
	assert.equal((await dataOf(page))['Secret code'], secret);
	await accessible(page, 'the receipt (en)');
	await switchLang(page, 'nl');

	// What the point has: what was typed, unverified, with whom to call.
	const advisor = await apiLogin(server, 'demo-advisor');
	const id = Number(await sql(server.dataDir, 'SELECT id FROM signal ' +
	    `WHERE receipt = '${receipt}'`));
	assert.ok(id > 0, 'the signal is stored under its receipt code');
	const s = (await advisor.get(`/api/signals/${id}`)).body;
	assert.equal(s.unverified, true);
	assert.deepEqual(s.contact, { name: `Karin Smit ${tag}`,
	    org: 'Huisartsenpraktijk Oost', phone: '020 123 45 67' });
	assert.equal(s.municipality, 'GM0363');
	assert.deepEqual(s.indicators, [indicator]);
	assert.match(s.description, /paspoort/);

	// Neither code is kept in the browser.
	const kept = await page.evaluate(() => JSON.stringify({ ...localStorage,
	    ...sessionStorage }) + document.cookie + window.location.href);
	assert.ok(!kept.includes(secret) && !kept.includes(receipt));

	// Printed, the receipt is the codes without the page around them.
	await page.emulateMedia({ media: 'print' });
	assert.ok(await page.isVisible('.app-secret'));
	assert.ok(await page.isVisible('text=geen 0, O, 1 of I'));
	assert.ok(!await page.isVisible('nav'));
	assert.ok(!await page.isVisible('button:text("Codes kopiëren")'));
	await page.emulateMedia({ media: 'screen' });
	assert.ok(!await page.isVisible('text=geen 0, O, 1 of I'));

	// Leaving before the codes are kept asks first, and stays.
	await tabTo(page, 'main a[href="#/public/status"]');
	await page.keyboard.press('Enter');
	await page.locator('main [role="alert"] .utrecht-alert').waitFor();
	assert.match(await page.textContent('main [role="alert"]'),
	    /Bewaar eerst uw codes/);
	assert.ok(await focusedMatches(page, '#public-saved'));
	assert.equal(await page.textContent('.app-secret'), secret);
	// Copied: both codes on the clipboard, and then the way is open.
	await page.click('button:text("Codes kopiëren")');
	await page.locator('text=Beide codes zijn gekopieerd').waitFor();
	const clip = await page.evaluate(() => navigator.clipboard.readText());
	assert.equal(clip, `Ontvangstcode: ${receipt}\nGeheime code: ` +
	    `${secret}\n`);
	assert.ok(await page.isChecked('#public-saved'));
	assert.equal(await page.locator('main [role="alert"] .utrecht-alert')
	    .count(), 0, 'the warning is gone');
	await accessible(page, 'the receipt after copying (nl)');

	// Following it: both codes, typed as one reads them from paper.
	await tabTo(page, 'main a[href="#/public/status"]');
	await page.keyboard.press('Enter');
	await landedOn(page, 'Volg uw signaal');
	await accessible(page, 'follow your signal (nl)');
	await tabTo(page, '#public-receipt');
	await page.keyboard.type(` ${receipt.toLowerCase()} `);
	await page.keyboard.press('Tab');
	assert.ok(await focusedMatches(page, '#public-secret'));
	await page.keyboard.type(secret.toLowerCase().replaceAll('-', ' '));
	await page.keyboard.press('Enter');
	await page.waitForSelector('#public-result');
	assert.ok(await focusedMatches(page, '#public-result'),
	    'focus moves to the result');
	data = await dataOf(page);
	assert.equal(data.Ontvangstcode, receipt);
	assert.equal(data.Status, 'Ontvangen');
	assert.equal(data.Uitkomst, 'nog geen');
	assert.ok(data['Gemeld op']);
	await accessible(page, 'the status of a signal (nl)');
	await switchLang(page, 'en');
	assert.equal((await dataOf(page)).Status, 'Received');
	await accessible(page, 'the status of a signal (en)');
	await switchLang(page, 'nl');

	// A wrong secret finds nothing, and says so.
	await page.fill('#public-secret', `${secret.slice(0, -1)}${
	    secret.endsWith('A') ? 'B' : 'A'}`);
	await page.click('main form button[type="submit"]');
	await page.locator('main .utrecht-alert[role="alert"]').waitFor();
	assert.match(await page.textContent('main .utrecht-alert'),
	    /Er is geen signaal met deze ontvangstcode en geheime code/);
	assert.equal(await page.locator('#public-result').count(), 0,
	    'the old status is gone');
	await accessible(page, 'a status that is not found (nl)');
	// A receipt code in the wrong form is not sent at all.
	await page.fill('#public-receipt', 'S-12');
	await page.fill('#public-secret', secret);
	await page.click('main form button[type="submit"]');
	await page.waitForSelector('#public-receipt[aria-invalid="true"]');
	assert.ok(await focusedMatches(page, '#public-receipt'));
	assert.match(await errorOf(page, '#public-receipt'),
	    /zoals u die kreeg/);
	await switchLang(page, 'en');
	await accessible(page, 'follow your signal with an error (en)');
	await switchLang(page, 'nl');

	// Once the point has decided, the status and outcome say so.
	assert.equal((await advisor.post(`/api/signals/${id}/claim`)).status,
	    200);
	assert.equal((await advisor.post(`/api/signals/${id}/decision`,
	    { decision: 'advice_given', reason: 'Melder gebeld.' })).status,
	    200);
	await page.fill('#public-receipt', receipt);
	await page.click('main form button[type="submit"]');
	await page.waitForSelector('#public-result');
	data = await dataOf(page);
	assert.equal(data.Status, 'Afgesloten');
	assert.equal(data.Uitkomst, 'Advies gegeven');
	assert.doesNotMatch(await page.textContent('main'), /Melder gebeld/);
	clean(problems);
});

test('the reporter must say who they are; errors land beside the fields',
    async (t) => {
	const { page, problems, sent } = await open(t, '#/public');
	await page.waitForFunction(() => document.getElementById('page-title')
	    ?.textContent.trim() === 'Melden zonder account');
	await formReady(page);

	// Nothing filled in: caught before sending.
	await page.fill('input[name="noticed_on"]', '');
	await page.click('form button[type="submit"]');
	await page.waitForSelector(
	    'input[name="reporter_name"][aria-invalid="true"]');
	assert.ok(await focusedMatches(page, 'input[name="reporter_name"]'),
	    'focus on the first field in error');
	for (const name of ['reporter_org', 'reporter_phone'])
		assert.equal(await page.getAttribute(`input[name="${name}"]`,
		    'aria-invalid'), 'true', name);
	assert.equal(await page.getAttribute('select[name="municipality"]',
	    'aria-invalid'), 'true');
	assert.match(await page.getAttribute(
	    'fieldset[data-field="indicators"]', 'class'),
	    /utrecht-form-fieldset--invalid/);
	assert.equal(await errorOf(page, 'input[name="reporter_phone"]'),
	    'Vul dit veld in.');
	await accessible(page, 'the public form with errors (nl)');
	await switchLang(page, 'en');
	assert.equal(await errorOf(page, 'input[name="reporter_phone"]'),
	    'Please fill in this field.');
	await accessible(page, 'the public form with errors (en)');
	await switchLang(page, 'nl');

	// Too short to be a name or a phone number: also caught here, as
	// every attempt counts against the address.
	await fillMinimal(page);
	await page.fill('input[name="reporter_name"]', 'K');
	await page.fill('input[name="reporter_phone"]', '12345');
	await page.click('form button[type="submit"]');
	await page.waitForSelector(
	    'input[name="reporter_phone"][aria-invalid="true"]');
	assert.equal(await errorOf(page, 'input[name="reporter_name"]'),
	    'Gebruik minstens 2 tekens.');
	assert.equal(await errorOf(page, 'input[name="reporter_phone"]'),
	    'Gebruik minstens 6 tekens.');
	assert.equal(await page.getAttribute('select[name="municipality"]',
	    'aria-invalid'), null);
	assert.equal(sent.length, 0, 'nothing was sent');

	// The server's errors, on the right person.
	// (A person without data is not sent, and not named persons[0].)
	await fillMinimal(page);
	await page.fill('fieldset.app-person input[name$=".id_number"]', '123');
	await page.click('form button[type="submit"]');
	await page.waitForSelector('input[name="persons[0].id_number"]' +
	    '[aria-invalid="true"]');
	assert.equal(sent.length, 1);
	assert.match(await errorOf(page, 'input[name="persons[0].id_number"]'),
	    /geldig BSN \(9 cijfers\) of V-nummer/);
	assert.ok(await focusedMatches(page,
	    'input[name="persons[0].id_number"]'));
	await accessible(page, 'the public form with a server error (nl)');

	// Acute: the numbers at once, and again with the codes.
	await page.fill('input[name="persons[0].id_number"]', '');
	await page.check('input[name="urgency"][value="acute"]');
	const panel = page.locator('.app-emergency .utrecht-alert');
	await panel.waitFor();
	assert.match(await panel.textContent(), /112/);
	await page.click('form button[type="submit"]');
	await page.waitForFunction(() => document.getElementById('page-title')
	    ?.textContent.trim() === 'Signaal ontvangen');
	assert.equal(sent.length, 2);
	const main = await page.textContent('main');
	assert.match(main, /112/);
	assert.match(main, /0800-2000/);
	assert.match(main, /Ze worden maar één keer getoond/);
	await accessible(page, 'the receipt of an acute signal (nl)');

	// Another one: an empty form again, once the codes are written down.
	await page.check('#public-saved');
	await page.click('button:text("Nog een signaal melden")');
	await landedOn(page, 'Melden zonder account');
	await formReady(page);
	assert.equal(await page.inputValue('input[name="reporter_name"]'), '');
	clean(problems);
});

test('too many from one address: the page says how long to wait',
    async (t) => {
	const { page, problems, sent } = await open(t, '#/public');
	await formReady(page);
	// Use up what is left of this address's allowance.
	let last = null;
	for (let i = 0; i < 10 && last?.status !== 429; i++) {
		last = await fetch(`${server.url}/api/public/signals`, {
		    method: 'POST',
		    headers: { 'content-type': 'application/json' },
		    body: JSON.stringify({ municipality: 'GM0437',
			description: 'Zorgen.', reporter_name: 'Karin Smit',
			reporter_org: 'Huisartsenpraktijk Oost',
			reporter_phone: '020 123 45 67' }) });
		await last.text();
	}
	assert.equal(last.status, 429);
	const wait = Number(last.headers.get('retry-after'));
	assert.ok(wait > 0);

	await fillMinimal(page);
	await page.click('form button[type="submit"]');
	const alert = page.locator('main .utrecht-alert[role="alert"]');
	await alert.waitFor();
	assert.equal(sent.length, 1);
	const minutes = Math.ceil(wait / 60);
	assert.match(await alert.textContent(), new RegExp(
	    `Probeer het over (${minutes}|${minutes - 1}) minuten? opnieuw`));
	assert.match(await alert.textContent(), /0800-2000/);
	assert.match(await alert.textContent(), /112/);
	assert.equal(await page.inputValue('input[name="reporter_name"]'),
	    'Karin Smit', 'what was typed stays');
	await accessible(page, 'the public form when the limit is reached');
	await switchLang(page, 'en');
	assert.match(await alert.textContent(),
	    /Please try again in \d+ minutes?/);
	clean(problems);
});

test('the public pages are for those without a session', async (t) => {
	// From the public pages back to the login view.
	const { page, problems } = await open(t, '#/public/status');
	await page.waitForSelector('#public-receipt');
	assert.match(await page.title(), /^Volg uw signaal – schakel$/);
	await page.click('main a[href="#/public"]');
	await landedOn(page, 'Melden zonder account');
	await page.click('main a[href="#/start"]');
	await landedOn(page, 'Aanmelden');
	assert.ok(await page.locator('#login-username').isVisible());
	await accessible(page, 'the login view with its way to the form (nl)');
	await switchLang(page, 'en');
	assert.match(await page.textContent('main a[href="#/public"]'),
	    /Report without an account/);
	await accessible(page, 'the login view with its way to the form (en)');
	await switchLang(page, 'nl');

	// Typing in the login view survives a hash that names no page.
	await page.fill('#login-username', 'demo-reporter');
	await page.evaluate(() => {
		window.location.hash = '#/nothing';
	});
	await page.waitForFunction(() => window.location.hash === '#/nothing');
	assert.equal(await page.inputValue('#login-username'), 'demo-reporter');

	// Logged in, the public pages are not there: the menu is.
	await page.fill('#login-password',
	    server.users['demo-reporter'].password);
	await page.click('main form button[type="submit"]');
	await page.waitForSelector('#main-nav:not([hidden])');
	for (const hash of ['#/public', '#/public/status']) {
		await page.evaluate((h) => {
			window.location.hash = h;
		}, hash);
		await page.waitForFunction(() =>
		    window.location.hash === '#/start');
	}
	clean(problems);
});

test('the form\'s budget is full: call Veilig Thuis; the point sees it',
    async (t) => {
	const full = await startServer({ args: ['--public-budget-muni', '1'] });
	t.after(() => full.stop());
	const first = await fetch(`${full.url}/api/public/signals`, {
	    method: 'POST', headers: { 'content-type': 'application/json' },
	    body: JSON.stringify(await withProof(full.url, {
		municipality: 'GM0437', description: 'Zorgen.',
		reporter_name: 'Karin Smit',
		reporter_org: 'Huisartsenpraktijk Oost',
		reporter_phone: '020 123 45 67' })) });
	assert.equal(first.status, 201, await first.text());

	const context = await browser.newContext({ locale: 'nl-NL' });
	context.setDefaultTimeout(10000);
	// The receipt's copy button writes to the clipboard.
	await context.grantPermissions(['clipboard-read', 'clipboard-write'],
	    { origin: server.url });
	t.after(() => context.close());
	const page = await context.newPage();
	const problems = watch(page);
	await page.goto(`${full.url}/#/public`);
	await formReady(page);
	await fillMinimal(page);
	const answer = page.waitForResponse((r) =>
	    new URL(r.url()).pathname === '/api/public/signals');
	await page.click('form button[type="submit"]');
	assert.equal((await answer).status(), 429);
	const alert = page.locator('main .utrecht-alert[role="alert"]');
	await alert.waitFor();
	const said = await alert.textContent();
	assert.match(said, /neemt op dit moment geen signalen meer aan/);
	assert.match(said, /0800-2000/);
	assert.doesNotMatch(said, /vanaf dit adres/, 'not the address limit');
	assert.equal(await page.inputValue('input[name="reporter_name"]'),
	    'Karin Smit', 'what was typed stays');
	await accessible(page, 'the public form when the budget is full');
	await switchLang(page, 'en');
	assert.match(await alert.textContent(),
	    /does not take any more signals at the moment/);
	clean(problems);

	// The point's start page: where and how many, no one's details.
	const fui = uiFor(() => ({ server: full, browser }));
	const adv = await fui.loginAs(t, 'demo-advisor');
	await adv.page.waitForSelector('#public-refused');
	const item = (await adv.page.textContent('#public-refused li')).trim();
	assert.match(item, /^Ouder-Amstel: 1 geweigerd, het laatst op /);
	assert.doesNotMatch(await adv.page.textContent('main'), /Karin/);
	await fui.accessible(adv.page, 'start with public refusals (nl)');
	await fui.switchLang(adv.page, 'en');
	assert.match(await adv.page.textContent('#public-refused li'),
	    /Ouder-Amstel: 1 refused, last on /);
	await fui.accessible(adv.page, 'start with public refusals (en)');
	fui.clean(adv.problems);
});

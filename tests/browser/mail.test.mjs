// A reporter told by e-mail, in Chromium against a real schakel that
// mails through a real SMTP receiver: the advisor asks a question on the
// reporter's signal, the mail arrives with nothing of the signal in it
// and a link to the start page; the reporter follows the link, logs in,
// finds the question under "Wacht op u", answers it on the signal's page,
// and the advisor is told.  axe-core on each page; a CSP refusal or a
// script error fails the test.  Everything started here is stopped, also
// when an assertion fails.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

import { newAccount } from '../lib/accounts.mjs';
import { launch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { smtpReceiver } from '../lib/smtp.mjs';
import { totp } from '../lib/totp.mjs';
import { uiFor } from '../lib/ui.mjs';
import { loginAs as apiLogin, stopClean } from '../lib/util.mjs';

// The mail's link names this address; the test opens its path and hash
// on the server it started (whose port is known only once it listens).
const PUBLIC_URL = 'https://schakel.test.example';
const ADDRESS = 'melder.browser@school.example';
const smtp = smtpReceiver();
let server = null;
let browser = null;
const { accessible, clean, landedOn, open, tabTo } =
    uiFor(() => ({ server, browser }));

before(async () => {
	const port = await smtp.start(0);
	server = await startServer({ args: ['--smtp',
	    `smtp://127.0.0.1:${port}`, '--smtp-from', 'schakel@test.example',
	    '--public-url', PUBLIC_URL, '--mail-every', '1'] });
	browser = await launch();
});

after(async () => {
	await browser?.close();
	if (server)
		await stopClean(server);
	await smtp.stop();
});

test('a reporter gets a question by e-mail and answers it', async (t) => {
	const mark = randomBytes(3).toString('hex');
	const admin = await apiLogin(server, 'demo-admin');
	const advisorApi = await apiLogin(server, 'demo-advisor');
	const me = (await (await apiLogin(server, 'demo-reporter'))
	    .get('/api/me')).body;
	const account = await newAccount(server, admin, { role: 'reporter',
	    org_id: me.org_id, email: ADDRESS });
	const reporterApi = await account.login();
	const f = await reporterApi.post('/api/signals', {
		municipality: 'GM0363', urgency: 'days', forms: ['labour'],
		description: `Werkt elke nacht in de loods ${mark}.`,
		persons: [{ kind: 'victim', name: `Mailpersoon ${mark}` }],
	});
	assert.equal(f.status, 201, f.text);
	const id = f.body.id;
	const question = `Wie haalt haar op ${mark}?`;
	const q = await advisorApi.post(`/api/signals/${id}/questions`,
	    { question });
	assert.equal(q.status, 201, q.text);

	// The mail: who it is for, the link, and nothing of the signal.
	assert.ok(await smtp.waitFor(1), 'no mail arrived');
	const m = smtp.messages[0];
	assert.deepEqual(m.to, [ADDRESS]);
	assert.match(m.text, /Er wacht iets op u in schakel/);
	const links = m.text.match(/https:\/\/schakel\.test\.example\/\S*/g);
	// Once in Dutch, once in English: the same link.
	assert.deepEqual([...new Set(links)], [`${PUBLIC_URL}/#/start`]);
	assert.doesNotMatch(m.text, new RegExp(`${mark}|Mailpersoon|loods|` +
	    `GM0363|Amsterdam|Wie haalt|signaal ${id}|melding ${id}`, 'i'));
	assert.ok(!new RegExp(`\\b${id}\\b`).test(m.text.replace(
	    /^(Message-ID|Date|X-[\w-]+):.*$/gim, '')),
	    'the signal\'s number is not in the mail');

	// The link, opened in the browser: first the login, then the start.
	const { page, problems } = await open(t);
	await page.goto(links[0].replace(PUBLIC_URL, server.url));
	await page.waitForSelector('#login-username');
	await tabTo(page, '#login-username');
	await page.keyboard.type(account.username);
	await page.keyboard.press('Tab');
	await page.keyboard.type(account.password);
	// A real account has a second factor: the next window's code, as
	// this window's went to the API login above.
	if (account.totp) {
		await page.keyboard.press('Tab');
		await page.keyboard.type(totp(account.totp,
		    Date.now() / 1000 + 30));
	}
	await page.keyboard.press('Enter');
	await page.waitForSelector('#main-nav:not([hidden])');
	await landedOn(page, 'Start');
	await page.waitForSelector('#start-notify');
	const waiting = await page.textContent(
	    'section[aria-labelledby="start-notify"]');
	assert.match(waiting, /^Wacht op u/);
	assert.match(waiting, new RegExp(`Een vraag over uw signaal ${id}`));
	assert.match(await page.textContent('#nav-list'), /\(1 nieuw\)/);
	await accessible(page, 'the start page with a question waiting (nl)');

	// Followed to the signal, answered there.
	await tabTo(page, `main a[href="#/signals/${id}"]`);
	await page.keyboard.press('Enter');
	await landedOn(page, `Signaal ${id}`);
	await page.waitForSelector('#view-questions');
	assert.match(await page.textContent(
	    'section[aria-labelledby="view-questions"]'), new RegExp(question
	    .replace('?', '\\?')));
	await accessible(page, 'the reporter\'s signal with a question (nl)');
	const answer = `Een man in een wit busje ${mark}.`;
	await page.fill('textarea[name="answer"]', answer);
	await page.click('main form button[type="submit"]');
	await page.waitForFunction(() =>
	    document.querySelector('textarea[name="answer"]') === null);
	assert.match(await page.textContent(
	    'section[aria-labelledby="view-questions"]'),
	    /Uw antwoord is verstuurd\./);
	await accessible(page, 'the reporter\'s signal answered (nl)');

	// Back at the start: nothing waits any more.
	await page.evaluate(() => { window.location.hash = '#/start'; });
	await landedOn(page, 'Start');
	await page.waitForSelector('#start-notify');
	assert.match(await page.textContent(
	    'section[aria-labelledby="start-notify"]'),
	    /Er wacht nu niets op u\./);
	clean(problems);

	// The advisor who asked is told.
	const n = (await advisorApi.get('/api/notifications')).body;
	const told = n.notifications.filter((x) => x.object_id === id);
	assert.equal(told.length, 1, JSON.stringify(n));
	assert.equal(told[0].kind, 'answer');
	assert.equal(told[0].object_type, 'signal');
	const s = (await advisorApi.get(`/api/signals/${id}`)).body;
	assert.equal(s.questions[0].answer, answer);
});

// Questions on a signal in Chromium against a real schakel with demo
// data: the advisor of the region asks the reporter a question on the
// signal's detail, the reporter sees "Vraag van het meldpunt" in Mijn
// signalen, opens the signal and answers once with the keyboard only, and
// the advisor reads the answer.  Also: other professionals worried about
// the same person on both pages, a signal from the public form (no
// account: call back), a signal closed while a question is typed, an
// answer given elsewhere first, and axe-core on every page in Dutch and
// English.  As in the other browser tests, a CSP refusal or a script
// error fails the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

import { launch } from '../lib/browser.mjs';
import { withProof } from '../lib/pow.mjs';
import { startServer } from '../lib/server.mjs';
import { uiFor } from '../lib/ui.mjs';
import { loginAs as apiLogin } from '../lib/util.mjs';

let server = null;
let browser = null;
const { accessible, apiJson, clean, focusedMatches, landedOn, loginAs,
    switchLang, tabTo } =
    uiFor(() => ({ server, browser }));

before(async () => {
	server = await startServer();
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

// Waits until the element matching selector has focus.
const focusOn = (page, selector) => page.waitForFunction((s) =>
    document.activeElement?.matches(s) ?? false, selector);

const go = (page, hash) => page.evaluate((h) => {
	window.location.hash = h;
}, hash);

// The cells of the table row whose first cell is text, or null.
const rowCells = (page, text) => page.evaluate((want) => {
	for (const tr of document.querySelectorAll('main table tbody tr')) {
		const cells = [...tr.cells].map((c) => c.textContent.trim());
		if (cells[0] === want)
			return cells;
	}
	return null;
}, text);

// The text of the section named by the heading with id hid.
const sectionText = (page, hid) =>
    page.textContent(`section[aria-labelledby="${hid}"]`);

// The main area has nothing a missing value turned into words.
async function noLeaks(page) {
	assert.doesNotMatch(await page.textContent('main'),
	    /\bnull\b|\bundefined\b|\[object/);
}

// A signal filed through the API by the demo user c, about person.
async function file(c, person, extra = {}) {
	const r = await c.post('/api/signals', { municipality: 'GM0363',
	    urgency: 'days', persons: [person], ...extra });
	assert.equal(r.status, 201, r.text);
	return r.body.id;
}

const tag = () => randomBytes(3).toString('hex');

test('the point asks the reporter; the reporter answers once',
    async (t) => {
	const mark = tag();
	const person = { kind: 'victim', name: `Vraagpersoon ${mark}`,
	    birth_date: '2010-02-03' };
	const reporterApi = await apiLogin(server, 'demo-reporter');
	const coordinatorApi = await apiLogin(server, 'demo-coordinator');
	const id = await file(reporterApi, person, { forms: ['labour'],
	    description: `Werkt elke nacht in de kas ${mark}.`,
	    actions_taken: 'Mentor ingelicht.' });
	// Someone else is worried about the same person.
	await file(coordinatorApi, person, { description: 'Ook gezien.' });
	const question = `Sinds wanneer ziet u dit, en met wie ${mark}?`;
	const answer = `Sinds september, met een man in een busje ${mark}.`;

	// The advisor of the region opens it from the queue.
	const advisor = await loginAs(t, 'demo-advisor');
	const ap = advisor.page;
	await tabTo(ap, 'a[href="#/queue"]');
	await ap.keyboard.press('Enter');
	await landedOn(ap, 'Triage');
	// Found by its number (the queue shows 25 a page).
	await ap.fill('#queue-q', String(id));
	await ap.keyboard.press('Enter');
	await ap.click(`main a[href="#/queue/${id}"]`);
	await landedOn(ap, `Signaal ${id}`);
	await ap.waitForSelector('#detail-questions');
	assert.match(await sectionText(ap, 'detail-questions'),
	    /Er zijn de melder nog geen vragen gesteld\./);
	const concerned = await sectionText(ap, 'detail-concerned');
	assert.match(concerned, /Ook betrokken bij deze persoon/);
	assert.match(concerned, /demo-coordinator/);
	assert.match(concerned, /Zorgcoördinatie Mensenhandel/);
	assert.match(concerned, /niets van hun signaal gedeeld/);
	assert.doesNotMatch(concerned, /Ook gezien/,
	    'nothing of the other signal crosses over');
	assert.equal(await ap.locator('section[aria-labelledby=' +
	    '"detail-concerned"] a[href^="tel:"]').count(), 1);
	// Near the top: before what the signal holds, not under it.
	assert.equal(await ap.evaluate(() => document.querySelector(
	    'main section[aria-labelledby]')?.getAttribute('aria-labelledby')),
	    'detail-concerned');
	await noLeaks(ap);
	await accessible(ap, 'the signal detail with the question form (nl)');

	// Nothing typed: said beside the field, nothing sent.
	const ask = ap.locator('form:has(textarea[name="question"])');
	await ask.locator('button[type="submit"]').click();
	await ap.waitForSelector('textarea[name="question"]' +
	    '[aria-invalid="true"]');
	assert.ok(await focusedMatches(ap, 'textarea[name="question"]'));
	assert.equal((await apiJson(ap, `/api/signals/${id}`)).questions
	    .length, 0, 'nothing was sent');

	// The question, with the keyboard.
	await ap.keyboard.type(question);
	await ap.keyboard.press('Tab');
	assert.ok(await focusedMatches(ap, 'form button[type="submit"]'));
	assert.equal((await ap.textContent(':focus')).trim(), 'Vraag stellen');
	await ap.keyboard.press('Enter');
	await focusOn(ap, '#detail-questions');
	let text = await sectionText(ap, 'detail-questions');
	assert.match(text, /Uw vraag is verstuurd/);
	assert.ok(text.includes(`Vraag 1Gesteld doordemo-advisor`), text);
	assert.ok(text.includes(`Vraag${question}`), text);
	assert.match(text, /Antwoordnog geen antwoord/);
	assert.equal(await ap.inputValue('textarea[name="question"]'), '',
	    'the form is empty again');
	let s = await apiJson(ap, `/api/signals/${id}`);
	assert.equal(s.questions.length, 1);
	assert.equal(s.questions[0].question, question);
	assert.equal(s.questions[0].answer, null);
	await accessible(ap, 'the signal detail with a question (nl)');
	await switchLang(ap, 'en');
	text = await sectionText(ap, 'detail-questions');
	assert.match(text, /^Questions to the reporter/);
	assert.match(text, /not answered yet/);
	assert.match(await sectionText(ap, 'detail-concerned'),
	    /Also concerned about this person/);
	await accessible(ap, 'the signal detail with a question (en)');
	await switchLang(ap, 'nl');

	// The reporter: the marker in Mijn signalen.
	const reporter = await loginAs(t, 'demo-reporter');
	const page = reporter.page;
	await tabTo(page, 'nav a[href="#/signals"]');
	await page.keyboard.press('Enter');
	await landedOn(page, 'Mijn signalen');
	await page.waitForSelector('main table tbody tr');
	const mine = (await apiJson(page, '/api/signals/mine?per_page=100')).signals;
	const waiting = mine.filter((x) => x.open_questions > 0);
	assert.ok(waiting.some((x) => x.id === id));
	assert.match(await page.textContent('main'), waiting.length === 1 ?
	    /Het meldpunt heeft een vraag over een van uw signalen\./ :
	    /Het meldpunt heeft vragen over \d+ van uw signalen\./);
	let cells = await rowCells(page, String(id));
	assert.ok(cells, 'the signal is listed');
	assert.equal(cells[4], 'Ontvangen Vraag van het meldpunt');
	assert.equal(await page.locator('main tbody .app-question-marker')
	    .count(), waiting.length, 'only the signals asked about');
	assert.doesNotMatch(await page.textContent('main'), new RegExp(mark),
	    'neither the question nor personal data in the list');
	await accessible(page, 'my signals with a question (nl)');
	await switchLang(page, 'en');
	cells = await rowCells(page, String(id));
	assert.equal(cells[4], 'Received Question from the reporting point');
	await accessible(page, 'my signals with a question (en)');
	await switchLang(page, 'nl');

	// The reporter's own page of the signal.
	await tabTo(page, `main a[href="#/signals/${id}"]`);
	await page.keyboard.press('Enter');
	await landedOn(page, `Signaal ${id}`);
	await page.waitForSelector('#view-questions');
	assert.equal(await page.getAttribute('nav a[href="#/signals"]',
	    'aria-current'), 'true');
	assert.match(await page.title(), new RegExp(`^Signaal ${id} `));
	let main = await page.textContent('main');
	assert.match(main, /Het meldpunt heeft een vraag voor u\./);
	assert.match(main, /Binnen enkele dagen/);
	assert.match(main, /Arbeidsuitbuiting/);
	assert.match(main, new RegExp(`Werkt elke nacht in de kas ${mark}`));
	assert.match(main, /Mentor ingelicht/);
	assert.match(main, new RegExp(`Vraagpersoon ${mark}`));
	assert.match(await sectionText(page, 'view-questions'),
	    new RegExp(`demo-advisor.*Sinds wanneer ziet u dit, en met wie ${
	    mark}`));
	// Who else is concerned shows once the point has taken it up.
	assert.equal(await page.locator('#view-concerned').count(), 0);
	assert.match(await page.textContent('#view-concerned-later'),
	    /zodra het meldpunt uw signaal in behandeling heeft genomen/);
	const advisorApi = await apiLogin(server, 'demo-advisor');
	assert.equal((await advisorApi.post(`/api/signals/${id}/claim`))
	    .status, 200);
	await page.reload();
	await page.waitForSelector('#view-concerned');
	main = await page.textContent('main');
	assert.equal(await page.locator('#view-concerned-later').count(), 0);
	const theirs = await sectionText(page, 'view-concerned');
	assert.match(theirs, /demo-coordinator/);
	assert.match(theirs, /Zorgcoördinatie Mensenhandel/);
	assert.doesNotMatch(theirs, /Ook gezien/);
	assert.doesNotMatch(main, /Opgepakt door|Toelichting|Grondslag/,
	    'nothing of the point\'s deliberation');
	await noLeaks(page);
	await accessible(page, 'the reporter\'s signal with a question (nl)');
	await switchLang(page, 'en');
	assert.equal((await page.textContent('#page-title')).trim(),
	    `Signal ${id}`);
	assert.match(await sectionText(page, 'view-questions'),
	    /^Questions from the reporting point/);
	await accessible(page, 'the reporter\'s signal with a question (en)');
	await switchLang(page, 'nl');

	// Answering, with the keyboard only.
	await tabTo(page, 'textarea[name="answer"]');
	await page.keyboard.type(answer);
	await page.keyboard.press('Tab');
	assert.ok(await focusedMatches(page, 'form button[type="submit"]'));
	assert.equal((await page.textContent(':focus')).trim(),
	    'Antwoord versturen');
	await page.keyboard.press('Enter');
	await focusOn(page, '#view-questions');
	text = await sectionText(page, 'view-questions');
	assert.match(text, /Uw antwoord is verstuurd\./);
	assert.match(text, new RegExp(`Antwoord${answer}`));
	assert.match(text, /Beantwoord op/);
	// Once: no second answer is offered.
	assert.equal(await page.locator('textarea[name="answer"]').count(), 0);
	assert.equal(await page.locator('main button:text("Antwoord ' +
	    'versturen")').count(), 0);
	assert.doesNotMatch(await page.textContent('main'),
	    /Het meldpunt heeft een vraag voor u/);
	s = await apiJson(page, `/api/signals/${id}`);
	assert.equal(s.questions[0].answer, answer);
	assert.ok(s.questions[0].answered_at);
	await accessible(page, 'the reporter\'s signal answered (nl)');
	await switchLang(page, 'en');
	assert.match(await sectionText(page, 'view-questions'),
	    /Your answer has been sent\./);
	await accessible(page, 'the reporter\'s signal answered (en)');
	await switchLang(page, 'nl');

	// Back in the list, the marker is gone.
	await tabTo(page, 'main a[href="#/signals"]');
	await page.keyboard.press('Enter');
	await landedOn(page, 'Mijn signalen');
	await page.waitForSelector('main table tbody tr');
	cells = await rowCells(page, String(id));
	assert.equal(cells[4], 'In triage', 'the point has taken it up');
	clean(reporter.problems);

	// The advisor reads the answer.
	await ap.reload();
	await ap.waitForSelector('#detail-questions');
	text = await sectionText(ap, 'detail-questions');
	assert.match(text, new RegExp(`Antwoord${answer}`));
	assert.match(text, /Beantwoord op/);
	assert.doesNotMatch(text, /nog geen antwoord/);
	await accessible(ap, 'the signal detail with an answer (nl)');
	clean(advisor.problems);
});

test('no account: call back; closed meanwhile; answered elsewhere',
    async (t) => {
	const mark = tag();
	const person = { kind: 'victim', name: `Terugbelpersoon ${mark}`,
	    birth_date: '2009-07-08' };
	const reporterApi = await apiLogin(server, 'demo-reporter');
	const advisorApi = await apiLogin(server, 'demo-advisor');
	const id = await file(reporterApi, person,
	    { description: `Slaapt op het werk ${mark}.` });
	const r = await fetch(`${server.url}/api/public/signals`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(await withProof(server.url, {
		    municipality: 'GM0363',
		    description: `Vertelt over schulden ${mark}.`,
		    persons: [person], reporter_name: `Karin Smit ${mark}`,
		    reporter_org: 'Huisartsenpraktijk Oost',
		    reporter_phone: '020 123 45 67' })),
	});
	assert.equal(r.status, 201);
	// Filed last, so the newest in the queue.
	const queue = (await advisorApi.get('/api/signals/queue?per_page=100')).body.signals;
	const pub = queue.reduce((a, b) => (b.id > a.id ? b : a));
	const detail = (await advisorApi.get(`/api/signals/${pub.id}`)).body;
	assert.equal(detail.unverified, true);
	assert.equal(detail.contact.name, `Karin Smit ${mark}`);

	// From the public form: no form, whom to call back instead.
	const advisor = await loginAs(t, 'demo-advisor');
	const ap = advisor.page;
	await go(ap, `#/queue/${pub.id}`);
	await landedOn(ap, `Signaal ${pub.id}`);
	await ap.waitForSelector('#detail-questions');
	assert.equal(await ap.locator('textarea[name="question"]').count(), 0);
	assert.match(await sectionText(ap, 'detail-questions'),
	    new RegExp('heeft gemeld zonder account en kan in schakel geen ' +
	    `vragen lezen\\. Bel Karin Smit ${mark} \\(Huisartsenpraktijk ` +
	    'Oost\\) terug op 020 123 45 67\\.'));
	const data = await ap.textContent('main dl');
	assert.match(data, new RegExp(`MelderKarin Smit ${mark}, ` +
	    'Huisartsenpraktijk Oost \\(zonder account\\)'));
	assert.match(data, /Telefoonnummer melder020 123 45 67/);
	assert.equal(await ap.getAttribute('main dl a[href^="tel:"]', 'href'),
	    'tel:0201234567');
	// The school's reporter is worried about the same person.
	assert.match(await sectionText(ap, 'detail-concerned'),
	    /demo-reporter.*Basisschool De Regenboog/);
	await noLeaks(ap);
	await accessible(ap, 'a signal from the public form (nl)');
	await switchLang(ap, 'en');
	assert.match(await sectionText(ap, 'detail-questions'),
	    /reported without an account.*Call Karin Smit/);
	await accessible(ap, 'a signal from the public form (en)');
	await switchLang(ap, 'nl');

	// A question answered through another window first.
	const q = await advisorApi.post(`/api/signals/${id}/questions`,
	    { question: 'Waar slaapt zij precies?' });
	assert.equal(q.status, 201, q.text);
	const reporter = await loginAs(t, 'demo-reporter');
	const page = reporter.page;
	await go(page, `#/signals/${id}`);
	await landedOn(page, `Signaal ${id}`);
	await page.waitForSelector('textarea[name="answer"]');
	assert.equal((await reporterApi.post(`/api/signals/${id}/questions/` +
	    `${q.body.id}/answer`, { answer: 'In de loods.' })).status, 200);
	await page.fill('textarea[name="answer"]', 'Nog een antwoord.');
	await page.click('main form button[type="submit"]');
	await page.locator('main .utrecht-alert[role="alert"]').waitFor();
	assert.match(await page.textContent('main'),
	    /Deze vraag is al beantwoord\./);
	await page.waitForFunction(() =>
	    document.querySelector('textarea[name="answer"]') === null);
	assert.match(await sectionText(page, 'view-questions'),
	    /AntwoordIn de loods\./);
	assert.doesNotMatch(await page.textContent('main'),
	    /Nog een antwoord/);
	await accessible(page, 'an answer given elsewhere (nl)');
	clean(reporter.problems);

	// Closed while the advisor types a question: said, and no form.
	await go(ap, `#/queue/${id}`);
	await landedOn(ap, `Signaal ${id}`);
	await ap.waitForSelector('textarea[name="question"]');
	assert.equal((await advisorApi.post(`/api/signals/${id}/claim`))
	    .status, 200);
	assert.equal((await advisorApi.post(`/api/signals/${id}/decision`,
	    { decision: 'advice_given', reason: 'Melder gebeld.' })).status,
	    200);
	await ap.fill('textarea[name="question"]', 'Nog iets?');
	await ap.click('form:has(textarea[name="question"]) ' +
	    'button[type="submit"]');
	await ap.locator('main .utrecht-alert[role="alert"]').waitFor();
	assert.match(await sectionText(ap, 'detail-questions'),
	    /De vraag is niet verstuurd: het signaal is intussen afgesloten\./);
	await ap.waitForFunction(() =>
	    document.querySelector('textarea[name="question"]') === null);
	const closed = await sectionText(ap, 'detail-questions');
	assert.match(closed, /Dit signaal is afgesloten\. U kunt de melder/);
	assert.match(closed, /Waar slaapt zij precies\?.*In de loods\./);
	assert.equal((await advisorApi.get(`/api/signals/${id}`)).body
	    .questions.length, 1, 'nothing more was asked');
	await noLeaks(ap);
	await accessible(ap, 'a closed signal with its questions (nl)');
	await switchLang(ap, 'en');
	assert.match(await sectionText(ap, 'detail-questions'),
	    /This signal is closed\./);
	await accessible(ap, 'a closed signal with its questions (en)');
	clean(advisor.problems);
});

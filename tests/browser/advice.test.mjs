// The advice pages in Chromium against a real schakel with demo data: a
// reporter asks the point a question with the keyboard only, under the
// note not to name anyone; the advisor of the region finds it among the
// open questions and answers it; the reporter reads the answer.  Also:
// checks before sending, an answer someone else gave first, the menu per
// role, and axe-core on every page in Dutch and English.  As in the other
// browser tests, a CSP refusal or a script error fails the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

import { launch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { uiFor } from '../lib/ui.mjs';
import { loginAs as apiLogin } from '../lib/util.mjs';

let server = null;
let browser = null;
const { accessible, apiJson, clean, focusedMatches, landedOn, loginAs,
    navLinks, open, switchLang, tabTo } =
    uiFor(() => ({ server, browser }));

before(async () => {
	server = await startServer();
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

// The text a screen reader reads as the description of the element
// matching selector (its aria-describedby, in order).
const description = (page, selector) => page.evaluate((s) => {
	const el = document.querySelector(s);
	return (el.getAttribute('aria-describedby') ?? '').split(/\s+/)
	    .filter(Boolean).map((id) => document.getElementById(id)
	    ?.textContent.trim() ?? `<missing ${id}>`).join(' | ');
}, selector);

// The data list of a question as {key: value}.
const itemData = (page, id) => page.evaluate((want) => {
	const li = document.querySelector(
	    `li.app-advice[data-advice="${want}"]`);
	if (!li)
		return null;
	const out = {};
	for (const row of li.querySelectorAll('.utrecht-data-list__item'))
		out[row.querySelector('dt').textContent.trim()] =
		    row.querySelector('dd').textContent.trim();
	out.section = li.closest('section')?.querySelector('h2')
	    ?.textContent.trim() ?? null;
	return out;
}, String(id));

const invalid = (page, selector) => page.getAttribute(selector,
    'aria-invalid');

test('a reporter asks by keyboard, the advisor answers, the reporter ' +
    'reads the answer', async (t) => {
	const tag = randomBytes(3).toString('hex');
	const question = `Een leerling (${tag}) werkt tot laat in een ` +
	    'nagelsalon van een kennis van de familie en lijkt bang. ' +
	    'Wat kan ik doen?';
	const answer = `Bespreek het met de aandachtsfunctionaris (${tag}) ` +
	    'en meld het als signaal als de zorgen blijven.';

	const reporter = await loginAs(t, 'demo-reporter');
	const page = reporter.page;
	assert.deepEqual(await navLinks(page),
	    ['Start', 'Signaal melden', 'Mijn signalen', 'Advies vragen',
	    'Deskundigheid']);
	await tabTo(page, 'nav a[href="#/advice"]');
	await page.keyboard.press('Enter');
	await landedOn(page, 'Advies vragen');
	assert.equal(await page.getAttribute('nav a[href="#/advice"]',
	    'aria-current'), 'page');
	await page.waitForFunction(() => document.querySelector(
	    'select[name="municipality"]')?.options.length > 300);
	await page.waitForSelector('#advice-mine ~ .app-list:not([aria-busy])');
	const before = (await apiJson(page, '/api/advice/mine')).advice.length;

	// The note is on the page, before the form, and read out with the
	// question.
	const note = 'Noem geen namen of andere gegevens waarmee iemand ' +
	    'herkenbaar is.';
	assert.match(await page.textContent('main .app-advice-note'),
	    new RegExp(note.replace('.', '\\.')));
	assert.ok(await page.evaluate(() => {
		const n = document.querySelector('main .app-advice-note');
		const f = document.querySelector('main form');
		return (n.compareDocumentPosition(f) &
		    Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
	}), 'the note comes before the form');
	assert.match(await description(page, 'textarea[name="question"]'),
	    new RegExp(`^${note.replace('.', '\\.')}`));
	await accessible(page, 'ask for advice (nl)');
	await switchLang(page, 'en');
	assert.equal((await page.textContent('#page-title')).trim(),
	    'Ask for advice');
	assert.match(await page.textContent('main .app-advice-note'),
	    new RegExp('Do not mention names or other details by which ' +
	    'someone can be recognised\\.'));
	await accessible(page, 'ask for advice (en)');
	await switchLang(page, 'nl');

	// Checks before sending: both fields, and a question too short.
	await tabTo(page, 'main form button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForSelector('select[name="municipality"]' +
	    '[aria-invalid="true"]');
	assert.ok(await focusedMatches(page, 'select[name="municipality"]'));
	assert.equal(await invalid(page, 'textarea[name="question"]'), 'true');
	assert.match(await description(page, 'textarea[name="question"]'),
	    /^Vul dit veld in\. \| Noem geen namen/);
	await accessible(page, 'ask for advice with errors (nl)');
	await page.keyboard.type('Amsterdam', { delay: 30 });
	assert.equal(await page.inputValue('select[name="municipality"]'),
	    'GM0363');
	await page.keyboard.press('Tab');
	assert.ok(await focusedMatches(page, 'textarea[name="question"]'));
	await page.keyboard.type('Kort.');
	await tabTo(page, 'main form button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => /minstens 10 tekens/.test(
	    document.querySelector('textarea[name="question"]')
	    .closest('.utrecht-form-field').textContent));
	assert.ok(await focusedMatches(page, 'textarea[name="question"]'));
	assert.equal(await invalid(page, 'select[name="municipality"]'), null,
	    'the old error is gone');
	assert.equal((await apiJson(page, '/api/advice/mine')).advice.length,
	    before, 'nothing was sent');

	// The real question.
	await page.keyboard.press('Control+A');
	await page.keyboard.type(question);
	await tabTo(page, 'main form button[type="submit"]');
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => /Uw vraag is verstuurd/.test(
	    document.querySelector('main [role="status"]')?.textContent));
	assert.equal(await page.inputValue('textarea[name="question"]'), '',
	    'the form is empty again');
	const mine = (await apiJson(page, '/api/advice/mine')).advice;
	assert.equal(mine.length, before + 1);
	const asked = mine.find((a) => a.question === question);
	assert.ok(asked, 'the server has the question as typed');
	assert.equal(asked.municipality_name, 'Amsterdam');
	assert.equal(asked.status, 'open');
	await page.waitForSelector(`li.app-advice[data-advice="${asked.id}"]`);
	let data = await itemData(page, asked.id);
	assert.equal(data.Vraag, question);
	assert.equal(data.Gemeente, 'Amsterdam');
	assert.equal(data.Status, 'Wacht op antwoord');
	assert.equal(data.Antwoord, 'nog geen antwoord');
	assert.equal(await page.locator('li.app-advice').first()
	    .getAttribute('data-advice'), String(asked.id), 'newest first');
	await accessible(page, 'ask for advice with a question (nl)');

	// The advisor of the region.
	const advisor = await loginAs(t, 'demo-advisor');
	const ap = advisor.page;
	assert.deepEqual(await navLinks(ap),
	    ['Start', 'Triage', 'Adviesvragen', 'Inzicht',
	    'Dekking deskundigheid', 'Signaal melden', 'Deskundigheid']);
	await tabTo(ap, 'nav a[href="#/advice/queue"]');
	await ap.keyboard.press('Enter');
	await landedOn(ap, 'Adviesvragen');
	const item = `li.app-advice[data-advice="${asked.id}"]`;
	await ap.waitForSelector(item);
	data = await itemData(ap, asked.id);
	assert.equal(data.section, 'Open vragen');
	assert.equal(data['Gesteld door'], 'Basisschool De Regenboog (demo)');
	assert.equal(data.Vraag, question);
	const queue = (await apiJson(ap, '/api/advice/queue')).advice;
	const openIds = queue.filter((a) => a.status === 'open')
	    .map((a) => String(a.id));
	assert.deepEqual(await ap.locator('#advice-open ~ .app-list ' +
	    'li.app-advice').evaluateAll((els) =>
	    els.map((el) => el.getAttribute('data-advice'))), openIds,
	    'the open questions in the order of the server');
	assert.match(await ap.textContent('main'), new RegExp(
	    `${openIds.length === 1 ? '1 vraag wacht' :
	    `${openIds.length} vragen wachten`} op antwoord`));
	await accessible(ap, 'advice requests (nl)');
	await switchLang(ap, 'en');
	assert.equal((await itemData(ap, asked.id)).section, 'Open questions');
	await accessible(ap, 'advice requests (en)');
	await switchLang(ap, 'nl');

	// An empty answer is not sent.
	const area = `${item} textarea[name="answer"]`;
	await tabTo(ap, area);
	await tabTo(ap, `${item} button[type="submit"]`);
	await ap.keyboard.press('Enter');
	await ap.waitForSelector(`${area}[aria-invalid="true"]`);
	assert.ok(await focusedMatches(ap, area));
	assert.equal((await apiJson(ap, '/api/advice/queue')).advice
	    .find((a) => a.id === asked.id).status, 'open');
	await accessible(ap, 'an answer form with an error (nl)');

	await ap.keyboard.type(answer);
	await tabTo(ap, `${item} button[type="submit"]`);
	await ap.keyboard.press('Enter');
	await ap.waitForFunction(() => /Uw antwoord is verstuurd/.test(
	    document.querySelector('main [role="status"]')?.textContent));
	await ap.waitForFunction((sel) => document.querySelector(sel)
	    ?.closest('section')?.querySelector('h2')?.id ===
	    'advice-answered', item);
	assert.ok(await focusedMatches(ap, '#advice-open'),
	    'focus goes back to the open questions');
	data = await itemData(ap, asked.id);
	assert.equal(data.Antwoord, answer);
	assert.equal(data['Beantwoord door'], 'demo-advisor');
	assert.equal(await ap.locator(`${item} form`).count(), 0,
	    'an answered question has no form');
	await accessible(ap, 'advice requests after answering (nl)');
	await switchLang(ap, 'en');
	await accessible(ap, 'advice requests after answering (en)');
	clean(advisor.problems);

	// Back at the reporter: the answer, in both languages.
	await page.reload();
	await page.waitForFunction(() => document.getElementById('page-title')
	    ?.textContent.trim() === 'Advies vragen');
	await page.waitForSelector(`li.app-advice[data-advice="${asked.id}"]`);
	data = await itemData(page, asked.id);
	assert.equal(data.Status, 'Beantwoord');
	assert.equal(data.Antwoord, answer);
	assert.equal(data['Beantwoord door'], 'demo-advisor');
	assert.ok(data['Beantwoord op'], 'the moment of the answer');
	await accessible(page, 'a question with its answer (nl)');
	await switchLang(page, 'en');
	data = await itemData(page, asked.id);
	assert.equal(data.Status, 'Answered');
	assert.equal(data.Answer, answer);
	await accessible(page, 'a question with its answer (en)');
	clean(reporter.problems);
});

test('an answer given first elsewhere is said so', async (t) => {
	const c = await apiLogin(server, 'demo-reporter');
	const a = await apiLogin(server, 'demo-advisor');
	const q = await c.post('/api/advice', { municipality: 'GM0384',
	    question: 'Een buurman van een leerling laat jongens bij hem ' +
	    'slapen in ruil voor werk. Is dat een signaal?' });
	assert.equal(q.status, 201, q.text);

	const { page, problems } = await loginAs(t, 'demo-advisor');
	await page.click('nav a[href="#/advice/queue"]');
	await landedOn(page, 'Adviesvragen');
	const item = `li.app-advice[data-advice="${q.body.id}"]`;
	await page.waitForSelector(`${item} textarea[name="answer"]`);
	assert.equal((await a.post(`/api/advice/${q.body.id}/answer`,
	    { answer: 'Ja, bel ons.' })).status, 200);

	await page.fill(`${item} textarea[name="answer"]`, 'Nee.');
	await page.click(`${item} button[type="submit"]`);
	await page.locator('main .utrecht-alert[role="alert"]').waitFor();
	assert.match(await page.textContent(
	    'main .utrecht-alert[role="alert"]'), /intussen al beantwoord/);
	await page.waitForFunction((sel) => document.querySelector(sel)
	    ?.closest('section')?.querySelector('h2')?.id ===
	    'advice-answered', item);
	assert.equal((await itemData(page, q.body.id)).Antwoord, 'Ja, bel ons.',
	    'the page shows the answer that stands');
	await accessible(page, 'an answer that came too late (nl)');
	clean(problems);
});

test('the advice pages follow the role', async (t) => {
	const menus = {
		'demo-coordinator': ['Start', 'Casussen', 'Termijnen',
		    'Noodtoegang', 'Inzicht', 'Dekking deskundigheid',
		    'Signaal melden', 'Mijn signalen', 'Advies vragen',
		    'Deskundigheid'],
		'demo-provider': ['Start', 'Verwijzingen', 'Opschalingen',
		    'Plaatsingen', 'Aanbod en capaciteit', 'Signaal melden',
		    'Mijn signalen', 'Advies vragen', 'Deskundigheid'],
		'demo-policy': ['Start', 'Inzicht', 'Zorgcontracten',
		    'Tekortrapportage', 'Dekking deskundigheid'],
		'demo-admin': ['Start', 'Organisaties', 'Gebruikers',
		    'Regio\'s', 'Termijnen', 'Noodtoegang nalopen'],
	};
	for (const [user, links] of Object.entries(menus)) {
		const other = await loginAs(t, user);
		assert.deepEqual(await navLinks(other.page), links, user);
		for (const hash of ['#/advice', '#/advice/queue']) {
			const may = hash === '#/advice' &&
			    links.includes('Advies vragen');
			await other.page.evaluate((h) => {
				window.location.hash = h;
			}, hash);
			await other.page.waitForFunction((want) =>
			    window.location.hash === want,
			    may ? hash : '#/start');
		}
		clean(other.problems);
		await other.page.close();
	}

	// A reporter cannot open the queue; the API says the same.
	const { page, problems } = await loginAs(t, 'demo-reporter');
	await page.evaluate(() => {
		window.location.hash = '#/advice/queue';
	});
	await page.waitForFunction(() => window.location.hash === '#/start');
	assert.equal((await page.evaluate(() => fetch('/api/advice/queue',
	    { credentials: 'same-origin' }).then((r) => r.status))), 403);
	clean(problems);
});

// The demo has a question the point answered asking to report it: the
// reporter adds the person and reports it from the advice, by keyboard;
// the question then links to the signal, and the advisor sees the same.
test('an answered question becomes a signal with the person', async (t) => {
	const reporter = await loginAs(t, 'demo-reporter');
	const page = reporter.page;
	await tabTo(page, 'nav a[href="#/advice"]');
	await page.keyboard.press('Enter');
	await landedOn(page, 'Advies vragen');
	const mine = (await apiJson(page, '/api/advice/mine')).advice;
	const asked = mine.find((a) => a.suggest_signal && !a.signal_id);
	assert.ok(asked, 'the demo has a question the point asks to report');
	const item = `li.app-advice[data-advice="${asked.id}"]`;
	await page.waitForSelector(item);
	assert.match((await itemData(page, asked.id)).Signaal,
	    /^Het meldpunt vraagt u dit als signaal te melden\. Meld dit als signaal$/);
	// One that was answered without the request still offers the way.
	const plain = mine.find((a) => a.status === 'answered' &&
	    !a.suggest_signal && !a.signal_id);
	assert.equal((await itemData(page, plain.id)).Signaal,
	    'Meld dit als signaal');
	// Not for one still waiting for its answer.
	const waiting = mine.find((a) => a.status === 'open');
	assert.equal((await itemData(page, waiting.id)).Signaal, undefined);

	await tabTo(page, `${item} a[href="#/advice/${asked.id}"]`);
	await page.keyboard.press('Enter');
	await landedOn(page, 'Advies melden als signaal');
	assert.equal(await page.getAttribute('nav a[href="#/advice"]',
	    'aria-current'), 'true');
	await page.waitForFunction(() => document.querySelector(
	    'select[name="municipality"]')?.options.length > 300);
	assert.equal(await page.inputValue('select[name="municipality"]'),
	    asked.municipality, 'the municipality of the question');
	assert.equal(await page.inputValue('textarea[name="description"]'),
	    asked.question, 'the question as the description');
	assert.match(await page.textContent('.app-from-advice'),
	    /Dit zijn signalen van arbeidsuitbuiting/);
	await accessible(page, 'advice to signal (nl)');
	await switchLang(page, 'en');
	assert.equal((await page.textContent('#page-title')).trim(),
	    'Report advice as a signal');
	await accessible(page, 'advice to signal (en)');
	await switchLang(page, 'nl');

	await tabTo(page, 'input[name$="name"]');
	await page.keyboard.type('Tomasz Nowak');
	await tabTo(page, 'main form button[type="submit"]');
	await page.keyboard.press('Enter');
	await landedOn(page, 'Signaal ontvangen');
	const after = (await apiJson(page, '/api/advice/mine')).advice
	    .find((a) => a.id === asked.id);
	assert.ok(after.signal_id > 0, 'the question names its signal');
	const signal = await apiJson(page, `/api/signals/${after.signal_id}`);
	assert.equal(signal.persons[0].name, 'Tomasz Nowak');
	assert.equal(signal.from_advice.id, asked.id);

	// Back at the questions: the link to the signal, no second report.
	await page.goto(`${server.url}/#/advice`);
	await page.waitForSelector(`${item} a[href="#/signals/${
	    after.signal_id}"]`);
	assert.equal((await itemData(page, asked.id)).Signaal,
	    `Signaal ${after.signal_id}`);
	await page.goto(`${server.url}/#/advice/${asked.id}`);
	await page.waitForFunction(() => /al gemeld als signaal/.test(
	    document.querySelector('main')?.textContent ?? ''));
	assert.equal(await page.locator('main form').count(), 0);
	// The signal's own page shows the question it grew from.
	const origin = `[data-from-advice="${asked.id}"]`;
	await tabTo(page, `main a[href="#/signals/${after.signal_id}"]`);
	await page.keyboard.press('Enter');
	await page.waitForSelector(origin);
	assert.match(await page.textContent(origin),
	    /Dit zijn signalen van arbeidsuitbuiting/);
	await accessible(page, 'a signal from advice, reporter (nl)');
	clean(reporter.problems);

	// The advisor's list says what became of it, and the signal shows
	// the question and the answer.
	const advisor = await loginAs(t, 'demo-advisor');
	const ap = advisor.page;
	await ap.goto(`${server.url}/#/advice/queue`);
	await ap.waitForSelector(`${item} a[href="#/queue/${
	    after.signal_id}"]`);
	await tabTo(ap, `${item} a[href="#/queue/${after.signal_id}"]`);
	await ap.keyboard.press('Enter');
	await ap.waitForSelector(origin);
	assert.match(await ap.textContent(origin), new RegExp(
	    asked.question.slice(0, 30).replace(/[.?()]/g, '\\$&')));
	await accessible(ap, 'a signal from advice, advisor (nl)');
	await switchLang(ap, 'en');
	await accessible(ap, 'a signal from advice, advisor (en)');
	clean(advisor.problems);
});

// After a call the advisor turns an open question into a signal for its
// asker, by keyboard; the asker follows it as their own.
test('the advisor turns a question into a signal for the asker',
    async (t) => {
	const tag = randomBytes(3).toString('hex');
	const api = await apiLogin(server, 'demo-reporter');
	const q = await api.post('/api/advice', { municipality: 'GM0363',
	    question: `Een jongen (${tag}) slaapt op het werk. Wat nu?` });
	assert.equal(q.status, 201);
	const item = `li.app-advice[data-advice="${q.body.id}"]`;

	const advisor = await loginAs(t, 'demo-advisor');
	const ap = advisor.page;
	await tabTo(ap, 'nav a[href="#/advice/queue"]');
	await ap.keyboard.press('Enter');
	await landedOn(ap, 'Adviesvragen');
	await ap.waitForSelector(item);
	await tabTo(ap, `${item} a[href="#/advice/${q.body.id}"]`);
	await ap.keyboard.press('Enter');
	await landedOn(ap, 'Advies melden als signaal');
	await ap.waitForFunction(() => document.querySelector(
	    'select[name="municipality"]')?.options.length > 300);
	assert.match(await ap.textContent('.app-from-advice'),
	    /op naam van de vraagsteller/);
	assert.match(await ap.textContent('.app-from-advice'),
	    /Basisschool De Regenboog \(demo\)/);
	assert.match(await ap.textContent('.app-from-advice'),
	    /nog geen antwoord/);
	await accessible(ap, 'the point turns advice into a signal (nl)');
	await tabTo(ap, 'input[name$="name"]');
	await ap.keyboard.type(`Jongen ${tag}`);
	await tabTo(ap, 'main form button[type="submit"]');
	await ap.keyboard.press('Enter');
	await landedOn(ap, 'Signaal ontvangen');
	const sid = Number(/onder nummer (\d+)/.exec(
	    await ap.textContent('main'))?.[1]);
	assert.ok(sid > 0);
	assert.equal(await ap.getAttribute('main a.utrecht-button-link',
	    'href'), `#/queue/${sid}`);
	clean(advisor.problems);

	// The asker has it among their own signals, with the person.
	const mine = (await api.get('/api/signals/mine?per_page=100')).body.signals;
	assert.ok(mine.some((s) => s.id === sid));
	const d = await api.get(`/api/signals/${sid}`);
	assert.equal(d.body.persons[0].name, `Jongen ${tag}`);
	assert.equal(d.body.from_advice.id, q.body.id);
});

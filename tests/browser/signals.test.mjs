// The signal pages in Chromium against a real schakel with demo data: a
// reporter files a signal with the keyboard only, the advisor of the
// region finds it in the triage queue, claims it and decides, and the
// reporter sees the outcome.  Also: the emergency numbers as soon as
// "acute" is chosen, field errors beside their fields (also on the
// right person), the menu per role, and axe-core on every page in Dutch
// and English.  As in shell.test.mjs, a CSP refusal or a script error
// fails the test.

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

// The report form, once its lists have come from the server.
async function formReady(page) {
	await page.waitForFunction(() => {
		const s = document.querySelector('select[name="municipality"]');
		return s !== null && s.options.length > 300 &&
		    document.querySelector('input[name="indicators"]') !== null;
	});
}

// The cells of the table row whose first cell (or the link in it) is
// text, or null.  In the queue a second line follows the link.
const rowCells = (page, text) => page.evaluate((want) => {
	for (const tr of document.querySelectorAll('main table tbody tr')) {
		const cells = [...tr.cells].map((c) => c.textContent.trim());
		const link = tr.cells[0]?.querySelector('a');
		if (cells[0] === want || link?.textContent.trim() === want)
			return cells;
	}
	return null;
}, text);

function today() {
	const d = new Date();
	const pad = (n) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-` +
	    pad(d.getDate());
}

test('a reporter files a signal by keyboard; the advisor triages it',
    async (t) => {
	const victim = `Testpersoon ${randomBytes(3).toString('hex')}`;
	const reporter = await loginAs(t, 'demo-reporter');
	const page = reporter.page;
	assert.deepEqual(await navLinks(page),
	    ['Start', 'Signaal melden', 'Mijn signalen', 'Advies vragen',
	    'Deskundigheid']);

	await tabTo(page, 'a[href="#/signals/new"]');
	await page.keyboard.press('Enter');
	await landedOn(page, 'Signaal melden');
	await formReady(page);
	assert.equal(await page.getAttribute('nav a[href="#/signals/new"]',
	    'aria-current'), 'page');
	assert.equal(await page.inputValue('input[name="noticed_on"]'),
	    today(), 'the date noticed is today by default');
	assert.equal(await page.locator('.app-emergency .utrecht-alert')
	    .count(), 0, 'no emergency panel while not acute');
	await accessible(page, 'the report form (nl)');

	// The municipality by typing its name into the select.
	await tabTo(page, 'select[name="municipality"]');
	await page.keyboard.type('Amsterdam', { delay: 30 });
	assert.equal(await page.inputValue('select[name="municipality"]'),
	    'GM0363');

	// Urgency: the checked radio is in the tab order; arrows choose.
	await tabTo(page, 'input[name="urgency"]');
	assert.ok(await focusedMatches(page, 'input[value="not_urgent"]'));
	await page.keyboard.press('ArrowUp');
	assert.ok(await focusedMatches(page, 'input[value="days"]:checked'));

	// The checklist: open the first group, tick its first indicator.
	await tabTo(page, 'details.app-group > summary');
	const summary = page.locator('details.app-group > summary').first();
	assert.match(await summary.textContent(),
	    /Algemene indicatoren\s+0 van \d+ aangevinkt/);
	await page.keyboard.press('Enter');
	assert.ok(await page.locator('details.app-group').first()
	    .evaluate((d) => d.open), 'Enter opens the group');
	await page.keyboard.press('Tab');
	assert.ok(await focusedMatches(page, 'input[name="indicators"]'));
	const indicator = await page.evaluate(() =>
	    document.activeElement.value);
	await page.keyboard.press('Space');
	assert.ok(await focusedMatches(page,
	    'input[name="indicators"]:checked'));
	assert.match(await summary.textContent(), /1 van \d+ aangevinkt/);

	await tabTo(page, 'input[name="forms"][value="labour"]');
	await page.keyboard.press('Space');
	await tabTo(page, 'textarea[name="description"]');
	await page.keyboard.type('Werkt elke nacht in een distributiecentrum ' +
	    'en lijkt niet vrij te kunnen gaan.');
	await tabTo(page, 'textarea[name="actions_taken"]');
	await page.keyboard.type('Gesprek gevoerd.');
	// Help needs: closed at first, opened with Enter, one ticked.
	const needs = page.locator('fieldset[data-field="help_needs"] ' +
	    'details > summary');
	await tabTo(page, 'fieldset[data-field="help_needs"] summary');
	assert.match(await needs.textContent(),
	    /Hulpbehoeften tonen\s+\(0 aangevinkt\)/);
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	assert.ok(await focusedMatches(page, 'input[name="help_needs"]'));
	const need = await page.evaluate(() => document.activeElement.value);
	await page.keyboard.press('Space');
	assert.match(await needs.textContent(), /\(1 aangevinkt\)/);
	await tabTo(page, 'input[name="persons[0].name"]');
	await page.keyboard.type(victim);
	await tabTo(page, 'form button[type="submit"]');
	await page.keyboard.press('Enter');

	await landedOn(page, 'Signaal ontvangen');
	const done = await page.textContent('main');
	const id = /onder nummer (\d+)/.exec(done)?.[1];
	assert.ok(id, `the confirmation names the number: ${done}`);
	assert.match(done, /StatusOntvangen/);
	assert.match(done, /Wordt beoordeeld uiterlijk op\d{1,2} \w+ \d{4}/);
	assert.doesNotMatch(done, /112/, 'no emergency numbers: not acute');
	assert.match(await page.title(), /^Signaal ontvangen/);
	await accessible(page, 'the confirmation (nl)');

	// What the server has: exactly what was typed and ticked.
	const s = await apiJson(page, `/api/signals/${id}`);
	assert.equal(s.municipality, 'GM0363');
	assert.equal(s.noticed_on, today());
	assert.equal(s.urgency, 'days');
	assert.deepEqual(s.indicators, [indicator]);
	assert.deepEqual(s.forms, ['labour']);
	assert.deepEqual(s.help_needs, [need]);
	assert.match(s.description, /distributiecentrum/);
	assert.equal(s.actions_taken, 'Gesprek gevoerd.');
	assert.equal(s.persons.length, 1);
	assert.equal(s.persons[0].kind, 'victim');
	assert.equal(s.persons[0].name, victim);

	// My signals, through the link in the confirmation.
	await tabTo(page, 'main a[href="#/signals"]');
	await page.keyboard.press('Enter');
	await landedOn(page, 'Mijn signalen');
	await page.waitForSelector('main table tbody tr');
	let cells = await rowCells(page, id);
	assert.ok(cells, 'the new signal is listed');
	assert.equal(cells[2], 'Amsterdam');
	assert.equal(cells[3], 'Binnen enkele dagen');
	assert.equal(cells[4], 'Ontvangen');
	assert.equal(cells[5], 'nog geen');
	assert.doesNotMatch(await page.textContent('main'),
	    new RegExp(victim), 'no personal data in the list');
	await accessible(page, 'my signals (nl)');
	await switchLang(page, 'en');
	assert.equal((await page.textContent('#page-title')).trim(),
	    'My signals');
	cells = await rowCells(page, id);
	assert.equal(cells[4], 'Received');
	await accessible(page, 'my signals (en)');
	await switchLang(page, 'nl');

	// The advisor of the region.
	const advisor = await loginAs(t, 'demo-advisor');
	const ap = advisor.page;
	assert.deepEqual(await navLinks(ap),
	    ['Start', 'Triage', 'Adviesvragen', 'Inzicht',
	    'Dekking deskundigheid', 'Signaal melden', 'Deskundigheid']);
	await tabTo(ap, 'a[href="#/queue"]');
	await ap.keyboard.press('Enter');
	await landedOn(ap, 'Triage');
	// The whole queue on one page (25 a page is the default).
	await ap.goto(`${server.url}/#/queue?per_page=100`);
	await ap.waitForSelector('main .app-queue:not([aria-busy])');
	await ap.waitForSelector('main table tbody tr');
	cells = await rowCells(ap, `Signaal ${id}`);
	assert.ok(cells, 'the signal is in the queue');
	// The municipality under the number, what is new under the status.
	assert.equal(cells[0], `Signaal ${id}Amsterdam`);
	assert.equal(cells[1], 'Binnen enkele dagen');
	assert.equal(cells[4], 'Ontvangennieuw');
	assert.equal(cells[8], 'Basisschool De Regenboog (demo)');
	// The demo queue holds overdue signals: marked in words.
	const queue = await apiJson(ap, '/api/signals/queue?per_page=100');
	const late = queue.signals.find((x) => x.overdue);
	assert.ok(late, 'the demo data has an overdue signal');
	// How late, in working days (calendar days over a weekend alone,
	// and for an acute one), as the server counts them.
	const lateBy = late.urgency === 'acute' || late.due_in_workdays === 0 ?
	    `${-late.due_in_days} dag(en)?` :
	    `${-late.due_in_workdays} werkdag(en)?`;
	assert.match((await rowCells(ap, `Signaal ${late.id}`))[2],
	    new RegExp(`\\d{4}${lateBy} te laat$`));
	// The new one: within its time, said the same way.
	assert.match(cells[2], /\d{4}(vandaag|morgen|over \d+ werkdag(en)?)$/);
	assert.deepEqual(await ap.locator('main table tbody tr td:first-child a')
	    .allTextContents(), queue.signals.map((x) => `Signaal ${x.id}`),
	    'the queue keeps the order of the server');
	await accessible(ap, 'the triage queue (nl)');
	await switchLang(ap, 'en');
	assert.ok(await rowCells(ap, `Signal ${id}`));
	assert.match((await rowCells(ap, `Signal ${late.id}`))[2],
	    /\d{4}\d+ (working )?days? late$/);
	await accessible(ap, 'the triage queue (en)');
	await switchLang(ap, 'nl');

	await tabTo(ap, `main a[href="#/queue/${id}"]`);
	await ap.keyboard.press('Enter');
	await landedOn(ap, `Signaal ${id}`);
	await ap.waitForSelector('#detail-triage');
	assert.equal(await ap.locator('section[aria-labelledby="detail-needs"] ' +
	    'li').count(), 1, 'the help need ticked');
	const detail = await ap.textContent('main');
	assert.match(detail, new RegExp(victim));
	assert.match(detail, /distributiecentrum/);
	assert.match(detail, /Arbeidsuitbuiting/);
	assert.match(detail, /demo-reporter, Basisschool De Regenboog/);
	assert.equal(await ap.getAttribute('nav a[href="#/queue"]',
	    'aria-current'), 'true');
	await accessible(ap, 'the signal detail (nl)');

	await tabTo(ap, '#signal-claim');
	await ap.keyboard.press('Enter');
	await ap.waitForSelector('select[name="decision"]');
	assert.ok(await focusedMatches(ap, '#detail-triage'));
	assert.match(await ap.textContent('main [role="status"]'),
	    /U hebt het signaal opgepakt/);
	assert.equal((await apiJson(ap, `/api/signals/${id}`)).status,
	    'in_triage');
	await accessible(ap, 'the signal detail with the decision form (nl)');

	// The fields follow the decision: a reason for no action, a legal
	// basis for forwarding, both checked before anything is sent.
	const basis = ap.locator('textarea[name="legal_basis"]');
	assert.ok(await basis.isHidden());
	await ap.selectOption('select[name="decision"]', 'forward_police');
	assert.ok(await basis.isVisible());
	await accessible(ap, 'the decision form asking a legal basis');
	await ap.selectOption('select[name="decision"]', 'no_action');
	assert.ok(await basis.isHidden());
	await ap.click('form button[type="submit"]');
	await ap.waitForSelector(
	    'textarea[name="reason"][aria-invalid="true"]');
	assert.ok(await focusedMatches(ap, 'textarea[name="reason"]'));
	assert.equal((await apiJson(ap, `/api/signals/${id}`)).status,
	    'in_triage', 'nothing was sent');
	await switchLang(ap, 'en');
	await accessible(ap, 'the decision form with an error (en)');
	await switchLang(ap, 'nl');

	await ap.selectOption('select[name="decision"]', 'advice_given');
	await ap.fill('textarea[name="reason"]', 'Melder gebeld en advies ' +
	    'gegeven over het gesprek met de leerling.');
	await ap.click('form button[type="submit"]');
	// First what it does, in words; nothing sent yet.
	await ap.waitForSelector('#decide-confirm');
	assert.ok(await focusedMatches(ap, '#decide-confirm'));
	const confirm = await ap.textContent('.app-confirm');
	assert.match(confirm, /Besluit: Advies gegeven aan de melder/);
	assert.match(confirm, /Het signaal wordt afgesloten\./);
	assert.match(confirm, /niet meer wijzigen/);
	assert.equal((await apiJson(ap, `/api/signals/${id}`)).status,
	    'in_triage', 'asked, not yet recorded');
	await accessible(ap, 'the decision to confirm (nl)');
	// Back: the form again, the choice kept.
	await ap.click('button:text("Terug naar het besluit")');
	assert.equal(await ap.locator('#decide-confirm').count(), 0);
	assert.ok(await focusedMatches(ap, 'select[name="decision"]'));
	assert.equal(await ap.inputValue('select[name="decision"]'),
	    'advice_given');
	await ap.click('form button[type="submit"]');
	await ap.click('#decide-confirm-yes');
	await ap.waitForFunction(() => document.querySelector(
	    'main [role="status"]')?.textContent.includes('vastgelegd'));
	assert.match(await ap.textContent('main [role="status"]'),
	    /Status: Afgesloten/);
	await ap.waitForFunction(() =>
	    document.querySelector('select[name="decision"]') === null);
	assert.match(await ap.textContent('main dl'), /Advies gegeven/);
	const decided = await apiJson(ap, `/api/signals/${id}`);
	assert.equal(decided.status, 'closed');
	assert.equal(decided.decision, 'advice_given');
	await accessible(ap, 'the decided signal (nl)');
	await switchLang(ap, 'en');
	assert.equal((await ap.textContent('#page-title')).trim(),
	    `Signal ${id}`);
	await accessible(ap, 'the decided signal (en)');
	clean(advisor.problems);

	// Back at the reporter: closed, with the outcome in words.
	await page.reload();
	await page.waitForSelector('main table tbody tr');
	cells = await rowCells(page, id);
	assert.equal(cells[4], 'Afgesloten');
	assert.equal(cells[5], 'Advies gegeven');
	assert.doesNotMatch(await page.textContent('main'), /Melder gebeld/,
	    'the advisor\'s explanation stays with the point');
	clean(reporter.problems);
});

test('choosing acute shows the emergency numbers at once', async (t) => {
	const { page, problems } = await loginAs(t, 'demo-reporter');
	await page.click('a[href="#/signals/new"]');
	await landedOn(page, 'Signaal melden');
	await formReady(page);

	await page.focus('input[name="urgency"][value="not_urgent"]');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowUp');
	assert.ok(await focusedMatches(page, 'input[value="acute"]:checked'));
	const panel = page.locator('.app-emergency .utrecht-alert');
	await panel.waitFor();
	assert.equal(await panel.getAttribute('role'), 'alert');
	const text = await panel.textContent();
	assert.match(text, /112/);
	assert.match(text, /0800-2000/);
	assert.match(text, /Veilig Thuis/);
	assert.equal(await panel.locator('a[href="tel:112"]').count(), 1);
	assert.equal(await panel.locator('a[href="tel:08002000"]').count(), 1);
	assert.ok(await focusedMatches(page, 'input[value="acute"]'),
	    'focus stays on the choice');
	await accessible(page, 'the report form with the acute panel (nl)');
	await switchLang(page, 'en');
	assert.match(await panel.textContent(), /immediate danger/);
	// The catalogue's texts follow the language too.
	const group = page.locator('details.app-group > summary').first();
	assert.match(await group.textContent(), /^General indicators/);
	const first = page.locator('input[name="indicators"]').first();
	const label = page.locator(
	    `label[for="${await first.getAttribute('id')}"]`);
	assert.equal((await label.textContent()).trim(),
	    'Did not arrange own travel or visa');
	await accessible(page, 'the report form with the acute panel (en)');
	await switchLang(page, 'nl');
	assert.match(await group.textContent(), /^Algemene indicatoren/);
	assert.equal((await label.textContent()).trim(),
	    'Heeft reis of visum niet zelf geregeld');

	// Away from acute, the panel goes; back, it comes back.
	await page.focus('input[name="urgency"][value="acute"]');
	await page.keyboard.press('ArrowDown');
	assert.equal(await panel.count(), 0);
	await page.keyboard.press('ArrowUp');
	await panel.waitFor();

	// A municipality by the name people use for it.
	await page.focus('select[name="municipality"]');
	await page.keyboard.type('Den Haag', { delay: 30 });
	assert.equal(await page.inputValue('select[name="municipality"]'),
	    'GM0518');
	await page.fill('textarea[name="description"]',
	    'Een leerling vertelt dat ze vanavond wordt opgehaald door een ' +
	    'man die haar geld afneemt.');
	await page.click('form button[type="submit"]');
	await landedOn(page, 'Signaal ontvangen');
	const done = page.locator('main');
	assert.match(await done.textContent(), /112/,
	    'the confirmation repeats the emergency numbers');
	await accessible(page, 'the confirmation of an acute signal (nl)');
	await switchLang(page, 'en');
	await page.waitForFunction(() => document.getElementById('page-title')
	    .textContent.trim() === 'Signal received');
	await accessible(page, 'the confirmation of an acute signal (en)');

	// Another one: an empty form again, focus on its heading.
	await page.click('button:text("Report another signal")');
	await landedOn(page, 'Report a signal');
	await formReady(page);
	assert.equal(await page.inputValue('textarea[name="description"]'), '');
	assert.ok(await page.locator('input[value="not_urgent"]').isChecked());
	assert.equal(await panel.count(), 0);
	clean(problems);
});

test('field errors land beside their fields, on the right person',
    async (t) => {
	const { page, problems } = await loginAs(t, 'demo-reporter');
	await page.click('a[href="#/signals/new"]');
	await landedOn(page, 'Signaal melden');
	await formReady(page);
	const before = (await apiJson(page, '/api/signals/mine?per_page=100')).signals
	    .length;

	// Nothing filled in: caught before sending.
	await page.fill('input[name="noticed_on"]', '');
	await page.click('form button[type="submit"]');
	await page.waitForSelector(
	    'select[name="municipality"][aria-invalid="true"]');
	assert.ok(await focusedMatches(page, 'select[name="municipality"]'));
	const set = page.locator('fieldset[data-field="indicators"]');
	assert.match(await set.getAttribute('class'),
	    /utrecht-form-fieldset--invalid/);
	const errId = (await set.getAttribute('aria-describedby'))
	    .split(' ')[0];
	assert.match(await page.textContent(`#${errId}`),
	    /Vink ten minste één signaal aan/);
	assert.equal(await page.getAttribute('textarea[name="description"]',
	    'aria-invalid'), 'true');
	await accessible(page, 'the report form with errors (nl)');
	await switchLang(page, 'en');
	assert.match(await page.textContent(`#${errId}`),
	    /Tick at least one signal/);
	await accessible(page, 'the report form with errors (en)');
	await switchLang(page, 'nl');

	// The server's errors: the victim is left empty, so the suspect
	// is persons[0] and its errors must land in its own section.
	await page.selectOption('select[name="municipality"]', 'GM0363');
	await page.fill('textarea[name="description"]', 'Zorgen.');
	await page.click('button:text("Mogelijke uitbuiter toevoegen")');
	const suspect = page.locator('fieldset.app-person').nth(1);
	assert.match(await suspect.locator('legend').textContent(),
	    /Mogelijke uitbuiter 1/);
	assert.ok(await suspect.locator('input').first().evaluate((el) =>
	    el === document.activeElement), 'focus moves to the new person');
	// The decoder's errors come first (an age out of range), the
	// checks of the content after (a BSN that fails the elfproef).
	const idInput = suspect.locator('input[name$=".id_number"]');
	const ageInput = suspect.locator('input[name$=".estimated_age"]');
	await idInput.fill('123');
	await ageInput.fill('0');
	await page.click('form button[type="submit"]');
	await page.waitForFunction(() => document.querySelector(
	    'fieldset.app-person:nth-of-type(2) [aria-invalid="true"]') !==
	    null);
	assert.equal(await ageInput.getAttribute('name'),
	    'persons[0].estimated_age');
	assert.ok(await ageInput.evaluate((el) =>
	    el === document.activeElement));
	const ageErr = (await ageInput.getAttribute('aria-describedby'))
	    .split(' ')[0];
	assert.match(await page.textContent(`#${ageErr}`),
	    /Vul een getal van 1 tot en met 120 in/);

	await ageInput.fill('30');
	await page.click('form button[type="submit"]');
	await page.waitForSelector('input[name="persons[0].id_number"]' +
	    '[aria-invalid="true"]');
	assert.equal(await ageInput.getAttribute('aria-invalid'), null,
	    'the old error is gone');
	const idErr = (await idInput.getAttribute('aria-describedby'))
	    .split(' ')[0];
	assert.match(await page.textContent(`#${idErr}`),
	    /geldig BSN \(9 cijfers\) of V-nummer/);
	assert.equal(await page.locator('fieldset.app-person').first()
	    .locator('[aria-invalid="true"]').count(), 0,
	    'nothing is marked on the empty victim');
	assert.match(await page.textContent(
	    'main .utrecht-alert[role="alert"]'),
	    /Controleer deze velden/);
	await accessible(page, 'the report form with server errors');
	assert.equal((await apiJson(page, '/api/signals/mine?per_page=100')).signals.length,
	    before, 'nothing was filed');

	// Removing the suspect puts focus back on the add button.
	await suspect.locator('button:text("verwijderen")').click();
	assert.equal(await page.locator('fieldset.app-person').count(), 1);
	assert.ok(await page.locator('button:text("uitbuiter toevoegen")')
	    .evaluate((el) => el === document.activeElement));
	clean(problems);
});

test('the menu and the pages follow the role', async (t) => {
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
		await other.page.close();
	}

	const { page, problems } = await loginAs(t, 'demo-reporter');
	for (const hash of ['#/queue', '#/queue/1', '#/constructor',
	    '#/signals/x', '#/queue/99999999999999999']) {
		await page.evaluate((h) => {
			window.location.hash = h;
		}, hash);
		await page.waitForFunction(() =>
		    window.location.hash === '#/start');
	}
	// An unknown number is an error on the page, not a crash.
	const a = await loginAs(t, 'demo-advisor');
	await a.page.evaluate(() => {
		window.location.hash = '#/queue/999999';
	});
	await landedOn(a.page, 'Signaal 999999');
	await a.page.locator('main .utrecht-alert[role="alert"]').waitFor();
	assert.match(await a.page.textContent('main'), /bestaat niet/);
	await accessible(a.page, 'a signal that does not exist');

	// A claim that someone else made first is said so, and the page
	// shows how things stand.
	const c = await apiLogin(server, 'demo-advisor');
	const q = (await c.get('/api/signals/queue?per_page=100')).body.signals
	    .find((s) => !s.claimed_by);
	await a.page.evaluate((id) => {
		window.location.hash = `#/queue/${id}`;
	}, q.id);
	await landedOn(a.page, `Signaal ${q.id}`);
	const claim = a.page.locator('button:text("Oppakken")');
	await claim.waitFor();
	assert.equal((await c.post(`/api/signals/${q.id}/claim`)).status, 200);
	await claim.click();
	await a.page.locator('main .utrecht-alert[role="alert"]').waitFor();
	assert.match(await a.page.textContent('main'), /intussen al opgepakt/);
	await a.page.waitForSelector('select[name="decision"]');
	clean(a.problems);
	clean(problems);
});

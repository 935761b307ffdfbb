// Cases in Chromium: an advisor decides open_case on a signal and the
// signal page names the case and who coordinates it; the coordinator
// finds the new case on the start page and in Cases, accepts it, adds a
// help need and a care plan, puts it into care and writes a note, all
// with the keyboard where it matters; axe in Dutch and English on every
// state, and a CSP refusal or a script error fails.

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

test('open_case leads to a case the coordinator accepts and plans',
    async (t) => {
	const reporter = await apiLogin(server, 'demo-reporter');
	const f = await reporter.post('/api/signals', { municipality: 'GM0363',
	    urgency: 'days', forms: ['labour'], help_needs: ['SAFE-SHELTER'],
	    description: 'Slaapt in de loods van de kwekerij.',
	    persons: [{ kind: 'victim', name: 'Elena Vasile',
		birth_date: '1999-09-09' }] });
	assert.equal(f.status, 201, f.text);
	const signal = f.body.id;

	// The advisor claims and decides open_case in the browser.
	const a = await ui.loginAs(t, 'demo-advisor');
	await a.page.goto(`${server.url}/#/queue/${signal}`);
	await a.page.click('#signal-claim');
	await a.page.waitForSelector('select[name="decision"]');
	await a.page.selectOption('select[name="decision"]', 'open_case');
	await a.page.click('form button[type="submit"]');
	assert.match(await a.page.textContent('.app-confirm'),
	    /casus geopend bij de zorgcoördinator/);
	await a.page.click('#decide-confirm-yes');
	await a.page.waitForFunction(() => document.querySelector('main dl')
	    ?.textContent.includes('Casus') ?? false);
	const s = await ui.apiJson(a.page, `/api/signals/${signal}`);
	assert.ok(s.case?.id, JSON.stringify(s));
	const id = s.case.id;
	assert.match(await a.page.textContent('main dl'), new RegExp(
	    `Casus ${id} bij Zorgcoördinatie Mensenhandel Amsterdam`));
	await ui.accessible(a.page, 'the decided signal with its case (nl)');
	ui.clean(a.problems);

	// The coordinator: start page, then the case.
	const { page, problems } = await ui.loginAs(t, 'demo-coordinator');
	await ui.landedOn(page, 'Start');
	await page.waitForSelector('section[aria-labelledby=' +
	    '"start-cases-new"] table');
	assert.match(await page.textContent('section[aria-labelledby=' +
	    '"start-cases-new"]'), new RegExp(`Casus ${id}`));
	await ui.accessible(page, 'the coordinator\'s start (nl)');
	await page.click(`a[href="#/cases/${id}"]`);
	await ui.landedOn(page, `Casus ${id}`);
	assert.equal(await page.getAttribute('nav a[href="#/cases"]',
	    'aria-current'), 'true');
	await page.waitForSelector('#case-facts');
	const facts = await ui.dataList(page, '#case-facts');
	assert.equal(facts.Stand, 'Nieuw');
	assert.match(facts.Soort, /Mensenhandel: Arbeidsuitbuiting/);
	assert.match(await page.textContent('section[aria-labelledby=' +
	    '"case-people"]'), /Elena Vasile/);
	await ui.accessible(page, 'a new case (nl)');
	await ui.switchLang(page, 'en');
	await ui.accessible(page, 'a new case (en)');
	await ui.switchLang(page, 'nl');

	// Accept, with the keyboard.
	await ui.tabTo(page, 'section[aria-labelledby="case-step"] ' +
	    'button.utrecht-button--primary-action');
	await page.keyboard.press('Enter');
	await page.waitForFunction(() => document.querySelector(
	    'main [role="status"]')?.textContent.includes('geaccepteerd'));
	assert.ok(await ui.focusedMatches(page, '#case-step'));
	assert.equal((await ui.apiJson(page, `/api/cases/${id}`)).coordinator,
	    'demo-coordinator');

	// A help need and the care plan.
	await page.selectOption('select[name="need"]', 'LEGAL');
	await page.click('form[aria-label="Hulpvraag toevoegen"] ' +
	    'button[type="submit"]');
	await page.waitForFunction(() => document.querySelector(
	    '#case-needs + * table, table[aria-labelledby="case-needs"]')
	    ?.textContent.includes('Rechtsbijstand') ?? false);
	await page.fill('textarea[name="goals"]', 'Een veilige plek en werk.');
	await page.fill('input[name="tasks[0].who"]', 'Opvang De Haven');
	await page.fill('input[name="tasks[0].what"]', 'Opvangplek');
	await page.fill('input[name="review_on"]', '2031-05-01');
	await page.click('form[aria-label="Zorgplan opslaan"] ' +
	    'button[type="submit"]');
	await page.waitForFunction(() => document.querySelector(
	    'main [role="status"]')?.textContent.includes('zorgplan'));
	let c = await ui.apiJson(page, `/api/cases/${id}`);
	assert.equal(c.plan.goals, 'Een veilige plek en werk.');
	assert.deepEqual(c.plan.tasks, [{ who: 'Opvang De Haven',
	    what: 'Opvangplek' }]);
	assert.deepEqual(c.needs.map((n) => n.need), ['SAFE-SHELTER',
	    'LEGAL']);

	// Into care, and a note; an empty note names the field.
	await page.click('form[aria-label="Zorg is gestart"] ' +
	    'button[type="submit"]');
	await page.waitForFunction(() => document.querySelector('#case-facts')
	    ?.textContent.includes('In zorg') ?? false);
	await page.click('form[aria-label="Notitie toevoegen"] ' +
	    'button[type="submit"]');
	await page.waitForSelector('textarea[name="text"][aria-invalid="true"]');
	await page.fill('textarea[name="text"]', 'Intake gedaan met tolk.');
	await page.click('form[aria-label="Notitie toevoegen"] ' +
	    'button[type="submit"]');
	await page.waitForFunction(() => document.querySelector(
	    'section[aria-labelledby="case-timeline"]')?.textContent
	    .includes('Intake gedaan met tolk.') ?? false);
	c = await ui.apiJson(page, `/api/cases/${id}`);
	assert.equal(c.status, 'in_care');
	assert.deepEqual(c.timeline.map((e) => e.kind), ['opened', 'accepted',
	    'need', 'plan', 'status', 'note']);
	await ui.accessible(page, 'a case in care (nl)');
	await ui.switchLang(page, 'en');
	await ui.accessible(page, 'a case in care (en)');
	ui.clean(problems);
});

test('the coordinator\'s list of cases', async (t) => {
	const { page, problems } = await ui.loginAs(t, 'demo-coordinator');
	await page.goto(`${server.url}/#/cases`);
	await ui.landedOn(page, 'Casussen');
	await page.waitForSelector('table[aria-labelledby="cases-open"]');
	await ui.accessible(page, 'the list of cases (nl)');
	await page.click('a[href="#/cases/new"]');
	await ui.landedOn(page, 'Casus openen');
	await ui.accessible(page, 'the form to open a case (nl)');
	ui.clean(problems);
});

test('the coordinator submits for identification, an assessor decides, ' +
    'and Rotterdam accepts the transfer', async (t) => {
	// A case through the front door, accepted by Amsterdam.
	const reporter = await apiLogin(server, 'demo-reporter');
	const advisor = await apiLogin(server, 'demo-advisor');
	const coordinator = await apiLogin(server, 'demo-coordinator');
	const f = await reporter.post('/api/signals', { municipality: 'GM0363',
	    urgency: 'days', forms: ['sexual'], description: 'Moet klanten ' +
	    'ontvangen in een woning.', persons: [{ kind: 'victim',
	    name: 'Irina Costa', birth_date: '2006-02-02' }] });
	assert.equal(f.status, 201, f.text);
	await advisor.post(`/api/signals/${f.body.id}/claim`);
	const d = await advisor.post(`/api/signals/${f.body.id}/decision`,
	    { decision: 'open_case' });
	const id = d.body.case_id;
	assert.ok(id, d.text);
	assert.equal((await coordinator.post(`/api/cases/${id}/accept`))
	    .status, 200);

	// Submitted for identification from the case page.
	const c = await ui.loginAs(t, 'demo-coordinator');
	await c.page.goto(`${server.url}/#/cases/${id}`);
	await c.page.waitForSelector('select[name="committee_org_id"] ' +
	    'option:nth-child(2)', { state: 'attached' });
	await c.page.selectOption('select[name="committee_org_id"]',
	    { label: 'Beoordelingscommissie Identificatie (demo)' });
	await c.page.check('input[name="parts"][value="summary"]');
	await c.page.check('input[name="parts"][value="persons"]');
	await c.page.click('form[aria-labelledby^="ident-submit"] ' +
	    'button[type="submit"]');
	await c.page.waitForFunction(() => document.querySelector(
	    'main [role="status"]')?.textContent.includes('voorgelegd'));
	const cs = await ui.apiJson(c.page, `/api/cases/${id}`);
	assert.equal(cs.identification.assessments.length, 1);
	const aid = cs.identification.assessments[0].id;
	await ui.accessible(c.page, 'a case submitted for identification (nl)');
	ui.clean(c.problems);

	// The assessor sees what was shared and decides.
	const a = await ui.loginAs(t, 'demo-assessor');
	await a.page.goto(`${server.url}/#/assessments/${aid}`);
	await a.page.waitForSelector('input[name="decision"]');
	assert.match(await a.page.textContent('main'), /Irina Costa/);
	assert.doesNotMatch(await a.page.textContent('main'),
	    /Seksuele uitbuiting/, 'the forms were not shared');
	await a.page.check('input[name="decision"][value="plausible"]');
	await a.page.fill('textarea[name="reasons"]', 'Consistent verhaal, ' +
	    'waarnemingen van de opvang passen erbij.');
	await a.page.click('main form button[type="submit"]');
	await a.page.waitForFunction(() => document.querySelector(
	    'main [role="status"]')?.textContent.includes('eerste besluit'));
	await ui.accessible(a.page, 'an assessment after its first decision');
	ui.clean(a.problems);

	// Amsterdam asks Rotterdam to take the case over.
	await c.page.goto(`${server.url}/#/cases/${id}`);
	await c.page.waitForSelector('form[aria-label="Overdracht vragen"] ' +
	    'select[name="municipality"] option:nth-child(2)',
	    { state: 'attached' });
	await c.page.selectOption('form[aria-label="Overdracht vragen"] ' +
	    'select[name="municipality"]', 'GM0599');
	await c.page.fill('form[aria-label="Overdracht vragen"] ' +
	    'textarea[name="reason"]', 'Woont nu bij haar tante in Rotterdam.');
	await c.page.click('form[aria-label="Overdracht vragen"] ' +
	    'button[type="submit"]');
	await c.page.waitForFunction(() => document.querySelector(
	    'main [role="status"]')?.textContent.includes('overdracht'));

	// Rotterdam finds it on the start page and accepts it.
	const r = await ui.loginAs(t, 'demo-coordinator-rotterdam');
	await ui.landedOn(r.page, 'Start');
	await r.page.waitForSelector(`main a[href="#/cases/${id}"]`);
	await ui.accessible(r.page, 'Rotterdam\'s start with a transfer');
	await r.page.click(`main a[href="#/cases/${id}"]`);
	await ui.landedOn(r.page, `Casus ${id}`);
	await r.page.waitForSelector('#case-facts');
	await ui.accessible(r.page, 'a case waiting for its transfer (nl)');
	await r.page.click('button:has-text("Casus aanvaarden")');
	await r.page.waitForFunction(() => document.querySelector('#case-facts')
	    ?.textContent.includes('Rotterdam') ?? false);
	const moved = await ui.apiJson(r.page, `/api/cases/${id}`);
	assert.equal(moved.access, 'team');
	assert.equal(moved.coordinator, 'demo-coordinator-rotterdam');
	assert.match(moved.org_name, /Rotterdam/);
	await ui.accessible(r.page, 'the case after the transfer (nl)');
	await ui.switchLang(r.page, 'en');
	await ui.accessible(r.page, 'the case after the transfer (en)');
	ui.clean(r.problems);
});

// Notifications lead to the work, in Chromium against a real schakel
// whose deadline sweep runs every second: the expert team finds a new
// escalation under "Wacht op u" and follows it to the escalation; when
// its answer is late the case's coordinator is told and follows that to
// the case; the provider finds a late referral and follows it to the
// referral.  In Dutch and English, axe-core on each start page; a CSP
// refusal or a script error fails the test.  Everything started here is
// stopped, also when an assertion fails.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { uiFor } from '../lib/ui.mjs';
import { loginAs as apiLogin, sql, stopClean } from '../lib/util.mjs';

let server = null;
let browser = null;
const { accessible, clean, landedOn, loginAs, switchLang, tabTo } =
    uiFor(() => ({ server, browser }));

before(async () => {
	server = await startServer({ args: ['--sweep-every', '1'] });
	browser = await launch();
});

after(async () => {
	await browser?.close();
	if (server)
		await stopClean(server);
});

// An Amsterdam case with a minor and a plan, by demo-coordinator.
async function amsterdamCase(coord) {
	const r = await coord.post('/api/cases', { type: 'trafficking',
	    forms: ['criminal'], municipality: 'GM0363', source: 'police',
	    summary: 'Moest pakketjes rondbrengen.',
	    help_needs: ['SAFE-SHELTER'],
	    persons: [{ kind: 'victim', name: 'Sem de Boer',
	    birth_date: '2010-05-06' }] });
	assert.equal(r.status, 201, r.text);
	const path = `/api/cases/${r.body.id}`;
	assert.equal((await coord.post(`${path}/plan`,
	    { goals: 'Veilig wonen.' })).status, 200);
	const k = (await coord.get(path)).body;
	return { id: r.body.id, path, need: k.needs.find((n) =>
	    n.need === 'SAFE-SHELTER').id };
}

// Waits until the API lists a notification of kind on the object.
async function told(api, kind, type, id) {
	for (let i = 0; i < 50; i++) {
		const n = (await api.get('/api/notifications')).body;
		if (n.notifications.some((x) => x.kind === kind &&
		    x.object_type === type && x.object_id === id))
			return true;
		await new Promise((res) => setTimeout(res, 200));
	}
	return false;
}

// On the start page: the item's text is there; following its link
// lands on the page titled want.
async function follow(page, text, href, want) {
	await page.waitForSelector('#start-notify');
	assert.match(await page.textContent(
	    'section[aria-labelledby="start-notify"]'), text);
	await tabTo(page, `main a[href="${href}"]`);
	await page.keyboard.press('Enter');
	await landedOn(page, want);
}

test('an escalation and its late answer lead the team and the ' +
    'coordinator to their work', async (t) => {
	const coordApi = await apiLogin(server, 'demo-coordinator');
	const teamApi = await apiLogin(server, 'demo-expertteam');
	const k = await amsterdamCase(coordApi);
	const r = await coordApi.post(`${k.path}/escalations`,
	    { ground: 'complex_minor', summary: 'Veel tegelijk; graag advies.',
	    shares: ['needs'], basis: 'legal', legal_basis: 'youth_act' });
	assert.equal(r.status, 201, r.text);
	const esc = r.body.escalation;
	assert.ok(await told(teamApi, 'escalation_asked', 'escalation', esc));

	const team = await loginAs(t, 'demo-expertteam');
	await landedOn(team.page, 'Start');
	await follow(team.page, new RegExp(`Een nieuwe opschaling ${esc} ` +
	    'voor uw team'), `#/escalations/${esc}`, `Opschaling ${esc}`);
	clean(team.problems);

	await sql(server.dataDir, 'UPDATE escalation SET answer_due = 1 ' +
	    `WHERE id = ${esc}`);
	assert.ok(await told(coordApi, 'escalation_late', 'case', k.id));
	const coord = await loginAs(t, 'demo-coordinator');
	await landedOn(coord.page, 'Start');
	await coord.page.waitForSelector('#start-notify');
	await accessible(coord.page, 'the start page with a late escalation');
	await switchLang(coord.page, 'en');
	await coord.page.waitForSelector('#start-notify');
	assert.match(await coord.page.textContent(
	    'section[aria-labelledby="start-notify"]'), new RegExp(
	    `An escalation in case ${k.id} was not answered in time`));
	await accessible(coord.page, 'the start page with a late escalation ' +
	    '(en)');
	await switchLang(coord.page, 'nl');
	await follow(coord.page, new RegExp(`Een opschaling in casus ${k.id} ` +
	    'is niet op tijd beantwoord'), `#/cases/${k.id}`, `Casus ${k.id}`);
	clean(coord.problems);
});

test('a late referral leads the provider to it', async (t) => {
	const coordApi = await apiLogin(server, 'demo-coordinator');
	const providerApi = await apiLogin(server, 'demo-provider');
	const k = await amsterdamCase(coordApi);
	const shelter = Number((await sql(server.dataDir, 'SELECT id FROM org ' +
	    "WHERE name = 'Opvang De Haven (demo)'")).trim());
	const r = await coordApi.post(`${k.path}/referrals`, { need: k.need,
	    provider: shelter, basis: 'consent', consent_on: '2026-01-02' });
	assert.equal(r.status, 201, r.text);
	const ref = r.body.referral;
	await sql(server.dataDir, 'UPDATE referral SET answer_due = 1 ' +
	    `WHERE id = ${ref}`);
	assert.ok(await told(providerApi, 'referral_overdue', 'referral', ref));
	const p = await loginAs(t, 'demo-provider');
	await landedOn(p.page, 'Start');
	await follow(p.page, new RegExp(`De antwoordtermijn van verwijzing ` +
	    `${ref} is verstreken`), `#/referrals/${ref}`, `Verwijzing ${ref}`);
	await accessible(p.page, 'the late referral');
	clean(p.problems);
});

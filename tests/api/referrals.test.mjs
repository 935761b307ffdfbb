// Referrals: the team refers a need to a provider with the parts of the
// case it ticks and a basis for sharing; the provider sees exactly those
// parts and nothing else, answers, starts, writes notes the team reads,
// ends; withdrawn consent ends the sharing at once; everyone else gets a
// 404.  Escalation to the regional expert team and its answer on the
// timeline.  Every step audited.  Runs on SQLite and PostgreSQL
// (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, runCli, sql, stopClean }
    from '../lib/util.mjs';

const SHELTER = 'Opvang De Haven (demo)';
const YOUTH = 'Jeugdhulp Noord (demo)';

let server = null;
let coord = null;
let rotterdam = null;
let shelter = null;
let youth = null;
let team = null;
let teamRijnmond = null;
let shelterId = 0;
let youthId = 0;

async function count(where) {
	return Number((await sql(server.dataDir,
	    `SELECT COUNT(*) FROM ${where}`)).trim());
}

async function orgId(name) {
	return Number((await sql(server.dataDir,
	    `SELECT id FROM org WHERE name = '${name}'`)).trim());
}

before(async () => {
	server = await startServer();
	[coord, rotterdam, shelter, youth, team, teamRijnmond] =
	    await Promise.all([loginAs(server, 'demo-coordinator'),
	    loginAs(server, 'demo-coordinator-rotterdam'),
	    loginAs(server, 'demo-provider'),
	    loginAs(server, 'demo-provider-jeugd'),
	    loginAs(server, 'demo-expertteam'),
	    loginAs(server, 'demo-expertteam-rijnmond')]);
	shelterId = await orgId(SHELTER);
	youthId = await orgId(YOUTH);
});

after(async () => {
	await stopClean(server);
});

// An Amsterdam case with a minor, a summary, needs and a plan.
async function newCase() {
	const r = await coord.post('/api/cases', { type: 'trafficking',
	    forms: ['criminal'], municipality: 'GM0363', source: 'police',
	    summary: 'Moest pakketjes rondbrengen.',
	    help_needs: ['SAFE-SHELTER', 'MED'],
	    persons: [{ kind: 'victim', name: 'Sem de Boer',
	    birth_date: '2010-05-06', phone: '0612345678' }] });
	assert.equal(r.status, 201, r.text);
	const path = `/api/cases/${r.body.id}`;
	assert.equal((await coord.post(`${path}/plan`,
	    { goals: 'Veilig wonen.' })).status, 200);
	const c = (await coord.get(path)).body;
	const need = (code) => c.needs.find((n) => n.need === code).id;
	return { id: r.body.id, path, shelterNeed: need('SAFE-SHELTER'),
	    medNeed: need('MED') };
}

function refer(c, fields) {
	return coord.post(`${c.path}/referrals`, { need: c.shelterNeed,
	    provider: shelterId, basis: 'consent', consent_on: '2026-01-02',
	    ...fields });
}

test('bad input is named per field and changes nothing', async () => {
	const c = await newCase();
	const before = await count('referral');
	let r = await coord.post(`${c.path}/referrals`, { need: c.shelterNeed,
	    provider: shelterId });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['basis']);
	r = await refer(c, { consent_on: '2999-01-01' });
	assert.deepEqual(fieldNames(r), ['consent_on']);
	r = await refer(c, { consent_on: null });
	assert.deepEqual(fieldNames(r), ['consent_on']);
	r = await refer(c, { shares: ['persons', 'bank_account'] });
	assert.deepEqual(fieldNames(r), ['shares']);
	r = await refer(c, { shares: ['safety'] });
	assert.deepEqual(fieldNames(r), ['safety']);
	r = await refer(c, { basis: 'legal', consent_on: null,
	    legal_basis: 'whim' });
	assert.deepEqual(fieldNames(r), ['legal_basis']);
	r = await refer(c, { basis: 'legal', consent_on: null,
	    legal_basis: 'other_law' });
	assert.deepEqual(fieldNames(r), ['basis_text']);
	r = await refer(c, { provider: youthId + 1000 });
	assert.deepEqual(fieldNames(r), ['provider']);
	// A care coordination is no provider.
	r = await refer(c, { provider: await orgId(
	    'Zorgcoördinatie Mensenhandel Rotterdam (demo)') });
	assert.deepEqual(fieldNames(r), ['provider']);
	r = await refer(c, { colour: 'blue' });
	assertError(r, 400, 'invalid');
	// Another organisation's coordinator: no such case.
	assertError(await rotterdam.post(`${c.path}/referrals`,
	    { need: c.shelterNeed, provider: shelterId, basis: 'consent',
	    consent_on: '2026-01-02' }), 404, 'not_found');
	assert.equal(await count('referral'), before);
	// No shares is allowed: the need, type and municipality only.
	r = await refer(c, {});
	assert.equal(r.status, 201, r.text);
});

test('the provider sees exactly the shared parts; nobody else sees the ' +
    'referral', async () => {
	const c = await newCase();
	let r = await refer(c, { shares: ['persons', 'safety'],
	    safety: 'Niet bellen na 20 uur.', message: 'Graag snel.' });
	assert.equal(r.status, 201, r.text);
	const id = r.body.referral;
	const reads = await count(`audit WHERE object_type = 'case' AND ` +
	    `object_id = ${c.id} AND action = 'referral.read'`);
	r = await shelter.get(`/api/referrals/${id}`);
	assert.equal(r.status, 200, r.text);
	const f = r.body;
	assert.equal(f.need, 'SAFE-SHELTER');
	assert.equal(f.urgent, true);
	assert.equal(f.status, 'sent');
	assert.equal(f.case_type, 'trafficking');
	assert.equal(f.municipality_name, 'Amsterdam');
	assert.equal(f.message, 'Graag snel.');
	assert.deepEqual(Object.keys(f.shared).sort(), ['persons', 'safety']);
	assert.equal(f.shared.persons[0].name, 'Sem de Boer');
	assert.equal(f.shared.safety, 'Niet bellen na 20 uur.');
	assert.equal(f.shared.summary, undefined);
	assert.equal(f.shared.plan, undefined);
	assert.equal(f.case_id, undefined);
	assert.equal(await count(`audit WHERE object_type = 'case' AND ` +
	    `object_id = ${c.id} AND action = 'referral.read'`), reads + 1);
	// Listed as incoming for the shelter only.
	const list = (await shelter.get('/api/referrals?status=sent')).body;
	assert.ok(list.referrals.some((x) => x.id === id));
	assert.equal((await youth.get('/api/referrals')).body.referrals
	    .some((x) => x.id === id), false);
	// Another provider, a coordinator, the expert team, an unknown id.
	for (const who of [youth, team, coord, rotterdam])
		assertError(await who.get(`/api/referrals/${id}`), 404,
		    'not_found');
	assertError(await youth.post(`/api/referrals/${id}/accept`), 404,
	    'not_found');
	assertError(await shelter.get('/api/referrals/999999'), 404,
	    'not_found');
	// The provider never reaches the case itself.
	assertError(await shelter.get(c.path), 404, 'not_found');
	assertError(await shelter.get(`${c.path}/referrals`), 404,
	    'not_found');
});

test('the lifecycle: accept, start, notes the team reads, end; wrong ' +
    'steps are 409', async () => {
	const c = await newCase();
	let r = await refer(c, { need: c.medNeed, shares: ['summary'] });
	const id = r.body.referral;
	const p = `/api/referrals/${id}`;
	assertError(await shelter.post(`${p}/start`), 409, 'conflict');
	assertError(await shelter.post(`${p}/notes`, { text: 'Hallo' }), 409,
	    'conflict');
	assert.equal((await shelter.post(`${p}/accept`)).status, 200);
	r = await shelter.post(`${p}/accept`);
	assertError(r, 409, 'conflict');
	assert.match(r.body.error.message, /accepted/);
	assertError(await shelter.post(`${p}/decline`,
	    { reason: 'no_capacity' }), 409, 'conflict');
	assertError(await coord.post(`${c.path}/referrals/${id}/withdraw`),
	    409, 'conflict');
	assert.equal((await shelter.post(`${p}/start`)).status, 200);
	r = await shelter.post(`${p}/notes`, { text: 'Intake gedaan.' });
	assert.equal(r.status, 201, r.text);
	assertError(await shelter.post(`${p}/end`, { outcome: 'other' }), 400,
	    'invalid');
	assertError(await shelter.post(`${p}/end`, { outcome: 'gone' }), 400,
	    'invalid');
	assert.equal((await shelter.post(`${p}/end`,
	    { outcome: 'completed' })).status, 200);
	const mine = (await coord.get(`${c.path}/referrals`)).body;
	const f = mine.referrals.find((x) => x.id === id);
	assert.equal(f.status, 'ended');
	assert.equal(f.outcome, 'completed');
	assert.equal(f.notes[0].text, 'Intake gedaan.');
	assert.equal(f.notes[0].org_name, SHELTER);
	assert.equal(f.sharing, false);
	assert.equal(mine.uptake.find((u) => u.need_id === c.medNeed)
	    .taken_up, true);
	// The team's read of messages and notes is audited too.
	assert.equal(await count(`audit WHERE object_type = 'case' AND ` +
	    `object_id = ${c.id} AND action = 'case.referrals'`), 1);
	// Ended: the shared parts are gone, its own record stays.
	const seen = (await shelter.get(p)).body;
	assert.deepEqual(seen.shared, {});
	assert.equal(seen.notes.length, 1);
	const steps = (await sql(server.dataDir, 'SELECT action FROM audit ' +
	    `WHERE object_type = 'case' AND object_id = ${c.id} AND ` +
	    "action LIKE 'referral.%' AND action <> 'referral.read' " +
	    'ORDER BY id')).trim().split('\n');
	assert.deepEqual(steps, ['referral.send', 'referral.accept',
	    'referral.start', 'referral.note', 'referral.end']);
	const events = (await sql(server.dataDir, 'SELECT detail FROM ' +
	    `case_event WHERE case_id = ${c.id} AND kind = 'referral' ` +
	    'ORDER BY id')).trim().split('\n');
	assert.deepEqual(events, [`sent:${id}:MED`, `accepted:${id}`,
	    `started:${id}`, `note:${id}`, `ended:${id}:completed`]);
});

test('declined with a reason; other needs its text; the reason stays ' +
    'plain for the insight, its text sealed', async () => {
	const c = await newCase();
	const id = (await refer(c, {})).body.referral;
	const p = `/api/referrals/${id}`;
	let r = await shelter.post(`${p}/decline`, { reason: 'other' });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['text']);
	assert.deepEqual(fieldNames(await shelter.post(`${p}/decline`,
	    { reason: 'busy' })), ['reason']);
	r = await shelter.post(`${p}/decline`, { reason: 'other',
	    text: 'Geen jongens in deze opvang.' });
	assert.equal(r.status, 200, r.text);
	assert.equal((await sql(server.dataDir, 'SELECT decline_reason FROM ' +
	    `referral WHERE id = ${id}`)).trim(), 'other');
	assert.equal(await count(`referral WHERE id = ${id} AND ` +
	    'decline_text IS NOT NULL AND answered_at IS NOT NULL'), 1);
	const f = (await coord.get(`${c.path}/referrals`)).body.referrals
	    .find((x) => x.id === id);
	assert.equal(f.status, 'declined');
	assert.equal(f.decline_text, 'Geen jongens in deze opvang.');
});

test('consent withdrawn ends the sharing at once', async () => {
	const c = await newCase();
	const id = (await refer(c, { shares: ['persons', 'summary'] }))
	    .body.referral;
	const legal = (await refer(c, { need: c.medNeed, basis: 'legal',
	    consent_on: null, legal_basis: 'vital_interest',
	    shares: ['summary'] })).body.referral;
	assert.ok((await shelter.get(`/api/referrals/${id}`)).body.shared
	    .persons);
	// Not on a legal basis.
	assertError(await coord.post(`${c.path}/referrals/${legal}/` +
	    'consent-withdrawn'), 409, 'conflict');
	let r = await coord.post(`${c.path}/consent-withdrawn`);
	assert.equal(r.status, 200, r.text);
	assert.equal(r.body.ended, 1);
	const f = (await shelter.get(`/api/referrals/${id}`)).body;
	assert.deepEqual(f.shared, {});
	assert.equal(f.sharing, false);
	assert.equal(f.sharing_end, 'consent_withdrawn');
	assert.equal(f.message, undefined);
	assert.equal(f.need, 'SAFE-SHELTER');
	// The legal basis goes on sharing.
	assert.equal((await shelter.get(`/api/referrals/${legal}`)).body
	    .shared.summary, 'Moest pakketjes rondbrengen.');
	assert.equal(await count(`case_event WHERE case_id = ${c.id} AND ` +
	    `detail = 'consent_withdrawn:${id}'`), 1);
	assert.equal(await count(`audit WHERE object_type = 'case' AND ` +
	    `object_id = ${c.id} AND action = 'referral.consent_withdrawn'`),
	    1);
	// Once is enough.
	r = await coord.post(`${c.path}/referrals/${id}/consent-withdrawn`);
	assertError(r, 409, 'conflict');
});

test('the team withdraws a sent referral', async () => {
	const c = await newCase();
	const id = (await refer(c, { shares: ['persons'] })).body.referral;
	assert.equal((await coord.post(`${c.path}/referrals/${id}/withdraw`))
	    .status, 200);
	assertError(await shelter.post(`/api/referrals/${id}/accept`), 409,
	    'conflict');
	assert.deepEqual((await shelter.get(`/api/referrals/${id}`)).body
	    .shared, {});
	// Another case's path does not reach it.
	const other = await newCase();
	assertError(await coord.post(`${other.path}/referrals/${id}/withdraw`),
	    404, 'not_found');
});

test('escalation to the expert team of the youth region, answered on ' +
    'the timeline', async () => {
	const c = await newCase();
	// Within its uptake deadline a need is not escalated as not taken up.
	let r = await coord.post(`${c.path}/escalations`, { need: c.medNeed,
	    ground: 'not_taken_up', summary: 'Niemand neemt het op.',
	    basis: 'legal', legal_basis: 'youth_act' });
	assertError(r, 409, 'conflict');
	r = await coord.post(`${c.path}/escalations`, { ground: 'complex_minor',
	    basis: 'legal', legal_basis: 'youth_act' });
	assert.deepEqual(fieldNames(r), ['summary']);
	r = await coord.post(`${c.path}/escalations`, { ground: 'complex_minor',
	    summary: 'Veel tegelijk; graag advies.', shares: ['needs'],
	    basis: 'legal', legal_basis: 'youth_act' });
	assert.equal(r.status, 201, r.text);
	const id = r.body.escalation;
	const list = (await team.get('/api/escalations')).body.escalations;
	assert.ok(list.some((e) => e.id === id && e.status === 'open'));
	const e = (await team.get(`/api/escalations/${id}`)).body;
	assert.equal(e.summary, 'Veel tegelijk; graag advies.');
	assert.deepEqual(Object.keys(e.shared), ['needs']);
	assert.equal(e.region_name, 'Jeugdregio Amsterdam-Amstelland (demo)');
	for (const who of [teamRijnmond, shelter, coord])
		assertError(await who.get(`/api/escalations/${id}`), 404,
		    'not_found');
	assertError(await teamRijnmond.post(`/api/escalations/${id}/answer`,
	    { outcome: 'advice', text: 'x' }), 404, 'not_found');
	r = await team.post(`/api/escalations/${id}/answer`,
	    { outcome: 'maybe' });
	assert.deepEqual(fieldNames(r).sort(), ['outcome', 'text']);
	r = await team.post(`/api/escalations/${id}/answer`, { outcome: 'advice',
	    text: 'Eerst wonen, dan school.' });
	assert.equal(r.status, 200, r.text);
	assertError(await team.post(`/api/escalations/${id}/answer`,
	    { outcome: 'advice', text: 'Nog eens.' }), 409, 'conflict');
	const mine = (await coord.get(`${c.path}/referrals`)).body;
	const x = mine.escalations.find((y) => y.id === id);
	assert.equal(x.outcome, 'advice');
	assert.equal(x.answer, 'Eerst wonen, dan school.');
	const tl = (await coord.get(c.path)).body;
	const ev = tl.timeline;
	assert.ok(ev.some((v) => v.detail === `answered:${id}:advice` &&
	    v.text === 'Eerst wonen, dan school.'), JSON.stringify(ev));
	assert.deepEqual((await sql(server.dataDir, 'SELECT action FROM audit ' +
	    `WHERE object_type = 'case' AND object_id = ${c.id} AND action ` +
	    "LIKE 'escalation.%' ORDER BY id")).trim().split('\n'),
	    ['escalation.send', 'escalation.read', 'escalation.answer']);
});

test('no expert team serves a municipality outside the youth regions',
    async () => {
	const r = await coord.post('/api/cases', { type: 'trafficking',
	    forms: ['labour'], municipality: 'GM0358', source: 'police',
	    summary: 'x', help_needs: ['MED'] });
	assert.equal(r.status, 201, r.text);
	await sql(server.dataDir, 'DELETE FROM region_municipality WHERE ' +
	    "municipality = 'GM0358' AND region_id IN (SELECT id FROM region " +
	    "WHERE type = 'youth')");
	const e = await coord.post(`/api/cases/${r.body.id}/escalations`,
	    { ground: 'complex_minor', summary: 'x', basis: 'legal',
	    legal_basis: 'youth_act' });
	assertError(e, 409, 'conflict');
	assert.match(e.body.error.message, /no regional expert team serves/);
});

test('the demo has referrals in every state and what was missed',
    async () => {
	const states = (await sql(server.dataDir, 'SELECT DISTINCT status ' +
	    'FROM referral ORDER BY status')).trim().split('\n');
	for (const s of ['accepted', 'declined', 'ended', 'sent', 'started',
	    'withdrawn'])
		assert.ok(states.includes(s), states.join());
	const inc = (await shelter.get('/api/referrals?status=expired')).body;
	assert.ok(inc.referrals.length >= 1);
	const missed = (await coord.get('/api/referrals/missed')).body.missed;
	assert.ok(missed.some((m) => m.kind === 'referral_answer'));
	assert.ok(missed.some((m) => m.kind === 'need_uptake'));
	assert.deepEqual(Object.keys(missed[0]).sort(), ['case_id', 'detail',
	    'due', 'kind', 'ref_id']);
	assertError(await shelter.get('/api/referrals/missed'), 403,
	    'forbidden');
	assertError(await coord.get('/api/referrals'), 403, 'forbidden');
	const esc = (await team.get('/api/escalations')).body.escalations;
	assert.ok(esc.some((e) => e.status === 'answered'));
	assert.ok(esc.some((e) => e.status === 'open'));
});

test('consent withdrawn on the case ends an escalation\'s sharing too',
    async () => {
	const c = await newCase();
	const r = await coord.post(`${c.path}/escalations`, {
	    ground: 'complex_minor', summary: 'Graag advies.',
	    shares: ['persons'], basis: 'consent', consent_on: '2026-01-02' });
	assert.equal(r.status, 201, r.text);
	const id = r.body.escalation;
	let e = (await team.get(`/api/escalations/${id}`)).body;
	assert.equal(e.shared.persons[0].name, 'Sem de Boer');
	assert.equal(e.summary, 'Graag advies.');
	const w = await coord.post(`${c.path}/consent-withdrawn`);
	assert.equal(w.body.ended, 1);
	e = (await team.get(`/api/escalations/${id}`)).body;
	assert.deepEqual(e.shared, {});
	assert.equal(e.sharing, false);
	assert.equal(e.summary, undefined);
	// The team can still answer what it was asked.
	assert.equal((await team.post(`/api/escalations/${id}/answer`,
	    { outcome: 'other', text: 'Bel ons.' })).status, 200);
	assert.equal(await count(`case_event WHERE case_id = ${c.id} AND ` +
	    `detail = 'consent_withdrawn:${id}' AND kind = 'escalation'`), 1);
});

test('the person\'s access request holds the referrals of their case',
    async () => {
	const r = await runCli(['export-person', '--data', server.dataDir,
	    '--name', 'Daan Mulder', '--birth-date', '2010-03-14',
	    '--reason', 'AVG-verzoek 2026-009']);
	assert.equal(r.code, 0, r.stderr);
	const text = r.stdout;
	assert.match(text, new RegExp('referral: SAFE-SHELTER to Opvang De ' +
	    'Haven \\(demo\\), declined'));
	assert.match(text, /declined for: no_capacity/);
	assert.match(text,
	    /provider's note: Geplaatst op een beschermde groep\./);
	assert.match(text, /basis: consent of \d{4}-\d\d-\d\d/);
	assert.match(text, new RegExp('escalation: to Expertteam Jeugd ' +
	    'Amsterdam-Amstelland \\(demo\\), answered'));
	assert.match(text, /answer: Kamertraining/);
});

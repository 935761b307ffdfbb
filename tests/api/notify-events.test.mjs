// Case and referral events and deadlines that pass tell exactly the
// person whose turn it is, nobody else, about an object that person may
// open: a case opened from a triage decision (the coordinators of the
// care coordination that holds it), a referral sent (the receiving
// provider's users), a referral answered (the case's coordinator), a
// transfer asked (the receiving coordinators), a signal past its triage
// deadline (its claimer, or the point's advisors; once).  Runs on SQLite
// and PostgreSQL (SCHAKEL_TEST_DB).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { loginAs, sql, stopClean } from '../lib/util.mjs';

const SHELTER = 'Opvang De Haven (demo)';

let server = null;
const c = {};

before(async () => {
	server = await startServer({ args: ['--sweep-every', '1'] });
	for (const u of ['demo-reporter', 'demo-advisor', 'demo-coordinator',
	    'demo-coordinator-rotterdam', 'demo-provider',
	    'demo-provider-jeugd'])
		c[u] = await loginAs(server, u);
});

after(async () => {
	await stopClean(server);
});

const one = async (q) => (await sql(server.dataDir, q)).trim();
const ids = async (q) => (await sql(server.dataDir, q)).trim().split('\n')
    .filter((x) => x !== '').map(Number).sort((a, b) => a - b);
const userId = (name) => one(
    `SELECT id FROM app_user WHERE username = '${name}'`).then(Number);
// Open notifications of kind on the object.
const stillOpen = (kind, type, id) => one('SELECT COUNT(*) FROM notification ' +
    `WHERE kind = '${kind}' AND obj_type = '${type}' AND obj_id = ${id} ` +
    'AND done_at IS NULL').then(Number);
const newest = () => one('SELECT COALESCE(MAX(id), 0) FROM notification')
    .then(Number);

// The notifications of kind made since mark: [user_id, obj_type, obj_id].
async function since(mark, kind) {
	const out = await sql(server.dataDir, 'SELECT user_id, obj_type, ' +
	    `obj_id FROM notification WHERE id > ${mark} AND kind = ` +
	    `'${kind}' ORDER BY user_id`);
	return out.trim().split('\n').filter((x) => x !== '')
	    .map((l) => l.split('|'))
	    .map(([u, t, o]) => [Number(u), t, Number(o)]);
}

// What the user's own list says about the object.
async function listed(who, kind, type, id) {
	const n = (await c[who].get('/api/notifications')).body;
	return n.notifications.filter((x) => x.kind === kind &&
	    x.object_type === type && x.object_id === id).length;
}

async function signal(description) {
	const f = await c['demo-reporter'].post('/api/signals', {
	    municipality: 'GM0363', urgency: 'days', description,
	    forms: ['labour'], indicators: [], help_needs: ['SAFE-SHELTER'],
	    persons: [{ kind: 'victim', name: 'Ana Rusu' }] });
	assert.equal(f.status, 201, f.text);
	return f.body.id;
}

test('a case opened from a triage decision tells its coordinators',
    async () => {
	const id = await signal('Werkt zonder loon in een nagelstudio.');
	const advisor = c['demo-advisor'];
	assert.equal((await advisor.post(`/api/signals/${id}/claim`)).status,
	    200);
	const mark = await newest();
	const d = await advisor.post(`/api/signals/${id}/decision`,
	    { decision: 'open_case' });
	assert.equal(d.status, 200, d.text);
	const caseId = d.body.case_id;
	const team = await ids('SELECT id FROM app_user WHERE role = ' +
	    "'coordinator' AND disabled = 0 AND org_id = (SELECT org_id " +
	    `FROM care_case WHERE id = ${caseId})`);
	assert.ok(team.includes(await userId('demo-coordinator')));
	assert.deepEqual(await since(mark, 'case_opened'),
	    team.map((u) => [u, 'case', caseId]));
	assert.equal((await since(mark, 'decision')).length, 1);
	assert.equal(await listed('demo-coordinator', 'case_opened', 'case',
	    caseId), 1);
	assert.equal((await c['demo-coordinator'].get(`/api/cases/${caseId}`))
	    .status, 200, 'the link leads to a case they may open');
	assert.equal(await listed('demo-coordinator-rotterdam', 'case_opened',
	    'case', caseId), 0);
	assert.equal((await c['demo-coordinator-rotterdam']
	    .get(`/api/cases/${caseId}`)).status, 404);
	// One coordinator accepts it: it waits on none of them any more.
	assert.equal((await c['demo-coordinator']
	    .post(`/api/cases/${caseId}/accept`)).status, 200);
	assert.equal(await stillOpen('case_opened', 'case', caseId), 0);
});

// A case of Amsterdam, opened by demo-coordinator (its coordinator).
async function amsterdamCase() {
	const coord = c['demo-coordinator'];
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

test('a referral tells the provider; its answer tells the coordinator',
    async () => {
	const k = await amsterdamCase();
	const shelter = Number(await one(
	    `SELECT id FROM org WHERE name = '${SHELTER}'`));
	let mark = await newest();
	const r = await c['demo-coordinator'].post(`${k.path}/referrals`,
	    { need: k.need, provider: shelter, basis: 'consent',
	    consent_on: '2026-01-02' });
	assert.equal(r.status, 201, r.text);
	const ref = r.body.referral;
	const providers = await ids('SELECT id FROM app_user WHERE role = ' +
	    `'provider' AND disabled = 0 AND org_id = ${shelter}`);
	assert.ok(providers.includes(await userId('demo-provider')));
	assert.deepEqual(await since(mark, 'referral_offered'),
	    providers.map((u) => [u, 'referral', ref]));
	assert.equal(await listed('demo-provider', 'referral_offered',
	    'referral', ref), 1);
	assert.equal((await c['demo-provider'].get(`/api/referrals/${ref}`))
	    .status, 200);
	assert.equal(await listed('demo-provider-jeugd', 'referral_offered',
	    'referral', ref), 0);
	assert.equal((await c['demo-provider-jeugd']
	    .get(`/api/referrals/${ref}`)).status, 404);

	mark = await newest();
	const a = await c['demo-provider'].post(`/api/referrals/${ref}/accept`);
	assert.equal(a.status, 200, a.text);
	assert.deepEqual(await since(mark, 'referral_answered'),
	    [[await userId('demo-coordinator'), 'case', k.id]]);
	assert.equal(await listed('demo-coordinator', 'referral_answered',
	    'case', k.id), 1);
	assert.equal(await listed('demo-coordinator-rotterdam',
	    'referral_answered', 'case', k.id), 0);
	assert.equal((await since(mark, 'referral_offered')).length, 0);
	assert.equal(await stillOpen('referral_offered', 'referral', ref), 0,
	    'answered: the offer waits on nobody');
});

test('a transfer tells the receiving coordinators', async () => {
	const k = await amsterdamCase();
	const mark = await newest();
	const r = await c['demo-coordinator'].post(`${k.path}/transfer`,
	    { municipality: 'GM0599', reason: 'Verhuisd naar haar zus.' });
	assert.ok(r.status === 200 || r.status === 201, r.text);
	const to = await ids('SELECT id FROM app_user WHERE role = ' +
	    "'coordinator' AND disabled = 0 AND org_id = (SELECT org_id " +
	    "FROM app_user WHERE username = 'demo-coordinator-rotterdam')");
	assert.deepEqual(await since(mark, 'case_transferred'),
	    to.map((u) => [u, 'case', k.id]));
	assert.equal(await listed('demo-coordinator-rotterdam',
	    'case_transferred', 'case', k.id), 1);
	assert.equal((await c['demo-coordinator-rotterdam']
	    .get(`/api/cases/${k.id}`)).status, 200);
	assert.equal(await listed('demo-coordinator', 'case_transferred',
	    'case', k.id), 0);
	assert.equal((await c['demo-coordinator-rotterdam']
	    .post(`${k.path}/transfer/accept`)).status, 200);
	assert.equal(await stillOpen('case_transferred', 'case', k.id), 0);
});

async function overdueOf(id) {
	// The sweep runs every second; wait until it has seen the signal.
	for (let i = 0; i < 50; i++) {
		const n = await since(0, 'overdue');
		const mine = n.filter(([, t, o]) => t === 'signal' && o === id);
		if (mine.length > 0)
			return mine;
		await new Promise((res) => setTimeout(res, 200));
	}
	return [];
}

test('a triage deadline that passes tells the point once', async () => {
	// Unclaimed: every advisor of the points that see it.
	const unclaimed = await signal('Slaapt in de loods.');
	// Claimed: the claimer only.
	const claimed = await signal('Moet zijn paspoort afgeven.');
	assert.equal((await c['demo-advisor']
	    .post(`/api/signals/${claimed}/claim`)).status, 200);
	await sql(server.dataDir, 'UPDATE signal SET triage_due = 1 WHERE ' +
	    `id IN (${unclaimed}, ${claimed})`);
	const advisors = await ids('SELECT id FROM app_user WHERE role = ' +
	    "'advisor' AND disabled = 0 AND org_id IN (SELECT org_id FROM " +
	    'org_region WHERE region_id = (SELECT region_id FROM signal ' +
	    `WHERE id = ${unclaimed}))`);
	const me = await userId('demo-advisor');
	assert.ok(advisors.includes(me));
	assert.deepEqual(await overdueOf(unclaimed),
	    advisors.map((u) => [u, 'signal', unclaimed]));
	assert.deepEqual(await overdueOf(claimed), [[me, 'signal', claimed]]);
	assert.equal(await listed('demo-advisor', 'overdue', 'signal', unclaimed),
	    1);
	assert.equal((await c['demo-advisor'].get(`/api/signals/${unclaimed}`))
	    .status, 200);
	assert.equal(await listed('demo-coordinator', 'overdue', 'signal',
	    unclaimed), 0);
	// Later sweeps add nothing.
	await new Promise((res) => setTimeout(res, 2500));
	assert.equal((await overdueOf(unclaimed)).length, advisors.length);
	assert.equal((await overdueOf(claimed)).length, 1);
	// Decided: done.
	const d = await c['demo-advisor'].post(`/api/signals/${claimed}/` +
	    'decision', { decision: 'advice_given', reason: 'Gebeld.' });
	assert.equal(d.status, 200, d.text);
	assert.equal(await stillOpen('overdue', 'signal', claimed), 0);
	assert.equal(await stillOpen('overdue', 'signal', unclaimed), advisors.length);
});

// The notifications of kind on the object, once the sweep (every second)
// has made any.
async function swept(kind, type, id) {
	for (let i = 0; i < 50; i++) {
		const n = (await since(0, kind)).filter(([, t, o]) =>
		    t === type && o === id);
		if (n.length > 0)
			return n;
		await new Promise((res) => setTimeout(res, 200));
	}
	return [];
}

const later = () => new Promise((res) => setTimeout(res, 2500));

test('a referral answer that is late tells the provider and the case ' +
    'team once; the answer ends it', async () => {
	const k = await amsterdamCase();
	const shelter = Number(await one(
	    `SELECT id FROM org WHERE name = '${SHELTER}'`));
	const r = await c['demo-coordinator'].post(`${k.path}/referrals`,
	    { need: k.need, provider: shelter, basis: 'consent',
	    consent_on: '2026-01-02' });
	assert.equal(r.status, 201, r.text);
	const ref = r.body.referral;
	assert.equal((await swept('referral_overdue', 'referral', ref)).length,
	    0, 'within its deadline: nothing');
	await sql(server.dataDir, 'UPDATE referral SET answer_due = 1 ' +
	    `WHERE id = ${ref}`);
	const providers = await ids('SELECT id FROM app_user WHERE role = ' +
	    `'provider' AND disabled = 0 AND org_id = ${shelter}`);
	assert.deepEqual(await swept('referral_overdue', 'referral', ref),
	    providers.map((u) => [u, 'referral', ref]));
	assert.deepEqual(await swept('referral_late', 'case', k.id),
	    [[await userId('demo-coordinator'), 'case', k.id]]);
	assert.equal(await listed('demo-provider', 'referral_overdue',
	    'referral', ref), 1);
	assert.equal(await listed('demo-coordinator', 'referral_late', 'case',
	    k.id), 1);
	assert.equal(await listed('demo-provider-jeugd', 'referral_overdue',
	    'referral', ref), 0);
	await later();
	assert.equal((await swept('referral_overdue', 'referral', ref)).length,
	    providers.length, 'told once');
	assert.equal((await swept('referral_late', 'case', k.id)).length, 1);
	assert.equal((await c['demo-provider']
	    .post(`/api/referrals/${ref}/accept`)).status, 200);
	assert.equal(await stillOpen('referral_overdue', 'referral', ref), 0);
});

test('an escalation tells the expert team, a late answer tells it ' +
    'again and the case team, the answer ends both', async () => {
	const k = await amsterdamCase();
	const team = await loginAs(server, 'demo-expertteam');
	const mark = await newest();
	const r = await c['demo-coordinator'].post(`${k.path}/escalations`,
	    { ground: 'complex_minor', summary: 'Veel tegelijk; graag advies.',
	    shares: ['needs'], basis: 'legal', legal_basis: 'youth_act' });
	assert.equal(r.status, 201, r.text);
	const esc = r.body.escalation;
	const members = await ids('SELECT id FROM app_user WHERE role = ' +
	    "'provider' AND disabled = 0 AND org_id = (SELECT to_org FROM " +
	    `escalation WHERE id = ${esc})`);
	assert.ok(members.includes(await userId('demo-expertteam')));
	assert.deepEqual(await since(mark, 'escalation_asked'),
	    members.map((u) => [u, 'escalation', esc]));
	assert.equal((await team.get(`/api/escalations/${esc}`)).status, 200,
	    'the link leads to what they may open');
	await sql(server.dataDir, 'UPDATE escalation SET answer_due = 1 ' +
	    `WHERE id = ${esc}`);
	assert.deepEqual(await swept('escalation_overdue', 'escalation', esc),
	    members.map((u) => [u, 'escalation', esc]));
	assert.deepEqual(await swept('escalation_late', 'case', k.id),
	    [[await userId('demo-coordinator'), 'case', k.id]]);
	await later();
	assert.equal((await swept('escalation_overdue', 'escalation', esc))
	    .length, members.length, 'told once');
	const m2 = await newest();
	assert.equal((await team.post(`/api/escalations/${esc}/answer`,
	    { outcome: 'advice', text: 'Eerst wonen, dan school.' })).status,
	    200);
	assert.equal(await stillOpen('escalation_asked', 'escalation', esc), 0);
	assert.equal(await stillOpen('escalation_overdue', 'escalation', esc),
	    0);
	assert.deepEqual(await since(m2, 'escalation_answered'),
	    [[await userId('demo-coordinator'), 'case', k.id]]);
});

test('a placement review day and an ending authorisation tell the case ' +
    'team once; a renewed authorisation is a new event', async () => {
	const k = await amsterdamCase();
	const coord = c['demo-coordinator'];
	const kase = (await coord.get(k.path)).body;
	const minor = kase.persons[0].id;
	const noord = Number(await one('SELECT id FROM org WHERE name = ' +
	    "'Jeugdhulp Noord (demo)'"));
	const day = (n) => new Date(Date.now() + n * 86400000).toISOString()
	    .slice(0, 10);
	const p = await coord.post(`${k.path}/placements`, { person_id: minor,
	    type: 'closed_youth_care', from: day(-20), provider_org_id: noord,
	    review_on: day(0), authorisation_kind: 'authorisation',
	    decided_on: day(-21), valid_from: day(-20), valid_until: day(3),
	    alternatives: [{ code: 'foster_care',
	    why: 'Geen pleeggezin kan haar veilig houden.' }] });
	assert.equal(p.status, 201, p.text);
	const me = await userId('demo-coordinator');
	assert.deepEqual(await swept('placement_review', 'case', k.id),
	    [[me, 'case', k.id]]);
	assert.deepEqual(await swept('authorisation_end', 'case', k.id),
	    [[me, 'case', k.id]]);
	await later();
	assert.equal((await swept('placement_review', 'case', k.id)).length, 1);
	assert.equal((await swept('authorisation_end', 'case', k.id)).length,
	    1, 'told once');
	// The court renews it for a short while: that end is told too.
	await sql(server.dataDir, 'UPDATE placement_authorisation SET ' +
	    `valid_until = valid_until + 1 WHERE placement_id = ${p.body.id}`);
	await later();
	assert.equal((await swept('authorisation_end', 'case', k.id)).length,
	    2);
});

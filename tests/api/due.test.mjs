// The coordinator's one deadline overview (GET /api/due): what is missed
// first, then what falls due within the window, across the case's own
// deadlines (acceptance, the care plan's review, identification, a
// transfer waiting for this organisation, the residence track) and the
// parts built on cases.  Items carry no personal data; another
// organisation's cases never appear; the window is validated.  Runs on
// SQLite and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { addDays, todayAms } from '../lib/days.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, loginAs, nowSql, sql, stopClean }
    from '../lib/util.mjs';

let server = null;
let coordinator = null;
let rotterdam = null;
let reporter = null;
let advisor = null;

before(async () => {
	server = await startServer();
	coordinator = await loginAs(server, 'demo-coordinator');
	rotterdam = await loginAs(server, 'demo-coordinator-rotterdam');
	reporter = await loginAs(server, 'demo-reporter');
	advisor = await loginAs(server, 'demo-advisor');
});

after(async () => {
	await stopClean(server);
});

async function newCase() {
	const r = await coordinator.post('/api/cases', { type: 'trafficking',
	    forms: ['labour'], municipality: 'GM0363', source: 'police',
	    persons: [{ kind: 'victim', name: 'Ioana Popescu' }] });
	assert.equal(r.status, 201, r.text);
	return r.body.id;
}

// A case opened on a signal: new, waiting for a coordinator to accept it.
async function fromSignal() {
	const f = await reporter.post('/api/signals', {
	    municipality: 'GM0363', urgency: 'days',
	    description: 'Slaapt op de werkplek.', forms: ['labour'],
	    indicators: [], help_needs: [], persons: [{ kind: 'victim',
	    name: 'Ana Ionescu' }] });
	assert.equal(f.status, 201, f.text);
	assert.equal((await advisor.post(`/api/signals/${f.body.id}/claim`))
	    .status, 200);
	const d = await advisor.post(`/api/signals/${f.body.id}/decision`,
	    { decision: 'open_case' });
	assert.equal(d.status, 200, d.text);
	return d.body.case_id;
}

async function due(who = coordinator, within = null) {
	const r = await who.get(within === null ? '/api/due' :
	    `/api/due?within=${within}`);
	assert.equal(r.status, 200, r.text);
	return r.body;
}

const KEYS = new Set(['kind', 'case_id', 'ref_id', 'due', 'missed',
    'detail']);

test('a new case is due for acceptance, missed once its deadline passed, ' +
    'and leaves the overview when accepted', async () => {
	const id = await fromSignal();
	let d = await due();
	assert.equal(d.within, 14);
	let mine = d.items.filter((x) => x.case_id === id);
	assert.deepEqual(mine.map((x) => [x.kind, x.missed]),
	    [['case_accept', false]]);
	for (const x of d.items)
		for (const k of Object.keys(x))
			assert.ok(KEYS.has(k), `an item holds only ${[...KEYS]}` +
			    `, not ${k}`);

	// Its deadline a day ago: missed, and before what is still to come.
	await sql(server.dataDir, `UPDATE care_case SET accept_due = ` +
	    `${nowSql(server.dataDir)} - 86400 WHERE id = ${id}`);
	d = await due();
	const i = d.items.findIndex((x) => x.case_id === id);
	assert.equal(d.items[i].missed, true);
	assert.ok(d.items.slice(0, i).every((x) => x.missed),
	    'missed deadlines come first');
	assert.ok(d.items.slice(i + 1).every((x) => x.due >= d.items[i].due),
	    'sorted by due moment');

	assert.equal((await coordinator.post(`/api/cases/${id}/accept`))
	    .status, 200);
	d = await due();
	assert.equal(d.items.filter((x) => x.case_id === id &&
	    x.kind === 'case_accept').length, 0);
});

test('the care plan review and the residence track fall due within the ' +
    'window, not before it', async () => {
	const id = await newCase();
	const review = addDays(todayAms(), 10);
	let r = await coordinator.post(`/api/cases/${id}/plan`,
	    { goals: 'Rust.', review_on: review });
	assert.equal(r.status, 200, r.text);
	const kinds = async (within) => (await due(coordinator, within))
	    .items.filter((x) => x.case_id === id).map((x) => x.kind);
	assert.deepEqual(await kinds(7), []);
	assert.deepEqual(await kinds(14), ['plan_review']);
	const item = (await due()).items.find((x) => x.case_id === id);
	assert.equal(item.missed, false);
	assert.ok(item.due.startsWith(review) ||
	    item.due.startsWith(addDays(review, -1)),
	    `the end of the review day in Amsterdam, as UTC: ${item.due}`);

	// A reflection period that started almost three months ago.
	r = await coordinator.post(`/api/cases/${id}/residence`,
	    { state: 'reflection', on: addDays(todayAms(), -85) });
	assert.equal(r.status, 200, r.text);
	assert.ok((await kinds(14)).includes('reflection_ends'));
});

test('another organisation never sees these deadlines; other roles and ' +
    'a bad window are refused', async () => {
	const id = await newCase();
	const theirs = await due(rotterdam, 92);
	assert.equal(theirs.items.filter((x) => x.case_id === id).length, 0);
	assertError(await reporter.get('/api/due'), 403, 'forbidden');
	for (const bad of ['0', '93', 'x', '-1', '1.5'])
		assertError(await coordinator.get(`/api/due?within=${bad}`),
		    400, 'invalid', `within=${bad}`);
});

test('the overview holds the deadlines of referrals, placements and the ' +
    'move to adult care on the demo cases', async () => {
	const kinds = new Set((await due(coordinator, 92)).items
	    .map((x) => x.kind));
	// The demo's expired referral, its emergency authorisation ending
	// within days, and the minors turning 18 without a plan.
	for (const k of ['referral_answer', 'authorisation_end',
	    'transition_plan', 'turned_18_without_plan'])
		assert.ok(kinds.has(k), `${k} in ${[...kinds]}`);
	// Rotterdam sees only its own cases, and a transfer waiting for its
	// answer (the demo hands a case over to it).
	const theirs = new Set((await due(rotterdam, 92)).items
	    .filter((x) => x.kind !== 'transfer_accept')
	    .map((x) => x.case_id));
	const ours = new Set((await due(coordinator, 92)).items
	    .map((x) => x.case_id));
	for (const id of ours)
		assert.ok(!theirs.has(id), `case ${id} is not Rotterdam's`);
});

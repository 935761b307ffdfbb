// Transfers: the victim moves, the case follows.  The team asks the care
// coordination serving the new municipality; while it waits both
// organisations read the case and only the team changes it; the
// receiving coordinator accepts (the case moves, the history stays
// whole, the old organisation keeps only what it wrote) or declines, the
// team may cancel; a transfer past its deadline shows on both start
// lists.  Runs on SQLite and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { newAccount, realAdmin } from '../lib/accounts.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql, stopClean }
    from '../lib/util.mjs';

const AMSTERDAM = 'Zorgcoördinatie Mensenhandel Amsterdam (demo)';
const ROTTERDAM = 'Zorgcoördinatie Mensenhandel Rotterdam (demo)';

let server = null;
let amsterdam = null;
let rotterdam = null;
let advisor = null;

before(async () => {
	server = await startServer();
	[amsterdam, rotterdam, advisor] = await Promise.all([
	    loginAs(server, 'demo-coordinator'),
	    loginAs(server, 'demo-coordinator-rotterdam'),
	    loginAs(server, 'demo-advisor')]);
});

after(async () => {
	await stopClean(server);
});

async function count(where) {
	return Number((await sql(server.dataDir,
	    `SELECT COUNT(*) FROM ${where}`)).trim());
}

// A case of the Amsterdam care coordination, accepted, with a person, a
// need, a plan and a note.
async function amsterdamCase() {
	const r = await amsterdam.post('/api/cases', { type: 'trafficking',
	    forms: ['labour'], municipality: 'GM0363', source: 'police',
	    summary: 'Aangetroffen in een kas.', help_needs: ['LEGAL'],
	    persons: [{ kind: 'victim', name: 'Olga Ivanova',
	    birth_date: '1999-01-02' }] });
	assert.equal(r.status, 201, r.text);
	const path = `/api/cases/${r.body.id}`;
	assert.equal((await amsterdam.post(`${path}/plan`,
	    { goals: 'Veilig wonen.' })).status, 200);
	assert.equal((await amsterdam.post(`${path}/notes`,
	    { text: 'Zus woont in Rotterdam.' })).status, 201);
	return { id: r.body.id, path };
}

test('the demo has a transfer from Amsterdam to Rotterdam waiting',
    async () => {
	const inc = (await rotterdam.get('/api/transfers')).body;
	const t = inc.transfers.find((x) => x.from_org_name === AMSTERDAM);
	assert.ok(t, JSON.stringify(inc));
	assert.equal(t.direction, 'incoming');
	assert.equal(t.to_org_name, ROTTERDAM);
	assert.equal(t.municipality_name, 'Rotterdam');
	assert.equal(t.overdue, false);
	// No personal data on the start list.
	assert.deepEqual(Object.keys(t).sort(), ['case_id', 'direction', 'due',
	    'from_org_name', 'id', 'municipality_name', 'overdue',
	    'requested_at', 'requested_by', 'to_org_name']);
	const out = (await amsterdam.get('/api/transfers')).body;
	assert.equal(out.transfers.find((x) => x.id === t.id).direction,
	    'outgoing');
	// Others have no transfers; non-coordinators may not ask.
	assertError(await advisor.get('/api/transfers'), 403, 'forbidden');
	const c = (await rotterdam.get(`/api/cases/${t.case_id}`)).body;
	assert.equal(c.access, 'receiving');
	assert.equal(c.transfer.may_decide, true);
	assert.match(c.transfer.reason, /Rotterdam/);
});

test('a transfer is checked: the municipality, who serves it, the case\'s ' +
    'state; nothing changes when refused', async () => {
	const { id, path } = await amsterdamCase();
	const before = await count('case_transfer');
	let r = await amsterdam.post(`${path}/transfer`, {});
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r).sort(), ['municipality', 'reason']);
	r = await amsterdam.post(`${path}/transfer`, { municipality: 'GM9999',
	    reason: 'Verhuisd.' });
	assert.deepEqual(fieldNames(r), ['municipality']);
	r = await amsterdam.post(`${path}/transfer`, { municipality: 'GM0599',
	    reason: '   ' });
	assert.deepEqual(fieldNames(r), ['reason']);
	// Diemen is Amsterdam's own.
	r = await amsterdam.post(`${path}/transfer`, { municipality: 'GM0384',
	    reason: 'Verhuisd.' });
	assert.deepEqual(fieldNames(r), ['municipality']);
	assert.match(r.body.error.fields[0].reason, /own organisation/);
	// Nobody coordinates care in Zaanstad in the demo.
	r = await amsterdam.post(`${path}/transfer`, { municipality: 'GM0479',
	    reason: 'Verhuisd.' });
	assertError(r, 409, 'conflict');
	assert.match(r.body.error.message, /no care coordination serves/);
	// A closed case is reopened first.
	assert.equal((await amsterdam.post(`${path}/status`, { status: 'closed',
	    reason: 'lost_contact' })).status, 200);
	assertError(await amsterdam.post(`${path}/transfer`,
	    { municipality: 'GM0599', reason: 'Verhuisd.' }), 409, 'conflict');
	// Nobody else gets further than a case that does not exist.
	assertError(await advisor.post(`${path}/transfer`,
	    { municipality: 'GM0599', reason: 'Verhuisd.' }), 404, 'not_found');
	assertError(await rotterdam.post(`${path}/transfer`,
	    { municipality: 'GM0599', reason: 'Verhuisd.' }), 404, 'not_found');
	assert.equal(await count('case_transfer'), before);
	assert.equal(await count(`case_event WHERE case_id = ${id} AND ` +
	    "kind = 'transfer'"), 0);
});

test('while it waits both read the case, only the team changes it; ' +
    'accepted, the case moves and the old organisation keeps what it wrote',
    async () => {
	const admin = await realAdmin(server);
	const zc = (await admin.get('/api/orgs')).body.orgs
	    .find((o) => o.name === AMSTERDAM);
	const colleague = await newAccount(server, admin,
	    { role: 'coordinator', org_id: zc.id });
	const { id, path } = await amsterdamCase();
	assert.equal((await amsterdam.post(`${path}/members`,
	    { user_id: colleague.id })).status, 200);
	let c = (await amsterdam.get(path)).body;
	assert.equal(c.may_transfer, true);
	assert.equal(c.transfer, null);

	const r = await amsterdam.post(`${path}/transfer`,
	    { municipality: 'GM0599', reason: 'Cliënte woont nu bij haar zus.' });
	assert.equal(r.status, 201, r.text);
	assertError(await amsterdam.post(`${path}/transfer`,
	    { municipality: 'GM0599', reason: 'Nog eens.' }), 409, 'conflict');
	c = (await amsterdam.get(path)).body;
	assert.equal(c.may_transfer, false);
	assert.equal(c.transfer.to_org_name, ROTTERDAM);
	assert.equal(c.transfer.from_org_name, AMSTERDAM);
	assert.equal(c.transfer.municipality, 'GM0599');
	assert.equal(c.transfer.may_cancel, true);
	assert.equal(c.transfer.may_decide, false);
	assert.ok(c.transfer.due);
	assert.deepEqual(c.timeline.at(-1).kind, 'transfer');
	assert.deepEqual(c.timeline.at(-1).detail, 'requested:GM0599');
	// The reason is sealed.
	assert.equal(await count("case_transfer WHERE CAST(reason AS TEXT) " +
	    "LIKE '%zus%'"), 0);

	// The receiving coordinator reads everything and changes nothing.
	const seen = await rotterdam.get(path);
	assert.equal(seen.status, 200, seen.text);
	assert.equal(seen.body.access, 'receiving');
	assert.equal(seen.body.persons[0].person.name, 'Olga Ivanova');
	assert.equal(seen.body.plan.goals, 'Veilig wonen.');
	assert.equal(seen.body.transfer.reason, 'Cliënte woont nu bij haar zus.');
	assert.equal(seen.body.transfer.may_decide, true);
	assert.equal(seen.body.transfer.may_cancel, false);
	for (const [p, body] of [[`${path}/notes`, { text: 'x' }],
	    [`${path}/status`, { status: 'in_care' }],
	    [`${path}/needs`, { need: 'DEBT' }],
	    [`${path}/transfer/cancel`]]) {
		assertError(await rotterdam.post(p, body), 403, 'forbidden', p);
	}
	assertError(await amsterdam.post(`${path}/transfer/accept`), 403,
	    'forbidden');
	assertError(await advisor.post(`${path}/transfer/accept`), 404,
	    'not_found');
	assert.equal(await count(`audit WHERE object_type = 'case' AND ` +
	    `object_id = ${id} AND action = 'case.read' AND org_id = ` +
	    `(SELECT id FROM org WHERE name = '${ROTTERDAM}')`), 1);

	const a = await rotterdam.post(`${path}/transfer/accept`);
	assert.equal(a.status, 200, a.text);
	assertError(await rotterdam.post(`${path}/transfer/accept`), 409,
	    'conflict');
	c = (await rotterdam.get(path)).body;
	assert.equal(c.access, 'team');
	assert.equal(c.org_name, ROTTERDAM);
	assert.equal(c.municipality, 'GM0599');
	assert.equal(c.coordinator, 'demo-coordinator-rotterdam');
	assert.equal(c.status, 'accepted');
	assert.deepEqual(c.members, [], 'the old colleagues are taken off');
	assert.equal(c.transfer, null);
	// The history is whole: every event, of both organisations.
	assert.deepEqual(c.timeline.map((e) => [e.kind, e.org_name]), [
	    ['opened', AMSTERDAM], ['accepted', AMSTERDAM],
	    ['plan', AMSTERDAM], ['note', AMSTERDAM], ['member', AMSTERDAM],
	    ['transfer', AMSTERDAM], ['member', ROTTERDAM],
	    ['transfer', ROTTERDAM]]);
	assert.equal(c.timeline.at(-1).detail, 'accepted:GM0599');
	assert.equal(c.timeline[3].text, 'Zus woont in Rotterdam.');
	assert.ok((await amsterdam.get('/api/cases')).body.cases
	    .every((l) => l.id !== id), 'gone from the old list');
	assert.ok((await rotterdam.get('/api/cases')).body.cases
	    .some((l) => l.id === id), 'on the new list');

	// The new team works on it; the old one reads what it wrote.
	assert.equal((await rotterdam.post(`${path}/notes`,
	    { text: 'Intake gedaan in Rotterdam.' })).status, 201);
	for (const who of [amsterdam, await colleague.login()]) {
		const old = await who.get(path);
		assert.equal(old.status, 200, old.text);
		assert.equal(old.body.access, 'former');
		assert.equal(old.body.summary, null);
		for (const k of ['persons', 'also_known', 'other_signals',
		    'members', 'needs', 'plan', 'transfer', 'may_transfer'])
			assert.ok(!(k in old.body), `former sees no ${k}`);
		assert.deepEqual(old.body.timeline.map((e) => e.kind),
		    ['opened', 'accepted', 'plan', 'note', 'member',
		    'transfer']);
		assert.ok(old.body.timeline.every((e) => e.org_name ===
		    AMSTERDAM));
		assertError(await who.post(`${path}/notes`, { text: 'x' }), 403,
		    'forbidden');
		assertError(await who.get(`${path}/access`), 404, 'not_found');
	}
	assert.equal(await count(`audit WHERE object_type = 'case' AND ` +
	    `object_id = ${id} AND action IN ('case.transfer', ` +
	    `'case.transfer.accept')`), 2);
});

test('declined with a reason, or cancelled by the team: the case stays ' +
    'and the receiving organisation no longer reads it', async () => {
	const { path } = await amsterdamCase();
	const ask = { municipality: 'GM0606', reason: 'Verhuisd naar ' +
	    'Schiedam.' };
	assert.equal((await amsterdam.post(`${path}/transfer`, ask)).status,
	    201);
	let r = await rotterdam.post(`${path}/transfer/decline`, {});
	assert.deepEqual(fieldNames(r), ['reason']);
	r = await rotterdam.post(`${path}/transfer/decline`,
	    { reason: 'Zij woont in Vlaardingen, niet in Schiedam.' });
	assert.equal(r.status, 200, r.text);
	let c = (await amsterdam.get(path)).body;
	assert.equal(c.org_name, AMSTERDAM);
	assert.equal(c.transfer, null);
	assert.equal(c.may_transfer, true);
	const declined = c.timeline.at(-1);
	assert.deepEqual([declined.kind, declined.detail, declined.org_name],
	    ['transfer', 'declined', ROTTERDAM]);
	assert.equal(declined.text, 'Zij woont in Vlaardingen, niet in ' +
	    'Schiedam.');
	assertError(await rotterdam.get(path), 404, 'not_found');

	assert.equal((await amsterdam.post(`${path}/transfer`, ask)).status,
	    201);
	assert.equal((await rotterdam.get(path)).status, 200);
	r = await amsterdam.post(`${path}/transfer/cancel`);
	assert.equal(r.status, 200, r.text);
	assertError(await amsterdam.post(`${path}/transfer/cancel`), 409,
	    'conflict');
	assertError(await rotterdam.post(`${path}/transfer/decline`,
	    { reason: 'x' }), 404, 'not_found');
	assertError(await rotterdam.get(path), 404, 'not_found');
	c = (await amsterdam.get(path)).body;
	assert.deepEqual(c.timeline.filter((e) => e.kind === 'transfer')
	    .map((e) => e.detail), ['requested:GM0606', 'declined',
	    'requested:GM0606', 'cancelled']);
});

test('a transfer past its deadline shows as overdue to both organisations',
    async () => {
	const { id, path } = await amsterdamCase();
	const r = await amsterdam.post(`${path}/transfer`,
	    { municipality: 'GM0599', reason: 'Verhuisd.' });
	assert.equal(r.status, 201, r.text);
	const tid = r.body.transfer;
	let t = (await rotterdam.get('/api/transfers')).body.transfers
	    .find((x) => x.id === tid);
	assert.equal(t.overdue, false);
	await sql(server.dataDir, `UPDATE case_transfer SET due = ` +
	    `requested_at - 1 WHERE id = ${tid}`);
	for (const [who, direction] of [[rotterdam, 'incoming'],
	    [amsterdam, 'outgoing']]) {
		const list = (await who.get('/api/transfers')).body;
		t = list.transfers.find((x) => x.id === tid);
		assert.equal(t.case_id, id);
		assert.equal(t.direction, direction);
		assert.equal(t.overdue, true);
		assert.ok(list.overdue >= 1);
		assert.equal(list.transfers[0].overdue, true, 'first due first');
	}
	assert.equal((await amsterdam.get(path)).body.transfer.overdue, true);
});

// Emergency reads ("break the glass") and who accessed a case.  A
// coordinator outside the case gives a reason and reads the whole case,
// changing nothing, for 60 minutes; the request and every read are on the
// audit trail under the emergency read; the case team sees it on its
// start list and in the case's access list, the admins in their review.
// A second server on the same data, its clock an hour ahead, shows the
// read has ended.  Runs on SQLite and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { realAdmin } from '../lib/accounts.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, initDataDir, loginAs, sql, stopClean }
    from '../lib/util.mjs';

const AMSTERDAM = 'Zorgcoördinatie Mensenhandel Amsterdam (demo)';
const ROTTERDAM = 'Zorgcoördinatie Mensenhandel Rotterdam (demo)';
const REASON = 'Cliënte staat vannacht aan de balie van de ' +
    'crisisopvang in Rotterdam; ik moet haar afspraken weten.';

let data = null;
let server = null;
let amsterdam = null;
let rotterdam = null;
let kase = 0;

before(async () => {
	// One server at a time serves a data folder: the one with its clock
	// an hour ahead takes turns with this one.
	data = await initDataDir({ demo: true });
	server = await startServer({ dataDir: data.dataDir,
	    users: data.users });
	[amsterdam, rotterdam] = await Promise.all([
	    loginAs(server, 'demo-coordinator'),
	    loginAs(server, 'demo-coordinator-rotterdam')]);
	const r = await amsterdam.post('/api/cases', { type: 'trafficking',
	    forms: ['sexual'], municipality: 'GM0363', source: 'police',
	    summary: 'Aangetroffen bij een controle.',
	    persons: [{ kind: 'victim', name: 'Nadia Haddad',
	    birth_date: '2004-06-07' }] });
	assert.equal(r.status, 201, r.text);
	kase = r.body.id;
});

after(async () => {
	await stopClean(server);
	data?.remove();
});

async function count(where) {
	return Number((await sql(server.dataDir,
	    `SELECT COUNT(*) FROM ${where}`)).trim());
}

test('an emergency read needs a reason, a coordinator and no relation; ' +
    'it reads everything for an hour and changes nothing', async () => {
	const path = `/api/cases/${kase}`;
	assertError(await rotterdam.get(path), 404, 'not_found');
	const before = await count('case_emergency');
	let r = await rotterdam.post(`${path}/emergency`, {});
	assert.deepEqual(fieldNames(r), ['reason']);
	r = await rotterdam.post(`${path}/emergency`, { reason: ' \n ' });
	assert.deepEqual(fieldNames(r), ['reason']);
	r = await rotterdam.post(`${path}/emergency`,
	    { reason: 'x'.repeat(10001) });
	assert.deepEqual(fieldNames(r), ['reason']);
	// A case that does not exist says so (at the cost of the audit).
	assertError(await rotterdam.post('/api/cases/99999999/emergency',
	    { reason: REASON }), 404, 'not_found');
	// The team has access already.
	r = await amsterdam.post(`${path}/emergency`, { reason: REASON });
	assertError(r, 409, 'conflict');
	assert.match(r.body.error.message, /access .* already/);
	// Only coordinators break the glass.
	for (const u of ['demo-advisor', 'demo-provider', 'demo-admin']) {
		const c = await loginAs(server, u);
		assertError(await c.post(`${path}/emergency`,
		    { reason: REASON }), 403, 'forbidden', u);
	}
	assert.equal(await count('case_emergency'), before);

	const t0 = Date.now();
	r = await rotterdam.post(`${path}/emergency`, { reason: REASON });
	assert.equal(r.status, 201, r.text);
	const until = Date.parse(r.body.until);
	assert.ok(Math.abs(until - t0 - 3600e3) < 120e3, r.body.until);
	r = await rotterdam.post(`${path}/emergency`, { reason: REASON });
	assertError(r, 409, 'conflict', 'a second one while it runs');

	const c = await rotterdam.get(path);
	assert.equal(c.status, 200, c.text);
	assert.equal(c.body.access, 'emergency');
	assert.equal(c.body.persons[0].person.name, 'Nadia Haddad');
	assert.equal(c.body.summary, 'Aangetroffen bij een controle.');
	assert.equal(Date.parse(c.body.emergency_until), until);
	assert.equal(c.body.may_transfer, false);
	for (const [p, body] of [[`${path}/notes`, { text: 'x' }],
	    [`${path}/status`, { status: 'in_care' }],
	    [`${path}/transfer`, { municipality: 'GM0599', reason: 'x' }]])
		assertError(await rotterdam.post(p, body), 403, 'forbidden', p);
	// The reason is sealed, and kept out of the audit chain.
	assert.equal(await count("case_emergency WHERE CAST(reason AS TEXT) " +
	    "LIKE '%balie%'"), 0);
	assert.equal(await count("audit WHERE reason LIKE '%balie%'"), 0);
	const rows = (await sql(server.dataDir, 'SELECT action, reason FROM ' +
	    `audit WHERE object_type = 'case' AND object_id = ${kase} AND ` +
	    "org_id = (SELECT id FROM org WHERE name = " +
	    `'${ROTTERDAM}') ORDER BY id`)).trim().split('\n');
	assert.equal(rows.length, 2, rows.join('\n'));
	assert.match(rows[0], /^case\.emergency\|emergency access \d+$/);
	assert.equal(rows[1], rows[0].replace('case.emergency', 'case.read'));
});

test('the team sees the emergency reads of its cases, and who read and ' +
    'changed the case; nobody else does', async () => {
	const list = (await amsterdam.get('/api/cases/emergency')).body.reads;
	const e = list.find((x) => x.case_id === kase);
	assert.ok(e, JSON.stringify(list));
	assert.equal(e.username, 'demo-coordinator-rotterdam');
	assert.equal(e.org_name, ROTTERDAM);
	assert.equal(e.reason, REASON);
	assert.deepEqual(Object.keys(e).sort(), ['at', 'case_id', 'id',
	    'org_name', 'reason', 'until', 'username']);
	assert.deepEqual((await rotterdam.get('/api/cases/emergency')).body
	    .reads.filter((x) => x.case_id === kase), []);

	const path = `/api/cases/${kase}/access`;
	const all = (await amsterdam.get(path)).body.entries;
	const glass = all.filter((x) => x.emergency);
	assert.deepEqual(glass.map((x) => x.action).sort(),
	    ['case.emergency', 'case.read']);
	for (const x of glass) {
		assert.equal(x.username, 'demo-coordinator-rotterdam');
		assert.equal(x.org_name, ROTTERDAM);
		assert.equal(x.role, 'coordinator');
		assert.equal(x.reason, REASON);
	}
	const own = all.filter((x) => !x.emergency);
	assert.ok(own.some((x) => x.action === 'case.open' &&
	    x.username === 'demo-coordinator' && x.org_name === AMSTERDAM));
	assert.ok(all[0].id > all.at(-1).id, 'newest first');
	let f = (await amsterdam.get(`${path}?emergency=1`)).body.entries;
	assert.deepEqual(f.map((x) => x.id), glass.map((x) => x.id));
	f = (await amsterdam.get(`${path}?action=case.open`)).body.entries;
	assert.deepEqual(f.map((x) => x.action), ['case.open']);
	assertError(await amsterdam.get(`${path}?emergency=yes`), 400,
	    'invalid');
	// The listing itself is on the trail.
	f = (await amsterdam.get(`${path}?action=audit.view`)).body.entries;
	assert.ok(f.length >= 3, JSON.stringify(f));

	// Everyone else: the 404 of a case that does not exist.
	const missing = await amsterdam.get('/api/cases/99999999/access');
	assertError(missing, 404, 'not_found');
	const admin = await realAdmin(server);
	for (const c of [rotterdam, admin, ...await Promise.all(
	    ['demo-advisor', 'demo-reporter', 'demo-admin', 'demo-policy']
	    .map((u) => loginAs(server, u)))]) {
		const r = await c.get(path);
		assert.equal(r.status, 404, r.text);
		assert.deepEqual(r.body, missing.body);
	}
});

test('the admins review every emergency read, without case data',
    async () => {
	const admin = await realAdmin(server);
	const r = await admin.get('/api/emergency-reads');
	assert.equal(r.status, 200, r.text);
	const e = r.body.reads.find((x) => x.case_id === kase);
	assert.equal(e.username, 'demo-coordinator-rotterdam');
	assert.equal(e.org_name, ROTTERDAM);
	assert.equal(e.reason, REASON);
	assert.ok(Date.parse(e.until) > Date.parse(e.at));
	assert.deepEqual(Object.keys(e).sort(), ['at', 'case_id', 'id',
	    'org_name', 'reason', 'until', 'username']);
	assert.ok(await count("audit WHERE action = 'emergency.review'") >= 1);
	// The admin still reads no case.
	assertError(await admin.get(`/api/cases/${kase}`), 404, 'not_found');
	for (const u of ['demo-coordinator', 'demo-advisor', 'demo-policy'])
		assertError(await (await loginAs(server, u))
		    .get('/api/emergency-reads'), 403, 'forbidden', u);
});

test('after 60 minutes the emergency read has ended', async () => {
	await stopClean(server);
	server = null;
	const later = await startServer({ dataDir: data.dataDir,
	    users: data.users, env: { SCHAKEL_CLOCK_OFFSET: String(61 * 60) } });
	try {
		const c = await loginAs(later, 'demo-coordinator-rotterdam');
		assertError(await c.get(`/api/cases/${kase}`), 404,
		    'not_found');
		// And may be asked again, with a new reason.
		const r = await c.post(`/api/cases/${kase}/emergency`,
		    { reason: 'Weer aan de balie.' });
		assert.equal(r.status, 201, r.text);
		assert.equal((await c.get(`/api/cases/${kase}`)).status, 200);
	} finally {
		await stopClean(later);
	}
	// Now, the first read still runs; the second has not begun.
	server = await startServer({ dataDir: data.dataDir,
	    users: data.users });
	rotterdam = await loginAs(server, 'demo-coordinator-rotterdam');
	const c = await rotterdam.get(`/api/cases/${kase}`);
	assert.equal(c.status, 200, c.text);
	assert.equal(c.body.access, 'emergency');
});

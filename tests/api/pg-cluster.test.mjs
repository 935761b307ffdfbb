// Several servers on one PostgreSQL database and one data folder: a
// session made on one works on the other and ends on both, parallel
// writes through both land exactly once in one gapless audit chain, and
// the lockout of a name is shared.
//
// On SQLite only one server may use a folder, so the same tests assert
// the SQLite counterparts: a second server is refused, and sessions,
// writes and lockouts live in the database, not in the process, so they
// outlive a restart of the server on the same folder.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { client } from '../lib/http.mjs';
import { startServer, testDb } from '../lib/server.mjs';
import { assertError, inParallel, loginAs, runCli, sessionCookie, sql,
    stopClean, trySpawnServe, uniqueName } from '../lib/util.mjs';

const PG = testDb() === 'pg';
const WRONG = 'not-the-password-at-all';

let a = null;		// the first server; it made the folder
let b = null;		// PostgreSQL: a second server on the same folder
const restarted = [];	// SQLite: servers started again on a's folder

before(async () => {
	a = await startServer();
	if (PG)
		b = await startServer({ dataDir: a.dataDir, users: a.users });
});

after(async () => {
	// Those on a's folder first: stopping a removes it.
	for (const s of [b, ...restarted])
		await stopClean(s);
	await stopClean(a);
});

// SQLite: stops the server now serving a's folder (keeping the folder)
// and starts another on it.
async function restart() {
	const old = restarted.at(-1) ?? a;
	old.child.kill('SIGTERM');
	assert.deepEqual(await old.exited, { code: 0, signal: null });
	const s = await startServer({ dataDir: a.dataDir, users: a.users });
	restarted.push(s);
	return s;
}

// The server serving a's folder now (SQLite) or a itself (PostgreSQL).
function current() {
	return restarted.at(-1) ?? a;
}

// A client that holds another client's session cookie and CSRF token,
// talking to url.
function sameSession(c, url) {
	const other = client(url);
	other.cookies.set('schakel_session', sessionCookie(c));
	other.setCsrf(c.csrf);
	return other;
}

async function orgs(c) {
	const r = await c.get('/api/orgs');
	assert.equal(r.status, 200, r.text);
	return r.body.orgs;
}

test(PG ? 'a session made on one server works on the other; logout on ' +
    'one ends it on both' : 'a second server on the folder is refused; ' +
    'a session outlives a restart', async () => {
	const ca = await loginAs(current(), 'demo-admin');
	assert.ok(sessionCookie(ca));
	if (!PG) {
		const s = await trySpawnServe(a.dataDir);
		if (s.listening)
			await s.stop();
		assert.equal(s.listening, false, 'a second server started');
		assert.match(s.stderr, /another schakel is serving/);
	}
	const other = PG ? b : await restart();
	const cb = sameSession(ca, other.url);

	const me = await cb.get('/api/me');
	assert.equal(me.status, 200, me.text);
	assert.equal(me.body.username, 'demo-admin');

	// The CSRF token is the session's, so it holds there too, and it is
	// still needed there.
	const name = uniqueName('Over de grens');
	assertError(await cb.post('/api/orgs', { name, type: 'other' },
	    { headers: { 'x-csrf-token': null } }), 403, 'forbidden');
	const r = await cb.post('/api/orgs', { name, type: 'other' });
	assert.equal(r.status, 201, r.text);
	if (PG) {
		// The first server sees the write of the second.
		const o = (await orgs(ca)).find((x) => x.id === r.body.id);
		assert.equal(o?.name, name);
		assert.equal((await ca.get('/api/me')).status, 200);
	}

	assert.equal((await cb.logout()).status, 204);
	assertError(await sameSession(ca, other.url).get('/api/me'), 401,
	    'unauthenticated');
	if (PG) {
		assertError(await ca.get('/api/me'), 401, 'unauthenticated');
		assertError(await ca.post('/api/orgs', { name:
		    uniqueName('Na afmelden'), type: 'other' }), 401,
		    'unauthenticated');
	}
});

test(PG ? '2 x 100 parallel writes through two servers: all land, one ' +
    'gapless audit chain' : '2 x 100 parallel writes through one server: ' +
    'all land, one gapless audit chain', async () => {
	const servers = PG ? [a, b] : [current(), current()];
	// 25 at a time per server.  Node's fetch opens about two
	// connections per request in flight, and the server takes 64 per
	// address, so one server is not given 2 x 25.
	const limit = PG ? 25 : 12;
	const clients = await Promise.all(servers.map((s) =>
	    loginAs(s, 'demo-admin')));
	const before = (await orgs(clients[0])).length;
	const prefix = uniqueName('parallel');

	const results = await Promise.all(clients.map((c, k) =>
	    inParallel(100, limit, async (i) => {
		const name = `${prefix}-${k}-${i}`;
		const r = await c.post('/api/orgs', { name, type: 'other' });
		return { name, status: r.status, id: r.body?.id,
		    text: r.text };
	})));
	const all = results.flat();
	assert.equal(all.length, 200);
	const bad = all.filter((r) => r.status !== 201);
	assert.deepEqual(bad, [], 'every write is 201');
	const ids = new Set(all.map((r) => r.id));
	assert.equal(ids.size, 200, 'every write has an id of its own');

	for (const c of clients) {
		const list = await orgs(c);
		assert.equal(list.length, before + 200);
		const byName = new Map(list.map((o) => [o.name, o.id]));
		for (const r of all)
			assert.equal(byName.get(r.name), r.id, r.name);
	}

	// Nothing runs between the check and the count: both see the same.
	const v = await runCli(['audit', 'verify', '--data', a.dataDir]);
	assert.equal(v.code, 0, v.stdout + v.stderr);
	const intact = Number(/intact: (\d+) entries/.exec(v.stdout)?.[1]);
	const [count, lo, hi] = (await sql(a.dataDir, 'SELECT count(*), ' +
	    'min(id), max(id) FROM audit')).trim().split('|').map(Number);
	assert.equal(intact, count, v.stdout);
	assert.deepEqual([lo, hi], [1, count], 'audit ids have no gaps');
	const created = Number((await sql(a.dataDir, 'SELECT count(*) FROM ' +
	    "audit WHERE action = 'org.create' AND object_id IN " +
	    `(${[...ids].join(',')})`)).trim());
	assert.equal(created, 200, 'one org.create entry per write');
});

test(PG ? 'the lockout of a name is shared: 5 failures over two ' +
    'servers lock it on both' : 'the lockout of a name outlives a ' +
    'restart', async () => {
	const pw = a.users['demo-reporter'].password;
	const login = (s, password) => client(s.url).post('/api/login',
	    { username: 'demo-reporter', password });
	// Neither server alone sees 5 failures.
	const order = PG ? [a, b, a, b, a] : [current(), current(),
	    current()];
	for (const [i, s] of order.entries())
		assertError(await login(s, WRONG), 401, 'unauthenticated',
		    `failure ${i + 1}`);
	let rest = [];
	if (!PG) {
		const s = await restart();
		rest = [s, s];
		for (const [i, t] of rest.entries())
			assertError(await login(t, WRONG), 401,
			    'unauthenticated', `failure ${i + 4}`);
	}
	for (const s of PG ? [a, b] : [current()]) {
		const r = await login(s, pw);
		assertError(r, 429, 'rate_limited', s.url);
		assert.match(r.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
		assert.equal(r.headers.getSetCookie().length, 0);
	}
	// Only that name: another still logs in, on either server.
	for (const s of PG ? [a, b] : [current()])
		await loginAs(s, 'demo-advisor');
});

// Losing the database server.  On PostgreSQL, with a cluster of this
// file's own (so stopping it disturbs no other test): while it is down,
// every request that needs the database is 503 "unavailable", promptly,
// never 200 or 500; a burst of writes cut by a stop and a start gets 201
// or 503 for each, and afterwards exactly the acknowledged writes exist
// and the audit chain verifies; the same server process recovers on its
// own once the cluster is back.
//
// SQLite has no separate server to lose: the same requests and the same
// burst must all succeed, and the same checks of what exists and of the
// audit chain apply.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { client } from '../lib/http.mjs';
import { startServer, testDb } from '../lib/server.mjs';
import { assertError, loginAs, pgCluster, runCli, sleep, sql, stopClean,
    uniqueName, withTimeout } from '../lib/util.mjs';

const PG = testDb() === 'pg';
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const REQUEST_MS = 15000;	// "never a hang": far above any real answer
const RECOVER_MS = 10000;	// "within a few seconds", with ASan's pace

let cluster = null;	// PostgreSQL: {dir, up}; dir is removed only once
			// the cluster in it has stopped
let server = null;
let admin = null;

// If the file dies before after(), the cluster must not outlive it.
process.on('exit', () => {
	if (cluster === null)
		return;
	try {
		execFileSync(join(REPO, 'tools', 'pg.sh'),
		    ['stop', cluster.dir], { stdio: 'ignore' });
		rmSync(cluster.dir, { recursive: true, force: true });
	} catch {
		// nothing more to do on the way out
	}
});

before(async () => {
	if (PG) {
		cluster = { dir: mkdtempSync(join(tmpdir(), 'schakel-pgfail-')),
		    up: false };
		await pgCluster('start', cluster.dir);
		cluster.up = true;
	}
	server = await startServer(PG ? { db: 'pg', pgDir: cluster.dir } :
	    { db: 'sqlite' });
	admin = await loginAs(server, 'demo-admin');
});

after(async () => {
	await stopClean(server);
	if (cluster) {
		await pgCluster('stop', cluster.dir);
		rmSync(cluster.dir, { recursive: true, force: true });
		cluster = null;
	}
});

// Stops (fast shutdown) or starts the cluster; nothing on SQLite.
async function clusterStop() {
	if (!PG)
		return;
	await pgCluster('stop', cluster.dir);
	cluster.up = false;
}

async function clusterStart() {
	if (!PG || cluster.up)
		return;
	await pgCluster('start', cluster.dir);
	cluster.up = true;
}

// A request that must answer within REQUEST_MS.
function timely(promise, what) {
	return withTimeout(promise, REQUEST_MS, what);
}

// The server process is the one started in before(), and it runs.
function assertSameProcess(pid) {
	assert.equal(server.child.pid, pid);
	assert.equal(server.child.exitCode, null, 'the server exited');
	assert.equal(server.child.signalCode, null, 'the server was killed');
}

// Retries GET /api/orgs until it is 200, for at most RECOVER_MS; every
// answer on the way is 200 or 503.  Resolves the orgs.
async function orgsOnceBack(c) {
	const deadline = Date.now() + RECOVER_MS;
	for (;;) {
		const r = await timely(c.get('/api/orgs'), 'GET /api/orgs');
		if (r.status === 200)
			return r.body.orgs;
		assertError(r, 503, 'unavailable', 'while recovering');
		assert.ok(Date.now() < deadline, 'GET /api/orgs is not 200 ' +
		    `within ${RECOVER_MS} ms of the cluster's start`);
		await sleep(100);
	}
}

// The audit trail verifies, its ids have no gaps, and no org.create
// entry names an organisation that does not exist (a partial write).
async function assertAuditWhole() {
	const v = await runCli(['audit', 'verify', '--data', server.dataDir]);
	assert.equal(v.code, 0, v.stdout + v.stderr);
	const intact = Number(/intact: (\d+) entries/.exec(v.stdout)?.[1]);
	const [count, lo, hi] = (await sql(server.dataDir, 'SELECT count(*), ' +
	    'min(id), max(id) FROM audit')).trim().split('|').map(Number);
	assert.equal(intact, count, v.stdout);
	assert.deepEqual([lo, hi], [1, count], 'audit ids have no gaps');
	const orphans = (await sql(server.dataDir, 'SELECT a.id FROM audit a ' +
	    "WHERE a.action = 'org.create' AND NOT EXISTS (SELECT 1 FROM " +
	    'org o WHERE o.id = a.object_id)')).trim();
	assert.equal(orphans, '', 'audit entries of orgs that do not exist');
}

test(PG ? 'with the cluster down, what needs the database is a prompt ' +
    '503' : 'SQLite has no database server to lose: the same requests ' +
    'succeed', async () => {
	const pid = server.child.pid;
	await clusterStop();
	try {
		// Twice: the first notices the lost connection, the second
		// finds no server to reconnect to.
		for (let i = 0; i < 2; i++) {
			const list = await timely(admin.get('/api/orgs'),
			    'GET /api/orgs');
			const made = await timely(admin.post('/api/orgs',
			    { name: uniqueName('Tijdens storing'),
			    type: 'other' }), 'POST /api/orgs');
			const me = await timely(admin.get('/api/me'),
			    'GET /api/me');
			const login = await timely(client(server.url).post(
			    '/api/login', { username: 'demo-policy', password:
			    server.users['demo-policy'].password }),
			    'POST /api/login');
			if (PG) {
				assertError(list, 503, 'unavailable', 'list');
				assertError(made, 503, 'unavailable', 'create');
				assertError(me, 503, 'unavailable', 'me');
				assertError(login, 503, 'unavailable', 'login');
				assert.equal(login.headers.getSetCookie()
				    .length, 0);
			} else {
				assert.equal(list.status, 200, list.text);
				assert.equal(made.status, 201, made.text);
				assert.equal(me.status, 200, me.text);
				assert.equal(login.status, 200, login.text);
			}
		}
		// The database plays no part in this one.
		const h = await timely(client(server.url).get('/healthz'),
		    'GET /healthz');
		assert.equal(h.status, 200, h.text);
		assertSameProcess(pid);
	} finally {
		await clusterStart();
	}
});

test(PG ? 'the same server process recovers once the cluster is back' :
    'the same server process goes on serving', async () => {
	const pid = server.child.pid;
	// The cluster went down and came back in the test before; this
	// process has not been restarted since.
	const before = await orgsOnceBack(admin);
	assert.ok(before.length > 0);
	const c = client(server.url);
	const deadline = Date.now() + RECOVER_MS;
	for (;;) {
		const r = await timely(c.post('/api/login', { username:
		    'demo-policy', password:
		    server.users['demo-policy'].password }), 'login');
		if (r.status === 200) {
			c.setCsrf(r.body.csrf_token);
			break;
		}
		assertError(r, 503, 'unavailable', 'login while recovering');
		assert.ok(Date.now() < deadline, 'no login within ' +
		    `${RECOVER_MS} ms`);
		await sleep(100);
	}
	assert.equal((await c.get('/api/me')).body?.username, 'demo-policy');
	const name = uniqueName('Na herstel');
	const r = await admin.post('/api/orgs', { name, type: 'other' });
	assert.equal(r.status, 201, r.text);
	assert.ok((await orgsOnceBack(admin)).some((o) => o.name === name));
	assertSameProcess(pid);
	await assertAuditWhole();
});

test(PG ? 'a burst of writes cut by a stop and a start: 201 or 503 each, ' +
    'exactly the 201s exist' : 'a burst of writes: 201 each, all exist',
    async () => {
	const pid = server.child.pid;
	const prefix = uniqueName('burst');
	const MIN = 200;
	const MAX = 3000;
	// The phases move on as answers come in: stop the cluster after 40
	// answers, start it again once 20 answers came while it was down,
	// and go on to at least MIN requests and 20 answers after the
	// start, so the stop and the start always fall inside the burst,
	// however fast or slow the server is.
	let answered = 0;
	let phase = PG ? 'up' : 'done';
	let downAt = 0;
	let backAt = 0;
	let switching = null;
	const switchDone = (p) => {
		switching = p.catch((err) => {
			phase = 'failed';
			throw err;
		});
	};
	const more = (i) => i < MIN || (i < MAX && phase !== 'done' &&
	    phase !== 'failed');
	const results = [];
	let next = 0;
	async function worker() {
		while (more(next)) {
			const i = next++;
			const name = `${prefix}-${i}`;
			let res;
			try {
				const r = await timely(admin.post('/api/orgs',
				    { name, type: 'other' }), `POST ${name}`);
				res = { i, name, status: r.status, r };
			} catch (error) {
				res = { i, name, error: String(error) };
			}
			results.push(res);
			answered++;
			if (phase === 'up' && answered >= 40) {
				phase = 'stopping';
				switchDone(clusterStop().then(() => {
					phase = 'down';
					downAt = answered;
				}));
			} else if (phase === 'down' &&
			    answered >= downAt + 20) {
				phase = 'starting';
				switchDone(clusterStart().then(() => {
					phase = 'back';
					backAt = answered;
				}));
			} else if (phase === 'back' &&
			    answered >= backAt + 20) {
				phase = 'done';
			}
		}
	}
	await Promise.all(Array.from({ length: 20 }, worker));
	if (switching)
		await switching;
	await clusterStart();
	assert.equal(phase, 'done', `the burst ended in phase ${phase}`);

	// No connection errors, no hangs: 201 or 503, nothing else.
	const errors = results.filter((x) => x.error);
	assert.deepEqual(errors.map((x) => x.error), [],
	    'requests without an answer');
	const ok = results.filter((x) => x.status === 201);
	const refused = results.filter((x) => x.status !== 201);
	for (const x of refused)
		assertError(x.r, 503, 'unavailable', x.name);
	if (PG) {
		assert.ok(refused.length >= 20, `only ${refused.length} 503s`);
		assert.ok(ok.length >= 60, `only ${ok.length} 201s`);
	} else {
		assert.equal(refused.length, 0);
	}
	assertSameProcess(pid);

	// Exactly what was acknowledged exists, with the id it was given.
	const orgs = await orgsOnceBack(admin);
	const byName = new Map(orgs.filter((o) => o.name.startsWith(
	    `${prefix}-`)).map((o) => [o.name, o.id]));
	for (const x of ok)
		assert.equal(byName.get(x.name), x.r.body.id,
		    `acknowledged ${x.name} is lost`);
	const phantom = refused.filter((x) => byName.has(x.name));
	assert.deepEqual(phantom.map((x) => x.name), [],
	    'refused writes that exist anyway');
	assert.equal(byName.size, ok.length);
	await assertAuditWhole();
});

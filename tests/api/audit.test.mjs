// The audit trail: logins, failures and changes leave entries, an admin
// can list them per object, `schakel audit verify` passes while the
// server runs, and it fails, naming the entry, on a copy of the database
// in which an entry was changed, removed, or swapped with another.  The
// copy is made with `schakel backup` on SQLite and with pg_dump into a
// database of its own on PostgreSQL.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { client } from '../lib/http.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, dataDirFrom, dataDirFromDump, fieldNames, loginAs,
    pgDump, runCli, sql, stopClean, tempDir, uniqueName }
    from '../lib/util.mjs';

let server = null;
let admin = null;
let backup = null;	// {dir, file}: a consistent copy to tamper with

before(async () => {
	server = await startServer();
	admin = await loginAs(server, 'demo-admin');
});

after(async () => {
	backup?.dir.remove();
	await stopClean(server);
});

async function userId(name) {
	const r = await admin.get('/api/users');
	const u = r.body.users.find((x) => x.username === name);
	assert.ok(u, `no user ${name}`);
	return u.id;
}

async function entries(type, id) {
	const r = await admin.get(`/api/audit?object_type=${type}` +
	    `&object_id=${id}`);
	assert.equal(r.status, 200, r.text);
	return r.body.entries;
}

// Runs audit verify; bad is the first entry number its output names.
async function verify(dataDir) {
	const r = await runCli(['audit', 'verify', '--data', dataDir]);
	const out = r.stdout + r.stderr;
	const m = /\bentry (\d+)/.exec(out);
	return { ...r, out, bad: m ? Number(m[1]) : null };
}

test('logins are listed for the user; a failure adds login.fail',
    async () => {
	const id = await userId('demo-policy');
	const before = await entries('user', id);
	const count = (list, action) =>
	    list.filter((e) => e.action === action).length;

	await loginAs(server, 'demo-policy');
	await loginAs(server, 'demo-policy');
	let list = await entries('user', id);
	assert.equal(count(list, 'login'), count(before, 'login') + 2);
	// Newest first.
	const last = list.find((e) => e.action === 'login');
	assert.equal(last.user_id, id, 'a login is done by the user');
	assert.equal(last.username, 'demo-policy');
	assert.equal(last.role, 'policy');
	assert.match(last.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	for (const e of list) {
		assert.deepEqual(Object.keys(e).sort(), ['action', 'at', 'id',
		    'org_id', 'reason', 'role', 'user_id', 'username']);
	}

	const fail = await client(server.url).post('/api/login',
	    { username: 'demo-policy', password: 'not-the-password-at-all' });
	assert.equal(fail.status, 401);
	list = await entries('user', id);
	assert.equal(count(list, 'login.fail'),
	    count(before, 'login.fail') + 1);
	// Looking at the trail is itself on the trail.
	assert.ok(count(list, 'audit.view') >= 2, JSON.stringify(list));
	const view = list.find((e) => e.action === 'audit.view');
	assert.equal(view.username, 'demo-admin');
	// Newest first, by id.
	const ids = list.map((e) => e.id);
	assert.deepEqual([...ids].sort((a, b) => b - a), ids);
	await loginAs(server, 'demo-policy');
});

test('creating and disabling leave entries on the object', async () => {
	const o = await admin.post('/api/orgs', { name: uniqueName('Audit'),
	    type: 'other' });
	assert.equal(o.status, 201, o.text);
	const oe = await entries('org', o.body.id);
	assert.deepEqual(oe.filter((e) => e.action !== 'audit.view')
	    .map((e) => e.action), ['org.create']);
	assert.equal(oe[0].username, 'demo-admin');

	const me = (await admin.get('/api/me')).body;
	const u = await admin.post('/api/users', { username: uniqueName('au'),
	    role: 'policy', org_id: me.org_id });
	assert.equal(u.status, 201, u.text);
	assert.equal((await admin.post(`/api/users/${u.body.id}/disable`))
	    .status, 200);
	const ue = await entries('user', u.body.id);
	assert.deepEqual(ue.filter((e) => e.action !== 'audit.view')
	    .map((e) => e.action), ['user.disable', 'user.enrol_link',
	    'user.create']);
});

test('reading the accounts list leaves one user.list entry', async () => {
	// The list opens every account's sealed name and e-mail address;
	// the trail says who read them, once per read, on the reader's
	// organisation.
	const me = (await admin.get('/api/me')).body;
	const count = async () => (await entries('org', me.org_id))
	    .filter((e) => e.action === 'user.list').length;
	const was = await count();
	const r = await admin.get('/api/users');
	assert.equal(r.status, 200, r.text);
	assert.ok(r.body.users.length > 1);
	assert.equal(await count(), was + 1);
	const last = (await entries('org', me.org_id))
	    .find((e) => e.action === 'user.list');
	assert.equal(last.username, 'demo-admin');
});

test('the audit listing checks its query', async () => {
	for (const q of ['', '?object_type=user', '?object_id=1',
	    '?object_type=case&object_id=1', '?object_type=user&object_id=0',
	    '?object_type=user&object_id=abc']) {
		const r = await admin.get(`/api/audit${q}`);
		assertError(r, 400, 'invalid', q);
		assert.ok(fieldNames(r).length > 0, q);
		for (const f of fieldNames(r))
			assert.ok(['object_type', 'object_id'].includes(f), q);
	}
	const r = await admin.get('/api/audit?object_type=case&object_id=x');
	assert.deepEqual(fieldNames(r).sort(), ['object_id', 'object_type']);
});

test('audit verify passes while the server runs', async () => {
	const first = await verify(server.dataDir);
	assert.equal(first.code, 0, first.out);
	const m = /intact: (\d+) entries/.exec(first.stdout);
	assert.ok(m, first.out);
	await loginAs(server, 'demo-reporter');
	const second = await verify(server.dataDir);
	assert.equal(second.code, 0, second.out);
	const n = Number(/intact: (\d+) entries/.exec(second.stdout)?.[1]);
	assert.ok(n > Number(m[1]), 'a login adds an entry');
});

// A fresh, untouched copy of the server's data folder to tamper with:
// one backup (SQLite) or plain pg_dump (PostgreSQL) is taken the first
// time, and every copy is a new file or database made from it.
async function copy() {
	if (backup === null) {
		const dir = tempDir('schakel-audit-');
		let file;
		if (server.db === 'pg') {
			file = join(dir.path, 'dump.sql');
			await pgDump(server.dbUrl, file);
		} else {
			file = join(dir.path, 'backup.db');
			const r = await runCli(['backup', '--data',
			    server.dataDir, file]);
			assert.equal(r.code, 0, r.stderr);
		}
		assert.ok(existsSync(file));
		backup = { dir, file };
	}
	const key = join(server.dataDir, 'schakel.key');
	if (server.db === 'pg')
		return dataDirFromDump(key, backup.file);
	return dataDirFrom(key, backup.file);
}

// SQL for 32 random bytes, as the hash column holds.
function randomHash() {
	return server.db === 'pg' ? 'sha256(random()::text::bytea)' :
	    'randomblob(32)';
}

async function entryCount(dataDir) {
	return Number((await sql(dataDir, 'SELECT count(*) FROM audit'))
	    .trim());
}

test('an untouched copy verifies once its end is recorded', async () => {
	const d = await copy();
	try {
		// A copy comes without the folder's checkpoint: verify cannot
		// vouch for its end until an operator records it.
		const r = await verify(d.dataDir);
		assert.equal(r.code, 1, r.out);
		assert.match(r.out, /no audit checkpoint/);
		const cp = await runCli(['audit', 'checkpoint', '--data',
		    d.dataDir, '--reason', 'a copy to examine']);
		assert.equal(cp.code, 0, cp.stdout + cp.stderr);
		const v = await verify(d.dataDir);
		assert.equal(v.code, 0, v.out);
		assert.ok(await entryCount(d.dataDir) > 30);
	} finally {
		d.remove();
	}
});

test('a changed entry fails verify, naming that entry', async () => {
	const d = await copy();
	try {
		const k = Math.floor(await entryCount(d.dataDir) / 2);
		const was = (await sql(d.dataDir,
		    `SELECT action FROM audit WHERE id = ${k}`)).trim();
		const now = was === 'login' ? 'logout' : 'login';
		await sql(d.dataDir,
		    `UPDATE audit SET action = '${now}' WHERE id = ${k}`);
		assert.notEqual((await sql(d.dataDir,
		    `SELECT action FROM audit WHERE id = ${k}`)).trim(), was);
		const r = await verify(d.dataDir);
		assert.equal(r.code, 1, r.out);
		assert.equal(r.bad, k, r.out);
	} finally {
		d.remove();
	}
});

test('other changed columns are caught too', async () => {
	for (const set of ['at = at - 3600', 'user_id = 1',
	    "client_addr = '10.0.0.1'", "reason = 'because'",
	    'object_id = object_id + 1']) {
		const d = await copy();
		try {
			const k = Math.floor(await entryCount(d.dataDir) / 2) +
			    1;
			await sql(d.dataDir,
			    `UPDATE audit SET ${set} WHERE id = ${k}`);
			const r = await verify(d.dataDir);
			assert.equal(r.code, 1, `${set}: ${r.out}`);
			assert.equal(r.bad, k, `${set}: ${r.out}`);
		} finally {
			d.remove();
		}
	}
});

test('the last entry changed, or a forged one appended, is caught',
    async () => {
	let d = await copy();
	try {
		const n = await entryCount(d.dataDir);
		await sql(d.dataDir,
		    `UPDATE audit SET role = 'admin' WHERE id = ${n}`);
		const r = await verify(d.dataDir);
		assert.equal(r.code, 1, r.out);
		assert.equal(r.bad, n, r.out);
	} finally {
		d.remove();
	}
	// Chained to the last hash, but hashed without the key.
	d = await copy();
	try {
		const n = await entryCount(d.dataDir);
		await sql(d.dataDir, 'INSERT INTO audit (id, at, action, ' +
		    'prev_hash, hash) SELECT id + 1, at, \'user.create\', ' +
		    `hash, ${randomHash()} FROM audit WHERE id = ${n}`);
		const r = await verify(d.dataDir);
		assert.equal(r.code, 1, r.out);
		assert.equal(r.bad, n + 1, r.out);
	} finally {
		d.remove();
	}
});

test('a removed entry fails verify, naming it', async () => {
	const d = await copy();
	try {
		const k = Math.floor(await entryCount(d.dataDir) / 2);
		await sql(d.dataDir, `DELETE FROM audit WHERE id = ${k}`);
		const r = await verify(d.dataDir);
		assert.equal(r.code, 1, r.out);
		assert.equal(r.bad, k, r.out);
	} finally {
		d.remove();
	}
});

test('two swapped entries fail verify', async () => {
	const d = await copy();
	try {
		const k = Math.floor(await entryCount(d.dataDir) / 2);
		// Swapping the ids swaps everything else between the rows.
		await sql(d.dataDir, 'BEGIN; ' +
		    `UPDATE audit SET id = -1 WHERE id = ${k}; ` +
		    `UPDATE audit SET id = ${k} WHERE id = ${k + 1}; ` +
		    `UPDATE audit SET id = ${k + 1} WHERE id = -1; COMMIT;`);
		const r = await verify(d.dataDir);
		assert.equal(r.code, 1, r.out);
		assert.equal(r.bad, k, r.out);
	} finally {
		d.remove();
	}
});

test('the server log holds no password, token or body', async () => {
	// Kept here too because this file logs in many times.
	const log = server.log.join('\n');
	for (const [name, u] of Object.entries(server.users))
		assert.ok(!log.includes(u.password), `password of ${name}`);
	assert.ok(!log.includes(admin.csrf));
	assert.ok(!readFileSync(join(server.dataDir, 'schakel.key'), 'utf8')
	    .trim().split('\n').some((k) => log.includes(k)));
});

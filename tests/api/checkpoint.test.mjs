// The audit checkpoint (DIR/audit.head): entries cut off the end of the
// chain are caught by verify and make serve refuse to start, with or
// without the checkpoint; only an audited `audit checkpoint --reason`
// moves it back, as a restore does.  Signed heads (`audit head`, and the
// server's log every --head-every seconds) catch a cut or rewrite made
// after them even when the checkpoint was reset.
//
// On PostgreSQL (SCHAKEL_TEST_DB=pg) the folder's copies get a database
// of their own, loaded from a pg_dump, and the restore is the documented
// pg_dump -Fc / pg_restore procedure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { createDatabase, startServer, testDb } from '../lib/server.mjs';
import { initDataDir, loginAs, pgDump, pgLoad, pgRestore, psql, runCli,
    sleep, sql, stopClean, tempDir, trySpawnServe } from '../lib/util.mjs';

const PG = testDb() === 'pg';

let tmp;
let dir;

before(async () => {
	tmp = await initDataDir({ demo: true });
	dir = tmp.dataDir;
});
after(() => tmp?.remove());

// A copy of the data folder in a new temporary folder; on PostgreSQL its
// db.url names a new database holding a copy of the folder's.
async function copyFolder(prefix) {
	const copy = tempDir(prefix);
	const d = join(copy.path, 'data');
	execFileSync('cp', ['-a', dir, d]);
	if (PG) {
		const dump = join(copy.path, 'dump.sql');
		await pgDump(tmp.dbUrl, dump);
		const url = await createDatabase();
		await pgLoad(url, dump);
		writeFileSync(join(d, 'db.url'), `${url}\n`, { mode: 0o600 });
		assert.equal((await psql(url, 'SELECT count(*) FROM audit'))
		    .trim(), (await sql(dir, 'SELECT count(*) FROM audit'))
		    .trim());
	}
	return { dir: d, remove: copy.remove };
}

test('every commit leaves a checkpoint of the newest entry', async () => {
	const line = readFileSync(join(dir, 'audit.head'), 'utf8');
	const [magic, id] = line.split(' ');
	assert.equal(magic, 'schakel-audit-checkpoint-1');
	const last = (await sql(dir, 'SELECT max(id) FROM audit')).trim();
	assert.equal(id, last);
	const v = await runCli(['audit', 'verify', '--data', dir]);
	assert.equal(v.code, 0, v.stdout + v.stderr);
	assert.doesNotMatch(v.stdout, /no checkpoint/);
});

test('entries removed from the end are caught and named', async () => {
	const copy = await copyFolder('schakel-checkpoint-cut-');
	try {
		const d = copy.dir;
		const last = Number(await sql(d, 'SELECT max(id) FROM audit'));
		await sql(d, `DELETE FROM audit WHERE id > ${last - 2}`);
		const v = await runCli(['audit', 'verify', '--data', d]);
		assert.equal(v.code, 1);
		assert.match(v.stdout,
		    new RegExp(`broken at entry ${last - 1}`));
		assert.match(v.stdout, /removed from the end/);
	} finally {
		copy.remove();
	}
});

test('an edited checkpoint is refused', async () => {
	const copy = await copyFolder('schakel-checkpoint-edit-');
	try {
		const d = copy.dir;
		const head = join(d, 'audit.head');
		const parts = readFileSync(head, 'utf8').split(' ');
		parts[1] = String(Number(parts[1]) - 1);
		execFileSync('sh', ['-c', `printf '%s' "$1" > "$2"`, 'sh',
		    parts.join(' '), head]);
		const v = await runCli(['audit', 'verify', '--data', d]);
		assert.equal(v.code, 1);
		assert.match(v.stdout, /altered/);
	} finally {
		copy.remove();
	}
});

// The newest entry id of a folder's trail.
async function newest(d) {
	return Number(await sql(d, 'SELECT max(id) FROM audit'));
}

// Serve must refuse: no listening, a non-zero exit, one line that names
// the problem and the remedy.
async function assertRefused(d, problem) {
	const s = await trySpawnServe(d);
	if (s.listening)
		await s.stop();
	assert.equal(s.listening, false, 'serve started on a cut trail');
	assert.notEqual(s.code, 0, s.stderr);
	const lines = s.stderr.split('\n').filter((l) =>
	    l.startsWith('schakel: '));
	assert.equal(lines.length, 1, s.stderr);
	assert.match(lines[0], /^schakel: refusing to start: /);
	assert.match(lines[0], problem);
	assert.match(lines[0], /schakel audit checkpoint --data .* --reason/);
}

test('a trail with entries and no checkpoint fails verify and serve',
    async () => {
	const copy = await copyFolder('schakel-checkpoint-none-');
	try {
		const d = copy.dir;
		const last = await newest(d);
		await sql(d, `DELETE FROM audit WHERE id > ${last - 3}`);
		rmSync(join(d, 'audit.head'));
		const v = await runCli(['audit', 'verify', '--data', d]);
		assert.equal(v.code, 1, v.stdout + v.stderr);
		assert.match(v.stdout, /no audit checkpoint/);
		assert.match(v.stdout, /schakel audit checkpoint --data/);
		await assertRefused(d, /no audit checkpoint/);
		// Nothing wrote a fresh checkpoint meanwhile, not even a
		// command that writes.
		const u = await runCli(['user', 'add', '--data', d, '--org',
		    'Beheer', '--role', 'policy', 'after.cut']);
		assert.equal(u.code, 0, u.stderr);
		assert.ok(!existsSync(join(d, 'audit.head')),
		    'a checkpoint was made over a cut trail');
		assert.equal((await runCli(['audit', 'verify', '--data', d]))
		    .code, 1);
	} finally {
		copy.remove();
	}
});

test('a cut trail under its own or an older checkpoint is refused',
    async () => {
	const copy = await copyFolder('schakel-checkpoint-older-');
	try {
		const d = copy.dir;
		const head = join(d, 'audit.head');
		// The checkpoint as it was a few entries ago, kept aside.
		const older = readFileSync(head, 'utf8');
		const olderId = Number(older.split(' ')[1]);
		for (const n of ['later.one', 'later.two']) {
			const u = await runCli(['user', 'add', '--data', d,
			    '--org', 'Beheer', '--role', 'policy', n]);
			assert.equal(u.code, 0, u.stderr);
		}
		const last = await newest(d);
		assert.ok(last > olderId + 1);
		// Cut the end, the current checkpoint kept.
		await sql(d, `DELETE FROM audit WHERE id > ${last - 1}`);
		await assertRefused(d, /entry \d+ was removed from the end/);
		const current = readFileSync(head, 'utf8');
		assert.equal(Number(current.split(' ')[1]), last,
		    'the refusing server moved the checkpoint');
		// Cut below the older checkpoint, which is put back.
		await sql(d, `DELETE FROM audit WHERE id > ${olderId - 2}`);
		writeFileSync(head, older);
		const v = await runCli(['audit', 'verify', '--data', d]);
		assert.equal(v.code, 1, v.stdout + v.stderr);
		assert.match(v.stdout, /removed from the end/);
		await assertRefused(d, /were removed from the end/);
		assert.equal(readFileSync(head, 'utf8'), older);
	} finally {
		copy.remove();
	}
});

test('audit checkpoint is deliberate and audited, then serve starts',
    async () => {
	const copy = await copyFolder('schakel-checkpoint-reset-');
	try {
		const d = copy.dir;
		const last = await newest(d);
		await sql(d, `DELETE FROM audit WHERE id > ${last - 2}`);
		rmSync(join(d, 'audit.head'));
		const no = await runCli(['audit', 'checkpoint', '--data', d]);
		assert.equal(no.code, 2, 'checkpoint without --reason');
		assert.match(no.stderr, /--reason/);
		assert.ok(!existsSync(join(d, 'audit.head')));
		const cp = await runCli(['audit', 'checkpoint', '--data', d,
		    '--reason', 'ticket 42: tail lost in a disk failure']);
		assert.equal(cp.code, 0, cp.stdout + cp.stderr);
		assert.match(cp.stdout, /checkpoint: none/);
		assert.match(cp.stdout, new RegExp('chain: intact, ' +
		    `${last - 2} entries, newest at entry ${last - 2} of `));
		assert.match(cp.stdout, new RegExp('checkpoint now at entry ' +
		    `${last - 1}`));
		const row = (await sql(d, 'SELECT id, user_id, role, action, ' +
		    'object_type, object_id, reason, client_addr FROM audit ' +
		    'ORDER BY id DESC LIMIT 1')).trim();
		assert.equal(row, `${last - 1}|||audit.checkpoint|audit||` +
		    'ticket 42: tail lost in a disk failure|local');
		const v = await runCli(['audit', 'verify', '--data', d]);
		assert.equal(v.code, 0, v.stdout + v.stderr);
		const s = await trySpawnServe(d);
		try {
			assert.equal(s.listening, true, s.stderr);
		} finally {
			assert.deepEqual(await s.stop(),
			    { code: 0, signal: null });
		}
		// An altered checkpoint is reset the same way.
		const head = join(d, 'audit.head');
		const parts = readFileSync(head, 'utf8').split(' ');
		parts[3] = parts[3].replace(/^./, (c) => c === '0' ? '1' : '0');
		writeFileSync(head, parts.join(' '));
		await assertRefused(d, /was altered/);
		const again = await runCli(['audit', 'checkpoint', '--data', d,
		    '--reason', 'checkpoint file damaged']);
		assert.equal(again.code, 0, again.stdout + again.stderr);
		assert.match(again.stdout, /checkpoint: .*altered/);
		assert.match(again.stdout, new RegExp('checkpoint was ' +
		    'unreadable'));
	} finally {
		copy.remove();
	}
});

test('a signed head catches a cut or rewrite made after it', async () => {
	const copy = await copyFolder('schakel-checkpoint-head-');
	try {
		const d = copy.dir;
		const h = await runCli(['audit', 'head', '--data', d]);
		assert.equal(h.code, 0, h.stderr);
		const line = h.stdout.trim();
		const last = await newest(d);
		assert.match(line, new RegExp('^schakel-audit-head-1 ' +
		    `id=${last} hash=[0-9a-f]{64} ` +
		    'at=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ' +
		    'sig=[0-9a-f]{128}$'));
		const pk = await runCli(['audit', 'head', '--data', d,
		    '--public-key']);
		assert.match(pk.stdout, /^[0-9a-f]{64}\n$/);
		// Kept elsewhere: as a line, or in a file among other lines.
		const file = join(copy.dir, '..', 'heads.txt');
		writeFileSync(file, `older lines\n${line}\n`);
		for (const arg of [line, file]) {
			const v = await runCli(['audit', 'verify', '--data', d,
			    '--head', arg]);
			assert.equal(v.code, 0, v.stdout + v.stderr);
			assert.match(v.stdout, new RegExp(`signed head: entry ` +
			    `${last} is in the chain`));
		}
		// A forged line does not verify.
		const forged = line.replace(/ id=(\d+)/, (m, n) =>
		    ` id=${Number(n) + 5}`);
		const f = await runCli(['audit', 'verify', '--data', d,
		    '--head', forged]);
		assert.equal(f.code, 1);
		assert.match(f.stderr, /does not verify/);
		// Later: more entries, then the end is cut and the
		// checkpoint reset, which hides it from verify alone.
		const u = await runCli(['user', 'add', '--data', d, '--org',
		    'Beheer', '--role', 'policy', 'after.head']);
		assert.equal(u.code, 0, u.stderr);
		await sql(d, `DELETE FROM audit WHERE id > ${last - 2}`);
		rmSync(join(d, 'audit.head'));
		const cp = await runCli(['audit', 'checkpoint', '--data', d,
		    '--reason', 'covering up']);
		assert.equal(cp.code, 0, cp.stdout + cp.stderr);
		assert.equal((await runCli(['audit', 'verify', '--data', d]))
		    .code, 0);
		const cut = await runCli(['audit', 'verify', '--data', d,
		    '--head', file]);
		assert.equal(cut.code, 1, cut.stdout + cut.stderr);
		assert.match(cut.stdout, new RegExp(`broken at entry ${last}: ` +
		    '.*the signed head records'));
		// Rewritten to the same length: the entry is not the one.
		const u2 = await runCli(['user', 'add', '--data', d, '--org',
		    'Beheer', '--role', 'policy', 'after.cut']);
		assert.equal(u2.code, 0, u2.stderr);
		assert.ok(await newest(d) >= last);
		const rw = await runCli(['audit', 'verify', '--data', d,
		    '--head', line]);
		assert.equal(rw.code, 1, rw.stdout + rw.stderr);
		assert.match(rw.stdout, new RegExp(`entry ${last} is not the ` +
		    'one the signed head records'));
	} finally {
		copy.remove();
	}
});

test('the server logs a signed head while the trail grows', async () => {
	const server = await startServer({ args: ['--head-every', '1'] });
	try {
		const headOf = (l, j) => /^audit head: schakel-audit-head-1 /
		    .test(j?.msg ?? '');
		await server.waitForLog(headOf, 5000);
		// A login is an entry; the next head names it or a later one.
		await loginAs(server, 'demo-admin');
		const want = await newest(server.dataDir);
		const line = await server.waitForLog((l, j) => {
			const m = /^audit head: schakel-audit-head-1 id=(\d+) /
			    .exec(j?.msg ?? '');
			return m !== null && Number(m[1]) >= want;
		}, 5000);
		const msg = JSON.parse(line).msg;
		assert.match(msg, /^audit head: schakel-audit-head-1 id=\d+ hash=[0-9a-f]{64} at=\S+Z sig=[0-9a-f]{128}$/);
		// No head for seconds without entries.
		const before = server.log.filter((l) =>
		    l.includes('schakel-audit-head-1')).length;
		await sleep(2500);
		assert.equal(server.log.filter((l) =>
		    l.includes('schakel-audit-head-1')).length, before);
		const v = await runCli(['audit', 'verify', '--data',
		    server.dataDir, '--head', line]);
		assert.equal(v.code, 0, v.stdout + v.stderr);
	} finally {
		await stopClean(server);
	}
});

// PostgreSQL: servers share the folder and the chain.  One that starts
// while another keeps writing finds a checkpoint at or behind the chain's
// end, and that is no reason to refuse.
test('a server starting beside a writing one is not refused',
    { skip: PG ? false : 'several servers share a folder on PostgreSQL' },
    async () => {
	const a = await startServer();
	let writing = true;
	let writes = 0;
	const writer = (async () => {
		while (writing) {
			await loginAs(a, 'demo-admin');
			writes++;
		}
	})();
	try {
		for (let i = 0; i < 3; i++) {
			const s = await trySpawnServe(a.dataDir);
			try {
				assert.equal(s.listening, true, s.stderr);
			} finally {
				assert.deepEqual(await s.stop(),
				    { code: 0, signal: null });
			}
		}
	} finally {
		writing = false;
		await writer;
	}
	assert.ok(writes > 0);
	const v = await runCli(['audit', 'verify', '--data', a.dataDir]);
	assert.equal(v.code, 0, v.stdout + v.stderr);
	await stopClean(a);
});

// SQLite: schakel backup and restore.
async function sqliteRestore() {
	const file = join(tmp.root, 'before.db');
	const b = await runCli(['backup', '--data', dir, file]);
	assert.equal(b.code, 0, b.stderr);
	const u = await runCli(['user', 'add', '--data', dir, '--org',
	    'Beheer', '--role', 'policy', 'later.user']);
	assert.equal(u.code, 0, u.stderr);
	const r = await runCli(['restore', '--data', dir, file]);
	assert.equal(r.code, 0, r.stderr);
	const v = await runCli(['audit', 'verify', '--data', dir]);
	assert.equal(v.code, 0, v.stdout + v.stderr);
	assert.ok(existsSync(join(dir, 'audit.head')));
	// Moving the checkpoint back is on the record.
	assert.equal((await sql(dir, 'SELECT action, reason FROM audit ' +
	    'ORDER BY id DESC LIMIT 1')).trim(),
	    'audit.checkpoint|restore from a backup');
}

// PostgreSQL: the documented pg_dump -Fc and pg_restore, then verify.
async function pgRestoreVerify() {
	const file = join(tmp.root, 'before.dump');
	await pgDump(tmp.dbUrl, file, 'c');
	const u = await runCli(['user', 'add', '--data', dir, '--org',
	    'Beheer', '--role', 'policy', 'later.user']);
	assert.equal(u.code, 0, u.stderr);
	await pgRestore(tmp.dbUrl, file);
	const l = await runCli(['user', 'list', '--data', dir]);
	assert.ok(!l.stdout.includes('later.user'), 'not restored');
	// The checkpoint still records the entries made after the dump.
	const gone = await runCli(['audit', 'verify', '--data', dir]);
	assert.equal(gone.code, 1, gone.stdout + gone.stderr);
	assert.match(gone.stdout, /removed from the end/);
	const cp = await runCli(['audit', 'checkpoint', '--data', dir,
	    '--reason', 'restored the dump of the day before']);
	assert.equal(cp.code, 0, cp.stdout + cp.stderr);
	const v = await runCli(['audit', 'verify', '--data', dir]);
	assert.equal(v.code, 0, v.stdout + v.stderr);
	assert.ok(existsSync(join(dir, 'audit.head')));
}

test(PG ? 'after pg_restore the checkpoint is moved back knowingly' :
    'a restore moves the checkpoint back with the data',
    PG ? pgRestoreVerify : sqliteRestore);

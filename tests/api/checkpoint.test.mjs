// The audit checkpoint (DIR/audit.head): entries cut off the end of the
// chain are caught, a restore moves the checkpoint back with the data,
// and a folder without a checkpoint says so instead of claiming more.
//
// On PostgreSQL (SCHAKEL_TEST_DB=pg) the folder's copies get a database
// of their own, loaded from a pg_dump, and the restore is the documented
// pg_dump -Fc / pg_restore procedure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { createDatabase, testDb } from '../lib/server.mjs';
import { initDataDir, pgDump, pgLoad, pgRestore, psql, runCli, sql,
    tempDir } from '../lib/util.mjs';

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

test('without a checkpoint the verdict says what it cannot see',
    async () => {
	const copy = await copyFolder('schakel-checkpoint-none-');
	try {
		const d = copy.dir;
		rmSync(join(d, 'audit.head'));
		const v = await runCli(['audit', 'verify', '--data', d]);
		assert.equal(v.code, 0);
		assert.match(v.stdout, /no checkpoint/);
	} finally {
		copy.remove();
	}
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
	const cp = await runCli(['audit', 'checkpoint', '--data', dir]);
	assert.equal(cp.code, 0, cp.stdout + cp.stderr);
	const v = await runCli(['audit', 'verify', '--data', dir]);
	assert.equal(v.code, 0, v.stdout + v.stderr);
	assert.ok(existsSync(join(dir, 'audit.head')));
}

test(PG ? 'after pg_restore the checkpoint is moved back knowingly' :
    'a restore moves the checkpoint back with the data',
    PG ? pgRestoreVerify : sqliteRestore);

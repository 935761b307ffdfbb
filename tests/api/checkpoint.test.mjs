// The audit checkpoint (DIR/audit.head): entries cut off the end of the
// chain are caught, a restore moves the checkpoint back with the data,
// and a folder without a checkpoint says so instead of claiming more.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { runCli, tempDir } from '../lib/util.mjs';

let tmp;
let dir;

function sqlite3(db, sql) {
	return execFileSync('sqlite3', [db, sql], { encoding: 'utf8' });
}

before(async () => {
	tmp = tempDir('schakel-checkpoint-');
	dir = join(tmp.path, 'data');
	const r = await runCli(['init', '--data', dir, '--demo'],
	    { env: { ...process.env, SCHAKEL_DB: '' } });
	assert.equal(r.code, 0, r.stderr);
});
after(() => tmp?.remove());

test('every commit leaves a checkpoint of the newest entry', async () => {
	const line = readFileSync(join(dir, 'audit.head'), 'utf8');
	const [magic, id] = line.split(' ');
	assert.equal(magic, 'schakel-audit-checkpoint-1');
	const last = sqlite3(join(dir, 'schakel.db'),
	    'SELECT max(id) FROM audit').trim();
	assert.equal(id, last);
	const v = await runCli(['audit', 'verify', '--data', dir]);
	assert.equal(v.code, 0, v.stdout + v.stderr);
	assert.doesNotMatch(v.stdout, /no checkpoint/);
});

test('entries removed from the end are caught and named', async () => {
	const copy = tempDir('schakel-checkpoint-cut-');
	try {
		const d = join(copy.path, 'data');
		execFileSync('cp', ['-a', dir, d]);
		const db = join(d, 'schakel.db');
		const last = Number(sqlite3(db, 'SELECT max(id) FROM audit'));
		sqlite3(db, `DELETE FROM audit WHERE id > ${last - 2}`);
		const v = await runCli(['audit', 'verify', '--data', d]);
		assert.equal(v.code, 1);
		assert.match(v.stdout, new RegExp(`broken at entry ${last - 1}`));
		assert.match(v.stdout, /removed from the end/);
	} finally {
		copy.remove();
	}
});

test('an edited checkpoint is refused', async () => {
	const copy = tempDir('schakel-checkpoint-edit-');
	try {
		const d = join(copy.path, 'data');
		execFileSync('cp', ['-a', dir, d]);
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
	const copy = tempDir('schakel-checkpoint-none-');
	try {
		const d = join(copy.path, 'data');
		execFileSync('cp', ['-a', dir, d]);
		rmSync(join(d, 'audit.head'));
		const v = await runCli(['audit', 'verify', '--data', d]);
		assert.equal(v.code, 0);
		assert.match(v.stdout, /no checkpoint/);
	} finally {
		copy.remove();
	}
});

test('a restore moves the checkpoint back with the data', async () => {
	const file = join(tmp.path, 'before.db');
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
});

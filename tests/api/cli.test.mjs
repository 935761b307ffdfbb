// The command line: help and usage errors, organisations and users made
// and changed beside a running server, backup while serving, restore
// (refused while serving, working after), the key file's mode, and one
// server per data folder.
//
// On PostgreSQL (SCHAKEL_TEST_DB=pg) backup and restore refuse, pointing
// to pg_dump and pg_restore, and the documented procedure with those is
// tested instead; a second server on the same folder is the multi-server
// design there, so it must start and serve.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { client } from '../lib/http.mjs';
import { startServer, testDb } from '../lib/server.mjs';
import { secretFromUri, totp } from '../lib/totp.mjs';
import { assertError, initDataDir, loginAs, pgDump, pgRestore, runCli,
    stopClean, strongPassword, tempDir, trySpawnServe, uniqueName }
    from '../lib/util.mjs';

const PG = testDb() === 'pg';

let server = null;
let admin = null;
let scratch = null;	// backups and other files outside the data folder
let plain = null;	// a data folder made by plain `init`, not served

before(async () => {
	[server, plain] = await Promise.all([startServer(), initDataDir()]);
	admin = await loginAs(server, 'demo-admin');
	scratch = tempDir('schakel-cli-');
});

after(async () => {
	await stopClean(server);
	plain?.remove();
	scratch?.remove();
});

function lines(text) {
	return text.split('\n').filter((l) => l.trim() !== '');
}

// A usage error: exit 2, nothing on stdout, one line on stderr.
function assertUsage(r, what) {
	const label = `${what}: exit ${r.code}, stderr:\n${r.stderr}`;
	assert.equal(r.code, 2, label);
	assert.equal(r.stdout, '', label);
	assert.equal(lines(r.stderr).length, 1, label);
	assert.match(r.stderr, /^schakel\b/, label);
}

async function canLogin(username, password) {
	const r = await client(server.url).post('/api/login',
	    { username, password });
	return r.status;
}

test('--help: the usage, exit 0; every command has --help', async () => {
	const r = await runCli(['--help']);
	assert.equal(r.code, 0, r.stderr);
	assert.match(r.stdout, /^usage: schakel/);
	for (const cmd of ['init', 'serve', 'org', 'user', 'token', 'audit',
	    'backup', 'restore', 'routes']) {
		const h = await runCli([cmd, '--help']);
		assert.equal(h.code, 0, `${cmd} --help: ${h.stderr}`);
		assert.match(h.stdout, /usage: schakel/, `${cmd} --help`);
	}
});

test('an unknown command is exit 2 with one line', async () => {
	for (const args of [['frobnicate'], ['orgs', 'list'], ['--bogus']]) {
		const r = await runCli(args);
		assertUsage(r, args.join(' '));
		assert.match(r.stderr, new RegExp(args[0]));
	}
});

test('a missing --data is exit 2 with one line', async () => {
	for (const args of [['org', 'list'], ['org', 'add', '--type', 'other',
	    'X'], ['user', 'list'], ['user', 'disable', 'x'],
	    ['token', 'add', '--user', 'x', 'label'], ['audit', 'verify'],
	    ['backup', 'file'], ['restore', 'file'], ['serve'], ['init']]) {
		const r = await runCli(args);
		assertUsage(r, args.join(' '));
		assert.match(r.stderr, /--data/, args.join(' '));
	}
});

test('a bad option is exit 2 with one line', async () => {
	const d = server.dataDir;
	for (const args of [['org', 'list', '--data', d, '--bogus'],
	    ['user', 'list', '--data', d, '--colour=red'],
	    ['audit', 'verify', '--data', d, '--fast'],
	    ['serve', '--data', d, '--bogus'],
	    ['serve', '--data', d, '--threads', '0'],
	    ['serve', '--data', d, '--max-body', 'lots'],
	    ['org', 'add', '--data', d, '--type'],
	    ['init', '--data', join(scratch.path, 'never'), '--demo=yes'],
	    ['routes', 'extra']]) {
		assertUsage(await runCli(args), args.join(' '));
	}
	assert.equal(existsSync(join(scratch.path, 'never')), false,
	    'a usage error creates nothing');
});

test('org add and org list, beside a running server', async () => {
	const name = uniqueName('CLI Opvang');
	const r = await runCli(['org', 'add', '--data', server.dataDir,
	    '--type', 'provider', '--municipality', 'GM0599', name]);
	assert.equal(r.code, 0, r.stderr);
	const m = /^(\d+)\t(.*)$/.exec(r.stdout.trim());
	assert.ok(m, `org add prints 'ID<TAB>NAME': ${r.stdout}`);
	assert.equal(m[2], name);
	const id = Number(m[1]);

	const l = await runCli(['org', 'list', '--data', server.dataDir]);
	assert.equal(l.code, 0, l.stderr);
	for (const line of lines(l.stdout))
		assert.match(line, /^\d+\t/, 'the id comes first');
	const mine = lines(l.stdout).find((x) => x.startsWith(`${id}\t`));
	assert.ok(mine, l.stdout);
	assert.ok(mine.includes(name) && mine.includes('GM0599'), mine);

	// The running server sees it.
	const orgs = (await admin.get('/api/orgs')).body.orgs;
	assert.equal(orgs.find((o) => o.id === id)?.name, name);

	// Refusals name the problem and exit 1.
	const bad = await runCli(['org', 'add', '--data', server.dataDir,
	    '--type', 'bakery', uniqueName('x')]);
	assert.equal(bad.code, 1, bad.stderr);
	assert.match(bad.stderr, /type/);
	const dup = await runCli(['org', 'add', '--data', server.dataDir,
	    '--type', 'other', name]);
	assert.equal(dup.code, 1, dup.stderr);
	assert.match(dup.stderr, /name/);
});

test('user add --password-stdin; the user can log in', async () => {
	const name = uniqueName('cli-user');
	const pw = strongPassword();
	const r = await runCli(['user', 'add', '--data', server.dataDir,
	    '--org', 'Beheer', '--role', 'policy', '--password-stdin', name],
	    { input: `${pw}\n` });
	assert.equal(r.code, 0, r.stderr);
	assert.match(r.stdout, new RegExp(`^\\d+\\t${name}$`, 'm'));
	assert.ok(!r.stdout.includes(pw), 'the password is not echoed');
	assert.equal(await canLogin(name, pw), 200);

	const l = await runCli(['user', 'list', '--data', server.dataDir]);
	assert.equal(l.code, 0, l.stderr);
	assert.ok(lines(l.stdout).some((x) => /^\d+\t/.test(x) &&
	    x.includes(`\t${name}\t`)), l.stdout);

	// A role with personal data gets a second factor, printed once.
	const adv = uniqueName('cli-advisor');
	const a = await runCli(['user', 'add', '--data', server.dataDir,
	    '--org', 'Beheer', '--role', 'advisor', '--password-stdin', adv],
	    { input: `${pw}\n` });
	assert.equal(a.code, 0, a.stderr);
	const uri = /otpauth:\/\/\S+/.exec(a.stdout)?.[0];
	assert.ok(uri, a.stdout);
	assert.equal(await canLogin(adv, pw), 401);
	const c = client(server.url);
	await c.login(adv, pw, totp(secretFromUri(uri)));

	// Not a terminal and no --qr: the URI only, no QR code.
	assert.ok(!a.stdout.includes('\u2588'), a.stdout);
	assert.ok(!/^code:/m.test(a.stdout), a.stdout);

	// --qr: a QR code in half blocks inside a quiet zone, every line
	// equally wide, and the secret as a text code in groups of four.
	const q = await runCli(['user', 'add', '--data', server.dataDir,
	    '--org', 'Beheer', '--role', 'advisor', '--password-stdin', '--qr',
	    uniqueName('cli-qr')], { input: `${pw}\n` });
	assert.equal(q.code, 0, q.stderr);
	const secret = secretFromUri(/otpauth:\/\/\S+/.exec(q.stdout)[0]);
	const rows = q.stdout.split('\n').filter((l) => /^[ \u2580\u2584\u2588]+$/
	    .test(l));
	assert.ok(rows.length >= 15, q.stdout);
	const width = [...rows[0]].length;
	assert.ok(width >= 29, q.stdout);
	assert.equal(rows.length, (width + 1) / 2);
	for (const r of rows)
		assert.equal([...r].length, width, q.stdout);
	assert.equal(rows[0], '\u2588'.repeat(width));	// the quiet zone
	assert.equal(rows[1], '\u2588'.repeat(width));
	for (const r of rows.slice(0, -1))
		assert.ok(r.startsWith('\u2588'.repeat(4)) &&
		    r.endsWith('\u2588'.repeat(4)), r);
	const code = /^code: ([A-Z2-7 ]+)$/m.exec(q.stdout)?.[1];
	assert.ok(code, q.stdout);
	assert.match(code, /^([A-Z2-7]{4} )*[A-Z2-7]{1,4}$/);
	assert.equal(code.replaceAll(' ', ''), secret);

	// A weak password is refused, naming it; nobody is created.
	const weak = uniqueName('cli-weak');
	const w = await runCli(['user', 'add', '--data', server.dataDir,
	    '--org', 'Beheer', '--role', 'policy', '--password-stdin', weak],
	    { input: 'password1234\n' });
	assert.equal(w.code, 1, w.stderr);
	assert.match(w.stderr, /password/);
	const after = await runCli(['user', 'list', '--data', server.dataDir]);
	assert.ok(!after.stdout.includes(weak));
});

test('user reset-password: the old one stops, sessions end', async () => {
	const name = uniqueName('cli-reset');
	const old = strongPassword();
	const r = await runCli(['user', 'add', '--data', server.dataDir,
	    '--org', 'Beheer', '--role', 'policy', '--password-stdin', name],
	    { input: `${old}\n` });
	assert.equal(r.code, 0, r.stderr);
	const c = client(server.url);
	await c.login(name, old);

	const pw = strongPassword();
	const s = await runCli(['user', 'reset-password', '--data',
	    server.dataDir, '--password-stdin', name], { input: `${pw}\n` });
	assert.equal(s.code, 0, s.stderr);
	assert.ok(!s.stdout.includes(pw));
	assertError(await c.get('/api/me'), 401, 'unauthenticated');
	assert.equal(await canLogin(name, old), 401);
	assert.equal(await canLogin(name, pw), 200);

	// Without --password-stdin a password is made and printed.
	const g = await runCli(['user', 'reset-password', '--data',
	    server.dataDir, name]);
	assert.equal(g.code, 0, g.stderr);
	const made = /^password: (\S+)$/m.exec(g.stdout)?.[1];
	assert.ok(made, g.stdout);
	assert.equal(await canLogin(name, pw), 401);
	assert.equal(await canLogin(name, made), 200);

	// The policy applies here too.
	const weak = await runCli(['user', 'reset-password', '--data',
	    server.dataDir, '--password-stdin', name],
	    { input: 'qwertyuiop123\n' });
	assert.equal(weak.code, 1);
	assert.match(weak.stderr, /password/);
	assert.equal(await canLogin(name, made), 200);
});

test('user disable: no more logins, sessions end', async () => {
	const name = uniqueName('cli-leaver');
	const pw = strongPassword();
	assert.equal((await runCli(['user', 'add', '--data', server.dataDir,
	    '--org', 'Beheer', '--role', 'policy', '--password-stdin', name],
	    { input: `${pw}\n` })).code, 0);
	const c = client(server.url);
	await c.login(name, pw);
	const r = await runCli(['user', 'disable', '--data', server.dataDir,
	    name]);
	assert.equal(r.code, 0, r.stderr);
	assertError(await c.get('/api/me'), 401, 'unauthenticated');
	assert.equal(await canLogin(name, pw), 401);
	const l = await runCli(['user', 'list', '--data', server.dataDir]);
	assert.ok(lines(l.stdout).some((x) => x.includes(`\t${name}\t`) &&
	    x.includes('disabled')), l.stdout);
	const unknown = await runCli(['user', 'disable', '--data',
	    server.dataDir, uniqueName('nobody')]);
	assert.equal(unknown.code, 1);
	// Keep this address clear of the login throttle.
	await loginAs(server, 'demo-policy');
});

test('the key file is mode 0600', () => {
	const st = statSync(join(server.dataDir, 'schakel.key'));
	assert.equal(st.mode & 0o777, 0o600);
	assert.equal(statSync(join(plain.dataDir, 'schakel.key')).mode & 0o777,
	    0o600);
	assert.equal(statSync(server.dataDir).mode & 0o077, 0,
	    'the data folder is private');
	// The database URL may carry a password: private too.
	assert.equal(existsSync(join(server.dataDir, 'db.url')), PG);
	if (PG) {
		assert.equal(statSync(join(server.dataDir, 'db.url')).mode &
		    0o777, 0o600);
		assert.equal(readFileSync(join(server.dataDir, 'db.url'),
		    'utf8'), `${server.dbUrl}\n`);
	}
});

test('init refuses a folder that already holds a database', async () => {
	const r = await runCli(['init', '--data', plain.dataDir]);
	assert.notEqual(r.code, 0);
	assert.match(r.stderr, /already/);
	if (!PG)
		return;
	// And a database that already holds schakel data, from elsewhere.
	const dir = join(scratch.path, 'second-init');
	const o = await runCli(['init', '--data', dir, '--db', plain.dbUrl]);
	assert.equal(o.code, 1, o.stderr);
	assert.match(o.stderr, /already holds schakel data/);
	assert.equal(existsSync(join(dir, 'db.url')), false);
	const l = await runCli(['org', 'list', '--data', plain.dataDir]);
	assert.equal(l.code, 0, l.stderr);
	assert.deepEqual(lines(l.stdout).map((x) => x.split('\t').pop()),
	    ['Beheer'], 'the refused init changed nothing');
});

test('serve refuses a key file others can read', async () => {
	const key = join(plain.dataDir, 'schakel.key');
	for (const mode of [0o644, 0o640, 0o604]) {
		chmodSync(key, mode);
		try {
			const s = await trySpawnServe(plain.dataDir);
			if (s.listening)
				await s.stop();
			assert.equal(s.listening, false,
			    `served with a key of mode ${mode.toString(8)}`);
			assert.ok(s.code !== 0 && s.code !== null,
			    `exit ${s.code}: ${s.stderr}`);
			assert.match(s.stderr, /key file/);
			assert.match(s.stderr, /schakel\.key/);
		} finally {
			chmodSync(key, 0o600);
		}
	}
	// With 0600 again it serves.
	const ok = await trySpawnServe(plain.dataDir);
	assert.equal(ok.listening, true, ok.stderr);
	assert.deepEqual(await ok.stop(), { code: 0, signal: null });
});

if (!PG) {
	test('serve refuses a second server on the same data folder',
	    async () => {
		const s = await trySpawnServe(server.dataDir);
		if (s.listening)
			await s.stop();
		assert.equal(s.listening, false, 'a second server started');
		assert.ok(s.code !== 0 && s.code !== null, `exit ${s.code}`);
		assert.match(s.stderr, /another schakel is serving/);
		assert.equal((await client(server.url).get('/healthz')).status,
		    200);
	});
} else {
	test('a second server on the same data folder starts and serves',
	    async () => {
		const second = await startServer({ dataDir: server.dataDir });
		try {
			assert.equal(second.db, 'pg');
			assert.equal(second.dbUrl, server.dbUrl);
			assert.equal((await client(second.url).get('/healthz'))
			    .status, 200);
			const c = await loginAs(second, 'demo-admin');
			const name = uniqueName('Tweede');
			const r = await c.post('/api/orgs', { name,
			    type: 'other' });
			assert.equal(r.status, 201, r.text);
			// The first server sees what the second wrote.
			const orgs = (await admin.get('/api/orgs')).body.orgs;
			assert.equal(orgs.find((o) => o.id === r.body.id)?.name,
			    name);
		} finally {
			await stopClean(second);
		}
		assert.equal((await client(server.url).get('/healthz')).status,
		    200);
		assert.ok(existsSync(server.dataDir), 'the folder stays');
	});
}

// The documented PostgreSQL procedure: pg_dump -Fc while serving, stop,
// pg_restore --clean --if-exists, start again.
async function pgBackupRestore() {
	const before = uniqueName('before-dump');
	const later = uniqueName('after-dump');
	const pw = strongPassword();
	assert.equal((await runCli(['user', 'add', '--data', server.dataDir,
	    '--org', 'Beheer', '--role', 'policy', '--password-stdin', before],
	    { input: `${pw}\n` })).code, 0);

	// schakel's own backup and restore refuse, naming the tools to use.
	const never = join(scratch.path, 'never-made.db');
	const b = await runCli(['backup', '--data', server.dataDir, never]);
	assert.notEqual(b.code, 0, 'backup ran on PostgreSQL');
	assert.match(b.stderr, /pg_dump/);
	assert.equal(existsSync(never), false, 'a refused backup made a file');

	const file = join(scratch.path, 'schakel.dump');
	await pgDump(server.dbUrl, file, 'c');
	assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'),
	    'PGDMP', 'a custom-format dump');

	const refused = await runCli(['restore', '--data', server.dataDir,
	    file]);
	assert.notEqual(refused.code, 0, 'restore ran on PostgreSQL');
	assert.match(refused.stderr, /pg_restore/);

	assert.equal((await runCli(['user', 'add', '--data', server.dataDir,
	    '--org', 'Beheer', '--role', 'policy', '--password-stdin', later],
	    { input: `${pw}\n` })).code, 0);
	assert.equal(await canLogin(later, pw), 200,
	    'the refused restore changed nothing');

	// Stop the server but keep its folder (server.stop() removes it).
	server.child.kill('SIGTERM');
	assert.deepEqual(await server.exited, { code: 0, signal: null });

	await pgRestore(server.dbUrl, file);
	const l = await runCli(['user', 'list', '--data', server.dataDir]);
	assert.equal(l.code, 0, l.stderr);
	assert.ok(l.stdout.includes(`\t${before}\t`), l.stdout);
	assert.ok(!l.stdout.includes(later), 'a user added after the ' +
	    'dump survived the restore');
	// The dump is older than the checkpoint: verify says so, until the
	// checkpoint is knowingly moved back (the documented last step).
	const gone = await runCli(['audit', 'verify', '--data',
	    server.dataDir]);
	assert.equal(gone.code, 1, gone.stdout + gone.stderr);
	assert.match(gone.stdout, /removed from the end/);
	const cp = await runCli(['audit', 'checkpoint', '--data',
	    server.dataDir, '--reason', 'restored the dump']);
	assert.equal(cp.code, 0, cp.stdout + cp.stderr);
	const v = await runCli(['audit', 'verify', '--data', server.dataDir]);
	assert.equal(v.code, 0, v.stdout + v.stderr);

	// The restored database serves, and the earlier user logs in.
	const s = await trySpawnServe(server.dataDir);
	try {
		assert.equal(s.listening, true, s.stderr);
		const port = /listening on (http:\/\/127\.0\.0\.1:\d+)/
		    .exec(s.stderr)[1];
		const r2 = await client(port).post('/api/login',
		    { username: before, password: pw });
		assert.equal(r2.status, 200, r2.text);
		const r3 = await client(port).post('/api/login',
		    { username: later, password: pw });
		assert.equal(r3.status, 401);
		// New writes continue the restored audit chain.
		const v2 = await runCli(['audit', 'verify', '--data',
		    server.dataDir]);
		assert.equal(v2.code, 0, v2.stdout + v2.stderr);
	} finally {
		assert.deepEqual(await s.stop(), { code: 0, signal: null });
	}
}

// SQLite: schakel backup while serving, restore refused while serving,
// fine after stop.
async function sqliteBackupRestore() {
	const before = uniqueName('before-backup');
	const later = uniqueName('after-backup');
	const pw = strongPassword();
	for (const name of [before]) {
		assert.equal((await runCli(['user', 'add', '--data',
		    server.dataDir, '--org', 'Beheer', '--role', 'policy',
		    '--password-stdin', name], { input: `${pw}\n` })).code, 0);
	}
	const file = join(scratch.path, 'schakel-backup.db');
	const b = await runCli(['backup', '--data', server.dataDir, file]);
	assert.equal(b.code, 0, b.stderr);
	assert.ok(statSync(file).size > 0);
	assert.equal(readFileSync(file).subarray(0, 16).toString('latin1'),
	    'SQLite format 3\0');
	const again = await runCli(['backup', '--data', server.dataDir, file]);
	assert.notEqual(again.code, 0, 'backup overwrote an existing file');

	assert.equal((await runCli(['user', 'add', '--data', server.dataDir,
	    '--org', 'Beheer', '--role', 'policy', '--password-stdin', later],
	    { input: `${pw}\n` })).code, 0);
	assert.equal(await canLogin(later, pw), 200);

	const refused = await runCli(['restore', '--data', server.dataDir,
	    file]);
	assert.notEqual(refused.code, 0, 'restore ran under a live server');
	assert.match(refused.stderr, /serving/);
	assert.equal(await canLogin(later, pw), 200,
	    'the refused restore changed nothing');

	// Stop the server but keep its folder (server.stop() removes it).
	server.child.kill('SIGTERM');
	assert.deepEqual(await server.exited, { code: 0, signal: null });

	const r = await runCli(['restore', '--data', server.dataDir, file]);
	assert.equal(r.code, 0, r.stderr);
	const l = await runCli(['user', 'list', '--data', server.dataDir]);
	assert.equal(l.code, 0, l.stderr);
	assert.ok(l.stdout.includes(`\t${before}\t`), l.stdout);
	assert.ok(!l.stdout.includes(later), 'a user added after the ' +
	    'backup survived the restore');
	const v = await runCli(['audit', 'verify', '--data', server.dataDir]);
	assert.equal(v.code, 0, v.stdout + v.stderr);

	// The restored folder serves, and the earlier user logs in.
	const s = await trySpawnServe(server.dataDir);
	try {
		assert.equal(s.listening, true, s.stderr);
		const port = /listening on (http:\/\/127\.0\.0\.1:\d+)/
		    .exec(s.stderr)[1];
		const r2 = await client(port).post('/api/login',
		    { username: before, password: pw });
		assert.equal(r2.status, 200, r2.text);
		const r3 = await client(port).post('/api/login',
		    { username: later, password: pw });
		assert.equal(r3.status, 401);
	} finally {
		assert.deepEqual(await s.stop(), { code: 0, signal: null });
	}
}

test(PG ? 'backup and restore refuse PostgreSQL; pg_dump and pg_restore ' +
    'work' : 'backup while serving; restore refused then, fine after stop',
    PG ? pgBackupRestore : sqliteBackupRestore);

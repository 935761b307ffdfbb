// util: helpers shared by the black-box API tests in tests/api/.
//
//   const r = await runCli(['org', 'list', '--data', dir]);  // never throws
//   r.code, r.stdout, r.stderr
//   await sql(server.dataDir, 'UPDATE session SET ...');     // sqlite3/psql
//   const err = assertError(res, 400, 'invalid');             // exact shape
//   fieldNames(res)                                           // ['name', ...]
//   const c = await loginAs(server, 'demo-admin');            // demo users
//   const d = await initDataDir({ demo: true });  d.dataDir, d.remove()
//
// Everything here talks to the schakel executable the other helpers use
// ($SCHAKEL_BIN, else build/schakel) and to 127.0.0.1 only.  Temporary
// folders made here are removed by their remove(), and in any case when
// the Node process exits.  A data folder uses PostgreSQL when it holds
// db.url (see server.mjs for how tests choose the back end); sql() and
// nowSql() follow that, so one test runs on both.

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync,
    readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { client } from './http.mjs';
import { createDatabase, dataDirDbUrl, parseDemoUsers, parseInitAdmin,
    schakelEnv, testDb } from './server.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PG_SH = join(REPO, 'tools', 'pg.sh');
const CLI_TIMEOUT_MS = 120000;
const SQL_TIMEOUT_MS = 30000;

const folders = new Set();
const children = new Set();

process.on('exit', () => {
	for (const child of children) {
		try {
			child.kill('SIGKILL');
		} catch {
			// already gone
		}
	}
	for (const f of folders)
		rmSync(f, { recursive: true, force: true });
});

// The executable under test, as tests/lib/server.mjs finds it.
export function schakelBin() {
	const bin = process.env.SCHAKEL_BIN ?? join(REPO, 'build', 'schakel');
	if (!existsSync(bin))
		throw new Error(`schakel executable '${bin}' not found; ` +
		    'build it or set SCHAKEL_BIN');
	return bin;
}

// Runs `schakel args...`; resolves {code, signal, stdout, stderr} whatever
// the exit status.  opts.input is written to standard input.
export function runCli(args, opts = {}) {
	return new Promise((ok, fail) => {
		const child = spawn(schakelBin(), args, {
			env: schakelEnv(opts.env),
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		const timer = setTimeout(() => child.kill('SIGKILL'),
		    opts.timeout ?? CLI_TIMEOUT_MS);
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', (d) => {
			stdout += d;
		});
		child.stderr.on('data', (d) => {
			stderr += d;
		});
		child.on('error', (err) => {
			clearTimeout(timer);
			fail(err);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			ok({ code, signal, stdout, stderr });
		});
		child.stdin.on('error', () => {
			// the command may exit before reading its input
		});
		child.stdin.end(opts.input ?? '');
	});
}

// Runs a program; resolves its stdout, rejects with its stderr when it
// fails or runs longer than opts.timeout ms.
function runTool(cmd, args, opts = {}) {
	return new Promise((ok, fail) => {
		execFile(cmd, args, { timeout: opts.timeout ?? SQL_TIMEOUT_MS,
		    maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
			if (err) {
				fail(new Error(`${cmd} failed ` +
				    `(${err.code ?? err.signal}): ` +
				    (stderr || err.message)));
				return;
			}
			ok(stdout);
		});
	});
}

// Runs SQL on the database of a data folder, also while a server uses
// it: with psql on the URL in DIR/db.url when there is one, else with the
// sqlite3 shell on DIR/schakel.db (waiting up to 5 s for a lock).  Both
// print rows as 'a|b' lines and nothing for other statements.  Resolves
// the output; rejects when the statement fails.
export function sql(dataDir, statement) {
	const url = dataDirDbUrl(dataDir);
	if (url !== null)
		return psql(url, statement);
	return runTool('sqlite3', ['-batch', '-bail', '-cmd',
	    '.timeout 5000', join(dataDir, 'schakel.db'), statement]);
}

// Runs SQL with psql on a PostgreSQL URL, stopping at the first error;
// rows come out as 'a|b' lines, without headers or command tags.
export function psql(url, statement) {
	return runTool('psql', [url, '-v', 'ON_ERROR_STOP=1', '-X', '-q',
	    '-A', '-t', '-c', statement]);
}

// The SQL for "now" in UTC seconds since the epoch, as the schema keeps
// times, in the dialect of the data folder's database.
export function nowSql(dataDir) {
	return dataDirDbUrl(dataDir) !== null ?
	    'CAST(extract(epoch FROM now()) AS BIGINT)' :
	    "CAST(strftime('%s', 'now') AS INTEGER)";
}

// pg_dump of a database into file; format 'p' (plain SQL, for psql) or
// 'c' (custom, for pg_restore).
export function pgDump(url, file, format = 'p') {
	return runTool('pg_dump', ['-F', format, '-f', file, url],
	    { timeout: CLI_TIMEOUT_MS });
}

// Loads a plain pg_dump file into a database with psql.
export function pgLoad(url, file) {
	return runTool('psql', [url, '-v', 'ON_ERROR_STOP=1', '-X', '-q',
	    '-f', file], { timeout: CLI_TIMEOUT_MS });
}

// pg_restore --clean --if-exists of a custom-format dump into a database:
// the documented way back to a pg_dump -Fc.
export function pgRestore(url, file) {
	return runTool('pg_restore', ['--clean', '--if-exists', '-d', url,
	    file], { timeout: CLI_TIMEOUT_MS });
}

// tools/pg.sh start|stop DIR: a throwaway cluster of its own (start
// resolves its URL; starting a stopped one keeps the port).
export async function pgCluster(command, dir) {
	return (await runTool(PG_SH, [command, dir],
	    { timeout: CLI_TIMEOUT_MS })).trim();
}

// Asserts that a response is an error with the given status and the one
// error body {"error":{"code","message","fields":[{"field","reason"}]}},
// nothing more and nothing less; returns the inner error object.
export function assertError(r, status, code, what = '') {
	const label = `${what ? what + ': ' : ''}${r.status} ${r.text}`;
	assert.equal(r.status, status, label);
	assert.match(r.headers.get('content-type') ?? '',
	    /^application\/json\b/, label);
	assert.ok(r.body !== null && typeof r.body === 'object' &&
	    !Array.isArray(r.body), `error body is not an object: ${label}`);
	assert.deepEqual(Object.keys(r.body), ['error'], label);
	const e = r.body.error;
	assert.ok(e !== null && typeof e === 'object', label);
	assert.deepEqual(Object.keys(e).sort(), ['code', 'fields', 'message'],
	    label);
	assert.equal(typeof e.code, 'string', label);
	assert.equal(typeof e.message, 'string', label);
	assert.ok(e.message.length > 0, `empty message: ${label}`);
	assert.ok(Array.isArray(e.fields), label);
	for (const f of e.fields) {
		assert.deepEqual(Object.keys(f).sort(), ['field', 'reason'],
		    label);
		assert.equal(typeof f.field, 'string', label);
		assert.equal(typeof f.reason, 'string', label);
	}
	if (code !== undefined)
		assert.equal(e.code, code, label);
	return e;
}

// The field names of an error response, in order.
export function fieldNames(r) {
	return (r.body?.error?.fields ?? []).map((f) => f.field);
}

// A client logged in as a user of server.users (demo accounts: no code).
export async function loginAs(server, username) {
	const u = server.users[username];
	if (!u)
		throw new Error(`no demo user '${username}'`);
	const c = client(server.url);
	await c.login(username, u.password);
	return c;
}

// The value of the session cookie a client holds, or undefined.
export function sessionCookie(c) {
	return c.cookies.get('schakel_session');
}

// A password the policy accepts: long, random, no user name in it.
export function strongPassword() {
	return `Zx-${randomBytes(12).toString('base64url')}-q7`;
}

// A unique, valid user or organisation name with a prefix.
export function uniqueName(prefix) {
	return `${prefix}-${randomBytes(4).toString('hex')}`;
}

// A temporary folder, removed by remove() or at exit.
export function tempDir(prefix = 'schakel-util-') {
	const path = mkdtempSync(join(tmpdir(), prefix));
	folders.add(path);
	return {
		path,
		remove() {
			rmSync(path, { recursive: true, force: true });
			folders.delete(path);
		},
	};
}

// A data folder made by `schakel init` (opts.demo adds the demo data) and
// not served: {root, dataDir, db, dbUrl, users, remove()}.  The back end
// is chosen as startServer chooses it (opts.db, opts.pgDir).
export async function initDataDir(opts = {}) {
	const tmp = tempDir('schakel-data-');
	const dataDir = join(tmp.path, 'data');
	const args = ['init', '--data', dataDir];
	if (opts.demo)
		args.push('--demo');
	const db = testDb(opts);
	let dbUrl = null;
	try {
		if (db === 'pg') {
			dbUrl = await createDatabase(opts.pgDir);
			args.push('--db', dbUrl);
		}
	} catch (err) {
		tmp.remove();
		throw err;
	}
	const r = await runCli(args);
	if (r.code !== 0) {
		tmp.remove();
		throw new Error(`schakel init failed (${r.code}): ${r.stderr}`);
	}
	return {
		root: tmp.path,
		dataDir,
		db,
		dbUrl,
		users: { ...(opts.demo ? parseDemoUsers(readFileSync(join(dataDir,
		    'demo-users.txt'), 'utf8')) : {}),
		    ...parseInitAdmin(r.stdout) },
		remove: tmp.remove,
	};
}

// A new data folder holding a copy of keyFile and a new SQLite file
// copied from dbFile, not served.
export function dataDirFrom(keyFile, dbFile) {
	const tmp = tempDir('schakel-copy-');
	const dataDir = join(tmp.path, 'data');
	mkdirSync(dataDir, { mode: 0o700 });
	copyFileSync(keyFile, join(dataDir, 'schakel.key'));
	chmodSync(join(dataDir, 'schakel.key'), 0o600);
	copyFileSync(dbFile, join(dataDir, 'schakel.db'));
	return { root: tmp.path, dataDir, remove: tmp.remove };
}

// The PostgreSQL counterpart: a new data folder with a copy of keyFile
// and a db.url naming a new database (in the cluster of pgDir) loaded
// with psql from a plain pg_dump file; not served.
export async function dataDirFromDump(keyFile, dumpFile, pgDir) {
	const url = await createDatabase(pgDir);
	await pgLoad(url, dumpFile);
	const tmp = tempDir('schakel-copy-');
	const dataDir = join(tmp.path, 'data');
	mkdirSync(dataDir, { mode: 0o700 });
	copyFileSync(keyFile, join(dataDir, 'schakel.key'));
	chmodSync(join(dataDir, 'schakel.key'), 0o600);
	writeFileSync(join(dataDir, 'db.url'), `${url}\n`, { mode: 0o600 });
	return { root: tmp.path, dataDir, dbUrl: url, remove: tmp.remove };
}

// Starts `schakel serve --data dataDir` on a free port and resolves when
// it either reports listening or exits, whichever comes first, or after
// ms: {listening, code, signal, stderr, child, stop()}.  For the tests of
// a server that must refuse to start.
export function trySpawnServe(dataDir, args = [], ms = 20000) {
	const child = spawn(schakelBin(), ['serve', '--data', dataDir,
	    '--listen', '127.0.0.1:0', ...args],
	    { env: schakelEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
	children.add(child);
	let stderr = '';
	child.stderr.setEncoding('utf8');
	// 'close', not 'exit': the last of stderr has been read by then.
	const exited = new Promise((ok) => {
		child.on('close', (code, signal) => {
			children.delete(child);
			ok({ code, signal });
		});
		child.on('error', (error) => {
			children.delete(child);
			ok({ code: null, signal: null, error: error.message });
		});
	});
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null)
			child.kill('SIGTERM');
		return exited;
	};
	return new Promise((ok) => {
		let done = false;
		const finish = (result) => {
			if (done)
				return;
			done = true;
			clearTimeout(timer);
			ok({ ...result, stderr, child, stop, exited });
		};
		const timer = setTimeout(() => finish({ listening: false,
		    code: null, signal: null, timedOut: true }), ms);
		child.stderr.on('data', (d) => {
			stderr += d;
			if (/listening on http/.test(stderr))
				finish({ listening: true, code: null,
				    signal: null });
		});
		exited.then((r) => finish({ listening: false, ...r }));
	});
}

// Resolves after ms milliseconds.
export function sleep(ms) {
	return new Promise((ok) => setTimeout(ok, ms));
}

// Resolves as promise does, but rejects if it has not settled within ms,
// naming what: for requests that must never hang.
export function withTimeout(promise, ms, what = 'the request') {
	let timer;
	const late = new Promise((ok, fail) => {
		timer = setTimeout(() => fail(new Error(`${what} did not ` +
		    `settle within ${ms} ms`)), ms);
	});
	return Promise.race([promise, late]).finally(() =>
	    clearTimeout(timer));
}

// Runs fn(i) for i = 0 .. count-1 with at most limit running at a time;
// resolves the results in the order of i.  A rejection is kept as
// {error} in its place, so one failure does not hide the others.
export async function inParallel(count, limit, fn) {
	const results = new Array(count);
	let next = 0;
	async function worker() {
		while (next < count) {
			const i = next++;
			try {
				results[i] = await fn(i);
			} catch (error) {
				results[i] = { error };
			}
		}
	}
	await Promise.all(Array.from({ length: Math.min(limit, count) },
	    worker));
	return results;
}

// A node:http response and its text as http.mjs returns results.
function result(res, text) {
	const headers = new Headers();
	for (const [k, v] of Object.entries(res.headers))
		headers.set(k, Array.isArray(v) ? v.join(', ') : v);
	let body = null;
	try {
		body = JSON.parse(text);
	} catch {
		body = null;
	}
	return { status: res.statusCode, headers, body, text };
}

// POST with "Expect: 100-continue", as careful clients send large bodies:
// the body goes out only after the server says 100 Continue, so a server
// that refuses early (413) is heard without the body being sent.
// Resolves {status, headers (a Headers), body, text, bodySent}.
export function postExpectContinue(url, path, body, headers = {}) {
	return new Promise((ok, fail) => {
		const req = http.request(url + path, {
			method: 'POST',
			headers: { 'content-type': 'application/json',
			    ...headers, 'content-length': body.length,
			    expect: '100-continue' },
		});
		let bodySent = false;
		req.on('continue', () => {
			bodySent = true;
			req.end(body);
		});
		req.on('response', (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (d) => {
				text += d;
			});
			res.on('end', () => {
				ok({ ...result(res, text), bodySent });
				req.destroy();
			});
		});
		req.on('error', fail);
		req.flushHeaders();
	});
}

// Stops a server from startServer() (if it runs) and asserts that it
// ended cleanly: exit 0 on SIGTERM, and no sanitizer report or other
// non-JSON line in its log.  For after() hooks; null is ignored.
export async function stopClean(server) {
	if (!server)
		return;
	const r = await server.stop();
	const odd = server.log.filter((l) => {
		try {
			JSON.parse(l);
			return false;
		} catch {
			return true;
		}
	});
	assert.deepEqual(odd, [], 'non-JSON lines (sanitizer reports?) in ' +
	    'the server log');
	assert.deepEqual(r, { code: 0, signal: null },
	    `the server did not stop cleanly:\n${server.log.slice(-20)
	    .join('\n')}`);
}

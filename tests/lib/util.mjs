// util: helpers shared by the black-box API tests in tests/api/.
//
//   const r = await runCli(['org', 'list', '--data', dir]);  // never throws
//   r.code, r.stdout, r.stderr
//   await sqlite(server.dataDir, 'UPDATE session SET ...');  // sqlite3 CLI
//   const err = assertError(res, 400, 'invalid');             // exact shape
//   fieldNames(res)                                           // ['name', ...]
//   const c = await loginAs(server, 'demo-admin');            // demo users
//   const d = await initDataDir({ demo: true });  d.dataDir, d.remove()
//
// Everything here talks to the schakel executable the other helpers use
// ($SCHAKEL_BIN, else build/schakel) and to 127.0.0.1 only.  Temporary
// folders made here are removed by their remove(), and in any case when
// the Node process exits.

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync,
    readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { client } from './http.mjs';
import { parseDemoUsers } from './server.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI_TIMEOUT_MS = 120000;

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
			env: { ...process.env, ...(opts.env ?? {}) },
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

// Runs SQL with the sqlite3 command-line shell on DIR/schakel.db, also
// while a server has it open (it waits up to 5 s for a lock).  Resolves
// the shell's output; rejects when it fails.
export function sqlite(dataDir, sql) {
	const db = join(dataDir, 'schakel.db');
	return new Promise((ok, fail) => {
		execFile('sqlite3', ['-batch', '-bail', '-cmd', '.timeout 5000',
		    db, sql], { timeout: 30000 }, (err, stdout, stderr) => {
			if (err) {
				fail(new Error('sqlite3 failed: ' +
				    (stderr || err)));
				return;
			}
			ok(stdout);
		});
	});
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
// not served: {root, dataDir, users, remove()}.
export async function initDataDir(opts = {}) {
	const tmp = tempDir('schakel-data-');
	const dataDir = join(tmp.path, 'data');
	const args = ['init', '--data', dataDir];
	if (opts.demo)
		args.push('--demo');
	const r = await runCli(args);
	if (r.code !== 0) {
		tmp.remove();
		throw new Error(`schakel init failed (${r.code}): ${r.stderr}`);
	}
	return {
		root: tmp.path,
		dataDir,
		users: opts.demo ? parseDemoUsers(readFileSync(join(dataDir,
		    'demo-users.txt'), 'utf8')) : {},
		remove: tmp.remove,
	};
}

// A new data folder holding a copy of keyFile and dbFile, not served.
export function dataDirFrom(keyFile, dbFile) {
	const tmp = tempDir('schakel-copy-');
	const dataDir = join(tmp.path, 'data');
	mkdirSync(dataDir, { mode: 0o700 });
	copyFileSync(keyFile, join(dataDir, 'schakel.key'));
	chmodSync(join(dataDir, 'schakel.key'), 0o600);
	copyFileSync(dbFile, join(dataDir, 'schakel.db'));
	return { root: tmp.path, dataDir, remove: tmp.remove };
}

// Starts `schakel serve --data dataDir` on a free port and resolves when
// it either reports listening or exits, whichever comes first, or after
// ms: {listening, code, signal, stderr, child, stop()}.  For the tests of
// a server that must refuse to start.
export function trySpawnServe(dataDir, args = [], ms = 20000) {
	const child = spawn(schakelBin(), ['serve', '--data', dataDir,
	    '--listen', '127.0.0.1:0', ...args],
	    { stdio: ['ignore', 'ignore', 'pipe'] });
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

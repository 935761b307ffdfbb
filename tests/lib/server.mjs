// server: starts a real schakel on 127.0.0.1 with a temporary data folder.
//
//   const server = await startServer();        // init --demo, then serve
//   after(() => server.stop());
//   server.url            'http://127.0.0.1:PORT'
//   server.users.admin    {role, password, totp}  (totp: base32 or null);
//                         the real administrator, from init's output
//   server.log            stderr lines so far (strings; JSON when parseable
//                         is in server.logJson)
//   server.db             'sqlite' or 'pg'; server.dbUrl the PostgreSQL URL
//                         (null on SQLite)
//
// The executable is opts.bin, else $SCHAKEL_BIN, else build/schakel in the
// repository.  opts.demo === false runs a plain `init` and leaves users
// empty; opts.args are added to `serve`, opts.initArgs to `init`, and
// opts.env to the environment of both.  The temporary folder is made in
// opts.tmpdir (default: the system's), and serve has opts.startTimeout
// ms (default 20000) to report that it listens.  Every server started here is
// killed, and its folder removed, when the Node process exits, so a test
// that throws before stop() leaves nothing behind.
//
// The back end is opts.db, else $SCHAKEL_TEST_DB, else 'sqlite'.  For 'pg'
// every server gets a fresh database (createDatabase) in the cluster of
// opts.pgDir, else $SCHAKEL_TEST_PG_DIR (tools/pg.sh), and `init` is given
// --db URL.  Databases made here are dropped when the Node process exits.
//
// startServer({dataDir}) serves a data folder that exists (made by another
// startServer, initDataDir ...) without running init: a second server on
// the same folder and, on PostgreSQL, the same database.  Its users are
// opts.users, else those of DIR/demo-users.txt; its stop() leaves the
// folder alone.  demo-users.txt holds the demo accounts only: the real
// administrator's credentials are taken from what `schakel init` prints
// once (parseInitAdmin).

import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PG_SH = join(REPO, 'tools', 'pg.sh');
const START_TIMEOUT_MS = 20000;
const INIT_TIMEOUT_MS = 120000;
const STOP_GRACE_MS = 5000;
const DROP_TIMEOUT_MS = 20000;

const live = new Set();
const databases = [];	// {url, name}: made here, dropped at exit
let dbCounter = 0;

process.on('exit', () => {
	for (const s of live) {
		try {
			s.child.kill('SIGKILL');
		} catch {
			// already gone
		}
		if (s.root)
			rmSync(s.root, { recursive: true, force: true });
	}
	dropDatabases();
});

// Drops the databases made by createDatabase, per cluster, ending the
// connections still open to them; a cluster that is gone is passed by.
function dropDatabases() {
	const byCluster = new Map();
	for (const d of databases.splice(0)) {
		const admin = adminUrl(d.url);
		if (!byCluster.has(admin))
			byCluster.set(admin, []);
		byCluster.get(admin).push(d.name);
	}
	for (const [admin, names] of byCluster) {
		const args = [admin, '-X', '-q'];
		for (const n of names)
			args.push('-c', `DROP DATABASE IF EXISTS "${n}" ` +
			    'WITH (FORCE)');
		try {
			execFileSync('psql', args, { stdio: 'ignore',
			    timeout: DROP_TIMEOUT_MS });
		} catch {
			// the cluster was stopped, or is gone: nothing to tidy
		}
	}
}

// The URL of the maintenance database 'postgres' of the cluster of url.
function adminUrl(url) {
	const u = new URL(url);
	u.pathname = '/postgres';
	return u.toString();
}

// The environment for schakel: the caller's without SCHAKEL_DB, which
// would send every command to one database whatever the test asks.
export function schakelEnv(extra = {}) {
	const env = { ...process.env };
	delete env.SCHAKEL_DB;
	return { ...env, ...extra };
}

// The back end a test asks for: opts.db, else $SCHAKEL_TEST_DB, else
// 'sqlite'.  Anything else is an error, never a silent default.
export function testDb(opts = {}) {
	const db = opts.db ?? process.env.SCHAKEL_TEST_DB ?? 'sqlite';
	if (db !== 'sqlite' && db !== 'pg')
		throw new Error(`unknown test database '${db}' ` +
		    '(SCHAKEL_TEST_DB is sqlite or pg)');
	return db;
}

// A new, empty database in the cluster in pgDir (default:
// $SCHAKEL_TEST_PG_DIR); resolves its URL.  It is dropped at exit.
export function createDatabase(pgDir = process.env.SCHAKEL_TEST_PG_DIR) {
	if (!pgDir)
		return Promise.reject(new Error('no PostgreSQL test cluster: ' +
		    'set SCHAKEL_TEST_PG_DIR (tools/test.sh api-pg does)'));
	dbCounter++;
	const name = `t_${process.pid}_${dbCounter}`;
	return new Promise((ok, fail) => {
		execFile(PG_SH, ['createdb', pgDir, name],
		    { timeout: INIT_TIMEOUT_MS }, (err, stdout, stderr) => {
			if (err) {
				fail(new Error(`tools/pg.sh createdb ${name} ` +
				    `failed: ${stderr || err}`));
				return;
			}
			const url = stdout.trim().split('\n').pop();
			databases.push({ url, name });
			ok(url);
		});
	});
}

// The PostgreSQL URL a data folder uses (DIR/db.url), or null: SQLite.
export function dataDirDbUrl(dataDir) {
	const f = join(dataDir, 'db.url');
	if (!existsSync(f))
		return null;
	return readFileSync(f, 'utf8').trim() || null;
}

function binary(opts) {
	const bin = opts.bin ?? process.env.SCHAKEL_BIN ??
	    join(REPO, 'build', 'schakel');
	if (!existsSync(bin))
		throw new Error(`schakel executable '${bin}' not found; ` +
		    'build it or set SCHAKEL_BIN');
	return bin;
}

function run(bin, args, env) {
	return new Promise((ok, fail) => {
		execFile(bin, args, { env, timeout: INIT_TIMEOUT_MS,
		    maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
			if (err) {
				fail(new Error(`'schakel ${args[0]}' failed ` +
				    `(${err.code ?? err.signal}): ${stderr}`));
				return;
			}
			ok({ stdout, stderr });
		});
	});
}

// Parses demo-users.txt: username TAB role TAB password TAB totp-secret,
// where the secret is '-' for an account without a second factor.
export function parseDemoUsers(text) {
	const users = {};
	for (const line of text.split('\n')) {
		if (line.trim() === '' || line.startsWith('#'))
			continue;
		const [username, role, password, secret] = line.split('\t');
		if (!username || !role || password === undefined)
			throw new Error(`bad demo-users.txt line for '${username}'`);
		users[username] = {
			role,
			password,
			totp: !secret || secret === '-' ? null : secret.trim(),
		};
	}
	return users;
}

// The first administrator from the output of `schakel init`:
// "administrator: admin / password: ... / second factor: otpauth://...";
// {} when the output has none (a stand-in for schakel in a test).
export function parseInitAdmin(stdout) {
	const name = /^administrator:\s*(\S+)$/m.exec(stdout);
	const pw = /^password:\s*(\S+)$/m.exec(stdout);
	const uri = /^second factor:\s*(otpauth:\S+)$/m.exec(stdout);
	if (!name || !pw || !uri)
		return {};
	const secret = new URL(uri[1]).searchParams.get('secret');
	return { [name[1]]: { role: 'admin', password: pw[1],
	    totp: secret } };
}

function listeningUrl(line) {
	let msg = line;
	try {
		msg = JSON.parse(line).msg ?? '';
	} catch {
		// not JSON: look at the raw line
	}
	const m = /listening on (https?:\/\/127\.0\.0\.1:(\d+))/.exec(msg);
	return m ? { url: m[1], port: Number(m[2]) } : null;
}

export async function startServer(opts = {}) {
	const bin = binary(opts);
	const env = schakelEnv(opts.env);
	const startTimeout = opts.startTimeout ?? START_TIMEOUT_MS;
	const reuse = opts.dataDir !== undefined;
	const root = reuse ? null :
	    mkdtempSync(join(opts.tmpdir ?? tmpdir(), 'schakel-test-'));
	const dataDir = reuse ? opts.dataDir : join(root, 'data');
	const server = {
		url: null,
		port: null,
		dataDir,
		db: 'sqlite',
		dbUrl: null,
		users: {},
		log: [],
		logJson: [],
		child: null,
		root,
	};

	if (reuse) {
		if (!existsSync(dataDir))
			throw new Error(`no data folder '${dataDir}'`);
		server.dbUrl = dataDirDbUrl(dataDir);
		server.db = server.dbUrl ? 'pg' : 'sqlite';
		const demo = join(dataDir, 'demo-users.txt');
		server.users = opts.users ?? (existsSync(demo) ?
		    parseDemoUsers(readFileSync(demo, 'utf8')) : {});
	} else {
		try {
			server.db = testDb(opts);
			const initArgs = ['init', '--data', dataDir];
			if (opts.demo !== false)
				initArgs.push('--demo');
			if (server.db === 'pg') {
				server.dbUrl = await createDatabase(opts.pgDir);
				initArgs.push('--db', server.dbUrl);
			}
			const out = await run(bin, [...initArgs,
			    ...(opts.initArgs ?? [])], env);
			// Never a silent SQLite where PostgreSQL was asked for.
			if (dataDirDbUrl(dataDir) !== server.dbUrl)
				throw new Error(`'schakel init' left db.url ` +
				    `'${dataDirDbUrl(dataDir)}', not ` +
				    `'${server.dbUrl}'`);
			if (server.db === 'pg' &&
			    existsSync(join(dataDir, 'schakel.db')))
				throw new Error("'schakel init --db' made a " +
				    'SQLite database');
			if (opts.demo !== false)
				server.users = parseDemoUsers(readFileSync(
				    join(dataDir, 'demo-users.txt'), 'utf8'));
			Object.assign(server.users,
			    parseInitAdmin(out.stdout));
		} catch (err) {
			rmSync(root, { recursive: true, force: true });
			throw err;
		}
	}

	const child = spawn(bin, ['serve', '--data', dataDir,
	    '--listen', '127.0.0.1:0', ...(opts.args ?? [])],
	    { env, stdio: ['ignore', 'pipe', 'pipe'] });
	server.child = child;
	live.add(server);

	const exited = new Promise((ok) => {
		child.on('exit', (code, signal) => {
			live.delete(server);
			ok({ code, signal });
		});
		// spawn failures (EACCES, ENOENT) come as 'error', not 'exit'
		child.on('error', (error) => {
			live.delete(server);
			ok({ code: null, signal: null, error: error.message });
		});
	});
	server.exited = exited;

	// Lines, not chunks: a log line may arrive in pieces.
	const waiters = [];
	let partial = '';
	child.stderr.setEncoding('utf8');
	child.stderr.on('data', (chunk) => {
		partial += chunk;
		let nl;
		while ((nl = partial.indexOf('\n')) !== -1) {
			const line = partial.slice(0, nl);
			partial = partial.slice(nl + 1);
			server.log.push(line);
			try {
				server.logJson.push(JSON.parse(line));
			} catch {
				// sanitizer reports and the like stay text only
			}
			for (const w of [...waiters])
				w(line);
		}
	});
	child.stdout.resume();

	// Resolves with the first line (from now on, or already logged when
	// opts.past) for which pred(line, json) is true; rejects after ms.
	server.waitForLog = function (pred, ms = 5000, past = true) {
		const test = (line) => {
			let json = null;
			try {
				json = JSON.parse(line);
			} catch {
				json = null;
			}
			return pred(line, json);
		};
		if (past) {
			const hit = server.log.find(test);
			if (hit !== undefined)
				return Promise.resolve(hit);
		}
		return new Promise((ok, fail) => {
			const w = (line) => {
				if (!test(line))
					return;
				clearTimeout(timer);
				waiters.splice(waiters.indexOf(w), 1);
				ok(line);
			};
			const timer = setTimeout(() => {
				waiters.splice(waiters.indexOf(w), 1);
				fail(new Error('log line not seen within ' +
				    `${ms} ms; log:\n${server.log.join('\n')}`));
			}, ms);
			waiters.push(w);
		});
	};

	let stopped = null;
	server.stop = function () {
		if (stopped)
			return stopped;
		stopped = (async () => {
			let result = { code: child.exitCode,
			    signal: child.signalCode };
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => {
					child.kill('SIGKILL');
				}, STOP_GRACE_MS);
				result = await exited;
				clearTimeout(timer);
			}
			if (root)
				rmSync(root, { recursive: true, force: true });
			live.delete(server);
			return result;
		})();
		return stopped;
	};

	// The listening line, an early exit or the timeout, whichever comes
	// first; the timer is cleared in every case.
	try {
		const found = await new Promise((ok, fail) => {
			const timer = setTimeout(() => {
				done();
				fail(new Error('schakel serve did not report ' +
				    `listening within ${startTimeout} ms:\n` +
				    server.log.join('\n')));
			}, startTimeout);
			const w = (line) => {
				if (listeningUrl(line) === null)
					return;
				done();
				ok(line);
			};
			const early = ({ code, signal, error }) => {
				done();
				fail(new Error('schakel serve exited early (' +
				    `${error ?? code ?? signal}):\n` +
				    server.log.join('\n')));
			};
			let active = true;
			function done() {
				active = false;
				clearTimeout(timer);
				const i = waiters.indexOf(w);
				if (i !== -1)
					waiters.splice(i, 1);
			}
			waiters.push(w);
			exited.then((r) => {
				if (active)
					early(r);
			});
		});
		Object.assign(server, listeningUrl(found));
	} catch (err) {
		await server.stop();
		throw err;
	}
	return server;
}

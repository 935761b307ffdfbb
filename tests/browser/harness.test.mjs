// The shared test harness in tests/lib, checked on its own so the API
// and browser tests stand on known ground: TOTP against the RFC 6238
// vectors, the cookie-jar client against a local HTTP server, and
// startServer against the real binary and against ones that fail.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync,
    writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { client } from '../lib/http.mjs';
import { parseDemoUsers, startServer } from '../lib/server.mjs';
import { base32Decode, hotp, secretFromUri, totp } from '../lib/totp.mjs';

test('totp matches the RFC 6238 SHA-1 vectors', () => {
	// RFC 6238 appendix B: the key is ASCII "12345678901234567890";
	// the RFC prints 8 digits, the last 6 are the 6-digit code.
	const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
	assert.equal(base32Decode(secret).toString(), '12345678901234567890');
	const vectors = [
		[59, '94287082'], [1111111109, '07081804'],
		[1111111111, '14050471'], [1234567890, '89005924'],
		[2000000000, '69279037'], [20000000000, '65353130'],
	];
	for (const [time, code] of vectors)
		assert.equal(totp(secret, time), code.slice(2), `t=${time}`);
	// Same 30 s step, same code; the next step differs.
	assert.equal(totp(secret, 60), totp(secret, 89.9));
	assert.notEqual(totp(secret, 89.9), totp(secret, 90));
	// RFC 4226 appendix D.
	assert.equal(hotp(Buffer.from('12345678901234567890'), 0), '755224');
	assert.equal(hotp(Buffer.from('12345678901234567890'), 9), '520489');
});

test('base32 decoding is forgiving about form, strict about letters', () => {
	assert.equal(base32Decode('mzxw6ytb oi======').toString(), 'foobar');
	assert.equal(base32Decode('MZXW6YQ=').toString(), 'foob');
	assert.throws(() => base32Decode('MZXW1'), /invalid base32/);
	assert.equal(secretFromUri('otpauth://totp/schakel:a?secret=ABC&x=1'),
	    'ABC');
	assert.equal(secretFromUri('not a uri'), null);
});

test('demo-users.txt lines become users', () => {
	const u = parseDemoUsers('admin\tadmin\tpw one\tJBSWY3DP\n' +
	    'demo-reporter\treporter\tpw2\t-\n\n');
	assert.deepEqual(u, {
		admin: { role: 'admin', password: 'pw one', totp: 'JBSWY3DP' },
		'demo-reporter': { role: 'reporter', password: 'pw2', totp: null },
	});
	assert.throws(() => parseDemoUsers('lonely\n'), /bad demo-users/);
});

test('the client keeps cookies, sends the CSRF token, and speaks JSON',
    async (t) => {
	const seen = [];
	const srv = createServer((req, res) => {
		let body = '';
		req.on('data', (c) => {
			body += c;
		});
		req.on('end', () => {
			seen.push({ method: req.method, url: req.url,
			    headers: req.headers, body });
			if (req.url === '/api/login') {
				res.setHeader('Set-Cookie',
				    'sid=abc; Path=/; HttpOnly');
				res.setHeader('Content-Type', 'application/json');
				res.end(JSON.stringify({ csrf_token: 'tok' }));
			} else if (req.url === '/api/logout') {
				res.setHeader('Set-Cookie', 'sid=; Max-Age=0');
				res.statusCode = 204;
				res.end();
			} else if (req.url === '/api/fail') {
				res.statusCode = 401;
				res.setHeader('Content-Type', 'application/json');
				res.end('{"error":{"code":"unauthenticated"}}');
			} else {
				res.setHeader('Content-Type', 'text/plain');
				res.end('plain');
			}
		});
	});
	await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
	t.after(() => srv.close());
	const url = `http://127.0.0.1:${srv.address().port}`;
	const c = client(url);

	await c.login('alice', 'secret', 123456);
	const login = seen.at(-1);
	assert.deepEqual(JSON.parse(login.body),
	    { username: 'alice', password: 'secret', totp: '123456' });
	assert.equal(login.headers['x-csrf-token'], undefined);
	assert.equal(c.csrf, 'tok');

	const r = await c.get('/x');
	assert.equal(r.status, 200);
	assert.equal(r.text, 'plain');
	assert.equal(r.body, null);
	assert.equal(seen.at(-1).headers.cookie, 'sid=abc');
	assert.equal(seen.at(-1).headers['x-csrf-token'], undefined,
	    'no token on GET');

	await c.post('/x', { a: 1 });
	assert.equal(seen.at(-1).headers['x-csrf-token'], 'tok');
	assert.equal(seen.at(-1).headers['content-type'], 'application/json');
	assert.equal(seen.at(-1).body, '{"a":1}');
	await c.post('/x', '{"raw":', { headers: { 'X-CSRF-Token': null } });
	assert.equal(seen.at(-1).body, '{"raw":');
	assert.equal(seen.at(-1).headers['x-csrf-token'], undefined);
	await c.post('/x');
	assert.equal(seen.at(-1).body, '', 'no body unless one is given');
	assert.equal(seen.at(-1).headers['content-type'], undefined);

	await c.logout();
	assert.equal(c.cookies.size, 0, 'Max-Age=0 removes the cookie');
	assert.equal(c.csrf, null);

	const f = await c.get('/api/fail');
	assert.equal(f.status, 401);
	assert.equal(f.body.error.code, 'unauthenticated');
});

test('login() throws with the status and code, never the password',
    async (t) => {
	const srv = createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			res.statusCode = 401;
			res.setHeader('Content-Type', 'application/json');
			res.end('{"error":{"code":"unauthenticated"}}');
		});
	});
	await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
	t.after(() => srv.close());
	const c = client(`http://127.0.0.1:${srv.address().port}`);
	await assert.rejects(c.login('bob', 'hunter2-secret'), (err) => {
		assert.match(err.message, /401 unauthenticated/);
		assert.doesNotMatch(err.message, /hunter2/);
		return true;
	});
});

// A stand-in executable for the failure paths of startServer.
function fakeBinary(t, script) {
	const dir = mkdtempSync(join(tmpdir(), 'schakel-fake-'));
	t.after(() => rmSync(dir, { recursive: true, force: true }));
	const bin = join(dir, 'schakel');
	writeFileSync(bin, `#!/bin/sh\n${script}\n`);
	chmodSync(bin, 0o755);
	return bin;
}

// A private parent for startServer's temporary folder, to see that
// nothing is left in it (the system's is shared with other test runs).
function parent(t) {
	const dir = mkdtempSync(join(tmpdir(), 'schakel-parent-'));
	t.after(() => rmSync(dir, { recursive: true, force: true }));
	return dir;
}

test('startServer reports a serve that dies, and cleans up', async (t) => {
	const bin = fakeBinary(t, 'if [ "$1" = init ]; then mkdir -p "$3"; ' +
	    'exit 0; fi\necho "{\\"msg\\":\\"cannot open database\\"}" >&2\n' +
	    'exit 3');
	const dir = parent(t);
	await assert.rejects(startServer({ bin, demo: false, tmpdir: dir }),
	    /exited early \(3\)[\s\S]*cannot open database/);
	assert.deepEqual(readdirSync(dir), [], 'no temporary folder is left');
});

test('startServer gives up on a serve that never listens', async (t) => {
	const bin = fakeBinary(t, 'if [ "$1" = init ]; then mkdir -p "$3"; ' +
	    'exit 0; fi\necho "{\\"msg\\":\\"starting\\"}" >&2\n' +
	    'exec sleep 60');
	const dir = parent(t);
	await assert.rejects(startServer({ bin, demo: false, tmpdir: dir,
	    startTimeout: 1000 }),
	    /did not report listening within 1000 ms[\s\S]*starting/);
	assert.deepEqual(readdirSync(dir), [], 'no temporary folder is left');
});

test('startServer reports a failing init', async (t) => {
	const bin = fakeBinary(t, 'echo "init: no space left" >&2; exit 1');
	const dir = parent(t);
	await assert.rejects(startServer({ bin, tmpdir: dir }),
	    /'schakel init' failed[\s\S]*no space left/);
	assert.deepEqual(readdirSync(dir), [], 'no temporary folder is left');
	await assert.rejects(startServer({ bin: join(tmpdir(), 'no-such-bin-x') }),
	    /not found/);
});

test('startServer runs the real server and stops it', async () => {
	const server = await startServer();
	let stopped = false;
	try {
		assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
		assert.equal(server.url, `http://127.0.0.1:${server.port}`);
		assert.ok(existsSync(server.dataDir));
		assert.ok(server.log.some((l) => /listening on/.test(l)));
		const expected = ['admin', 'demo-reporter', 'demo-advisor',
		    'demo-coordinator', 'demo-provider', 'demo-assessor',
		    'demo-policy', 'demo-rapporteur', 'demo-admin'];
		for (const name of expected)
			assert.ok(server.users[name], `user '${name}'`);
		assert.equal(server.users.admin.role, 'admin');
		assert.ok(server.users.admin.totp);
		assert.equal(server.users['demo-advisor'].role, 'advisor');
		assert.equal(server.users['demo-advisor'].totp, null);

		const c = client(server.url);
		const u = server.users.admin;
		await c.login('admin', u.password, totp(u.totp));
		const me = await c.get('/api/me');
		assert.equal(me.status, 200);
		assert.equal(me.body.username, 'admin');
		assert.equal((await c.logout()).status, 204);
		assert.equal((await c.get('/api/me')).status, 401);

		const res = await server.stop();
		stopped = true;
		assert.ok(res.code === 0 || res.signal === 'SIGTERM',
		    `stops cleanly on SIGTERM: ${JSON.stringify(res)}`);
		assert.ok(!existsSync(server.dataDir), 'the data folder is gone');
		assert.deepEqual(await server.stop(), res, 'stop() is idempotent');
	} finally {
		if (!stopped)
			await server.stop();
	}
});

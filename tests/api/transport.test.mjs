// What every response carries and what the server writes about it: the
// security headers on API, static and error responses, no-store on the
// API, request ids, /healthz, the JSON access log (and what it must never
// contain), and a clean stop on SIGTERM.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { client } from '../lib/http.mjs';
import { startServer } from '../lib/server.mjs';
import { loginAs, postExpectContinue, sessionCookie, stopClean,
    uniqueName } from '../lib/util.mjs';

let server = null;
let admin = null;

before(async () => {
	server = await startServer();
	admin = await loginAs(server, 'demo-admin');
});

after(async () => {
	await stopClean(server);
});

function assertSecurityHeaders(r, what) {
	const csp = r.headers.get('content-security-policy') ?? '';
	assert.match(csp, /(^|;)\s*frame-ancestors 'none'\s*(;|$)/,
	    `${what}: CSP '${csp}'`);
	assert.match(csp, /(^|;)\s*default-src 'none'/, `${what}: CSP`);
	assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/,
	    `${what}: CSP '${csp}'`);
	assert.equal(r.headers.get('x-content-type-options'), 'nosniff', what);
	assert.equal(r.headers.get('referrer-policy'), 'no-referrer', what);
	assert.match(r.headers.get('x-request-id') ?? '', /^[0-9a-f]{16,}$/,
	    `${what}: X-Request-Id`);
	// Plain HTTP: no HSTS promise the server cannot keep.
	assert.equal(r.headers.get('strict-transport-security'), null, what);
}

// [what, () => response]: API, static and error responses of all kinds.
function samples() {
	const anon = client(server.url);
	return [
		['GET /healthz', () => anon.get('/healthz')],
		['GET /api/me', () => admin.get('/api/me')],
		['GET /api/orgs', () => admin.get('/api/orgs')],
		['POST /api/orgs 201', () => admin.post('/api/orgs',
		    { name: uniqueName('hdr'), type: 'other' })],
		['GET /api/me 401', () => anon.get('/api/me')],
		['GET /api/orgs 403', async () => (await loginAs(server,
		    'demo-reporter')).get('/api/orgs')],
		['GET /api/nope 404', () => anon.get('/api/nope')],
		['DELETE /api/orgs 405', () => admin.request('DELETE',
		    '/api/orgs')],
		['POST /api/orgs 400', () => admin.post('/api/orgs', '{')],
		['POST /api/orgs 415', () => admin.post('/api/orgs', '{}',
		    { headers: { 'content-type': 'text/plain' } })],
		// With Expect: 100-continue, so that the answer is heard
		// (errors.test.mjs covers clients that send the whole body).
		['POST /api/orgs 413', () => postExpectContinue(server.url,
		    '/api/orgs', Buffer.alloc(1024 * 1024 + 1, 0x20),
		    { cookie: `schakel_session=${sessionCookie(admin)}`,
		    'x-csrf-token': admin.csrf })],
		['POST /api/login 401', () => anon.post('/api/login',
		    { username: uniqueName('x'),
		    password: 'wrong-wrong-wrong' })],
		['GET / static', () => anon.get('/')],
		['GET /app.js static', () => anon.get('/app.js')],
		['GET /nope.html 404', () => anon.get('/nope.html')],
	];
}

test('security headers on API, static and error responses', async () => {
	const statuses = [];
	for (const [what, fn] of samples()) {
		const r = await fn();
		statuses.push(r.status);
		assertSecurityHeaders(r, `${what} (${r.status})`);
	}
	// The samples really cover success, client errors and static files.
	for (const s of [200, 201, 400, 401, 403, 404, 405, 413, 415])
		assert.ok(statuses.includes(s), `no sample answered ${s}`);
});

test('API responses are never cached, errors included', async () => {
	for (const [what, fn] of samples()) {
		if (!what.includes('/api/') && !what.includes('/healthz'))
			continue;
		const r = await fn();
		assert.equal(r.headers.get('cache-control'), 'no-store',
		    `${what} (${r.status})`);
	}
	const page = await client(server.url).get('/');
	assert.equal(page.status, 200);
	assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
	assert.doesNotMatch(page.headers.get('cache-control') ?? '',
	    /public|immutable/);
});

test('every response has its own request id', async () => {
	const c = client(server.url);
	const ids = new Set();
	for (let i = 0; i < 20; i++) {
		const r = await c.get(i % 2 ? '/healthz' : '/api/me');
		ids.add(r.headers.get('x-request-id'));
	}
	assert.equal(ids.size, 20);
	// A client cannot choose it.
	const r = await c.get('/healthz', { headers: { 'x-request-id':
	    'chosen-by-client' } });
	assert.notEqual(r.headers.get('x-request-id'), 'chosen-by-client');
});

test('GET /healthz is exactly {"status":"ok"} without login', async () => {
	const r = await client(server.url).get('/healthz');
	assert.equal(r.status, 200);
	assert.equal(r.text, '{"status":"ok"}');
	assert.match(r.headers.get('content-type') ?? '',
	    /^application\/json\b/);
	assert.equal(r.headers.getSetCookie().length, 0);
});

// The access log line of a response, by its X-Request-Id.
async function logLine(r) {
	const id = r.headers.get('x-request-id');
	assert.ok(id);
	const line = await server.waitForLog((l, j) => j?.request_id === id);
	return JSON.parse(line);
}

test('the access log: one JSON line per request with its fields',
    async () => {
	const me = await admin.get('/api/me');
	let e = await logLine(me);
	for (const k of ['request_id', 'method', 'route', 'status',
	    'duration_ms', 'user_id'])
		assert.ok(k in e,
		    `access log lacks ${k}: ${JSON.stringify(e)}`);
	assert.equal(e.method, 'GET');
	assert.equal(e.route, '/api/me');
	assert.equal(e.status, 200);
	assert.equal(typeof e.duration_ms, 'number');
	assert.ok(e.duration_ms >= 0);
	assert.equal(e.user_id, me.body.id);

	// The route is the pattern, not the path with its id.
	const d = await admin.post('/api/users/424242/disable');
	e = await logLine(d);
	assert.equal(e.route, '/api/users/{id}/disable');
	assert.equal(e.status, 404);
	assert.equal(e.method, 'POST');

	const anon = await client(server.url).get('/api/orgs');
	e = await logLine(anon);
	assert.equal(e.status, 401);
	assert.equal(e.user_id, null);

	// Every line the server wrote is JSON.
	const bad = server.log.filter((l) => {
		try {
			JSON.parse(l);
			return false;
		} catch {
			return true;
		}
	});
	assert.deepEqual(bad, []);
});

test('a login leaves no password, token or body in the log', async () => {
	const name = 'demo-coordinator';
	const password = server.users[name].password;
	const c = client(server.url);
	const body = JSON.stringify({ username: name, password });
	const r = await c.post('/api/login', body);
	assert.equal(r.status, 200, r.text);
	const e = await logLine(r);
	assert.equal(e.route, '/api/login');
	assert.equal(e.status, 200);
	assert.equal(e.user_id, r.body.user.id);

	// A failed login with a name nobody has, and a made-up password.
	const ghost = uniqueName('ghost');
	const ghostPw = `pw-${uniqueName('secret')}`;
	const f = await client(server.url).post('/api/login',
	    { username: ghost, password: ghostPw });
	assert.equal(f.status, 401);
	await logLine(f);

	const token = sessionCookie(c);
	const log = server.log.join('\n');
	assert.ok(!log.includes(password), 'password in the log');
	assert.ok(!log.includes(token), 'session token in the log');
	assert.ok(!log.includes(r.body.csrf_token), 'CSRF token in the log');
	assert.ok(!log.includes(body), 'request body in the log');
	assert.ok(!log.includes(ghostPw), 'failed password in the log');
	assert.ok(!log.includes(ghost), 'login name in the log');
	assert.ok(!log.includes(sessionCookie(admin)), 'admin token in log');
});

test('SIGTERM stops the server promptly with exit 0', async () => {
	const t0 = Date.now();
	const r = await server.stop();
	const ms = Date.now() - t0;
	assert.deepEqual(r, { code: 0, signal: null });
	assert.ok(ms < 5000, `took ${ms} ms`);
	assert.ok(server.logJson.some((j) => /stopping/.test(j.msg ?? '')));
	assert.equal(server.logJson.at(-1)?.msg, 'stopped');
	await assert.rejects(fetch(`${server.url}/healthz`));
});

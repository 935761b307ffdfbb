// Logging in and staying logged in: the session cookie and its
// attributes, logout, identical answers for a wrong password, an unknown
// name and a disabled account, the second factor (TOTP) and its replay,
// CSRF on unsafe requests, API tokens, and the idle and absolute limits
// of a session.  Lockout and throttling have their own servers in
// lockout.test.mjs.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

import { newAccount } from '../lib/accounts.mjs';
import { client } from '../lib/http.mjs';
import { startServer } from '../lib/server.mjs';
import { totp } from '../lib/totp.mjs';
import { assertError, loginAs, nowSql, runCli, sessionCookie, sleep, sql,
    stopClean, uniqueName } from '../lib/util.mjs';

let server = null;
let admin = null;		// demo-admin, for setting things up

before(async () => {
	server = await startServer();
	admin = await loginAs(server, 'demo-admin');
});

after(async () => {
	await stopClean(server);
});

function password(name) {
	return server.users[name].password;
}

// The attributes of a Set-Cookie line, lower-cased names.
function cookieAttrs(line) {
	const [pair, ...rest] = line.split(';');
	const attrs = new Map();
	for (const a of rest) {
		const eq = a.indexOf('=');
		const k = (eq === -1 ? a : a.slice(0, eq)).trim().toLowerCase();
		attrs.set(k, eq === -1 ? '' : a.slice(eq + 1).trim());
	}
	const eq = pair.indexOf('=');
	return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1),
	    attrs };
}

// A request with exactly the cookie given, and nothing remembered.
function withCookie(token) {
	const c = client(server.url);
	c.cookies.set('schakel_session', token);
	return c;
}

async function orgNames(c = admin) {
	const r = await c.get('/api/orgs');
	assert.equal(r.status, 200, r.text);
	return r.body.orgs.map((o) => o.name);
}

async function beheerId() {
	const r = await admin.get('/api/me');
	return r.body.org_id;
}

// An account made, approved where needed, and enrolled (accounts.mjs).
async function createUser(role, extra = {}) {
	return newAccount(server, admin, { username: uniqueName(role), role,
	    org_id: await beheerId(), ...extra });
}

// A six-digit code that is none of the codes near now for the secret.
function wrongCode(secret) {
	const now = Date.now() / 1000;
	const near = new Set();
	for (let k = -3; k <= 3; k++)
		near.add(totp(secret, now + 30 * k));
	for (let n = 0; ; n++) {
		const code = String(n).padStart(6, '0');
		if (!near.has(code))
			return code;
	}
}

test('demo-admin logs in: cookie attributes and body', async () => {
	const c = client(server.url);
	const r = await c.post('/api/login', { username: 'demo-admin',
	    password: password('demo-admin') });
	assert.equal(r.status, 200, r.text);
	const lines = r.headers.getSetCookie();
	assert.equal(lines.length, 1, lines.join('\n'));
	const ck = cookieAttrs(lines[0]);
	assert.equal(ck.name, 'schakel_session');
	assert.ok(ck.value.length >= 32, 'session token too short');
	assert.ok(ck.attrs.has('httponly'), lines[0]);
	assert.equal(ck.attrs.get('samesite'), 'Strict', lines[0]);
	assert.equal(ck.attrs.has('secure'), false,
	    'Secure over plain HTTP would stop the cookie working');
	assert.equal(ck.attrs.get('path'), '/', lines[0]);
	assert.equal(typeof r.body.csrf_token, 'string');
	assert.ok(r.body.csrf_token.length >= 32);
	assert.notEqual(r.body.csrf_token, ck.value);
	assert.equal(r.body.user.username, 'demo-admin');
	assert.equal(r.body.user.role, 'admin');
	assert.equal(typeof r.body.user.id, 'number');
	assert.ok(!r.text.includes(ck.value),
	    'the session token must travel only in the cookie');
	assert.equal(r.headers.get('cache-control'), 'no-store');

	c.setCsrf(r.body.csrf_token);
	const me = await c.get('/api/me');
	assert.equal(me.status, 200, me.text);
	assert.equal(me.body.username, 'demo-admin');
	assert.equal(me.body.id, r.body.user.id);
});

test('GET /api/me without a cookie or with a made-up one is 401',
    async () => {
	assertError(await client(server.url).get('/api/me'), 401,
	    'unauthenticated');
	assertError(await withCookie('x').get('/api/me'), 401,
	    'unauthenticated');
	assertError(await withCookie(randomBytes(32).toString('base64url'))
	    .get('/api/me'), 401, 'unauthenticated');
});

test('every login makes a new session with its own CSRF token',
    async () => {
	const a = await loginAs(server, 'demo-advisor');
	const b = await loginAs(server, 'demo-advisor');
	assert.notEqual(sessionCookie(a), sessionCookie(b));
	assert.notEqual(a.csrf, b.csrf);
	assert.equal((await a.get('/api/me')).status, 200);
	assert.equal((await b.get('/api/me')).status, 200);
	// One session's CSRF token does not fit another session.
	const r = await a.post('/api/logout', undefined,
	    { headers: { 'x-csrf-token': b.csrf } });
	assertError(r, 403, 'forbidden');
	assert.equal((await a.get('/api/me')).status, 200);
});

test('logout ends the session; the old cookie no longer works',
    async () => {
	const c = await loginAs(server, 'demo-coordinator');
	const token = sessionCookie(c);
	assert.equal((await c.get('/api/me')).status, 200);
	const r = await c.logout();
	assert.equal(r.status, 204, r.text);
	const line = r.headers.getSetCookie().find((l) =>
	    l.startsWith('schakel_session='));
	assert.ok(line, 'logout clears the cookie');
	assert.equal(cookieAttrs(line).value, '');
	assert.equal(sessionCookie(c), undefined);
	assertError(await c.get('/api/me'), 401, 'unauthenticated');
	assertError(await withCookie(token).get('/api/me'), 401,
	    'unauthenticated');
});

test('logout without the CSRF token is refused and ends nothing',
    async () => {
	const c = await loginAs(server, 'demo-provider');
	assertError(await c.post('/api/logout', undefined,
	    { headers: { 'x-csrf-token': null } }), 403, 'forbidden');
	assert.equal((await c.get('/api/me')).status, 200);
});

test('wrong password, unknown name and disabled account: one answer',
    async () => {
	const c = client(server.url);
	const wrong = await c.post('/api/login', { username: 'demo-reporter',
	    password: 'not-the-password-at-all' });
	const e = assertError(wrong, 401, 'unauthenticated');
	assert.deepEqual(e.fields, []);
	assert.equal(wrong.headers.getSetCookie().length, 0);

	const unknown = await c.post('/api/login', { username:
	    uniqueName('nobody'), password: 'not-the-password-at-all' });
	assert.equal(unknown.status, wrong.status);
	assert.equal(unknown.text, wrong.text);
	assert.equal(unknown.headers.getSetCookie().length, 0);

	// A name that differs only in case is the same account.
	const upper = await c.post('/api/login', { username: 'DEMO-REPORTER',
	    password: password('demo-reporter') });
	assert.equal(upper.status, 200, upper.text);

	const u = await createUser('policy');
	const mine = client(server.url);
	await mine.login(u.username, u.password);
	const dis = await admin.post(`/api/users/${u.id}/disable`);
	assert.equal(dis.status, 200, dis.text);
	const disabled = await c.post('/api/login', { username: u.username,
	    password: u.password });
	assert.equal(disabled.status, wrong.status);
	assert.equal(disabled.text, wrong.text);
	assert.equal(disabled.headers.getSetCookie().length, 0);

	// A success in between keeps the address clear of the throttle.
	await loginAs(server, 'demo-reporter');
});

test('admin needs a TOTP code; a used code cannot be used again',
    async () => {
	const secret = server.users.admin.totp;
	assert.ok(secret, 'init prints the admin\'s TOTP secret');
	const pw = server.users.admin.password;
	const c = client(server.url);

	const wrongPw = await c.post('/api/login', { username: 'demo-reporter',
	    password: 'not-the-password-at-all' });
	const none = await c.post('/api/login', { username: 'admin',
	    password: pw });
	assertError(none, 401, 'unauthenticated');
	assert.equal(none.text, wrongPw.text,
	    'a missing code must not reveal that the password was right');
	const nulled = await c.post('/api/login', { username: 'admin',
	    password: pw, totp: null });
	assertError(nulled, 401, 'unauthenticated');
	const bad = await c.post('/api/login', { username: 'admin',
	    password: pw, totp: wrongCode(secret) });
	assertError(bad, 401, 'unauthenticated');
	assert.equal(bad.text, wrongPw.text);
	assert.equal(bad.headers.getSetCookie().length, 0);

	const code = totp(secret);
	const ok = await c.post('/api/login', { username: 'admin',
	    password: pw, totp: code });
	assert.equal(ok.status, 200, ok.text);
	assert.equal(ok.body.user.username, 'admin');
	assert.equal(ok.body.user.totp_enabled, true);

	const replay = client(server.url);
	const again = await replay.post('/api/login', { username: 'admin',
	    password: pw, totp: code });
	assertError(again, 401, 'unauthenticated');
	assert.equal(again.text, wrongPw.text);
});

test('demo accounts need no code', async () => {
	for (const name of ['demo-reporter', 'demo-admin']) {
		const c = client(server.url);
		const r = await c.login(name, password(name));
		assert.equal(r.body.user.totp_enabled, false);
		assert.equal(r.body.user.demo, true);
	}
});

test('a user made through the API with a TOTP role must use the code',
    async () => {
	const u = await createUser('advisor');
	const secret = u.totp;
	assert.match(secret ?? '', /^[A-Z2-7]{16,}$/);

	const c = client(server.url);
	assertError(await c.post('/api/login', { username: u.username,
	    password: u.password }), 401, 'unauthenticated');
	assertError(await c.post('/api/login', { username: u.username,
	    password: u.password, totp: wrongCode(secret) }), 401,
	    'unauthenticated');
	const r = await c.login(u.username, u.password, totp(secret));
	assert.equal(r.body.user.totp_enabled, true);
	assert.equal((await c.get('/api/me')).body.username, u.username);

	// A role without personal data gets no second factor.
	const p = await createUser('policy');
	assert.equal(p.totp, null);
	const pc = client(server.url);
	await pc.login(p.username, p.password);
});

test('CSRF: a cookie alone cannot change anything', async () => {
	const before = await orgNames();
	const name1 = uniqueName('csrf-none');
	const name2 = uniqueName('csrf-wrong');
	assertError(await admin.post('/api/orgs', { name: name1,
	    type: 'other' }, { headers: { 'x-csrf-token': null } }), 403,
	    'forbidden');
	assertError(await admin.post('/api/orgs', { name: name2,
	    type: 'other' }, { headers: { 'x-csrf-token': 'x' } }), 403,
	    'forbidden');
	const wrongSameLength = admin.csrf.slice(0, -1) +
	    (admin.csrf.endsWith('A') ? 'B' : 'A');
	assertError(await admin.post('/api/orgs', { name: name2,
	    type: 'other' }, { headers: { 'x-csrf-token': wrongSameLength } }),
	    403, 'forbidden');
	assert.deepEqual(await orgNames(), before);

	const name3 = uniqueName('csrf-right');
	const r = await admin.post('/api/orgs', { name: name3, type: 'other' });
	assert.equal(r.status, 201, r.text);
	assert.equal(typeof r.body.id, 'number');
	assert.deepEqual((await orgNames()).sort(), [...before, name3].sort());
});

test('API token: Bearer works without CSRF; a bad token is 401',
    async () => {
	const t = await runCli(['token', 'add', '--data', server.dataDir,
	    '--user', 'demo-admin', 'api-test']);
	assert.equal(t.code, 0, t.stderr);
	const token = t.stdout.trim();
	assert.match(token, /^[A-Za-z0-9_-]{32,}$/);

	const c = client(server.url);
	const auth = { authorization: `Bearer ${token}` };
	const me = await c.get('/api/me', { headers: auth });
	assert.equal(me.status, 200, me.text);
	assert.equal(me.body.username, 'demo-admin');
	const name = uniqueName('by-token');
	const r = await c.post('/api/orgs', { name, type: 'other' },
	    { headers: auth });
	assert.equal(r.status, 201, r.text);
	assert.ok((await orgNames()).includes(name));

	const bad = [
		`Bearer ${randomBytes(32).toString('base64url')}`,
		`Bearer ${token.slice(0, -2)}`,
		'Bearer ',
		`Basic ${Buffer.from('demo-admin:x').toString('base64')}`,
		token,
	];
	for (const h of bad) {
		assertError(await c.get('/api/me', { headers:
		    { authorization: h } }), 401, 'unauthenticated', h);
		assertError(await c.post('/api/orgs', { name: uniqueName('bad'),
		    type: 'other' }, { headers: { authorization: h } }), 401,
		    'unauthenticated', h);
	}
	// A bad token is not rescued by a good cookie.
	assertError(await admin.get('/api/me', { headers: { authorization:
	    bad[0] } }), 401, 'unauthenticated');
});

test('API token of a disabled user stops working', async () => {
	const u = await createUser('policy');
	const t = await runCli(['token', 'add', '--data', server.dataDir,
	    '--user', u.username, 'soon-gone']);
	assert.equal(t.code, 0, t.stderr);
	const auth = { authorization: `Bearer ${t.stdout.trim()}` };
	const c = client(server.url);
	assert.equal((await c.get('/api/me', { headers: auth })).status, 200);
	assert.equal((await admin.post(`/api/users/${u.id}/disable`)).status,
	    200);
	assertError(await c.get('/api/me', { headers: auth }), 401,
	    'unauthenticated');
});

test('a session idle for more than 30 minutes has ended', async () => {
	const idle = await loginAs(server, 'demo-policy');
	const other = await loginAs(server, 'demo-assessor');
	const who = "(SELECT id FROM app_user WHERE username = 'demo-policy')";

	// Just under the limit the session lives (and is touched).
	await sql(server.dataDir, 'UPDATE session SET last_seen_at = ' +
	    `last_seen_at - 1700 WHERE user_id = ${who}`);
	assert.equal((await idle.get('/api/me')).status, 200);

	await sql(server.dataDir, 'UPDATE session SET last_seen_at = ' +
	    `last_seen_at - 1801 WHERE user_id = ${who}`);
	// A change made beside a SQLite server reaches it once the session
	// it remembers is older than SESSION_CACHE_TTL (2 s).
	await sleep(2100);
	const r = await idle.get('/api/me');
	assertError(r, 401, 'unauthenticated');
	assertError(await idle.post('/api/logout'), 401, 'unauthenticated');
	assert.equal((await other.get('/api/me')).status, 200,
	    'other sessions are not affected');
});

test('a session older than 12 hours has ended, however active',
    async () => {
	const old = await loginAs(server, 'demo-rapporteur');
	const who = "(SELECT id FROM app_user WHERE username = " +
	    "'demo-rapporteur')";
	const rows = await sql(server.dataDir, 'SELECT expires_at - ' +
	    `created_at FROM session WHERE user_id = ${who}`);
	for (const line of rows.trim().split('\n'))
		assert.ok(Number(line) <= 12 * 3600, `session lasts ${line} s`);

	const now = nowSql(server.dataDir);
	await sql(server.dataDir, 'UPDATE session SET ' +
	    `expires_at = ${now} - 1, last_seen_at = ${now} ` +
	    `WHERE user_id = ${who}`);
	assertError(await old.get('/api/me'), 401, 'unauthenticated');
	// A new login works again.
	const fresh = await loginAs(server, 'demo-rapporteur');
	assert.equal((await fresh.get('/api/me')).status, 200);
});

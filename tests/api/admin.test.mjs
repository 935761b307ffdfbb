// The admin API: organisations and users.  Creating, the checks that
// refuse (taken names, unknown municipalities and organisations, weak
// passwords), and disabling an account, which ends its sessions.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { newAccount } from '../lib/accounts.mjs';
import { client } from '../lib/http.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, stopClean, strongPassword,
    uniqueName } from '../lib/util.mjs';

let server = null;
let admin = null;
let adminId = 0;
let orgId = 0;

before(async () => {
	server = await startServer();
	admin = await loginAs(server, 'demo-admin');
	const me = (await admin.get('/api/me')).body;
	adminId = me.id;
	orgId = me.org_id;
});

after(async () => {
	await stopClean(server);
});

async function orgs() {
	const r = await admin.get('/api/orgs');
	assert.equal(r.status, 200, r.text);
	return r.body.orgs;
}

async function users() {
	const r = await admin.get('/api/users');
	assert.equal(r.status, 200, r.text);
	return r.body.users;
}

// A policy account (no approval needed), enrolled by its user.
async function createUser(extra = {}) {
	return newAccount(server, admin, { username: uniqueName('adm'),
	    role: 'policy', org_id: orgId, ...extra });
}

test('municipalities are there for everyone', async () => {
	const c = await loginAs(server, 'demo-reporter');
	const r = await c.get('/api/municipalities');
	assert.equal(r.status, 200, r.text);
	const ams = r.body.municipalities.find((m) => m.code === 'GM0363');
	assert.equal(ams?.name, 'Amsterdam');
	assert.ok(r.body.municipalities.length > 300);
	for (const m of r.body.municipalities)
		assert.match(m.code, /^GM[0-9]{4}$/);
});

test('POST /api/orgs creates an organisation', async () => {
	const name = uniqueName('Opvang');
	const r = await admin.post('/api/orgs', { name, type: 'provider',
	    municipality: 'GM0363' });
	assert.equal(r.status, 201, r.text);
	assert.deepEqual(Object.keys(r.body), ['id']);
	assert.ok(Number.isInteger(r.body.id) && r.body.id > 0);
	const o = (await orgs()).find((x) => x.id === r.body.id);
	assert.equal(o?.name, name);
	assert.equal(o.type, 'provider');
	assert.equal(o.municipality, 'GM0363');
	assert.equal(o.municipality_name, 'Amsterdam');
	assert.equal(o.demo, false);

	// Without a municipality, and with null for one.
	for (const extra of [{}, { municipality: null }]) {
		const n = uniqueName('Landelijk');
		const x = await admin.post('/api/orgs', { name: n,
		    type: 'other', ...extra });
		assert.equal(x.status, 201, x.text);
		const got = (await orgs()).find((y) => y.id === x.body.id);
		assert.equal(got?.municipality, null);
	}
});

test('a taken organisation name is refused, naming the field',
    async () => {
	const name = uniqueName('Dubbel');
	assert.equal((await admin.post('/api/orgs', { name,
	    type: 'other' })).status, 201);
	const before = await orgs();
	const r = await admin.post('/api/orgs', { name, type: 'provider' });
	assert.ok(r.status >= 400 && r.status < 500, r.text);
	assertError(r, r.status);
	assert.deepEqual(fieldNames(r), ['name']);
	assert.deepEqual(await orgs(), before);
	// The name of a demo organisation, too.
	const demo = before.find((o) => o.demo);
	const d = await admin.post('/api/orgs', { name: demo.name,
	    type: 'other' });
	assert.ok(d.status >= 400 && d.status < 500, d.text);
	assert.deepEqual(fieldNames(d), ['name']);
});

test('an unknown municipality or type is 400, naming the field',
    async () => {
	const before = await orgs();
	for (const m of ['GM9999', 'XX0363', 'gm0363', 'GM036']) {
		const r = await admin.post('/api/orgs', { name: uniqueName('M'),
		    type: 'other', municipality: m });
		assertError(r, 400, 'invalid', m);
		assert.deepEqual(fieldNames(r), ['municipality'], m);
	}
	const r = await admin.post('/api/orgs', { name: uniqueName('T'),
	    type: 'bakery' });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['type']);
	assert.deepEqual(await orgs(), before);
});

test('POST /api/users creates a user who can log in', async () => {
	const u = await createUser();
	const listed = (await users()).find((x) => x.id === u.id);
	assert.equal(listed?.username, u.username);
	assert.equal(listed.role, 'policy');
	assert.equal(listed.org_id, orgId);
	assert.equal(listed.disabled, false);
	assert.equal(listed.last_login_at, null);
	assert.ok(!JSON.stringify(await users()).includes(u.password),
	    'no password in the user list');
	const c = client(server.url);
	const r = await c.login(u.username, u.password);
	assert.equal(r.body.user.role, 'policy');
	const after = (await users()).find((x) => x.id === u.id);
	assert.match(after.last_login_at ?? '', /^\d{4}-\d\d-\d\dT/);
});

test('an admin may not set a password: 400, naming password', async () => {
	const before = await users();
	const r = await admin.post('/api/users', { username: uniqueName('pw'),
	    role: 'policy', org_id: orgId, password: strongPassword() });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['password']);
	assert.deepEqual(await users(), before);
});

test('weak or common passwords at enrolment are 400, naming password',
    async () => {
	const name = uniqueName('weak');
	const r = await admin.post('/api/users', { username: name,
	    role: 'policy', org_id: orgId });
	assert.equal(r.status, 201, r.text);
	const token = r.body.enrol_token;
	const c = client(server.url);
	for (const pw of ['short', 'password1234', 'qwertyuiop123',
	    'aaaaaaaaaaaaaaaa', `${name}-and-more`, 'PASSWORD1234']) {
		const e = await c.post('/api/enrol', { token, password: pw });
		assertError(e, 400, 'invalid', pw);
		assert.deepEqual(fieldNames(e), ['password'], pw);
	}
	assert.equal((await users()).find((x) => x.id === r.body.id)?.state,
	    'pending_enrol');
});

test('a taken username is refused, naming username', async () => {
	const before = await users();
	for (const name of ['demo-reporter', 'admin']) {
		const r = await admin.post('/api/users', { username: name,
		    role: 'policy', org_id: orgId });
		assert.ok(r.status >= 400 && r.status < 500, r.text);
		assertError(r, r.status);
		assert.deepEqual(fieldNames(r), ['username'], name);
	}
	// Login names fold case: an upper-case twin is refused as well.
	const r = await admin.post('/api/users', { username: 'Demo-Reporter',
	    role: 'policy', org_id: orgId });
	assert.ok(r.status >= 400 && r.status < 500, r.text);
	assert.deepEqual(fieldNames(r), ['username']);
	assert.deepEqual(await users(), before);
});

test('an unknown org_id or role is 400, naming the field', async () => {
	const before = await users();
	let r = await admin.post('/api/users', { username: uniqueName('o'),
	    role: 'policy', org_id: 999999 });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['org_id']);
	r = await admin.post('/api/users', { username: uniqueName('o'),
	    role: 'policy', org_id: 0 });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['org_id']);
	r = await admin.post('/api/users', { username: uniqueName('r'),
	    role: 'superuser', org_id: orgId });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['role']);
	// Everything wrong at once: every field named.
	r = await admin.post('/api/users', { username: 'X', role: 'none',
	    org_id: 999999, password: 'short' });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r).sort(),
	    ['org_id', 'password', 'role', 'username']);
	assert.deepEqual(await users(), before);
});

test('disable: 200, no more logins, the open session ends', async () => {
	const u = await createUser();
	const c = client(server.url);
	await c.login(u.username, u.password);
	assert.equal((await c.get('/api/me')).status, 200);

	const r = await admin.post(`/api/users/${u.id}/disable`);
	assert.equal(r.status, 200, r.text);
	assert.equal(r.body.id, u.id);
	assert.equal((await users()).find((x) => x.id === u.id)?.disabled,
	    true);
	assertError(await c.get('/api/me'), 401, 'unauthenticated');
	assertError(await client(server.url).post('/api/login', { username:
	    u.username, password: u.password }), 401, 'unauthenticated');

	// Twice is a conflict; an unknown id is 404.
	assertError(await admin.post(`/api/users/${u.id}/disable`), 409,
	    'conflict');
	assertError(await admin.post('/api/users/999999/disable'), 404,
	    'not_found');
	// A success keeps this address clear of the login throttle.
	await loginAs(server, 'demo-policy');
});

test('an admin cannot disable themself', async () => {
	const r = await admin.post(`/api/users/${adminId}/disable`);
	assertError(r, 409, 'conflict');
	assert.equal((await admin.get('/api/me')).status, 200);
	assert.equal((await users()).find((x) => x.id === adminId)?.disabled,
	    false);
});

test('one admin can disable another admin', async () => {
	const other = await createUser({ role: 'admin' });
	const r = await admin.post(`/api/users/${other.id}/disable`);
	assert.equal(r.status, 200, r.text);
});

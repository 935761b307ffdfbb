// Four eyes on new accounts, and enrolment by the user.  An admin who
// makes an account never receives its password or second factor; an
// account that sees personal data, or an admin account, is unusable until
// a second person approves it (another admin, or an approver of its
// organisation), and every account made through the API is unusable
// until its user has enrolled through the one-time link.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { enrol, newAccount, realAdmin } from '../lib/accounts.mjs';
import { client } from '../lib/http.mjs';
import { startServer } from '../lib/server.mjs';
import { totp } from '../lib/totp.mjs';
import { assertError, fieldNames, loginAs, nowSql, sql, stopClean,
    strongPassword, uniqueName } from '../lib/util.mjs';

let server = null;
let admin = null;		// demo-admin
let second = null;		// the real administrator: a second admin
let vtA = 0;			// an advice point
let vtR = 0;			// another advice point

before(async () => {
	server = await startServer();
	admin = await loginAs(server, 'demo-admin');
	second = await realAdmin(server);
	const orgs = (await admin.get('/api/orgs')).body.orgs;
	vtA = orgs.find((o) => o.name.startsWith('Veilig Thuis Amsterdam')).id;
	vtR = orgs.find((o) => o.name.startsWith('Veilig Thuis Rotterdam')).id;
});

after(async () => {
	await stopClean(server);
});

// No key anywhere in a JSON body that carries a secret of an account.
function assertNoSecrets(body, what) {
	const text = JSON.stringify(body);
	for (const k of ['"password"', 'totp_uri', 'totp_secret', 'otpauth'])
		assert.ok(!text.includes(k), `${what}: ${k} in ${text}`);
}

async function audit(c, id) {
	const r = await c.get(`/api/audit?object_type=user&object_id=${id}`);
	assert.equal(r.status, 200, r.text);
	return r.body.entries.map((e) => e.action);
}

async function state(id) {
	const r = await admin.get('/api/users');
	return r.body.users.find((u) => u.id === id)?.state;
}

test('an admin-made advisor cannot log in before approval', async () => {
	const name = uniqueName('adv');
	const r = await admin.post('/api/users', { username: name,
	    role: 'advisor', org_id: vtA });
	assert.equal(r.status, 201, r.text);
	assert.equal(r.body.state, 'pending_approval');
	assert.equal(r.body.enrol_token, null,
	    'the creator of an account under four eyes gets no link');
	assertNoSecrets(r.body, 'create');
	assert.equal(await state(r.body.id), 'pending_approval');

	// Waiting for approval answers as a wrong password does.
	const c = client(server.url);
	const wrong = await c.post('/api/login', { username: 'demo-reporter',
	    password: 'not-the-password-at-all' });
	for (const pw of ['', 'x', strongPassword(), '!']) {
		const l = await c.post('/api/login', { username: name,
		    password: pw || 'y', totp: '123456' });
		assertError(l, 401, 'unauthenticated');
		assert.equal(l.text, wrong.text);
		assert.equal(l.headers.getSetCookie().length, 0);
	}
	// The admin's lists show the state, never a secret.
	assertNoSecrets((await admin.get('/api/users')).body, 'list');
	assertNoSecrets((await admin.get('/api/users/pending')).body,
	    'pending');
	await loginAs(server, 'demo-reporter');
});

test('an admin account needs a second admin too', async () => {
	const r = await admin.post('/api/users', { username: uniqueName('adm'),
	    role: 'admin', org_id: (await admin.get('/api/me')).body.org_id });
	assert.equal(r.status, 201, r.text);
	assert.equal(r.body.state, 'pending_approval');
	assert.equal(r.body.enrol_token, null);
	assertError(await admin.post(`/api/users/${r.body.id}/approve`), 403,
	    'forbidden');
	const a = await second.post(`/api/users/${r.body.id}/approve`);
	assert.equal(a.status, 200, a.text);
	assert.equal(typeof a.body.enrol_token, 'string');
});

test('the creator cannot approve, nor issue a link', async () => {
	const r = await admin.post('/api/users', { username: uniqueName('adv'),
	    role: 'advisor', org_id: vtA });
	assert.equal(r.status, 201, r.text);
	assertError(await admin.post(`/api/users/${r.body.id}/approve`), 403,
	    'forbidden');
	assertError(await admin.post(`/api/users/${r.body.id}/enrol-link`),
	    403, 'forbidden');
	const pending = (await admin.get('/api/users/pending')).body.users
	    .find((u) => u.id === r.body.id);
	assert.equal(pending?.can_approve, false);
	assert.equal(pending.created_by_me, true);
	const theirs = (await second.get('/api/users/pending')).body.users
	    .find((u) => u.id === r.body.id);
	assert.equal(theirs?.can_approve, true);
	assert.equal(await state(r.body.id), 'pending_approval');
	assert.ok(!(await audit(admin, r.body.id)).includes('user.approve'));
});

test('approve, enrol, log in; each step audited', async () => {
	const name = uniqueName('adv');
	const r = await admin.post('/api/users', { username: name,
	    role: 'advisor', org_id: vtA });
	const a = await second.post(`/api/users/${r.body.id}/approve`);
	assert.equal(a.status, 200, a.text);
	assert.equal(a.body.state, 'pending_enrol');
	const token = a.body.enrol_token;
	assert.match(token, /^[A-Za-z0-9_-]{43}$/);
	// Seven days to use it.
	const exp = Date.parse(a.body.enrol_expires_at) / 1000;
	assert.ok(Math.abs(exp - (Date.now() / 1000 + 7 * 86400)) < 120,
	    a.body.enrol_expires_at);
	// Approved but not enrolled: still no login.
	assertError(await client(server.url).post('/api/login', {
	    username: name, password: 'whatever-it-is-123' }), 401,
	    'unauthenticated');
	assertError(await second.post(`/api/users/${r.body.id}/approve`), 409,
	    'conflict');

	const c = client(server.url);
	const b = await c.post('/api/enrol/begin', { token });
	assert.equal(b.status, 200, b.text);
	assert.equal(b.body.username, name);
	assert.equal(b.body.totp_required, true);
	assert.match(b.body.totp_secret, /^[A-Z2-7]{32}$/);
	assert.match(b.body.totp_qr_svg, /^<svg [^>]*>.*<\/svg>$/s);
	assert.equal(b.headers.get('cache-control'), 'no-store');
	const password = strongPassword();
	// A wrong code, or none, enrols nothing.
	let f = await c.post('/api/enrol', { token, password });
	assertError(f, 400, 'invalid');
	assert.deepEqual(fieldNames(f), ['totp']);
	f = await c.post('/api/enrol', { token, password, totp: '000000' ===
	    totp(b.body.totp_secret) ? '111111' : '000000' });
	assertError(f, 400, 'invalid');
	assert.deepEqual(fieldNames(f), ['totp']);
	assert.equal(await state(r.body.id), 'pending_enrol');
	f = await c.post('/api/enrol', { token, password,
	    totp: totp(b.body.totp_secret) });
	assert.equal(f.status, 200, f.text);
	assert.equal(await state(r.body.id), 'active');

	// The link is one-time.
	const again = await c.post('/api/enrol/begin', { token });
	assertError(again, 400, 'invalid');
	assert.deepEqual(fieldNames(again), ['token']);

	// The enrolment's code was used: the next login waits a step, so
	// log in with the code of the next window.
	const u = client(server.url);
	await u.login(name, password, totp(b.body.totp_secret,
	    Date.now() / 1000 + 30));
	assert.equal((await u.get('/api/me')).body.role, 'advisor');

	const actions = await audit(admin, r.body.id);
	for (const x of ['user.create', 'user.approve', 'user.enrol_link',
	    'user.enrol', 'login'])
		assert.ok(actions.includes(x), `${x} in ${actions}`);
});

test('an approver of the organisation approves; of another, not',
    async () => {
	const here = await newAccount(server, admin, { role: 'advisor',
	    org_id: vtA });
	const there = await newAccount(server, admin, { role: 'advisor',
	    org_id: vtR });
	// Only admins mark approvers; only active personal-data roles.
	const hereC = await here.login();
	assertError(await hereC.post(`/api/users/${here.id}/approver`,
	    { approver: true }), 403, 'forbidden');
	for (const u of [here, there]) {
		const m = await admin.post(`/api/users/${u.id}/approver`,
		    { approver: true });
		assert.equal(m.status, 200, m.text);
		assert.ok((await audit(admin, u.id)).includes('user.approver'));
	}
	const pol = await newAccount(server, admin, { role: 'policy',
	    org_id: vtA });
	assertError(await admin.post(`/api/users/${pol.id}/approver`,
	    { approver: true }), 409, 'conflict');
	const bad = await admin.post(`/api/users/${pol.id}/approver`,
	    { approver: 'yes' });
	assertError(bad, 400, 'invalid');
	assert.deepEqual(fieldNames(bad), ['approver']);

	const r = await admin.post('/api/users', { username: uniqueName('adv'),
	    role: 'advisor', org_id: vtA });
	assert.equal(r.status, 201, r.text);
	const thereC = await there.login();
	const seen = (await thereC.get('/api/users/pending')).body.users;
	assert.ok(!seen.some((u) => u.id === r.body.id),
	    'another organisation\'s approver does not see it');
	assertError(await thereC.post(`/api/users/${r.body.id}/approve`), 404,
	    'not_found');

	const mine = (await hereC.get('/api/users/pending')).body.users;
	const p = mine.find((u) => u.id === r.body.id);
	assert.equal(p?.can_approve, true);
	assert.ok(mine.every((u) => u.org_id === vtA));
	const a = await hereC.post(`/api/users/${r.body.id}/approve`);
	assert.equal(a.status, 200, a.text);
	const e = await enrol(server, a.body.enrol_token);
	assert.ok(e.totp);

	// Someone who is no approver sees nothing and approves nothing.
	const plain = await loginAs(server, 'demo-advisor');
	const r2 = await admin.post('/api/users', { username: uniqueName('a'),
	    role: 'advisor', org_id: vtA });
	assert.deepEqual((await plain.get('/api/users/pending')).body.users,
	    []);
	assertError(await plain.post(`/api/users/${r2.body.id}/approve`), 404,
	    'not_found');
	// An approver no longer: unmarked, and the right is gone.
	assert.equal((await admin.post(`/api/users/${here.id}/approver`,
	    { approver: false })).status, 200);
	assertError(await hereC.post(`/api/users/${r2.body.id}/approve`), 404,
	    'not_found');
	assertError(await hereC.post(`/api/users/${r2.body.id}/enrol-link`),
	    404, 'not_found');
});

test('a policy account needs no approval: the creator gets the link',
    async () => {
	const name = uniqueName('pol');
	const r = await admin.post('/api/users', { username: name,
	    role: 'policy', org_id: vtA });
	assert.equal(r.status, 201, r.text);
	assert.equal(r.body.state, 'pending_enrol');
	assert.match(r.body.enrol_token, /^[A-Za-z0-9_-]{43}$/);
	const b = await client(server.url).post('/api/enrol/begin',
	    { token: r.body.enrol_token });
	assert.equal(b.status, 200, b.text);
	assert.equal(b.body.totp_required, false);
	assert.equal(b.body.totp_qr_svg, null);
	assertError(await client(server.url).post('/api/login', { username:
	    name, password: 'whatever-it-is-123' }), 401,
	    'unauthenticated');
});

test('a new link kills the old; an expired link is refused', async () => {
	const r = await admin.post('/api/users', { username: uniqueName('adv'),
	    role: 'advisor', org_id: vtA });
	const a = await second.post(`/api/users/${r.body.id}/approve`);
	const old = a.body.enrol_token;
	const n = await second.post(`/api/users/${r.body.id}/enrol-link`);
	assert.equal(n.status, 200, n.text);
	assert.notEqual(n.body.enrol_token, old);
	const c = client(server.url);
	assertError(await c.post('/api/enrol/begin', { token: old }), 400,
	    'invalid');
	assert.equal((await c.post('/api/enrol/begin',
	    { token: n.body.enrol_token })).status, 200);

	await sql(server.dataDir, 'UPDATE app_user SET enrol_expires_at = ' +
	    `${nowSql(server.dataDir)} - 1 WHERE id = ${r.body.id}`);
	const x = await c.post('/api/enrol', { token: n.body.enrol_token,
	    password: strongPassword(), totp: '123456' });
	assertError(x, 400, 'invalid');
	assert.deepEqual(fieldNames(x), ['token']);
	assert.equal(await state(r.body.id), 'pending_enrol');
	// A fresh one works again, and is audited.
	const f = await second.post(`/api/users/${r.body.id}/enrol-link`);
	assert.equal(f.status, 200, f.text);
	await enrol(server, f.body.enrol_token);
	assert.equal(await state(r.body.id), 'active');
	assertError(await second.post(`/api/users/${r.body.id}/enrol-link`),
	    409, 'conflict');
	const actions = await audit(admin, r.body.id);
	assert.equal(actions.filter((x2) => x2 === 'user.enrol_link').length,
	    3);
});

test('bad enrolment input is named and changes nothing', async () => {
	const c = client(server.url);
	for (const token of ['', 'x', 'A'.repeat(43)]) {
		const r = await c.post('/api/enrol/begin', { token });
		assertError(r, 400, 'invalid', token);
		assert.deepEqual(fieldNames(r), ['token']);
	}
	let r = await c.post('/api/enrol', { token: 'A'.repeat(43) });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['password']);
	r = await c.post('/api/enrol', { token: 'A'.repeat(43),
	    password: strongPassword(), extra: 1 });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['extra']);
});

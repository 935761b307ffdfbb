// accounts: new accounts the way the API makes them, under four eyes.
//
//   const u = await newAccount(server, admin, { role: 'advisor',
//       org_id: 3 });
//   u.username, u.password, u.totp (base32 or null), u.id
//   await u.login()                 // a client logged in as u (twice at
//                                   // most with a second factor)
//
// The creator (a logged-in admin client) posts /api/users without a
// password; when the role needs a second person, opts.approver approves
// it (default: the real administrator when the creator is demo-admin,
// else demo-admin), which yields the enrolment link's token.  The user
// then enrols through the link: a password of their own and, when the
// role needs one, the second factor's first code.

import assert from 'node:assert/strict';

import { client } from './http.mjs';
import { totp } from './totp.mjs';
import { loginAs, strongPassword, uniqueName } from './util.mjs';

// A client of the real administrator, logged in once per server (a
// TOTP code may be used once).
export async function realAdmin(server) {
	if (!server.realAdminClient) {
		const u = server.users.admin;
		const c = client(server.url);
		const now = Date.now() / 1000;
		// When a test used this window's code, the next one's is fresh.
		const r = await c.post('/api/login', { username: 'admin',
		    password: u.password, totp: totp(u.totp, now) });
		if (r.status !== 200)
			await c.login('admin', u.password, totp(u.totp, now + 30));
		else
			c.setCsrf(r.body.csrf_token);
		server.realAdminClient = c;
	}
	return server.realAdminClient;
}

// A second admin beside creator: never the one who made the account.
export async function otherAdmin(server, creator) {
	const me = (await creator.get('/api/me')).body;
	return me.username === 'demo-admin' ? realAdmin(server) :
	    loginAs(server, 'demo-admin');
}

// Enrol through the link's token: resolves {password, totp}.
export async function enrol(server, token, password = strongPassword()) {
	const c = client(server.url);
	const b = await c.post('/api/enrol/begin', { token });
	assert.equal(b.status, 200, b.text);
	const body = { token, password };
	// The previous window's code, so that logins now and in the next
	// window are fresh (a step once used is refused).
	if (b.body.totp_required)
		body.totp = totp(b.body.totp_secret, Date.now() / 1000 - 30);
	const f = await c.post('/api/enrol', body);
	assert.equal(f.status, 200, f.text);
	return { password, totp: b.body.totp_secret ?? null };
}

export async function newAccount(server, creator, fields, opts = {}) {
	const body = { username: uniqueName(fields.role ?? 'u'), ...fields };
	const r = await creator.post('/api/users', body);
	assert.equal(r.status, 201, r.text);
	let token = r.body.enrol_token;
	if (r.body.state === 'pending_approval') {
		assert.equal(token, null, 'the creator never gets the link');
		const approver = opts.approver ??
		    await otherAdmin(server, creator);
		const a = await approver.post(`/api/users/${r.body.id}/approve`);
		assert.equal(a.status, 200, a.text);
		token = a.body.enrol_token;
	}
	const e = await enrol(server, token, opts.password);
	const u = { ...body, id: r.body.id, ...e };
	// Two logins with a second factor: now and the next window's code.
	let logins = 0;
	u.login = async () => {
		const c = client(server.url);
		assert.ok(!u.totp || logins < 2, 'a third login needs a wait');
		await c.login(u.username, u.password, u.totp ?
		    totp(u.totp, Date.now() / 1000 + 30 * logins) : undefined);
		logins++;
		return c;
	};
	return u;
}

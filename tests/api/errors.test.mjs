// Bad requests get the one error shape, a status that says what was
// wrong, the names of the fields at fault, and change nothing:
// unknown paths and methods, malformed and duplicate-key JSON, unknown
// fields, wrong types, missing fields, the wrong Content-Type, a body
// where none belongs, an oversized body and invalid UTF-8.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { client } from '../lib/http.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, postExpectContinue, sessionCookie,
    stopClean, strongPassword, uniqueName } from '../lib/util.mjs';

const MIB = 1024 * 1024;

let server = null;
let admin = null;
let orgId = 0;		// Beheer, for valid org_id values

before(async () => {
	server = await startServer();
	admin = await loginAs(server, 'demo-admin');
	orgId = (await admin.get('/api/me')).body.org_id;
});

after(async () => {
	await stopClean(server);
});

// The organisations and users as the admin sees them.
async function snapshot() {
	const o = await admin.get('/api/orgs');
	const u = await admin.get('/api/users');
	assert.equal(o.status, 200, o.text);
	assert.equal(u.status, 200, u.text);
	return { orgs: o.body.orgs, users: u.body.users };
}

// Runs a rejected request and checks that it changed nothing.
async function rejected(fn) {
	const before = await snapshot();
	const r = await fn();
	assert.deepEqual(await snapshot(), before,
	    `the rejected request (${r.status}) changed something`);
	return r;
}

function validUser(extra = {}) {
	return { username: uniqueName('err'), role: 'policy', org_id: orgId,
	    ...extra };
}

function raw(path, body, headers = {}) {
	return admin.request('POST', path, body, { headers });
}

async function asResult(res) {
	const text = await res.text();
	let body = null;
	try {
		body = JSON.parse(text);
	} catch {
		body = null;
	}
	return { status: res.status, headers: res.headers, body, text };
}

test('unknown paths under /api are 404', async () => {
	for (const p of ['/api/nope', '/api/orgs/1', '/api/orgs/1/x',
	    '/api/users/1/x', '/api/me/', '/api/users//disable', '/api/',
	    '/api/users/%2e%2e/disable']) {
		assertError(await admin.get(p), 404, 'not_found', p);
		assertError(await client(server.url).get(p), 404, 'not_found',
		    `anonymous ${p}`);
	}
	for (const id of ['0', '-1', 'abc', '99999', '1e3', '9999999999999999' +
	    '9999']) {
		assertError(await rejected(() => admin.post(
		    `/api/users/${id}/disable`)), 404, 'not_found', id);
	}
});

test('a wrong method is 405', async () => {
	const cases = [['DELETE', '/api/orgs'], ['PUT', '/api/orgs'],
	    ['PATCH', '/api/users'], ['PUT', '/api/me'], ['GET', '/api/login'],
	    ['GET', '/api/logout'], ['POST', '/api/me'], ['DELETE', '/healthz'],
	    ['GET', '/api/users/1/disable'], ['POST', '/api/audit']];
	for (const [method, path] of cases) {
		const r = await rejected(() => admin.request(method, path));
		assertError(r, 405, 'method_not_allowed', `${method} ${path}`);
	}
});

test('malformed JSON is 400 and the message names the problem',
    async () => {
	const bodies = ['{"name": ', '{name: "x", type: "other"}',
	    '{"name":"x","type":"other",}', "{'name':'x'}", 'nul', '{"a"}',
	    '{"name":"x","type":"other"} trailing'];
	for (const b of bodies) {
		const r = await rejected(() => raw('/api/orgs', b));
		const e = assertError(r, 400, 'invalid', b);
		assert.match(e.message, /malformed JSON/, b);
		assert.match(e.message, /line \d+ column \d+/, b);
	}
	for (const b of ['[]', '"text"', '42', 'null', '[{"name":"x"}]']) {
		const r = await rejected(() => raw('/api/orgs', b));
		const e = assertError(r, 400, 'invalid', b);
		assert.match(e.message, /object|'\{' expected/, b);
	}
	const e = assertError(await rejected(() => raw('/api/orgs', '')), 400,
	    'invalid');
	assert.match(e.message, /empty/);
});

test('duplicate keys are 400, never first- or last-one-wins', async () => {
	const pw = strongPassword();
	const cases = [
		`{"username":"a-dup","username":"b-dup","role":"policy",` +
		    `"org_id":${orgId},"password":"${pw}"}`,
		`{"username":"${uniqueName('dup')}","role":"policy",` +
		    `"role":"admin","org_id":${orgId},"password":"${pw}"}`,
		`{"username":"${uniqueName('dup')}","role":"admin",` +
		    `"role":"policy","org_id":${orgId},"password":"${pw}"}`,
	];
	for (const b of cases) {
		const r = await rejected(() => raw('/api/users', b));
		const e = assertError(r, 400, 'invalid', b);
		assert.match(e.message, /duplicate/i, b);
	}
	const r = await rejected(() => raw('/api/orgs',
	    '{"name":"x-dup","name":"y-dup","type":"other"}'));
	assert.match(assertError(r, 400, 'invalid').message, /duplicate/i);
});

test('an unknown field is 400 and named', async () => {
	let r = await rejected(() => admin.post('/api/orgs', { name:
	    uniqueName('org'), type: 'other', colour: 'red' }));
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['colour']);

	r = await rejected(() => admin.post('/api/users',
	    validUser({ is_admin: true, totp: '123456' })));
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r).sort(), ['is_admin', 'totp']);

	r = await client(server.url).post('/api/login', { username: 'x',
	    password: 'y', remember: true });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['remember']);
});

test('wrong types are 400 and every wrong field is named', async () => {
	let r = await rejected(() => admin.post('/api/users', { username: 5,
	    role: true, org_id: 'x', password: [] }));
	// (password: wrong type here; any password is refused anyway)
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r).sort(),
	    ['org_id', 'password', 'role', 'username']);

	r = await rejected(() => admin.post('/api/users',
	    validUser({ org_id: 1.5 })));
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['org_id']);

	r = await rejected(() => admin.post('/api/users',
	    validUser({ org_id: String(orgId) })));
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['org_id']);

	r = await rejected(() => admin.post('/api/orgs', { name: { x: 1 },
	    type: null, municipality: 363 }));
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r).sort(),
	    ['municipality', 'name', 'type']);
});

test('missing required fields are 400 and named', async () => {
	let r = await rejected(() => admin.post('/api/orgs', {}));
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r).sort(), ['name', 'type']);

	r = await rejected(() => admin.post('/api/users', {}));
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r).sort(), ['org_id', 'role', 'username']);

	// An admin never sets a password: the user does, at enrolment.
	r = await rejected(() => admin.post('/api/users',
	    validUser({ password: strongPassword() })));
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['password']);

	r = await rejected(() => admin.post('/api/orgs', { name: '',
	    type: 'other' }));
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['name']);
});

test('a JSON route refuses other content types with 415', async () => {
	const body = JSON.stringify({ name: uniqueName('ct'), type: 'other' });
	for (const ct of ['text/plain', 'application/x-www-form-urlencoded',
	    'multipart/form-data; boundary=x', 'application/jsonx',
	    'text/json']) {
		const r = await rejected(() => raw('/api/orgs', body,
		    { 'content-type': ct }));
		assertError(r, 415, 'unsupported_media_type', ct);
	}
	const r = await rejected(() => raw('/api/orgs', body,
	    { 'content-type': null }));
	assertError(r, 415, 'unsupported_media_type', 'no Content-Type');

	// With a charset parameter it is still JSON.
	const ok = await raw('/api/orgs', body,
	    { 'content-type': 'application/json; charset=utf-8' });
	assert.equal(ok.status, 201, ok.text);
});

test('a body on a route that takes none is 400 and does nothing',
    async () => {
	const c = await loginAs(server, 'demo-policy');
	const r = await c.post('/api/logout', { now: true });
	assertError(r, 400, 'invalid');
	assert.equal((await c.get('/api/me')).status, 200,
	    'the session must survive the refused logout');

	const u = await admin.post('/api/users', validUser());
	assert.equal(u.status, 201, u.text);
	const d = await rejected(() => admin.post(
	    `/api/users/${u.body.id}/disable`, { reason: 'x' }));
	assertError(d, 400, 'invalid');
	assertError(await rejected(() => admin.post(
	    `/api/users/${u.body.id}/disable`, 'x',
	    { headers: { 'content-type': 'text/plain' } })), 400, 'invalid');
});

// Admin's cookie and CSRF token as plain headers.
function adminHeaders() {
	return { cookie: `schakel_session=${sessionCookie(admin)}`,
	    'x-csrf-token': admin.csrf };
}

// Valid JSON padded with spaces to size bytes: the size alone is at fault.
function padded(size, obj) {
	const b = Buffer.alloc(size, 0x20);
	b.write(JSON.stringify(obj), 0);
	return b;
}

test('a body over 1 MiB is 413, and the server answers afterwards',
    async () => {
	const big = padded(MIB + 1, { name: uniqueName('big'), type: 'other' });
	// A client that waits for 100 Continue hears the 413 at once.
	let r = await rejected(() => postExpectContinue(server.url,
	    '/api/orgs', big, adminHeaders()));
	assertError(r, 413, 'too_large', 'Expect: 100-continue');
	assert.equal(r.bodySent, false, 'refused before the body was sent');
	assert.equal((await client(server.url).get('/healthz')).status, 200);
	assert.equal((await admin.get('/api/me')).status, 200);

	// A login is no exception.
	r = await postExpectContinue(server.url, '/api/login',
	    padded(MIB + 1, { username: 'x', password: 'y' }));
	assertError(r, 413, 'too_large', 'login');

	// Exactly 1 MiB is allowed.
	const name = uniqueName('just-fits');
	const ok = await raw('/api/orgs', padded(MIB, { name, type: 'other' }));
	assert.equal(ok.status, 201, ok.text.slice(0, 300));
});

// A stream of n chunks of size spaces, sent without a declared length.
function spaces(n, size) {
	return new ReadableStream({
		start(ctrl) {
			for (let k = 0; k < n; k++)
				ctrl.enqueue(new Uint8Array(size).fill(0x20));
			ctrl.close();
		},
	});
}

// Browsers and fetch() send the whole body before they read the answer.
// The server must let them read the 413 (RFC 9112 section 9.6: close
// lingeringly), not reset the connection under them.  Ten tries, some
// with a larger body, since a reset depends on timing.
test('a client that sends all of an oversized body reads the 413',
    async () => {
	const sizes = [MIB + 1, 4 * MIB];
	const outcomes = [];
	for (let i = 0; i < 10; i++) {
		const big = padded(sizes[i % 2], { name: uniqueName('big'),
		    type: 'other' });
		try {
			const r = await raw('/api/orgs', big);
			outcomes.push(`declared: ${r.status}`);
			assertError(r, 413, 'too_large', 'declared length');
		} catch (err) {
			if (err.code === 'ERR_ASSERTION')
				throw err;
			outcomes.push('declared: ' +
			    (err.cause?.code ?? err.message));
		}
		if (i >= 3)
			continue;
		try {
			const res = await fetch(server.url + '/api/orgs', {
				method: 'POST',
				duplex: 'half',
				headers: { ...adminHeaders(),
				    'content-type': 'application/json' },
				body: spaces(17, 64 * 1024),
			});
			const r = await asResult(res);
			outcomes.push(`chunked: ${r.status}`);
			assertError(r, 413, 'too_large', 'chunked');
		} catch (err) {
			if (err.code === 'ERR_ASSERTION')
				throw err;
			outcomes.push('chunked: ' +
			    (err.cause?.code ?? err.message));
		}
	}
	assert.equal((await client(server.url).get('/healthz')).status, 200,
	    'the server still answers');
	assert.deepEqual(outcomes.filter((o) => !o.endsWith(': 413')), [],
	    'the client could not read the 413');
});

test('invalid UTF-8 is 400 and changes nothing', async () => {
	const bad = [
		[0xff],			// never valid
		[0xc0, 0xaf],		// overlong '/'
		[0xed, 0xa0, 0x80],	// a UTF-16 surrogate
		[0xe2, 0x82],		// truncated sequence
		[0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
	];
	for (const bytes of bad) {
		const body = Buffer.concat([Buffer.from('{"name":"bad'),
		    Buffer.from(bytes), Buffer.from('","type":"other"}')]);
		const r = await rejected(() => raw('/api/orgs', body));
		assertError(r, 400, 'invalid',
		    Buffer.from(bytes).toString('hex'));
	}
	// Also in a key, and in the password of a new user.
	let r = await rejected(() => raw('/api/orgs', Buffer.concat([
	    Buffer.from('{"na'), Buffer.from([0xff]),
	    Buffer.from('me":"x","type":"other"}')])));
	assertError(r, 400, 'invalid');
	const u = validUser();
	r = await rejected(() => raw('/api/users', Buffer.concat([
	    Buffer.from(JSON.stringify(u).slice(0, -2)), Buffer.from([0xfe]),
	    Buffer.from('"}')])));
	assertError(r, 400, 'invalid');
	// An escaped lone surrogate or NUL is no better.
	for (const s of ['"bad\\ud800x"', '"bad\\u0000x"']) {
		r = await rejected(() => raw('/api/orgs',
		    `{"name":${s},"type":"other"}`));
		assertError(r, 400, 'invalid', s);
	}
});

test('control characters in a one-line name are refused', async () => {
	for (const name of ['line\nbreak', 'tab\there', 'bell\u0007',
	    'del\u007f']) {
		const r = await rejected(() => admin.post('/api/orgs',
		    { name: uniqueName(name), type: 'other' }));
		assertError(r, 400, 'invalid', JSON.stringify(name));
		assert.deepEqual(fieldNames(r), ['name']);
	}
});

// Lockout and throttling, each on a server of its own: every test here
// comes from 127.0.0.1, and the per-address throttle would otherwise mix
// with the per-name lockout and with the other test files.
//
//   - 5 failed logins on one name lock that name: the next attempt, even
//     with the right password, is 429 with Retry-After;
//   - an unknown name locks the same way, with the same answers, so a
//     lockout does not reveal whether an account exists;
//   - 20 failures from one address make that address wait.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { client } from '../lib/http.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, sleep, stopClean, uniqueName } from '../lib/util.mjs';

const WRONG = 'not-the-password-at-all';

let known = null;	// locks demo-reporter
let unknown = null;	// locks a name that does not exist
let address = null;	// throttles 127.0.0.1

before(async () => {
	[known, unknown, address] = await Promise.all([startServer(),
	    startServer(), startServer()]);
});

after(async () => {
	await Promise.all([stopClean(known), stopClean(unknown),
	    stopClean(address)]);
});

function login(server, username, password) {
	return client(server.url).post('/api/login', { username, password });
}

function retryAfter(r) {
	const v = r.headers.get('retry-after');
	assert.match(v ?? '', /^[0-9]+$/, `Retry-After '${v}'`);
	return Number(v);
}

// The answers to the lockout, kept for comparing the two servers.
const lockedBodies = {};
const failedBodies = {};

test('5 failures lock a name; then even the right password is 429',
    async () => {
	const pw = known.users['demo-reporter'].password;
	for (let i = 1; i <= 5; i++) {
		const r = await login(known, 'demo-reporter', WRONG);
		assertError(r, 401, 'unauthenticated', `failure ${i}`);
		assert.equal(r.headers.get('retry-after'), null);
		failedBodies.known = r.text;
	}
	const r = await login(known, 'demo-reporter', pw);
	assertError(r, 429, 'rate_limited');
	const wait = retryAfter(r);
	assert.ok(wait > 0 && wait <= 15 * 60, `Retry-After ${wait}`);
	assert.equal(r.headers.getSetCookie().length, 0);
	lockedBodies.known = r.text;

	// Still locked, whatever is tried; the name in other case too.
	assertError(await login(known, 'demo-reporter', WRONG), 429,
	    'rate_limited');
	assertError(await login(known, 'Demo-Reporter', pw), 429,
	    'rate_limited');

	// The lock is on the name, not on everyone.
	const other = client(known.url);
	await other.login('demo-advisor',
	    known.users['demo-advisor'].password);
	assert.equal((await other.get('/api/me')).status, 200);
});

test('an unknown name locks the same way, with the same answers',
    async () => {
	const name = uniqueName('nobody');
	for (let i = 1; i <= 5; i++) {
		const r = await login(unknown, name, WRONG);
		assertError(r, 401, 'unauthenticated', `failure ${i}`);
		failedBodies.unknown = r.text;
	}
	const r = await login(unknown, name, WRONG);
	assertError(r, 429, 'rate_limited');
	const wait = retryAfter(r);
	assert.ok(wait > 0 && wait <= 15 * 60, `Retry-After ${wait}`);
	lockedBodies.unknown = r.text;

	assert.ok(failedBodies.known && lockedBodies.known,
	    'the known-name test ran first');
	assert.equal(failedBodies.unknown, failedBodies.known);
	assert.equal(lockedBodies.unknown, lockedBodies.known);
});

test('20 failures from one address make it wait', async () => {
	// Twenty different names: no name reaches its own lockout.
	for (let i = 1; i <= 20; i++) {
		const r = await login(address, uniqueName(`try${i}`), WRONG);
		assertError(r, 401, 'unauthenticated', `failure ${i}`);
	}
	// The wait doubles with each further failure (1 s, 2 s, 4 s ...);
	// let failures in until it is long enough to try the right password
	// inside it.
	let limited = null;
	for (let i = 0; i < 8 && limited === null; i++) {
		const r = await login(address, uniqueName('more'), WRONG);
		if (r.status !== 429) {
			assertError(r, 401, 'unauthenticated');
			continue;
		}
		assertError(r, 429, 'rate_limited');
		const wait = retryAfter(r);
		assert.ok(wait > 0, `Retry-After ${wait}`);
		if (wait >= 2)
			limited = r;
		else
			await sleep(wait * 1000 + 100);
	}
	assert.ok(limited, 'no 429 with a wait of 2 s or more after 20 ' +
	    'failures');
	const r = await login(address, 'demo-admin',
	    address.users['demo-admin'].password);
	assertError(r, 429, 'rate_limited');
	assert.ok(retryAfter(r) > 0);
	assert.equal(r.headers.getSetCookie().length, 0);

	// Only logins wait: the rest of the server answers.
	assert.equal((await client(address.url).get('/healthz')).status, 200);
});

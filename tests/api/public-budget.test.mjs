// The public form against a flood: every submission needs a solved
// proof-of-work challenge that serves once and expires, and the form has
// a budget per municipality and overall per hour, counted in the
// database.  Beyond it: 429 with Retry-After and the advice point's
// number, nothing filed, and the point's overview shows the refusals.
//
// The server trusts X-Forwarded-For from 127.0.0.1, so each request can
// come from an address of its own (the per-address limit is 5 an hour),
// and its budgets are lowered to 3 per municipality and 5 overall.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { newAccount } from '../lib/accounts.mjs';
import { nonSolution, solve, solvedChallenge, withProof, zeroBits } from
    '../lib/pow.mjs';
import { startServer, testDb } from '../lib/server.mjs';
import { assertError, fieldNames, initDataDir, loginAs, sql, stopClean }
    from '../lib/util.mjs';
import { createHash } from 'node:crypto';

const MUNI_BUDGET = 3;
const TOTAL_BUDGET = 5;

let data = null;
let server = null;
let expired = null;		// a solved challenge from a clock an hour behind
let nextAddr = 1;

const SIGNAL = {
	municipality: 'GM0437',			// Ouder-Amstel: the demo point
	urgency: 'days',
	indicators: ['OM-1a-4'],
	description: 'Schoonmaakster durft niet naar huis.',
	reporter_name: 'Karin Smit',
	reporter_org: 'Huisartsenpraktijk Oost',
	reporter_phone: '020 123 45 67',
};

// From an address of its own each time, so only the budget can refuse.
async function post(body) {
	const r = await fetch(`${server.url}/api/public/signals`, {
		method: 'POST',
		headers: { 'content-type': 'application/json',
		    'x-forwarded-for': `198.51.100.${nextAddr++}` },
		body: JSON.stringify(body) });
	const text = await r.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch {
		json = null;
	}
	return { status: r.status, headers: r.headers, body: json, text };
}

async function count(where) {
	return Number(await sql(server.dataDir, 'SELECT COUNT(*) FROM signal ' +
	    `WHERE unverified = 1${where ? ` AND ${where}` : ''}`));
}

before(async () => {
	data = await initDataDir({ demo: true });
	// A server whose clock is an hour behind hands out a challenge that
	// has expired by the time the real one sees it.
	const past = await startServer({ dataDir: data.dataDir,
	    users: data.users, env: { SCHAKEL_CLOCK_OFFSET: '-3600' } });
	try {
		expired = await solvedChallenge(past.url);
	} finally {
		await stopClean(past);
	}
	server = await startServer({ dataDir: data.dataDir, users: data.users,
	    args: ['--trust-proxy', '127.0.0.1',
		'--public-budget-muni', String(MUNI_BUDGET),
		'--public-budget-total', String(TOTAL_BUDGET)] });
});

after(async () => {
	await stopClean(server);
	data?.remove();
});

test('GET /api/public/challenge: signed, expiring, a difficulty',
    async () => {
	const r = await fetch(`${server.url}/api/public/challenge`);
	assert.equal(r.status, 200);
	assert.equal(r.headers.get('cache-control'), 'no-store');
	const c = await r.json();
	assert.deepEqual(Object.keys(c).sort(), ['algorithm', 'challenge',
	    'difficulty', 'expires_at']);
	assert.equal(c.algorithm, 'sha256');
	assert.equal(c.difficulty, 16);		// the default
	assert.match(c.challenge, /^c1\.\d+\.16\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
	const left = Date.parse(c.expires_at) - Date.now();
	assert.ok(left > 29 * 60 * 1000 && left <= 30 * 60 * 1000 + 2000,
	    `expires in ${left} ms`);
	const again = await (await fetch(`${server.url}/api/public/challenge`))
	    .json();
	assert.notEqual(again.challenge, c.challenge);
	// The solver finds what the server asks for.
	const s = solve(c.challenge, c.difficulty);
	assert.ok(zeroBits(createHash('sha256').update(c.challenge + s)
	    .digest()) >= 16);
});

test('no challenge, a wrong solution, a forged or expired challenge: ' +
    '400 naming the field, nothing filed', async () => {
	const before0 = await count();
	const none = await post(SIGNAL);
	assertError(none, 400, 'invalid');
	assert.deepEqual(fieldNames(none).sort(), ['challenge', 'solution']);

	const { challenge, solution, difficulty } =
	    await solvedChallenge(server.url);
	const wrong = await post({ ...SIGNAL, challenge,
	    solution: nonSolution(challenge, difficulty) });
	assertError(wrong, 400, 'invalid');
	assert.deepEqual(fieldNames(wrong), ['solution']);
	assert.match(wrong.body.error.fields[0].reason, /does not solve/);

	// An easier difficulty written into the challenge breaks the MAC.
	const easier = challenge.replace(/^c1\.(\d+)\.16\./, 'c1.$1.1.');
	const forged = await post({ ...SIGNAL, challenge: easier,
	    solution: solve(easier, 1) });
	assertError(forged, 400, 'invalid');
	assert.deepEqual(fieldNames(forged), ['challenge']);
	assert.match(forged.body.error.fields[0].reason, /not a challenge/);

	const old = await post({ ...SIGNAL, challenge: expired.challenge,
	    solution: expired.solution });
	assertError(old, 400, 'invalid');
	assert.deepEqual(fieldNames(old), ['challenge']);
	assert.match(old.body.error.fields[0].reason, /expired/);

	assert.equal(await count(), before0);
	// The challenge refused for its solution still serves once.
	const ok = await post({ ...SIGNAL, challenge, solution });
	assert.equal(ok.status, 201, ok.text);
	await sql(server.dataDir, 'DELETE FROM signal WHERE receipt = ' +
	    `'${ok.body.receipt}'`);
});

test('a challenge serves once', async () => {
	const proof = await withProof(server.url, SIGNAL);
	const first = await post(proof);
	assert.equal(first.status, 201, first.text);
	const before0 = await count();
	const again = await post(proof);
	assertError(again, 400, 'invalid');
	assert.deepEqual(fieldNames(again), ['challenge']);
	assert.match(again.body.error.fields[0].reason, /used already/);
	assert.equal(await count(), before0);
	// Kept until it expires, by its nonce only.
	const nonce = proof.challenge.split('.')[3];
	assert.equal(await sql(server.dataDir, 'SELECT COUNT(*) FROM ' +
	    `public_challenge WHERE nonce = '${nonce}'`), '1\n');
	await sql(server.dataDir, 'DELETE FROM signal WHERE receipt = ' +
	    `'${first.body.receipt}'`);
});

test('a burst from many addresses: the municipality budget holds',
    async () => {
	assert.equal(await count(), 0);
	const bodies = [];
	for (let i = 0; i < 8; i++)
		bodies.push(await withProof(server.url, SIGNAL));
	const rs = await Promise.all(bodies.map((b) => post(b)));
	const codes = rs.map((r) => r.status).sort();
	assert.deepEqual(codes, [201, 201, 201, 429, 429, 429, 429, 429],
	    rs.map((r) => r.text).join('\n'));
	for (const r of rs.filter((x) => x.status === 429)) {
		const e = assertError(r, 429, 'rate_limited');
		assert.match(e.message, /0800-2000/);
		assert.match(e.message, /this municipality/);
		const wait = Number(r.headers.get('retry-after'));
		assert.ok(wait > 3500 && wait <= 3600, `Retry-After ${wait}`);
	}
	assert.equal(await count("municipality = 'GM0437'"), MUNI_BUDGET);
	assert.equal(await sql(server.dataDir, 'SELECT budget, COUNT(*) FROM ' +
	    "public_refusal WHERE municipality = 'GM0437' GROUP BY budget"),
	    'municipality|5\n');
	// Another municipality still has room.
	const other = await post(await withProof(server.url,
	    { ...SIGNAL, municipality: 'GM0363' }));
	assert.equal(other.status, 201, other.text);
});

test('the overall budget holds too', async () => {
	const last = await post(await withProof(server.url,
	    { ...SIGNAL, municipality: 'GM0363' }));
	assert.equal(last.status, 201, last.text);
	assert.equal(await count(), TOTAL_BUDGET);
	const r = await post(await withProof(server.url,
	    { ...SIGNAL, municipality: 'GM0599' }));	// Rotterdam
	const e = assertError(r, 429, 'rate_limited');
	assert.match(e.message, /at all/);
	assert.match(e.message, /0800-2000/);
	assert.ok(Number(r.headers.get('retry-after')) > 0);
	assert.equal(await count(), TOTAL_BUDGET);
	assert.equal(await count("municipality = 'GM0599'"), 0);
	assert.equal(await sql(server.dataDir, 'SELECT budget FROM ' +
	    "public_refusal WHERE municipality = 'GM0599'"), 'total\n');
});

// An advisor of the Rotterdam demo point, made through the API.
async function rotterdamAdvisor() {
	const admin = await loginAs(server, 'demo-admin');
	const orgs = (await admin.get('/api/orgs')).body.orgs;
	const org = orgs.find((o) => /Rotterdam/.test(o.name) &&
	    o.type === 'advice_point');
	assert.ok(org, JSON.stringify(orgs));
	const u = await newAccount(server, admin, { role: 'advisor',
	    org_id: org.id });
	return u.login();
}

test('the point sees its own municipalities refused, no one else\'s',
    async () => {
	const amsterdam = await loginAs(server, 'demo-advisor');
	const a = await amsterdam.get('/api/signals/overview');
	assert.equal(a.status, 200, a.text);
	assert.equal(a.body.public_refused.length, 1, a.text);
	const [x] = a.body.public_refused;
	assert.deepEqual(Object.keys(x).sort(), ['count', 'first_at',
	    'last_at', 'municipality', 'municipality_name',
	    'overall_budget']);
	assert.equal(x.municipality, 'GM0437');
	assert.equal(x.municipality_name, 'Ouder-Amstel');
	assert.equal(x.count, 5);
	assert.equal(x.overall_budget, 0);
	assert.ok(Date.now() - Date.parse(x.last_at) < 10 * 60 * 1000);
	assert.ok(Date.parse(x.first_at) <= Date.parse(x.last_at));
	// Counts and times only: nothing the reporters typed.
	assert.doesNotMatch(a.text, /Karin|Huisartsen|Schoonmaak|198\.51/);

	const rotterdam = await rotterdamAdvisor();
	const b = await rotterdam.get('/api/signals/overview');
	assert.equal(b.status, 200, b.text);
	assert.deepEqual(b.body.public_refused.map((y) => [y.municipality,
	    y.count, y.overall_budget]), [['GM0599', 1, 1]]);
});

test('refusals older than a day leave the overview', async () => {
	await sql(server.dataDir, 'UPDATE public_refusal SET at = at - 86401');
	const amsterdam = await loginAs(server, 'demo-advisor');
	const a = await amsterdam.get('/api/signals/overview');
	assert.deepEqual(a.body.public_refused, []);
});

// Several servers on one PostgreSQL database count one budget: a burst
// spread over two of them files no more than the municipality's share.
test('two servers on one database share the budget',
    { skip: testDb() !== 'pg' && 'PostgreSQL only' }, async () => {
	await sql(server.dataDir, 'DELETE FROM signal WHERE unverified = 1');
	const second = await startServer({ dataDir: data.dataDir,
	    users: data.users, args: ['--trust-proxy', '127.0.0.1',
		'--public-budget-muni', String(MUNI_BUDGET),
		'--public-budget-total', String(TOTAL_BUDGET)] });
	try {
		const bodies = [];
		for (let i = 0; i < 8; i++)
			bodies.push(await withProof(i % 2 ? second.url :
			    server.url, { ...SIGNAL, municipality: 'GM0014' }));
		const rs = await Promise.all(bodies.map((b, i) => fetch(
		    `${i % 2 ? second.url : server.url}/api/public/signals`, {
			method: 'POST',
			headers: { 'content-type': 'application/json',
			    'x-forwarded-for': `203.0.113.${i + 1}` },
			body: JSON.stringify(b) })));
		const codes = rs.map((r) => r.status).sort();
		assert.deepEqual(codes, [201, 201, 201, 429, 429, 429, 429,
		    429]);
		assert.equal(await count("municipality = 'GM0014'"),
		    MUNI_BUDGET);
		// A challenge from one server serves once across both.
		const proof = await withProof(server.url, { ...SIGNAL,
		    municipality: 'GM0363' });
		const post2 = (url) => fetch(`${url}/api/public/signals`, {
			method: 'POST',
			headers: { 'content-type': 'application/json',
			    'x-forwarded-for': `203.0.113.${nextAddr++}` },
			body: JSON.stringify(proof) });
		assert.equal((await post2(second.url)).status, 201);
		const again = await post2(server.url);
		assert.equal(again.status, 400);
		assert.match(await again.text(), /used already/);
	} finally {
		await stopClean(second);
	}
});

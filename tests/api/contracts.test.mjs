// Care contracts (/api/contracts) and the gap report (/api/gap,
// /api/gap.csv).  A policy user registers, changes and ends a contract
// of their own region; a contract of another region is a 404 to them;
// bad input names the field; the gap report never sends a demand count
// from 1 to 9 to a policy user or the rapporteur, and the CSV carries
// the same cells.  Runs on SQLite and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql,
    stopClean } from '../lib/util.mjs';

let server = null;
let policy = null;
let rapporteur = null;
let admin = null;
let region = null;
let other = null;
let provider = null;
const year = new Date().getUTCFullYear() - 1;
const q2 = Math.floor(Date.UTC(year, 4, 15, 12) / 1000);

before(async () => {
	server = await startServer();
	// The demo's needs and referrals into a closed quarter.
	await sql(server.dataDir, `UPDATE case_need SET added_at = ${q2};` +
	    ` UPDATE referral SET sent_at = ${q2 + 86400},` +
	    ` answered_at = CASE WHEN answered_at IS NULL THEN NULL ELSE` +
	    ` ${q2 + 5 * 86400} END;`);
	policy = await loginAs(server, 'demo-policy');
	rapporteur = await loginAs(server, 'demo-rapporteur');
	admin = await loginAs(server, 'demo-admin');
	const a = await policy.get('/api/insight/areas');
	assert.equal(a.status, 200, a.text);
	const mine = a.body.areas.filter((x) => x.level === 'region' &&
	    x.type === 'care_coordination');
	assert.ok(mine.length > 0, 'demo-policy has a care region');
	region = Number(mine[0].code);
	const ids = mine.map((x) => Number(x.code)).join(',');
	other = Number((await sql(server.dataDir, 'SELECT id FROM region' +
	    ` WHERE type = 'care_coordination' AND id NOT IN (${ids})` +
	    ' ORDER BY id LIMIT 1')).trim());
	provider = Number((await sql(server.dataDir, 'SELECT id FROM org' +
	    " WHERE type = 'provider' ORDER BY id LIMIT 1")).trim());
	assert.ok(other > 0 && provider > 0);
});

after(async () => {
	await stopClean(server);
});

function body(over = {}) {
	return { provider_org: provider, care_type: 'SAFE-SHELTER',
	    capacity: 12, unit: 'places', region_id: region,
	    from: `${year}-01-01`, to: `${year + 1}-12-31`, ...over };
}

test('a policy user registers, changes and ends a contract', async () => {
	// The demo's contracts: Amsterdam's for the policy user, Rotterdam's
	// too for the rapporteur.
	const d = (await policy.get('/api/contracts')).body.contracts;
	assert.ok(d.length >= 5 && d.every((x) => x.region_id === region),
	    JSON.stringify(d));
	assert.ok((await rapporteur.get('/api/contracts')).body.contracts
	    .length >= 8);
	const c = await policy.post('/api/contracts', body());
	assert.equal(c.status, 201, c.text);
	assert.equal(c.body.capacity, 12);
	assert.equal(c.body.region_id, region);
	const l = await policy.get('/api/contracts');
	assert.equal(l.status, 200);
	assert.ok(l.body.contracts.some((x) => x.id === c.body.id));
	const u = await policy.post(`/api/contracts/${c.body.id}`,
	    body({ capacity: 20, unit: 'hours' }));
	assert.equal(u.status, 200, u.text);
	assert.equal(u.body.capacity, 20);
	assert.equal(u.body.unit, 'hours');
	const e = await policy.post(`/api/contracts/${c.body.id}/end`,
	    { on: `${year}-06-30` });
	assert.equal(e.status, 200, e.text);
	assert.equal(e.body.to, `${year}-06-30`);
	assert.ok(e.body.ended_at !== null);
	assertError(await policy.post(`/api/contracts/${c.body.id}`, body()),
	    409);
	const n = await sql(server.dataDir, 'SELECT COUNT(*) FROM audit' +
	    ` WHERE object_type = 'contract' AND object_id = ${c.body.id}`);
	assert.equal(Number(n.trim()), 3);
	// The rapporteur reads it, and changes nothing.
	assert.equal((await rapporteur.get(`/api/contracts/${c.body.id}`))
	    .status, 200);
	assertError(await rapporteur.post('/api/contracts', body()), 403);
});

test('bad input names the field and changes nothing', async () => {
	const before_ = (await policy.get('/api/contracts')).body.contracts
	    .length;
	const cases = [
		[body({ care_type: 'NOPE' }), 'care_type'],
		[body({ unit: 'beds' }), 'unit'],
		[body({ capacity: 0 }), 'capacity'],
		[body({ capacity: 'ten' }), 'capacity'],
		[body({ from: '2025-02-30' }), 'from'],
		[body({ to: `${year - 1}-01-01` }), 'to'],
		[body({ provider_org: 1 }), 'provider_org'],
		[body({ region_id: other }), 'region_id'],
		[body({ extra: 1 }), 'extra'],
	];
	for (const [b, field] of cases) {
		const r = await policy.post('/api/contracts', b);
		assertError(r, 400, 'invalid', field);
		assert.ok(fieldNames(r).includes(field),
		    `${field}: ${r.text}`);
	}
	const m = { ...body() };
	delete m.to;
	assert.ok(fieldNames(await policy.post('/api/contracts', m))
	    .includes('to'));
	assert.equal((await policy.get('/api/contracts')).body.contracts
	    .length, before_);
});

test('another region\'s contract is a 404 to a policy user', async () => {
	const c = await admin.post('/api/contracts', body({ region_id: other }));
	assert.equal(c.status, 201, c.text);
	assertError(await policy.get(`/api/contracts/${c.body.id}`), 404);
	assertError(await policy.post(`/api/contracts/${c.body.id}`, body()),
	    404);
	assertError(await policy.post(`/api/contracts/${c.body.id}/end`, {}),
	    404);
	assert.ok(!(await policy.get('/api/contracts')).body.contracts
	    .some((x) => x.id === c.body.id));
	assert.equal((await rapporteur.get(`/api/contracts/${c.body.id}`))
	    .status, 200);
	assertError(await policy.get(`/api/gap?region=${other}&year=${year}`),
	    404);
});

function assertDemandSafe(g, what) {
	for (const r of g.rows)
		for (const [k, c] of Object.entries(r.demand)) {
			if (k === 'median_wait_days')
				continue;
			if ('v' in c)
				assert.ok(c.v === 0 || (c.v >= 10 &&
				    c.v % 5 === 0), `${what} ${r.care_type}` +
				    ` ${k}: ${c.v}`);
			else
				assert.ok(c.s === '<10' || c.s === 'x');
		}
}

test('the gap report never shows a count from 1 to 9', async () => {
	await policy.post('/api/contracts', body({ care_type: 'TRAUMA',
	    capacity: 1 }));
	const q = `/api/gap?region=${region}&year=${year}`;
	const a = await policy.get(q);
	assert.equal(a.status, 200, a.text);
	assert.equal(a.body.year, year);
	assert.ok(a.body.rows.length > 2);
	assert.ok(a.body.rows.at(-1).total);
	assertDemandSafe(a.body, 'policy');
	const t = a.body.rows.find((r) => r.care_type === 'TRAUMA');
	assert.ok(t.supply.places >= 1);
	const b = await rapporteur.get(q);
	assert.equal(b.status, 200, b.text);
	assertDemandSafe(b.body, 'rapporteur');
	// The same cells for everyone, however often asked.
	assert.deepEqual(b.body.rows.map((r) => r.demand),
	    a.body.rows.map((r) => r.demand));
	assertError(await policy.get(`/api/gap?region=${region}&year=1900`),
	    400);
	assertError(await policy.get('/api/gap'), 400);
	const n = await sql(server.dataDir, 'SELECT COUNT(*) FROM' +
	    " insight_release WHERE tbl = 'gap'");
	assert.ok(Number(n.trim()) >= 2);
});

test('the gap report as CSV', async () => {
	const r = await policy.get(`/api/gap.csv?region=${region}` +
	    `&year=${year}&lang=en`);
	assert.equal(r.status, 200, r.text);
	assert.match(r.headers.get('content-type'), /^text\/csv/);
	assert.match(r.headers.get('content-disposition'), /attachment/);
	const text = r.text.replace(/^\uFEFF/, '');
	const lines = text.split('\r\n').filter((l) => l !== '');
	assert.match(lines[0], /^care_type,label,needs,referrals,/);
	for (const l of lines.slice(1)) {
		// Labels may hold commas inside quotes: read the counts from
		// the end, where none is quoted.
		const f = l.split(',');
		const counts = f.slice(-8, -5);
		for (const c of counts)
			assert.ok(c === '<10' || c === 'x' || c === '0' ||
			    (Number(c) >= 10 && Number(c) % 5 === 0),
			    `${l}: ${c}`);
	}
});

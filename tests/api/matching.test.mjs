// Matching without an oracle: an account files at most a day's worth of
// signals and people, a reporter learns of a match only once the point
// has taken the signal up, every match shown is on the audit trail with
// whom it was shown to, and the point sees unusual volumes.  Runs on
// SQLite and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { assertError, loginAs, sql, stopClean } from '../lib/util.mjs';

let server = null;
let small = null;	// a server with low limits

const person = (i, extra = {}) => ({ kind: 'victim',
    name: `Persoon Nummer ${i}`, birth_date: '1990-01-01', ...extra });
const signal = (persons) => ({ municipality: 'GM0363', urgency: 'days',
    description: 'Zorgen over uitbuiting in een nagelstudio.', persons });

before(async () => {
	[server, small] = await Promise.all([startServer(),
	    startServer({ args: ['--daily-signals', '4',
	    '--daily-persons', '12'] })]);
});

after(async () => {
	await Promise.all([stopClean(server), stopClean(small)]);
});

async function count(srv, where) {
	return Number((await sql(srv.dataDir,
	    `SELECT COUNT(*) FROM ${where}`)).trim());
}

test('a reporter learns of a match only after the point claims',
    async () => {
	const reporter = await loginAs(server, 'demo-reporter');
	const provider = await loginAs(server, 'demo-provider');
	const advisor = await loginAs(server, 'demo-advisor');
	const known = { kind: 'victim', name: 'Ioana Marin',
	    id_number: '111222333' };
	const first = await reporter.post('/api/signals', signal([known]));
	assert.equal(first.status, 201, first.text);
	// Another organisation names the known person and an invented one.
	const probe = await provider.post('/api/signals', signal([
	    { ...known, name: 'I. Marin' }, person(1)]));
	const blank = await provider.post('/api/signals', signal([person(2)]));
	assert.equal(probe.status, 201, probe.text);
	// A signal with a match answers exactly like one without.
	const a = (await provider.get(`/api/signals/${probe.body.id}`)).body;
	const b = (await provider.get(`/api/signals/${blank.body.id}`)).body;
	assert.deepEqual(a.also_concerned, []);
	assert.deepEqual(b.also_concerned, []);
	assert.equal(a.also_concerned_after_claim, true);
	assert.equal(b.also_concerned_after_claim, true);
	const line = (await provider.get('/api/signals/mine?per_page=100')).body.signals
	    .find((s) => s.id === probe.body.id);
	assert.equal(line.also_concerned, 0);
	assert.equal(await count(server, "audit WHERE action = " +
	    "'signal.match.reveal'"), 0);

	// The point sees it at once, and that is on the record.
	const seen = await advisor.get(`/api/signals/${probe.body.id}`);
	assert.ok(seen.body.also_concerned.some((w) =>
	    w.username === 'demo-reporter'), seen.text);
	// Named by the real name the account has (made up for the demo).
	assert.match(seen.body.also_concerned.find((w) =>
	    w.username === 'demo-reporter').real_name, /^\S+( \S+)+$/);
	const claim = await advisor.post(`/api/signals/${probe.body.id}/claim`);
	assert.equal(claim.status, 200, claim.text);
	// Claimed: now the reporter sees who else is concerned.
	const now = await provider.get(`/api/signals/${probe.body.id}`);
	assert.equal(now.body.also_concerned_after_claim, false);
	assert.ok(now.body.also_concerned.some((w) =>
	    w.username === 'demo-reporter'), now.text);
	// Every match shown, to whom, and where.
	const rows = (await sql(server.dataDir, 'SELECT u.username, ' +
	    'a.object_id, a.reason FROM audit a JOIN app_user u ON ' +
	    "u.id = a.user_id WHERE a.action = 'signal.match.reveal' " +
	    'ORDER BY a.id')).trim().split('\n');
	assert.deepEqual(rows, [
	    `demo-advisor|${first.body.id}|shown on signal ${probe.body.id}`,
	    `demo-provider|${first.body.id}|shown on signal ${probe.body.id}`]);
});

test('an account files at most a day\'s signals, then a clear refusal',
    async () => {
	const coordinator = await loginAs(small, 'demo-coordinator');
	const before = await count(small, 'signal');
	const mine = (await coordinator.get('/api/signals/mine?per_page=100')).body.signals;
	const today = mine.filter((s) => Date.parse(s.created_at) >
	    Date.now() - 86400e3).length;
	for (let i = today; i < 4; i++) {
		const r = await coordinator.post('/api/signals',
		    signal([person(i)]));
		assert.equal(r.status, 201, r.text);
	}
	const refused = await coordinator.post('/api/signals',
	    signal([person(9)]));
	const e = assertError(refused, 429, 'rate_limited');
	assert.match(e.message, /4 signals in the last 24 hours/);
	assert.ok(Number(refused.headers.get('retry-after')) > 0);
	assert.equal(await count(small, 'signal'), before + 4 - today);
	assert.equal(await count(small, "signal_refusal WHERE " +
	    "limit_kind = 'signals'"), 1);
});

test('and at most a day\'s people', async () => {
	const reporter = await loginAs(small, 'demo-provider');
	const ten = Array.from({ length: 10 }, (_, i) => person(100 + i));
	const r = await reporter.post('/api/signals', signal(ten));
	assert.equal(r.status, 201, r.text);
	const before = await count(small, 'signal_person');
	const over = await reporter.post('/api/signals',
	    signal([person(200), person(201), person(202)]));
	const e = assertError(over, 429, 'rate_limited');
	assert.match(e.message, /12 people/);
	assert.equal(await count(small, 'signal_person'), before);
	// Eleven per signal is refused as input, before any count.
	const eleven = Array.from({ length: 11 }, (_, i) => person(300 + i));
	assertError(await reporter.post('/api/signals', signal(eleven)), 400,
	    'invalid');
});

test('the point sees accounts with unusual volumes', async () => {
	const advisor = await loginAs(small, 'demo-advisor');
	const ov = await advisor.get('/api/signals/overview');
	assert.equal(ov.status, 200, ov.text);
	const v = ov.body.unusual_volume;
	const coord = v.find((x) => x.username === 'demo-coordinator');
	assert.ok(coord, JSON.stringify(v));
	assert.equal(coord.refused, 1);
	assert.ok(coord.signals >= 4);
	assert.ok(coord.org_name);
	const prov = v.find((x) => x.username === 'demo-provider');
	assert.equal(prov.refused, 1);
	assert.ok(prov.persons >= 10);
	// Counts and names of professionals only, nobody they reported.
	assert.doesNotMatch(ov.text, /Persoon|nagelstudio/);
});

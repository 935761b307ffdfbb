// Signals and questions for advice about a municipality that no Veilig
// Thuis region covers belong to the national fallback point an admin
// names, never to every advisor; a new region takes over what waited for
// it.  Runs on SQLite and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql, stopClean, uniqueName }
    from '../lib/util.mjs';

let server = null;
let admin = null;
let reporter = null;
let advisor = null;
let orgs = [];

// Groningen: in no demo region.
const OUTSIDE = 'GM0014';

const signal = (municipality) => ({ municipality, urgency: 'days',
    description: 'Jongen slaapt op het bedrijf en krijgt geen loon.',
    persons: [{ kind: 'victim', name: 'Piet Outside',
    birth_date: '2008-01-02' }] });

before(async () => {
	server = await startServer();
	admin = await loginAs(server, 'demo-admin');
	reporter = await loginAs(server, 'demo-reporter');
	advisor = await loginAs(server, 'demo-advisor');
	orgs = (await admin.get('/api/orgs')).body.orgs;
});

after(async () => {
	await stopClean(server);
});

const org = (name) => orgs.find((o) => o.name === name);
const AMSTERDAM = 'Veilig Thuis Amsterdam-Amstelland (demo)';
const ROTTERDAM = 'Veilig Thuis Rotterdam-Rijnmond (demo)';

async function queueIds(c) {
	const q = await c.get('/api/signals/queue?per_page=100');
	assert.equal(q.status, 200, q.text);
	return q.body.signals.map((s) => s.id);
}

test('without a fallback point an unrouted signal is nobody\'s',
    async () => {
	const before = (await admin.get('/api/fallback-point')).body;
	assert.equal(before.org_id, null);
	const f = await reporter.post('/api/signals', signal(OUTSIDE));
	assert.equal(f.status, 201, f.text);
	const id = f.body.id;
	// The advisor of an unrelated point neither reads nor decides it.
	assertError(await advisor.get(`/api/signals/${id}`), 404, 'not_found');
	assertError(await advisor.post(`/api/signals/${id}/claim`), 404,
	    'not_found');
	assert.ok(!(await queueIds(advisor)).includes(id));
	// The reporter still follows their own.
	assert.equal((await reporter.get(`/api/signals/${id}`)).status, 200);
	// The admin's start page counts what waits without an owner.
	const after = (await admin.get('/api/fallback-point')).body;
	assert.equal(after.unrouted_signals, before.unrouted_signals + 1);
});

test('the fallback point must be an advice point, named by an admin',
    async () => {
	const bad = await admin.post('/api/fallback-point',
	    { org_id: org('Gemeente Amsterdam (demo)').id });
	assertError(bad, 400, 'invalid');
	assert.deepEqual(fieldNames(bad), ['org_id']);
	const missing = await admin.post('/api/fallback-point',
	    { org_id: 987654 });
	assert.deepEqual(fieldNames(missing), ['org_id']);
	assertError(await admin.post('/api/fallback-point', { org_id: 'x' }),
	    400, 'invalid');
	assertError(await advisor.post('/api/fallback-point',
	    { org_id: org(AMSTERDAM).id }), 403, 'forbidden');
	assert.equal((await admin.get('/api/fallback-point')).body.org_id,
	    null);
});

test('the fallback point, and only it, takes unrouted signals and advice',
    async () => {
	const f = await reporter.post('/api/signals', signal(OUTSIDE));
	const id = f.body.id;
	const a = await reporter.post('/api/advice', { municipality: OUTSIDE,
	    question: 'Een klant vertelt dat zijn baas zijn paspoort heeft.' });
	assert.equal(a.status, 201, a.text);

	// Another point is named: the demo advisor still sees nothing.
	let r = await admin.post('/api/fallback-point',
	    { org_id: org(ROTTERDAM).id });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.body.org_name, ROTTERDAM);
	assertError(await advisor.get(`/api/signals/${id}`), 404, 'not_found');
	assertError(await advisor.post(`/api/advice/${a.body.id}/answer`,
	    { answer: 'Bel ons.' }), 404, 'not_found');
	const aq = (await advisor.get('/api/advice/queue')).body.advice;
	assert.ok(!aq.some((x) => x.id === a.body.id));

	// The demo advisor's point is named: now it is theirs.
	r = await admin.post('/api/fallback-point',
	    { org_id: org(AMSTERDAM).id });
	assert.equal(r.status, 200, r.text);
	assert.ok((await queueIds(advisor)).includes(id));
	assert.equal((await advisor.get(`/api/signals/${id}`)).status, 200);
	const ov = (await advisor.get('/api/signals/overview')).body;
	assert.ok(ov.received >= 1);
	const ans = await advisor.post(`/api/advice/${a.body.id}/answer`,
	    { answer: 'Dat is een signaal van uitbuiting; bel ons.' });
	assert.equal(ans.status, 200, ans.text);
	const acts = await sql(server.dataDir, 'SELECT action FROM audit ' +
	    "WHERE action = 'fallback.set' AND object_type = 'org'");
	assert.equal(acts.trim().split('\n').length, 2);
	// Put it back for the next test.
	await admin.post('/api/fallback-point', { org_id: org(ROTTERDAM).id });
});

test('a new region takes over what waited for its municipalities',
    async () => {
	const f = await reporter.post('/api/signals', signal('GM0034'));
	const id = f.body.id;				// Almere
	const a = await reporter.post('/api/advice', { municipality: 'GM0034',
	    question: 'Mag ik anoniem overleggen over een buurvrouw?' });
	assertError(await advisor.get(`/api/signals/${id}`), 404, 'not_found');
	const r = await admin.post('/api/regions', {
	    name: uniqueName('Veilig Thuis Flevoland'), type: 'veilig_thuis',
	    municipalities: ['GM0034'], orgs: [String(org(AMSTERDAM).id)] });
	assert.equal(r.status, 201, r.text);
	assert.equal((await advisor.get(`/api/signals/${id}`)).status, 200);
	assert.ok((await queueIds(advisor)).includes(id));
	const aq = (await advisor.get('/api/advice/queue')).body.advice;
	assert.ok(aq.some((x) => x.id === a.body.id));
	const moved = await sql(server.dataDir, 'SELECT action FROM audit ' +
	    `WHERE action = 'signal.rehome' AND object_id = ${id}`);
	assert.equal(moved.trim(), 'signal.rehome');
	// What is filed there from now on lands in the region at once.
	const g = await reporter.post('/api/signals', signal('GM0034'));
	assert.equal((await advisor.get(`/api/signals/${g.body.id}`)).status,
	    200);
});

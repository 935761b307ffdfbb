// Trained professionals (GET/POST /api/expertise, POST
// /api/expertise/{id}/remove), the coverage per care-coordination region
// (GET /api/expertise/coverage) and the HTCDS export (GET
// /api/insight/htcds.csv).  The registry is the organisation's own: names
// go to its professionals and never to policy users or the rapporteur;
// another organisation's entry is a 404; bad input names the field and
// changes nothing.  Coverage carries no signal count from 1 to 9 and
// flags the regions where signals arrive and nobody is trained; the
// export has every row at least k = 10 times.  The demo's signals and
// cases are moved into a closed quarter of last year first, with some
// synthetic victims beside them.  Runs on SQLite and PostgreSQL
// (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql,
    stopClean } from '../lib/util.mjs';

let server = null;
const as = {};
const year = new Date().getUTCFullYear() - 1;
const q2 = Math.floor(Date.UTC(year, 4, 15, 12) / 1000);
const NAMES = ['Ingrid Hoekstra', 'Bram Willemsen', 'Sanne Kuipers',
    'Youssef Amrani', 'Lotte Brouwer', 'Karin Dekker'];

before(async () => {
	server = await startServer();
	await sql(server.dataDir, `UPDATE signal SET created_at = ${q2},` +
	    ` decided_at = CASE WHEN decided_at IS NULL THEN NULL ELSE` +
	    ` ${q2 + 3 * 86400} END;` +
	    ` UPDATE care_case SET created_at = ${q2 + 86400};` +
	    ` UPDATE case_person SET created_at = ${q2 + 86400};` +
	    ` INSERT INTO person (age_band, sex, nationality, created_at)` +
	    ` SELECT CASE WHEN n % 4 = 0 THEN '12-15' ELSE '23-29' END,` +
	    ` CASE WHEN n % 3 = 0 THEN 'male' ELSE 'female' END,` +
	    ` CASE WHEN n % 5 = 0 THEN 'dutch' ELSE 'eu' END, 7 FROM` +
	    ` (WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1` +
	    ` FROM s WHERE n < 80) SELECT n FROM s) x;` +
	    ` INSERT INTO case_person (case_id, person_id, kind, created_at)` +
	    ` SELECT (SELECT MIN(id) FROM care_case WHERE type =` +
	    ` 'trafficking'), id, 'victim', ${q2 + 86400} FROM person` +
	    ` WHERE created_at = 7;`);
	for (const u of ['reporter', 'advisor', 'coordinator', 'provider',
	    'policy', 'rapporteur', 'admin', 'coordinator-rotterdam'])
		as[u] = await loginAs(server, `demo-${u}`);
});

after(async () => {
	await stopClean(server);
});

async function count() {
	return Number(await sql(server.dataDir,
	    'SELECT COUNT(*) FROM expertise_professional'));
}

test('the coordinator keeps the own registry: list, add, remove', async () => {
	const l = await as.coordinator.get('/api/expertise');
	assert.equal(l.status, 200, l.text);
	assert.deepEqual(l.body.entries.map((e) => e.name).sort(),
	    ['Sanne Kuipers', 'Sanne Kuipers', 'Youssef Amrani']);
	assert.equal(l.body.expertises.length, 6);
	const a = await as.coordinator.post('/api/expertise', {
	    name: 'Petra Verbeek', expertise: 'migrants',
	    trained_on: '2024-03-01', until: '2027-03-01' });
	assert.equal(a.status, 201, a.text);
	const l2 = await as.coordinator.get('/api/expertise');
	const e = l2.body.entries.find((x) => x.id === a.body.id);
	assert.deepEqual([e.name, e.expertise, e.trained_on, e.until],
	    ['Petra Verbeek', 'migrants', '2024-03-01', '2027-03-01']);
	// Sealed at rest: the name is not in the table as text.
	const raw = await sql(server.dataDir, 'SELECT COUNT(*) FROM' +
	    " expertise_professional WHERE CAST(name AS TEXT) LIKE '%Petra%'");
	assert.equal(raw.trim(), '0');
	// Every read of names and every write leaves a trace.
	const trail = await sql(server.dataDir, 'SELECT action FROM audit' +
	    " WHERE action LIKE 'expertise.%' ORDER BY id");
	assert.ok(trail.includes('expertise.read'), trail);
	assert.ok(trail.includes('expertise.add'), trail);
	const r = await as.coordinator.post(
	    `/api/expertise/${a.body.id}/remove`);
	assert.equal(r.status, 200, r.text);
	const l3 = await as.coordinator.get('/api/expertise');
	assert.ok(!l3.body.entries.some((x) => x.id === a.body.id));
	assert.ok((await sql(server.dataDir, 'SELECT action FROM audit' +
	    " WHERE action = 'expertise.remove'")).includes('remove'));
});

test('another organisation\'s registry and entries are 404', async () => {
	const mine = await as.coordinator.get('/api/expertise');
	const id = mine.body.entries[0].id;
	const org = mine.body.org_id;
	const before = await count();
	assertError(await as['coordinator-rotterdam'].post(
	    `/api/expertise/${id}/remove`), 404, 'not_found');
	assertError(await as.provider.post(`/api/expertise/${id}/remove`),
	    404, 'not_found');
	assertError(await as['coordinator-rotterdam'].get(
	    `/api/expertise?org=${org}`), 404, 'not_found');
	assertError(await as['coordinator-rotterdam'].post('/api/expertise',
	    { org_id: org, name: 'X', expertise: 'lvb',
	    trained_on: '2024-01-01' }), 404, 'not_found');
	assertError(await as.coordinator.post('/api/expertise/999999/remove'),
	    404, 'not_found');
	assert.equal(await count(), before);
	// Rotterdam's registry is its own, and empty.
	const rot = await as['coordinator-rotterdam'].get('/api/expertise');
	assert.equal(rot.status, 200, rot.text);
	assert.deepEqual(rot.body.entries, []);
	// The admin reaches any organisation's, naming it.
	assertError(await as.admin.get('/api/expertise'), 400, 'invalid');
	const adm = await as.admin.get(`/api/expertise?org=${org}`);
	assert.equal(adm.status, 200, adm.text);
	assert.equal(adm.body.entries.length, mine.body.entries.length);
	// Policy users and the rapporteur: no registry at all.
	for (const u of ['policy', 'rapporteur'])
		assertError(await as[u].get('/api/expertise'), 403,
		    'forbidden', u);
});

test('bad input names the field and changes nothing', async () => {
	const before = await count();
	const today = new Date();
	const future = new Date(today.getTime() + 3 * 86400000)
	    .toISOString().slice(0, 10);
	const good = { name: 'Test Persoon', expertise: 'lvb',
	    trained_on: '2023-05-01' };
	const cases = [
		[{ ...good, trained_on: future }, 'trained_on'],
		[{ ...good, trained_on: '1999-12-31' }, 'trained_on'],
		[{ ...good, trained_on: '2023-02-30' }, 'trained_on'],
		[{ ...good, trained_on: 20230501 }, 'trained_on'],
		[{ ...good, expertise: 'cooking' }, 'expertise'],
		[{ ...good, name: '   ' }, 'name'],
		[{ ...good, name: 'a\u0007b' }, 'name'],
		[{ ...good, name: 'x'.repeat(201) }, 'name'],
		[{ ...good, until: '2023-04-01' }, 'until'],
		[{ ...good, until: 'soon' }, 'until'],
		[{ ...good, colour: 'blue' }, 'colour'],
		[{ expertise: 'lvb', trained_on: '2023-05-01' }, 'name'],
	];
	for (const [body, field] of cases) {
		const r = await as.advisor.post('/api/expertise', body);
		assertError(r, 400, 'invalid', JSON.stringify(body));
		assert.ok(fieldNames(r).includes(field),
		    `${JSON.stringify(body)}: ${r.text}`);
	}
	const bad = await as.advisor.request('POST', '/api/expertise',
	    '{"name": "a", ');
	assertError(bad, 400, 'invalid');
	assertError(await as.advisor.get('/api/expertise?org=abc'), 400,
	    'invalid');
	assert.equal(await count(), before);
});

function assertCell(c, what) {
	if ('v' in c)
		assert.ok(c.v === 0 || (c.v >= 10 && c.v % 5 === 0),
		    `${what}: ${c.v}`);
	else
		assert.ok(c.s === '<10' || c.s === 'x', `${what}: ${c.s}`);
}

test('coverage: protected signals, counts of staff, the gaps', async () => {
	const r = await as.rapporteur.get(`/api/expertise/coverage?year=${year}`);
	assert.equal(r.status, 200, r.text);
	for (const n of NAMES)
		assert.ok(!r.text.includes(n), `a name in coverage: ${n}`);
	const ams = r.body.regions.find((g) =>
	    g.name.startsWith('Zorgcoördinatie Amsterdam'));
	const rot = r.body.regions.find((g) =>
	    g.name.startsWith('Zorgcoördinatie Rotterdam'));
	assert.ok(ams && rot, r.text);
	for (const g of r.body.regions) {
		assertCell(g.signals, g.name);
		assert.equal(g.signals_arrive, !('v' in g.signals) ||
		    g.signals.v > 0);
		for (const k of g.gaps)
			assert.equal(g.staff[k], 0);
	}
	// Amsterdam's chain is trained in all but migrants.
	assert.ok(ams.staff.signals >= 3, r.text);
	assert.ok(ams.staff.minors >= 2, r.text);
	assert.equal(ams.staff.migrants, 0);
	if (ams.signals_arrive)
		assert.deepEqual(ams.gaps, ['migrants']);
	// Nobody in Rotterdam: every expertise is a gap once signals arrive.
	assert.deepEqual(Object.values(rot.staff), [0, 0, 0, 0, 0, 0]);
	if (rot.signals_arrive)
		assert.equal(rot.gaps.length, 6);
	// A policy officer of Amsterdam sees the own region only.
	const p = await as.policy.get(`/api/expertise/coverage?year=${year}`);
	assert.equal(p.status, 200, p.text);
	assert.deepEqual(p.body.regions.map((g) => g.code), [ams.code]);
	for (const n of NAMES)
		assert.ok(!p.text.includes(n), `a name for policy: ${n}`);
	// In the release log, one row per region shown.
	const log = await sql(server.dataDir, 'SELECT COUNT(*) FROM' +
	    " insight_release WHERE what = 'coverage'");
	assert.ok(Number(log) >= 3, log);
	assertError(await as.policy.get('/api/expertise/coverage?year=1990'),
	    400, 'invalid');
	assertError(await as.reporter.get('/api/expertise/coverage'), 403,
	    'forbidden');
});

test('HTCDS: rapporteur only, every row at least 10 times', async () => {
	const r = await as.rapporteur.request('GET',
	    `/api/insight/htcds.csv?year=${year}`);
	assert.equal(r.status, 200, r.text);
	assert.match(r.headers.get('content-type'), /^text\/csv/);
	const lines = r.text.trim().split('\r\n');
	assert.equal(lines[0], 'yearOfRegistration,dataSource,gender,' +
	    'ageBroad,majorityStatus,citizenship,isSexualExploit,' +
	    'isForcedLabour,isOtherExploit,typeOfExploitConcatenated');
	const rows = lines.slice(1);
	assert.ok(rows.length >= 70, `only ${rows.length} rows`);
	const seen = new Map();
	for (const row of rows) {
		assert.ok(row.startsWith(`${year},`), row);
		assert.equal(row.split(',').length, 10, row);
		seen.set(row, (seen.get(row) ?? 0) + 1);
	}
	for (const [row, n] of seen)
		assert.ok(n >= 10, `${row} occurs ${n} times`);
	for (const n of NAMES)
		assert.ok(!r.text.includes(n));
	assert.ok(!/GM\d{4}/.test(r.text), 'a municipality in the export');
	const log = await sql(server.dataDir, 'SELECT COUNT(*) FROM' +
	    " insight_release WHERE what = 'htcds'");
	assert.equal(log.trim(), '1');
	assertError(await as.rapporteur.get(
	    `/api/insight/htcds.csv?year=${year + 1}`), 400, 'invalid');
	assertError(await as.policy.get('/api/insight/htcds.csv'), 403,
	    'forbidden');
});

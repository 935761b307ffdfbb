// National synthetic data (`schakel demo --data DIR --scale N`): the
// scale is checked, a real (non-demo) folder is refused, the data is the
// same on two runs, its proportions are those docs/demo.md promises
// (about a third minors, every form, signals in every province), and the
// rapporteur's and a policy user's local insight for last year then
// holds protected numbers in every table.  Runs on SQLite and PostgreSQL
// (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { initDataDir, loginAs, runCli, sql, stopClean } from
    '../lib/util.mjs';

const year = new Date().getUTCFullYear() - 1;
// Small enough for PostgreSQL in a test; the proportions still show.
const LOAD = ['--scale', '2', '--per-year', '1800'];
let a = null;
let b = null;
let server = null;

before(async () => {
	a = await initDataDir({ demo: true });
	b = await initDataDir({ demo: true });
});

after(async () => {
	if (server !== null)
		await stopClean(server);
	a?.remove();
	b?.remove();
});

test('the scale is a number of years from 1 to 20', async () => {
	for (const bad of [['--scale', '0'], ['--scale', '21'],
	    ['--scale', 'x'], ['--scale', '3y'], [],
	    ['--scale', '2', '--per-year', '5']]) {
		const r = await runCli(['demo', '--data', a.dataDir, ...bad]);
		assert.equal(r.code, 2, `${bad.join(' ')}: ${r.stderr}`);
		assert.match(r.stderr, bad[2] === '--per-year' ? /--per-year/ :
		    /--scale/);
	}
	const n = await sql(a.dataDir, 'SELECT COUNT(*) FROM care_case');
	assert.ok(Number(n) < 100, 'nothing loaded by a refused command');
});

test('a folder without demo data is refused', async () => {
	const real = await initDataDir({ demo: false });
	try {
		const r = await runCli(['demo', '--data', real.dataDir,
		    '--scale', '1']);
		assert.equal(r.code, 1, r.stderr);
		assert.match(r.stderr, /not a demo folder/);
		assert.equal((await sql(real.dataDir,
		    'SELECT COUNT(*) FROM signal')).trim(), '0');
	} finally {
		real.remove();
	}
});

// What a run wrote, per kind of row, for comparing two runs.
async function summary(dir) {
	return sql(dir, 'SELECT municipality, forms, decision, COUNT(*) FROM' +
	    ' signal GROUP BY municipality, forms, decision ORDER BY 1, 2, 3;' +
	    ' SELECT municipality, type, status, COUNT(*) FROM care_case' +
	    ' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;' +
	    ' SELECT age_band, sex, nationality, markers, COUNT(*) FROM' +
	    ' person GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;' +
	    ' SELECT kind, COUNT(*) FROM case_event GROUP BY 1 ORDER BY 1;' +
	    ' SELECT status, decline_reason, COUNT(*) FROM referral' +
	    ' GROUP BY 1, 2 ORDER BY 1, 2;' +
	    ' SELECT state, COUNT(*) FROM case_track GROUP BY 1 ORDER BY 1;' +
	    ' SELECT type, COUNT(*) FROM placement GROUP BY 1 ORDER BY 1;' +
	    ' SELECT plan_before_18, COUNT(*) FROM case_adulthood' +
	    ' GROUP BY 1 ORDER BY 1');
}

test('two runs load the same data, and a second load is refused',
    async () => {
	const ra = await runCli(['demo', '--data', a.dataDir, ...LOAD],
	    { timeout: 600000 });
	assert.equal(ra.code, 0, ra.stderr);
	assert.match(ra.stdout, /national synthetic data: 3600 signals/);
	const rb = await runCli(['demo', '--data', b.dataDir, ...LOAD],
	    { timeout: 600000 });
	assert.equal(rb.code, 0, rb.stderr);
	assert.equal(ra.stdout, rb.stdout);
	assert.equal(await summary(a.dataDir), await summary(b.dataDir));
	const again = await runCli(['demo', '--data', a.dataDir, ...LOAD]);
	assert.equal(again.code, 1);
	assert.match(again.stderr, /loaded already/);
});

const rows = (text) => text.trim().split('\n').map((l) => l.split('|'));

test('the proportions are those of the national registrations',
    async () => {
	const [[victims, minors]] = rows(await sql(a.dataDir,
	    'SELECT COUNT(*), SUM(CASE WHEN p.age_band IN (\'0-11\',' +
	    ' \'12-15\', \'16-17\') THEN 1 ELSE 0 END) FROM case_person cp' +
	    ' JOIN person p ON p.id = cp.person_id WHERE cp.kind =' +
	    ' \'victim\''));
	const share = Number(minors) / Number(victims);
	assert.ok(Number(victims) > 800, `${victims} victims in cases`);
	assert.ok(share >= 0.25 && share <= 0.45, `minors: ${share}`);
	const forms = new Map(rows(await sql(a.dataDir,
	    'SELECT forms, COUNT(*) FROM signal GROUP BY forms')).map(
	    ([f, n]) => [f, Number(n)]));
	const all = [...forms.values()].reduce((s, n) => s + n, 0);
	const of = (f) => forms.get(f) ?? 0;
	for (const f of ['sexual', 'labour', 'criminal', 'forced_services',
	    'begging', 'other_unknown', 'ernstige_benadeling'])
		assert.ok(of(f) > 0, `no signal of form ${f}`);
	assert.ok(of('sexual') / all > 0.4 && of('sexual') / all < 0.6,
	    `sexual: ${of('sexual') / all}`);
	assert.ok(of('labour') / all > 0.15 && of('labour') / all < 0.3);
	assert.ok(of('criminal') / all > 0.12 &&
	    of('criminal') / all < 0.28);
	const provinces = await sql(a.dataDir, 'SELECT COUNT(DISTINCT' +
	    ' m.province), COUNT(DISTINCT m.code) FROM signal s JOIN' +
	    ' municipality m ON m.code = s.municipality');
	const [[np, nm]] = rows(provinces);
	assert.equal(Number(np), 12);
	assert.ok(Number(nm) >= 300, `${nm} municipalities with signals`);
	// Larger cities more.
	const [[ams, small]] = rows(await sql(a.dataDir, 'SELECT' +
	    ' SUM(CASE WHEN municipality = \'GM0363\' THEN 1 ELSE 0 END),' +
	    ' SUM(CASE WHEN municipality = \'GM0037\' THEN 1 ELSE 0 END)' +
	    ' FROM signal'));
	assert.ok(Number(ams) > 5 * Number(small), `${ams} vs ${small}`);
	// Nothing sealed is filled: no names, no notes.
	const [[sealed]] = rows(await sql(a.dataDir, 'SELECT COUNT(*) FROM' +
	    ' person p JOIN case_person cp ON cp.person_id = p.id JOIN' +
	    ' care_case c ON c.id = cp.case_id JOIN org o ON o.id =' +
	    ' c.org_id WHERE o.name LIKE \'%Mensenhandel Gelderland%\'' +
	    ' AND p.identity IS NOT NULL'));
	assert.equal(Number(sealed), 0);
});

const filled = (t) => t.rows.some((r) => r.cells.some((c) => c.v > 0));

test('the insight for last year has numbers in every table', async () => {
	server = await startServer({ dataDir: a.dataDir });
	const rapporteur = await loginAs(server, 'demo-rapporteur');
	const r = await rapporteur.get('/api/insight?level=country&area=NL' +
	    `&year=${year}`);
	assert.equal(r.status, 200, r.text);
	assert.equal(r.body.quarters, 4);
	const ids = r.body.tables.map((t) => t.id).filter((id) =>
	    id !== 'trend');
	assert.equal(ids.length, 18, ids.join(' '));
	for (const t of r.body.tables)
		assert.ok(filled(t), `${t.id} has no shown number: ` +
		    JSON.stringify(t).slice(0, 1500));
	// The Amsterdam policy officer sees its own numbers too.
	const policy = await loginAs(server, 'demo-policy');
	const m = await policy.get('/api/insight?level=municipality' +
	    `&area=GM0363&year=${year}`);
	assert.equal(m.status, 200, m.text);
	const t = m.body.tables.find((x) => x.id === 'signals_form');
	assert.ok(!t.too_small && filled(t), JSON.stringify(t).slice(0, 300));
});

// Local insight (GET /api/insight, /api/insight/areas): protected
// aggregates only.  The demo's signals and cases are moved into the
// second quarter of last year (a closed quarter), one signal into a
// municipality of its own, and then the answers are attacked the way a
// reader would: no shown count from 1 to 9 anywhere, no line of a table
// with exactly one hidden cell beside a shown total, no region whose
// shown cell gives away its one hidden municipality, and the same
// question answered the same way after the records changed.  Other
// roles see the areas of their own organisation only.  Runs on SQLite
// and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { assertError, loginAs, runCli, sql, stopClean } from '../lib/util.mjs';

let server = null;
let policy = null;
let rapporteur = null;
const year = new Date().getUTCFullYear() - 1;
const q2 = Math.floor(Date.UTC(year, 4, 15, 12) / 1000);

before(async () => {
	server = await startServer();
	// Into a closed quarter, before anyone asks for it.
	await sql(server.dataDir, `UPDATE signal SET created_at = ${q2},` +
	    ` decided_at = CASE WHEN decided_at IS NULL THEN NULL ELSE` +
	    ` ${q2 + 3 * 86400} END;` +
	    ` UPDATE care_case SET created_at = ${q2 + 86400};` +
	    ` UPDATE case_person SET created_at = ${q2 + 86400};` +
	    ` UPDATE signal SET municipality = 'GM0014' WHERE id =` +
	    ` (SELECT MIN(id) FROM signal);`);
	policy = await loginAs(server, 'demo-policy');
	rapporteur = await loginAs(server, 'demo-rapporteur');
});

after(async () => {
	await stopClean(server);
});

// Every number a policy user or the rapporteur is sent, with where.
const META = new Set(['year', 'quarters', 'release', 'threshold',
    'rounding', 'dominance_pct']);

function numbers(v, path, out) {
	if (typeof v === 'number')
		out.push([path, v]);
	else if (Array.isArray(v))
		v.forEach((x, i) => numbers(x, `${path}[${i}]`, out));
	else if (v !== null && typeof v === 'object')
		for (const [k, x] of Object.entries(v))
			if (!META.has(k))
				numbers(x, `${path}.${k}`, out);
	return out;
}

function assertProtected(body, what) {
	for (const [path, n] of numbers(body, what, []))
		if (path.includes('.years['))
			assert.ok(n >= 2000, `${path}: ${n}`);
		else
			assert.ok(n === 0 || (n >= 10 && n % 5 === 0),
			    `${path} = ${n}: a count from 1 to 9 or unrounded`);
	for (const t of body.tables ?? [])
		for (const r of t.rows)
			for (const c of r.cells)
				if ('s' in c)
					assert.ok(c.s === '<10' || c.s === 'x',
					    `${what} ${t.id}: ${c.s}`);
}

const hidden = (c) => !('v' in c);

// A line with a shown total never has exactly one hidden cell.
function assertLines(t, what) {
	if (t.too_small || t.id === 'trend')
		return;
	const rows = t.rows.map((r) => r.cells);
	const nc = t.cols.length;
	for (const [i, cells] of rows.entries()) {
		const inner = cells.slice(0, nc - 1).filter(hidden).length;
		if (!hidden(cells[nc - 1]))
			assert.notEqual(inner, 1, `${what} ${t.id} row ${i}`);
	}
	if (!t.rows.at(-1).total)
		return;
	for (let c = 0; c < nc; c++) {
		const inner = rows.slice(0, -1).filter((r) => hidden(r[c]))
		    .length;
		if (!hidden(rows.at(-1)[c]))
			assert.notEqual(inner, 1, `${what} ${t.id} col ${c}`);
	}
}

async function view(who, level, area, y = year, lang = 'nl') {
	const r = await who.get(`/api/insight?level=${level}&area=${area}` +
	    `&year=${y}&lang=${lang}`);
	assert.equal(r.status, 200, r.text);
	assertProtected(r.body, `${level} ${area} ${y}`);
	for (const t of r.body.tables)
		assertLines(t, `${level} ${area} ${y}`);
	return r.body;
}

const table = (v, id) => v.tables.find((t) => t.id === id);

test('the demo policy user sees Amsterdam and its region, protected',
    async () => {
	const a = await policy.get('/api/insight/areas');
	assert.equal(a.status, 200, a.text);
	assert.deepEqual(a.body.default, { level: 'municipality',
	    code: 'GM0363', name: 'Amsterdam' });
	assert.deepEqual(a.body.rules, { threshold: 10, rounding: 5,
	    dominance_pct: 90 });
	const levels = new Set(a.body.areas.map((x) => x.level));
	assert.deepEqual([...levels].sort(), ['country', 'municipality',
	    'province', 'region']);
	assert.ok(a.body.areas.some((x) => x.code === 'GM0363'));
	assert.ok(!a.body.areas.some((x) => x.code === 'GM0599'),
	    'Rotterdam is not the Amsterdam policy user\'s area');
	assert.equal(a.body.years[0] >= year, true);

	// Amsterdam alone: the demo's signals come nearly all from one kind
	// of organisation and spread thinly over the forms, so the table
	// says it is too small and points to the care-coordination region.
	const m = await view(policy, 'municipality', 'GM0363');
	assert.equal(m.quarters, 4);
	const mt = table(m, 'signals_form');
	assert.equal(mt.too_small, true);
	assert.equal(mt.suggest.level, 'region');
	const region = a.body.areas.find((x) => x.code === mt.suggest.code);
	assert.equal(region.type, 'care_coordination');

	const v = await view(policy, 'region', mt.suggest.code);
	const signals = table(v, 'signals_form');
	assert.equal(signals.too_small, false);
	assert.deepEqual(signals.cols.map((c) => c.key),
	    ['q1', 'q2', 'q3', 'q4', 'year']);
	const total = signals.rows.at(-1);
	assert.equal(total.total, true);
	// Everything happened in the second quarter.
	assert.deepEqual(total.cells[0], { v: 0 });
	assert.ok(total.cells[1].v >= 50, JSON.stringify(total));
	assert.deepEqual(total.cells[4], total.cells[1]);
	const trend = table(v, 'trend');
	assert.equal(trend.cols.length, 5);
	assert.deepEqual(trend.rows[0].cells[4], total.cells[4],
	    'the trend shows the year total the tables show');
});

test('a single signal in a municipality is never shown; the table points'
    + ' to a larger area', async () => {
	const v = await view(rapporteur, 'municipality', 'GM0014');
	const t = table(v, 'signals_form');
	assert.equal(t.too_small, true);
	assert.ok(t.rows.every((r) => r.cells.length === 0),
	    'a too small table carries no cells');
	// Groningen lies in no demo region: its province, then the
	// country, is where the numbers are safe.
	assert.ok(t.suggest !== undefined);
	assert.ok(['province', 'country'].includes(t.suggest.level));
	const p = await view(rapporteur, 'province', 'Groningen');
	const pt = table(p, 'signals_form');
	assert.ok(pt.too_small || hidden(pt.rows.at(-1).cells.at(-1)));
	const n = await view(rapporteur, 'country', 'NL');
	assert.equal(table(n, 'signals_form').too_small, false);
});

test('a region minus its other municipalities gives nothing away',
    async () => {
	const a = await policy.get('/api/insight/areas');
	for (const region of a.body.areas.filter((x) => x.level === 'region')) {
		const r = await view(policy, 'region', region.code);
		const munis = [];
		for (const m of a.body.areas.filter((x) =>
		    x.level === 'municipality'))
			munis.push(await view(policy, 'municipality', m.code));
		for (const [k, t] of r.tables.entries()) {
			if (t.too_small || t.id === 'trend')
				continue;
			for (const [i, row] of t.rows.entries())
				for (const [c, cell] of row.cells.entries()) {
					if (hidden(cell))
						continue;
					const kids = munis.map((m) =>
					    m.tables[k].too_small ? null :
					    m.tables[k].rows[i].cells[c])
					    .filter((x) => x !== null);
					const gone = munis.length -
					    kids.filter((x) => !hidden(x))
					    .length;
					assert.notEqual(gone, 1,
					    `${region.name} ${t.id} ${i}/${c}`);
				}
		}
	}
});

test('the same question gets the same answer after the records change',
    async () => {
	const before = await view(policy, 'region', '2');
	const n0 = Number((await sql(server.dataDir,
	    'SELECT COUNT(*) FROM insight_release')).trim());
	await sql(server.dataDir, `UPDATE signal SET municipality = 'GM0363'` +
	    ` WHERE municipality <> 'GM0014';` +
	    ` UPDATE care_case SET type = 'serious_disadvantage';`);
	const again = await view(policy, 'region', '2');
	assert.deepEqual(again.tables, before.tables);
	assert.notEqual(again.release, before.release);
	const n1 = Number((await sql(server.dataDir,
	    'SELECT COUNT(*) FROM insight_release')).trim());
	assert.equal(n1, n0 + 1, 'each view is in the release log');
	const log = (await sql(server.dataDir, 'SELECT role, what, level,' +
	    ` code, year FROM insight_release WHERE id = ${again.release}`))
	    .trim();
	assert.equal(log, `policy|dashboard|region|2|${year}`);
});

test('English labels, the same numbers', async () => {
	const nl = await view(policy, 'municipality', 'GM0363');
	const en = await view(policy, 'municipality', 'GM0363', year, 'en');
	assert.equal(table(en, 'victims_age').title, 'Victims by age');
	assert.equal(table(nl, 'victims_age').title,
	    'Slachtoffers naar leeftijd');
	assert.deepEqual(en.tables.map((t) => t.rows.map((r) => r.cells)),
	    nl.tables.map((t) => t.rows.map((r) => r.cells)));
});

test('other roles see their own organisation\'s areas, or nothing',
    async () => {
	const rotterdam = await loginAs(server,
	    'demo-coordinator-rotterdam');
	const own = await rotterdam.get('/api/insight?level=municipality' +
	    `&area=GM0599&year=${year}`);
	assert.equal(own.status, 200, own.text);
	assertProtected(own.body, 'rotterdam');
	assertError(await rotterdam.get('/api/insight?level=municipality' +
	    `&area=GM0363&year=${year}`), 404, 'not_found');
	const advisor = await loginAs(server, 'demo-advisor');
	assert.equal((await advisor.get('/api/insight?level=municipality' +
	    `&area=GM0363&year=${year}`)).status, 200);
	assertError(await policy.get('/api/insight?level=municipality' +
	    `&area=GM0599&year=${year}`), 404, 'not_found');
	for (const name of ['demo-reporter', 'demo-provider',
	    'demo-assessor', 'demo-admin']) {
		const c = await loginAs(server, name);
		assertError(await c.get('/api/insight/areas'), 403, 'forbidden',
		    name);
		assertError(await c.get('/api/insight'), 403, 'forbidden',
		    name);
	}
	// The rapporteur sees every municipality.
	const all = await rapporteur.get('/api/insight/areas');
	assert.ok(all.body.areas.filter((x) => x.level === 'municipality')
	    .length >= 342);
	assert.deepEqual(all.body.default.level, 'country');
});

test('bad input is refused naming the field', async () => {
	const cases = [
		['level=town&area=GM0363', 'level'],
		['level=municipality', 'area'],
		['year=1999', 'year'],
		['year=next', 'year'],
		['lang=de', 'lang'],
	];
	for (const [q, field] of cases) {
		const r = await policy.get(`/api/insight?${q}`);
		assertError(r, 400, 'invalid', q);
		assert.deepEqual(r.body.error.fields.map((f) => f.field),
		    [field], q);
	}
	assertError(await policy.get('/api/insight?level=municipality' +
	    '&area=GM9999'), 404, 'not_found');
});

test('a stricter threshold and rounding from configuration hold for every'
    + ' number', async () => {
	const strict = await startServer({ args: ['--insight-threshold', '20',
	    '--insight-rounding', '10'] });
	try {
		await sql(strict.dataDir, `UPDATE signal SET created_at = ${q2};`
		    + ` UPDATE care_case SET created_at = ${q2 + 86400};` +
		    ` UPDATE case_person SET created_at = ${q2 + 86400};`);
		const c = await loginAs(strict, 'demo-policy');
		const a = await c.get('/api/insight/areas');
		assert.equal(a.body.rules.threshold, 20);
		const r = await c.get(`/api/insight?level=region&area=2` +
		    `&year=${year}`);
		assert.equal(r.status, 200, r.text);
		assert.deepEqual(r.body.rules, { threshold: 20, rounding: 10 });
		for (const [path, n] of numbers(r.body, 'strict', []))
			assert.ok(n === 0 || (n >= 20 && n % 10 === 0),
			    `${path} = ${n}`);
		const small = r.body.tables.flatMap((t) => t.rows)
		    .flatMap((x) => x.cells).filter((x) => 's' in x);
		assert.ok(small.some((x) => x.s === '<20'));
		assert.ok(small.every((x) => x.s === '<20' || x.s === 'x'));
	} finally {
		await stopClean(strict);
	}
});

test('serve refuses rules below the defaults', async () => {
	for (const args of [['--insight-threshold', '9'],
	    ['--insight-rounding', '4']]) {
		const r = await runCli(['serve', '--data', server.dataDir,
		    ...args]);
		assert.notEqual(r.code, 0);
		assert.match(r.stderr, /must be (10|5) to 1000/);
	}
});

test('open data: the same protection over counts with noise drawn once',
    async () => {
	const r = await policy.get(`/api/insight?level=country&area=NL` +
	    `&year=${year}&open=1`);
	assertError(r, 409, 'conflict', 'no open data without --insight-noise');
	const noisy = await startServer({ args: ['--insight-noise', '1'] });
	try {
		await sql(noisy.dataDir, `UPDATE signal SET created_at = ${q2};`
		    + ` UPDATE care_case SET created_at = ${q2 + 86400};` +
		    ` UPDATE case_person SET created_at = ${q2 + 86400};`);
		const c = await loginAs(noisy, 'demo-rapporteur');
		const a = await c.get('/api/insight/areas');
		assert.equal(a.body.rules.noise_epsilon, '1');
		const url = `/api/insight?level=country&area=NL&year=${year}`;
		const plain = await c.get(url);
		const open = await c.get(`${url}&open=1`);
		assert.equal(open.status, 200, open.text);
		assertProtected(open.body, 'open');
		for (const t of open.body.tables)
			assertLines(t, 'open');
		assert.equal(open.body.open, true);
		assert.equal(open.body.rules.noise_epsilon, '1');
		const cells = (v) => JSON.stringify(v.body.tables.map((t) =>
		    t.rows.map((x) => x.cells)));
		assert.notEqual(cells(open), cells(plain),
		    'noise changed some published count');
		// Drawn once: asking again cannot average it away.
		const again = await c.get(`${url}&open=1`);
		assert.equal(cells(again), cells(open));
		assertError(await c.get(`${url}&open=yes`), 400, 'invalid');
	} finally {
		await stopClean(noisy);
	}
});

test('a table as CSV and as a chart: the same protected numbers',
    async () => {
	const q = `level=region&area=2&year=${year}`;
	const v = await view(policy, 'region', '2');
	const r = await policy.get(`/api/insight/csv?table=signals_form&${q}`);
	assert.equal(r.status, 200, r.text);
	assert.match(r.headers.get('content-type'), /^text\/csv/);
	assert.match(r.headers.get('content-disposition'),
	    /attachment; filename="schakel-signals_form-region-2-/);
	const lines = r.text.replace(/^\uFEFF/, '').trim().split('\r\n');
	assert.equal(lines[0], 'key,label,K1,K2,K3,K4,' + year);
	const t = table(v, 'signals_form');
	assert.equal(lines.length, t.rows.length + 1);
	for (const cell of lines.slice(1).flatMap((l) => l.split(',')
	    .slice(2)))
		assert.ok(cell === '<10' || cell === 'x' || cell === '0' ||
		    (Number(cell) >= 10 && Number(cell) % 5 === 0), cell);
	const total = lines.at(-1).split(',');
	assert.equal(Number(total.at(-1)), t.rows.at(-1).cells.at(-1).v);
	const svg = await policy.get(`/api/insight/chart.svg?table=trend&${q}`);
	assert.equal(svg.status, 200, svg.text);
	assert.match(svg.headers.get('content-type'), /^image\/svg\+xml/);
	assert.match(svg.text, /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	const tiles = await policy.get(
	    `/api/insight/tiles.svg?table=victims_age&${q}`);
	assert.equal(tiles.status, 200, tiles.text);
	assert.match(tiles.text, /Amsterdam/);
	assertError(await policy.get(`/api/insight/tiles.svg?table=trend&${q}`),
	    400, 'invalid');
	assertError(await policy.get(`/api/insight/csv?table=nope&${q}`),
	    400, 'invalid');
	assertError(await policy.get('/api/insight/tiles.svg?table=' +
	    `victims_age&level=municipality&area=GM0363&year=${year}`),
	    400, 'invalid');
});

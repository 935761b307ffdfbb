// The demo data looks like a real week: signals come from many
// reporting organisations, the demo reporter's "mijn signalen" is a
// handful, and each point's open signals are mostly within their triage
// deadline with a few late, one of them acute.  The reporters and the
// Rotterdam triage advisor that author the data cannot log in.  Runs on
// SQLite and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { client } from '../lib/http.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, loginAs, nowSql, sql, stopClean }
    from '../lib/util.mjs';

let server = null;
let reporter = null;
let advisor = null;

// Every signal of a view of the advisor's queue, page by page.
async function whole(name) {
	const out = [];
	for (let page = 1; ; page++) {
		const r = await advisor.get(`/api/signals/queue?view=${name}` +
		    `&per_page=100&page=${page}`);
		assert.equal(r.status, 200, r.text);
		out.push(...r.body.signals);
		if (out.length >= r.body.total || r.body.signals.length === 0)
			return out;
	}
}

before(async () => {
	server = await startServer();
	reporter = await loginAs(server, 'demo-reporter');
	advisor = await loginAs(server, 'demo-advisor');
});

after(async () => {
	await stopClean(server);
});

test('the demo reporter has a handful of signals, some asked about',
    async () => {
	const r = await reporter.get('/api/signals/mine?per_page=100');
	assert.equal(r.status, 200, r.text);
	assert.ok(r.body.total >= 3 && r.body.total <= 10,
	    `mijn signalen: ${r.body.total}`);
	const open = r.body.signals.filter((s) =>
	    ['received', 'in_triage'].includes(s.status));
	assert.ok(open.length >= 2, JSON.stringify(r.body.signals));
	assert.ok(r.body.signals.some((s) => s.open_questions > 0),
	    'a question waits for the reporter');
	assert.ok(r.body.signals.some((s) =>
	    !['received', 'in_triage'].includes(s.status)), 'one is decided');
});

test('signals come from many reporting organisations', async () => {
	const seen = new Set();
	for (const s of [...await whole('all'), ...await whole('decided')])
		seen.add(s.reporter_org);
	assert.ok(seen.size >= 8, [...seen].join(', '));
	for (const o of seen)
		assert.match(o, /\(demo\)$/);
	// The whole demo, both points.
	const orgs = await sql(server.dataDir, 'SELECT COUNT(DISTINCT ' +
	    'reporter_org_id) FROM signal');
	assert.ok(Number(orgs.trim()) >= 12, orgs);
	const n = await sql(server.dataDir, 'SELECT COUNT(*) FROM signal');
	assert.ok(Number(n.trim()) >= 200, n);
});

test('the open queue is mostly within its deadline, a few late',
    async () => {
	const open = await whole('all');
	const late = open.filter((s) => s.overdue);
	assert.ok(open.length >= 8, `open: ${open.length}`);
	assert.ok(late.length >= 1, 'something is late');
	assert.ok((open.length - late.length) / open.length > 0.75,
	    `${late.length} of ${open.length} late`);
	assert.ok(late.some((s) => s.urgency === 'acute'),
	    'a late acute signal');
	assert.equal((await whole('overdue')).length, late.length);
	// Recent signals wait untouched, older ones are in triage.
	assert.ok(open.some((s) => s.status === 'received' && !s.overdue));
	assert.ok(open.some((s) => s.status === 'in_triage' && !s.overdue));
	// The decided history goes back weeks.
	const dec = await whole('decided');
	const oldest = Math.min(...dec.map((s) => Date.parse(s.created_at)));
	assert.ok(Date.now() - oldest > 30 * 86400 * 1000);
});

test('the Rotterdam point works its queue too', async () => {
	const point = 'Veilig Thuis Rotterdam-Rijnmond (demo)';
	const rows = await sql(server.dataDir, 'SELECT CAST(COUNT(*) AS ' +
	    'BIGINT), CAST(SUM(CASE WHEN s.triage_due < ' +
	    `${nowSql(server.dataDir)} THEN 1 ELSE 0 END) AS BIGINT), ` +
	    "CAST(SUM(CASE WHEN s.claimed_by IS NOT NULL THEN 1 ELSE 0 END) " +
	    'AS BIGINT) FROM signal s JOIN region r ON r.id = s.region_id ' +
	    "WHERE s.status IN ('received', 'in_triage') AND r.name = " +
	    `'${point}'`);
	const [open, late, claimed] = rows.trim().split('|').map(Number);
	assert.ok(late >= 1 && late <= 6, rows);
	assert.ok(late < open / 2, rows);
	assert.ok(claimed >= 1, rows);
	const decided = await sql(server.dataDir, 'SELECT COUNT(*) FROM ' +
	    'signal s JOIN region r ON r.id = s.region_id WHERE ' +
	    `s.decided_at IS NOT NULL AND r.name = '${point}'`);
	assert.ok(Number(decided.trim()) >= 30, decided);
});

test('the accounts that author the demo cannot log in', async () => {
	const c = client(server.url);
	const wrong = await c.post('/api/login', { username: 'demo-reporter',
	    password: 'not-the-password-at-all' });
	assertError(wrong, 401, 'unauthenticated');
	for (const username of ['triage-rijnmond', 'huisarts-depijp']) {
		assert.equal(server.users[username], undefined);
		for (const password of ['!', 'not-the-password-at-all']) {
			const r = await c.post('/api/login', { username,
			    password });
			assert.equal(r.status, wrong.status, username);
		}
	}
	// And they are real accounts, marked demo.
	const rows = await sql(server.dataDir, 'SELECT COUNT(*) FROM ' +
	    "app_user WHERE demo = 1 AND username IN ('triage-rijnmond', " +
	    "'huisarts-depijp')");
	assert.equal(rows.trim(), '2');
});

// The advisor's queue views, search and paging: each count on the
// point's overview equals the total of its view, search finds by
// number, municipality and reporter's organisation (never by anything
// sealed), pages are disjoint, bad input is named, and another point's
// signals never appear.  "Mijn signalen" searches and pages the same
// way.  Runs on SQLite and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, stopClean }
    from '../lib/util.mjs';

let server = null;
let reporter = null;
let advisor = null;

const VIEWS = ['all', 'unclaimed', 'in_triage', 'overdue', 'due_today',
    'acute', 'mine', 'waiting_answer', 'decided'];
const SCHOOL = 'Basisschool De Regenboog (demo)';

const signal = (extra = {}) => ({
	municipality: 'GM0362',			// Amstelveen: the demo point
	noticed_on: '2026-11-20',
	urgency: 'days',
	forms: ['labour'],
	indicators: ['OM-1a-1'],
	description: 'Werkt lange dagen, Zoë woont bij de werkgever.',
	persons: [{ kind: 'victim', name: 'Zoë Queuetest' }],
	...extra,
});

async function file(extra) {
	const r = await reporter.post('/api/signals', signal(extra));
	assert.equal(r.status, 201, r.text);
	return r.body.id;
}

async function view(name, more = '') {
	const r = await advisor.get('/api/signals/queue?view=' +
	    `${name}&per_page=100${more}`);
	assert.equal(r.status, 200, r.text);
	return r.body;
}

before(async () => {
	server = await startServer();
	reporter = await loginAs(server, 'demo-reporter');
	advisor = await loginAs(server, 'demo-advisor');
	// Something in every view: acute, claimed, asked about, decided.
	await file({ urgency: 'acute' });
	const claimed = await file();
	assert.equal((await advisor.post(`/api/signals/${claimed}/claim`))
	    .status, 200);
	const asked = await file();
	assert.equal((await advisor.post(`/api/signals/${asked}/questions`,
	    { question: 'Welke werkgever?' })).status, 201);
	const decided = await file();
	await advisor.post(`/api/signals/${decided}/claim`);
	const d = await advisor.post(`/api/signals/${decided}/decision`,
	    { decision: 'advice_given', reason: 'Advies gegeven.' });
	assert.equal(d.status, 200, d.text);
});

after(async () => {
	await stopClean(server);
});

test('every count on the overview is the total of its view', async () => {
	const o = await advisor.get('/api/signals/overview');
	assert.equal(o.status, 200, o.text);
	const v = o.body.views;
	assert.deepEqual(Object.keys(v).sort(), [...VIEWS].sort());
	for (const name of VIEWS) {
		const b = await view(name);
		assert.equal(b.total, v[name], name);
		assert.equal(b.view, name);
		if (b.total <= 100)
			assert.equal(b.signals.length, b.total, name);
	}
	assert.equal(v.unclaimed, o.body.received);
	assert.equal(v.in_triage, o.body.in_triage);
	assert.equal(v.overdue, o.body.overdue);
	assert.equal(v.due_today, o.body.due_today);
	assert.equal(v.acute, o.body.acute);
	assert.ok(v.acute >= 1 && v.mine >= 1 && v.waiting_answer >= 1 &&
	    v.decided >= 1, JSON.stringify(v));
	assert.equal(v.all, v.unclaimed + v.in_triage);
	// Each view holds what its name says.
	for (const s of (await view('acute')).signals)
		assert.equal(s.urgency, 'acute');
	for (const s of (await view('mine')).signals)
		assert.equal(s.claimed_by, 'demo-advisor');
	for (const s of (await view('unclaimed')).signals)
		assert.equal(s.status, 'received');
	for (const s of (await view('waiting_answer')).signals)
		assert.ok(s.open_questions > 0);
	const dec = (await view('decided')).signals;
	for (const s of dec) {
		assert.ok(!['received', 'in_triage'].includes(s.status));
		assert.equal(s.overdue, false);
	}
	// No view given is "all".
	const all = await advisor.get('/api/signals/queue?per_page=100');
	assert.equal(all.body.total, v.all);
});

test('search finds by number, municipality and organisation', async () => {
	const id = await file({ municipality: 'GM0384' });	// Diemen
	for (const q of [String(id), `#${id}`, `Signaal ${id}`,
	    ` signal ${id} `]) {
		const b = await view('all', `&q=${encodeURIComponent(q)}`);
		assert.deepEqual(b.signals.map((s) => s.id), [id], q);
		assert.equal(b.total, 1);
	}
	const muni = await view('all', '&q=%20%20dIEMEN%20');
	assert.ok(muni.signals.some((s) => s.id === id));
	for (const s of muni.signals)
		assert.equal(s.municipality_name, 'Diemen');
	const org = await view('all', '&q=' +
	    encodeURIComponent('regenboog'));
	assert.ok(org.signals.some((s) => s.id === id));
	for (const s of org.signals)
		assert.equal(s.reporter_org, SCHOOL);
	// Sealed fields are never searched: the victim's name, the text.
	assert.equal((await view('all', '&q=Queuetest')).total, 0);
	assert.equal((await view('all', '&q=werkgever')).total, 0);
	// LIKE's own characters are plain text.
	assert.equal((await view('all', '&q=%25')).total, 0);
	assert.equal((await view('all', '&q=_')).total, 0);
	// Search combines with the view.
	const dec = await view('decided', '&q=amstelveen');
	for (const s of dec.signals)
		assert.ok(!['received', 'in_triage'].includes(s.status));
});

test('pages are disjoint and carry the total', async () => {
	for (let i = 0; i < 3; i++)
		await file();
	const whole = await view('all');
	assert.ok(whole.total >= 5);
	const p1 = (await advisor.get('/api/signals/queue?per_page=2'))
	    .body;
	const p2 = (await advisor.get(
	    '/api/signals/queue?per_page=2&page=2')).body;
	assert.equal(p1.total, whole.total);
	assert.equal(p2.total, whole.total);
	assert.equal(p1.page, 1);
	assert.equal(p2.page, 2);
	assert.equal(p1.per_page, 2);
	assert.equal(p1.pages, Math.ceil(whole.total / 2));
	assert.equal(p1.signals.length, 2);
	assert.equal(p2.signals.length, 2);
	const ids = [...p1.signals, ...p2.signals].map((s) => s.id);
	assert.equal(new Set(ids).size, 4);
	assert.deepEqual(ids, whole.signals.slice(0, 4).map((s) => s.id));
	const beyond = (await advisor.get(
	    '/api/signals/queue?page=100000')).body;
	assert.equal(beyond.signals.length, 0);
	assert.equal(beyond.total, whole.total);
	const def = (await advisor.get('/api/signals/queue')).body;
	assert.equal(def.per_page, 25);
});

test('a bad view, page or search is refused and named', async () => {
	const bad = async (qs, field) => {
		const r = await advisor.get(`/api/signals/queue?${qs}`);
		assertError(r, 400, 'invalid', qs);
		assert.deepEqual(fieldNames(r), [field], qs);
	};
	await bad('view=everything', 'view');
	await bad('view=', 'view');
	await bad('page=0', 'page');
	await bad('page=-1', 'page');
	await bad('page=abc', 'page');
	await bad('page=1.5', 'page');
	await bad('per_page=101', 'per_page');
	await bad('per_page=0', 'per_page');
	await bad(`q=${'a'.repeat(101)}`, 'q');
	await bad('q=%01x', 'q');
	await bad('q=%FF', 'q');
	// 100 characters (not bytes) is fine, trimmed.
	const ok = await advisor.get('/api/signals/queue?q=' +
	    encodeURIComponent(` ${'ë'.repeat(100)} `));
	assert.equal(ok.status, 200, ok.text);
	assert.equal(ok.body.total, 0);
	const mine = await reporter.get('/api/signals/mine?per_page=1000');
	assertError(mine, 400, 'invalid');
	assert.deepEqual(fieldNames(mine), ['per_page']);
});

test('another point\'s signals never appear', async () => {
	const there = await file({ municipality: 'GM0599' });	// Rotterdam
	for (const name of VIEWS) {
		const b = await view(name, `&q=${there}`);
		assert.equal(b.total, 0, name);
	}
	assert.equal((await view('all', '&q=rotterdam')).total, 0);
	const v = (await advisor.get('/api/signals/overview')).body.views;
	assert.equal((await view('all')).total, v.all);
});

test('"new" until opened, "answer received" until read', async () => {
	const id = await file();
	const line = async () => (await view('all', `&q=${id}`)).signals[0];
	assert.equal((await line()).new, true);
	assert.equal((await line()).answer_received, false);
	const d = await advisor.get(`/api/signals/${id}`);
	assert.equal(d.status, 200);
	// The reporter's work phone, for the point.
	assert.match(d.body.reporter.phone, /^020 555 01 \d\d$/);
	const own = await reporter.get(`/api/signals/${id}`);
	assert.equal(own.body.reporter.phone, undefined);
	assert.equal((await line()).new, false);
	const q = await advisor.post(`/api/signals/${id}/questions`,
	    { question: 'Sinds wanneer?' });
	assert.equal(q.status, 201);
	assert.equal((await line()).answer_received, false);
	// A second passes, so the answer comes after the last look.
	await new Promise((r) => setTimeout(r, 1100));
	const a = await reporter.post(`/api/signals/${id}/questions/` +
	    `${q.body.id}/answer`, { answer: 'Sinds de zomer.' });
	assert.equal(a.status, 200, a.text);
	assert.equal((await line()).answer_received, true);
	await advisor.get(`/api/signals/${id}`);
	assert.equal((await line()).answer_received, false);
});

test('"mijn signalen" searches, pages and names what waits', async () => {
	const a = await file({ municipality: 'GM0437' });	// Ouder-Amstel
	const all = (await reporter.get('/api/signals/mine?per_page=100'))
	    .body;
	assert.ok(all.total >= 2);
	const one = (await reporter.get('/api/signals/mine?q=ouder-amstel'))
	    .body;
	assert.ok(one.signals.some((s) => s.id === a));
	for (const s of one.signals)
		assert.equal(s.municipality, 'GM0437');
	const byId = (await reporter.get(`/api/signals/mine?q=${a}`)).body;
	assert.deepEqual(byId.signals.map((s) => s.id), [a]);
	const p1 = (await reporter.get('/api/signals/mine?per_page=1'))
	    .body;
	const p2 = (await reporter.get(
	    '/api/signals/mine?per_page=1&page=2')).body;
	assert.equal(p1.total, all.total);
	assert.notEqual(p1.signals[0].id, p2.signals[0].id);
	// The signal asked about in before() waits, on every page.
	assert.ok(p1.waiting.length > 0);
	assert.deepEqual(p2.waiting, p1.waiting);
	const own = all.signals.map((s) => s.id);
	for (const id of p1.waiting)
		assert.ok(own.includes(id), String(id));
	// Another reporter's signal is never found.
	const other = await file({});
	const stranger = await loginAs(server, 'demo-coordinator');
	const r = await stranger.get(`/api/signals/mine?q=${other}`);
	assert.equal(r.status, 200, r.text);
	assert.equal(r.body.total, 0);
});

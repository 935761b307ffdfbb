// Signals: filing with every field checked and named, the reporter's own
// list, the advisor's queue limited to the point's region, claim and
// decision, encryption at rest and the audit trail.  Runs on SQLite and
// PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { newAccount } from '../lib/accounts.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql, stopClean,
    uniqueName } from '../lib/util.mjs';

let server = null;
let reporter = null;
let advisor = null;

const VICTIM = 'Zoë van den Heuvel-Jansen';

const good = () => ({
	municipality: 'GM0362',			// Amstelveen: the demo point
	noticed_on: '2026-11-20',
	urgency: 'days',
	forms: ['labour'],
	indicators: ['OM-1a-1', 'OM-1a-3'],
	description: 'Werkt 70 uur per week, woont bij de werkgever.',
	actions_taken: 'Gesproken met de mentor.',
	persons: [{ kind: 'victim', name: VICTIM, birth_date: '2009-05-17',
	    sex: 'female', nationality: 'eu', id_number: '123456782',
	    phone: '+31 6 12345678', languages: 'Pools, Engels',
	    markers: ['minor'] },
	{ kind: 'suspect', name: 'Onbekende man', estimated_age: 40 }],
});

before(async () => {
	server = await startServer();
	reporter = await loginAs(server, 'demo-reporter');
	advisor = await loginAs(server, 'demo-advisor');
});

after(async () => {
	await stopClean(server);
});

async function mineCount(c) {
	const r = await c.get('/api/signals/mine?per_page=100');
	assert.equal(r.status, 200);
	return r.body.total;
}

test('the catalogue has every indicator in Dutch and English', async () => {
	const r = await reporter.get('/api/catalog');
	assert.equal(r.status, 200);
	assert.ok(r.body.indicators.length >= 70);
	for (const i of r.body.indicators) {
		assert.ok(i.text_nl && i.text_en, i.id);
		assert.ok(['general', 'labour', 'sexual', 'criminal']
		    .includes(i.group), i.id);
	}
	const forms = r.body.forms.map((f) => f.key);
	assert.ok(forms.includes('ernstige_benadeling'));
	assert.ok(r.body.markers.some((m) => m.key === 'minor' && m.nl));
});

test('a signal is filed, with a triage deadline', async () => {
	const before = await mineCount(reporter);
	const r = await reporter.post('/api/signals', good());
	assert.equal(r.status, 201, r.text);
	assert.equal(r.body.status, 'received');
	assert.equal(r.body.emergency, false);
	// Three working days: never more than a week and a weekend away.
	const due = Date.parse(r.body.triage_due);
	assert.ok(due > Date.now() && due < Date.now() + 8 * 86400e3);
	assert.equal(await mineCount(reporter), before + 1);
	const mine = (await reporter.get('/api/signals/mine?per_page=100')).body.signals;
	const line = mine.find((s) => s.id === r.body.id);
	assert.equal(line.status, 'received');
	assert.equal(line.municipality_name, 'Amstelveen');
	// The list carries no personal data.
	assert.doesNotMatch(JSON.stringify(mine), /Heuvel|Werkt 70/);
});

test('acute: the emergency numbers and a same-day deadline', async () => {
	const r = await reporter.post('/api/signals', { ...good(),
	    urgency: 'acute' });
	assert.equal(r.status, 201, r.text);
	assert.equal(r.body.emergency, true);
	assert.ok(Date.parse(r.body.triage_due) - Date.now() < 86400e3);
});

test('bad input names every wrong field and changes nothing',
    async () => {
	const before = await mineCount(reporter);
	const bad = { ...good(), municipality: 'GM9999',
	    noticed_on: '2999-01-01', urgency: 'soon',
	    forms: ['smuggling'], indicators: ['XX-1'],
	    persons: [{ kind: 'friend', birth_date: '2023-02-30',
	    id_number: '123456789', markers: ['tall'] }] };
	const r = await reporter.post('/api/signals', bad);
	assertError(r, 400, 'invalid');
	const f = fieldNames(r);
	for (const name of ['municipality', 'noticed_on', 'urgency',
	    'forms[0]', 'indicators[0]', 'persons[0].kind',
	    'persons[0].birth_date', 'persons[0].id_number',
	    'persons[0].markers[0]'])
		assert.ok(f.includes(name), `${name} in ${f}`);
	// The shape comes first: an unknown or mistyped field is named
	// before any value is judged.
	const r2 = await reporter.post('/api/signals', { ...good(),
	    persons: [{ kind: 'victim', shoe: 42, estimated_age: 'old' }] });
	assertError(r2, 400, 'invalid');
	assert.deepEqual(fieldNames(r2).sort(), ['persons[0].estimated_age',
	    'persons[0].shoe']);
	// Neither an indicator nor a description: nothing to triage.
	const r3 = await reporter.post('/api/signals', { municipality:
	    'GM0363' });
	assertError(r3, 400, 'invalid');
	assert.ok(fieldNames(r3).includes('indicators'));
	assert.equal(await mineCount(reporter), before);
});

test('personal fields are sealed at rest, with blind indexes', async () => {
	const r = await reporter.post('/api/signals', good());
	assert.equal(r.status, 201);
	const id = r.body.id;
	const hits = await sql(server.dataDir, 'SELECT COUNT(*) FROM ' +
	    `signal_person WHERE signal_id = ${id} AND identity IS NOT ` +
	    'NULL AND bi_id IS NULL');
	// The victim has a BSN: its index is there; the suspect has none.
	assert.equal(hits.trim(), '1');
	for (const column of ['identity', 'bi_id', 'bi_name_dob']) {
		const n = await sql(server.dataDir, 'SELECT COUNT(*) FROM ' +
		    `signal_person WHERE signal_id = ${id} AND ` +
		    `${column} IS NOT NULL`);
		assert.ok(Number(n) >= 1, column);
	}
	// No plain name, BSN or description anywhere in those rows.
	const dump = await sql(server.dataDir, 'SELECT * FROM signal_person ' +
	    `WHERE signal_id = ${id}; SELECT * FROM signal WHERE id = ${id}`);
	assert.doesNotMatch(dump, /Heuvel|123456782|Werkt 70|mentor/);
});

test('a reporter sees only their own signals', async () => {
	const admin = await loginAs(server, 'demo-admin');
	const me = (await reporter.get('/api/me')).body;
	// Made, approved by a second admin and enrolled (accounts.mjs).
	const u = await newAccount(server, admin, { username:
	    uniqueName('leraar'), role: 'reporter', org_id: me.org_id });
	const other = await u.login();
	const filed = await reporter.post('/api/signals', good());
	assertError(await other.get(`/api/signals/${filed.body.id}`), 404,
	    'not_found');
	assert.equal(await mineCount(other), 0);
	// Their own is theirs to read.
	const own = await other.post('/api/signals', good());
	const r = await other.get(`/api/signals/${own.body.id}`);
	assert.equal(r.status, 200);
	assert.equal(r.body.persons[0].name, VICTIM);
});

test('the advisor triages the region of the point, and only that',
    async () => {
	const here = await reporter.post('/api/signals', good());
	const there = await reporter.post('/api/signals', { ...good(),
	    municipality: 'GM0599' });	// Rotterdam: another point
	const q = await advisor.get('/api/signals/queue?per_page=100');
	assert.equal(q.status, 200);
	const ids = q.body.signals.map((s) => s.id);
	assert.ok(ids.includes(here.body.id));
	assert.ok(!ids.includes(there.body.id));
	assertError(await advisor.get(`/api/signals/${there.body.id}`), 404,
	    'not_found');
	assertError(await advisor.post(`/api/signals/${there.body.id}` +
	    '/claim'), 404, 'not_found');
	// Acute before not urgent, oldest first within.
	const rank = { acute: 0, days: 1, not_urgent: 2 };
	const ranks = q.body.signals.map((s) => rank[s.urgency]);
	assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));

	const id = here.body.id;
	const d = await advisor.get(`/api/signals/${id}`);
	assert.equal(d.status, 200);
	assert.equal(d.body.persons[0].name, VICTIM);
	assert.equal(d.body.persons[0].age_band, '16-17');
	// Deciding before claiming, and forwarding without a basis, fail.
	assertError(await advisor.post(`/api/signals/${id}/decision`,
	    { decision: 'advice_given' }), 409, 'conflict');
	const c = await advisor.post(`/api/signals/${id}/claim`);
	assert.equal(c.status, 200, c.text);
	assert.equal(c.body.status, 'in_triage');
	assertError(await advisor.post(`/api/signals/${id}/claim`), 409,
	    'conflict');
	const nb = await advisor.post(`/api/signals/${id}/decision`,
	    { decision: 'forward_police' });
	assertError(nb, 400, 'invalid');
	assert.deepEqual(fieldNames(nb), ['legal_basis']);
	const ok = await advisor.post(`/api/signals/${id}/decision`,
	    { decision: 'forward_police', legal_basis: 'toestemming',
	    reason: 'interne afweging' });
	assert.equal(ok.status, 200, ok.text);
	assert.equal(ok.body.status, 'taken_up');

	// The reporter follows the status, not the deliberation.
	const mine = await reporter.get(`/api/signals/${id}`);
	assert.equal(mine.body.status, 'taken_up');
	assert.equal(mine.body.decision_reason, null);
	assert.equal(mine.body.legal_basis, null);
	assert.equal(mine.body.claimed_by, null);
});

test('filing, reading and every triage step are audited', async () => {
	const f = await reporter.post('/api/signals', good());
	const id = f.body.id;
	await advisor.get(`/api/signals/${id}`);
	await advisor.post(`/api/signals/${id}/claim`);
	await advisor.post(`/api/signals/${id}/decision`,
	    { decision: 'no_action', reason: 'geen signalen bevestigd' });
	const rows = await sql(server.dataDir, 'SELECT action FROM audit ' +
	    `WHERE object_type = 'signal' AND object_id = ${id} ORDER BY id`);
	assert.deepEqual(rows.trim().split('\n'), ['signal.create',
	    'signal.read', 'signal.claim', 'signal.decide']);
});

test('two professionals, one person: both are told, nothing else crosses',
    async () => {
	const admin = await loginAs(server, 'demo-admin');
	const orgs = (await admin.get('/api/orgs')).body.orgs;
	const police = orgs.find((o) => o.type === 'police');
	const name = uniqueName('agent');
	const u = await newAccount(server, admin, { username: name,
	    role: 'provider', org_id: police.id, phone: '020 559 11 11' });
	const agent = await u.login();

	const school = await reporter.post('/api/signals', good());
	assert.equal(school.status, 201);
	// The same BSN, written differently, under another name.
	const byId = await agent.post('/api/signals', {
	    municipality: 'GM0363', description: 'Aangetroffen bij controle.', persons: [{ kind:
	    'victim', name: 'Z. Heuvel', id_number: '1234.56.782' }] });
	assert.equal(byId.status, 201, byId.text);
	// No BSN, but the same name and birth date in another spelling.
	const byName = await agent.post('/api/signals', { municipality:
	    'GM0363', description: 'Tweede melding.', persons: [{ kind:
	    'victim', name: 'ZOE VAN DEN HEUVEL JANSEN',
	    birth_date: '17-05-2009' }] });
	assert.equal(byName.status, 201, byName.text);

	// Nothing shows before the point has taken the signals up: the
	// same answer as for a signal without a match.
	for (const id of [school.body.id, byId.body.id, byName.body.id]) {
		const c = id === school.body.id ? reporter : agent;
		const early = await c.get(`/api/signals/${id}`);
		assert.deepEqual(early.body.also_concerned, []);
		assert.equal(early.body.also_concerned_after_claim, true);
		// The point sees the match at once.
		const seen = await advisor.get(`/api/signals/${id}`);
		assert.ok(seen.body.also_concerned.length >= 1);
		assert.equal(seen.body.also_concerned_after_claim, false);
		const cl = await advisor.post(`/api/signals/${id}/claim`);
		assert.equal(cl.status, 200, cl.text);
	}
	for (const id of [byId.body.id, byName.body.id]) {
		const mine = await agent.get(`/api/signals/${id}`);
		const who = mine.body.also_concerned;
		assert.ok(who.some((w) => w.username === 'demo-reporter' &&
		    w.org_name === 'Basisschool De Regenboog (demo)' &&
		    w.phone), JSON.stringify(who));
		// Nothing of the school's signal crosses over.
		assert.doesNotMatch(mine.text, /Werkt 70|mentor|Pools|123456782/);
	}
	const theirs = await reporter.get(`/api/signals/${school.body.id}`);
	assert.ok(theirs.body.also_concerned.some((w) => w.username === name &&
	    w.phone === '020 559 11 11'), JSON.stringify(theirs.body));
	assert.doesNotMatch(theirs.text, /Aangetroffen|Tweede melding/);
	const line = (await reporter.get('/api/signals/mine?per_page=100')).body.signals
	    .find((s) => s.id === school.body.id);
	assert.ok(line.also_concerned >= 2);
	// Every match is on the audit trail of both signals.
	const n = await sql(server.dataDir, 'SELECT COUNT(*) FROM audit WHERE ' +
	    `action = 'signal.match' AND object_id = ${school.body.id}`);
	assert.ok(Number(n) >= 2, n);
	// The same organisation is not told about itself.
	const again = await agent.post('/api/signals', { municipality: 'GM0363',
	    description: 'Derde.', persons: [{ kind: 'victim',
	    id_number: '123456782' }] });
	const d = await agent.get(`/api/signals/${again.body.id}`);
	assert.ok(!d.body.also_concerned.some((w) => w.username === name));
});

test('the point asks the reporter a question; the reporter answers',
    async () => {
	const f = await reporter.post('/api/signals', good());
	const id = f.body.id;
	const q = await advisor.post(`/api/signals/${id}/questions`,
	    { question: 'Sinds wanneer ziet u dit?' });
	assert.equal(q.status, 201, q.text);
	const qid = q.body.id;
	const line = (await reporter.get('/api/signals/mine?per_page=100')).body.signals
	    .find((s) => s.id === id);
	assert.equal(line.open_questions, 1);
	const mine = await reporter.get(`/api/signals/${id}`);
	assert.equal(mine.body.questions[0].question,
	    'Sinds wanneer ziet u dit?');
	assert.equal(mine.body.questions[0].answer, null);
	// Reporters do not ask; only the reporter answers, once.
	assertError(await reporter.post(`/api/signals/${id}/questions`,
	    { question: 'x' }), 403, 'forbidden');
	const coordinator = await loginAs(server, 'demo-coordinator');
	assertError(await coordinator.post(`/api/signals/${id}/questions/` +
	    `${qid}/answer`, { answer: 'x' }), 404, 'not_found');
	const a = await reporter.post(`/api/signals/${id}/questions/${qid}` +
	    '/answer', { answer: 'Sinds september.' });
	assert.equal(a.status, 200, a.text);
	assertError(await reporter.post(`/api/signals/${id}/questions/` +
	    `${qid}/answer`, { answer: 'nog eens' }), 409, 'conflict');
	const seen = await advisor.get(`/api/signals/${id}`);
	assert.equal(seen.body.questions[0].answer, 'Sinds september.');
	const rows = await sql(server.dataDir, 'SELECT * FROM ' +
	    `signal_question WHERE signal_id = ${id}`);
	assert.doesNotMatch(rows, /september|Sinds/);
	const acts = await sql(server.dataDir, 'SELECT action FROM audit ' +
	    `WHERE object_type = 'signal' AND object_id = ${id} AND action ` +
	    "IN ('signal.ask', 'signal.answer') ORDER BY id");
	assert.deepEqual(acts.trim().split('\n'), ['signal.ask',
	    'signal.answer']);
});

test('the point overview counts what waits, what is late and what is due',
    async () => {
	const view = async () => {
		const r = await advisor.get('/api/signals/overview');
		assert.equal(r.status, 200, r.text);
		return r.body;
	};
	const o0 = await view();
	const acute = await reporter.post('/api/signals', { ...good(),
	    urgency: 'acute', persons: [] });
	assert.equal(acute.status, 201);
	await reporter.post('/api/signals', { ...good(),
	    municipality: 'GM0599', persons: [] });	// another point
	const o1 = await view();
	assert.equal(o1.received, o0.received + 1);
	assert.equal(o1.acute, o0.acute + 1);
	assert.equal(o1.due_today, o0.due_today + 1);
	assert.equal(o1.overdue, o0.overdue);

	const id = acute.body.id;
	assert.equal((await advisor.post(`/api/signals/${id}/claim`)).status,
	    200);
	await advisor.post(`/api/signals/${id}/questions`,
	    { question: 'Is zij nu veilig?' });
	await reporter.post('/api/advice', { municipality: 'GM0362',
	    question: 'Een vraag zonder namen erin.' });
	const o2 = await view();
	assert.equal(o2.received, o1.received - 1);
	assert.equal(o2.in_triage, o1.in_triage + 1);
	assert.equal(o2.waiting_for_reporter, o1.waiting_for_reporter + 1);
	assert.equal(o2.advice_open, o1.advice_open + 1);

	// Past its deadline (the clock moved on): late, no longer "today".
	await sql(server.dataDir, 'UPDATE signal SET triage_due = ' +
	    `triage_due - 3 * 86400 WHERE id = ${id}`);
	const o3 = await view();
	assert.equal(o3.overdue, o2.overdue + 1);
	assert.equal(o3.due_today, o2.due_today - 1);

	assert.equal((await advisor.post(`/api/signals/${id}/decision`,
	    { decision: 'acute_safety' })).status, 200);
	const o4 = await view();
	assert.equal(o4.in_triage, o3.in_triage - 1);
	assert.equal(o4.overdue, o3.overdue - 1);
	assert.equal(o4.acute, o3.acute - 1);
	assert.equal(o4.waiting_for_reporter, o3.waiting_for_reporter - 1);

	assertError(await reporter.get('/api/signals/overview'), 403,
	    'forbidden');
});

test('help needs: from the catalogue, named when wrong, shown with the signal',
    async () => {
	const cat = (await reporter.get('/api/catalog')).body;
	assert.equal(cat.help_needs.length, 22);
	for (const n of cat.help_needs)
		assert.ok(n.id && n.domain && n.domain_nl && n.text_nl &&
		    n.text_en, n.id);
	const r = await reporter.post('/api/signals', { ...good(),
	    help_needs: ['SAFE-PLAN', 'SAFE-SHELTER'] });
	assert.equal(r.status, 201, r.text);
	const d = await advisor.get(`/api/signals/${r.body.id}`);
	assert.deepEqual(d.body.help_needs, ['SAFE-PLAN', 'SAFE-SHELTER']);
	const plain = await reporter.post('/api/signals', good());
	assert.deepEqual((await reporter.get(`/api/signals/${plain.body.id}`))
	    .body.help_needs, []);

	const before = await mineCount(reporter);
	const bad = await reporter.post('/api/signals', { ...good(),
	    help_needs: ['SAFE-PLAN', 'MONEY-TREE', 'SAFE-PLAN'] });
	assertError(bad, 400, 'invalid');
	assert.deepEqual(fieldNames(bad), ['help_needs[1]', 'help_needs[2]']);
	assertError(await reporter.post('/api/signals', { ...good(),
	    help_needs: 'SAFE-PLAN' }), 400, 'invalid');
	assert.equal(await mineCount(reporter), before);
});

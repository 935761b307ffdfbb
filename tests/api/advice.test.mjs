// Advice: a professional asks without identifying anyone, an advisor of
// the point of that municipality answers, and the asker reads the answer.
// Runs on SQLite and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql, stopClean } from
    '../lib/util.mjs';

let server = null;
let reporter = null;
let advisor = null;

const QUESTION = 'Een leerling van 15 vertelt over een bijbaan tot 23 uur ' +
    'bij een "oom". Moet ik dit melden?';

before(async () => {
	server = await startServer();
	reporter = await loginAs(server, 'demo-reporter');
	advisor = await loginAs(server, 'demo-advisor');
});

after(async () => {
	await stopClean(server);
});

test('ask, answer, read the answer', async () => {
	const q = await reporter.post('/api/advice', { municipality: 'GM0384',
	    question: QUESTION });
	assert.equal(q.status, 201, q.text);
	assert.equal(q.body.status, 'open');
	const id = q.body.id;

	const queue = await advisor.get('/api/advice/queue');
	assert.equal(queue.status, 200);
	const item = queue.body.advice.find((a) => a.id === id);
	assert.equal(item.question, QUESTION);
	assert.equal(item.asker_org, 'Basisschool De Regenboog (demo)');

	const a = await advisor.post(`/api/advice/${id}/answer`,
	    { answer: 'Ja: bel ons, dan bespreken we het samen.' });
	assert.equal(a.status, 200, a.text);
	assertError(await advisor.post(`/api/advice/${id}/answer`,
	    { answer: 'nog eens' }), 409, 'conflict');

	const mine = await reporter.get('/api/advice/mine');
	const own = mine.body.advice.find((x) => x.id === id);
	assert.equal(own.status, 'answered');
	assert.match(own.answer, /bel ons/);
	assert.equal(own.answered_by, 'demo-advisor');

	// Sealed at rest, and on the audit trail.
	const rows = await sql(server.dataDir, 'SELECT * FROM advice ' +
	    `WHERE id = ${id}`);
	assert.doesNotMatch(rows, /bijbaan|bel ons/);
	const acts = await sql(server.dataDir, 'SELECT action FROM audit ' +
	    `WHERE object_type = 'advice' AND object_id = ${id} ORDER BY id`);
	assert.deepEqual(acts.trim().split('\n'), ['advice.ask',
	    'advice.answer']);
});

test('another point does not see or answer it', async () => {
	const q = await reporter.post('/api/advice', { municipality: 'GM0599',
	    question: QUESTION });	// Rotterdam: another point
	assert.equal(q.status, 201);
	const queue = await advisor.get('/api/advice/queue');
	assert.ok(!queue.body.advice.some((a) => a.id === q.body.id));
	assertError(await advisor.post(`/api/advice/${q.body.id}/answer`,
	    { answer: 'x' }), 404, 'not_found');
});

test('bad input is named and changes nothing', async () => {
	const before = (await reporter.get('/api/advice/mine')).body.advice
	    .length;
	const r = await reporter.post('/api/advice', { municipality: 'GM9999',
	    question: 'kort' });
	assertError(r, 400, 'invalid');
	assert.ok(fieldNames(r).includes('question'));
	const r2 = await reporter.post('/api/advice', { municipality: 'GM9999',
	    question: QUESTION });
	assertError(r2, 400, 'invalid');
	assert.deepEqual(fieldNames(r2), ['municipality']);
	assert.equal((await reporter.get('/api/advice/mine')).body.advice
	    .length, before);
});

// The point answers and suggests reporting it; the reporter adds the
// person and the advice becomes a signal, once, that shows where it came
// from.
test('an answered advice becomes a signal with the person', async () => {
	const q = await reporter.post('/api/advice', { municipality: 'GM0384',
	    question: QUESTION });
	const id = q.body.id;
	const person = { kind: 'victim', name: 'Noor Visser',
	    birth_date: '2010-04-02' };
	const body = { municipality: 'GM0384', urgency: 'days',
	    indicators: ['OM-1a-1'], persons: [person] };

	// Not while it waits for an answer.
	assertError(await reporter.post(`/api/advice/${id}/signal`, body), 409,
	    'conflict');
	const wrong = await advisor.post(`/api/advice/${id}/answer`,
	    { answer: 'Meld dit.', suggest_signal: 'ja' });
	assertError(wrong, 400, 'invalid');
	assert.deepEqual(fieldNames(wrong), ['suggest_signal']);
	const a = await advisor.post(`/api/advice/${id}/answer`,
	    { answer: 'Meld dit als signaal, met de naam erbij.',
	    suggest_signal: true });
	assert.equal(a.status, 200, a.text);
	let own = (await reporter.get('/api/advice/mine')).body.advice
	    .find((x) => x.id === id);
	assert.equal(own.suggest_signal, true);
	assert.equal(own.signal_id, null);
	assert.equal(own.municipality, 'GM0384');

	// Bad input names the field and changes nothing.
	const bad = await reporter.post(`/api/advice/${id}/signal`,
	    { ...body, persons: [{ ...person, birth_date: '2010-02-30' }] });
	assertError(bad, 400, 'invalid');
	assert.deepEqual(fieldNames(bad), ['persons[0].birth_date']);
	assertError(await reporter.post(`/api/advice/${id}/signal`,
	    { ...body, advice: 1 }), 400, 'invalid');
	// Someone else's advice does not exist for them.
	const coordinator = await loginAs(server, 'demo-coordinator');
	assertError(await coordinator.post(`/api/advice/${id}/signal`, body),
	    404, 'not_found');
	assertError(await reporter.post('/api/advice/999999/signal', body),
	    404, 'not_found');
	own = (await reporter.get('/api/advice/mine')).body.advice
	    .find((x) => x.id === id);
	assert.equal(own.signal_id, null);

	const s = await reporter.post(`/api/advice/${id}/signal`, body);
	assert.equal(s.status, 201, s.text);
	assert.equal(s.body.status, 'received');
	own = (await reporter.get('/api/advice/mine')).body.advice
	    .find((x) => x.id === id);
	assert.equal(own.signal_id, s.body.id);
	assertError(await reporter.post(`/api/advice/${id}/signal`, body), 409,
	    'conflict');

	// Both sides see where the signal came from.
	for (const who of [reporter, advisor]) {
		const d = await who.get(`/api/signals/${s.body.id}`);
		assert.equal(d.status, 200, d.text);
		assert.equal(d.body.from_advice.id, id);
		assert.equal(d.body.from_advice.question, QUESTION);
		assert.match(d.body.from_advice.answer, /Meld dit/);
		assert.equal(d.body.persons[0].name, 'Noor Visser');
	}
	const plain = await reporter.post('/api/signals', body);
	assert.equal((await reporter.get(`/api/signals/${plain.body.id}`))
	    .body.from_advice, null);

	// One signal for the one advice, and the step is on the trail.
	assert.equal((await sql(server.dataDir, 'SELECT COUNT(*) FROM advice ' +
	    `WHERE signal_id = ${s.body.id}`)).trim(), '1');
	const acts = await sql(server.dataDir, 'SELECT action FROM audit ' +
	    `WHERE object_type = 'advice' AND object_id = ${id} ORDER BY id`);
	assert.deepEqual(acts.trim().split('\n'), ['advice.ask',
	    'advice.answer', 'advice.signal']);
	const sacts = await sql(server.dataDir, 'SELECT action FROM audit ' +
	    `WHERE object_type = 'signal' AND object_id = ${s.body.id} ` +
	    'ORDER BY id LIMIT 1');
	assert.equal(sacts.trim(), 'signal.create');
});

test('two tries at once make one signal', async () => {
	const q = await reporter.post('/api/advice', { municipality: 'GM0384',
	    question: QUESTION });
	await advisor.post(`/api/advice/${q.body.id}/answer`,
	    { answer: 'Graag als signaal.' });
	const body = { municipality: 'GM0384', indicators: ['OM-1a-1'],
	    persons: [{ kind: 'victim', name: 'Sam de Boer' }] };
	const before = Number(await sql(server.dataDir,
	    'SELECT COUNT(*) FROM signal'));
	const rs = await Promise.all([1, 2, 3, 4].map(() =>
	    reporter.post(`/api/advice/${q.body.id}/signal`, body)));
	assert.deepEqual(rs.map((r) => r.status).sort(), [201, 409, 409, 409]);
	assert.equal(Number(await sql(server.dataDir,
	    'SELECT COUNT(*) FROM signal')), before + 1);
});

// After a call, say: the point turns the question into a signal itself.
// The asker stays the reporter, follows it and answers its questions.
test('the point turns a question into a signal for the asker', async () => {
	const q = await reporter.post('/api/advice', { municipality: 'GM0384',
	    question: QUESTION });
	const body = { municipality: 'GM0384', urgency: 'days',
	    indicators: ['OM-1a-1'],
	    persons: [{ kind: 'victim', name: 'Lina Haddad' }] };
	// Another point's question stays out of reach.
	const there = await reporter.post('/api/advice', {
	    municipality: 'GM0599', question: QUESTION });
	assertError(await advisor.post(`/api/advice/${there.body.id}/signal`,
	    body), 404, 'not_found');

	// Open or answered: the point may do it.
	const s = await advisor.post(`/api/advice/${q.body.id}/signal`, body);
	assert.equal(s.status, 201, s.text);
	assertError(await advisor.post(`/api/advice/${q.body.id}/signal`, body),
	    409, 'conflict');
	assertError(await reporter.post(`/api/advice/${q.body.id}/signal`,
	    body), 409, 'conflict');

	const mine = (await reporter.get('/api/signals/mine?per_page=100')).body.signals;
	assert.ok(mine.some((x) => x.id === s.body.id),
	    'the asker follows it among their own signals');
	const d = await reporter.get(`/api/signals/${s.body.id}`);
	assert.equal(d.status, 200);
	assert.equal(d.body.reporter.username, 'demo-reporter');
	assert.equal(d.body.from_advice.id, q.body.id);
	assert.equal(d.body.persons[0].name, 'Lina Haddad');
	const own = (await reporter.get('/api/advice/mine')).body.advice
	    .find((x) => x.id === q.body.id);
	assert.equal(own.signal_id, s.body.id);

	// The trail says who did it: the advisor.
	const who = await sql(server.dataDir, 'SELECT u.username FROM audit a ' +
	    'JOIN app_user u ON u.id = a.user_id WHERE a.object_type = ' +
	    `'signal' AND a.object_id = ${s.body.id} AND a.action = ` +
	    "'signal.create'");
	assert.equal(who.trim(), 'demo-advisor');
});

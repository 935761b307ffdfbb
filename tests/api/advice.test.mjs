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

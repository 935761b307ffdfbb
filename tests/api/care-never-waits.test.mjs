// Care never waits: help is never conditional on the criminal case or on
// residence (principle 1 of the design).  One case is walked through
// every state of the criminal-case track and every state of the
// residence track, and in each state every care action there is (accept,
// status in care / closed / reopened, type, a need added and met, the
// plan, a note, a colleague assigned and taken off, a person added) must
// succeed.  Runs on SQLite and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { newAccount, realAdmin } from '../lib/accounts.mjs';
import { addDays, todayAms } from '../lib/days.mjs';
import { startServer } from '../lib/server.mjs';
import { loginAs, stopClean } from '../lib/util.mjs';

let server = null;

before(async () => {
	server = await startServer();
});

after(async () => {
	await stopClean(server);
});

// Paths through the tables of domain/track.c that visit every state.
const CRIMINAL = ['informative_conversation', 'report_filed',
    'investigation', 'dismissed', 'investigation', 'prosecution',
    'acquittal', 'prosecution', 'conviction'];
const RESIDENCE = [['reflection'], ['reflection_ended', 'report'],
    ['permit'], ['permit_renewed'], ['exempt', null, 'serious_threat'],
    ['withdrawn'], ['asylum'], ['permit'], ['continued']];
const CRIMINAL_STATES = ['informative_conversation', 'report_filed',
    'investigation', 'dismissed', 'prosecution', 'acquittal',
    'conviction'];
const RESIDENCE_STATES = ['reflection', 'reflection_ended', 'permit',
    'exempt', 'permit_renewed', 'continued', 'withdrawn', 'asylum'];

test('in every state of both tracks, every care action succeeds',
    async () => {
	const coordinator = await loginAs(server, 'demo-coordinator');
	const reporter = await loginAs(server, 'demo-reporter');
	const advisor = await loginAs(server, 'demo-advisor');
	const admin = await realAdmin(server);
	const me = (await coordinator.get('/api/me')).body;
	const colleague = await newAccount(server, admin,
	    { role: 'coordinator', org_id: me.org_id });
	const needs = (await coordinator.get('/api/catalog')).body.help_needs
	    .map((n) => n.id).filter((n) => n !== 'SAFE-SHELTER');

	// A case from a signal: new, so accepting is one of the actions.
	const f = await reporter.post('/api/signals', {
	    municipality: 'GM0363', urgency: 'days',
	    description: 'Werkt zonder loon in een nagelstudio.',
	    forms: ['labour'], indicators: [], help_needs: ['SAFE-SHELTER'],
	    persons: [{ kind: 'victim', name: 'Ana Rusu' }] });
	assert.equal(f.status, 201, f.text);
	assert.equal((await advisor.post(`/api/signals/${f.body.id}/claim`))
	    .status, 200);
	const d = await advisor.post(`/api/signals/${f.body.id}/decision`,
	    { decision: 'open_case' });
	assert.equal(d.status, 200, d.text);
	const id = d.body.case_id;
	const path = `/api/cases/${id}`;

	const today = todayAms();
	let day = addDays(today, -400);
	let step = 0;
	const seen = { criminal: new Set(), residence: new Set() };

	async function ok(what, r, status = 200) {
		assert.equal(r.status, status, `${what}: ${r.text}`);
		return r.body;
	}

	// Every care action, in the state the tracks are in now.
	async function care(where) {
		const c = (await coordinator.get(path)).body;
		const at = (what) => `${what} (${where}, case ${c.status})`;
		if (c.status === 'new')
			await ok(at('accept'), await coordinator.post(
			    `${path}/accept`));
		if ((await coordinator.get(path)).body.status === 'accepted')
			await ok(at('in care'), await coordinator.post(
			    `${path}/status`, { status: 'in_care' }));
		await ok(at('close'), await coordinator.post(`${path}/status`,
		    { status: 'closed', reason: 'other',
		    why: 'Even afgesloten.' }));
		await ok(at('reopen'), await coordinator.post(`${path}/status`,
		    { status: 'reopened', why: 'Weer nodig.' }));
		await ok(at('type'), await coordinator.post(`${path}/type`,
		    { type: 'serious_disadvantage', forms: [] }));
		await ok(at('type back'), await coordinator.post(`${path}/type`,
		    { type: 'trafficking', forms: ['labour'] }));
		const need = await ok(at('need'), await coordinator.post(
		    `${path}/needs`, { need: needs[step] }), 201);
		await ok(at('need met'), await coordinator.post(
		    `${path}/needs/${need.id}`, { status: 'met' }));
		await ok(at('plan'), await coordinator.post(`${path}/plan`,
		    { goals: `Doel ${step}`, tasks: [{ who: 'Opvang',
		    what: 'Een plek' }], review_on: addDays(today, 30) }));
		await ok(at('note'), await coordinator.post(`${path}/notes`,
		    { text: `Notitie ${step}` }), 201);
		await ok(at('member'), await coordinator.post(`${path}/members`,
		    { user_id: colleague.id }));
		await ok(at('member off'), await coordinator.post(
		    `${path}/members/${colleague.id}/remove`));
		await ok(at('person'), await coordinator.post(`${path}/persons`,
		    { kind: 'other', name: `Getuige ${step}` }), 201);
		step++;
	}

	// The criminal track, with no residence state yet.
	for (const state of CRIMINAL) {
		day = addDays(day, 7);
		await ok(`criminal ${state}`, await coordinator.post(
		    `${path}/criminal`, { state, on: day }));
		const c = (await coordinator.get(path)).body;
		assert.equal(c.criminal.state, state);
		seen.criminal.add(state);
		await care(`criminal ${state}`);
	}
	// The residence track, with the criminal case at its last state.
	for (const [state, reason, ground] of RESIDENCE) {
		day = addDays(day, 7);
		await ok(`residence ${state}`, await coordinator.post(
		    `${path}/residence`, { state, on: day, reason, ground }));
		const c = (await coordinator.get(path)).body;
		assert.equal(c.residence.state, state);
		seen.residence.add(state);
		await care(`residence ${state}`);
	}
	assert.deepEqual([...seen.criminal].sort(),
	    [...CRIMINAL_STATES].sort(), 'every criminal state walked');
	assert.deepEqual([...seen.residence].sort(),
	    [...RESIDENCE_STATES].sort(), 'every residence state walked');
	// And every state the server knows was walked: the tables did not
	// grow a state this test does not know.
	const c = (await coordinator.get(path)).body;
	assert.deepEqual(c.criminal.states, CRIMINAL_STATES);
	assert.deepEqual(c.residence.states, RESIDENCE_STATES);
	assert.equal(step, CRIMINAL.length + RESIDENCE.length);
	assert.equal(c.status, 'in_care');
	assert.equal(c.needs.filter((n) => n.status === 'met').length, step);
});

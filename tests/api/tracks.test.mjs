// The criminal-case and residence tracks beside the care: steps by the
// tables of allowed transitions (409 otherwise, saying what may follow),
// bad input named by field and changing nothing, dates in the future
// refused, the reflection period and the permit ended by the legal
// table, each step on the timeline with its note sealed and audited,
// the residence deadlines on the coordinator's start list, and 404 for
// anyone without a relation.  Runs on SQLite and PostgreSQL
// (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { newAccount, realAdmin } from '../lib/accounts.mjs';
import { addDays, daysBetween, todayAms } from '../lib/days.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql, stopClean }
    from '../lib/util.mjs';

let server = null;
let coordinator = null;

before(async () => {
	server = await startServer();
	coordinator = await loginAs(server, 'demo-coordinator');
});

after(async () => {
	await stopClean(server);
});

async function count(where) {
	return Number((await sql(server.dataDir,
	    `SELECT COUNT(*) FROM ${where}`)).trim());
}

// A case opened directly by the demo coordinator, in care.
async function newCase(type = 'trafficking') {
	const r = await coordinator.post('/api/cases', { type,
	    forms: type === 'trafficking' ? ['labour'] : [],
	    municipality: 'GM0363', source: 'police',
	    persons: [{ kind: 'victim', name: 'Elena Marin' }] });
	assert.equal(r.status, 201, r.text);
	return r.body.id;
}

async function read(id) {
	const r = await coordinator.get(`/api/cases/${id}`);
	assert.equal(r.status, 200, r.text);
	return r.body;
}

test('the criminal case follows its table; each step dated, on the ' +
    'timeline, with its note sealed', async () => {
	const id = await newCase();
	const path = `/api/cases/${id}/criminal`;
	const today = todayAms();
	let c = await read(id);
	assert.equal(c.criminal.state, null);
	assert.deepEqual(c.criminal.next,
	    ['informative_conversation', 'report_filed']);
	assert.deepEqual(c.criminal.history, []);

	// Not from the start straight to a judgment.
	const e = assertError(await coordinator.post(path,
	    { state: 'conviction', on: today }), 409, 'conflict');
	assert.match(e.message, /informative_conversation or report_filed/);

	const steps = [
	    ['informative_conversation', addDays(today, -40), null],
	    ['report_filed', addDays(today, -30),
		'Aangifte gedaan bij de zedenpolitie.'],
	    ['investigation', addDays(today, -20), null],
	    ['dismissed', addDays(today, -10), null],
	    ['prosecution', today, 'Beklag art. 12 Sv gegrond.']];
	for (const [state, on, note] of steps) {
		const r = await coordinator.post(path, { state, on, note });
		assert.equal(r.status, 200, `${state}: ${r.text}`);
	}
	c = await read(id);
	assert.equal(c.criminal.state, 'prosecution');
	assert.equal(c.criminal.on, today);
	assert.deepEqual(c.criminal.next, ['acquittal', 'conviction']);
	assert.deepEqual(c.criminal.history.map((s) => [s.state, s.on,
	    s.note]), steps);
	assert.equal(c.criminal.history[1].username, 'demo-coordinator');
	assert.equal(c.criminal.history[1].org_name,
	    'Zorgcoördinatie Mensenhandel Amsterdam (demo)');
	const events = c.timeline.filter((x) => x.kind === 'criminal');
	assert.deepEqual(events.map((x) => x.detail), [
	    `none>informative_conversation@${steps[0][1]}`,
	    `informative_conversation>report_filed@${steps[1][1]}`,
	    `report_filed>investigation@${steps[2][1]}`,
	    `investigation>dismissed@${steps[3][1]}`,
	    `dismissed>prosecution@${today}`]);
	assert.equal(events[1].text, 'Aangifte gedaan bij de zedenpolitie.');
	// Sealed, and every step audited.
	assert.equal(await count("case_event WHERE CAST(text AS TEXT) LIKE " +
	    "'%zedenpolitie%'"), 0);
	assert.equal(await count(`audit WHERE action = 'case.criminal' AND ` +
	    `object_type = 'case' AND object_id = ${id}`), 5);
	// A judgment, then an appeal: the prosecution goes on.
	assert.equal((await coordinator.post(path, { state: 'acquittal',
	    on: today })).status, 200);
	assertError(await coordinator.post(path, { state: 'conviction',
	    on: today }), 409, 'conflict');
	assert.equal((await coordinator.post(path, { state: 'prosecution',
	    on: today })).status, 200);
});

test('bad input is named by field and changes nothing', async () => {
	const id = await newCase();
	const today = todayAms();
	const tomorrow = addDays(today, 1);
	const before = await count('case_track');
	const events = await count('case_event');
	for (const [path, body, fields] of [
	    ['criminal', {}, ['state', 'on']],
	    ['criminal', { state: 'report_filed' }, ['on']],
	    ['criminal', { state: 'arrested', on: today }, ['state']],
	    ['criminal', { state: 'report_filed', on: '2026-02-30' }, ['on']],
	    ['criminal', { state: 'report_filed', on: '1-1-2026' }, ['on']],
	    ['criminal', { state: 'report_filed', on: tomorrow }, ['on']],
	    ['criminal', { state: 'report_filed', on: today,
		reason: 'report' }, ['reason']],
	    ['criminal', { state: 'report_filed', on: today,
		note: 'x'.repeat(10001) }, ['note']],
	    ['criminal', { state: 7, on: today }, ['state']],
	    ['residence', { state: 'permit', on: tomorrow }, ['on']],
	    ['residence', { state: 'reflection_ended', on: today },
		['reason']],
	    ['residence', { state: 'reflection_ended', on: today,
		reason: 'bored' }, ['reason']],
	    ['residence', { state: 'exempt', on: today }, ['ground']],
	    ['residence', { state: 'exempt', on: today, ground: 'tired' },
		['ground']],
	    ['residence', { state: 'permit', on: today,
		ground: 'serious_threat' }, ['ground']],
	    ['residence', { state: 'permit', on: today, reason: 'report' },
		['reason']],
	    ['residence', { state: 'prosecution', on: today }, ['state']],
	    ['residence', { state: 'permit', on: today, extra: 1 },
		['extra']]]) {
		const r = await coordinator.post(`/api/cases/${id}/${path}`,
		    body);
		const what = `${path} ${JSON.stringify(body).slice(0, 80)}`;
		assertError(r, 400, 'invalid', what);
		assert.deepEqual(fieldNames(r), fields, what);
	}
	const e = (await coordinator.post(`/api/cases/${id}/criminal`,
	    { state: 'report_filed', on: tomorrow })).body.error;
	assert.match(e.fields[0].reason, /future/);
	assert.equal(await count('case_track'), before);
	assert.equal(await count('case_event'), events);
});

test('residence: the reflection period ends by the legal table, early ' +
    'only with a reason; the permit runs a year and is renewed',
    async () => {
	const id = await newCase();
	const path = `/api/cases/${id}/residence`;
	const today = todayAms();
	const start = addDays(today, -30);
	let r = await coordinator.post(path, { state: 'reflection',
	    on: start });
	assert.equal(r.status, 200, r.text);
	let c = await read(id);
	assert.equal(c.residence.applies, true);
	assert.equal(c.residence.state, 'reflection');
	// Three months on, the same day of the month (or the month's end).
	const [y, m, d] = start.split('-').map(Number);
	const last = new Date(Date.UTC(y, m + 2, 0)).getUTCDate();
	const end = new Date(Date.UTC(y, m + 2, Math.min(d, last)))
	    .toISOString().slice(0, 10);
	assert.equal(c.residence.ends_on, end);
	assert.deepEqual(c.residence.next, ['reflection_ended']);
	assert.equal(c.residence.deadlines.length, 1);
	const dl = c.residence.deadlines[0];
	assert.equal(dl.what, 'reflection_ends');
	assert.equal(dl.due, end);
	assert.equal(dl.warn_from, addDays(end, -14));
	assert.equal(dl.days_left, daysBetween(today, end));
	assert.equal(dl.overdue, false);
	assert.match(dl.source, /Vreemdelingencirculaire 2000, B8\/3/);
	assert.match(dl.warning_source, /not law/);
	assert.deepEqual(c.residence.rules.map((x) => [x.code, x.amount,
	    x.unit, x.law]), [['reflection_period', 3, 'months', true],
	    ['residence_permit', 1, 'years', true],
	    ['reflection_warning', 14, 'days', false],
	    ['permit_warning', 56, 'days', false]]);

	// Not straight to a permit; not ended as expired before its end;
	// not dated before the step before it.
	assertError(await coordinator.post(path, { state: 'permit',
	    on: today }), 409, 'conflict');
	let e = assertError(await coordinator.post(path, {
	    state: 'reflection_ended', on: today, reason: 'expired' }), 409,
	    'conflict');
	assert.match(e.message, new RegExp(`runs until ${end}`));
	e = assertError(await coordinator.post(path, {
	    state: 'reflection_ended', on: addDays(start, -1),
	    reason: 'report' }), 409, 'conflict');
	assert.match(e.message, /cannot come before/);
	r = await coordinator.post(path, { state: 'reflection_ended',
	    on: addDays(today, -10), reason: 'report',
	    note: 'Aangifte gedaan; aanvraag B8/3 volgt.' });
	assert.equal(r.status, 200, r.text);
	c = await read(id);
	assert.equal(c.residence.state, 'reflection_ended');
	assert.equal(c.residence.ends_on, null);
	assert.deepEqual(c.residence.deadlines, []);
	assert.equal(c.residence.history[1].reason, 'report');

	// A permit from 29 February would end on 28 February; here a
	// permit from ten days ago ends a year later, and a renewal adds
	// a year to that end.
	const pstart = addDays(today, -5);
	assert.equal((await coordinator.post(path, { state: 'permit',
	    on: pstart })).status, 200);
	c = await read(id);
	const pend = `${Number(pstart.slice(0, 4)) + 1}${pstart.slice(4)}`
	    .replace(/-02-29$/, '-02-28');
	assert.equal(c.residence.ends_on, pend);
	assert.equal(c.residence.deadlines[0].what, 'permit_expires');
	assert.equal(c.residence.deadlines[0].warn_from, addDays(pend, -56));
	assert.equal((await coordinator.post(path, { state: 'permit_renewed',
	    on: today })).status, 200);
	c = await read(id);
	assert.equal(c.residence.ends_on,
	    `${Number(pend.slice(0, 4)) + 1}${pend.slice(4)}`
	    .replace(/-02-29$/, '-02-28'));
	// Exemption with its ground, continued residence.
	assert.equal((await coordinator.post(path, { state: 'exempt',
	    on: today, ground: 'serious_threat' })).status, 200);
	assert.equal((await coordinator.post(path, { state: 'continued',
	    on: today })).status, 200);
	c = await read(id);
	assert.equal(c.residence.history.at(-2).ground, 'serious_threat');
	assert.deepEqual(c.residence.next, ['withdrawn']);
	assert.deepEqual(c.timeline.filter((x) => x.kind === 'residence')
	    .map((x) => x.detail.replace(/@.*/, '')), ['none>reflection',
	    'reflection>reflection_ended:report', 'reflection_ended>permit',
	    'permit>permit_renewed', 'permit_renewed>exempt:serious_threat',
	    'exempt>continued']);
	assert.equal(await count(`audit WHERE action = 'case.residence' ` +
	    `AND object_id = ${id}`), 6);
});

test('a reflection period that ran out ends as expired', async () => {
	const id = await newCase();
	const path = `/api/cases/${id}/residence`;
	const today = todayAms();
	assert.equal((await coordinator.post(path, { state: 'reflection',
	    on: addDays(today, -100) })).status, 200);
	const c = await read(id);
	assert.equal(c.residence.deadlines[0].overdue, true);
	assert.ok(c.residence.deadlines[0].days_left < 0);
	const r = await coordinator.post(path, { state: 'reflection_ended',
	    on: today, reason: 'expired' });
	assert.equal(r.status, 200, r.text);
});

test('serious disadvantage: no residence steps under B8/3, the ' +
    'criminal track open', async () => {
	const id = await newCase('serious_disadvantage');
	const today = todayAms();
	const e = assertError(await coordinator.post(
	    `/api/cases/${id}/residence`, { state: 'reflection', on: today }),
	    409, 'conflict');
	assert.match(e.message, /B8\/3 is for victims of trafficking/);
	assert.equal((await coordinator.post(`/api/cases/${id}/criminal`,
	    { state: 'report_filed', on: today })).status, 200);
	const c = await read(id);
	assert.equal(c.residence.applies, false);
	assert.deepEqual(c.residence.next, []);
	assert.equal(c.criminal.state, 'report_filed');
});

test('the start list: residence deadlines within their warning or past, ' +
    'no personal data', async () => {
	const today = todayAms();
	const soon = await newCase();	// reflection ends within 14 days
	const late = await newCase();	// reflection ended unrecorded
	const far = await newCase();	// a permit with a year to go
	const expiring = await newCase();	// a permit within 8 weeks
	const closed = await newCase();	// in its warning, but closed
	for (const [id, state, on] of [[soon, 'reflection', -85],
	    [late, 'reflection', -100], [far, 'permit', -5],
	    [expiring, 'permit', -340], [closed, 'reflection', -85]]) {
		const r = await coordinator.post(`/api/cases/${id}/residence`,
		    { state, on: addDays(today, on) });
		assert.equal(r.status, 200, r.text);
	}
	assert.equal((await coordinator.post(`/api/cases/${closed}/status`,
	    { status: 'closed', reason: 'care_completed' })).status, 200);
	const r = await coordinator.get('/api/cases/due');
	assert.equal(r.status, 200, r.text);
	const mine = r.body.due.filter((x) => [soon, late, far, expiring,
	    closed].includes(x.case_id));
	assert.deepEqual(mine.map((x) => [x.case_id, x.what, x.overdue]), [
	    [late, 'reflection_ends', true],
	    [soon, 'reflection_ends', false],
	    [expiring, 'permit_expires', false]]);
	for (const x of mine) {
		assert.deepEqual(Object.keys(x).sort(), ['case_id', 'days_left',
		    'due', 'overdue', 'source', 'warn_from', 'warning_source',
		    'what']);
		assert.ok(x.warn_from <= today, JSON.stringify(x));
	}
	// Soonest first.
	const dues = r.body.due.map((x) => x.due);
	assert.deepEqual([...dues].sort(), dues);
	// Another care coordination sees none of them.
	const admin = await realAdmin(server);
	const o = await admin.post('/api/orgs', { name: 'ZC Elders (tracks)',
	    type: 'care_coordination', municipality: 'GM0599' });
	assert.equal(o.status, 201, o.text);
	const other = await (await newAccount(server, admin,
	    { role: 'coordinator', org_id: o.body.id })).login();
	assert.deepEqual((await other.get('/api/cases/due')).body.due, []);
	// Only coordinators have a start list.
	assertError(await (await loginAs(server, 'demo-advisor'))
	    .get('/api/cases/due'), 403, 'forbidden');
});

test('the tracks are 404 for everyone without a relation to the case',
    async () => {
	const id = await newCase();
	const today = todayAms();
	const admin = await realAdmin(server);
	const o = await admin.post('/api/orgs', { name: 'ZC Anders (tracks)',
	    type: 'care_coordination', municipality: 'GM0599' });
	assert.equal(o.status, 201, o.text);
	const other = await (await newAccount(server, admin,
	    { role: 'coordinator', org_id: o.body.id })).login();
	const missing = await coordinator.post('/api/cases/99999999/criminal',
	    { state: 'report_filed', on: today });
	assertError(missing, 404, 'not_found');
	// One login at a time: each is an argon2id hash on a busy machine.
	const clients = [other];
	for (const u of ['demo-reporter', 'demo-advisor', 'demo-provider',
	    'demo-assessor', 'demo-policy', 'demo-rapporteur', 'demo-admin'])
		clients.push(await loginAs(server, u));
	const before = await count('case_track');
	for (const c of clients) {
		for (const [path, body] of [
		    ['criminal', { state: 'report_filed', on: today }],
		    ['residence', { state: 'reflection', on: today }]]) {
			const r = await c.post(`/api/cases/${id}/${path}`, body);
			assert.equal(r.status, 404, `${path}: ${r.text}`);
			assert.deepEqual(r.body, missing.body);
		}
	}
	assert.equal(await count('case_track'), before);
});

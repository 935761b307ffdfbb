// The deadline engine's rules: an admin changes how long triage may take,
// advisors read the rules, a change applies to signals filed after it
// and leaves earlier deadlines alone, bad input changes nothing, and
// every change is on the audit trail.  Runs on SQLite and PostgreSQL
// (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql, stopClean } from
    '../lib/util.mjs';

const DAY = 86400 * 1000;

let server = null;
let admin = null;
let advisor = null;
let reporter = null;

before(async () => {
	server = await startServer();
	admin = await loginAs(server, 'demo-admin');
	advisor = await loginAs(server, 'demo-advisor');
	reporter = await loginAs(server, 'demo-reporter');
});

after(async () => {
	await stopClean(server);
});

async function rules(who = admin) {
	const r = await who.get('/api/deadlines');
	assert.equal(r.status, 200, r.text);
	return Object.fromEntries(r.body.rules.map((x) => [x.name, x]));
}

async function file(urgency) {
	const r = await reporter.post('/api/signals', { municipality: 'GM0384',
	    urgency, indicators: ['OM-1a-1'] });
	assert.equal(r.status, 201, r.text);
	return { id: r.body.id, due: Date.parse(r.body.triage_due) };
}

test('the installed rules: acute the same day, 3 and 5 working days',
    async () => {
	const r = await rules(advisor);
	// The triage rules come first; later modules add their own.
	assert.deepEqual(Object.keys(r).slice(0, 3), ['triage_acute',
	    'triage_days', 'triage_not_urgent']);
	assert.equal(r.transfer_accept.workdays, 2);
	assert.equal(r.transfer_accept.same_day, false);
	assert.equal(r.triage_acute.same_day, true);
	assert.equal(r.triage_days.workdays, 3);
	assert.equal(r.triage_days.same_day, false);
	assert.equal(r.triage_not_urgent.workdays, 5);
	assert.equal(r.triage_days.updated_by, null);
});

test('a change applies to signals filed after it', async () => {
	const id = (await rules()).triage_days.id;
	const old = await file('days');

	const c = await admin.post(`/api/deadlines/${id}`,
	    { workdays: 10, same_day: false });
	assert.equal(c.status, 200, c.text);
	const now = await rules();
	assert.equal(now.triage_days.workdays, 10);
	assert.equal(now.triage_days.updated_by, 'demo-admin');
	const later = await file('days');
	// Ten working days end at least seven calendar days after three.
	assert.ok(later.due - old.due >= 7 * DAY,
	    `${new Date(old.due)} then ${new Date(later.due)}`);

	// The same calendar day, whatever the number of days says.
	await admin.post(`/api/deadlines/${id}`,
	    { workdays: 10, same_day: true });
	const today = await file('days');
	assert.ok(today.due >= Date.now() - 60000 &&
	    today.due < Date.now() + DAY, new Date(today.due).toISOString());

	// The deadline set at filing stays as it was.
	const kept = await advisor.get(`/api/signals/${old.id}`);
	assert.equal(Date.parse(kept.body.triage_due), old.due);

	await admin.post(`/api/deadlines/${id}`,
	    { workdays: 3, same_day: false });
	const back = await file('days');
	assert.equal(back.due, old.due);

	const acts = await sql(server.dataDir, 'SELECT action FROM audit ' +
	    `WHERE object_type = 'deadline_rule' AND object_id = ${id}`);
	assert.deepEqual(acts.trim().split('\n'), ['deadline.update',
	    'deadline.update', 'deadline.update']);
});

// "Vandaag", "over 5 werkdagen", "3 werkdagen te laat": the server says
// how far a deadline is in Dutch working days, so no page needs its own
// holiday calendar.
test('how far a deadline is, in calendar and working days', async () => {
	const slow = await file('not_urgent');
	const s = (await advisor.get(`/api/signals/${slow.id}`)).body;
	assert.equal(s.due_in_workdays, 5);
	assert.ok(s.due_in_days >= 5 && s.due_in_days <= 11, s.due_in_days);
	assert.equal(s.overdue, false);
	const acute = await file('acute');
	const a = (await advisor.get(`/api/signals/${acute.id}`)).body;
	assert.equal(a.due_in_days, 0);
	assert.equal(a.due_in_workdays, 0);
	// Due two weeks ago: two weekends between, so 8 to 10 working days
	// late (a public holiday or two among them).
	const two = Math.floor((Date.now() - 14 * DAY) / 1000);
	await sql(server.dataDir, `UPDATE signal SET triage_due = ${two} ` +
	    `WHERE id = ${slow.id}`);
	const late = (await advisor.get(`/api/signals/${slow.id}`)).body;
	assert.equal(late.overdue, true);
	assert.equal(late.due_in_days, -14);
	assert.ok(late.due_in_workdays <= -8 && late.due_in_workdays >= -10,
	    late.due_in_workdays);
	// The queue says the same.
	const q = (await advisor.get('/api/signals/queue?per_page=100')).body.signals;
	const row = q.find((x) => x.id === slow.id);
	assert.equal(row.due_in_days, -14);
	assert.equal(row.due_in_workdays, late.due_in_workdays);
});

test('bad input is named and changes nothing', async () => {
	const before = await rules();
	const id = before.triage_not_urgent.id;
	const cases = [
		[{ workdays: 61, same_day: false }, ['workdays']],
		[{ workdays: -1, same_day: false }, ['workdays']],
		[{ workdays: '5', same_day: false }, ['workdays']],
		[{ workdays: 2.5, same_day: false }, ['workdays']],
		[{ workdays: 5, same_day: 'no' }, ['same_day']],
		[{ workdays: 5 }, ['same_day']],
		[{ workdays: 5, same_day: false, hours: 3 }, ['hours']],
	];
	for (const [body, fields] of cases) {
		const r = await admin.post(`/api/deadlines/${id}`, body);
		assertError(r, 400, 'invalid', JSON.stringify(body));
		assert.deepEqual(fieldNames(r), fields, JSON.stringify(body));
	}
	assertError(await admin.post(`/api/deadlines/${id}`, '{"workdays":'),
	    400, 'invalid');
	assertError(await admin.post('/api/deadlines/99',
	    { workdays: 5, same_day: false }), 404, 'not_found');
	assertError(await admin.post('/api/deadlines/x',
	    { workdays: 5, same_day: false }), 404, 'not_found');
	// Advisors read the rules; only an admin changes them.
	assertError(await advisor.post(`/api/deadlines/${id}`,
	    { workdays: 1, same_day: false }), 403, 'forbidden');
	assertError(await reporter.get('/api/deadlines'), 403, 'forbidden');
	assert.deepEqual(await rules(), before);
});

// Turning 18: each minor victim's 18th birthday derived from the birth
// date entered (an estimate from an estimated age, marked so), the
// transition plan validated field by field and changing nothing when
// wrong, recorded with its free text sealed, on the timeline and
// audited; the flag and the start list for who turned 18 without a plan
// and whose plan is due; 404 for another care coordination.  Runs on
// SQLite and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { newAccount, realAdmin } from '../lib/accounts.mjs';
import { addDays, daysBetween, todayAms } from '../lib/days.mjs';
import { startServer } from '../lib/server.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { assertError, fieldNames, loginAs, runCli, sql, stopClean,
    tempDir } from '../lib/util.mjs';

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

// The birth date of someone who turns 18 on day (never 29 February).
function bornFor(day) {
	const y = Number(day.slice(0, 4)) - 18;
	return `${y}${day.slice(4)}`;
}

function dayNumber(day) {
	return daysBetween('1970-01-01', day);
}

// A case with a victim turning 18 in `days` days, a victim of an
// estimated 15, and a minor suspect; its id and the victims' birthdays.
async function newCase(days) {
	const today = todayAms();
	let adult = addDays(today, days);
	if (adult.endsWith('-02-29'))
		adult = addDays(adult, 1);
	const r = await coordinator.post('/api/cases', { type: 'trafficking',
	    forms: ['labour'], municipality: 'GM0363', source: 'police',
	    persons: [
		{ kind: 'victim', name: 'Mira Kovac',
		    birth_date: bornFor(adult) },
		{ kind: 'victim', name: 'Ana', estimated_age: 15 },
		{ kind: 'suspect', name: 'Lev', birth_date: bornFor(adult) },
		{ kind: 'victim', name: 'Oud', birth_date: '1990-01-01' }] });
	assert.equal(r.status, 201, r.text);
	return { id: r.body.id, adult };
}

async function read(id) {
	const r = await coordinator.get(`/api/cases/${id}`);
	assert.equal(r.status, 200, r.text);
	return r.body;
}

function personOf(c, name) {
	return c.persons.find((p) => p.person.name === name);
}

const goodPlan = { continues: ['wmo', 'zvw_same_practitioner'],
    payer: 'municipality', same_professional: true,
    professional: 'Jeugdbeschermer Karin de Wit',
    notes: 'Woont vanaf maart in Utrecht; begeleiding loopt door.' };

test('the 18th birthday comes from the birth date entered, or is an ' +
    'estimate', async () => {
	const { id, adult } = await newCase(100);
	const c = await read(id);
	const mira = personOf(c, 'Mira Kovac');
	const ana = personOf(c, 'Ana');
	// Victims under 18 only: not the suspect, not the adult.
	assert.equal(c.adulthood.persons.length, 2);
	const m = c.adulthood.persons.find((x) => x.person === mira.id);
	assert.equal(m.adult_on, adult);
	assert.equal(m.estimated, false);
	assert.equal(m.adult, false);
	assert.equal(m.without_plan, false);
	assert.equal(m.plan, null);
	assert.equal(m.age_band, '16-17');
	assert.deepEqual(m.reminders.map((x) => x.stage), ['6m', '3m', '1m']);
	// 100 days ahead: the six-month reminder passed, the next is the
	// three-month one, on a working day no later than three months.
	assert.equal(m.stage, '6m');
	assert.equal(m.next_reminder, m.reminders[1].on);
	assert.ok(m.next_reminder > todayAms());
	for (const x of m.reminders) {
		const wd = new Date(`${x.on}T00:00:00Z`).getUTCDay();
		assert.ok(wd >= 1 && wd <= 5, JSON.stringify(x));
	}
	const a = c.adulthood.persons.find((x) => x.person === ana.id);
	assert.equal(a.estimated, true);
	assert.equal(daysBetween(todayAms(), a.adult_on) > 365 * 2, true);
	assert.ok(c.adulthood.continues_codes.includes('local_16_27'));
	assert.equal(c.adulthood.may_change, true);
	// The clear column holds the day, no name; the birth date itself
	// stays sealed.
	assert.equal(await count(`case_adulthood WHERE case_id = ${id} AND ` +
	    `adult_on = ${dayNumber(adult)} AND estimated = 0`), 1);
	// A person added later gets theirs too.
	const r = await coordinator.post(`/api/cases/${id}/persons`,
	    { kind: 'victim', name: 'Nadia', birth_date: bornFor(addDays(
	    todayAms(), 400)) });
	assert.equal(r.status, 201, r.text);
	const c2 = await read(id);
	assert.equal(c2.adulthood.persons.length, 3);
});

test('people entered before the birthday was kept get it when their ' +
    'case is read; someone entered as an adult never does', async () => {
	const { id, adult } = await newCase(200);
	let c = await read(id);
	const pid = personOf(c, 'Mira Kovac').id;
	// The row of someone entered before migration 0020: none.
	await sql(server.dataDir, `DELETE FROM case_adulthood WHERE case_id ` +
	    `= ${id}`);
	// The case was opened two years ago; someone who turned 18 last
	// year is added now, as an adult.
	await sql(server.dataDir, `UPDATE care_case SET created_at = ` +
	    `created_at - ${2 * 365 * 86400} WHERE id = ${id}`);
	await sql(server.dataDir, `UPDATE case_person SET created_at = ` +
	    `created_at - ${2 * 365 * 86400} WHERE case_id = ${id}`);
	const r = await coordinator.post(`/api/cases/${id}/persons`,
	    { kind: 'victim', name: 'Later', birth_date: bornFor(addDays(
	    todayAms(), -365)) });
	assert.equal(r.status, 201, r.text);
	c = await read(id);
	const m = c.adulthood.persons.find((x) => x.person === pid);
	assert.equal(m.adult_on, adult);
	assert.equal(m.estimated, false);
	// The estimated 15-year-old, as of the day they were entered.
	const ana = c.adulthood.persons.find((x) =>
	    x.person === personOf(c, 'Ana').id);
	assert.equal(ana.estimated, true);
	assert.ok(ana.adult_on < addDays(todayAms(), 365 * 3 - 365 * 2 + 5));
	assert.equal(c.adulthood.persons.length, 2);
	assert.equal(await count(`case_adulthood WHERE case_id = ${id}`), 2);
});

test('the plan is checked field by field and bad input changes nothing',
    async () => {
	const { id } = await newCase(60);
	const c = await read(id);
	const pid = personOf(c, 'Mira Kovac').id;
	const path = `/api/cases/${id}/transition/${pid}`;
	const events = await count('case_event');
	const plans = await count('case_adulthood WHERE plan_at IS NOT NULL');
	for (const [body, fields] of [
	    [{ continues: ['bogus'], payer: 'municipality',
		same_professional: false }, ['continues[0]']],
	    [{ continues: ['wmo'], same_professional: false }, ['payer']],
	    [{ continues: [], payer: 'wlz', same_professional: false },
		['continues']],
	    [{ continues: ['wmo'], payer: 'bank', same_professional: false },
		['payer']],
	    [{ continues: ['wmo'], payer: 'other', same_professional: false },
		['payer_text']],
	    [{ continues: ['continued_youth_care'], payer: 'municipality',
		same_professional: false }, ['youth_care_from']],
	    [{ continues: ['wmo'], payer: 'municipality',
		same_professional: false, youth_care_from: '2024-01-01' },
		['youth_care_from']],
	    [{ continues: ['none_needed', 'wmo'], payer: 'municipality',
		same_professional: false }, ['continues']],
	    [{ continues: ['wmo'], payer: 'municipality',
		same_professional: false, professional: 'Karin' },
		['professional']],
	    [{ continues: ['wmo'], payer: 'municipality' },
		['same_professional']]]) {
		const r = await coordinator.post(path, body);
		assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
		for (const f of fields)
			assert.ok(fieldNames(r).includes(f),
			    `${JSON.stringify(body)}: ${r.text}`);
	}
	// Unknown fields are refused.
	assertError(await coordinator.post(path, { ...goodPlan,
	    budget: 12 }), 400, 'invalid');
	// Continued youth care for care that started after 18: someone who
	// turned 18 last month.
	await sql(server.dataDir, `UPDATE case_adulthood SET adult_on = ` +
	    `${dayNumber(addDays(todayAms(), -30))} WHERE case_id = ${id} ` +
	    `AND person_id = ${pid}`);
	const late = await coordinator.post(path, { continues:
	    ['continued_youth_care'], payer: 'municipality',
	    same_professional: false,
	    youth_care_from: addDays(todayAms(), -10) });
	assert.equal(late.status, 400, late.text);
	assert.deepEqual(fieldNames(late), ['youth_care_from']);
	assert.match(late.text, /started before 18/);
	assert.equal(await count('case_event'), events);
	assert.equal(await count('case_adulthood WHERE plan_at IS NOT NULL'),
	    plans);
	// A person who is not a minor on the case: 404.
	const adult = personOf(c, 'Oud').id;
	assertError(await coordinator.post(
	    `/api/cases/${id}/transition/${adult}`, goodPlan), 404,
	    'not_found');
});

test('a plan is recorded, sealed, on the timeline and audited; changing ' +
    'it keeps when it was first there', async () => {
	const { id, adult } = await newCase(120);
	let c = await read(id);
	const pid = personOf(c, 'Mira Kovac').id;
	const path = `/api/cases/${id}/transition/${pid}`;
	const r = await coordinator.post(path, { ...goodPlan,
	    continues: ['continued_youth_care', 'wmo'],
	    youth_care_from: addDays(todayAms(), -200) });
	assert.equal(r.status, 200, r.text);
	c = await read(id);
	const m = c.adulthood.persons.find((x) => x.person === pid);
	assert.equal(m.adult_on, adult);
	assert.deepEqual(m.plan.continues, ['continued_youth_care', 'wmo']);
	assert.equal(m.plan.youth_care_from, addDays(todayAms(), -200));
	assert.equal(m.plan.payer, 'municipality');
	assert.equal(m.plan.same_professional, true);
	assert.equal(m.plan.professional, goodPlan.professional);
	assert.equal(m.plan.notes, goodPlan.notes);
	assert.equal(m.plan.before_18, true);
	// 120 days before 18 is after the day it was due.
	assert.equal(m.plan.on_time, false);
	assert.equal(m.plan.updated_by, 'demo-coordinator');
	assert.equal(m.next_reminder, null);
	const ev = c.timeline.filter((x) => x.kind === 'transition');
	assert.equal(ev.length, 1);
	assert.equal(ev[0].detail, `person:${pid};continued_youth_care,wmo;` +
	    'payer:municipality');
	assert.equal(ev[0].text, null);
	// Sealed: neither the name nor the notes in the clear.
	assert.equal(await count("case_adulthood WHERE CAST(professional AS " +
	    "TEXT) LIKE '%Karin%' OR CAST(notes AS TEXT) LIKE '%Utrecht%'"),
	    0);
	assert.equal(await count(`audit WHERE action = 'case.transition' AND ` +
	    `object_type = 'case' AND object_id = ${id}`), 1);
	const first = m.plan.first_at;
	const r2 = await coordinator.post(path, { continues: ['other'],
	    payer: 'other', payer_text: 'Stichting Vooruit',
	    same_professional: false, notes: null });
	assert.equal(r2.status, 200, r2.text);
	c = await read(id);
	const m2 = c.adulthood.persons.find((x) => x.person === pid);
	assert.equal(m2.plan.first_at, first);
	assert.equal(m2.plan.payer_text, 'Stichting Vooruit');
	assert.equal(m2.plan.professional, null);
	assert.equal(m2.plan.notes, null);
	assert.match(c.timeline.filter((x) => x.kind === 'transition')[1]
	    .detail, /;changed$/);
	assert.equal(await count(`audit WHERE action = 'case.transition' AND ` +
	    `object_id = ${id}`), 2);
	// Their access request holds the birthday and the plan.
	const scratch = tempDir();
	const file = join(scratch.path, 'mira.txt');
	const x = await runCli(['export-person', '--data', server.dataDir,
	    '--person', String(pid), '--reason', 'AVG-verzoek (test)',
	    '--out', file]);
	assert.equal(x.code, 0, x.stderr);
	const text = readFileSync(file, 'utf8');
	assert.match(text, new RegExp(`18th birthday: ${adult}`));
	assert.match(text, /who pays: Stichting Vooruit/);
	assert.match(text, /help after 18: other/);
});

test('who turned 18 without a plan is flagged; the start list has them ' +
    'and the plans due', async () => {
	const { id } = await newCase(45);
	const c = await read(id);
	const pid = personOf(c, 'Mira Kovac').id;
	const ana = personOf(c, 'Ana').id;
	let r = await coordinator.get('/api/transitions');
	assert.equal(r.status, 200, r.text);
	const due = r.body.due.find((x) => x.case_id === id &&
	    x.person === pid);
	assert.equal(due.kind, 'transition_plan');
	assert.equal(due.stage, '3m');
	// The estimated 15-year-old is years away.
	assert.equal(r.body.due.find((x) => x.person === ana), undefined);
	// A month after the 18th birthday, still without a plan.
	await sql(server.dataDir, `UPDATE case_adulthood SET adult_on = ` +
	    `${dayNumber(addDays(todayAms(), -30))} WHERE case_id = ${id} ` +
	    `AND person_id = ${pid}`);
	const c2 = await read(id);
	const m = c2.adulthood.persons.find((x) => x.person === pid);
	assert.equal(m.without_plan, true);
	assert.equal(m.adult, true);
	assert.equal(m.age_band, '18-22');
	// The case goes on as the same case, the band shown moved on.
	assert.equal(personOf(c2, 'Mira Kovac').person.age_band, '18-22');
	r = await coordinator.get('/api/transitions');
	const flagged = r.body.due.find((x) => x.case_id === id &&
	    x.person === pid);
	assert.equal(flagged.kind, 'turned_18_without_plan');
	// A late plan takes the flag away, counted as not before 18.
	assert.equal((await coordinator.post(
	    `/api/cases/${id}/transition/${pid}`, goodPlan)).status, 200);
	const c3 = await read(id);
	const m3 = c3.adulthood.persons.find((x) => x.person === pid);
	assert.equal(m3.without_plan, false);
	assert.equal(m3.plan.before_18, false);
	r = await coordinator.get('/api/transitions');
	assert.equal(r.body.due.find((x) => x.person === pid), undefined);
	// Only coordinators have a start list.
	assertError(await (await loginAs(server, 'demo-advisor'))
	    .get('/api/transitions'), 403, 'forbidden');
});

test('another care coordination gets 404 and sees nothing', async () => {
	const { id } = await newCase(90);
	const c = await read(id);
	const pid = personOf(c, 'Mira Kovac').id;
	const admin = await realAdmin(server);
	const o = await admin.post('/api/orgs', { name: 'ZC Elders (18)',
	    type: 'care_coordination', municipality: 'GM0599' });
	assert.equal(o.status, 201, o.text);
	const other = await (await newAccount(server, admin,
	    { role: 'coordinator', org_id: o.body.id })).login();
	const missing = await coordinator.post(
	    `/api/cases/99999999/transition/${pid}`, goodPlan);
	assertError(missing, 404, 'not_found');
	const r = await other.post(`/api/cases/${id}/transition/${pid}`,
	    goodPlan);
	assert.equal(r.status, 404, r.text);
	assert.deepEqual(r.body, missing.body);
	assert.deepEqual((await other.get('/api/transitions')).body.due, []);
	assert.equal(await count(`case_adulthood WHERE case_id = ${id} AND ` +
	    'plan_at IS NOT NULL'), 0);
});

// Identification by a multidisciplinary assessment, apart from the
// criminal case: a coordinator submits a case to an assessment committee
// with the parts it shares and the sources (a police report never
// required); the committee's assessor sees exactly those parts while the
// assessment is open, and nothing else; a first decision (reasonable
// grounds) and a final one, each with reasons and a deadline; withdrawal;
// no identification track for serious disadvantage; and 404 for everyone
// without a relation.  Every step on the case's timeline and the audit
// trail.  Runs on SQLite and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { newAccount, realAdmin } from '../lib/accounts.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql, stopClean }
    from '../lib/util.mjs';

const DAY = 86400 * 1000;

let server = null;
let advisor = null;
let assessor = null;
let coordinator = null;
let reporter = null;
let committee = 0;	// the demo committee's organisation id

const victim = { kind: 'victim', name: 'Dana Moldovan',
    birth_date: '2001-04-02', sex: 'female', nationality: 'eu',
    phone: '06 1234 5678', markers: ['labour_migrant'] };

before(async () => {
	server = await startServer();
	[advisor, assessor, coordinator, reporter] = await Promise.all([
	    loginAs(server, 'demo-advisor'), loginAs(server, 'demo-assessor'),
	    loginAs(server, 'demo-coordinator'),
	    loginAs(server, 'demo-reporter')]);
	const r = await coordinator.get('/api/committees');
	assert.equal(r.status, 200, r.text);
	committee = r.body.committees.find((c) => c.name ===
	    'Beoordelingscommissie Identificatie (demo)')?.id;
	assert.ok(committee, r.text);
});

after(async () => {
	await stopClean(server);
});

async function count(where) {
	return Number((await sql(server.dataDir,
	    `SELECT COUNT(*) FROM ${where}`)).trim());
}

// A case opened by the open_case decision on a new signal, accepted by
// the demo coordinator; resolves its id.
async function newCase(body = {}) {
	const f = await reporter.post('/api/signals', {
	    municipality: 'GM0363', urgency: 'days',
	    description: 'Werkt zeven dagen per week in een kas.',
	    forms: ['labour'], indicators: ['OM-1a-1'],
	    help_needs: ['SAFE-SHELTER'], persons: [victim], ...body });
	assert.equal(f.status, 201, f.text);
	assert.equal((await advisor.post(`/api/signals/${f.body.id}/claim`))
	    .status, 200);
	const d = await advisor.post(`/api/signals/${f.body.id}/decision`,
	    { decision: 'open_case' });
	assert.equal(d.status, 200, d.text);
	const id = d.body.case_id;
	const a = await coordinator.post(`/api/cases/${id}/accept`);
	assert.equal(a.status, 200, a.text);
	return id;
}

async function submit(id, body = {}) {
	return coordinator.post(`/api/cases/${id}/assessments`,
	    { committee_org_id: committee, ...body });
}

async function caseOf(id) {
	const r = await coordinator.get(`/api/cases/${id}`);
	assert.equal(r.status, 200, r.text);
	return r.body;
}

test('the committees to choose from are the coordinator\'s to list',
    async () => {
	const r = await coordinator.get('/api/committees');
	assert.ok(r.body.committees.every((c) => Object.keys(c).sort()
	    .join() === 'id,name'), r.text);
	assertError(await reporter.get('/api/committees'), 403, 'forbidden');
	assertError(await assessor.get('/api/committees'), 403, 'forbidden');
});

test('a coordinator submits with the parts shared; the assessor sees ' +
    'exactly those parts and nothing else', async () => {
	const id = await newCase();
	await coordinator.post(`/api/cases/${id}/plan`, { goals: 'Veilig ' +
	    'wonen.', tasks: [{ who: 'Opvang', what: 'Opvangplek' }] });
	await coordinator.post(`/api/cases/${id}/notes`,
	    { text: 'Geheime notitie over de familie.' });
	const before = Date.now();
	const r = await submit(id, { parts: ['summary', 'persons'],
	    sources: ['care_observation', 'victim_statement'],
	    note: 'Motivatie: zij vertelde over schulden bij de werkgever.' });
	assert.equal(r.status, 201, r.text);
	const aid = r.body.id;

	// The case team sees it on the case page, and on the timeline.
	const c = await caseOf(id);
	assert.equal(c.identification.track, true);
	assert.equal(c.identification.assessments.length, 1);
	const a = c.identification.assessments[0];
	assert.equal(a.id, aid);
	assert.equal(a.status, 'submitted');
	assert.equal(a.open, true);
	assert.equal(a.committee_name,
	    'Beoordelingscommissie Identificatie (demo)');
	assert.deepEqual(a.parts, ['summary', 'persons']);
	assert.deepEqual(a.sources, ['care_observation', 'victim_statement']);
	assert.equal(a.note,
	    'Motivatie: zij vertelde over schulden bij de werkgever.');
	assert.equal(a.submitted_by, 'demo-coordinator');
	assert.equal(a.first, null);
	assert.equal(a.final, null);
	assert.equal(a.final_due, null);
	// Five working days: more than four days (from a Saturday or a
	// Sunday the fifth ends on Friday), less than twelve.
	const due = Date.parse(a.first_due);
	assert.ok(due - before > 4 * DAY && due - before < 12 * DAY,
	    a.first_due);
	assert.equal(a.due, a.first_due);
	assert.equal(a.overdue, false);
	assert.deepEqual(c.timeline.at(-1).kind, 'identification_submitted');
	assert.equal(c.timeline.at(-1).detail, `assessment:${aid}`);
	assert.equal(await count(`audit WHERE action = 'assessment.submit' ` +
	    `AND object_type = 'case' AND object_id = ${id}`), 1);
	// The note is sealed.
	assert.equal(await count('case_assessment WHERE ' +
	    "CAST(note AS TEXT) LIKE '%schulden%'"), 0);

	// The assessor's list: no personal data.
	const list = await assessor.get('/api/assessments');
	assert.equal(list.status, 200, list.text);
	const line = list.body.assessments.find((l) => l.id === aid);
	assert.ok(line, list.text);
	assert.deepEqual(Object.keys(line).sort(), ['case_id', 'due', 'id',
	    'overdue', 'parts', 'sources', 'status', 'submitted_at',
	    'submitted_org', 'updated_at']);
	assert.equal(line.status, 'submitted');
	assert.equal(line.due, a.first_due);
	assert.equal(line.submitted_org,
	    'Zorgcoördinatie Mensenhandel Amsterdam (demo)');

	// The assessment: exactly the shared parts.
	const reads = await count(`audit WHERE action = 'assessment.read' ` +
	    `AND object_type = 'case' AND object_id = ${id}`);
	const g = await assessor.get(`/api/assessments/${aid}`);
	assert.equal(g.status, 200, g.text);
	assert.deepEqual(Object.keys(g.body).sort(), ['assessment', 'shared']);
	assert.deepEqual(Object.keys(g.body.shared).sort(),
	    ['persons', 'summary']);
	assert.equal(g.body.shared.summary,
	    'Werkt zeven dagen per week in een kas.');
	assert.equal(g.body.shared.persons.length, 1);
	assert.equal(g.body.shared.persons[0].name, 'Dana Moldovan');
	assert.equal(g.body.shared.persons[0].birth_date, '2001-04-02');
	assert.equal(g.body.assessment.note, a.note);
	assert.equal(g.body.assessment.submitted_phone, c.coordinator_phone);
	const text = JSON.stringify(g.body);
	for (const hidden of ['Geheime notitie', 'Veilig wonen', 'Opvangplek',
	    'SAFE-SHELTER', 'OM-1a-1', '"labour"', 'trafficking'])
		assert.ok(!text.includes(hidden), `${hidden} in ${text}`);
	assert.equal(await count(`audit WHERE action = 'assessment.read' ` +
	    `AND object_type = 'case' AND object_id = ${id}`), reads + 1);
	// The assessor has no way into the case itself.
	assertError(await assessor.get(`/api/cases/${id}`), 404, 'not_found');
});

test('every part, or none: the assessor sees what was chosen', async () => {
	const id = await newCase();
	await coordinator.post(`/api/cases/${id}/plan`, { goals: 'Veilig ' +
	    'wonen.', tasks: [{ who: 'Opvang', what: 'Opvangplek' }],
	    review_on: '2099-01-01' });
	const all = await submit(id, { parts: ['summary', 'persons', 'forms',
	    'needs', 'plan', 'timeline'] });
	assert.equal(all.status, 201, all.text);
	const g = (await assessor.get(`/api/assessments/${all.body.id}`)).body;
	assert.deepEqual(Object.keys(g.shared).sort(), ['forms', 'indicators',
	    'needs', 'persons', 'plan', 'summary', 'timeline', 'type']);
	assert.equal(g.shared.type, 'trafficking');
	assert.deepEqual(g.shared.forms, ['labour']);
	assert.deepEqual(g.shared.indicators, ['OM-1a-1']);
	assert.deepEqual(g.shared.needs, [{ need: 'SAFE-SHELTER',
	    status: 'open' }]);
	assert.equal(g.shared.plan.goals, 'Veilig wonen.');
	assert.ok(g.shared.timeline.some((e) => e.kind === 'opened'));
	assert.equal((await coordinator.post(`/api/cases/${id}/assessments/` +
	    `${all.body.id}/withdraw`, { why: 'Verkeerde delen gekozen.' }))
	    .status, 200);

	const none = await submit(id, {});
	assert.equal(none.status, 201, none.text);
	const n = (await assessor.get(`/api/assessments/${none.body.id}`))
	    .body;
	assert.deepEqual(n.shared, {});
	assert.deepEqual(n.assessment.parts, []);
	assert.deepEqual(n.assessment.sources, []);
	assert.equal(n.assessment.note, null);
});

test('a police report is one possible source, never a requirement',
    async () => {
	const id = await newCase();
	let r = await submit(id, { parts: ['summary'],
	    sources: ['labour_inspectorate'] });
	assert.equal(r.status, 201, r.text);
	assert.equal((await coordinator.post(`/api/cases/${id}/assessments/` +
	    `${r.body.id}/withdraw`, { why: 'Toch eerst met haar praten.' }))
	    .status, 200);
	r = await submit(id, { sources: ['police_report', 'other'] });
	assert.equal(r.status, 201, r.text);
	// And a first decision without any source at all.
	const bare = await newCase();
	r = await submit(bare, { parts: ['summary'] });
	assert.equal(r.status, 201, r.text);
	const f = await assessor.post(`/api/assessments/${r.body.id}/first`,
	    { decision: 'plausible', reasons: 'Het verhaal is consistent.' });
	assert.equal(f.status, 200, f.text);
});

test('bad input is named and changes nothing', async () => {
	const id = await newCase();
	const admin = await realAdmin(server);
	const orgs = (await admin.get('/api/orgs')).body.orgs;
	const shelter = orgs.find((o) => o.type === 'provider');
	const rows = await count('case_assessment');
	for (const [body, fields] of [
	    [{ committee_org_id: shelter.id }, ['committee_org_id']],
	    [{ committee_org_id: 99999999 }, ['committee_org_id']],
	    [{ committee_org_id: 'x' }, ['committee_org_id']],
	    [{ parts: ['summary', 'summary', 'finances'] },
		['parts[1]', 'parts[2]']],
	    [{ sources: ['rumour'] }, ['sources[0]']],
	    [{ note: 7 }, ['note']],
	    [{ police: true }, ['police']]]) {
		const r = await coordinator.post(`/api/cases/${id}/assessments`,
		    { committee_org_id: committee, ...body });
		assertError(r, 400, 'invalid', JSON.stringify(body));
		assert.deepEqual(fieldNames(r), fields, JSON.stringify(body));
	}
	assertError(await coordinator.post(`/api/cases/${id}/assessments`,
	    {}), 400, 'invalid');
	assert.equal(await count('case_assessment'), rows);
	assert.equal((await caseOf(id)).identification.assessments.length, 0);
});

test('serious disadvantage has no identification track: refused, ' +
    'saying why', async () => {
	const id = await newCase({ forms: ['ernstige_benadeling'] });
	const c = await caseOf(id);
	assert.equal(c.type, 'serious_disadvantage');
	assert.equal(c.identification.track, false);
	const rows = await count('case_assessment');
	const r = await submit(id, { parts: ['summary'] });
	assertError(r, 409, 'conflict');
	assert.match(r.body.error.message, /serious disadvantage/);
	assert.match(r.body.error.message, /no identification track/);
	assert.equal(await count('case_assessment'), rows);
});

test('first and final decision: reasons, deadlines and the order of ' +
    'the steps', async () => {
	const id = await newCase();
	const r = await submit(id, { parts: ['summary'] });
	const aid = r.body.id;
	const path = `/api/assessments/${aid}`;
	// One open assessment per case.
	assertError(await submit(id, {}), 409, 'conflict');

	let x = await assessor.post(`${path}/final`, { decision: 'identified',
	    reasons: 'Te vroeg.' });
	assertError(x, 409, 'conflict');
	assert.match(x.body.error.message, /first decision before the final/);
	for (const [body, fields] of [
	    [{ decision: 'identified', reasons: 'x' }, ['decision']],
	    [{ decision: 'plausible' }, ['reasons']],
	    [{ decision: 'plausible', reasons: '' }, ['reasons']],
	    [{ decision: 'yes', reasons: '' }, ['decision', 'reasons']],
	    [{ decision: 'plausible', reasons: 'x', extra: 1 }, ['extra']]]) {
		x = await assessor.post(`${path}/first`, body);
		assertError(x, 400, 'invalid', JSON.stringify(body));
		assert.deepEqual(fieldNames(x).sort(), fields,
		    JSON.stringify(body));
	}
	x = await assessor.post(`${path}/first`, { decision: 'plausible',
	    reasons: 'Redelijke gronden: uitbuiting in de kas is aannemelijk.' });
	assert.equal(x.status, 200, x.text);
	assertError(await assessor.post(`${path}/first`,
	    { decision: 'plausible', reasons: 'Nog eens.' }), 409, 'conflict');

	let a = (await caseOf(id)).identification.assessments[0];
	assert.equal(a.status, 'first_decided');
	assert.equal(a.first.decision, 'plausible');
	assert.equal(a.first.reasons,
	    'Redelijke gronden: uitbuiting in de kas is aannemelijk.');
	assert.equal(a.first.by, 'demo-assessor');
	// Ninety calendar days after the first decision, moved off a day
	// off by at most four days (Easter).
	const span = Date.parse(a.final_due) - Date.parse(a.first.at);
	assert.ok(span >= 89 * DAY && span < 95 * DAY, `${a.first.at} ` +
	    `${a.final_due}`);
	assert.equal(a.due, a.final_due);
	const g = (await assessor.get(path)).body;
	assert.equal(g.assessment.status, 'first_decided');
	assert.ok(g.shared.summary, 'still shared while open');

	x = await assessor.post(`${path}/final`, { decision: 'maybe',
	    reasons: 'x' });
	assert.deepEqual(fieldNames(x), ['decision']);
	x = await assessor.post(`${path}/final`, { decision: 'identified',
	    reasons: 'Na gesprekken met opvang en inspectie: slachtoffer.' });
	assert.equal(x.status, 200, x.text);
	assertError(await assessor.post(`${path}/final`,
	    { decision: 'not_identified', reasons: 'Toch niet.' }), 409,
	    'conflict');
	const c = await caseOf(id);
	a = c.identification.assessments[0];
	assert.equal(a.status, 'final_decided');
	assert.equal(a.open, false);
	assert.equal(a.final.decision, 'identified');
	assert.equal(a.due, null);
	assert.deepEqual(c.timeline.slice(-3).map((e) => [e.kind, e.detail,
	    e.username]), [
	    ['identification_submitted', `assessment:${aid}`,
		'demo-coordinator'],
	    ['identification_first', `assessment:${aid}:plausible`,
		'demo-assessor'],
	    ['identification_final', `assessment:${aid}:identified`,
		'demo-assessor']]);
	assert.equal(c.timeline.at(-1).org_name,
	    'Beoordelingscommissie Identificatie (demo)');
	// Once decided, the case is no longer shared; the record stays.
	const after = (await assessor.get(path)).body;
	assert.equal(after.shared, null);
	assert.equal(after.assessment.final.decision, 'identified');
	assert.equal(await count('case_assessment WHERE ' +
	    "CAST(first_reasons AS TEXT) LIKE '%kas%' OR " +
	    "CAST(final_reasons AS TEXT) LIKE '%inspectie%'"), 0);
	assert.equal(await count(`audit WHERE object_type = 'case' AND ` +
	    `object_id = ${id} AND action IN ('assessment.first', ` +
	    `'assessment.final')`), 2);
	// A new assessment of the same case may follow.
	assert.equal((await submit(id, {})).status, 201);
});

test('no reasonable grounds ends the assessment; the case may be ' +
    'submitted again', async () => {
	const id = await newCase();
	const aid = (await submit(id, { parts: ['summary'] })).body.id;
	const x = await assessor.post(`/api/assessments/${aid}/first`,
	    { decision: 'not_plausible', reasons: 'Geen aanwijzingen.' });
	assert.equal(x.status, 200, x.text);
	const a = (await caseOf(id)).identification.assessments[0];
	assert.equal(a.status, 'no_grounds');
	assert.equal(a.final_due, null);
	assert.equal(a.due, null);
	const f = await assessor.post(`/api/assessments/${aid}/final`,
	    { decision: 'identified', reasons: 'x' });
	assertError(f, 409, 'conflict');
	assert.match(f.body.error.message, /no reasonable grounds/);
	assert.equal((await assessor.get(`/api/assessments/${aid}`)).body
	    .shared, null);
	assert.equal((await submit(id, { parts: ['persons'] })).status, 201);
});

test('the coordinator withdraws an open assessment, saying why',
    async () => {
	const id = await newCase();
	const aid = (await submit(id, { parts: ['summary', 'persons'] })).body
	    .id;
	const path = `/api/cases/${id}/assessments/${aid}/withdraw`;
	let r = await coordinator.post(path, {});
	assert.deepEqual(fieldNames(r), ['why']);
	const other = await newCase();
	assertError(await coordinator.post(
	    `/api/cases/${other}/assessments/${aid}/withdraw`, { why: 'x' }),
	    404, 'not_found');
	r = await coordinator.post(path, { why: 'Zij wil eerst zelf ' +
	    'nadenken.' });
	assert.equal(r.status, 200, r.text);
	assertError(await coordinator.post(path, { why: 'Nog eens.' }), 409,
	    'conflict');
	const c = await caseOf(id);
	assert.equal(c.identification.assessments[0].status, 'withdrawn');
	assert.equal(c.identification.assessments[0].withdrawn_by,
	    'demo-coordinator');
	assert.deepEqual([c.timeline.at(-1).kind, c.timeline.at(-1).text],
	    ['identification_withdrawn', 'Zij wil eerst zelf nadenken.']);
	// The committee keeps the line, not the case.
	const g = (await assessor.get(`/api/assessments/${aid}`)).body;
	assert.equal(g.assessment.status, 'withdrawn');
	assert.equal(g.shared, null);
	assertError(await assessor.post(`/api/assessments/${aid}/first`,
	    { decision: 'plausible', reasons: 'Te laat.' }), 409, 'conflict');
	assert.equal(await count(`audit WHERE action = 'assessment.withdraw' ` +
	    `AND object_id = ${id}`), 1);
});

test('a closed case is not submitted', async () => {
	const id = await newCase();
	assert.equal((await coordinator.post(`/api/cases/${id}/status`,
	    { status: 'closed', reason: 'lost_contact' })).status, 200);
	const r = await submit(id, {});
	assertError(r, 409, 'conflict');
	assert.match(r.body.error.message, /closed/);
});

test('another committee\'s assessor, the reporter, a provider and the ' +
    'rest get the 404 of an assessment that does not exist', async () => {
	const id = await newCase();
	const aid = (await submit(id, { parts: ['summary', 'persons'] })).body
	    .id;
	const admin = await realAdmin(server);
	const org = await admin.post('/api/orgs', { name: 'Commissie Elders ' +
	    '(test)', type: 'assessment_committee', municipality: 'GM0599' });
	assert.equal(org.status, 201, org.text);
	const stranger = await (await newAccount(server, admin,
	    { role: 'assessor', org_id: org.body.id })).login();
	const clients = [stranger, reporter, advisor, coordinator,
	    ...await Promise.all(['demo-provider', 'demo-policy',
	    'demo-rapporteur', 'demo-admin'].map((u) => loginAs(server, u))),
	    admin];
	const missing = await assessor.get('/api/assessments/99999999');
	assertError(missing, 404, 'not_found');
	const reads = await count(`audit WHERE action = 'assessment.read' ` +
	    `AND object_id = ${id}`);
	for (const c of clients) {
		for (const [method, path, body] of [
		    ['get', `/api/assessments/${aid}`],
		    ['post', `/api/assessments/${aid}/first`,
			{ decision: 'plausible', reasons: 'x' }],
		    ['post', `/api/assessments/${aid}/final`,
			{ decision: 'identified', reasons: 'x' }]]) {
			const res = await c[method](path, body);
			assert.equal(res.status, 404, `${path}: ${res.text}`);
			assert.deepEqual(res.body, missing.body);
		}
	}
	// Nothing of it in the other committee's list, and nothing read.
	const list = await stranger.get('/api/assessments');
	assert.deepEqual(list.body.assessments, []);
	assert.equal(await count(`audit WHERE action = 'assessment.read' ` +
	    `AND object_id = ${id}`), reads);
	assert.equal((await caseOf(id)).identification.assessments[0].status,
	    'submitted');
	// Only the case team submits and withdraws.
	const other = await newAccount(server, admin, { role: 'coordinator',
	    org_id: (await admin.post('/api/orgs', { name: 'ZC Elders ' +
	    '(ident test)', type: 'care_coordination',
	    municipality: 'GM0599' })).body.id });
	const outsider = await other.login();
	const nocase = await coordinator.post('/api/cases/99999999/' +
	    'assessments', { committee_org_id: committee });
	assertError(nocase, 404, 'not_found');
	for (const c of [outsider, assessor]) {
		let res = await c.post(`/api/cases/${id}/assessments`,
		    { committee_org_id: committee });
		assert.deepEqual(res.body, nocase.body);
		res = await c.post(`/api/cases/${id}/assessments/${aid}/` +
		    'withdraw', { why: 'x' });
		assert.deepEqual(res.body, nocase.body);
	}
	// The list is the assessors' alone.
	assertError(await reporter.get('/api/assessments'), 403, 'forbidden');
	assertError(await coordinator.get('/api/assessments'), 403,
	    'forbidden');
});

test('the deadline rules: five working days, ninety calendar days, set ' +
    'by an admin in their own unit', async () => {
	const admin = await loginAs(server, 'demo-admin');
	const rules = async () => Object.fromEntries((await admin.get(
	    '/api/deadlines')).body.rules.map((x) => [x.name, x]));
	let r = await rules();
	assert.equal(r.identification_first.id, 10);
	assert.equal(r.identification_first.workdays, 5);
	assert.equal(r.identification_first.calendar_days, 0);
	assert.equal(r.identification_final.id, 11);
	assert.equal(r.identification_final.calendar_days, 90);
	assert.equal(r.triage_days.calendar_days, 0);

	let x = await admin.post('/api/deadlines/11', { workdays: 5,
	    same_day: false });
	assert.deepEqual(fieldNames(x), ['workdays']);
	x = await admin.post('/api/deadlines/10', { calendar_days: 30 });
	assert.deepEqual(fieldNames(x), ['calendar_days']);
	x = await admin.post('/api/deadlines/11', { calendar_days: 0 });
	assert.deepEqual(fieldNames(x), ['calendar_days']);
	x = await admin.post('/api/deadlines/11', { calendar_days: 367 });
	assert.deepEqual(fieldNames(x), ['calendar_days']);
	x = await admin.post('/api/deadlines/11', { calendar_days: 30,
	    workdays: 1 });
	assert.deepEqual(fieldNames(x), ['workdays']);
	assert.deepEqual(await rules(), r);

	x = await admin.post('/api/deadlines/11', { calendar_days: 30 });
	assert.equal(x.status, 200, x.text);
	assert.equal((await rules()).identification_final.calendar_days, 30);
	const id = await newCase();
	const aid = (await submit(id, {})).body.id;
	await assessor.post(`/api/assessments/${aid}/first`,
	    { decision: 'plausible', reasons: 'Aannemelijk.' });
	const a = (await caseOf(id)).identification.assessments[0];
	const span = Date.parse(a.final_due) - Date.parse(a.first.at);
	assert.ok(span >= 29 * DAY && span < 35 * DAY, a.final_due);
	x = await admin.post('/api/deadlines/11', { calendar_days: 90 });
	assert.equal(x.status, 200, x.text);
	r = await rules();
	assert.equal(r.identification_final.calendar_days, 90);
	assert.equal(r.identification_final.updated_by, 'demo-admin');
});

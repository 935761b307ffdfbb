// Cases: opened by the open_case decision at the care coordination that
// serves the signal's municipality (or refused, naming what is missing),
// opened directly by a coordinator, accepted, typed, staffed, given needs
// and a plan and notes, closed and reopened; the people in the registry
// and the overlap between cases, shown as whom to call and audited; and
// every case 404 for anyone without a relation to it.  Runs on SQLite and
// PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { newAccount, realAdmin } from '../lib/accounts.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql, stopClean }
    from '../lib/util.mjs';

let server = null;
let advisor = null;
let coordinator = null;
let reporter = null;

const victim = { kind: 'victim', name: 'Dana Moldovan',
    birth_date: '2001-04-02', sex: 'female', nationality: 'eu',
    phone: '06 1234 5678', markers: ['labour_migrant'] };

before(async () => {
	server = await startServer();
	[advisor, coordinator, reporter] = await Promise.all([
	    loginAs(server, 'demo-advisor'), loginAs(server, 'demo-coordinator'),
	    loginAs(server, 'demo-reporter')]);
});

after(async () => {
	await stopClean(server);
});

async function count(where) {
	return Number((await sql(server.dataDir,
	    `SELECT COUNT(*) FROM ${where}`)).trim());
}

// A signal filed by the demo reporter, claimed and decided by the
// demo advisor; resolves the decision's answer.
async function decided(body, decision = 'open_case') {
	const f = await reporter.post('/api/signals', {
	    municipality: 'GM0363', urgency: 'days',
	    description: 'Werkt zeven dagen per week in een kas.',
	    forms: ['labour'], indicators: [], help_needs: ['SAFE-SHELTER'],
	    persons: [victim], ...body });
	assert.equal(f.status, 201, f.text);
	const c = await advisor.post(`/api/signals/${f.body.id}/claim`);
	assert.equal(c.status, 200, c.text);
	const d = await advisor.post(`/api/signals/${f.body.id}/decision`,
	    { decision });
	return { signal: f.body.id, d };
}

test('open_case opens a case at the care coordination of the ' +
    'municipality, with the signal\'s people, forms and needs', async () => {
	const { signal, d } = await decided({});
	assert.equal(d.status, 200, d.text);
	assert.equal(d.body.status, 'taken_up');
	assert.ok(Number.isInteger(d.body.case_id), d.text);
	const id = d.body.case_id;

	// The advisor's signal page links to the case and who coordinates.
	const s = await advisor.get(`/api/signals/${signal}`);
	assert.deepEqual(s.body.case, { id,
	    org_name: 'Zorgcoördinatie Mensenhandel Amsterdam (demo)' });
	// The reporter never learns of a case.
	const own = await reporter.get(`/api/signals/${signal}`);
	assert.equal(own.body.case, null);
	// Nor does the advisor read it.
	assertError(await advisor.get(`/api/cases/${id}`), 404, 'not_found');

	const list = (await coordinator.get('/api/cases')).body.cases;
	const line = list.find((c) => c.id === id);
	assert.equal(line.status, 'new');
	assert.ok(line.accept_due, 'a new case shows its accept deadline');
	assert.equal(list[0].status, 'new', 'new cases come first');

	const c = await coordinator.get(`/api/cases/${id}`);
	assert.equal(c.status, 200, c.text);
	assert.equal(c.body.type, 'trafficking');
	assert.deepEqual(c.body.forms, ['labour']);
	assert.equal(c.body.signal_id, signal);
	assert.equal(c.body.summary, 'Werkt zeven dagen per week in een kas.');
	assert.equal(c.body.persons.length, 1);
	assert.equal(c.body.persons[0].person.name, 'Dana Moldovan');
	assert.equal(c.body.persons[0].person.kind, 'victim');
	assert.deepEqual(c.body.needs.map((n) => [n.need, n.status]),
	    [['SAFE-SHELTER', 'open']]);
	assert.deepEqual(c.body.timeline.map((e) => e.kind), ['opened']);
	assert.equal(c.body.access, 'team');
	// Opened and read: both on the audit trail.
	assert.equal(await count(`audit WHERE object_type = 'case' AND ` +
	    `object_id = ${id} AND action IN ('case.open', 'case.read')`), 2);
	// The person's identity is sealed in the registry.
	const raw = await sql(server.dataDir, 'SELECT COUNT(*) FROM person ' +
	    "WHERE identity IS NOT NULL AND age_band = '23-29'");
	assert.ok(Number(raw) >= 1);
});

test('open_case without a care coordination for the municipality is ' +
    'refused, naming what is missing, and changes nothing', async () => {
	const admin = await realAdmin(server);
	const orgs = (await admin.get('/api/orgs')).body.orgs;
	const vt = orgs.find((o) => o.name.startsWith('Veilig Thuis ' +
	    'Amsterdam'));
	const r = await admin.post('/api/regions', { name: 'VT Zaandam test',
	    type: 'veilig_thuis', municipalities: ['GM0479'],
	    orgs: [vt.name] });
	assert.equal(r.status, 201, r.text);
	const cases = await count('care_case');
	const { signal, d } = await decided({ municipality: 'GM0479' });
	assertError(d, 409, 'conflict');
	assert.match(d.body.error.message, /no care coordination serves .*Zaanstad/i);
	assert.match(d.body.error.message, /care_coordination/);
	assert.equal(await count('care_case'), cases);
	const s = await advisor.get(`/api/signals/${signal}`);
	assert.equal(s.body.status, 'in_triage', 'the decision was not taken');
	assert.equal(s.body.decision, null);
});

test('a coordinator accepts, puts into care, closes with a reason and ' +
    'reopens with why; every step on the timeline', async () => {
	const { d } = await decided({});
	const id = d.body.case_id;
	const path = `/api/cases/${id}`;
	assertError(await coordinator.post(`${path}/status`,
	    { status: 'in_care' }), 409, 'conflict');
	const a = await coordinator.post(`${path}/accept`);
	assert.equal(a.status, 200, a.text);
	assertError(await coordinator.post(`${path}/accept`), 409, 'conflict');
	let c = (await coordinator.get(path)).body;
	assert.equal(c.status, 'accepted');
	assert.equal(c.coordinator, 'demo-coordinator');
	assert.equal(c.accept_due, null);

	for (const [body, field] of [
	    [{ status: 'done' }, 'status'],
	    [{ status: 'closed' }, 'reason'],
	    [{ status: 'closed', reason: 'bored' }, 'reason'],
	    [{ status: 'closed', reason: 'other' }, 'why'],
	    [{ status: 'in_care', reason: 'deceased' }, 'reason'],
	    [{ status: 'in_care', extra: 1 }, 'extra'],
	    [{ status: 7 }, 'status']]) {
		const r = await coordinator.post(`${path}/status`, body);
		assertError(r, 400, 'invalid', JSON.stringify(body));
		assert.deepEqual(fieldNames(r), [field], JSON.stringify(body));
	}
	assert.equal((await coordinator.post(`${path}/status`,
	    { status: 'in_care' })).status, 200);
	assertError(await coordinator.post(`${path}/status`,
	    { status: 'reopened', why: 'x' }), 409, 'conflict');
	const closed = await coordinator.post(`${path}/status`,
	    { status: 'closed', reason: 'moved_abroad',
	    why: 'Terug naar familie in Roemenië.' });
	assert.equal(closed.status, 200, closed.text);
	c = (await coordinator.get(path)).body;
	assert.equal(c.status, 'closed');
	assert.equal(c.close_reason, 'moved_abroad');
	assert.ok(c.closed_at);
	assertError(await coordinator.post(`${path}/status`,
	    { status: 'reopened' }), 400, 'invalid');
	assert.equal((await coordinator.post(`${path}/status`,
	    { status: 'reopened', why: 'Weer in Nederland.' })).status, 200);
	c = (await coordinator.get(path)).body;
	assert.equal(c.status, 'in_care');
	assert.deepEqual(c.timeline.map((e) => [e.kind, e.detail]), [
	    ['opened', `signal:${c.signal_id}`],
	    ['accepted', 'new>accepted'],
	    ['status', 'accepted>in_care'],
	    ['status', 'in_care>closed:moved_abroad'],
	    ['status', 'closed>in_care']]);
	assert.equal(c.timeline[3].text, 'Terug naar familie in Roemenië.');
	assert.equal(c.timeline[3].username, 'demo-coordinator');
	assert.equal(c.timeline[3].org_name,
	    'Zorgcoördinatie Mensenhandel Amsterdam (demo)');
	// The reason is sealed: not in the database as text.
	assert.equal(await count("case_event WHERE CAST(text AS TEXT) LIKE " +
	    "'%Roemeni%'"), 0);
});

test('type and forms: trafficking with forms, serious disadvantage ' +
    'without', async () => {
	const { d } = await decided({ forms: ['ernstige_benadeling'] });
	const path = `/api/cases/${d.body.case_id}`;
	let c = (await coordinator.get(path)).body;
	assert.equal(c.type, 'serious_disadvantage');
	assert.deepEqual(c.forms, []);
	let r = await coordinator.post(`${path}/type`,
	    { type: 'serious_disadvantage', forms: ['labour'] });
	assert.deepEqual(fieldNames(r), ['forms']);
	r = await coordinator.post(`${path}/type`, { type: 'trafficking' });
	assert.deepEqual(fieldNames(r), ['forms']);
	r = await coordinator.post(`${path}/type`, { type: 'trafficking',
	    forms: ['labour', 'ernstige_benadeling', 'nope'] });
	assert.deepEqual(fieldNames(r), ['forms[1]', 'forms[2]']);
	r = await coordinator.post(`${path}/type`, { type: 'trafficking',
	    forms: ['labour', 'criminal'], why: 'Moest ook drugs vervoeren.' });
	assert.equal(r.status, 200, r.text);
	c = (await coordinator.get(path)).body;
	assert.equal(c.type, 'trafficking');
	assert.deepEqual(c.forms, ['labour', 'criminal']);
	assert.equal(c.timeline.at(-1).detail, 'trafficking:labour,criminal');
});

test('needs and the care plan', async () => {
	const { d } = await decided({});
	const path = `/api/cases/${d.body.case_id}`;
	let r = await coordinator.post(`${path}/needs`, { need: 'NOPE' });
	assert.deepEqual(fieldNames(r), ['need']);
	assertError(await coordinator.post(`${path}/needs`,
	    { need: 'SAFE-SHELTER' }), 409, 'conflict');
	r = await coordinator.post(`${path}/needs`, { need: 'LEGAL' });
	assert.equal(r.status, 201, r.text);
	const need = r.body.id;
	r = await coordinator.post(`${path}/needs/${need}`, { status: 'gone' });
	assert.deepEqual(fieldNames(r), ['status']);
	assert.equal((await coordinator.post(`${path}/needs/${need}`,
	    { status: 'met' })).status, 200);
	assertError(await coordinator.post(`${path}/needs/999999`,
	    { status: 'met' }), 404, 'not_found');

	r = await coordinator.post(`${path}/plan`, { goals: 'Veilig wonen.',
	    review_on: '2001-01-01' });
	assert.deepEqual(fieldNames(r), ['review_on']);
	r = await coordinator.post(`${path}/plan`, { review_on: '2030-02-30' });
	assert.deepEqual(fieldNames(r), ['review_on']);
	r = await coordinator.post(`${path}/plan`, { tasks: [{ who: 'X' }] });
	assert.deepEqual(fieldNames(r), ['tasks[0].what']);
	r = await coordinator.post(`${path}/plan`, { goals: 'Veilig wonen.',
	    tasks: [{ who: 'Opvang De Haven', what: 'Opvangplek' },
	    { who: 'Advocaat', what: 'Aangifte bespreken' }],
	    review_on: '2030-03-01' });
	assert.equal(r.status, 200, r.text);
	const c = (await coordinator.get(path)).body;
	assert.deepEqual(c.needs.map((n) => [n.need, n.status]),
	    [['SAFE-SHELTER', 'open'], ['LEGAL', 'met']]);
	assert.equal(c.plan.goals, 'Veilig wonen.');
	assert.equal(c.plan.tasks.length, 2);
	assert.equal(c.plan.review_on, '2030-03-01');
	assert.equal(c.plan.updated_by, 'demo-coordinator');
	const line = (await coordinator.get('/api/cases')).body.cases
	    .find((l) => l.id === c.id);
	assert.equal(line.review_on, '2030-03-01');
});

test('notes are sealed, with their author\'s organisation', async () => {
	const { d } = await decided({});
	const path = `/api/cases/${d.body.case_id}`;
	assertError(await coordinator.post(`${path}/notes`, {}), 400,
	    'invalid');
	assertError(await coordinator.post(`${path}/notes`,
	    { text: 'x'.repeat(10001) }), 400, 'invalid');
	const r = await coordinator.post(`${path}/notes`,
	    { text: 'Gebeld met de opvang: plek vrij per maandag.' });
	assert.equal(r.status, 201, r.text);
	const c = (await coordinator.get(path)).body;
	const note = c.timeline.find((e) => e.id === r.body.id);
	assert.equal(note.kind, 'note');
	assert.equal(note.text, 'Gebeld met de opvang: plek vrij per maandag.');
	assert.equal(note.org_name,
	    'Zorgcoördinatie Mensenhandel Amsterdam (demo)');
	assert.equal(await count("case_event WHERE CAST(text AS TEXT) LIKE " +
	    "'%opvang%'"), 0);
	assert.equal(await count(`audit WHERE action = 'case.note' AND ` +
	    `object_id = ${c.id}`), 1);
});

test('colleagues are assigned; others are refused', async () => {
	const admin = await realAdmin(server);
	const orgs = (await admin.get('/api/orgs')).body.orgs;
	const zc = orgs.find((o) => o.type === 'care_coordination');
	const colleague = await newAccount(server, admin,
	    { role: 'coordinator', org_id: zc.id });
	const { d } = await decided({});
	const path = `/api/cases/${d.body.case_id}`;
	// An advisor is no colleague of a care coordination.
	const adv = (await advisor.get('/api/me')).body;
	let r = await coordinator.post(`${path}/members`,
	    { user_id: adv.user_id ?? adv.id });
	assert.deepEqual(fieldNames(r), ['user_id']);
	r = await coordinator.post(`${path}/members`,
	    { user_id: colleague.id });
	assert.equal(r.status, 200, r.text);
	assertError(await coordinator.post(`${path}/members`,
	    { user_id: colleague.id }), 409, 'conflict');
	const c = (await coordinator.get(path)).body;
	assert.deepEqual(c.members.map((m) => m.username),
	    [colleague.username]);
	r = await coordinator.post(`${path}/members/${colleague.id}/remove`);
	assert.equal(r.status, 200, r.text);
	assertError(await coordinator.post(
	    `${path}/members/${colleague.id}/remove`), 404, 'not_found');
});

test('a case is 404 for everyone without a relation to it', async () => {
	const { d } = await decided({});
	const id = d.body.case_id;
	const admin = await realAdmin(server);
	// A coordinator of another care coordination.
	const r = await admin.post('/api/orgs', { name: 'ZC Elders (test)',
	    type: 'care_coordination', municipality: 'GM0599' });
	assert.equal(r.status, 201, r.text);
	const other = await newAccount(server, admin,
	    { role: 'coordinator', org_id: r.body.id });
	const clients = [await other.login(), reporter, advisor,
	    ...await Promise.all(['demo-provider', 'demo-assessor',
	    'demo-policy', 'demo-rapporteur', 'demo-admin'].map((u) =>
	    loginAs(server, u))), admin];
	const missing = await coordinator.get('/api/cases/99999999');
	assertError(missing, 404, 'not_found');
	for (const c of clients) {
		for (const [method, path, body] of [
		    ['get', `/api/cases/${id}`],
		    ['post', `/api/cases/${id}/accept`],
		    ['post', `/api/cases/${id}/notes`, { text: 'x' }],
		    ['post', `/api/cases/${id}/status`, { status: 'in_care' }],
		    ['post', `/api/cases/${id}/needs`, { need: 'LEGAL' }]]) {
			const res = await c[method](path, body);
			assert.equal(res.status, 404, `${path}: ${res.text}`);
			assert.deepEqual(res.body, missing.body);
		}
	}
	// Nothing of it reached their lists.
	const list = await (await other.login()).get('/api/cases');
	assert.deepEqual(list.body.cases, []);
});

test('a coordinator opens a case directly, at their own organisation',
    async () => {
	let r = await coordinator.post('/api/cases', { type: 'trafficking',
	    forms: ['criminal'], municipality: 'GM0599', source: 'police',
	    persons: [] });
	assert.deepEqual(fieldNames(r), ['municipality']);
	r = await coordinator.post('/api/cases', { type: 'trafficking',
	    forms: [], municipality: 'GM0363', source: 'neighbour',
	    help_needs: ['NOPE'], persons: [{ kind: 'boss' }] });
	assert.deepEqual(fieldNames(r).sort(), ['forms', 'help_needs[0]',
	    'persons[0].kind', 'source']);
	r = await coordinator.post('/api/cases', { type: 'trafficking',
	    forms: ['criminal'], municipality: 'GM0363', source: 'police',
	    summary: 'Gemeld door de politie na een controle.',
	    help_needs: ['SAFE-YOUTH'],
	    persons: [{ kind: 'victim', estimated_age: 16 }] });
	assert.equal(r.status, 201, r.text);
	const c = (await coordinator.get(`/api/cases/${r.body.id}`)).body;
	assert.equal(c.status, 'accepted');
	assert.equal(c.source, 'police');
	assert.equal(c.coordinator, 'demo-coordinator');
	assert.equal(c.signal_id, null);
	assert.equal(c.persons[0].person.age_band, '16-17');
	assert.deepEqual(c.timeline.map((e) => e.kind), ['opened', 'accepted']);
	assertError(await advisor.post('/api/cases', { type: 'trafficking',
	    forms: ['criminal'], municipality: 'GM0363', source: 'police' }),
	    403, 'forbidden');
});

test('one person, victim in one case and suspect in another: each ' +
    'coordinator sees whom to call, audited on the other case',
    async () => {
	const known = { kind: 'victim', name: 'Radu Ionescu',
	    id_number: '123456782' };
	const first = await decided({ persons: [known] });
	const second = await decided({ persons: [{ ...known,
	    kind: 'suspect', name: 'R. Ionescu' }] });
	const a = (await coordinator.get(
	    `/api/cases/${first.d.body.case_id}`)).body;
	const b = (await coordinator.get(
	    `/api/cases/${second.d.body.case_id}`)).body;
	assert.equal(a.persons[0].id, b.persons[0].id, 'one registry row');
	assert.equal(a.persons[0].person.kind, 'victim');
	assert.equal(b.persons[0].person.kind, 'suspect');
	assert.deepEqual(a.also_known, [{ person: a.persons[0].id,
	    username: null, org_name:
	    'Zorgcoördinatie Mensenhandel Amsterdam (demo)', phone: null }]);
	assert.equal(b.also_known.length, 1);
	assert.equal(Object.keys(b.also_known[0]).sort().join(),
	    'org_name,person,phone,username', 'nothing of the other case');
	const rows = (await sql(server.dataDir, 'SELECT object_id, reason ' +
	    "FROM audit WHERE action = 'case.person.reveal' ORDER BY id"))
	    .trim().split('\n');
	assert.ok(rows.includes(`${second.d.body.case_id}|shown on case ` +
	    `${first.d.body.case_id}`), rows.join('\n'));

	// A later signal about the person shows on both cases.
	const late = await reporter.post('/api/signals', {
	    municipality: 'GM0363', urgency: 'days', description: 'Weer.',
	    persons: [{ kind: 'victim', id_number: '123456782' }] });
	assert.equal(late.status, 201, late.text);
	const again = (await coordinator.get(
	    `/api/cases/${first.d.body.case_id}`)).body;
	assert.ok(again.other_signals.some((s) => s.signal === late.body.id &&
	    s.username === 'demo-reporter'), JSON.stringify(again));
});

// Placements: where a victim stays, and closed youth care under "no,
// unless".  A closed placement without the court's authorisation or a
// less restrictive alternative is refused with every missing field named
// and nothing written; one authorised for longer than the law allows is
// refused naming valid_until; a valid one is recorded, on the timeline
// and audited.  Overlaps are refused unless one ends the day the next
// starts.  A provider sees the placements at its own organisation and
// nothing of the person; everyone outside the case team gets the 404 of
// a case that does not exist.  Runs on SQLite and PostgreSQL
// (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql, stopClean }
    from '../lib/util.mjs';

const HAVEN = 'Opvang De Haven (demo)';
const NOORD = 'Jeugdhulp Noord (demo)';

let server = null;
let coord = null;
let rotterdam = null;
let provider = null;
let advisor = null;
let haven = 0;
let noord = 0;

before(async () => {
	server = await startServer();
	[coord, rotterdam, provider, advisor] = await Promise.all([
	    loginAs(server, 'demo-coordinator'),
	    loginAs(server, 'demo-coordinator-rotterdam'),
	    loginAs(server, 'demo-provider'),
	    loginAs(server, 'demo-advisor')]);
	const names = (await coord.get('/api/providers/names')).body.providers;
	haven = names.find((p) => p.name === HAVEN).id;
	noord = names.find((p) => p.name === NOORD).id;
});

after(async () => {
	await stopClean(server);
});

async function count(where) {
	return Number((await sql(server.dataDir,
	    `SELECT COUNT(*) FROM ${where}`)).trim());
}

// YYYY-MM-DD, days from today (UTC is close enough away from midnight).
function day(n) {
	const d = new Date(Date.now() + n * 86400000);
	return d.toISOString().slice(0, 10);
}

function yearsAgo(n) {
	const d = new Date();
	d.setUTCFullYear(d.getUTCFullYear() - n);
	return d.toISOString().slice(0, 10);
}

// A case of the Amsterdam care coordination with a girl of 15 and an
// adult woman.
async function newCase() {
	const r = await coord.post('/api/cases', { type: 'trafficking',
	    forms: ['sexual'], municipality: 'GM0363', source: 'police',
	    persons: [{ kind: 'victim', name: 'Noor Bakker',
	    birth_date: yearsAgo(15) }, { kind: 'victim',
	    name: 'Mila de Wit', birth_date: '1998-04-04' }] });
	assert.equal(r.status, 201, r.text);
	const c = (await coord.get(`/api/cases/${r.body.id}`)).body;
	return { id: r.body.id, path: `/api/cases/${r.body.id}`,
	    minor: c.persons[0].id, adult: c.persons[1].id };
}

const ALT = [{ code: 'foster_care',
    why: 'Geen pleeggezin kan haar veilig houden.' }];

test('the provider names are for coordinators', async () => {
	const names = (await coord.get('/api/providers/names')).body.providers;
	assert.ok(names.length >= 2);
	assert.deepEqual(Object.keys(names[0]).sort(), ['id', 'name']);
	assertError(await provider.get('/api/providers/names'), 403,
	    'forbidden');
});

test('closed youth care without authorisation or alternatives is ' +
    'refused, every missing field named', async () => {
	const c = await newCase();
	const before = await count('placement');
	const r = await coord.post(`${c.path}/placements`, { person_id:
	    c.minor, type: 'closed_youth_care', from: day(-1),
	    provider_org_id: noord });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['authorisation_kind', 'decided_on',
	    'valid_from', 'valid_until', 'alternatives']);
	// An alternative without why, a decision to come: named too.
	const r2 = await coord.post(`${c.path}/placements`, { person_id:
	    c.minor, type: 'closed_youth_care', from: day(-1),
	    provider_org_id: noord, authorisation_kind: 'authorisation',
	    decided_on: day(3), valid_from: day(-1), valid_until: day(100),
	    alternatives: [{ code: 'foster_care' }, { code: 'prison',
	    why: 'x' }] });
	assertError(r2, 400, 'invalid');
	assert.deepEqual(fieldNames(r2), ['decided_on', 'valid_from',
	    'alternatives[0].why', 'alternatives[1].code']);
	// An adult: closed youth care is for minors.
	const r3 = await coord.post(`${c.path}/placements`, { person_id:
	    c.adult, type: 'closed_youth_care', from: day(-1),
	    provider_org_id: noord, authorisation_kind: 'authorisation',
	    decided_on: day(-2), valid_from: day(-1), valid_until: day(100),
	    alternatives: ALT });
	assertError(r3, 400, 'invalid');
	assert.deepEqual(fieldNames(r3), ['person_id']);
	assert.equal(await count('placement'), before);
	assert.equal(await count('placement_authorisation WHERE placement_id' +
	    ` IN (SELECT id FROM placement WHERE case_id = ${c.id})`), 0);
});

test('an authorisation longer than the law allows names valid_until',
    async () => {
	const c = await newCase();
	// Four weeks for an emergency authorisation: 28 days, the first
	// included.
	const body = { person_id: c.minor, type: 'closed_youth_care',
	    from: day(-3), provider_org_id: noord,
	    authorisation_kind: 'emergency', decided_on: day(-3),
	    valid_from: day(-3), valid_until: day(25), alternatives: ALT };
	const r = await coord.post(`${c.path}/placements`, body);
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['valid_until']);
	assert.match(r.body.error.fields[0].reason, /Jeugdwet/);
	const ok = await coord.post(`${c.path}/placements`,
	    { ...body, valid_until: day(24) });
	assert.equal(ok.status, 201, ok.text);
});

test('a valid closed placement is recorded, on the timeline, audited, ' +
    'and renewed', async () => {
	const c = await newCase();
	const r = await coord.post(`${c.path}/placements`, { person_id:
	    c.minor, type: 'closed_youth_care', from: day(-20),
	    provider_org_id: noord, review_on: day(5),
	    authorisation_kind: 'emergency', decided_on: day(-21),
	    valid_from: day(-20), valid_until: day(3), alternatives: ALT });
	assert.equal(r.status, 201, r.text);
	const pid = r.body.id;
	const list = await coord.get(`${c.path}/placements`);
	assert.equal(list.status, 200, list.text);
	assert.equal(list.body.can_work, true);
	const p = list.body.placements.find((x) => x.id === pid);
	assert.equal(p.status, 'current');
	assert.equal(p.provider_name, NOORD);
	assert.equal(p.age_band, '12-15');
	assert.equal(p.authorisations.length, 1);
	assert.equal(p.authorisations[0].kind, 'emergency');
	assert.equal(p.alternatives[0].why, ALT[0].why);
	// Within the emergency authorisation's week of warning.
	assert.equal(p.warnings.authorisation_ending, true);
	assert.equal(p.warnings.emergency_overrun, false);
	assert.ok(list.body.rules.some((x) => x.code === 'closed_emergency' &&
	    x.law === true));
	const cs = (await coord.get(c.path)).body;
	assert.ok(cs.timeline.some((e) => e.kind === 'placement_recorded' &&
	    e.detail.includes('closed_youth_care:emergency')), cs.timeline);
	assert.equal(await count(`audit WHERE object_type = 'case' AND ` +
	    `object_id = ${c.id} AND action = 'placement.record'`), 1);
	assert.equal(await count(`audit WHERE object_type = 'case' AND ` +
	    `object_id = ${c.id} AND action = 'placement.read'`), 1);
	// The why is sealed, never in the clear.
	assert.equal(await count(`placement_alternative WHERE placement_id = ` +
	    `${pid} AND why IS NOT NULL`), 1);

	// A renewal must follow on and run longer.
	const gap = await coord.post(`${c.path}/placements/${pid}/` +
	    'authorisations', { authorisation_kind: 'authorisation',
	    decided_on: day(0), valid_from: day(6), valid_until: day(200) });
	assertError(gap, 400, 'invalid');
	assert.deepEqual(fieldNames(gap), ['valid_from']);
	const renew = await coord.post(`${c.path}/placements/${pid}/` +
	    'authorisations', { authorisation_kind: 'authorisation',
	    decided_on: day(0), valid_from: day(4), valid_until: day(200) });
	assert.equal(renew.status, 201, renew.text);
	const p2 = (await coord.get(`${c.path}/placements`)).body.placements
	    .find((x) => x.id === pid);
	assert.equal(p2.authorisations.length, 2);
	assert.equal(p2.warnings.authorisation_ending, false);
	// Until past the authorisation is refused; within it, changed.
	const far = await coord.post(`${c.path}/placements/${pid}`,
	    { until: day(201), provider_org_id: noord });
	assertError(far, 400, 'invalid');
	assert.deepEqual(fieldNames(far), ['until']);
	const ch = await coord.post(`${c.path}/placements/${pid}`,
	    { until: day(150), review_on: day(30), provider_org_id: noord });
	assert.equal(ch.status, 200, ch.text);
	const end = await coord.post(`${c.path}/placements/${pid}/end`,
	    { on: day(0), reason: 'completed' });
	assert.equal(end.status, 200, end.text);
	assertError(await coord.post(`${c.path}/placements/${pid}/end`,
	    { on: day(0), reason: 'completed' }), 409, 'conflict');
	const kinds = (await coord.get(c.path)).body.timeline
	    .map((e) => e.kind).filter((k) => k.startsWith('placement_'));
	assert.deepEqual(kinds, ['placement_recorded', 'placement_authorised',
	    'placement_changed', 'placement_ended']);
	for (const a of ['placement.authorise', 'placement.change',
	    'placement.end'])
		assert.equal(await count(`audit WHERE object_type = 'case' ` +
		    `AND object_id = ${c.id} AND action = '${a}'`), 1, a);
});

test('placements of one person may not overlap, but may meet',
    async () => {
	const c = await newCase();
	const first = await coord.post(`${c.path}/placements`, { person_id:
	    c.adult, type: 'womens_shelter', from: day(-30), until: day(-10),
	    provider_org_id: haven });
	assert.equal(first.status, 201, first.text);
	assertError(await coord.post(`${c.path}/placements`, { person_id:
	    c.adult, type: 'categorical_shelter', from: day(-11),
	    provider_org_id: haven }), 409, 'conflict');
	const next = await coord.post(`${c.path}/placements`, { person_id:
	    c.adult, type: 'categorical_shelter', from: day(-10),
	    provider_org_id: haven });
	assert.equal(next.status, 201, next.text);
	// Another person of the case is placed on her own days.
	const other = await coord.post(`${c.path}/placements`, { person_id:
	    c.minor, type: 'foster_care', from: day(-20) });
	assert.equal(other.status, 201, other.text);
	// A provider is required for a shelter, and must be a provider.
	const r = await coord.post(`${c.path}/placements`, { person_id:
	    c.adult, type: 'other', from: day(1),
	    provider_org_id: 1 });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['other_text', 'provider_org_id']);
	assertError(await coord.post(`${c.path}/placements`, { person_id:
	    c.adult, type: 'womens_shelter', from: day(1), color: 'red' }),
	    400, 'invalid');
});

test('a provider sees the placements at its own organisation only, and ' +
    '404 for everything else', async () => {
	const c = await newCase();
	const at = await coord.post(`${c.path}/placements`, { person_id:
	    c.adult, type: 'womens_shelter', from: day(-5),
	    provider_org_id: haven });
	assert.equal(at.status, 201, at.text);
	const elsewhere = await coord.post(`${c.path}/placements`, {
	    person_id: c.minor, type: 'residential_youth_care', from: day(-5),
	    provider_org_id: noord });
	assert.equal(elsewhere.status, 201, elsewhere.text);
	const before = await count(`audit WHERE action = 'placement.list'`);
	const mine = await provider.get('/api/placements');
	assert.equal(mine.status, 200, mine.text);
	const line = mine.body.placements.find((x) => x.id === at.body.id);
	assert.ok(line, mine.text);
	assert.deepEqual(Object.keys(line).sort(), ['case_id', 'from', 'id',
	    'status', 'type', 'until']);
	assert.equal(line.case_id, c.id);
	assert.equal(line.status, 'current');
	assert.ok(!mine.body.placements.some((x) => x.id ===
	    elsewhere.body.id));
	assert.ok(!mine.text.includes('Mila'));
	assert.equal(await count(`audit WHERE action = 'placement.list'`),
	    before + 1);
	// The case's placements: 404 to the provider, the advisor and
	// another care coordination, as for a case that does not exist.
	for (const who of [provider, advisor, rotterdam]) {
		assertError(await who.get(`${c.path}/placements`), 404,
		    'not_found');
		assertError(await who.post(`${c.path}/placements/` +
		    `${at.body.id}/end`, { on: day(0), reason: 'left' }), 404,
		    'not_found');
	}
	assertError(await coord.get('/api/cases/99999999/placements'), 404,
	    'not_found');
	assertError(await coord.post(`${c.path}/placements/99999999/end`,
	    { on: day(0), reason: 'left' }), 404, 'not_found');
	// Only providers list placements.
	assertError(await coord.get('/api/placements'), 403, 'forbidden');
});

test('an emergency authorisation past its last day is flagged',
    async () => {
	const c = await newCase();
	const path = `${c.path}/placements`;
	const r = await coord.post(path, { person_id: c.minor,
	    type: 'closed_youth_care', from: day(-30), provider_org_id: noord,
	    authorisation_kind: 'emergency', decided_on: day(-30),
	    valid_from: day(-30), valid_until: day(-5), alternatives: ALT });
	assert.equal(r.status, 201, r.text);
	// Recorded afterwards, the placement still going: past the
	// emergency authorisation.
	let w = (await coord.get(path)).body.placements[0].warnings;
	assert.equal(w.emergency_overrun, true);
	assert.equal(w.authorisation_expired, true);
	assert.equal(w.authorisation_ending, false);
	assert.equal(w.authorisation_ends, day(-5));
	// A renewal that follows on ends the flag.
	const renew = await coord.post(`${path}/${r.body.id}/authorisations`,
	    { authorisation_kind: 'authorisation', decided_on: day(-5),
	    valid_from: day(-4), valid_until: day(300) });
	assert.equal(renew.status, 201, renew.text);
	w = (await coord.get(path)).body.placements[0].warnings;
	assert.equal(w.emergency_overrun, false);
	assert.equal(w.authorisation_expired, false);
});

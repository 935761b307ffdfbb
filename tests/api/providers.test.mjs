// Providers: each keeps its own offer and capacity up to date (and
// nobody else's: 404); admins set any provider up; bad input is named
// per field and changes nothing; the case team sees the providers that
// fit a need of its case, languages first, then free places, waiting
// time and name; anyone else gets the 404 of a case that does not
// exist.  Every change and every search is audited.  Runs on SQLite and
// PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql, stopClean }
    from '../lib/util.mjs';

const HAVEN = 'Opvang De Haven (demo)';

let server = null;
let provider = null;
let coordinator = null;
let rotterdam = null;
let admin = null;

before(async () => {
	server = await startServer();
	[provider, coordinator, rotterdam, admin] = await Promise.all([
	    loginAs(server, 'demo-provider'),
	    loginAs(server, 'demo-coordinator'),
	    loginAs(server, 'demo-coordinator-rotterdam'),
	    loginAs(server, 'demo-admin')]);
});

after(async () => {
	await stopClean(server);
});

async function count(where) {
	return Number((await sql(server.dataDir,
	    `SELECT COUNT(*) FROM ${where}`)).trim());
}

async function orgId(name) {
	const orgs = (await admin.get('/api/orgs')).body.orgs;
	const o = orgs.find((x) => x.name === name);
	assert.ok(o, name);
	return o.id;
}

async function regionId(name) {
	const r = (await admin.get('/api/regions')).body.regions;
	const x = r.find((y) => y.name === name);
	assert.ok(x, name);
	return x.id;
}

// The demo provider's offer as the fitting test below expects it.
async function havenOffer(extra = {}) {
	return {
		care_types: ['SAFE-SHELTER', 'TRAUMA'],
		municipalities: ['GM0363'],
		regions: [String(await regionId(
		    'Zorgcoördinatie Rotterdam (demo)'))],
		target_groups: ['adults', 'women'],
		languages: ['nl', 'ro'],
		...extra,
	};
}

test('the demo provider reads and changes its own offer and capacity',
    async () => {
	const me = await provider.get('/api/provider');
	assert.equal(me.status, 200, me.text);
	assert.equal(me.body.org_name, HAVEN);
	assert.ok(me.body.care_types.includes('SAFE-SHELTER'));
	assert.ok(me.body.capacity_updated_at);
	const auditBefore = await count(`audit WHERE object_type = 'org'
	    AND object_id = ${me.body.org_id} AND action = 'provider.offer'`);

	const put = await provider.put('/api/provider', await havenOffer());
	assert.equal(put.status, 200, put.text);
	assert.deepEqual(put.body.care_types, ['SAFE-SHELTER', 'TRAUMA']);
	assert.deepEqual(put.body.municipalities,
	    [{ code: 'GM0363', name: 'Amsterdam' }]);
	assert.equal(put.body.regions.length, 1);
	assert.equal(put.body.regions[0].name,
	    'Zorgcoördinatie Rotterdam (demo)');
	assert.deepEqual(put.body.target_groups, ['adults', 'women']);
	assert.deepEqual(put.body.languages, ['nl', 'ro']);
	assert.equal(put.body.offer_updated_by, 'demo-provider');
	assert.equal(await count(`audit WHERE object_type = 'org'
	    AND object_id = ${me.body.org_id} AND action = 'provider.offer'`),
	    auditBefore + 1);

	const cap = await provider.post('/api/provider/capacity',
	    { free_places: 0, waiting_weeks: 4 });
	assert.equal(cap.status, 200, cap.text);
	assert.equal(cap.body.free_places, 0);
	assert.equal(cap.body.waiting_weeks, 4);
	assert.equal(cap.body.capacity_updated_by, 'demo-provider');
	assert.ok(Date.parse(cap.body.capacity_updated_at) >=
	    Date.parse(me.body.capacity_updated_at));
	assert.ok(await count(`audit WHERE object_type = 'org'
	    AND object_id = ${me.body.org_id}
	    AND action = 'provider.capacity'`) >= 1);
	// A coordinator reads the same profile.
	const seen = await coordinator.get(`/api/providers/${me.body.org_id}`);
	assert.equal(seen.status, 200, seen.text);
	assert.equal(seen.body.waiting_weeks, 4);
});

test('a provider cannot touch another organisation\'s profile', async () => {
	const other = await orgId('Jeugdhulp Noord (demo)');
	const before = (await admin.get(`/api/providers/${other}`)).body;
	assertError(await provider.get(`/api/providers/${other}`), 404,
	    'not_found');
	assertError(await provider.put(`/api/providers/${other}`,
	    await havenOffer()), 404, 'not_found');
	assert.deepEqual((await admin.get(`/api/providers/${other}`)).body,
	    before);
	// Its own by id is the same as /api/provider.
	const mine = await provider.get('/api/provider');
	assert.deepEqual((await provider.get(
	    `/api/providers/${mine.body.org_id}`)).body, mine.body);
	// Coordinators read, never write; an org that is no provider is
	// not one.
	assertError(await coordinator.put(`/api/providers/${other}`,
	    await havenOffer()), 403, 'forbidden');
	const cc = await orgId('Zorgcoördinatie Mensenhandel Amsterdam (demo)');
	assertError(await coordinator.get(`/api/providers/${cc}`), 404,
	    'not_found');
	assertError(await admin.put(`/api/providers/${cc}`,
	    await havenOffer()), 404, 'not_found');
	assertError(await coordinator.get('/api/providers/999999'), 404,
	    'not_found');
	assertError(await coordinator.get('/api/provider'), 403,
	    'forbidden');
});

test('an admin sets up a provider', async () => {
	const org = await orgId('Jeugdhulp Noord (demo)');
	const r = await admin.put(`/api/providers/${org}`, {
		care_types: ['SAFE-YOUTH', 'GUARD'],
		municipalities: ['GM0080'], regions: [],
		target_groups: ['minors'], languages: ['nl'],
		free_places: 2, waiting_weeks: 1,
	});
	assert.equal(r.status, 200, r.text);
	assert.deepEqual(r.body.care_types, ['GUARD', 'SAFE-YOUTH']);
	assert.equal(r.body.free_places, 2);
	assert.equal(r.body.capacity_updated_by, 'demo-admin');
});

test('bad input is named per field and changes nothing', async () => {
	const before = (await provider.get('/api/provider')).body;
	let r = await provider.put('/api/provider', await havenOffer({
		care_types: ['SAFE-SHELTER', 'CAKE', 'SAFE-SHELTER'],
		municipalities: ['GM9999'],
		regions: ['x', '999999'],
		target_groups: ['children'],
		languages: ['xx', 'RO'],
	}));
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['care_types[1]', 'care_types[2]',
	    'municipalities[0]', 'regions[0]', 'regions[1]',
	    'target_groups[0]', 'languages[0]', 'languages[1]']);
	assert.match(r.body.error.fields[0].reason, /catalogue/);
	assert.match(r.body.error.fields[2].reason, /municipality/);
	r = await provider.post('/api/provider/capacity',
	    { free_places: -1, waiting_weeks: 2 });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['free_places']);
	r = await provider.post('/api/provider/capacity',
	    { free_places: 1, waiting_weeks: 2, name: 'x' });
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['name']);
	r = await provider.put('/api/provider', await havenOffer({
	    colour: 'blue' }));
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['colour']);
	r = await provider.put('/api/provider', await havenOffer({
	    free_places: 3 }));
	assertError(r, 400, 'invalid');
	assert.deepEqual(fieldNames(r), ['waiting_weeks']);
	const after = (await provider.get('/api/provider')).body;
	assert.deepEqual(after, before);
});

// An Amsterdam case with one need, for a person of the given age.
async function amsterdamCase(need, person) {
	const r = await coordinator.post('/api/cases', { type: 'trafficking',
	    forms: ['sexual'], municipality: 'GM0363', source: 'police',
	    summary: 'Aangetroffen bij een controle.', help_needs: [need],
	    persons: [{ kind: 'victim', ...person }] });
	assert.equal(r.status, 201, r.text);
	const c = (await coordinator.get(`/api/cases/${r.body.id}`)).body;
	return { id: r.body.id, need: c.needs[0].id };
}

test('the fitting providers for a need: area, target group, language ' +
    'first, then places, waiting time and name', async () => {
	// The demo provider takes adult women in Amsterdam directly, speaks
	// Romanian, has 3 places.
	assert.equal((await provider.put('/api/provider', await havenOffer({
	    free_places: 3, waiting_weeks: 0 }))).status, 200);
	const k = await amsterdamCase('SAFE-SHELTER', { name: 'Ioana Pop',
	    birth_date: '1998-03-04', sex: 'female',
	    languages: 'Roemeens, Engels' });
	const path = `/api/cases/${k.id}/needs/${k.need}/providers`;
	const r = await coordinator.get(path);
	assert.equal(r.status, 200, r.text);
	assert.deepEqual(r.body.person, { age: 'adult', sex: 'female',
	    lvb: false, languages: ['ro', 'en'] });
	// Romanian or English speakers first (all three here), then by
	// free places.  The men's shelter and the Utrecht and Brabant
	// shelters do not fit.
	assert.deepEqual(r.body.providers.map((p) => [p.name, p.free_places,
	    p.waiting_weeks, p.why.language]), [
		['Categorale Opvang West (demo)', 4, 0, 'ro'],
		[HAVEN, 3, 0, 'ro'],
		['Blijf Groep Amsterdam (demo)', 0, 6, 'en'],
	]);
	const haven = r.body.providers[1];
	assert.deepEqual(haven.why.target_groups, ['adults', 'women']);
	assert.ok(Date.parse(haven.capacity_updated_at) > 0);
	assert.ok(r.body.providers.every((p) => p.capacity_updated_at));
	assert.equal(await count(`audit WHERE action = 'case.providers'
	    AND object_type = 'case' AND object_id = ${k.id}`), 1);

	// Without English the Romanian speakers lead.
	const k2 = await amsterdamCase('SAFE-SHELTER', { name: 'Elena Ionescu',
	    birth_date: '1995-05-06', sex: 'female', languages: 'ro' });
	const r2 = await coordinator.get(
	    `/api/cases/${k2.id}/needs/${k2.need}/providers`);
	assert.deepEqual(r2.body.providers.map((p) => [p.name,
	    p.why.language]), [
		['Categorale Opvang West (demo)', 'ro'],
		[HAVEN, 'ro'],
		['Blijf Groep Amsterdam (demo)', null],
	]);

	// A man: the women's shelters drop out, the men's comes in.
	const k3 = await amsterdamCase('SAFE-SHELTER', { name: 'Piotr Nowak',
	    birth_date: '1990-01-01', sex: 'male' });
	const r3 = await coordinator.get(
	    `/api/cases/${k3.id}/needs/${k3.need}/providers`);
	assert.deepEqual(r3.body.providers.map((p) => p.name), [
	    'Categorale Opvang West (demo)',
	    'Mannenopvang Het Anker (demo)']);
	assert.deepEqual(r3.body.providers[1].why.target_groups,
	    ['adults', 'men']);

	// A minor needs youth care for minors; adults' providers do not
	// fit, nor the youth care of another region.
	const k4 = await amsterdamCase('SAFE-YOUTH', { name: 'Mila Jansen',
	    birth_date: `${new Date().getFullYear() - 15}-01-01` });
	const r4 = await coordinator.get(
	    `/api/cases/${k4.id}/needs/${k4.need}/providers`);
	assert.equal(r4.body.person.age, 'minor');
	assert.deepEqual(r4.body.providers.map((p) => p.name),
	    ['Jeugdzorg Amstel (demo)']);
	const k5 = await amsterdamCase('SAFE-YOUTH', { name: 'Sara Bos',
	    birth_date: '1980-01-01' });
	const r5 = await coordinator.get(
	    `/api/cases/${k5.id}/needs/${k5.need}/providers`);
	assert.deepEqual(r5.body.providers, []);
});

test('the search is the case team\'s: anyone else gets a 404', async () => {
	const k = await amsterdamCase('TRAUMA', { name: 'Anna Smit',
	    birth_date: '1999-09-09' });
	const path = `/api/cases/${k.id}/needs/${k.need}/providers`;
	const before = await count(`audit WHERE action = 'case.providers'
	    AND object_id = ${k.id}`);
	assertError(await rotterdam.get(path), 404, 'not_found');
	for (const who of ['demo-provider', 'demo-admin', 'demo-advisor'])
		assertError(await (await loginAs(server, who)).get(path), 404,
		    'not_found', who);
	assertError(await coordinator.get(
	    `/api/cases/${k.id}/needs/999999/providers`), 404, 'not_found');
	assertError(await coordinator.get(
	    `/api/cases/999999/needs/${k.need}/providers`), 404, 'not_found');
	assert.equal(await count(`audit WHERE action = 'case.providers'
	    AND object_id = ${k.id}`), before);
	const ok = await coordinator.get(path);
	assert.equal(ok.status, 200, ok.text);
	assert.ok(ok.body.providers.some((p) =>
	    p.name === 'GGZ Traumacentrum (demo)'));
});

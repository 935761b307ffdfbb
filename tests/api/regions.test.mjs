// Changing a region: an admin reads one and replaces its name,
// municipalities and organisations; the checks refuse bad input and
// change nothing; the type stays; nobody else may read or change one.
// Access follows the change at once: the Veilig Thuis point taken out of
// its region no longer sees the region's signals, and sees them again
// when it is put back.  Every change is on the region's audit trail.
// Runs on SQLite and PostgreSQL (SCHAKEL_TEST_DB).  No test here counts
// the demo data: each compares before and after.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, stopClean,
    uniqueName } from '../lib/util.mjs';

const VT = 'Veilig Thuis Amsterdam-Amstelland (demo)';
const ROLES = ['reporter', 'advisor', 'coordinator', 'provider', 'assessor',
    'policy', 'rapporteur'];

let server = null;
let admin = null;

before(async () => {
	server = await startServer();
	admin = await loginAs(server, 'demo-admin');
});

after(async () => {
	await stopClean(server);
});

async function regionByName(name) {
	const r = await admin.get('/api/regions');
	assert.equal(r.status, 200, r.text);
	const g = r.body.regions.find((x) => x.name === name);
	assert.ok(g, `no region ${name}`);
	return g.id;
}

async function orgByName(name) {
	const r = await admin.get('/api/orgs');
	assert.equal(r.status, 200, r.text);
	const o = r.body.orgs.find((x) => x.name === name);
	assert.ok(o, `no organisation ${name}`);
	return o.id;
}

async function read(id) {
	const r = await admin.get(`/api/regions/${id}`);
	assert.equal(r.status, 200, r.text);
	return r.body;
}

// The body that sets a region to what it is now.
const bodyOf = (g) => ({ name: g.name,
    municipalities: g.municipalities.map((m) => m.code),
    orgs: g.orgs.map((o) => String(o.id)) });

async function newRegion(type = 'care_coordination') {
	const name = uniqueName('Regio');
	const r = await admin.post('/api/regions', { name, type,
	    municipalities: ['GM0363', 'GM0599'],
	    orgs: ['Gemeente Amsterdam (demo)'] });
	assert.equal(r.status, 201, r.text);
	return r.body.id;
}

test('an admin reads a region with its municipalities and organisations',
    async () => {
	const id = await regionByName(VT);
	const g = await read(id);
	assert.deepEqual(Object.keys(g), ['id', 'name', 'type',
	    'municipalities', 'orgs']);
	assert.equal(g.id, id);
	assert.equal(g.name, VT);
	assert.equal(g.type, 'veilig_thuis');
	const ams = g.municipalities.find((m) => m.code === 'GM0363');
	assert.deepEqual(ams, { code: 'GM0363', name: 'Amsterdam',
	    province: 'Noord-Holland' });
	assert.ok(g.orgs.some((o) => o.name === VT));
	assertError(await admin.get('/api/regions/987654321'), 404,
	    'not_found');
});

test('an admin changes the name, the municipalities and the organisations',
    async () => {
	const id = await newRegion();
	const name = uniqueName('Hernoemd');
	const shelter = await orgByName('Opvang De Haven (demo)');
	const r = await admin.post(`/api/regions/${id}`, { name,
	    municipalities: ['GM0599', 'GM0518'],
	    orgs: [String(shelter), 'Gemeente Amsterdam (demo)'] });
	assert.equal(r.status, 200, r.text);
	const g = await read(id);
	assert.deepEqual(r.body, g);
	assert.equal(g.name, name);
	assert.equal(g.type, 'care_coordination');
	assert.deepEqual(g.municipalities.map((m) => m.code).sort(),
	    ['GM0518', 'GM0599']);
	assert.deepEqual(g.orgs.map((o) => o.name).sort(),
	    ['Gemeente Amsterdam (demo)', 'Opvang De Haven (demo)']);
	// The list shows the new name and count.
	const l = (await admin.get('/api/regions')).body.regions
	    .find((x) => x.id === id);
	assert.equal(l.name, name);
	assert.equal(l.municipalities, 2);
	// Its own type may be sent along; the organisations may go.
	const s = await admin.post(`/api/regions/${id}`, { name,
	    type: 'care_coordination', municipalities: ['GM0599'] });
	assert.equal(s.status, 200, s.text);
	assert.deepEqual((await read(id)).orgs, []);
	// On the region's audit trail, once per change.
	const a = await admin.get(
	    `/api/audit?object_type=region&object_id=${id}`);
	assert.equal(a.status, 200, a.text);
	const acts = a.body.entries.map((e) => e.action);
	assert.equal(acts.filter((x) => x === 'region.update').length, 2);
	assert.equal(acts.filter((x) => x === 'region.create').length, 1);
});

test('bad input names the field and changes nothing', async () => {
	const id = await newRegion();
	const was = await read(id);
	const other = (await admin.get('/api/regions')).body.regions
	    .find((x) => x.id !== id).name;
	const cases = [
		[{ ...bodyOf(was), name: '' }, ['name']],
		[{ ...bodyOf(was), name: other }, ['name']],
		[{ ...bodyOf(was), municipalities: [] }, ['municipalities']],
		[{ ...bodyOf(was), municipalities: ['GM0363', 'GM9999'] },
		    ['municipalities[1]']],
		[{ ...bodyOf(was), municipalities: ['GM0363', 'GM0363'] },
		    ['municipalities[1]']],
		[{ ...bodyOf(was), orgs: ['Bestaat niet (demo)'] },
		    ['orgs[0]']],
		[{ ...bodyOf(was), orgs: [was.orgs[0].name,
		    String(was.orgs[0].id)] }, ['orgs[1]']],
		[{ ...bodyOf(was), type: 'youth' }, ['type']],
		[{ ...bodyOf(was), colour: 'blauw' }, ['colour']],
		[{ municipalities: ['GM0363'] }, ['name']],
	];
	for (const [body, fields] of cases) {
		const r = await admin.post(`/api/regions/${id}`, body);
		const e = assertError(r, 400, 'invalid', JSON.stringify(body));
		assert.deepEqual(fieldNames(r), fields, JSON.stringify(body));
		assert.ok(e.fields.every((f) => f.reason.length > 0));
		assert.deepEqual(await read(id), was, JSON.stringify(body));
	}
	const t = await admin.post(`/api/regions/${id}`,
	    { ...bodyOf(was), type: 'veilig_thuis' });
	assert.equal(t.body.error.fields[0].reason, 'cannot be changed');
	// A region that does not exist: 404, before any field error.
	assertError(await admin.post('/api/regions/987654321', {}), 404,
	    'not_found');
	const a = await admin.get(
	    `/api/audit?object_type=region&object_id=${id}`);
	assert.equal(a.body.entries.filter((x) =>
	    x.action === 'region.update').length, 0);
});

test('no other role reads or changes a region', async () => {
	const id = await regionByName(VT);
	const was = await read(id);
	for (const role of ROLES) {
		const c = await loginAs(server, `demo-${role}`);
		assertError(await c.get(`/api/regions/${id}`), 403,
		    'forbidden', role);
		assertError(await c.post(`/api/regions/${id}`,
		    { ...bodyOf(was), orgs: [] }), 403, 'forbidden', role);
	}
	assert.deepEqual(await read(id), was);
});

test('the point taken out of its region no longer sees its signals; put ' +
    'back, it does again', async () => {
	const id = await regionByName(VT);
	const was = await read(id);
	const reporter = await loginAs(server, 'demo-reporter');
	const advisor = await loginAs(server, 'demo-advisor');
	const f = await reporter.post('/api/signals', { municipality: 'GM0363',
	    urgency: 'days', description: 'Jongen werkt elke nacht in een ' +
	    'magazijn.', persons: [{ kind: 'victim', name: 'Regio Test',
	    birth_date: '2010-02-03' }] });
	assert.equal(f.status, 201, f.text);
	const sig = f.body.id;
	// The queue and the signal itself, found by its number.
	const sees = async () => {
		const q = await advisor.get(`/api/signals/queue?q=${sig}`);
		assert.equal(q.status, 200, q.text);
		const inQueue = q.body.signals.some((s) => s.id === sig);
		const one = await advisor.get(`/api/signals/${sig}`);
		assert.ok([200, 404].includes(one.status), one.text);
		assert.equal(inQueue, one.status === 200);
		return inQueue;
	};
	const total = async () => (await advisor.get(
	    '/api/signals/queue?per_page=1')).body.total;
	assert.equal(await sees(), true);
	const before = await total();
	const r = await admin.post(`/api/regions/${id}`, { ...bodyOf(was),
	    orgs: was.orgs.filter((o) => o.name !== VT)
	    .map((o) => String(o.id)) });
	assert.equal(r.status, 200, r.text);
	assert.equal(await sees(), false);
	assert.ok(await total() < before);
	// Nothing of the region's municipalities is left in the queue.
	const codes = new Set(was.municipalities.map((m) => m.code));
	const q = await advisor.get('/api/signals/queue?per_page=100');
	assert.equal(q.status, 200, q.text);
	for (const s of q.body.signals)
		assert.ok(!codes.has(s.municipality), JSON.stringify(s));
	const back = await admin.post(`/api/regions/${id}`, bodyOf(was));
	assert.equal(back.status, 200, back.text);
	assert.deepEqual(back.body, was);
	assert.equal(await sees(), true);
	assert.equal(await total(), before);
	const a = await admin.get(
	    `/api/audit?object_type=region&object_id=${id}`);
	assert.equal(a.body.entries.filter((x) =>
	    x.action === 'region.update').length, 2);
});

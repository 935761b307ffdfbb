// The admin's account form: the enrolment link also as a QR code (drawn
// by the server, for the colleague to scan from the admin's screen), the
// real name and the work phone with their field errors, the real name
// sealed at rest and shown where a person is named.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { realAdmin } from '../lib/accounts.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql, stopClean, uniqueName }
    from '../lib/util.mjs';

let server = null;
let admin = null;		// demo-admin
let second = null;		// the real administrator: a second admin
let vtA = 0;			// an advice point

before(async () => {
	server = await startServer();
	admin = await loginAs(server, 'demo-admin');
	second = await realAdmin(server);
	const orgs = (await admin.get('/api/orgs')).body.orgs;
	vtA = orgs.find((o) => o.name.startsWith('Veilig Thuis Amsterdam')).id;
});

after(async () => {
	await stopClean(server);
});

const ORIGIN = 'https://schakel.example.nl';

test('the enrolment link comes with its QR code, for the browser origin',
    async () => {
	const r = await admin.post('/api/users', { username: uniqueName('pol'),
	    role: 'policy', org_id: vtA }, { headers: { origin: ORIGIN } });
	assert.equal(r.status, 201, r.text);
	assert.equal(r.body.enrol_link,
	    `${ORIGIN}/#/enrol/${r.body.enrol_token}`);
	assert.match(r.body.enrol_qr_svg, /^<svg [^>]*viewBox="0 0 \d+ \d+"/);
	assert.match(r.body.enrol_qr_svg, /<\/svg>$/);
	// Never the second factor: the user enrols that on their own page.
	assert.ok(!r.text.includes('otpauth'), r.text);

	// A fresh link: a fresh QR code.
	const n = await admin.post(`/api/users/${r.body.id}/enrol-link`,
	    undefined, { headers: { origin: ORIGIN } });
	assert.equal(n.status, 200, n.text);
	assert.equal(n.body.enrol_link,
	    `${ORIGIN}/#/enrol/${n.body.enrol_token}`);
	assert.notEqual(n.body.enrol_qr_svg, r.body.enrol_qr_svg);

	// No Origin, or one no browser sends: the text link only.
	for (const origin of [undefined, 'null', 'javascript:alert(1)',
	    'https://x.example/path', 'https://', `https://${'a'.repeat(300)}`,
	    'http://a.example/"><script>']) {
		const headers = origin === undefined ? {} : { origin };
		const x = await admin.post(`/api/users/${r.body.id}/enrol-link`,
		    undefined, { headers });
		assert.equal(x.status, 200, x.text);
		assert.equal(x.body.enrol_link, null, String(origin));
		assert.equal(x.body.enrol_qr_svg, null, String(origin));
		assert.match(x.body.enrol_token, /^[A-Za-z0-9_-]{43}$/);
	}
});

test('an account under four eyes: the QR code goes to the approver',
    async () => {
	const r = await admin.post('/api/users', { username: uniqueName('adv'),
	    role: 'advisor', org_id: vtA }, { headers: { origin: ORIGIN } });
	assert.equal(r.status, 201, r.text);
	assert.equal(r.body.enrol_token, null);
	assert.equal(r.body.enrol_link, null);
	assert.equal(r.body.enrol_qr_svg, null);
	const a = await second.post(`/api/users/${r.body.id}/approve`,
	    undefined, { headers: { origin: 'http://127.0.0.1:8080' } });
	assert.equal(a.status, 200, a.text);
	assert.equal(a.body.enrol_link,
	    `http://127.0.0.1:8080/#/enrol/${a.body.enrol_token}`);
	assert.match(a.body.enrol_qr_svg, /^<svg /);
});

test('real name and work phone: on create and edit, checked, name sealed',
    async () => {
	const name = uniqueName('pol');
	const real = 'Fatima el Idrissi-Jansen';
	const r = await admin.post('/api/users', { username: name,
	    role: 'policy', org_id: vtA, real_name: real,
	    phone: '+31 20 555-0101' });
	assert.equal(r.status, 201, r.text);
	const id = r.body.id;
	const listed = async () => (await admin.get('/api/users')).body.users
	    .find((u) => u.id === id);
	let u = await listed();
	assert.equal(u.real_name, real);
	assert.equal(u.phone, '+31 20 555-0101');

	// Sealed at rest: the column holds no plain text.
	const raw = await sql(server.dataDir, 'SELECT COUNT(*) FROM app_user' +
	    ` WHERE id = ${id} AND real_name IS NOT NULL AND CAST(real_name` +
	    " AS TEXT) NOT LIKE '%Idrissi%'");
	assert.equal(String(raw.stdout ?? raw).trim(), '1');

	// Edit: both at once; one left out or null is cleared.
	const e = await admin.post(`/api/users/${id}`, { real_name: real,
	    phone: '06-12345678' });
	assert.equal(e.status, 200, e.text);
	assert.equal(e.body.real_name, real);
	assert.equal(e.body.phone, '06-12345678');
	const c = await admin.post(`/api/users/${id}`,
	    { real_name: 'Anna de Vries', phone: null });
	assert.equal(c.status, 200, c.text);
	u = await listed();
	assert.equal(u.real_name, 'Anna de Vries');
	assert.equal(u.phone, null);

	// Bad input: named, and nothing changed.
	const bad = [
		[{ real_name: 'two\nlines' }, ['real_name']],
		[{ real_name: '' }, ['real_name']],
		[{ real_name: '   ' }, ['real_name']],
		[{ real_name: 'x'.repeat(201) }, ['real_name']],
		[{ real_name: 12 }, ['real_name']],
		[{ phone: '020 (555) 01' }, ['phone']],
		[{ phone: '1'.repeat(33) }, ['phone']],
		[{ phone: '+ -' }, ['phone']],
		[{ phone: 'bel me', real_name: '' }, ['phone', 'real_name']],
		[{ nickname: 'x' }, ['nickname']],
	];
	for (const [body, fields] of bad) {
		const x = await admin.post(`/api/users/${id}`, body);
		assertError(x, 400, 'invalid');
		assert.deepEqual(fieldNames(x).sort(), fields,
		    JSON.stringify(body));
	}
	assertError(await admin.post(`/api/users/${id}`, '{"phone":'), 400,
	    'invalid');
	u = await listed();
	assert.equal(u.real_name, 'Anna de Vries');
	assert.equal(u.phone, null);
	// On create too; nobody is made.
	const n = uniqueName('pol');
	const x = await admin.post('/api/users', { username: n, role: 'policy',
	    org_id: vtA, real_name: 'a\tb', phone: 'x' });
	assertError(x, 400, 'invalid');
	assert.deepEqual(fieldNames(x).sort(), ['phone', 'real_name']);
	assert.ok(!(await admin.get('/api/users')).body.users.some((v) =>
	    v.username === n));
	// Unknown account.
	assertError(await admin.post('/api/users/999999', { phone: '1' }), 404,
	    'not_found');
	// Audited.
	const a = await admin.get(`/api/audit?object_type=user&object_id=${id}`);
	assert.equal(a.body.entries.filter((x2) => x2.action ===
	    'user.contact').length, 2);
});

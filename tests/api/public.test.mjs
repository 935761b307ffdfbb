// The public form: a professional without an account reports a signal,
// gets a receipt code and a secret, and follows the status with both;
// the point sees it as unverified, with the reporter's contact details.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { withProof } from '../lib/pow.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql, stopClean } from
    '../lib/util.mjs';

let server = null;

const SIGNAL = {
	municipality: 'GM0437',			// Ouder-Amstel: the demo point
	urgency: 'days',
	indicators: ['OM-1a-4'],
	description: 'Schoonmaakster durft niet naar huis.',
	persons: [{ kind: 'victim', name: 'Irina Petrova' }],
	reporter_name: 'Karin Smit',
	reporter_org: 'Huisartsenpraktijk Oost',
	reporter_phone: '020 123 45 67',
};

// With a solved proof-of-work challenge, as the form sends it.
async function post(body) {
	return fetch(`${server.url}/api/public/signals`, { method: 'POST',
	    headers: { 'content-type': 'application/json' },
	    body: JSON.stringify(await withProof(server.url, body)) });
}

function status(receipt, secret) {
	return fetch(`${server.url}/api/public/signals/${receipt}`,
	    { headers: secret ? { 'x-receipt-secret': secret } : {} });
}

before(async () => {
	server = await startServer();
});

after(async () => {
	await stopClean(server);
});

test('file without an account, follow it with receipt and secret',
    async () => {
	const r = await post(SIGNAL);
	assert.equal(r.status, 201);
	const body = await r.json();
	assert.match(body.receipt, /^S-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
	// Read out over the phone: six groups of four, no look-alikes.
	assert.match(body.secret, /^([2-9A-HJ-NP-Z]{4}-){5}[2-9A-HJ-NP-Z]{4}$/);
	assert.equal(body.status, 'received');
	assert.equal(body.emergency, false);
	// When the point must have looked at it, to tell the reporter.
	const due = Date.parse(body.triage_due);
	assert.ok(due > Date.now() && due < Date.now() + 8 * 86400e3,
	    body.triage_due);

	const s = await status(body.receipt, body.secret);
	assert.equal(s.status, 200);
	const st = await s.json();
	assert.equal(st.status, 'received');
	assert.equal(st.receipt, body.receipt);
	// Typed back from paper: case, spaces and hyphens do not count.
	const typed = await status(encodeURIComponent(
	    body.receipt.toLowerCase().replace('-', ' ').slice(2)),
	    body.secret.toLowerCase().replaceAll('-', ' '));
	assert.equal(typed.status, 200);
	assert.equal((await typed.json()).receipt, body.receipt);
	// One character wrong finds nothing.
	const last = body.secret.at(-1) === 'A' ? 'B' : 'A';
	const off = await status(body.receipt, body.secret.slice(0, -1) + last);
	assert.equal(off.status, 404);
	// A wrong secret and a wrong receipt look the same.
	const bad1 = await status(body.receipt, 'x'.repeat(43));
	const bad2 = await status('S-2222-2222', body.secret);
	const none = await status(body.receipt);
	assert.equal(bad1.status, 404);
	assert.equal(bad2.status, 404);
	assert.equal(none.status, 404);
	assert.equal(await bad1.text(), await bad2.text());

	// The point sees it, unverified, with whom to call back.
	const advisor = await loginAs(server, 'demo-advisor');
	const q = await advisor.get('/api/signals/queue?per_page=100');
	const id = Number(await sql(server.dataDir, 'SELECT id FROM signal ' +
	    `WHERE receipt = '${body.receipt}'`));
	assert.ok(q.body.signals.some((x) => x.id === id));
	const d = await advisor.get(`/api/signals/${id}`);
	assert.equal(d.body.unverified, true);
	assert.deepEqual(d.body.contact, { name: 'Karin Smit',
	    org: 'Huisartsenpraktijk Oost', phone: '020 123 45 67' });
	// Only a hash of the secret is kept; the contact is sealed.
	const row = await sql(server.dataDir, `SELECT * FROM signal WHERE ` +
	    `id = ${id}`);
	assert.doesNotMatch(row, new RegExp(body.secret));
	assert.doesNotMatch(row, new RegExp(body.secret.replaceAll('-', '')));
	assert.doesNotMatch(row, /Karin|Huisartsen|123 45/);
	// The advisor's decision shows up in the status.
	await advisor.post(`/api/signals/${id}/claim`);
	await advisor.post(`/api/signals/${id}/decision`,
	    { decision: 'advice_given' });
	const after2 = await (await status(body.receipt, body.secret)).json();
	assert.equal(after2.status, 'closed');
	assert.equal(after2.outcome, 'advice_given');
	// On the audit trail, without a user.
	const a = await sql(server.dataDir, 'SELECT action FROM audit WHERE ' +
	    `object_type = 'signal' AND object_id = ${id} ORDER BY id`);
	assert.equal(a.trim().split('\n')[0], 'signal.create.public');
});

test('the reporter must say who they are; bad input is named',
    async () => {
	const { reporter_name: n, reporter_org: o, reporter_phone: p,
	    ...bare } = SIGNAL;
	assert.ok(n && o && p);
	const r = await post(bare);
	assertError({ status: r.status, headers: r.headers,
	    body: await r.json() }, 400, 'invalid');
	const r2 = await post({ ...bare, reporter_name: 'K', reporter_org: '',
	    reporter_phone: '12', municipality: 'GM9999' });
	const b2 = await r2.json();
	assert.equal(r2.status, 400);
	const f = fieldNames({ body: b2 });
	for (const name of ['reporter_name', 'reporter_org',
	    'reporter_phone'])
		assert.ok(f.includes(name), `${name} in ${f}`);
});

test('an address may send only a few: then 429 with Retry-After',
    async () => {
	let last;
	for (let i = 0; i < 8; i++)
		last = await post(SIGNAL);
	assert.equal(last.status, 429);
	assert.ok(Number(last.headers.get('retry-after')) > 0);
	const body = await last.json();
	assert.match(body.error.message, /0800-2000/);
});

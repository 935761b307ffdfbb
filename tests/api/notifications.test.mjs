// Notifications: a question tells the reporter, the answer the advisor
// who asked; each user reads and marks only their own; an account with an
// e-mail address gets one outbox row per notification unless it turned
// mail off; the row holds no address and no text of the signal.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { newAccount } from '../lib/accounts.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, fieldNames, loginAs, sql,
    stopClean } from '../lib/util.mjs';

const ADDRESS = 'melder.test@school.example';
let server = null;
let admin = null;
let advisor = null;
let reporter = null;
let account = null;

const signal = () => ({
	municipality: 'GM0362',
	noticed_on: '2026-11-20',
	urgency: 'days',
	forms: ['labour'],
	indicators: ['OM-1a-1'],
	description: 'Werkt 70 uur per week bij Bakkerij Zonneveld.',
	persons: [{ kind: 'victim', name: 'Mila Postma' }],
});

before(async () => {
	server = await startServer();
	admin = await loginAs(server, 'demo-admin');
	advisor = await loginAs(server, 'demo-advisor');
	const me = (await (await loginAs(server, 'demo-reporter'))
	    .get('/api/me')).body;
	account = await newAccount(server, admin, { role: 'reporter',
	    org_id: me.org_id, email: ADDRESS });
	reporter = await account.login();
});

after(async () => {
	await stopClean(server);
});

const outbox = async () => Number(await sql(server.dataDir,
    `SELECT COUNT(*) FROM outbox WHERE user_id = ${account.id}`));

test('a question waits for the reporter, the answer for the advisor',
    async () => {
	const f = await reporter.post('/api/signals', signal());
	assert.equal(f.status, 201, f.text);
	const id = f.body.id;
	const before0 = await outbox();
	const q = await advisor.post(`/api/signals/${id}/questions`,
	    { question: 'Sinds wanneer ziet u dit?' });
	assert.equal(q.status, 201, q.text);
	let n = await reporter.get('/api/notifications');
	assert.equal(n.status, 200, n.text);
	assert.equal(n.body.unseen, 1);
	const item = n.body.notifications[0];
	assert.equal(item.kind, 'question');
	assert.equal(item.object_type, 'signal');
	assert.equal(item.object_id, id);
	assert.doesNotMatch(n.text, /Zonneveld|Mila|Sinds/);
	// One mail queued, holding neither the address nor the signal.
	assert.equal(await outbox(), before0 + 1);
	const row = await sql(server.dataDir, 'SELECT * FROM outbox WHERE ' +
	    `user_id = ${account.id}`);
	assert.doesNotMatch(row, /melder|school|Zonneveld|Mila|Sinds/);
	const a = await reporter.post(`/api/signals/${id}/questions/` +
	    `${q.body.id}/answer`, { answer: 'Sinds september.' });
	assert.equal(a.status, 200, a.text);
	// Answered: nothing waits for the reporter any more.
	n = await reporter.get('/api/notifications');
	assert.equal(n.body.unseen, 0);
	assert.equal(n.body.notifications[0].done, true);
	const adv = await advisor.get('/api/notifications');
	const got = adv.body.notifications.find((x) => x.kind === 'answer' &&
	    x.object_id === id);
	assert.ok(got, adv.text);
	assert.equal(got.seen, false);
	const s = await advisor.post(`/api/notifications/${got.id}/seen`);
	assert.equal(s.status, 200, s.text);
	const again = await advisor.get('/api/notifications');
	assert.equal(again.body.notifications.find((x) => x.id === got.id)
	    .seen, true);
	// Another user's notification answers exactly like a missing one.
	const theirs = await reporter.post(`/api/notifications/${got.id}/seen`);
	const missing = await reporter.post('/api/notifications/999999999/seen');
	assertError(theirs, 404, 'not_found');
	assert.equal(theirs.text, missing.text);
	assert.doesNotMatch(theirs.text, new RegExp(String(got.id)));
});

test('mail off stops the outbox rows, the app still tells', async () => {
	let e = await reporter.get('/api/account/email');
	assert.deepEqual(e.body, { has_email: true, email_off: false });
	e = await reporter.post('/api/account/email', { email_off: true });
	assert.equal(e.status, 200, e.text);
	assert.equal(e.body.email_off, true);
	const f = await reporter.post('/api/signals', signal());
	const before0 = await outbox();
	const q = await advisor.post(`/api/signals/${f.body.id}/questions`,
	    { question: 'Nog iets?' });
	assert.equal(q.status, 201, q.text);
	assert.equal(await outbox(), before0);
	const n = await reporter.get('/api/notifications');
	assert.equal(n.body.unseen, 1);
	e = await reporter.post('/api/account/email', { email_off: false });
	assert.equal(e.body.email_off, false);
});

test('bad input is named and changes nothing', async () => {
	assertError(await reporter.post('/api/account/email',
	    { email_off: 'ja' }), 400, 'invalid');
	assertError(await reporter.post('/api/account/email',
	    { email_off: true, extra: 1 }), 400, 'invalid');
	assertError(await reporter.post('/api/notifications/abc/seen'), 404,
	    'not_found');
	const me = (await admin.get('/api/me')).body;
	for (const email of ['geen-apenstaart', 'a@b@c.nl', 'a b@c.nl',
	    'x@y.nl\nBcc: z@y.nl', 'a'.repeat(250) + '@x.nl']) {
		const r = await admin.post('/api/users', { username: 'bad' +
		    Date.now(), role: 'reporter', org_id: me.org_id, email });
		assertError(r, 400, 'invalid', email);
		assert.deepEqual(fieldNames(r), ['email'], email);
	}
	const list = await admin.get('/api/users');
	const u = list.body.users.find((x) => x.id === account.id);
	assert.equal(u.email, ADDRESS);
	assert.ok(!list.body.users.some((x) => x.username.startsWith('bad')));
	// Sealed at rest.
	const raw = await sql(server.dataDir, 'SELECT email FROM app_user ' +
	    `WHERE id = ${account.id}`);
	assert.doesNotMatch(raw, /melder/);
});

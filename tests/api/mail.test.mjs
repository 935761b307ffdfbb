// Mail through a real SMTP receiver: a question for a reporter with an
// address reaches the receiver with no content of the signal; with the
// receiver down the mail stays queued, and once it is up it arrives.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { newAccount } from '../lib/accounts.mjs';
import { startServer } from '../lib/server.mjs';
import { smtpReceiver } from '../lib/smtp.mjs';
import { loginAs, sql, stopClean } from '../lib/util.mjs';

const ADDRESS = 'melder.mail@school.example';
const smtp = smtpReceiver();
let server = null;
let port = 0;

before(async () => {
	port = await smtp.start(0);
	server = await startServer({ args: ['--smtp',
	    `smtp://127.0.0.1:${port}`, '--smtp-from', 'schakel@test.example',
	    '--public-url', 'https://schakel.test.example',
	    '--mail-every', '1'] });
});

after(async () => {
	await stopClean(server);
	await smtp.stop();
});

const signal = () => ({
	municipality: 'GM0362',
	noticed_on: '2026-11-20',
	urgency: 'days',
	forms: ['labour'],
	indicators: ['OM-1a-1'],
	description: 'Werkt 70 uur per week bij Bakkerij Zonneveld.',
	persons: [{ kind: 'victim', name: 'Mila Postma' }],
});

test('a question is mailed without content; a receiver that is down ' +
    'delays the mail and loses none', async () => {
	const admin = await loginAs(server, 'demo-admin');
	const advisor = await loginAs(server, 'demo-advisor');
	const me = (await (await loginAs(server, 'demo-reporter'))
	    .get('/api/me')).body;
	const account = await newAccount(server, admin, { role: 'reporter',
	    org_id: me.org_id, email: ADDRESS });
	const reporter = await account.login();
	const f = await reporter.post('/api/signals', signal());
	assert.equal(f.status, 201, f.text);
	const q = await advisor.post(`/api/signals/${f.body.id}/questions`,
	    { question: 'Sinds wanneer ziet u dit?' });
	assert.equal(q.status, 201, q.text);
	assert.ok(await smtp.waitFor(1), 'no mail arrived');
	const m = smtp.messages[0];
	assert.deepEqual(m.to, [ADDRESS]);
	assert.match(m.text, /Er wacht iets op u in schakel/);
	assert.match(m.text, /https:\/\/schakel\.test\.example\/#\/start/);
	assert.doesNotMatch(m.text,
	    /Zonneveld|Mila|Postma|Sinds|GM0362|Amstelveen/);
	// Down: the next mail is tried, fails and stays queued.
	await smtp.stop();
	const q2 = await advisor.post(`/api/signals/${f.body.id}/questions`,
	    { question: 'Nog een vraag?' });
	assert.equal(q2.status, 201, q2.text);
	let row = '';
	for (let i = 0; i < 50; i++) {
		row = await sql(server.dataDir, 'SELECT attempts, sent_at IS ' +
		    `NULL FROM outbox WHERE user_id = ${account.id} ORDER BY ` +
		    'id DESC LIMIT 1');
		if (!row.startsWith('0|'))
			break;
		await new Promise((res) => setTimeout(res, 200));
	}
	assert.match(row, /^[1-9]\d*\|(1|t)/, row);
	// Up again; the back-off is minutes, so move the retry to now.
	await smtp.start(port);
	await sql(server.dataDir, 'UPDATE outbox SET next_attempt_at = 0 ' +
	    'WHERE sent_at IS NULL');
	assert.ok(await smtp.waitFor(2), 'the queued mail never arrived');
	row = await sql(server.dataDir, 'SELECT COUNT(*) FROM outbox WHERE ' +
	    `user_id = ${account.id} AND sent_at IS NULL`);
	assert.equal(Number(row), 0);
});

// A record one may not see answers exactly like one that does not exist:
// on every route with an object in its path, for an advisor of another
// region and for a professional who did not report it, the denied and
// the missing answer are the same status and the same bytes.  Runs on
// SQLite and PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { client } from '../lib/http.mjs';
import { withProof } from '../lib/pow.mjs';
import { startServer } from '../lib/server.mjs';
import { loginAs, runCli, stopClean } from '../lib/util.mjs';

let server = null;
let routes = [];
const MISSING = 987654321;
const denied = {};	// kind of object -> an id the actors may not see

const signal = (municipality) => ({ municipality, urgency: 'days',
    description: 'Meisje van 15 wordt elke avond opgehaald.',
    persons: [{ kind: 'victim', name: 'Lotte Verborgen',
    birth_date: '2011-03-04' }] });

// A body that passes validation, so the answer comes from the object.
const BODIES = {
	'POST /api/signals/{id}/decision': { decision: 'advice_given' },
	'POST /api/signals/{id}/questions': { question: 'Wie is de man?' },
	'POST /api/signals/{id}/questions/{qid}/answer': { answer: 'Oom.' },
	'POST /api/advice/{id}/answer': { answer: 'Bel ons.' },
	'POST /api/advice/{id}/signal': signal('GM0599'),
	'POST /api/deadlines/{id}': { workdays: 3, same_day: false },
};

before(async () => {
	server = await startServer();
	const r = await runCli(['routes']);
	assert.equal(r.code, 0, r.stderr);
	routes = r.stdout.trim().split('\n').map((line) => {
		const [method, pattern] = line.split('\t');
		return { method, pattern };
	}).filter((x) => x.pattern.includes('{'));
	const reporter = await loginAs(server, 'demo-reporter');
	// Another point's region, and no region at all.
	denied.signal = (await reporter.post('/api/signals',
	    signal('GM0599'))).body.id;
	denied.unrouted = (await reporter.post('/api/signals',
	    signal('GM0014'))).body.id;
	denied.advice = (await reporter.post('/api/advice', { municipality:
	    'GM0599', question: 'Mag ik overleggen over een leerling?' }))
	    .body.id;
	denied.receipt = (await client(server.url).post('/api/public/signals',
	    await withProof(server.url, { ...signal('GM0599'),
	    reporter_name: 'J. Jansen', reporter_org: 'Huisartsenpraktijk',
	    reporter_phone: '020 555 12 12' }))).body.receipt;
	for (const [k, v] of Object.entries(denied))
		assert.ok(v, `no ${k} to deny`);
});

after(async () => {
	await stopClean(server);
});

function paths(route, kind) {
	// Accounts: the first administrator, who exists in every instance.
	const id = route.pattern.startsWith('/api/advice') ? denied.advice :
	    route.pattern.startsWith('/api/users') ? 1 : denied[kind];
	const fill = (x, receipt) => route.pattern.replaceAll('{id}',
	    String(x)).replaceAll('{qid}', '1')
	    .replaceAll('{receipt}', receipt);
	return [fill(id, denied.receipt), fill(MISSING, 'S-ZZZZ-ZZZZ')];
}

async function compare(who, kind) {
	const c = await loginAs(server, who);
	let n = 0;
	for (const route of routes) {
		const body = BODIES[`${route.method} ${route.pattern}`];
		const [deniedPath, missingPath] = paths(route, kind);
		const opts = { headers: { 'X-Receipt-Secret': 'wrong' } };
		const a = await c.request(route.method, deniedPath,
		    body && JSON.stringify(body), opts);
		const b = await c.request(route.method, missingPath,
		    body && JSON.stringify(body), opts);
		const label = `${who} ${route.method} ${route.pattern}`;
		assert.notEqual(a.status, 200, `${label} let it through`);
		assert.notEqual(a.status, 201, `${label} let it through`);
		assert.equal(a.status, b.status, `${label}: ${a.text} / ${b.text}`);
		assert.equal(a.text, b.text, label);
		assert.equal(a.headers.get('content-type'),
		    b.headers.get('content-type'), label);
		n++;
	}
	assert.ok(n >= 8, `only ${n} object routes`);
}

test('an advisor of another region: denied and missing are one answer',
    () => compare('demo-advisor', 'signal'));

test('a signal outside every region is not everyone\'s either',
    () => compare('demo-advisor', 'unrouted'));

test('a professional who did not report it: one answer too',
    () => compare('demo-provider', 'signal'));

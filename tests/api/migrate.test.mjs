// schakel migrate-to-postgres: a SQLite deployment moves to PostgreSQL
// with its accounts, sessions, tokens and audit trail intact, refuses
// while its server runs and refuses a target that already holds data.
// Needs the test cluster that tools/test.sh starts; without it the test
// fails rather than skips.  The source is SQLite whatever SCHAKEL_TEST_DB
// says: that is what the command moves from.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { client } from '../lib/http.mjs';
import { withProof } from '../lib/pow.mjs';
import { createDatabase } from '../lib/server.mjs';
import { initDataDir, runCli, trySpawnServe, uniqueName } from
    '../lib/util.mjs';

const PG_DIR = process.env.SCHAKEL_TEST_PG_DIR;

let data;

// An empty database in the test cluster, dropped when the file ends.
function createdb() {
	assert.ok(PG_DIR, 'SCHAKEL_TEST_PG_DIR is not set: run through ' +
	    'tools/test.sh, which starts the PostgreSQL test cluster');
	return createDatabase(PG_DIR);
}

async function serve(dataDir, args = []) {
	const s = await trySpawnServe(dataDir, args);
	assert.ok(s.listening, `serve did not start: ${s.stderr}`);
	const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(s.stderr);
	return { ...s, url: m[1] };
}

before(async () => {
	data = await initDataDir({ demo: true, db: 'sqlite' });
});
after(() => data?.remove());

test('a SQLite deployment moves to PostgreSQL with everything in it',
    async () => {
	const admin = data.users['demo-admin'];
	const orgName = uniqueName('Voor de verhuizing');
	const url = await createdb();

	// Some life before the move: a login, an organisation, a token; a
	// signal from the public form and one its budget refused.
	let s = await serve(data.dataDir, ['--public-budget-muni', '1']);
	const pub = (body) => fetch(`${s.url}/api/public/signals`, {
		method: 'POST', headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body) });
	const filed = await withProof(s.url, { municipality: 'GM0437',
	    description: 'Zorgen.', reporter_name: 'Karin Smit',
	    reporter_org: 'Huisartsenpraktijk Oost',
	    reporter_phone: '020 123 45 67' });
	assert.equal((await pub(filed)).status, 201);
	assert.equal((await pub(await withProof(s.url, filed))).status, 429);
	const c = client(s.url);
	await c.login('demo-admin', admin.password);
	const made = await c.post('/api/orgs', { name: orgName,
	    type: 'other' });
	assert.equal(made.status, 201);
	const tok = await runCli(['token', 'add', '--data', data.dataDir,
	    '--user', 'demo-admin', 'koppeling']);
	assert.equal(tok.code, 0, tok.stderr);
	const token = tok.stdout.trim();

	// Not while the server runs.
	const busy = await runCli(['migrate-to-postgres', '--data',
	    data.dataDir, '--db', url]);
	assert.notEqual(busy.code, 0);
	assert.match(busy.stderr, /another schakel is serving/);
	assert.equal(existsSync(join(data.dataDir, 'db.url')), false);
	await s.stop();

	const moved = await runCli(['migrate-to-postgres', '--data',
	    data.dataDir, '--db', url]);
	assert.equal(moved.code, 0, moved.stderr);
	assert.doesNotMatch(moved.stdout, /DIFFERENT/);
	assert.match(moved.stdout, /public_challenge +2 +2/);
	assert.match(moved.stdout, /public_refusal +1 +1/);
	assert.match(moved.stdout, /audit trail intact in PostgreSQL: \d+/);
	assert.equal(readFileSync(join(data.dataDir, 'db.url'), 'utf8')
	    .trim(), url);

	// The same folder now serves from PostgreSQL: same passwords, same
	// organisations, the token still works, new ids follow the old.
	s = await serve(data.dataDir);
	try {
		const c2 = client(s.url);
		await c2.login('demo-admin', admin.password);
		const orgs = await c2.get('/api/orgs');
		assert.equal(orgs.status, 200);
		const old = orgs.body.orgs.find((o) => o.name === orgName);
		assert.ok(old, 'the organisation made before the move');
		const next = await c2.post('/api/orgs', {
			name: uniqueName('Na de verhuizing'), type: 'other' });
		assert.equal(next.status, 201);
		assert.ok(next.body.id > old.id);
		const byToken = await fetch(`${s.url}/api/me`, {
			headers: { authorization: `Bearer ${token}` } });
		assert.equal(byToken.status, 200);
		// A challenge used before the move stays used.
		const reused = await fetch(`${s.url}/api/public/signals`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...filed,
			    municipality: 'GM0363' }) });
		assert.equal(reused.status, 400);
		assert.match(await reused.text(), /used already/);
		const verify = await runCli(['audit', 'verify', '--data',
		    data.dataDir]);
		assert.equal(verify.code, 0, verify.stdout + verify.stderr);
	} finally {
		await s.stop();
	}

	// A target that already holds data is refused, and stays as it was.
	const again = await runCli(['migrate-to-postgres', '--data',
	    data.dataDir, '--db', url]);
	assert.notEqual(again.code, 0);
});

test('wrong arguments are exit 2', async () => {
	const r = await runCli(['migrate-to-postgres', '--data',
	    data.dataDir]);
	assert.equal(r.code, 2);
	assert.equal(r.stderr.trim().split('\n').length, 1);
});

// Retention and the right of access, beside a running server: `schakel
// purge` (a dry run changes nothing; a case closed long enough ago is
// purged once, two runs at once purge it once, a reopened case is left
// alone), the case page after a purge with the plain fields kept, and
// `schakel export-person` for a victim and for a suspect of another
// case, whose file holds nothing of the victim.  Runs on SQLite and
// PostgreSQL (SCHAKEL_TEST_DB).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { startServer } from '../lib/server.mjs';
import { assertError, loginAs, runCli, sql, stopClean, tempDir }
    from '../lib/util.mjs';

let server = null;
let advisor = null;
let coordinator = null;
let reporter = null;
let scratch = null;

const YEAR = 366 * 86400;
const victim = { kind: 'victim', name: 'Olena Kovalenko',
    birth_date: '2006-08-09', sex: 'female', nationality: 'non_eu',
    phone: '06 9876 5432', markers: ['minor'] };
const suspect = { kind: 'suspect', name: 'Viktor Brandt',
    birth_date: '1975-01-30', id_number: '111222333', sex: 'male' };
const SUMMARY = 'Slaapt op de bank bij de werkgever in Buitenveldert.';
const NOTE = 'Olena wil naar haar tante in Utrecht.';

before(async () => {
	server = await startServer();
	[advisor, coordinator, reporter] = await Promise.all([
	    loginAs(server, 'demo-advisor'), loginAs(server, 'demo-coordinator'),
	    loginAs(server, 'demo-reporter')]);
	scratch = tempDir('schakel-retention-');
});

after(async () => {
	await stopClean(server);
	scratch?.remove();
});

async function one(statement) {
	return (await sql(server.dataDir, statement)).trim();
}

function purge(...args) {
	return runCli(['purge', '--data', server.dataDir, ...args]);
}

function exportPerson(...args) {
	return runCli(['export-person', '--data', server.dataDir, ...args]);
}

// A case opened on a signal naming persons, accepted, with a note and a
// plan, closed, and its closing moved back by years.
async function closedCase(persons, years) {
	const f = await reporter.post('/api/signals', {
	    municipality: 'GM0363', urgency: 'days', description: SUMMARY,
	    forms: ['labour'], indicators: [], help_needs: ['SAFE-SHELTER'],
	    persons });
	assert.equal(f.status, 201, f.text);
	assert.equal((await advisor.post(`/api/signals/${f.body.id}/claim`))
	    .status, 200);
	const d = await advisor.post(`/api/signals/${f.body.id}/decision`,
	    { decision: 'open_case' });
	assert.equal(d.status, 200, d.text);
	const id = d.body.case_id;
	const path = `/api/cases/${id}`;
	for (const [p, body] of [[`${path}/accept`, undefined],
	    [`${path}/notes`, { text: NOTE }],
	    [`${path}/plan`, { goals: 'Een veilige plek bij familie.',
	    tasks: [{ who: 'Opvang', what: 'Bed regelen' }] }],
	    [`${path}/status`, { status: 'closed', reason: 'care_completed' }]]) {
		const r = await coordinator.post(p, body);
		assert.ok(r.status === 200 || r.status === 201,
		    `${p}: ${r.status} ${r.text}`);
	}
	if (years > 0)
		await sql(server.dataDir, 'UPDATE care_case SET closed_at = ' +
		    `closed_at - ${years * YEAR} WHERE id = ${id}`);
	return { id, signal: f.body.id };
}

let olena = null;	// the case purged
let kept = null;	// closed 19 years ago: not due

test('purge --dry-run lists the cases due and changes nothing', async () => {
	olena = await closedCase([victim, suspect], 21);
	kept = await closedCase([{ ...victim, name: 'Iryna Kovalenko' }], 19);
	const before = await one('SELECT COUNT(*) FROM care_case WHERE ' +
	    'purged_at IS NULL AND summary IS NOT NULL');
	const r = await purge('--dry-run');
	assert.equal(r.code, 0, r.stderr);
	assert.match(r.stdout, /^retention: 20 years after closing/);
	assert.match(r.stdout, new RegExp(`^due: case ${olena.id}$`, 'm'));
	assert.doesNotMatch(r.stdout, new RegExp(`case ${kept.id}\\b`));
	assert.match(r.stdout, /dry run: 1 case due, nothing changed/);
	assert.doesNotMatch(r.stdout + r.stderr, /Olena|Kovalenko|Viktor/);
	assert.equal(await one('SELECT COUNT(*) FROM care_case WHERE ' +
	    'purged_at IS NULL AND summary IS NOT NULL'), before);
	assert.equal(await one("SELECT COUNT(*) FROM audit WHERE action = " +
	    "'case.purge'"), '0');
	// The period can be shorter for a run: then the other is due too.
	const short = await purge('--dry-run', '--years', '18');
	assert.match(short.stdout, new RegExp(`^due: case ${kept.id}$`, 'm'));
});

test('a purge beside the running server destroys the personal fields ' +
    'and keeps the counts; a second does nothing', async () => {
	const plainBefore = await one('SELECT type, forms, status, ' +
	    `close_reason, municipality, org_id FROM care_case WHERE id = ` +
	    `${olena.id}`);
	const peopleBefore = await one('SELECT p.age_band, p.sex, ' +
	    'p.nationality, p.markers, cp.kind FROM case_person cp JOIN ' +
	    `person p ON p.id = cp.person_id WHERE cp.case_id = ${olena.id} ` +
	    'ORDER BY cp.id');
	// Requests go on meanwhile.
	const [r, list] = await Promise.all([purge(),
	    coordinator.get('/api/cases')]);
	assert.equal(list.status, 200);
	assert.equal(r.code, 0, r.stderr);
	assert.match(r.stdout, new RegExp(`^purged case ${olena.id}$`, 'm'));
	assert.match(r.stdout, /^purged 1 case$/m);
	assert.doesNotMatch(r.stdout + r.stderr, /Olena|Kovalenko|Viktor/);

	// The case page: the plain fields, no personal ones.
	const c = await coordinator.get(`/api/cases/${olena.id}`);
	assert.equal(c.status, 200, c.text);
	assert.ok(c.body.purged_at);
	assert.equal(c.body.summary, null);
	assert.equal(c.body.status, 'closed');
	assert.equal(c.body.close_reason, 'care_completed');
	assert.deepEqual(c.body.forms, ['labour']);
	assert.deepEqual(c.body.persons.map((p) => p.person.kind),
	    ['victim', 'suspect']);
	for (const p of c.body.persons) {
		assert.equal(p.person.name, null, JSON.stringify(p));
		assert.equal(p.person.phone, null);
	}
	assert.equal(c.body.persons[0].person.age_band, '18-22');
	assert.deepEqual(c.body.also_known, []);
	assert.deepEqual(c.body.other_signals, []);
	assert.equal(c.body.plan.goals, null);
	assert.deepEqual(c.body.plan.tasks, []);
	assert.ok(c.body.timeline.every((e) => e.text === null));
	const last = c.body.timeline.at(-1);
	assert.equal(last.kind, 'purged');
	assert.equal(last.username, null);
	assert.doesNotMatch(c.text, /Olena|Viktor|Buitenveldert|tante/);
	// Nothing changes it any more.
	assertError(await coordinator.post(`/api/cases/${olena.id}/notes`,
	    { text: 'Nog een notitie.' }), 409, 'conflict');
	// Gone from the coordinator's list, which is for work.
	const l = (await coordinator.get('/api/cases')).body.cases;
	assert.equal(l.find((x) => x.id === olena.id), undefined);

	// The signal it was opened on: emptied for the point too.
	const s = await advisor.get(`/api/signals/${olena.signal}`);
	assert.equal(s.status, 200, s.text);
	assert.equal(s.body.description, null);
	assert.doesNotMatch(s.text, /Olena|Viktor|Buitenveldert/);

	// In the database: sealed fields empty, plain ones as they were.
	assert.equal(await one('SELECT COUNT(*) FROM care_case WHERE id = ' +
	    `${olena.id} AND summary IS NULL AND purged_at IS NOT NULL`), '1');
	assert.equal(await one('SELECT COUNT(*) FROM case_event WHERE ' +
	    `case_id = ${olena.id} AND text IS NOT NULL`), '0');
	assert.equal(await one('SELECT COUNT(*) FROM person p JOIN ' +
	    'case_person cp ON cp.person_id = p.id WHERE cp.case_id = ' +
	    `${olena.id} AND (p.identity IS NOT NULL OR p.bi_id IS NOT NULL ` +
	    'OR p.bi_name_dob IS NOT NULL)'), '0');
	assert.equal(await one('SELECT COUNT(*) FROM signal_person WHERE ' +
	    `signal_id = ${olena.signal} AND (identity IS NOT NULL OR ` +
	    'bi_id IS NOT NULL OR bi_name_dob IS NOT NULL)'), '0');
	assert.equal(await one('SELECT type, forms, status, close_reason, ' +
	    `municipality, org_id FROM care_case WHERE id = ${olena.id}`),
	    plainBefore);
	assert.equal(await one('SELECT p.age_band, p.sex, p.nationality, ' +
	    'p.markers, cp.kind FROM case_person cp JOIN person p ON ' +
	    `p.id = cp.person_id WHERE cp.case_id = ${olena.id} ORDER BY ` +
	    'cp.id'), peopleBefore);
	// The other case was not due.
	assert.equal(await one('SELECT COUNT(*) FROM care_case WHERE id = ' +
	    `${kept.id} AND summary IS NOT NULL AND purged_at IS NULL`), '1');

	// Once only.
	const again = await purge();
	assert.equal(again.code, 0, again.stderr);
	assert.match(again.stdout, /^purged 0 cases$/m);
	assert.equal(await one("SELECT COUNT(*) FROM audit WHERE action = " +
	    `'case.purge' AND object_id = ${olena.id} AND user_id IS NULL`),
	    '1');
	assert.equal(await one("SELECT COUNT(*) FROM case_event WHERE kind = " +
	    `'purged' AND case_id = ${olena.id}`), '1');
	const v = await runCli(['audit', 'verify', '--data', server.dataDir]);
	assert.equal(v.code, 0, v.stdout + v.stderr);
});

test('two purges at once purge each case once; a reopened case is left ' +
    'alone', async () => {
	const a = await closedCase([{ ...victim, name: 'Anna Berg',
	    birth_date: '1999-01-01' }], 25);
	const b = await closedCase([{ ...victim, name: 'Bea Berg',
	    birth_date: '1999-01-02' }], 25);
	const reopened = await closedCase([{ ...victim, name: 'Cor Berg',
	    birth_date: '1999-01-03' }], 25);
	const r = await coordinator.post(`/api/cases/${reopened.id}/status`,
	    { status: 'reopened', why: 'Weer in beeld.' });
	assert.equal(r.status, 200, r.text);
	const runs = await Promise.all([purge(), purge()]);
	let total = 0;
	for (const run of runs) {
		assert.equal(run.code, 0, run.stdout + run.stderr);
		total += Number(/^purged (\d+) cases?/m.exec(run.stdout)[1]);
	}
	assert.equal(total, 2, runs.map((x) => x.stdout).join('\n'));
	for (const id of [a.id, b.id])
		assert.equal(await one("SELECT COUNT(*) FROM case_event WHERE " +
		    `kind = 'purged' AND case_id = ${id}`), '1');
	assert.equal(await one('SELECT COUNT(*) FROM care_case WHERE id = ' +
	    `${reopened.id} AND purged_at IS NULL AND summary IS NOT NULL`),
	    '1');
});

test('export-person: the victim\'s file holds their case; a suspect\'s ' +
    'holds nothing of the victim', async () => {
	const victimFile = join(scratch.path, 'iryna.txt');
	const r = await exportPerson('--name', 'Iryna Kovalenko',
	    '--birth-date', '2006-08-09', '--reason', 'AVG-verzoek 2026-004',
	    '--out', victimFile);
	assert.equal(r.code, 0, r.stderr);
	assert.match(r.stdout, /^wrote /);
	assert.doesNotMatch(r.stdout + r.stderr, /Iryna/);
	assert.equal(statSync(victimFile).mode & 0o777, 0o600);
	const text = readFileSync(victimFile, 'utf8');
	assert.match(text, /AVG-verzoek 2026-004/);
	assert.match(text, /name: Iryna Kovalenko/);
	assert.match(text, /recorded as: victim/);
	assert.match(text, new RegExp(`Case ${kept.id}`));
	assert.ok(text.includes(SUMMARY), text);
	assert.ok(text.includes(NOTE), text);
	assert.match(text, /coordinator: demo-coordinator/);
	assert.match(text, /case\.accept {2}as coordinator {2}by demo-coordinator/);
	assert.match(text, new RegExp(`Signal ${kept.signal}`));
	// Audited, with the request's reference.
	assert.equal(await one("SELECT COUNT(*) FROM audit WHERE action = " +
	    "'person.export' AND reason = 'AVG-verzoek 2026-004'"), '1');
	// The file is never overwritten.
	const twice = await exportPerson('--name', 'Iryna Kovalenko',
	    '--birth-date', '2006-08-09', '--reason', 'x', '--out',
	    victimFile);
	assert.equal(twice.code, 1);
	assert.equal(readFileSync(victimFile, 'utf8'), text);

	// Viktor: the suspect in a case that is not purged.
	const viktor = await closedCase([{ ...victim, name: 'Sanne Vos',
	    birth_date: '2004-04-04' }, suspect], 0);
	const s = await exportPerson('--bsn', '111222333', '--reason',
	    'AVG-verzoek 2026-005');
	assert.equal(s.code, 0, s.stderr);
	const mine = s.stdout;
	assert.match(mine, /name: Viktor Brandt/);
	assert.match(mine, new RegExp(`Case ${viktor.id}\\n  recorded as: ` +
	    'suspect'));
	assert.match(mine, new RegExp(`Signal ${viktor.signal}\\n  named as: ` +
	    'suspect'));
	for (const secret of ['Sanne', 'Vos', '2004-04-04', 'Olena',
	    'Buitenveldert', 'tante', 'Een veilige plek', 'Bed regelen',
	    'demo-', 'Amsterdam', 'Zorgco', 'Veilig Thuis', 'SAFE-SHELTER',
	    'labour', 'care_completed'])
		assert.ok(!mine.includes(secret),
		    `the suspect's export holds '${secret}':\n${mine}`);
	// Who read the record: when and in what role only.
	assert.match(mine, /case\.accept {2}as coordinator\n/);
});

test('wrong arguments: exit 2 with one line; the period is stored and ' +
    'at least a year', async () => {
	for (const args of [['--years', '0'], ['--years', 'twenty'],
	    ['--set-years', '0'], ['--set-years', '30', '--dry-run'],
	    ['--bogus']]) {
		const r = await purge(...args);
		assert.equal(r.code, 2, `${args}: ${r.stderr}`);
		assert.equal(r.stdout, '');
		assert.match(r.stderr, /^schakel purge: /);
	}
	assert.match((await purge('--years', '0')).stderr,
	    /from 1 to 200/);
	for (const args of [['--person', '1'], ['--reason', 'x'],
	    ['--reason', 'x', '--person', '1', '--bsn', '111222333'],
	    ['--reason', 'x', '--name', 'A B'],
	    ['--reason', 'x', '--person', 'zes']]) {
		const r = await exportPerson(...args);
		assert.equal(r.code, 2, `${args}: ${r.stderr}`);
	}
	const bad = await exportPerson('--reason', 'x', '--bsn', '123');
	assert.equal(bad.code, 1);
	assert.match(bad.stderr, /bsn: is neither a valid BSN/);
	const none = await exportPerson('--reason', 'x', '--name', 'Niemand',
	    '--birth-date', '1990-01-01');
	assert.equal(none.code, 1);
	assert.match(none.stderr, /no person with these details is held/);

	const set = await purge('--set-years', '30');
	assert.equal(set.code, 0, set.stderr);
	assert.equal(await one("SELECT COUNT(*) FROM audit WHERE action = " +
	    "'retention.set' AND object_id = 30"), '1');
	const r = await purge('--dry-run');
	assert.match(r.stdout, /^retention: 30 years after closing/);
	assert.match(r.stdout, /dry run: 0 cases due/);
	for (const cmd of ['purge', 'export-person']) {
		const h = await runCli([cmd, '--help']);
		assert.equal(h.code, 0);
		assert.match(h.stdout, new RegExp(`^usage: schakel ${cmd}`));
	}
});

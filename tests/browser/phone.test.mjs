// The layout on a phone (390 x 844 px) and on a 1280 px screen, in
// Chromium against a real schakel with demo data.  Each demo role opens
// every page of its menu on a phone: no page scrolls sideways, and
// axe-core finds nothing at that width.  At 1280 px the advisor's queue
// and the administrator's users table fit without a horizontal scroll.
// A CSP refusal or a script error fails the test.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { axeCheck, formatViolations, launch, watch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { sql } from '../lib/util.mjs';

let server = null;
let browser = null;

before(async () => {
	server = await startServer();
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 800 };

const ROLES = ['demo-reporter', 'demo-advisor', 'demo-coordinator',
    'demo-provider', 'demo-assessor', 'demo-policy', 'demo-rapporteur',
    'demo-admin'];

async function openAs(t, username, viewport) {
	const context = await browser.newContext({ locale: 'nl-NL',
	    viewport });
	context.setDefaultTimeout(10000);
	t.after(() => context.close());
	const page = await context.newPage();
	const problems = watch(page);
	await page.goto(`${server.url}/`);
	await page.waitForSelector('#login-username');
	await page.fill('#login-username', username);
	await page.fill('#login-password', server.users[username].password);
	await page.press('#login-password', 'Enter');
	await page.waitForSelector('#main-nav:not([hidden])');
	return { page, problems };
}

// Opens hash and waits until its heading is there and nothing in main
// is still loading.
async function visit(page, hash) {
	await page.evaluate((h) => { window.location.hash = h; }, hash);
	await page.waitForFunction((h) =>
	    window.location.hash.split('?')[0] === h &&
	    document.getElementById('page-title') !== null &&
	    document.querySelector('main [aria-busy="true"]') === null, hash,
	    { timeout: 15000 }).catch(() => {
		throw new Error(`${hash} did not finish loading`);
	});
	await page.waitForLoadState('networkidle');
}

// The document's overflow to the side in px, and the elements that
// stick out past the right edge (for the message).
function sideways(page) {
	return page.evaluate(() => {
		const root = document.documentElement;
		const over = root.scrollWidth - root.clientWidth;
		const out = [];
		if (over > 0) {
			for (const el of document.querySelectorAll('body *')) {
				const r = el.getBoundingClientRect();
				if (r.right > root.clientWidth + 1 &&
				    el.closest('.app-table') === null)
					out.push(`${el.tagName.toLowerCase()}` +
					    `${el.id ? '#' + el.id : ''}` +
					    `.${[...el.classList].join('.')}` +
					    ` (${Math.round(r.right)})`);
			}
		}
		return { over, out: out.slice(0, 8) };
	});
}

for (const username of ROLES) {
	test(`${username}: no menu page scrolls sideways on a phone`,
	    async (t) => {
		const { page, problems } = await openAs(t, username, PHONE);
		const hashes = await page.$$eval('#nav-list a',
		    (as) => as.map((a) => a.getAttribute('href')));
		assert.ok(hashes.length > 0, 'a menu');
		const wide = [];
		const axe = [];
		for (const hash of hashes) {
			await visit(page, hash);
			const s = await sideways(page);
			if (s.over > 0)
				wide.push(`${hash}: ${s.over} px too wide: ` +
				    s.out.join(', '));
			const v = await axeCheck(page);
			if (v.length > 0)
				axe.push(`${hash}:\n${formatViolations(v)}`);
		}
		assert.deepEqual(wide, [], 'pages wider than a phone');
		assert.deepEqual(axe, [], 'axe at 390 px');
		assert.deepEqual(problems, [], 'CSP refusals or script errors');
	});
}

// At 1280 px the advisor's queue (every view) and the administrator's
// users table show every column without a horizontal scroll: neither
// the document nor a table's container scrolls sideways.
async function fits(page, what) {
	const s = await sideways(page);
	assert.equal(s.over, 0, `${what}: page too wide: ${s.out.join(', ')}`);
	const tables = await page.$$eval('main .app-table',
	    (els) => els.map((e) => ({ sw: e.scrollWidth,
		cw: e.clientWidth })));
	for (const tb of tables)
		assert.ok(tb.sw <= tb.cw, `${what}: a table scrolls: ` +
		    `${tb.sw} in ${tb.cw} px`);
	return tables.length;
}

const VIEWS = ['all', 'unclaimed', 'in_triage', 'overdue', 'due_today',
    'acute', 'mine', 'waiting_answer', 'decided'];

test('demo-advisor: every view of #/queue fits at 1280 px', async (t) => {
	const { page, problems } = await openAs(t, 'demo-advisor', WIDE);
	await visit(page, '#/queue');
	let seen = 0;
	for (const view of VIEWS) {
		await page.evaluate((v) => {
			window.location.hash = `#/queue?view=${v}`;
		}, view);
		await page.waitForFunction((v) =>
		    document.querySelector(
			`main .app-views a[data-view="${v}"]` +
			'[aria-current="page"]') !== null &&
		    document.querySelector('main [aria-busy="true"]') === null,
		    view);
		await page.waitForLoadState('networkidle');
		seen += await fits(page, view);
	}
	assert.ok(seen >= 3, 'the demo queue has rows in several views');
	assert.deepEqual(problems, [], 'CSP refusals or script errors');
});

test('demo-admin: #/users fits at 1280 px', async (t) => {
	const { page, problems } = await openAs(t, 'demo-admin', WIDE);
	await visit(page, '#/users');
	await page.waitForSelector('main .app-table');
	assert.equal(await fits(page, 'users'), 1, 'one table');
	assert.deepEqual(problems, [], 'CSP refusals or script errors');
});

// Real organisations have long Dutch names ("Huisartsenpraktijk ...",
// "Gezondheidscentrum ..."): a long compound breaks inside its cell
// rather than push the queue or the users table past 1280 px.  Runs
// last: it renames the reporting organisations of this server.
test('long organisation names still fit at 1280 px', async (t) => {
	await sql(server.dataDir, "UPDATE org SET name = 'Huisartsenpraktijk" +
	    "gezondheidscentrum ' || name WHERE id IN (SELECT " +
	    'reporter_org_id FROM signal WHERE reporter_org_id IS NOT NULL)');
	const advisor = await openAs(t, 'demo-advisor', WIDE);
	await visit(advisor.page, '#/queue');
	await advisor.page.waitForSelector('main .app-queue tbody tr');
	assert.match(await advisor.page.textContent('main .app-queue tbody'),
	    /Huisartsenpraktijkgezondheidscentrum/);
	assert.equal(await fits(advisor.page, 'queue, long names'), 1);
	assert.deepEqual(advisor.problems, [], 'CSP refusals or script errors');
	const admin = await openAs(t, 'demo-admin', WIDE);
	await visit(admin.page, '#/users');
	await admin.page.waitForSelector('main .app-table');
	assert.equal(await fits(admin.page, 'users, long names'), 1);
	assert.deepEqual(admin.problems, [], 'CSP refusals or script errors');
});

// Deny by default: every route of `schakel routes` against every demo
// role and against no login at all.  The expectation table below is the
// policy of src/auth/policy.c written out once more by hand; a route the
// table does not know fails the test, so a new route cannot slip in
// without someone deciding who may use it.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { client } from '../lib/http.mjs';
import { startServer } from '../lib/server.mjs';
import { assertError, loginAs, runCli, stopClean,
    uniqueName } from '../lib/util.mjs';

const ROLES = ['reporter', 'advisor', 'coordinator', 'provider', 'assessor',
    'policy', 'rapporteur', 'admin'];
const ADMIN = ['admin'];
// The professionals who meet people report signals; advisors triage.
const REPORTING = ['reporter', 'advisor', 'coordinator', 'provider'];
const ADVISOR = ['advisor'];
// Coordinators list and open cases, see the transfers and emergency
// reads of their organisation and break the glass; one case is reached
// by every role and answered by relation (404 without one:
// domain/case.c).
const COORDINATOR = ['coordinator'];
// Approvers of new accounts: a second admin, or a designated approver of
// the account's organisation among those who see personal data (the
// object check in domain/user.c answers 404 to anybody else).
const APPROVING = ['reporter', 'advisor', 'coordinator', 'provider',
    'assessor', 'admin'];
// Assessors list what was submitted to their committee; one assessment
// is reached by every role and answered by committee (404 otherwise:
// domain/ident.c).
const ASSESSOR = ['assessor'];
// Providers keep their own profile; coordinators read one by id, admins
// set any up; a provider reaches one by id too and gets a 404 for any
// but its own (domain/provider.c).
// Providers (an expert team's users too) list the referrals and
// escalations that came to their organisation; one is reached by every
// role and answered by organisation (404 otherwise: domain/referral.c,
// domain/escalation.c).
// Providers list the placements at their own organisation.
const PROVIDER = ['provider'];
// Local insight: protected aggregates for policy users and the
// rapporteur, and for the chain's advisors and coordinators their own
// organisation's areas (insight/area.c).
const INSIGHT = ['advisor', 'coordinator', 'policy', 'rapporteur'];
// The registry of trained professionals: the professional roles keep
// their own organisation's, admins any (domain/expertise.c); coverage
// for those with insight; the HTCDS export for the rapporteur alone.
const EXPERTISE = ['reporter', 'advisor', 'coordinator', 'provider',
    'assessor', 'admin'];
const RAPPORTEUR = ['rapporteur'];
// Care contracts: policy users for their organisation's regions, the
// rapporteur reads all, the admin sets them up (domain/contract.c); the
// gap report for policy users and the rapporteur (insight/gap.c).
const CONTRACT_READ = ['policy', 'rapporteur', 'admin'];
const CONTRACT_WRITE = ['policy', 'admin'];
const GAP = ['policy', 'rapporteur'];

// "METHOD pattern": the action the policy is asked about, and who may.
const EXPECT = {
	'GET /healthz': { action: 'none', public: true },
	'POST /api/login': { action: 'none', public: true },
	'POST /api/logout': { action: 'self', roles: ROLES },
	'GET /api/me': { action: 'self', roles: ROLES },
	'GET /api/municipalities': { action: 'none', public: true },
	'GET /api/orgs': { action: 'org.list', roles: ADMIN },
	'POST /api/orgs': { action: 'org.create', roles: ADMIN },
	'GET /api/users': { action: 'user.list', roles: ADMIN },
	'POST /api/users': { action: 'user.create', roles: ADMIN },
	'POST /api/users/{id}/disable': { action: 'user.disable',
	    roles: ADMIN },
	'GET /api/users/pending': { action: 'user.approve',
	    roles: APPROVING },
	'POST /api/users/{id}/approve': { action: 'user.approve',
	    roles: APPROVING },
	'POST /api/users/{id}/enrol-link': { action: 'user.approve',
	    roles: APPROVING },
	'POST /api/users/{id}/approver': { action: 'user.approver',
	    roles: ADMIN },
	'POST /api/users/{id}': { action: 'user.contact', roles: ADMIN },
	'POST /api/enrol/begin': { action: 'none', public: true },
	'POST /api/enrol': { action: 'none', public: true },
	'GET /api/audit': { action: 'audit.object', roles: ADMIN },
	'GET /api/catalog': { action: 'none', public: true },
	'GET /api/regions': { action: 'region.list', roles: ADMIN },
	'POST /api/regions': { action: 'region.create', roles: ADMIN },
	'GET /api/regions/{id}': { action: 'region.read', roles: ADMIN },
	'POST /api/regions/{id}': { action: 'region.update', roles: ADMIN },
	'POST /api/signals': { action: 'signal.create', roles: REPORTING },
	'GET /api/signals/mine': { action: 'signal.create',
	    roles: REPORTING },
	'GET /api/signals/queue': { action: 'signal.triage', roles: ADVISOR },
	'GET /api/signals/overview': { action: 'signal.triage',
	    roles: ADVISOR },
	'GET /api/signals/{id}': { action: 'signal.read', roles: REPORTING },
	'POST /api/signals/{id}/claim': { action: 'signal.triage',
	    roles: ADVISOR },
	'POST /api/signals/{id}/decision': { action: 'signal.triage',
	    roles: ADVISOR },
	'POST /api/signals/{id}/questions': { action: 'signal.triage',
	    roles: ADVISOR },
	'POST /api/signals/{id}/questions/{qid}/answer': {
	    action: 'signal.read', roles: REPORTING },
	'GET /api/public/challenge': { action: 'none', public: true },
	'POST /api/public/signals': { action: 'none', public: true },
	'GET /api/public/signals/{receipt}': { action: 'none', public: true },
	'POST /api/advice': { action: 'signal.create', roles: REPORTING },
	'GET /api/advice/mine': { action: 'signal.create', roles: REPORTING },
	'GET /api/advice/queue': { action: 'signal.triage', roles: ADVISOR },
	'POST /api/advice/{id}/answer': { action: 'signal.triage',
	    roles: ADVISOR },
	'POST /api/advice/{id}/signal': { action: 'signal.create',
	    roles: REPORTING },
	'GET /api/deadlines': { action: 'deadline.list',
	    roles: ['advisor', 'admin'] },
	'POST /api/deadlines/{id}': { action: 'deadline.update',
	    roles: ADMIN },
	'GET /api/fallback-point': { action: 'fallback.read', roles: ADMIN },
	'POST /api/fallback-point': { action: 'fallback.set', roles: ADMIN },
	'GET /api/cases': { action: 'case.list', roles: COORDINATOR },
	'POST /api/cases': { action: 'case.open', roles: COORDINATOR },
	'GET /api/cases/{id}': { action: 'case.read', roles: ROLES },
	'GET /api/cases/due': { action: 'case.list', roles: COORDINATOR },
	'GET /api/due': { action: 'case.list', roles: COORDINATOR },
	'POST /api/cases/{id}/accept': { action: 'case.work', roles: ROLES },
	'POST /api/cases/{id}/status': { action: 'case.work', roles: ROLES },
	'POST /api/cases/{id}/type': { action: 'case.work', roles: ROLES },
	'POST /api/cases/{id}/members': { action: 'case.work', roles: ROLES },
	'POST /api/cases/{id}/members/{uid}/remove': { action: 'case.work',
	    roles: ROLES },
	'POST /api/cases/{id}/persons': { action: 'case.work', roles: ROLES },
	'POST /api/cases/{id}/needs': { action: 'case.work', roles: ROLES },
	'POST /api/cases/{id}/needs/{nid}': { action: 'case.work',
	    roles: ROLES },
	'POST /api/cases/{id}/plan': { action: 'case.work', roles: ROLES },
	'POST /api/cases/{id}/notes': { action: 'case.work', roles: ROLES },
	'GET /api/committees': { action: 'case.list', roles: COORDINATOR },
	'POST /api/cases/{id}/assessments': { action: 'case.work',
	    roles: ROLES },
	'POST /api/cases/{id}/assessments/{aid}/withdraw': {
	    action: 'case.work', roles: ROLES },
	'GET /api/assessments': { action: 'assess.list', roles: ASSESSOR },
	'GET /api/assessments/{aid}': { action: 'assess', roles: ROLES },
	'POST /api/assessments/{aid}/first': { action: 'assess',
	    roles: ROLES },
	'POST /api/assessments/{aid}/final': { action: 'assess',
	    roles: ROLES },
	'POST /api/cases/{id}/criminal': { action: 'case.work',
	    roles: ROLES },
	'POST /api/cases/{id}/residence': { action: 'case.work',
	    roles: ROLES },
	'POST /api/cases/{id}/transfer': { action: 'case.work', roles: ROLES },
	'POST /api/cases/{id}/transfer/accept': { action: 'case.work',
	    roles: ROLES },
	'POST /api/cases/{id}/transfer/decline': { action: 'case.work',
	    roles: ROLES },
	'POST /api/cases/{id}/transfer/cancel': { action: 'case.work',
	    roles: ROLES },
	'GET /api/transfers': { action: 'case.list', roles: COORDINATOR },
	'GET /api/cases/{id}/access': { action: 'case.read', roles: ROLES },
	'POST /api/cases/{id}/emergency': { action: 'case.emergency',
	    roles: COORDINATOR },
	'GET /api/cases/emergency': { action: 'case.list',
	    roles: COORDINATOR },
	'GET /api/emergency-reads': { action: 'emergency.review',
	    roles: ADMIN },
	'GET /api/provider': { action: 'provider.own', roles: PROVIDER },
	'PUT /api/provider': { action: 'provider.own', roles: PROVIDER },
	'POST /api/provider/capacity': { action: 'provider.own',
	    roles: PROVIDER },
	'GET /api/providers/{org}': { action: 'provider.read',
	    roles: ['coordinator', 'provider', 'admin'] },
	'PUT /api/providers/{org}': { action: 'provider.set',
	    roles: ['provider', 'admin'] },
	'GET /api/cases/{id}/needs/{nid}/providers': { action: 'case.read',
	    roles: ROLES },
	'GET /api/cases/{id}/referrals': { action: 'case.read', roles: ROLES },
	'POST /api/cases/{id}/referrals': { action: 'case.work', roles: ROLES },
	'POST /api/cases/{id}/referrals/{rid}/withdraw': {
	    action: 'case.work', roles: ROLES },
	'POST /api/cases/{id}/referrals/{rid}/consent-withdrawn': {
	    action: 'case.work', roles: ROLES },
	'POST /api/cases/{id}/consent-withdrawn': { action: 'case.work',
	    roles: ROLES },
	'POST /api/cases/{id}/escalations': { action: 'case.work',
	    roles: ROLES },
	'GET /api/referrals/missed': { action: 'case.list',
	    roles: COORDINATOR },
	'GET /api/referrals': { action: 'referral.list', roles: PROVIDER },
	'GET /api/referrals/{id}': { action: 'referral', roles: ROLES },
	'POST /api/referrals/{id}/accept': { action: 'referral',
	    roles: ROLES },
	'POST /api/referrals/{id}/decline': { action: 'referral',
	    roles: ROLES },
	'POST /api/referrals/{id}/start': { action: 'referral', roles: ROLES },
	'POST /api/referrals/{id}/notes': { action: 'referral', roles: ROLES },
	'POST /api/referrals/{id}/end': { action: 'referral', roles: ROLES },
	'GET /api/escalations': { action: 'escalation.list',
	    roles: PROVIDER },
	'GET /api/escalations/{id}': { action: 'escalation', roles: ROLES },
	'POST /api/escalations/{id}/answer': { action: 'escalation',
	    roles: ROLES },
	// Placements: the case team records them (404 to anyone else:
	// domain/placement.c); providers list those at their organisation.
	'GET /api/cases/{id}/placements': { action: 'case.read',
	    roles: ROLES },
	'POST /api/cases/{id}/placements': { action: 'case.work',
	    roles: ROLES },
	'POST /api/cases/{id}/placements/{pid}': { action: 'case.work',
	    roles: ROLES },
	'POST /api/cases/{id}/placements/{pid}/end': { action: 'case.work',
	    roles: ROLES },
	'POST /api/cases/{id}/placements/{pid}/authorisations': {
	    action: 'case.work', roles: ROLES },
	'GET /api/placements': { action: 'placement.list', roles: PROVIDER },
	'GET /api/providers/names': { action: 'provider.names',
	    roles: COORDINATOR },
	'POST /api/cases/{id}/transition/{pid}': { action: 'case.work',
	    roles: ROLES },
	'GET /api/transitions': { action: 'case.list', roles: COORDINATOR },
	'GET /api/insight/areas': { action: 'insight', roles: INSIGHT },
	'GET /api/insight': { action: 'insight', roles: INSIGHT },
	'GET /api/insight/csv': { action: 'insight', roles: INSIGHT },
	'GET /api/insight/chart.svg': { action: 'insight', roles: INSIGHT },
	'GET /api/insight/tiles.svg': { action: 'insight', roles: INSIGHT },
	'GET /api/expertise': { action: 'expertise', roles: EXPERTISE },
	'POST /api/expertise': { action: 'expertise', roles: EXPERTISE },
	'POST /api/expertise/{id}/remove': { action: 'expertise',
	    roles: EXPERTISE },
	'GET /api/expertise/coverage': { action: 'expertise.coverage',
	    roles: INSIGHT },
	'GET /api/insight/htcds.csv': { action: 'insight.htcds',
	    roles: RAPPORTEUR },
	'GET /api/contracts': { action: 'contract.read', roles: CONTRACT_READ },
	'POST /api/contracts': { action: 'contract.write',
	    roles: CONTRACT_WRITE },
	'GET /api/contracts/{id}': { action: 'contract.read',
	    roles: CONTRACT_READ },
	'POST /api/contracts/{id}': { action: 'contract.write',
	    roles: CONTRACT_WRITE },
	'POST /api/contracts/{id}/end': { action: 'contract.write',
	    roles: CONTRACT_WRITE },
	'GET /api/gap': { action: 'gap.read', roles: GAP },
	'GET /api/gap.csv': { action: 'gap.read', roles: GAP },
	// Own notifications and mail switch: every login, own rows only.
	'GET /api/notifications': { action: 'self', roles: ROLES },
	'POST /api/notifications/{id}/seen': { action: 'self', roles: ROLES },
	'GET /api/account/email': { action: 'self', roles: ROLES },
	'POST /api/account/email': { action: 'self', roles: ROLES },
};

// Routes that take a JSON body; they get '{}', which the policy sees
// before the body is validated.
const BODY = new Set(['POST /api/login', 'POST /api/orgs',
    'POST /api/users', 'POST /api/regions', 'POST /api/regions/{id}',
    'POST /api/signals',
    'POST /api/signals/{id}/decision', 'POST /api/advice',
    'POST /api/public/signals', 'POST /api/signals/{id}/questions',
    'POST /api/signals/{id}/questions/{qid}/answer',
    'POST /api/advice/{id}/answer', 'POST /api/advice/{id}/signal',
    'POST /api/deadlines/{id}', 'POST /api/fallback-point',
    'POST /api/users/{id}/approver', 'POST /api/enrol/begin',
    'POST /api/enrol', 'POST /api/cases', 'POST /api/cases/{id}/status',
    'POST /api/cases/{id}/type', 'POST /api/cases/{id}/members',
    'POST /api/cases/{id}/persons', 'POST /api/cases/{id}/needs',
    'POST /api/cases/{id}/needs/{nid}', 'POST /api/cases/{id}/plan',
    'POST /api/cases/{id}/notes', 'POST /api/cases/{id}/assessments',
    'POST /api/cases/{id}/assessments/{aid}/withdraw',
    'POST /api/assessments/{aid}/first',
    'POST /api/assessments/{aid}/final', 'POST /api/cases/{id}/criminal',
    'POST /api/cases/{id}/residence', 'POST /api/cases/{id}/transfer',
    'POST /api/cases/{id}/transfer/decline',
    'POST /api/cases/{id}/emergency', 'PUT /api/provider',
    'POST /api/provider/capacity', 'PUT /api/providers/{org}',
    'POST /api/cases/{id}/referrals',
    'POST /api/cases/{id}/escalations', 'POST /api/referrals/{id}/decline',
    'POST /api/referrals/{id}/notes', 'POST /api/referrals/{id}/end',
    'POST /api/escalations/{id}/answer', 'POST /api/cases/{id}/placements',
    'POST /api/cases/{id}/placements/{pid}',
    'POST /api/cases/{id}/placements/{pid}/end',
    'POST /api/cases/{id}/placements/{pid}/authorisations',
    'POST /api/cases/{id}/transition/{pid}', 'POST /api/expertise',
    'POST /api/contracts', 'POST /api/contracts/{id}',
    'POST /api/contracts/{id}/end', 'POST /api/account/email',
    'POST /api/users/{id}']);

let server = null;
let routes = [];	// {method, pattern, action, access}
let victim = 0;		// a user the admin may disable

before(async () => {
	server = await startServer();
	const r = await runCli(['routes']);
	assert.equal(r.code, 0, r.stderr);
	routes = r.stdout.trim().split('\n').map((line) => {
		const [method, pattern, action, access, ...rest] =
		    line.split('\t');
		assert.deepEqual(rest, [], `odd routes line '${line}'`);
		return { method, pattern, action, access };
	});
	const admin = await loginAs(server, 'demo-admin');
	const me = await admin.get('/api/me');
	const u = await admin.post('/api/users', { username:
	    uniqueName('victim'), role: 'policy', org_id: me.body.org_id });
	assert.equal(u.status, 201, u.text);
	victim = u.body.id;
});

after(async () => {
	await stopClean(server);
});

const key = (r) => `${r.method} ${r.pattern}`;

// The path to request for a route: {id} becomes an existing id, and the
// audit listing gets the query it needs.
function pathOf(route) {
	let p = route.pattern.replaceAll('{id}', String(victim))
	    .replaceAll('{receipt}', 'S-2345-6789')
	    .replaceAll('{qid}', '1').replaceAll('{uid}', '1')
	    .replaceAll('{nid}', '1').replaceAll('{aid}', '1')
	    .replaceAll('{org}', '1').replaceAll('{rid}', '1')
	    .replaceAll('{pid}', '1');
	if (route.pattern === '/api/audit')
		p += `?object_type=user&object_id=${victim}`;
	assert.ok(!p.includes('{'), `no substitute for a parameter in ${p}`);
	return p;
}

function send(c, route, opts) {
	const body = BODY.has(key(route)) ? '{}' : undefined;
	return c.request(route.method, pathOf(route), body, opts);
}

// Logout ends the session, so it goes last.
function ordered() {
	return [...routes].sort((a, b) => (key(a) === 'POST /api/logout') -
	    (key(b) === 'POST /api/logout'));
}

test('the route list is exactly the routes this table expects', () => {
	assert.ok(routes.length > 0);
	assert.deepEqual(routes.map(key).sort(), Object.keys(EXPECT).sort());
	for (const r of routes) {
		const want = EXPECT[key(r)];
		assert.equal(r.action, want.action, `action of ${key(r)}`);
		assert.equal(r.access, want.public ? 'public' : 'login',
		    `access of ${key(r)}`);
	}
});

test('without a login every non-public route is 401', async () => {
	const bogus = client(server.url);
	bogus.cookies.set('schakel_session', 'A'.repeat(43));
	for (const route of ordered()) {
		const want = EXPECT[key(route)];
		assert.ok(want, `no expectation for ${key(route)}`);
		for (const [who, c] of [['nobody', client(server.url)],
		    ['bogus cookie', bogus]]) {
			const r = await send(c, route);
			const what = `${who}: ${key(route)}`;
			if (want.public) {
				assert.notEqual(r.status, 401, what);
				assert.notEqual(r.status, 403, what);
				assert.ok(r.status < 500, `${what}: ${r.text}`);
			} else {
				assertError(r, 401, 'unauthenticated', what);
			}
		}
	}
});

for (const role of ROLES) {
	test(`role ${role}: allowed routes answer, the others are 403`,
	    async () => {
		const c = await loginAs(server, `demo-${role}`);
		assert.equal((await c.get('/api/me')).body.role, role);
		for (const route of ordered()) {
			const want = EXPECT[key(route)];
			assert.ok(want, `no expectation for ${key(route)}`);
			const r = await send(c, route);
			const what = `${role}: ${key(route)} -> ${r.status} ` +
			    r.text.slice(0, 200);
			assert.ok(r.status < 500, what);
			if (want.public || want.roles.includes(role)) {
				assert.notEqual(r.status, 401, what);
				assert.notEqual(r.status, 403, what);
			} else {
				const e = assertError(r, 403, 'forbidden',
				    what);
				assert.doesNotMatch(e.message, /csrf/i,
				    `${what}: refused by the policy, not CSRF`);
			}
		}
	});
}

test('the admin route disabled the victim (the matrix really ran)',
    async () => {
	const admin = await loginAs(server, 'demo-admin');
	const r = await admin.get('/api/users');
	const v = r.body.users.find((u) => u.id === victim);
	assert.equal(v?.disabled, true);
});

test('an API token carries its role: a reporter token gets 403',
    async () => {
	const t = await runCli(['token', 'add', '--data', server.dataDir,
	    '--user', 'demo-reporter', 'access-test']);
	assert.equal(t.code, 0, t.stderr);
	const auth = { authorization: `Bearer ${t.stdout.trim()}` };
	const c = client(server.url);
	assert.equal((await c.get('/api/me', { headers: auth })).status, 200);
	for (const route of routes) {
		const want = EXPECT[key(route)];
		if (want.public || want.roles.includes('reporter'))
			continue;
		assertError(await send(c, route, { headers: auth }), 403,
		    'forbidden', key(route));
	}
});

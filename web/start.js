// start: the first page after login, for every role.  It says what the
// user's role does in the chain and what it may see (DESIGN.md's roles).
// An advisor also gets the point's overview (GET /api/signals/overview):
// what waits for triage, what is past its deadline or due today, what is
// acute, what waits for a reporter, what was decided lately, and the
// open questions for advice, each count a link to the view of the queue
// that shows exactly those signals (queue.js), and accounts that filed
// unusually many signals; and, when the public form (no login) refused
// signals in the last day because its budget was full, in which of the
// point's municipalities, how many and when.  Numbers only: no person,
// no text.  An admin gets the national fallback point (fallback.js).  A
// coordinator gets the new cases to accept and the care-plan reviews due
// (cases.js), the transfers waiting (case-transfer.js), the residence
// deadlines coming (case-tracks.js) and the emergency reads of the
// organisation's cases (case-access.js), and missed referral answers
// and needs nobody took up (referrals.js); a provider the referrals
// waiting for its answer and, for an expert team, its open escalations;
// an
// assessor the cases submitted for identification (assessments.js).
// Someone who reports sees, when there is any, what waits for them: the
// point's questions on their signals and answered questions for advice
// the point asked them to report as a signal.  A designated approver of
// the organisation sees the new accounts of the organisation that wait
// for approval (GET /api/users/pending), each with an Approve button; the
// enrolment link that approving yields is shown once (approve.js).

import { get, showError } from './api.js';
import { actionButton } from './approve.js';
import { alertBox, h, pageHeading, para, table } from './dom.js';
import { assessmentsStart } from './assessments.js';
import { emergencyStart } from './case-access.js';
import { queueHash } from './queue.js';
import { residenceStart } from './case-tracks.js';
import { adulthoodStart } from './case-adulthood.js';
import { transfersStart } from './case-transfer.js';
import { referralsStart } from './referrals.js';
import { casesStart } from './cases.js';
import { dueStart } from './due.js';
import { fallbackSection } from './fallback.js';
import { notifySection } from './notify.js';
import { formatDate, has } from './i18n.js';
import { dataList, dateNode, FILERS, section } from './parts.js';

export function renderStart(main, page, me) {
	const role = has(`role.${me.role}`) ? me.role : null;
	const args = {
		role: { key: `role.${me.role}`, fallback: String(me.role) },
		org: me.org_name ?? '',
	};

	main.replaceChildren(...[
	    pageHeading('start.title'),
	    para('start.welcome', { name: me.username }),
	    h('p', { class: 'utrecht-paragraph utrecht-paragraph--lead',
		i18n: 'start.as', args }),
	    notifySection(page, me),
	    APPROVING.includes(me.role) ? pending(page) : null,
	    me.role === 'advisor' ? overview(page) : null,
	    me.role === 'admin' ? fallbackSection(page) : null,
	    me.role === 'coordinator' ? later(dueStart(me)) : null,
	    me.role === 'coordinator' ? later(casesStart(page)) : null,
	    me.role === 'coordinator' ? later(transfersStart(me)) : null,
	    me.role === 'coordinator' || me.role === 'provider' ?
		later(referralsStart(me)) : null,
	    me.role === 'coordinator' ? later(residenceStart(me)) : null,
	    me.role === 'coordinator' ? later(adulthoodStart(me)) : null,
	    me.role === 'coordinator' ? later(emergencyStart(me)) : null,
	    me.role === 'assessor' ? later(assessmentsStart(me)) : null,
	    FILERS.includes(me.role) ? waiting(page) : null,
	    para('start.chain'),
	    role ? h('section', { 'aria-labelledby': 'start-does' },
		h('h2', { class: 'utrecht-heading-2', id: 'start-does',
		    i18n: 'start.does' }),
		para(`role.${role}.does`)) : null,
	    role ? h('section', { 'aria-labelledby': 'start-sees' },
		h('h2', { class: 'utrecht-heading-2', id: 'start-sees',
		    i18n: 'start.sees' }),
		para(`role.${role}.sees`),
		para('start.needtoknow')) : null,
	].filter((n) => n !== null));
}

// A part that arrives later: a placeholder now, its content once the
// promise gives it (an element, or null for nothing).
function later(promise) {
	const host = h('div');
	promise.then((el) => host.replaceChildren(...(el ? [el] : [])));
	return host;
}

// The roles that may be designated approvers of their organisation.
const APPROVING = ['reporter', 'advisor', 'coordinator', 'provider',
    'assessor'];

// New accounts waiting for this approver: nothing at all when none do
// (or when this user approves nothing).
function pending(page) {
	const host = h('div', { class: 'app-pending' });
	const errors = h('div', { class: 'app-alerts' });
	const linkHost = h('div', { class: 'app-created' });
	function load() {
		host.setAttribute('aria-busy', 'true');
		get('/api/users/pending').then((res) => {
			if (!page.current())
				return;
			const users = res?.users ?? [];
			if (users.length === 0 && linkHost.childElementCount ===
			    0) {
				host.replaceChildren();
				return;
			}
			host.replaceChildren(h('section', {
			    'aria-labelledby': 'start-pending' },
			    h('h2', { class: 'utrecht-heading-2',
				id: 'start-pending', tabindex: '-1',
				i18n: 'pending.title' }),
			    para('pending.intro'),
			    errors, linkHost,
			    users.length === 0 ? para('pending.none') :
			    table('start-pending', ['users.col.username',
				'users.col.role', 'pending.col.created',
				'users.col.actions'], users.map((u) => [
				String(u.username ?? ''),
				has(`role.${u.role}`) ? h('span', {
				    i18n: `role.${u.role}` }) : String(u.role),
				h('span', { 'data-i18n-date':
				    String(u.created_at ?? ''),
				    text: formatDate(u.created_at) }),
				u.can_approve ? actionButton(page, u,
				    'approve', linkHost, errors, load) : '',
			    ]))));
		}, () => {
			// Someone who approves nothing sees nothing here.
		}).finally(() => host.removeAttribute('aria-busy'));
	}
	load();
	return host;
}

// What waits for the user as reporter: nothing at all when nothing does.
function waiting(page) {
	const host = h('div', { class: 'app-waiting', 'aria-busy': 'true' });
	Promise.all([get('/api/signals/mine'), get('/api/advice/mine')])
	    .then(([s, a]) => {
		if (!page.current())
			return;
		// The signals asked about, by number (all of them, whatever
		// page of Mijn signalen they are on).
		const ids = Array.isArray(s?.waiting) ? s.waiting : [];
		const questions = ids.length;
		const asked = (a?.advice ?? []).filter((x) =>
		    x.suggest_signal && !x.signal_id).length;
		const line = (n, key, href, link, which = []) => h('p', {
		    class: 'utrecht-paragraph' },
		    h('strong', { i18n: key, args: { count: n } }), ' ',
		    which.flatMap((id) => [h('a', { class: 'utrecht-link',
			href: `#/signals/${encodeURIComponent(id)}`,
			i18n: 'queue.open', args: { id: String(id) } }), ' ']),
		    h('a', { class: 'utrecht-link', href, i18n: link }));
		host.replaceChildren(...[
		    questions > 0 ? line(questions, 'waiting.questions',
			'#/signals', 'waiting.questions.link', ids) : null,
		    asked > 0 ? line(asked, 'waiting.advice', '#/advice',
			'waiting.advice.link') : null,
		].filter((n) => n !== null));
	}, () => {
		// The pages themselves say what went wrong; the start page
		// stays as it is.
	}).finally(() => host.removeAttribute('aria-busy'));
	return host;
}

// A count in words that links to where the work is.
function count(n, key, href) {
	const text = h('span', { i18n: key, args: { count: Number(n) } });
	return href ? h('a', { class: 'utrecht-link', href }, text) : text;
}

// Accounts that filed unusually many signals into the point's region, or
// ran into the daily limit: who, and how many.  null when none did.
function unusual(list) {
	if (!Array.isArray(list) || list.length === 0)
		return null;
	return section('start-volume', 'volume.title', para('volume.intro'),
	    table('start-volume', ['volume.col.user', 'volume.col.org',
		'volume.col.signals', 'volume.col.persons',
		'volume.col.refused'],
	    list.map((v) => [String(v.username ?? ''),
		String(v.org_name ?? ''), String(v.signals ?? 0),
		String(v.persons ?? 0), String(v.refused ?? 0)])));
}

// The public form's refusals for a full budget, by municipality; null
// when there were none.
function refused(list) {
	if (!Array.isArray(list) || list.length === 0)
		return null;
	return alertBox('warning', null,
	    para('overview.refused'),
	    h('ul', { class: 'utrecht-unordered-list', id: 'public-refused' },
		list.map((x) => h('li', {
		    class: 'utrecht-unordered-list__item' },
		    h('strong', { text: String(x.municipality_name ?? '') }),
		    ': ',
		    h('span', { i18n: 'overview.refused.count',
			args: { count: Number(x.count) } }),
		    ', ', h('span', { i18n: 'overview.refused.last' }), ' ',
		    dateNode(x.last_at)))),
	    para('overview.refused.call'));
}

function overview(page) {
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	get('/api/signals/overview').then((o) => {
		if (!page.current())
			return;
		// Each count is the total of its view of the queue, and
		// opens it.
		const v = o?.views ?? {};
		const late = Number(v.overdue ?? 0);
		body.replaceChildren(...[
		    late > 0 ? h('p', { class: 'utrecht-paragraph ' +
			'app-overdue-note' }, h('strong', {
			i18n: 'overview.overdue', args: { count: late } }),
			' ', h('a', { class: 'utrecht-link',
			href: queueHash('overdue'),
			i18n: 'overview.to_queue' })) : null,
		    dataList([
			['overview.received', count(v.unclaimed,
			    'overview.signals', queueHash('unclaimed'))],
			['overview.in_triage', count(v.in_triage,
			    'overview.signals', queueHash('in_triage'))],
			['overview.overdue.label', count(v.overdue,
			    'overview.signals', queueHash('overdue'))],
			['overview.due_today', count(v.due_today,
			    'overview.signals', queueHash('due_today'))],
			['overview.acute', count(v.acute,
			    'overview.signals', queueHash('acute'))],
			['overview.mine', count(v.mine,
			    'overview.signals', queueHash('mine'))],
			['overview.waiting', count(v.waiting_answer,
			    'overview.signals', queueHash('waiting_answer'))],
			['overview.decided', count(v.decided,
			    'overview.signals', queueHash('decided'))],
			['overview.advice', count(o?.advice_open,
			    'overview.questions', '#/advice/queue')],
		    ], { id: 'point-overview' }),
		    refused(o?.public_refused),
		    h('p', { class: 'utrecht-paragraph' },
			h('a', { class: 'utrecht-link', href: '#/deadlines',
			    i18n: 'overview.deadlines' })),
		    unusual(o?.unusual_volume),
		].filter((n) => n !== null));
	}, (err) => {
		if (!page.current())
			return;
		body.replaceChildren();
		showError(null, errors, err);
	}).finally(() => body.removeAttribute('aria-busy'));
	return h('section', { 'aria-labelledby': 'start-overview' },
	    h('h2', { class: 'utrecht-heading-2', id: 'start-overview',
		i18n: 'overview.title' }),
	    errors, body);
}

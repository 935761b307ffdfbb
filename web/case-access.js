// case-access: who read or changed a case, and the emergency reads of
// the organisation's cases.  On the case page (accessSection, for the
// case team only): a button loads the case's audit trail (GET
// /api/cases/{id}/access, optionally only emergency reads or one
// action); it is loaded on request, because looking is itself recorded.
// Each line says when, who, of which organisation and in which role,
// what, and the reason; reads under an emergency read are marked and
// show the reason given.  On the start page (emergencyStart): the
// emergency reads of the last 30 days on the organisation's cases (GET
// /api/cases/emergency), so the coordinator knows who broke the glass.
//
// accessSection(c, hooks): c is GET /api/cases/{id}; hooks is {id,
// page, reload(focusSelector), errors, status}.  null unless c.access is
// 'team'.

import { get, loadInto } from './api.js';
import { alertBox, button, field, h, para, table } from './dom.js';
import { has } from './i18n.js';
import { dateNode, freeText, section } from './parts.js';

const FILTERS = [
	{ value: '', key: 'access.filter.all' },
	{ value: 'emergency', key: 'access.filter.emergency' },
	{ value: 'case.read', key: 'access.filter.read' },
];

function actionNode(action) {
	const key = `access.action.${action}`;
	return has(key) ? h('span', { i18n: key }) :
	    h('code', { text: String(action ?? '') });
}

function roleNode(role) {
	return role && has(`role.${role}`) ? h('span', { i18n: `role.${role}` }) :
	    h('span', { text: String(role ?? '') });
}

function who(e) {
	return h('span', {}, String(e.username ?? ''), e.emergency ? ' ' : null,
	    e.emergency ? h('strong', { class: 'app-emergency-mark',
		i18n: 'access.emergency' }) : null);
}

export function accessSection(c, hooks) {
	if (!c || c.access !== 'team')
		return null;
	const errors = h('div', { class: 'app-alerts' });
	const host = h('div', { class: 'app-access', 'aria-live': 'polite' });
	const filter = field({ name: 'access-filter', key: 'access.filter',
	    options: FILTERS });
	const show = button('access.show', 'secondary');
	show.addEventListener('click', async () => {
		const f = filter.control.value;
		const q = f === 'emergency' ? '?emergency=1' :
		    f ? `?action=${encodeURIComponent(f)}` : '';
		await loadInto(hooks.page, host, errors,
		    `/api/cases/${encodeURIComponent(hooks.id)}/access${q}`,
		    (r) => {
			const list = r?.entries ?? [];
			if (list.length === 0)
				return para('access.none');
			return table('case-access', ['access.col.at',
			    'access.col.who', 'access.col.org',
			    'access.col.role', 'access.col.action',
			    'access.col.reason'], list.map((e) => [
				dateNode(e.at), who(e),
				String(e.org_name ?? ''), roleNode(e.role),
				actionNode(e.action),
				e.reason ? freeText(e.reason) : '',
			    ]));
		    });
	});
	return section('case-access', 'access.title', para('access.intro'),
	    h('div', { class: 'app-form' }, filter,
		h('div', { class: 'utrecht-button-group' }, show)),
	    errors, host);
}

// The start page: recent emergency reads of the organisation's cases.
// null when there were none (or for anyone but a coordinator).
export async function emergencyStart(me) {
	if (me?.role !== 'coordinator')
		return null;
	let r;
	try {
		r = await get('/api/cases/emergency');
	} catch {
		return null;
	}
	const reads = r?.reads ?? [];
	if (reads.length === 0)
		return null;
	return section('start-emergency', 'emergency.start.title',
	    alertBox('warning', null, para('emergency.start.intro',
		{ count: reads.length })),
	    table('start-emergency', ['access.col.at', 'access.col.who',
		'access.col.org', 'emergency.col.case', 'access.col.reason'],
	    reads.map((e) => [
		dateNode(e.at), String(e.username ?? ''),
		String(e.org_name ?? ''),
		h('a', { class: 'utrecht-link',
		    href: `#/cases/${encodeURIComponent(e.case_id)}`,
		    i18n: 'transfer.col.case.link', args: { id: e.case_id } }),
		freeText(e.reason),
	    ])));
}

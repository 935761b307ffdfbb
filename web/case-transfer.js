// case-transfer: a case moves with its victim.  On the case page
// (transferSection): the team asks the care coordination of the victim's
// new municipality to take the case over (POST /api/cases/{id}/transfer,
// with the municipality and a reason); a transfer that waits shows who
// asked, to whom, the reason and the deadline, with Accept and Decline
// (a reason) for a coordinator of the receiving organisation and Cancel
// for the team.  On the start page (transfersStart): the transfers that
// wait to or from the coordinator's organisation, those past their
// deadline first and marked (GET /api/transfers: no personal data).
//
// transferSection(c, hooks): c is GET /api/cases/{id}; hooks is {id,
// page, reload(focusSelector), errors, status}.  Returns null when there
// is nothing to show (a former organisation sees no transfer).

import { ApiError, clearErrors, get, missing, post, showError,
    showInvalid } from './api.js';
import { alertBox, button, field, h, para, setOptions, table }
    from './dom.js';
import { dataList, dateNode, freeText, section, textArea } from './parts.js';

const REASON_MAX = 10000;
const HEADING = '#case-transfer';

// Municipalities for the select, read once.
let municipalities = null;
async function loadMunicipalities() {
	if (municipalities === null) {
		const r = await get('/api/municipalities');
		municipalities = (r?.municipalities ?? []).map((m) => ({
		    value: m.code, text: `${m.name} (${m.province})` }))
		    .sort((a, b) => a.text.localeCompare(b.text, 'nl'));
	}
	return municipalities;
}

// Posts body to path; says doneKey and reloads onto the section.  A 409
// (the transfer changed meanwhile) reloads too; other errors stay on
// the form (or in the case page's alert host without a form).
async function send(hooks, form, formErrors, path, body, doneKey) {
	hooks.status.replaceChildren();
	hooks.errors.replaceChildren();
	try {
		await post(path, body);
		if (!hooks.page.current())
			return;
		hooks.status.append(alertBox('ok', null, para(doneKey)));
		await hooks.reload(HEADING);
	} catch (err) {
		if (!hooks.page.current())
			return;
		if (err instanceof ApiError && err.status === 409) {
			showError(null, hooks.errors, err);
			await hooks.reload(HEADING);
		} else {
			showError(form, formErrors ?? hooks.errors, err);
		}
	}
}

function busyDuring(el, fn) {
	let busy = false;
	return async (ev) => {
		ev?.preventDefault();
		if (busy)
			return;
		busy = true;
		el.setAttribute('aria-busy', 'true');
		try {
			await fn();
		} finally {
			busy = false;
			el.removeAttribute('aria-busy');
		}
	};
}

// The team's form: the new municipality and why.
function requestForm(hooks) {
	const formErrors = h('div', { class: 'app-alerts' });
	const muni = field({ name: 'municipality', key: 'transfer.municipality',
	    hint: 'transfer.municipality.hint', required: true,
	    placeholder: 'transfer.municipality.choose', options: [] });
	const reason = textArea({ name: 'reason', key: 'transfer.reason',
	    hint: 'transfer.reason.hint', rows: 3, maxlength: REASON_MAX,
	    required: true });
	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true, i18nAttr: { 'aria-label': 'transfer.form' } },
	    formErrors, muni, reason,
	    h('div', { class: 'utrecht-button-group' },
		button('transfer.submit', 'primary', { type: 'submit' })));
	loadMunicipalities().then((list) => {
		setOptions(muni.control, list, true);
	}, (err) => showError(null, formErrors, err));
	form.addEventListener('submit', busyDuring(form, async () => {
		const bad = missing(form, ['municipality', 'reason']);
		if (bad.length > 0) {
			showInvalid(form, formErrors, bad);
			return;
		}
		clearErrors(form, formErrors);
		await send(hooks, form, formErrors,
		    `/api/cases/${encodeURIComponent(hooks.id)}/transfer`,
		    { municipality: muni.control.value,
		    reason: reason.control.value.trim() }, 'transfer.sent');
	}));
	return form;
}

// The receiving coordinator's way to say no, with a reason.
function declineForm(hooks) {
	const formErrors = h('div', { class: 'app-alerts' });
	const reason = textArea({ name: 'reason', key: 'transfer.decline.reason',
	    hint: 'transfer.decline.hint', rows: 3, maxlength: REASON_MAX,
	    required: true });
	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true,
	    i18nAttr: { 'aria-label': 'transfer.decline.form' } },
	    formErrors, reason,
	    h('div', { class: 'utrecht-button-group' },
		button('transfer.decline', 'secondary', { type: 'submit' })));
	form.addEventListener('submit', busyDuring(form, async () => {
		const bad = missing(form, ['reason']);
		if (bad.length > 0) {
			showInvalid(form, formErrors, bad);
			return;
		}
		clearErrors(form, formErrors);
		await send(hooks, form, formErrors,
		    `/api/cases/${encodeURIComponent(hooks.id)}/transfer/` +
		    'decline', { reason: reason.control.value.trim() },
		    'transfer.declined');
	}));
	return form;
}

function actionButton(hooks, key, kind, what, doneKey) {
	const b = button(key, kind);
	b.addEventListener('click', busyDuring(b, () => send(hooks, null, null,
	    `/api/cases/${encodeURIComponent(hooks.id)}/transfer/${what}`,
	    undefined, doneKey)));
	return b;
}

function dueNode(t) {
	return h('span', {}, dateNode(t.due), t.overdue ? ' ' : null,
	    t.overdue ? h('strong', { class: 'app-overdue',
		i18n: 'transfer.overdue' }) : null);
}

function waiting(t, hooks) {
	return [
	    t.overdue ? alertBox('warning', null, para(t.may_decide ?
		'transfer.overdue.incoming' : 'transfer.overdue.note')) :
		null,
	    para(t.may_decide ? 'transfer.waiting.incoming' :
		'transfer.waiting', { org: String(t.from_org_name ?? ''),
		to: String(t.to_org_name ?? '') }),
	    dataList([
		['transfer.from', String(t.from_org_name ?? '')],
		['transfer.to', String(t.to_org_name ?? '')],
		['transfer.municipality', String(t.municipality_name ?? '')],
		['transfer.requested_by', String(t.requested_by ?? '')],
		['transfer.requested_at', dateNode(t.requested_at)],
		['transfer.due', dueNode(t)],
		['transfer.reason', freeText(t.reason)],
	    ], { id: 'case-transfer-waiting' }),
	    t.may_decide ? h('div', { class: 'utrecht-button-group' },
		actionButton(hooks, 'transfer.accept', 'primary', 'accept',
		    'transfer.accepted')) : null,
	    t.may_decide ? declineForm(hooks) : null,
	    t.may_cancel ? h('div', { class: 'utrecht-button-group' },
		actionButton(hooks, 'transfer.cancel', 'secondary', 'cancel',
		    'transfer.cancelled')) : null,
	];
}

export function transferSection(c, hooks) {
	if (!c || c.access === 'former')
		return null;
	if (c.transfer)
		return section('case-transfer', 'transfer.title',
		    ...waiting(c.transfer, hooks));
	if (!c.may_transfer)
		return null;
	return section('case-transfer', 'transfer.title',
	    para('transfer.intro'), requestForm(hooks));
}

// The start page: what waits to or from the organisation.  null when
// nothing does (or for anyone but a coordinator).
export async function transfersStart(me) {
	if (me?.role !== 'coordinator')
		return null;
	let list;
	try {
		list = await get('/api/transfers');
	} catch {
		return null;
	}
	const ts = list?.transfers ?? [];
	if (ts.length === 0)
		return null;
	const late = Number(list.overdue ?? 0);
	return section('start-transfers', 'transfer.start.title',
	    late > 0 ? alertBox('warning', null, para('transfer.start.overdue',
		{ count: late })) : null,
	    table('start-transfers', ['transfer.col.case',
		'transfer.col.direction', 'transfer.col.org',
		'transfer.municipality', 'transfer.due'],
	    ts.map((t) => [
		h('a', { class: 'utrecht-link',
		    href: `#/cases/${encodeURIComponent(t.case_id)}`,
		    i18n: 'transfer.col.case.link', args: { id: t.case_id } }),
		h('span', { i18n: `transfer.direction.${t.direction}` }),
		String((t.direction === 'incoming' ? t.from_org_name :
		    t.to_org_name) ?? ''),
		String(t.municipality_name ?? ''),
		dueNode(t),
	    ])));
}

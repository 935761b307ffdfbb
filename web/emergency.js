// emergency: "break the glass".  #/emergency is the coordinator's page to
// read a case of another care coordination in an emergency: the case
// number and a reason (required), then POST /api/cases/{id}/emergency
// and on to the case page (#/cases/{id}), read-only for 60 minutes.  The
// page says before anything is sent that the reason goes to the case's
// coordinator and to the administrators, and that the request is
// recorded whether or not the number exists.  #/emergency-reads is the
// administrators' review of every emergency read (GET
// /api/emergency-reads): who, organisation, when, until when, case
// number and reason; nothing of the case itself.

import { ApiError, clearErrors, loadInto, missing, post, showError,
    showInvalid } from './api.js';
import { alertBox, button, field, h, pageHeading, para, table }
    from './dom.js';
import { dateNode, freeText, textArea } from './parts.js';

const REASON_MAX = 10000;

export function renderEmergency(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const number = field({ name: 'case', key: 'emergency.case',
	    hint: 'emergency.case.hint', required: true, inputmode: 'numeric',
	    autocomplete: 'off', pattern: '[0-9]*', maxlength: 15 });
	const reason = textArea({ name: 'reason', key: 'emergency.reason',
	    hint: 'emergency.reason.hint', rows: 4, maxlength: REASON_MAX,
	    required: true });
	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true, i18nAttr: { 'aria-label': 'emergency.form' } },
	    errors, number, reason,
	    h('div', { class: 'utrecht-button-group' },
		button('emergency.submit', 'primary', { type: 'submit' })));
	main.replaceChildren(pageHeading('emergency.title'),
	    para('emergency.intro'),
	    alertBox('warning', null, para('emergency.warning')), form);

	let busy = false;
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		if (busy)
			return;
		const bad = missing(form, ['case', 'reason']);
		const n = number.control.value.trim();
		if (bad.length === 0 && !/^[1-9][0-9]{0,14}$/.test(n))
			bad.push({ field: 'case', key: 'emergency.case.bad' });
		if (bad.length > 0) {
			showInvalid(form, errors, bad);
			return;
		}
		clearErrors(form, errors);
		busy = true;
		form.setAttribute('aria-busy', 'true');
		try {
			await post(`/api/cases/${n}/emergency`,
			    { reason: reason.control.value.trim() });
			if (page.current())
				window.location.hash = `#/cases/${n}`;
		} catch (err) {
			if (!page.current())
				return;
			if (err instanceof ApiError && err.status === 404)
				showError(form, errors, err,
				    'emergency.notfound');
			else if (err instanceof ApiError && err.status === 409)
				errors.replaceChildren(alertBox('info', 'alert',
				    para('emergency.already'),
				    h('p', { class: 'utrecht-paragraph' },
					h('a', { class: 'utrecht-link',
					    href: `#/cases/${n}`,
					    i18n: 'emergency.open' }))));
			else
				showError(form, errors, err);
		} finally {
			busy = false;
			form.removeAttribute('aria-busy');
		}
	});
}

export function renderEmergencyReads(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const host = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	main.replaceChildren(
	    pageHeading('emergency.reads.title'),
	    para('emergency.reads.intro'),
	    h('h2', { class: 'utrecht-heading-2', id: 'emergency-reads',
		i18n: 'emergency.reads.list' }),
	    errors, host);
	loadInto(page, host, errors, '/api/emergency-reads', (r) => {
		const reads = r?.reads ?? [];
		if (reads.length === 0)
			return para('emergency.reads.none');
		return table('emergency-reads', ['access.col.at',
		    'emergency.col.until', 'access.col.who', 'access.col.org',
		    'emergency.col.case', 'access.col.reason'],
		reads.map((e) => [
			dateNode(e.at), dateNode(e.until),
			String(e.username ?? ''), String(e.org_name ?? ''),
			String(e.case_id ?? ''), freeText(e.reason),
		]));
	});
}

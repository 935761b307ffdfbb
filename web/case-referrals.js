// case-referrals: the referrals part of the case page (for the case
// team).  Per open need a "Verwijzen" action opens the form: the
// provider (fittingProviders from case-providers.js), the parts of the
// case to share (none ticked), the basis for sharing (consent with its
// date, or a legal basis) and a message (POST
// /api/cases/{id}/referrals).  Below, the referrals with their status,
// answer deadline and the provider's notes, with Withdraw (while sent)
// and Consent withdrawn; the escalations to the regional expert team with
// their answers, and the form to escalate (POST
// /api/cases/{id}/escalations).  Everything comes from GET
// /api/cases/{id}/referrals.
//
// referralsSection(c, hooks): c is GET /api/cases/{id}; hooks as in
// case.js.  null for anyone but the case team.

import { ApiError, clearErrors, get, post, showError, showInvalid }
    from './api.js';
import { alertBox, button, field, h, para, table } from './dom.js';
import { checkedValues, choice, codeNode, dateNode, fieldset, freeText,
    none, section, textArea, today } from './parts.js';
import { fittingProviders } from './case-providers.js';

const TEXT_MAX = 10000;
// Fields chosen rather than typed: their message says choose.
const CHOOSE = ['outcome', 'ground', 'basis', 'provider', 'need'];
const SHARES = ['persons', 'summary', 'needs', 'plan', 'forms_indicators',
    'safety'];
const LEGAL = ['vital_interest', 'youth_act', 'wmo', 'legal_obligation',
    'other_law'];
const HEADING = '#case-referrals';

function dueNode(due, late) {
	return h('span', {}, dateNode(due), late ? ' ' : null,
	    late ? h('strong', { class: 'app-overdue', i18n: 'ref.late' }) :
	    null);
}

// The share boxes, the basis and its details: the same for a referral
// and an escalation.  Returns { nodes, read(form) -> body part }.
function sharingFields() {
	const safety = textArea({ name: 'safety', key: 'ref.safety',
	    hint: 'ref.safety.hint', rows: 2, maxlength: TEXT_MAX });
	const shares = fieldset({ legend: 'ref.shares', field: 'shares',
	    hint: 'ref.shares.hint' }, ...SHARES.map((s) => choice({
	    name: 'shares', value: s, key: `ref.part.${s}` })));
	const basis = fieldset({ legend: 'ref.basis', field: 'basis',
	    required: true }, choice({ type: 'radio', name: 'basis',
	    value: 'consent', key: 'ref.basis.consent' }), choice({
	    type: 'radio', name: 'basis', value: 'legal',
	    key: 'ref.basis.legal' }));
	const consent = field({ name: 'consent_on', key: 'ref.consent_on',
	    hint: 'ref.consent_on.hint', type: 'date' });
	consent.control.max = today();
	const legal = field({ name: 'legal_basis', key: 'ref.legal_basis',
	    placeholder: 'ref.legal.choose', options: LEGAL.map((v) => ({
	    value: v, key: `ref.legal.${v}` })) });
	const basisText = textArea({ name: 'basis_text', key: 'ref.basis_text',
	    hint: 'ref.basis_text.hint', rows: 2, maxlength: TEXT_MAX });
	return {
		nodes: [shares, safety, basis, consent, legal, basisText],
		read(form) {
			const body = { shares: checkedValues(form, 'shares') };
			const b = form.querySelector(
			    'input[name="basis"]:checked');
			if (b)
				body.basis = b.value;
			if (b?.value === 'consent' && consent.control.value)
				body.consent_on = consent.control.value;
			if (b?.value === 'legal' && legal.control.value)
				body.legal_basis = legal.control.value;
			if (basisText.control.value.trim() !== '')
				body.basis_text = basisText.control.value.trim();
			if (safety.control.value.trim() !== '')
				body.safety = safety.control.value.trim();
			return body;
		},
	};
}

async function send(hooks, form, formErrors, path, body, doneKey) {
	hooks.status.replaceChildren();
	try {
		await post(path, body);
		if (!hooks.page.current())
			return;
		hooks.status.append(alertBox('ok', null, para(doneKey)));
		await hooks.reload(HEADING);
	} catch (err) {
		if (!hooks.page.current())
			return;
		showError(form, formErrors ?? hooks.errors, err);
		if (err instanceof ApiError && err.status === 409 && !form)
			await hooks.reload(HEADING);
	}
}

function referForm(hooks, need) {
	const formErrors = h('div', { class: 'app-alerts' });
	const sharing = sharingFields();
	const message = textArea({ name: 'message', key: 'ref.message',
	    hint: 'ref.message.hint', rows: 3, maxlength: TEXT_MAX });
	// The fitting providers arrive after the form is shown.
	const providers = h('div', { 'aria-busy': 'true' }, para('loading'));
	fittingProviders(hooks.id, need.need_id).then((el) => {
		providers.replaceChildren(el);
	}).catch((err) => {
		providers.replaceChildren();
		showError(null, formErrors, err);
	}).finally(() => providers.removeAttribute('aria-busy'));
	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true, 'data-need': String(need.need_id),
	    i18nAttr: { 'aria-label': 'ref.form' } }, formErrors,
	    providers, ...sharing.nodes,
	    message, h('div', { class: 'utrecht-button-group' },
		button('ref.submit', 'primary', { type: 'submit' })));
	form.addEventListener('submit', (ev) => {
		ev.preventDefault();
		const p = form.querySelector('[name="provider"]:checked') ??
		    form.querySelector('input[name="provider"]' +
		    ':not([type="radio"])');
		const body = { need: need.need_id, ...sharing.read(form) };
		const bad = [];
		if (!p || !p.value)
			bad.push('provider');
		if (!body.basis)
			bad.push('basis');
		if (bad.length > 0) {
			showInvalid(form, formErrors, bad.map((f) => ({
			    field: f, key: CHOOSE.includes(f) ? 'field.choose' :
			    'field.required' })));
			return;
		}
		body.provider = Number(p.value);
		if (message.control.value.trim() !== '')
			body.message = message.control.value.trim();
		clearErrors(form, formErrors);
		send(hooks, form, formErrors,
		    `/api/cases/${encodeURIComponent(hooks.id)}/referrals`, body,
		    'ref.sent');
	});
	return form;
}

function escalateForm(hooks, uptake) {
	const formErrors = h('div', { class: 'app-alerts' });
	const sharing = sharingFields();
	const missed = uptake.filter((u) => u.missed);
	const ground = fieldset({ legend: 'esc.ground', field: 'ground',
	    required: true }, choice({ type: 'radio', name: 'ground',
	    value: 'complex_minor', key: 'esc.ground.complex_minor' }),
	    missed.length > 0 ? choice({ type: 'radio', name: 'ground',
	    value: 'not_taken_up', key: 'esc.ground.not_taken_up' }) : null);
	const need = missed.length > 0 ? field({ name: 'need',
	    key: 'esc.need', placeholder: 'esc.need.choose',
	    options: missed.map((u) => ({ value: String(u.need_id),
	    text: String(u.need) })) }) : null;
	const summary = textArea({ name: 'summary', key: 'esc.summary',
	    hint: 'esc.summary.hint', rows: 4, maxlength: TEXT_MAX,
	    required: true });
	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true, i18nAttr: { 'aria-label': 'esc.form' } },
	    formErrors, ground, need, summary, ...sharing.nodes,
	    h('div', { class: 'utrecht-button-group' },
		button('esc.submit', 'secondary', { type: 'submit' })));
	form.addEventListener('submit', (ev) => {
		ev.preventDefault();
		const g = form.querySelector('input[name="ground"]:checked');
		const body = { ...sharing.read(form) };
		const bad = [];
		if (!g)
			bad.push('ground');
		if (summary.control.value.trim() === '')
			bad.push('summary');
		if (!body.basis)
			bad.push('basis');
		if (bad.length > 0) {
			showInvalid(form, formErrors, bad.map((f) => ({
			    field: f, key: CHOOSE.includes(f) ? 'field.choose' :
			    'field.required' })));
			return;
		}
		body.ground = g.value;
		body.summary = summary.control.value.trim();
		if (need && need.control.value)
			body.need = Number(need.control.value);
		clearErrors(form, formErrors);
		send(hooks, form, formErrors,
		    `/api/cases/${encodeURIComponent(hooks.id)}/escalations`,
		    body, 'esc.sent');
	});
	return form;
}

function actionButton(hooks, key, path, doneKey) {
	const b = button(key, 'secondary');
	b.addEventListener('click', (ev) => {
		ev.preventDefault();
		send(hooks, null, null, path, undefined, doneKey);
	});
	return b;
}

function referralRow(hooks, r) {
	const base = `/api/cases/${encodeURIComponent(hooks.id)}/referrals/` +
	    encodeURIComponent(r.id);
	const acts = [];
	if (r.status === 'sent' || r.status === 'expired')
		acts.push(actionButton(hooks, 'ref.withdraw', `${base}/withdraw`,
		    'ref.withdrawn'));
	if (r.sharing && r.basis === 'consent')
		acts.push(actionButton(hooks, 'ref.consent_withdrawn',
		    `${base}/consent-withdrawn`, 'ref.consent_ended'));
	return [
	    String(r.need ?? ''),
	    String(r.to_org_name ?? ''),
	    h('span', {}, codeNode('ref.status', r.status),
		r.decline_reason ? ' (' : null, r.decline_reason ?
		codeNode('ref.reason', r.decline_reason) : null,
		r.decline_reason ? ')' : null, r.outcome ? ' (' : null,
		r.outcome ? codeNode('ref.outcome', r.outcome) : null,
		r.outcome ? ')' : null),
	    r.status === 'sent' || r.status === 'expired' ?
		dueNode(r.answer_due, r.expired) : none(),
	    (r.notes ?? []).length > 0 ? h('ul', {
		class: 'utrecht-unordered-list' }, r.notes.map((n) => h('li', {
		class: 'utrecht-unordered-list__item' }, dateNode(n.at, 'date'),
		` ${n.org_name}: `, String(n.text ?? '')))) : none(),
	    acts.length > 0 ? h('div', { class: 'utrecht-button-group' },
		...acts) : none(),
	];
}

function fillSection(host, hooks, c, res) {
	const refs = res?.referrals ?? [];
	const escs = res?.escalations ?? [];
	const uptake = res?.uptake ?? [];
	const open = (c.needs ?? []).filter((n) => n.status === 'open');
	const parts = [para('ref.case.intro')];
	for (const u of uptake.filter((x) => x.missed))
		parts.push(alertBox('warning', null, para('ref.uptake.missed',
		    { need: String(u.need) })));
	for (const n of open) {
		const u = uptake.find((x) => x.need_id === n.id);
		const d = h('details', { class: 'app-details' },
		    h('summary', { i18n: 'ref.refer', args: { need: n.need } }));
		d.addEventListener('toggle', () => {
			if (d.open && d.children.length === 1)
				d.append(referForm(hooks, { need_id: n.id,
				    need: n.need }));
		}, { once: false });
		parts.push(h('div', {}, d, u && !u.taken_up ? para(
		    'ref.uptake.due', { need: n.need }) : null, u &&
		    !u.taken_up ? dueNode(u.due, u.missed) : null));
	}
	parts.push(refs.length === 0 ? para('ref.case.none') :
	    table('case-referrals', ['ref.col.need', 'ref.col.to',
		'ref.col.status', 'ref.col.due', 'ref.notes.title',
		'ref.col.actions'], refs.map((r) => referralRow(hooks, r))));
	parts.push(h('h3', { class: 'utrecht-heading-3', id: 'case-esc',
	    i18n: 'esc.case.title' }));
	parts.push(escs.length === 0 ? para('esc.case.none') :
	    table('case-esc', ['esc.col.ground', 'esc.col.status',
		'esc.col.to', 'esc.col.outcome', 'esc.answer'],
	    escs.map((e) => [codeNode('esc.ground', e.ground),
		codeNode('esc.status', e.status), String(e.to_org_name ?? ''),
		e.outcome ? codeNode('esc.outcome', e.outcome) : none(),
		e.answer ? freeText(e.answer) : none()])));
	const d = h('details', { class: 'app-details' },
	    h('summary', { i18n: 'esc.escalate' }));
	d.addEventListener('toggle', () => {
		if (d.open && d.children.length === 1)
			d.append(escalateForm(hooks, uptake));
	});
	parts.push(d);
	host.replaceChildren(...parts);
}

export function referralsSection(c, hooks) {
	if (!c || c.access !== 'team' || c.purged_at)
		return null;
	const host = h('div', { 'aria-busy': 'true' }, para('loading'));
	get(`/api/cases/${encodeURIComponent(hooks.id)}/referrals`).then(
	    (res) => {
		if (!hooks.page.current())
			return;
		host.removeAttribute('aria-busy');
		fillSection(host, hooks, c, res);
	}, (err) => {
		host.removeAttribute('aria-busy');
		host.replaceChildren();
		showError(null, host, err);
	});
	return section('case-referrals', 'ref.case.title', host);
}

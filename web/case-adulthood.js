// case-adulthood: turning 18, a part of the case page.
//
// adulthoodSection(c, hooks): for each minor victim of the case (the
// `adulthood` of GET /api/cases/{id}) the 18th birthday ("geschat" when
// it comes from an estimated age), the plan's due day and the next
// reminder, the flag when they turned 18 without a plan, the plan once
// set, and for the team the plan form (POST
// /api/cases/{id}/transition/{person}).
//
// adulthoodStart(me): a part of a coordinator's start page: plans due
// and persons who turned 18 without one (GET /api/transitions), each a
// link to its case; null when none.
//
// Names and notes are free text from people: shown as typed.

import { ApiError, get, post, showError } from './api.js';
import { alertBox, button, field, h, para } from './dom.js';
import { checkedValues, choice, dataList, dateNode, fieldset, freeText,
    none, section, textArea } from './parts.js';

const NOTE_MAX = 10000;

function nameOf(c, person) {
	const p = (c.persons ?? []).find((x) => x.id === person);
	return p?.person?.name ?? `#${person}`;
}

function planNode(p) {
	return dataList([
	    ['adult.plan.continues', h('span', {},
		...p.continues.flatMap((x, i) => [i > 0 ? ', ' : null,
		h('span', { i18n: `adult.continues.${x}` })]))],
	    ['adult.plan.youth_care_from', p.youth_care_from ?
		dateNode(p.youth_care_from, 'day') : null],
	    ['adult.plan.payer', h('span', {},
		h('span', { i18n: `adult.payer.${p.payer}` }),
		p.payer_text ? ': ' : null,
		p.payer_text ? freeText(p.payer_text) : null)],
	    ['adult.plan.same_professional', h('span', {},
		h('span', { i18n: p.same_professional ? 'adult.yes' :
		    'adult.no' }),
		p.professional ? ': ' : null,
		p.professional ? freeText(p.professional) : null)],
	    ['adult.plan.notes', p.notes ? freeText(p.notes) : null],
	    ['adult.plan.first_at', dateNode(p.first_at, 'day')],
	    ['adult.plan.in_time', h('span', { i18n: p.on_time ?
		'adult.plan.on_time' : p.before_18 ? 'adult.plan.late' :
		'adult.plan.after_18' })],
	], { 'data-plan': 'true' });
}

function planForm(c, a, hooks) {
	const errors = h('div', { class: 'app-alerts' });
	const boxes = fieldset({ legend: 'adult.form.continues',
	    field: 'continues', required: true },
	    ...c.adulthood.continues_codes.map((code) => choice({
		name: 'continues', value: code,
		key: `adult.continues.${code}`,
		checked: a.plan?.continues?.includes(code) })));
	const ycf = field({ name: 'youth_care_from', type: 'date',
	    key: 'adult.form.youth_care_from',
	    hint: 'adult.form.youth_care_from.hint' });
	const payer = field({ name: 'payer', key: 'adult.form.payer',
	    required: true, placeholder: 'adult.form.choose',
	    options: c.adulthood.payers.map((p) => ({ value: p,
		key: `adult.payer.${p}` })) });
	const payerText = field({ name: 'payer_text',
	    key: 'adult.form.payer_text' });
	const same = choice({ name: 'same_professional', value: 'yes',
	    key: 'adult.form.same_professional',
	    checked: a.plan?.same_professional });
	const prof = field({ name: 'professional',
	    key: 'adult.form.professional' });
	const notes = textArea({ name: 'notes', key: 'adult.form.notes',
	    rows: 3, maxlength: NOTE_MAX });
	if (a.plan) {
		ycf.control.value = a.plan.youth_care_from ?? '';
		payer.control.value = a.plan.payer ?? '';
		payerText.control.value = a.plan.payer_text ?? '';
		prof.control.value = a.plan.professional ?? '';
		notes.control.value = a.plan.notes ?? '';
	}
	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true, 'data-person': String(a.person),
	    i18nAttr: { 'aria-label': 'adult.form' } },
	    errors, boxes, ycf, payer, payerText, same, prof, notes,
	    h('div', { class: 'utrecht-button-group' },
		button('adult.form.submit', 'primary', { type: 'submit' })));
	let busy = false;
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		if (busy)
			return;
		hooks.status.replaceChildren();
		errors.replaceChildren();
		const text = (el) => el.control.value.trim() || null;
		const body = { continues: checkedValues(form, 'continues'),
		    payer: payer.control.value || null,
		    payer_text: text(payerText),
		    same_professional: same.control.checked,
		    professional: same.control.checked ? text(prof) : null,
		    notes: text(notes) };
		if (body.continues.includes('continued_youth_care'))
			body.youth_care_from = ycf.control.value || null;
		busy = true;
		form.setAttribute('aria-busy', 'true');
		try {
			await post(`/api/cases/${encodeURIComponent(hooks.id)}` +
			    `/transition/${encodeURIComponent(a.person)}`, body);
			if (!hooks.page.current())
				return;
			hooks.status.append(alertBox('ok', null,
			    para('adult.done')));
			await hooks.reload('#adulthood');
		} catch (err) {
			if (!hooks.page.current())
				return;
			if (err instanceof ApiError && err.status === 409)
				showError(null, errors, err);
			else
				showError(form, errors, err);
		} finally {
			busy = false;
			form.removeAttribute('aria-busy');
		}
	});
	return form;
}

function personPart(c, a, hooks) {
	const name = nameOf(c, a.person);
	return h('div', { class: 'app-adult', 'data-person':
	    String(a.person) },
	    h('h3', { class: 'utrecht-heading-3', text: name }),
	    a.without_plan ? alertBox('warning', null,
		para('adult.without_plan')) : null,
	    dataList([
		['adult.on', a.adult_on ? h('span', {},
		    dateNode(a.adult_on, 'day'), a.estimated ? ' (' : null,
		    a.estimated ? h('span', { i18n: 'adult.estimated' }) :
		    null, a.estimated ? ')' : null) : none()],
		['adult.age_band', a.age_band ?? null],
		['adult.plan_due', a.plan_due && !a.plan ?
		    dateNode(a.plan_due, 'day') : null],
		['adult.next_reminder', a.next_reminder ?
		    dateNode(a.next_reminder, 'day') : null],
	    ]),
	    a.plan ? planNode(a.plan) : para('adult.no_plan'),
	    c.adulthood.may_change && a.adult_on ? planForm(c, a, hooks) :
	    null);
}

// The part of the case page for turning 18, or null.
export function adulthoodSection(c, hooks) {
	const t = c?.adulthood;
	if (!t || !Array.isArray(t.persons) || t.persons.length === 0)
		return null;
	return section('adulthood', 'adult.title', para('adult.intro'),
	    ...t.persons.map((a) => personPart(c, a, hooks)),
	    h('p', { class: 'utrecht-paragraph app-detail' },
		h('span', { i18n: 'adult.source' }), ' ',
		h('span', { lang: 'en', text: t.youth_care_source })));
}

// For a coordinator's start page: plans due and who turned 18 without
// one; null when there are none.
export async function adulthoodStart(me) {
	if (me?.role !== 'coordinator')
		return null;
	let due;
	try {
		due = (await get('/api/transitions')).due;
	} catch (err) {
		const host = h('div', { class: 'app-alerts' });
		showError(null, host, err);
		return host;
	}
	if (!Array.isArray(due) || due.length === 0)
		return null;
	return section('start-adulthood', 'adult.start.title',
	    para('adult.start.intro'),
	    h('ul', { class: 'utrecht-unordered-list app-due-list' },
		due.map((d) => h('li', { class: 'utrecht-unordered-list__item',
		    'data-case': String(d.case_id), 'data-kind': d.kind },
		    h('a', { class: 'utrecht-link',
			href: `#/cases/${encodeURIComponent(d.case_id)}`,
			i18n: 'adult.start.case', args: { id: d.case_id } }),
		    ': ',
		    h('span', { i18n: `adult.start.${d.kind}` }),
		    d.stage ? ' (' : null,
		    d.stage ? h('span', { i18n: `adult.stage.${d.stage}` }) :
		    null, d.stage ? ')' : null))));
}

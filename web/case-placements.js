// case-placements: where the victims of a case stay (GET
// /api/cases/{id}/placements), as a part of the case page: each
// placement with its person, type, provider, days, status and, for
// closed youth care, the court's authorisations, the alternatives that
// were considered and the warnings (an authorisation ending, an
// emergency authorisation past its legal maximum).  The team records a
// placement (POST /api/cases/{id}/placements): for closed youth care the
// form asks for the authorisation and at least one less restrictive
// alternative, and the server's field errors appear at the fields; the
// team ends a placement and adds a new authorisation to a closed one.
//
// placementsSection(c, hooks): c is GET /api/cases/{id}; hooks is {id,
// page, reload(focusSelector), errors, status}.  The section loads its
// own data; null for who sees only part of a case.

import { get, showError } from './api.js';
import { submitCaseForm } from './case-form.js';
import { alertBox, button, field, h, para, setOptions, table }
    from './dom.js';
import { codeNode, dataList, dateNode, fieldset, freeText, none, section,
    textArea, today } from './parts.js';

const HEADING = '#case-placements';
const TEXT_MAX = 10000;
const ALTERNATIVES_MAX = 10;
const TYPES = ['categorical_shelter', 'womens_shelter',
    'shelter_serious_disadvantage', 'residential_youth_care', 'foster_care',
    'closed_youth_care', 'other'];
const KINDS = ['authorisation', 'emergency', 'conditional'];
const ALTERNATIVES = ['residential_youth_care', 'foster_care',
    'intensive_ambulant', 'family_support', 'other'];
const END_REASONS = ['completed', 'next_placement', 'left', 'went_missing',
    'authorisation_ended', 'cancelled', 'other'];

// Provider organisations for the select, read once.
let providers = null;
async function loadProviders() {
	if (providers === null) {
		const r = await get('/api/providers/names');
		providers = (r?.providers ?? []).map((p) => ({
		    value: String(p.id), text: String(p.name) }));
	}
	return providers;
}

function personName(c, id) {
	const p = (c.persons ?? []).find((x) => x.id === id);
	return p?.person?.name ? String(p.person.name) :
	    h('span', { i18n: 'placement.person.unnamed', args: { id } });
}

function dateInput(name, key, opts = {}) {
	return field({ name, key, type: 'date', hint: opts.hint,
	    required: opts.required });
}

function options(prefix, codes) {
	return codes.map((code) => ({ value: code, key: `${prefix}.${code}` }));
}

function value(wrap) {
	const v = wrap.control.value.trim();
	return v === '' ? null : v;
}

// One alternative considered: its code and why it did not suffice.
function alternativePart(i) {
	const code = field({ name: `alternatives[${i}].code`,
	    key: 'placement.alternative.code', required: true,
	    placeholder: 'placement.choose',
	    options: options('placement.alternative', ALTERNATIVES) });
	const why = textArea({ name: `alternatives[${i}].why`,
	    key: 'placement.alternative.why', rows: 2, maxlength: TEXT_MAX,
	    required: true });
	return { el: h('div', { class: 'app-alternative' }, code, why),
	    value: () => ({ code: value(code), why: value(why) }) };
}

function recordForm(c, hooks) {
	const errors = h('div', { class: 'app-alerts' });
	const person = field({ name: 'person_id', key: 'placement.person',
	    required: true, placeholder: 'placement.choose',
	    options: (c.persons ?? []).map((p) => ({ value: String(p.id),
		text: p.person?.name ? String(p.person.name) :
		    `#${p.id}` })) });
	const type = field({ name: 'type', key: 'placement.type',
	    required: true, placeholder: 'placement.choose',
	    options: options('placement.type', TYPES) });
	const other = textArea({ name: 'other_text', key: 'placement.other',
	    hint: 'placement.other.hint', rows: 2, maxlength: TEXT_MAX });
	const provider = field({ name: 'provider_org_id',
	    key: 'placement.provider', hint: 'placement.provider.hint',
	    placeholder: 'placement.provider.none', options: [] });
	const from = dateInput('from', 'placement.from', { required: true });
	const until = dateInput('until', 'placement.until',
	    { hint: 'placement.until.hint' });
	const review = dateInput('review_on', 'placement.review_on',
	    { hint: 'placement.review_on.hint' });
	from.control.value = today();

	// Closed youth care: no, unless.
	const kind = field({ name: 'authorisation_kind',
	    key: 'placement.auth.kind', required: true,
	    placeholder: 'placement.choose',
	    options: options('placement.auth', KINDS) });
	const decided = dateInput('decided_on', 'placement.auth.decided_on',
	    { required: true });
	const validFrom = dateInput('valid_from', 'placement.auth.valid_from',
	    { required: true });
	const validUntil = dateInput('valid_until',
	    'placement.auth.valid_until', { required: true,
	    hint: 'placement.auth.valid_until.hint' });
	const alts = [alternativePart(0)];
	const altList = h('div', {}, alts[0].el);
	const addAlt = button('placement.alternative.add', 'secondary');
	addAlt.addEventListener('click', () => {
		if (alts.length >= ALTERNATIVES_MAX)
			return;
		const a = alternativePart(alts.length);
		alts.push(a);
		altList.append(a.el);
		a.el.querySelector('select')?.focus();
	});
	const closed = h('div', { class: 'app-closed-care', hidden: true },
	    alertBox('info', null, para('placement.closed.intro')),
	    fieldset({ legend: 'placement.auth.legend',
		field: 'authorisation' }, kind, decided, validFrom, validUntil),
	    fieldset({ legend: 'placement.alternatives.legend',
		hint: 'placement.alternatives.hint', field: 'alternatives',
		required: true }, altList,
		h('div', { class: 'utrecht-button-group' }, addAlt)));
	const showClosed = () => {
		closed.hidden = type.control.value !== 'closed_youth_care';
		other.hidden = type.control.value !== 'other';
	};
	type.control.addEventListener('change', showClosed);
	showClosed();

	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true, id: 'placement-form',
	    i18nAttr: { 'aria-label': 'placement.form' } },
	    errors, person, type, other, provider, from, until, review, closed,
	    h('div', { class: 'utrecht-button-group' },
		button('placement.submit', 'primary', { type: 'submit' })));
	loadProviders().then((list) => {
		setOptions(provider.control, list, true);
	}, () => {});
	submitCaseForm(hooks, {
		form, errors, focus: HEADING, doneKey: 'placement.recorded',
		path: `/api/cases/${encodeURIComponent(hooks.id)}/placements`,
		check: () => {
			const bad = [];
			if (!person.control.value)
				bad.push({ field: 'person_id',
				    key: 'placement.missing' });
			if (!type.control.value)
				bad.push({ field: 'type',
				    key: 'placement.missing' });
			return bad;
		},
		body: () => {
			const b = { person_id: Number(person.control.value),
			    type: type.control.value, from: value(from),
			    until: value(until), review_on: value(review),
			    provider_org_id: provider.control.value ?
				Number(provider.control.value) : null };
			if (b.type === 'other')
				b.other_text = value(other);
			if (b.type === 'closed_youth_care') {
				b.authorisation_kind = value(kind);
				b.decided_on = value(decided);
				b.valid_from = value(validFrom);
				b.valid_until = value(validUntil);
				b.alternatives = alts.map((a) => a.value())
				    .filter((a) => a.code || a.why);
			}
			return b;
		},
	});
	return h('details', { class: 'app-details' },
	    h('summary', { i18n: 'placement.new' }), form);
}

function endForm(p, hooks) {
	const errors = h('div', { class: 'app-alerts' });
	const on = dateInput('on', 'placement.end.on', { required: true });
	on.control.value = today();
	const reason = field({ name: 'reason', key: 'placement.end.reason',
	    required: true, placeholder: 'placement.choose',
	    options: options('placement.end', END_REASONS) });
	const form = h('form', { class: 'app-form', novalidate: true,
	    i18nAttr: { 'aria-label': 'placement.end.form' } }, errors, on,
	    reason, h('div', { class: 'utrecht-button-group' },
		button('placement.end.submit', 'secondary',
		    { type: 'submit' })));
	submitCaseForm(hooks, {
		form, errors, focus: HEADING, doneKey: 'placement.ended',
		path: `/api/cases/${encodeURIComponent(hooks.id)}/placements/` +
		    `${encodeURIComponent(p.id)}/end`,
		body: () => ({ on: value(on), reason: value(reason) }),
	});
	return h('details', { class: 'app-details' },
	    h('summary', { i18n: 'placement.end' }), form);
}

function renewForm(p, hooks) {
	const errors = h('div', { class: 'app-alerts' });
	const kind = field({ name: 'authorisation_kind',
	    key: 'placement.auth.kind', required: true,
	    placeholder: 'placement.choose',
	    options: options('placement.auth', KINDS) });
	const decided = dateInput('decided_on', 'placement.auth.decided_on',
	    { required: true });
	const validFrom = dateInput('valid_from', 'placement.auth.valid_from',
	    { required: true });
	const validUntil = dateInput('valid_until',
	    'placement.auth.valid_until', { required: true,
	    hint: 'placement.auth.valid_until.hint' });
	const form = h('form', { class: 'app-form', novalidate: true,
	    i18nAttr: { 'aria-label': 'placement.renew.form' } }, errors, kind,
	    decided, validFrom, validUntil,
	    h('div', { class: 'utrecht-button-group' },
		button('placement.renew.submit', 'secondary',
		    { type: 'submit' })));
	submitCaseForm(hooks, {
		form, errors, focus: HEADING, doneKey: 'placement.renewed',
		path: `/api/cases/${encodeURIComponent(hooks.id)}/placements/` +
		    `${encodeURIComponent(p.id)}/authorisations`,
		body: () => ({ authorisation_kind: value(kind),
		    decided_on: value(decided), valid_from: value(validFrom),
		    valid_until: value(validUntil) }),
	});
	return h('details', { class: 'app-details' },
	    h('summary', { i18n: 'placement.renew' }), form);
}

function warnings(p) {
	const w = p.warnings ?? {};
	const out = [];
	if (w.emergency_overrun)
		out.push(alertBox('error', null, para('placement.warn.overrun',
		    { date: String(w.authorisation_ends ?? '') })));
	else if (w.authorisation_expired)
		out.push(alertBox('error', null, para('placement.warn.expired',
		    { date: String(w.authorisation_ends ?? '') })));
	if (w.authorisation_ending)
		out.push(alertBox('warning', null,
		    para('placement.warn.ending',
		    { date: String(w.authorisation_ends ?? '') })));
	return out;
}

function placementPart(c, p, hooks, work) {
	const hid = `placement-${p.id}`;
	const closedCare = p.type === 'closed_youth_care';
	return h('article', { class: 'app-placement', 'aria-labelledby': hid },
	    h('h3', { class: 'utrecht-heading-3', id: hid },
		codeNode('placement.type', p.type), ' — ',
		personName(c, p.person_id)),
	    ...warnings(p),
	    dataList([
		['placement.status', h('span', {},
		    codeNode('placement.status', p.status),
		    p.end_reason ? ' (' : null, p.end_reason ?
		    codeNode('placement.end', p.end_reason) : null,
		    p.end_reason ? ')' : null)],
		['placement.from', dateNode(p.from, 'day')],
		['placement.until', p.until ? dateNode(p.until, 'day') :
		    h('span', { i18n: 'placement.open' })],
		['placement.provider', p.provider_name ?
		    String(p.provider_name) : none()],
		p.type === 'other' ? ['placement.other',
		    freeText(p.other_text)] : null,
		['placement.review_on', p.review_on ?
		    dateNode(p.review_on, 'day') : none()],
	    ].filter(Boolean)),
	    closedCare ? h('p', { class: 'utrecht-paragraph' },
		h('strong', { i18n: 'placement.auth.legend' })) : null,
	    closedCare ? table(hid, ['placement.auth.kind',
		'placement.auth.decided_on', 'placement.auth.valid_from',
		'placement.auth.valid_until'], (p.authorisations ?? [])
		.map((a) => [codeNode('placement.auth', a.kind),
		dateNode(a.decided_on, 'day'), dateNode(a.valid_from, 'day'),
		dateNode(a.valid_until, 'day')])) : null,
	    closedCare ? h('p', { class: 'utrecht-paragraph' },
		h('strong', { i18n: 'placement.alternatives.legend' })) : null,
	    closedCare ? dataList((p.alternatives ?? []).map((a) =>
		[`placement.alternative.${a.code}`, freeText(a.why)])) : null,
	    work && closedCare && p.status !== 'ended' ?
		renewForm(p, hooks) : null,
	    work && p.status !== 'ended' ? endForm(p, hooks) : null);
}

export function placementsSection(c, hooks) {
	if (!c || !['team', 'emergency', 'receiving'].includes(c.access))
		return null;
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	const el = section('case-placements', 'placement.title', errors,
	    body);
	get(`/api/cases/${encodeURIComponent(hooks.id)}/placements`)
	    .then((res) => {
		if (!hooks.page.current())
			return;
		const list = res?.placements ?? [];
		const work = res?.can_work === true;
		body.replaceChildren(...[
		    list.length === 0 ? para('placement.none') : null,
		    ...list.map((p) => placementPart(c, p, hooks, work)),
		    work ? recordForm(c, hooks) : null].filter(Boolean));
		body.removeAttribute('aria-busy');
	}, (err) => {
		body.replaceChildren();
		body.removeAttribute('aria-busy');
		showError(null, errors, err);
	});
	return el;
}

// parts: form and display parts the signal pages share, built from NL
// Design System classes like dom.js builds its own: text areas, groups of
// checkboxes and radio buttons in a fieldset with a legend, data lists,
// dates, words for the codes of signals (status, urgency, decision),
// sections under a heading and the list of who else is concerned.
// At the end, the fields of a signal itself (signalFields): the report
// form of a logged-in professional and the public form without an
// account fill in the same signal, so they share one set of fields.
//
// A group that can carry a field error is a fieldset with an id and
// data-field="name", so api.js puts the server's error on "name" (or on
// "name[3]") under its legend.

import { missing } from './api.js';
import { button, field, h, nextId, setOptions, table } from './dom.js';
import { formatDate, has, label, localized } from './i18n.js';

// Who may file a signal (and see their own); the API decides the same.
export const FILERS = ['reporter', 'advisor', 'coordinator', 'provider'];

// A labelled text area; opts as dom.field (name, key, id, hint, required,
// maxlength, rows).  Returns the wrapper; the control is wrapper.control.
export function textArea(opts) {
	const id = opts.id ?? nextId(`f-${opts.name}`);
	let hint = null;
	if (opts.hint)
		hint = h('div', { class: 'utrecht-form-field-description',
		    id: `${id}-hint`, i18n: opts.hint });
	const control = h('textarea', {
		class: 'utrecht-textarea utrecht-textarea--html-textarea',
		id, name: opts.name, rows: String(opts.rows ?? 4),
		// Not `required`: the theme paints an empty required text
		// area as invalid before anyone has typed.
		'aria-required': opts.required ? 'true' : null,
		maxlength: opts.maxlength,
		autocomplete: 'off',
		'aria-describedby': hint ? hint.id : null,
	});
	const wrap = h('div', { class: 'utrecht-form-field' },
	    h('div', { class: 'utrecht-form-field__label' },
		h('label', { class: 'utrecht-form-label', for: id },
		    h('span', { i18n: opts.key }),
		    opts.required ? ' ' : null,
		    opts.required ? h('span', { class: 'app-required',
			i18n: 'required' }) : null)),
	    hint,
	    h('div', { class: 'utrecht-form-field__input' }, control));
	wrap.control = control;
	return wrap;
}

// One checkbox or radio button with its label.  opts: {type, name,
// value, key (an i18n key, with args) or nl/en (data in both languages),
// checked, hint (an i18n key)}.  Returns the wrapper; the input is wrapper.control.
export function choice(opts) {
	const type = opts.type ?? 'checkbox';
	const id = opts.id ?? nextId(`f-${opts.name}`);
	const cls = type === 'radio' ? 'radio-button' : 'checkbox';
	let hint = null;
	if (opts.hint)
		hint = h('div', { class: 'utrecht-form-field-description',
		    id: `${id}-hint`, i18n: opts.hint });
	const control = h('input', {
		class: `utrecht-${cls} utrecht-${cls}--html-input` +
		    (type === 'radio' ? '' : ' utrecht-checkbox--custom'),
		type, id, name: opts.name, value: opts.value,
		checked: !!opts.checked,
		'aria-describedby': hint ? hint.id : null,
	});
	const text = h('span', opts.key ? { i18n: opts.key, args: opts.args } :
	    {});
	if (!opts.key)
		localized(text, opts.nl, opts.en);
	const wrap = h('div', { class: 'utrecht-form-field ' +
	    `utrecht-form-field--${type === 'radio' ? 'radio' : 'checkbox'}` },
	    h('div', { class: 'utrecht-form-field__label' },
		h('label', { class: 'utrecht-form-label ' +
		    `utrecht-form-label--${type === 'radio' ? 'radio' :
		    'checkbox'}`, for: id }, text)),
	    hint,
	    h('div', { class: 'utrecht-form-field__input' }, control));
	wrap.control = control;
	return wrap;
}

// A fieldset with a legend (an i18n key, or a node) and an optional hint
// tied to it.  field: the name its field errors come under.
export function fieldset(opts, ...children) {
	const id = opts.id ?? nextId(`set-${opts.field ?? 'group'}`);
	const text = typeof opts.legend === 'string' ?
	    h('span', { i18n: opts.legend }) : opts.legend;
	// The theme shows a legend as a table, which drops a space between
	// its children: "(required)" goes in one span with the text.
	const legend = h('legend', { class: 'utrecht-form-fieldset__legend ' +
	    'utrecht-form-fieldset__legend--html-legend ' +
	    (opts.legendClass ?? '') },
	    opts.required ? h('span', {}, text, ' ', h('span', {
		class: 'app-required', i18n: 'required' })) : text);
	let hint = null;
	if (opts.hint)
		hint = h('div', { class: 'utrecht-form-field-description',
		    id: `${id}-hint`, i18n: opts.hint });
	return h('fieldset', { class: 'utrecht-form-fieldset ' +
	    'utrecht-form-fieldset--html-fieldset ' + (opts.class ?? ''),
	    id, 'data-field': opts.field,
	    'aria-describedby': hint ? hint.id : null },
	    legend, hint, ...children);
}

// The values of the checked boxes called name inside root.
export function checkedValues(root, name) {
	return [...root.querySelectorAll('input[type="checkbox"]')]
	    .filter((el) => el.name === name && el.checked)
	    .map((el) => el.value);
}

// A data list: rows of [i18n key, value node or string].  Rows whose
// value is null are left out.
export function dataList(rows, props = {}) {
	return h('dl', { class: 'utrecht-data-list utrecht-data-list--rows ' +
	    'app-data-list', ...props },
	    rows.filter(([, v]) => v !== null && v !== undefined)
		.map(([key, v]) => h('div', {
		    class: 'utrecht-data-list__item' },
		    h('dt', { class: 'utrecht-data-list__item-key',
			i18n: key }),
		    h('dd', { class: 'utrecht-data-list__item-value ' +
			'utrecht-data-list__item-value--html-dd' }, v))));
}

// A date that follows the language; style 'day' shows the day only.
export function dateNode(value, style) {
	return h('span', { 'data-i18n-date': String(value ?? ''),
	    'data-i18n-date-style': style ?? null,
	    text: formatDate(value, style) });
}

// How far a deadline is, in words, from the server's due_in_days and
// due_in_workdays (Dutch working days; negative when late): "vandaag",
// "morgen", "over 3 werkdagen", "2 werkdagen te laat".  An acute
// signal, or one late only over a weekend, counts calendar days.
export function dueIn(s, acute) {
	const days = s?.due_in_days, work = s?.due_in_workdays;
	if (typeof days !== 'number' || typeof work !== 'number')
		return null;
	let key = 'due.workdays', count = work;
	if (days < 0 && (acute || work === 0)) {
		key = 'due.late.days';
		count = -days;
	} else if (days < 0) {
		key = 'due.late.workdays';
		count = -work;
	} else if (days === 0) {
		key = 'due.today';
	} else if (days === 1) {
		key = 'due.tomorrow';
	}
	return h(days < 0 ? 'strong' : 'span', { class: days < 0 ?
	    'app-due-in app-overdue' : 'app-due-in', i18n: key,
	    args: { count } });
}

// The word for a code: the text of prefix.code when there is one, else
// the code itself as data.
export function codeNode(prefix, code) {
	const key = `${prefix}.${code}`;
	return has(key) ? h('span', { i18n: key }) :
	    h('span', { text: String(code ?? '') });
}

// A text in both languages from the catalogue, as a span.
export function bilingual(nl, en) {
	return localized(h('span'), nl, en);
}

// "Nothing" in a table cell or data list, in words.
export function none() {
	return h('span', { class: 'app-none', i18n: 'signal.none' });
}

// An empty person field (no coordinator, nobody claimed it): "nobody".
export function nobody() {
	return h('span', { class: 'app-none', i18n: 'value.nobody' });
}

// Free text from a person: kept as typed, line breaks included.
export function freeText(text) {
	if (text === null || text === undefined || text === '')
		return none();
	return h('span', { class: 'app-free-text', text: String(text) });
}

// A section named by its h2 (id hid, text key).  The heading takes focus
// from script, so an action in the section can bring the user back to it.
export function section(hid, key, ...content) {
	return h('section', { 'aria-labelledby': hid },
	    h('h2', { class: 'utrecht-heading-2', id: hid, tabindex: '-1',
		i18n: key }), ...content);
}

// A phone number as typed, as a link that dials it.
export function telLink(phone) {
	if (phone === null || phone === undefined || phone === '')
		return none();
	const digits = String(phone).replace(/[^0-9+]/g, '');
	if (digits === '')
		return h('span', { text: String(phone) });
	return h('a', { class: 'utrecht-link app-nowrap',
	    href: `tel:${digits}`, text: String(phone) });
}

// The other professionals worried about the same person (a signal's
// also_concerned): who they are and how to reach them, nothing else of
// their signal.  null when there are none.
export function concernedSection(hid, list) {
	if (!Array.isArray(list) || list.length === 0)
		return null;
	return section(hid, 'concerned.title',
	    h('p', { class: 'utrecht-paragraph', i18n: 'concerned.intro' }),
	    table(hid, ['concerned.col.name', 'concerned.col.org',
		'concerned.col.phone'],
	    list.map((c) => [
		// The real name where the account has one, its login beside.
		c.real_name ? `${c.real_name} (${c.username ?? ''})` :
		    String(c.username ?? ''),
		String(c.org_name ?? ''),
		telLink(c.phone),
	    ])));
}

// Today in the browser's own time zone as YYYY-MM-DD.
export function today() {
	const d = new Date();
	const pad = (n) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-` +
	    pad(d.getDate());
}

// The signal form's fields and their limits, as the API takes them.
export const URGENCIES = ['acute', 'days', 'not_urgent'];
const SEXES = ['female', 'male', 'other', 'unknown'];
const NATIONALITIES = ['dutch', 'eu', 'non_eu', 'unknown'];
const MAX_SUSPECTS = 4;
const DESCRIPTION_MAX = 10000;
const ACTIONS_MAX = 5000;

// The name of an indicator group in both languages (catalog.js has the
// same as groupNode; it imports this module, so it is not imported here).
function groupName(cat, key) {
	const g = cat.group.get(key);
	return g ? bilingual(g.nl, g.en) : h('span', { text: String(key) });
}

// A person's part of the form.  kind: 'victim' or 'suspect'.  Returns
// {el, kind, setIndex(i), setNumber(n), hasData(), value(), invalid(),
// focus()}: setIndex names the controls persons[i].x, setNumber counts
// the suspects in their legends.
export function personPart(kind, cat, onRemove) {
	const controls = [];
	const named = (suffix, wrap) => {
		wrap.control.dataset.suffix = suffix;
		controls.push(wrap.control);
		return wrap;
	};
	const name = named('name', field({ name: 'name', key: 'person.name',
	    autocomplete: 'off', maxlength: 200, spellcheck: 'false' }));
	const birth = named('birth_date', field({ name: 'birth_date',
	    key: 'person.birth_date', type: 'date', autocomplete: 'off' }));
	birth.control.max = today();
	const age = named('estimated_age', field({ name: 'estimated_age',
	    key: 'person.estimated_age', hint: 'person.estimated_age.hint',
	    inputmode: 'numeric', maxlength: 3, autocomplete: 'off' }));
	age.control.classList.add('app-short');
	const sex = named('sex', field({ name: 'sex', key: 'person.sex',
	    placeholder: 'person.not_given',
	    options: SEXES.map((v) => ({ value: v, key: `sex.${v}` })) }));
	const nat = named('nationality', field({ name: 'nationality',
	    key: 'person.nationality', placeholder: 'person.not_given',
	    options: NATIONALITIES.map((v) => ({ value: v,
		key: `nationality.${v}` })) }));
	const idno = named('id_number', field({ name: 'id_number',
	    key: 'person.id_number', hint: 'person.id_number.hint',
	    autocomplete: 'off', maxlength: 20, spellcheck: 'false' }));
	const phone = named('phone', field({ name: 'phone',
	    key: 'person.phone', type: 'tel', autocomplete: 'off',
	    maxlength: 40 }));
	const langs = named('languages', field({ name: 'languages',
	    key: 'person.languages', hint: 'person.languages.hint',
	    autocomplete: 'off', maxlength: 200 }));

	let markers = null;
	if (kind === 'victim' && cat.markers.length > 0) {
		markers = fieldset({ legend: 'person.markers',
		    hint: 'person.markers.hint', field: 'markers',
		    class: 'app-choices' },
		    ...cat.markers.map((m) => choice({ name: 'markers',
			value: m.key, nl: m.nl, en: m.en })));
	}

	const legendText = h('span', { i18n: kind === 'suspect' ?
	    'person.suspect.n' : `person.${kind}`, args: { n: 1 } });
	const remove = onRemove ? button('person.remove', 'secondary') : null;
	const set = fieldset({ legend: legendText, class: 'app-person',
	    legendClass: 'app-person__legend' },
	    h('div', { class: 'app-person__fields' },
		name, birth, age, sex, nat, idno, phone, langs),
	    markers,
	    remove ? h('div', { class: 'utrecht-button-group' }, remove) :
		null);
	const part = {
		el: set,
		kind,
		setIndex(i) {
			set.setAttribute('data-field', `persons[${i}]`);
			for (const c of controls)
				c.name = `persons[${i}].${c.dataset.suffix}`;
			if (markers) {
				markers.setAttribute('data-field',
				    `persons[${i}].markers`);
				for (const b of markers
				    .querySelectorAll('input'))
					b.name = `persons[${i}].markers`;
			}
		},
		setNumber(n) {
			label(legendText, legendText.getAttribute('data-i18n'),
			    { n });
			if (remove)
				label(remove, 'person.remove', { n });
		},
		hasData() {
			return controls.some((c) => c.value.trim() !== '') ||
			    (markers !== null &&
			    markers.querySelector('input:checked') !== null);
		},
		// Only what was filled in; null when nothing was.
		value() {
			if (!part.hasData())
				return null;
			const p = { kind };
			for (const c of controls) {
				const v = c.value.trim();
				if (v === '')
					continue;
				p[c.dataset.suffix] = c.dataset.suffix ===
				    'estimated_age' && /^\d{1,3}$/.test(v) ?
				    Number(v) : v;
			}
			if (markers) {
				const list = [...markers.querySelectorAll(
				    'input:checked')].map((b) => b.value);
				if (list.length > 0)
					p.markers = list;
			}
			return p;
		},
		// Client checks: [{field, key}] with the current names.
		invalid() {
			const v = age.control.value.trim();
			if (v !== '' && !/^\d{1,3}$/.test(v))
				return [{ field: age.control.name,
				    key: 'reason.integer' }];
			return [];
		},
		focus() {
			name.control.focus();
		},
	};
	if (remove)
		remove.addEventListener('click', () => onRemove(part));
	return part;
}

// The indicator checklist: per group a <details> holding a fieldset,
// per category a fieldset of checkboxes.  The summary says how many are
// ticked, so a closed group still shows what it holds.
export function indicatorChecklist(cat) {
	const groups = cat.groups.length > 0 ? cat.groups :
	    [...new Set(cat.indicators.map((i) => i.group))]
		.map((key) => ({ key, nl: key, en: key }));
	const parts = [];
	for (const g of groups) {
		const items = cat.indicators.filter((i) => i.group === g.key);
		if (items.length === 0)
			continue;
		const count = h('span', { class: 'app-count',
		    i18n: 'signal.indicators.count',
		    args: { count: 0, total: items.length } });
		const cats = [];
		for (const i of items) {
			const c = `${i.category_nl}\u0000${i.category_en}`;
			let last = cats[cats.length - 1];
			if (!last || last.c !== c) {
				last = { c, nl: i.category_nl,
				    en: i.category_en, items: [] };
				cats.push(last);
			}
			last.items.push(i);
		}
		const body = fieldset({ legend: groupName(cat, g.key),
		    legendClass: 'app-visually-hidden',
		    class: 'app-indicator-group' },
		    ...cats.map((c) => fieldset({
			legend: bilingual(c.nl, c.en),
			legendClass: 'app-category',
			class: 'app-choices' },
			...c.items.map((i) => choice({ name: 'indicators',
			    value: i.id, nl: i.text_nl, en: i.text_en })))));
		const details = h('details', { class: 'app-group' },
		    h('summary', { class: 'app-group__summary' },
			h('span', { class: 'app-group__name' },
			    groupName(cat, g.key)), ' ', count),
		    body);
		details.addEventListener('change', () => {
			const n = details.querySelectorAll('input:checked')
			    .length;
			label(count, 'signal.indicators.count',
			    { count: n, total: items.length });
		});
		parts.push(details);
	}
	return fieldset({ legend: 'signal.indicators', field: 'indicators',
	    hint: 'signal.indicators.hint', class: 'app-checklist' },
	    ...parts);
}

// The help the person seems to need, optional: one <details>, closed at
// first so it costs a hurried reporter nothing, holding a fieldset of
// checkboxes per domain of the catalogue (safety, health, ...).  The
// summary says how many are ticked.
export function helpNeedChecklist(cat) {
	const up = (s) => String(s ?? '').charAt(0).toUpperCase() +
	    String(s ?? '').slice(1);
	const domains = [];
	for (const n of cat.help_needs ?? []) {
		let last = domains[domains.length - 1];
		if (!last || last.key !== n.domain) {
			last = { key: n.domain, nl: up(n.domain_nl),
			    en: up(n.domain), items: [] };
			domains.push(last);
		}
		last.items.push(n);
	}
	const count = h('span', { class: 'app-count',
	    i18n: 'signal.help_needs.count', args: { count: 0 } });
	const details = h('details', { class: 'app-group' },
	    h('summary', { class: 'app-group__summary' },
		h('span', { class: 'app-group__name',
		    i18n: 'signal.help_needs.open' }), ' ', count),
	    ...domains.map((d) => fieldset({ legend: bilingual(d.nl, d.en),
		legendClass: 'app-category', class: 'app-choices' },
		...d.items.map((n) => choice({ name: 'help_needs',
		    value: n.id, nl: n.text_nl, en: n.text_en })))));
	details.addEventListener('change', () => {
		label(count, 'signal.help_needs.count', { count: details
		    .querySelectorAll('input:checked').length });
	});
	return fieldset({ legend: 'signal.help_needs', field: 'help_needs',
	    hint: 'signal.help_needs.hint', class: 'app-checklist' }, details);
}

// The fields of a signal, as the report form and the public form show
// them.  cat and munis come from loadCatalog() and loadMunicipalities();
// emergencyPanel(role) makes the panel with the emergency numbers that
// appears under the urgency as soon as "acute" is chosen.
//
// Returns {where, what, who}: the nodes of the form's three sections
// (the caller adds the headings), check(form): the client checks as
// [{field, key}] for showInvalid (it also names the people's controls as
// they will be sent, so the server's errors land on the right person),
// and body(): the fields as POST /api/signals takes them.  Call check()
// before body().
export function signalFields(cat, munis, emergencyPanel) {
	const muni = field({ name: 'municipality', key: 'signal.municipality',
	    hint: 'signal.municipality.hint', required: true,
	    placeholder: 'signal.municipality.choose', options: [] });
	setOptions(muni.control, munis.map((m) => ({ value: m.code,
	    text: m.label })), true);
	const noticed = field({ name: 'noticed_on', key: 'signal.noticed_on',
	    type: 'date', hint: 'signal.noticed_on.hint',
	    autocomplete: 'off' });
	noticed.control.value = today();
	noticed.control.max = today();

	const emergency = h('div', { class: 'app-emergency' });
	const urgency = fieldset({ legend: 'signal.urgency', field: 'urgency',
	    class: 'app-choices' },
	    ...URGENCIES.map((u) => choice({ type: 'radio', name: 'urgency',
		value: u, key: `urgency.${u}`, hint: `urgency.${u}.hint`,
		checked: u === 'not_urgent' })));
	const chosenUrgency = () => urgency
	    .querySelector('input[name="urgency"]:checked')?.value ?? '';
	urgency.addEventListener('change', () => {
		const acute = chosenUrgency() === 'acute';
		if (acute && emergency.childElementCount === 0)
			emergency.append(emergencyPanel('alert'));
		else if (!acute)
			emergency.replaceChildren();
	});

	const checklist = indicatorChecklist(cat);
	const forms = fieldset({ legend: 'signal.forms', field: 'forms',
	    hint: 'signal.forms.hint', class: 'app-choices' },
	    ...cat.forms.map((f) => choice({ name: 'forms', value: f.key,
		nl: f.nl, en: f.en })));
	const needs = helpNeedChecklist(cat);
	const description = textArea({ name: 'description',
	    key: 'signal.description', hint: 'signal.description.hint',
	    rows: 5, maxlength: DESCRIPTION_MAX });
	const actions = textArea({ name: 'actions_taken',
	    key: 'signal.actions_taken', hint: 'signal.actions_taken.hint',
	    rows: 3, maxlength: ACTIONS_MAX });

	const people = [];
	const peopleHost = h('div', { class: 'app-people' });
	const addSuspect = button('person.add_suspect', 'secondary');
	const renumber = () => {
		let n = 0;
		people.forEach((p, i) => {
			p.setIndex(i);
			if (p.kind === 'suspect')
				p.setNumber(++n);
		});
		addSuspect.hidden = people.filter((p) =>
		    p.kind === 'suspect').length >= MAX_SUSPECTS;
	};
	const removePerson = (p) => {
		people.splice(people.indexOf(p), 1);
		p.el.remove();
		renumber();
		addSuspect.focus();
	};
	const addPerson = (kind) => {
		const p = personPart(kind, cat,
		    kind === 'victim' ? null : removePerson);
		people.push(p);
		peopleHost.append(p.el);
		renumber();
		return p;
	};
	addPerson('victim');
	addSuspect.addEventListener('click', () => {
		addPerson('suspect').focus();
	});

	return {
		where: [muni, noticed, urgency, emergency],
		what: [checklist, forms, description, actions, needs],
		who: [h('p', { class: 'utrecht-paragraph',
		    i18n: 'signal.who.intro' }), peopleHost,
		    h('div', { class: 'utrecht-button-group' }, addSuspect)],
		check(form) {
			// People without data are not sent; the rest are
			// numbered as sent.
			let k = 0;
			people.forEach((p, i) => p.setIndex(p.hasData() ?
			    k++ : `unsent${i}`));
			const bad = missing(form, ['municipality']);
			if (checkedValues(checklist, 'indicators').length ===
			    0 && description.control.value.trim() === '') {
				bad.push({ field: 'indicators',
				    key: 'signal.need_what', either: 'what' });
				bad.push({ field: 'description',
				    key: 'signal.need_what', either: 'what' });
			}
			for (const p of people.filter((x) => x.hasData()))
				bad.push(...p.invalid());
			return bad;
		},
		body() {
			const out = {
				municipality: muni.control.value,
				urgency: chosenUrgency() || 'not_urgent',
				forms: checkedValues(forms, 'forms'),
				indicators: checkedValues(checklist,
				    'indicators'),
				help_needs: checkedValues(needs, 'help_needs'),
				persons: people.filter((p) => p.hasData())
				    .map((p) => p.value()),
			};
			if (noticed.control.value !== '')
				out.noticed_on = noticed.control.value;
			const d = description.control.value.trim();
			if (d !== '')
				out.description = d;
			const a = actions.control.value.trim();
			if (a !== '')
				out.actions_taken = a;
			return out;
		},
	};
}

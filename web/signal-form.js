// signal-form: "Signaal melden", the form a busy professional completes
// in a few minutes (POST /api/signals), then a confirmation with the
// signal's number, status and triage deadline.
//
// Only the municipality and at least one indicator or a description are
// required; the rest helps when it is known.  Choosing "acute" shows the
// emergency numbers at once (a role="alert" panel under the choice), and
// the confirmation repeats them when the server marks the signal as an
// emergency.  The indicator checklist is grouped (general, labour,
// sexual, criminal) in collapsible <details>, each group a fieldset with
// a fieldset per category.  People are optional: one possible victim,
// and a button adds suspected exploiters.  Field names follow the API's
// error names (persons[0].birth_date), renumbered before each submit so
// the server's errors land on the right person.
//
// Nothing typed is kept in the browser beyond the page.

import { clearErrors, missing, post, showError, showInvalid }
    from './api.js';
import { alertBox, button, field, h, pageHeading, para, setOptions }
    from './dom.js';
import { groupNode, loadCatalog, loadMunicipalities }
    from './catalog.js';
import { label } from './i18n.js';
import { bilingual, checkedValues, choice, codeNode, dataList, dateNode,
    fieldset, textArea, today } from './parts.js';

export const URGENCIES = ['acute', 'days', 'not_urgent'];
const SEXES = ['female', 'male', 'other', 'unknown'];
const NATIONALITIES = ['dutch', 'eu', 'non_eu', 'unknown'];
const MAX_SUSPECTS = 4;
const DESCRIPTION_MAX = 10000;
const ACTIONS_MAX = 5000;

// The emergency numbers, for the form and the confirmation.  Telephone
// links so a phone can dial them at once.
export function emergencyPanel(role) {
	const tel = (number, href) => h('a', {
		class: 'utrecht-link utrecht-link--telephone app-tel',
		href: `tel:${href}` }, number);
	return alertBox('error', role,
	    h('p', { class: 'utrecht-paragraph app-emergency__title' },
		h('strong', { i18n: 'emergency.title' })),
	    h('ul', { class: 'utrecht-unordered-list app-emergency__list' },
		h('li', { class: 'utrecht-unordered-list__item' },
		    tel('112', '112'), ' ',
		    h('span', { i18n: 'emergency.112' })),
		h('li', { class: 'utrecht-unordered-list__item' },
		    tel('0800-2000', '08002000'), ' ',
		    h('span', { i18n: 'emergency.vt' }))),
	    para('emergency.after'));
}

// A person's part of the form.  kind: 'victim' or 'suspect'.  Returns
// {el, kind, setIndex(i), setNumber(n), hasData(), value(), invalid(),
// focus()}: setIndex names the controls persons[i].x, setNumber counts
// the suspects in their legends.
function personPart(kind, cat, onRemove) {
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
function checklist(cat) {
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
		const body = fieldset({ legend: groupNode(cat, g.key),
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
			    groupNode(cat, g.key)), ' ', count),
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

export function renderSignalForm(main, page, me) {
	const errors = h('div', { class: 'app-alerts' });
	const holder = h('div', { 'aria-busy': 'true' }, para('loading'));
	main.replaceChildren(pageHeading('signal.new.title'),
	    para('signal.new.intro'), para('signal.new.required'),
	    errors, holder);

	Promise.all([loadCatalog(), loadMunicipalities()]).then(([c, m]) => {
		if (page.current())
			build(c, m);
	}, (err) => {
		if (!page.current())
			return;
		holder.replaceChildren();
		holder.removeAttribute('aria-busy');
		showError(null, errors, err);
	});

	function build(cat, munis) {
		const muni = field({ name: 'municipality',
		    key: 'signal.municipality',
		    hint: 'signal.municipality.hint', required: true,
		    placeholder: 'signal.municipality.choose',
		    options: [] });
		setOptions(muni.control, munis.map((m) => ({ value: m.code,
		    text: m.label })), true);
		const noticed = field({ name: 'noticed_on',
		    key: 'signal.noticed_on', type: 'date',
		    hint: 'signal.noticed_on.hint', autocomplete: 'off' });
		noticed.control.value = today();
		noticed.control.max = today();

		const emergency = h('div', { class: 'app-emergency' });
		const chosenUrgency = () =>
		    form.elements.namedItem('urgency').value;
		const urgency = fieldset({ legend: 'signal.urgency',
		    field: 'urgency', class: 'app-choices' },
		    ...URGENCIES.map((u) => choice({ type: 'radio',
			name: 'urgency', value: u, key: `urgency.${u}`,
			hint: `urgency.${u}.hint`,
			checked: u === 'not_urgent' })));
		urgency.addEventListener('change', () => {
			const acute = chosenUrgency() === 'acute';
			if (acute && emergency.childElementCount === 0)
				emergency.append(emergencyPanel('alert'));
			else if (!acute)
				emergency.replaceChildren();
		});

		const forms = fieldset({ legend: 'signal.forms', field: 'forms',
		    hint: 'signal.forms.hint', class: 'app-choices' },
		    ...cat.forms.map((f) => choice({ name: 'forms',
			value: f.key, nl: f.nl, en: f.en })));
		const description = textArea({ name: 'description',
		    key: 'signal.description', hint: 'signal.description.hint',
		    rows: 5, maxlength: DESCRIPTION_MAX });
		const actions = textArea({ name: 'actions_taken',
		    key: 'signal.actions_taken',
		    hint: 'signal.actions_taken.hint', rows: 3,
		    maxlength: ACTIONS_MAX });

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

		const submit = button('signal.submit', 'primary',
		    { type: 'submit' });
		const form = h('form', { class: 'app-form app-form--wide',
		    novalidate: true, 'aria-labelledby': 'page-title' },
		    h('section', { 'aria-labelledby': 'signal-where' },
			h('h2', { class: 'utrecht-heading-2',
			    id: 'signal-where', i18n: 'signal.where' }),
			muni, noticed, urgency, emergency),
		    h('section', { 'aria-labelledby': 'signal-what' },
			h('h2', { class: 'utrecht-heading-2',
			    id: 'signal-what', i18n: 'signal.what' }),
			checklist(cat), forms, description, actions),
		    h('section', { 'aria-labelledby': 'signal-who' },
			h('h2', { class: 'utrecht-heading-2',
			    id: 'signal-who', i18n: 'signal.who' }),
			para('signal.who.intro'),
			peopleHost,
			h('div', { class: 'utrecht-button-group' },
			    addSuspect)),
		    h('div', { class: 'utrecht-button-group app-submit' },
			submit));
		holder.replaceChildren(form);
		holder.removeAttribute('aria-busy');

		let busy = false;
		form.addEventListener('submit', async (ev) => {
			ev.preventDefault();
			if (busy)
				return;
			// Persons without data are not sent; the rest are
			// numbered as sent, so errors find their fields.
			const sent = people.filter((p) => p.hasData());
			let k = 0;
			people.forEach((p, i) => p.setIndex(p.hasData() ?
			    k++ : `unsent${i}`));
			const bad = missing(form, ['municipality']);
			const indicators = checkedValues(form, 'indicators');
			if (indicators.length === 0 &&
			    description.control.value.trim() === '') {
				bad.push({ field: 'indicators',
				    key: 'signal.need_what' });
				bad.push({ field: 'description',
				    key: 'signal.need_what' });
			}
			for (const p of sent)
				bad.push(...p.invalid());
			if (bad.length > 0) {
				showInvalid(form, errors, bad);
				return;
			}
			clearErrors(form, errors);
			const body = {
				municipality: muni.control.value,
				urgency: chosenUrgency() || 'not_urgent',
				forms: checkedValues(form, 'forms'),
				indicators,
				persons: sent.map((p) => p.value()),
			};
			if (noticed.control.value !== '')
				body.noticed_on = noticed.control.value;
			const d = description.control.value.trim();
			if (d !== '')
				body.description = d;
			const a = actions.control.value.trim();
			if (a !== '')
				body.actions_taken = a;
			busy = true;
			form.setAttribute('aria-busy', 'true');
			try {
				const res = await post('/api/signals', body);
				if (page.current())
					confirm(res);
			} catch (err) {
				if (page.current())
					showError(form, errors, err);
			} finally {
				busy = false;
				form.removeAttribute('aria-busy');
			}
		});
	}

	// The receipt: number, status and deadline, the emergency numbers
	// again when the server calls it an emergency, and the way on.
	function confirm(res) {
		const heading = h('h1', { class: 'utrecht-heading-1',
		    id: 'page-title', tabindex: '-1',
		    i18n: 'signal.done.title' });
		const again = button('signal.done.again', 'secondary');
		again.addEventListener('click', () => {
			renderSignalForm(main, page, me);
			page.setTitle?.('signal.new.title');
			main.querySelector('#page-title')?.focus();
		});
		main.replaceChildren(heading,
		    alertBox('ok', null,
			para('signal.done.number',
			    { id: String(res?.id ?? '') })),
		    res?.emergency ? emergencyPanel(null) : null,
		    dataList([
			['signal.col.id', String(res?.id ?? '')],
			['signal.col.status', codeNode('status',
			    res?.status ?? 'received')],
			['signal.done.due', res?.triage_due ?
			    dateNode(res.triage_due, 'day') : null],
		    ]),
		    para('signal.done.next'),
		    h('div', { class: 'utrecht-button-group' },
			h('a', { class: 'utrecht-button-link ' +
			    'utrecht-button-link--html-a ' +
			    'utrecht-button-link--primary-action',
			    href: '#/signals', i18n: 'signal.done.mine' }),
			again));
		page.setTitle?.('signal.done.title');
		heading.focus();
	}
}

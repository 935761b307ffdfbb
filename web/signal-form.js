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
// the server's errors land on the right person.  The fields themselves
// are parts.signalFields, shared with the public form (public.js).
//
// From an answered advice (#/advice/{id}, advice.js) the same form opens
// with the advice above it, the municipality and the question filled in,
// and is sent to POST /api/advice/{id}/signal: the point then sees where
// the signal came from.
//
// Nothing typed is kept in the browser beyond the page.

import { clearErrors, post, showError, showInvalid } from './api.js';
import { alertBox, button, h, pageHeading, para } from './dom.js';
import { loadCatalog, loadMunicipalities } from './catalog.js';
import { codeNode, dataList, dateNode, freeText, signalFields }
    from './parts.js';

export { URGENCIES } from './parts.js';

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

// advice: null, or the user's own answered advice this signal grows from.
export function renderSignalForm(main, page, me, _arg, advice = null) {
	const errors = h('div', { class: 'app-alerts' });
	const holder = h('div', { 'aria-busy': 'true' }, para('loading'));
	main.replaceChildren(...[
	    pageHeading(advice ? 'signal.from_advice.title' :
		'signal.new.title'),
	    advice ? adviceBox(advice) : null,
	    para('signal.new.intro'), para('signal.new.required'),
	    errors, holder].filter((n) => n !== null));

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
		const fields = signalFields(cat, munis, emergencyPanel);
		const section = (id, key, ...content) => h('section',
		    { 'aria-labelledby': id },
		    h('h2', { class: 'utrecht-heading-2', id, i18n: key }),
		    ...content);
		const submit = button('signal.submit', 'primary',
		    { type: 'submit' });
		const form = h('form', { class: 'app-form app-form--wide',
		    novalidate: true, 'aria-labelledby': 'page-title' },
		    section('signal-where', 'signal.where', ...fields.where),
		    section('signal-what', 'signal.what', ...fields.what),
		    section('signal-who', 'signal.who', ...fields.who),
		    h('div', { class: 'utrecht-button-group app-submit' },
			submit));
		holder.replaceChildren(form);
		holder.removeAttribute('aria-busy');
		if (advice) {
			form.elements.municipality.value =
			    String(advice.municipality ?? '');
			form.elements.description.value =
			    String(advice.question ?? '');
		}

		let busy = false;
		form.addEventListener('submit', async (ev) => {
			ev.preventDefault();
			if (busy)
				return;
			const bad = fields.check(form);
			if (bad.length > 0) {
				showInvalid(form, errors, bad);
				return;
			}
			clearErrors(form, errors);
			busy = true;
			form.setAttribute('aria-busy', 'true');
			try {
				const res = await post(advice ?
				    `/api/advice/${encodeURIComponent(
					advice.id)}/signal` : '/api/signals',
				    fields.body());
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

	// The advice the signal grows from, as the point answered it.
	function adviceBox(a) {
		return h('section', { class: 'app-from-advice',
		    'aria-labelledby': 'from-advice' },
		    h('h2', { class: 'utrecht-heading-2', id: 'from-advice',
			i18n: a.asker === false ?
			    'signal.from_advice.heading.point' :
			    'signal.from_advice.heading' }),
		    para(a.asker === false ? 'signal.from_advice.intro.point' :
			'signal.from_advice.intro'),
		    dataList([
			['advice.asker', a.asker === false && a.asker_org ?
			    String(a.asker_org) : null],
			['advice.question', freeText(a.question)],
			['advice.answer', a.answer ? freeText(a.answer) :
			    h('span', { class: 'app-none',
				i18n: 'advice.answer.none' })],
			['advice.answered_by', a.answered_by ?
			    String(a.answered_by) : null],
		    ]));
	}

	// The receipt: number, status and deadline, the emergency numbers
	// again when the server calls it an emergency, and the way on.
	function confirm(res) {
		// An advisor who filed it for the asker goes on in the queue.
		const forAsker = advice?.asker !== false;
		const heading = h('h1', { class: 'utrecht-heading-1',
		    id: 'page-title', tabindex: '-1',
		    i18n: 'signal.done.title' });
		const again = button('signal.done.again', 'secondary');
		again.addEventListener('click', () => {
			if (advice) {
				// A new, empty form: the advice is done.
				window.location.hash = '#/signals/new';
				return;
			}
			renderSignalForm(main, page, me);
			page.setTitle?.('signal.new.title');
			main.querySelector('#page-title')?.focus();
		});
		// replaceChildren() would write a null out as text.
		main.replaceChildren(...[heading,
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
		    para(forAsker ? 'signal.done.next' :
			'signal.done.next.point'),
		    h('div', { class: 'utrecht-button-group' },
			h('a', { class: 'utrecht-button-link ' +
			    'utrecht-button-link--html-a ' +
			    'utrecht-button-link--primary-action',
			    href: forAsker ? '#/signals' :
				`#/queue/${encodeURIComponent(res?.id)}`,
			    i18n: forAsker ? 'signal.done.mine' :
				'signal.done.open' }),
			again)].filter((n) => n !== null));
		page.setTitle?.('signal.done.title');
		heading.focus();
	}
}

// deadlines: the rules of the deadline engine (GET /api/deadlines), how
// long each step may take.  Advisors read them, so they know where the
// deadlines in their queue come from; an admin changes one with a small
// form per rule (POST /api/deadlines/{id}).  A change applies to what is
// created after it: the page says so, because deadlines already set stay
// as they were.  Most rules count working days (or the same day); a rule
// installed in calendar days (calendar_days > 0) keeps that unit, and its
// form asks for the number of calendar days only.

import { clearErrors, loadInto, post, showError, showInvalid }
    from './api.js';
import { alertBox, button, field, h, nextId, pageHeading, para }
    from './dom.js';
import { has } from './i18n.js';
import { choice, dataList, dateNode, none } from './parts.js';

const WORKDAYS_MAX = 60;
const CALENDAR_MAX = 366;

// The rule's name in words, or as it is when this UI does not know it.
function ruleName(r) {
	const key = `rule.${r.name}`;
	return has(key) ? h('span', { i18n: key }) :
	    h('span', { text: String(r.name ?? '') });
}

// What the rule says, in words.
function ruleMeaning(r) {
	if (r.calendar_days > 0)
		return h('span', { i18n: 'deadlines.calendar_days.words',
		    args: { count: Number(r.calendar_days) } });
	if (r.same_day)
		return h('span', { i18n: 'deadlines.same_day.words' });
	return h('span', { i18n: 'deadlines.workdays.words',
	    args: { count: Number(r.workdays) } });
}

export function renderDeadlines(main, page, me) {
	const admin = me.role === 'admin';
	const status = h('div', { class: 'app-status', role: 'status' });
	const errors = h('div', { class: 'app-alerts' });
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	main.replaceChildren(
	    pageHeading('deadlines.title'),
	    para('deadlines.intro'),
	    para(admin ? 'deadlines.intro.admin' : 'deadlines.intro.read'),
	    status, errors, list);
	load();

	// Reads the rules and shows them; then focuses `then`, if given.
	async function load(then) {
		const res = await loadInto(page, list, errors, '/api/deadlines',
		    (r) => (r?.rules ?? []).map(rule));
		if (res && then)
			main.querySelector(then)?.focus();
	}

	function rule(r) {
		const hid = `rule-${r.id}`;
		return h('section', { class: 'app-rule',
		    'aria-labelledby': hid, 'data-rule': String(r.name ?? '') },
		    h('h2', { class: 'utrecht-heading-2', id: hid,
			tabindex: '-1' }, ruleName(r)),
		    dataList([
			['deadlines.now', ruleMeaning(r)],
			['deadlines.changed', r.updated_at ? h('span', {},
			    dateNode(r.updated_at), ', ',
			    String(r.updated_by ?? '')) : none()],
		    ]),
		    admin ? (r.calendar_days > 0 ? calendarForm(r, hid) :
			ruleForm(r, hid)) : null);
	}

	// Sends body for rule r from form; says so and reloads.
	async function save(r, hid, form, formErrors, body) {
		clearErrors(form, formErrors);
		busy = true;
		form.setAttribute('aria-busy', 'true');
		try {
			await post(`/api/deadlines/${encodeURIComponent(r.id)}`,
			    body);
			if (!page.current())
				return;
			status.append(alertBox('ok', null,
			    para('deadlines.saved')));
			await load(`#${hid}`);
		} catch (err) {
			if (page.current())
				showError(form, formErrors, err);
		} finally {
			busy = false;
			form.removeAttribute('aria-busy');
		}
	}

	// The form of a rule in calendar days: the number of days only.
	function calendarForm(r, hid) {
		const formErrors = h('div', { class: 'app-alerts' });
		const days = field({ name: 'calendar_days',
		    id: nextId('f-calendar-days'),
		    key: 'deadlines.calendar_days',
		    hint: 'deadlines.calendar_days.hint', type: 'number',
		    inputmode: 'numeric', required: true });
		days.control.min = '1';
		days.control.max = String(CALENDAR_MAX);
		days.control.value = String(r.calendar_days);
		const form = h('form', { class: 'app-form', novalidate: true,
		    'aria-labelledby': hid },
		    formErrors, days,
		    h('div', { class: 'utrecht-button-group' },
			button('deadlines.save', 'primary',
			    { type: 'submit' })));
		form.addEventListener('submit', (ev) => {
			ev.preventDefault();
			if (busy)
				return;
			status.replaceChildren();
			const text = days.control.value.trim();
			const n = Number(text);
			if (!/^[0-9]{1,3}$/.test(text) || n < 1 ||
			    n > CALENDAR_MAX) {
				showInvalid(form, formErrors, [{
				    field: 'calendar_days',
				    key: 'deadlines.calendar_days.bad' }]);
				return;
			}
			save(r, hid, form, formErrors, { calendar_days: n });
		});
		return form;
	}

	let busy = false;
	function ruleForm(r, hid) {
		const formErrors = h('div', { class: 'app-alerts' });
		const days = field({ name: 'workdays',
		    id: nextId('f-workdays'), key: 'deadlines.workdays',
		    hint: 'deadlines.workdays.hint', type: 'number',
		    inputmode: 'numeric', required: true });
		days.control.min = '0';
		days.control.max = String(WORKDAYS_MAX);
		days.control.value = String(r.workdays ?? 0);
		const same = choice({ name: 'same_day', value: 'yes',
		    key: 'deadlines.same_day', hint: 'deadlines.same_day.hint',
		    checked: !!r.same_day });
		const form = h('form', { class: 'app-form', novalidate: true,
		    'aria-labelledby': hid },
		    formErrors, days, same,
		    h('div', { class: 'utrecht-button-group' },
			button('deadlines.save', 'primary',
			    { type: 'submit' })));
		form.addEventListener('submit', async (ev) => {
			ev.preventDefault();
			if (busy)
				return;
			status.replaceChildren();
			const text = days.control.value.trim();
			const n = Number(text);
			if (!/^[0-9]{1,2}$/.test(text) || n > WORKDAYS_MAX) {
				showInvalid(form, formErrors, [{
				    field: 'workdays',
				    key: 'deadlines.workdays.bad' }]);
				return;
			}
			clearErrors(form, formErrors);
			busy = true;
			form.setAttribute('aria-busy', 'true');
			try {
				await post(`/api/deadlines/${encodeURIComponent(
				    r.id)}`, { workdays: n,
				    same_day: same.control.checked });
				if (!page.current())
					return;
				status.append(alertBox('ok', null,
				    para('deadlines.saved')));
				await load(`#${hid}`);
			} catch (err) {
				if (page.current())
					showError(form, formErrors, err);
			} finally {
				busy = false;
				form.removeAttribute('aria-busy');
			}
		});
		return form;
	}
}

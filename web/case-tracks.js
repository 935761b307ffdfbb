// case-tracks: the criminal case and the residence of a case's victim,
// recorded beside the care for coordination only.  Care never waits for
// either: nothing on the case page asks for them.
//
// criminalSection(c, hooks) and residenceSection(c, hooks) are parts of
// the case page (#/cases/{id}): c is the body of GET /api/cases/{id}
// (its `criminal` and `residence`), hooks is { id, page, reload(focus),
// errors, status } as the page gives every part.  Each shows the state,
// every step with its date, who recorded it and the note, the coming
// deadline in words and dates with its legal source, and for the team a
// form for the next step that offers only the states the server says
// may follow (POST /api/cases/{id}/criminal and /residence).
//
// residenceStart(me) is a part of a coordinator's start page: the
// reflection periods ending and the permits expiring of their cases
// (GET /api/cases/due), each a link to its case; null when none.
//
// Notes are free text from people: shown as typed, never as markup.

import { ApiError, get, missing, post, showError, showInvalid }
    from './api.js';
import { alertBox, button, field, h, para, table } from './dom.js';
import { dataList, dateNode, freeText, none, section, textArea }
    from './parts.js';

const NOTE_MAX = 10000;

// Today in Amsterdam as YYYY-MM-DD: the latest day a step may have.
function todayAms() {
	return new Intl.DateTimeFormat('en-CA', {
	    timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit',
	    day: '2-digit' }).format(new Date());
}

function stateNode(track, code) {
	return code ? h('span', { i18n: `tracks.${track}.state.${code}` }) :
	    h('span', { class: 'app-none', i18n: 'tracks.state.none' });
}

// A step's state with its reason or ground, in words.
function stepNode(track, s) {
	const extra = s.reason ? `tracks.reason.${s.reason}` :
	    s.ground ? `tracks.ground.${s.ground}` : null;
	return h('span', {}, stateNode(track, s.state),
	    extra ? ' (' : null, extra ? h('span', { i18n: extra }) : null,
	    extra ? ')' : null);
}

function history(track, hid, steps) {
	if (!Array.isArray(steps) || steps.length === 0)
		return para('tracks.history.none');
	const cols = ['tracks.col.on', 'tracks.col.state'];
	if (track === 'residence')
		cols.push('tracks.col.ends_on');
	cols.push('tracks.col.by', 'tracks.col.note');
	return table(hid, cols, steps.map((s) => [
	    dateNode(s.on, 'day'),
	    stepNode(track, s),
	    ...(track === 'residence' ? [s.ends_on ?
		dateNode(s.ends_on, 'day') : none()] : []),
	    h('span', { text: [s.username, s.org_name].filter(Boolean)
		.join(', ') }),
	    freeText(s.note),
	]));
}

// A deadline in words: what ends when, how far off, and its sources.
function deadlineNode(d) {
	const past = d.overdue;
	const soon = !past && d.warn_from <= todayAms();
	const words = [
	    para(past ? `tracks.due.${d.what}.past` :
		`tracks.due.${d.what}`, { n: Math.abs(d.days_left),
		count: Math.abs(d.days_left) }),
	    h('p', { class: 'utrecht-paragraph' },
		h('span', { i18n: 'tracks.due.on' }), ' ',
		dateNode(d.due, 'day'), '. ',
		h('span', { i18n: 'tracks.due.warn' }), ' ',
		dateNode(d.warn_from, 'day'), '.'),
	    h('p', { class: 'utrecht-paragraph app-detail' },
		h('span', { i18n: 'tracks.source' }), ' ',
		h('span', { lang: 'nl', text: d.source }), ' ',
		h('span', { i18n: 'tracks.warning_source' }), ' ',
		h('span', { lang: 'en', text: d.warning_source })),
	];
	return past || soon ? alertBox('warning', null, ...words) :
	    h('div', { class: 'app-deadline' }, ...words);
}

// The form for the next step of a track: only the states that may
// follow, the day it happened (today or before) and a note; for the
// residence track the reason that ends a reflection period and the
// ground of an exemption, each shown when the chosen state needs it.
function stepForm(track, t, hooks) {
	const formErrors = h('div', { class: 'app-alerts' });
	const state = field({ name: 'state', key: 'tracks.form.state',
	    required: true, placeholder: 'tracks.form.choose',
	    options: t.next.map((s) => ({ value: s,
		key: `tracks.${track}.state.${s}` })) });
	const on = field({ name: 'on', key: 'tracks.form.on', type: 'date',
	    hint: 'tracks.form.on.hint', required: true });
	on.control.max = todayAms();
	on.control.value = todayAms();
	const note = textArea({ name: 'note', key: 'tracks.form.note',
	    hint: 'tracks.form.note.hint', rows: 3, maxlength: NOTE_MAX });
	let reason = null;
	let ground = null;
	if (track === 'residence') {
		reason = field({ name: 'reason', key: 'tracks.form.reason',
		    required: true, placeholder: 'tracks.form.choose',
		    options: t.reasons.map((r) => ({ value: r,
			key: `tracks.reason.${r}` })) });
		ground = field({ name: 'ground', key: 'tracks.form.ground',
		    required: true, placeholder: 'tracks.form.choose',
		    options: t.grounds.map((g) => ({ value: g,
			key: `tracks.ground.${g}` })) });
	}
	const shown = () => {
		const v = state.control.value;
		if (reason)
			reason.hidden = v !== 'reflection_ended';
		if (ground)
			ground.hidden = v !== 'exempt';
	};
	state.control.addEventListener('change', shown);
	shown();
	const form = h('form', { class: 'app-form app-form--wide',
	    novalidate: true, 'data-track': track,
	    i18nAttr: { 'aria-label': `tracks.${track}.form` } },
	    formErrors, state, reason, ground, on, note,
	    h('div', { class: 'utrecht-button-group' },
		button('tracks.form.submit', 'primary', { type: 'submit' })));
	let busy = false;
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		if (busy)
			return;
		hooks.status.replaceChildren();
		hooks.errors.replaceChildren();
		const need = ['state', 'on'];
		if (reason && !reason.hidden)
			need.push('reason');
		if (ground && !ground.hidden)
			need.push('ground');
		const bad = missing(form, need);
		if (bad.length > 0) {
			showInvalid(form, formErrors, bad);
			return;
		}
		const body = { state: state.control.value,
		    on: on.control.value };
		if (reason && !reason.hidden)
			body.reason = reason.control.value;
		if (ground && !ground.hidden)
			body.ground = ground.control.value;
		if (note.control.value.trim() !== '')
			body.note = note.control.value.trim();
		busy = true;
		form.setAttribute('aria-busy', 'true');
		try {
			await post(`/api/cases/${encodeURIComponent(hooks.id)}/` +
			    track, body);
			if (!hooks.page.current())
				return;
			hooks.status.append(alertBox('ok', null,
			    para(`tracks.${track}.done`)));
			await hooks.reload(`#tracks-${track}`);
		} catch (err) {
			if (!hooks.page.current())
				return;
			if (err instanceof ApiError && err.status === 409)
				showError(null, formErrors, err);
			else
				showError(form, formErrors, err);
		} finally {
			busy = false;
			form.removeAttribute('aria-busy');
		}
	});
	return form;
}

// The part of the case page for the criminal case, or null.
export function criminalSection(c, hooks) {
	const t = c?.criminal;
	if (!t)
		return null;
	const hid = 'tracks-criminal';
	const canStep = c.access === 'team' && Array.isArray(t.next) &&
	    t.next.length > 0;
	return section(hid, 'tracks.criminal.title',
	    para('tracks.criminal.intro'),
	    dataList([
		['tracks.state', stateNode('criminal', t.state)],
		['tracks.since', t.on ? dateNode(t.on, 'day') : null],
	    ]),
	    h('h3', { class: 'utrecht-heading-3', id: `${hid}-history`,
		i18n: 'tracks.history' }),
	    history('criminal', `${hid}-history`, t.history),
	    canStep ? h('h3', { class: 'utrecht-heading-3',
		i18n: 'tracks.next' }) : null,
	    canStep ? stepForm('criminal', t, hooks) : null);
}

// The part of the case page for residence, or null.
export function residenceSection(c, hooks) {
	const t = c?.residence;
	if (!t)
		return null;
	const hid = 'tracks-residence';
	const canStep = c.access === 'team' && t.applies &&
	    Array.isArray(t.next) && t.next.length > 0;
	const deadlines = Array.isArray(t.deadlines) ? t.deadlines : [];
	return section(hid, 'tracks.residence.title',
	    para('tracks.residence.intro'),
	    t.applies ? null : para('tracks.residence.not_applies'),
	    dataList([
		['tracks.state', stateNode('residence', t.state)],
		['tracks.since', t.on ? dateNode(t.on, 'day') : null],
		['tracks.ends_on', t.ends_on ? dateNode(t.ends_on, 'day') :
		    null],
	    ]),
	    ...deadlines.map(deadlineNode),
	    h('h3', { class: 'utrecht-heading-3', id: `${hid}-history`,
		i18n: 'tracks.history' }),
	    history('residence', `${hid}-history`, t.history),
	    canStep ? h('h3', { class: 'utrecht-heading-3',
		i18n: 'tracks.next' }) : null,
	    canStep ? stepForm('residence', t, hooks) : null);
}

// For a coordinator's start page: the residence deadlines of their cases
// within their warning or past, soonest first; null when there are none.
export async function residenceStart(me) {
	if (me?.role !== 'coordinator')
		return null;
	let due;
	try {
		due = (await get('/api/cases/due')).due;
	} catch (err) {
		const host = h('div', { class: 'app-alerts' });
		showError(null, host, err);
		return host;
	}
	if (!Array.isArray(due) || due.length === 0)
		return null;
	const hid = 'start-residence';
	return section(hid, 'tracks.start.title', para('tracks.start.intro'),
	    h('ul', { class: 'utrecht-unordered-list app-due-list' },
		due.map((d) => h('li', { class: 'utrecht-unordered-list__item',
		    'data-case': String(d.case_id) },
		    h('a', { class: 'utrecht-link',
			href: `#/cases/${encodeURIComponent(d.case_id)}`,
			i18n: 'tracks.start.case', args: { id: d.case_id } }),
		    ': ',
		    h('span', { i18n: d.overdue ? `tracks.due.${d.what}.past` :
			`tracks.due.${d.what}`, args: { n: Math.abs(
			d.days_left), count: Math.abs(d.days_left) } }),
		    ' (', dateNode(d.due, 'day'), ')'))));
}

// fallback: the admin's part of the start page about the national
// fallback point (GET/POST /api/fallback-point).  Signals and questions
// for advice about a municipality no Veilig Thuis region covers belong to
// that one advice point; without it they wait unseen.  The section says
// which point it is, how many wait outside every region, and has a form
// to name another advice point.  Counts only: no signal, no person.

import { clearErrors, get, post, showError, showInvalid } from './api.js';
import { alertBox, button, field, h, para } from './dom.js';
import { dataList, dateNode, none, section } from './parts.js';

export function fallbackSection(page) {
	const status = h('div', { class: 'app-status', role: 'status' });
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	load();

	async function load(focus) {
		body.setAttribute('aria-busy', 'true');
		try {
			const [f, o] = await Promise.all([
			    get('/api/fallback-point'), get('/api/orgs')]);
			if (!page.current())
				return;
			body.replaceChildren(...show(f, (o?.orgs ?? [])
			    .filter((x) => x.type === 'advice_point')));
			if (focus)
				document.getElementById('start-fallback')
				    ?.focus();
		} catch (err) {
			if (!page.current())
				return;
			body.replaceChildren();
			showError(null, errors, err);
		} finally {
			body.removeAttribute('aria-busy');
		}
	}

	function show(f, points) {
		const waiting = Number(f?.unrouted_signals ?? 0) +
		    Number(f?.unrouted_advice ?? 0);
		return [
		    f?.org_id ? null : alertBox('warning', null,
			para(waiting > 0 ? 'fallback.none.waiting' :
			'fallback.none', { count: waiting })),
		    dataList([
			['fallback.point', f?.org_name ?
			    String(f.org_name) : none()],
			['fallback.set', f?.set_at ? h('span', {},
			    dateNode(f.set_at), ', ',
			    String(f.set_by ?? '')) : none()],
			['fallback.signals', h('span', {
			    i18n: 'overview.signals',
			    args: { count: Number(f?.unrouted_signals ?? 0) }
			    })],
			['fallback.advice', h('span', {
			    i18n: 'overview.questions',
			    args: { count: Number(f?.unrouted_advice ?? 0) }
			    })],
		    ], { id: 'fallback-facts' }),
		    form(f, points),
		].filter((n) => n !== null);
	}

	let busy = false;
	function form(f, points) {
		const formErrors = h('div', { class: 'app-alerts' });
		const pick = field({ name: 'org_id', key: 'fallback.choose',
		    hint: 'fallback.choose.hint', required: true,
		    placeholder: 'fallback.choose.placeholder',
		    options: points.map((p) => ({ value: String(p.id),
			text: String(p.name) })) });
		if (f?.org_id)
			pick.control.value = String(f.org_id);
		const el = h('form', { class: 'app-form', novalidate: true,
		    'aria-labelledby': 'start-fallback' }, formErrors, pick,
		    h('div', { class: 'utrecht-button-group' },
			button('fallback.save', 'primary',
			    { type: 'submit' })));
		el.addEventListener('submit', async (ev) => {
			ev.preventDefault();
			if (busy)
				return;
			status.replaceChildren();
			if (pick.control.value === '') {
				showInvalid(el, formErrors, [{ field: 'org_id',
				    key: 'fallback.choose.missing' }]);
				return;
			}
			clearErrors(el, formErrors);
			busy = true;
			el.setAttribute('aria-busy', 'true');
			try {
				await post('/api/fallback-point',
				    { org_id: Number(pick.control.value) });
				if (!page.current())
					return;
				status.append(alertBox('ok', null,
				    para('fallback.saved')));
				await load(true);
			} catch (err) {
				if (page.current())
					showError(el, formErrors, err);
			} finally {
				busy = false;
				el.removeAttribute('aria-busy');
			}
		});
		return el;
	}

	return section('start-fallback', 'fallback.title',
	    para('fallback.intro'), status, errors, body);
}

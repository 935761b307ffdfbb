// expertise: #/expertise, the organisation's own registry of trained
// professionals (GET/POST /api/expertise, POST /api/expertise/{id}/remove):
// who is trained in what since when, an add form and a remove button per
// entry.  Names are the organisation's own; every read is audited.

import { clearErrors, loadInto, post, showError, showInvalid, missing }
    from './api.js';
import { alertBox, field, h, pageHeading, para, table } from './dom.js';
import { dateNode, today } from './parts.js';

const KINDS = ['signals', 'minors', 'lvb', 'labour', 'criminal',
    'migrants'];

export function renderExpertise(main, page) {
	const errors = h('div', { class: 'app-alerts' });
	const news = h('div', { class: 'app-alerts', role: 'status' });
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	const name = field({ name: 'name', key: 'expertise.name',
	    required: true, autocomplete: 'off', maxlength: 200 });
	const kind = field({ name: 'expertise', key: 'expertise.kind',
	    required: true, placeholder: 'field.choose',
	    options: KINDS.map((k) => ({ value: k,
		key: `expertise.kind.${k}` })) });
	const trained = field({ name: 'trained_on', key: 'expertise.trained_on',
	    type: 'date', required: true });
	trained.control.max = today();
	const until = field({ name: 'until', key: 'expertise.until',
	    type: 'date', hint: 'expertise.until.hint' });
	const formErrors = h('div', { class: 'app-alerts' });
	const form = h('form', { class: 'app-form', novalidate: true },
	    formErrors, name, kind, trained, until,
	    h('button', { type: 'submit', class: 'utrecht-button ' +
		'utrecht-button--primary-action', i18n: 'expertise.add' }));
	const load = () => loadInto(page, list, errors, '/api/expertise',
	    (res) => {
		const rows = res?.entries ?? [];
		if (rows.length === 0)
			return para('expertise.empty');
		const label = (k) => h('span', {
		    i18n: `expertise.kind.${k}` });
		return table('expertise-list', ['expertise.name',
		    'expertise.kind', 'expertise.trained_on',
		    'expertise.until', 'expertise.col.action'],
		    rows.map((e) => [e.name, label(e.expertise),
			dateNode(e.trained_on, 'day'),
			e.until ? dateNode(e.until, 'day') : '',
			removeButton(e, label(e.expertise))]));
	    });
	const removeButton = (e, what) => {
		// The visible word first, then whom it removes.
		const b = h('button', { type: 'button', class: 'utrecht-button ' +
		    'utrecht-button--secondary-action', 'data-entry': e.id },
		    h('span', { i18n: 'expertise.remove' }),
		    h('span', { class: 'app-visually-hidden' },
			` ${e.name}, `, what));
		b.addEventListener('click', async () => {
			try {
				await post(`/api/expertise/${e.id}/remove`);
				if (!page.current())
					return;
				news.replaceChildren(alertBox('ok', 'status',
				    para('expertise.removed')));
				load();
			} catch (err) {
				if (page.current())
					showError(null, errors, err);
			}
		});
		return b;
	};
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		clearErrors(form, formErrors);
		const gaps = missing(form, ['name', 'expertise',
		    'trained_on']);
		if (gaps.length > 0) {
			showInvalid(form, formErrors, gaps);
			return;
		}
		const body = { name: name.control.value.trim(),
		    expertise: kind.control.value,
		    trained_on: trained.control.value };
		if (until.control.value !== '')
			body.until = until.control.value;
		try {
			await post('/api/expertise', body);
			if (!page.current())
				return;
			form.reset();
			news.replaceChildren(alertBox('ok', 'status',
			    para('expertise.added')));
			load();
		} catch (err) {
			if (page.current())
				showError(form, formErrors, err);
		}
	});
	main.replaceChildren(pageHeading('expertise.title'),
	    para('expertise.intro'), news,
	    h('section', { 'aria-labelledby': 'expertise-list' },
		h('h2', { class: 'utrecht-heading-2', id: 'expertise-list',
		    i18n: 'expertise.heading' }), errors, list),
	    h('section', { 'aria-labelledby': 'expertise-new' },
		h('h2', { class: 'utrecht-heading-2', id: 'expertise-new',
		    i18n: 'expertise.new' }), form));
	load();
}

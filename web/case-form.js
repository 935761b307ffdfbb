// case-form: the one way a form on the case page sends its change.  The
// form posts body() to path; on success the case page reloads (focus
// back on the section's heading) and the status region says doneKey; a 409
// (the case changed meanwhile) is said and reloads too; any other error
// stays on the form, field by field.  Shared by every section module
// (case.js and the case-*.js parts).

import { ApiError, clearErrors, post, showError, showInvalid } from './api.js';
import { alertBox, para } from './dom.js';

// hooks: {id, page, reload(focusSelector), errors, status};
// opts: {form, errors (the form's alert host), path, body() -> object,
//        check() -> [{field, key}] (client checks), doneKey, focus}
export function submitCaseForm(hooks, opts) {
	let busy = false;
	opts.form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		if (busy)
			return;
		hooks.status.replaceChildren();
		hooks.errors.replaceChildren();
		const bad = opts.check ? opts.check() : [];
		if (bad.length > 0) {
			showInvalid(opts.form, opts.errors, bad);
			return;
		}
		clearErrors(opts.form, opts.errors);
		busy = true;
		opts.form.setAttribute('aria-busy', 'true');
		try {
			await post(opts.path, opts.body());
			if (!hooks.page.current())
				return;
			await hooks.reload(opts.focus);
			hooks.status.append(alertBox('ok', null,
			    para(opts.doneKey)));
		} catch (err) {
			if (!hooks.page.current())
				return;
			if (err instanceof ApiError && err.status === 409) {
				showError(null, hooks.errors, err);
				await hooks.reload(opts.focus);
			} else {
				showError(opts.form, opts.errors, err);
			}
		} finally {
			busy = false;
			opts.form.removeAttribute('aria-busy');
		}
	});
}

// A button that posts without a body (accept, remove): the same news
// and reloads as a form.
export function postButton(hooks, btn, path, doneKey, focus) {
	btn.addEventListener('click', async () => {
		if (btn.disabled)
			return;
		hooks.status.replaceChildren();
		hooks.errors.replaceChildren();
		btn.disabled = true;
		try {
			await post(path);
			if (!hooks.page.current())
				return;
			await hooks.reload(focus);
			hooks.status.append(alertBox('ok', null, para(doneKey)));
		} catch (err) {
			if (!hooks.page.current())
				return;
			showError(null, hooks.errors, err);
			if (err instanceof ApiError && err.status === 409)
				await hooks.reload(focus);
		} finally {
			btn.disabled = false;
		}
	});
	return btn;
}

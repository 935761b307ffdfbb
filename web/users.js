// users: the admin page listing users with their state (waiting for
// approval, waiting for enrolment, active, disabled), a form to add one,
// and per account the actions this admin may take: approve it or issue a
// new enrolment link (never for an account this admin made: four eyes),
// mark an approver of its organisation, and disable, which asks for
// confirmation first.
//
// The admin never sets or sees a password or second factor: the new user
// enrols through a one-time link.  For an account that needs a second
// person (every role that sees personal data, and admins) the approver
// receives that link; for policy and rapporteur accounts the admin does,
// shown once as on the approver's side (approve.js).

import { clearErrors, get, loadInto, missing, post, showError,
    showInvalid } from './api.js';
import { actionButton, linkBox } from './approve.js';
import { alertBox, button, field, h, pageHeading, para, setOptions, table }
    from './dom.js';
import { formatDate, has } from './i18n.js';

export const ROLES = ['reporter', 'advisor', 'coordinator', 'provider',
    'assessor', 'policy', 'rapporteur', 'admin'];

function roleNode(role) {
	return has(`role.${role}`) ? h('span', { i18n: `role.${role}` }) :
	    h('span', { text: String(role ?? '') });
}

export function renderUsers(main, page, me) {
	const status = h('div', { role: 'status', class: 'app-status' });
	const listErrors = h('div', { class: 'app-alerts' });
	const list = h('div', { class: 'app-list', 'aria-busy': 'true' },
	    para('loading'));
	const formErrors = h('div', { class: 'app-alerts' });
	const created = h('div', { class: 'app-created' });
	const listHeading = h('h2', { class: 'utrecht-heading-2',
	    id: 'users-list', tabindex: '-1', i18n: 'users.list' });

	const username = field({ name: 'username', key: 'users.username',
	    required: true, maxlength: 64, autocomplete: 'off',
	    spellcheck: 'false', autocapitalize: 'none' });
	const realName = field({ name: 'real_name', key: 'users.realname',
	    maxlength: 200, autocomplete: 'off', hint: 'users.realname.hint' });
	const phone = field({ name: 'phone', key: 'users.phone', type: 'tel',
	    maxlength: 32, autocomplete: 'off', hint: 'users.phone.hint' });
	const email = field({ name: 'email', key: 'users.email', type: 'email',
	    maxlength: 254, autocomplete: 'off', spellcheck: 'false',
	    autocapitalize: 'none', hint: 'users.email.hint' });
	const role = field({ name: 'role', key: 'users.role', required: true,
	    placeholder: 'users.choose.role',
	    options: ROLES.map((r) => ({ value: r, key: `role.${r}` })) });
	const org = field({ name: 'org_id', key: 'users.org', required: true,
	    placeholder: 'users.choose.org', options: [] });
	const form = h('form', { class: 'app-form', novalidate: true,
	    'aria-labelledby': 'users-add' },
	    para('users.enrol.hint'),
	    username, realName, phone, email, role, org,
	    h('div', { class: 'utrecht-button-group' },
		button('users.submit', 'primary', { type: 'submit' })));

	main.replaceChildren(
	    pageHeading('users.title'),
	    status,
	    h('section', { 'aria-labelledby': 'users-list' },
		listHeading,
		listErrors,
		list),
	    h('section', { 'aria-labelledby': 'users-add' },
		h('h2', { class: 'utrecht-heading-2', id: 'users-add',
		    i18n: 'users.add' }),
		created,
		formErrors,
		form));

	// The roles that work with personal data: they may approve for
	// their organisation.
	const APPROVERS = ['reporter', 'advisor', 'coordinator', 'provider',
	    'assessor'];

	function approverButton(u) {
		const key = u.approver ? 'users.approver.off' :
		    'users.approver.on';
		const b = button(key, 'subtle', { i18nAttr: { 'aria-label':
		    `${key}.label` }, args: { name: u.username } });
		b.addEventListener('click', async () => {
			try {
				await post(`/api/users/${encodeURIComponent(
				    u.id)}/approver`, { approver: !u.approver });
				if (!page.current())
					return;
				status.replaceChildren(alertBox('ok', null, para(
				    u.approver ? 'users.approver.off.done' :
				    'users.approver.on.done',
				    { name: u.username })));
				await load();
				listHeading.focus();
			} catch (err) {
				if (page.current())
					showError(null, listErrors, err);
			}
		});
		return b;
	}

	// Change an account's real name and work phone in place: both
	// are sent, an empty one clears it.
	function contactButton(u, cell) {
		const edit = button('users.contact', 'subtle', { i18nAttr: {
		    'aria-label': 'users.contact.label' },
		    args: { name: u.username } });
		edit.addEventListener('click', () => {
			const before = [...cell.childNodes];
			const errors = h('div', { class: 'app-alerts' });
			const rn = field({ name: 'real_name',
			    key: 'users.realname', maxlength: 200,
			    autocomplete: 'off' });
			const ph = field({ name: 'phone', key: 'users.phone',
			    type: 'tel', maxlength: 32, autocomplete: 'off' });
			rn.control.value = u.real_name ?? '';
			ph.control.value = u.phone ?? '';
			const cancel = button('users.disable.no', 'secondary');
			const f = h('form', { class: 'app-form', novalidate: true,
			    'aria-label': u.username }, errors, rn, ph,
			    h('div', { class: 'utrecht-button-group' },
				button('users.contact.save', 'primary',
				    { type: 'submit' }), cancel));
			cell.replaceChildren(f);
			rn.control.focus();
			cancel.addEventListener('click', () => {
				cell.replaceChildren(...before);
				edit.focus();
			});
			f.addEventListener('submit', async (ev) => {
				ev.preventDefault();
				const v = (c) => c.value.trim() || null;
				try {
					await post(`/api/users/${encodeURIComponent(
					    u.id)}`, { real_name: v(rn.control),
					    phone: v(ph.control) });
					if (!page.current())
						return;
					status.replaceChildren(alertBox('ok', null,
					    para('users.contact.done',
					    { name: u.username })));
					await load();
					listHeading.focus();
				} catch (err) {
					if (page.current())
						showError(f, errors, err);
				}
			});
		});
		return edit;
	}

	function actionCell(u) {
		const cell = h('div', { class: 'app-actions' });
		if (u.disabled || u.id === me.id)
			return cell;
		if (u.can_approve && u.state === 'pending_approval')
			cell.append(actionButton(page, u, 'approve', created,
			    listErrors, load));
		if (u.can_approve && u.state === 'pending_enrol')
			cell.append(actionButton(page, u, 'link', created,
			    listErrors, load));
		if (u.state === 'active' && APPROVERS.includes(u.role))
			cell.append(approverButton(u));
		const args = { name: u.username };
		cell.append(contactButton(u, cell));
		const start = button('users.disable', 'secondary', {
		    i18nAttr: { 'aria-label': 'users.disable.label' }, args });
		start.addEventListener('click', () => ask());
		cell.append(start);

		function ask() {
			const qid = `confirm-${u.id}`;
			const question = h('p', { class: 'utrecht-paragraph',
			    id: qid, i18n: 'users.disable.confirm', args });
			const yes = h('button', { type: 'button',
			    class: 'utrecht-button utrecht-button--primary-action ' +
				'utrecht-button--danger',
			    i18n: 'users.disable.yes', args,
			    i18nAttr: { 'aria-label': 'users.disable.yes.label' },
			    'aria-describedby': qid });
			const no = button('users.disable.no', 'secondary');
			cell.replaceChildren(question,
			    h('div', { class: 'utrecht-button-group' }, yes, no));
			yes.focus();
			const cancel = () => {
				cell.replaceChildren(start);
				start.focus();
			};
			no.addEventListener('click', cancel);
			cell.addEventListener('keydown', (ev) => {
				if (ev.key === 'Escape' && !disabling &&
				    cell.contains(yes))
					cancel();
			});
			yes.addEventListener('click', () => disable(u, yes));
		}
		return cell;
	}

	let disabling = false;
	async function disable(u, yes) {
		if (disabling)
			return;
		disabling = true;
		yes.setAttribute('aria-busy', 'true');
		try {
			await post(`/api/users/${encodeURIComponent(u.id)}/disable`);
			if (!page.current())
				return;
			status.replaceChildren(alertBox('ok', null,
			    para('users.disabled.done', { name: u.username })));
			listErrors.replaceChildren();
			await load();
			listHeading.focus();
		} catch (err) {
			if (page.current()) {
				showError(null, listErrors, err);
				listHeading.focus();
			}
		} finally {
			disabling = false;
			yes.removeAttribute('aria-busy');
		}
	}

	function userCells(u) {
		const nameCell = h('span', {}, String(u.username ?? ''));
		// The real name, work phone and mail address, where given.
		const contact = [u.real_name, u.phone, u.email].filter((x) => x);
		if (contact.length > 0)
			nameCell.append(h('br'), h('span', { class: 'app-contact',
			    text: contact.join(' \u00b7 ') }));
		if (u.id === me.id)
			nameCell.append(' ', h('span', { i18n: 'users.you' }));
		if (u.demo)
			nameCell.append(' ', h('span', {
			    class: 'utrecht-badge-status app-badge',
			    i18n: 'users.demo' }));
		if (u.approver)
			nameCell.append(' ', h('span', {
			    class: 'utrecht-badge-status app-badge',
			    i18n: 'users.approver' }));
		const last = u.last_login_at ?
		    h('span', { 'data-i18n-date': String(u.last_login_at),
			text: formatDate(u.last_login_at) }) :
		    h('span', { i18n: 'users.never' });
		return [
			nameCell,
			roleNode(u.role),
			h('span', { class: 'app-break',
			    text: String(u.org_name ?? '') }),
			h('span', { i18n: `users.state.${u.state ??
			    (u.disabled ? 'disabled' : 'active')}` }),
			h('span', { i18n: u.totp_enabled ? 'users.yes' :
			    'users.no' }),
			last,
			actionCell(u),
		];
	}

	function load() {
		return loadInto(page, list, listErrors, '/api/users', (res) => {
			const users = (res?.users ?? []).slice().sort((a, b) =>
			    String(a.username).localeCompare(String(b.username)));
			return users.length === 0 ? para('users.empty') :
			    table('users-list', ['users.col.username',
				'users.col.role', 'users.col.org',
				'users.col.status', 'users.col.totp',
				'users.col.lastlogin', 'users.col.actions'],
			    users.map(userCells));
		});
	}

	async function loadOrgs() {
		try {
			const res = await get('/api/orgs');
			if (!page.current())
				return;
			const orgs = (res?.orgs ?? []).slice().sort((a, b) =>
			    String(a.name).localeCompare(String(b.name), 'nl'));
			setOptions(org.control, orgs.map((o) => ({
			    value: String(o.id), text: o.name })), true);
		} catch (err) {
			if (page.current())
				showError(null, formErrors, err);
		}
	}

	// After creating: the link when no approval is needed, else who
	// is to approve.
	function showCreated(name, res) {
		if (res?.enrol_token) {
			const box = linkBox(name, res, () => {
				created.replaceChildren();
				username.control.focus();
			});
			created.replaceChildren(box);
			box.querySelector('h3').focus();
			return;
		}
		const heading = h('h3', { class: 'utrecht-heading-3',
		    id: 'users-created', tabindex: '-1', i18n: 'users.created',
		    args: { name } });
		created.replaceChildren(alertBox('info', null, heading,
		    para('users.pending.intro')));
		heading.focus();
	}

	let busy = false;
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		if (busy)
			return;
		const bad = missing(form, ['username', 'role', 'org_id']);
		if (bad.length > 0) {
			showInvalid(form, formErrors, bad);
			return;
		}
		clearErrors(form, formErrors);
		status.replaceChildren();
		created.replaceChildren();
		const body = {
			username: username.control.value.trim(),
			role: role.control.value,
			org_id: Number(org.control.value),
		};
		// Left empty: not given (the server checks what is).
		if (realName.control.value.trim() !== '')
			body.real_name = realName.control.value.trim();
		if (phone.control.value.trim() !== '')
			body.phone = phone.control.value.trim();
		if (email.control.value.trim() !== '')
			body.email = email.control.value.trim();
		busy = true;
		form.setAttribute('aria-busy', 'true');
		try {
			const res = await post('/api/users', body);
			if (!page.current())
				return;
			form.reset();
			showCreated(body.username, res);
			await load();
		} catch (err) {
			if (page.current())
				showError(form, formErrors, err);
		} finally {
			busy = false;
			form.removeAttribute('aria-busy');
		}
	});

	load();
	loadOrgs();
}

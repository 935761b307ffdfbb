// start: the first page after login, for every role.  It says what the
// user's role does in the chain and what it may see (DESIGN.md's roles).

import { h, pageHeading, para } from './dom.js';
import { has } from './i18n.js';

export function renderStart(main, me) {
	const role = has(`role.${me.role}`) ? me.role : null;
	const args = {
		role: { key: `role.${me.role}`, fallback: String(me.role) },
		org: me.org_name ?? '',
	};

	main.replaceChildren(
	    pageHeading('start.title'),
	    para('start.welcome', { name: me.username }),
	    h('p', { class: 'utrecht-paragraph utrecht-paragraph--lead',
		i18n: 'start.as', args }),
	    para('start.chain'),
	    role ? h('section', { 'aria-labelledby': 'start-does' },
		h('h2', { class: 'utrecht-heading-2', id: 'start-does',
		    i18n: 'start.does' }),
		para(`role.${role}.does`)) : null,
	    role ? h('section', { 'aria-labelledby': 'start-sees' },
		h('h2', { class: 'utrecht-heading-2', id: 'start-sees',
		    i18n: 'start.sees' }),
		para(`role.${role}.sees`),
		para('start.needtoknow')) : null);
}

// case-providers: the providers fitting a help need of a case
// (GET /api/cases/{id}/needs/{nid}/providers), as a table to choose one
// from.  Each row has a radio button name="provider" value="<org id>"
// labelled with the provider's name; beside it its free places, waiting
// weeks and when the provider last updated that capacity, and why it
// fits (target group, language).  The referral form imports
// fittingProviders() and reads the chosen radio button; the order is the
// server's: the person's language first, then free places, waiting time
// and name.

import { get } from './api.js';
import { alertBox, h, nextId, para, table } from './dom.js';
import { dateNode } from './parts.js';

const PAGE_LANG = () => document.documentElement.lang || 'nl';

// The name of an ISO 639-1 code in the page's language ("Roemeens").
function languageName(code) {
	try {
		return new Intl.DisplayNames([PAGE_LANG()], { type: 'language' })
		    .of(code) ?? code;
	} catch {
		return code;
	}
}

function why(p) {
	const parts = (p.why?.target_groups ?? []).map((g) =>
	    h('span', { i18n: `provider.group.${g}` }));
	if (p.why?.language)
		parts.push(h('span', { i18n: 'providers.speaks',
		    args: { language: languageName(p.why.language) } }));
	const out = [];
	parts.forEach((x, i) => out.push(i > 0 ? ', ' : '', x));
	return out.length > 0 ? h('span', {}, ...out) :
	    h('span', { i18n: 'providers.why.area' });
}

// Resolves to an element: the table of fitting providers, or the empty
// state when none fits.  Errors (404 for a case or need the user may not
// see) reject with the ApiError, for the caller to show.
export async function fittingProviders(caseId, needId) {
	const res = await get(`/api/cases/${encodeURIComponent(caseId)}` +
	    `/needs/${encodeURIComponent(needId)}/providers`);
	const list = res?.providers ?? [];
	const hid = nextId('providers');
	const heading = h('h3', { class: 'utrecht-heading-3', id: hid,
	    i18n: 'providers.title' });
	if (list.length === 0)
		return h('div', { class: 'app-providers' }, heading,
		    alertBox('info', 'status', para('providers.none')));
	const rows = list.map((p) => {
		const id = nextId('provider');
		return [
			h('span', { class: 'app-choice' },
			    h('input', { type: 'radio', name: 'provider',
				class: 'utrecht-radio-button ' +
				'utrecht-radio-button--html-input',
				id, value: String(p.org_id) }),
			    ' ',
			    h('label', { for: id, class: 'utrecht-form-label ' +
				'utrecht-form-label--radio',
				text: String(p.name ?? '') })),
			h('span', { 'data-places': String(p.free_places),
			    text: String(p.free_places) }),
			h('span', { i18n: 'providers.weeks',
			    args: { count: Number(p.waiting_weeks) } }),
			p.capacity_updated_at ? h('span', {},
			    h('span', { i18n: 'providers.updated' }), ' ',
			    dateNode(p.capacity_updated_at, 'day')) :
			    h('span', { i18n: 'providers.never' }),
			why(p),
		];
	});
	return h('div', { class: 'app-providers' }, heading,
	    table(hid, ['providers.col.name', 'providers.col.places',
		'providers.col.waiting', 'providers.col.updated',
		'providers.col.why'], rows));
}

// The case page's part for retention: on a purged case, when and what
// it still holds; nothing on any other case.
import { alertBox, h } from './dom.js';
import { dateNode, section } from './parts.js';

// c: the body of GET /api/cases/{id}.  A <section> or null.
export function retentionSection(c, hooks) {
	void hooks;
	if (!c || !c.purged_at)
		return null;
	return section('case-retention-h', 'retention.title',
	    alertBox('info', 'status',
		h('p', { class: 'utrecht-paragraph' },
		    h('span', { i18n: 'retention.purged' }), ' ',
		    dateNode(c.purged_at, 'day'), '.'),
		h('p', { class: 'utrecht-paragraph',
		    i18n: 'retention.kept' })));
}

// signal-view: one signal as the reporter who filed it sees it
// (#/signals/{id}, GET /api/signals/{id}; reading it is audited on the
// server): what they filed, its status and the outcome in words, the
// questions of the advice-and-reporting point with a form to answer each
// open one once (questions.js), and the other professionals worried
// about the same person, with how to reach them.
//
// The point's deliberation (its explanation, the legal basis, who
// claimed the signal) is never shown here; the server sends it as null
// to the reporter anyway.

import { alertBox, fill, h, para } from './dom.js';
import { codeNode, concernedSection, dataList, dateNode, none, section }
    from './parts.js';
import { filedSections, signalLoader, urgencyNode } from './queue.js';
import { answerForm, isOpen, questionList } from './questions.js';
import { outcomeNode } from './signals.js';

export function renderSignalView(main, page, me, id) {
	const errors = h('div', { class: 'app-alerts' });
	const body = h('div', { 'aria-busy': 'true' }, para('loading'));
	// The answers' own news: kept across reloads, shown in the section.
	const answered = h('div', { role: 'status', class: 'app-status' });
	const answerErrors = h('div', { class: 'app-alerts' });
	main.replaceChildren(
	    h('h1', { class: 'utrecht-heading-1', id: 'page-title',
		tabindex: '-1', i18n: 'signals.detail.title',
		args: { id: String(id) } }),
	    h('p', { class: 'utrecht-paragraph' },
		h('a', { class: 'utrecht-link', href: '#/signals',
		    i18n: 'signals.back' })),
	    para('view.intro'),
	    errors, body);
	const load = signalLoader({ id, page, main, body, errors, show });
	load();

	function show(s, cat) {
		const questions = Array.isArray(s.questions) ? s.questions : [];
		const open = questions.filter(isOpen).length;
		const hooks = { id, page, status: answered,
		    errors: answerErrors,
		    reload: () => load('#view-questions') };
		fill(body,
		    open > 0 ? alertBox('info', null,
			para('view.open_questions', { count: open })) : null,
		    dataList([
			['signal.col.created', dateNode(s.created_at)],
			['detail.noticed_on', s.noticed_on ?
			    dateNode(s.noticed_on, 'day') : none()],
			['signal.col.municipality',
			    String(s.municipality_name ?? '')],
			['signal.col.urgency', urgencyNode(s.urgency)],
			['signal.col.status', codeNode('status', s.status)],
			['signal.col.outcome', outcomeNode(s.outcome)],
		    ]),
		    section('view-questions', 'questions.from_point',
			answered, answerErrors,
			questionList(questions, 'questions.from_point.none',
			    (q, headingId) => answerForm(hooks, q,
				headingId))),
		    concernedSection('view-concerned', s.also_concerned),
		    s.also_concerned_after_claim ? para(
			'concerned.after_claim', null,
			{ id: 'view-concerned-later' }) : null,
		    ...filedSections(cat, s, 'view'));
	}
}

// case-providers: TEMPORARY stand-in until the fitting-provider search
// lands.  fittingProviders(caseId, needId) returns an element with the
// form control name="provider" whose value is the provider's
// organisation id; the real one lists fitting providers as radio inputs.
// This one asks for the organisation number.

import { field } from './dom.js';

export function fittingProviders(caseId, needId) {
	void caseId;
	void needId;
	return field({ name: 'provider', key: 'ref.provider.number',
	    type: 'number', required: true });
}

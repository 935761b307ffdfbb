// pow: the public form's proof-of-work, solved while the person fills in
// the form.  proof() asks GET /api/public/challenge and hands the
// challenge to a Web Worker (pow-worker.js); it resolves with
// { challenge, solution }.  A challenge serves once and expires (the
// server says when), so the form asks for a new proof after each
// attempt and when the current one is about to expire.

import { get } from './api.js';

// Start anew this long before the server's expiry.
const MARGIN_MS = 60 * 1000;

function work(challenge, bits) {
	return new Promise((resolve, reject) => {
		const w = new Worker('/pow-worker.js');
		w.onmessage = (ev) => {
			w.terminate();
			if (ev.data?.error)
				reject(new Error(ev.data.error));
			else
				resolve(ev.data);
		};
		w.onerror = (ev) => {
			w.terminate();
			reject(new Error(ev.message ?? 'worker failed'));
		};
		w.postMessage({ challenge, bits });
	});
}

// A proof in the making; fresh() tells whether it may still be used.
export function proof() {
	let expires = Infinity;
	const promise = get('/api/public/challenge').then(async (c) => {
		expires = Date.parse(c.expires_at);
		const r = await work(c.challenge, c.difficulty);
		return { challenge: c.challenge, solution: r.solution,
		    tries: r.tries, ms: r.ms };
	});
	// A failure shows when the form is sent, not before.
	promise.catch(() => {});
	return {
		promise,
		fresh: () => Date.now() < expires - MARGIN_MS,
	};
}

// pow-worker: solves the public form's proof-of-work off the page's
// thread.  Given { challenge, bits }, it tries the counters 0, 1, 2, ...
// as the solution until SHA-256(challenge || counter) starts with bits
// zero bits, and posts back { solution, tries, ms }.  WebCrypto digests
// are asynchronous, so a batch is asked for at once.
'use strict';

const BATCH = 256;

function zeroBits(bytes) {
	let n = 0;
	for (const b of bytes) {
		if (b !== 0)
			return n + Math.clz32(b) - 24;
		n += 8;
	}
	return n;
}

async function solve(challenge, bits) {
	const enc = new TextEncoder();
	const start = performance.now();
	for (let base = 0; ; base += BATCH) {
		const batch = [];
		for (let i = 0; i < BATCH; i++)
			batch.push(crypto.subtle.digest('SHA-256',
			    enc.encode(challenge + String(base + i))));
		const hashes = await Promise.all(batch);
		for (let i = 0; i < BATCH; i++)
			if (zeroBits(new Uint8Array(hashes[i])) >= bits)
				return { solution: String(base + i),
				    tries: base + i + 1,
				    ms: Math.round(performance.now() - start) };
	}
}

self.onmessage = (ev) => {
	const { challenge, bits } = ev.data;
	solve(challenge, bits).then((r) => self.postMessage(r),
	    (e) => self.postMessage({ error: String(e) }));
};

// The public form's proof-of-work, solved as the browser does it:
// the first counter n for which SHA-256(challenge || n) starts with the
// challenge's number of zero bits.
import { createHash } from 'node:crypto';

export function zeroBits(buf) {
	let n = 0;
	for (const b of buf) {
		if (b !== 0)
			return n + Math.clz32(b) - 24;
		n += 8;
	}
	return n;
}

export function solve(challenge, bits) {
	for (let i = 0; ; i++) {
		const s = String(i);
		const h = createHash('sha256').update(challenge + s).digest();
		if (zeroBits(h) >= bits)
			return s;
	}
}

// A counter that does not solve it.
export function nonSolution(challenge, bits) {
	for (let i = 0; ; i++) {
		const s = String(i);
		const h = createHash('sha256').update(challenge + s).digest();
		if (zeroBits(h) < bits)
			return s;
	}
}

// GET /api/public/challenge of the server at url, solved.
export async function solvedChallenge(url) {
	const r = await fetch(`${url}/api/public/challenge`);
	if (r.status !== 200)
		throw new Error(`challenge: HTTP ${r.status}`);
	const c = await r.json();
	return { challenge: c.challenge, solution: solve(c.challenge,
	    c.difficulty), difficulty: c.difficulty,
	    expires_at: c.expires_at };
}

// body with a solved challenge added, ready for POST /api/public/signals.
export async function withProof(url, body) {
	const { challenge, solution } = await solvedChallenge(url);
	return { ...body, challenge, solution };
}

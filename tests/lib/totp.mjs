// totp: one-time codes for tests (RFC 4226 HOTP, RFC 6238 TOTP).
//
// The server's second factor is TOTP with SHA-1, 6 digits and a 30 second
// step, the defaults every authenticator app uses.  Secrets travel as
// base32 (RFC 4648, no padding needed), as in otpauth:// URIs and in the
// demo-users.txt file written by `schakel init --demo`.

import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

// Decodes RFC 4648 base32; case, spaces, dashes and '=' padding are
// ignored.  Throws on any other character.
export function base32Decode(text) {
	const s = String(text).toUpperCase().replace(/[\s=-]/g, '');
	const out = [];
	let bits = 0;
	let value = 0;

	for (const ch of s) {
		const v = ALPHABET.indexOf(ch);
		if (v === -1)
			throw new Error(`invalid base32 character '${ch}'`);
		value = (value << 5) | v;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			out.push((value >>> bits) & 0xff);
		}
	}
	return Buffer.from(out);
}

// HOTP (RFC 4226) over a key Buffer and a non-negative integer counter.
export function hotp(key, counter, digits = 6) {
	const msg = Buffer.alloc(8);
	msg.writeBigUInt64BE(BigInt(counter));
	const mac = createHmac('sha1', key).update(msg).digest();
	const off = mac[mac.length - 1] & 0x0f;
	const bin = ((mac[off] & 0x7f) << 24) | (mac[off + 1] << 16) |
	    (mac[off + 2] << 8) | mac[off + 3];
	return String(bin % 10 ** digits).padStart(digits, '0');
}

// The 6-digit TOTP code for base32Secret at time (seconds since the epoch).
export function totp(base32Secret, time = Date.now() / 1000) {
	return hotp(base32Decode(base32Secret), Math.floor(time / 30));
}

// The secret= parameter of an otpauth:// URI, or null.
export function secretFromUri(uri) {
	try {
		return new URL(uri).searchParams.get('secret');
	} catch {
		return null;
	}
}

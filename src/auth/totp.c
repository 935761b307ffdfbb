#include "totp.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/crypto.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/buf.h"

static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

void
totp_secret_new(unsigned char secret[TOTP_SECRET_LEN])
{
	/* Idempotent and thread-safe; randombytes_buf() aborts itself when
	 * the system has no randomness to give. */
	if (sodium_init() < 0)
		abort();
	randombytes_buf(secret, TOTP_SECRET_LEN);
}

char *
totp_base32(struct arena *a, const unsigned char *p, size_t len)
{
	char *out, *o;
	uint32_t acc = 0;
	size_t i;
	int bits = 0;

	out = arena_alloc(a, (len * 8 + 4) / 5 + 1);
	o = out;
	for (i = 0; i < len; i++) {
		acc = (acc << 8) | p[i];
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			*o++ = b32[(acc >> bits) & 31];
		}
	}
	if (bits > 0)
		*o++ = b32[(acc << (5 - bits)) & 31];
	*o = '\0';
	return out;
}

static int
b32_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= '2' && c <= '7')
		return c - '2' + 26;
	return -1;
}

int
totp_base32_decode(const char *s, unsigned char *out, size_t cap,
    size_t *outlen)
{
	uint32_t acc = 0;
	size_t n = 0;
	int bits = 0, v;
	bool pad = false;

	*outlen = 0;
	for (; *s != '\0'; s++) {
		if (*s == ' ')
			continue;
		if (*s == '=') {
			pad = true;
			continue;
		}
		v = b32_value(*s);
		if (v < 0 || pad)
			return -1;
		acc = (acc << 5) | (uint32_t)v;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			if (n == cap)
				return -1;
			out[n++] = (unsigned char)(acc >> bits);
		}
	}
	/* 1, 3 or 6 characters past a full group, or stray low bits, are
	 * not what an encoder writes. */
	if (bits >= 5 || (acc & ((1u << bits) - 1)) != 0)
		return -1;
	*outlen = n;
	return 0;
}

/* RFC 3986 unreserved characters pass; everything else is %XX. */
static void
append_pct(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~')
			buf_putc(b, (char)*p);
		else
			buf_appendf(b, "%%%02X", *p);
	}
}

char *
totp_uri(struct arena *a, const char *issuer, const char *account,
    const unsigned char *secret, size_t len)
{
	struct buf b;
	bool has_issuer = issuer != NULL && *issuer != '\0';

	buf_init(&b, a, BUF_DEFAULT_MAX);
	buf_puts(&b, "otpauth://totp/");
	if (has_issuer) {
		append_pct(&b, issuer);
		buf_putc(&b, ':');
	}
	append_pct(&b, account);
	buf_puts(&b, "?secret=");
	buf_puts(&b, totp_base32(a, secret, len));
	if (has_issuer) {
		buf_puts(&b, "&issuer=");
		append_pct(&b, issuer);
	}
	buf_appendf(&b, "&algorithm=SHA1&digits=%d&period=%d", TOTP_DIGITS,
	    TOTP_PERIOD);
	return b.p;
}

/* HOTP (RFC 4226 section 5.3) for one counter value. */
static int
hotp(const unsigned char *secret, size_t len, uint64_t counter, int digits,
    int hash, uint32_t *code)
{
	static const uint32_t pow10[] = { 1, 10, 100, 1000, 10000, 100000,
	    1000000, 10000000, 100000000 };
	unsigned char msg[8], mac[64];
	gnutls_mac_algorithm_t alg;
	size_t maclen;
	uint32_t bin;
	unsigned off;
	int i;

	switch (hash) {
	case TOTP_SHA1:
		alg = GNUTLS_MAC_SHA1;
		maclen = 20;
		break;
	case TOTP_SHA256:
		alg = GNUTLS_MAC_SHA256;
		maclen = 32;
		break;
	case TOTP_SHA512:
		alg = GNUTLS_MAC_SHA512;
		maclen = 64;
		break;
	default:
		return -1;
	}
	for (i = 7; i >= 0; i--) {
		msg[i] = (unsigned char)(counter & 0xff);
		counter >>= 8;
	}
	if (gnutls_hmac_fast(alg, secret, len, msg, sizeof(msg), mac) < 0)
		return -1;
	off = mac[maclen - 1] & 0x0f;
	bin = (uint32_t)(mac[off] & 0x7f) << 24 |
	    (uint32_t)mac[off + 1] << 16 |
	    (uint32_t)mac[off + 2] << 8 |
	    (uint32_t)mac[off + 3];
	*code = bin % pow10[digits];
	explicit_bzero(mac, sizeof(mac));
	return 0;
}

int
totp_code(const unsigned char *secret, size_t len, int64_t unix_time,
    int digits, int hash, uint32_t *code)
{
	if (secret == NULL || len == 0 || unix_time < 0 || digits < 6 ||
	    digits > 8)
		return -1;
	return hotp(secret, len, (uint64_t)(unix_time / TOTP_PERIOD), digits,
	    hash, code);
}

int64_t
totp_verify(const unsigned char *secret, size_t len, const char *code,
    int64_t t, int64_t last_used_step)
{
	char want[16];
	uint32_t c;
	int64_t now, step, matched = -1;
	int i;

	if (secret == NULL || len == 0 || code == NULL || t < 0)
		return -1;
	for (i = 0; i < TOTP_DIGITS; i++)
		if (code[i] < '0' || code[i] > '9')
			return -1;
	if (code[TOTP_DIGITS] != '\0')
		return -1;
	now = t / TOTP_PERIOD;
	/* All candidates are computed and compared, matched or not, so the
	 * time taken does not tell which step (if any) was close. */
	for (step = now - 1; step <= now + 1; step++) {
		if (step < 0 || step <= last_used_step)
			continue;
		if (hotp(secret, len, (uint64_t)step, TOTP_DIGITS, TOTP_SHA1,
		    &c) == -1)
			return -1;
		snprintf(want, sizeof(want), "%0*u", TOTP_DIGITS, (unsigned)c);
		if (sodium_memcmp(want, code, TOTP_DIGITS) == 0 &&
		    matched == -1)
			matched = step;
	}
	explicit_bzero(want, sizeof(want));
	return matched;
}

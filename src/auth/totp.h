/*
 * totp: time-based one-time passwords (RFC 6238 over RFC 4226's HOTP),
 * the second factor of every role that sees personal data.
 *
 * A secret is TOTP_SECRET_LEN random bytes, shown to the user once as
 * base32 (RFC 4648, no padding) inside an otpauth:// URI for a QR code.
 * Codes use HMAC-SHA1, 6 digits and 30-second steps, the defaults every
 * authenticator app understands.  Verification accepts one step either
 * side of now for clock drift and refuses a step at or before the last
 * one used, so a code works once.  The caller stores that step.
 *
 * Secrets are the caller's to keep (encrypted at rest) and to wipe.
 * Strings returned live in the arena given.  All functions are pure
 * apart from totp_secret_new() and thread-safe.
 */
#ifndef SCHAKEL_TOTP_H
#define SCHAKEL_TOTP_H

#include <stddef.h>
#include <stdint.h>

struct arena;

#define TOTP_SECRET_LEN	20	/* 160 bits, as RFC 4226 recommends */
#define TOTP_PERIOD	30	/* seconds per step */
#define TOTP_DIGITS	6

enum totp_hash {
	TOTP_SHA1 = 1,
	TOTP_SHA256,
	TOTP_SHA512,
};

/* Secrets and their text form. */
/* Fill secret with random bytes from the system's CSPRNG. */
void	 totp_secret_new(unsigned char secret[TOTP_SECRET_LEN]);
/* RFC 4648 base32 of the bytes, uppercase, without '=' padding. */
char	*totp_base32(struct arena *, const unsigned char *, size_t);
/* Decode base32 (either case; spaces and '=' padding ignored) into out.
 * 0 and *outlen set; -1 on a bad character or length, or when the
 * result would not fit in cap bytes. */
int	 totp_base32_decode(const char *, unsigned char *out, size_t cap,
	    size_t *outlen);
/* "otpauth://totp/Issuer:account?secret=...&issuer=...&algorithm=SHA1&
 * digits=6&period=30", issuer and account percent-encoded. */
char	*totp_uri(struct arena *, const char *issuer, const char *account,
	    const unsigned char *secret, size_t len);

/* Codes. */
/* The digits-long (6 to 8) code at unix_time (>= 0) with hash, an enum
 * totp_hash.  0 and *code set; -1 on a bad argument. */
int	 totp_code(const unsigned char *secret, size_t len, int64_t unix_time,
	    int digits, int hash, uint32_t *code);
/* Check a 6-digit code at time t, accepting the steps of t-30s..t+30s
 * except those <= last_used_step (pass -1 when none).  Returns the step
 * matched (t/30 +- 1), to be stored as the new last_used_step, or -1 when
 * the code is wrong, reused, not six digits, or t is negative.  The
 * comparison takes the same time whatever the code. */
int64_t	 totp_verify(const unsigned char *secret, size_t len,
	    const char *code, int64_t t, int64_t last_used_step);

#endif

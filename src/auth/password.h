/*
 * password: argon2id password hashes, the password policy, and a limit
 * on how many hashes run at once.
 *
 * Hashes are libsodium's self-describing strings ("$argon2id$v=19$..."),
 * NUL-terminated in a buffer of PASSWORD_HASH_MAX bytes that the caller
 * owns; they contain their own salt and cost, so stored hashes keep
 * verifying when the defaults change.  Plain passwords are never stored,
 * logged or copied beyond the stack, and copies are wiped.
 *
 * Each hash costs about 64 MiB and 100 ms, so at most N of them run at
 * once (N: online cores unless set).  A caller that would wait longer than
 * the wait limit gets -1 with ST_LIMITED rather than queueing without end;
 * this bounds memory under a flood of logins.
 *
 * The common-password list is compiled into the binary (embedded_data,
 * "common-passwords.txt") and parsed once.  All functions are thread-safe.
 */
#ifndef SCHAKEL_PASSWORD_H
#define SCHAKEL_PASSWORD_H

#include <stdbool.h>

struct ctx;

#define PASSWORD_HASH_MAX	128	/* crypto_pwhash_STRBYTES, with NUL */
#define PASSWORD_MIN_CHARS	12	/* Unicode code points */
#define PASSWORD_MAX_BYTES	1024

/* Settings, normally once at startup; safe at any time. */
/* At most n hashes or verifications at once; 0 restores the default
 * (online cores). */
void	 password_set_concurrency(unsigned n);
/* How long a caller may wait for a free slot (default 2000 ms). */
void	 password_set_wait_ms(unsigned ms);
/* Hashes or verifications running right now (for metrics and tests). */
unsigned password_busy(void);

/* Hashing and checking. */
/* Hash password with argon2id (interactive limits) into out.  -1 with
 * ST_LIMITED when no slot came free in time, ST_INVALID (field "password")
 * when it is longer than PASSWORD_MAX_BYTES, ST_INTERNAL when out of memory. */
int	 password_hash(struct ctx *, const char *password,
	    char out[PASSWORD_HASH_MAX]);
/* Sets *ok to whether password matches hash and returns 0; -1 with
 * ST_LIMITED (and *ok false) when no slot came free in time.  A NULL hash
 * (unknown user) is checked against password_dummy_hash(), so it takes
 * the same time as a wrong password. */
int	 password_check(struct ctx *, const char *hash, const char *password,
	    bool *ok);
/* password_check() without a context: false on mismatch and on the limit. */
bool	 password_verify(const char *hash, const char *password);
/* A valid hash of a random password nobody knows, made once per process;
 * verify against it for unknown users.  Static: do not free. */
const char *password_dummy_hash(void);

/* Policy. */
/* 0 when password may be chosen by username (which may be NULL).  Else -1
 * with ST_INVALID and a field error on "password": fewer than 12 code
 * points, more than 1024 bytes, invalid UTF-8, one repeated character,
 * contains the user name (ASCII case-insensitive, names of 4 or more
 * characters), or on the common list (case-insensitive).  ST_INTERNAL
 * when the list is missing from the build. */
int	 password_policy_check(struct ctx *, const char *username,
	    const char *password);

#endif

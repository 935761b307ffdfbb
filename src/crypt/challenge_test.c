/* Unit tests for the public form's proof-of-work challenges. */
#include "core/testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/fail.h"
#include "crypt/crypt.h"

#define NOW	1800000000

struct fixture {
	struct arena		*arena;
	struct ctx		 ctx;
	struct crypt_keys	*k1;
	struct crypt_keys	*k1b;	/* the same master key again */
	struct crypt_keys	*k2;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	unsigned char m1[CRYPT_KEY_LEN], m2[CRYPT_KEY_LEN];
	size_t i;

	if (f == NULL)
		return -1;
	for (i = 0; i < CRYPT_KEY_LEN; i++) {
		m1[i] = (unsigned char)i;
		m2[i] = (unsigned char)(i + 1);
	}
	f->arena = arena_new();
	ctx_init(&f->ctx, f->arena, NULL);
	f->k1 = crypt_keys_from_bytes(m1);
	f->k1b = crypt_keys_from_bytes(m1);
	f->k2 = crypt_keys_from_bytes(m2);
	if (f->k1 == NULL || f->k1b == NULL || f->k2 == NULL)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	crypt_keys_free(f->k1);
	crypt_keys_free(f->k1b);
	crypt_keys_free(f->k2);
	arena_free(f->arena);
	free(f);
	return 0;
}

/* The first counter whose hash has enough zero bits, as the browser
 * does it. */
static const char *
solve(struct arena *a, const char *challenge, int bits)
{
	char s[24];
	long n;

	for (n = 0;; n++) {
		snprintf(s, sizeof(s), "%ld", n);
		if (crypt_pow_bits(challenge, s) >= bits)
			return arena_strdup(a, s);
	}
}

/* The first counter that does not solve it. */
static const char *
unsolve(struct arena *a, const char *challenge, int bits)
{
	char s[24];
	long n;

	for (n = 0;; n++) {
		snprintf(s, sizeof(s), "%ld", n);
		if (crypt_pow_bits(challenge, s) < bits)
			return arena_strdup(a, s);
	}
}

static void
expect_field(struct fixture *f, int rc, const char *field,
    const char *words)
{
	assert_int_equal(rc, -1);
	assert_int_equal(f->ctx.status, ST_INVALID);
	assert_int_equal(f->ctx.nfields, 1);
	assert_string_equal(f->ctx.fields[0].field, field);
	assert_non_null(strstr(f->ctx.fields[0].reason, words));
	ctx_clear_error(&f->ctx);
}

static void
test_pow_bits(void **state)
{
	(void)state;
	/* SHA-256("abc") is ba7816bf...: no leading zero bit. */
	assert_int_equal(crypt_pow_bits("ab", "c"), 0);
	/* SHA-256("") is e3b0c442...: none either; the split is free. */
	assert_int_equal(crypt_pow_bits("", ""), 0);
	/* SHA-256("15") is e629fa65...; SHA-256("4") is 4b227777...: one
	 * leading zero bit. */
	assert_int_equal(crypt_pow_bits("", "4"), 1);
	assert_int_equal(crypt_pow_bits("4", ""), 1);
}

static void
test_round_trip(void **state)
{
	struct fixture *f = *state;
	const char *c, *s, *nonce = NULL;
	int64_t exp = 0;

	c = crypt_challenge_new(f->arena, f->k1, NOW + 1800, 10);
	assert_true(strncmp(c, "c1.1800001800.10.", 17) == 0);
	assert_true(strlen(c) <= CRYPT_CHALLENGE_MAX);
	s = solve(f->arena, c, 10);
	assert_int_equal(crypt_challenge_verify(&f->ctx, f->k1, c, s, NOW,
	    &nonce, &exp), 0);
	assert_int_equal(exp, NOW + 1800);
	assert_int_equal(strlen(nonce), 32);
	assert_true(strncmp(c + 17, nonce, 32) == 0);
	/* Another server with the same key file accepts it. */
	assert_int_equal(crypt_challenge_verify(&f->ctx, f->k1b, c, s, NOW,
	    &nonce, &exp), 0);
	/* Up to the second it expires. */
	assert_int_equal(crypt_challenge_verify(&f->ctx, f->k1, c, s,
	    NOW + 1800, &nonce, &exp), 0);
	/* Each is new. */
	assert_string_not_equal(c, crypt_challenge_new(f->arena, f->k1,
	    NOW + 1800, 10));
}

static void
test_refusals(void **state)
{
	struct fixture *f = *state;
	const char *c, *s, *nonce = NULL;
	char *t;
	int64_t exp = 0;
	size_t i;

	c = crypt_challenge_new(f->arena, f->k1, NOW + 1800, 12);
	s = solve(f->arena, c, 12);

	expect_field(f, crypt_challenge_verify(&f->ctx, f->k1, NULL, s, NOW,
	    &nonce, &exp), "challenge", "required");
	expect_field(f, crypt_challenge_verify(&f->ctx, f->k1, "", s, NOW,
	    &nonce, &exp), "challenge", "required");
	expect_field(f, crypt_challenge_verify(&f->ctx, f->k1, "c1.x", s, NOW,
	    &nonce, &exp), "challenge", "not a challenge");
	/* Another key: not ours. */
	expect_field(f, crypt_challenge_verify(&f->ctx, f->k2, c, s, NOW,
	    &nonce, &exp), "challenge", "not a challenge");
	/* Expired. */
	expect_field(f, crypt_challenge_verify(&f->ctx, f->k1, c, s,
	    NOW + 1801, &nonce, &exp), "challenge", "expired");
	/* No solution, a bad one, a wrong one. */
	expect_field(f, crypt_challenge_verify(&f->ctx, f->k1, c, NULL, NOW,
	    &nonce, &exp), "solution", "required");
	expect_field(f, crypt_challenge_verify(&f->ctx, f->k1, c, "1 2", NOW,
	    &nonce, &exp), "solution", "required");
	expect_field(f, crypt_challenge_verify(&f->ctx, f->k1, c,
	    unsolve(f->arena, c, 12), NOW, &nonce, &exp), "solution",
	    "does not solve");

	/* Any changed character: the easier difficulty, a later expiry,
	 * another nonce, another MAC. */
	for (i = 3; c[i] != '\0'; i++) {
		t = arena_strdup(f->arena, c);
		t[i] = t[i] == '1' ? '2' : '1';
		assert_int_equal(crypt_challenge_verify(&f->ctx, f->k1, t, s,
		    NOW, &nonce, &exp), -1);
		assert_int_equal(f->ctx.nfields, 1);
		assert_string_equal(f->ctx.fields[0].field, "challenge");
		ctx_clear_error(&f->ctx);
	}
	t = arena_printf(f->arena, "c1.1800001800.1.%s", c + 17);
	expect_field(f, crypt_challenge_verify(&f->ctx, f->k1, t, s, NOW,
	    &nonce, &exp), "challenge", "not a challenge");
	/* Too long. */
	t = arena_printf(f->arena, "%s%0200d", c, 0);
	expect_field(f, crypt_challenge_verify(&f->ctx, f->k1, t, s, NOW,
	    &nonce, &exp), "challenge", "not a challenge");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pow_bits),
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup,
		    teardown),
	};

	if (crypt_init() == -1)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for password hashing, the concurrency limit and the policy. */
#include "core/testing.h"

#include <pthread.h>
#include <string.h>
#include <time.h>

#include "auth/password.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"

static void
test_hash_round_trip(void **state)
{
	struct test_ctx *f = *state;
	char h1[PASSWORD_HASH_MAX], h2[PASSWORD_HASH_MAX];
	bool ok = false;

	assert_int_equal(password_hash(&f->ctx, "paars-fiets-regent-77", h1),
	    0);
	assert_int_equal(strncmp(h1, "$argon2id$v=19$", 15), 0);
	assert_true(password_verify(h1, "paars-fiets-regent-77"));
	assert_false(password_verify(h1, "paars-fiets-regent-78"));
	assert_false(password_verify(h1, "Paars-fiets-regent-77"));
	assert_false(password_verify(h1, ""));
	assert_int_equal(password_check(&f->ctx, h1, "paars-fiets-regent-77",
	    &ok), 0);
	assert_true(ok);
	assert_int_equal(password_check(&f->ctx, h1, "wrong", &ok), 0);
	assert_false(ok);
	/* A fresh salt each time. */
	assert_int_equal(password_hash(&f->ctx, "paars-fiets-regent-77", h2),
	    0);
	assert_string_not_equal(h1, h2);
	/* Garbage is not a hash that matches. */
	assert_false(password_verify("$argon2id$nonsense", "x"));
	assert_false(password_verify("", ""));
	assert_int_equal(f->ctx.status, ST_OK);
}

static void
test_hash_rejects_overlong(void **state)
{
	struct test_ctx *f = *state;
	char h[PASSWORD_HASH_MAX], *pw;

	pw = arena_alloc(f->arena, PASSWORD_MAX_BYTES + 2);
	memset(pw, 'x', PASSWORD_MAX_BYTES + 1);
	assert_int_equal(password_hash(&f->ctx, pw, h), -1);
	assert_int_equal(f->ctx.status, ST_INVALID);
	assert_string_equal(f->ctx.fields[0].field, "password");
}

static void
test_dummy_hash_verifies_nothing(void **state)
{
	struct test_ctx *f = *state;
	static const char *const tries[] = { "", "password", "0", "dummy",
	    "paars-fiets-regent-77" };
	const char *d = password_dummy_hash();
	bool ok = true;
	size_t i;
	int64_t t0, t_dummy, t_real;
	char h[PASSWORD_HASH_MAX];

	assert_non_null(d);
	assert_ptr_equal(d, password_dummy_hash());
	assert_int_equal(strncmp(d, "$argon2id$v=19$", 15), 0);
	for (i = 0; i < sizeof(tries) / sizeof(tries[0]); i++)
		assert_false(password_verify(d, tries[i]));

	/* An unknown user (NULL hash) costs a full verification too. */
	assert_int_equal(password_hash(&f->ctx, "paars-fiets-regent-77", h),
	    0);
	t0 = time_mono_ns();
	assert_int_equal(password_check(&f->ctx, h, "wrong guess", &ok), 0);
	t_real = time_mono_ns() - t0;
	assert_false(ok);
	ok = true;
	t0 = time_mono_ns();
	assert_int_equal(password_check(&f->ctx, NULL, "wrong guess", &ok), 0);
	t_dummy = time_mono_ns() - t0;
	assert_false(ok);
	assert_true(t_dummy * 4 > t_real);
}

/* Asserts a single field error on "password" whose reason has want. */
static void
expect_refused(const char *user, const char *pw, const char *want)
{
	struct arena *a = arena_new();
	struct ctx ctx;

	ctx_init(&ctx, a, NULL);
	if (password_policy_check(&ctx, user, pw) != -1)
		fail_msg("password %s accepted, want \"%s\"", pw, want);
	assert_int_equal(ctx.status, ST_INVALID);
	assert_int_equal(ctx.nfields, 1);
	assert_string_equal(ctx.fields[0].field, "password");
	if (strstr(ctx.fields[0].reason, want) == NULL)
		fail_msg("password %s: reason \"%s\", want \"%s\"", pw,
		    ctx.fields[0].reason, want);
	arena_free(a);
}

static void
expect_accepted(const char *user, const char *pw)
{
	struct arena *a = arena_new();
	struct ctx ctx;

	ctx_init(&ctx, a, NULL);
	if (password_policy_check(&ctx, user, pw) != 0)
		fail_msg("password %s refused: %s", pw, ctx.nfields > 0 ?
		    ctx.fields[0].reason : ctx.message);
	assert_int_equal(ctx.status, ST_OK);
	assert_int_equal(ctx.nfields, 0);
	arena_free(a);
}

static void
test_policy_length(void **state)
{
	char *pw;
	struct arena *a = arena_new();

	(void)state;
	expect_refused("anna", "", "at least 12 characters");
	expect_refused("anna", "Kort-maar-8", "at least 12 characters");
	/* Characters, not bytes: 11 code points in 22 bytes. */
	expect_refused("anna", "ëéïöüáàèçñø",
	    "at least 12 characters");
	expect_accepted("anna", "ëéïöüáàèçñøx");
	expect_accepted("anna", "Zes-Woorden1");
	pw = arena_alloc(a, PASSWORD_MAX_BYTES + 2);
	memset(pw, 'a', PASSWORD_MAX_BYTES);
	pw[0] = 'b';
	expect_accepted("anna", pw);
	pw[PASSWORD_MAX_BYTES] = 'a';
	expect_refused("anna", pw, "at most 1024 bytes");
	arena_free(a);
}

static void
test_policy_utf8(void **state)
{
	(void)state;
	expect_refused(NULL, "goed-wachtw\xff\xfe-lang", "UTF-8");
	/* Overlong '/' and an encoded surrogate. */
	expect_refused(NULL, "goed-wachtw\xc0\xaf-lang", "UTF-8");
	expect_refused(NULL, "goed-wachtw\xe0\x80\xaf-lang", "UTF-8");
	expect_refused(NULL, "goed-wachtw\xf0\x80\x80\xaf-lang", "UTF-8");
	expect_refused(NULL, "goed-wachtw\xf4\x90\x80\x80-lang", "UTF-8");
	expect_refused(NULL, "goed-wachtw\xed\xa0\x80-lang", "UTF-8");
	expect_refused(NULL, "goed-wachtwoord-\xe2\x82", "UTF-8");
}

static void
test_policy_repeated(void **state)
{
	(void)state;
	expect_refused("anna", "zzzzzzzzzzzzzzzzzzzz", "repeated");
	expect_refused("anna", "xXxXxXxXxXxXxX", "repeated");
	expect_refused("anna", "            ", "repeated");
	expect_refused("anna", "éééééééééééé", "repeated");
	expect_accepted("anna", "zzzzzzzzzzzzzzzzzzzy");
}

static void
test_policy_user_name(void **state)
{
	(void)state;
	expect_refused("jansen", "MijnJANSEN-tuin-2024", "user name");
	expect_refused("Jansen", "jansen-heeft-een-tuin", "user name");
	expect_refused("j.de.vries.utrecht", "j.de.vries.utrecht",
	    "user name");
	/* Names shorter than four characters are not looked for. */
	expect_accepted("bob", "bobsleeën-op-het-ijs");
	expect_accepted("jansen", "janssen-tuin-2024");
	expect_accepted(NULL, "jansen-heeft-een-tuin");
}

static void
test_policy_common(void **state)
{
	(void)state;
	expect_refused("anna", "password1234", "too common");
	expect_refused("anna", "Password1234", "too common");
	expect_refused("anna", "WELKOM123456", "too common");
	expect_refused("anna", "Wachtwoord12", "too common");
	expect_refused("anna", "qwertyuiop12", "too common");
	expect_refused("anna", "123456789012", "too common");
	expect_refused("anna", "1qaz2wsx3edc", "too common");
	/* Near misses are not on the list. */
	expect_accepted("anna", "password1234x");
	expect_accepted("anna", "paars-fiets-regent-77");
	expect_accepted("pieter.bakker", "Gr0ene-Kikker-Springt!");
}

struct holder {
	pthread_t	 thread;
	int		 rc;
	char		 hash[PASSWORD_HASH_MAX];
};

static void *
hold_slot(void *p)
{
	struct holder *h = p;
	struct arena *a = arena_new();
	struct ctx ctx;

	ctx_init(&ctx, a, NULL);
	h->rc = password_hash(&ctx, "houd-dit-slot-vast", h->hash);
	arena_free(a);
	return NULL;
}

/* Waits until some thread holds a slot. */
static void
await_busy(void)
{
	struct timespec nap = { 0, 100000 };
	int i;

	for (i = 0; i < 50000 && password_busy() == 0; i++)
		nanosleep(&nap, NULL);
	assert_int_equal(password_busy(), 1);
}

static void
test_concurrency_limit(void **state)
{
	struct test_ctx *f = *state;
	struct holder h;
	char hash[PASSWORD_HASH_MAX], other[PASSWORD_HASH_MAX];
	bool ok = true;
	int64_t t0;

	assert_int_equal(password_hash(&f->ctx, "paars-fiets-regent-77", hash),
	    0);
	assert_int_equal(password_busy(), 0);
	password_set_concurrency(1);
	password_set_wait_ms(1);

	memset(&h, 0, sizeof(h));
	assert_int_equal(pthread_create(&h.thread, NULL, hold_slot, &h), 0);
	await_busy();
	assert_int_equal(password_check(&f->ctx, hash, "paars-fiets-regent-77",
	    &ok), -1);
	assert_false(ok);
	assert_int_equal(f->ctx.status, ST_LIMITED);
	assert_string_equal(f->ctx.message,
	    "too many logins at once; try again");
	assert_true(f->ctx.retry_after > 0);
	assert_false(password_verify(hash, "paars-fiets-regent-77"));
	ctx_clear_error(&f->ctx);
	assert_int_equal(password_hash(&f->ctx, "nog-een-wachtwoord", other),
	    -1);
	assert_int_equal(f->ctx.status, ST_LIMITED);
	ctx_clear_error(&f->ctx);
	assert_int_equal(pthread_join(h.thread, NULL), 0);
	assert_int_equal(h.rc, 0);
	assert_int_equal(password_busy(), 0);

	/* With a long enough wait the caller gets the slot as soon as it
	 * frees, not when the wait runs out. */
	password_set_wait_ms(20000);
	memset(&h, 0, sizeof(h));
	assert_int_equal(pthread_create(&h.thread, NULL, hold_slot, &h), 0);
	await_busy();
	t0 = time_mono_ns();
	assert_int_equal(password_check(&f->ctx, hash, "paars-fiets-regent-77",
	    &ok), 0);
	assert_true(ok);
	assert_true(time_mono_ns() - t0 < 10 * 1000000000LL);
	assert_int_equal(pthread_join(h.thread, NULL), 0);
	assert_int_equal(h.rc, 0);
	assert_true(password_verify(h.hash, "houd-dit-slot-vast"));

	password_set_concurrency(0);
	password_set_wait_ms(2000);
	assert_int_equal(f->ctx.status, ST_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_ctx_test(test_hash_round_trip),
		cmocka_ctx_test(test_hash_rejects_overlong),
		cmocka_ctx_test(test_dummy_hash_verifies_nothing),
		cmocka_unit_test(test_policy_length),
		cmocka_unit_test(test_policy_utf8),
		cmocka_unit_test(test_policy_repeated),
		cmocka_unit_test(test_policy_user_name),
		cmocka_unit_test(test_policy_common),
		cmocka_ctx_test(test_concurrency_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

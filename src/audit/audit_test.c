/*
 * Audit chain tests: a chain built with audit_hash() checks out, and
 * every kind of tampering (an edited field, a removed, inserted or
 * duplicated entry, two entries swapped, a recomputed hash without the
 * key) is caught at the right entry.  Then the same through the store.
 */
#include "core/testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "core/arena.h"
#include "core/fail.h"
#include "core/log.h"
#include "crypt/crypt.h"
#include "store/store.h"

#define N	6

static const unsigned char key[32] = "0123456789abcdef0123456789abcde";

static void
build(struct audit_entry *e, size_t n)
{
	static const char *const actions[] = { "login", "user.create",
	    "org.create", "logout", "login.fail", "login" };
	size_t i;

	memset(e, 0, n * sizeof(*e));
	for (i = 0; i < n; i++) {
		e[i].id = (int64_t)i + 1;
		e[i].at = 1700000000 + (int64_t)i;
		e[i].user_id = 7;
		e[i].org_id = 2;
		e[i].role = "admin";
		e[i].action = actions[i % 6];
		e[i].object_type = "user";
		e[i].object_id = 7;
		e[i].client_addr = "127.0.0.1";
		e[i].request_id = "abcdef0123456789";
		if (i > 0)
			memcpy(e[i].prev, e[i - 1].hash, AUDIT_HASH_LEN);
		audit_hash(key, &e[i], e[i].hash);
	}
}

/* The id of the first bad entry, or 0 when the chain is intact. */
static int64_t
check(const struct audit_entry *e, size_t n, const char **why)
{
	struct audit_cursor c;
	int64_t bad = 0;
	size_t i;

	*why = NULL;
	audit_cursor_init(&c);
	for (i = 0; i < n; i++)
		if (audit_chain_step(&c, key, &e[i], &bad, why) == -1)
			return bad;
	return 0;
}

static void
test_intact_chain(void **state)
{
	struct audit_entry e[N];
	const char *why;

	(void)state;
	build(e, N);
	assert_int_equal(check(e, N, &why), 0);
}

static void
test_edited_field(void **state)
{
	struct audit_entry e[N];
	const char *why;

	(void)state;
	build(e, N);
	e[2].action = "logout";
	assert_int_equal(check(e, N, &why), 3);
	assert_string_equal(why, "was changed");
	build(e, N);
	e[4].reason = "looked anyway";
	assert_int_equal(check(e, N, &why), 5);
	build(e, N);
	e[0].at++;
	assert_int_equal(check(e, N, &why), 1);
}

static void
test_removed_entry(void **state)
{
	struct audit_entry e[N];
	const char *why;

	(void)state;
	build(e, N);
	memmove(&e[2], &e[3], (N - 3) * sizeof(e[0]));	/* drop id 3 */
	assert_int_equal(check(e, N - 1, &why), 3);
	assert_string_equal(why, "was removed");
}

static void
test_removed_and_renumbered(void **state)
{
	struct audit_entry e[N];
	const char *why;
	size_t i;

	(void)state;
	build(e, N);
	memmove(&e[2], &e[3], (N - 3) * sizeof(e[0]));
	for (i = 2; i < N - 1; i++)
		e[i].id--;		/* hide the gap */
	assert_int_equal(check(e, N - 1, &why), 3);
}

static void
test_inserted_entry(void **state)
{
	struct audit_entry e[N + 1];
	const char *why;
	size_t i;

	(void)state;
	build(e, N);
	memmove(&e[3], &e[2], (N - 2) * sizeof(e[0]));
	e[2].action = "forged";
	for (i = 3; i <= N; i++)
		e[i].id++;
	assert_int_equal(check(e, N + 1, &why), 3);
}

static void
test_swapped_entries(void **state)
{
	struct audit_entry e[N], t;
	const char *why;

	(void)state;
	build(e, N);
	t = e[1];
	e[1] = e[2];
	e[2] = t;
	e[1].id = 2;
	e[2].id = 3;
	assert_int_equal(check(e, N, &why), 2);
	/* Swapped with their ids too: out of order. */
	build(e, N);
	t = e[1];
	e[1] = e[2];
	e[2] = t;
	assert_int_equal(check(e, N, &why), 2);
}

static void
test_rehashed_without_key(void **state)
{
	static const unsigned char other[32] = "not the key of this chain....";
	struct audit_entry e[N];
	const char *why;
	size_t i;

	(void)state;
	build(e, N);
	/* Someone edits entry 4 and rebuilds the chain with a guessed key. */
	e[3].action = "nothing happened";
	for (i = 3; i < N; i++) {
		memcpy(e[i].prev, e[i - 1].hash, AUDIT_HASH_LEN);
		audit_hash(other, &e[i], e[i].hash);
	}
	assert_int_equal(check(e, N, &why), 4);
}

static int
append(struct ctx *ctx, void *p)
{
	return audit_append(ctx, p, "user", 1);
}

static void
test_through_the_store(void **state)
{
	unsigned char master[32] = { 1, 2, 3 };
	char dir[] = "/tmp/schakel-audit-XXXXXX", path[64], cmd[96];
	struct store_opts opts = { 0 };
	struct arena *a = arena_new();
	struct ctx ctx;
	struct store *st;
	int64_t count, bad;
	int i;

	(void)state;
	log_set_quiet(true);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/a.db", dir);
	ctx_init(&ctx, a, NULL);
	ctx.keys = crypt_keys_from_bytes(master);
	opts.path = path;
	opts.create = true;
	opts.migrate = true;
	assert_int_equal(store_open(&ctx, &opts, &st), 0);
	ctx.store = st;
	ctx.who.user_id = 1;
	ctx.who.role = 8;
	for (i = 0; i < 1500; i++)	/* more than one verify page */
		assert_int_equal(store_write(&ctx, append, "login"), 0);
	assert_int_equal(audit_verify(&ctx, &count, &bad), 0);
	assert_int_equal(count, 1500);
	/* Reading an audited record appends too. */
	assert_int_equal(audit_read(&ctx, "user.read", "user", 1), 0);
	assert_int_equal(audit_verify(&ctx, &count, &bad), 0);
	assert_int_equal(count, 1501);
	/* The checkpoint agrees with the chain, and catches a cut-off end
	 * (a chain that verifies but is shorter than the checkpoint). */
	{
		char cppath[96];
		struct audit_checkpoint cp;
		bool missing;
		FILE *f;

		snprintf(cppath, sizeof(cppath), "%s/audit.head", dir);
		cp.path = cppath;
		cp.keys = ctx.keys;
		assert_int_equal(audit_checkpoint_check(&ctx, &cp, count, &bad,
		    &missing), 0);
		assert_true(missing);
		assert_int_equal(audit_checkpoint_write(&ctx, &cp), 0);
		assert_int_equal(audit_checkpoint_check(&ctx, &cp, count, &bad,
		    &missing), 0);
		assert_false(missing);
		assert_int_equal(audit_checkpoint_check(&ctx, &cp, count - 2,
		    &bad, &missing), -1);
		assert_int_equal(bad, count - 1);
		assert_non_null(strstr(ctx.message, "removed from the end"));
		ctx_clear_error(&ctx);
		/* Edited by hand: the MAC no longer fits. */
		f = fopen(cppath, "r+");
		assert_non_null(f);
		fseek(f, 27, SEEK_SET);
		fputc('9', f);
		fclose(f);
		assert_int_equal(audit_checkpoint_check(&ctx, &cp, count, &bad,
		    &missing), -1);
		ctx_clear_error(&ctx);
	}
	/* The same chain under another key does not verify. */
	crypt_keys_free((struct crypt_keys *)(uintptr_t)ctx.keys);
	master[0] = 9;
	ctx.keys = crypt_keys_from_bytes(master);
	assert_int_equal(audit_verify(&ctx, &count, &bad), -1);
	assert_int_equal(bad, 1);
	assert_int_equal(ctx.status, ST_CONFLICT);
	ctx.conn = NULL;
	crypt_keys_free((struct crypt_keys *)(uintptr_t)ctx.keys);
	arena_free(a);
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_intact_chain),
		cmocka_unit_test(test_edited_field),
		cmocka_unit_test(test_removed_entry),
		cmocka_unit_test(test_removed_and_renumbered),
		cmocka_unit_test(test_inserted_entry),
		cmocka_unit_test(test_swapped_entries),
		cmocka_unit_test(test_rehashed_without_key),
		cmocka_unit_test(test_through_the_store),
	};

	if (crypt_init() == -1)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}

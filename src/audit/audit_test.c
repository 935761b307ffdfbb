/*
 * Audit chain tests: a chain built with audit_hash() checks out, and
 * every kind of tampering (an edited field, a removed, inserted or
 * duplicated entry, two entries swapped, a recomputed hash without the
 * key) is caught at the right entry.  Then the same through the store,
 * the checkpoint and the signed head, and a trail whose end was cut.
 */
#include "core/testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
		struct audit_head h;
		bool missing;
		FILE *f;

		snprintf(cppath, sizeof(cppath), "%s/audit.head", dir);
		memset(&cp, 0, sizeof(cp));
		cp.path = cppath;
		cp.keys = ctx.keys;
		/* No checkpoint on a trail with entries is a failure, and
		 * the hook does not make one where there is none. */
		assert_int_equal(audit_checkpoint_read(&ctx, &cp, &h), 0);
		assert_int_equal(h.id, 0);
		assert_int_equal(audit_checkpoint_check(&ctx, &cp, &h, count,
		    &bad, &missing), -1);
		assert_true(missing);
		assert_non_null(strstr(ctx.message, "no audit checkpoint"));
		ctx_clear_error(&ctx);
		assert_int_equal(audit_checkpoint_start(&ctx, &cp), -1);
		ctx_clear_error(&ctx);
		assert_int_equal(audit_checkpoint_write(&ctx, &cp), -1);
		ctx_clear_error(&ctx);
		assert_null(fopen(cppath, "r"));
		/* An empty trail without one is fine. */
		h.id = 0;
		assert_int_equal(audit_checkpoint_check(&ctx, &cp, &h, 0,
		    &bad, &missing), 0);
		/* Reset makes one; then they agree. */
		assert_int_equal(audit_checkpoint_reset(&ctx, &cp), 0);
		assert_int_equal(audit_checkpoint_read(&ctx, &cp, &h), 0);
		assert_int_equal(h.id, count);
		assert_int_equal(audit_checkpoint_check(&ctx, &cp, &h, count,
		    &bad, &missing), 0);
		assert_false(missing);
		assert_int_equal(audit_checkpoint_start(&ctx, &cp), 0);
		assert_int_equal(audit_checkpoint_check(&ctx, &cp, &h,
		    count - 2, &bad, &missing), -1);
		assert_int_equal(bad, count - 1);
		assert_non_null(strstr(ctx.message, "removed from the end"));
		ctx_clear_error(&ctx);
		/* Edited by hand: the MAC no longer fits, and the hook
		 * leaves the file as it is. */
		f = fopen(cppath, "r+");
		assert_non_null(f);
		fseek(f, 27, SEEK_SET);
		fputc('9', f);
		fclose(f);
		assert_int_equal(audit_checkpoint_read(&ctx, &cp, &h), -1);
		assert_non_null(strstr(ctx.message, "altered"));
		ctx_clear_error(&ctx);
		assert_int_equal(audit_checkpoint_start(&ctx, &cp), -1);
		ctx_clear_error(&ctx);
		assert_int_equal(audit_checkpoint_write(&ctx, &cp), -1);
		ctx_clear_error(&ctx);
		assert_int_equal(audit_checkpoint_read(&ctx, &cp, &h), -1);
		ctx_clear_error(&ctx);
		assert_int_equal(audit_checkpoint_reset(&ctx, &cp), 0);
		assert_int_equal(audit_checkpoint_start(&ctx, &cp), 0);
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

static void
test_signed_head(void **state)
{
	unsigned char master[32] = { 4, 5, 6 };
	struct crypt_keys *keys = crypt_keys_from_bytes(master), *other;
	struct arena *a = arena_new();
	struct audit_head h, got;
	struct ctx ctx;
	char *line, *text, *bad;
	size_t i;

	(void)state;
	ctx_init(&ctx, a, NULL);
	ctx.keys = keys;
	h.id = 4711;
	for (i = 0; i < AUDIT_HASH_LEN; i++)
		h.hash[i] = (unsigned char)(i * 7);
	line = audit_head_line(&ctx, &h, 1764806400);
	assert_non_null(strstr(line, AUDIT_HEAD_MAGIC " id=4711 hash=00070e"));
	assert_non_null(strstr(line, " at=2025-12-04T00:00:00Z sig="));
	assert_int_equal(audit_head_parse(&ctx, line, &got), 0);
	assert_int_equal(got.id, 4711);
	assert_memory_equal(got.hash, h.hash, AUDIT_HASH_LEN);
	/* In a log line, after older heads: the last one counts. */
	h.id = 12;
	text = arena_printf(a, "{\"msg\":\"audit head: %s\"}\nnoise\n"
	    "{\"msg\":\"audit head: %s\"}\n", audit_head_line(&ctx, &h,
	    1764806300), line);
	assert_int_equal(audit_head_parse(&ctx, text, &got), 0);
	assert_int_equal(got.id, 4711);
	/* Any change to what is signed, or to the signature, fails. */
	bad = arena_strdup(a, line);
	bad[strlen(AUDIT_HEAD_MAGIC) + 4] = '8';	/* id=8711 */
	assert_int_equal(audit_head_parse(&ctx, bad, &got), -1);
	assert_int_equal(ctx.status, ST_INVALID);
	assert_int_equal(got.id, 0);
	ctx_clear_error(&ctx);
	bad = arena_strdup(a, line);
	*strstr(bad, "hash=00") = 'H';
	assert_int_equal(audit_head_parse(&ctx, bad, &got), -1);
	ctx_clear_error(&ctx);
	bad = arena_strdup(a, line);
	strstr(bad, " at=2025")[7] = '6';
	assert_int_equal(audit_head_parse(&ctx, bad, &got), -1);
	ctx_clear_error(&ctx);
	bad = arena_strdup(a, line);
	i = strlen(bad) - 1;
	bad[i] = bad[i] == '0' ? '1' : '0';
	assert_int_equal(audit_head_parse(&ctx, bad, &got), -1);
	ctx_clear_error(&ctx);
	assert_int_equal(audit_head_parse(&ctx, "nothing here", &got), -1);
	ctx_clear_error(&ctx);
	/* Another folder's key does not verify it. */
	master[0] = 9;
	other = crypt_keys_from_bytes(master);
	ctx.keys = other;
	assert_int_equal(audit_head_parse(&ctx, line, &got), -1);
	assert_non_null(strstr(ctx.message, "does not verify"));
	text = audit_head_public_key(&ctx);
	ctx.keys = keys;
	assert_string_not_equal(text, audit_head_public_key(&ctx));
	assert_int_equal(strlen(text), 64);
	crypt_keys_free(other);
	crypt_keys_free(keys);
	arena_free(a);
}

static void
sqlite_exec(const char *db, const char *sql)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "sqlite3 '%s' '%s'", db, sql);
	assert_int_equal(system(cmd), 0);
}

/*
 * The end of the trail cut off, with and without the checkpoint: the
 * start check refuses, the hook writes nothing, and a signed head made
 * before the cut catches it even after the checkpoint was reset.
 */
static void
test_cut_tail(void **state)
{
	unsigned char master[32] = { 7, 7, 7 };
	char dir[] = "/tmp/schakel-audit-XXXXXX", path[64], cppath[64];
	char cmd[96], *line;
	struct store_opts opts = { 0 };
	struct audit_checkpoint cp;
	struct audit_head h, signed_head, newest;
	struct arena *a = arena_new();
	struct ctx ctx;
	struct store *st;
	int64_t bad;
	int i;

	(void)state;
	log_set_quiet(true);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/a.db", dir);
	snprintf(cppath, sizeof(cppath), "%s/audit.head", dir);
	ctx_init(&ctx, a, NULL);
	ctx.keys = crypt_keys_from_bytes(master);
	memset(&cp, 0, sizeof(cp));
	cp.path = cppath;
	cp.keys = ctx.keys;
	cp.may_create = true;		/* a new trail */
	opts.path = path;
	opts.create = true;
	opts.migrate = true;
	assert_int_equal(store_open(&ctx, &opts, &st), 0);
	ctx.store = st;
	store_on_commit(st, audit_checkpoint_hook, &cp);
	for (i = 0; i < 20; i++)
		assert_int_equal(store_write(&ctx, append, "login"), 0);
	assert_int_equal(audit_checkpoint_start(&ctx, &cp), 0);
	assert_int_equal(audit_checkpoint_read(&ctx, &cp, &h), 0);
	assert_int_equal(h.id, 20);
	assert_false(cp.may_create);
	assert_int_equal(audit_newest(&ctx, &newest), 0);
	line = audit_head_line(&ctx, &newest, 1764806400);
	assert_int_equal(audit_head_parse(&ctx, line, &signed_head), 0);
	assert_int_equal(audit_head_match(&ctx, &signed_head, 20, "it",
	    &bad), 0);
	ctx.conn = NULL;
	/* The arena gives its read connections back before the store
	 * goes. */
	arena_free(a);
	a = arena_new();
	ctx.arena = a;
	store_close(st);

	/* Two entries cut, checkpoint kept: refused, and left alone. */
	sqlite_exec(path, "DELETE FROM audit WHERE id > 18");
	assert_int_equal(store_open(&ctx, &opts, &st), 0);
	ctx.store = st;
	store_on_commit(st, audit_checkpoint_hook, &cp);
	assert_int_equal(audit_checkpoint_start(&ctx, &cp), -1);
	assert_non_null(strstr(ctx.message, "19 to 20 were removed"));
	ctx_clear_error(&ctx);
	/* New entries on the cut trail do not move the checkpoint on, not
	 * even when one takes the id it records (as after a restore). */
	assert_int_equal(store_write(&ctx, append, "logout"), 0);
	assert_int_equal(store_write(&ctx, append, "logout"), 0);
	assert_int_equal(audit_newest(&ctx, &newest), 0);
	assert_int_equal(newest.id, 20);
	assert_int_equal(audit_checkpoint_start(&ctx, &cp), -1);
	assert_non_null(strstr(ctx.message, "20"));
	ctx_clear_error(&ctx);
	sqlite_exec(path, "DELETE FROM audit WHERE id > 18");
	/* And without the checkpoint. */
	assert_int_equal(unlink(cppath), 0);
	assert_int_equal(audit_checkpoint_start(&ctx, &cp), -1);
	assert_non_null(strstr(ctx.message, "no audit checkpoint"));
	ctx_clear_error(&ctx);
	assert_int_equal(store_write(&ctx, append, "logout"), 0);
	assert_null(fopen(cppath, "r"));
	assert_int_equal(audit_checkpoint_start(&ctx, &cp), -1);
	ctx_clear_error(&ctx);
	/* Reset by an operator: it starts, but the head signed before the
	 * cut shows that entry 20 is not the one it was. */
	assert_int_equal(store_write(&ctx, append, "logout"), 0);
	assert_int_equal(audit_checkpoint_reset(&ctx, &cp), 0);
	assert_int_equal(audit_checkpoint_start(&ctx, &cp), 0);
	assert_int_equal(audit_head_match(&ctx, &signed_head, 20,
	    "the signed head", &bad), -1);
	assert_int_equal(bad, 20);
	assert_non_null(strstr(ctx.message, "is not the one the signed head"));
	ctx_clear_error(&ctx);
	/* A head beyond the chain's end: cut. */
	assert_int_equal(audit_head_match(&ctx, &signed_head, 18,
	    "the signed head", &bad), -1);
	assert_int_equal(bad, 19);
	ctx_clear_error(&ctx);
	/* The newest entry edited in place is caught at the start too. */
	sqlite_exec(path, "UPDATE audit SET action = \"login\" WHERE id = 20");
	assert_int_equal(audit_checkpoint_start(&ctx, &cp), -1);
	assert_non_null(strstr(ctx.message, "entry 20 was changed"));
	ctx_clear_error(&ctx);
	ctx.conn = NULL;
	/* The arena gives its read connections back before the store
	 * goes. */
	arena_free(a);
	a = arena_new();
	ctx.arena = a;
	store_close(st);
	crypt_keys_free((struct crypt_keys *)(uintptr_t)ctx.keys);
	arena_free(a);
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
		cmocka_unit_test(test_signed_head),
		cmocka_unit_test(test_cut_tail),
	};

	if (crypt_init() == -1)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}

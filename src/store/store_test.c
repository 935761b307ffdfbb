/*
 * Store tests on a real SQLite file: migrations, bound statements,
 * constraint errors, group-committed writes where one failing write does
 * not disturb the others, newer schemas refused, backup and restore.
 */
#include "core/testing.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/log.h"
#include "store/store.h"

struct fixture {
	char		 dir[64];
	char		 path[96];
	struct arena	*arena;
	struct ctx	 ctx;
	struct store	*st;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct store_opts opts = { 0 };

	log_set_quiet(true);
	snprintf(f->dir, sizeof(f->dir), "/tmp/schakel-store-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/t.db", f->dir);
	f->arena = arena_new();
	ctx_init(&f->ctx, f->arena, NULL);
	opts.path = f->path;
	opts.create = true;
	opts.migrate = true;
	if (store_open(&f->ctx, &opts, &f->st) == -1)
		return -1;
	f->ctx.store = f->st;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[160];

	f->ctx.conn = NULL;
	arena_free(f->arena);
	store_close(f->st);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static int
insert_org(struct ctx *ctx, void *p)
{
	const char *name = p;

	return store_exec(ctx, Q_ORG_INSERT, ARGS(store_text(name),
	    store_text("other"), store_null(), store_int(0),
	    store_int(time_now())), NULL);
}

static int
count_orgs(struct ctx *ctx)
{
	struct store_rows *r;

	assert_int_equal(store_exec(ctx, Q_ORG_LIST, NOARGS, &r), 0);
	return (int)r->nrows;
}

static int
count_orgs_rc(struct ctx *ctx)
{
	struct store_rows *r;

	return store_exec(ctx, Q_ORG_LIST, NOARGS, &r);
}

static void
test_migrated_and_versioned(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(store_schema_version(f->st), store_known_version());
	assert_true(store_known_version() >= 1);
	assert_string_equal(store_backend_name(f->st), "sqlite");
}

static void
test_write_then_read(void **state)
{
	struct fixture *f = *state;
	struct store_rows *r;

	assert_int_equal(store_write(&f->ctx, insert_org, "Org A"), 0);
	assert_int_equal(store_exec(&f->ctx, Q_ORG_BY_NAME,
	    ARGS(store_text("Org A")), &r), 0);
	assert_int_equal(r->nrows, 1);
	assert_true(rows_int(r, 0, 0) > 0);
	assert_int_equal(store_row(&f->ctx, Q_ORG_BY_NAME,
	    ARGS(store_text("nobody")), &r, "no such organisation"), -1);
	assert_int_equal(f->ctx.status, ST_NOTFOUND);
}

static void
test_constraint_is_conflict_and_changes_nothing(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(store_write(&f->ctx, insert_org, "Dup"), 0);
	assert_int_equal(store_write(&f->ctx, insert_org, "Dup"), -1);
	assert_int_equal(f->ctx.status, ST_CONFLICT);
	ctx_clear_error(&f->ctx);
	assert_int_equal(count_orgs(&f->ctx), 1);
}

static int
insert_two_then_fail(struct ctx *ctx, void *p)
{
	(void)p;
	if (insert_org(ctx, "half one") == -1)
		return -1;
	if (insert_org(ctx, "half two") == -1)
		return -1;
	return fail(ctx, ST_INVALID, "changed my mind");
}

static void
test_failed_write_rolls_back_itself_only(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(store_write(&f->ctx, insert_two_then_fail, NULL), -1);
	assert_int_equal(f->ctx.status, ST_INVALID);
	ctx_clear_error(&f->ctx);
	assert_int_equal(count_orgs(&f->ctx), 0);
	assert_int_equal(store_write(&f->ctx, insert_org, "after"), 0);
	assert_int_equal(count_orgs(&f->ctx), 1);
}

struct writer_arg {
	struct store	*st;
	int		 base;
	int		 ok;
};

static void *
writer(void *p)
{
	struct writer_arg *w = p;
	struct arena *a;
	struct ctx ctx;
	char name[32];
	int i;

	for (i = 0; i < 50; i++) {
		a = arena_new();
		ctx_init(&ctx, a, w->st);
		/* Every tenth write fails; its neighbours must commit. */
		snprintf(name, sizeof(name), "w%d-%d", w->base, i);
		if (i % 10 == 9) {
			if (store_write(&ctx, insert_two_then_fail, NULL) == -1)
				w->ok++;
		} else if (store_write(&ctx, insert_org, name) == 0) {
			w->ok++;
		}
		ctx.conn = NULL;
		arena_free(a);
	}
	return NULL;
}

static void
test_concurrent_writes_group_and_isolate(void **state)
{
	struct fixture *f = *state;
	struct writer_arg args[8];
	pthread_t t[8];
	int i, ok = 0;

	for (i = 0; i < 8; i++) {
		args[i].st = f->st;
		args[i].base = i;
		args[i].ok = 0;
		pthread_create(&t[i], NULL, writer, &args[i]);
	}
	for (i = 0; i < 8; i++) {
		pthread_join(t[i], NULL);
		ok += args[i].ok;
	}
	assert_int_equal(ok, 8 * 50);
	/* 45 good writes each; the failing ones left nothing behind. */
	assert_int_equal(count_orgs(&f->ctx), 8 * 45);
}

static int
bump_version(struct ctx *ctx, void *p)
{
	(void)p;
	return store_exec(ctx, Q_SCHEMA_RECORD, ARGS(store_int(9999),
	    store_text("future"), store_int(0)), NULL);
}

static void
test_newer_schema_refused(void **state)
{
	struct fixture *f = *state;
	struct store_opts opts = { 0 };
	struct store *st2 = NULL;
	struct arena *a = arena_new();
	struct ctx ctx;

	assert_int_equal(store_write(&f->ctx, bump_version, NULL), 0);
	ctx_init(&ctx, a, NULL);
	opts.path = f->path;
	opts.migrate = true;
	assert_int_equal(store_open(&ctx, &opts, &st2), -1);
	assert_null(st2);
	assert_non_null(strstr(ctx.message, "newer schakel"));
	arena_free(a);
}

static void
test_open_missing_without_create(void **state)
{
	struct store_opts opts = { 0 };
	struct store *st2 = NULL;
	struct arena *a = arena_new();
	struct ctx ctx;

	(void)state;
	ctx_init(&ctx, a, NULL);
	opts.path = "/tmp/schakel-no-such-dir/x.db";
	assert_int_equal(store_open(&ctx, &opts, &st2), -1);
	assert_int_equal(ctx.status, ST_NOTFOUND);
	arena_free(a);
}

static void
test_backup_and_restore(void **state)
{
	struct fixture *f = *state;
	char backup[128], target[128];
	struct store_opts opts = { 0 };
	struct store *st2;
	struct arena *a = arena_new();
	struct ctx ctx;

	assert_int_equal(store_write(&f->ctx, insert_org, "kept"), 0);
	snprintf(backup, sizeof(backup), "%s/backup.db", f->dir);
	assert_int_equal(store_backup(&f->ctx, f->st, backup), 0);
	/* A backup never overwrites a file. */
	assert_int_equal(store_backup(&f->ctx, f->st, backup), -1);
	ctx_clear_error(&f->ctx);

	snprintf(target, sizeof(target), "%s/restored.db", f->dir);
	ctx_init(&ctx, a, NULL);
	assert_int_equal(store_restore(&ctx, target, backup), 0);
	assert_int_equal(store_restore(&ctx, target, "/etc/hostname"), -1);
	ctx_clear_error(&ctx);
	opts.path = target;
	opts.migrate = true;
	assert_int_equal(store_open(&ctx, &opts, &st2), 0);
	ctx.store = st2;
	assert_int_equal(count_orgs(&ctx), 1);
	ctx.conn = NULL;
	arena_free(a);
	store_close(st2);
}

struct reader {
	struct store	*st;
	int		 rc;
	int64_t		 waited_ms;
};

static void *
late_reader(void *p)
{
	struct reader *r = p;
	struct arena *a = arena_new();
	struct ctx ctx;
	int64_t t0 = time_mono_ns();

	ctx_init(&ctx, a, r->st);
	r->rc = count_orgs_rc(&ctx);
	r->waited_ms = (time_mono_ns() - t0) / 1000000;
	ctx.conn = NULL;
	arena_free(a);
	return NULL;
}

static void
test_pool_limit_waits_for_a_connection(void **state)
{
	struct fixture *f = *state;
	struct store_opts opts = { 0 };
	struct arena *a = arena_new(), *held = arena_new();
	struct ctx ctx, hold;
	struct store *st;
	struct reader r = { 0 };
	pthread_t t;

	ctx_init(&ctx, a, NULL);
	opts.path = f->path;
	opts.pool_max = 1;
	assert_int_equal(store_open(&ctx, &opts, &st), 0);
	ctx_init(&hold, held, st);
	assert_int_equal(count_orgs_rc(&hold), 0);	/* holds the only one */
	r.st = st;
	pthread_create(&t, NULL, late_reader, &r);
	usleep(200 * 1000);
	hold.conn = NULL;
	arena_free(held);			/* gives it back */
	pthread_join(t, NULL);
	assert_int_equal(r.rc, 0);
	assert_true(r.waited_ms >= 150);
	arena_free(a);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migrated_and_versioned,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_then_read, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_constraint_is_conflict_and_changes_nothing, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_failed_write_rolls_back_itself_only, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_concurrent_writes_group_and_isolate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_refused,
		    setup, teardown),
		cmocka_unit_test(test_open_missing_without_create),
		cmocka_unit_test_setup_teardown(test_backup_and_restore, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_pool_limit_waits_for_a_connection, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

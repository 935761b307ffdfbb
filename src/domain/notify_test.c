/* Unit tests for notify: a notification made, listed, seen and done, only
 * by its own user; the outbox pass with a sender that fails (attempts
 * counted, 1, 2, 4 ... minutes apart, the row never dropped) and then
 * succeeds; and an account without an address gets no mail.  On a real
 * SQLite store (the queries on PostgreSQL in store_pg_test.c, the fault
 * paths in faults_test.c, the HTTP side in tests/api/notifications,
 * mail and notify-events tests). */
#include "core/testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/log.h"
#include "crypt/crypt.h"
#include "domain/catalog.h"
#include "domain/notify.h"
#include "domain/org.h"
#include "domain/user.h"
#include "store/store.h"

static struct {
	struct arena	*arena;
	struct ctx	 ctx;
	struct store	*store;
	char		 dir[40];
	int64_t		 school, beheer;
	int64_t		 reporter, other, admin;
} w;

static void
fresh(void)
{
	arena_free(w.arena);
	w.arena = arena_new();
	w.ctx.arena = w.arena;
	w.ctx.conn = NULL;
	w.ctx.fields = NULL;
	w.ctx.capfields = 0;
	ctx_clear_error(&w.ctx);
}

static void
act_as(int64_t user, int64_t org, enum role role)
{
	w.ctx.who.user_id = user;
	w.ctx.who.org_id = org;
	w.ctx.who.role = role;
}

static int64_t
make_org(const char *name, const char *type)
{
	struct org_in in = { name, type, "GM0363" };
	int64_t id;

	assert_int_equal(org_create(&w.ctx, &in, true, &id), 0);
	return id;
}

static int64_t
make_user(const char *name, const char *role, int64_t org)
{
	struct user_in in;
	char *uri;
	int64_t id;

	memset(&in, 0, sizeof(in));
	in.username = name;
	in.role = role;
	in.org_id = org;
	in.password = "correct horse battery staple";
	assert_int_equal(user_create(&w.ctx, &in, true, &id, &uri), 0);
	return id;
}

static int
email_job(struct ctx *ctx, void *p)
{
	(void)p;
	return notify_email_put(ctx, w.reporter, "leraar@school.example");
}

static int
setup(void **state)
{
	static const unsigned char master[32] = { 9, 9, 9 };
	struct store_opts opts = { 0 };
	char path[64];

	(void)state;
	log_set_quiet(true);
	memset(&w, 0, sizeof(w));
	snprintf(w.dir, sizeof(w.dir), "/tmp/schakel-notify-XXXXXX");
	assert_non_null(mkdtemp(w.dir));
	snprintf(path, sizeof(path), "%s/n.db", w.dir);
	w.arena = arena_new();
	ctx_init(&w.ctx, w.arena, NULL);
	w.ctx.keys = crypt_keys_from_bytes(master);
	opts.path = path;
	opts.create = true;
	opts.migrate = true;
	assert_int_equal(store_open(&w.ctx, &opts, &w.store), 0);
	w.ctx.store = w.store;
	assert_int_equal(municipality_load(&w.ctx), 0);
	assert_int_equal(catalog_load(&w.ctx), 0);
	act_as(0, 0, ROLE_ADMIN);
	w.school = make_org("School", "other");
	w.beheer = make_org("Beheerders", "other");
	w.reporter = make_user("leraar", "reporter", w.school);
	w.other = make_user("collega", "reporter", w.school);
	w.admin = make_user("beheer", "admin", w.beheer);
	act_as(w.admin, w.beheer, ROLE_ADMIN);
	assert_int_equal(store_write(&w.ctx, email_job, NULL), 0);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[80];

	(void)state;
	time_set_offset(0);
	fresh();
	store_close(w.store);
	crypt_keys_free((struct crypt_keys *)(uintptr_t)w.ctx.keys);
	arena_free(w.arena);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", w.dir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

struct tell {
	int64_t		 user;
	int64_t		 obj;
	bool		 done;
};

static int
tell_job(struct ctx *ctx, void *p)
{
	struct tell *t = p;

	if (t->done)
		return notify_done(ctx, t->user, "question", "signal", t->obj);
	return notify_user(ctx, t->user, "question", "signal", t->obj);
}

static int
tell(int64_t user, int64_t obj, bool done)
{
	struct tell t = { user, obj, done };

	return store_write(&w.ctx, tell_job, &t);
}

/* Outbox rows not yet sent, however far off their next attempt;
 * attempts of the first in *attempts. */
static size_t
queued(int64_t *attempts)
{
	struct store_rows *r;

	fresh();
	assert_int_equal(store_exec(&w.ctx, Q_OUTBOX_DUE, ARGS(
	    store_int(time_now() + 100 * 86400), store_int(100)), &r), 0);
	if (attempts != NULL && r->nrows > 0)
		*attempts = rows_int(r, 0, 4);
	return r->nrows;
}

static void
test_own_notifications(void **state)
{
	struct notification *n;
	size_t count;
	int64_t unseen;

	(void)state;
	fresh();
	assert_int_equal(tell(w.reporter, 41, false), 0);
	/* Nobody to tell: nothing made. */
	assert_int_equal(tell(0, 41, false), 0);
	act_as(w.reporter, w.school, ROLE_REPORTER);
	assert_int_equal(notify_list(&w.ctx, &n, &count, &unseen), 0);
	assert_int_equal(count, 1);
	assert_int_equal(unseen, 1);
	assert_string_equal(n[0].kind, "question");
	assert_string_equal(n[0].obj_type, "signal");
	assert_int_equal(n[0].obj_id, 41);
	assert_int_equal(n[0].seen_at, 0);
	assert_int_equal(n[0].done_at, 0);
	/* Another user's is one that does not exist. */
	fresh();
	act_as(w.other, w.school, ROLE_REPORTER);
	assert_int_equal(notify_seen(&w.ctx, n[0].id), -1);
	assert_int_equal(w.ctx.status, ST_NOTFOUND);
	assert_int_equal(notify_list(&w.ctx, &n, &count, &unseen), 0);
	assert_int_equal(count, 0);
	fresh();
	act_as(w.reporter, w.school, ROLE_REPORTER);
	assert_int_equal(notify_list(&w.ctx, &n, &count, &unseen), 0);
	assert_int_equal(notify_seen(&w.ctx, n[0].id), 0);
	assert_int_equal(notify_list(&w.ctx, &n, &count, &unseen), 0);
	assert_int_equal(unseen, 0);
	assert_true(n[0].seen_at > 0);
	assert_int_equal(tell(w.reporter, 41, true), 0);
	assert_int_equal(notify_list(&w.ctx, &n, &count, &unseen), 0);
	assert_true(n[0].done_at > 0);
	/* The reporter has an address: one mail queued; the colleague has
	 * none: none. */
	assert_int_equal(queued(NULL), 1);
	assert_int_equal(tell(w.other, 42, false), 0);
	assert_int_equal(queued(NULL), 1);
}

struct sender {
	int		 calls;
	bool		 fail;
	char		 to[64];
};

static int
send_stub(void *arg, const char *to, const char *kind, const char *link,
    const char **code)
{
	struct sender *s = arg;

	s->calls++;
	snprintf(s->to, sizeof(s->to), "%s", to);
	assert_string_equal(kind, "question");
	assert_string_equal(link, NOTIFY_LINK);
	if (s->fail) {
		*code = "connect";
		return -1;
	}
	return 0;
}

static void
test_outbox_failing_sender(void **state)
{
	struct sender s = { 0, true, "" };
	size_t sent, failed;
	int64_t attempts = 0;

	(void)state;
	fresh();
	assert_int_equal(tell(w.reporter, 43, false), 0);
	assert_int_equal(queued(&attempts), 1);
	assert_int_equal(attempts, 0);
	/* Down: the attempt is counted, the row stays. */
	assert_int_equal(notify_outbox_pass(&w.ctx, send_stub, &s, 10, &sent,
	    &failed), 0);
	assert_int_equal(sent, 0);
	assert_int_equal(failed, 1);
	assert_int_equal(s.calls, 1);
	assert_string_equal(s.to, "leraar@school.example");
	assert_int_equal(queued(&attempts), 1);
	assert_int_equal(attempts, 1);
	/* Not tried again before its minute is up. */
	assert_int_equal(notify_outbox_pass(&w.ctx, send_stub, &s, 10, &sent,
	    &failed), 0);
	assert_int_equal(s.calls, 1);
	time_set_offset(61);
	assert_int_equal(notify_outbox_pass(&w.ctx, send_stub, &s, 10, &sent,
	    &failed), 0);
	assert_int_equal(s.calls, 2);
	assert_int_equal(queued(&attempts), 1);
	assert_int_equal(attempts, 2);
	/* The next waits two minutes: one is not enough. */
	time_set_offset(61 + 61);
	assert_int_equal(notify_outbox_pass(&w.ctx, send_stub, &s, 10, &sent,
	    &failed), 0);
	assert_int_equal(s.calls, 2);
	/* Up again: sent once, then gone from the queue. */
	s.fail = false;
	time_set_offset(61 + 121);
	assert_int_equal(notify_outbox_pass(&w.ctx, send_stub, &s, 10, &sent,
	    &failed), 0);
	assert_int_equal(sent, 1);
	assert_int_equal(failed, 0);
	assert_int_equal(s.calls, 3);
	assert_int_equal(queued(NULL), 0);
	assert_int_equal(notify_outbox_pass(&w.ctx, send_stub, &s, 10, &sent,
	    &failed), 0);
	assert_int_equal(s.calls, 3);
	time_set_offset(0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_own_notifications, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_outbox_failing_sender,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

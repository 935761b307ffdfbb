/* Unit tests for notify: a notification made, listed, seen and done, only
 * by its own user; the outbox pass with a sender that fails (attempts
 * counted, 1, 2, 4 ... minutes apart, the row never dropped) and then
 * succeeds; and an account without an address gets no mail.  On a real
 * SQLite store (the queries on PostgreSQL in store_pg_test.c, the fault
 * paths in faults_test.c, the HTTP side in tests/api/notifications,
 * mail and notify-events tests). */
#include "core/testing.h"
#include "domain/test_world.h"

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
	int64_t		 school, beheer;
	int64_t		 reporter, other, admin;
} w;

static int
email_job(struct ctx *ctx, void *p)
{
	(void)p;
	return notify_email_put(ctx, w.reporter, "leraar@school.example");
}

static int
setup(void **state)
{
	(void)state;
	memset(&w, 0, sizeof(w));
	tw_open("notify", false);
	w.school = tw_org("School", "other");
	w.beheer = tw_org("Beheerders", "other");
	w.reporter = tw_user("leraar", "reporter", w.school);
	w.other = tw_user("collega", "reporter", w.school);
	w.admin = tw_user("beheer", "admin", w.beheer);
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	assert_int_equal(store_write(&tw.ctx, email_job, NULL), 0);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	return tw_close();
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

	return store_write(&tw.ctx, tell_job, &t);
}

/* Outbox rows not yet sent, however far off their next attempt;
 * attempts of the first in *attempts. */
static size_t
queued(int64_t *attempts)
{
	struct store_rows *r;

	tw_fresh();
	assert_int_equal(store_exec(&tw.ctx, Q_OUTBOX_DUE, ARGS(
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
	int64_t unseen, id;

	(void)state;
	tw_fresh();
	assert_int_equal(tell(w.reporter, 41, false), 0);
	/* Nobody to tell: nothing made. */
	assert_int_equal(tell(0, 41, false), 0);
	tw_as(w.reporter, w.school, ROLE_REPORTER);
	assert_int_equal(notify_list(&tw.ctx, &n, &count, &unseen), 0);
	assert_int_equal(count, 1);
	assert_int_equal(unseen, 1);
	assert_string_equal(n[0].kind, "question");
	assert_string_equal(n[0].obj_type, "signal");
	assert_int_equal(n[0].obj_id, 41);
	assert_int_equal(n[0].seen_at, 0);
	assert_int_equal(n[0].done_at, 0);
	/* Another user's is one that does not exist.  (The list lived in
	 * the request's arena: keep its id before the next request.) */
	id = n[0].id;
	tw_fresh();
	tw_as(w.other, w.school, ROLE_REPORTER);
	assert_int_equal(notify_seen(&tw.ctx, id), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	assert_int_equal(notify_list(&tw.ctx, &n, &count, &unseen), 0);
	assert_int_equal(count, 0);
	tw_fresh();
	tw_as(w.reporter, w.school, ROLE_REPORTER);
	assert_int_equal(notify_list(&tw.ctx, &n, &count, &unseen), 0);
	assert_int_equal(notify_seen(&tw.ctx, n[0].id), 0);
	assert_int_equal(notify_list(&tw.ctx, &n, &count, &unseen), 0);
	assert_int_equal(unseen, 0);
	assert_true(n[0].seen_at > 0);
	assert_int_equal(tell(w.reporter, 41, true), 0);
	assert_int_equal(notify_list(&tw.ctx, &n, &count, &unseen), 0);
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
	tw_fresh();
	assert_int_equal(tell(w.reporter, 43, false), 0);
	assert_int_equal(queued(&attempts), 1);
	assert_int_equal(attempts, 0);
	/* Down: the attempt is counted, the row stays. */
	assert_int_equal(notify_outbox_pass(&tw.ctx, send_stub, &s, 10, &sent,
	    &failed), 0);
	assert_int_equal(sent, 0);
	assert_int_equal(failed, 1);
	assert_int_equal(s.calls, 1);
	assert_string_equal(s.to, "leraar@school.example");
	assert_int_equal(queued(&attempts), 1);
	assert_int_equal(attempts, 1);
	/* Not tried again before its minute is up. */
	assert_int_equal(notify_outbox_pass(&tw.ctx, send_stub, &s, 10, &sent,
	    &failed), 0);
	assert_int_equal(s.calls, 1);
	time_set_offset(61);
	assert_int_equal(notify_outbox_pass(&tw.ctx, send_stub, &s, 10, &sent,
	    &failed), 0);
	assert_int_equal(s.calls, 2);
	assert_int_equal(queued(&attempts), 1);
	assert_int_equal(attempts, 2);
	/* The next waits two minutes: one is not enough. */
	time_set_offset(61 + 61);
	assert_int_equal(notify_outbox_pass(&tw.ctx, send_stub, &s, 10, &sent,
	    &failed), 0);
	assert_int_equal(s.calls, 2);
	/* Up again: sent once, then gone from the queue. */
	s.fail = false;
	time_set_offset(61 + 121);
	assert_int_equal(notify_outbox_pass(&tw.ctx, send_stub, &s, 10, &sent,
	    &failed), 0);
	assert_int_equal(sent, 1);
	assert_int_equal(failed, 0);
	assert_int_equal(s.calls, 3);
	assert_int_equal(queued(NULL), 0);
	assert_int_equal(notify_outbox_pass(&tw.ctx, send_stub, &s, 10, &sent,
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

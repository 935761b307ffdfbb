/* Unit tests for sweep: a signal past its triage deadline is told to
 * its point's advisors once, however often the sweep runs; one that no
 * point sees is recorded as told although nobody could be, so later
 * sweeps do not try again; a signal within its deadline is left alone.
 * On a real SQLite store (the queries on PostgreSQL in store_pg_test.c,
 * the fault paths in faults_test.c; referrals, escalations and
 * placements end to end on both back ends in
 * tests/api/notify-events.test.mjs). */
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
#include "domain/region.h"
#include "domain/signal.h"
#include "domain/sweep.h"
#include "domain/user.h"
#include "store/store.h"

#define YEAR	(366 * 86400)

static struct {
	int64_t		 point, school;
	int64_t		 reporter, advisor, colleague, admin;
} w;

static int
setup(void **state)
{
	(void)state;
	memset(&w, 0, sizeof(w));
	tw_open("sweep", false);
	w.point = tw_org("Meldpunt", "advice_point");
	w.school = tw_org("School", "other");
	w.reporter = tw_user("leraar", "reporter", w.school);
	w.advisor = tw_user("adviseur", "advisor", w.point);
	w.colleague = tw_user("collega", "advisor", w.point);
	w.admin = tw_user("beheer", "admin", w.point);
	tw_as(w.admin, w.point, ROLE_ADMIN);
	tw_region("VT Amsterdam", "veilig_thuis", "GM0363", "Meldpunt");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	return tw_close();
}

static int64_t
file_signal(const char *municipality)
{
	static const char *ind[] = { "OM-1a-1" }, *forms[] = { "labour" },
	    *needs[] = { "SAFE-PLAN" };
	struct signal_person p;
	struct signal_in in;
	int64_t id, due;

	memset(&in, 0, sizeof(in));
	memset(&p, 0, sizeof(p));
	in.municipality = municipality;
	in.urgency = "days";
	in.indicators.v = ind;
	in.indicators.n = 1;
	in.forms.v = forms;
	in.forms.n = 1;
	in.help_needs.v = needs;
	in.help_needs.n = 1;
	in.description = "Werkt 's nachts en lijkt niet vrij te zijn.";
	p.kind = "victim";
	p.estimated_age = 17;
	in.persons.v = &p;
	in.persons.n = 1;
	tw_fresh();
	tw_as(w.reporter, w.school, ROLE_REPORTER);
	assert_int_equal(signal_file(&tw.ctx, &in, &id, &due), 0);
	return id;
}

/* How many of the user's notifications are "overdue" on signal id. */
static size_t
overdue_of(int64_t user, int64_t org, int64_t signal)
{
	struct notification *n;
	size_t i, count, k = 0;
	int64_t unseen;

	tw_fresh();
	tw_as(user, org, ROLE_ADVISOR);
	assert_int_equal(notify_list(&tw.ctx, &n, &count, &unseen), 0);
	for (i = 0; i < count; i++)
		if (strcmp(n[i].kind, "overdue") == 0 &&
		    strcmp(n[i].obj_type, "signal") == 0 &&
		    n[i].obj_id == signal)
			k++;
	return k;
}

static size_t
sweep(int64_t at)
{
	size_t made = 99;

	tw_fresh();
	tw_as(0, 0, ROLE_ADMIN);
	assert_int_equal(sweep_deadlines(&tw.ctx, at, &made), 0);
	return made;
}

static void
test_signal_told_once(void **state)
{
	int64_t sig;

	(void)state;
	sig = file_signal("GM0363");
	/* Within its deadline: nothing. */
	assert_int_equal(sweep(time_now()), 0);
	assert_int_equal(overdue_of(w.advisor, w.point, sig), 0);
	/* Past it: each advisor of the point, once. */
	assert_int_equal(sweep(time_now() + YEAR), 1);
	assert_int_equal(overdue_of(w.advisor, w.point, sig), 1);
	assert_int_equal(overdue_of(w.colleague, w.point, sig), 1);
	assert_int_equal(sweep(time_now() + YEAR), 0);
	assert_int_equal(sweep(time_now() + 2 * YEAR), 0);
	assert_int_equal(overdue_of(w.advisor, w.point, sig), 1);
	assert_int_equal(overdue_of(w.colleague, w.point, sig), 1);
}

static void
test_nobody_to_tell(void **state)
{
	struct store_rows *r;
	int64_t sig;

	(void)state;
	/* Rotterdam: no point sees it and no fallback point is named. */
	sig = file_signal("GM0599");
	assert_int_equal(sweep(time_now() + YEAR), 1);
	assert_int_equal(overdue_of(w.advisor, w.point, sig), 0);
	/* Recorded all the same: the next sweep has nothing new. */
	assert_int_equal(sweep(time_now() + YEAR), 0);
	tw_fresh();
	assert_int_equal(store_exec(&tw.ctx, Q_COPY_NOTICE_ALL, NOARGS, &r), 0);
	assert_int_equal(r->nrows, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signal_told_once),
		cmocka_unit_test(test_nobody_to_tell),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

/*
 * Retention and the right of access, on SQLite: which cases are due at
 * the boundary, what a purge destroys and what it keeps, that a second
 * purge does nothing, that a person on another case keeps their identity
 * until that case is purged too, and that an export for a suspect holds
 * nothing of the victim.
 */
#include "core/testing.h"
#include "domain/test_world.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/log.h"
#include "crypt/crypt.h"
#include "domain/case.h"
#include "domain/catalog.h"
#include "domain/org.h"
#include "domain/region.h"
#include "domain/retention.h"
#include "domain/signal.h"
#include "domain/subject.h"
#include "domain/user.h"
#include "store/store.h"

struct world {
	int64_t		 point, school, cc;
	int64_t		 reporter, advisor, coord, admin;
	int64_t		 sig, kase, kase2;
};

static struct world w;

/*
 * A signal about Mira Petrova (a victim) and Ivan Petrov (a suspect),
 * decided open_case: w.kase, accepted, with a plan and a note.  Then
 * w.kase2, opened directly, with Mira on it too (the same person by
 * name and birth date) and Ivan as its victim.
 */
static void
cases(void)
{
	static const char *ind[] = { "OM-1a-1" }, *forms[] = { "labour" },
	    *needs[] = { "SAFE-PLAN" };
	struct plan_task t[] = { { "Opvang", "Een veilige kamer" } };
	struct signal_person p[2];
	struct signal_in in;
	struct case_in ci;
	struct case_plan plan;
	const char *status;
	int64_t due;

	memset(&in, 0, sizeof(in));
	memset(p, 0, sizeof(p));
	in.municipality = "GM0363";
	in.urgency = "days";
	in.indicators.v = ind;
	in.indicators.n = 1;
	in.forms.v = forms;
	in.forms.n = 1;
	in.help_needs.v = needs;
	in.help_needs.n = 1;
	in.description = "Slaapt in de kas van de werkgever.";
	in.actions_taken = "Gesprek gevoerd.";
	p[0].kind = "victim";
	p[0].name = "Mira Petrova";
	p[0].birth_date = "2001-05-17";
	p[0].phone = "06 11112222";
	p[1].kind = "suspect";
	p[1].name = "Ivan Petrov";
	p[1].birth_date = "1980-02-03";
	in.persons.v = p;
	in.persons.n = 2;
	tw_as(w.reporter, w.school, ROLE_REPORTER);
	assert_int_equal(signal_file(&tw.ctx, &in, &w.sig, &due), 0);
	tw_as(w.advisor, w.point, ROLE_ADVISOR);
	assert_int_equal(signal_claim(&tw.ctx, w.sig), 0);
	assert_int_equal(signal_decide(&tw.ctx, w.sig, "open_case", NULL, NULL,
	    &status, &w.kase), 0);
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	assert_int_equal(case_accept(&tw.ctx, w.kase), 0);
	memset(&plan, 0, sizeof(plan));
	plan.goals = "Een eigen kamer en ander werk.";
	plan.tasks.v = t;
	plan.tasks.n = 1;
	assert_int_equal(plan_set(&tw.ctx, w.kase, &plan), 0);
	assert_int_equal(timeline_note(&tw.ctx, w.kase, "Mira belde vanuit "
	    "de opvang.", NULL), 0);

	memset(&ci, 0, sizeof(ci));
	memset(p, 0, sizeof(p));
	ci.type = "trafficking";
	ci.forms.v = forms;
	ci.forms.n = 1;
	ci.municipality = "GM0363";
	ci.source = "police";
	ci.summary = "Ivan aangetroffen in een loods.";
	p[0].kind = "victim";
	p[0].name = "Ivan Petrov";
	p[0].birth_date = "1980-02-03";
	p[1].kind = "other";
	p[1].name = "Mira Petrova";
	p[1].birth_date = "2001-05-17";
	ci.persons.v = p;
	ci.persons.n = 2;
	assert_int_equal(case_open(&tw.ctx, &ci, &w.kase2), 0);
	tw_fresh();
}

static int
setup(void **state)
{
	(void)state;
	memset(&w, 0, sizeof(w));
	tw_open("retention", false);
	w.point = tw_org("Meldpunt", "advice_point");
	w.school = tw_org("School", "other");
	w.cc = tw_org("Zorgcoordinatie", "care_coordination");
	w.reporter = tw_user("leraar", "reporter", w.school);
	w.advisor = tw_user("adviseur", "advisor", w.point);
	w.coord = tw_user("coordinator", "coordinator", w.cc);
	w.admin = tw_user("beheer", "admin", w.point);
	tw_as(w.admin, w.point, ROLE_ADMIN);
	tw_region("VT Amsterdam", "veilig_thuis", "GM0363", "Meldpunt");
	tw_region("ZC Amsterdam", "care_coordination", "GM0363",
	    "Zorgcoordinatie");
	cases();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	return tw_close();
}

/* Close case id now; its closing time. */
static int64_t
close_case(int64_t id)
{
	struct care_case *c;
	int64_t at;

	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	assert_int_equal(case_set_status(&tw.ctx, id, "closed",
	    "care_completed", NULL), 0);
	tw_fresh();
	c = case_get(&tw.ctx, id);
	assert_non_null(c);
	at = c->closed_at;
	assert_true(at > 0);
	tw_fresh();
	return at;
}

static bool
due(int64_t cutoff, int64_t id)
{
	int64_t *ids;
	size_t i, n;
	bool found = false;

	assert_int_equal(retention_due(&tw.ctx, cutoff, &ids, &n), 0);
	for (i = 0; i < n; i++)
		if (ids[i] == id)
			found = true;
	tw_fresh();
	return found;
}

static int64_t
at(const char *date, int64_t seconds)
{
	int32_t days;

	assert_int_equal(date_parse(date, &days), 0);
	return (int64_t)days * 86400 + seconds;
}

static void
test_cutoff(void **state)
{
	(void)state;
	assert_int_equal(retention_cutoff(at("2046-03-01", 36000), 20),
	    at("2026-03-01", 36000));
	assert_int_equal(retention_cutoff(at("2044-02-29", 5), 20),
	    at("2024-02-29", 5));
	/* No 29 February a year back: the 28th. */
	assert_int_equal(retention_cutoff(at("2028-02-29", 0), 1),
	    at("2027-02-28", 0));
	assert_int_equal(retention_cutoff(at("2027-01-01", 0), 1),
	    at("2026-01-01", 0));
}

static void
test_due_at_the_boundary(void **state)
{
	int64_t closed;
	bool done;

	(void)state;
	assert_false(due(INT64_MAX / 2, w.kase));	/* not closed */
	closed = close_case(w.kase);
	assert_false(due(closed - 1, w.kase));
	assert_true(due(closed, w.kase));
	assert_false(due(closed, w.kase2));
	/* The write checks again: a cutoff before the closing purges
	 * nothing. */
	assert_int_equal(retention_purge_case(&tw.ctx, w.kase, closed - 1,
	    &done), 0);
	assert_false(done);
	tw_fresh();
	/* 20 years and a second after closing it is due by the period. */
	time_set_offset(0);
	assert_false(due(retention_cutoff(time_now(), 20), w.kase));
	time_set_offset(at("2046-01-01", 0) - at("2026-01-01", 0) + 86400);
	assert_true(due(retention_cutoff(time_now(), 20), w.kase));
	time_set_offset(0);
	/* Reopened: no longer due. */
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	assert_int_equal(case_set_status(&tw.ctx, w.kase, "reopened", NULL,
	    "Weer in beeld."), 0);
	tw_fresh();
	assert_false(due(closed, w.kase));
}

static void
test_purge(void **state)
{
	struct subject_query q;
	struct care_case *c;
	struct signal *s;
	const char *text;
	int64_t closed, *ids, person;
	size_t i, n, events;
	bool done;

	(void)state;
	closed = close_case(w.kase);
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	assert_int_equal(retention_purge_case(&tw.ctx, w.kase, closed, &done),
	    0);
	assert_true(done);
	/* ctx's user is back after the system's write. */
	assert_int_equal(tw.ctx.who.user_id, w.coord);
	tw_fresh();

	/* Destroyed: the personal fields. */
	c = case_get(&tw.ctx, w.kase);
	assert_non_null(c);
	assert_true(c->h.purged_at > 0);
	assert_null(c->summary);
	assert_int_equal(c->npersons, 2);
	for (i = 0; i < c->npersons; i++) {
		assert_null(c->persons[i].p.name);
		assert_null(c->persons[i].p.birth_date);
		assert_null(c->persons[i].p.phone);
	}
	assert_int_equal(c->nelsewhere, 0);
	assert_int_equal(c->nsignals, 0);
	for (i = 0; i < c->nevents; i++)
		assert_null(c->events[i].text);
	assert_string_equal(c->events[c->nevents - 1].kind, "purged");
	assert_null(c->events[c->nevents - 1].username);
	assert_non_null(c->plan);
	assert_null(c->plan->goals);
	assert_int_equal(c->plan->tasks.n, 0);
	/* Kept: what the numbers need. */
	assert_string_equal(c->h.type, "trafficking");
	assert_string_equal(c->h.forms, "labour");
	assert_string_equal(c->h.status, "closed");
	assert_string_equal(c->close_reason, "care_completed");
	assert_string_equal(c->h.municipality, "GM0363");
	assert_int_equal(c->h.org_id, w.cc);
	assert_int_equal(c->closed_at, closed);
	assert_string_equal(c->persons[0].p.kind, "victim");
	assert_string_equal(c->persons[1].p.kind, "suspect");
	assert_string_equal(c->persons[0].p.age_band, "23-29");
	assert_int_equal(c->nneeds, 1);
	events = c->nevents;
	tw_fresh();

	/* The signal it was opened on, emptied too. */
	tw_as(w.advisor, w.point, ROLE_ADVISOR);
	s = signal_get(&tw.ctx, w.sig);
	assert_non_null(s);
	assert_null(s->description);
	assert_null(s->actions_taken);
	assert_int_equal(s->npersons, 2);
	assert_null(s->persons[0].name);
	assert_string_equal(s->persons[0].kind, "victim");
	tw_fresh();

	/* Both are on case 2, which is not purged: it still knows them. */
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	c = case_get(&tw.ctx, w.kase2);
	assert_non_null(c);
	assert_string_equal(c->persons[0].p.name, "Ivan Petrov");
	assert_string_equal(c->persons[1].p.name, "Mira Petrova");
	assert_string_equal(c->summary, "Ivan aangetroffen in een loods.");
	tw_fresh();

	/* A purged case takes no change. */
	assert_int_equal(timeline_note(&tw.ctx, w.kase, "Nog iets.", NULL),
	    -1);
	assert_int_equal(tw.ctx.status, ST_CONFLICT);
	tw_fresh();

	/* Again: nothing due, nothing done, nothing added. */
	assert_false(due(closed, w.kase));
	assert_int_equal(retention_purge_case(&tw.ctx, w.kase, closed, &done),
	    0);
	assert_false(done);
	tw_fresh();
	c = case_get(&tw.ctx, w.kase);
	assert_int_equal(c->nevents, events);
	tw_fresh();

	/* Case 2 purged as well: now the registry forgets them. */
	closed = close_case(w.kase2);
	assert_int_equal(retention_due(&tw.ctx, closed, &ids, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], w.kase2);
	assert_int_equal(retention_purge_case(&tw.ctx, w.kase2, closed, &done),
	    0);
	assert_true(done);
	tw_fresh();
	c = case_get(&tw.ctx, w.kase2);
	assert_null(c->summary);
	assert_null(c->persons[0].p.name);
	person = c->persons[1].id;
	tw_fresh();
	memset(&q, 0, sizeof(q));
	q.person = person;
	text = subject_export(&tw.ctx, &q);
	assert_non_null(text);
	assert_non_null(strstr(text, "identity: none held"));
	assert_null(strstr(text, "Mira"));
	assert_non_null(strstr(text, "age band: 23-29"));
	tw_fresh();
	/* Nor does a blind index find her any more. */
	memset(&q, 0, sizeof(q));
	q.name = "Mira Petrova";
	q.birth_date = "2001-05-17";
	assert_null(subject_export(&tw.ctx, &q));
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	tw_fresh();
}

static void
test_period_setting(void **state)
{
	int64_t years;

	(void)state;
	assert_int_equal(retention_years(&tw.ctx, &years), 0);
	assert_int_equal(years, RETENTION_YEARS_DEFAULT);
	tw_fresh();
	assert_int_equal(retention_set_years(&tw.ctx, 0), -1);
	assert_int_equal(tw.ctx.status, ST_INVALID);
	tw_fresh();
	assert_int_equal(retention_set_years(&tw.ctx, 25), 0);
	tw_fresh();
	assert_int_equal(retention_years(&tw.ctx, &years), 0);
	assert_int_equal(years, 25);
	tw_fresh();
}

/* The registry id of the n-th person of case id. */
static int64_t
person_of(int64_t id, size_t k)
{
	struct care_case *c;
	int64_t p;

	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	c = case_get(&tw.ctx, id);
	assert_non_null(c);
	p = c->persons[k].id;
	tw_fresh();
	return p;
}

static void
test_export(void **state)
{
	static const char *const victims[] = { "Mira Petrova", "2001-05-17",
	    "06 11112222", "Slaapt in de kas", "Gesprek gevoerd",
	    "Een eigen kamer", "Een veilige kamer", "Mira belde", "leraar",
	    "School", "adviseur" };
	struct subject_query q;
	const char *text;
	size_t i;

	(void)state;
	tw_as(0, 0, ROLE_NONE);
	/* Mira, the victim of case 1 and "other" on case 2. */
	memset(&q, 0, sizeof(q));
	q.name = "mira  petrova";
	q.birth_date = "2001-05-17";
	tw.ctx.reason = "verzoek 2026-17";
	text = subject_export(&tw.ctx, &q);
	assert_non_null(text);
	assert_non_null(strstr(text, "verzoek 2026-17"));
	assert_non_null(strstr(text, "Mira Petrova"));
	assert_non_null(strstr(text, "Slaapt in de kas"));
	assert_non_null(strstr(text, "Mira belde vanuit de opvang."));
	assert_non_null(strstr(text, "Een eigen kamer"));
	assert_non_null(strstr(text, "by coordinator"));
	/* Case 2 is Ivan's: that she is on it, nothing of it. */
	assert_null(strstr(text, "Ivan"));
	assert_null(strstr(text, "loods"));
	tw_fresh();

	/* Ivan, the suspect of case 1 (and the victim of case 2): nothing
	 * of Mira, of her case, or of who helps her. */
	memset(&q, 0, sizeof(q));
	q.person = person_of(w.kase, 1);
	tw_as(0, 0, ROLE_NONE);
	text = subject_export(&tw.ctx, &q);
	assert_non_null(text);
	assert_non_null(strstr(text, "Ivan Petrov"));
	assert_non_null(strstr(text, "recorded as: suspect"));
	assert_non_null(strstr(text, "Ivan aangetroffen in een loods."));
	for (i = 0; i < sizeof(victims) / sizeof(victims[0]); i++)
		if (strstr(text, victims[i]) != NULL)
			fail_msg("the suspect's export holds '%s':\n%s",
			    victims[i], text);
	tw_fresh();

	/* Nobody: not found, and the search is on the record. */
	memset(&q, 0, sizeof(q));
	q.id_number = "111222333";
	assert_null(subject_export(&tw.ctx, &q));
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	tw_fresh();
	memset(&q, 0, sizeof(q));
	q.id_number = "123";
	assert_null(subject_export(&tw.ctx, &q));
	assert_int_equal(tw.ctx.status, ST_INVALID);
	tw.ctx.reason = NULL;
	tw_fresh();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cutoff),
		cmocka_unit_test_setup_teardown(test_due_at_the_boundary,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_purge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_period_setting, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_export, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for placement: the authorisation durations per kind, the
 * warning days, the emergency overrun, minority and the overlap rule
 * (the store side is in faults_test.c, store_pg_test.c and the API
 * tests). */
#include "core/testing.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/placement.h"

static int32_t
D(const char *s)
{
	int32_t day;

	if (date_parse(s, &day) == -1)
		fail_msg("bad date literal '%s'", s);
	return day;
}

static void
same(int32_t got, const char *want)
{
	if (got != D(want)) {
		struct arena *a = arena_new();

		print_error("got %s, want %s\n", date_format(a, got), want);
		arena_free(a);
		fail_msg("wrong day");
	}
}

/* Check an authorisation; the fields named, comma-separated. */
static const char *
check(const char *kind, const char *decided, const char *from,
    const char *until, const char *pfrom, const char *puntil)
{
	static char names[256];
	struct placement_auth_in in = { kind, decided, from, until };
	struct placement_auth out;
	struct arena *a = arena_new();
	struct ctx ctx;
	size_t i;
	int rc;

	ctx_init(&ctx, a, NULL);
	rc = placement_check_auth(&ctx, &in, pfrom != NULL ? D(pfrom) : -1,
	    puntil != NULL ? D(puntil) : -1, D("2026-12-05"), &out);
	names[0] = '\0';
	for (i = 0; i < ctx.nfields; i++)
		snprintf(names + strlen(names), sizeof(names) - strlen(names),
		    "%s%s", i > 0 ? "," : "", ctx.fields[i].field);
	assert_int_equal(rc == 0, ctx.nfields == 0);
	arena_free(a);
	return names;
}

static void
test_durations(void **state)
{
	(void)state;
	/* One year: from the 15th through the 14th, not a day more. */
	same(placement_auth_last_day("authorisation", D("2026-01-15")),
	    "2027-01-14");
	assert_string_equal(check("authorisation", "2026-01-10",
	    "2026-01-15", "2027-01-14", NULL, NULL), "");
	assert_string_equal(check("authorisation", "2026-01-10",
	    "2026-01-15", "2027-01-15", NULL, NULL), "valid_until");
	/* Four weeks: 28 days, the first one included. */
	same(placement_auth_last_day("emergency", D("2026-11-20")),
	    "2026-12-17");
	assert_string_equal(check("emergency", "2026-11-20", "2026-11-20",
	    "2026-12-17", NULL, NULL), "");
	assert_string_equal(check("emergency", "2026-11-20", "2026-11-20",
	    "2026-12-18", NULL, NULL), "valid_until");
	/* Six months over month ends: 31 January runs through 30 July;
	 * 31 August to the last of February, less the day. */
	same(placement_auth_last_day("conditional", D("2026-01-31")),
	    "2026-07-30");
	assert_string_equal(check("conditional", "2026-01-20", "2026-01-31",
	    "2026-07-30", NULL, NULL), "");
	assert_string_equal(check("conditional", "2026-01-20", "2026-01-31",
	    "2026-07-31", NULL, NULL), "valid_until");
	same(placement_auth_last_day("conditional", D("2026-08-31")),
	    "2027-02-27");
	same(placement_auth_last_day("conditional", D("2027-08-31")),
	    "2028-02-28");
	/* A leap day: one year on is 28 February, less the day. */
	same(placement_auth_last_day("authorisation", D("2028-02-29")),
	    "2029-02-27");
}

static void
test_fields(void **state)
{
	(void)state;
	/* Nothing given: every field named at once. */
	assert_string_equal(check(NULL, NULL, NULL, NULL, NULL, NULL),
	    "authorisation_kind,decided_on,valid_from,valid_until");
	assert_string_equal(check("lifelong", "2026-12-06", "2026-12-06",
	    "2026-12-10", NULL, NULL), "authorisation_kind,decided_on");
	assert_string_equal(check("authorisation", "2026-12-01",
	    "2026-11-30", "2026-11-20", NULL, NULL),
	    "valid_from,valid_until");
	/* The placement's days within the authorisation. */
	assert_string_equal(check("authorisation", "2026-06-01",
	    "2026-06-01", "2026-12-31", "2026-05-31", "2027-01-01"),
	    "from,until");
	assert_string_equal(check("authorisation", "2026-06-01",
	    "2026-06-01", "2026-12-31", "2026-06-01", "2026-12-31"), "");
}

static void
test_warnings(void **state)
{
	struct placement_auth a;
	struct placement_warn w;

	(void)state;
	memset(&a, 0, sizeof(a));
	a.kind = "authorisation";
	a.valid_from = D("2026-03-01");
	a.valid_until = D("2027-02-28");
	placement_warnings(&a, false, D("2027-01-30"), &w);
	same(w.warn_from, "2027-01-31");		/* four weeks */
	assert_false(w.ending);
	placement_warnings(&a, false, D("2027-01-31"), &w);
	assert_true(w.ending);
	assert_false(w.expired);
	assert_false(w.overrun);
	placement_warnings(&a, false, D("2027-03-01"), &w);
	assert_false(w.ending);
	assert_true(w.expired);
	assert_false(w.overrun);		/* not an emergency one */
	placement_warnings(&a, true, D("2027-03-01"), &w);
	assert_false(w.expired);		/* ended: nothing to warn */

	/* An emergency authorisation: one week, then the overrun. */
	a.kind = "emergency";
	a.valid_from = D("2026-11-20");
	a.valid_until = D("2026-12-17");
	placement_warnings(&a, false, D("2026-12-09"), &w);
	same(w.warn_from, "2026-12-10");
	assert_false(w.ending);
	placement_warnings(&a, false, D("2026-12-17"), &w);
	assert_true(w.ending);
	assert_false(w.overrun);
	placement_warnings(&a, false, D("2026-12-18"), &w);
	assert_true(w.overrun);
	/* Recorded valid longer than four weeks: flagged at once. */
	a.valid_until = D("2026-12-18");
	placement_warnings(&a, false, D("2026-11-21"), &w);
	assert_true(w.overrun);
	placement_warnings(NULL, false, D("2026-11-21"), &w);
	assert_int_equal(w.warn_from, -1);
	assert_false(w.ending || w.expired || w.overrun);
}

static void
test_minor_and_status(void **state)
{
	(void)state;
	assert_true(placement_minor_on(D("2009-06-15"), D("2027-06-14")));
	assert_false(placement_minor_on(D("2009-06-15"), D("2027-06-15")));
	/* Born on a leap day: 18 on 28 February of a common year. */
	assert_true(placement_minor_on(D("2008-02-29"), D("2026-02-27")));
	assert_false(placement_minor_on(D("2008-02-29"), D("2026-02-28")));
	assert_string_equal(placement_status(D("2026-12-06"), NULL,
	    D("2026-12-05")), "planned");
	assert_string_equal(placement_status(D("2026-12-05"), NULL,
	    D("2026-12-05")), "current");
	assert_string_equal(placement_status(D("2026-12-01"), "completed",
	    D("2026-12-05")), "ended");
	assert_int_equal(placement_auth_rule("emergency"),
	    LEGAL_CLOSED_EMERGENCY);
	assert_int_equal(placement_auth_rule("conditional"),
	    LEGAL_CLOSED_CONDITIONAL);
	assert_int_equal(placement_auth_rule("authorisation"),
	    LEGAL_CLOSED_AUTH);
}

static void
test_overlap(void **state)
{
	(void)state;
	/* One ends on the day the next starts: allowed. */
	assert_false(placement_overlaps(D("2026-01-01"), D("2026-03-01"),
	    D("2026-03-01"), -1));
	assert_false(placement_overlaps(D("2026-03-01"), -1, D("2026-01-01"),
	    D("2026-03-01")));
	/* A day more is an overlap. */
	assert_true(placement_overlaps(D("2026-01-01"), D("2026-03-02"),
	    D("2026-03-01"), -1));
	/* Open ends overlap whatever comes after. */
	assert_true(placement_overlaps(D("2026-01-01"), -1, D("2030-01-01"),
	    D("2030-02-01")));
	assert_true(placement_overlaps(D("2026-01-01"), -1, D("2025-01-01"),
	    -1));
	/* One inside the other. */
	assert_true(placement_overlaps(D("2026-01-01"), D("2026-12-31"),
	    D("2026-05-01"), D("2026-05-02")));
	/* Apart. */
	assert_false(placement_overlaps(D("2026-01-01"), D("2026-01-31"),
	    D("2026-02-02"), D("2026-02-10")));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_minor_and_status),
		cmocka_unit_test(test_overlap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

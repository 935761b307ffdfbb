/* Unit tests for legal: the table, and periods of months and years over
 * month ends and leap years. */
#include "core/testing.h"

#include <string.h>

#include "core/clock.h"
#include "domain/legal.h"

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

static void
test_table(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < LEGAL__COUNT; i++) {
		const struct legal_rule *r = legal_rule((enum legal_id)i);

		assert_non_null(r->code);
		assert_true(r->amount > 0);
		assert_non_null(r->source);
		/* A rule that is not law says so where it is shown. */
		if (!r->law)
			assert_non_null(strstr(r->source, "not law"));
		else
			assert_null(strstr(r->source, "not law"));
		/* Closed youth care is Jeugdwet, chapter 6. */
		if (i >= LEGAL_CLOSED_AUTH && i <= LEGAL_CLOSED_MINOR)
			assert_non_null(strstr(r->source, "Jeugdwet"));
	}
	assert_non_null(strstr(legal_rule(LEGAL_REFLECTION)->source,
	    "Vreemdelingencirculaire 2000, B8/3"));
	assert_non_null(strstr(legal_rule(LEGAL_PERMIT)->source,
	    "Vreemdelingencirculaire 2000, B8/3"));
	assert_int_equal(legal_rule(LEGAL_REFLECTION)->amount, 3);
	assert_int_equal(legal_rule(LEGAL_REFLECTION)->unit, LEGAL_MONTHS);
	assert_int_equal(legal_rule(LEGAL_PERMIT)->amount, 1);
	assert_int_equal(legal_rule(LEGAL_PERMIT)->unit, LEGAL_YEARS);
	assert_string_equal(legal_unit_name(LEGAL_MONTHS), "months");
}

static void
test_months(void **state)
{
	(void)state;
	same(legal_add(D("2026-01-15"), 3, LEGAL_MONTHS), "2026-04-15");
	/* Month ends: the last day of a shorter month. */
	same(legal_add(D("2026-01-31"), 1, LEGAL_MONTHS), "2026-02-28");
	same(legal_add(D("2028-01-31"), 1, LEGAL_MONTHS), "2028-02-29");
	same(legal_add(D("2025-11-30"), 3, LEGAL_MONTHS), "2026-02-28");
	same(legal_add(D("2027-11-30"), 3, LEGAL_MONTHS), "2028-02-29");
	same(legal_add(D("2026-05-31"), 1, LEGAL_MONTHS), "2026-06-30");
	same(legal_add(D("2026-03-31"), 3, LEGAL_MONTHS), "2026-06-30");
	same(legal_add(D("2026-12-31"), 3, LEGAL_MONTHS), "2027-03-31");
	/* Over a year's end, and backwards. */
	same(legal_add(D("2026-11-10"), 3, LEGAL_MONTHS), "2027-02-10");
	same(legal_add(D("2026-03-31"), -1, LEGAL_MONTHS), "2026-02-28");
	same(legal_add(D("2027-01-10"), -3, LEGAL_MONTHS), "2026-10-10");
	/* The reflection period through the table. */
	same(legal_end(LEGAL_REFLECTION, D("2026-08-31")), "2026-11-30");
}

static void
test_years(void **state)
{
	(void)state;
	same(legal_add(D("2026-06-01"), 1, LEGAL_YEARS), "2027-06-01");
	/* 29 February: 28 February in a common year, itself in 4. */
	same(legal_add(D("2028-02-29"), 1, LEGAL_YEARS), "2029-02-28");
	same(legal_add(D("2028-02-29"), 4, LEGAL_YEARS), "2032-02-29");
	/* 2100 is no leap year, 2000 was. */
	same(legal_add(D("2096-02-29"), 4, LEGAL_YEARS), "2100-02-28");
	same(legal_add(D("1996-02-29"), 4, LEGAL_YEARS), "2000-02-29");
	same(legal_end(LEGAL_PERMIT, D("2026-12-31")), "2027-12-31");
}

static void
test_days_and_warnings(void **state)
{
	(void)state;
	same(legal_add(D("2028-02-28"), 1, LEGAL_DAYS), "2028-02-29");
	same(legal_add(D("2026-12-31"), 1, LEGAL_DAYS), "2027-01-01");
	same(legal_warn_from(LEGAL_WARN_REFLECTION, D("2026-03-10")),
	    "2026-02-24");
	same(legal_warn_from(LEGAL_WARN_PERMIT, D("2027-03-01")),
	    "2027-01-04");
}

/* Closed youth care: the three authorisations, the age and the
 * warnings (domain/placement.h applies them). */
static void
test_closed_youth_care(void **state)
{
	(void)state;
	assert_int_equal(legal_rule(LEGAL_CLOSED_AUTH)->amount, 1);
	assert_int_equal(legal_rule(LEGAL_CLOSED_AUTH)->unit, LEGAL_YEARS);
	assert_int_equal(legal_rule(LEGAL_CLOSED_EMERGENCY)->amount, 28);
	assert_int_equal(legal_rule(LEGAL_CLOSED_EMERGENCY)->unit,
	    LEGAL_DAYS);
	assert_int_equal(legal_rule(LEGAL_CLOSED_CONDITIONAL)->amount, 6);
	assert_int_equal(legal_rule(LEGAL_CLOSED_CONDITIONAL)->unit,
	    LEGAL_MONTHS);
	assert_int_equal(legal_rule(LEGAL_CLOSED_MINOR)->amount, 18);
	assert_true(legal_rule(LEGAL_CLOSED_AUTH)->law);
	assert_false(legal_rule(LEGAL_WARN_CLOSED)->law);
	assert_false(legal_rule(LEGAL_WARN_CLOSED_EMERGENCY)->law);
	assert_non_null(strstr(legal_rule(LEGAL_CLOSED_CONDITIONAL)->source,
	    "6.1.4"));
	same(legal_end(LEGAL_CLOSED_CONDITIONAL, D("2026-08-31")),
	    "2027-02-28");
	same(legal_end(LEGAL_CLOSED_EMERGENCY, D("2026-12-20")),
	    "2027-01-17");
	same(legal_warn_from(LEGAL_WARN_CLOSED, D("2027-01-31")),
	    "2027-01-03");
	same(legal_warn_from(LEGAL_WARN_CLOSED_EMERGENCY, D("2027-01-31")),
	    "2027-01-24");
}

/* Turning 18: the age of majority and continued youth care are law,
 * the plan's six months and the reminders are schakel's choice. */
static void
test_adulthood_rows(void **state)
{
	const struct legal_rule *r;

	(void)state;
	r = legal_rule(LEGAL_ADULT_AGE);
	assert_int_equal(r->amount, 18);
	assert_int_equal(r->unit, LEGAL_YEARS);
	assert_true(r->law);
	assert_non_null(strstr(r->source, "1:233"));
	r = legal_rule(LEGAL_YOUTH_CARE_UNTIL);
	assert_int_equal(r->amount, 23);
	assert_true(r->law);
	assert_non_null(strstr(r->source, "Jeugdwet, art. 1.1"));
	r = legal_rule(LEGAL_TRANSITION_PLAN);
	assert_int_equal(r->amount, 6);
	assert_int_equal(r->unit, LEGAL_MONTHS);
	assert_false(r->law);
	assert_int_equal(legal_rule(LEGAL_TRANSITION_WARN_MID)->amount, 3);
	assert_int_equal(legal_rule(LEGAL_TRANSITION_WARN_LAST)->amount, 1);
	assert_false(legal_rule(LEGAL_TRANSITION_WARN_LAST)->law);
	/* Six months before a birthday on 31 August is a month's end. */
	same(legal_warn_from(LEGAL_TRANSITION_PLAN, D("2026-08-31")),
	    "2026-02-28");
	same(legal_warn_from(LEGAL_TRANSITION_PLAN, D("2028-08-31")),
	    "2028-02-29");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_years),
		cmocka_unit_test(test_days_and_warnings),
		cmocka_unit_test(test_closed_youth_care),
		cmocka_unit_test(test_adulthood_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

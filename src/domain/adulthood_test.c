/* Unit tests for adulthood: the 18th birthday (leap days, estimates),
 * the plan's due day and its reminders on working days, the age band
 * that moves on. */
#include "core/testing.h"

#include <string.h>

#include "core/clock.h"
#include "domain/adulthood.h"
#include "domain/signal.h"

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
test_birthday(void **state)
{
	(void)state;
	same(adulthood_day(D("2008-05-05")), "2026-05-05");
	same(adulthood_day(D("2010-02-28")), "2028-02-28");
	/* Born on 29 February: 18 on 1 March, never on 28 February (the
	 * eighteen years are complete only then; docs/legal.md). */
	same(adulthood_day(D("2008-02-29")), "2026-03-01");
	same(adulthood_day(D("2012-02-29")), "2030-03-01");
	same(adulthood_day(D("2000-02-29")), "2018-03-01");
	same(adulthood_day(D("2008-03-01")), "2026-03-01");
	same(adulthood_day(D("2008-12-31")), "2026-12-31");
}

static void
test_estimated(void **state)
{
	struct signal_person p;
	int32_t on;
	bool est;

	(void)state;
	same(adulthood_day_estimated(D("2026-03-10"), 16), "2028-03-10");
	memset(&p, 0, sizeof(p));
	p.estimated_age = 15;
	assert_true(adulthood_of_identity(&p, D("2026-12-05"), &on, &est));
	assert_true(est);
	same(on, "2029-12-05");
	/* A birth date wins over an estimate. */
	p.birth_date = "2009-04-01";
	assert_true(adulthood_of_identity(&p, D("2026-12-05"), &on, &est));
	assert_false(est);
	same(on, "2027-04-01");
	/* An adult by estimate, or nothing known: no birthday to keep. */
	p.birth_date = NULL;
	p.estimated_age = 18;
	assert_false(adulthood_of_identity(&p, D("2026-12-05"), &on, &est));
	p.estimated_age = 0;
	assert_false(adulthood_of_identity(&p, D("2026-12-05"), &on, &est));
}

static void
test_schedule(void **state)
{
	struct adult_schedule s;

	(void)state;
	/* Born 31 August: six months before is the end of February, a
	 * Saturday in 2026: the reminder comes on the Friday before; three
	 * months before is a Sunday, the reminder on Friday 29 May. */
	adulthood_schedule(D("2026-08-31"), &s);
	same(s.plan_due, "2026-02-28");
	same(s.remind[ADULT_REMIND_6M], "2026-02-27");
	same(s.remind[ADULT_REMIND_3M], "2026-05-29");
	same(s.remind[ADULT_REMIND_1M], "2026-07-31");
	/* In a leap year, 29 February. */
	adulthood_schedule(D("2028-08-31"), &s);
	same(s.plan_due, "2028-02-29");
	same(s.remind[ADULT_REMIND_6M], "2028-02-29");
	/* King's Day (Monday 27 April 2026): the Friday before. */
	adulthood_schedule(D("2026-07-27"), &s);
	same(s.remind[ADULT_REMIND_3M], "2026-04-24");
	same(s.remind[ADULT_REMIND_6M], "2026-01-27");
	same(s.remind[ADULT_REMIND_1M], "2026-06-26");
	/* Christmas Day: the 24th. */
	adulthood_schedule(D("2027-01-25"), &s);
	same(s.remind[ADULT_REMIND_1M], "2026-12-24");
	/* Boxing Day, a Saturday, after Christmas: still the 24th. */
	adulthood_schedule(D("2027-03-26"), &s);
	same(s.remind[ADULT_REMIND_3M], "2026-12-24");
	/* The leap-day birthday's plan. */
	adulthood_schedule(adulthood_day(D("2008-02-29")), &s);
	same(s.plan_due, "2025-09-01");
	same(s.remind[ADULT_REMIND_1M], "2026-01-30");
}

static void
test_stage(void **state)
{
	struct adult_schedule s;

	(void)state;
	adulthood_schedule(D("2026-08-31"), &s);
	assert_int_equal(adulthood_stage(&s, D("2026-02-26")), -1);
	assert_int_equal(adulthood_stage(&s, D("2026-02-27")),
	    ADULT_REMIND_6M);
	assert_int_equal(adulthood_stage(&s, D("2026-05-28")),
	    ADULT_REMIND_6M);
	assert_int_equal(adulthood_stage(&s, D("2026-05-29")),
	    ADULT_REMIND_3M);
	assert_int_equal(adulthood_stage(&s, D("2026-08-30")),
	    ADULT_REMIND_1M);
	assert_string_equal(adulthood_stage_name(ADULT_REMIND_3M), "3m");
}

static void
test_age_band(void **state)
{
	int32_t on = adulthood_day(D("2008-02-29"));

	(void)state;
	assert_string_equal(adulthood_age_band(on, D("2026-02-28")), "16-17");
	assert_string_equal(adulthood_age_band(on, D("2026-03-01")), "18-22");
	assert_string_equal(adulthood_age_band(on, D("2031-02-28")), "18-22");
	assert_string_equal(adulthood_age_band(on, D("2031-03-01")), "23-29");
	assert_string_equal(adulthood_age_band(on, D("2024-03-01")), "16-17");
	assert_string_equal(adulthood_age_band(on, D("2024-02-28")), "12-15");
	assert_string_equal(adulthood_age_band(D("2031-01-01"),
	    D("2026-01-01")), "12-15");
	assert_string_equal(adulthood_age_band(D("2032-01-02"),
	    D("2026-01-01")), "0-11");
	assert_string_equal(adulthood_age_band(D("2010-06-01"),
	    D("2026-06-01")), "30+");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_birthday),
		cmocka_unit_test(test_estimated),
		cmocka_unit_test(test_schedule),
		cmocka_unit_test(test_stage),
		cmocka_unit_test(test_age_band),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

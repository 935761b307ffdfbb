/* Unit tests for deadline: Easter, Dutch holidays, working days, due times. */
#include "core/testing.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "domain/deadline.h"

#define test_fail(...) do {						\
	print_error(__VA_ARGS__);					\
	print_error("\n");						\
	_fail(__FILE__, __LINE__);					\
} while (0)

/* The day of a "YYYY-MM-DD" date; the test fails on a bad literal. */
static int32_t
D(const char *s)
{
	int32_t day;

	if (date_parse(s, &day) == -1)
		test_fail("bad date literal '%s'", s);
	return day;
}

/* UTC seconds of "YYYY-MM-DD" and a time of day. */
static int64_t
T(const char *date, int h, int m, int s)
{
	return (int64_t)D(date) * 86400 + h * 3600 + m * 60 + s;
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(deadline_weekday(0), 4);		/* Thursday */
	assert_int_equal(deadline_weekday(-1), 3);
	assert_int_equal(deadline_weekday(D("1969-12-28")), 7);
	assert_int_equal(deadline_weekday(D("2025-04-26")), 6);
	assert_int_equal(deadline_weekday(D("2025-04-27")), 7);
	assert_int_equal(deadline_weekday(D("2026-04-27")), 1);
	assert_int_equal(deadline_weekday(D("2024-02-29")), 4);
}

static void
test_easter(void **state)
{
	static const char *const known[] = {
		"2000-04-23", "2001-04-15", "2002-03-31", "2003-04-20",
		"2004-04-11", "2005-03-27", "2006-04-16", "2007-04-08",
		"2008-03-23", "2009-04-12", "2010-04-04", "2011-04-24",
		"2012-04-08", "2013-03-31", "2014-04-20", "2015-04-05",
		"2016-03-27", "2017-04-16", "2018-04-01", "2019-04-21",
		"2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09",
		"2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28",
		"2028-04-16", "2029-04-01", "2030-04-21",
	};
	int y;
	int32_t e;
	char lo[11], hi[11];

	(void)state;
	for (y = 2000; y <= 2030; y++)
		if (deadline_easter(y) != D(known[y - 2000]))
			test_fail("Easter %d is not %s", y, known[y - 2000]);
	/* The earliest and latest Easter dates of 1900-2200. */
	assert_int_equal(deadline_easter(1913), D("1913-03-23"));
	assert_int_equal(deadline_easter(1943), D("1943-04-25"));
	assert_int_equal(deadline_easter(2038), D("2038-04-25"));
	assert_int_equal(deadline_easter(2160), D("2160-03-23"));
	/* Always a Sunday between 22 March and 25 April. */
	for (y = 1900; y <= 2200; y++) {
		e = deadline_easter(y);
		snprintf(lo, sizeof(lo), "%04d-03-22", y);
		snprintf(hi, sizeof(hi), "%04d-04-25", y);
		if (deadline_weekday(e) != 7 || e < D(lo) || e > D(hi))
			test_fail("Easter %d out of range", y);
	}
}

static void
test_holidays_2025(void **state)
{
	static const char *const holidays[] = {
		"2025-01-01",	/* Nieuwjaarsdag */
		"2025-04-18",	/* Goede Vrijdag */
		"2025-04-20",	/* 1e Paasdag */
		"2025-04-21",	/* 2e Paasdag */
		"2025-04-26",	/* Koningsdag: 27 April is a Sunday */
		"2025-05-05",	/* Bevrijdingsdag, not a lustrum year */
		"2025-05-29",	/* Hemelvaartsdag */
		"2025-06-08",	/* 1e Pinksterdag */
		"2025-06-09",	/* 2e Pinksterdag */
		"2025-12-25",
		"2025-12-26",
	};
	int32_t day, first = D("2025-01-01"), last = D("2025-12-31");
	size_t i, n = 0;

	(void)state;
	for (i = 0; i < sizeof(holidays) / sizeof(holidays[0]); i++)
		if (!deadline_is_holiday(D(holidays[i])))
			test_fail("%s is a holiday", holidays[i]);
	/* Nothing else: exactly these eleven days in the year. */
	for (day = first; day <= last; day++)
		n += deadline_is_holiday(day);
	assert_int_equal(n, 11);
	assert_false(deadline_is_holiday(D("2025-04-27")));
	assert_false(deadline_is_holiday(D("2025-04-17")));
	assert_false(deadline_is_holiday(D("2025-12-24")));
	assert_false(deadline_is_holiday(D("2025-12-31")));
	/* A year's working days: 261 weekdays less the 8 on weekdays. */
	n = 0;
	for (day = first; day <= last; day++)
		n += deadline_is_workday(day);
	assert_int_equal(n, 253);
}

static void
test_koningsdag(void **state)
{
	(void)state;
	/* 2025: the 27th is a Sunday, so Saturday the 26th. */
	assert_true(deadline_is_holiday(D("2025-04-26")));
	assert_false(deadline_is_holiday(D("2025-04-27")));
	/* 2026: Monday the 27th; the 26th is an ordinary Sunday. */
	assert_true(deadline_is_holiday(D("2026-04-27")));
	assert_false(deadline_is_holiday(D("2026-04-26")));
	assert_false(deadline_is_workday(D("2026-04-27")));
	assert_true(deadline_is_workday(D("2026-04-28")));
	/* The first Koningsdag, 2014, also fell on the 26th. */
	assert_true(deadline_is_holiday(D("2014-04-26")));
	/* Koninginnedag before 2014. */
	assert_true(deadline_is_holiday(D("2013-04-30")));
	assert_false(deadline_is_holiday(D("2013-04-27")));
	assert_true(deadline_is_holiday(D("2006-04-29")));
	assert_false(deadline_is_holiday(D("2006-04-30")));
}

static void
test_workdays(void **state)
{
	(void)state;
	assert_true(deadline_is_workday(D("2025-01-02")));
	assert_false(deadline_is_workday(D("2025-01-04")));	/* Sat */
	assert_false(deadline_is_workday(D("2025-01-05")));	/* Sun */
	assert_false(deadline_is_workday(D("2025-05-05")));	/* Mon */
	assert_false(deadline_is_workday(D("2025-05-29")));	/* Thu */
	assert_false(deadline_is_workday(D("2024-03-29")));	/* Fri */
	assert_true(deadline_is_workday(D("2024-04-02")));
}

/* "Due in n working days" and "n working days late", over weekends and
 * holidays, and as the inverse of deadline_add_workdays. */
static void
test_workdays_between(void **state)
{
	int32_t day, to;
	int n;

	(void)state;
	assert_int_equal(deadline_workdays_between(D("2024-04-04"),
	    D("2024-04-04")), 0);
	/* Good Friday to the Tuesday after Easter Monday: one. */
	assert_int_equal(deadline_workdays_between(D("2024-03-29"),
	    D("2024-04-02")), 1);
	assert_int_equal(deadline_workdays_between(D("2024-04-02"),
	    D("2024-03-29")), -1);
	/* Due on a Friday, seen on Saturday: late, but no working day. */
	assert_int_equal(deadline_workdays_between(D("2026-12-04"),
	    D("2026-12-05")), 0);
	/* Due Friday, seen the next Wednesday: three working days late. */
	assert_int_equal(deadline_workdays_between(D("2026-12-09"),
	    D("2026-12-04")), -3);
	/* Christmas 2026: Friday 25th and Saturday 26th are off. */
	assert_int_equal(deadline_workdays_between(D("2026-12-24"),
	    D("2026-12-29")), 2);
	for (day = D("2025-01-01"); day < D("2025-12-31"); day += 3) {
		for (n = 1; n < 12; n += 2) {
			to = deadline_add_workdays(day, n);
			assert_int_equal(deadline_workdays_between(day, to),
			    n);
			assert_int_equal(deadline_workdays_between(to, day),
			    -n);
		}
	}
}

static void
test_add_workdays_easter(void **state)
{
	(void)state;
	/* From Good Friday 2024: skip Sat, Sun and Easter Monday. */
	assert_int_equal(deadline_add_workdays(D("2024-03-29"), 3),
	    D("2024-04-04"));
	assert_int_equal(deadline_add_workdays(D("2024-03-29"), 1),
	    D("2024-04-02"));
	/* From Maundy Thursday: the next working day is the Tuesday. */
	assert_int_equal(deadline_add_workdays(D("2025-04-17"), 1),
	    D("2025-04-22"));
	assert_int_equal(deadline_add_workdays(D("2025-04-17"), 3),
	    D("2025-04-24"));
	/* From the Friday a week before Easter: an ordinary week. */
	assert_int_equal(deadline_add_workdays(D("2024-03-22"), 3),
	    D("2024-03-27"));
	assert_int_equal(deadline_add_workdays(D("2024-03-22"), 5),
	    D("2024-04-02"));
	/* Koningsdag 2026 (Monday) and Ascension 2025 (Thursday). */
	assert_int_equal(deadline_add_workdays(D("2026-04-24"), 1),
	    D("2026-04-28"));
	assert_int_equal(deadline_add_workdays(D("2025-05-28"), 1),
	    D("2025-05-30"));
	/* Bevrijdingsdag 2025 (Monday). */
	assert_int_equal(deadline_add_workdays(D("2025-05-02"), 1),
	    D("2025-05-06"));
}

static void
test_add_workdays_christmas(void **state)
{
	(void)state;
	assert_int_equal(deadline_add_workdays(D("2025-12-23"), 1),
	    D("2025-12-24"));
	assert_int_equal(deadline_add_workdays(D("2025-12-24"), 1),
	    D("2025-12-29"));
	assert_int_equal(deadline_add_workdays(D("2025-12-24"), 3),
	    D("2025-12-31"));
	/* New Year's Day 2026 is a Thursday. */
	assert_int_equal(deadline_add_workdays(D("2025-12-24"), 4),
	    D("2026-01-02"));
	assert_int_equal(deadline_add_workdays(D("2025-12-24"), 5),
	    D("2026-01-05"));
	assert_int_equal(deadline_add_workdays(D("2025-12-31"), 1),
	    D("2026-01-02"));
}

static void
test_add_workdays_zero(void **state)
{
	(void)state;
	/* A working day is its own deadline. */
	assert_int_equal(deadline_add_workdays(D("2025-03-12"), 0),
	    D("2025-03-12"));
	/* A Saturday before Easter: the Tuesday after. */
	assert_int_equal(deadline_add_workdays(D("2024-03-30"), 0),
	    D("2024-04-02"));
	assert_int_equal(deadline_add_workdays(D("2025-12-25"), 0),
	    D("2025-12-29"));
}

/* n working days later is a working day with n - 1 working days between. */
static void
test_add_workdays_property(void **state)
{
	int32_t day, due, k;
	int n, between;

	(void)state;
	for (day = D("2024-01-01"); day <= D("2026-12-31"); day++) {
		for (n = 1; n <= 12; n++) {
			due = deadline_add_workdays(day, n);
			if (!deadline_is_workday(due))
				test_fail("day %d + %d is not a workday", day,
				    n);
			between = 0;
			for (k = day + 1; k < due; k++)
				between += deadline_is_workday(k);
			if (between != n - 1)
				test_fail("day %d + %d: %d between", day, n,
				    between);
		}
	}
}

static void
test_amsterdam_offset(void **state)
{
	(void)state;
	assert_int_equal(deadline_amsterdam_offset(T("2025-01-15", 12, 0, 0)),
	    3600);
	assert_int_equal(deadline_amsterdam_offset(T("2025-07-15", 12, 0, 0)),
	    7200);
	/* Summer time starts 30 March 2025 at 01:00 UTC ... */
	assert_int_equal(deadline_amsterdam_offset(T("2025-03-30", 0, 59, 59)),
	    3600);
	assert_int_equal(deadline_amsterdam_offset(T("2025-03-30", 1, 0, 0)),
	    7200);
	/* ... and ends 26 October 2025 at 01:00 UTC. */
	assert_int_equal(deadline_amsterdam_offset(T("2025-10-26", 0, 59, 59)),
	    7200);
	assert_int_equal(deadline_amsterdam_offset(T("2025-10-26", 1, 0, 0)),
	    3600);
	/* 2024: 31 March and 27 October. */
	assert_int_equal(deadline_amsterdam_offset(T("2024-03-31", 1, 0, 0)),
	    7200);
	assert_int_equal(deadline_amsterdam_offset(T("2024-03-30", 12, 0, 0)),
	    3600);
	assert_int_equal(deadline_amsterdam_offset(T("2024-10-27", 0, 30, 0)),
	    7200);
	assert_int_equal(deadline_amsterdam_offset(T("2024-10-27", 1, 30, 0)),
	    3600);

	/* The local day turns at 23:00 UTC in winter, 22:00 in summer. */
	assert_int_equal(deadline_local_day(T("2025-01-31", 22, 59, 59)),
	    D("2025-01-31"));
	assert_int_equal(deadline_local_day(T("2025-01-31", 23, 0, 0)),
	    D("2025-02-01"));
	assert_int_equal(deadline_local_day(T("2025-06-30", 21, 59, 59)),
	    D("2025-06-30"));
	assert_int_equal(deadline_local_day(T("2025-06-30", 22, 0, 0)),
	    D("2025-07-01"));
}

static const struct deadline_rule acute = { "acute", 0, true, 0 };
static const struct deadline_rule days = { "within_days", 3, false, 0 };
static const struct deadline_rule later = { "not_urgent", 5, false, 0 };
static const struct deadline_rule ninety = { "final", 0, false, 90 };

static void
test_due(void **state)
{
	(void)state;
	/* Friday in winter + 3 working days: Wednesday 23:59:59 CET. */
	assert_int_equal(deadline_due(&days, T("2025-01-10", 10, 0, 0)),
	    T("2025-01-15", 22, 59, 59));
	/* Tuesday in summer + 5: the next Tuesday 23:59:59 CEST. */
	assert_int_equal(deadline_due(&later, T("2025-07-01", 10, 0, 0)),
	    T("2025-07-08", 21, 59, 59));
	/* Acute: the same day, also on a Saturday. */
	assert_int_equal(deadline_due(&acute, T("2025-02-01", 11, 0, 0)),
	    T("2025-02-01", 22, 59, 59));
	/* 00:30 local on 1 July is still 30 June in UTC. */
	assert_int_equal(deadline_due(&acute, T("2025-06-30", 22, 30, 0)),
	    T("2025-07-01", 21, 59, 59));
	assert_int_equal(deadline_due(&acute, T("2025-06-30", 21, 30, 0)),
	    T("2025-06-30", 21, 59, 59));
	/* Created in the last second of the local day: due at once. */
	assert_int_equal(deadline_due(&acute, T("2025-01-31", 22, 59, 59)),
	    T("2025-01-31", 22, 59, 59));
	/* Friday 23:30 local is Friday; Saturday 00:30 counts from Monday. */
	assert_int_equal(deadline_due(&days, T("2025-01-31", 22, 30, 0)),
	    T("2025-02-05", 22, 59, 59));
	assert_int_equal(deadline_due(&acute, T("2025-01-31", 23, 30, 0)),
	    T("2025-02-01", 22, 59, 59));
	/* New Year: local 1 January 2026, a holiday, + 3. */
	assert_int_equal(deadline_due(&days, T("2025-12-31", 23, 30, 0)),
	    T("2026-01-06", 22, 59, 59));
	/* workdays 0 without same_day: the next working day. */
	{
		const struct deadline_rule next = { "next", 0, false, 0 };

		assert_int_equal(deadline_due(&next, T("2025-02-01", 9, 0, 0)),
		    T("2025-02-03", 22, 59, 59));
	}
}

/* Calendar days: counted from the local day, moved off a day off. */
static void
test_due_calendar(void **state)
{
	const struct deadline_rule one = { "one", 0, false, 1 };
	const struct deadline_rule both = { "both", 3, true, 90 };

	(void)state;
	/* Wednesday 8 January + 90: Tuesday 8 April, in summer time. */
	assert_int_equal(deadline_due(&ninety, T("2025-01-08", 10, 0, 0)),
	    T("2025-04-08", 21, 59, 59));
	/* 23:30 local on 7 January counts from the 7th; 00:30 from the
	 * 8th. */
	assert_int_equal(deadline_due(&ninety, T("2025-01-07", 22, 30, 0)),
	    T("2025-04-07", 21, 59, 59));
	assert_int_equal(deadline_due(&ninety, T("2025-01-07", 23, 30, 0)),
	    T("2025-04-08", 21, 59, 59));
	/* Ends on Easter Monday 2025: the Tuesday after. */
	assert_int_equal(deadline_due(&ninety, T("2025-01-21", 10, 0, 0)),
	    T("2025-04-22", 21, 59, 59));
	/* Ends on Saturday 4 January 2025: Monday the 6th, in winter. */
	assert_int_equal(deadline_due(&ninety, T("2024-10-06", 10, 0, 0)),
	    T("2025-01-06", 22, 59, 59));
	/* Friday + 1 is a Saturday: Monday, after summer time ended. */
	assert_int_equal(deadline_due(&one, T("2025-10-24", 10, 0, 0)),
	    T("2025-10-27", 22, 59, 59));
	/* Calendar days go before working days and the same day. */
	assert_int_equal(deadline_due(&both, T("2025-01-08", 10, 0, 0)),
	    T("2025-04-08", 21, 59, 59));
}

static void
test_due_dst(void **state)
{
	(void)state;
	/* Start of summer time, Sunday 30 March 2025. */
	assert_int_equal(deadline_due(&acute, T("2025-03-29", 22, 59, 59)),
	    T("2025-03-29", 22, 59, 59));
	assert_int_equal(deadline_due(&acute, T("2025-03-29", 23, 0, 0)),
	    T("2025-03-30", 21, 59, 59));
	assert_int_equal(deadline_due(&acute, T("2025-03-30", 0, 59, 59)),
	    T("2025-03-30", 21, 59, 59));
	assert_int_equal(deadline_due(&acute, T("2025-03-30", 1, 0, 0)),
	    T("2025-03-30", 21, 59, 59));
	assert_int_equal(deadline_due(&acute, T("2025-03-30", 21, 59, 59)),
	    T("2025-03-30", 21, 59, 59));
	assert_int_equal(deadline_due(&acute, T("2025-03-30", 22, 0, 0)),
	    T("2025-03-31", 21, 59, 59));
	/* Created in winter time, due in summer time. */
	assert_int_equal(deadline_due(&days, T("2025-03-28", 12, 0, 0)),
	    T("2025-04-02", 21, 59, 59));

	/* End of summer time, Sunday 26 October 2025. */
	assert_int_equal(deadline_due(&acute, T("2025-10-25", 21, 59, 59)),
	    T("2025-10-25", 21, 59, 59));
	assert_int_equal(deadline_due(&acute, T("2025-10-25", 22, 30, 0)),
	    T("2025-10-26", 22, 59, 59));
	assert_int_equal(deadline_due(&acute, T("2025-10-26", 1, 30, 0)),
	    T("2025-10-26", 22, 59, 59));
	assert_int_equal(deadline_due(&acute, T("2025-10-26", 22, 59, 59)),
	    T("2025-10-26", 22, 59, 59));
	assert_int_equal(deadline_due(&acute, T("2025-10-26", 23, 0, 0)),
	    T("2025-10-27", 22, 59, 59));
	/* Created in summer time, due in winter time. */
	assert_int_equal(deadline_due(&days, T("2025-10-24", 12, 0, 0)),
	    T("2025-10-29", 22, 59, 59));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_easter),
		cmocka_unit_test(test_holidays_2025),
		cmocka_unit_test(test_koningsdag),
		cmocka_unit_test(test_workdays),
		cmocka_unit_test(test_workdays_between),
		cmocka_unit_test(test_add_workdays_easter),
		cmocka_unit_test(test_add_workdays_christmas),
		cmocka_unit_test(test_add_workdays_zero),
		cmocka_unit_test(test_add_workdays_property),
		cmocka_unit_test(test_amsterdam_offset),
		cmocka_unit_test(test_due),
		cmocka_unit_test(test_due_calendar),
		cmocka_unit_test(test_due_dst),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

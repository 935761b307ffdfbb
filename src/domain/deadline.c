#include "deadline.h"

#include <assert.h>

#define DAY_SECS	86400

/* Division and remainder that round towards minus infinity. */
static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int64_t
floor_mod(int64_t a, int64_t b)
{
	return a - floor_div(a, b) * b;
}

/*
 * Days since 1970-01-01 from a proleptic Gregorian date and back (Howard
 * Hinnant's algorithms), in 64 bits so that no int32_t day overflows.
 */
static int64_t
from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
to_civil(int64_t day, int64_t *y, int *m, int *d)
{
	int64_t z = day + 719468, era, doe, yoe, doy, mp;

	era = floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

int
deadline_weekday(int32_t day)
{
	/* 1970-01-01 was a Thursday. */
	return (int)floor_mod((int64_t)day + 3, 7) + 1;
}

/* The anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
int32_t
deadline_easter(int year)
{
	int a, b, c, d, e, f, g, h, i, k, l, m, month, dom;

	assert(year >= 1583);
	a = year % 19;
	b = year / 100;
	c = year % 100;
	d = b / 4;
	e = b % 4;
	f = (b + 8) / 25;
	g = (b - f + 1) / 3;
	h = (19 * a + b - d - g + 15) % 30;
	i = c / 4;
	k = c % 4;
	l = (32 + 2 * e + 2 * i - h - k) % 7;
	m = (a + 11 * h + 22 * l) / 451;
	month = (h + l - 7 * m + 114) / 31;
	dom = (h + l - 7 * m + 114) % 31 + 1;
	return (int32_t)from_civil(year, month, dom);
}

/*
 * The national public holidays of the Netherlands:
 *   Nieuwjaarsdag             1 January
 *   Goede Vrijdag             Easter - 2
 *   1e en 2e Paasdag          Easter, Easter + 1
 *   Koningsdag                27 April, or 26 April when the 27th is a
 *                             Sunday (since 2014; before that Koninginnedag
 *                             on 30 April, or 29 April when a Sunday, the
 *                             rule from 1980 on)
 *   Bevrijdingsdag            5 May
 *   Hemelvaartsdag            Easter + 39
 *   1e en 2e Pinksterdag      Easter + 49, Easter + 50
 *   1e en 2e Kerstdag         25 and 26 December
 * Bevrijdingsdag counts every year: many collective agreements give it off
 * only once in five years, but government services treat it as a day off
 * and the Algemene termijnenwet counts it for statutory time limits every
 * year.  Goede Vrijdag is not a day off everywhere, but enough of the
 * chain closes that a deadline should not fall on it.
 */
bool
deadline_is_holiday(int32_t day)
{
	int64_t y;
	int m, d, king;
	int64_t off;

	to_civil(day, &y, &m, &d);
	if ((m == 1 && d == 1) || (m == 5 && d == 5) ||
	    (m == 12 && (d == 25 || d == 26)))
		return true;
	if (m == 4) {
		king = y >= 2014 ? 27 : 30;
		if (deadline_weekday((int32_t)from_civil(y, 4, king)) == 7)
			king--;
		if (d == king)
			return true;
	}
	if (y < 1583)
		return false;
	off = (int64_t)day - deadline_easter((int)y);
	return off == -2 || off == 0 || off == 1 || off == 39 || off == 49 ||
	    off == 50;
}

bool
deadline_is_workday(int32_t day)
{
	return deadline_weekday(day) <= 5 && !deadline_is_holiday(day);
}

int32_t
deadline_add_workdays(int32_t day, int n)
{
	assert(n >= 0);
	if (n == 0) {
		while (!deadline_is_workday(day))
			day++;
		return day;
	}
	while (n > 0) {
		day++;
		if (deadline_is_workday(day))
			n--;
	}
	return day;
}

int
deadline_workdays_between(int32_t from, int32_t to)
{
	int32_t lo = from < to ? from : to, hi = from < to ? to : from, d;
	int n = 0;

	for (d = lo + 1; d <= hi; d++)
		if (deadline_is_workday(d))
			n++;
	return from <= to ? n : -n;
}

/* The last Sunday of a month with 31 days, at 01:00 UTC. */
static int64_t
last_sunday_0100(int64_t y, int m)
{
	int64_t last = from_civil(y, m, 31);

	last -= deadline_weekday((int32_t)last) % 7;
	return last * DAY_SECS + 3600;
}

/*
 * EU summer time (directive 2000/84/EC): from the last Sunday of March,
 * 01:00 UTC, to the last Sunday of October, 01:00 UTC.  Applied to every
 * year; the rule has been the same since 1996 and nothing here looks
 * further back than that.
 */
int
deadline_amsterdam_offset(int64_t t)
{
	int64_t y;
	int m, d;

	to_civil(floor_div(t, DAY_SECS), &y, &m, &d);
	if (t >= last_sunday_0100(y, 3) && t < last_sunday_0100(y, 10))
		return 7200;
	return 3600;
}

int32_t
deadline_local_day(int64_t t)
{
	return (int32_t)floor_div(t + deadline_amsterdam_offset(t), DAY_SECS);
}

int64_t
deadline_due(const struct deadline_rule *rule, int64_t created)
{
	int32_t day;
	int64_t local;

	assert(rule->same_day || rule->workdays >= 0);
	assert(rule->calendar_days >= 0);
	day = deadline_local_day(created);
	if (rule->calendar_days > 0)
		day = deadline_add_workdays(day + rule->calendar_days, 0);
	else if (!rule->same_day)
		day = deadline_add_workdays(day, rule->workdays);
	/*
	 * 23:59:59 local is never near a switch (those are at 02:00 and
	 * 03:00 local), so one of the two offsets is consistent.
	 */
	local = (int64_t)day * DAY_SECS + DAY_SECS - 1;
	if (deadline_amsterdam_offset(local - 7200) == 7200)
		return local - 7200;
	return local - 3600;
}

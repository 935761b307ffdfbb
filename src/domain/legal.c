#include "domain/legal.h"

#include <assert.h>
#include <time.h>

/*
 * THE table.  To change a duration, change its line (and docs/legal.md).
 * Sources: Vreemdelingencirculaire 2000 (Vc), chapter B8, section 3:
 * the residence arrangement for victims and witnesses of trafficking.
 */
static const struct legal_rule rules[LEGAL__COUNT] = {
	[LEGAL_REFLECTION] = { "reflection_period", 3, LEGAL_MONTHS, true,
	    "Vreemdelingencirculaire 2000, B8/3.1: reflection period of at "
	    "most three months" },
	[LEGAL_PERMIT] = { "residence_permit", 1, LEGAL_YEARS, true,
	    "Vreemdelingencirculaire 2000, B8/3.1: residence permit for "
	    "victims of trafficking, one year, renewable" },
	[LEGAL_WARN_REFLECTION] = { "reflection_warning", 14, LEGAL_DAYS,
	    false, "schakel's choice, not law: two weeks to prepare the "
	    "next step" },
	[LEGAL_WARN_PERMIT] = { "permit_warning", 8 * 7, LEGAL_DAYS, false,
	    "schakel's choice, not law: eight weeks to apply for renewal in "
	    "time" },
	/* Closed youth care: Jeugdwet chapter 6, section 6.1. */
	[LEGAL_CLOSED_AUTH] = { "closed_authorisation", 1, LEGAL_YEARS, true,
	    "Jeugdwet, chapter 6, section 6.1 (art. 6.1.2 ff.): machtiging "
	    "gesloten jeugdhulp, at most one year; the article that sets the "
	    "duration (6.1.12, as far as we know) is to be verified" },
	[LEGAL_CLOSED_EMERGENCY] = { "closed_emergency", 4 * 7, LEGAL_DAYS,
	    true, "Jeugdwet, chapter 6, section 6.1 (art. 6.1.8 ff.): "
	    "spoedmachtiging, at most four weeks; article to be verified" },
	[LEGAL_CLOSED_CONDITIONAL] = { "closed_conditional", 6, LEGAL_MONTHS,
	    true, "Jeugdwet, chapter 6, section 6.1 (art. 6.1.4 as far as we "
	    "know): voorwaardelijke machtiging, at most six months; article "
	    "to be verified" },
	[LEGAL_CLOSED_MINOR] = { "closed_minor", 18, LEGAL_YEARS, true,
	    "Jeugdwet, art. 1.1 (jeugdige) and 6.1.2: closed youth care for "
	    "a minor; continuation after 18 (to 18.5, under conditions) is "
	    "not supported by schakel" },
	[LEGAL_WARN_CLOSED] = { "closed_warning", 4 * 7, LEGAL_DAYS, false,
	    "schakel's choice, not law: four weeks to ask the court for a "
	    "new authorisation in time" },
	[LEGAL_WARN_CLOSED_EMERGENCY] = { "closed_emergency_warning", 7,
	    LEGAL_DAYS, false, "schakel's choice, not law: one week before "
	    "an emergency authorisation ends" },
	/* Turning 18 (domain/adulthood.h, docs/legal.md). */
	[LEGAL_ADULT_AGE] = { "age_of_majority", 18, LEGAL_YEARS, true,
	    "Burgerlijk Wetboek Boek 1, art. 1:233: minor is who has not "
	    "reached the age of eighteen years" },
	[LEGAL_YOUTH_CARE_UNTIL] = { "continued_youth_care_until", 23,
	    LEGAL_YEARS, true, "Jeugdwet, art. 1.1, definition of jeugdige: "
	    "youth care that started before 18 may continue or resume up to "
	    "the age of 23" },
	[LEGAL_TRANSITION_PLAN] = { "transition_plan_before", 6,
	    LEGAL_MONTHS, false, "schakel's choice, not law: the chain's "
	    "agreement that the plan for after 18 is there six months "
	    "before the 18th birthday, the first reminder" },
	[LEGAL_TRANSITION_WARN_MID] = { "transition_reminder_mid", 3,
	    LEGAL_MONTHS, false, "schakel's choice, not law: a second "
	    "reminder three months before the 18th birthday" },
	[LEGAL_TRANSITION_WARN_LAST] = { "transition_reminder_last", 1,
	    LEGAL_MONTHS, false, "schakel's choice, not law: a last reminder "
	    "one month before the 18th birthday" },
};

const struct legal_rule *
legal_rule(enum legal_id id)
{
	assert(id < LEGAL__COUNT);
	return &rules[id];
}

const char *
legal_unit_name(enum legal_unit u)
{
	switch (u) {
	case LEGAL_DAYS:
		return "days";
	case LEGAL_MONTHS:
		return "months";
	case LEGAL_YEARS:
		return "years";
	}
	return "days";
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	return m == 2 && leap(y) ? 29 : n[m - 1];
}

int32_t
legal_add(int32_t day, int amount, enum legal_unit unit)
{
	struct tm tm = { 0 };
	time_t t = (time_t)day * 86400;
	long months;
	int y, m;

	if (unit == LEGAL_DAYS)
		return day + amount;
	gmtime_r(&t, &tm);
	months = (long)(tm.tm_year + 1900) * 12 + tm.tm_mon +
	    (long)amount * (unit == LEGAL_YEARS ? 12 : 1);
	y = (int)(months / 12);
	m = (int)(months % 12) + 1;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	if (tm.tm_mday > month_days(y, m))
		tm.tm_mday = month_days(y, m);
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	return (int32_t)(timegm(&tm) / 86400);
}

int32_t
legal_end(enum legal_id id, int32_t start)
{
	const struct legal_rule *r = legal_rule(id);

	return legal_add(start, r->amount, r->unit);
}

int32_t
legal_warn_from(enum legal_id warn, int32_t due)
{
	const struct legal_rule *r = legal_rule(warn);

	return legal_add(due, -r->amount, r->unit);
}

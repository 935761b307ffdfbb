/*
 * deadline: due dates counted in Dutch working days, the clock of the
 * deadline engine (triage of a signal now; reflection periods, referrals
 * and court authorisations in later issues).
 *
 * Dates are days since 1970-01-01 (int32_t), as date_parse() in
 * core/clock.h gives them; moments are UTC seconds since the epoch.  A
 * working day is Monday to Friday and not a national public holiday.
 * Calendar days are those of Europe/Amsterdam: local time is computed here
 * with the EU summer-time rule, never from the TZ database or $TZ, so the
 * answer does not depend on how the host is set up.
 *
 * Everything here is pure arithmetic: no allocation, no state, safe from
 * any thread.  Years outside 1900-2200 are not a use case (core/clock.h
 * refuses them) but give defined results.
 */
#ifndef SCHAKEL_DEADLINE_H
#define SCHAKEL_DEADLINE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * How long something may take.  Later issues keep a table of these (and
 * make the numbers configurable); this module only computes.
 */
struct deadline_rule {
	const char	*name;		/* "triage_days"; for messages */
	int		 workdays;	/* after the day of creation, >= 0 */
	bool		 same_day;	/* due on the day of creation, even a
					   Sunday; overrides workdays */
	int		 calendar_days;	/* > 0: that many calendar days after
					   the day of creation instead */
};

/* Calendar. */
/* ISO weekday of a day: 1 Monday ... 7 Sunday. */
int	deadline_weekday(int32_t day);
/* Easter Sunday of a Gregorian year (1583 and later), as a day. */
int32_t	deadline_easter(int year);
/* True on a Dutch national public holiday (see deadline.c for the list). */
bool	deadline_is_holiday(int32_t day);
/* True on Monday to Friday when that day is not a public holiday. */
bool	deadline_is_workday(int32_t day);
/*
 * The day n working days after day (n >= 0): the n-th working day
 * following it.  n = 0 gives day itself when it is a working day, else
 * the next working day.
 */
int32_t	deadline_add_workdays(int32_t day, int n);

/*
 * Working days from day `from` to day `to`, signed: the working days
 * after from up to and including to when to is later (so the next
 * working day is 1), minus those after to up to and including from when
 * it is earlier (a day late over a weekend is still 1 working day late
 * on Monday), 0 on the same day.  "Due in 3 working days", "2 working
 * days late".
 */
int	deadline_workdays_between(int32_t from, int32_t to);

/* Amsterdam time. */
/* The UTC offset of Amsterdam at moment t: 3600 (CET) or 7200 (CEST). */
int	deadline_amsterdam_offset(int64_t t);
/* The calendar day in Amsterdam at moment t. */
int32_t	deadline_local_day(int64_t t);

/*
 * The moment something created at `created` is due: 23:59:59 Amsterdam
 * time on the due day.  The due day is the Amsterdam day of creation for a
 * same-day rule, else deadline_add_workdays(that day, rule->workdays).
 * A rule in calendar days is due that many days after the day of
 * creation; when that day is a Saturday, a Sunday or a public holiday,
 * on the next working day (as the Algemene termijnenwet extends a time
 * limit that ends on one).
 */
int64_t	deadline_due(const struct deadline_rule *, int64_t created);

#endif

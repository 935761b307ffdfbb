/*
 * legal: the durations and rules of the law the criminal-case and
 * residence tracks follow (domain/track.h) and closed youth care
 * (domain/placement.h), in one table with their
 * sources, and the date arithmetic that applies them.  A change of
 * policy is a change of one line of legal.c; everything else reads the
 * table.  Rows marked as the project's choice are not law: they are how
 * early schakel warns, and say so wherever they are shown.
 *
 * Days are days since 1970-01-01 (int32_t), as date_parse() gives them.
 * A period of months or years ends on the same day of the month, or on
 * the last day of a month that has no such day (31 January plus one
 * month is 28 or 29 February; 29 February plus one year is 28 February).
 * Everything here is pure: no allocation, no state.
 */
#ifndef SCHAKEL_LEGAL_H
#define SCHAKEL_LEGAL_H

#include <stdbool.h>
#include <stdint.h>

enum legal_unit {
	LEGAL_DAYS,
	LEGAL_MONTHS,
	LEGAL_YEARS,
};

enum legal_id {
	LEGAL_REFLECTION,	/* the reflection period */
	LEGAL_PERMIT,		/* the residence permit and its renewal */
	LEGAL_WARN_REFLECTION,	/* warn before a reflection period ends */
	LEGAL_WARN_PERMIT,	/* warn before a permit expires */
	/* Closed youth care (domain/placement.h), Jeugdwet chapter 6. */
	LEGAL_CLOSED_AUTH,	/* machtiging gesloten jeugdhulp */
	LEGAL_CLOSED_EMERGENCY,	/* spoedmachtiging */
	LEGAL_CLOSED_CONDITIONAL, /* voorwaardelijke machtiging */
	LEGAL_CLOSED_MINOR,	/* closed youth care is for minors */
	LEGAL_WARN_CLOSED,	/* warn before an authorisation ends */
	LEGAL_WARN_CLOSED_EMERGENCY, /* ... an emergency authorisation */
	/* Turning 18 (domain/adulthood.h). */
	LEGAL_ADULT_AGE,	/* the age of majority */
	LEGAL_YOUTH_CARE_UNTIL,	/* continued youth care, up to this age */
	LEGAL_TRANSITION_PLAN,	/* plan due this long before 18 */
	LEGAL_TRANSITION_WARN_MID, /* the second reminder before 18 */
	LEGAL_TRANSITION_WARN_LAST, /* the last reminder before 18 */
	LEGAL__COUNT
};

struct legal_rule {
	const char	*code;		/* "reflection_period", for the API */
	int		 amount;
	enum legal_unit	 unit;
	bool		 law;		/* false: the project's choice */
	const char	*source;	/* where it is written */
};

/* The table: rule id for every id below LEGAL__COUNT. */
const struct legal_rule *legal_rule(enum legal_id);
/* "days", "months" or "years". */
const char *legal_unit_name(enum legal_unit);

/* day plus amount of unit (amount may be negative), month ends kept. */
int32_t	legal_add(int32_t day, int amount, enum legal_unit);
/* The day a period of rule id that starts on start ends. */
int32_t	legal_end(enum legal_id, int32_t start);
/* The first day of the warning of rule warn before due. */
int32_t	legal_warn_from(enum legal_id warn, int32_t due);

#endif

/* National synthetic data for the local insight (demo_national.c). */
#ifndef SCHAKEL_DEMO_NATIONAL_H
#define SCHAKEL_DEMO_NATIONAL_H

#include <stdbool.h>
#include <stdint.h>

struct ctx;

#define NATIONAL_YEARS_MAX	20
#define NATIONAL_PER_YEAR	5000	/* signals a year, one victim each */
#define NATIONAL_PER_YEAR_MAX	200000

struct national_opts {
	int		 years;		/* 1 .. NATIONAL_YEARS_MAX */
	int		 per_year;	/* signals a year */
	bool		 progress;	/* a line per year on stderr */
};

struct national_counts {
	int64_t		 signals, cases, persons, events, needs;
	int64_t		 referrals, assessments, steps, placements;
	int64_t		 adults;
};

/*
 * Organisations and regions for every province, then years of signals
 * and cases in every municipality, ending with last year's fourth
 * quarter; seeded, so the same day gives the same data.  One
 * transaction a month of data.  Fails with ST_CONFLICT when the data is
 * there already.
 */
int	demo_national(struct ctx *, const struct national_opts *,
	    struct national_counts *);

#endif

/*
 * coverage: trained professionals (domain/expertise.h) per
 * care-coordination region and expertise, beside the signals that
 * arrived in the region, and the regions where signals arrive but
 * nobody is trained in an expertise.
 *
 * The signals are the region's cell of the insight result (result.h):
 * the total of signals_form for the year through its closed quarters,
 * protected with every other table of that result (protect.h: no count
 * from 1 to 9, rounding to 5, secondary suppression across areas), so
 * the coverage page shows the very number the dashboard shows and can
 * never be subtracted from it.  The open quarter never counts.
 *
 * The professionals are staff, not victims: their counts are shown as
 * they are, but never a name; they are the entries in force (trained,
 * and not ended) on the last day of the closed quarters, or today when
 * that is earlier.  An organisation counts for every region it serves
 * (org_region) and every region holding its municipality.
 *
 * Who sees which region is insight's rule (area.h): the rapporteur all,
 * everyone else the regions of their organisation.  Every answer is a
 * release in the release log, one row per region shown.
 */
#ifndef SCHAKEL_INSIGHT_COVERAGE_H
#define SCHAKEL_INSIGHT_COVERAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/expertise.h"
#include "insight/area.h"
#include "insight/result.h"
#include "insight/table.h"

struct ctx;

struct coverage_region {
	const struct area *area;
	struct pcell	 signals;	/* protected */
	bool		 arrive;	/* signals arrive (see below) */
	int64_t		 staff[EXPERTISE_NKINDS];
	bool		 gap[EXPERTISE_NKINDS];	/* arrive, nobody trained */
};

struct coverage {
	int		 year;
	struct result_run run;
	int32_t		 day;		/* staff in force on this day */
	const char	*small_text;	/* "<10" */
	struct coverage_region *v;
	size_t		 n;
};

/*
 * Whether a protected cell says signals arrive: a count shown above
 * zero, a small count ("<10" is never zero) or a hidden one (which may
 * be anything; a gap is better flagged once too often than missed).
 */
bool	coverage_arrive(const struct pcell *);

/* Parses ?year= as insight does (a year with a closed quarter; NULL:
 * the newest). */
int	coverage_year(struct ctx *, const char *year, int *);

/* The coverage of every care-coordination region ctx's user may see
 * for year, logged as released. */
int	coverage_build(struct ctx *, const struct area_model *, int year,
	    struct coverage *);

#endif

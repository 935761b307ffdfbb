/*
 * insight: what policy users, the rapporteur and the chain's own
 * professionals are shown about an area and a year, assembled from the
 * protected results (result.h) and nothing else, and logged as a
 * release (insight_release: who was shown what, when).
 *
 * A table whose numbers for the area are too small to say anything (its
 * total hidden, or more of it hidden than shown) says so and names the
 * smallest larger area where that table is safe: a municipality's
 * region, then its province, then the country.
 */
#ifndef SCHAKEL_INSIGHT_INSIGHT_H
#define SCHAKEL_INSIGHT_INSIGHT_H

#include <stdbool.h>
#include <stdint.h>

#include "insight/area.h"
#include "insight/result.h"
#include "insight/table.h"

struct ctx;

#define INSIGHT_YEARS	6	/* the years offered: this one and five */
#define INSIGHT_TREND	5	/* the years in the trend */

struct insight_view {
	const struct area *area;
	struct result_run run;
	size_t		 ntables;	/* tbl_ndefs */
	struct ptable	*tables;
	bool		*too_small;	/* per table */
	const struct area **suggest;	/* per table, or NULL */
	bool		 all_too_small;
	struct ptable	 trend;
	int64_t		 release;
};

/* The years with at least one closed quarter, newest first. */
size_t	insight_years(int64_t now, int *years);

/* Parses level, area and year as the API receives them; fails with the
 * field named, or ST_NOTFOUND for an area the user may not see. */
int	insight_pick(struct ctx *, const struct area_model *,
	    const char *level, const char *code, const char *year,
	    const struct area **, int *);

/*
 * The view of one area and year; open: the open-data variant (with
 * noise, result.h).  what ("dashboard", "csv", "chart", "tiles", with
 * "-open" for open data) and table (NULL: every table) go to the
 * release log.
 */
int	insight_view(struct ctx *, const struct area_model *,
	    const struct area *, int year, bool open, const char *lang,
	    const char *what, const char *table, struct insight_view *);

/* True when the table has too little to show for its area. */
bool	insight_too_small(const struct ptable *);

#endif

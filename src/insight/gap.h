/*
 * gap: the gap report of a care-coordination region for a year (point
 * B of issue 10): demand from real cases per care type of the help-needs
 * catalogue against the capacity the region's contracts buy
 * (domain/contract.h).
 *
 * Demand, counted over the quarters of the year closed when the report
 * was first asked for (facts.h), for the cases whose municipality lies
 * in the region:
 *   needs      help needs recorded on cases in the period;
 *   referrals  referrals sent for those care types in the period;
 *   declined   referrals declined for lack of capacity (no_capacity)
 *              answered in the period;
 *   wait       the median days from a need being recorded to the
 *              acceptance of its referral, for referrals accepted in the
 *              period.
 * The three counts with their total row go through protect_grid
 * (protect.h): nothing from 1 to threshold-1, rounding, secondary
 * suppression along each column, dominance.  A median is shown only
 * when it rests on at least threshold accepted referrals; otherwise it
 * is hidden ("x").  The protected cells are computed once per region,
 * year and closed quarters and kept (gap_result); every later request
 * gets the same cells.  Every view and download is a row of the release
 * log (insight_release, what "gap" or "gap-csv").
 *
 * Supply is not personal data and is shown exactly: the places and
 * hours of contracts active on any day of the period.  A row is flagged
 * as a gap from the published values alone, never from a true count:
 * declines for lack of capacity shown (also "<10"), demand shown with no
 * contract at all, or more needs shown than places contracted.
 */
#ifndef SCHAKEL_INSIGHT_GAP_H
#define SCHAKEL_INSIGHT_GAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "insight/protect.h"
#include "insight/table.h"

struct ctx;

enum gap_col {
	GAP_NEEDS = 0,
	GAP_REFERRALS,
	GAP_DECLINED,
	GAP_WAIT,		/* median days, not a count */
	GAP_NCOLS
};
#define GAP_NCOUNTS	3	/* the protected counts: needs .. declined */

struct gap_row {
	const char	*care_type;	/* catalogue id; "total" */
	const char	*label;
	struct pcell	 cell[GAP_NCOLS];
	int64_t		 places;	/* contracted, exact */
	int64_t		 hours;
	int64_t		 contracts;
	const char	*flag;		/* NULL, "declines", "no_contract",
					   "over_capacity" */
};

struct gap_report {
	int64_t		 region_id;
	const char	*region_name;
	int		 year;
	int		 quarters;
	int64_t		 threshold;
	int64_t		 rounding;
	int64_t		 computed_at;
	const char	*small_text;	/* "<10" */
	size_t		 nrows;		/* care types and the total, last */
	struct gap_row	*rows;
	int64_t		 release;
};

/*
 * The protection itself, on true counts: n holds ntypes rows of
 * GAP_NCOUNTS counts; accepted and median_days ntypes + 1 values (the
 * last for all types).  out receives (ntypes + 1) * GAP_NCOLS cells,
 * the total row last.
 */
void	gap_protect(const struct protect_rules *, size_t ntypes,
	    const int64_t *n, const int64_t *accepted,
	    const int64_t *median_days, struct pcell *out);

/* The flag of a row from its published cells and its supply. */
const char *gap_flag(const struct gap_row *);

/*
 * The report of region (its id as text) for year (text; NULL: the
 * latest with a closed quarter) in lang, logged as what ("gap",
 * "gap-csv").  ST_NOTFOUND for a region the user may not see; a field
 * error naming region or year otherwise.
 */
int	gap_report(struct ctx *, const char *region, const char *year,
	    const char *lang, const char *what, struct gap_report *);

#endif

/*
 * protect: small-number protection of count tables (docs/privacy.md).
 *
 * Input is a family of grids of true counts that belong together: the
 * same table for every area (the country, its provinces, its regions,
 * their municipalities) and groups saying which grids add up to which
 * (a region is the sum of its municipalities).  Within one grid the
 * last row and the last column may be totals of the others.
 *
 * The rules, in the order they are applied until nothing changes:
 *   1. primary: a count from 1 to threshold-1 is not shown ("<10");
 *   2. dominance: in a small column (a total row below
 *      dominance_small) a category that holds dominance_pct or more of
 *      it is not shown, since it tells what nearly everyone counted
 *      there is;
 *   3. secondary within a grid: a line (row or column) with a total
 *      that is shown never has exactly one hidden cell, so the total
 *      minus the visible cells never gives a hidden one;
 *   4. secondary across grids: for every cell, a group whose parent is
 *      shown never has exactly one child hidden;
 *   5. rounding: every shown count is rounded to a multiple of
 *      rounding (to the nearest, halves up), each on its own.
 * Zero is shown as 0.  Rule 3 hides the smallest cell that is not zero
 * (a zero only when nothing else is left), the first on a tie.  The
 * total row is hidden only by rule 1, by rule 3 along the total row
 * itself and by rule 4, never because of the categories above it: so
 * every table of one unit (victims by age, by sex, ...) shows the same
 * totals, and one table cannot be used to open another.
 */
#ifndef SCHAKEL_INSIGHT_PROTECT_H
#define SCHAKEL_INSIGHT_PROTECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "insight/table.h"

#define PROTECT_THRESHOLD_MIN	10
#define PROTECT_ROUNDING_MIN	5
#define PROTECT_DOMINANCE_PCT	90
#define PROTECT_DOMINANCE_SMALL	50

struct protect_rules {
	int64_t		 threshold;	/* >= PROTECT_THRESHOLD_MIN */
	int64_t		 rounding;	/* >= PROTECT_ROUNDING_MIN */
	int64_t		 dominance_pct;
	int64_t		 dominance_small;
};

/* The rules in force: the defaults, or what serve's flags set. */
const struct protect_rules *protect_rules(void);
/* -1 when a value is below its minimum; the rules stay as they were. */
int	protect_set_rules(int64_t threshold, int64_t rounding);

/* True counts in; states and published values out (cells). */
struct protect_grid {
	size_t		 nrows;
	size_t		 ncols;
	bool		 total_row;	/* last row = sum of the others */
	bool		 total_col;	/* last column = sum of the others */
	bool		 overlap;	/* the last row counts units that may
					   fall in several rows (forms): a
					   total for rule 2 but no sum */
	const int64_t	*n;		/* nrows * ncols true counts */
	struct pcell	*cells;		/* nrows * ncols, filled in */
};

/* grids[parent] is the sum of grids[child[0..nchild)], cell by cell. */
struct protect_group {
	size_t		 parent;
	const size_t	*child;
	size_t		 nchild;
};

/*
 * Protect every grid of a family; all grids have the same shape.  The
 * result depends on the counts alone, never on the order of the calls,
 * so the same counts always give the same published table.
 */
void	protect_family(const struct protect_rules *,
	    struct protect_grid *, size_t ngrids,
	    const struct protect_group *, size_t ngroups);

/* One grid on its own (rules 1, 2, 3 and 5). */
void	protect_grid(const struct protect_rules *, struct protect_grid *);

/*
 * What a cell may show on its way out (charts, CSV): protect never
 * gives a shown count from 1 to threshold-1 or below zero; should a
 * caller build one all the same, it leaves as hidden rather than as the
 * number.
 */
enum cell_state protect_state(const struct pcell *);

/* Round one count as rule 5 does. */
int64_t	protect_round(const struct protect_rules *, int64_t);

#endif

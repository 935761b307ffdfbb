/*
 * tables: the fixed set of insight tables.  Policy users and the
 * rapporteur see these and nothing else: never a record, never a query
 * of their own.  Each counts one kind of event per quarter in which it
 * happened, per municipality, by one set of categories (its rows).
 *
 * How the rows relate decides how protect may reason about them:
 *   TBL_EXCLUSIVE  each event in exactly one row; a total row is added
 *                  as their sum;
 *   TBL_LIST       an event may fall in several rows (the forms of one
 *                  signal); a total row counts the events themselves;
 *   TBL_EVENTS     rows of different events (a first and a final
 *                  decision): no total row.
 * A quarter's events are counted once, in that quarter, so the year is
 * always the sum of its quarters.
 */
#ifndef SCHAKEL_INSIGHT_TABLES_H
#define SCHAKEL_INSIGHT_TABLES_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/catalog.h"
#include "store/queries.h"

enum tbl_kind {
	TBL_EXCLUSIVE,
	TBL_LIST,
	TBL_EVENTS,
};

struct tbl_def {
	const char	*id;
	const char	*en;		/* title */
	const char	*nl;
	const char	*unit;		/* what is counted: "signals", ... */
	enum query	 q;		/* municipality, row key, count */
	bool		 days;		/* bounds in days, else seconds */
	enum tbl_kind	 kind;
	const struct catalog_label *rows; /* ends with a NULL key */
};

extern const struct tbl_def tbl_defs[];
extern const size_t tbl_ndefs;

const struct tbl_def *tbl_find(const char *id);
/* Rows without the total; with it (TBL_EXCLUSIVE, TBL_LIST) one more. */
size_t	tbl_nrows(const struct tbl_def *);
bool	tbl_has_total(const struct tbl_def *);
/* The row index of a key from the store, or -1 for one not listed. */
int	tbl_row(const struct tbl_def *, const char *key);
const char *tbl_label(const struct catalog_label *, const char *lang);

/* The trend: these tables' totals over the years. */
struct tbl_trend {
	const char	*table;
	const char	*key;		/* the trend table's row */
	const char	*en;
	const char	*nl;
};
extern const struct tbl_trend tbl_trend[];
extern const size_t tbl_ntrend;

#endif

/*
 * facts: the counts behind the insight tables, taken once per closed
 * quarter and kept (insight_fact, migration 0021).
 *
 * A quarter is closed once its last day has ended in Amsterdam.  The
 * first time a closed quarter is needed, every table's query runs over
 * it and the counts per municipality and row are stored; after that the
 * records are never counted for that quarter again.  A registration made
 * late, or a record purged later, does not change a published number, so
 * no two releases differ by a person (docs/privacy.md).  The open
 * quarter is never counted.
 */
#ifndef SCHAKEL_INSIGHT_FACTS_H
#define SCHAKEL_INSIGHT_FACTS_H

#include <stdint.h>

struct ctx;

/* year * 4 + quarter - 1, quarter 1..4 */
static inline int
facts_quarter(int year, int quarter)
{
	return year * 4 + quarter - 1;
}

/* The first moment (UTC) and first day of a quarter index. */
int64_t	facts_quarter_start(int qi);
int32_t	facts_quarter_day(int qi);
/* How many quarters of year have closed at now: 0 to 4. */
int	facts_closed(int year, int64_t now);
/* The current year in Amsterdam. */
int	facts_year(int64_t now);

/* Takes the counts of a closed quarter for every table not taken yet.
 * Only inside store_write(). */
int	facts_freeze(struct ctx *, int qi);

#endif

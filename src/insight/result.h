/*
 * result: the protected result of every insight table for every area,
 * for one year through the quarters closed when it was first asked for
 * (insight_run and insight_result, migration 0021).
 *
 * It is computed once, from the frozen facts (facts.h), with the
 * protection rules in force at that moment (protect.h), for all areas
 * together so that a municipality can be protected against its region
 * and its province.  Every later request for that year and those
 * quarters is served these stored cells, whatever the rules or the
 * records say by then: the same question always gets the same answer,
 * and no answer can be subtracted from another to reveal a small count.
 */
#ifndef SCHAKEL_INSIGHT_RESULT_H
#define SCHAKEL_INSIGHT_RESULT_H

#include <stdbool.h>
#include <stdint.h>

#include "insight/area.h"
#include "insight/table.h"
#include "insight/tables.h"

struct ctx;

/* What was used to compute a year's result. */
struct result_run {
	int		 year;
	int		 quarters;	/* 1..4 */
	bool		 open;		/* the open-data variant, with noise */
	int64_t		 threshold;
	int64_t		 rounding;
	int64_t		 noise_milli;	/* epsilon * 1000; 0: none */
	int64_t		 computed_at;
};

/*
 * Open data: the same tables with differentially private noise
 * (noise.h) drawn once into the counts of every municipality, quarter
 * and row before they are summed and protected, with this epsilon per
 * table and year (0: no open data; serve --insight-noise).
 */
int	result_set_noise(double epsilon);
double	result_noise(void);

/* Computes the result for year through quarters unless it exists;
 * only inside store_write(). */
int	result_compute(struct ctx *, int year, int quarters, bool open);
/* What the stored result was computed with; ST_NOTFOUND before. */
int	result_run(struct ctx *, int year, int quarters, bool open,
	    struct result_run *);
/* Both: computes in a write of its own when needed, and fills run. */
int	result_ensure(struct ctx *, int year, int quarters, bool open,
	    struct result_run *);

/*
 * The protected tables of one area: t[i] for tbl_defs[i], titles and
 * labels in lang.  An area with no stored row for a table (a region
 * created after the run) reads as nothing shown.
 */
int	result_read(struct ctx *, const struct result_run *,
	    const struct area *, const char *lang, struct ptable *t);

/* Cells as stored: "15,s,x,0,..."; -1 when s does not fit the shape. */
int	result_decode(const char *s, struct pcell *, size_t n);
char	*result_encode(struct ctx *, const struct pcell *, size_t n);

#endif

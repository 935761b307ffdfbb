/*
 * htcds: an anonymised export of the victims in cases, one row per
 * victim, in the shape of the Human Trafficking Case Data Standard of
 * the Counter Trafficking Data Collaborative (docs/htcds.md has the
 * mapping and what is left out).
 *
 * What goes out: the year of registration, gender, an age band and
 * minor or adult, a citizenship group and the forms of exploitation.
 * Never an id, a municipality, a date finer than the year, or free
 * text.  Only cases of trafficking count (not the serious disadvantage
 * of a worker), and only whole years: all four quarters closed, so the
 * export of a year is always over the same registrations.
 *
 * Disclosure control is k-anonymity, with k the insight threshold
 * (protect.h, at least 10), over every column, since each may be known
 * to someone who knows the person: every distinct row of the output
 * occurs at least k times.  Rows are generalised in steps (the age band
 * to minor or adult, the list of forms to three flags, then citizenship,
 * gender, minor or adult and the flags left empty); at each step the
 * rows whose combination occurs k times or more among those not yet
 * placed are placed as they are, and what is left after the last step
 * (only the year) is suppressed.  The output is sorted, so the order
 * tells nothing either.
 */
#ifndef SCHAKEL_INSIGHT_HTCDS_H
#define SCHAKEL_INSIGHT_HTCDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct buf;
struct ctx;

#define HTCDS_LEVELS	7	/* generalisation steps, exact first */

/* One victim as the store holds the attributes ("" when not known). */
struct htcds_victim {
	const char	*sex;		/* female | male | other | "" */
	const char	*age_band;	/* "0-11" .. "30+" | "" */
	const char	*nationality;	/* dutch | eu | non_eu | "" */
	const char	*forms;		/* "sexual,labour" */
};

struct htcds_export {
	int		 year;
	int64_t		 k;
	const char	**rows;		/* CSV lines without newline, sorted */
	size_t		 n;
	size_t		 placed[HTCDS_LEVELS];	/* rows placed per step */
	size_t		 suppressed;	/* never published */
};

/* The CSV header line (without newline). */
extern const char htcds_header[];

/* Generalises and suppresses n victims of year into e (arena). */
void	htcds_anonymise(struct arena *, int year, const struct htcds_victim *,
	    size_t n, int64_t k, struct htcds_export *e);
/* True when every distinct row of sorted rows occurs at least k
 * times: the property the export promises. */
bool	htcds_k_anonymous(const char *const *rows, size_t n, int64_t k);

/* Parses ?year=: a year whose four quarters have closed. */
int	htcds_year(struct ctx *, const char *year, int *);
/* The export of year, logged in the release log. */
int	htcds_build(struct ctx *, int year, struct htcds_export *);
/* Header and rows as CSV into b. */
void	htcds_csv(struct buf *, const struct htcds_export *);

#endif

/*
 * retention: a closed case is purged a period after its closing (20
 * years by default, the retention of a care record; an operator may
 * store another with retention_set_years()).
 *
 * A purge destroys the sealed personal fields of the case and of what
 * hangs from it, and keeps the plain columns the insight counts: type,
 * forms, indicators, status and close reason, the dates, municipality,
 * organisation and region, the needs, and for each person their kind in
 * the case, age band, sex, nationality group and markers.  It destroys
 *
 *   - the case's summary, the texts of its timeline, its plan's goals
 *     and tasks;
 *   - the identity and blind indexes of its people in the registry,
 *     unless they are on another case that is not purged (that case
 *     still needs them; its own purge destroys them later);
 *   - the signal the case was opened on, once no unpurged case holds
 *     it: its description, actions taken, decision reason and the
 *     reporter's contact, its people's identities and blind indexes, its
 *     questions, and its matches with other signals, so nothing of it
 *     keeps the person findable.
 *
 * Each case is purged in one write of its own (a crash between two
 * leaves whole cases), which sets purged_at, adds the event "purged" to
 * the timeline (by no user: the system) and the audit entry case.purge.
 * The write checks again that the case is still closed, due and not
 * purged, so a case reopened meanwhile is left alone and two purges at
 * once purge each case once.  A purged case still answers its team with
 * its plain fields; case_for_work() refuses every change to it.
 */
#ifndef SCHAKEL_RETENTION_H
#define SCHAKEL_RETENTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctx;

#define RETENTION_YEARS_DEFAULT	20
#define RETENTION_YEARS_MIN	1
#define RETENTION_YEARS_MAX	200

/* The period in years: the stored setting, else the default. */
int	retention_years(struct ctx *, int64_t *years);
/* Store the period (RETENTION_YEARS_MIN..MAX, else a field error on
 * "years"); audited as retention.set with the years as object id. */
int	retention_set_years(struct ctx *, int64_t years);

/* The moment years calendar years before now (UTC; 29 February goes
 * to 28 February): a case closed at or before it is due. */
int64_t	retention_cutoff(int64_t now, int64_t years);
/* The closed cases not purged whose closing is at or before cutoff, by
 * id, in ctx's arena. */
int	retention_due(struct ctx *, int64_t cutoff, int64_t **ids,
	    size_t *n);
/*
 * Purge case id in one write if it is still closed at or before cutoff
 * and not purged; *done says whether it was (false: reopened or purged
 * meanwhile, which is no failure).
 */
int	retention_purge_case(struct ctx *, int64_t id, int64_t cutoff,
	    bool *done);

#endif

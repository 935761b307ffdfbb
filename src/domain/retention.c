#include "domain/retention.h"

#include <string.h>
#include <time.h>

#include "audit/audit.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/parse.h"
#include "domain/timeline.h"
#include "store/store.h"

#define YEARS_KEY	"retention_years"

/*
 * What a purge destroys besides the case's own summary, one statement a
 * table, each taking the case id as ?1 and run in this order inside the
 * case's write, after its purged_at is set (so "no unpurged case" in a
 * statement already counts this one as purged).  A case module with
 * sealed columns of its own adds its statement (in store/queries.c) here.
 */
static const enum query purge_steps[] = {
	Q_PURGE_CASE_EVENTS,		/* why and notes on the timeline */
	Q_PURGE_CASE_PLAN,		/* goals and tasks */
	Q_PURGE_CASE_ASSESSMENTS,	/* identification: note, reasons */
	Q_PURGE_CASE_TRANSFERS,		/* why it moved, why declined */
	Q_PURGE_CASE_EMERGENCIES,	/* why it was read in an emergency */
	Q_PURGE_CASE_REFERRALS,		/* message, safety note, reasons */
	Q_PURGE_CASE_REFERRAL_NOTES,	/* the providers' notes */
	Q_PURGE_CASE_ESCALATIONS,	/* summary, safety note, answer */
	Q_PURGE_CASE_PLACEMENTS,	/* where, for a placement "other" */
	Q_PURGE_CASE_PLACEMENT_ALTS,	/* why alternatives did not do */
	Q_PURGE_CASE_ADULTHOOD,		/* the 18th birthday, the plan's
					   sealed fields */
	Q_PURGE_SIGNAL,			/* the signal it was opened on */
	Q_PURGE_SIGNAL_PERSONS,
	Q_PURGE_SIGNAL_QUESTIONS,
	Q_PURGE_SIGNAL_MATCHES,
	Q_PURGE_PERSONS,		/* last: the registry */
};

int
retention_years(struct ctx *ctx, int64_t *years)
{
	struct store_rows *r;

	*years = RETENTION_YEARS_DEFAULT;
	if (store_exec(ctx, Q_META_GET, ARGS(store_text(YEARS_KEY)), &r) ==
	    -1)
		return -1;
	if (r->nrows == 0)
		return 0;
	if (parse_int64(rows_text(r, 0, 0), RETENTION_YEARS_MIN,
	    RETENTION_YEARS_MAX, years) == -1)
		return fail(ctx, ST_INTERNAL, "the stored retention period "
		    "'%s' is not a number of years", rows_text(r, 0, 0));
	return 0;
}

static int
set_job(struct ctx *ctx, void *p)
{
	const int64_t *years = p;

	if (store_exec(ctx, Q_META_SET, ARGS(store_text(YEARS_KEY),
	    store_text(arena_printf(ctx->arena, "%lld", (long long)*years))),
	    NULL) == -1)
		return -1;
	return audit_append(ctx, "retention.set", "retention", *years);
}

int
retention_set_years(struct ctx *ctx, int64_t years)
{
	if (years < RETENTION_YEARS_MIN || years > RETENTION_YEARS_MAX)
		return fail_field(ctx, "years", "must be from %d to %d years",
		    RETENTION_YEARS_MIN, RETENTION_YEARS_MAX);
	return store_write(ctx, set_job, &years);
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int64_t
retention_cutoff(int64_t now, int64_t years)
{
	time_t t = (time_t)now;
	struct tm tm;

	gmtime_r(&t, &tm);
	tm.tm_year -= (int)years;
	if (tm.tm_mon == 1 && tm.tm_mday == 29 && !leap(tm.tm_year + 1900))
		tm.tm_mday = 28;
	return (int64_t)timegm(&tm);
}

int
retention_due(struct ctx *ctx, int64_t cutoff, int64_t **ids, size_t *n)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_RETENTION_DUE, ARGS(store_int(cutoff)), &r) ==
	    -1)
		return -1;
	*ids = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**ids));
	for (i = 0; i < r->nrows; i++)
		(*ids)[i] = rows_int(r, i, 0);
	*n = r->nrows;
	return 0;
}

struct purge_job {
	int64_t		 id;
	int64_t		 cutoff;
	bool		 done;
};

static int
purge_job(struct ctx *ctx, void *p)
{
	struct purge_job *j = p;
	struct store_rows *r;
	size_t i;

	j->done = false;
	if (store_exec(ctx, Q_PURGE_CASE, ARGS(store_int(j->id),
	    store_int(time_now()), store_int(j->cutoff)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return 0;
	for (i = 0; i < sizeof(purge_steps) / sizeof(purge_steps[0]); i++)
		if (store_exec(ctx, purge_steps[i], ARGS(store_int(j->id)),
		    NULL) == -1)
			return -1;
	if (timeline_add(ctx, j->id, "purged", NULL, NULL) == -1 ||
	    audit_append(ctx, "case.purge", "case", j->id) == -1)
		return -1;
	j->done = true;
	return 0;
}

int
retention_purge_case(struct ctx *ctx, int64_t id, int64_t cutoff,
    bool *done)
{
	struct principal saved = ctx->who;
	struct purge_job j;
	int rc;

	memset(&j, 0, sizeof(j));
	j.id = id;
	j.cutoff = cutoff;
	*done = false;
	/* The system purges, whoever asked: no user on the event or the
	 * audit entry. */
	memset(&ctx->who, 0, sizeof(ctx->who));
	rc = store_write(ctx, purge_job, &j);
	ctx->who = saved;
	if (rc == -1)
		return -1;
	*done = j.done;
	return 0;
}

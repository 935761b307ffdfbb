#include "domain/volume.h"

#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "store/store.h"

static int64_t max_signals = VOLUME_SIGNALS;
static int64_t max_persons = VOLUME_PERSONS;

void
volume_set_limits(int64_t signals, int64_t persons)
{
	max_signals = signals > 0 ? signals : VOLUME_SIGNALS;
	max_persons = persons > 0 ? persons : VOLUME_PERSONS;
}

int
volume_admit(struct ctx *ctx, int64_t reporter, int64_t region,
    size_t persons, int64_t now, const char **refused, int64_t *retry)
{
	struct store_rows *r;
	int64_t signals, people, oldest;

	*refused = NULL;
	*retry = 0;
	if (store_exec(ctx, Q_VOLUME_OF_USER, ARGS(store_int(reporter),
	    store_int(now - VOLUME_WINDOW)), &r) == -1)
		return -1;
	signals = rows_int(r, 0, 0);
	people = rows_int(r, 0, 1);
	oldest = rows_int(r, 0, 2);
	if (signals + 1 > max_signals)
		*refused = "signals";
	else if (people + (int64_t)persons > max_persons)
		*refused = "persons";
	else
		return 0;
	*retry = oldest > 0 ? oldest + VOLUME_WINDOW - now : VOLUME_WINDOW;
	if (*retry < 1)
		*retry = 1;
	return store_exec(ctx, Q_VOLUME_REFUSE, ARGS(store_int(reporter),
	    region > 0 ? store_int(region) : store_null(),
	    store_text(*refused), store_int(now)), NULL);
}

int
volume_refuse(struct ctx *ctx, const char *refused, int64_t retry)
{
	ctx->retry_after = (int)retry;
	if (strcmp(refused, "signals") == 0)
		return fail(ctx, ST_LIMITED, "you have filed %lld signals in "
		    "the last 24 hours, the most one account may; call the "
		    "advice point if you have more to report",
		    (long long)max_signals);
	return fail(ctx, ST_LIMITED, "your signals of the last 24 hours name "
	    "%lld people, the most one account may; call the advice point "
	    "if you have more to report", (long long)max_persons);
}

int
volume_unusual(struct ctx *ctx, struct volume_line **out, size_t *n)
{
	struct store_rows *r;
	struct volume_line *l;
	int64_t unusual = VOLUME_UNUSUAL < max_signals ? VOLUME_UNUSUAL :
	    max_signals;
	size_t i;

	if (ctx->who.role != ROLE_ADVISOR)
		return fail(ctx, ST_DENIED, "only an advisor has a point");
	if (store_exec(ctx, Q_VOLUME_UNUSUAL, ARGS(store_int(ctx->who.org_id),
	    store_int(time_now() - VOLUME_WINDOW), store_int(unusual)),
	    &r) == -1)
		return -1;
	*out = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**out));
	for (i = 0; i < r->nrows; i++) {
		l = &(*out)[i];
		l->username = rows_text(r, i, 0);
		l->org_name = rows_text(r, i, 1);
		l->signals = rows_int(r, i, 2);
		l->persons = rows_int(r, i, 3);
		l->refused = rows_int(r, i, 4);
	}
	*n = r->nrows;
	return 0;
}

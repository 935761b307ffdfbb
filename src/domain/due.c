#include "domain/due.h"

#include <stdlib.h>
#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/adulthood.h"
#include "domain/deadline.h"
#include "domain/placement.h"
#include "domain/referral.h"
#include "domain/track.h"
#include "store/store.h"

/* Rows of one kind; more than this many of one kind is a backlog the
 * overview says nothing more useful about. */
#define DUE_KIND_MAX	1000

void
due_add(struct ctx *ctx, struct due_list *l, const char *kind,
    int64_t case_id, int64_t ref_id, int64_t due, const char *detail)
{
	struct due_item *v;

	if (l->n == l->cap) {
		l->cap = l->cap == 0 ? 32 : l->cap * 2;
		v = arena_alloc(ctx->arena, l->cap * sizeof(*v));
		if (l->n > 0)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
	}
	l->v[l->n].kind = kind;
	l->v[l->n].case_id = case_id;
	l->v[l->n].ref_id = ref_id;
	l->v[l->n].due = due;
	l->v[l->n].detail = detail;
	l->n++;
}

/* The last second of a day in Amsterdam: when a date-only deadline
 * (a review day, the end of a reflection period) has passed. */
static int64_t
day_end(int32_t day)
{
	static const struct deadline_rule same = { "day", 0, true, 0 };

	return deadline_due(&same, (int64_t)day * 86400 + 12 * 3600);
}

int
case_due(struct ctx *ctx, int64_t org_id, int64_t until,
    struct due_list *l)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_DUE_CASE_ACCEPT, ARGS(store_int(org_id),
	    store_int(until), store_int(DUE_KIND_MAX)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++)
		due_add(ctx, l, "case_accept", rows_int(r, i, 0), 0,
		    rows_int(r, i, 1), NULL);
	if (store_exec(ctx, Q_DUE_PLAN_REVIEW, ARGS(store_int(org_id),
	    store_int(deadline_local_day(until)),
	    store_int(DUE_KIND_MAX)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++)
		due_add(ctx, l, "plan_review", rows_int(r, i, 0), 0,
		    day_end((int32_t)rows_int(r, i, 1)), NULL);
	if (store_exec(ctx, Q_DUE_TRANSFER, ARGS(store_int(org_id),
	    store_int(until), store_int(DUE_KIND_MAX)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++)
		due_add(ctx, l, "transfer_accept", rows_int(r, i, 0),
		    rows_int(r, i, 1), rows_int(r, i, 2), NULL);
	if (store_exec(ctx, Q_DUE_IDENT, ARGS(store_int(org_id),
	    store_int(until), store_int(DUE_KIND_MAX)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++)
		due_add(ctx, l, strcmp(rows_text(r, i, 2), "submitted") == 0 ?
		    "ident_first" : "ident_final", rows_int(r, i, 0),
		    rows_int(r, i, 1), rows_int(r, i, 3), NULL);
	return 0;
}

/* The residence track's dates within their warning (domain/track.h). */
static int
track_due(struct ctx *ctx, struct due_list *l)
{
	struct track_due *d;
	size_t i, n;

	if (track_due_list(ctx, &d, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		due_add(ctx, l, d[i].d.what, d[i].case_id, 0,
		    day_end(d[i].d.due), NULL);
	return 0;
}

static int
by_due(const void *a, const void *b)
{
	const struct due_item *x = a, *y = b;
	int c;

	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	if (x->case_id != y->case_id)
		return x->case_id < y->case_id ? -1 : 1;
	c = strcmp(x->kind, y->kind);
	if (c != 0)
		return c;
	return x->ref_id < y->ref_id ? -1 : x->ref_id > y->ref_id;
}

int
due_overview(struct ctx *ctx, int64_t until, struct due_list *l)
{
	int64_t org = ctx->who.org_id;

	memset(l, 0, sizeof(*l));
	if (ctx->who.role != ROLE_COORDINATOR)
		return 0;
	if (case_due(ctx, org, until, l) == -1 || track_due(ctx, l) == -1 ||
	    referral_due(ctx, org, until, l) == -1 ||
	    placement_due(ctx, org, until, l) == -1 ||
	    adulthood_due(ctx, org, until, l) == -1)
		return -1;
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), by_due);
	return 0;
}

#include "domain/overview.h"

#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/deadline.h"
#include "store/store.h"

int
overview_point(struct ctx *ctx, struct overview *o)
{
	/* The end of the Amsterdam day: what is due today. */
	static const struct deadline_rule today = { "today", 0, true, 0 };
	struct overview_refusal *f;
	struct store_rows *r;
	size_t i;

	if (ctx->who.role != ROLE_ADVISOR)
		return fail(ctx, ST_DENIED, "only an advisor has a point");
	memset(o, 0, sizeof(*o));
	o->at = time_now();
	if (store_exec(ctx, Q_SIGNAL_OVERVIEW, ARGS(store_int(ctx->who.org_id),
	    store_int(o->at), store_int(deadline_due(&today, o->at))), &r) ==
	    -1)
		return -1;
	o->received = rows_int(r, 0, 0);
	o->in_triage = rows_int(r, 0, 1);
	o->overdue = rows_int(r, 0, 2);
	o->due_today = rows_int(r, 0, 3);
	o->acute = rows_int(r, 0, 4);
	o->waiting_reporter = rows_int(r, 0, 5);
	o->advice_open = rows_int(r, 0, 6);
	if (store_exec(ctx, Q_PUBLIC_REFUSALS, ARGS(store_int(ctx->who.org_id),
	    store_int(o->at - 86400)), &r) == -1)
		return -1;
	o->refusals = arena_alloc(ctx->arena, (r->nrows + 1) *
	    sizeof(*o->refusals));
	o->nrefusals = r->nrows;
	for (i = 0; i < r->nrows; i++) {
		f = &o->refusals[i];
		f->municipality = rows_text(r, i, 0);
		f->name = rows_text(r, i, 1);
		f->count = rows_int(r, i, 2);
		f->first_at = rows_int(r, i, 3);
		f->last_at = rows_int(r, i, 4);
		f->overall = rows_int(r, i, 5);
	}
	return 0;
}

#include "domain/overview.h"

#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/signal.h"
#include "store/store.h"

int
overview_point(struct ctx *ctx, struct overview *o)
{
	struct overview_refusal *f;
	struct store_rows *r;
	int64_t end_today, decided_since;
	size_t i;

	if (ctx->who.role != ROLE_ADVISOR)
		return fail(ctx, ST_DENIED, "only an advisor has a point");
	memset(o, 0, sizeof(*o));
	o->at = time_now();
	signal_view_times(o->at, &end_today, &decided_since);
	if (store_exec(ctx, Q_SIGNAL_OVERVIEW, ARGS(store_int(ctx->who.org_id),
	    store_int(o->at), store_int(end_today), store_int(ctx->who.user_id),
	    store_int(decided_since)), &r) == -1)
		return -1;
	o->received = rows_int(r, 0, 0);
	o->in_triage = rows_int(r, 0, 1);
	o->overdue = rows_int(r, 0, 2);
	o->due_today = rows_int(r, 0, 3);
	o->acute = rows_int(r, 0, 4);
	o->waiting_reporter = rows_int(r, 0, 5);
	o->advice_open = rows_int(r, 0, 6);
	o->waiting_answer = rows_int(r, 0, 7);
	o->decided = rows_int(r, 0, 8);
	o->mine = rows_int(r, 0, 9);
	o->open = rows_int(r, 0, 10);
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

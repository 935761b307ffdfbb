#include "domain/rule.h"

#include <string.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "store/store.h"

int
rule_list(struct ctx *ctx, struct rule **out, size_t *n)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_RULE_LIST, NOARGS, &r) == -1)
		return -1;
	*out = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**out));
	for (i = 0; i < r->nrows; i++) {
		(*out)[i].id = rows_int(r, i, 0);
		(*out)[i].name = rows_text(r, i, 1);
		(*out)[i].workdays = (int)rows_int(r, i, 2);
		(*out)[i].same_day = rows_int(r, i, 3) != 0;
		(*out)[i].calendar_days = (int)rows_int(r, i, 6);
		(*out)[i].updated_at = rows_null(r, i, 4) ? 0 :
		    rows_int(r, i, 4);
		(*out)[i].updated_by = rows_null(r, i, 5) ? NULL :
		    rows_text(r, i, 5);
	}
	*n = r->nrows;
	return 0;
}

struct set_job {
	int64_t		 id;
	int		 workdays;
	bool		 same_day;
	int		 calendar_days;	/* > 0: a rule in calendar days */
};

static int
set_job(struct ctx *ctx, void *p)
{
	struct set_job *j = p;
	struct store_rows *r;
	bool calendar = j->calendar_days > 0;

	if (store_row(ctx, Q_RULE_KIND, ARGS(store_int(j->id)), &r,
	    "no such deadline rule") == -1)
		return -1;
	if ((rows_int(r, 0, 0) > 0) != calendar)
		return fail_field(ctx, calendar ? "calendar_days" : "workdays",
		    calendar ? "this rule counts working days: give workdays "
		    "and same_day" : "this rule counts calendar days: give "
		    "calendar_days");
	if (calendar) {
		if (store_exec(ctx, Q_RULE_SET_CALENDAR, ARGS(store_int(j->id),
		    store_int(j->calendar_days), store_int(ctx->who.user_id),
		    store_int(time_now())), &r) == -1)
			return -1;
	} else if (store_exec(ctx, Q_RULE_SET, ARGS(store_int(j->id),
	    store_int(j->workdays), store_int(j->same_day),
	    store_int(ctx->who.user_id), store_int(time_now())), &r) == -1) {
		return -1;
	}
	if (r->nrows == 0)
		return fail(ctx, ST_NOTFOUND, "no such deadline rule");
	return audit_append(ctx, "deadline.update", "deadline_rule", j->id);
}

int
rule_set(struct ctx *ctx, int64_t id, int workdays, bool same_day)
{
	struct set_job j = { id, workdays, same_day, 0 };

	if (ctx->who.role != ROLE_ADMIN)
		return fail(ctx, ST_DENIED, "only an admin changes deadlines");
	if (workdays < 0 || workdays > RULE_WORKDAYS_MAX)
		return fail_field(ctx, "workdays", "must be from 0 to %d",
		    RULE_WORKDAYS_MAX);
	return store_write(ctx, set_job, &j);
}

int
rule_set_calendar(struct ctx *ctx, int64_t id, int days)
{
	struct set_job j = { id, 0, false, days };

	if (ctx->who.role != ROLE_ADMIN)
		return fail(ctx, ST_DENIED, "only an admin changes deadlines");
	if (days < 1 || days > RULE_CALENDAR_MAX)
		return fail_field(ctx, "calendar_days", "must be from 1 to %d",
		    RULE_CALENDAR_MAX);
	return store_write(ctx, set_job, &j);
}

int
rule_get(struct ctx *ctx, const char *name, struct deadline_rule *out)
{
	struct store_rows *r;

	if (store_row(ctx, Q_RULE_BY_NAME, ARGS(store_text(name)), &r,
	    "no such deadline rule") == -1)
		return -1;
	out->name = name;
	out->workdays = (int)rows_int(r, 0, 0);
	out->same_day = rows_int(r, 0, 1) != 0;
	out->calendar_days = (int)rows_int(r, 0, 2);
	return 0;
}

#include "domain/plan.h"

#include <string.h>

#include "audit/audit.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/case.h"
#include "domain/catalog.h"
#include "domain/codes.h"
#include "domain/deadline.h"
#include "domain/sealed.h"
#include "domain/timeline.h"
#include "store/store.h"

static const char *const need_states[] = { "open", "met", "dropped",
    NULL };

int
plan_needs_from_list(struct ctx *ctx, int64_t case_id, const char *csv)
{
	struct json_strlist l;
	int64_t now = time_now();
	size_t i;

	if (catalog_load(ctx) == -1)
		return -1;
	codes_split(ctx->arena, csv, &l);
	for (i = 0; i < l.n; i++) {
		if (catalog_help_need(l.v[i]) == NULL)
			continue;
		if (store_exec(ctx, Q_NEED_INSERT_QUIET,
		    ARGS(store_int(case_id), store_text(l.v[i]),
		    store_int(ctx->who.user_id), store_int(now)), NULL) == -1)
			return -1;
	}
	return 0;
}

struct need_job {
	int64_t		 case_id;
	const char	*need;
	int64_t		 id;
	const char	*status;
};

static int
need_add_job(struct ctx *ctx, void *p)
{
	struct need_job *j = p;
	struct store_rows *r;

	if (store_exec(ctx, Q_NEED_INSERT, ARGS(store_int(j->case_id),
	    store_text(j->need), store_int(ctx->who.user_id),
	    store_int(time_now())), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "the case lists the need '%s' "
		    "already", j->need);
	j->id = rows_int(r, 0, 0);
	if (timeline_add(ctx, j->case_id, "need", arena_printf(ctx->arena,
	    "%s>open", j->need), NULL) == -1)
		return -1;
	return audit_append(ctx, "case.need", "case", j->case_id);
}

int
plan_need_add(struct ctx *ctx, int64_t case_id, const char *need,
    int64_t *id)
{
	struct case_head h;
	struct need_job j;

	if (catalog_load(ctx) == -1)
		return -1;
	if (need == NULL || catalog_help_need(need) == NULL)
		return fail_field(ctx, "need", "is not a known help need");
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	j.case_id = case_id;
	j.need = need;
	if (store_write(ctx, need_add_job, &j) == -1)
		return -1;
	if (id != NULL)
		*id = j.id;
	return 0;
}

static int
need_set_job(struct ctx *ctx, void *p)
{
	struct need_job *j = p;
	struct store_rows *r;

	if (store_exec(ctx, Q_NEED_SET, ARGS(store_int(j->id),
	    store_int(j->case_id), store_text(j->status),
	    store_int(time_now())), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_NOTFOUND, "no such need on case %lld",
		    (long long)j->case_id);
	if (timeline_add(ctx, j->case_id, "need", arena_printf(ctx->arena,
	    "%s>%s", rows_text(r, 0, 0), j->status), NULL) == -1)
		return -1;
	return audit_append(ctx, "case.need", "case", j->case_id);
}

int
plan_need_set(struct ctx *ctx, int64_t case_id, int64_t need,
    const char *status)
{
	struct case_head h;
	struct need_job j;

	if (!codes_one_of(status, need_states))
		return fail_field(ctx, "status", "must be open, met or "
		    "dropped");
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	j.case_id = case_id;
	j.id = need;
	j.status = status;
	return store_write(ctx, need_set_job, &j);
}

static char *
tasks_json(struct ctx *ctx, const struct json_objlist *l)
{
	const struct plan_task *t = l->v;
	struct buf b;
	struct jw w;
	size_t i;

	buf_init(&b, ctx->arena, 1024 * 1024);
	jw_init(&w, &b);
	jw_arr_open(&w);
	for (i = 0; i < l->n; i++) {
		jw_obj_open(&w);
		jw_kstr(&w, "who", t[i].who);
		jw_kstr(&w, "what", t[i].what);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	return b.p;
}

const struct json_field plan_task_fields[PLAN_TASK_NFIELDS] = {
	JSON_STR(struct plan_task, who, "who", JSON_REQUIRED, 1, 200),
	JSON_STR(struct plan_task, what, "what", JSON_REQUIRED, 1, 2000),
};

/* The sealed task list is an object {"tasks": [...]} for the decoder. */
struct tasks_wrap {
	struct json_objlist tasks;
};

static const struct json_field wrap_fields[] = {
	JSON_OBJLIST(struct tasks_wrap, tasks, "tasks", JSON_OPTIONAL, 0,
	    PLAN_TASKS_MAX, struct plan_task, plan_task_fields),
};

struct plan_job {
	int64_t		 case_id;
	const struct case_plan *plan;
	int32_t		 review;
};

static int
plan_job(struct ctx *ctx, void *p)
{
	struct plan_job *j = p;
	struct store_value goals, tasks;

	if (sealed_put(ctx, "case_plan", "goals", j->case_id, j->plan->goals,
	    &goals) == -1 || sealed_put(ctx, "case_plan", "tasks", j->case_id,
	    arena_printf(ctx->arena, "{\"tasks\":%s}", tasks_json(ctx,
	    &j->plan->tasks)), &tasks) == -1)
		return -1;
	if (store_exec(ctx, Q_PLAN_SET, ARGS(store_int(j->case_id), goals,
	    tasks, j->review >= 0 ? store_int(j->review) : store_null(),
	    store_int(ctx->who.user_id), store_int(time_now())), NULL) == -1)
		return -1;
	if (timeline_add(ctx, j->case_id, "plan", j->plan->review_on != NULL ?
	    arena_printf(ctx->arena, "review>%s", j->plan->review_on) : NULL,
	    NULL) == -1)
		return -1;
	return audit_append(ctx, "case.plan", "case", j->case_id);
}

int
plan_set(struct ctx *ctx, int64_t case_id, const struct case_plan *plan)
{
	struct case_head h;
	struct plan_job j;

	memset(&j, 0, sizeof(j));
	j.review = -1;
	if (plan->review_on != NULL) {
		if (date_parse(plan->review_on, &j.review) == -1)
			return fail_field(ctx, "review_on", "is not a date "
			    "(YYYY-MM-DD)");
		if (j.review < deadline_local_day(time_now()))
			return fail_field(ctx, "review_on", "is in the past");
	}
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	j.case_id = case_id;
	j.plan = plan;
	return store_write(ctx, plan_job, &j);
}

int
plan_needs_of_case(struct ctx *ctx, int64_t case_id, struct case_need **out,
    size_t *n)
{
	struct case_need *c;
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_NEED_OF_CASE, ARGS(store_int(case_id)), &r) ==
	    -1)
		return -1;
	c = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*c));
	for (i = 0; i < r->nrows; i++) {
		c[i].id = rows_int(r, i, 0);
		c[i].need = rows_text(r, i, 1);
		c[i].status = rows_text(r, i, 2);
		c[i].added_at = rows_int(r, i, 3);
		c[i].updated_at = rows_int(r, i, 4);
	}
	*out = c;
	*n = r->nrows;
	return 0;
}

int
plan_of_case(struct ctx *ctx, int64_t case_id, struct case_plan **out,
    bool *bad)
{
	struct case_plan *p;
	struct tasks_wrap w;
	struct store_rows *r;
	const char *tasks;

	*out = NULL;
	if (store_exec(ctx, Q_PLAN_OF_CASE, ARGS(store_int(case_id)), &r) ==
	    -1)
		return -1;
	if (r->nrows == 0)
		return 0;
	p = arena_alloc(ctx->arena, sizeof(*p));
	p->goals = sealed_get(ctx, r, 0, 0, "case_plan", "goals", case_id,
	    bad);
	tasks = sealed_get(ctx, r, 0, 1, "case_plan", "tasks", case_id, bad);
	memset(&w, 0, sizeof(w));
	if (tasks != NULL && json_decode(ctx, tasks, strlen(tasks),
	    wrap_fields, JSON_NFIELDS(wrap_fields), &w, NULL) == -1)
		*bad = true;
	p->tasks = w.tasks;
	if (!rows_null(r, 0, 2))
		p->review_on = date_format(ctx->arena,
		    (int32_t)rows_int(r, 0, 2));
	p->updated_at = rows_int(r, 0, 3);
	p->updated_by = rows_text(r, 0, 4);
	*out = p;
	return 0;
}

#include "insight/coverage.h"

#include <stdlib.h>
#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/parse.h"
#include "domain/deadline.h"
#include "insight/facts.h"
#include "insight/insight.h"
#include "insight/protect.h"
#include "store/store.h"

bool
coverage_arrive(const struct pcell *c)
{
	return c->state != CELL_SHOWN || c->v > 0;
}

int
coverage_year(struct ctx *ctx, const char *year, int *y)
{
	int years[INSIGHT_YEARS];
	size_t n = insight_years(time_now(), years);
	int64_t v;

	if (n == 0)
		return fail(ctx, ST_CONFLICT, "no quarter has closed yet");
	if (year == NULL) {
		*y = years[0];
		return 0;
	}
	if (parse_int64(year, years[n - 1], years[0], &v) == -1)
		return fail_field(ctx, "year", "must be a year from %d to %d",
		    years[n - 1], years[0]);
	*y = (int)v;
	return 0;
}

/* The care-coordination regions the user may see. */
static bool
shown(const struct area *a)
{
	return a->level == AREA_REGION && a->allowed && a->type != NULL &&
	    strcmp(a->type, "care_coordination") == 0;
}

struct release {
	const struct area_model *m;
	int		 year;
	int		 quarters;
};

/* The result the signals come from, and one release row per region,
 * in one write. */
static int
release_job(struct ctx *ctx, void *arg)
{
	struct release *r = arg;
	const struct area *a;
	size_t i;

	if (result_compute(ctx, r->year, r->quarters, false) == -1)
		return -1;
	for (i = 0; i < r->m->n; i++) {
		a = &r->m->v[i];
		if (!shown(a))
			continue;
		if (store_exec(ctx, Q_INSIGHT_RELEASE_INSERT, ARGS(
		    store_int(time_now()), store_int(ctx->who.user_id),
		    ctx->who.org_id > 0 ? store_int(ctx->who.org_id) :
		    store_null(), store_text(role_name(ctx->who.role)),
		    store_text("coverage"), store_text("signals_form"),
		    store_text(area_level_name(a->level)),
		    store_text(a->code), store_int(r->year),
		    store_int(r->quarters)), NULL) == -1)
			return -1;
	}
	return 0;
}

int
coverage_build(struct ctx *ctx, const struct area_model *m, int year,
    struct coverage *c)
{
	const struct tbl_def *d = tbl_find("signals_form");
	struct coverage_region *g;
	struct store_rows *r;
	struct release rel;
	struct ptable *t, *st;
	const char *code;
	size_t i, k, n = 0;
	int32_t today = deadline_local_day(time_now()), end;
	int q = facts_closed(year, time_now()), e;

	memset(c, 0, sizeof(*c));
	c->year = year;
	if (q == 0)
		return fail_field(ctx, "year", "has no closed quarter yet");
	rel.m = m;
	rel.year = year;
	rel.quarters = q;
	if (store_write(ctx, release_job, &rel) == -1 ||
	    result_run(ctx, year, q, false, &c->run) == -1)
		return -1;
	end = facts_quarter_day(facts_quarter(year, q) + 1) - 1;
	c->day = end < today ? end : today;
	if (store_exec(ctx, Q_EXPERTISE_COVERAGE, ARGS(store_int(c->day)),
	    &r) == -1)
		return -1;
	for (i = 0; i < m->n; i++)
		if (shown(&m->v[i]))
			n++;
	c->v = arena_alloc(ctx->arena, (n + 1) * sizeof(*c->v));
	t = arena_alloc(ctx->arena, tbl_ndefs * sizeof(*t));
	st = &t[d - tbl_defs];
	for (i = 0; i < m->n; i++) {
		if (!shown(&m->v[i]))
			continue;
		g = &c->v[c->n++];
		g->area = &m->v[i];
		if (result_read(ctx, &c->run, g->area, "en", t) == -1)
			return -1;
		g->signals = *ptable_cell(st, st->nrows - 1, st->ncols - 1);
		g->signals.state = protect_state(&g->signals);
		if (g->signals.state != CELL_SHOWN)
			g->signals.v = 0;
		g->arrive = coverage_arrive(&g->signals);
		c->small_text = st->small_text;
		for (k = 0; k < r->nrows; k++) {
			code = arena_printf(ctx->arena, "%lld",
			    (long long)rows_int(r, k, 0));
			e = expertise_kind(rows_text(r, k, 1));
			if (e >= 0 && strcmp(code, g->area->code) == 0)
				g->staff[e] += rows_int(r, k, 2);
		}
		for (k = 0; k < EXPERTISE_NKINDS; k++)
			g->gap[k] = g->arrive && g->staff[k] == 0;
	}
	if (c->small_text == NULL)
		c->small_text = arena_printf(ctx->arena, "<%lld",
		    (long long)c->run.threshold);
	return 0;
}

#include "insight/insight.h"

#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/parse.h"
#include "insight/facts.h"
#include "insight/tables.h"
#include "store/store.h"

size_t
insight_years(int64_t now, int *years)
{
	int y = facts_year(now);
	size_t n = 0;

	if (facts_closed(y, now) == 0)
		y--;
	while (n < INSIGHT_YEARS)
		years[n++] = y--;
	return n;
}

int
insight_pick(struct ctx *ctx, const struct area_model *m, const char *level,
    const char *code, const char *year, const struct area **a, int *y)
{
	int years[INSIGHT_YEARS];
	size_t n = insight_years(time_now(), years);
	enum area_level l;
	int64_t v;

	if (level == NULL && code == NULL) {
		*a = &m->v[m->home];
	} else {
		if (area_level_parse(level, &l) == -1)
			return fail_field(ctx, "level", "must be country, "
			    "province, region or municipality");
		if (code == NULL)
			return fail_field(ctx, "area", "is required with "
			    "level");
		if ((*a = area_find(m, l, code)) == NULL)
			return fail(ctx, ST_NOTFOUND, "no such area");
	}
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

bool
insight_too_small(const struct ptable *t)
{
	size_t r, col = t->ncols - 1, shown = 0, hidden = 0;

	if (t->total_row &&
	    ptable_cell(t, t->nrows - 1, col)->state != CELL_SHOWN)
		return true;
	for (r = 0; r < t->nrows - (t->total_row ? 1 : 0); r++) {
		if (ptable_cell(t, r, col)->state != CELL_SHOWN)
			hidden++;
		else if (ptable_cell(t, r, col)->v > 0)
			shown++;
	}
	return hidden > shown;
}

/* The larger areas to offer, smallest first, with their tables. */
struct parents {
	const struct area *a[8];
	struct ptable	*t[8];
	size_t		 n;
};

static int
parents(struct ctx *ctx, const struct area_model *m,
    const struct insight_view *v, const char *lang, struct parents *p)
{
	const struct area *a;

	p->n = 0;
	while (p->n < 7 && v->area->level == AREA_MUNICIPALITY &&
	    (a = area_parent(m, v->area, p->n)) != NULL) {
		p->a[p->n] = a;
		p->t[p->n] = arena_alloc(ctx->arena,
		    tbl_ndefs * sizeof(struct ptable));
		if (result_read(ctx, &v->run, a, lang, p->t[p->n]) == -1)
			return -1;
		p->n++;
	}
	return 0;
}

/* The smallest larger area where table k is not too small. */
static const struct area *
suggest(const struct area_model *m, const struct insight_view *v,
    const struct parents *p, size_t k)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (!insight_too_small(&p->t[i][k]))
			return p->a[i];
	return v->area->level == AREA_COUNTRY ? NULL : &m->v[0];
}

/* The totals of the trend tables over the last years. */
static int
trend(struct ctx *ctx, struct insight_view *v, int year, const char *lang)
{
	struct ptable *t = &v->trend, *all;
	const struct tbl_def *d;
	struct result_run run;
	bool en = lang != NULL && strcmp(lang, "en") == 0;
	size_t i, k;
	int y, q;

	memset(t, 0, sizeof(*t));
	t->id = "trend";
	t->title = en ? "Over the last five years" :
	    "De laatste vijf jaar";
	t->unit = "count";
	t->nrows = tbl_ntrend;
	t->ncols = INSIGHT_TREND;
	t->small_text = arena_printf(ctx->arena, "<%lld",
	    (long long)v->run.threshold);
	t->row_keys = arena_alloc(ctx->arena, t->nrows * sizeof(char *));
	t->row_labels = arena_alloc(ctx->arena, t->nrows * sizeof(char *));
	t->col_keys = arena_alloc(ctx->arena, t->ncols * sizeof(char *));
	t->col_labels = arena_alloc(ctx->arena, t->ncols * sizeof(char *));
	t->cells = arena_alloc(ctx->arena,
	    t->nrows * t->ncols * sizeof(*t->cells));
	all = arena_alloc(ctx->arena, tbl_ndefs * sizeof(*all));
	for (i = 0; i < t->nrows; i++) {
		t->row_keys[i] = tbl_trend[i].key;
		t->row_labels[i] = en ? tbl_trend[i].en : tbl_trend[i].nl;
	}
	for (k = 0; k < INSIGHT_TREND; k++) {
		y = year - INSIGHT_TREND + 1 + (int)k;
		q = facts_closed(y, time_now());
		t->col_keys[k] = arena_printf(ctx->arena, "%d", y);
		t->col_labels[k] = q == 4 || q == 0 ? t->col_keys[k] :
		    arena_printf(ctx->arena, en ? "%d (Q1-Q%d)" :
		    "%d (K1-K%d)", y, q);
		if (q == 0) {
			for (i = 0; i < t->nrows; i++)
				*ptable_cell(t, i, k) = (struct pcell){ 0,
				    CELL_SHOWN };
			continue;
		}
		if (result_run(ctx, y, q, v->run.open, &run) == -1 ||
		    result_read(ctx, &run, v->area, lang, all) == -1)
			return -1;
		for (i = 0; i < t->nrows; i++) {
			d = tbl_find(tbl_trend[i].table);
			*ptable_cell(t, i, k) = *ptable_cell(
			    &all[d - tbl_defs], all[d - tbl_defs].nrows - 1,
			    all[d - tbl_defs].ncols - 1);
		}
	}
	return 0;
}

/*
 * One write for what a view needs: the results not computed yet (the
 * year, and for the trend the years before it) and the release log, so
 * that a view that fails leaves nothing behind.
 */
struct release {
	const struct area *area;
	int		 year;
	int		 quarters;
	bool		 open;
	bool		 trend;
	const char	*what;
	const char	*table;
	int64_t		 id;
};

static int
release_log(struct ctx *ctx, void *arg)
{
	struct release *r = arg;
	struct store_rows *rows;
	int y, q;

	if (result_compute(ctx, r->year, r->quarters, r->open) == -1)
		return -1;
	for (y = r->year - INSIGHT_TREND + 1; r->trend && y < r->year; y++) {
		q = facts_closed(y, time_now());
		if (q > 0 && result_compute(ctx, y, q, r->open) == -1)
			return -1;
	}
	if (store_exec(ctx, Q_INSIGHT_RELEASE_INSERT, ARGS(
	    store_int(time_now()), store_int(ctx->who.user_id),
	    ctx->who.org_id > 0 ? store_int(ctx->who.org_id) : store_null(),
	    store_text(role_name(ctx->who.role)), store_text(r->what),
	    store_text(r->table), store_text(area_level_name(r->area->level)),
	    store_text(r->area->code), store_int(r->year),
	    store_int(r->quarters)), &rows) == -1)
		return -1;
	r->id = rows_int(rows, 0, 0);
	return 0;
}

int
insight_view(struct ctx *ctx, const struct area_model *m,
    const struct area *a, int year, bool open, const char *lang,
    const char *what, const char *table, struct insight_view *v)
{
	struct release rel;
	struct parents par;
	size_t k;
	int q = facts_closed(year, time_now());

	memset(v, 0, sizeof(*v));
	v->area = a;
	if (q == 0)
		return fail_field(ctx, "year", "has no closed quarter yet");
	memset(&rel, 0, sizeof(rel));
	rel.area = a;
	rel.year = year;
	rel.quarters = q;
	rel.open = open;
	rel.trend = table == NULL || strcmp(table, "trend") == 0;
	rel.what = what;
	rel.table = table;
	if (store_write(ctx, release_log, &rel) == -1)
		return -1;
	v->release = rel.id;
	v->ntables = tbl_ndefs;
	v->tables = arena_alloc(ctx->arena, tbl_ndefs * sizeof(*v->tables));
	v->too_small = arena_alloc(ctx->arena, tbl_ndefs * sizeof(bool));
	v->suggest = arena_alloc(ctx->arena,
	    tbl_ndefs * sizeof(*v->suggest));
	if (result_run(ctx, year, q, open, &v->run) == -1 ||
	    result_read(ctx, &v->run, a, lang, v->tables) == -1)
		return -1;
	v->all_too_small = true;
	par.n = 0;
	for (k = 0; k < tbl_ndefs; k++) {
		v->suggest[k] = NULL;
		v->too_small[k] = insight_too_small(&v->tables[k]);
		if (!v->too_small[k]) {
			v->all_too_small = false;
			continue;
		}
		if (par.n == 0 && parents(ctx, m, v, lang, &par) == -1)
			return -1;
		v->suggest[k] = suggest(m, v, &par, k);
	}
	if (rel.trend && trend(ctx, v, year, lang) == -1)
		return -1;
	return 0;
}

#include "insight/gap.h"

#include <stdlib.h>
#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/parse.h"
#include "domain/catalog.h"
#include "insight/area.h"
#include "insight/facts.h"
#include "insight/insight.h"
#include "insight/result.h"
#include "store/store.h"

void
gap_protect(const struct protect_rules *r, size_t ntypes, const int64_t *n,
    const int64_t *accepted, const int64_t *median_days, struct pcell *out)
{
	struct protect_grid g;
	struct pcell *cells;
	int64_t *all;
	size_t i, c, rows = ntypes + 1;

	all = calloc(rows * GAP_NCOUNTS, sizeof(*all));
	cells = calloc(rows * GAP_NCOUNTS, sizeof(*cells));
	if (all == NULL || cells == NULL)
		abort();
	for (i = 0; i < ntypes; i++)
		for (c = 0; c < GAP_NCOUNTS; c++) {
			all[i * GAP_NCOUNTS + c] = n[i * GAP_NCOUNTS + c];
			all[ntypes * GAP_NCOUNTS + c] +=
			    n[i * GAP_NCOUNTS + c];
		}
	memset(&g, 0, sizeof(g));
	g.nrows = rows;
	g.ncols = GAP_NCOUNTS;
	g.total_row = true;
	g.n = all;
	g.cells = cells;
	protect_grid(r, &g);
	for (i = 0; i < rows; i++) {
		for (c = 0; c < GAP_NCOUNTS; c++)
			out[i * GAP_NCOLS + c] = cells[i * GAP_NCOUNTS + c];
		/* A median of fewer than threshold waits is one person's
		 * wait, or close to it. */
		if (accepted[i] >= r->threshold)
			out[i * GAP_NCOLS + GAP_WAIT] = (struct pcell){
			    median_days[i], CELL_SHOWN };
		else
			out[i * GAP_NCOLS + GAP_WAIT] = (struct pcell){
			    0, CELL_PROTECTED };
	}
	free(all);
	free(cells);
}

const char *
gap_flag(const struct gap_row *w)
{
	const struct pcell *d = &w->cell[GAP_DECLINED];
	const struct pcell *need = &w->cell[GAP_NEEDS];
	const struct pcell *ref = &w->cell[GAP_REFERRALS];

	if (d->state == CELL_SMALL || (d->state == CELL_SHOWN && d->v > 0))
		return "declines";
	if (w->contracts == 0 && ((need->state == CELL_SHOWN &&
	    need->v > 0) || (ref->state == CELL_SHOWN && ref->v > 0)))
		return "no_contract";
	if (w->places > 0 && w->hours == 0 && need->state == CELL_SHOWN &&
	    need->v > w->places)
		return "over_capacity";
	return NULL;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Median of v[0..n) sorted, in whole days. */
static int64_t
median_days(const int64_t *v, size_t n)
{
	int64_t s;

	if (n == 0)
		return 0;
	s = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	if (s < 0)
		s = 0;
	return (s + 43200) / 86400;
}

static int
type_index(const struct help_need *h, size_t nh, const char *id)
{
	size_t i;

	for (i = 0; i < nh; i++)
		if (strcmp(h[i].id, id) == 0)
			return (int)i;
	return -1;
}

struct gap_job {
	struct gap_report *g;
	const char	*what;
	const char	*cells;		/* out: as stored */
	const char	*types;
	struct store_rows *supply;	/* out: Q_CONTRACT_SUPPLY */
};

/* The true counts of the region, protected; only inside the write. */
static int
compute(struct ctx *ctx, struct gap_job *j, const struct help_need *h,
    size_t nh)
{
	static const enum query qs[GAP_NCOUNTS] = { Q_GAP_NEEDS,
	    Q_GAP_REFERRALS, Q_GAP_DECLINED };
	const struct protect_rules *rules = protect_rules();
	struct gap_report *g = j->g;
	struct store_rows *r;
	struct store_value a[3];
	int64_t *n, *acc, *med, *waits, *all;
	struct pcell *out;
	size_t i, c, k, start, nall = 0;
	struct buf b;
	int t;

	a[0] = store_int(g->region_id);
	a[1] = store_int(facts_quarter_start(facts_quarter(g->year, 1)));
	a[2] = store_int(facts_quarter_start(facts_quarter(g->year, 1) +
	    g->quarters));
	n = arena_alloc(ctx->arena, (nh + 1) * GAP_NCOUNTS * sizeof(*n));
	acc = arena_alloc(ctx->arena, (nh + 1) * sizeof(*acc));
	med = arena_alloc(ctx->arena, (nh + 1) * sizeof(*med));
	out = arena_alloc(ctx->arena, (nh + 1) * GAP_NCOLS * sizeof(*out));
	memset(n, 0, (nh + 1) * GAP_NCOUNTS * sizeof(*n));
	memset(acc, 0, (nh + 1) * sizeof(*acc));
	memset(med, 0, (nh + 1) * sizeof(*med));
	for (c = 0; c < GAP_NCOUNTS; c++) {
		if (store_exec(ctx, qs[c], a, 3, &r) == -1)
			return -1;
		for (i = 0; i < r->nrows; i++) {
			t = type_index(h, nh, rows_text(r, i, 0));
			if (t >= 0)
				n[(size_t)t * GAP_NCOUNTS + c] +=
				    rows_int(r, i, 1);
		}
	}
	if (store_exec(ctx, Q_GAP_WAITS, a, 3, &r) == -1)
		return -1;
	waits = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*waits));
	all = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*all));
	/* Rows come ordered by care type, then wait. */
	for (i = 0; i < r->nrows; i = k) {
		start = i;
		for (k = i; k < r->nrows && strcmp(rows_text(r, k, 0),
		    rows_text(r, i, 0)) == 0; k++) {
			waits[k - start] = rows_int(r, k, 1);
			all[nall++] = rows_int(r, k, 1);
		}
		t = type_index(h, nh, rows_text(r, i, 0));
		if (t < 0)
			continue;
		acc[t] = (int64_t)(k - start);
		med[t] = median_days(waits, k - start);
	}
	qsort(all, nall, sizeof(*all), cmp_i64);
	acc[nh] = (int64_t)nall;
	med[nh] = median_days(all, nall);
	gap_protect(rules, nh, n, acc, med, out);
	j->cells = result_encode(ctx, out, (nh + 1) * GAP_NCOLS);
	buf_init(&b, ctx->arena, 64 * 1024);
	for (i = 0; i < nh; i++)
		buf_appendf(&b, "%s%s", i > 0 ? "," : "", h[i].id);
	j->types = b.p;
	g->threshold = rules->threshold;
	g->rounding = rules->rounding;
	g->computed_at = time_now();
	return store_exec(ctx, Q_GAP_RESULT_INSERT, ARGS(
	    store_int(g->year), store_int(g->quarters),
	    store_int(g->region_id), store_int(g->threshold),
	    store_int(g->rounding), store_text(j->types),
	    store_text(j->cells), store_int(g->computed_at)), NULL);
}

/* One write: the result unless it is kept already, and the release. */
static int
gap_job(struct ctx *ctx, void *p)
{
	struct gap_job *j = p;
	struct gap_report *g = j->g;
	const struct help_need *h;
	struct store_rows *r;
	size_t nh;

	if (store_exec(ctx, Q_GAP_RESULT_GET, ARGS(store_int(g->year),
	    store_int(g->quarters), store_int(g->region_id)), &r) == -1)
		return -1;
	if (r->nrows == 1) {
		g->threshold = rows_int(r, 0, 0);
		g->rounding = rows_int(r, 0, 1);
		j->types = rows_text(r, 0, 2);
		j->cells = rows_text(r, 0, 3);
		g->computed_at = rows_int(r, 0, 4);
	} else {
		h = catalog_help_needs(&nh);
		if (h == NULL)
			return fail(ctx, ST_INTERNAL, "no help needs");
		if (compute(ctx, j, h, nh) == -1)
			return -1;
	}
	/* Supply: contracts active on any day of the period.  Read here so
	 * that nothing after the release can fail. */
	if (store_exec(ctx, Q_CONTRACT_SUPPLY, ARGS(store_int(g->region_id),
	    store_int(facts_quarter_day(facts_quarter(g->year, 1))),
	    store_int(facts_quarter_day(facts_quarter(g->year, 1) +
	    g->quarters) - 1)), &j->supply) == -1)
		return -1;
	if (store_exec(ctx, Q_INSIGHT_RELEASE_INSERT, ARGS(
	    store_int(time_now()), store_int(ctx->who.user_id),
	    ctx->who.org_id > 0 ? store_int(ctx->who.org_id) : store_null(),
	    store_text(role_name(ctx->who.role)), store_text(j->what),
	    store_text("gap"), store_text("region"),
	    store_text(arena_printf(ctx->arena, "%lld",
	    (long long)g->region_id)), store_int(g->year),
	    store_int(g->quarters)), &r) == -1)
		return -1;
	g->release = rows_int(r, 0, 0);
	return 0;
}

/* The region asked for: one the user may see, of care coordination. */
static int
pick(struct ctx *ctx, const char *region, const char *year,
    struct gap_report *g)
{
	int years[INSIGHT_YEARS];
	size_t ny = insight_years(time_now(), years);
	struct area_model m;
	const struct area *a;
	int64_t v;

	if (region == NULL)
		return fail_field(ctx, "region", "is required");
	if (parse_int64(region, 1, INT64_MAX, &v) == -1)
		return fail_field(ctx, "region", "must be a region id");
	if (area_load(ctx, &m) == -1)
		return -1;
	a = area_find(&m, AREA_REGION, region);
	if (a == NULL)
		return fail(ctx, ST_NOTFOUND, "no such region");
	if (a->type == NULL || strcmp(a->type, "care_coordination") != 0)
		return fail_field(ctx, "region", "must be a care-coordination "
		    "region");
	g->region_id = v;
	g->region_name = a->name;
	if (year == NULL) {
		g->year = years[0];
	} else if (parse_int64(year, years[ny - 1], years[0], &v) == -1) {
		return fail_field(ctx, "year", "must be a year from %d to %d",
		    years[ny - 1], years[0]);
	} else {
		g->year = (int)v;
	}
	g->quarters = facts_closed(g->year, time_now());
	if (g->quarters == 0)
		return fail_field(ctx, "year", "has no closed quarter yet");
	return 0;
}

/* Supply, exactly: places and hours per care type. */
static void
supply(struct gap_report *g, const struct store_rows *r, const char **types,
    size_t nt)
{
	struct gap_row *w, *tot = &g->rows[g->nrows - 1];
	size_t i, k;

	for (i = 0; i < r->nrows; i++) {
		for (k = 0; k < nt; k++)
			if (strcmp(types[k], rows_text(r, i, 0)) == 0)
				break;
		if (k == nt)
			continue;
		w = &g->rows[k];
		if (strcmp(rows_text(r, i, 1), "places") == 0) {
			w->places += rows_int(r, i, 2);
			tot->places += rows_int(r, i, 2);
		} else {
			w->hours += rows_int(r, i, 2);
			tot->hours += rows_int(r, i, 2);
		}
		w->contracts += rows_int(r, i, 3);
		tot->contracts += rows_int(r, i, 3);
	}
}

int
gap_report(struct ctx *ctx, const char *region, const char *year,
    const char *lang, const char *what, struct gap_report *g)
{
	const struct help_need *h;
	struct gap_job j;
	struct pcell *cells;
	const char **types;
	char *s, *tok, *save;
	size_t nt = 0, i, c;
	bool en = lang != NULL && strcmp(lang, "en") == 0;

	memset(g, 0, sizeof(*g));
	if (pick(ctx, region, year, g) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	j.g = g;
	j.what = what;
	if (store_write(ctx, gap_job, &j) == -1)
		return -1;
	s = arena_strdup(ctx->arena, j.types);
	types = arena_alloc(ctx->arena, (strlen(s) / 2 + 2) *
	    sizeof(*types));
	for (tok = strtok_r(s, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save))
		types[nt++] = tok;
	cells = arena_alloc(ctx->arena, (nt + 1) * GAP_NCOLS *
	    sizeof(*cells));
	if (result_decode(j.cells, cells, (nt + 1) * GAP_NCOLS) == -1)
		return fail(ctx, ST_INTERNAL, "gap result does not decode");
	g->small_text = arena_printf(ctx->arena, "<%lld",
	    (long long)g->threshold);
	g->nrows = nt + 1;
	g->rows = arena_alloc(ctx->arena, g->nrows * sizeof(*g->rows));
	memset(g->rows, 0, g->nrows * sizeof(*g->rows));
	for (i = 0; i < g->nrows; i++) {
		if (i < nt) {
			g->rows[i].care_type = types[i];
			h = catalog_help_need(types[i]);
			g->rows[i].label = h == NULL ? types[i] :
			    en ? h->text_en : h->text_nl;
		} else {
			g->rows[i].care_type = "total";
			g->rows[i].label = en ? "Total" : "Totaal";
		}
		for (c = 0; c < GAP_NCOLS; c++)
			g->rows[i].cell[c] = cells[i * GAP_NCOLS + c];
	}
	supply(g, j.supply, types, nt);
	for (i = 0; i + 1 < g->nrows; i++)
		g->rows[i].flag = gap_flag(&g->rows[i]);
	return 0;
}

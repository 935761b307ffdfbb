#include "insight/result.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/fail.h"
#include "insight/facts.h"
#include "insight/noise.h"
#include "insight/protect.h"
#include "store/store.h"

char *
result_encode(struct ctx *ctx, const struct pcell *c, size_t n)
{
	struct buf b;
	size_t i;

	buf_init(&b, ctx->arena, 16 * 1024 * 1024);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(&b, ',');
		if (c[i].state == CELL_SMALL)
			buf_putc(&b, 's');
		else if (c[i].state == CELL_PROTECTED)
			buf_putc(&b, 'x');
		else
			buf_appendf(&b, "%lld", (long long)c[i].v);
	}
	return b.p;
}

int
result_decode(const char *s, struct pcell *c, size_t n)
{
	size_t i;
	char *end;

	for (i = 0; i < n; i++) {
		c[i].v = 0;
		if (*s == 's' || *s == 'x') {
			c[i].state = *s == 's' ? CELL_SMALL : CELL_PROTECTED;
			s++;
		} else {
			c[i].state = CELL_SHOWN;
			c[i].v = strtoll(s, &end, 10);
			if (end == s)
				return -1;
			s = end;
		}
		if (*s != (i + 1 < n ? ',' : '\0'))
			return -1;
		s++;
	}
	return 0;
}

struct compute {
	int		 year;
	int		 quarters;
	bool		 open;
};

static double noise_epsilon;

int
result_set_noise(double epsilon)
{
	if (epsilon != 0 && !noise_epsilon_ok(epsilon))
		return -1;
	noise_epsilon = epsilon;
	return 0;
}

double
result_noise(void)
{
	return noise_epsilon;
}

static const char *
variant(bool open)
{
	return open ? "open" : "protected";
}

/*
 * Noise into one municipality's true counts (open data): every count of
 * a row and a quarter gets its own draw, zeros too, and is kept at 0 or
 * more; the year and the total row are then the sums again.  An event
 * is counted in one row of an exclusive table, so such a table spends
 * epsilon once; a row of a list or events table may count the same
 * event as another row, so each row gets epsilon / rows.
 */
static void
add_noise(const struct tbl_def *d, int64_t *n, size_t nr, size_t nc)
{
	size_t r, c, counted = d->kind == TBL_EXCLUSIVE ? nr - 1 : nr;
	double eps = d->kind == TBL_EXCLUSIVE ? noise_epsilon :
	    noise_epsilon / (double)nr;

	for (r = 0; r < nr; r++)
		n[r * nc + nc - 1] = 0;
	for (r = 0; r < counted; r++)
		for (c = 0; c + 1 < nc; c++) {
			n[r * nc + c] += noise_geometric(eps);
			if (n[r * nc + c] < 0)
				n[r * nc + c] = 0;
		}
	if (d->kind == TBL_EXCLUSIVE)
		for (c = 0; c + 1 < nc; c++) {
			n[(nr - 1) * nc + c] = 0;
			for (r = 0; r + 1 < nr; r++)
				n[(nr - 1) * nc + c] += n[r * nc + c];
		}
	for (r = 0; r < nr; r++)
		for (c = 0; c + 1 < nc; c++)
			n[r * nc + nc - 1] += n[r * nc + c];
}

/* The groups protect reasons over: the country is its provinces, a
 * province and a region their municipalities. */
static struct protect_group *
groups(struct ctx *ctx, const struct area_model *m, size_t *ng)
{
	struct protect_group *g;
	size_t i, k = 0, *prov;

	g = arena_alloc(ctx->arena, m->n * sizeof(*g));
	prov = arena_alloc(ctx->arena,
	    (m->count[AREA_PROVINCE] + 1) * sizeof(*prov));
	for (i = 0; i < m->count[AREA_PROVINCE]; i++)
		prov[i] = m->first[AREA_PROVINCE] + i;
	g[k].parent = 0;
	g[k].child = prov;
	g[k++].nchild = m->count[AREA_PROVINCE];
	for (i = 1; i < m->first[AREA_MUNICIPALITY]; i++) {
		g[k].parent = i;
		g[k].child = m->v[i].munis;
		g[k++].nchild = m->v[i].nmunis;
	}
	*ng = k;
	return g;
}

static int
compute_table(struct ctx *ctx, const struct compute *c,
    const struct area_model *m, const struct tbl_def *d,
    const struct store_rows *facts, const struct protect_group *grp,
    size_t ngrp)
{
	struct protect_grid *g;
	struct pcell *cells;
	int64_t *n, *src, *dst;
	size_t nr = tbl_nrows(d), nc = (size_t)c->quarters + 1, sz, i, k;
	size_t a, col, mi;
	int q0 = facts_quarter(c->year, 1), row;
	const char *key;
	const struct area *ar;

	sz = nr * nc;
	n = arena_alloc(ctx->arena, m->n * sz * sizeof(*n));
	memset(n, 0, m->n * sz * sizeof(*n));
	cells = arena_alloc(ctx->arena, m->n * sz * sizeof(*cells));
	for (i = 0; i < facts->nrows; i++) {
		if (strcmp(rows_text(facts, i, 0), d->id) != 0)
			continue;
		ar = area_find_any(m, AREA_MUNICIPALITY,
		    rows_text(facts, i, 2));
		key = rows_text(facts, i, 3);
		row = strcmp(key, "total") == 0 && tbl_has_total(d) ?
		    (int)nr - 1 : tbl_row(d, key);
		col = (size_t)(rows_int(facts, i, 1) - q0);
		if (ar == NULL || row < 0 || col >= nc - 1)
			continue;
		mi = (size_t)(ar - m->v);
		dst = n + mi * sz;
		dst[(size_t)row * nc + col] += rows_int(facts, i, 4);
		dst[(size_t)row * nc + nc - 1] += rows_int(facts, i, 4);
		if (d->kind == TBL_EXCLUSIVE) {
			dst[(nr - 1) * nc + col] += rows_int(facts, i, 4);
			dst[(nr - 1) * nc + nc - 1] += rows_int(facts, i, 4);
		}
	}
	for (a = m->first[AREA_MUNICIPALITY]; c->open && a < m->n; a++)
		add_noise(d, n + a * sz, nr, nc);
	for (a = 0; a < m->first[AREA_MUNICIPALITY]; a++)
		for (k = 0; k < m->v[a].nmunis; k++) {
			src = n + m->v[a].munis[k] * sz;
			dst = n + a * sz;
			for (i = 0; i < sz; i++)
				dst[i] += src[i];
		}
	g = arena_alloc(ctx->arena, m->n * sizeof(*g));
	for (a = 0; a < m->n; a++) {
		memset(&g[a], 0, sizeof(g[a]));
		g[a].nrows = nr;
		g[a].ncols = nc;
		g[a].total_row = d->kind == TBL_EXCLUSIVE;
		g[a].overlap = d->kind == TBL_LIST;
		g[a].total_col = true;
		g[a].n = n + a * sz;
		g[a].cells = cells + a * sz;
	}
	protect_family(protect_rules(), g, m->n, grp, ngrp);
	for (a = 0; a < m->n; a++)
		if (store_exec(ctx, Q_INSIGHT_RESULT_INSERT,
		    ARGS(store_int(c->year), store_int(c->quarters),
		    store_text(variant(c->open)),
		    store_text(area_level_name(m->v[a].level)),
		    store_text(m->v[a].code), store_text(d->id),
		    store_text(result_encode(ctx, g[a].cells, sz))),
		    NULL) == -1)
			return -1;
	return 0;
}

int
result_compute(struct ctx *ctx, int year, int quarters, bool open)
{
	struct compute c = { year, quarters, open };
	struct store_rows *r;
	struct area_model m;
	struct protect_group *grp;
	size_t ngrp, k;
	int q;

	if (open && noise_epsilon == 0)
		return fail(ctx, ST_CONFLICT, "open data is not set up on this "
		    "server (serve --insight-noise)");
	if (store_exec(ctx, Q_INSIGHT_RUN_GET, ARGS(store_int(year),
	    store_int(quarters), store_text(variant(open))), &r) == -1)
		return -1;
	if (r->nrows == 1)
		return 0;
	for (q = 1; q <= quarters; q++)
		if (facts_freeze(ctx, facts_quarter(year, q)) == -1)
			return -1;
	if (area_load(ctx, &m) == -1 ||
	    store_exec(ctx, Q_INSIGHT_FACTS,
	    ARGS(store_int(facts_quarter(year, 1)),
	    store_int(facts_quarter(year, quarters))), &r) == -1)
		return -1;
	grp = groups(ctx, &m, &ngrp);
	for (k = 0; k < tbl_ndefs; k++)
		if (compute_table(ctx, &c, &m, &tbl_defs[k], r, grp,
		    ngrp) == -1)
			return -1;
	return store_exec(ctx, Q_INSIGHT_RUN_INSERT, ARGS(store_int(year),
	    store_int(quarters), store_text(variant(open)),
	    store_int(protect_rules()->threshold),
	    store_int(protect_rules()->rounding),
	    store_int(open ? (int64_t)(noise_epsilon * 1000 + 0.5) : 0),
	    store_int(time_now())), NULL);
}

int
result_run(struct ctx *ctx, int year, int quarters, bool open,
    struct result_run *run)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_INSIGHT_RUN_GET, ARGS(store_int(year),
	    store_int(quarters), store_text(variant(open))), &r) == -1)
		return -1;
	if (r->nrows != 1)
		return fail(ctx, ST_NOTFOUND, "no insight result for %d", year);
	run->year = year;
	run->quarters = quarters;
	run->open = open;
	run->threshold = rows_int(r, 0, 0);
	run->rounding = rows_int(r, 0, 1);
	run->computed_at = rows_int(r, 0, 2);
	run->noise_milli = rows_int(r, 0, 3);
	return 0;
}

static int
compute(struct ctx *ctx, void *arg)
{
	struct compute *c = arg;

	return result_compute(ctx, c->year, c->quarters, c->open);
}

int
result_ensure(struct ctx *ctx, int year, int quarters, bool open,
    struct result_run *run)
{
	struct compute c = { year, quarters, open };

	if (result_run(ctx, year, quarters, open, run) == 0)
		return 0;
	if (ctx->status != ST_NOTFOUND)
		return -1;
	ctx_clear_error(ctx);
	if (store_write(ctx, compute, &c) == -1)
		return -1;
	return result_run(ctx, year, quarters, open, run);
}

static const char *const qkeys[] = { "q1", "q2", "q3", "q4" };
static const char *const qnl[] = { "K1", "K2", "K3", "K4" };
static const char *const qen[] = { "Q1", "Q2", "Q3", "Q4" };

int
result_read(struct ctx *ctx, const struct result_run *run,
    const struct area *a, const char *lang, struct ptable *t)
{
	struct store_rows *r;
	const struct tbl_def *d;
	struct ptable *p;
	size_t i, k, sz;
	bool en = lang != NULL && strcmp(lang, "en") == 0;

	if (store_exec(ctx, Q_INSIGHT_RESULT_AREA, ARGS(store_int(run->year),
	    store_int(run->quarters), store_text(variant(run->open)),
	    store_text(area_level_name(a->level)), store_text(a->code)),
	    &r) == -1)
		return -1;
	for (k = 0; k < tbl_ndefs; k++) {
		d = &tbl_defs[k];
		p = &t[k];
		memset(p, 0, sizeof(*p));
		p->id = d->id;
		p->title = en ? d->en : d->nl;
		p->unit = d->unit;
		p->nrows = tbl_nrows(d);
		p->ncols = (size_t)run->quarters + 1;
		p->total_row = tbl_has_total(d);
		p->total_col = true;
		p->small_text = arena_printf(ctx->arena, "<%lld",
		    (long long)run->threshold);
		p->row_keys = arena_alloc(ctx->arena,
		    p->nrows * sizeof(char *));
		p->row_labels = arena_alloc(ctx->arena,
		    p->nrows * sizeof(char *));
		for (i = 0; i < p->nrows; i++) {
			if (d->rows[i].key == NULL) {
				p->row_keys[i] = "total";
				p->row_labels[i] = en ? "Total" : "Totaal";
			} else {
				p->row_keys[i] = d->rows[i].key;
				p->row_labels[i] = tbl_label(&d->rows[i],
				    lang);
			}
		}
		p->col_keys = arena_alloc(ctx->arena,
		    p->ncols * sizeof(char *));
		p->col_labels = arena_alloc(ctx->arena,
		    p->ncols * sizeof(char *));
		for (i = 0; i + 1 < p->ncols; i++) {
			p->col_keys[i] = qkeys[i];
			p->col_labels[i] = en ? qen[i] : qnl[i];
		}
		p->col_keys[i] = "year";
		p->col_labels[i] = run->quarters == 4 ?
		    arena_printf(ctx->arena, "%d", run->year) :
		    arena_printf(ctx->arena, en ? "%d (Q1-Q%d)" :
		    "%d (K1-K%d)", run->year, run->quarters);
		sz = p->nrows * p->ncols;
		p->cells = arena_alloc(ctx->arena, sz * sizeof(*p->cells));
		for (i = 0; i < sz; i++) {
			p->cells[i].v = 0;
			p->cells[i].state = CELL_PROTECTED;
		}
		for (i = 0; i < r->nrows; i++)
			if (strcmp(rows_text(r, i, 0), d->id) == 0 &&
			    result_decode(rows_text(r, i, 1), p->cells,
			    sz) == -1)
				return fail(ctx, ST_INTERNAL, "insight result "
				    "%s does not fit its table", d->id);
	}
	return 0;
}

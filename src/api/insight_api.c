/*
 * Local insight (insight/insight.h): the areas a user may look at, and
 * the protected tables of one area and year.  Every number in these
 * answers comes from a protected table: a cell is {"v": n} with n zero
 * or a rounded count of at least the threshold, {"s": "<10"} or
 * {"s": "x"}; never a record.
 */
#include <string.h>

#include "api/api.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/json.h"
#include "http/server.h"
#include "insight/area.h"
#include "insight/chart.h"
#include "insight/csv.h"
#include "insight/insight.h"
#include "insight/protect.h"
#include "insight/result.h"
#include "insight/tables.h"

static int
lang_arg(struct ctx *ctx, struct http_request *req, const char **lang)
{
	*lang = http_query_arg(req, "lang");
	if (*lang == NULL)
		*lang = "nl";
	else if (strcmp(*lang, "nl") != 0 && strcmp(*lang, "en") != 0)
		return fail_field(ctx, "lang", "must be nl or en");
	return 0;
}

static void
write_area(struct jw *w, const struct area *a)
{
	jw_obj_open(w);
	jw_kstr(w, "level", area_level_name(a->level));
	jw_kstr(w, "code", a->code);
	jw_kstr(w, "name", a->name);
	jw_obj_close(w);
}

int
api_insight_areas(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	const struct protect_rules *r = protect_rules();
	struct area_model m;
	int years[INSIGHT_YEARS];
	size_t i, n;
	struct jw w;

	(void)req;
	if (area_load(ctx, &m) == -1)
		return -1;
	n = insight_years(time_now(), years);
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "areas");
	jw_arr_open(&w);
	for (i = 0; i < m.n; i++) {
		if (!m.v[i].allowed)
			continue;
		jw_obj_open(&w);
		jw_kstr(&w, "level", area_level_name(m.v[i].level));
		jw_kstr(&w, "code", m.v[i].code);
		jw_kstr(&w, "name", m.v[i].name);
		if (m.v[i].type != NULL)
			jw_kstr(&w, "type", m.v[i].type);
		if (m.v[i].level == AREA_MUNICIPALITY) {
			jw_kstr(&w, "province", m.v[m.v[i].province].code);
			if (m.v[i].nregions > 0)
				jw_kstr(&w, "region",
				    m.v[m.v[i].regions[0]].code);
		}
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_key(&w, "years");
	jw_arr_open(&w);
	for (i = 0; i < n; i++)
		jw_int(&w, years[i]);
	jw_arr_close(&w);
	jw_key(&w, "default");
	write_area(&w, &m.v[m.home]);
	jw_key(&w, "rules");
	jw_obj_open(&w);
	jw_kint(&w, "threshold", r->threshold);
	jw_kint(&w, "rounding", r->rounding);
	jw_kint(&w, "dominance_pct", r->dominance_pct);
	if (result_noise() > 0)
		jw_kstr(&w, "noise_epsilon", arena_printf(ctx->arena, "%.3g",
		    result_noise()));
	jw_obj_close(&w);
	jw_obj_close(&w);
	return 0;
}

/* A protected cell as the API writes it. */
static void
write_cell(struct jw *w, const struct ptable *t, const struct pcell *c)
{
	jw_obj_open(w);
	if (c->state == CELL_SHOWN)
		jw_kint(w, "v", c->v);
	else
		jw_kstr(w, "s", c->state == CELL_SMALL ? t->small_text : "x");
	jw_obj_close(w);
}

void
api_insight_table(struct jw *w, const struct ptable *t, const char *chart,
    bool too_small, const struct area *suggest)
{
	size_t r, c;

	jw_obj_open(w);
	jw_kstr(w, "id", t->id);
	jw_kstr(w, "title", t->title);
	jw_kstr(w, "unit", t->unit);
	jw_kstr(w, "chart", chart);
	jw_kbool(w, "too_small", too_small);
	if (suggest != NULL) {
		jw_key(w, "suggest");
		write_area(w, suggest);
	}
	jw_key(w, "cols");
	jw_arr_open(w);
	for (c = 0; c < t->ncols; c++) {
		jw_obj_open(w);
		jw_kstr(w, "key", t->col_keys[c]);
		jw_kstr(w, "label", t->col_labels[c]);
		jw_obj_close(w);
	}
	jw_arr_close(w);
	jw_key(w, "rows");
	jw_arr_open(w);
	for (r = 0; r < t->nrows; r++) {
		jw_obj_open(w);
		jw_kstr(w, "key", t->row_keys[r]);
		jw_kstr(w, "label", t->row_labels[r]);
		jw_kbool(w, "total", t->total_row && r + 1 == t->nrows);
		jw_key(w, "cells");
		jw_arr_open(w);
		/* A table too small for its area shows none of its cells,
		 * only where to look instead. */
		for (c = 0; !too_small && c < t->ncols; c++)
			write_cell(w, t, ptable_cell(t, r, c));
		jw_arr_close(w);
		jw_obj_close(w);
	}
	jw_arr_close(w);
	jw_obj_close(w);
}

/* ?open=1: the open-data variant, with noise (insight/result.h). */
static int
open_arg(struct ctx *ctx, struct http_request *req, bool *open)
{
	const char *s = http_query_arg(req, "open");

	*open = s != NULL && strcmp(s, "1") == 0;
	if (s != NULL && strcmp(s, "1") != 0 && strcmp(s, "0") != 0)
		return fail_field(ctx, "open", "must be 0 or 1");
	return 0;
}

int
api_insight(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct insight_view v;
	struct area_model m;
	const struct area *a;
	const char *lang;
	size_t k;
	struct jw w;
	bool open;
	int year;

	if (lang_arg(ctx, req, &lang) == -1 ||
	    open_arg(ctx, req, &open) == -1 || area_load(ctx, &m) == -1 ||
	    insight_pick(ctx, &m, http_query_arg(req, "level"),
	    http_query_arg(req, "area"), http_query_arg(req, "year"), &a,
	    &year) == -1 ||
	    insight_view(ctx, &m, a, year, open, lang,
	    open ? "dashboard-open" : "dashboard", NULL, &v) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "area");
	write_area(&w, a);
	jw_kint(&w, "year", year);
	jw_kint(&w, "quarters", v.run.quarters);
	jw_kint(&w, "release", v.release);
	jw_kstr(&w, "computed_at", time_iso(ctx->arena, v.run.computed_at));
	jw_key(&w, "rules");
	jw_obj_open(&w);
	jw_kint(&w, "threshold", v.run.threshold);
	jw_kint(&w, "rounding", v.run.rounding);
	if (v.run.open)
		jw_kstr(&w, "noise_epsilon", arena_printf(ctx->arena, "%.3g",
		    (double)v.run.noise_milli / 1000));
	jw_obj_close(&w);
	jw_kbool(&w, "open", v.run.open);
	jw_kbool(&w, "too_small", v.all_too_small);
	if (v.all_too_small && v.suggest[0] != NULL) {
		jw_key(&w, "suggest");
		write_area(&w, v.suggest[0]);
	}
	jw_key(&w, "tables");
	jw_arr_open(&w);
	for (k = 0; k < v.ntables; k++)
		api_insight_table(&w, &v.tables[k], "bars", v.too_small[k],
		    v.suggest[k]);
	api_insight_table(&w, &v.trend, "lines", false, NULL);
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

/*
 * One table of the view, by ?table=: its protected cells as a CSV
 * download or a chart.  The same view as the dashboard's, so the same
 * numbers, and a row of its own in the release log.
 */
static int
one_table(struct ctx *ctx, struct http_request *req, const char *what,
    struct insight_view *v, const struct ptable **t, const char **lang)
{
	struct area_model m;
	const struct area *a;
	const char *id = http_query_arg(req, "table");
	bool open;
	size_t k;
	int year;

	if (id == NULL)
		return fail_field(ctx, "table", "is required");
	if (tbl_find(id) == NULL && strcmp(id, "trend") != 0)
		return fail_field(ctx, "table", "is not one of the insight "
		    "tables");
	if (lang_arg(ctx, req, lang) == -1 ||
	    open_arg(ctx, req, &open) == -1 || area_load(ctx, &m) == -1 ||
	    insight_pick(ctx, &m, http_query_arg(req, "level"),
	    http_query_arg(req, "area"), http_query_arg(req, "year"), &a,
	    &year) == -1 ||
	    insight_view(ctx, &m, a, year, open, *lang,
	    open ? arena_printf(ctx->arena, "%s-open", what) : what, id,
	    v) == -1)
		return -1;
	*t = &v->trend;
	for (k = 0; k < v->ntables; k++)
		if (strcmp(v->tables[k].id, id) == 0)
			*t = &v->tables[k];
	return 0;
}

int
api_insight_csv(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct insight_view v;
	const struct ptable *t;
	const char *lang;

	if (one_table(ctx, req, "csv", &v, &t, &lang) == -1)
		return -1;
	csv_table(&resp->body, t);
	if (resp->body.toobig)
		return fail(ctx, ST_INTERNAL, "csv of %s too large", t->id);
	resp->content_type = "text/csv; charset=utf-8";
	http_set_header(resp, "Content-Disposition", arena_printf(ctx->arena,
	    "attachment; filename=\"schakel-%s-%s-%s-%d%s.csv\"", t->id,
	    area_level_name(v.area->level), v.area->code, v.run.year,
	    v.run.open ? "-open" : ""));
	return 0;
}

int
api_insight_chart(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct insight_view v;
	const struct ptable *t;
	const char *lang;

	if (one_table(ctx, req, "chart", &v, &t, &lang) == -1)
		return -1;
	if (strcmp(t->id, "trend") == 0)
		chart_lines(&resp->body, t, lang);
	else
		chart_bars(&resp->body, t, t->ncols - 1, lang);
	resp->content_type = "image/svg+xml";
	return 0;
}

/*
 * A tile grid of the municipalities of a region or province that the
 * user may see: each tile the table's year total for that municipality,
 * protected as on the municipality's own dashboard.
 */
int
api_insight_tiles(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct insight_view v;
	struct area_model m;
	struct chart_tile *tiles;
	struct ptable *mt;
	const struct ptable *t;
	const struct area *a, *mu;
	const struct tbl_def *d;
	const char *lang, *level = http_query_arg(req, "level");
	size_t i, n = 0, k;

	if (level == NULL || (strcmp(level, "region") != 0 &&
	    strcmp(level, "province") != 0))
		return fail_field(ctx, "level", "must be region or province "
		    "for a tile grid");
	/* Before the view, so that a refusal is not a release. */
	d = tbl_find(http_query_arg(req, "table"));
	if (d == NULL || !tbl_has_total(d))
		return fail_field(ctx, "table", "must be an insight table with "
		    "a total to draw per municipality");
	if (one_table(ctx, req, "tiles", &v, &t, &lang) == -1)
		return -1;
	k = (size_t)(t - v.tables);
	if (area_load(ctx, &m) == -1)
		return -1;
	a = v.area;
	tiles = arena_alloc(ctx->arena, (a->nmunis + 1) * sizeof(*tiles));
	mt = arena_alloc(ctx->arena, v.ntables * sizeof(*mt));
	for (i = 0; i < a->nmunis; i++) {
		mu = area_find(&m, AREA_MUNICIPALITY, m.v[a->munis[i]].code);
		if (mu == NULL)
			continue;
		if (result_read(ctx, &v.run, mu, lang, mt) == -1)
			return -1;
		tiles[n].code = mu->code;
		tiles[n].name = mu->name;
		tiles[n].cell = *ptable_cell(&mt[k], mt[k].nrows - 1,
		    mt[k].ncols - 1);
		n++;
	}
	chart_tiles(&resp->body, arena_printf(ctx->arena, "%s: %s", t->title,
	    a->name), tiles, n, t->small_text, lang);
	resp->content_type = "image/svg+xml";
	return 0;
}

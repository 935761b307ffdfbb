/*
 * Expertise (domain/expertise.h, insight/coverage.h, insight/htcds.h):
 * an organisation's registry of trained professionals, the coverage per
 * care-coordination region, and the anonymised HTCDS export.  Names
 * leave only through the registry, to its own organisation; coverage
 * and export carry protected counts and generalised rows only.
 */
#include <string.h>

#include "api/api.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/json.h"
#include "core/parse.h"
#include "domain/expertise.h"
#include "http/server.h"
#include "insight/area.h"
#include "insight/coverage.h"
#include "insight/htcds.h"

static void
kday(struct ctx *ctx, struct jw *w, const char *key, int32_t day)
{
	jw_kstr(w, key, day >= 0 ? date_format(ctx->arena, day) : NULL);
}

/* ?org=: whose registry (admins); 0 when absent. */
static int
org_arg(struct ctx *ctx, struct http_request *req, int64_t *org)
{
	const char *s = http_query_arg(req, "org");

	*org = 0;
	if (s != NULL && parse_int64(s, 1, INT64_MAX, org) == -1)
		return fail_field(ctx, "org", "must be an organisation id");
	return 0;
}

static void
write_kinds(struct jw *w)
{
	size_t i;

	jw_key(w, "expertises");
	jw_arr_open(w);
	for (i = 0; expertise_kinds[i].key != NULL; i++) {
		jw_obj_open(w);
		jw_kstr(w, "key", expertise_kinds[i].key);
		jw_kstr(w, "en", expertise_kinds[i].en);
		jw_kstr(w, "nl", expertise_kinds[i].nl);
		jw_obj_close(w);
	}
	jw_arr_close(w);
}

int
api_expertise_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct expertise_entry *e;
	int64_t org, own;
	size_t i, n;
	struct jw w;

	if (org_arg(ctx, req, &org) == -1 ||
	    expertise_org(ctx, org, &own) == -1 ||
	    expertise_list(ctx, own, &e, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "org_id", own);
	write_kinds(&w);
	jw_key(&w, "entries");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", e[i].id);
		jw_kstr(&w, "name", e[i].name);
		jw_kstr(&w, "expertise", e[i].expertise);
		kday(ctx, &w, "trained_on", e[i].trained_on);
		kday(ctx, &w, "until", e[i].until_on);
		jw_kstr(&w, "created_at", time_iso(ctx->arena,
		    e[i].created_at));
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

static const struct json_field add_fields[] = {
	JSON_I64(struct expertise_in, org_id, "org_id", JSON_OPTIONAL, 1,
	    INT64_MAX),
	JSON_STR(struct expertise_in, name, "name", JSON_REQUIRED, 1,
	    EXPERTISE_NAME_MAX),
	JSON_STR(struct expertise_in, expertise, "expertise", JSON_REQUIRED,
	    1, 20),
	JSON_STR(struct expertise_in, trained_on, "trained_on", JSON_REQUIRED,
	    1, 10),
	JSON_STR(struct expertise_in, until, "until", JSON_OPTIONAL, 1, 10),
};

int
api_expertise_add(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct expertise_in in;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, add_fields,
	    JSON_NFIELDS(add_fields), &in, NULL) == -1 ||
	    expertise_add(ctx, &in, &id) == -1)
		return -1;
	api_answer_id(resp, id, true);
	return 0;
}

int
api_expertise_remove(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    expertise_remove(ctx, id) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

static void
write_cell(struct jw *w, const struct coverage *c, const struct pcell *p)
{
	jw_obj_open(w);
	if (p->state == CELL_SHOWN)
		jw_kint(w, "v", p->v);
	else
		jw_kstr(w, "s", p->state == CELL_SMALL ? c->small_text : "x");
	jw_obj_close(w);
}

int
api_expertise_coverage(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	const struct coverage_region *g;
	struct area_model m;
	struct coverage c;
	size_t i, k;
	struct jw w;
	int year;

	if (coverage_year(ctx, http_query_arg(req, "year"), &year) == -1 ||
	    area_load(ctx, &m) == -1 || coverage_build(ctx, &m, year,
	    &c) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "year", c.year);
	jw_kint(&w, "quarters", c.run.quarters);
	kday(ctx, &w, "staff_on", c.day);
	jw_key(&w, "rules");
	jw_obj_open(&w);
	jw_kint(&w, "threshold", c.run.threshold);
	jw_kint(&w, "rounding", c.run.rounding);
	jw_obj_close(&w);
	write_kinds(&w);
	jw_key(&w, "regions");
	jw_arr_open(&w);
	for (i = 0; i < c.n; i++) {
		g = &c.v[i];
		jw_obj_open(&w);
		jw_kstr(&w, "code", g->area->code);
		jw_kstr(&w, "name", g->area->name);
		jw_key(&w, "signals");
		write_cell(&w, &c, &g->signals);
		jw_kbool(&w, "signals_arrive", g->arrive);
		jw_key(&w, "staff");
		jw_obj_open(&w);
		for (k = 0; k < EXPERTISE_NKINDS; k++)
			jw_kint(&w, expertise_kinds[k].key, g->staff[k]);
		jw_obj_close(&w);
		jw_key(&w, "gaps");
		jw_arr_open(&w);
		for (k = 0; k < EXPERTISE_NKINDS; k++)
			if (g->gap[k])
				jw_str(&w, expertise_kinds[k].key);
		jw_arr_close(&w);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

int
api_insight_htcds(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct htcds_export e;
	int year;

	if (htcds_year(ctx, http_query_arg(req, "year"), &year) == -1 ||
	    htcds_build(ctx, year, &e) == -1)
		return -1;
	htcds_csv(&resp->body, &e);
	if (resp->body.toobig)
		return fail(ctx, ST_INTERNAL, "htcds export of %d too large",
		    year);
	resp->content_type = "text/csv; charset=utf-8";
	http_set_header(resp, "Content-Disposition", arena_printf(ctx->arena,
	    "attachment; filename=\"schakel-htcds-%d.csv\"", year));
	return 0;
}

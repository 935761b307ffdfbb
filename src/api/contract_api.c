/*
 * Care contracts (domain/contract.c) and the gap report (insight/gap.c).
 * Contracts hold no personal data and are shown exactly; every demand
 * number of the gap report is a protected cell: {"v": n} with n zero or
 * a rounded count of at least the threshold, {"s": "<10"} or
 * {"s": "x"}.
 */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/json.h"
#include "domain/contract.h"
#include "domain/placement.h"
#include "insight/area.h"
#include "http/server.h"
#include "insight/csv.h"
#include "insight/gap.h"

static void
write_contract(struct ctx *ctx, struct jw *w, const struct contract *c)
{
	jw_obj_open(w);
	jw_kint(w, "id", c->id);
	jw_kint(w, "owner_org", c->owner_org);
	jw_kstr(w, "owner_name", c->owner_name);
	jw_kint(w, "provider_org", c->provider_org);
	jw_kstr(w, "provider_name", c->provider_name);
	jw_kstr(w, "care_type", c->care_type);
	jw_kint(w, "capacity", c->capacity);
	jw_kstr(w, "unit", c->unit);
	jw_kint(w, "region_id", c->region_id);
	jw_kstr(w, "region_name", c->region_name);
	jw_kstr(w, "from", date_format(ctx->arena, c->from_day));
	jw_kstr(w, "to", date_format(ctx->arena, c->to_day));
	jw_kstr(w, "ended_at", c->ended_at > 0 ?
	    time_iso(ctx->arena, c->ended_at) : NULL);
	jw_kstr(w, "updated_at", time_iso(ctx->arena, c->updated_at));
	jw_obj_close(w);
}

static const struct json_field contract_fields[] = {
	JSON_I64(struct contract_in, provider_org, "provider_org",
	    JSON_REQUIRED, 1, INT64_MAX),
	JSON_STR(struct contract_in, care_type, "care_type",
	    JSON_REQUIRED | JSON_ONELINE, 1, 40),
	JSON_I64(struct contract_in, capacity, "capacity", JSON_REQUIRED, 1,
	    CONTRACT_CAPACITY_MAX),
	JSON_STR(struct contract_in, unit, "unit",
	    JSON_REQUIRED | JSON_ONELINE, 1, 10),
	JSON_I64(struct contract_in, region_id, "region_id", JSON_REQUIRED,
	    1, INT64_MAX),
	JSON_STR(struct contract_in, from, "from",
	    JSON_REQUIRED | JSON_ONELINE, 10, 10),
	JSON_STR(struct contract_in, to, "to",
	    JSON_REQUIRED | JSON_ONELINE, 10, 10),
};

struct end_in {
	const char	*on;
};

static const struct json_field end_fields[] = {
	JSON_STR(struct end_in, on, "on", JSON_OPTIONAL | JSON_NULLABLE |
	    JSON_ONELINE, 10, 10),
};

static int
answer_one(struct ctx *ctx, struct http_response *resp, int64_t id)
{
	struct contract c;
	struct jw w;

	if (contract_get(ctx, id, &c) == -1)
		return -1;
	jw_init(&w, &resp->body);
	write_contract(ctx, &w, &c);
	return 0;
}

int
api_contracts(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct contract *c;
	size_t i, n;
	struct jw w;

	struct placement_provider *p;
	struct area_model m;
	const struct area *a;
	size_t np;
	bool all = ctx->who.role != ROLE_POLICY;

	(void)req;
	if (contract_list(ctx, &c, &n) == -1 ||
	    placement_providers(ctx, &p, &np) == -1 ||
	    area_load(ctx, &m) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "contracts");
	jw_arr_open(&w);
	for (i = 0; i < n; i++)
		write_contract(ctx, &w, &c[i]);
	jw_arr_close(&w);
	/* What the form offers: the provider organisations, and the
	 * care-coordination regions the user may register for. */
	jw_key(&w, "providers");
	jw_arr_open(&w);
	for (i = 0; i < np; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", p[i].id);
		jw_kstr(&w, "name", p[i].name);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_key(&w, "regions");
	jw_arr_open(&w);
	for (i = 0; i < m.count[AREA_REGION]; i++) {
		a = &m.v[m.first[AREA_REGION] + i];
		if ((!all && !a->allowed) || a->type == NULL ||
		    strcmp(a->type, "care_coordination") != 0)
			continue;
		jw_obj_open(&w);
		jw_kint(&w, "id", strtoll(a->code, NULL, 10));
		jw_kstr(&w, "name", a->name);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

int
api_contracts_create(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct contract_in in;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, contract_fields,
	    JSON_NFIELDS(contract_fields), &in, NULL) == -1 ||
	    contract_create(ctx, &in, &id) == -1)
		return -1;
	resp->status = 201;
	return answer_one(ctx, resp, id);
}

int
api_contracts_get(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	return answer_one(ctx, resp, id);
}

int
api_contracts_update(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct contract_in in;
	struct contract c;
	int64_t id;

	memset(&in, 0, sizeof(in));
	/* Who may not see it learns nothing from a field error. */
	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    contract_get(ctx, id, &c) == -1 ||
	    json_decode(ctx, req->body, req->body_len, contract_fields,
	    JSON_NFIELDS(contract_fields), &in, NULL) == -1 ||
	    contract_update(ctx, id, &in) == -1)
		return -1;
	return answer_one(ctx, resp, id);
}

int
api_contracts_end(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct end_in in;
	struct contract c;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    contract_get(ctx, id, &c) == -1 ||
	    (req->body_len > 0 && json_decode(ctx, req->body, req->body_len,
	    end_fields, JSON_NFIELDS(end_fields), &in, NULL) == -1) ||
	    contract_end(ctx, id, in.on) == -1)
		return -1;
	return answer_one(ctx, resp, id);
}

static int
gap_args(struct ctx *ctx, struct http_request *req, const char *what,
    struct gap_report *g, const char **lang)
{
	*lang = http_query_arg(req, "lang");
	if (*lang == NULL)
		*lang = "nl";
	else if (strcmp(*lang, "nl") != 0 && strcmp(*lang, "en") != 0)
		return fail_field(ctx, "lang", "must be nl or en");
	return gap_report(ctx, http_query_arg(req, "region"),
	    http_query_arg(req, "year"), *lang, what, g);
}

static void
write_cell(struct jw *w, const struct gap_report *g, const struct pcell *c)
{
	jw_obj_open(w);
	if (c->state == CELL_SHOWN)
		jw_kint(w, "v", c->v);
	else
		jw_kstr(w, "s", c->state == CELL_SMALL ? g->small_text : "x");
	jw_obj_close(w);
}

static const char *const col_keys[GAP_NCOLS] = {
	"needs", "referrals", "declined_capacity", "median_wait_days",
};

int
api_gap(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct gap_report g;
	const struct gap_row *r;
	const char *lang;
	size_t i, c;
	struct jw w;

	if (gap_args(ctx, req, "gap", &g, &lang) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "region");
	jw_obj_open(&w);
	jw_kint(&w, "id", g.region_id);
	jw_kstr(&w, "name", g.region_name);
	jw_obj_close(&w);
	jw_kint(&w, "year", g.year);
	jw_kint(&w, "quarters", g.quarters);
	jw_kint(&w, "release", g.release);
	jw_kstr(&w, "computed_at", time_iso(ctx->arena, g.computed_at));
	jw_key(&w, "rules");
	jw_obj_open(&w);
	jw_kint(&w, "threshold", g.threshold);
	jw_kint(&w, "rounding", g.rounding);
	jw_obj_close(&w);
	jw_key(&w, "rows");
	jw_arr_open(&w);
	for (i = 0; i < g.nrows; i++) {
		r = &g.rows[i];
		jw_obj_open(&w);
		jw_kstr(&w, "care_type", r->care_type);
		jw_kstr(&w, "label", r->label);
		jw_kbool(&w, "total", i + 1 == g.nrows);
		jw_key(&w, "demand");
		jw_obj_open(&w);
		for (c = 0; c < GAP_NCOLS; c++) {
			jw_key(&w, col_keys[c]);
			write_cell(&w, &g, &r->cell[c]);
		}
		jw_obj_close(&w);
		jw_key(&w, "supply");
		jw_obj_open(&w);
		jw_kint(&w, "places", r->places);
		jw_kint(&w, "hours", r->hours);
		jw_kint(&w, "contracts", r->contracts);
		jw_obj_close(&w);
		jw_kstr(&w, "gap", r->flag);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

static void
csv_cell(struct buf *b, const struct gap_report *g, const struct pcell *c)
{
	buf_putc(b, ',');
	if (c->state == CELL_SHOWN)
		buf_appendf(b, "%lld", (long long)c->v);
	else
		csv_field(b, c->state == CELL_SMALL ? g->small_text : "x");
}

int
api_gap_csv(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	static const char *const head[2] = {
		"care_type,label,needs,referrals,declined_capacity,"
		    "median_wait_days,places,hours,contracts,gap\r\n",
		"zorgsoort,omschrijving,hulpvragen,verwijzingen,"
		    "afgewezen_capaciteit,mediane_wachttijd_dagen,plaatsen,"
		    "uren,contracten,tekort\r\n",
	};
	struct gap_report g;
	const struct gap_row *r;
	struct buf *b = &resp->body;
	const char *lang;
	size_t i, c;

	if (gap_args(ctx, req, "gap-csv", &g, &lang) == -1)
		return -1;
	buf_appendf(b, "%s%s", CSV_BOM, head[strcmp(lang, "en") != 0]);
	for (i = 0; i < g.nrows; i++) {
		r = &g.rows[i];
		csv_field(b, r->care_type);
		buf_putc(b, ',');
		csv_field(b, r->label);
		for (c = 0; c < GAP_NCOLS; c++)
			csv_cell(b, &g, &r->cell[c]);
		buf_appendf(b, ",%lld,%lld,%lld,", (long long)r->places,
		    (long long)r->hours, (long long)r->contracts);
		csv_field(b, r->flag);
		buf_appendf(b, "\r\n");
	}
	if (b->toobig)
		return fail(ctx, ST_INTERNAL, "gap csv too large");
	resp->content_type = "text/csv; charset=utf-8";
	http_set_header(resp, "Content-Disposition", arena_printf(ctx->arena,
	    "attachment; filename=\"schakel-gap-region-%lld-%d.csv\"",
	    (long long)g.region_id, g.year));
	return 0;
}

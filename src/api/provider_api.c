/* Providers: their offer and capacity, and the providers fitting a need
 * of a case.  Who may see or change which profile is the domain's
 * (domain/provider.c). */
#include <string.h>

#include "api/api.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/json.h"
#include "domain/provider.h"
#include "http/server.h"

#define PROVIDER_ITEMS_MAX	400
#define PROVIDER_CAPACITY_MAX	100000

static void
kdate(struct ctx *ctx, struct jw *w, const char *key, int64_t t)
{
	jw_kstr(w, key, t > 0 ? time_iso(ctx->arena, t) : NULL);
}

static void
kgroups(struct jw *w, const char *key, unsigned groups)
{
	unsigned f;

	jw_key(w, key);
	jw_arr_open(w);
	for (f = PG_MINORS; f <= PG_LVB; f <<= 1)
		if ((groups & f) != 0)
			jw_str(w, provider_group_name(f));
	jw_arr_close(w);
}

static void
klist(struct jw *w, const char *key, const struct json_strlist *l)
{
	size_t i;

	jw_key(w, key);
	jw_arr_open(w);
	for (i = 0; i < l->n; i++)
		jw_str(w, l->v[i]);
	jw_arr_close(w);
}

static void
write_profile(struct ctx *ctx, struct http_response *resp,
    const struct provider *p)
{
	struct jw w;
	size_t i;

	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "org_id", p->org_id);
	jw_kstr(&w, "org_name", p->org_name);
	klist(&w, "care_types", &p->care);
	jw_key(&w, "municipalities");
	jw_arr_open(&w);
	for (i = 0; i < p->nmunis; i++) {
		jw_obj_open(&w);
		jw_kstr(&w, "code", p->munis[i].code);
		jw_kstr(&w, "name", p->munis[i].name);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_key(&w, "regions");
	jw_arr_open(&w);
	for (i = 0; i < p->nregions; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", p->regions[i].region);
		jw_kstr(&w, "name", p->regions[i].name);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	kgroups(&w, "target_groups", p->groups);
	klist(&w, "languages", &p->langs);
	jw_kint(&w, "free_places", p->free_places);
	jw_kint(&w, "waiting_weeks", p->waiting_weeks);
	kdate(ctx, &w, "capacity_updated_at", p->capacity_updated_at);
	jw_kstr(&w, "capacity_updated_by", p->capacity_updated_by);
	kdate(ctx, &w, "offer_updated_at", p->offer_updated_at);
	jw_kstr(&w, "offer_updated_by", p->offer_updated_by);
	jw_obj_close(&w);
}

static const struct json_field offer_fields[] = {
	JSON_STRLIST(struct provider_in, care_types, "care_types",
	    JSON_REQUIRED, 0, PROVIDER_ITEMS_MAX, 40),
	JSON_STRLIST(struct provider_in, municipalities, "municipalities",
	    JSON_REQUIRED, 0, PROVIDER_ITEMS_MAX, 6),
	JSON_STRLIST(struct provider_in, regions, "regions", JSON_REQUIRED, 0,
	    PROVIDER_ITEMS_MAX, 20),
	JSON_STRLIST(struct provider_in, target_groups, "target_groups",
	    JSON_REQUIRED, 0, 5, 10),
	JSON_STRLIST(struct provider_in, languages, "languages",
	    JSON_REQUIRED, 0, 40, 2),
	JSON_I64(struct provider_in, free_places, "free_places", JSON_OPTIONAL,
	    0, PROVIDER_CAPACITY_MAX),
	JSON_I64(struct provider_in, waiting_weeks, "waiting_weeks",
	    JSON_OPTIONAL, 0, 520),
};

static const struct json_field capacity_fields[] = {
	JSON_I64(struct provider_in, free_places, "free_places", JSON_REQUIRED,
	    0, PROVIDER_CAPACITY_MAX),
	JSON_I64(struct provider_in, waiting_weeks, "waiting_weeks",
	    JSON_REQUIRED, 0, 520),
};

static int
put_profile(struct ctx *ctx, struct http_request *req,
    struct http_response *resp, int64_t org)
{
	struct provider_in in;
	struct provider p;

	memset(&in, 0, sizeof(in));
	in.free_places = -1;
	in.waiting_weeks = -1;
	if (json_decode(ctx, req->body, req->body_len, offer_fields,
	    JSON_NFIELDS(offer_fields), &in, NULL) == -1 ||
	    provider_set(ctx, org, &in) == -1 ||
	    provider_get(ctx, org, &p) == -1)
		return -1;
	write_profile(ctx, resp, &p);
	return 0;
}

/* The provider's own profile. */
int
api_provider_mine(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct provider p;

	(void)req;
	if (provider_mine(ctx, &p) == -1)
		return -1;
	write_profile(ctx, resp, &p);
	return 0;
}

int
api_provider_set_mine(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	return put_profile(ctx, req, resp, ctx->who.org_id);
}

/* The quick update: free places and waiting weeks only. */
int
api_provider_capacity(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct provider_in in;
	struct provider p;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, capacity_fields,
	    JSON_NFIELDS(capacity_fields), &in, NULL) == -1 ||
	    provider_capacity(ctx, in.free_places, in.waiting_weeks) == -1 ||
	    provider_mine(ctx, &p) == -1)
		return -1;
	write_profile(ctx, resp, &p);
	return 0;
}

/* One provider's profile, for coordinators and admins. */
int
api_providers_get(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct provider p;
	int64_t org;

	if (api_param_id(ctx, req, "org", &org) == -1 ||
	    provider_get(ctx, org, &p) == -1)
		return -1;
	write_profile(ctx, resp, &p);
	return 0;
}

/* An admin sets up a provider's profile. */
int
api_providers_set(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t org;

	if (api_param_id(ctx, req, "org", &org) == -1)
		return -1;
	return put_profile(ctx, req, resp, org);
}

/* The providers fitting need {nid} of case {id}, best first. */
int
api_cases_need_providers(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct provider_person who;
	struct provider_fit *f;
	int64_t id, nid;
	struct jw w;
	size_t i, n, k;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    api_param_id(ctx, req, "nid", &nid) == -1 ||
	    provider_fit(ctx, id, nid, &f, &n, &who) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kint(&w, "need_id", nid);
	jw_key(&w, "person");
	jw_obj_open(&w);
	jw_kstr(&w, "age", who.minor ? "minor" : who.adult ? "adult" : NULL);
	jw_kstr(&w, "sex", who.sex);
	jw_kbool(&w, "lvb", who.lvb);
	jw_key(&w, "languages");
	jw_arr_open(&w);
	for (k = 0; k < 3 && who.langs[k] != NULL; k++)
		jw_str(&w, who.langs[k]);
	jw_arr_close(&w);
	jw_obj_close(&w);
	jw_key(&w, "providers");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "org_id", f[i].org_id);
		jw_kstr(&w, "name", f[i].name);
		jw_kint(&w, "free_places", f[i].free_places);
		jw_kint(&w, "waiting_weeks", f[i].waiting_weeks);
		kdate(ctx, &w, "capacity_updated_at",
		    f[i].capacity_updated_at);
		jw_key(&w, "why");
		jw_obj_open(&w);
		kgroups(&w, "target_groups", f[i].matched);
		jw_kstr(&w, "language", f[i].language);
		jw_obj_close(&w);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

/* Organisations, users, regions, deadline rules, reference data and the
 * audit listing. */
#include <string.h>

#include "api/api.h"
#include "audit/audit.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/parse.h"
#include "domain/org.h"
#include "domain/region.h"
#include "domain/rule.h"
#include "domain/user.h"
#include "http/server.h"

static void
created(struct http_response *resp, int64_t id)
{
	struct jw w;

	resp->status = 201;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_obj_close(&w);
}

int
api_municipalities(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct municipality *m;
	struct jw w;
	size_t i, n;

	(void)req;
	if (municipality_list(ctx, &m, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "municipalities");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kstr(&w, "code", m[i].code);
		jw_kstr(&w, "name", m[i].name);
		jw_kstr(&w, "province", m[i].province);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

int
api_orgs_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct org *o;
	struct jw w;
	size_t i, n;

	(void)req;
	if (org_list(ctx, &o, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "orgs");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", o[i].id);
		jw_kstr(&w, "name", o[i].name);
		jw_kstr(&w, "type", o[i].type);
		jw_kstr(&w, "municipality", o[i].municipality);
		jw_kstr(&w, "municipality_name", o[i].municipality_name);
		jw_kbool(&w, "demo", o[i].demo);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

static const struct json_field org_fields[] = {
	JSON_STR(struct org_in, name, "name", JSON_REQUIRED | JSON_ONELINE,
	    1, 200),
	JSON_STR(struct org_in, type, "type", JSON_REQUIRED, 1, 32),
	JSON_STR(struct org_in, municipality, "municipality",
	    JSON_OPTIONAL | JSON_NULLABLE, 6, 6),
};

int
api_orgs_create(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct org_in in;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, org_fields,
	    JSON_NFIELDS(org_fields), &in, NULL) == -1)
		return -1;
	if (org_create(ctx, &in, false, &id) == -1)
		return -1;
	created(resp, id);
	return 0;
}

int
api_users_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct user *u;
	struct jw w;
	size_t i, n;

	(void)req;
	if (user_list(ctx, &u, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "users");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", u[i].id);
		jw_kstr(&w, "username", u[i].username);
		jw_kstr(&w, "role", u[i].role);
		jw_kint(&w, "org_id", u[i].org_id);
		jw_kstr(&w, "org_name", u[i].org_name);
		jw_kbool(&w, "disabled", u[i].disabled);
		jw_kbool(&w, "demo", u[i].demo);
		jw_kbool(&w, "totp_enabled", u[i].totp_enabled);
		jw_kstr(&w, "phone", u[i].phone);
		jw_key(&w, "last_login_at");
		if (u[i].last_login_at > 0)
			jw_str(&w, time_iso(ctx->arena, u[i].last_login_at));
		else
			jw_null(&w);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

static const struct json_field user_fields[] = {
	JSON_STR(struct user_in, username, "username", JSON_REQUIRED, 1, 64),
	JSON_STR(struct user_in, role, "role", JSON_REQUIRED, 1, 32),
	JSON_I64(struct user_in, org_id, "org_id", JSON_REQUIRED, 1,
	    INT64_MAX),
	JSON_STR(struct user_in, password, "password", JSON_REQUIRED, 1,
	    1024),
	JSON_STR(struct user_in, phone, "phone",
	    JSON_OPTIONAL | JSON_NULLABLE | JSON_ONELINE, 1, 40),
};

int
api_users_create(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct user_in in;
	struct jw w;
	char *uri;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, user_fields,
	    JSON_NFIELDS(user_fields), &in, NULL) == -1)
		return -1;
	if (user_create(ctx, &in, false, &id, &uri) == -1)
		return -1;
	resp->status = 201;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kstr(&w, "totp_uri", uri);
	jw_obj_close(&w);
	return 0;
}

int
api_users_disable(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	if (user_disable(ctx, id) == -1)
		return -1;
	created(resp, id);
	resp->status = 200;
	return 0;
}

int
api_audit_object(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	const char *type = http_query_arg(req, "object_type");
	const char *ids = http_query_arg(req, "object_id");
	struct audit_access *a;
	struct jw w;
	int64_t id = 0;
	size_t i, n;
	int rc = 0;

	if (type == NULL || (strcmp(type, "user") != 0 &&
	    strcmp(type, "org") != 0))
		rc = fail_field(ctx, "object_type", "must be user or org");
	if (ids == NULL || parse_int64(ids, 1, INT64_MAX, &id) == -1)
		rc = fail_field(ctx, "object_id", "must be a positive "
		    "integer");
	if (rc == -1)
		return -1;
	if (audit_list_object(ctx, type, id, 1000, &a, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "entries");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", a[i].id);
		jw_kstr(&w, "at", time_iso(ctx->arena, a[i].at));
		jw_kint(&w, "user_id", a[i].user_id);
		jw_kstr(&w, "username", a[i].username);
		jw_kint(&w, "org_id", a[i].org_id);
		jw_kstr(&w, "role", a[i].role);
		jw_kstr(&w, "action", a[i].action);
		jw_kstr(&w, "reason", a[i].reason);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

int
api_regions_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct region *r;
	struct jw w;
	size_t i, n;

	(void)req;
	if (region_list(ctx, &r, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "regions");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", r[i].id);
		jw_kstr(&w, "name", r[i].name);
		jw_kstr(&w, "type", r[i].type);
		jw_kint(&w, "municipalities", r[i].municipalities);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

static const struct json_field region_fields[] = {
	JSON_STR(struct region_in, name, "name", JSON_REQUIRED | JSON_ONELINE,
	    1, 200),
	JSON_STR(struct region_in, type, "type", JSON_REQUIRED, 1, 32),
	JSON_STRLIST(struct region_in, municipalities, "municipalities",
	    JSON_REQUIRED, 1, 400, 6),
	JSON_STRLIST(struct region_in, orgs, "orgs", JSON_OPTIONAL, 0, 100,
	    200),
};

int
api_regions_create(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct region_in in;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, region_fields,
	    JSON_NFIELDS(region_fields), &in, NULL) == -1)
		return -1;
	if (region_create(ctx, &in, &id) == -1)
		return -1;
	created(resp, id);
	return 0;
}

int
api_deadlines_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct rule *r;
	struct jw w;
	size_t i, n;

	(void)req;
	if (rule_list(ctx, &r, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "rules");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", r[i].id);
		jw_kstr(&w, "name", r[i].name);
		jw_kint(&w, "workdays", r[i].workdays);
		jw_kbool(&w, "same_day", r[i].same_day);
		jw_kstr(&w, "updated_at", r[i].updated_at > 0 ?
		    time_iso(ctx->arena, r[i].updated_at) : NULL);
		jw_kstr(&w, "updated_by", r[i].updated_by);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

struct rule_in {
	int64_t		 workdays;
	bool		 same_day;
};

static const struct json_field rule_fields[] = {
	JSON_I64(struct rule_in, workdays, "workdays", JSON_REQUIRED, 0,
	    RULE_WORKDAYS_MAX),
	JSON_BOOL(struct rule_in, same_day, "same_day", JSON_REQUIRED),
};

int
api_deadlines_set(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct rule_in in;
	struct jw w;
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, rule_fields,
	    JSON_NFIELDS(rule_fields), &in, NULL) == -1)
		return -1;
	if (rule_set(ctx, id, (int)in.workdays, in.same_day) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kint(&w, "workdays", in.workdays);
	jw_kbool(&w, "same_day", in.same_day);
	jw_obj_close(&w);
	return 0;
}

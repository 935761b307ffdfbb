/* Organisations, users, regions, deadline rules, reference data and the
 * audit listing. */
#include <string.h>

#include "api/api.h"
#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/parse.h"
#include "domain/notify.h"
#include "core/qr.h"
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

static const char *
iso_or_null(struct ctx *ctx, int64_t t)
{
	return t > 0 ? time_iso(ctx->arena, t) : NULL;
}

/* One account; self (the caller's own record, NULL for an admin) says
 * whether the caller may approve it or issue it a new link. */
static void
write_user(struct ctx *ctx, struct jw *w, const struct user *u,
    const struct user *self)
{
	enum user_state st = user_state(u);

	jw_obj_open(w);
	jw_kint(w, "id", u->id);
	jw_kstr(w, "username", u->username);
	jw_kstr(w, "role", u->role);
	jw_kint(w, "org_id", u->org_id);
	jw_kstr(w, "org_name", u->org_name);
	jw_kbool(w, "disabled", u->disabled);
	jw_kbool(w, "demo", u->demo);
	jw_kbool(w, "totp_enabled", u->totp_enabled);
	jw_kstr(w, "phone", u->phone);
	jw_kstr(w, "email", u->email);
	jw_kstr(w, "real_name", u->real_name);
	jw_kstr(w, "last_login_at", iso_or_null(ctx, u->last_login_at));
	jw_kstr(w, "created_at", iso_or_null(ctx, u->created_at));
	jw_kstr(w, "state", user_state_name(st));
	jw_kbool(w, "approver", u->approver);
	jw_kbool(w, "created_by_me", u->created_by != 0 &&
	    u->created_by == ctx->who.user_id);
	jw_kstr(w, "enrol_expires_at", st == USER_PENDING_ENROL ?
	    iso_or_null(ctx, u->enrol_expires_at) : NULL);
	jw_kbool(w, "can_approve", (st == USER_PENDING_APPROVAL ||
	    st == USER_PENDING_ENROL) &&
	    user_may_approve(&ctx->who, self, u));
	jw_obj_close(w);
}

int
api_users_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct user *u;
	struct jw w;
	size_t i, n;

	(void)req;
	/* The list holds every account's name and e-mail address. */
	if (user_list(ctx, &u, &n) == -1 ||
	    audit_read(ctx, "user.list", "org", ctx->who.org_id) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "users");
	jw_arr_open(&w);
	for (i = 0; i < n; i++)
		write_user(ctx, &w, &u[i], NULL);
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

/* Whether an Origin header is a plain scheme://host[:port], the only
 * form a browser sends. */
static bool
origin_ok(const char *o)
{
	const char *p;

	if (o == NULL || strlen(o) > 200)
		return false;
	if (strncmp(o, "https://", 8) == 0)
		p = o + 8;
	else if (strncmp(o, "http://", 7) == 0)
		p = o + 7;
	else
		return false;
	if (*p == '\0')
		return false;
	for (; *p != '\0'; p++)
		if (strchr("abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]", *p) == NULL)
			return false;
	return true;
}

/* The enrolment link of a new token as the admin's browser will show it
 * (its Origin, then the web UI's hash route) and that link as a QR code,
 * so the new colleague can scan it from the admin's screen with their
 * own phone.  The link carries no secret of the second factor: the user
 * still enrols that on their own page.  Both null without a token or
 * without a usable Origin header (the page then shows the text only). */
static void
write_enrol_qr(struct ctx *ctx, struct http_request *req, struct jw *w,
    const char *token)
{
	const char *origin = http_header(req, "Origin");
	struct buf link, svg;

	buf_init(&link, ctx->arena, 512);
	buf_init(&svg, ctx->arena, 1 << 17);
	if (token == NULL || !origin_ok(origin) ||
	    buf_appendf(&link, "%s/#/enrol/%s", origin, token) == -1 ||
	    qr_svg(&svg, link.p) == -1) {
		jw_kstr(w, "enrol_link", NULL);
		jw_kstr(w, "enrol_qr_svg", NULL);
		return;
	}
	jw_kstr(w, "enrol_link", link.p);
	jw_kstr(w, "enrol_qr_svg", svg.p);
}

static const struct json_field user_fields[] = {
	JSON_STR(struct user_in, username, "username", JSON_REQUIRED, 1, 64),
	JSON_STR(struct user_in, role, "role", JSON_REQUIRED, 1, 32),
	JSON_I64(struct user_in, org_id, "org_id", JSON_REQUIRED, 1,
	    INT64_MAX),
	/* Refused with a field error: users set their own (user_invite). */
	JSON_STR(struct user_in, password, "password", JSON_OPTIONAL, 0,
	    1024),
	JSON_STR(struct user_in, phone, "phone",
	    JSON_OPTIONAL | JSON_NULLABLE | JSON_ONELINE, 1, 40),
	JSON_STR(struct user_in, email, "email",
	    JSON_OPTIONAL | JSON_NULLABLE | JSON_ONELINE, 1, NOTIFY_EMAIL_MAX),
	JSON_STR(struct user_in, real_name, "real_name",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, USER_REAL_NAME_MAX),
};

int
api_users_create(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct user_in in;
	struct jw w;
	char *token;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, user_fields,
	    JSON_NFIELDS(user_fields), &in, NULL) == -1)
		return -1;
	if (notify_email_check(ctx, "email", in.email) == -1)
		return -1;
	if (user_invite(ctx, &in, &id, &token) == -1)
		return -1;
	resp->status = 201;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kstr(&w, "state", token != NULL ? "pending_enrol" :
	    "pending_approval");
	/* Only for an account no second person needs to approve. */
	jw_kstr(&w, "enrol_token", token);
	write_enrol_qr(ctx, req, &w, token);
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
	    strcmp(type, "org") != 0 && strcmp(type, "region") != 0))
		rc = fail_field(ctx, "object_type", "must be user, org or "
		    "region");
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

/* On update the type may be left out; given, it must be the same. */
static const struct json_field region_update_fields[] = {
	JSON_STR(struct region_in, name, "name", JSON_REQUIRED | JSON_ONELINE,
	    1, 200),
	JSON_STR(struct region_in, type, "type", JSON_OPTIONAL, 1, 32),
	JSON_STRLIST(struct region_in, municipalities, "municipalities",
	    JSON_REQUIRED, 1, 400, 6),
	JSON_STRLIST(struct region_in, orgs, "orgs", JSON_OPTIONAL, 0, 100,
	    200),
};

/* A region with its municipalities and organisations. */
static int
answer_region(struct ctx *ctx, struct http_response *resp, int64_t id)
{
	struct region_detail d;
	struct jw w;
	size_t i;

	if (region_get(ctx, id, &d) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", d.id);
	jw_kstr(&w, "name", d.name);
	jw_kstr(&w, "type", d.type);
	jw_key(&w, "municipalities");
	jw_arr_open(&w);
	for (i = 0; i < d.nmunis; i++) {
		jw_obj_open(&w);
		jw_kstr(&w, "code", d.munis[i].code);
		jw_kstr(&w, "name", d.munis[i].name);
		jw_kstr(&w, "province", d.munis[i].province);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_key(&w, "orgs");
	jw_arr_open(&w);
	for (i = 0; i < d.norgs; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", d.orgs[i].id);
		jw_kstr(&w, "name", d.orgs[i].name);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

int
api_regions_get(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	return answer_region(ctx, resp, id);
}

int
api_regions_update(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct region_detail d;
	struct region_in in;
	int64_t id;

	memset(&in, 0, sizeof(in));
	/* A missing region is a 404 before any field error. */
	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    region_get(ctx, id, &d) == -1 ||
	    json_decode(ctx, req->body, req->body_len, region_update_fields,
	    JSON_NFIELDS(region_update_fields), &in, NULL) == -1 ||
	    region_update(ctx, id, &in) == -1)
		return -1;
	return answer_region(ctx, resp, id);
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
		jw_kint(&w, "calendar_days", r[i].calendar_days);
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
	int64_t		 calendar_days;
};

/* A rule in working days takes workdays and same_day, one in calendar
 * days calendar_days alone (the domain knows which a rule is). */
static const struct json_field rule_fields[] = {
	JSON_I64(struct rule_in, workdays, "workdays", JSON_OPTIONAL, 0,
	    RULE_WORKDAYS_MAX),
	JSON_BOOL(struct rule_in, same_day, "same_day", JSON_OPTIONAL),
	JSON_I64(struct rule_in, calendar_days, "calendar_days",
	    JSON_OPTIONAL, 1, RULE_CALENDAR_MAX),
};
#define SEEN_WORKDAYS	(1u << 0)
#define SEEN_SAME_DAY	(1u << 1)
#define SEEN_CALENDAR	(1u << 2)

int
api_deadlines_set(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct rule_in in;
	struct jw w;
	uint64_t seen = 0;
	int64_t id;
	int rc = 0;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, rule_fields,
	    JSON_NFIELDS(rule_fields), &in, &seen) == -1)
		return -1;
	if ((seen & SEEN_CALENDAR) != 0) {
		if ((seen & SEEN_WORKDAYS) != 0)
			rc = fail_field(ctx, "workdays", "goes with a rule in "
			    "working days, not with calendar_days");
		if ((seen & SEEN_SAME_DAY) != 0)
			rc = fail_field(ctx, "same_day", "goes with a rule in "
			    "working days, not with calendar_days");
		if (rc == -1 || rule_set_calendar(ctx, id,
		    (int)in.calendar_days) == -1)
			return -1;
	} else {
		if ((seen & SEEN_WORKDAYS) == 0)
			rc = fail_field(ctx, "workdays", "is required");
		if ((seen & SEEN_SAME_DAY) == 0)
			rc = fail_field(ctx, "same_day", "is required");
		if (rc == -1 || rule_set(ctx, id, (int)in.workdays,
		    in.same_day) == -1)
			return -1;
	}
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	if ((seen & SEEN_CALENDAR) != 0) {
		jw_kint(&w, "calendar_days", in.calendar_days);
	} else {
		jw_kint(&w, "workdays", in.workdays);
		jw_kbool(&w, "same_day", in.same_day);
	}
	jw_obj_close(&w);
	return 0;
}

int
api_users_pending(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct user *u, *self = NULL;
	struct jw w;
	size_t i, n;

	(void)req;
	if (user_pending(ctx, &u, &n) == -1)
		return -1;
	if (n > 0 && ctx->who.role != ROLE_ADMIN) {
		self = user_get(ctx, ctx->who.user_id);
		if (self == NULL)
			return -1;
	}
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "users");
	jw_arr_open(&w);
	for (i = 0; i < n; i++)
		write_user(ctx, &w, &u[i], self);
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

/* The answer carrying a new enrolment link: shown once. */
static void
enrol_link(struct ctx *ctx, struct http_request *req,
    struct http_response *resp, int64_t id, const char *token)
{
	struct user *u = user_get(ctx, id);
	struct jw w;

	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kstr(&w, "state", u != NULL ? user_state_name(user_state(u)) :
	    NULL);
	jw_kstr(&w, "enrol_token", token);
	jw_kstr(&w, "enrol_expires_at", u != NULL ?
	    iso_or_null(ctx, u->enrol_expires_at) : NULL);
	write_enrol_qr(ctx, req, &w, token);
	jw_obj_close(&w);
	ctx_clear_error(ctx);
}

int
api_users_approve(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	char *token;
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	if (user_approve(ctx, id, &token) == -1)
		return -1;
	enrol_link(ctx, req, resp, id, token);
	return 0;
}

int
api_users_enrol_link(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	char *token;
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	if (user_enrol_link(ctx, id, &token) == -1)
		return -1;
	enrol_link(ctx, req, resp, id, token);
	return 0;
}

struct approver_in {
	bool		 approver;
};

static const struct json_field approver_fields[] = {
	JSON_BOOL(struct approver_in, approver, "approver", JSON_REQUIRED),
};

int
api_users_approver(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct approver_in in;
	struct jw w;
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, approver_fields,
	    JSON_NFIELDS(approver_fields), &in, NULL) == -1)
		return -1;
	if (user_set_approver(ctx, id, in.approver) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kbool(&w, "approver", in.approver);
	jw_obj_close(&w);
	return 0;
}

struct contact_in {
	const char	*real_name;
	const char	*phone;
};

static const struct json_field contact_fields[] = {
	JSON_STR(struct contact_in, real_name, "real_name",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, USER_REAL_NAME_MAX),
	JSON_STR(struct contact_in, phone, "phone",
	    JSON_OPTIONAL | JSON_NULLABLE | JSON_ONELINE, 0, 40),
};
/* An account's real name and work phone, both set at once: a field
 * left out or null clears it. */
int
api_users_contact(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct contact_in in;
	struct user *u;
	struct jw w;
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, contact_fields,
	    JSON_NFIELDS(contact_fields), &in, NULL) == -1)
		return -1;
	if (user_set_contact(ctx, id, in.real_name, in.phone) == -1)
		return -1;
	u = user_get(ctx, id);
	if (u == NULL)
		return -1;
	jw_init(&w, &resp->body);
	write_user(ctx, &w, u, NULL);
	return 0;
}

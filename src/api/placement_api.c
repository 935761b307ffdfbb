/* Placements: the case's placements section and the team's actions on
 * them, the provider's list of placements at its organisation, and the
 * provider names for the coordinator's select.  The rules, closed youth
 * care's "no, unless" among them, are the domain's (domain/placement.c). */
#include <stdint.h>
#include <string.h>

#include "api/api.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/json.h"
#include "domain/deadline.h"
#include "domain/legal.h"
#include "domain/placement.h"
#include "domain/timeline.h"
#include "http/server.h"

static void
kday(struct ctx *ctx, struct jw *w, const char *key, int32_t day)
{
	jw_kstr(w, key, day >= 0 ? date_format(ctx->arena, day) : NULL);
}

static void
codes(struct jw *w, const char *key, const char *const *l)
{
	size_t i;

	jw_key(w, key);
	jw_arr_open(w);
	for (i = 0; l[i] != NULL; i++)
		jw_str(w, l[i]);
	jw_arr_close(w);
}

static void
rule(struct jw *w, enum legal_id id)
{
	const struct legal_rule *r = legal_rule(id);

	jw_obj_open(w);
	jw_kstr(w, "code", r->code);
	jw_kint(w, "amount", r->amount);
	jw_kstr(w, "unit", legal_unit_name(r->unit));
	jw_kbool(w, "law", r->law);
	jw_kstr(w, "source", r->source);
	jw_obj_close(w);
}

static void
placement_json(struct ctx *ctx, struct jw *w, const struct placement *p)
{
	size_t i;

	jw_obj_open(w);
	jw_kint(w, "id", p->id);
	jw_kint(w, "person_id", p->person_id);
	jw_kstr(w, "type", p->type);
	jw_kstr(w, "other_text", p->other_text);
	kday(ctx, w, "from", p->from);
	kday(ctx, w, "until", p->until);
	jw_kstr(w, "status", p->status);
	jw_kstr(w, "end_reason", p->end_reason);
	jw_key(w, "provider_org_id");
	if (p->provider_id > 0)
		jw_int(w, p->provider_id);
	else
		jw_null(w);
	jw_kstr(w, "provider_name", p->provider_name);
	kday(ctx, w, "review_on", p->review_on);
	jw_kstr(w, "age_band", p->age_band);
	jw_kstr(w, "created_by", p->created_by);
	jw_kstr(w, "created_at", time_iso(ctx->arena, p->created_at));
	jw_kstr(w, "updated_at", time_iso(ctx->arena, p->updated_at));
	jw_key(w, "authorisations");
	jw_arr_open(w);
	for (i = 0; i < p->nauths; i++) {
		jw_obj_open(w);
		jw_kstr(w, "kind", p->auths[i].kind);
		kday(ctx, w, "decided_on", p->auths[i].decided_on);
		kday(ctx, w, "valid_from", p->auths[i].valid_from);
		kday(ctx, w, "valid_until", p->auths[i].valid_until);
		jw_kstr(w, "by", p->auths[i].by);
		jw_obj_close(w);
	}
	jw_arr_close(w);
	jw_key(w, "alternatives");
	jw_arr_open(w);
	for (i = 0; i < p->nalts; i++) {
		jw_obj_open(w);
		jw_kstr(w, "code", p->alts[i].code);
		jw_kstr(w, "why", p->alts[i].why);
		jw_obj_close(w);
	}
	jw_arr_close(w);
	jw_key(w, "warnings");
	jw_obj_open(w);
	jw_kbool(w, "authorisation_ending", p->warn.ending);
	jw_kbool(w, "authorisation_expired", p->warn.expired);
	jw_kbool(w, "emergency_overrun", p->warn.overrun);
	kday(ctx, w, "warn_from", p->warn.warn_from);
	kday(ctx, w, "authorisation_ends", p->warn.ends_on);
	jw_obj_close(w);
	jw_obj_close(w);
}

int
api_placements_of_case(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct placement *p;
	struct jw w;
	size_t i, n;
	int64_t id;
	bool can_work = false;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    placement_of_case(ctx, id, &p, &n, &can_work) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "case_id", id);
	jw_kbool(&w, "can_work", can_work);
	jw_key(&w, "placements");
	jw_arr_open(&w);
	for (i = 0; i < n; i++)
		placement_json(ctx, &w, &p[i]);
	jw_arr_close(&w);
	codes(&w, "types", placement_types);
	codes(&w, "end_reasons", placement_end_reasons);
	codes(&w, "alternative_codes", placement_alternatives);
	codes(&w, "authorisation_kinds", placement_auth_kinds);
	jw_key(&w, "rules");
	jw_arr_open(&w);
	rule(&w, LEGAL_CLOSED_AUTH);
	rule(&w, LEGAL_CLOSED_EMERGENCY);
	rule(&w, LEGAL_CLOSED_CONDITIONAL);
	rule(&w, LEGAL_CLOSED_MINOR);
	rule(&w, LEGAL_WARN_CLOSED);
	rule(&w, LEGAL_WARN_CLOSED_EMERGENCY);
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

/* Every field optional to the decoder: the domain names each one that
 * is missing or wrong, all at once. */
static const struct json_field alt_fields[] = {
	JSON_STR(struct placement_alt, code, "code",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, 32),
	JSON_STR(struct placement_alt, why, "why",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, NOTE_MAX),
};

static const struct json_field record_fields[] = {
	JSON_I64(struct placement_in, person_id, "person_id",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, INT64_MAX),
	JSON_STR(struct placement_in, type, "type",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, 40),
	JSON_STR(struct placement_in, other_text, "other_text",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, NOTE_MAX),
	JSON_STR(struct placement_in, from, "from",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 10),
	JSON_STR(struct placement_in, until, "until",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 10),
	JSON_I64(struct placement_in, provider_org_id, "provider_org_id",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, INT64_MAX),
	JSON_STR(struct placement_in, review_on, "review_on",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 10),
	JSON_STR(struct placement_in, authorisation_kind,
	    "authorisation_kind", JSON_OPTIONAL | JSON_NULLABLE, 0, 32),
	JSON_STR(struct placement_in, decided_on, "decided_on",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 10),
	JSON_STR(struct placement_in, valid_from, "valid_from",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 10),
	JSON_STR(struct placement_in, valid_until, "valid_until",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 10),
	JSON_OBJLIST(struct placement_in, alternatives, "alternatives",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, PLACEMENT_ALTERNATIVES_MAX,
	    struct placement_alt, alt_fields),
};

/* An empty string from a form is no value. */
static const char *
given(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : NULL;
}

int
api_placements_record(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct placement_in in;
	int64_t id, pid;

	memset(&in, 0, sizeof(in));
	if (api_id_body(ctx, req, record_fields, JSON_NFIELDS(record_fields),
	    &in, &id) == -1)
		return -1;
	in.other_text = given(in.other_text);
	in.until = given(in.until);
	in.review_on = given(in.review_on);
	in.authorisation_kind = given(in.authorisation_kind);
	in.decided_on = given(in.decided_on);
	in.valid_from = given(in.valid_from);
	in.valid_until = given(in.valid_until);
	if (placement_record(ctx, id, &in, &pid) == -1)
		return -1;
	api_answer_id(resp, pid, true);
	return 0;
}

static const struct json_field change_fields[] = {
	JSON_STR(struct placement_change, until, "until",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 10),
	JSON_STR(struct placement_change, review_on, "review_on",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 10),
	JSON_I64(struct placement_change, provider_org_id, "provider_org_id",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, INT64_MAX),
};

static int
placement_id(struct ctx *ctx, struct http_request *req, int64_t *pid)
{
	return api_param_id(ctx, req, "pid", pid);
}

int
api_placements_change(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct placement_change in;
	int64_t id, pid;

	memset(&in, 0, sizeof(in));
	if (placement_id(ctx, req, &pid) == -1 || api_id_body(ctx, req,
	    change_fields, JSON_NFIELDS(change_fields), &in, &id) == -1)
		return -1;
	in.until = given(in.until);
	in.review_on = given(in.review_on);
	if (placement_change(ctx, id, pid, &in) == -1)
		return -1;
	api_answer_id(resp, pid, false);
	return 0;
}

struct end_in {
	const char	*on;
	const char	*reason;
};

static const struct json_field end_fields[] = {
	JSON_STR(struct end_in, on, "on", JSON_OPTIONAL | JSON_NULLABLE, 0,
	    10),
	JSON_STR(struct end_in, reason, "reason",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 32),
};

int
api_placements_end(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct end_in in;
	int64_t id, pid;

	memset(&in, 0, sizeof(in));
	if (placement_id(ctx, req, &pid) == -1 || api_id_body(ctx, req,
	    end_fields, JSON_NFIELDS(end_fields), &in, &id) == -1 ||
	    placement_end(ctx, id, pid, given(in.on), given(in.reason)) == -1)
		return -1;
	api_answer_id(resp, pid, false);
	return 0;
}

static const struct json_field auth_fields[] = {
	JSON_STR(struct placement_auth_in, authorisation_kind,
	    "authorisation_kind", JSON_OPTIONAL | JSON_NULLABLE, 0, 32),
	JSON_STR(struct placement_auth_in, decided_on, "decided_on",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 10),
	JSON_STR(struct placement_auth_in, valid_from, "valid_from",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 10),
	JSON_STR(struct placement_auth_in, valid_until, "valid_until",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 10),
};

int
api_placements_renew(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct placement_auth_in in;
	int64_t id, pid;

	memset(&in, 0, sizeof(in));
	if (placement_id(ctx, req, &pid) == -1 || api_id_body(ctx, req,
	    auth_fields, JSON_NFIELDS(auth_fields), &in, &id) == -1)
		return -1;
	in.authorisation_kind = given(in.authorisation_kind);
	in.decided_on = given(in.decided_on);
	in.valid_from = given(in.valid_from);
	in.valid_until = given(in.valid_until);
	if (placement_renew(ctx, id, pid, &in) == -1)
		return -1;
	api_answer_id(resp, pid, true);
	return 0;
}

int
api_placements_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct placement_line *l;
	struct jw w;
	size_t i, n;

	(void)req;
	if (placement_of_provider(ctx, &l, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "placements");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", l[i].id);
		jw_kint(&w, "case_id", l[i].case_id);
		jw_kstr(&w, "type", l[i].type);
		kday(ctx, &w, "from", l[i].from);
		kday(ctx, &w, "until", l[i].until);
		jw_kstr(&w, "status", l[i].status);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

int
api_provider_names(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct placement_provider *p;
	struct jw w;
	size_t i, n;

	(void)req;
	if (placement_providers(ctx, &p, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "providers");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", p[i].id);
		jw_kstr(&w, "name", p[i].name);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

/* Transfers of a case to another care coordination, emergency reads,
 * and who accessed a case.  Who may do what is the domain's
 * (domain/transfer.c, domain/emergency.c). */
#include <string.h>

#include "api/api.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/json.h"
#include "domain/emergency.h"
#include "domain/timeline.h"
#include "domain/transfer.h"
#include "http/server.h"

static void
kdate(struct ctx *ctx, struct jw *w, const char *key, int64_t t)
{
	jw_kstr(w, key, t > 0 ? time_iso(ctx->arena, t) : NULL);
}

struct transfer_in {
	const char	*municipality;
	const char	*reason;
};

static const struct json_field transfer_fields[] = {
	JSON_STR(struct transfer_in, municipality, "municipality",
	    JSON_REQUIRED, 6, 6),
	JSON_STR(struct transfer_in, reason, "reason", JSON_REQUIRED, 1,
	    NOTE_MAX),
};

static const struct json_field reason_fields[] = {
	JSON_STR(struct transfer_in, reason, "reason", JSON_REQUIRED, 1,
	    NOTE_MAX),
};

int
api_cases_transfer(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct transfer_in in;
	int64_t id, transfer;
	struct jw w;

	memset(&in, 0, sizeof(in));
	if (api_id_body(ctx, req, transfer_fields,
	    JSON_NFIELDS(transfer_fields), &in, &id) == -1 ||
	    transfer_request(ctx, id, in.municipality, in.reason,
	    &transfer) == -1)
		return -1;
	resp->status = 201;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kint(&w, "transfer", transfer);
	jw_obj_close(&w);
	return 0;
}

int
api_cases_transfer_accept(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    transfer_accept(ctx, id) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

int
api_cases_transfer_decline(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct transfer_in in;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (api_id_body(ctx, req, reason_fields, JSON_NFIELDS(reason_fields),
	    &in, &id) == -1 ||
	    transfer_decline(ctx, id, in.reason) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

int
api_cases_transfer_cancel(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    transfer_cancel(ctx, id) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

/* The start page: transfers waiting to or from the organisation. */
int
api_transfers_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct transfer *t;
	struct jw w;
	size_t i, n, late = 0;

	(void)req;
	if (transfer_list(ctx, &t, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "transfers");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", t[i].id);
		jw_kint(&w, "case_id", t[i].case_id);
		jw_kstr(&w, "direction", t[i].incoming ? "incoming" :
		    "outgoing");
		jw_kstr(&w, "from_org_name", t[i].from_org_name);
		jw_kstr(&w, "to_org_name", t[i].to_org_name);
		jw_kstr(&w, "municipality_name", t[i].municipality_name);
		jw_kstr(&w, "requested_by", t[i].requested_by);
		kdate(ctx, &w, "requested_at", t[i].requested_at);
		kdate(ctx, &w, "due", t[i].due);
		jw_kbool(&w, "overdue", t[i].overdue);
		jw_obj_close(&w);
		if (t[i].overdue)
			late++;
	}
	jw_arr_close(&w);
	jw_kint(&w, "overdue", (int64_t)late);
	jw_obj_close(&w);
	return 0;
}

/* The case page's part: the waiting transfer, and what this user may do
 * about it.  Written for every relation but a former organisation's. */
void
api_case_transfer_section(struct ctx *ctx, struct jw *w,
    const struct care_case *c)
{
	const struct transfer *t = c->transfer;
	bool team = c->rel == CASE_REL_TEAM;

	jw_kbool(w, "may_transfer", team && t == NULL &&
	    (strcmp(c->h.status, "accepted") == 0 ||
	    strcmp(c->h.status, "in_care") == 0) && c->h.purged_at == 0);
	kdate(ctx, w, "emergency_until", c->rel == CASE_REL_GLASS ?
	    c->glass_until : 0);
	jw_key(w, "transfer");
	if (t == NULL) {
		jw_null(w);
		return;
	}
	jw_obj_open(w);
	jw_kint(w, "id", t->id);
	jw_kstr(w, "municipality", t->municipality);
	jw_kstr(w, "municipality_name", t->municipality_name);
	jw_kstr(w, "from_org_name", t->from_org_name);
	jw_kstr(w, "to_org_name", t->to_org_name);
	jw_kstr(w, "requested_by", t->requested_by);
	kdate(ctx, w, "requested_at", t->requested_at);
	kdate(ctx, w, "due", t->due);
	jw_kbool(w, "overdue", t->overdue);
	jw_kstr(w, "reason", t->reason);
	jw_kbool(w, "may_decide", c->rel == CASE_REL_RECEIVING);
	jw_kbool(w, "may_cancel", team);
	jw_obj_close(w);
}

int
api_cases_emergency(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct transfer_in in;
	int64_t id, ends_at;
	struct jw w;

	memset(&in, 0, sizeof(in));
	if (api_id_body(ctx, req, reason_fields, JSON_NFIELDS(reason_fields),
	    &in, &id) == -1 ||
	    emergency_request(ctx, id, in.reason, &ends_at) == -1)
		return -1;
	resp->status = 201;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	kdate(ctx, &w, "until", ends_at);
	jw_obj_close(&w);
	return 0;
}

static void
write_reads(struct ctx *ctx, struct jw *w, const struct emergency_read *e,
    size_t n)
{
	size_t i;

	jw_key(w, "reads");
	jw_arr_open(w);
	for (i = 0; i < n; i++) {
		jw_obj_open(w);
		jw_kint(w, "id", e[i].id);
		jw_kint(w, "case_id", e[i].case_id);
		kdate(ctx, w, "at", e[i].at);
		kdate(ctx, w, "until", e[i].ends_at);
		jw_kstr(w, "username", e[i].username);
		jw_kstr(w, "org_name", e[i].org_name);
		jw_kstr(w, "reason", e[i].reason);
		jw_obj_close(w);
	}
	jw_arr_close(w);
}

/* The team's start page: recent emergency reads of its cases. */
int
api_cases_emergency_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct emergency_read *e;
	struct jw w;
	size_t n;

	(void)req;
	if (emergency_of_org(ctx, &e, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	write_reads(ctx, &w, e, n);
	jw_obj_close(&w);
	return 0;
}

/* The admins' review of every emergency read. */
int
api_emergency_reads(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct emergency_read *e;
	struct jw w;
	size_t n;

	(void)req;
	if (emergency_review(ctx, &e, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	write_reads(ctx, &w, e, n);
	jw_obj_close(&w);
	return 0;
}

/* Who read or changed a case; ?action=case.read keeps one action,
 * ?emergency=1 the emergency reads. */
int
api_cases_access(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	const char *action = http_query_arg(req, "action");
	const char *emergency = http_query_arg(req, "emergency");
	struct trail_entry *t;
	struct jw w;
	size_t i, n;
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	if (action != NULL && (action[0] == '\0' || strlen(action) > 64))
		return fail_field(ctx, "action", "must name an audit action, "
		    "like case.read");
	if (emergency != NULL && strcmp(emergency, "1") != 0 &&
	    strcmp(emergency, "0") != 0)
		return fail_field(ctx, "emergency", "must be 1 or 0");
	if (emergency_trail(ctx, id, action, emergency != NULL &&
	    strcmp(emergency, "1") == 0, &t, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_key(&w, "entries");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", t[i].id);
		kdate(ctx, &w, "at", t[i].at);
		jw_kstr(&w, "username", t[i].username);
		jw_kstr(&w, "org_name", t[i].org_name);
		jw_kstr(&w, "role", t[i].role);
		jw_kstr(&w, "action", t[i].action);
		jw_kstr(&w, "reason", t[i].reason);
		jw_kbool(&w, "emergency", t[i].emergency);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

/* Identification: a coordinator submits a case to an assessment committee
 * and withdraws it; the committee's assessors list, read and decide; the
 * case page's identification section.  Who may do what is the domain's
 * (domain/ident.c). */
#include <string.h>

#include "api/api.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/json.h"
#include "domain/case.h"
#include "domain/ident.h"
#include "http/server.h"

static void
kdate(struct ctx *ctx, struct jw *w, const char *key, int64_t t)
{
	jw_kstr(w, key, t > 0 ? time_iso(ctx->arena, t) : NULL);
}

static void
ok_id(struct http_response *resp, int status, int64_t id)
{
	struct jw w;

	resp->status = status;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_obj_close(&w);
}

int
api_committees_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct ident_committee *c;
	struct jw w;
	size_t i, n;

	(void)req;
	if (ident_committees(ctx, &c, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "committees");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", c[i].id);
		jw_kstr(&w, "name", c[i].name);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

static void
decision(struct ctx *ctx, struct jw *w, const char *key,
    const struct ident_decision *d)
{
	jw_key(w, key);
	if (d->decision == NULL) {
		jw_null(w);
		return;
	}
	jw_obj_open(w);
	jw_kstr(w, "decision", d->decision);
	jw_kstr(w, "reasons", d->reasons);
	jw_kstr(w, "by", d->by);
	kdate(ctx, w, "at", d->at);
	jw_obj_close(w);
}

/* One assessment: the same for the case team and the assessor. */
static void
assessment(struct ctx *ctx, struct jw *w, const struct ident *a)
{
	bool submitted = strcmp(a->status, "submitted") == 0;
	bool first = strcmp(a->status, "first_decided") == 0;
	int64_t due = submitted ? a->first_due : first ? a->final_due : 0;

	jw_obj_open(w);
	jw_kint(w, "id", a->id);
	jw_kint(w, "case_id", a->case_id);
	jw_kint(w, "committee_org_id", a->committee_id);
	jw_kstr(w, "committee_name", a->committee_name);
	jw_kstr(w, "status", a->status);
	jw_kbool(w, "open", submitted || first);
	api_csv(w, "parts", a->parts);
	api_csv(w, "sources", a->sources);
	jw_kstr(w, "note", a->note);
	jw_kstr(w, "submitted_by", a->submitted_by);
	jw_kstr(w, "submitted_org", a->submitted_org);
	jw_kstr(w, "submitted_phone", a->submitted_phone);
	kdate(ctx, w, "submitted_at", a->submitted_at);
	kdate(ctx, w, "first_due", a->first_due);
	decision(ctx, w, "first", &a->first);
	kdate(ctx, w, "final_due", a->final_due);
	decision(ctx, w, "final", &a->final);
	kdate(ctx, w, "due", due);
	jw_kbool(w, "overdue", due > 0 && due < time_now());
	jw_kstr(w, "withdrawn_by", a->withdrawn_by);
	kdate(ctx, w, "withdrawn_at", a->withdrawn_at);
	kdate(ctx, w, "updated_at", a->updated_at);
	jw_obj_close(w);
}

/* The case page's section, for the case team only. */
void
api_case_identification(struct ctx *ctx, struct jw *w,
    const struct care_case *c)
{
	struct ident *a;
	size_t i, n;
	bool bad = false;

	jw_key(w, "identification");
	if (c->rel != CASE_REL_TEAM) {
		jw_null(w);
		return;
	}
	if (ident_of_case(ctx, c->h.id, &a, &n, &bad) == -1) {
		jw_null(w);
		return;
	}
	if (bad) {
		jw_null(w);
		fail(ctx, ST_INTERNAL, "the assessments of case %lld cannot be "
		    "decrypted", (long long)c->h.id);
		return;
	}
	jw_obj_open(w);
	/* Serious disadvantage has no identification track. */
	jw_kbool(w, "track", strcmp(c->h.type, "serious_disadvantage") != 0);
	jw_key(w, "assessments");
	jw_arr_open(w);
	for (i = 0; i < n; i++)
		assessment(ctx, w, &a[i]);
	jw_arr_close(w);
	jw_obj_close(w);
}

static const struct json_field submit_fields[] = {
	JSON_I64(struct ident_in, committee_org_id, "committee_org_id",
	    JSON_REQUIRED, 1, INT64_MAX),
	JSON_STRLIST(struct ident_in, parts, "parts", JSON_OPTIONAL, 0, 16,
	    32),
	JSON_STRLIST(struct ident_in, sources, "sources", JSON_OPTIONAL, 0,
	    16, 32),
	JSON_STR(struct ident_in, note, "note", JSON_OPTIONAL | JSON_NULLABLE,
	    0, NOTE_MAX),
};

int
api_ident_submit(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct ident_in in;
	int64_t id, aid;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, submit_fields,
	    JSON_NFIELDS(submit_fields), &in, NULL) == -1 ||
	    ident_submit(ctx, id, &in, &aid) == -1)
		return -1;
	ok_id(resp, 201, aid);
	return 0;
}

struct withdraw_in {
	const char	*why;
};

static const struct json_field withdraw_fields[] = {
	JSON_STR(struct withdraw_in, why, "why", JSON_REQUIRED, 1, NOTE_MAX),
};

int
api_ident_withdraw(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct withdraw_in in;
	int64_t id, aid;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    api_param_id(ctx, req, "aid", &aid) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, withdraw_fields,
	    JSON_NFIELDS(withdraw_fields), &in, NULL) == -1 ||
	    ident_withdraw(ctx, id, aid, in.why) == -1)
		return -1;
	ok_id(resp, 200, aid);
	return 0;
}

int
api_assessments_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct ident_line *l;
	struct jw w;
	size_t i, n;

	(void)req;
	if (ident_list(ctx, &l, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "assessments");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", l[i].id);
		jw_kint(&w, "case_id", l[i].case_id);
		jw_kstr(&w, "status", l[i].status);
		api_csv(&w, "parts", l[i].parts);
		api_csv(&w, "sources", l[i].sources);
		jw_kstr(&w, "submitted_org", l[i].submitted_org);
		kdate(ctx, &w, "submitted_at", l[i].submitted_at);
		kdate(ctx, &w, "due", l[i].due);
		jw_kbool(&w, "overdue", l[i].overdue);
		kdate(ctx, &w, "updated_at", l[i].updated_at);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

/* What was shared of the case: a key for each part, none for the rest. */
static void
shared(struct ctx *ctx, struct jw *w, const struct ident_view *v)
{
	const struct plan_task *t;
	size_t i;

	jw_key(w, "shared");
	if (!v->open) {
		jw_null(w);
		return;
	}
	jw_obj_open(w);
	if (v->has_summary)
		jw_kstr(w, "summary", v->summary);
	if (v->has_forms) {
		jw_kstr(w, "type", v->type);
		api_csv(w, "forms", v->forms);
		api_csv(w, "indicators", v->indicators);
	}
	if (v->has_persons) {
		jw_key(w, "persons");
		jw_arr_open(w);
		for (i = 0; i < v->npersons; i++)
			api_person(w, &v->persons[i].p);
		jw_arr_close(w);
	}
	if (v->has_needs) {
		jw_key(w, "needs");
		jw_arr_open(w);
		for (i = 0; i < v->nneeds; i++) {
			jw_obj_open(w);
			jw_kstr(w, "need", v->needs[i].need);
			jw_kstr(w, "status", v->needs[i].status);
			jw_obj_close(w);
		}
		jw_arr_close(w);
	}
	if (v->has_plan) {
		jw_key(w, "plan");
		if (v->plan == NULL) {
			jw_null(w);
		} else {
			jw_obj_open(w);
			jw_kstr(w, "goals", v->plan->goals);
			jw_key(w, "tasks");
			jw_arr_open(w);
			t = v->plan->tasks.v;
			for (i = 0; i < v->plan->tasks.n; i++) {
				jw_obj_open(w);
				jw_kstr(w, "who", t[i].who);
				jw_kstr(w, "what", t[i].what);
				jw_obj_close(w);
			}
			jw_arr_close(w);
			jw_kstr(w, "review_on", v->plan->review_on);
			jw_obj_close(w);
		}
	}
	if (v->has_timeline) {
		jw_key(w, "timeline");
		jw_arr_open(w);
		for (i = 0; i < v->nevents; i++) {
			jw_obj_open(w);
			kdate(ctx, w, "at", v->events[i].at);
			jw_kstr(w, "username", v->events[i].username);
			jw_kstr(w, "org_name", v->events[i].org_name);
			jw_kstr(w, "kind", v->events[i].kind);
			jw_kstr(w, "detail", v->events[i].detail);
			jw_kstr(w, "text", v->events[i].text);
			jw_obj_close(w);
		}
		jw_arr_close(w);
	}
	jw_obj_close(w);
}

int
api_assessments_get(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct ident_view *v;
	struct jw w;
	int64_t aid;

	if (api_param_id(ctx, req, "aid", &aid) == -1)
		return -1;
	v = ident_get(ctx, aid);
	if (v == NULL)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "assessment");
	assessment(ctx, &w, &v->a);
	shared(ctx, &w, v);
	jw_obj_close(&w);
	return 0;
}

struct decide_in {
	const char	*decision;
	const char	*reasons;
};

static const struct json_field decide_fields[] = {
	JSON_STR(struct decide_in, decision, "decision", JSON_REQUIRED, 1,
	    32),
	/* Empty reasons are the domain's to name, with the decision. */
	JSON_STR(struct decide_in, reasons, "reasons", JSON_REQUIRED, 0,
	    NOTE_MAX),
};

static int
decide(struct ctx *ctx, struct http_request *req,
    struct http_response *resp, const char *stage)
{
	struct decide_in in;
	int64_t aid;

	if (api_param_id(ctx, req, "aid", &aid) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, decide_fields,
	    JSON_NFIELDS(decide_fields), &in, NULL) == -1 ||
	    ident_decide(ctx, aid, stage, in.decision, in.reasons) == -1)
		return -1;
	ok_id(resp, 200, aid);
	return 0;
}

int
api_assessments_first(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	return decide(ctx, req, resp, "first");
}

int
api_assessments_final(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	return decide(ctx, req, resp, "final");
}

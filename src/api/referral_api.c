/* Referrals of help needs to providers and escalations to the regional
 * expert team: the case team's routes, the provider's and the team's.
 * Who may see what is the domain's (domain/referral.c,
 * domain/escalation.c). */
#include <string.h>

#include "api/api.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/json.h"
#include "domain/due.h"
#include "domain/escalation.h"
#include "domain/referral.h"
#include "domain/timeline.h"
#include "http/server.h"

static void
kdate(struct ctx *ctx, struct jw *w, const char *key, int64_t t)
{
	jw_kstr(w, key, t > 0 ? time_iso(ctx->arena, t) : NULL);
}

#define SHARING_FIELDS(st) \
	JSON_STRLIST(st, s.shares, "shares", JSON_OPTIONAL, 0, 6, 32), \
	JSON_STR(st, s.basis, "basis", JSON_OPTIONAL, 1, 16), \
	JSON_STR(st, s.consent_on, "consent_on", JSON_NULLABLE, 10, 10), \
	JSON_STR(st, s.legal_basis, "legal_basis", JSON_NULLABLE, 1, 32), \
	JSON_STR(st, s.basis_text, "basis_text", JSON_NULLABLE, 0, NOTE_MAX), \
	JSON_STR(st, s.safety, "safety", JSON_NULLABLE, 0, NOTE_MAX)

static const struct json_field refer_fields[] = {
	JSON_I64(struct referral_in, need, "need", JSON_REQUIRED, 1,
	    INT64_MAX),
	JSON_I64(struct referral_in, provider, "provider", JSON_REQUIRED, 1,
	    INT64_MAX),
	JSON_STR(struct referral_in, message, "message", JSON_NULLABLE, 0,
	    NOTE_MAX),
	SHARING_FIELDS(struct referral_in),
};

static const struct json_field escalate_fields[] = {
	JSON_I64(struct escalation_in, need, "need", JSON_NULLABLE, 1,
	    INT64_MAX),
	JSON_STR(struct escalation_in, ground, "ground", JSON_REQUIRED, 1,
	    32),
	JSON_STR(struct escalation_in, summary, "summary", JSON_REQUIRED, 0,
	    NOTE_MAX),
	SHARING_FIELDS(struct escalation_in),
};

struct answer_in {
	const char	*code;
	const char	*text;
};

static const struct json_field decline_fields[] = {
	JSON_STR(struct answer_in, code, "reason", JSON_REQUIRED, 1, 32),
	JSON_STR(struct answer_in, text, "text", JSON_NULLABLE, 0, NOTE_MAX),
};

static const struct json_field end_fields[] = {
	JSON_STR(struct answer_in, code, "outcome", JSON_REQUIRED, 1, 32),
	JSON_STR(struct answer_in, text, "text", JSON_NULLABLE, 0, NOTE_MAX),
};

static const struct json_field note_fields[] = {
	JSON_STR(struct answer_in, text, "text", JSON_REQUIRED, 0, NOTE_MAX),
};

static void
created(struct http_response *resp, const char *key, int64_t id)
{
	struct jw w;

	resp->status = 201;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, key, id);
	jw_obj_close(&w);
}

/* The case team. */

int
api_cases_refer(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct referral_in in;
	int64_t id, referral;

	memset(&in, 0, sizeof(in));
	if (api_id_body(ctx, req, refer_fields, JSON_NFIELDS(refer_fields),
	    &in, &id) == -1 || referral_send(ctx, id, &in, &referral) == -1)
		return -1;
	created(resp, "referral", referral);
	return 0;
}

int
api_cases_escalate(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct escalation_in in;
	int64_t id, esc;

	memset(&in, 0, sizeof(in));
	if (api_id_body(ctx, req, escalate_fields,
	    JSON_NFIELDS(escalate_fields), &in, &id) == -1 ||
	    escalation_send(ctx, id, &in, &esc) == -1)
		return -1;
	created(resp, "escalation", esc);
	return 0;
}

int
api_cases_referral_withdraw(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id, rid;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    api_param_id(ctx, req, "rid", &rid) == -1 ||
	    referral_withdraw(ctx, id, rid) == -1)
		return -1;
	api_answer_id(resp, rid, false);
	return 0;
}

static void
answer_ended(struct http_response *resp, int64_t id, int64_t ended)
{
	struct jw w;

	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kint(&w, "ended", ended);
	jw_obj_close(&w);
}

int
api_cases_referral_consent(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id, rid, ended;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    api_param_id(ctx, req, "rid", &rid) == -1 ||
	    referral_consent_withdrawn(ctx, id, rid, &ended) == -1)
		return -1;
	answer_ended(resp, rid, ended);
	return 0;
}

int
api_cases_consent_withdrawn(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id, ended;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    referral_consent_withdrawn(ctx, id, 0, &ended) == -1)
		return -1;
	answer_ended(resp, id, ended);
	return 0;
}

static void
write_notes(struct ctx *ctx, struct jw *w, const struct referral_note *n,
    size_t k)
{
	size_t i;

	jw_key(w, "notes");
	jw_arr_open(w);
	for (i = 0; i < k; i++) {
		jw_obj_open(w);
		jw_kint(w, "id", n[i].id);
		kdate(ctx, w, "at", n[i].at);
		jw_kstr(w, "username", n[i].username);
		jw_kstr(w, "org_name", n[i].org_name);
		jw_kstr(w, "text", n[i].text);
		jw_obj_close(w);
	}
	jw_arr_close(w);
}

/* The plain fields every reader of a referral sees. */
static void
write_head(struct ctx *ctx, struct jw *w, const struct referral *f)
{
	jw_kint(w, "id", f->id);
	jw_kint(w, "need_id", f->need_id);
	jw_kstr(w, "need", f->need);
	jw_kbool(w, "urgent", f->urgent);
	jw_kstr(w, "status", f->state);
	jw_kbool(w, "expired", strcmp(f->state, "expired") == 0);
	jw_kstr(w, "from_org_name", f->from_org_name);
	jw_kstr(w, "to_org_name", f->to_org_name);
	jw_kstr(w, "sent_by", f->sent_by);
	kdate(ctx, w, "sent_at", f->sent_at);
	kdate(ctx, w, "answer_due", f->answer_due);
	kdate(ctx, w, "answered_at", f->answered_at);
	jw_kstr(w, "decline_reason", f->decline_reason);
	kdate(ctx, w, "started_at", f->started_at);
	kdate(ctx, w, "ended_at", f->ended_at);
	jw_kstr(w, "outcome", f->outcome);
	jw_kbool(w, "sharing", f->sharing_ended_at == 0);
	kdate(ctx, w, "sharing_ended_at", f->sharing_ended_at);
	jw_kstr(w, "sharing_end", f->sharing_end);
}

static void
write_basis(struct jw *w, const char *basis, const char *consent_on,
    const char *legal_basis)
{
	jw_kstr(w, "basis", basis);
	jw_kstr(w, "consent_on", consent_on);
	jw_kstr(w, "legal_basis", legal_basis);
}

static void
write_escalation_head(struct ctx *ctx, struct jw *w,
    const struct escalation *e)
{
	jw_kint(w, "id", e->id);
	jw_key(w, "need_id");
	if (e->need_id > 0)
		jw_int(w, e->need_id);
	else
		jw_null(w);
	jw_kstr(w, "need", e->need);
	jw_kstr(w, "ground", e->ground);
	jw_kstr(w, "status", e->status);
	jw_kbool(w, "overdue", e->overdue);
	jw_kstr(w, "from_org_name", e->from_org_name);
	jw_kstr(w, "to_org_name", e->to_org_name);
	jw_kstr(w, "region_name", e->region_name);
	jw_kstr(w, "sent_by", e->sent_by);
	kdate(ctx, w, "sent_at", e->sent_at);
	kdate(ctx, w, "answer_due", e->answer_due);
	jw_kstr(w, "outcome", e->outcome);
	jw_kstr(w, "answered_by", e->answered_by);
	kdate(ctx, w, "answered_at", e->answered_at);
	jw_kbool(w, "sharing", e->sharing_ended_at == 0);
}

/* The case page's referrals, escalations and needs' uptake. */
int
api_cases_referrals(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct referral *f;
	struct escalation *e;
	struct need_uptake *u;
	size_t i, n, ne, nu;
	int64_t id;
	struct jw w;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    referral_of_case(ctx, id, &f, &n, &u, &nu) == -1 ||
	    escalation_of_case(ctx, id, &e, &ne) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_key(&w, "referrals");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		write_head(ctx, &w, &f[i]);
		api_csv(&w, "shares", f[i].shares);
		write_basis(&w, f[i].basis, f[i].consent_on,
		    f[i].legal_basis);
		jw_kstr(&w, "basis_text", f[i].basis_text);
		jw_kstr(&w, "message", f[i].message);
		jw_kstr(&w, "decline_text", f[i].decline_text);
		jw_kstr(&w, "outcome_text", f[i].outcome_text);
		write_notes(ctx, &w, f[i].notes, f[i].nnotes);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_key(&w, "escalations");
	jw_arr_open(&w);
	for (i = 0; i < ne; i++) {
		jw_obj_open(&w);
		write_escalation_head(ctx, &w, &e[i]);
		api_csv(&w, "shares", e[i].shares);
		write_basis(&w, e[i].basis, e[i].consent_on,
		    e[i].legal_basis);
		jw_kstr(&w, "summary", e[i].summary);
		jw_kstr(&w, "answer", e[i].answer);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_key(&w, "uptake");
	jw_arr_open(&w);
	for (i = 0; i < nu; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "need_id", u[i].need_id);
		jw_kstr(&w, "need", u[i].need);
		kdate(ctx, &w, "due", u[i].due);
		jw_kbool(&w, "taken_up", u[i].taken_up);
		jw_kbool(&w, "missed", u[i].missed);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

/* The coordinator's start page: what is missed, no personal data. */
int
api_referrals_missed(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct due_list l;
	struct jw w;
	int64_t now = time_now();
	size_t i;

	(void)req;
	memset(&l, 0, sizeof(l));
	if (ctx->who.org_id > 0 && referral_due(ctx, ctx->who.org_id, now,
	    &l) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "missed");
	jw_arr_open(&w);
	for (i = 0; i < l.n; i++) {
		jw_obj_open(&w);
		jw_kstr(&w, "kind", l.v[i].kind);
		jw_kint(&w, "case_id", l.v[i].case_id);
		jw_kint(&w, "ref_id", l.v[i].ref_id);
		kdate(ctx, &w, "due", l.v[i].due);
		jw_kstr(&w, "detail", l.v[i].detail);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

/* The provider. */

int
api_referrals_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct referral *f;
	struct jw w;
	size_t i, n;

	if (referral_incoming(ctx, http_query_arg(req, "status"), &f, &n) ==
	    -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "referrals");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		write_head(ctx, &w, &f[i]);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

/* Exactly the shared parts: a part not shared has no key at all. */
static void
write_parts(struct ctx *ctx, struct jw *w, const struct shared_parts *p)
{
	const struct plan_task *t;
	size_t i;

	jw_kstr(w, "case_type", p->case_type);
	jw_kstr(w, "municipality_name", p->municipality_name);
	jw_key(w, "shared");
	jw_obj_open(w);
	if (p->persons != NULL) {
		jw_key(w, "persons");
		jw_arr_open(w);
		for (i = 0; i < p->npersons; i++)
			api_person(w, &p->persons[i].p);
		jw_arr_close(w);
	}
	if (p->has_summary)
		jw_kstr(w, "summary", p->summary);
	if (p->has_needs) {
		jw_key(w, "needs");
		jw_arr_open(w);
		for (i = 0; i < p->nneeds; i++) {
			jw_obj_open(w);
			jw_kstr(w, "need", p->needs[i].need);
			jw_kstr(w, "status", p->needs[i].status);
			jw_obj_close(w);
		}
		jw_arr_close(w);
	}
	if (p->has_plan) {
		jw_key(w, "plan");
		if (p->plan == NULL) {
			jw_null(w);
		} else {
			jw_obj_open(w);
			jw_kstr(w, "goals", p->plan->goals);
			jw_key(w, "tasks");
			jw_arr_open(w);
			t = p->plan->tasks.v;
			for (i = 0; i < p->plan->tasks.n; i++) {
				jw_obj_open(w);
				jw_kstr(w, "who", t[i].who);
				jw_kstr(w, "what", t[i].what);
				jw_obj_close(w);
			}
			jw_arr_close(w);
			jw_kstr(w, "review_on", p->plan->review_on);
			jw_obj_close(w);
		}
	}
	if (p->has_forms) {
		api_csv(w, "forms", p->forms);
		api_csv(w, "indicators", p->indicators);
	}
	if (p->safety != NULL)
		jw_kstr(w, "safety", p->safety);
	jw_obj_close(w);
	(void)ctx;
}

int
api_referrals_get(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct referral *f;
	int64_t id;
	struct jw w;
	bool active;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	f = referral_get(ctx, id);
	if (f == NULL)
		return -1;
	active = f->parts->active;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	write_head(ctx, &w, f);
	if (active) {
		api_csv(&w, "shares", f->shares);
		write_basis(&w, f->basis, f->consent_on, f->legal_basis);
		jw_kstr(&w, "message", f->message);
	}
	jw_kstr(&w, "decline_text", f->decline_text);
	jw_kstr(&w, "outcome_text", f->outcome_text);
	write_parts(ctx, &w, f->parts);
	write_notes(ctx, &w, f->notes, f->nnotes);
	jw_obj_close(&w);
	return 0;
}

int
api_referrals_accept(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    referral_accept(ctx, id) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

int
api_referrals_start(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    referral_start(ctx, id) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

static int
rid_body(struct ctx *ctx, struct http_request *req,
    const struct json_field *f, size_t n, struct answer_in *in, int64_t *id)
{
	memset(in, 0, sizeof(*in));
	return api_id_body(ctx, req, f, n, in, id);
}

int
api_referrals_decline(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct answer_in in;
	int64_t id;

	if (rid_body(ctx, req, decline_fields, JSON_NFIELDS(decline_fields),
	    &in, &id) == -1 || referral_decline(ctx, id, in.code, in.text) ==
	    -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

int
api_referrals_note(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct answer_in in;
	int64_t id, note;

	if (rid_body(ctx, req, note_fields, JSON_NFIELDS(note_fields), &in,
	    &id) == -1 || referral_note(ctx, id, in.text, &note) == -1)
		return -1;
	created(resp, "note", note);
	return 0;
}

int
api_referrals_end(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct answer_in in;
	int64_t id;

	if (rid_body(ctx, req, end_fields, JSON_NFIELDS(end_fields), &in,
	    &id) == -1 || referral_end(ctx, id, in.code, in.text) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

/* The expert team. */

int
api_escalations_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct escalation *e;
	struct jw w;
	size_t i, n;

	(void)req;
	if (escalation_list(ctx, &e, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "escalations");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		write_escalation_head(ctx, &w, &e[i]);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

int
api_escalations_get(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct escalation *e;
	int64_t id;
	struct jw w;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	e = escalation_get(ctx, id);
	if (e == NULL)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	write_escalation_head(ctx, &w, e);
	if (e->parts->active) {
		api_csv(&w, "shares", e->shares);
		write_basis(&w, e->basis, e->consent_on, e->legal_basis);
		jw_kstr(&w, "summary", e->summary);
	}
	jw_kstr(&w, "answer", e->answer);
	write_parts(ctx, &w, e->parts);
	jw_obj_close(&w);
	return 0;
}

int
api_escalations_answer(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct answer_in in;
	int64_t id;

	if (rid_body(ctx, req, end_fields, JSON_NFIELDS(end_fields), &in,
	    &id) == -1 || escalation_answer(ctx, id, in.code, in.text) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

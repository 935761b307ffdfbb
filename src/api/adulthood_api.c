/* Turning 18: the case page's part (each minor victim's 18th birthday,
 * the reminders and the transition plan), recording the plan, and the
 * coordinator's start list.  The dates and what may be recorded are the
 * domain's (domain/adulthood.h). */
#include <string.h>

#include "api/api.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/json.h"
#include "domain/adulthood.h"
#include "domain/case.h"
#include "domain/deadline.h"
#include "domain/due.h"
#include "domain/legal.h"
#include "http/server.h"

#define NOTE_MAX_TRANSITION	10000

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
write_plan(struct ctx *ctx, struct jw *w, const struct adult_plan *p)
{
	size_t i;

	jw_key(w, "continues");
	jw_arr_open(w);
	for (i = 0; i < p->continues.n; i++)
		jw_str(w, p->continues.v[i]);
	jw_arr_close(w);
	kday(ctx, w, "youth_care_from", p->youth_care_from);
	jw_kstr(w, "payer", p->payer);
	jw_kstr(w, "payer_text", p->payer_text);
	jw_kbool(w, "same_professional", p->same_professional == 1);
	jw_kstr(w, "professional", p->professional);
	jw_kstr(w, "notes", p->notes);
	jw_kstr(w, "first_at", time_iso(ctx->arena, p->first_at));
	jw_kbool(w, "before_18", p->before_18);
	jw_kbool(w, "on_time", p->on_time);
	jw_kstr(w, "updated_by", p->updated_by);
	jw_kstr(w, "updated_at", p->updated_at > 0 ? time_iso(ctx->arena,
	    p->updated_at) : NULL);
}

static void
write_person(struct ctx *ctx, struct jw *w, const struct adult_person *a,
    int32_t today)
{
	int i, st;

	jw_obj_open(w);
	jw_kint(w, "person", a->person_id);
	jw_kbool(w, "estimated", a->estimated);
	if (a->purged) {
		jw_kstr(w, "adult_on", NULL);
	} else {
		kday(ctx, w, "adult_on", a->s.adult_on);
		kday(ctx, w, "plan_due", a->s.plan_due);
		jw_kstr(w, "age_band", adulthood_age_band(a->s.adult_on,
		    today));
		jw_kbool(w, "adult", a->s.adult_on <= today);
		jw_key(w, "reminders");
		jw_arr_open(w);
		for (i = 0; i < ADULT__STAGES; i++) {
			jw_obj_open(w);
			jw_kstr(w, "stage", adulthood_stage_name(
			    (enum adult_stage)i));
			kday(ctx, w, "on", a->s.remind[i]);
			jw_obj_close(w);
		}
		jw_arr_close(w);
		st = adulthood_stage(&a->s, today);
		jw_kstr(w, "stage", st >= 0 && a->s.adult_on > today ?
		    adulthood_stage_name((enum adult_stage)st) : NULL);
		/* The next reminder still to come, if any. */
		for (i = 0; i < ADULT__STAGES && a->s.remind[i] <= today; i++)
			;
		kday(ctx, w, "next_reminder", i < ADULT__STAGES &&
		    !a->has_plan ? a->s.remind[i] : -1);
		jw_kbool(w, "without_plan", a->s.adult_on <= today &&
		    !a->has_plan);
	}
	jw_key(w, "plan");
	if (a->has_plan) {
		jw_obj_open(w);
		write_plan(ctx, w, &a->plan);
		jw_obj_close(w);
	} else
		jw_null(w);
	jw_obj_close(w);
}

void
api_case_adulthood(struct ctx *ctx, struct jw *w, const struct care_case *c)
{
	int32_t today = deadline_local_day(time_now());
	const struct legal_rule *r;
	size_t i;

	/* Who only sees part of a case does not see this part. */
	if (c->rel < CASE_REL_GLASS)
		return;
	jw_key(w, "adulthood");
	jw_obj_open(w);
	jw_kbool(w, "may_change", c->rel == CASE_REL_TEAM &&
	    c->h.purged_at == 0 && strcmp(c->h.status, "closed") != 0);
	codes(w, "continues_codes", adulthood_continues());
	codes(w, "payers", adulthood_payers());
	r = legal_rule(LEGAL_YOUTH_CARE_UNTIL);
	jw_kint(w, "youth_care_until", r->amount);
	jw_kstr(w, "youth_care_source", r->source);
	jw_kstr(w, "plan_source", legal_rule(LEGAL_TRANSITION_PLAN)->source);
	jw_key(w, "persons");
	jw_arr_open(w);
	for (i = 0; i < c->nadults; i++)
		write_person(ctx, w, &c->adults[i], today);
	jw_arr_close(w);
	jw_obj_close(w);
}

static const struct json_field plan_fields[] = {
	JSON_STRLIST(struct adult_plan_in, continues, "continues",
	    JSON_REQUIRED, 0, 6, 32),
	JSON_STR(struct adult_plan_in, youth_care_from, "youth_care_from",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, 10),
	JSON_STR(struct adult_plan_in, payer, "payer",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, 32),
	JSON_STR(struct adult_plan_in, payer_text, "payer_text",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, 500),
	JSON_BOOL(struct adult_plan_in, same_professional,
	    "same_professional", JSON_REQUIRED),
	JSON_STR(struct adult_plan_in, professional, "professional",
	    JSON_OPTIONAL | JSON_NULLABLE | JSON_ONELINE, 1, 200),
	JSON_STR(struct adult_plan_in, notes, "notes",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, NOTE_MAX_TRANSITION),
};

int
api_cases_transition(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct adult_plan_in in;
	int64_t id, person;

	memset(&in, 0, sizeof(in));
	if (api_id_body(ctx, req, plan_fields, JSON_NFIELDS(plan_fields),
	    &in, &id) == -1 ||
	    api_param_id(ctx, req, "pid", &person) == -1 ||
	    adulthood_plan_set(ctx, id, person, &in) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

/* The start page: plans due by today and who turned 18 without one. */
int
api_transitions_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct due_list l;
	struct jw w;
	size_t i;

	(void)req;
	memset(&l, 0, sizeof(l));
	if (ctx->who.role == ROLE_COORDINATOR && adulthood_due(ctx,
	    ctx->who.org_id, deadline_due(&(struct deadline_rule){
	    "today", 0, true, 0 }, time_now()), &l) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "due");
	jw_arr_open(&w);
	for (i = 0; i < l.n; i++) {
		jw_obj_open(&w);
		jw_kstr(&w, "kind", l.v[i].kind);
		jw_kint(&w, "case_id", l.v[i].case_id);
		jw_kint(&w, "person", l.v[i].ref_id);
		jw_kstr(&w, "due", time_iso(ctx->arena, l.v[i].due));
		jw_kstr(&w, "stage", l.v[i].detail);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

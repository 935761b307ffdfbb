/* Cases: the coordinator's list, opening, the case page and every change
 * on it.  Who may see or change a case is the domain's (case_access). */
#include <string.h>

#include "api/api.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/json.h"
#include "domain/case.h"
#include "http/server.h"

static void
kdate(struct ctx *ctx, struct jw *w, const char *key, int64_t t)
{
	jw_kstr(w, key, t > 0 ? time_iso(ctx->arena, t) : NULL);
}

int
api_cases_list(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct case_line *l;
	struct jw w;
	size_t i, n;

	(void)req;
	if (case_list(ctx, &l, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "cases");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", l[i].id);
		jw_kstr(&w, "type", l[i].type);
		api_csv(&w, "forms", l[i].forms);
		jw_kstr(&w, "status", l[i].status);
		jw_kstr(&w, "municipality_name", l[i].municipality_name);
		jw_kstr(&w, "coordinator", l[i].coordinator);
		jw_kbool(&w, "mine", l[i].mine);
		kdate(ctx, &w, "accept_due", strcmp(l[i].status, "new") == 0 ?
		    l[i].accept_due : 0);
		jw_kstr(&w, "review_on", l[i].review_on >= 0 ?
		    date_format(ctx->arena, l[i].review_on) : NULL);
		jw_kint(&w, "persons", l[i].persons);
		kdate(ctx, &w, "created_at", l[i].created_at);
		kdate(ctx, &w, "updated_at", l[i].updated_at);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

static const struct json_field open_fields[] = {
	JSON_STR(struct case_in, type, "type", JSON_REQUIRED, 1, 32),
	JSON_STRLIST(struct case_in, forms, "forms", JSON_OPTIONAL, 0, 8, 32),
	JSON_STR(struct case_in, municipality, "municipality", JSON_REQUIRED,
	    6, 6),
	JSON_STR(struct case_in, source, "source", JSON_REQUIRED, 1, 32),
	JSON_STR(struct case_in, summary, "summary",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, NOTE_MAX),
	JSON_STRLIST(struct case_in, help_needs, "help_needs", JSON_OPTIONAL,
	    0, 30, 32),
	JSON_OBJLIST(struct case_in, persons, "persons", JSON_OPTIONAL, 0,
	    CASE_PERSONS_MAX, struct signal_person, api_person_fields),
};

int
api_cases_open(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct case_in in;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, open_fields,
	    JSON_NFIELDS(open_fields), &in, NULL) == -1)
		return -1;
	if (case_open(ctx, &in, &id) == -1)
		return -1;
	api_answer_id(resp, id, true);
	return 0;
}

/* The sections of the case page, each written by its own function. */
typedef void section_fn(struct ctx *, struct jw *, const struct care_case *);

static void
write_head(struct ctx *ctx, struct jw *w, const struct care_case *c)
{
	static const char *const rels[] = { "none", "assessor", "former",
	    "emergency", "receiving", "team" };

	jw_kint(w, "id", c->h.id);
	jw_kstr(w, "access", rels[c->rel]);
	jw_kstr(w, "type", c->h.type);
	api_csv(w, "forms", c->h.forms);
	api_csv(w, "indicators", c->indicators);
	jw_kstr(w, "status", c->h.status);
	jw_kstr(w, "close_reason", c->close_reason);
	jw_kstr(w, "org_name", c->org_name);
	jw_kstr(w, "region_name", c->region_name);
	jw_kstr(w, "municipality", c->h.municipality);
	jw_kstr(w, "municipality_name", c->municipality_name);
	jw_kstr(w, "coordinator", c->coordinator);
	jw_kstr(w, "coordinator_phone", c->coordinator_phone);
	jw_kstr(w, "opened_by", c->opened_by);
	jw_kstr(w, "source", c->source);
	jw_key(w, "signal_id");
	if (c->h.signal_id > 0)
		jw_int(w, c->h.signal_id);
	else
		jw_null(w);
	jw_kstr(w, "summary", c->summary);
	kdate(ctx, w, "accept_due", strcmp(c->h.status, "new") == 0 ?
	    c->accept_due : 0);
	kdate(ctx, w, "accepted_at", c->accepted_at);
	kdate(ctx, w, "created_at", c->created_at);
	kdate(ctx, w, "updated_at", c->updated_at);
	kdate(ctx, w, "closed_at", c->closed_at);
	kdate(ctx, w, "purged_at", c->h.purged_at);
}

static void
write_people(struct ctx *ctx, struct jw *w, const struct care_case *c)
{
	size_t i;

	(void)ctx;
	jw_key(w, "persons");
	jw_arr_open(w);
	for (i = 0; i < c->npersons; i++) {
		jw_obj_open(w);
		jw_kint(w, "id", c->persons[i].id);
		jw_key(w, "person");
		api_person(w, &c->persons[i].p);
		jw_obj_close(w);
	}
	jw_arr_close(w);
	/* Known in another case: whom to call, never what. */
	jw_key(w, "also_known");
	jw_arr_open(w);
	for (i = 0; i < c->nelsewhere; i++) {
		jw_obj_open(w);
		jw_kint(w, "person", c->elsewhere[i].person);
		jw_kstr(w, "username", c->elsewhere[i].username);
		jw_kstr(w, "org_name", c->elsewhere[i].org_name);
		jw_kstr(w, "phone", c->elsewhere[i].phone);
		jw_obj_close(w);
	}
	jw_arr_close(w);
	jw_key(w, "other_signals");
	jw_arr_open(w);
	for (i = 0; i < c->nsignals; i++) {
		jw_obj_open(w);
		jw_kint(w, "signal", c->signals[i].signal);
		kdate(ctx, w, "created_at", c->signals[i].created_at);
		jw_kstr(w, "municipality_name",
		    c->signals[i].municipality_name);
		jw_kstr(w, "username", c->signals[i].username);
		jw_kstr(w, "org_name", c->signals[i].org_name);
		jw_kstr(w, "phone", c->signals[i].phone);
		jw_obj_close(w);
	}
	jw_arr_close(w);
	jw_key(w, "members");
	jw_arr_open(w);
	for (i = 0; i < c->nmembers; i++) {
		jw_obj_open(w);
		jw_kint(w, "user_id", c->members[i].user_id);
		jw_kstr(w, "username", c->members[i].username);
		jw_kstr(w, "phone", c->members[i].phone);
		jw_obj_close(w);
	}
	jw_arr_close(w);
	/* Who the team may assign: the organisation's coordinators. */
	jw_key(w, "colleagues");
	jw_arr_open(w);
	for (i = 0; i < c->ncolleagues; i++) {
		jw_obj_open(w);
		jw_kint(w, "user_id", c->colleagues[i].user_id);
		jw_kstr(w, "username", c->colleagues[i].username);
		jw_obj_close(w);
	}
	jw_arr_close(w);
}

static void
write_care(struct ctx *ctx, struct jw *w, const struct care_case *c)
{
	const struct plan_task *t;
	size_t i;

	jw_key(w, "needs");
	jw_arr_open(w);
	for (i = 0; i < c->nneeds; i++) {
		jw_obj_open(w);
		jw_kint(w, "id", c->needs[i].id);
		jw_kstr(w, "need", c->needs[i].need);
		jw_kstr(w, "status", c->needs[i].status);
		kdate(ctx, w, "added_at", c->needs[i].added_at);
		kdate(ctx, w, "updated_at", c->needs[i].updated_at);
		jw_obj_close(w);
	}
	jw_arr_close(w);
	jw_key(w, "plan");
	if (c->plan == NULL) {
		jw_null(w);
		return;
	}
	jw_obj_open(w);
	jw_kstr(w, "goals", c->plan->goals);
	jw_key(w, "tasks");
	jw_arr_open(w);
	t = c->plan->tasks.v;
	for (i = 0; i < c->plan->tasks.n; i++) {
		jw_obj_open(w);
		jw_kstr(w, "who", t[i].who);
		jw_kstr(w, "what", t[i].what);
		jw_obj_close(w);
	}
	jw_arr_close(w);
	jw_kstr(w, "review_on", c->plan->review_on);
	kdate(ctx, w, "updated_at", c->plan->updated_at);
	jw_kstr(w, "updated_by", c->plan->updated_by);
	jw_obj_close(w);
}

static void
write_timeline(struct ctx *ctx, struct jw *w, const struct care_case *c)
{
	size_t i;

	jw_key(w, "timeline");
	jw_arr_open(w);
	for (i = 0; i < c->nevents; i++) {
		jw_obj_open(w);
		jw_kint(w, "id", c->events[i].id);
		kdate(ctx, w, "at", c->events[i].at);
		jw_kstr(w, "username", c->events[i].username);
		jw_kstr(w, "org_name", c->events[i].org_name);
		jw_kstr(w, "kind", c->events[i].kind);
		jw_kstr(w, "detail", c->events[i].detail);
		jw_kstr(w, "text", c->events[i].text);
		jw_obj_close(w);
	}
	jw_arr_close(w);
}

static section_fn *const sections[] = {
	write_head,
	write_people,
	write_care,
	api_case_tracks,
	write_timeline,
	api_case_identification,
	api_case_transfer_section,
	api_case_adulthood,
};

/* What a former organisation is shown: the head and the events of its
 * own people (case_get() loaded no more); every other section, present
 * or to come, is left out for it. */
static bool
former_sees(section_fn *fn)
{
	return fn == write_head || fn == write_timeline;
}

int
api_cases_get(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct care_case *c;
	struct jw w;
	size_t i;
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	c = case_get(ctx, id);
	if (c == NULL)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		if (c->rel != CASE_REL_FORMER || former_sees(sections[i]))
			sections[i](ctx, &w, c);
	jw_obj_close(&w);
	return ctx->status == ST_OK ? 0 : -1;
}

int
api_cases_accept(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    case_accept(ctx, id) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

struct status_in {
	const char	*status;
	const char	*reason;
	const char	*why;
};

static const struct json_field status_fields[] = {
	JSON_STR(struct status_in, status, "status", JSON_REQUIRED, 1, 16),
	JSON_STR(struct status_in, reason, "reason",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, 32),
	JSON_STR(struct status_in, why, "why", JSON_OPTIONAL | JSON_NULLABLE,
	    0, NOTE_MAX),
};

int
api_cases_status(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct status_in in;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (api_id_body(ctx, req, status_fields, JSON_NFIELDS(status_fields),
	    &in, &id) == -1 ||
	    case_set_status(ctx, id, in.status, in.reason, in.why) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

struct type_in {
	const char	*type;
	struct json_strlist forms;
	const char	*why;
};

static const struct json_field type_fields[] = {
	JSON_STR(struct type_in, type, "type", JSON_REQUIRED, 1, 32),
	JSON_STRLIST(struct type_in, forms, "forms", JSON_OPTIONAL, 0, 8, 32),
	JSON_STR(struct type_in, why, "why", JSON_OPTIONAL | JSON_NULLABLE, 0,
	    NOTE_MAX),
};

int
api_cases_type(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct type_in in;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (api_id_body(ctx, req, type_fields, JSON_NFIELDS(type_fields),
	    &in, &id) == -1 ||
	    case_set_type(ctx, id, in.type, &in.forms, in.why) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

struct member_in {
	int64_t		 user_id;
};

static const struct json_field member_fields[] = {
	JSON_I64(struct member_in, user_id, "user_id", JSON_REQUIRED, 1,
	    INT64_MAX),
};

int
api_cases_member_add(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct member_in in;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (api_id_body(ctx, req, member_fields, JSON_NFIELDS(member_fields),
	    &in, &id) == -1 ||
	    case_member_add(ctx, id, in.user_id) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

int
api_cases_member_remove(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id, uid;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    api_param_id(ctx, req, "uid", &uid) == -1 ||
	    case_member_remove(ctx, id, uid) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

int
api_cases_person_add(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct signal_person p;
	int64_t id, person;
	struct jw w;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	memset(&p, 0, sizeof(p));
	if (json_decode(ctx, req->body, req->body_len, api_person_fields,
	    API_PERSON_NFIELDS, &p, NULL) == -1 ||
	    case_person_add(ctx, id, &p, &person) == -1)
		return -1;
	resp->status = 201;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kint(&w, "person", person);
	jw_obj_close(&w);
	return 0;
}

struct need_in {
	const char	*need;
	const char	*status;
};

static const struct json_field need_add_fields[] = {
	JSON_STR(struct need_in, need, "need", JSON_REQUIRED, 1, 32),
};

static const struct json_field need_set_fields[] = {
	JSON_STR(struct need_in, status, "status", JSON_REQUIRED, 1, 16),
};

int
api_cases_need_add(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct need_in in;
	int64_t id, need;
	struct jw w;

	memset(&in, 0, sizeof(in));
	if (api_id_body(ctx, req, need_add_fields,
	    JSON_NFIELDS(need_add_fields), &in, &id) == -1 ||
	    plan_need_add(ctx, id, in.need, &need) == -1)
		return -1;
	resp->status = 201;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", need);
	jw_obj_close(&w);
	return 0;
}

int
api_cases_need_set(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct need_in in;
	int64_t id, need;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    api_param_id(ctx, req, "nid", &need) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, need_set_fields,
	    JSON_NFIELDS(need_set_fields), &in, NULL) == -1 ||
	    plan_need_set(ctx, id, need, in.status) == -1)
		return -1;
	api_answer_id(resp, need, false);
	return 0;
}

static const struct json_field plan_fields[] = {
	JSON_STR(struct case_plan, goals, "goals",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, NOTE_MAX),
	JSON_OBJLIST(struct case_plan, tasks, "tasks", JSON_OPTIONAL, 0,
	    PLAN_TASKS_MAX, struct plan_task, plan_task_fields),
	JSON_STR(struct case_plan, review_on, "review_on",
	    JSON_OPTIONAL | JSON_NULLABLE, 10, 10),
};

int
api_cases_plan(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct case_plan in;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (api_id_body(ctx, req, plan_fields, JSON_NFIELDS(plan_fields),
	    &in, &id) == -1 ||
	    plan_set(ctx, id, &in) == -1)
		return -1;
	api_answer_id(resp, id, false);
	return 0;
}

struct note_in {
	const char	*text;
};

static const struct json_field note_fields[] = {
	JSON_STR(struct note_in, text, "text", JSON_REQUIRED, 1, NOTE_MAX),
};

int
api_cases_note(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct note_in in;
	int64_t id, event;
	struct jw w;

	memset(&in, 0, sizeof(in));
	if (api_id_body(ctx, req, note_fields, JSON_NFIELDS(note_fields),
	    &in, &id) == -1 ||
	    timeline_note(ctx, id, in.text, &event) == -1)
		return -1;
	resp->status = 201;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", event);
	jw_obj_close(&w);
	return 0;
}

/* Signals: filing, one's own, the triage queue, claim and decision; and
 * the catalogues the form is built from. */
#include <string.h>

#include "api/api.h"
#include "auth/throttle.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/parse.h"
#include "crypt/crypt.h"
#include "domain/catalog.h"
#include "domain/deadline.h"
#include "domain/overview.h"
#include "domain/receipt.h"
#include "domain/signal.h"
#include "domain/volume.h"
#include "http/server.h"

static void
labels(struct jw *w, const char *key, const struct catalog_label *l)
{
	jw_key(w, key);
	jw_arr_open(w);
	for (; l->key != NULL; l++) {
		jw_obj_open(w);
		jw_kstr(w, "key", l->key);
		jw_kstr(w, "nl", l->nl);
		jw_kstr(w, "en", l->en);
		jw_obj_close(w);
	}
	jw_arr_close(w);
}

int
api_catalog(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	const struct indicator *ind;
	const struct help_need *needs;
	struct jw w;
	size_t i, n;

	(void)req;
	if (catalog_load(ctx) == -1)
		return -1;
	ind = catalog_indicators(&n);
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "indicators");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kstr(&w, "id", ind[i].id);
		jw_kstr(&w, "group", ind[i].form);
		jw_kstr(&w, "category_nl", ind[i].category_nl);
		jw_kstr(&w, "category_en", ind[i].category_en);
		jw_kstr(&w, "text_nl", ind[i].text_nl);
		jw_kstr(&w, "text_en", ind[i].text_en);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	needs = catalog_help_needs(&n);
	jw_key(&w, "help_needs");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kstr(&w, "id", needs[i].id);
		jw_kstr(&w, "domain", needs[i].domain);
		jw_kstr(&w, "domain_nl", needs[i].domain_nl);
		jw_kstr(&w, "text_nl", needs[i].text_nl);
		jw_kstr(&w, "text_en", needs[i].text_en);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	labels(&w, "groups", catalog_groups);
	labels(&w, "forms", catalog_forms);
	labels(&w, "markers", catalog_markers);
	jw_obj_close(&w);
	return 0;
}

/* The fields of a signal, for a struct whose member path is p. */
#define SIGNAL_FIELDS(st, p) \
	JSON_STR(st, p municipality, "municipality", JSON_REQUIRED, 6, 6), \
	JSON_STR(st, p noticed_on, "noticed_on", \
	    JSON_OPTIONAL | JSON_NULLABLE, 10, 10), \
	JSON_STR(st, p urgency, "urgency", JSON_OPTIONAL | JSON_NULLABLE, \
	    1, 16), \
	JSON_STRLIST(st, p forms, "forms", JSON_OPTIONAL, 0, 8, 32), \
	JSON_STRLIST(st, p indicators, "indicators", JSON_OPTIONAL, 0, 100, \
	    32), \
	JSON_STRLIST(st, p help_needs, "help_needs", JSON_OPTIONAL, 0, 30, \
	    32), \
	JSON_STR(st, p description, "description", \
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 10000), \
	JSON_STR(st, p actions_taken, "actions_taken", \
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 5000), \
	JSON_OBJLIST(st, p persons, "persons", JSON_OPTIONAL, 0, 10, \
	    struct signal_person, api_person_fields)

static const struct json_field signal_fields[] = {
	SIGNAL_FIELDS(struct signal_in, ),
};

/* The public form: a signal and who reports it. */
struct public_in {
	struct signal_in signal;
	struct signal_contact contact;
	struct signal_proof proof;
};

static const struct json_field public_fields[] = {
	SIGNAL_FIELDS(struct public_in, signal.),
	JSON_STR(struct public_in, contact.name, "reporter_name",
	    JSON_REQUIRED | JSON_ONELINE, 2, 200),
	JSON_STR(struct public_in, contact.org, "reporter_org",
	    JSON_REQUIRED | JSON_ONELINE, 2, 200),
	JSON_STR(struct public_in, contact.phone, "reporter_phone",
	    JSON_REQUIRED | JSON_ONELINE, 6, 40),
	JSON_STR(struct public_in, proof.challenge, "challenge",
	    JSON_REQUIRED, 1, CRYPT_CHALLENGE_MAX),
	JSON_STR(struct public_in, proof.solution, "solution",
	    JSON_REQUIRED, 1, CRYPT_SOLUTION_MAX),
};

static void
filed(struct ctx *ctx, struct http_response *resp, const struct signal_in *in,
    int64_t id, int64_t due)
{
	struct jw w;

	resp->status = 201;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kstr(&w, "status", "received");
	jw_kstr(&w, "triage_due", time_iso(ctx->arena, due));
	jw_kbool(&w, "emergency", in->urgency != NULL &&
	    strcmp(in->urgency, "acute") == 0);
	jw_obj_close(&w);
}

int
api_signals_create(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct signal_in in;
	int64_t id, due;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, signal_fields,
	    JSON_NFIELDS(signal_fields), &in, NULL) == -1)
		return -1;
	if (signal_file(ctx, &in, &id, &due) == -1)
		return -1;
	filed(ctx, resp, &in, id, due);
	return 0;
}

/* The reporter's own answered advice becomes a signal with the person. */
int
api_advice_signal(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct signal_in in;
	int64_t advice, id, due;

	if (api_param_id(ctx, req, "id", &advice) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, signal_fields,
	    JSON_NFIELDS(signal_fields), &in, NULL) == -1)
		return -1;
	if (signal_file_from_advice(ctx, advice, &in, &id, &due) == -1)
		return -1;
	filed(ctx, resp, &in, id, due);
	return 0;
}

/* How far the deadline due is from now, in calendar and in working days
 * of Amsterdam (negative: late), so a page can say "vandaag" or "3
 * werkdagen te laat" without a holiday calendar of its own. */
static void
due_in(struct jw *w, int64_t due, int64_t now)
{
	int32_t today = deadline_local_day(now), day = deadline_local_day(due);

	jw_kint(w, "due_in_days", day - today);
	jw_kint(w, "due_in_workdays", deadline_workdays_between(today, day));
}

static void
write_lines(struct ctx *ctx, struct jw *w, const struct signal_page *pg,
    const struct signal_search *in, bool queue)
{
	const struct signal_line *l = pg->v;
	int64_t now = time_now();
	bool open;
	size_t i;

	jw_key(w, "signals");
	jw_arr_open(w);
	for (i = 0; i < pg->n; i++) {
		jw_obj_open(w);
		jw_kint(w, "id", l[i].id);
		jw_kstr(w, "created_at", time_iso(ctx->arena,
		    l[i].created_at));
		if (!queue)
			jw_kstr(w, "municipality", l[i].municipality);
		jw_kstr(w, "municipality_name", l[i].municipality_name);
		jw_kstr(w, "urgency", l[i].urgency);
		jw_kstr(w, "status", l[i].status);
		if (queue) {
			open = strcmp(l[i].status, "received") == 0 ||
			    strcmp(l[i].status, "in_triage") == 0;
			jw_kstr(w, "triage_due", time_iso(ctx->arena,
			    l[i].triage_due));
			jw_kbool(w, "overdue", open && now > l[i].triage_due);
			due_in(w, l[i].triage_due, now);
			jw_kstr(w, "claimed_by", l[i].claimed_by);
			jw_kint(w, "persons", l[i].persons);
			api_csv(w, "forms", l[i].forms);
			jw_kstr(w, "reporter_org", l[i].reporter_org);
			jw_kstr(w, "outcome", l[i].decision);
			jw_kbool(w, "new", l[i].is_new);
			jw_kbool(w, "answer_received", l[i].answered);
			jw_kint(w, "open_questions", l[i].open_questions);
		} else {
			/* The outcome in one word; never the case. */
			jw_kstr(w, "outcome", l[i].decision);
			jw_kint(w, "also_concerned", l[i].matches);
			jw_kint(w, "open_questions", l[i].open_questions);
		}
		jw_obj_close(w);
	}
	jw_arr_close(w);
	jw_kint(w, "total", pg->total);
	jw_kint(w, "page", in->page);
	jw_kint(w, "per_page", in->per_page);
	jw_kint(w, "pages", pg->total == 0 ? 1 :
	    (pg->total + in->per_page - 1) / in->per_page);
}

/* ?q=&page=&per_page= of a list; each bad one is named. */
static int
search_in(struct ctx *ctx, struct http_request *req,
    struct signal_search *in)
{
	const char *page = http_query_arg(req, "page");
	const char *per = http_query_arg(req, "per_page");
	int bad = 0;

	memset(in, 0, sizeof(*in));
	in->q = http_query_arg(req, "q");
	in->page = 1;
	in->per_page = PAGE_DEFAULT;
	if (page != NULL && parse_int64(page, 1, 1000000, &in->page) == -1)
		bad |= fail_field(ctx, "page", "must be from 1 to 1000000");
	if (per != NULL && parse_int64(per, 1, PAGE_MAX,
	    &in->per_page) == -1)
		bad |= fail_field(ctx, "per_page", "must be from 1 to %d",
		    PAGE_MAX);
	return bad != 0 ? -1 : 0;
}

int
api_public_signals_create(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct public_in in;
	struct jw w;
	char *receipt, *secret;
	int64_t wait, due;

	/* Counted before anything else: a flood costs it nothing. */
	wait = throttle_public(ctx->client_addr, time_now());
	if (wait > 0) {
		ctx->retry_after = (int)wait;
		return fail(ctx, ST_LIMITED, "too many signals from this "
		    "address; call Veilig Thuis (0800-2000) instead");
	}
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, public_fields,
	    JSON_NFIELDS(public_fields), &in, NULL) == -1)
		return -1;
	if (signal_file_public(ctx, &in.signal, &in.contact, &in.proof,
	    &receipt, &secret, &due) == -1)
		return -1;
	resp->status = 201;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kstr(&w, "receipt", receipt);
	jw_kstr(&w, "secret", secret);
	jw_kstr(&w, "status", "received");
	jw_kstr(&w, "triage_due", time_iso(ctx->arena, due));
	jw_kbool(&w, "emergency", in.signal.urgency != NULL &&
	    strcmp(in.signal.urgency, "acute") == 0);
	jw_obj_close(&w);
	return 0;
}

/* A proof-of-work challenge for the public form (crypt.h). */
int
api_public_challenge(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	char *challenge;
	int64_t expires;
	struct jw w;
	int bits;

	(void)req;
	if (signal_public_challenge(ctx, &challenge, &expires, &bits) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kstr(&w, "challenge", challenge);
	jw_kstr(&w, "algorithm", "sha256");
	jw_kint(&w, "difficulty", bits);
	jw_kstr(&w, "expires_at", time_iso(ctx->arena, expires));
	jw_obj_close(&w);
	return 0;
}

int
api_public_signals_status(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	const char *receipt = http_param(req, "receipt");
	const char *status, *outcome;
	int64_t created;
	struct jw w;

	if (signal_public_status(ctx, receipt, http_header(req,
	    "X-Receipt-Secret"), &status, &outcome, &created) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kstr(&w, "receipt", receipt_normal(ctx->arena, receipt));
	jw_kstr(&w, "status", status);
	jw_kstr(&w, "outcome", outcome);
	jw_kstr(&w, "created_at", time_iso(ctx->arena, created));
	jw_obj_close(&w);
	return 0;
}

int
api_signals_mine(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct signal_search in;
	struct signal_page pg;
	int64_t *waiting;
	struct jw w;
	size_t i, n;

	if (search_in(ctx, req, &in) == -1)
		return -1;
	if (signal_mine(ctx, &in, &pg) == -1 ||
	    signal_mine_waiting(ctx, &waiting, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	write_lines(ctx, &w, &pg, &in, false);
	/* Which of all the user's signals wait for an answer: the notice
	 * names them, whatever page is shown. */
	jw_key(&w, "waiting");
	jw_arr_open(&w);
	for (i = 0; i < n; i++)
		jw_int(&w, waiting[i]);
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

int
api_signals_queue(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	const char *view = http_query_arg(req, "view");
	struct signal_search in;
	struct signal_page pg;
	struct jw w;

	if (view == NULL)
		view = "all";
	if (search_in(ctx, req, &in) == -1)
		return -1;
	if (signal_queue(ctx, view, &in, &pg) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kstr(&w, "view", view);
	jw_kstr(&w, "q", in.q != NULL ? in.q : "");
	write_lines(ctx, &w, &pg, &in, true);
	jw_obj_close(&w);
	return 0;
}

int
api_signals_get(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct signal *s;
	struct jw w;
	int64_t id;
	size_t i;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	s = signal_get(ctx, id);
	if (s == NULL)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", s->id);
	jw_kstr(&w, "created_at", time_iso(ctx->arena, s->created_at));
	jw_kstr(&w, "municipality", s->municipality);
	jw_kstr(&w, "municipality_name", s->municipality_name);
	jw_kstr(&w, "noticed_on", s->noticed_on);
	jw_kstr(&w, "urgency", s->urgency);
	jw_kstr(&w, "status", s->status);
	jw_kstr(&w, "outcome", s->decision);
	jw_kstr(&w, "decision", s->decision);
	jw_kstr(&w, "decision_reason", s->decision_reason);
	jw_kstr(&w, "legal_basis", s->legal_basis);
	jw_kstr(&w, "triage_due", time_iso(ctx->arena, s->triage_due));
	jw_kbool(&w, "overdue", (s->status[0] == 'r' || s->status[0] == 'i')
	    && time_now() > s->triage_due);
	due_in(&w, s->triage_due, time_now());
	api_csv(&w, "forms", s->forms);
	api_csv(&w, "indicators", s->indicators);
	api_csv(&w, "help_needs", s->help_needs);
	jw_kstr(&w, "description", s->description);
	jw_kstr(&w, "actions_taken", s->actions_taken);
	jw_key(&w, "reporter");
	jw_obj_open(&w);
	jw_kstr(&w, "username", s->reporter);
	jw_kstr(&w, "org_name", s->reporter_org);
	/* The reporter's work phone, for the point only. */
	if (s->reporter_phone != NULL)
		jw_kstr(&w, "phone", s->reporter_phone);
	jw_obj_close(&w);
	jw_kstr(&w, "claimed_by", s->claimed_by);
	jw_kbool(&w, "unverified", s->unverified);
	jw_key(&w, "contact");
	if (s->contact.name != NULL) {
		jw_obj_open(&w);
		jw_kstr(&w, "name", s->contact.name);
		jw_kstr(&w, "org", s->contact.org);
		jw_kstr(&w, "phone", s->contact.phone);
		jw_obj_close(&w);
	} else {
		jw_null(&w);
	}
	jw_key(&w, "persons");
	jw_arr_open(&w);
	for (i = 0; i < s->npersons; i++)
		api_person(&w, &s->persons[i]);
	jw_arr_close(&w);
	jw_key(&w, "questions");
	jw_arr_open(&w);
	for (i = 0; i < s->nquestions; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", s->questions[i].id);
		jw_kstr(&w, "asked_by", s->questions[i].asked_by);
		jw_kstr(&w, "question", s->questions[i].question);
		jw_kstr(&w, "answer", s->questions[i].answer);
		jw_kstr(&w, "asked_at", time_iso(ctx->arena,
		    s->questions[i].asked_at));
		jw_kstr(&w, "answered_at", s->questions[i].answered_at > 0 ?
		    time_iso(ctx->arena, s->questions[i].answered_at) : NULL);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_key(&w, "from_advice");
	if (s->origin != NULL) {
		jw_obj_open(&w);
		jw_kint(&w, "id", s->origin->id);
		jw_kstr(&w, "question", s->origin->question);
		jw_kstr(&w, "answer", s->origin->answer);
		jw_kstr(&w, "answered_by", s->origin->answered_by);
		jw_kstr(&w, "asked_at", time_iso(ctx->arena,
		    s->origin->asked_at));
		jw_kstr(&w, "answered_at", s->origin->answered_at > 0 ?
		    time_iso(ctx->arena, s->origin->answered_at) : NULL);
		jw_obj_close(&w);
	} else {
		jw_null(&w);
	}
	jw_key(&w, "also_concerned");
	jw_arr_open(&w);
	for (i = 0; i < s->nconcerns; i++) {
		jw_obj_open(&w);
		jw_kstr(&w, "username", s->concerns[i].username);
		jw_kstr(&w, "org_name", s->concerns[i].org_name);
		jw_kstr(&w, "phone", s->concerns[i].phone);
		jw_kstr(&w, "real_name", s->concerns[i].real_name);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	/* The same for every unclaimed signal, match or no match. */
	jw_kbool(&w, "also_concerned_after_claim", s->concerns_after_claim);
	/* The point learns that a case exists and who coordinates it. */
	jw_key(&w, "case");
	if (s->case_id > 0) {
		jw_obj_open(&w);
		jw_kint(&w, "id", s->case_id);
		jw_kstr(&w, "org_name", s->case_org);
		jw_obj_close(&w);
	} else {
		jw_null(&w);
	}
	jw_obj_close(&w);
	return 0;
}

static void
step_done(struct http_response *resp, int64_t id, const char *status)
{
	struct jw w;

	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kstr(&w, "status", status);
	jw_obj_close(&w);
}

int
api_signals_claim(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	if (signal_claim(ctx, id) == -1)
		return -1;
	step_done(resp, id, "in_triage");
	return 0;
}

struct decision_in {
	const char	*decision;
	const char	*reason;
	const char	*legal_basis;
};

static const struct json_field decision_fields[] = {
	JSON_STR(struct decision_in, decision, "decision", JSON_REQUIRED, 1,
	    32),
	JSON_STR(struct decision_in, reason, "reason",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 5000),
	JSON_STR(struct decision_in, legal_basis, "legal_basis",
	    JSON_OPTIONAL | JSON_NULLABLE, 0, 1000),
};

int
api_signals_decide(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct decision_in in;
	const char *status;
	int64_t id, case_id = 0;
	struct jw w;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, decision_fields,
	    JSON_NFIELDS(decision_fields), &in, NULL) == -1)
		return -1;
	if (signal_decide(ctx, id, in.decision, in.reason, in.legal_basis,
	    &status, &case_id) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kstr(&w, "status", status);
	jw_key(&w, "case_id");
	if (case_id > 0)
		jw_int(&w, case_id);
	else
		jw_null(&w);
	jw_obj_close(&w);
	return 0;
}

struct text_in {
	const char	*text;
};

static const struct json_field question_fields[] = {
	JSON_STR(struct text_in, text, "question", JSON_REQUIRED, 1, 5000),
};

static const struct json_field answer_fields[] = {
	JSON_STR(struct text_in, text, "answer", JSON_REQUIRED, 1, 10000),
};

int
api_signals_ask(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct text_in in;
	int64_t id, qid;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, question_fields,
	    JSON_NFIELDS(question_fields), &in, NULL) == -1)
		return -1;
	if (signal_ask(ctx, id, in.text, &qid) == -1)
		return -1;
	step_done(resp, qid, "open");
	resp->status = 201;
	return 0;
}

int
api_signals_answer(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct text_in in;
	int64_t id, qid;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    api_param_id(ctx, req, "qid", &qid) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, answer_fields,
	    JSON_NFIELDS(answer_fields), &in, NULL) == -1)
		return -1;
	if (signal_answer(ctx, id, qid, in.text) == -1)
		return -1;
	step_done(resp, qid, "answered");
	return 0;
}

/* The point's numbers for its advisors. */
int
api_signals_overview(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct volume_line *v;
	struct overview o;
	struct jw w;
	size_t i, n;

	(void)req;
	if (overview_point(ctx, &o) == -1 || volume_unusual(ctx, &v, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kstr(&w, "at", time_iso(ctx->arena, o.at));
	jw_kint(&w, "received", o.received);
	jw_kint(&w, "in_triage", o.in_triage);
	jw_kint(&w, "overdue", o.overdue);
	jw_kint(&w, "due_today", o.due_today);
	jw_kint(&w, "acute", o.acute);
	jw_kint(&w, "waiting_for_reporter", o.waiting_reporter);
	jw_kint(&w, "advice_open", o.advice_open);
	/* Signals, each equal to the total of its view of the queue. */
	jw_key(&w, "views");
	jw_obj_open(&w);
	jw_kint(&w, "all", o.open);
	jw_kint(&w, "unclaimed", o.received);
	jw_kint(&w, "in_triage", o.in_triage);
	jw_kint(&w, "overdue", o.overdue);
	jw_kint(&w, "due_today", o.due_today);
	jw_kint(&w, "acute", o.acute);
	jw_kint(&w, "mine", o.mine);
	jw_kint(&w, "waiting_answer", o.waiting_answer);
	jw_kint(&w, "decided", o.decided);
	jw_obj_close(&w);
	/* Accounts that filed unusually many signals in 24 hours, or were
	 * refused at the daily limit: who, and how many. */
	jw_key(&w, "unusual_volume");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kstr(&w, "username", v[i].username);
		jw_kstr(&w, "org_name", v[i].org_name);
		jw_kint(&w, "signals", v[i].signals);
		jw_kint(&w, "persons", v[i].persons);
		jw_kint(&w, "refused", v[i].refused);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	/* Where the public form's budget was full in the last day. */
	jw_key(&w, "public_refused");
	jw_arr_open(&w);
	for (i = 0; i < o.nrefusals; i++) {
		jw_obj_open(&w);
		jw_kstr(&w, "municipality", o.refusals[i].municipality);
		jw_kstr(&w, "municipality_name", o.refusals[i].name);
		jw_kint(&w, "count", o.refusals[i].count);
		jw_kint(&w, "overall_budget", o.refusals[i].overall);
		jw_kstr(&w, "first_at", time_iso(ctx->arena,
		    o.refusals[i].first_at));
		jw_kstr(&w, "last_at", time_iso(ctx->arena,
		    o.refusals[i].last_at));
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

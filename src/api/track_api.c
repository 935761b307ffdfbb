/* The criminal-case and residence tracks of a case: their sections of the
 * case page, the steps, and the residence deadlines for the start page.
 * What may follow what, and the dates, are the domain's (track.h). */
#include <string.h>

#include "api/api.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/json.h"
#include "domain/case.h"
#include "domain/deadline.h"
#include "domain/legal.h"
#include "domain/track.h"
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
deadline_json(struct ctx *ctx, struct jw *w, const struct track_deadline *d)
{
	int32_t today = deadline_local_day(time_now());

	jw_kstr(w, "what", d->what);
	kday(ctx, w, "due", d->due);
	kday(ctx, w, "warn_from", d->warn_from);
	jw_kint(w, "days_left", d->due - today);
	jw_kbool(w, "overdue", d->due < today);
	jw_kstr(w, "source", legal_rule(d->rule)->source);
	jw_kstr(w, "warning_source", legal_rule(d->warning)->source);
}

/* A track: its state, what may follow, and every step. */
static void
write_track(struct ctx *ctx, struct jw *w, enum track_kind k,
    const struct track_history *h, bool open)
{
	const struct track_step *last = h->n > 0 ? &h->steps[h->n - 1] : NULL;
	static const char *const nothing[] = { NULL };
	size_t i;

	jw_kstr(w, "state", last != NULL ? last->state : NULL);
	kday(ctx, w, "on", last != NULL ? last->on : -1);
	codes(w, "states", track_states(k));
	codes(w, "next", open ? track_next(k, last != NULL ? last->state :
	    NULL) : nothing);
	jw_key(w, "history");
	jw_arr_open(w);
	for (i = 0; i < h->n; i++) {
		jw_obj_open(w);
		jw_kint(w, "id", h->steps[i].id);
		jw_kstr(w, "state", h->steps[i].state);
		kday(ctx, w, "on", h->steps[i].on);
		if (k == TRACK_RESIDENCE) {
			jw_kstr(w, "reason", h->steps[i].reason);
			jw_kstr(w, "ground", h->steps[i].ground);
			kday(ctx, w, "ends_on", h->steps[i].ends_on);
		}
		jw_kstr(w, "username", h->steps[i].username);
		jw_kstr(w, "org_name", h->steps[i].org_name);
		jw_kstr(w, "recorded_at", time_iso(ctx->arena,
		    h->steps[i].at));
		jw_kstr(w, "note", h->steps[i].note);
		jw_obj_close(w);
	}
	jw_arr_close(w);
}

/* Both sections at once: one read of the tracks, which fails the page
 * (through ctx) when a note does not open. */
void
api_case_tracks(struct ctx *ctx, struct jw *w, const struct care_case *c)
{
	struct track_history crim, res;
	struct track_deadline d;
	bool applies;

	/* Who only sees part of a case (an assessment, a former team)
	 * does not see its tracks. */
	if (c->rel < CASE_REL_GLASS)
		return;
	if (track_of_case(ctx, c->h.id, &crim, &res) == -1)
		return;
	jw_key(w, "criminal");
	jw_obj_open(w);
	write_track(ctx, w, TRACK_CRIMINAL, &crim, c->rel == CASE_REL_TEAM);
	jw_obj_close(w);

	applies = strcmp(c->h.type, "trafficking") == 0;
	jw_key(w, "residence");
	jw_obj_open(w);
	jw_kbool(w, "applies", applies);
	write_track(ctx, w, TRACK_RESIDENCE, &res, applies &&
	    c->rel == CASE_REL_TEAM);
	kday(ctx, w, "ends_on", res.n > 0 ? res.steps[res.n - 1].ends_on :
	    -1);
	codes(w, "reasons", track_reasons());
	codes(w, "grounds", track_grounds());
	jw_key(w, "deadlines");
	jw_arr_open(w);
	if (track_deadline_of(res.n > 0 ? &res.steps[res.n - 1] : NULL,
	    &d)) {
		jw_obj_open(w);
		deadline_json(ctx, w, &d);
		jw_obj_close(w);
	}
	jw_arr_close(w);
	jw_key(w, "rules");
	jw_arr_open(w);
	rule(w, LEGAL_REFLECTION);
	rule(w, LEGAL_PERMIT);
	rule(w, LEGAL_WARN_REFLECTION);
	rule(w, LEGAL_WARN_PERMIT);
	jw_arr_close(w);
	jw_obj_close(w);
}

static const struct json_field criminal_fields[] = {
	JSON_STR(struct track_in, state, "state", JSON_REQUIRED, 1, 32),
	JSON_STR(struct track_in, on, "on", JSON_REQUIRED, 1, 10),
	JSON_STR(struct track_in, note, "note", JSON_OPTIONAL | JSON_NULLABLE,
	    0, NOTE_MAX),
};

static const struct json_field residence_fields[] = {
	JSON_STR(struct track_in, state, "state", JSON_REQUIRED, 1, 32),
	JSON_STR(struct track_in, on, "on", JSON_REQUIRED, 1, 10),
	JSON_STR(struct track_in, reason, "reason",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, 32),
	JSON_STR(struct track_in, ground, "ground",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, 32),
	JSON_STR(struct track_in, note, "note", JSON_OPTIONAL | JSON_NULLABLE,
	    0, NOTE_MAX),
};

static int
step(struct ctx *ctx, struct http_request *req, struct http_response *resp,
    enum track_kind k)
{
	struct track_in in;
	struct jw w;
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, k == TRACK_CRIMINAL ?
	    criminal_fields : residence_fields, k == TRACK_CRIMINAL ?
	    JSON_NFIELDS(criminal_fields) : JSON_NFIELDS(residence_fields),
	    &in, NULL) == -1 ||
	    track_set(ctx, id, k, &in) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_obj_close(&w);
	return 0;
}

int
api_cases_criminal(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	return step(ctx, req, resp, TRACK_CRIMINAL);
}

int
api_cases_residence(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	return step(ctx, req, resp, TRACK_RESIDENCE);
}

int
api_cases_due(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct track_due *d;
	struct jw w;
	size_t i, n;

	(void)req;
	if (track_due_list(ctx, &d, &n) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "due");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "case_id", d[i].case_id);
		deadline_json(ctx, &w, &d[i].d);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

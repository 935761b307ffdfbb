#include "domain/ident.h"

#include <string.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/case.h"
#include "domain/codes.h"
#include "domain/deadline.h"
#include "domain/rule.h"
#include "domain/sealed.h"
#include "store/store.h"

#define LIST_MAX	1000

const char *const ident_parts[] = { "summary", "persons", "forms", "needs",
    "plan", "timeline", NULL };
const char *const ident_sources[] = { "police_report", "care_observation",
    "labour_inspectorate", "victim_statement", "other", NULL };

static const char *const first_decisions[] = { "plausible",
    "not_plausible", NULL };
static const char *const final_decisions[] = { "identified",
    "not_identified", NULL };

int
ident_committees(struct ctx *ctx, struct ident_committee **out, size_t *n)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_IDENT_COMMITTEES, NOARGS, &r) == -1)
		return -1;
	*out = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**out));
	for (i = 0; i < r->nrows; i++) {
		(*out)[i].id = rows_int(r, i, 0);
		(*out)[i].name = rows_text(r, i, 1);
	}
	*n = r->nrows;
	return 0;
}

/* A list of codes from one of the closed lists, each once. */
static int
check_codes(struct ctx *ctx, const char *name,
    const struct json_strlist *l, const char *const *known)
{
	size_t i, k;
	int rc = 0;

	for (i = 0; i < l->n; i++) {
		if (!codes_one_of(l->v[i], known)) {
			rc = fail_field(ctx, arena_printf(ctx->arena,
			    "%s[%zu]", name, i), "is not a known code");
			continue;
		}
		for (k = 0; k < i; k++)
			if (strcmp(l->v[k], l->v[i]) == 0)
				rc = fail_field(ctx, arena_printf(ctx->arena,
				    "%s[%zu]", name, i), "is listed twice");
	}
	return rc;
}

/* Reading one row of IDENT_COLUMNS (store/queries.c). */
static void
read_decision(struct ctx *ctx, const struct store_rows *r, size_t i,
    size_t col, const char *column, int64_t id, struct ident_decision *d,
    bool *bad)
{
	d->decision = rows_text(r, i, col);
	d->reasons = sealed_get(ctx, r, i, col + 1, "case_assessment",
	    column, id, bad);
	d->by = rows_text(r, i, col + 2);
	d->at = rows_int(r, i, col + 3);
}

static void
read_ident(struct ctx *ctx, const struct store_rows *r, size_t i,
    struct ident *a, bool *bad)
{
	a->id = rows_int(r, i, 0);
	a->case_id = rows_int(r, i, 1);
	a->committee_id = rows_int(r, i, 2);
	a->committee_name = rows_text(r, i, 3);
	a->status = rows_text(r, i, 4);
	a->parts = rows_text(r, i, 5);
	a->sources = rows_text(r, i, 6);
	a->note = sealed_get(ctx, r, i, 7, "case_assessment", "note", a->id,
	    bad);
	a->submitted_by = rows_text(r, i, 8);
	a->submitted_org = rows_text(r, i, 9);
	a->submitted_phone = rows_text(r, i, 10);
	a->submitted_at = rows_int(r, i, 11);
	a->first_due = rows_int(r, i, 12);
	read_decision(ctx, r, i, 13, "first_reasons", a->id, &a->first, bad);
	a->final_due = rows_int(r, i, 17);
	read_decision(ctx, r, i, 18, "final_reasons", a->id, &a->final, bad);
	a->withdrawn_by = rows_text(r, i, 22);
	a->withdrawn_at = rows_int(r, i, 23);
	a->updated_at = rows_int(r, i, 24);
}

static bool
is_open(const char *status)
{
	return strcmp(status, "submitted") == 0 ||
	    strcmp(status, "first_decided") == 0;
}

/* Submitting. */

struct submit_job {
	int64_t		 case_id;
	const struct ident_in *in;
	const char	*parts;
	const char	*sources;
	int64_t		 id;
};

static int
submit_job(struct ctx *ctx, void *p)
{
	struct submit_job *j = p;
	struct deadline_rule rule;
	struct store_value note;
	struct store_rows *r;
	int64_t now = time_now();

	if (rule_get(ctx, "identification_first", &rule) == -1)
		return -1;
	if (store_exec(ctx, Q_IDENT_INSERT, ARGS(store_int(j->case_id),
	    store_int(j->in->committee_org_id), store_text(j->parts),
	    store_text(j->sources), store_int(ctx->who.user_id),
	    store_int(now), store_int(deadline_due(&rule, now))), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "case %lld has an open "
		    "assessment already: withdraw it or wait for its "
		    "decisions", (long long)j->case_id);
	j->id = rows_int(r, 0, 0);
	if (j->in->note != NULL && j->in->note[0] != '\0') {
		if (sealed_put(ctx, "case_assessment", "note", j->id,
		    j->in->note, &note) == -1 || store_exec(ctx,
		    Q_IDENT_SEAL_NOTE, ARGS(store_int(j->id), note), NULL) ==
		    -1)
			return -1;
	}
	if (timeline_add(ctx, j->case_id, "identification_submitted",
	    arena_printf(ctx->arena, "assessment:%lld", (long long)j->id),
	    NULL) == -1)
		return -1;
	return audit_append(ctx, "assessment.submit", "case", j->case_id);
}

int
ident_submit(struct ctx *ctx, int64_t case_id, const struct ident_in *in,
    int64_t *id)
{
	struct case_head h;
	struct submit_job j;
	struct store_rows *r;
	int rc = 0;

	if (check_codes(ctx, "parts", &in->parts, ident_parts) == -1)
		rc = -1;
	if (check_codes(ctx, "sources", &in->sources, ident_sources) == -1)
		rc = -1;
	if (store_exec(ctx, Q_IDENT_COMMITTEE_IS,
	    ARGS(store_int(in->committee_org_id)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		rc = fail_field(ctx, "committee_org_id", "is not an assessment "
		    "committee");
	if (rc == -1)
		return -1;
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	if (strcmp(h.type, "serious_disadvantage") == 0)
		return fail(ctx, ST_CONFLICT, "case %lld is one of serious "
		    "disadvantage, which has no identification track: its "
		    "help never waits for one", (long long)case_id);
	if (strcmp(h.status, "closed") == 0)
		return fail(ctx, ST_CONFLICT, "case %lld is closed: reopen it "
		    "before submitting it for identification",
		    (long long)case_id);
	memset(&j, 0, sizeof(j));
	j.case_id = case_id;
	j.in = in;
	j.parts = codes_join(ctx->arena, &in->parts);
	j.sources = codes_join(ctx->arena, &in->sources);
	if (store_write(ctx, submit_job, &j) == -1)
		return -1;
	*id = j.id;
	return 0;
}

/* The plain head of assessment aid: ST_NOTFOUND when there is none. */
static int
load_head(struct ctx *ctx, int64_t aid, int64_t *case_id,
    int64_t *committee, const char **status)
{
	struct store_rows *r;

	if (store_row(ctx, Q_IDENT_HEAD, ARGS(store_int(aid)), &r,
	    "no such assessment") == -1)
		return -1;
	*case_id = rows_int(r, 0, 0);
	*committee = rows_int(r, 0, 1);
	*status = rows_text(r, 0, 2);
	return 0;
}

struct withdraw_job {
	int64_t		 case_id;
	int64_t		 aid;
	const char	*why;
};

static int
withdraw_job(struct ctx *ctx, void *p)
{
	struct withdraw_job *j = p;
	struct store_rows *r;
	const char *status;
	int64_t kase, committee;

	if (load_head(ctx, j->aid, &kase, &committee, &status) == -1)
		return -1;
	if (kase != j->case_id)
		return fail(ctx, ST_NOTFOUND, "no such assessment");
	if (!is_open(status))
		return fail(ctx, ST_CONFLICT, "assessment %lld is %s: only an "
		    "open one can be withdrawn", (long long)j->aid, status);
	if (store_exec(ctx, Q_IDENT_WITHDRAW, ARGS(store_int(j->aid),
	    store_int(j->case_id), store_int(ctx->who.user_id),
	    store_int(time_now())), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "assessment %lld changed "
		    "meanwhile; reload it", (long long)j->aid);
	if (timeline_add(ctx, j->case_id, "identification_withdrawn",
	    arena_printf(ctx->arena, "assessment:%lld", (long long)j->aid),
	    j->why) == -1)
		return -1;
	return audit_append(ctx, "assessment.withdraw", "case", j->case_id);
}

int
ident_withdraw(struct ctx *ctx, int64_t case_id, int64_t aid,
    const char *why)
{
	struct withdraw_job j = { case_id, aid, why };
	struct case_head h;

	if (why == NULL || why[0] == '\0')
		return fail_field(ctx, "why", "is required");
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	return store_write(ctx, withdraw_job, &j);
}

/* Deciding. */

/* Assessment aid as an assessor of its committee may reach it. */
static int
assessor_access(struct ctx *ctx, int64_t aid, int64_t *case_id,
    const char **status)
{
	int64_t committee;

	if (load_head(ctx, aid, case_id, &committee, status) == -1)
		return -1;
	if (ctx->who.role != ROLE_ASSESSOR || ctx->who.org_id != committee)
		return fail(ctx, ST_NOTFOUND, "no such assessment");
	return 0;
}

struct decide_job {
	int64_t		 aid;
	int64_t		 case_id;
	bool		 final;
	const char	*decision;
	const char	*reasons;
};

static int
decide_job(struct ctx *ctx, void *p)
{
	struct decide_job *j = p;
	struct deadline_rule rule;
	struct store_value sealed;
	struct store_rows *r;
	int64_t now = time_now();
	bool plausible = strcmp(j->decision, "plausible") == 0;

	if (sealed_put(ctx, "case_assessment", j->final ? "final_reasons" :
	    "first_reasons", j->aid, j->reasons, &sealed) == -1)
		return -1;
	if (j->final) {
		if (store_exec(ctx, Q_IDENT_FINAL, ARGS(store_int(j->aid),
		    store_text(j->decision), sealed,
		    store_int(ctx->who.user_id), store_int(now)), &r) == -1)
			return -1;
	} else {
		if (plausible && rule_get(ctx, "identification_final",
		    &rule) == -1)
			return -1;
		if (store_exec(ctx, Q_IDENT_FIRST, ARGS(store_int(j->aid),
		    store_text(plausible ? "first_decided" : "no_grounds"),
		    store_text(j->decision), sealed,
		    store_int(ctx->who.user_id), store_int(now),
		    plausible ? store_int(deadline_due(&rule, now)) :
		    store_null()), &r) == -1)
			return -1;
	}
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "assessment %lld changed "
		    "meanwhile; reload it", (long long)j->aid);
	if (timeline_add(ctx, j->case_id, j->final ? "identification_final" :
	    "identification_first", arena_printf(ctx->arena,
	    "assessment:%lld:%s", (long long)j->aid, j->decision), NULL) ==
	    -1)
		return -1;
	return audit_append(ctx, j->final ? "assessment.final" :
	    "assessment.first", "case", j->case_id);
}

/* Why stage does not fit status, or NULL when it does. */
static const char *
misfit(bool final, const char *status)
{
	if (strcmp(status, "withdrawn") == 0)
		return "was withdrawn by the case's coordinator";
	if (strcmp(status, "no_grounds") == 0)
		return "ended with its first decision: no reasonable grounds";
	if (strcmp(status, "final_decided") == 0)
		return "has its final decision already";
	if (!final && strcmp(status, "first_decided") == 0)
		return "has its first decision already";
	if (final && strcmp(status, "submitted") == 0)
		return "needs its first decision before the final one";
	return NULL;
}

int
ident_decide(struct ctx *ctx, int64_t aid, const char *stage,
    const char *decision, const char *reasons)
{
	struct decide_job j;
	const char *status, *why;
	bool final = strcmp(stage, "final") == 0;
	int rc = 0;

	if (!codes_one_of(decision, final ? final_decisions :
	    first_decisions))
		rc = fail_field(ctx, "decision", final ? "must be identified "
		    "or not_identified" : "must be plausible or "
		    "not_plausible");
	if (reasons == NULL || reasons[0] == '\0')
		rc = fail_field(ctx, "reasons", "is required");
	if (rc == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	if (assessor_access(ctx, aid, &j.case_id, &status) == -1)
		return -1;
	why = misfit(final, status);
	if (why != NULL)
		return fail(ctx, ST_CONFLICT, "assessment %lld %s",
		    (long long)aid, why);
	j.aid = aid;
	j.final = final;
	j.decision = decision;
	j.reasons = reasons;
	return store_write(ctx, decide_job, &j);
}

/* Reading. */

int
ident_of_case(struct ctx *ctx, int64_t case_id, struct ident **out,
    size_t *n, bool *bad)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_IDENT_OF_CASE, ARGS(store_int(case_id)), &r) ==
	    -1)
		return -1;
	*out = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**out));
	for (i = 0; i < r->nrows; i++)
		read_ident(ctx, r, i, &(*out)[i], bad);
	*n = r->nrows;
	return 0;
}

int
ident_list(struct ctx *ctx, struct ident_line **out, size_t *n)
{
	struct ident_line *l;
	struct store_rows *r;
	int64_t now = time_now();
	size_t i;

	*out = NULL;
	*n = 0;
	if (ctx->who.role != ROLE_ASSESSOR)
		return 0;
	if (store_exec(ctx, Q_IDENT_LIST, ARGS(store_int(ctx->who.org_id),
	    store_int(LIST_MAX)), &r) == -1)
		return -1;
	l = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*l));
	for (i = 0; i < r->nrows; i++) {
		l[i].id = rows_int(r, i, 0);
		l[i].case_id = rows_int(r, i, 1);
		l[i].status = rows_text(r, i, 2);
		l[i].parts = rows_text(r, i, 3);
		l[i].sources = rows_text(r, i, 4);
		l[i].submitted_org = rows_text(r, i, 5);
		l[i].submitted_at = rows_int(r, i, 6);
		l[i].due = rows_int(r, i, 7);
		l[i].overdue = l[i].due > 0 && l[i].due < now;
		l[i].updated_at = rows_int(r, i, 8);
	}
	*out = l;
	*n = r->nrows;
	return 0;
}

/* The parts of the case that were shared, opened. */
static int
load_parts(struct ctx *ctx, struct ident_view *v, bool *bad)
{
	int64_t id = v->a.case_id;
	struct store_rows *r;

	if (store_row(ctx, Q_CASE_HEAD, ARGS(store_int(id)), &r,
	    "no such case") == -1)
		return -1;
	/* A purged case has nothing left to share. */
	if (rows_int(r, 0, 9) > 0) {
		v->open = false;
		return 0;
	}
	v->type = rows_text(r, 0, 1);
	v->forms = rows_text(r, 0, 2);
	v->has_summary = codes_has(v->a.parts, "summary");
	v->has_forms = codes_has(v->a.parts, "forms");
	v->has_persons = codes_has(v->a.parts, "persons");
	v->has_needs = codes_has(v->a.parts, "needs");
	v->has_plan = codes_has(v->a.parts, "plan");
	v->has_timeline = codes_has(v->a.parts, "timeline");
	if (v->has_summary || v->has_forms) {
		if (store_row(ctx, Q_CASE_GET, ARGS(store_int(id)), &r,
		    "no such case") == -1)
			return -1;
		if (v->has_summary)
			v->summary = sealed_get(ctx, r, 0, 0, "care_case",
			    "summary", id, bad);
		v->indicators = rows_text(r, 0, 1);
	}
	if (v->has_persons && person_of_case(ctx, id, &v->persons,
	    &v->npersons, bad) == -1)
		return -1;
	if (v->has_needs && plan_needs_of_case(ctx, id, &v->needs,
	    &v->nneeds) == -1)
		return -1;
	if (v->has_plan && plan_of_case(ctx, id, &v->plan, bad) == -1)
		return -1;
	if (v->has_timeline && timeline_of_case(ctx, id, 0, &v->events,
	    &v->nevents, bad) == -1)
		return -1;
	return 0;
}

struct ident_view *
ident_get(struct ctx *ctx, int64_t aid)
{
	struct ident_view *v;
	struct store_rows *r;
	const char *status;
	int64_t case_id;
	bool bad = false;

	if (assessor_access(ctx, aid, &case_id, &status) == -1)
		return NULL;
	v = arena_alloc(ctx->arena, sizeof(*v));
	if (store_row(ctx, Q_IDENT_GET, ARGS(store_int(aid)), &r,
	    "no such assessment") == -1)
		return NULL;
	read_ident(ctx, r, 0, &v->a, &bad);
	/* The case is shared for the assessment, not after it. */
	v->open = is_open(v->a.status);
	if (v->open && load_parts(ctx, v, &bad) == -1)
		return NULL;
	if (bad) {
		ctx_clear_error(ctx);
		fail(ctx, ST_INTERNAL, "assessment %lld cannot be decrypted",
		    (long long)aid);
		return NULL;
	}
	/* No answer without its trace. */
	if (audit_read(ctx, "assessment.read", "case", case_id) == -1)
		return NULL;
	return v;
}

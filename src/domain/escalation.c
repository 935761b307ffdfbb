#include "domain/escalation.h"

#include <string.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/case.h"
#include "domain/deadline.h"
#include "domain/due.h"
#include "domain/notify.h"
#include "domain/rule.h"
#include "domain/sealed.h"
#include "domain/timeline.h"
#include "store/store.h"

static bool
blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* ESCALATION columns (queries.c): 0 id .. 21 updated_at, then sealed
 * 22 summary, 23 answer, 24 safety. */
static void
fill(struct ctx *ctx, const struct store_rows *r, size_t i,
    struct escalation *e, int64_t now)
{
	e->id = rows_int(r, i, 0);
	e->case_id = rows_int(r, i, 1);
	e->need_id = rows_int(r, i, 2);
	e->need = rows_text(r, i, 3);
	e->ground = rows_text(r, i, 4);
	e->from_org_name = rows_text(r, i, 5);
	e->to_org_name = rows_text(r, i, 6);
	e->region_name = rows_text(r, i, 7);
	e->shares = rows_text(r, i, 8);
	e->basis = rows_text(r, i, 9);
	if (!rows_null(r, i, 10))
		e->consent_on = date_format(ctx->arena,
		    (int32_t)rows_int(r, i, 10));
	e->legal_basis = rows_text(r, i, 11);
	e->status = rows_text(r, i, 12);
	e->sent_by = rows_text(r, i, 13);
	e->sent_at = rows_int(r, i, 14);
	e->answer_due = rows_int(r, i, 15);
	e->outcome = rows_text(r, i, 16);
	e->answered_by = rows_text(r, i, 17);
	e->answered_at = rows_int(r, i, 18);
	e->sharing_ended_at = rows_int(r, i, 19);
	e->overdue = strcmp(e->status, "open") == 0 && e->answer_due < now;
}

struct send_job {
	int64_t		 case_id;
	int64_t		 from_org;
	int64_t		 to_org;
	int64_t		 region;
	const char	*need;
	const char	*shares;
	int32_t		 consent_day;
	struct escalation_in *in;
	int64_t		 id;
};

static int
send_job(struct ctx *ctx, void *p)
{
	struct send_job *j = p;
	struct deadline_rule rule;
	struct store_value bt, sum, safety;
	struct store_rows *r;
	int64_t now = time_now();

	if (rule_get(ctx, "escalation_answer", &rule) == -1)
		return -1;
	if (store_exec(ctx, Q_ESC_INSERT, ARGS(store_int(j->case_id),
	    j->in->need > 0 ? store_int(j->in->need) : store_null(),
	    store_text(j->need), store_int(j->from_org), store_int(j->to_org),
	    store_int(j->region), store_text(j->in->ground),
	    store_text(j->shares), store_text(j->in->s.basis),
	    j->consent_day >= 0 ? store_int(j->consent_day) : store_null(),
	    store_text(j->in->s.legal_basis), store_int(ctx->who.user_id),
	    store_int(now), store_int(deadline_due(&rule, now))), &r) == -1)
		return -1;
	j->id = rows_int(r, 0, 0);
	if (sealed_put(ctx, "escalation", "basis_text", j->id,
	    blank(j->in->s.basis_text) ? NULL : j->in->s.basis_text, &bt) ==
	    -1 || sealed_put(ctx, "escalation", "summary", j->id,
	    j->in->summary, &sum) == -1 || sealed_put(ctx, "escalation",
	    "safety", j->id, j->in->s.safety, &safety) == -1 ||
	    store_exec(ctx, Q_ESC_SEAL, ARGS(store_int(j->id), bt, sum,
	    safety), NULL) == -1)
		return -1;
	if (timeline_add(ctx, j->case_id, "escalation", arena_printf(
	    ctx->arena, "sent:%lld:%s", (long long)j->id, j->in->ground),
	    NULL) == -1)
		return -1;
	if (audit_append(ctx, "escalation.send", "case", j->case_id) == -1)
		return -1;
	/* Its turn now: the expert team's users. */
	return notify_org(ctx, j->to_org, "provider", "escalation_asked",
	    "escalation", j->id);
}

int
escalation_send(struct ctx *ctx, int64_t case_id, struct escalation_in *in,
    int64_t *id)
{
	struct deadline_rule rule;
	struct send_job j;
	struct case_head h;
	struct store_rows *r;
	int rc = 0;

	memset(&j, 0, sizeof(j));
	if (sharing_check(ctx, &in->s, &j.shares, &j.consent_day) == -1)
		rc = -1;
	if (blank(in->summary))
		rc = fail_field(ctx, "summary", "is required: what the expert "
		    "team should know and what you ask");
	if (in->ground == NULL || (strcmp(in->ground, "not_taken_up") != 0 &&
	    strcmp(in->ground, "complex_minor") != 0))
		rc = fail_field(ctx, "ground", "must be not_taken_up or "
		    "complex_minor");
	else if (strcmp(in->ground, "not_taken_up") == 0 && in->need <= 0)
		rc = fail_field(ctx, "need", "is required with ground "
		    "not_taken_up");
	if (rc == -1)
		return -1;
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	if (strcmp(h.status, "closed") == 0 || strcmp(h.status, "new") == 0)
		return fail(ctx, ST_CONFLICT, "case %lld is %s: escalate from "
		    "an accepted case", (long long)case_id, h.status);
	if (in->need > 0) {
		if (store_exec(ctx, Q_REF_UPTAKE_NEED, ARGS(store_int(in->need),
		    store_int(case_id)), &r) == -1)
			return -1;
		if (r->nrows == 0)
			return fail_field(ctx, "need", "is not a help need of "
			    "case %lld", (long long)case_id);
		j.need = rows_text(r, 0, 0);
		if (strcmp(in->ground, "not_taken_up") == 0) {
			if (rule_get(ctx, "referral_uptake", &rule) == -1)
				return -1;
			if (strcmp(rows_text(r, 0, 1), "open") != 0 ||
			    rows_int(r, 0, 4) > 0)
				return fail(ctx, ST_CONFLICT, "need %lld is "
				    "not open or was taken up",
				    (long long)in->need);
			if (deadline_due(&rule, referral_uptake_start(
			    rows_int(r, 0, 2), rows_int(r, 0, 3))) >=
			    time_now())
				return fail(ctx, ST_CONFLICT, "need %lld is "
				    "still within its uptake deadline: refer "
				    "it, or escalate a minor's complex needs",
				    (long long)in->need);
		}
	}
	if (store_exec(ctx, Q_ESC_TEAM, ARGS(store_text(h.municipality)),
	    &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "no regional expert team serves "
		    "%s: an administrator must add the municipality to a "
		    "region of type youth and link an organisation of type "
		    "expert_team to it; nothing was escalated",
		    h.municipality);
	j.to_org = rows_int(r, 0, 0);
	j.region = rows_int(r, 0, 1);
	j.case_id = case_id;
	j.from_org = h.org_id;
	j.in = in;
	if (store_write(ctx, send_job, &j) == -1)
		return -1;
	if (id != NULL)
		*id = j.id;
	return 0;
}

int
escalation_of_case(struct ctx *ctx, int64_t case_id, struct escalation **out,
    size_t *n)
{
	struct escalation *e;
	struct store_rows *r;
	int64_t now = time_now();
	size_t i;
	bool bad = false;

	if (store_exec(ctx, Q_ESC_OF_CASE, ARGS(store_int(case_id)), &r) == -1)
		return -1;
	e = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*e));
	for (i = 0; i < r->nrows; i++) {
		fill(ctx, r, i, &e[i], now);
		e[i].summary = sealed_get(ctx, r, i, 22, "escalation",
		    "summary", e[i].id, &bad);
		e[i].answer = sealed_get(ctx, r, i, 23, "escalation", "answer",
		    e[i].id, &bad);
	}
	if (bad)
		return fail(ctx, ST_INTERNAL, "the escalations of case %lld "
		    "cannot be decrypted", (long long)case_id);
	*out = e;
	*n = r->nrows;
	return 0;
}

int
escalation_list(struct ctx *ctx, struct escalation **out, size_t *n)
{
	struct escalation *e;
	struct store_rows *r;
	int64_t now = time_now();
	size_t i;

	*out = NULL;
	*n = 0;
	if (ctx->who.role != ROLE_PROVIDER || ctx->who.org_id == 0)
		return 0;
	if (store_exec(ctx, Q_ESC_OF_ORG, ARGS(store_int(ctx->who.org_id),
	    store_int(ESCALATION_LIST_MAX)), &r) == -1)
		return -1;
	e = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*e));
	for (i = 0; i < r->nrows; i++)
		fill(ctx, r, i, &e[i], now);
	*out = e;
	*n = r->nrows;
	return 0;
}

static int
load_team(struct ctx *ctx, int64_t id, struct store_rows **r)
{
	if (store_exec(ctx, Q_ESC_GET, ARGS(store_int(id)), r) == -1)
		return -1;
	if ((*r)->nrows == 0 || ctx->who.role != ROLE_PROVIDER ||
	    ctx->who.org_id == 0 || rows_int(*r, 0, 20) != ctx->who.org_id)
		return fail(ctx, ST_NOTFOUND, "no such escalation");
	return 0;
}

static int
read_job(struct ctx *ctx, void *p)
{
	struct escalation *e = p;

	return audit_append(ctx, "escalation.read", "case", e->case_id);
}

struct escalation *
escalation_get(struct ctx *ctx, int64_t id)
{
	struct escalation *e;
	struct store_rows *r;
	const char *safety = NULL;
	bool bad = false, active;

	if (load_team(ctx, id, &r) == -1)
		return NULL;
	e = arena_alloc(ctx->arena, sizeof(*e));
	fill(ctx, r, 0, e, time_now());
	active = e->sharing_ended_at == 0;
	if (active) {
		e->summary = sealed_get(ctx, r, 0, 22, "escalation", "summary",
		    e->id, &bad);
		safety = sealed_get(ctx, r, 0, 24, "escalation", "safety",
		    e->id, &bad);
	}
	e->answer = sealed_get(ctx, r, 0, 23, "escalation", "answer", e->id,
	    &bad);
	if (sharing_read(ctx, e->case_id, e->shares, active, safety, &e->parts,
	    &bad) == -1)
		return NULL;
	if (bad) {
		ctx_clear_error(ctx);
		fail(ctx, ST_INTERNAL, "escalation %lld cannot be decrypted",
		    (long long)id);
		return NULL;
	}
	if (store_write(ctx, read_job, e) == -1)
		return NULL;
	return e;
}

struct answer_job {
	int64_t		 id;
	int64_t		 case_id;
	const char	*outcome;
	const char	*text;
};

static int
answer_job(struct ctx *ctx, void *p)
{
	struct answer_job *j = p;
	struct store_value a;
	struct store_rows *r;

	if (sealed_put(ctx, "escalation", "answer", j->id, j->text, &a) == -1)
		return -1;
	if (store_exec(ctx, Q_ESC_ANSWER, ARGS(store_int(j->id),
	    store_text(j->outcome), a, store_int(ctx->who.user_id),
	    store_int(time_now())), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "escalation %lld was answered "
		    "already", (long long)j->id);
	if (timeline_add(ctx, j->case_id, "escalation", arena_printf(
	    ctx->arena, "answered:%lld:%s", (long long)j->id, j->outcome),
	    j->text) == -1)
		return -1;
	if (audit_append(ctx, "escalation.answer", "case", j->case_id) == -1)
		return -1;
	/* Answered: it waits on the team no more, the case team is told. */
	if (notify_done_all(ctx, "escalation_asked", "escalation", j->id) ==
	    -1 || notify_done_all(ctx, "escalation_overdue", "escalation",
	    j->id) == -1)
		return -1;
	return notify_case_team(ctx, j->case_id, "escalation_answered");
}

int
escalation_answer(struct ctx *ctx, int64_t id, const char *outcome,
    const char *text)
{
	struct answer_job j;
	struct store_rows *r;
	int rc = 0;

	if (outcome == NULL || (strcmp(outcome, "advice") != 0 &&
	    strcmp(outcome, "placed") != 0 &&
	    strcmp(outcome, "provider_found") != 0 &&
	    strcmp(outcome, "other") != 0))
		rc = fail_field(ctx, "outcome", "must be one of advice, "
		    "placed, provider_found, other");
	if (blank(text))
		rc = fail_field(ctx, "text", "is required: the advice or "
		    "solution");
	if (rc == -1)
		return -1;
	if (load_team(ctx, id, &r) == -1)
		return -1;
	if (strcmp(rows_text(r, 0, 12), "open") != 0)
		return fail(ctx, ST_CONFLICT, "escalation %lld was answered "
		    "already", (long long)id);
	memset(&j, 0, sizeof(j));
	j.id = id;
	j.case_id = rows_int(r, 0, 1);
	j.outcome = outcome;
	j.text = text;
	return store_write(ctx, answer_job, &j);
}

int
escalation_due(struct ctx *ctx, int64_t org_id, int64_t until,
    struct due_list *l)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_ESC_DUE, ARGS(store_int(org_id),
	    store_int(until)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++)
		due_add(ctx, l, "escalation_answer", rows_int(r, i, 1),
		    rows_int(r, i, 0), rows_int(r, i, 2), rows_text(r, i, 3));
	return 0;
}

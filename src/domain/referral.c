#include "domain/referral.h"

#include <string.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/case.h"
#include "domain/catalog.h"
#include "domain/deadline.h"
#include "domain/due.h"
#include "domain/escalation.h"
#include "domain/notify.h"
#include "domain/rule.h"
#include "domain/sealed.h"
#include "domain/timeline.h"
#include "store/store.h"

static const char *const shares_known[] = {
	"persons", "summary", "needs", "plan", "forms_indicators", "safety",
	NULL,
};

/* docs/legal.md explains each. */
static const char *const legal_bases[] = {
	"vital_interest", "youth_act", "wmo", "legal_obligation", "other_law",
	NULL,
};

static const char *const decline_reasons[] = {
	"no_capacity", "not_target_group", "safety", "other", NULL,
};

static const char *const outcomes[] = {
	"completed", "stopped_by_client", "stopped_by_provider", "moved",
	"other", NULL,
};

static bool
in_list(const char *const *l, const char *s)
{
	if (s == NULL)
		return false;
	for (; *l != NULL; l++)
		if (strcmp(*l, s) == 0)
			return true;
	return false;
}

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

/* Is code one of the comma-separated list csv? */
static bool
csv_has(const char *csv, const char *code)
{
	size_t n = strlen(code);
	const char *p = csv;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, code, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return true;
		p = strchr(p, ',');
		if (p != NULL)
			p++;
	}
	return false;
}

bool
referral_share_valid(const char *s)
{
	return in_list(shares_known, s);
}

bool
referral_legal_basis_valid(const char *s)
{
	return in_list(legal_bases, s);
}

/* The lifecycle, one row a step: from which stored status to which. */
static const struct {
	const char	*action;
	const char	*from;
	const char	*to;
} steps[] = {
	{ "accept", "sent", "accepted" },
	{ "decline", "sent", "declined" },
	{ "withdraw", "sent", "withdrawn" },
	{ "start", "accepted", "started" },
	{ "note", "accepted", "accepted" },
	{ "note", "started", "started" },
	{ "end", "started", "ended" },
};

const char *
referral_transition(const char *from, const char *action, const char **why)
{
	size_t i;
	bool known = false;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (strcmp(steps[i].action, action) != 0)
			continue;
		known = true;
		if (strcmp(steps[i].from, from) == 0)
			return steps[i].to;
	}
	if (!known)
		*why = "is not a step of a referral";
	else if (strcmp(action, "note") == 0)
		*why = "notes are written on an accepted or started referral";
	else if (strcmp(action, "start") == 0)
		*why = "only an accepted referral starts";
	else if (strcmp(action, "end") == 0)
		*why = "only a started referral ends";
	else
		*why = "only a sent referral is accepted, declined or "
		    "withdrawn";
	return NULL;
}

bool
referral_need_urgent(const char *need)
{
	const struct help_need *h = catalog_help_need(need);

	return h != NULL && strcmp(h->domain, "safety") == 0;
}

int64_t
referral_uptake_start(int64_t added_at, int64_t first_sent)
{
	return first_sent > 0 ? first_sent : added_at;
}

int
sharing_check(struct ctx *ctx, const struct sharing_in *in,
    const char **shares, int32_t *consent_day)
{
	char *csv;
	size_t i, j, len = 1;
	int rc = 0;
	bool safety = false;

	*consent_day = -1;
	for (i = 0; i < in->shares.n; i++) {
		if (!referral_share_valid(in->shares.v[i])) {
			rc = fail_field(ctx, "shares", "'%s' is not a part "
			    "of a case that can be shared: one of %s",
			    in->shares.v[i], REFERRAL_PARTS);
			continue;
		}
		for (j = 0; j < i; j++)
			if (strcmp(in->shares.v[j], in->shares.v[i]) == 0)
				rc = fail_field(ctx, "shares", "names '%s' "
				    "twice", in->shares.v[i]);
		if (strcmp(in->shares.v[i], "safety") == 0)
			safety = true;
		len += strlen(in->shares.v[i]) + 1;
	}
	if (safety && blank(in->safety))
		rc = fail_field(ctx, "safety", "is required with the safety "
		    "share: write the safety note for this provider");
	if (!safety && in->safety != NULL)
		rc = fail_field(ctx, "safety", "is sent only with the safety "
		    "share ticked");
	if (in->basis == NULL) {
		rc = fail_field(ctx, "basis", "is required: consent or legal");
	} else if (strcmp(in->basis, "consent") == 0) {
		if (in->consent_on == NULL)
			rc = fail_field(ctx, "consent_on", "is required with "
			    "consent: the day the person consented");
		else if (date_parse(in->consent_on, consent_day) == -1)
			rc = fail_field(ctx, "consent_on", "must be a date "
			    "YYYY-MM-DD");
		else if (*consent_day > deadline_local_day(time_now()))
			rc = fail_field(ctx, "consent_on", "lies in the "
			    "future");
		if (in->legal_basis != NULL)
			rc = fail_field(ctx, "legal_basis", "goes with basis "
			    "legal, not with consent");
	} else if (strcmp(in->basis, "legal") == 0) {
		if (!referral_legal_basis_valid(in->legal_basis))
			rc = fail_field(ctx, "legal_basis", "must be one of "
			    "vital_interest, youth_act, wmo, "
			    "legal_obligation, other_law");
		else if (strcmp(in->legal_basis, "other_law") == 0 &&
		    blank(in->basis_text))
			rc = fail_field(ctx, "basis_text", "is required with "
			    "other_law: name the law and article");
		if (in->consent_on != NULL)
			rc = fail_field(ctx, "consent_on", "goes with basis "
			    "consent, not with legal");
	} else {
		rc = fail_field(ctx, "basis", "must be consent or legal");
	}
	if (rc == -1)
		return -1;
	csv = arena_alloc(ctx->arena, len);
	len = 0;
	for (i = 0; i < in->shares.n; i++) {
		if (i > 0)
			csv[len++] = ',';
		j = strlen(in->shares.v[i]);
		memcpy(csv + len, in->shares.v[i], j);
		len += j;
	}
	csv[len] = '\0';
	*shares = csv;
	return 0;
}

int
sharing_read(struct ctx *ctx, int64_t case_id, const char *shares,
    bool active, const char *safety, struct shared_parts **out, bool *bad)
{
	struct shared_parts *p;
	struct store_rows *r, *c;

	p = arena_alloc(ctx->arena, sizeof(*p));
	*out = p;
	if (store_row(ctx, Q_REF_CASE, ARGS(store_int(case_id)), &r,
	    "no such case") == -1)
		return -1;
	p->case_type = rows_text(r, 0, 0);
	p->municipality_name = rows_text(r, 0, 3);
	/* A purged case has nothing left to share. */
	p->active = active && rows_int(r, 0, 4) == 0;
	p->shares = shares;
	if (!p->active)
		return 0;
	if (csv_has(shares, "persons") && person_of_case(ctx, case_id,
	    &p->persons, &p->npersons, bad) == -1)
		return -1;
	if (csv_has(shares, "summary")) {
		if (store_row(ctx, Q_CASE_GET, ARGS(store_int(case_id)), &c,
		    "no such case") == -1)
			return -1;
		p->has_summary = true;
		p->summary = sealed_get(ctx, c, 0, 0, "care_case", "summary",
		    case_id, bad);
	}
	if (csv_has(shares, "needs")) {
		p->has_needs = true;
		if (plan_needs_of_case(ctx, case_id, &p->needs, &p->nneeds) ==
		    -1)
			return -1;
	}
	if (csv_has(shares, "plan")) {
		p->has_plan = true;
		if (plan_of_case(ctx, case_id, &p->plan, bad) == -1)
			return -1;
	}
	if (csv_has(shares, "forms_indicators")) {
		p->has_forms = true;
		p->forms = rows_text(r, 0, 1);
		p->indicators = rows_text(r, 0, 2);
	}
	if (csv_has(shares, "safety"))
		p->safety = safety;
	return 0;
}

/* Reading a referral's row (REFERRAL columns, queries.c). */
static void
fill(struct ctx *ctx, const struct store_rows *r, size_t i,
    struct referral *f, int64_t now)
{
	int64_t day;

	f->id = rows_int(r, i, 0);
	f->case_id = rows_int(r, i, 1);
	f->need_id = rows_int(r, i, 2);
	f->need = rows_text(r, i, 3);
	f->urgent = rows_int(r, i, 4) != 0;
	f->from_org = rows_int(r, i, 5);
	f->from_org_name = rows_text(r, i, 6);
	f->to_org = rows_int(r, i, 7);
	f->to_org_name = rows_text(r, i, 8);
	f->shares = rows_text(r, i, 9);
	f->basis = rows_text(r, i, 10);
	if (!rows_null(r, i, 11)) {
		day = rows_int(r, i, 11);
		f->consent_on = date_format(ctx->arena, (int32_t)day);
	}
	f->legal_basis = rows_text(r, i, 12);
	f->status = rows_text(r, i, 13);
	f->sent_by = rows_text(r, i, 14);
	f->sent_at = rows_int(r, i, 15);
	f->answer_due = rows_int(r, i, 16);
	f->answered_at = rows_int(r, i, 17);
	f->decline_reason = rows_text(r, i, 18);
	f->started_at = rows_int(r, i, 19);
	f->ended_at = rows_int(r, i, 20);
	f->outcome = rows_text(r, i, 21);
	f->sharing_ended_at = rows_int(r, i, 22);
	f->sharing_end = rows_text(r, i, 23);
	f->updated_at = rows_int(r, i, 24);
	f->state = strcmp(f->status, "sent") == 0 && f->answer_due < now ?
	    "expired" : f->status;
}

/* Sealed columns of a referral row: 25 basis_text, 26 message, 27 safety,
 * 28 decline_text, 29 outcome_text. */
static void
open_sealed(struct ctx *ctx, const struct store_rows *r, size_t i,
    struct referral *f, bool *bad)
{
	f->basis_text = sealed_get(ctx, r, i, 25, "referral", "basis_text",
	    f->id, bad);
	f->message = sealed_get(ctx, r, i, 26, "referral", "message", f->id,
	    bad);
	f->decline_text = sealed_get(ctx, r, i, 28, "referral",
	    "decline_text", f->id, bad);
	f->outcome_text = sealed_get(ctx, r, i, 29, "referral",
	    "outcome_text", f->id, bad);
}

static int
load_notes(struct ctx *ctx, enum query q, int64_t id,
    struct referral_note **out, size_t *n, bool *bad)
{
	struct referral_note *v;
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, q, ARGS(store_int(id)), &r) == -1)
		return -1;
	v = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*v));
	for (i = 0; i < r->nrows; i++) {
		v[i].id = rows_int(r, i, 0);
		v[i].referral_id = rows_int(r, i, 1);
		v[i].at = rows_int(r, i, 2);
		v[i].username = rows_text(r, i, 3);
		v[i].org_name = rows_text(r, i, 4);
		v[i].text = sealed_get(ctx, r, i, 5, "referral_note", "text",
		    v[i].id, bad);
	}
	*out = v;
	*n = r->nrows;
	return 0;
}

/* Sending. */

struct send_job {
	int64_t		 case_id;
	int64_t		 from_org;
	struct referral_in *in;
	const char	*need;
	const char	*shares;
	int32_t		 consent_day;
	bool		 urgent;
	int64_t		 id;
};

static int
send_job(struct ctx *ctx, void *p)
{
	struct send_job *j = p;
	struct deadline_rule rule;
	struct store_value bt, msg, safety;
	struct store_rows *r;
	int64_t now = time_now();

	if (rule_get(ctx, j->urgent ? "referral_answer_urgent" :
	    "referral_answer", &rule) == -1)
		return -1;
	if (store_exec(ctx, Q_REF_INSERT, ARGS(store_int(j->case_id),
	    store_int(j->in->need), store_text(j->need),
	    store_int(j->urgent ? 1 : 0), store_int(j->from_org),
	    store_int(j->in->provider), store_text(j->shares),
	    store_text(j->in->s.basis), j->consent_day >= 0 ?
	    store_int(j->consent_day) : store_null(),
	    store_text(j->in->s.legal_basis), store_int(ctx->who.user_id),
	    store_int(now), store_int(deadline_due(&rule, now))), &r) == -1)
		return -1;
	j->id = rows_int(r, 0, 0);
	if (sealed_put(ctx, "referral", "basis_text", j->id,
	    blank(j->in->s.basis_text) ? NULL : j->in->s.basis_text, &bt) ==
	    -1 || sealed_put(ctx, "referral", "message", j->id,
	    blank(j->in->message) ? NULL : j->in->message, &msg) == -1 ||
	    sealed_put(ctx, "referral", "safety", j->id, j->in->s.safety,
	    &safety) == -1)
		return -1;
	if (store_exec(ctx, Q_REF_SEAL, ARGS(store_int(j->id), bt, msg,
	    safety), NULL) == -1)
		return -1;
	if (timeline_add(ctx, j->case_id, "referral", arena_printf(ctx->arena,
	    "sent:%lld:%s", (long long)j->id, j->need), NULL) == -1)
		return -1;
	if (audit_append(ctx, "referral.send", "case", j->case_id) == -1)
		return -1;
	/* The receiving provider's users, who open it under referrals. */
	return notify_org(ctx, j->in->provider, "provider",
	    "referral_offered", "referral", j->id);
}

/* An open need of case_id: its catalogue id in *need. */
static int
open_need(struct ctx *ctx, int64_t case_id, int64_t need_id,
    const char **need)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_REF_NEED, ARGS(store_int(need_id),
	    store_int(case_id)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail_field(ctx, "need", "is not a help need of case "
		    "%lld", (long long)case_id);
	if (strcmp(rows_text(r, 0, 1), "open") != 0)
		return fail(ctx, ST_CONFLICT, "need %lld is %s: only an open "
		    "need is referred", (long long)need_id,
		    rows_text(r, 0, 1));
	*need = rows_text(r, 0, 0);
	return 0;
}

int
referral_send(struct ctx *ctx, int64_t case_id, struct referral_in *in,
    int64_t *id)
{
	struct send_job j;
	struct case_head h;
	struct store_rows *r;
	int rc = 0;

	memset(&j, 0, sizeof(j));
	if (sharing_check(ctx, &in->s, &j.shares, &j.consent_day) == -1)
		rc = -1;
	if (in->provider <= 0) {
		rc = fail_field(ctx, "provider", "is required: the provider "
		    "organisation");
	} else {
		if (store_exec(ctx, Q_REF_ORG, ARGS(store_int(in->provider)),
		    &r) == -1)
			return -1;
		if (r->nrows == 0 || strcmp(rows_text(r, 0, 0), "provider") !=
		    0)
			rc = fail_field(ctx, "provider", "is not an "
			    "organisation of type provider");
	}
	if (in->need <= 0)
		rc = fail_field(ctx, "need", "is required");
	if (!blank(in->message) && strlen(in->message) > NOTE_MAX)
		rc = fail_field(ctx, "message", "is too long");
	if (rc == -1)
		return -1;
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	if (strcmp(h.status, "closed") == 0 || strcmp(h.status, "new") == 0)
		return fail(ctx, ST_CONFLICT, "case %lld is %s: refer from an "
		    "accepted case", (long long)case_id, h.status);
	if (open_need(ctx, case_id, in->need, &j.need) == -1)
		return -1;
	j.case_id = case_id;
	j.from_org = h.org_id;
	j.in = in;
	j.urgent = referral_need_urgent(j.need);
	if (store_write(ctx, send_job, &j) == -1)
		return -1;
	if (id != NULL)
		*id = j.id;
	return 0;
}

/* Steps. */

struct step_job {
	struct referral	*f;
	const char	*action;
	const char	*to;
	const char	*code;		/* reason or outcome */
	const char	*text;		/* sealed with it */
	int64_t		 note;
};

/* Load referral id for a step: by the provider (team false) or by the
 * team of case_id. */
static int
load_for(struct ctx *ctx, int64_t id, int64_t case_id, struct referral **f)
{
	struct store_rows *r;

	*f = NULL;
	if (store_exec(ctx, Q_REF_GET, ARGS(store_int(id)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_NOTFOUND, "no such referral");
	*f = arena_alloc(ctx->arena, sizeof(**f));
	fill(ctx, r, 0, *f, time_now());
	if (case_id > 0) {
		if ((*f)->case_id != case_id)
			return fail(ctx, ST_NOTFOUND, "no such referral");
		return 0;
	}
	if (ctx->who.role != ROLE_PROVIDER || ctx->who.org_id == 0 ||
	    ctx->who.org_id != (*f)->to_org)
		return fail(ctx, ST_NOTFOUND, "no such referral");
	return 0;
}

static int
step_job(struct ctx *ctx, void *p)
{
	struct step_job *j = p;
	struct store_value dt, ot, nt;
	struct store_rows *r;
	const char *detail;
	int64_t now = time_now();
	bool decline = strcmp(j->action, "decline") == 0;
	bool end = strcmp(j->action, "end") == 0;

	if (strcmp(j->action, "note") == 0) {
		if (store_exec(ctx, Q_REF_NOTE_INSERT, ARGS(store_int(j->f->id),
		    store_int(ctx->who.user_id), store_int(ctx->who.org_id),
		    store_int(now)), &r) == -1)
			return -1;
		j->note = rows_int(r, 0, 0);
		if (sealed_put(ctx, "referral_note", "text", j->note, j->text,
		    &nt) == -1 || store_exec(ctx, Q_REF_NOTE_SEAL,
		    ARGS(store_int(j->note), nt), NULL) == -1)
			return -1;
	} else {
		if (store_exec(ctx, Q_REF_STEP, ARGS(store_int(j->f->id),
		    store_text(j->f->status), store_text(j->to),
		    store_int(now), store_int(ctx->who.user_id),
		    decline ? store_text(j->code) : store_null(),
		    end ? store_text(j->code) : store_null()), &r) == -1)
			return -1;
		if (r->nrows == 0)
			return fail(ctx, ST_CONFLICT, "referral %lld changed "
			    "meanwhile; reload it", (long long)j->f->id);
		if ((decline || end) && !blank(j->text)) {
			if (sealed_put(ctx, "referral", decline ?
			    "decline_text" : "outcome_text", j->f->id, j->text,
			    decline ? &dt : &ot) == -1)
				return -1;
			if (decline)
				ot = store_null();
			else
				dt = store_null();
			if (store_exec(ctx, Q_REF_TEXT_SEAL,
			    ARGS(store_int(j->f->id), dt, ot), NULL) == -1)
				return -1;
		}
	}
	detail = j->code != NULL ? arena_printf(ctx->arena, "%s:%lld:%s",
	    j->to == NULL ? j->action : j->to, (long long)j->f->id, j->code) :
	    arena_printf(ctx->arena, "%s:%lld", strcmp(j->action, "note") ==
	    0 ? "note" : j->to, (long long)j->f->id);
	if (timeline_add(ctx, j->f->case_id, "referral", detail, NULL) == -1)
		return -1;
	if (audit_append(ctx, arena_printf(ctx->arena, "referral.%s",
	    j->action), "case", j->f->case_id) == -1)
		return -1;
	/* The provider's answer: the case's coordinator is told, and the
	 * offer waits on nobody any more (nor once withdrawn). */
	if (strcmp(j->action, "accept") == 0 || decline ||
	    strcmp(j->action, "withdraw") == 0) {
		if (notify_done_all(ctx, "referral_offered", "referral",
		    j->f->id) == -1 || notify_done_all(ctx,
		    "referral_overdue", "referral", j->f->id) == -1)
			return -1;
	}
	if (strcmp(j->action, "accept") == 0 || decline)
		return notify_case_team(ctx, j->f->case_id,
		    "referral_answered");
	return 0;
}

static int
step(struct ctx *ctx, int64_t case_id, int64_t id, const char *action,
    const char *code, const char *text, int64_t *note)
{
	struct step_job j;
	const char *why = NULL;

	memset(&j, 0, sizeof(j));
	if (load_for(ctx, id, case_id, &j.f) == -1)
		return -1;
	j.action = action;
	j.to = referral_transition(j.f->status, action, &why);
	if (j.to == NULL)
		return fail(ctx, ST_CONFLICT, "referral %lld is %s: %s",
		    (long long)id, j.f->state, why);
	j.code = code;
	j.text = text;
	if (store_write(ctx, step_job, &j) == -1)
		return -1;
	if (note != NULL)
		*note = j.note;
	return 0;
}

int
referral_withdraw(struct ctx *ctx, int64_t case_id, int64_t id)
{
	struct case_head h;

	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	return step(ctx, case_id, id, "withdraw", NULL, NULL, NULL);
}

int
referral_accept(struct ctx *ctx, int64_t id)
{
	return step(ctx, 0, id, "accept", NULL, NULL, NULL);
}

int
referral_decline(struct ctx *ctx, int64_t id, const char *reason,
    const char *text)
{
	int rc = 0;

	if (!in_list(decline_reasons, reason))
		rc = fail_field(ctx, "reason", "must be one of no_capacity, "
		    "not_target_group, safety, other");
	else if (strcmp(reason, "other") == 0 && blank(text))
		rc = fail_field(ctx, "text", "is required with reason other: "
		    "say why");
	if (rc == -1)
		return -1;
	return step(ctx, 0, id, "decline", reason, text, NULL);
}

int
referral_start(struct ctx *ctx, int64_t id)
{
	return step(ctx, 0, id, "start", NULL, NULL, NULL);
}

int
referral_note(struct ctx *ctx, int64_t id, const char *text,
    int64_t *note)
{
	if (blank(text))
		return fail_field(ctx, "text", "is required");
	return step(ctx, 0, id, "note", NULL, text, note);
}

int
referral_end(struct ctx *ctx, int64_t id, const char *outcome,
    const char *text)
{
	int rc = 0;

	if (!in_list(outcomes, outcome))
		rc = fail_field(ctx, "outcome", "must be one of completed, "
		    "stopped_by_client, stopped_by_provider, moved, other");
	else if (strcmp(outcome, "other") == 0 && blank(text))
		rc = fail_field(ctx, "text", "is required with outcome other: "
		    "say how it ended");
	if (rc == -1)
		return -1;
	return step(ctx, 0, id, "end", outcome, text, NULL);
}

/* Consent withdrawn. */

struct consent_job {
	int64_t		 case_id;
	int64_t		 id;
	int64_t		 ended;
};

static int
consent_job(struct ctx *ctx, void *p)
{
	struct consent_job *j = p;
	struct store_rows *r, *e;
	int64_t now = time_now();
	size_t i;

	if (j->id > 0) {
		if (store_exec(ctx, Q_REF_CONSENT_END, ARGS(store_int(j->id),
		    store_int(now)), &r) == -1)
			return -1;
		if (r->nrows == 0)
			return fail(ctx, ST_CONFLICT, "referral %lld shares "
			    "nothing on consent any more", (long long)j->id);
		e = NULL;
	} else {
		if (store_exec(ctx, Q_REF_CONSENT_END_CASE,
		    ARGS(store_int(j->case_id), store_int(now)), &r) == -1 ||
		    store_exec(ctx, Q_ESC_CONSENT_END_CASE,
		    ARGS(store_int(j->case_id), store_int(now)), &e) == -1)
			return -1;
	}
	for (i = 0; i < r->nrows; i++)
		if (timeline_add(ctx, j->case_id, "referral", arena_printf(
		    ctx->arena, "consent_withdrawn:%lld",
		    (long long)rows_int(r, i, 0)), NULL) == -1)
			return -1;
	for (i = 0; e != NULL && i < e->nrows; i++)
		if (timeline_add(ctx, j->case_id, "escalation", arena_printf(
		    ctx->arena, "consent_withdrawn:%lld",
		    (long long)rows_int(e, i, 0)), NULL) == -1)
			return -1;
	j->ended = (int64_t)r->nrows + (e != NULL ? (int64_t)e->nrows : 0);
	return audit_append(ctx, "referral.consent_withdrawn", "case",
	    j->case_id);
}

int
referral_consent_withdrawn(struct ctx *ctx, int64_t case_id, int64_t id,
    int64_t *ended)
{
	struct consent_job j;
	struct case_head h;
	struct referral *f;

	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	if (id > 0) {
		if (load_for(ctx, id, case_id, &f) == -1)
			return -1;
		if (strcmp(f->basis, "consent") != 0)
			return fail(ctx, ST_CONFLICT, "referral %lld shares "
			    "on a legal basis, not on consent", (long long)id);
	}
	memset(&j, 0, sizeof(j));
	j.case_id = case_id;
	j.id = id;
	if (store_write(ctx, consent_job, &j) == -1)
		return -1;
	if (ended != NULL)
		*ended = j.ended;
	return 0;
}

/* Reading. */

static int
uptake_of_case(struct ctx *ctx, int64_t case_id, struct need_uptake **out,
    size_t *n)
{
	struct deadline_rule rule;
	struct need_uptake *u;
	struct store_rows *r;
	int64_t now = time_now();
	size_t i;

	if (rule_get(ctx, "referral_uptake", &rule) == -1 ||
	    store_exec(ctx, Q_REF_UPTAKE_OF_CASE, ARGS(store_int(case_id)),
	    &r) == -1)
		return -1;
	u = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*u));
	for (i = 0; i < r->nrows; i++) {
		u[i].need_id = rows_int(r, i, 0);
		u[i].need = rows_text(r, i, 1);
		u[i].due = deadline_due(&rule, referral_uptake_start(
		    rows_int(r, i, 2), rows_int(r, i, 3)));
		u[i].taken_up = rows_int(r, i, 4) > 0;
		u[i].missed = !u[i].taken_up && u[i].due < now;
	}
	*out = u;
	*n = r->nrows;
	return 0;
}

static int
list_job(struct ctx *ctx, void *p)
{
	return audit_append(ctx, "case.referrals", "case", *(int64_t *)p);
}

int
referral_all_of_case(struct ctx *ctx, int64_t case_id, struct referral **out,
    size_t *n, bool *bad)
{
	struct referral *f;
	struct referral_note *notes;
	struct store_rows *r;
	int64_t now = time_now();
	size_t i, k, nnotes;

	if (store_exec(ctx, Q_REF_OF_CASE, ARGS(store_int(case_id)), &r) ==
	    -1)
		return -1;
	f = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*f));
	for (i = 0; i < r->nrows; i++) {
		fill(ctx, r, i, &f[i], now);
		open_sealed(ctx, r, i, &f[i], bad);
	}
	if (load_notes(ctx, Q_REF_NOTES_OF_CASE, case_id, &notes, &nnotes,
	    bad) == -1)
		return -1;
	/* Hand each referral its notes: both lists go by id. */
	for (i = 0; i < r->nrows; i++) {
		for (k = 0; k < nnotes; k++) {
			if (notes[k].referral_id != f[i].id)
				continue;
			if (f[i].notes == NULL)
				f[i].notes = &notes[k];
			f[i].nnotes++;
		}
	}
	*out = f;
	*n = r->nrows;
	return 0;
}

int
referral_of_case(struct ctx *ctx, int64_t case_id, struct referral **out,
    size_t *n, struct need_uptake **up, size_t *nu)
{
	struct case_head h;
	enum case_rel rel;
	bool bad = false;

	if (case_access(ctx, case_id, &h, &rel) == -1)
		return -1;
	if (rel != CASE_REL_TEAM)
		return fail(ctx, ST_NOTFOUND, "no such case");
	if (referral_all_of_case(ctx, case_id, out, n, &bad) == -1)
		return -1;
	if (bad)
		return fail(ctx, ST_INTERNAL, "the referrals of case %lld "
		    "cannot be decrypted", (long long)case_id);
	if (uptake_of_case(ctx, case_id, up, nu) == -1)
		return -1;
	/* Messages and notes are personal data: no answer without its
	 * trace. */
	return store_write(ctx, list_job, &case_id);
}

int
referral_incoming(struct ctx *ctx, const char *status, struct referral **out,
    size_t *n)
{
	struct referral *f;
	struct store_rows *r;
	int64_t now = time_now();
	size_t i, k = 0;

	*out = NULL;
	*n = 0;
	if (status != NULL && !in_list((const char *const[]){ "sent",
	    "expired", "accepted", "declined", "withdrawn", "started", "ended",
	    NULL }, status))
		return fail_field(ctx, "status", "must be one of sent, "
		    "expired, accepted, declined, withdrawn, started, ended");
	if (ctx->who.role != ROLE_PROVIDER || ctx->who.org_id == 0)
		return 0;
	if (store_exec(ctx, Q_REF_OF_ORG, ARGS(store_int(ctx->who.org_id),
	    store_int(REFERRAL_LIST_MAX)), &r) == -1)
		return -1;
	f = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*f));
	for (i = 0; i < r->nrows; i++) {
		fill(ctx, r, i, &f[k], now);
		if (status == NULL || strcmp(f[k].state, status) == 0)
			k++;
	}
	*out = f;
	*n = k;
	return 0;
}

static int
read_job(struct ctx *ctx, void *p)
{
	struct referral *f = p;

	return audit_append(ctx, "referral.read", "case", f->case_id);
}

struct referral *
referral_get(struct ctx *ctx, int64_t id)
{
	struct referral *f;
	struct store_rows *r;
	const char *safety;
	bool bad = false, active;

	if (store_exec(ctx, Q_REF_GET, ARGS(store_int(id)), &r) == -1)
		return NULL;
	if (r->nrows == 0 || ctx->who.role != ROLE_PROVIDER ||
	    ctx->who.org_id == 0 || rows_int(r, 0, 7) != ctx->who.org_id) {
		fail(ctx, ST_NOTFOUND, "no such referral");
		return NULL;
	}
	f = arena_alloc(ctx->arena, sizeof(*f));
	fill(ctx, r, 0, f, time_now());
	active = f->sharing_ended_at == 0;
	safety = active ? sealed_get(ctx, r, 0, 27, "referral", "safety",
	    f->id, &bad) : NULL;
	if (active) {
		f->message = sealed_get(ctx, r, 0, 26, "referral", "message",
		    f->id, &bad);
		f->basis_text = sealed_get(ctx, r, 0, 25, "referral",
		    "basis_text", f->id, &bad);
	}
	f->decline_text = sealed_get(ctx, r, 0, 28, "referral",
	    "decline_text", f->id, &bad);
	f->outcome_text = sealed_get(ctx, r, 0, 29, "referral",
	    "outcome_text", f->id, &bad);
	if (sharing_read(ctx, f->case_id, f->shares, active, safety, &f->parts,
	    &bad) == -1 || load_notes(ctx, Q_REF_NOTES, f->id, &f->notes,
	    &f->nnotes, &bad) == -1)
		return NULL;
	if (bad) {
		ctx_clear_error(ctx);
		fail(ctx, ST_INTERNAL, "referral %lld cannot be decrypted",
		    (long long)id);
		return NULL;
	}
	if (store_write(ctx, read_job, f) == -1)
		return NULL;
	return f;
}

/* The overview. */

int
referral_due(struct ctx *ctx, int64_t org_id, int64_t until,
    struct due_list *l)
{
	struct deadline_rule rule;
	struct store_rows *r;
	int64_t due;
	size_t i;

	if (store_exec(ctx, Q_REF_DUE_ANSWER, ARGS(store_int(org_id),
	    store_int(until)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++)
		due_add(ctx, l, "referral_answer", rows_int(r, i, 1),
		    rows_int(r, i, 0), rows_int(r, i, 3), arena_printf(
		    ctx->arena, "%lld", (long long)rows_int(r, i, 2)));
	if (rule_get(ctx, "referral_uptake", &rule) == -1 ||
	    store_exec(ctx, Q_REF_DUE_UPTAKE, ARGS(store_int(org_id)), &r) ==
	    -1)
		return -1;
	for (i = 0; i < r->nrows; i++) {
		due = deadline_due(&rule, referral_uptake_start(
		    rows_int(r, i, 3), rows_int(r, i, 4)));
		if (due < until)
			due_add(ctx, l, "need_uptake", rows_int(r, i, 1),
			    rows_int(r, i, 0), due, rows_text(r, i, 2));
	}
	return escalation_due(ctx, org_id, until, l);
}

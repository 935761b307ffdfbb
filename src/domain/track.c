#include "domain/track.h"

#include <string.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/case.h"
#include "domain/codes.h"
#include "domain/deadline.h"
#include "domain/sealed.h"
#include "domain/timeline.h"
#include "store/store.h"

#define DUE_MAX		500

/* A state and the states that may follow it. */
struct transition {
	const char	*from;		/* NULL: no state yet */
	const char	*next[6];	/* NULL-terminated */
};

/*
 * The criminal case, as the police and the public prosecutor take it:
 * recorded for coordination only.  A dismissal can be undone (new facts,
 * or a court order on a complaint, art. 12 Sv); a judgment can be
 * appealed, which is the prosecution going on.
 */
static const struct transition criminal[] = {
	{ NULL, { "informative_conversation", "report_filed" } },
	{ "informative_conversation", { "report_filed" } },
	{ "report_filed", { "investigation", "dismissed" } },
	{ "investigation", { "dismissed", "prosecution" } },
	{ "dismissed", { "investigation", "prosecution" } },
	{ "prosecution", { "acquittal", "conviction" } },
	{ "acquittal", { "prosecution" } },
	{ "conviction", { "prosecution" } },
};

/*
 * Residence (Vreemdelingencirculaire 2000 B8/3).  A reflection period
 * ends (early with a reason) before anything follows it; a permit, or
 * one granted on an exemption from cooperating, is renewed a year at a
 * time, becomes continued residence, is withdrawn, or gives way to
 * asylum.  A withdrawal can be undone on objection or appeal.
 */
static const struct transition residence[] = {
	{ NULL, { "reflection", "permit", "exempt", "asylum" } },
	{ "reflection", { "reflection_ended" } },
	{ "reflection_ended", { "permit", "exempt", "asylum" } },
	{ "permit", { "permit_renewed", "exempt", "continued", "withdrawn",
	    "asylum" } },
	{ "exempt", { "permit_renewed", "continued", "withdrawn",
	    "asylum" } },
	{ "permit_renewed", { "permit_renewed", "exempt", "continued",
	    "withdrawn", "asylum" } },
	{ "continued", { "withdrawn" } },
	{ "withdrawn", { "permit", "asylum" } },
	{ "asylum", { "permit" } },
};

static const char *const criminal_states[] = { "informative_conversation",
    "report_filed", "investigation", "dismissed", "prosecution",
    "acquittal", "conviction", NULL };
static const char *const residence_states[] = { "reflection",
    "reflection_ended", "permit", "exempt", "permit_renewed", "continued",
    "withdrawn", "asylum", NULL };
/* Why a reflection period ended: the four of B8/3.1 early, or its end. */
static const char *const reasons[] = { "report", "declined",
    "other_application", "disappeared", "expired", NULL };
/* The grounds for an exemption from cooperating (B8/3.1). */
static const char *const grounds[] = { "serious_threat",
    "medical_psychological", NULL };
static const char *const nothing[] = { NULL };

static const char *const track_names[] = { "criminal", "residence" };

static const struct transition *
table(enum track_kind k, size_t *n)
{
	if (k == TRACK_CRIMINAL) {
		*n = sizeof(criminal) / sizeof(criminal[0]);
		return criminal;
	}
	*n = sizeof(residence) / sizeof(residence[0]);
	return residence;
}

const char *const *
track_states(enum track_kind k)
{
	return k == TRACK_CRIMINAL ? criminal_states : residence_states;
}

const char *const *
track_next(enum track_kind k, const char *from)
{
	const struct transition *t;
	size_t i, n;

	t = table(k, &n);
	for (i = 0; i < n; i++)
		if ((from == NULL && t[i].from == NULL) || (from != NULL &&
		    t[i].from != NULL && strcmp(from, t[i].from) == 0))
			return t[i].next;
	return nothing;
}

bool
track_allows(enum track_kind k, const char *from, const char *to)
{
	return to != NULL && codes_one_of(to, track_next(k, from));
}

const char *const *
track_reasons(void)
{
	return reasons;
}

const char *const *
track_grounds(void)
{
	return grounds;
}

int32_t
track_ends_on(const char *state, int32_t on, const struct track_step *prev)
{
	int32_t from = on;

	if (strcmp(state, "reflection") == 0)
		return legal_end(LEGAL_REFLECTION, on);
	if (strcmp(state, "permit_renewed") == 0) {
		/* The next year follows on from the one running. */
		if (prev != NULL && prev->ends_on > from)
			from = prev->ends_on;
		return legal_end(LEGAL_PERMIT, from);
	}
	if (strcmp(state, "permit") == 0 || strcmp(state, "exempt") == 0)
		return legal_end(LEGAL_PERMIT, on);
	return -1;
}

bool
track_deadline_of(const struct track_step *last, struct track_deadline *d)
{
	memset(d, 0, sizeof(*d));
	if (last == NULL || last->ends_on < 0)
		return false;
	if (strcmp(last->state, "reflection") == 0) {
		d->what = "reflection_ends";
		d->rule = LEGAL_REFLECTION;
		d->warning = LEGAL_WARN_REFLECTION;
	} else {
		d->what = "permit_expires";
		d->rule = LEGAL_PERMIT;
		d->warning = LEGAL_WARN_PERMIT;
	}
	d->due = last->ends_on;
	d->warn_from = legal_warn_from(d->warning, d->due);
	return true;
}

/* Reading. */

static void
step_of_row(struct ctx *ctx, const struct store_rows *r, size_t i,
    struct track_step *s, bool *bad)
{
	s->id = rows_int(r, i, 0);
	s->state = rows_text(r, i, 2);
	s->on = (int32_t)rows_int(r, i, 3);
	s->reason = rows_text(r, i, 4);
	s->ground = rows_text(r, i, 5);
	s->ends_on = (int32_t)rows_int(r, i, 6);
	s->at = rows_int(r, i, 7);
	s->username = rows_text(r, i, 8);
	s->org_name = rows_text(r, i, 9);
	s->note = sealed_get(ctx, r, i, 10, "case_event", "text",
	    rows_int(r, i, 11), bad);
}

int
track_of_case(struct ctx *ctx, int64_t case_id, struct track_history *crim,
    struct track_history *res)
{
	struct track_history *h;
	struct store_rows *r;
	size_t i;
	bool bad = false;

	if (store_exec(ctx, Q_TRACK_OF_CASE, ARGS(store_int(case_id)), &r) ==
	    -1)
		return -1;
	crim->steps = arena_alloc(ctx->arena, (r->nrows + 1) *
	    sizeof(*crim->steps));
	res->steps = arena_alloc(ctx->arena, (r->nrows + 1) *
	    sizeof(*res->steps));
	crim->n = res->n = 0;
	for (i = 0; i < r->nrows; i++) {
		h = strcmp(rows_text(r, i, 1), "criminal") == 0 ? crim : res;
		step_of_row(ctx, r, i, &h->steps[h->n++], &bad);
	}
	if (bad)
		return fail(ctx, ST_INTERNAL, "a track note of case %lld "
		    "cannot be decrypted", (long long)case_id);
	return 0;
}

/* Changing. */

struct set_job {
	int64_t		 case_id;
	enum track_kind	 kind;
	const struct track_in *in;
	int32_t		 on;
};

static const char *
list_words(struct ctx *ctx, const char *const *l)
{
	const char *s = NULL;
	size_t i;

	for (i = 0; l[i] != NULL; i++)
		s = s == NULL ? l[i] : arena_printf(ctx->arena, "%s%s%s", s,
		    l[i + 1] == NULL ? " or " : ", ", l[i]);
	return s != NULL ? s : "nothing";
}

static int
set_job(struct ctx *ctx, void *p)
{
	struct set_job *j = p;
	const struct track_in *in = j->in;
	const char *name = track_names[j->kind], *from = NULL, *detail;
	struct track_step prev;
	struct store_rows *r;
	int64_t event;
	int32_t ends;

	/* The last step, read in the write: no other step slips between. */
	if (store_exec(ctx, Q_TRACK_LAST, ARGS(store_int(j->case_id),
	    store_text(name)), &r) == -1)
		return -1;
	memset(&prev, 0, sizeof(prev));
	if (r->nrows > 0) {
		prev.state = from = rows_text(r, 0, 0);
		prev.on = (int32_t)rows_int(r, 0, 1);
		prev.ends_on = (int32_t)rows_int(r, 0, 2);
	}
	if (!track_allows(j->kind, from, in->state))
		return fail(ctx, ST_CONFLICT, "the %s track of case %lld is "
		    "at %s: from there it goes to %s", name,
		    (long long)j->case_id, from != NULL ? from : "its start",
		    list_words(ctx, track_next(j->kind, from)));
	if (from != NULL && j->on < prev.on)
		return fail(ctx, ST_CONFLICT, "the %s track of case %lld was "
		    "last changed on %s: a step cannot come before it", name,
		    (long long)j->case_id, date_format(ctx->arena, prev.on));
	if (in->reason != NULL && strcmp(in->reason, "expired") == 0 &&
	    j->on < prev.ends_on)
		return fail(ctx, ST_CONFLICT, "the reflection period of case "
		    "%lld runs until %s: before then it ends early, for one "
		    "of report, declined, other_application or disappeared",
		    (long long)j->case_id, date_format(ctx->arena,
		    prev.ends_on));
	ends = j->kind == TRACK_RESIDENCE ? track_ends_on(in->state, j->on,
	    from != NULL ? &prev : NULL) : -1;
	detail = arena_printf(ctx->arena, "%s>%s%s%s@%s", from != NULL ?
	    from : "none", in->state, in->reason != NULL || in->ground !=
	    NULL ? ":" : "", in->reason != NULL ? in->reason :
	    in->ground != NULL ? in->ground : "", date_format(ctx->arena,
	    j->on));
	if (timeline_event(ctx, j->case_id, name, detail, in->note,
	    &event) == -1)
		return -1;
	if (store_exec(ctx, Q_TRACK_INSERT, ARGS(store_int(j->case_id),
	    store_text(name), store_text(in->state), store_int(j->on),
	    store_text(in->reason), store_text(in->ground), ends >= 0 ?
	    store_int(ends) : store_null(), store_int(event)), NULL) == -1)
		return -1;
	return audit_append(ctx, j->kind == TRACK_CRIMINAL ?
	    "case.criminal" : "case.residence", "case", j->case_id);
}

/* The fields of a step, all of them checked. */
static int
check(struct ctx *ctx, enum track_kind k, const struct track_in *in,
    int32_t *on)
{
	int32_t today = deadline_local_day(time_now());
	bool ending, exempt;
	int rc = 0;

	if (!codes_one_of(in->state, track_states(k)))
		rc = fail_field(ctx, "state", "must be %s",
		    list_words(ctx, track_states(k)));
	if (in->on == NULL)
		rc = fail_field(ctx, "on", "is required");
	else if (date_parse(in->on, on) == -1)
		rc = fail_field(ctx, "on", "is not a date (YYYY-MM-DD)");
	else if (*on > today)
		rc = fail_field(ctx, "on", "is in the future");
	ending = in->state != NULL && strcmp(in->state, "reflection_ended") ==
	    0;
	exempt = in->state != NULL && strcmp(in->state, "exempt") == 0;
	if (ending && in->reason == NULL)
		rc = fail_field(ctx, "reason", "is required");
	else if (ending && !codes_one_of(in->reason, reasons))
		rc = fail_field(ctx, "reason", "must be %s",
		    list_words(ctx, reasons));
	else if (!ending && in->reason != NULL)
		rc = fail_field(ctx, "reason", "is only for ending a "
		    "reflection period");
	if (exempt && in->ground == NULL)
		rc = fail_field(ctx, "ground", "is required");
	else if (exempt && !codes_one_of(in->ground, grounds))
		rc = fail_field(ctx, "ground", "must be %s",
		    list_words(ctx, grounds));
	else if (!exempt && in->ground != NULL)
		rc = fail_field(ctx, "ground", "is only for an exemption");
	return rc;
}

int
track_set(struct ctx *ctx, int64_t case_id, enum track_kind k,
    const struct track_in *in)
{
	struct case_head h;
	struct set_job j;

	memset(&j, 0, sizeof(j));
	if (check(ctx, k, in, &j.on) == -1)
		return -1;
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	if (k == TRACK_RESIDENCE && strcmp(h.type, "trafficking") != 0)
		return fail(ctx, ST_CONFLICT, "case %lld is one of serious "
		    "disadvantage: the residence arrangement of "
		    "Vreemdelingencirculaire B8/3 is for victims of "
		    "trafficking; change the case's type first if that is "
		    "what it is", (long long)case_id);
	j.case_id = case_id;
	j.kind = k;
	j.in = in;
	return store_write(ctx, set_job, &j);
}

int
track_due_list(struct ctx *ctx, struct track_due **out, size_t *n)
{
	int32_t today = deadline_local_day(time_now()), horizon;
	struct track_step last;
	struct track_due *d;
	struct store_rows *r;
	size_t i;

	*out = NULL;
	*n = 0;
	if (ctx->who.role != ROLE_COORDINATOR)
		return 0;
	/* The furthest a warning reaches; each kind is cut to its own. */
	horizon = legal_add(today, legal_rule(LEGAL_WARN_PERMIT)->amount,
	    legal_rule(LEGAL_WARN_PERMIT)->unit);
	if (legal_add(today, legal_rule(LEGAL_WARN_REFLECTION)->amount,
	    legal_rule(LEGAL_WARN_REFLECTION)->unit) > horizon)
		horizon = legal_add(today,
		    legal_rule(LEGAL_WARN_REFLECTION)->amount,
		    legal_rule(LEGAL_WARN_REFLECTION)->unit);
	if (store_exec(ctx, Q_TRACK_DUE, ARGS(store_int(ctx->who.org_id),
	    store_int(ctx->who.user_id), store_int(horizon),
	    store_int(DUE_MAX)), &r) == -1)
		return -1;
	d = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*d));
	for (i = 0; i < r->nrows; i++) {
		memset(&last, 0, sizeof(last));
		last.state = rows_text(r, i, 1);
		last.ends_on = (int32_t)rows_int(r, i, 2);
		if (!track_deadline_of(&last, &d[*n].d) ||
		    d[*n].d.warn_from > today)
			continue;
		d[*n].case_id = rows_int(r, i, 0);
		(*n)++;
	}
	*out = d;
	return 0;
}

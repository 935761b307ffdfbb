#include "domain/subject.h"

#include <string.h>

#include "audit/audit.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/fail.h"
#include "crypt/crypt.h"
#include "crypt/normalize.h"
#include "domain/adulthood.h"
#include "domain/person.h"
#include "domain/plan.h"
#include "domain/sealed.h"
#include "domain/timeline.h"
#include "domain/escalation.h"
#include "domain/referral.h"
#include "store/store.h"

#define ACCESS_MAX	10000		/* audit entries listed a record */

struct export {
	struct ctx	*ctx;
	struct buf	 b;
	bool		 bad;		/* a sealed field did not open */
};

static const char *
when(struct export *x, int64_t t)
{
	return t > 0 ? time_iso(x->ctx->arena, t) : "-";
}

/* "  label: value", further lines of value indented; nothing for NULL. */
static void
field(struct export *x, const char *label, const char *value)
{
	const char *p, *nl;

	if (value == NULL || value[0] == '\0')
		return;
	buf_appendf(&x->b, "  %s: ", label);
	for (p = value; ; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL) {
			buf_appendf(&x->b, "%s\n", p);
			break;
		}
		buf_append(&x->b, p, (size_t)(nl - p));
		buf_puts(&x->b, "\n      ");
	}
}

static void
identity(struct export *x, const struct signal_person *p)
{
	if (p->estimated_age > 0)
		field(x, "estimated age", arena_printf(x->ctx->arena, "%lld",
		    (long long)p->estimated_age));
	field(x, "name", p->name);
	field(x, "birth date", p->birth_date);
	field(x, "BSN or V-number", p->id_number);
	field(x, "phone", p->phone);
	field(x, "languages", p->languages);
}

/* A sealed identity opened into p; false when there is none. */
static bool
open_identity(struct export *x, const struct store_rows *r, size_t row,
    size_t col, const char *table, int64_t id, struct signal_person *p)
{
	const char *plain;

	memset(p, 0, sizeof(*p));
	plain = sealed_get(x->ctx, r, row, col, table, "identity", id,
	    &x->bad);
	if (plain == NULL)
		return false;
	if (person_identity_decode(x->ctx, plain, p) == -1) {
		ctx_clear_error(x->ctx);
		x->bad = true;
		return false;
	}
	return true;
}

/*
 * Who accessed a record.  full: names, as the person is the one it is
 * about; else only when and in what role, so no one who works for the
 * victim is named.
 */
static int
accesses(struct export *x, const char *type, int64_t id, bool full)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(x->ctx, Q_AUDIT_FOR_OBJECT, ARGS(store_text(type),
	    store_int(id), store_int(ACCESS_MAX)), &r) == -1)
		return -1;
	buf_appendf(&x->b, "  accessed (%zu, newest first):\n", r->nrows);
	for (i = 0; i < r->nrows; i++) {
		buf_appendf(&x->b, "    %s  %s", when(x, rows_int(r, i, 1)),
		    rows_text(r, i, 6));
		if (rows_text(r, i, 5) != NULL)
			buf_appendf(&x->b, "  as %s", rows_text(r, i, 5));
		else if (rows_int(r, i, 2) == 0)
			buf_puts(&x->b, "  by the system");
		if (full && rows_text(r, i, 3) != NULL)
			buf_appendf(&x->b, "  by %s", rows_text(r, i, 3));
		buf_putc(&x->b, '\n');
	}
	return 0;
}

/* The referrals of the victim's case: to whom, what was shared on which
 * basis, how it went, the providers' notes; and the escalations. */
static int
referrals(struct export *x, int64_t id)
{
	struct ctx *ctx = x->ctx;
	struct referral *f;
	struct escalation *e;
	size_t k, m, n;

	if (referral_all_of_case(ctx, id, &f, &n, &x->bad) == -1)
		return -1;
	for (k = 0; k < n; k++) {
		field(x, "referral", arena_printf(ctx->arena, "%s to %s, %s",
		    f[k].need, f[k].to_org_name, f[k].state));
		field(x, "  shared", f[k].shares[0] != '\0' ? f[k].shares :
		    "only the need, case type and municipality");
		field(x, "  basis", f[k].consent_on != NULL ?
		    arena_printf(ctx->arena, "consent of %s", f[k].consent_on) :
		    f[k].legal_basis);
		field(x, "  basis text", f[k].basis_text);
		field(x, "  sent", when(x, f[k].sent_at));
		if (f[k].sharing_ended_at > 0)
			field(x, "  sharing ended", when(x,
			    f[k].sharing_ended_at));
		field(x, "  message", f[k].message);
		field(x, "  declined for", f[k].decline_reason);
		field(x, "  why declined", f[k].decline_text);
		field(x, "  outcome", f[k].outcome);
		field(x, "  about the outcome", f[k].outcome_text);
		for (m = 0; m < f[k].nnotes; m++)
			field(x, "  provider's note", f[k].notes[m].text);
	}
	if (escalation_of_case(ctx, id, &e, &n) == -1)
		return -1;
	for (k = 0; k < n; k++) {
		field(x, "escalation", arena_printf(ctx->arena, "to %s, %s",
		    e[k].to_org_name, e[k].status));
		field(x, "  summary", e[k].summary);
		field(x, "  outcome", e[k].outcome);
		field(x, "  answer", e[k].answer);
	}
	return 0;
}

static int
victim_case(struct export *x, const struct store_rows *r, size_t i)
{
	struct ctx *ctx = x->ctx;
	struct case_event *ev;
	struct case_need *needs;
	struct case_plan *plan;
	const struct plan_task *t;
	int64_t id = rows_int(r, i, 0);
	size_t k, n;

	field(x, "type", rows_text(r, i, 3));
	field(x, "forms of exploitation", rows_text(r, i, 4));
	field(x, "status", rows_text(r, i, 5));
	field(x, "close reason", rows_text(r, i, 6));
	field(x, "opened", when(x, rows_int(r, i, 7)));
	if (rows_int(r, i, 8) > 0)
		field(x, "closed", when(x, rows_int(r, i, 8)));
	field(x, "municipality", rows_text(r, i, 10));
	field(x, "care coordination", rows_text(r, i, 11));
	field(x, "coordinator", rows_text(r, i, 12));
	field(x, "coordinator's phone", rows_text(r, i, 13));
	field(x, "summary", sealed_get(ctx, r, i, 14, "care_case", "summary",
	    id, &x->bad));
	if (plan_needs_of_case(ctx, id, &needs, &n) == -1)
		return -1;
	for (k = 0; k < n; k++)
		field(x, "help need", arena_printf(ctx->arena, "%s (%s)",
		    needs[k].need, needs[k].status));
	if (plan_of_case(ctx, id, &plan, &x->bad) == -1)
		return -1;
	if (plan != NULL) {
		field(x, "plan goals", plan->goals);
		t = plan->tasks.v;
		for (k = 0; k < plan->tasks.n; k++)
			field(x, "plan task", arena_printf(ctx->arena,
			    "%s: %s", t[k].who, t[k].what));
		field(x, "plan review on", plan->review_on);
	}
	if (referrals(x, id) == -1)
		return -1;
	if (timeline_of_case(ctx, id, 0, &ev, &n, &x->bad) == -1)
		return -1;
	buf_appendf(&x->b, "  timeline (%zu):\n", n);
	for (k = 0; k < n; k++) {
		buf_appendf(&x->b, "    %s  %s", when(x, ev[k].at), ev[k].kind);
		if (ev[k].detail != NULL)
			buf_appendf(&x->b, " %s", ev[k].detail);
		buf_appendf(&x->b, "  by %s", ev[k].username != NULL ?
		    ev[k].username : "the system");
		if (ev[k].org_name != NULL)
			buf_appendf(&x->b, " (%s)", ev[k].org_name);
		buf_putc(&x->b, '\n');
		if (ev[k].text != NULL)
			field(x, "  text", ev[k].text);
	}
	return 0;
}

/* A victim's 18th birthday and the plan for after it, when kept. */
static int
transition(struct export *x, int64_t case_id, int64_t person)
{
	struct ctx *ctx = x->ctx;
	struct adult_person a;
	size_t k;
	bool found;

	if (adulthood_of_person(ctx, case_id, person, &a, &found,
	    &x->bad) == -1)
		return -1;
	if (!found)
		return 0;
	if (!a.purged)
		field(x, "18th birthday", arena_printf(ctx->arena, "%s%s",
		    date_format(ctx->arena, a.s.adult_on), a.estimated ?
		    " (estimated)" : ""));
	if (!a.has_plan)
		return 0;
	for (k = 0; k < a.plan.continues.n; k++)
		field(x, "help after 18", a.plan.continues.v[k]);
	if (a.plan.youth_care_from >= 0)
		field(x, "youth care since", date_format(ctx->arena,
		    a.plan.youth_care_from));
	field(x, "pays after 18", a.plan.payer);
	field(x, "who pays", a.plan.payer_text);
	field(x, "same professional", a.plan.same_professional == 1 ?
	    "yes" : "no");
	field(x, "professional", a.plan.professional);
	field(x, "transition notes", a.plan.notes);
	return 0;
}

static int
cases(struct export *x, int64_t person)
{
	struct store_rows *r;
	const char *kind;
	size_t i;
	bool victim;

	if (store_exec(x->ctx, Q_SUBJECT_CASES, ARGS(store_int(person)), &r) ==
	    -1)
		return -1;
	buf_appendf(&x->b, "\nCASES (%zu)\n", r->nrows);
	for (i = 0; i < r->nrows; i++) {
		kind = rows_text(r, i, 1);
		victim = strcmp(kind, "victim") == 0;
		buf_appendf(&x->b, "\nCase %lld\n", (long long)rows_int(r, i,
		    0));
		field(x, "recorded as", kind);
		field(x, "recorded on", when(x, rows_int(r, i, 2)));
		if (rows_int(r, i, 9) > 0)
			field(x, "personal data destroyed", when(x,
			    rows_int(r, i, 9)));
		/* Someone else's case: that they are on it, nothing more. */
		if (victim && (victim_case(x, r, i) == -1 ||
		    transition(x, rows_int(r, i, 0), person) == -1))
			return -1;
		if (accesses(x, "case", rows_int(r, i, 0), victim) == -1)
			return -1;
	}
	return 0;
}

static int
signals(struct export *x, const unsigned char *bi_id,
    const unsigned char *bi_nd, size_t *found)
{
	struct signal_person p;
	struct store_rows *r;
	const char *kind;
	int64_t sid;
	size_t i;
	bool victim;

	*found = 0;
	if (bi_id == NULL && bi_nd == NULL) {
		buf_puts(&x->b, "\nSIGNALS (0)\n");
		return 0;
	}
	if (store_exec(x->ctx, Q_SUBJECT_SIGNALS, ARGS(store_blob(bi_id,
	    CRYPT_INDEX_LEN), store_blob(bi_nd, CRYPT_INDEX_LEN)), &r) == -1)
		return -1;
	*found = r->nrows;
	buf_appendf(&x->b, "\nSIGNALS (%zu)\n", r->nrows);
	for (i = 0; i < r->nrows; i++) {
		sid = rows_int(r, i, 1);
		kind = rows_text(r, i, 2);
		victim = strcmp(kind, "victim") == 0;
		buf_appendf(&x->b, "\nSignal %lld\n", (long long)sid);
		field(x, "named as", kind);
		field(x, "filed", when(x, rows_int(r, i, 4)));
		if (open_identity(x, r, i, 3, "signal_person", rows_int(r, i,
		    0), &p))
			identity(x, &p);
		if (victim) {
			field(x, "status", rows_text(r, i, 5));
			field(x, "municipality", rows_text(r, i, 6));
			field(x, "filed by an organisation", rows_text(r, i,
			    7));
			field(x, "forms of exploitation", rows_text(r, i, 8));
			field(x, "description", sealed_get(x->ctx, r, i, 9,
			    "signal", "description", sid, &x->bad));
		}
		if (accesses(x, "signal", sid, victim) == -1)
			return -1;
	}
	return 0;
}

static int
check(struct ctx *ctx, const struct subject_query *q,
    struct signal_person *p)
{
	int32_t days;
	int ways;

	memset(p, 0, sizeof(*p));
	ways = (q->person > 0) + (q->id_number != NULL) + (q->name != NULL ||
	    q->birth_date != NULL);
	if (ways != 1)
		return fail_field(ctx, "person", "name the person one way: "
		    "a registry id, a BSN or V-number, or a name with a birth "
		    "date");
	if (q->id_number != NULL) {
		if (normalize_id(ctx->arena, q->id_number) == NULL &&
		    normalize_vnumber(ctx->arena, q->id_number) == NULL)
			return fail_field(ctx, "bsn", "is neither a valid BSN "
			    "(nine digits, elfproef) nor a V-number (ten "
			    "digits)");
		p->id_number = q->id_number;
	}
	if (q->name != NULL || q->birth_date != NULL) {
		if (q->name == NULL || q->name[0] == '\0')
			return fail_field(ctx, "name", "is required with a "
			    "birth date");
		if (q->birth_date == NULL)
			return fail_field(ctx, "birth_date", "is required "
			    "with a name");
		p->birth_date = normalize_date(ctx->arena, q->birth_date);
		if (p->birth_date == NULL || date_parse(p->birth_date,
		    &days) == -1)
			return fail_field(ctx, "birth_date", "is not a date "
			    "(YYYY-MM-DD)");
		p->name = q->name;
	}
	return 0;
}

static const unsigned char *
index_of(const struct store_rows *r, size_t col, const unsigned char *dflt)
{
	const unsigned char *bi;
	size_t len;

	bi = rows_blob(r, 0, col, &len);
	return bi != NULL && len == CRYPT_INDEX_LEN ? bi : dflt;
}

static int
export_job(struct ctx *ctx, void *p)
{
	const int64_t *person = p;

	return audit_append(ctx, "person.export", "person", *person);
}

char *
subject_export(struct ctx *ctx, const struct subject_query *q)
{
	struct signal_person want, p;
	struct export x;
	struct store_rows *r = NULL;
	unsigned char *want_id, *want_nd;
	const unsigned char *bi_id, *bi_nd;
	int64_t person = q->person;
	size_t nsignals;

	if (check(ctx, q, &want) == -1)
		return NULL;
	person_blind_indexes(ctx, &want, &want_id, &want_nd);
	if (person == 0 && store_exec(ctx, Q_PERSON_FIND, ARGS(
	    store_blob(want_id, CRYPT_INDEX_LEN), store_blob(want_nd,
	    CRYPT_INDEX_LEN)), &r) == -1)
		return NULL;
	if (person == 0 && r->nrows > 0)
		person = rows_int(r, 0, 0);
	r = NULL;
	if (person > 0) {
		if (store_exec(ctx, Q_SUBJECT_PERSON, ARGS(store_int(person)),
		    &r) == -1)
			return NULL;
		if (r->nrows == 0 && q->person > 0) {
			fail(ctx, ST_NOTFOUND, "no person %lld in the "
			    "registry", (long long)person);
			return NULL;
		}
		if (r->nrows == 0)
			r = NULL;
	}
	memset(&x, 0, sizeof(x));
	x.ctx = ctx;
	buf_init(&x.b, ctx->arena, BUF_DEFAULT_MAX);
	buf_appendf(&x.b, "What schakel holds about one person\n"
	    "made %s for an access request (GDPR article 15)\n",
	    time_iso(ctx->arena, time_now()));
	field(&x, "reference", ctx->reason);
	bi_id = want_id;
	bi_nd = want_nd;
	if (r == NULL) {
		person = 0;
		buf_puts(&x.b, "\nREGISTRY\n  not in the person registry\n");
	} else {
		bi_id = index_of(r, 6, want_id);
		bi_nd = index_of(r, 7, want_nd);
		buf_appendf(&x.b, "\nREGISTRY: person %lld\n",
		    (long long)person);
		field(&x, "recorded on", when(&x, rows_int(r, 0, 8)));
		if (open_identity(&x, r, 0, 1, "person", person, &p))
			identity(&x, &p);
		else if (!x.bad)
			field(&x, "identity", "none held (destroyed after "
			    "the retention period, or never recorded)");
		field(&x, "age band", rows_text(r, 0, 2));
		field(&x, "sex", rows_text(r, 0, 3));
		field(&x, "nationality", rows_text(r, 0, 4));
		field(&x, "markers", rows_text(r, 0, 5));
		if (accesses(&x, "person", person, true) == -1 ||
		    cases(&x, person) == -1)
			return NULL;
	}
	if (signals(&x, bi_id, bi_nd, &nsignals) == -1)
		return NULL;
	if (x.bad) {
		ctx_clear_error(ctx);
		fail(ctx, ST_INTERNAL, "a record of person %lld cannot be "
		    "decrypted", (long long)person);
		return NULL;
	}
	if (x.b.toobig) {
		fail(ctx, ST_INTERNAL, "the file for person %lld would be "
		    "over %u bytes", (long long)person, BUF_DEFAULT_MAX);
		return NULL;
	}
	/* No answer without its trace; a search that finds no one is
	 * recorded too. */
	if (store_write(ctx, export_job, &person) == -1)
		return NULL;
	if (person == 0 && nsignals == 0) {
		fail(ctx, ST_NOTFOUND, "no person with these details is held");
		return NULL;
	}
	return x.b.p;
}

#include "domain/placement.h"

#include <string.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/case.h"
#include "domain/codes.h"
#include "domain/deadline.h"
#include "domain/due.h"
#include "domain/person.h"
#include "domain/sealed.h"
#include "domain/timeline.h"
#include "store/store.h"

#define LIST_MAX	1000
#define DUE_MAX		2000

const char *const placement_types[] = { "categorical_shelter",
    "womens_shelter", "shelter_serious_disadvantage",
    "residential_youth_care", "foster_care", "closed_youth_care", "other",
    NULL };
const char *const placement_end_reasons[] = { "completed", "next_placement",
    "left", "went_missing", "authorisation_ended", "cancelled", "other",
    NULL };
const char *const placement_alternatives[] = { "residential_youth_care",
    "foster_care", "intensive_ambulant", "family_support", "other", NULL };
const char *const placement_auth_kinds[] = { "authorisation", "emergency",
    "conditional", NULL };

static const char *const minor_bands[] = { "0-11", "12-15", "16-17",
    NULL };

/* The rules. */

enum legal_id
placement_auth_rule(const char *kind)
{
	if (kind != NULL && strcmp(kind, "emergency") == 0)
		return LEGAL_CLOSED_EMERGENCY;
	if (kind != NULL && strcmp(kind, "conditional") == 0)
		return LEGAL_CLOSED_CONDITIONAL;
	return LEGAL_CLOSED_AUTH;
}

int32_t
placement_auth_last_day(const char *kind, int32_t valid_from)
{
	/* A period from the 15th runs through the 14th. */
	return legal_end(placement_auth_rule(kind), valid_from) - 1;
}

bool
placement_overlaps(int32_t a_from, int32_t a_until, int32_t b_from,
    int32_t b_until)
{
	int64_t ae = a_until < 0 ? PLACEMENT_DAY_OPEN : a_until;
	int64_t be = b_until < 0 ? PLACEMENT_DAY_OPEN : b_until;

	return a_from < be && b_from < ae;
}

const char *
placement_status(int32_t from, const char *end_reason, int32_t today)
{
	if (end_reason != NULL)
		return "ended";
	return from > today ? "planned" : "current";
}

void
placement_warnings(const struct placement_auth *a, bool ended,
    int32_t today, struct placement_warn *w)
{
	memset(w, 0, sizeof(*w));
	w->warn_from = w->ends_on = -1;
	if (a == NULL || a->kind == NULL)
		return;
	w->ends_on = a->valid_until;
	w->warn_from = legal_warn_from(strcmp(a->kind, "emergency") == 0 ?
	    LEGAL_WARN_CLOSED_EMERGENCY : LEGAL_WARN_CLOSED, a->valid_until);
	if (ended)
		return;
	w->ending = today >= w->warn_from && today <= a->valid_until;
	w->expired = today > a->valid_until;
	w->overrun = strcmp(a->kind, "emergency") == 0 && (w->expired ||
	    a->valid_until > placement_auth_last_day(a->kind, a->valid_from));
}

bool
placement_minor_on(int32_t born, int32_t day)
{
	return day < legal_end(LEGAL_CLOSED_MINOR, born);
}

/* The age band on day of someone born on born (person.c's bands). */
static const char *
band_on(int32_t born, int32_t day)
{
	static const struct {
		int		 below;
		const char	*band;
	} bands[] = { { 12, "0-11" }, { 16, "12-15" }, { 18, "16-17" },
	    { 23, "18-22" }, { 30, "23-29" } };
	size_t i;

	for (i = 0; i < sizeof(bands) / sizeof(bands[0]); i++)
		if (day < legal_add(born, bands[i].below, LEGAL_YEARS))
			return bands[i].band;
	return "30+";
}

/* An optional date field: -1 when absent. */
static int
day_field(struct ctx *ctx, const char *name, const char *v, bool required,
    int32_t *day)
{
	*day = -1;
	if (v == NULL || v[0] == '\0')
		return required ? fail_field(ctx, name, "is required") : 0;
	if (date_parse(v, day) == -1) {
		*day = -1;
		return fail_field(ctx, name, "is not a date (YYYY-MM-DD)");
	}
	return 0;
}

static const char *
words(struct ctx *ctx, const char *const *l)
{
	const char *s = NULL;
	size_t i;

	for (i = 0; l[i] != NULL; i++)
		s = s == NULL ? l[i] : arena_printf(ctx->arena, "%s%s%s", s,
		    l[i + 1] == NULL ? " or " : ", ", l[i]);
	return s != NULL ? s : "nothing";
}

int
placement_check_auth(struct ctx *ctx, const struct placement_auth_in *in,
    int32_t from, int32_t until, int32_t today, struct placement_auth *out)
{
	int32_t last;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	out->kind = in->authorisation_kind;
	if (in->authorisation_kind == NULL)
		rc = fail_field(ctx, "authorisation_kind", "is required: "
		    "closed youth care needs the court's authorisation");
	else if (!codes_one_of(in->authorisation_kind, placement_auth_kinds))
		rc = fail_field(ctx, "authorisation_kind", "must be %s",
		    words(ctx, placement_auth_kinds));
	if (day_field(ctx, "decided_on", in->decided_on, true,
	    &out->decided_on) == -1)
		rc = -1;
	else if (out->decided_on > today)
		rc = fail_field(ctx, "decided_on", "is in the future");
	if (day_field(ctx, "valid_from", in->valid_from, true,
	    &out->valid_from) == -1)
		rc = -1;
	if (day_field(ctx, "valid_until", in->valid_until, true,
	    &out->valid_until) == -1)
		rc = -1;
	if (out->valid_from < 0 || out->valid_until < 0)
		return rc == 0 ? -1 : rc;
	if (out->decided_on >= 0 && out->valid_from < out->decided_on)
		rc = fail_field(ctx, "valid_from", "is before the court's "
		    "decision");
	if (out->valid_until < out->valid_from)
		rc = fail_field(ctx, "valid_until", "is before valid_from");
	else if (codes_one_of(in->authorisation_kind, placement_auth_kinds)) {
		last = placement_auth_last_day(in->authorisation_kind,
		    out->valid_from);
		if (out->valid_until > last)
			rc = fail_field(ctx, "valid_until", "is after %s: an "
			    "%s authorisation runs at most %d %s (%s)",
			    date_format(ctx->arena, last),
			    in->authorisation_kind,
			    legal_rule(placement_auth_rule(
			    in->authorisation_kind))->amount,
			    legal_unit_name(legal_rule(placement_auth_rule(
			    in->authorisation_kind))->unit),
			    legal_rule(placement_auth_rule(
			    in->authorisation_kind))->source);
	}
	if (from >= 0 && from < out->valid_from)
		rc = fail_field(ctx, "from", "is before the authorisation "
		    "is valid (%s)", date_format(ctx->arena,
		    out->valid_from));
	if (from >= 0 && from > out->valid_until)
		rc = fail_field(ctx, "from", "is after the authorisation "
		    "ends (%s)", date_format(ctx->arena, out->valid_until));
	if (until >= 0 && until > out->valid_until)
		rc = fail_field(ctx, "until", "is after the authorisation "
		    "ends (%s)", date_format(ctx->arena, out->valid_until));
	return rc;
}

/* A provider organisation, required unless the type allows none. */
static int
check_provider(struct ctx *ctx, const char *type, int64_t org)
{
	struct store_rows *r;
	bool optional = type != NULL && (strcmp(type, "foster_care") == 0 ||
	    strcmp(type, "other") == 0);

	if (org == 0)
		return optional ? 0 : fail_field(ctx, "provider_org_id",
		    "is required: the provider where the person stays");
	if (store_exec(ctx, Q_PLACEMENT_PROVIDER_IS, ARGS(store_int(org)),
	    &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail_field(ctx, "provider_org_id", "is not a provider "
		    "organisation");
	return 0;
}

/* Inside a write: no other placement of the person meets these days. */
static int
check_overlap(struct ctx *ctx, int64_t case_id, int64_t person, int64_t id,
    int32_t from, int32_t until)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_PLACEMENT_OVERLAP, ARGS(store_int(case_id),
	    store_int(person), store_int(id), store_int(from),
	    store_int(until < 0 ? PLACEMENT_DAY_OPEN : until)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return 0;
	return fail(ctx, ST_CONFLICT, "placement %lld of the same person "
	    "runs from %s %s%s: placements may not overlap, though one may "
	    "end on the day the next starts", (long long)rows_int(r, 0, 0),
	    date_format(ctx->arena, (int32_t)rows_int(r, 0, 1)),
	    rows_int(r, 0, 2) < 0 ? "without an end" : "until ",
	    rows_int(r, 0, 2) < 0 ? "" : date_format(ctx->arena,
	    (int32_t)rows_int(r, 0, 2)));
}

/* Reading. */

int
placement_of_case(struct ctx *ctx, int64_t case_id, struct placement **out,
    size_t *n, bool *can_work)
{
	int32_t today = deadline_local_day(time_now());
	struct store_rows *r, *ra, *rl;
	struct placement *p;
	struct case_head h;
	enum case_rel rel;
	size_t i, k;
	bool bad = false;

	*out = NULL;
	*n = 0;
	if (case_access(ctx, case_id, &h, &rel) == -1)
		return -1;
	/* Who sees only part of a case does not see where the person is. */
	if (rel < CASE_REL_GLASS)
		return fail(ctx, ST_NOTFOUND, "no such case");
	*can_work = rel == CASE_REL_TEAM;
	if (store_exec(ctx, Q_PLACEMENT_OF_CASE, ARGS(store_int(case_id)),
	    &r) == -1 || store_exec(ctx, Q_PLACEMENT_AUTHS_OF_CASE,
	    ARGS(store_int(case_id)), &ra) == -1 || store_exec(ctx,
	    Q_PLACEMENT_ALTS_OF_CASE, ARGS(store_int(case_id)), &rl) == -1)
		return -1;
	p = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*p));
	for (i = 0; i < r->nrows; i++) {
		p[i].id = rows_int(r, i, 0);
		p[i].case_id = case_id;
		p[i].person_id = rows_int(r, i, 1);
		p[i].type = rows_text(r, i, 2);
		p[i].other_text = sealed_get(ctx, r, i, 3, "placement",
		    "other_text", p[i].id, &bad);
		p[i].from = (int32_t)rows_int(r, i, 4);
		p[i].until = (int32_t)rows_int(r, i, 5);
		p[i].end_reason = rows_text(r, i, 6);
		p[i].provider_id = rows_int(r, i, 7);
		p[i].provider_name = rows_text(r, i, 8);
		p[i].review_on = (int32_t)rows_int(r, i, 9);
		p[i].age_band = rows_text(r, i, 10);
		p[i].created_by = rows_text(r, i, 11);
		p[i].created_at = rows_int(r, i, 12);
		p[i].updated_at = rows_int(r, i, 13);
		p[i].status = placement_status(p[i].from, p[i].end_reason,
		    today);
		p[i].auths = arena_alloc(ctx->arena, (ra->nrows + 1) *
		    sizeof(*p[i].auths));
		for (k = 0; k < ra->nrows; k++) {
			struct placement_auth *a;

			if (rows_int(ra, k, 1) != p[i].id)
				continue;
			a = &p[i].auths[p[i].nauths++];
			a->id = rows_int(ra, k, 0);
			a->kind = rows_text(ra, k, 2);
			a->decided_on = (int32_t)rows_int(ra, k, 3);
			a->valid_from = (int32_t)rows_int(ra, k, 4);
			a->valid_until = (int32_t)rows_int(ra, k, 5);
			a->by = rows_text(ra, k, 6);
			a->at = rows_int(ra, k, 7);
		}
		p[i].alts = arena_alloc(ctx->arena, (rl->nrows + 1) *
		    sizeof(*p[i].alts));
		for (k = 0; k < rl->nrows; k++) {
			if (rows_int(rl, k, 1) != p[i].id)
				continue;
			p[i].alts[p[i].nalts].code = rows_text(rl, k, 2);
			p[i].alts[p[i].nalts++].why = sealed_get(ctx, rl, k, 3,
			    "placement_alternative", "why", rows_int(rl, k, 0),
			    &bad);
		}
		placement_warnings(p[i].nauths > 0 ?
		    &p[i].auths[p[i].nauths - 1] : NULL,
		    p[i].end_reason != NULL, today, &p[i].warn);
	}
	if (bad)
		return fail(ctx, ST_INTERNAL, "a placement text of case %lld "
		    "cannot be decrypted", (long long)case_id);
	if (audit_read(ctx, "placement.read", "case", case_id) == -1)
		return -1;
	*out = p;
	*n = r->nrows;
	return 0;
}

/* Recording. */

struct record_job {
	int64_t		 case_id;
	const struct placement_in *in;
	int32_t		 from, until, review;
	const char	*age_band;
	struct placement_auth auth;
	bool		 closed;
	int64_t		 id;
};

static int
auth_insert(struct ctx *ctx, int64_t placement,
    const struct placement_auth *a)
{
	return store_exec(ctx, Q_PLACEMENT_AUTH_INSERT,
	    ARGS(store_int(placement), store_text(a->kind),
	    store_int(a->decided_on), store_int(a->valid_from),
	    store_int(a->valid_until), store_int(ctx->who.user_id),
	    store_int(time_now())), NULL);
}

static int
record_job(struct ctx *ctx, void *p)
{
	struct record_job *j = p;
	const struct placement_in *in = j->in;
	const struct placement_alt *alt;
	struct store_value sealed;
	struct store_rows *r;
	size_t i;
	int64_t alt_id;

	if (check_overlap(ctx, j->case_id, in->person_id, 0, j->from,
	    j->until) == -1)
		return -1;
	if (store_exec(ctx, Q_PLACEMENT_INSERT, ARGS(store_int(j->case_id),
	    store_int(in->person_id), store_text(in->type),
	    store_int(j->from), j->until >= 0 ? store_int(j->until) :
	    store_null(), in->provider_org_id > 0 ?
	    store_int(in->provider_org_id) : store_null(), j->review >= 0 ?
	    store_int(j->review) : store_null(), store_text(j->age_band),
	    store_int(ctx->who.user_id), store_int(time_now())), &r) == -1)
		return -1;
	j->id = rows_int(r, 0, 0);
	if (in->other_text != NULL && (sealed_put(ctx, "placement",
	    "other_text", j->id, in->other_text, &sealed) == -1 ||
	    store_exec(ctx, Q_PLACEMENT_SEAL_OTHER, ARGS(store_int(j->id),
	    sealed), NULL) == -1))
		return -1;
	if (j->closed) {
		if (auth_insert(ctx, j->id, &j->auth) == -1)
			return -1;
		alt = in->alternatives.v;
		for (i = 0; i < in->alternatives.n; i++) {
			if (store_exec(ctx, Q_PLACEMENT_ALT_INSERT,
			    ARGS(store_int(j->id), store_text(alt[i].code)),
			    &r) == -1)
				return -1;
			alt_id = rows_int(r, 0, 0);
			if (sealed_put(ctx, "placement_alternative", "why",
			    alt_id, alt[i].why, &sealed) == -1 ||
			    store_exec(ctx, Q_PLACEMENT_ALT_SEAL,
			    ARGS(store_int(alt_id), sealed), NULL) == -1)
				return -1;
		}
	}
	if (timeline_add(ctx, j->case_id, "placement_recorded",
	    arena_printf(ctx->arena, "placement:%lld:%s%s%s@%s",
	    (long long)j->id, in->type, j->closed ? ":" : "",
	    j->closed ? j->auth.kind : "", date_format(ctx->arena, j->from)),
	    NULL) == -1)
		return -1;
	return audit_append(ctx, "placement.record", "case", j->case_id);
}

/* The person on the case, and their age band on day (NULL: unknown). */
static int
person_on_case(struct ctx *ctx, int64_t case_id, int64_t person,
    int32_t day, const char **band, int32_t *born)
{
	struct case_person *cp;
	size_t i, n;
	bool bad = false;

	*band = NULL;
	*born = -1;
	if (person_of_case(ctx, case_id, &cp, &n, &bad) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (cp[i].id != person)
			continue;
		if (cp[i].p.birth_date != NULL &&
		    date_parse(cp[i].p.birth_date, born) == 0)
			*band = day >= 0 ? band_on(*born, day) : NULL;
		else {
			*born = -1;
			*band = cp[i].p.age_band;
		}
		return 1;
	}
	return 0;
}

int
placement_record(struct ctx *ctx, int64_t case_id,
    const struct placement_in *in, int64_t *id)
{
	int32_t today = deadline_local_day(time_now()), born;
	const struct placement_alt *alt = in->alternatives.v;
	struct placement_auth_in ai;
	struct record_job j;
	struct case_head h;
	size_t i;
	int rc = 0, on;

	memset(&j, 0, sizeof(j));
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	if (!codes_one_of(in->type, placement_types))
		rc = fail_field(ctx, "type", "must be %s",
		    words(ctx, placement_types));
	j.closed = in->type != NULL && strcmp(in->type, "closed_youth_care") ==
	    0;
	if (in->type != NULL && strcmp(in->type, "other") == 0 &&
	    (in->other_text == NULL || in->other_text[0] == '\0'))
		rc = fail_field(ctx, "other_text", "is required for a "
		    "placement of type other: say what it is");
	else if (in->other_text != NULL && (in->type == NULL ||
	    strcmp(in->type, "other") != 0))
		rc = fail_field(ctx, "other_text", "is only for a placement "
		    "of type other");
	if (day_field(ctx, "from", in->from, true, &j.from) == -1)
		rc = -1;
	if (day_field(ctx, "until", in->until, false, &j.until) == -1)
		rc = -1;
	else if (j.until >= 0 && j.from >= 0 && j.until < j.from)
		rc = fail_field(ctx, "until", "is before from");
	if (day_field(ctx, "review_on", in->review_on, false, &j.review) == -1)
		rc = -1;
	if (check_provider(ctx, in->type, in->provider_org_id) == -1) {
		if (ctx->status != ST_INVALID)
			return -1;
		rc = -1;
	}
	on = person_on_case(ctx, case_id, in->person_id, j.from,
	    &j.age_band, &born);
	if (on == -1)
		return -1;
	if (in->person_id == 0)
		rc = fail_field(ctx, "person_id", "is required: the person "
		    "of the case who is placed");
	else if (on == 0)
		rc = fail_field(ctx, "person_id", "is not a person of case "
		    "%lld", (long long)case_id);
	if (j.closed) {
		/* No, unless: every condition, every missing field named. */
		if (on == 1 && born >= 0 && j.from >= 0 &&
		    !placement_minor_on(born, j.from))
			rc = fail_field(ctx, "person_id", "is 18 or older on "
			    "%s: closed youth care is for minors (%s)",
			    date_format(ctx->arena, j.from),
			    legal_rule(LEGAL_CLOSED_MINOR)->source);
		else if (on == 1 && born < 0 && !codes_one_of(j.age_band,
		    minor_bands))
			rc = fail_field(ctx, "person_id", "has no birth date "
			    "or age under 18 on the case: closed youth care is "
			    "for minors, and that must be known");
		memset(&ai, 0, sizeof(ai));
		ai.authorisation_kind = in->authorisation_kind;
		ai.decided_on = in->decided_on;
		ai.valid_from = in->valid_from;
		ai.valid_until = in->valid_until;
		if (placement_check_auth(ctx, &ai, j.from, j.until, today,
		    &j.auth) == -1)
			rc = -1;
		if (in->alternatives.n == 0)
			rc = fail_field(ctx, "alternatives", "needs at least "
			    "one less restrictive alternative that was "
			    "considered, with why it did not suffice");
		for (i = 0; i < in->alternatives.n; i++) {
			if (!codes_one_of(alt[i].code, placement_alternatives))
				rc = fail_field(ctx, arena_printf(ctx->arena,
				    "alternatives[%zu].code", i), "must be %s",
				    words(ctx, placement_alternatives));
			if (alt[i].why == NULL || alt[i].why[0] == '\0')
				rc = fail_field(ctx, arena_printf(ctx->arena,
				    "alternatives[%zu].why", i), "is required: "
				    "why it did not suffice");
		}
	} else if (in->authorisation_kind != NULL || in->decided_on != NULL ||
	    in->valid_from != NULL || in->valid_until != NULL ||
	    in->alternatives.n > 0)
		rc = fail_field(ctx, "authorisation_kind", "an authorisation "
		    "and alternatives are for closed youth care only");
	if (rc == -1)
		return -1;
	if (strcmp(h.status, "closed") == 0)
		return fail(ctx, ST_CONFLICT, "case %lld is closed: reopen it "
		    "before recording a placement", (long long)case_id);
	j.case_id = case_id;
	j.in = in;
	if (store_write(ctx, record_job, &j) == -1)
		return -1;
	*id = j.id;
	return 0;
}

/* The head of a placement of a case the caller works on. */
struct head {
	int64_t		 id, person, provider;
	const char	*type, *end_reason;
	int32_t		 from, until, review;
	struct placement_auth auth;	/* kind NULL: none */
};

static int
read_head(struct ctx *ctx, int64_t case_id, int64_t id, struct head *h)
{
	struct store_rows *r;

	memset(h, 0, sizeof(*h));
	if (store_exec(ctx, Q_PLACEMENT_HEAD, ARGS(store_int(id),
	    store_int(case_id)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_NOTFOUND, "no such placement");
	h->id = id;
	h->person = rows_int(r, 0, 1);
	h->type = rows_text(r, 0, 2);
	h->from = (int32_t)rows_int(r, 0, 3);
	h->until = (int32_t)rows_int(r, 0, 4);
	h->end_reason = rows_text(r, 0, 5);
	h->provider = rows_int(r, 0, 6);
	h->review = (int32_t)rows_int(r, 0, 7);
	h->auth.kind = rows_text(r, 0, 8);
	h->auth.valid_from = (int32_t)rows_int(r, 0, 9);
	h->auth.valid_until = (int32_t)rows_int(r, 0, 10);
	return 0;
}

/* Changing. */

struct change_job {
	int64_t		 case_id, id;
	const struct placement_change *in;
	int32_t		 until, review;
};

static int
change_job(struct ctx *ctx, void *p)
{
	struct change_job *j = p;
	struct store_rows *r;
	struct head h;

	if (read_head(ctx, j->case_id, j->id, &h) == -1)
		return -1;
	if (h.end_reason != NULL)
		return fail(ctx, ST_CONFLICT, "placement %lld has ended: an "
		    "ended placement is not changed", (long long)j->id);
	if (j->until >= 0 && j->until < h.from)
		return fail_field(ctx, "until", "is before the placement's "
		    "first day (%s)", date_format(ctx->arena, h.from));
	if (h.auth.kind != NULL && j->until >= 0 &&
	    j->until > h.auth.valid_until)
		return fail_field(ctx, "until", "is after the authorisation "
		    "ends (%s): add a new authorisation first",
		    date_format(ctx->arena, h.auth.valid_until));
	if (check_provider(ctx, h.type, j->in->provider_org_id) == -1)
		return -1;
	if (check_overlap(ctx, j->case_id, h.person, j->id, h.from,
	    j->until) == -1)
		return -1;
	if (store_exec(ctx, Q_PLACEMENT_SET, ARGS(store_int(j->id),
	    store_int(j->case_id), j->until >= 0 ? store_int(j->until) :
	    store_null(), j->review >= 0 ? store_int(j->review) :
	    store_null(), j->in->provider_org_id > 0 ?
	    store_int(j->in->provider_org_id) : store_null(),
	    store_int(time_now())), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "placement %lld has ended",
		    (long long)j->id);
	if (timeline_add(ctx, j->case_id, "placement_changed",
	    arena_printf(ctx->arena, "placement:%lld:until@%s",
	    (long long)j->id, j->until >= 0 ? date_format(ctx->arena,
	    j->until) : "open"), NULL) == -1)
		return -1;
	return audit_append(ctx, "placement.change", "case", j->case_id);
}

int
placement_change(struct ctx *ctx, int64_t case_id, int64_t id,
    const struct placement_change *in)
{
	struct change_job j;
	struct case_head h;
	int rc = 0;

	memset(&j, 0, sizeof(j));
	if (day_field(ctx, "until", in->until, false, &j.until) == -1)
		rc = -1;
	if (day_field(ctx, "review_on", in->review_on, false, &j.review) == -1)
		rc = -1;
	if (rc == -1)
		return -1;
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	j.case_id = case_id;
	j.id = id;
	j.in = in;
	return store_write(ctx, change_job, &j);
}

/* Ending. */

struct end_job {
	int64_t		 case_id, id;
	int32_t		 on;
	const char	*reason;
};

static int
end_job(struct ctx *ctx, void *p)
{
	struct end_job *j = p;
	struct store_rows *r;
	struct head h;
	int32_t on = j->on;

	if (read_head(ctx, j->case_id, j->id, &h) == -1)
		return -1;
	if (h.end_reason != NULL)
		return fail(ctx, ST_CONFLICT, "placement %lld has ended "
		    "already", (long long)j->id);
	if (strcmp(j->reason, "cancelled") == 0) {
		/* A planned placement that did not happen takes no days. */
		if (h.from <= deadline_local_day(time_now()))
			return fail(ctx, ST_CONFLICT, "placement %lld has "
			    "started: end it with another reason",
			    (long long)j->id);
		on = h.from;
	} else if (on < h.from)
		return fail_field(ctx, "on", "is before the placement's "
		    "first day (%s)", date_format(ctx->arena, h.from));
	if (store_exec(ctx, Q_PLACEMENT_END, ARGS(store_int(j->id),
	    store_int(j->case_id), store_int(on), store_text(j->reason),
	    store_int(time_now())), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "placement %lld has ended "
		    "already", (long long)j->id);
	if (timeline_add(ctx, j->case_id, "placement_ended",
	    arena_printf(ctx->arena, "placement:%lld:%s@%s", (long long)j->id,
	    j->reason, date_format(ctx->arena, on)), NULL) == -1)
		return -1;
	return audit_append(ctx, "placement.end", "case", j->case_id);
}

int
placement_end(struct ctx *ctx, int64_t case_id, int64_t id, const char *on,
    const char *reason)
{
	int32_t today = deadline_local_day(time_now());
	struct end_job j;
	struct case_head h;
	int rc = 0;

	memset(&j, 0, sizeof(j));
	if (!codes_one_of(reason, placement_end_reasons))
		rc = fail_field(ctx, "reason", "must be %s",
		    words(ctx, placement_end_reasons));
	if (day_field(ctx, "on", on, true, &j.on) == -1)
		rc = -1;
	else if (j.on > today)
		rc = fail_field(ctx, "on", "is in the future: end a placement "
		    "when it has ended, or set its until");
	if (rc == -1)
		return -1;
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	j.case_id = case_id;
	j.id = id;
	j.reason = reason;
	return store_write(ctx, end_job, &j);
}

/* A new authorisation. */

struct renew_job {
	int64_t		 case_id, id;
	const struct placement_auth_in *in;
	int32_t		 today;
	struct placement_auth auth;
};

static int
renew_job(struct ctx *ctx, void *p)
{
	struct renew_job *j = p;
	struct head h;

	if (read_head(ctx, j->case_id, j->id, &h) == -1)
		return -1;
	if (strcmp(h.type, "closed_youth_care") != 0)
		return fail(ctx, ST_CONFLICT, "placement %lld is not closed "
		    "youth care: it has no authorisation", (long long)j->id);
	if (h.end_reason != NULL)
		return fail(ctx, ST_CONFLICT, "placement %lld has ended",
		    (long long)j->id);
	if (h.auth.kind != NULL && j->auth.valid_from >
	    h.auth.valid_until + 1)
		return fail_field(ctx, "valid_from", "leaves days without an "
		    "authorisation: the one that holds ends on %s",
		    date_format(ctx->arena, h.auth.valid_until));
	if (h.auth.kind != NULL && j->auth.valid_until <= h.auth.valid_until)
		return fail_field(ctx, "valid_until", "is not after %s, the "
		    "end of the authorisation that holds",
		    date_format(ctx->arena, h.auth.valid_until));
	if (auth_insert(ctx, j->id, &j->auth) == -1)
		return -1;
	if (timeline_add(ctx, j->case_id, "placement_authorised",
	    arena_printf(ctx->arena, "placement:%lld:%s@%s-%s",
	    (long long)j->id, j->auth.kind, date_format(ctx->arena,
	    j->auth.valid_from), date_format(ctx->arena,
	    j->auth.valid_until)), NULL) == -1)
		return -1;
	return audit_append(ctx, "placement.authorise", "case", j->case_id);
}

int
placement_renew(struct ctx *ctx, int64_t case_id, int64_t id,
    const struct placement_auth_in *in)
{
	struct renew_job j;
	struct case_head h;

	memset(&j, 0, sizeof(j));
	j.today = deadline_local_day(time_now());
	if (placement_check_auth(ctx, in, -1, -1, j.today, &j.auth) == -1)
		return -1;
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	j.case_id = case_id;
	j.id = id;
	j.in = in;
	return store_write(ctx, renew_job, &j);
}

/* The provider's view and the select of providers. */

int
placement_of_provider(struct ctx *ctx, struct placement_line **out,
    size_t *n)
{
	int32_t today = deadline_local_day(time_now());
	struct placement_line *l;
	struct store_rows *r;
	size_t i;

	*out = NULL;
	*n = 0;
	if (ctx->who.role != ROLE_PROVIDER || ctx->who.org_id == 0)
		return 0;
	if (store_exec(ctx, Q_PLACEMENT_OF_PROVIDER,
	    ARGS(store_int(ctx->who.org_id), store_int(LIST_MAX)), &r) == -1)
		return -1;
	l = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*l));
	for (i = 0; i < r->nrows; i++) {
		l[i].id = rows_int(r, i, 0);
		l[i].case_id = rows_int(r, i, 1);
		l[i].type = rows_text(r, i, 2);
		l[i].from = (int32_t)rows_int(r, i, 3);
		l[i].until = (int32_t)rows_int(r, i, 4);
		l[i].status = placement_status(l[i].from, rows_text(r, i, 5),
		    today);
	}
	if (r->nrows > 0 && audit_read(ctx, "placement.list", "org",
	    ctx->who.org_id) == -1)
		return -1;
	*out = l;
	*n = r->nrows;
	return 0;
}

int
placement_providers(struct ctx *ctx, struct placement_provider **out,
    size_t *n)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_PLACEMENT_PROVIDERS, NOARGS, &r) == -1)
		return -1;
	*out = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**out));
	for (i = 0; i < r->nrows; i++) {
		(*out)[i].id = rows_int(r, i, 0);
		(*out)[i].name = rows_text(r, i, 1);
	}
	*n = r->nrows;
	return 0;
}

/* The deadline overview. */

/* The moment day ends in Amsterdam: 23:59:59, as deadline_due(). */
static int64_t
end_of_day(int32_t day)
{
	int64_t t = (int64_t)day * 86400 + 86399;

	return t - deadline_amsterdam_offset(t);
}

int
placement_due(struct ctx *ctx, int64_t org_id, int64_t until,
    struct due_list *l)
{
	int32_t today = deadline_local_day(time_now());
	int32_t horizon = deadline_local_day(until), reach;
	struct placement_auth a;
	struct placement_warn w;
	struct store_rows *r;
	int64_t kase, id;
	size_t i;

	/* An authorisation is listed from its warning's first day. */
	reach = legal_add(horizon, legal_rule(LEGAL_WARN_CLOSED)->amount,
	    legal_rule(LEGAL_WARN_CLOSED)->unit);
	if (store_exec(ctx, Q_PLACEMENT_DUE, ARGS(store_int(org_id),
	    store_int(horizon), store_int(reach),
	    store_int(legal_rule(LEGAL_CLOSED_EMERGENCY)->amount),
	    store_int(DUE_MAX)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++) {
		id = rows_int(r, i, 0);
		kase = rows_int(r, i, 1);
		if (rows_int(r, i, 3) >= 0 && rows_int(r, i, 3) <= horizon)
			due_add(ctx, l, "placement_review", kase, id,
			    end_of_day((int32_t)rows_int(r, i, 3)),
			    rows_text(r, i, 2));
		if (rows_null(r, i, 4))
			continue;
		memset(&a, 0, sizeof(a));
		a.kind = rows_text(r, i, 4);
		a.valid_from = (int32_t)rows_int(r, i, 5);
		a.valid_until = (int32_t)rows_int(r, i, 6);
		placement_warnings(&a, false, today, &w);
		if (w.warn_from <= horizon)
			due_add(ctx, l, "authorisation_end", kase, id,
			    end_of_day(a.valid_until), a.kind);
		if (w.overrun)
			due_add(ctx, l, "emergency_overrun", kase, id,
			    end_of_day(a.valid_until), a.kind);
	}
	return 0;
}

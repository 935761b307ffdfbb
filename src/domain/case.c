#include "domain/case.h"

#include <string.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/adulthood.h"
#include "domain/catalog.h"
#include "domain/codes.h"
#include "domain/deadline.h"
#include "domain/emergency.h"
#include "domain/notify.h"
#include "domain/rule.h"
#include "domain/sealed.h"
#include "domain/transfer.h"
#include "store/store.h"

#define LIST_MAX	1000

static const char *const case_types[] = { "trafficking",
    "serious_disadvantage", NULL };
static const char *const close_reasons[] = { "care_completed",
    "moved_abroad", "returned_voluntarily", "lost_contact", "deceased",
    "other", NULL };
static const char *const direct_sources[] = { "police",
    "labour_inspectorate", "self", "other", NULL };

bool
case_form_valid(const char *f)
{
	return f != NULL && strcmp(f, "ernstige_benadeling") != 0 &&
	    catalog_form_valid(f);
}

/*
 * The care-coordination organisations serving a municipality: those of
 * type care_coordination linked to a region of type care_coordination
 * that holds it.  want > 0 asks whether that organisation is one of
 * them; else the first is taken.  0 in *org when none.
 */
static int
serving(struct ctx *ctx, const char *muni, int64_t want, int64_t *region,
    int64_t *org)
{
	struct store_rows *r;
	size_t i;

	*region = 0;
	*org = 0;
	if (store_exec(ctx, Q_CASE_SERVING, ARGS(store_text(muni)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++) {
		if (want > 0 && rows_int(r, i, 1) != want)
			continue;
		*region = rows_int(r, i, 0);
		*org = rows_int(r, i, 1);
		break;
	}
	return 0;
}

int
case_serving(struct ctx *ctx, const char *muni, int64_t *region,
    int64_t *org)
{
	return serving(ctx, muni, 0, region, org);
}

static int
accept_due(struct ctx *ctx, int64_t now, int64_t *due)
{
	struct deadline_rule rule;

	if (rule_get(ctx, "case_accept", &rule) == -1)
		return -1;
	*due = deadline_due(&rule, now);
	return 0;
}

struct new_case {
	const char	*type;
	const char	*forms;
	const char	*indicators;
	const char	*status;
	int64_t		 org, region;
	const char	*municipality;
	int64_t		 coordinator;	/* 0: not yet */
	int64_t		 signal;	/* 0: directly */
	const char	*source;
	const char	*summary;
};

static int
insert_case(struct ctx *ctx, const struct new_case *c, int64_t *id)
{
	struct store_value summary;
	struct store_rows *r;
	int64_t now = time_now(), due;

	if (accept_due(ctx, now, &due) == -1)
		return -1;
	if (store_exec(ctx, Q_CASE_INSERT, ARGS(store_text(c->type),
	    store_text(c->forms), store_text(c->indicators),
	    store_text(c->status), store_int(c->org), c->region > 0 ?
	    store_int(c->region) : store_null(), store_text(c->municipality),
	    c->coordinator > 0 ? store_int(c->coordinator) : store_null(),
	    c->signal > 0 ? store_int(c->signal) : store_null(),
	    store_text(c->source), store_int(ctx->who.user_id),
	    store_int(due), c->coordinator > 0 ? store_int(now) :
	    store_null(), store_int(now)), &r) == -1)
		return -1;
	*id = rows_int(r, 0, 0);
	if (c->summary != NULL) {
		if (sealed_put(ctx, "care_case", "summary", *id, c->summary,
		    &summary) == -1 || store_exec(ctx, Q_CASE_SEAL,
		    ARGS(store_int(*id), summary), NULL) == -1)
			return -1;
	}
	return 0;
}

void
case_type_of_forms(struct arena *a, const char *forms, const char **type,
    const char **case_forms)
{
	struct json_strlist in, out;
	size_t i;

	codes_split(a, forms, &in);
	out.v = arena_alloc(a, (in.n + 1) * sizeof(*out.v));
	out.n = 0;
	for (i = 0; i < in.n; i++)
		if (case_form_valid(in.v[i]))
			out.v[out.n++] = in.v[i];
	if (out.n == 0 && codes_has(forms, "ernstige_benadeling")) {
		*type = "serious_disadvantage";
		*case_forms = "";
		return;
	}
	if (out.n == 0)
		out.v[out.n++] = "other_unknown";
	*type = "trafficking";
	*case_forms = codes_join(a, &out);
}

int
case_open_from_signal(struct ctx *ctx, int64_t signal, int64_t *id)
{
	struct new_case c;
	struct store_rows *r;
	bool bad = false;

	if (store_row(ctx, Q_CASE_SIGNAL_SOURCE, ARGS(store_int(signal)), &r,
	    "no such signal") == -1)
		return -1;
	memset(&c, 0, sizeof(c));
	c.municipality = rows_text(r, 0, 0);
	if (serving(ctx, c.municipality, 0, &c.region, &c.org) == -1)
		return -1;
	if (c.org == 0)
		return fail(ctx, ST_CONFLICT, "no care coordination serves "
		    "%s (%s): an administrator must add the municipality to "
		    "a region of type care_coordination and link a "
		    "care-coordination organisation to that region; nothing "
		    "was decided", rows_text(r, 0, 1), c.municipality);
	case_type_of_forms(ctx->arena, rows_text(r, 0, 2), &c.type,
	    &c.forms);
	c.indicators = rows_text(r, 0, 3);
	c.status = "new";
	c.signal = signal;
	c.source = "signal";
	c.summary = sealed_get(ctx, r, 0, 5, "signal", "description", signal,
	    &bad);
	if (bad)
		return fail(ctx, ST_INTERNAL, "signal %lld cannot be "
		    "decrypted", (long long)signal);
	if (insert_case(ctx, &c, id) == -1 ||
	    person_from_signal(ctx, signal, *id) == -1 ||
	    plan_needs_from_list(ctx, *id, rows_text(r, 0, 4)) == -1 ||
	    timeline_add(ctx, *id, "opened", arena_printf(ctx->arena,
	    "signal:%lld", (long long)signal), NULL) == -1)
		return -1;
	if (audit_append(ctx, "case.open", "case", *id) == -1)
		return -1;
	/* The care coordinators who may open it: its turn is theirs. */
	return notify_case_team(ctx, *id, "case_opened");
}

int
case_of_signal(struct ctx *ctx, int64_t signal, int64_t *id,
    const char **org_name)
{
	struct store_rows *r;

	*id = 0;
	*org_name = NULL;
	if (store_exec(ctx, Q_CASE_OF_SIGNAL, ARGS(store_int(signal)), &r) ==
	    -1)
		return -1;
	if (r->nrows > 0) {
		*id = rows_int(r, 0, 0);
		*org_name = rows_text(r, 0, 1);
	}
	return 0;
}

static int
check_forms(struct ctx *ctx, const char *type,
    const struct json_strlist *forms)
{
	size_t i;
	int rc = 0;

	if (!codes_one_of(type, case_types))
		return fail_field(ctx, "type", "must be trafficking or "
		    "serious_disadvantage");
	if (strcmp(type, "serious_disadvantage") == 0 && forms->n > 0)
		rc = fail_field(ctx, "forms", "must be empty for serious "
		    "disadvantage: it has no form of exploitation");
	if (strcmp(type, "trafficking") == 0 && forms->n == 0)
		rc = fail_field(ctx, "forms", "name at least one form of "
		    "exploitation (other_unknown when unknown)");
	for (i = 0; i < forms->n; i++)
		if (!case_form_valid(forms->v[i]))
			rc = fail_field(ctx, arena_printf(ctx->arena,
			    "forms[%zu]", i), "is not a form of exploitation");
	return rc;
}

struct open_job {
	struct case_in	*in;
	struct new_case	 c;
	int64_t		 id;
};

static int
open_job(struct ctx *ctx, void *p)
{
	struct open_job *j = p;
	const struct signal_person *persons = j->in->persons.v;
	size_t i;

	if (insert_case(ctx, &j->c, &j->id) == -1)
		return -1;
	for (i = 0; i < j->in->persons.n; i++)
		if (person_add_to_case(ctx, j->id, &persons[i], NULL) == -1)
			return -1;
	if (plan_needs_from_list(ctx, j->id, codes_join(ctx->arena,
	    &j->in->help_needs)) == -1 ||
	    timeline_add(ctx, j->id, "opened", arena_printf(ctx->arena,
	    "source:%s", j->c.source), NULL) == -1 ||
	    timeline_add(ctx, j->id, "accepted", "new>accepted", NULL) == -1)
		return -1;
	return audit_append(ctx, "case.open", "case", j->id);
}

int
case_open(struct ctx *ctx, struct case_in *in, int64_t *id)
{
	struct signal_person *persons = in->persons.v;
	struct store_rows *r;
	struct open_job j;
	int32_t today = deadline_local_day(time_now());
	size_t i, k;
	int rc = 0;

	if (ctx->who.role != ROLE_COORDINATOR)
		return fail(ctx, ST_DENIED, "only a coordinator opens a case");
	if (catalog_load(ctx) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	if (check_forms(ctx, in->type, &in->forms) == -1)
		rc = -1;
	if (!codes_one_of(in->source, direct_sources))
		rc = fail_field(ctx, "source", "must be police, "
		    "labour_inspectorate, self or other");
	for (i = 0; i < in->help_needs.n; i++) {
		if (catalog_help_need(in->help_needs.v[i]) == NULL)
			rc = fail_field(ctx, arena_printf(ctx->arena,
			    "help_needs[%zu]", i), "is not a known help need");
		for (k = 0; k < i; k++)
			if (strcmp(in->help_needs.v[k],
			    in->help_needs.v[i]) == 0)
				rc = fail_field(ctx, arena_printf(ctx->arena,
				    "help_needs[%zu]", i), "is listed twice");
	}
	for (i = 0; i < in->persons.n; i++)
		if (person_check(ctx, "persons", i, &persons[i], today) == -1)
			rc = -1;
	if (in->municipality == NULL) {
		rc = fail_field(ctx, "municipality", "is required");
	} else {
		if (store_exec(ctx, Q_MUNI_GET,
		    ARGS(store_text(in->municipality)), &r) == -1)
			return -1;
		if (r->nrows == 0)
			rc = fail_field(ctx, "municipality", "is not a known "
			    "municipality code (like GM0363)");
		else if (serving(ctx, in->municipality, ctx->who.org_id,
		    &j.c.region, &j.c.org) == -1)
			return -1;
		else if (j.c.org == 0)
			rc = fail_field(ctx, "municipality", "is not served "
			    "by your organisation's care-coordination region; "
			    "open the case where it is served, or ask an "
			    "administrator to add it");
	}
	if (rc == -1)
		return -1;
	j.in = in;
	j.c.type = in->type;
	j.c.forms = codes_join(ctx->arena, &in->forms);
	j.c.indicators = "";
	j.c.status = "accepted";
	j.c.municipality = in->municipality;
	j.c.coordinator = ctx->who.user_id;
	j.c.source = in->source;
	j.c.summary = in->summary != NULL && in->summary[0] != '\0' ?
	    in->summary : NULL;
	if (store_write(ctx, open_job, &j) == -1)
		return -1;
	*id = j.id;
	return 0;
}

/* Access. */

static int
load_head(struct ctx *ctx, int64_t id, struct case_head *h)
{
	struct store_rows *r;

	if (store_row(ctx, Q_CASE_HEAD, ARGS(store_int(id)), &r,
	    "no such case") == -1)
		return -1;
	h->id = id;
	h->type = rows_text(r, 0, 1);
	h->forms = rows_text(r, 0, 2);
	h->status = rows_text(r, 0, 3);
	h->org_id = rows_int(r, 0, 4);
	h->region_id = rows_int(r, 0, 5);
	h->municipality = rows_text(r, 0, 6);
	h->coordinator_id = rows_int(r, 0, 7);
	h->signal_id = rows_int(r, 0, 8);
	h->purged_at = rows_int(r, 0, 9);
	return 0;
}

/*
 * A coordinator outside the case's organisation: a transfer waiting for
 * theirs, then an emergency read of their own that runs, then a
 * transfer their organisation made (the weakest).
 */
static int
read_only_relation(struct ctx *ctx, int64_t id, enum case_rel *rel)
{
	int64_t glass, until;

	if (transfer_relation(ctx, id, rel) == -1)
		return -1;
	if (*rel == CASE_REL_RECEIVING)
		return 0;
	if (emergency_active(ctx, id, &glass, &until) == -1)
		return -1;
	if (glass > 0)
		*rel = CASE_REL_GLASS;
	return 0;
}

int
case_access(struct ctx *ctx, int64_t id, struct case_head *h,
    enum case_rel *rel)
{
	struct store_rows *r;

	*rel = CASE_REL_NONE;
	if (load_head(ctx, id, h) == -1)
		return -1;
	if (ctx->who.role == ROLE_COORDINATOR) {
		if (ctx->who.org_id == h->org_id) {
			*rel = CASE_REL_TEAM;
			return 0;
		}
		if (store_exec(ctx, Q_MEMBER_IS, ARGS(store_int(id),
		    store_int(ctx->who.user_id)), &r) == -1)
			return -1;
		if (r->nrows > 0) {
			*rel = CASE_REL_TEAM;
			return 0;
		}
		if (read_only_relation(ctx, id, rel) == -1)
			return -1;
		if (*rel != CASE_REL_NONE)
			return 0;
	}
	return fail(ctx, ST_NOTFOUND, "no such case");
}

int
case_for_work(struct ctx *ctx, int64_t id, struct case_head *h)
{
	enum case_rel rel;

	if (case_access(ctx, id, h, &rel) == -1)
		return -1;
	if (rel != CASE_REL_TEAM)
		return fail(ctx, ST_DENIED, "you may read case %lld, not "
		    "change it", (long long)id);
	if (h->purged_at > 0)
		return fail(ctx, ST_CONFLICT, "case %lld was purged after its "
		    "retention period", (long long)id);
	return 0;
}

/* Reading. */

int
case_list(struct ctx *ctx, struct case_line **out, size_t *n)
{
	struct case_line *l;
	struct store_rows *r;
	size_t i;

	if (ctx->who.role != ROLE_COORDINATOR) {
		*out = NULL;
		*n = 0;
		return 0;
	}
	if (store_exec(ctx, Q_CASE_LIST, ARGS(store_int(ctx->who.org_id),
	    store_int(ctx->who.user_id), store_int(LIST_MAX)), &r) == -1)
		return -1;
	l = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*l));
	for (i = 0; i < r->nrows; i++) {
		l[i].id = rows_int(r, i, 0);
		l[i].type = rows_text(r, i, 1);
		l[i].forms = rows_text(r, i, 2);
		l[i].status = rows_text(r, i, 3);
		l[i].municipality_name = rows_text(r, i, 4);
		l[i].coordinator = rows_text(r, i, 5);
		l[i].accept_due = rows_int(r, i, 6);
		l[i].review_on = (int32_t)rows_int(r, i, 7);
		l[i].persons = rows_int(r, i, 8);
		l[i].created_at = rows_int(r, i, 9);
		l[i].updated_at = rows_int(r, i, 10);
		l[i].mine = rows_int(r, i, 11) == ctx->who.user_id;
	}
	*out = l;
	*n = r->nrows;
	return 0;
}

static int
load_members(struct ctx *ctx, struct care_case *c)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_MEMBER_OF_CASE, ARGS(store_int(c->h.id)), &r) ==
	    -1)
		return -1;
	c->members = arena_alloc(ctx->arena, (r->nrows + 1) *
	    sizeof(*c->members));
	for (i = 0; i < r->nrows; i++) {
		c->members[i].user_id = rows_int(r, i, 0);
		c->members[i].username = rows_text(r, i, 1);
		c->members[i].phone = rows_text(r, i, 2);
	}
	c->nmembers = r->nrows;
	if (c->rel != CASE_REL_TEAM)
		return 0;
	if (store_exec(ctx, Q_CASE_COLLEAGUES, ARGS(store_int(c->h.org_id)),
	    &r) == -1)
		return -1;
	c->colleagues = arena_alloc(ctx->arena, (r->nrows + 1) *
	    sizeof(*c->colleagues));
	for (i = 0; i < r->nrows; i++) {
		c->colleagues[i].user_id = rows_int(r, i, 0);
		c->colleagues[i].username = rows_text(r, i, 1);
		c->colleagues[i].phone = rows_text(r, i, 2);
	}
	c->ncolleagues = r->nrows;
	return 0;
}

static int
read_job(struct ctx *ctx, void *p)
{
	const struct care_case *c = p;
	const char *saved = ctx->reason;
	int rc;

	/* A read under an emergency read names it. */
	if (c->glass > 0)
		ctx->reason = emergency_audit_reason(ctx, c->glass);
	rc = audit_append(ctx, "case.read", "case", c->h.id);
	ctx->reason = saved;
	if (rc == -1)
		return -1;
	return person_audit_reveal(ctx, c->h.id, c->elsewhere, c->nelsewhere,
	    c->signals, c->nsignals);
}

/*
 * A former organisation reads the head (who coordinates it now, whom to
 * call) and the events its own people wrote: no summary, indicators,
 * people, members, needs, plan or transfer.
 */
static int
load_former(struct ctx *ctx, struct care_case *c, bool *bad)
{
	c->summary = NULL;
	c->indicators = NULL;
	return timeline_of_case(ctx, c->h.id, ctx->who.org_id, &c->events,
	    &c->nevents, bad);
}

struct care_case *
case_get(struct ctx *ctx, int64_t id)
{
	struct care_case *c;
	struct store_rows *r;
	bool bad = false;

	c = arena_alloc(ctx->arena, sizeof(*c));
	if (case_access(ctx, id, &c->h, &c->rel) == -1)
		return NULL;
	if (store_row(ctx, Q_CASE_GET, ARGS(store_int(id)), &r,
	    "no such case") == -1)
		return NULL;
	c->summary = sealed_get(ctx, r, 0, 0, "care_case", "summary", id,
	    &bad);
	c->indicators = rows_text(r, 0, 1);
	c->close_reason = rows_text(r, 0, 2);
	c->source = rows_text(r, 0, 3);
	c->accept_due = rows_int(r, 0, 4);
	c->accepted_at = rows_int(r, 0, 5);
	c->created_at = rows_int(r, 0, 6);
	c->updated_at = rows_int(r, 0, 7);
	c->closed_at = rows_int(r, 0, 8);
	c->org_name = rows_text(r, 0, 9);
	c->region_name = rows_text(r, 0, 10);
	c->municipality_name = rows_text(r, 0, 11);
	c->coordinator = rows_text(r, 0, 12);
	c->coordinator_phone = rows_text(r, 0, 13);
	c->opened_by = rows_text(r, 0, 14);
	if (c->rel == CASE_REL_FORMER) {
		if (load_former(ctx, c, &bad) == -1)
			return NULL;
		goto out_read;
	}
	if (c->rel == CASE_REL_GLASS && emergency_active(ctx, id, &c->glass,
	    &c->glass_until) == -1)
		return NULL;
	/* A purged case links its people to nothing: no other case, no
	 * signal (domain/retention.h). */
	if (transfer_pending(ctx, id, &c->transfer, &bad) == -1 ||
	    person_of_case(ctx, id, &c->persons, &c->npersons, &bad) == -1 ||
	    adulthood_load(ctx, c, &bad) == -1 ||
	    (c->h.purged_at == 0 && (person_elsewhere(ctx, id, &c->elsewhere,
	    &c->nelsewhere) == -1 || person_signals(ctx, id, c->h.signal_id,
	    &c->signals, &c->nsignals) == -1)) ||
	    load_members(ctx, c) == -1 ||
	    timeline_of_case(ctx, id, 0, &c->events, &c->nevents, &bad) ==
	    -1 ||
	    plan_needs_of_case(ctx, id, &c->needs, &c->nneeds) == -1 ||
	    plan_of_case(ctx, id, &c->plan, &bad) == -1)
		return NULL;
out_read:
	if (bad) {
		ctx_clear_error(ctx);
		fail(ctx, ST_INTERNAL, "case %lld cannot be decrypted",
		    (long long)id);
		return NULL;
	}
	/* No answer without its trace. */
	if (store_write(ctx, read_job, c) == -1)
		return NULL;
	return c;
}

/* Changing. */

struct step_job {
	int64_t		 id;
	const char	*from;		/* the status it must have */
	const char	*to;
	const char	*reason;
	const char	*why;
	const char	*type;
	const char	*forms;
	int64_t		 user;
};

static int
accept_job(struct ctx *ctx, void *p)
{
	struct step_job *j = p;
	struct store_rows *r;

	if (store_exec(ctx, Q_CASE_ACCEPT, ARGS(store_int(j->id),
	    store_int(ctx->who.user_id), store_int(time_now())), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "case %lld was accepted "
		    "already", (long long)j->id);
	if (timeline_add(ctx, j->id, "accepted", "new>accepted", NULL) == -1)
		return -1;
	if (notify_done_all(ctx, "case_opened", "case", j->id) == -1)
		return -1;
	return audit_append(ctx, "case.accept", "case", j->id);
}

int
case_accept(struct ctx *ctx, int64_t id)
{
	struct case_head h;
	struct step_job j;

	if (case_for_work(ctx, id, &h) == -1)
		return -1;
	if (ctx->who.org_id != h.org_id)
		return fail(ctx, ST_DENIED, "only a coordinator of the "
		    "receiving organisation accepts a case");
	memset(&j, 0, sizeof(j));
	j.id = id;
	return store_write(ctx, accept_job, &j);
}

/* The status machine: from each status, what each request leads to. */
static const struct {
	const char	*from;
	const char	*request;
	const char	*to;
} transitions[] = {
	{ "new", "accepted", "accepted" },	/* case_accept() */
	{ "accepted", "in_care", "in_care" },
	{ "accepted", "closed", "closed" },
	{ "in_care", "closed", "closed" },
	{ "closed", "reopened", "in_care" },
};

const char *
case_transition(const char *from, const char *request, const char **why)
{
	size_t i;

	for (i = 0; i < sizeof(transitions) / sizeof(transitions[0]); i++)
		if (strcmp(transitions[i].from, from) == 0 &&
		    strcmp(transitions[i].request, request) == 0) {
			*why = NULL;
			return transitions[i].to;
		}
	if (strcmp(request, "in_care") == 0)
		*why = "only an accepted case goes into care";
	else if (strcmp(request, "closed") == 0)
		*why = strcmp(from, "new") == 0 ? "accept it before closing "
		    "it" : "it is closed already";
	else if (strcmp(request, "reopened") == 0)
		*why = "only a closed case is reopened";
	else if (strcmp(request, "accepted") == 0)
		*why = "it was accepted already";
	else
		*why = "that is no status of a case";
	return NULL;
}

static int
status_job(struct ctx *ctx, void *p)
{
	struct step_job *j = p;
	struct store_rows *r;
	int64_t now = time_now();
	bool closing = strcmp(j->to, "closed") == 0;

	if (store_exec(ctx, Q_CASE_STATUS, ARGS(store_int(j->id),
	    store_text(j->to), store_text(closing ? j->reason : NULL),
	    closing ? store_int(now) : store_null(), store_int(now),
	    store_text(j->from)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "case %lld changed meanwhile; "
		    "reload it", (long long)j->id);
	if (timeline_add(ctx, j->id, "status", closing ?
	    arena_printf(ctx->arena, "%s>closed:%s", j->from, j->reason) :
	    arena_printf(ctx->arena, "%s>%s", j->from, j->to), j->why) == -1)
		return -1;
	return audit_append(ctx, "case.status", "case", j->id);
}

int
case_set_status(struct ctx *ctx, int64_t id, const char *to,
    const char *reason, const char *why)
{
	static const char *const targets[] = { "in_care", "closed",
	    "reopened", NULL };
	struct case_head h;
	struct step_job j;
	const char *why_not;
	bool has_why = why != NULL && why[0] != '\0';

	if (!codes_one_of(to, targets))
		return fail_field(ctx, "status", "must be in_care, closed or "
		    "reopened");
	if (strcmp(to, "closed") == 0) {
		if (!codes_one_of(reason, close_reasons))
			return fail_field(ctx, "reason", "must be "
			    "care_completed, moved_abroad, "
			    "returned_voluntarily, lost_contact, deceased or "
			    "other");
		if (strcmp(reason, "other") == 0 && !has_why)
			return fail_field(ctx, "why", "is required when the "
			    "reason is other");
	} else if (reason != NULL) {
		return fail_field(ctx, "reason", "is only for closing");
	}
	if (strcmp(to, "reopened") == 0 && !has_why)
		return fail_field(ctx, "why", "is required to reopen a case");
	if (case_for_work(ctx, id, &h) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	j.id = id;
	j.from = h.status;
	j.reason = reason;
	j.why = why;
	j.to = case_transition(h.status, to, &why_not);
	if (j.to == NULL)
		return fail(ctx, ST_CONFLICT, "case %lld is %s: %s",
		    (long long)id, h.status, why_not);
	return store_write(ctx, status_job, &j);
}

static int
type_job(struct ctx *ctx, void *p)
{
	struct step_job *j = p;

	if (store_exec(ctx, Q_CASE_TYPE, ARGS(store_int(j->id),
	    store_text(j->type), store_text(j->forms),
	    store_int(time_now())), NULL) == -1)
		return -1;
	if (timeline_add(ctx, j->id, "type", arena_printf(ctx->arena,
	    "%s:%s", j->type, j->forms), j->why) == -1)
		return -1;
	return audit_append(ctx, "case.type", "case", j->id);
}

int
case_set_type(struct ctx *ctx, int64_t id, const char *type,
    const struct json_strlist *forms, const char *why)
{
	struct case_head h;
	struct step_job j;

	if (check_forms(ctx, type, forms) == -1)
		return -1;
	if (case_for_work(ctx, id, &h) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	j.id = id;
	j.type = type;
	j.forms = codes_join(ctx->arena, forms);
	j.why = why;
	return store_write(ctx, type_job, &j);
}

static int
member_add_job(struct ctx *ctx, void *p)
{
	struct step_job *j = p;
	struct store_rows *r;

	if (store_exec(ctx, Q_MEMBER_INSERT, ARGS(store_int(j->id),
	    store_int(j->user), store_int(ctx->who.user_id),
	    store_int(time_now())), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "user %lld is assigned to case "
		    "%lld already", (long long)j->user, (long long)j->id);
	if (timeline_add(ctx, j->id, "member", arena_printf(ctx->arena,
	    "+%lld", (long long)j->user), NULL) == -1)
		return -1;
	return audit_append(ctx, "case.member", "case", j->id);
}

int
case_member_add(struct ctx *ctx, int64_t id, int64_t user)
{
	struct case_head h;
	struct step_job j;
	struct store_rows *r;

	if (case_for_work(ctx, id, &h) == -1)
		return -1;
	if (store_exec(ctx, Q_CASE_COLLEAGUE, ARGS(store_int(user),
	    store_int(h.org_id)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail_field(ctx, "user_id", "is not an active "
		    "coordinator of the case's organisation");
	if (user == h.coordinator_id)
		return fail_field(ctx, "user_id", "coordinates the case "
		    "already");
	memset(&j, 0, sizeof(j));
	j.id = id;
	j.user = user;
	return store_write(ctx, member_add_job, &j);
}

static int
member_remove_job(struct ctx *ctx, void *p)
{
	struct step_job *j = p;
	struct store_rows *r;

	if (store_exec(ctx, Q_MEMBER_DELETE, ARGS(store_int(j->id),
	    store_int(j->user)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_NOTFOUND, "user %lld is not assigned to "
		    "case %lld", (long long)j->user, (long long)j->id);
	if (timeline_add(ctx, j->id, "member", arena_printf(ctx->arena,
	    "-%lld", (long long)j->user), NULL) == -1)
		return -1;
	return audit_append(ctx, "case.member", "case", j->id);
}

int
case_member_remove(struct ctx *ctx, int64_t id, int64_t user)
{
	struct case_head h;
	struct step_job j;

	if (case_for_work(ctx, id, &h) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	j.id = id;
	j.user = user;
	return store_write(ctx, member_remove_job, &j);
}

struct person_job {
	int64_t		 id;
	struct signal_person *p;
	int64_t		 person;
};

static int
person_job(struct ctx *ctx, void *p)
{
	struct person_job *j = p;

	if (person_add_to_case(ctx, j->id, j->p, &j->person) == -1 ||
	    timeline_add(ctx, j->id, "person", arena_printf(ctx->arena,
	    "+%s", j->p->kind), NULL) == -1)
		return -1;
	return audit_append(ctx, "case.person", "case", j->id);
}

int
case_person_add(struct ctx *ctx, int64_t id, struct signal_person *p,
    int64_t *person)
{
	struct case_head h;
	struct person_job j;

	if (person_check(ctx, NULL, 0, p, deadline_local_day(
	    time_now())) == -1)
		return -1;
	if (case_for_work(ctx, id, &h) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	j.id = id;
	j.p = p;
	if (store_write(ctx, person_job, &j) == -1)
		return -1;
	if (person != NULL)
		*person = j.person;
	return 0;
}

#include "domain/transfer.h"

#include <string.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/deadline.h"
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

static int
load_pending(struct ctx *ctx, int64_t id, struct transfer **out,
    struct store_rows **rows)
{
	struct transfer *t;
	struct store_rows *r;

	*out = NULL;
	if (store_exec(ctx, Q_TRANSFER_PENDING, ARGS(store_int(id)), &r) == -1)
		return -1;
	if (rows != NULL)
		*rows = r;
	if (r->nrows == 0)
		return 0;
	t = arena_alloc(ctx->arena, sizeof(*t));
	t->id = rows_int(r, 0, 0);
	t->case_id = id;
	t->from_org = rows_int(r, 0, 1);
	t->to_org = rows_int(r, 0, 2);
	t->to_region = rows_int(r, 0, 3);
	t->municipality = rows_text(r, 0, 4);
	t->municipality_name = rows_text(r, 0, 5);
	t->from_org_name = rows_text(r, 0, 6);
	t->to_org_name = rows_text(r, 0, 7);
	t->requested_by = rows_text(r, 0, 8);
	t->requested_at = rows_int(r, 0, 9);
	t->due = rows_int(r, 0, 10);
	t->overdue = t->due < time_now();
	t->incoming = t->to_org == ctx->who.org_id;
	*out = t;
	return 0;
}

struct request_job {
	int64_t		 case_id;
	int64_t		 from_org;
	int64_t		 to_org;
	int64_t		 to_region;
	const char	*municipality;
	const char	*reason;
	int64_t		 id;
};

static int
request_job(struct ctx *ctx, void *p)
{
	struct request_job *j = p;
	struct deadline_rule rule;
	struct store_value sealed;
	struct store_rows *r;
	int64_t now = time_now();

	if (rule_get(ctx, "transfer_accept", &rule) == -1)
		return -1;
	if (store_exec(ctx, Q_TRANSFER_INSERT, ARGS(store_int(j->case_id),
	    store_int(j->from_org), store_int(j->to_org),
	    store_int(j->to_region), store_text(j->municipality),
	    store_int(ctx->who.user_id), store_int(now),
	    store_int(deadline_due(&rule, now))), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "a transfer of case %lld waits "
		    "already", (long long)j->case_id);
	j->id = rows_int(r, 0, 0);
	if (sealed_put(ctx, "case_transfer", "reason", j->id, j->reason,
	    &sealed) == -1 || store_exec(ctx, Q_TRANSFER_SEAL,
	    ARGS(store_int(j->id), sealed), NULL) == -1)
		return -1;
	if (timeline_add(ctx, j->case_id, "transfer", arena_printf(ctx->arena,
	    "requested:%s", j->municipality), j->reason) == -1)
		return -1;
	if (audit_append(ctx, "case.transfer", "case", j->case_id) == -1)
		return -1;
	/* The receiving coordinators read it and accept or decline. */
	return notify_org(ctx, j->to_org, "coordinator", "case_transferred",
	    "case", j->case_id);
}

int
transfer_request(struct ctx *ctx, int64_t id, const char *municipality,
    const char *reason, int64_t *transfer)
{
	struct request_job j;
	struct transfer *t;
	struct case_head h;
	struct store_rows *r;
	int rc = 0;

	if (blank(reason))
		rc = fail_field(ctx, "reason", "is required: say why the case "
		    "moves (the victim's move, in a few words)");
	if (municipality == NULL) {
		rc = fail_field(ctx, "municipality", "is required");
	} else {
		if (store_exec(ctx, Q_MUNI_GET, ARGS(store_text(municipality)),
		    &r) == -1)
			return -1;
		if (r->nrows == 0)
			rc = fail_field(ctx, "municipality", "is not a known "
			    "municipality code (like GM0599)");
	}
	if (rc == -1)
		return -1;
	if (case_for_work(ctx, id, &h) == -1)
		return -1;
	if (strcmp(h.status, "new") == 0)
		return fail(ctx, ST_CONFLICT, "case %lld is new: accept it "
		    "before transferring it", (long long)id);
	if (strcmp(h.status, "closed") == 0)
		return fail(ctx, ST_CONFLICT, "case %lld is closed: reopen it "
		    "before transferring it", (long long)id);
	memset(&j, 0, sizeof(j));
	if (case_serving(ctx, municipality, &j.to_region, &j.to_org) == -1)
		return -1;
	if (j.to_org == 0)
		return fail(ctx, ST_CONFLICT, "no care coordination serves %s: "
		    "an administrator must add the municipality to a region "
		    "of type care_coordination and link a care-coordination "
		    "organisation to it; nothing was transferred",
		    municipality);
	if (j.to_org == h.org_id)
		return fail_field(ctx, "municipality", "is served by the "
		    "case's own organisation: the case stays where it is");
	if (load_pending(ctx, id, &t, NULL) == -1)
		return -1;
	if (t != NULL)
		return fail(ctx, ST_CONFLICT, "a transfer of case %lld to %s "
		    "waits already", (long long)id, t->to_org_name);
	j.case_id = id;
	j.from_org = h.org_id;
	j.municipality = municipality;
	j.reason = reason;
	if (store_write(ctx, request_job, &j) == -1)
		return -1;
	if (transfer != NULL)
		*transfer = j.id;
	return 0;
}

int
transfer_pending(struct ctx *ctx, int64_t id, struct transfer **out,
    bool *bad)
{
	struct store_rows *r;

	if (load_pending(ctx, id, out, &r) == -1)
		return -1;
	if (*out != NULL)
		(*out)->reason = sealed_get(ctx, r, 0, 11, "case_transfer",
		    "reason", (*out)->id, bad);
	return 0;
}

/* The waiting transfer of a case a coordinator of the receiving
 * organisation acts on. */
static int
receiving(struct ctx *ctx, int64_t id, struct transfer **t)
{
	struct case_head h;
	enum case_rel rel;

	if (case_access(ctx, id, &h, &rel) == -1)
		return -1;
	if (load_pending(ctx, id, t, NULL) == -1)
		return -1;
	if (*t == NULL)
		return fail(ctx, ST_CONFLICT, "no transfer of case %lld waits",
		    (long long)id);
	if (rel != CASE_REL_RECEIVING)
		return fail(ctx, ST_DENIED, "only a coordinator of %s accepts "
		    "or declines this transfer", (*t)->to_org_name);
	return 0;
}

struct decide_job {
	struct transfer	*t;
	const char	*status;	/* accepted | declined | cancelled */
	const char	*reason;
};

static int
decide(struct ctx *ctx, struct decide_job *j)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_TRANSFER_DECIDE, ARGS(store_int(j->t->id),
	    store_text(j->status), store_int(ctx->who.user_id),
	    store_int(time_now())), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "the transfer of case %lld was "
		    "decided meanwhile; reload it", (long long)j->t->case_id);
	/* Accepted, declined or cancelled: nothing waits any more. */
	return notify_done_all(ctx, "case_transferred", "case",
	    j->t->case_id);
}

static int
accept_job(struct ctx *ctx, void *p)
{
	struct decide_job *j = p;
	struct store_rows *r, *m;
	int64_t now = time_now();
	size_t i;

	if (decide(ctx, j) == -1)
		return -1;
	if (store_exec(ctx, Q_TRANSFER_MOVE, ARGS(store_int(j->t->case_id),
	    store_int(j->t->to_org), j->t->to_region > 0 ?
	    store_int(j->t->to_region) : store_null(),
	    store_text(j->t->municipality), store_int(ctx->who.user_id),
	    store_int(now), store_int(j->t->from_org)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "case %lld moved meanwhile; "
		    "reload it", (long long)j->t->case_id);
	if (store_exec(ctx, Q_TRANSFER_MEMBERS_OFF,
	    ARGS(store_int(j->t->case_id)), &m) == -1)
		return -1;
	for (i = 0; i < m->nrows; i++)
		if (timeline_add(ctx, j->t->case_id, "member",
		    arena_printf(ctx->arena, "-%lld",
		    (long long)rows_int(m, i, 0)), NULL) == -1)
			return -1;
	if (timeline_add(ctx, j->t->case_id, "transfer", arena_printf(
	    ctx->arena, "accepted:%s", j->t->municipality), NULL) == -1)
		return -1;
	return audit_append(ctx, "case.transfer.accept", "case",
	    j->t->case_id);
}

int
transfer_accept(struct ctx *ctx, int64_t id)
{
	struct decide_job j;

	memset(&j, 0, sizeof(j));
	if (receiving(ctx, id, &j.t) == -1)
		return -1;
	j.status = "accepted";
	return store_write(ctx, accept_job, &j);
}

static int
decline_job(struct ctx *ctx, void *p)
{
	struct decide_job *j = p;
	struct store_value sealed;

	if (decide(ctx, j) == -1)
		return -1;
	if (sealed_put(ctx, "case_transfer", "answer", j->t->id, j->reason,
	    &sealed) == -1 || store_exec(ctx, Q_TRANSFER_ANSWER_SEAL,
	    ARGS(store_int(j->t->id), sealed), NULL) == -1)
		return -1;
	if (timeline_add(ctx, j->t->case_id, "transfer", "declined",
	    j->reason) == -1)
		return -1;
	return audit_append(ctx, "case.transfer.decline", "case",
	    j->t->case_id);
}

int
transfer_decline(struct ctx *ctx, int64_t id, const char *reason)
{
	struct decide_job j;

	if (blank(reason))
		return fail_field(ctx, "reason", "is required: say why your "
		    "organisation does not take the case over");
	memset(&j, 0, sizeof(j));
	if (receiving(ctx, id, &j.t) == -1)
		return -1;
	j.status = "declined";
	j.reason = reason;
	return store_write(ctx, decline_job, &j);
}

static int
cancel_job(struct ctx *ctx, void *p)
{
	struct decide_job *j = p;

	if (decide(ctx, j) == -1)
		return -1;
	if (timeline_add(ctx, j->t->case_id, "transfer", "cancelled",
	    NULL) == -1)
		return -1;
	return audit_append(ctx, "case.transfer.cancel", "case",
	    j->t->case_id);
}

int
transfer_cancel(struct ctx *ctx, int64_t id)
{
	struct decide_job j;
	struct case_head h;

	if (case_for_work(ctx, id, &h) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	if (load_pending(ctx, id, &j.t, NULL) == -1)
		return -1;
	if (j.t == NULL)
		return fail(ctx, ST_CONFLICT, "no transfer of case %lld waits",
		    (long long)id);
	j.status = "cancelled";
	return store_write(ctx, cancel_job, &j);
}

int
transfer_list(struct ctx *ctx, struct transfer **out, size_t *n)
{
	struct transfer *t;
	struct store_rows *r;
	int64_t now = time_now();
	size_t i;

	*out = NULL;
	*n = 0;
	if (ctx->who.role != ROLE_COORDINATOR)
		return 0;
	if (store_exec(ctx, Q_TRANSFER_OF_ORG, ARGS(store_int(ctx->who.org_id),
	    store_int(TRANSFER_LIST_MAX)), &r) == -1)
		return -1;
	t = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*t));
	for (i = 0; i < r->nrows; i++) {
		t[i].id = rows_int(r, i, 0);
		t[i].case_id = rows_int(r, i, 1);
		t[i].from_org = rows_int(r, i, 2);
		t[i].to_org = rows_int(r, i, 3);
		t[i].from_org_name = rows_text(r, i, 4);
		t[i].to_org_name = rows_text(r, i, 5);
		t[i].municipality_name = rows_text(r, i, 6);
		t[i].requested_by = rows_text(r, i, 7);
		t[i].requested_at = rows_int(r, i, 8);
		t[i].due = rows_int(r, i, 9);
		t[i].overdue = t[i].due < now;
		t[i].incoming = t[i].to_org == ctx->who.org_id;
	}
	*out = t;
	*n = r->nrows;
	return 0;
}

int
transfer_relation(struct ctx *ctx, int64_t id, enum case_rel *rel)
{
	struct store_rows *r;

	*rel = CASE_REL_NONE;
	if (ctx->who.role != ROLE_COORDINATOR || ctx->who.org_id == 0)
		return 0;
	if (store_exec(ctx, Q_TRANSFER_RELATION, ARGS(store_int(id),
	    store_int(ctx->who.org_id)), &r) == -1)
		return -1;
	if (r->nrows > 0)
		*rel = strcmp(rows_text(r, 0, 0), "pending") == 0 ?
		    CASE_REL_RECEIVING : CASE_REL_FORMER;
	return 0;
}

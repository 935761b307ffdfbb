#include "domain/emergency.h"

#include <string.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/parse.h"
#include "domain/case.h"
#include "domain/sealed.h"
#include "store/store.h"

#define REASON_PREFIX	"emergency access "

const char *
emergency_audit_reason(struct ctx *ctx, int64_t e)
{
	return arena_printf(ctx->arena, REASON_PREFIX "%lld", (long long)e);
}

int
emergency_active(struct ctx *ctx, int64_t id, int64_t *emergency,
    int64_t *ends_at)
{
	struct store_rows *r;

	*emergency = 0;
	*ends_at = 0;
	if (ctx->who.role != ROLE_COORDINATOR)
		return 0;
	if (store_exec(ctx, Q_EMERGENCY_ACTIVE, ARGS(store_int(id),
	    store_int(ctx->who.user_id), store_int(time_now())), &r) == -1)
		return -1;
	if (r->nrows > 0) {
		*emergency = rows_int(r, 0, 0);
		*ends_at = rows_int(r, 0, 1);
	}
	return 0;
}

struct glass_job {
	int64_t		 case_id;
	const char	*reason;
	int64_t		 ends_at;
};

static int
glass_job(struct ctx *ctx, void *p)
{
	struct glass_job *j = p;
	struct store_value sealed;
	struct store_rows *r;
	const char *saved = ctx->reason;
	int64_t now = time_now(), id;
	int rc;

	j->ends_at = now + EMERGENCY_MINUTES * 60;
	if (store_exec(ctx, Q_EMERGENCY_INSERT, ARGS(store_int(j->case_id),
	    store_int(ctx->who.user_id), store_int(ctx->who.org_id),
	    store_int(now), store_int(j->ends_at)), &r) == -1)
		return -1;
	id = rows_int(r, 0, 0);
	if (sealed_put(ctx, "case_emergency", "reason", id, j->reason,
	    &sealed) == -1 || store_exec(ctx, Q_EMERGENCY_SEAL,
	    ARGS(store_int(id), sealed), NULL) == -1)
		return -1;
	ctx->reason = emergency_audit_reason(ctx, id);
	rc = audit_append(ctx, "case.emergency", "case", j->case_id);
	ctx->reason = saved;
	return rc;
}

int
emergency_request(struct ctx *ctx, int64_t id, const char *reason,
    int64_t *ends_at)
{
	struct glass_job j;
	struct case_head h;
	struct store_rows *r;
	enum case_rel rel;
	const char *s;
	bool blank = true;

	if (ctx->who.role != ROLE_COORDINATOR)
		return fail(ctx, ST_DENIED, "only a coordinator asks for an "
		    "emergency read");
	for (s = reason; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			blank = false;
	if (blank)
		return fail_field(ctx, "reason", "is required: say why you "
		    "must read this case now; the case's coordinator and the "
		    "administrators will read it");
	/* A case that does not exist says so: see the header. */
	if (store_row(ctx, Q_CASE_HEAD, ARGS(store_int(id)), &r,
	    "no such case") == -1)
		return -1;
	if (case_access(ctx, id, &h, &rel) == -1) {
		if (ctx->status != ST_NOTFOUND)
			return -1;
		ctx_clear_error(ctx);
	} else if (rel != CASE_REL_FORMER) {
		return fail(ctx, ST_CONFLICT, "you have access to case %lld "
		    "already", (long long)id);
	}
	memset(&j, 0, sizeof(j));
	j.case_id = id;
	j.reason = reason;
	if (store_write(ctx, glass_job, &j) == -1)
		return -1;
	if (ends_at != NULL)
		*ends_at = j.ends_at;
	return 0;
}

static int
reads(struct ctx *ctx, struct store_rows *r, struct emergency_read **out,
    size_t *n)
{
	struct emergency_read *e;
	bool bad = false;
	size_t i;

	e = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*e));
	for (i = 0; i < r->nrows; i++) {
		e[i].id = rows_int(r, i, 0);
		e[i].case_id = rows_int(r, i, 1);
		e[i].at = rows_int(r, i, 2);
		e[i].ends_at = rows_int(r, i, 3);
		e[i].username = rows_text(r, i, 4);
		e[i].org_name = rows_text(r, i, 5);
		e[i].reason = sealed_get(ctx, r, i, 6, "case_emergency",
		    "reason", e[i].id, &bad);
	}
	if (bad)
		return fail(ctx, ST_INTERNAL, "an emergency reason cannot be "
		    "decrypted");
	*out = e;
	*n = r->nrows;
	return 0;
}

int
emergency_of_org(struct ctx *ctx, struct emergency_read **out, size_t *n)
{
	struct store_rows *r;

	*out = NULL;
	*n = 0;
	if (ctx->who.role != ROLE_COORDINATOR)
		return 0;
	if (store_exec(ctx, Q_EMERGENCY_OF_ORG, ARGS(
	    store_int(ctx->who.org_id), store_int(time_now() -
	    EMERGENCY_RECENT_DAYS * 86400), store_int(EMERGENCY_LIST_MAX)),
	    &r) == -1)
		return -1;
	if (reads(ctx, r, out, n) == -1)
		return -1;
	if (*n > 0 && audit_read(ctx, "case.emergency.list", "org",
	    ctx->who.org_id) == -1)
		return -1;
	return 0;
}

int
emergency_review(struct ctx *ctx, struct emergency_read **out, size_t *n)
{
	struct store_rows *r;

	*out = NULL;
	*n = 0;
	if (ctx->who.role != ROLE_ADMIN)
		return fail(ctx, ST_DENIED, "only an administrator reviews "
		    "emergency reads");
	if (store_exec(ctx, Q_EMERGENCY_ALL,
	    ARGS(store_int(EMERGENCY_LIST_MAX)), &r) == -1)
		return -1;
	if (reads(ctx, r, out, n) == -1)
		return -1;
	if (*n > 0 && audit_read(ctx, "emergency.review", NULL, 0) == -1)
		return -1;
	return 0;
}

/* The emergency read an audit reason names, or 0. */
static int64_t
named(const char *reason)
{
	int64_t e;
	size_t n = strlen(REASON_PREFIX);

	if (reason == NULL || strncmp(reason, REASON_PREFIX, n) != 0 ||
	    parse_int64(reason + n, 1, INT64_MAX, &e) == -1)
		return 0;
	return e;
}

int
emergency_trail(struct ctx *ctx, int64_t id, const char *action,
    bool only_emergency, struct trail_entry **out, size_t *n)
{
	struct trail_entry *t;
	struct store_rows *r, *g;
	struct case_head h;
	enum case_rel rel;
	bool bad = false;
	size_t i, k, m = 0;
	int64_t e;

	if (case_access(ctx, id, &h, &rel) == -1)
		return -1;
	if (rel != CASE_REL_TEAM)
		return fail(ctx, ST_NOTFOUND, "no such case");
	if (store_exec(ctx, Q_CASE_TRAIL, ARGS(store_int(id),
	    store_int(TRAIL_MAX)), &r) == -1 ||
	    store_exec(ctx, Q_EMERGENCY_OF_CASE, ARGS(store_int(id)), &g) ==
	    -1)
		return -1;
	t = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*t));
	for (i = 0; i < r->nrows; i++) {
		e = named(rows_text(r, i, 6));
		if (only_emergency && e == 0)
			continue;
		if (action != NULL && (rows_text(r, i, 5) == NULL ||
		    strcmp(action, rows_text(r, i, 5)) != 0))
			continue;
		t[m].id = rows_int(r, i, 0);
		t[m].at = rows_int(r, i, 1);
		t[m].username = rows_text(r, i, 2);
		t[m].org_name = rows_text(r, i, 3);
		t[m].role = rows_text(r, i, 4);
		t[m].action = rows_text(r, i, 5);
		t[m].reason = rows_text(r, i, 6);
		t[m].emergency = e > 0;
		for (k = 0; e > 0 && k < g->nrows; k++)
			if (rows_int(g, k, 0) == e)
				t[m].reason = sealed_get(ctx, g, k, 1,
				    "case_emergency", "reason", e, &bad);
		m++;
	}
	if (bad)
		return fail(ctx, ST_INTERNAL, "an emergency reason of case "
		    "%lld cannot be decrypted", (long long)id);
	/* No answer without its trace. */
	if (audit_read(ctx, "audit.view", "case", id) == -1)
		return -1;
	*out = t;
	*n = m;
	return 0;
}

#include "domain/fallback.h"

#include <string.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/clock.h"
#include "core/fail.h"
#include "store/store.h"

int
fallback_get(struct ctx *ctx, struct fallback *f)
{
	struct store_rows *r;

	memset(f, 0, sizeof(*f));
	if (store_exec(ctx, Q_FALLBACK_GET, NOARGS, &r) == -1)
		return -1;
	if (!rows_null(r, 0, 0)) {
		f->org_id = rows_int(r, 0, 0);
		f->org_name = rows_text(r, 0, 1);
		f->set_at = rows_int(r, 0, 2);
		f->set_by = rows_text(r, 0, 3);
	}
	f->signals = rows_int(r, 0, 4);
	f->advice = rows_int(r, 0, 5);
	return 0;
}

static int
set_job(struct ctx *ctx, void *p)
{
	const int64_t *org = p;

	if (store_exec(ctx, Q_FALLBACK_SET, ARGS(store_int(*org),
	    ctx->who.user_id > 0 ? store_int(ctx->who.user_id) : store_null(),
	    store_int(time_now())), NULL) == -1)
		return -1;
	return audit_append(ctx, "fallback.set", "org", *org);
}

int
fallback_set(struct ctx *ctx, int64_t org)
{
	struct store_rows *r;

	if (ctx->who.role != ROLE_ADMIN)
		return fail(ctx, ST_DENIED, "only an admin names the fallback "
		    "point");
	if (org <= 0)
		return fail_field(ctx, "org_id", "is required");
	if (store_exec(ctx, Q_ORG_GET, ARGS(store_int(org)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail_field(ctx, "org_id", "is not a known organisation");
	if (strcmp(rows_text(r, 0, 2), "advice_point") != 0)
		return fail_field(ctx, "org_id", "must be an advice-and-"
		    "reporting point (type advice_point)");
	return store_write(ctx, set_job, &org);
}

int
fallback_org_serves(struct ctx *ctx, int64_t org, int64_t region, bool *yes)
{
	struct store_rows *r;
	int rc;

	*yes = false;
	if (org <= 0)
		return 0;
	if (region > 0)
		rc = store_exec(ctx, Q_SIGNAL_IN_ORG_REGION,
		    ARGS(store_int(org), store_int(region)), &r);
	else
		rc = store_exec(ctx, Q_FALLBACK_IS, ARGS(store_int(org)), &r);
	if (rc == -1)
		return -1;
	*yes = r->nrows > 0;
	return 0;
}

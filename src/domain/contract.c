#include "domain/contract.h"

#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/catalog.h"
#include "domain/deadline.h"
#include "insight/area.h"
#include "store/store.h"

int
contract_region_mine(struct ctx *ctx, int64_t region, int *mine)
{
	struct area_model m;
	const struct area *a;

	*mine = 0;
	if (ctx->who.role == ROLE_ADMIN || ctx->who.role == ROLE_RAPPORTEUR) {
		*mine = 1;
		return 0;
	}
	if (ctx->who.role != ROLE_POLICY)
		return 0;
	if (area_load(ctx, &m) == -1)
		return -1;
	a = area_find(&m, AREA_REGION, arena_printf(ctx->arena, "%lld",
	    (long long)region));
	*mine = a != NULL;
	return 0;
}

static void
from_row(const struct store_rows *r, size_t i, struct contract *c)
{
	c->id = rows_int(r, i, 0);
	c->owner_org = rows_int(r, i, 1);
	c->owner_name = rows_text(r, i, 2);
	c->provider_org = rows_int(r, i, 3);
	c->provider_name = rows_text(r, i, 4);
	c->care_type = rows_text(r, i, 5);
	c->capacity = rows_int(r, i, 6);
	c->unit = rows_text(r, i, 7);
	c->region_id = rows_int(r, i, 8);
	c->region_name = rows_text(r, i, 9);
	c->from_day = (int32_t)rows_int(r, i, 10);
	c->to_day = (int32_t)rows_int(r, i, 11);
	c->ended_at = rows_null(r, i, 12) ? 0 : rows_int(r, i, 12);
	c->updated_at = rows_int(r, i, 13);
}

int
contract_list(struct ctx *ctx, struct contract **out, size_t *n)
{
	struct store_rows *r;
	struct area_model m;
	bool all = ctx->who.role == ROLE_ADMIN ||
	    ctx->who.role == ROLE_RAPPORTEUR;
	size_t i;

	*out = NULL;
	*n = 0;
	if (ctx->who.role != ROLE_POLICY && !all)
		return 0;
	if (!all && area_load(ctx, &m) == -1)
		return -1;
	if (store_exec(ctx, Q_CONTRACT_LIST, NOARGS, &r) == -1)
		return -1;
	*out = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**out));
	for (i = 0; i < r->nrows; i++) {
		if (!all && area_find(&m, AREA_REGION,
		    arena_printf(ctx->arena, "%lld",
		    (long long)rows_int(r, i, 8))) == NULL)
			continue;
		from_row(r, i, &(*out)[(*n)++]);
	}
	return 0;
}

int
contract_get(struct ctx *ctx, int64_t id, struct contract *c)
{
	struct store_rows *r;
	int mine;

	if (store_exec(ctx, Q_CONTRACT_GET, ARGS(store_int(id)), &r) == -1)
		return -1;
	if (r->nrows != 1)
		return fail(ctx, ST_NOTFOUND, "no such contract");
	from_row(r, 0, c);
	if (contract_region_mine(ctx, c->region_id, &mine) == -1)
		return -1;
	if (!mine)
		return fail(ctx, ST_NOTFOUND, "no such contract");
	return 0;
}

/* Every field of in, each wrong one named; the days in from and to. */
static int
check_in(struct ctx *ctx, const struct contract_in *in, int32_t *from,
    int32_t *to)
{
	struct store_rows *r;
	struct area_model m;
	const struct area *a = NULL;
	int rc = 0;

	if (catalog_help_need(in->care_type) == NULL)
		rc = fail_field(ctx, "care_type", "is not a care type of the "
		    "help-needs catalogue");
	if (strcmp(in->unit, "places") != 0 && strcmp(in->unit, "hours") != 0)
		rc = fail_field(ctx, "unit", "must be places or hours");
	if (store_exec(ctx, Q_ORG_GET, ARGS(store_int(in->provider_org)),
	    &r) == -1)
		return -1;
	if (r->nrows != 1 || strcmp(rows_text(r, 0, 2), "provider") != 0)
		rc = fail_field(ctx, "provider_org", "must be a provider "
		    "organisation");
	if (area_load(ctx, &m) == -1)
		return -1;
	if (ctx->who.role == ROLE_ADMIN)
		a = area_find_any(&m, AREA_REGION, arena_printf(ctx->arena,
		    "%lld", (long long)in->region_id));
	else if (ctx->who.role == ROLE_POLICY)
		a = area_find(&m, AREA_REGION, arena_printf(ctx->arena,
		    "%lld", (long long)in->region_id));
	if (a == NULL || a->type == NULL ||
	    strcmp(a->type, "care_coordination") != 0)
		rc = fail_field(ctx, "region_id", "must be a care-coordination "
		    "region of your organisation");
	if (date_parse(in->from, from) == -1)
		rc = fail_field(ctx, "from", "must be a date YYYY-MM-DD");
	else if (date_parse(in->to, to) == -1)
		rc = fail_field(ctx, "to", "must be a date YYYY-MM-DD");
	else if (*to < *from)
		rc = fail_field(ctx, "to", "must be on or after from");
	return rc;
}

struct write_job {
	int64_t		 id;
	const struct contract_in *in;
	int32_t		 from, to;
};

static int
create_job(struct ctx *ctx, void *p)
{
	struct write_job *j = p;
	struct store_rows *r;

	if (store_exec(ctx, Q_CONTRACT_INSERT, ARGS(
	    store_int(ctx->who.org_id), store_int(j->in->provider_org),
	    store_text(j->in->care_type), store_int(j->in->capacity),
	    store_text(j->in->unit), store_int(j->in->region_id),
	    store_int(j->from), store_int(j->to),
	    store_int(ctx->who.user_id), store_int(time_now())), &r) == -1)
		return -1;
	j->id = rows_int(r, 0, 0);
	return audit_append(ctx, "contract.create", "contract", j->id);
}

int
contract_create(struct ctx *ctx, const struct contract_in *in, int64_t *id)
{
	struct write_job j;

	memset(&j, 0, sizeof(j));
	j.in = in;
	if (check_in(ctx, in, &j.from, &j.to) == -1 ||
	    store_write(ctx, create_job, &j) == -1)
		return -1;
	*id = j.id;
	return 0;
}

static int
update_job(struct ctx *ctx, void *p)
{
	struct write_job *j = p;

	if (store_exec(ctx, Q_CONTRACT_UPDATE, ARGS(store_int(j->id),
	    store_int(j->in->provider_org), store_text(j->in->care_type),
	    store_int(j->in->capacity), store_text(j->in->unit),
	    store_int(j->in->region_id), store_int(j->from),
	    store_int(j->to), store_int(ctx->who.user_id),
	    store_int(time_now())), NULL) == -1)
		return -1;
	return audit_append(ctx, "contract.update", "contract", j->id);
}

int
contract_update(struct ctx *ctx, int64_t id, const struct contract_in *in)
{
	struct contract c;
	struct write_job j;

	memset(&j, 0, sizeof(j));
	j.id = id;
	j.in = in;
	if (contract_get(ctx, id, &c) == -1)
		return -1;
	if (c.ended_at != 0)
		return fail(ctx, ST_CONFLICT, "the contract has ended");
	if (check_in(ctx, in, &j.from, &j.to) == -1)
		return -1;
	return store_write(ctx, update_job, &j);
}

static int
end_job(struct ctx *ctx, void *p)
{
	struct write_job *j = p;

	if (store_exec(ctx, Q_CONTRACT_END, ARGS(store_int(j->id),
	    store_int(j->to), store_int(time_now()),
	    store_int(ctx->who.user_id)), NULL) == -1)
		return -1;
	return audit_append(ctx, "contract.end", "contract", j->id);
}

int
contract_end(struct ctx *ctx, int64_t id, const char *on)
{
	struct contract c;
	struct write_job j;

	memset(&j, 0, sizeof(j));
	j.id = id;
	if (contract_get(ctx, id, &c) == -1)
		return -1;
	if (c.ended_at != 0)
		return fail(ctx, ST_CONFLICT, "the contract has ended");
	if (on == NULL)
		j.to = deadline_local_day(time_now());
	else if (date_parse(on, &j.to) == -1)
		return fail_field(ctx, "on", "must be a date YYYY-MM-DD");
	if (j.to < c.from_day)
		return fail_field(ctx, "on", "must be on or after the start "
		    "of the contract (%s)", date_format(ctx->arena,
		    c.from_day));
	if (j.to > c.to_day)
		return fail_field(ctx, "on", "must be on or before the planned "
		    "end of the contract (%s)", date_format(ctx->arena,
		    c.to_day));
	return store_write(ctx, end_job, &j);
}

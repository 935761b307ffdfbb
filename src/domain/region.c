#include "domain/region.h"

#include <string.h>

#include "audit/audit.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/parse.h"
#include "store/store.h"

bool
region_type_valid(const char *t)
{
	static const char *const types[] = { "care_coordination", "youth",
	    "veilig_thuis", "safety", NULL };
	size_t i;

	for (i = 0; t != NULL && types[i] != NULL; i++)
		if (strcmp(types[i], t) == 0)
			return true;
	return false;
}

struct create_job {
	const struct region_in *in;
	int64_t		*orgs;
	int64_t		 id;
};

/*
 * What waited outside every region for a municipality this new point
 * covers moves to it: signals nobody has taken up yet and open questions
 * for advice.  What the fallback point already works on stays there
 * until it is decided.  Each move is on the record's audit trail.
 */
static int
rehome(struct ctx *ctx, int64_t region)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_REGION_REHOME_SIGNALS, ARGS(store_int(region),
	    store_int(time_now())), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++)
		if (audit_append(ctx, "signal.rehome", "signal",
		    rows_int(r, i, 0)) == -1)
			return -1;
	if (store_exec(ctx, Q_REGION_REHOME_ADVICE, ARGS(store_int(region)),
	    &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++)
		if (audit_append(ctx, "advice.rehome", "advice",
		    rows_int(r, i, 0)) == -1)
			return -1;
	return 0;
}

static int
create_job(struct ctx *ctx, void *p)
{
	struct create_job *j = p;
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_REGION_INSERT, ARGS(store_text(j->in->name),
	    store_text(j->in->type), store_int(time_now())), &r) == -1) {
		if (ctx->status == ST_CONFLICT) {
			ctx_clear_error(ctx);
			return fail_field(ctx, "name", "is already taken");
		}
		return -1;
	}
	j->id = rows_int(r, 0, 0);
	for (i = 0; i < j->in->municipalities.n; i++)
		if (store_exec(ctx, Q_REGION_ADD_MUNI, ARGS(store_int(j->id),
		    store_text(j->in->municipalities.v[i])), NULL) == -1)
			return -1;
	for (i = 0; i < j->in->orgs.n; i++)
		if (store_exec(ctx, Q_REGION_ADD_ORG,
		    ARGS(store_int(j->orgs[i]), store_int(j->id)), NULL) == -1)
			return -1;
	if (audit_append(ctx, "region.create", "region", j->id) == -1)
		return -1;
	return strcmp(j->in->type, "veilig_thuis") == 0 ? rehome(ctx, j->id) :
	    0;
}

/*
 * The checks create and update share after the name and the type: the
 * municipalities (known, each once, at least one) and the organisations
 * (known by id or exact name, each once), each wrong one named with
 * *rc = -1; *orgs gets the ids.  -1 only when the store fails.
 */
static int
check_members(struct ctx *ctx, const struct region_in *in, int64_t **orgs,
    int *rc)
{
	struct store_rows *r;
	char *field;
	int64_t *v;
	size_t i, k;
	int rc2;

	if (in->municipalities.n == 0)
		*rc = fail_field(ctx, "municipalities", "must list at least "
		    "one municipality");
	for (i = 0; i < in->municipalities.n; i++) {
		field = arena_printf(ctx->arena, "municipalities[%zu]", i);
		for (k = 0; k < i; k++)
			if (strcmp(in->municipalities.v[k],
			    in->municipalities.v[i]) == 0)
				*rc = fail_field(ctx, field, "is listed twice");
		if (store_exec(ctx, Q_MUNI_GET,
		    ARGS(store_text(in->municipalities.v[i])), &r) == -1)
			return -1;
		if (r->nrows == 0)
			*rc = fail_field(ctx, field, "is not a known "
			    "municipality code");
	}
	v = arena_alloc(ctx->arena, (in->orgs.n + 1) * sizeof(*v));
	for (i = 0; i < in->orgs.n; i++) {
		field = arena_printf(ctx->arena, "orgs[%zu]", i);
		/* An id or an exact name, as on the command line. */
		if (parse_int64(in->orgs.v[i], 1, INT64_MAX, &v[i]) == 0)
			rc2 = store_exec(ctx, Q_ORG_GET,
			    ARGS(store_int(v[i])), &r);
		else
			rc2 = store_exec(ctx, Q_ORG_BY_NAME,
			    ARGS(store_text(in->orgs.v[i])), &r);
		if (rc2 == -1)
			return -1;
		if (r->nrows == 0) {
			*rc = fail_field(ctx, field, "is not a known "
			    "organisation");
			v[i] = 0;
			continue;
		}
		v[i] = rows_int(r, 0, 0);
		for (k = 0; k < i; k++)
			if (v[k] == v[i])
				*rc = fail_field(ctx, field, "is listed twice");
	}
	*orgs = v;
	return 0;
}

int
region_create(struct ctx *ctx, const struct region_in *in, int64_t *id)
{
	struct create_job j = { in, NULL, 0 };
	int rc = 0;

	if (in->name == NULL || in->name[0] == '\0')
		rc = fail_field(ctx, "name", "is required");
	if (!region_type_valid(in->type))
		rc = fail_field(ctx, "type", "must be one of "
		    "care_coordination, youth, veilig_thuis, safety");
	if (check_members(ctx, in, &j.orgs, &rc) == -1 || rc == -1)
		return -1;
	if (store_write(ctx, create_job, &j) == -1)
		return -1;
	*id = j.id;
	return 0;
}

int
region_get(struct ctx *ctx, int64_t id, struct region_detail *d)
{
	struct store_rows *r;
	size_t i;

	memset(d, 0, sizeof(*d));
	if (store_exec(ctx, Q_REGION_GET, ARGS(store_int(id)), &r) == -1)
		return -1;
	if (r->nrows != 1)
		return fail(ctx, ST_NOTFOUND, "no such region");
	d->id = rows_int(r, 0, 0);
	d->name = rows_text(r, 0, 1);
	d->type = rows_text(r, 0, 2);
	if (store_exec(ctx, Q_REGION_MUNIS, ARGS(store_int(id)), &r) == -1)
		return -1;
	d->munis = arena_alloc(ctx->arena, (r->nrows + 1) *
	    sizeof(*d->munis));
	for (i = 0; i < r->nrows; i++) {
		d->munis[i].code = rows_text(r, i, 0);
		d->munis[i].name = rows_text(r, i, 1);
		d->munis[i].province = rows_text(r, i, 2);
	}
	d->nmunis = r->nrows;
	if (store_exec(ctx, Q_REGION_ORGS, ARGS(store_int(id)), &r) == -1)
		return -1;
	d->orgs = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*d->orgs));
	for (i = 0; i < r->nrows; i++) {
		d->orgs[i].id = rows_int(r, i, 0);
		d->orgs[i].name = rows_text(r, i, 1);
	}
	d->norgs = r->nrows;
	return 0;
}

struct update_job {
	int64_t		 id;
	const char	*type;
	const struct region_in *in;
	int64_t		*orgs;
};

static int
update_job(struct ctx *ctx, void *p)
{
	struct update_job *j = p;
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_REGION_RENAME, ARGS(store_int(j->id),
	    store_text(j->in->name)), &r) == -1) {
		if (ctx->status == ST_CONFLICT) {
			ctx_clear_error(ctx);
			return fail_field(ctx, "name", "is already taken");
		}
		return -1;
	}
	if (r->nrows != 1)
		return fail(ctx, ST_NOTFOUND, "no such region");
	if (store_exec(ctx, Q_REGION_CLEAR_MUNIS, ARGS(store_int(j->id)),
	    NULL) == -1 || store_exec(ctx, Q_REGION_CLEAR_ORGS,
	    ARGS(store_int(j->id)), NULL) == -1)
		return -1;
	for (i = 0; i < j->in->municipalities.n; i++)
		if (store_exec(ctx, Q_REGION_ADD_MUNI, ARGS(store_int(j->id),
		    store_text(j->in->municipalities.v[i])), NULL) == -1)
			return -1;
	for (i = 0; i < j->in->orgs.n; i++)
		if (store_exec(ctx, Q_REGION_ADD_ORG,
		    ARGS(store_int(j->orgs[i]), store_int(j->id)), NULL) == -1)
			return -1;
	if (audit_append(ctx, "region.update", "region", j->id) == -1)
		return -1;
	return strcmp(j->type, "veilig_thuis") == 0 ? rehome(ctx, j->id) : 0;
}

int
region_update(struct ctx *ctx, int64_t id, const struct region_in *in)
{
	struct region_detail d;
	struct update_job j = { id, NULL, in, NULL };
	int rc = 0;

	if (region_get(ctx, id, &d) == -1)
		return -1;
	j.type = d.type;
	if (in->name == NULL || in->name[0] == '\0')
		rc = fail_field(ctx, "name", "is required");
	if (in->type != NULL && strcmp(in->type, d.type) != 0)
		rc = fail_field(ctx, "type", "cannot be changed");
	if (check_members(ctx, in, &j.orgs, &rc) == -1 || rc == -1)
		return -1;
	return store_write(ctx, update_job, &j);
}

int
region_list(struct ctx *ctx, struct region **out, size_t *n)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_REGION_LIST, NOARGS, &r) == -1)
		return -1;
	*out = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**out));
	for (i = 0; i < r->nrows; i++) {
		(*out)[i].id = rows_int(r, i, 0);
		(*out)[i].name = rows_text(r, i, 1);
		(*out)[i].type = rows_text(r, i, 2);
		(*out)[i].municipalities = rows_int(r, i, 3);
	}
	*n = r->nrows;
	return 0;
}

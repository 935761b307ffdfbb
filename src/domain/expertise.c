#include "domain/expertise.h"

#include <string.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/deadline.h"
#include "domain/org.h"
#include "domain/sealed.h"
#include "store/store.h"

const struct catalog_label expertise_kinds[] = {
	{ "signals", "Recognising signals of trafficking",
	    "Signalen van mensenhandel herkennen" },
	{ "minors", "Minor victims", "Minderjarige slachtoffers" },
	{ "lvb", "Mild intellectual disability (LVB)",
	    "Licht verstandelijke beperking (lvb)" },
	{ "labour", "Labour exploitation", "Arbeidsuitbuiting" },
	{ "criminal", "Criminal exploitation", "Criminele uitbuiting" },
	{ "migrants", "Migrants", "Migranten" },
	{ NULL, NULL, NULL },
};

int
expertise_kind(const char *code)
{
	int i;

	for (i = 0; code != NULL && expertise_kinds[i].key != NULL; i++)
		if (strcmp(expertise_kinds[i].key, code) == 0)
			return i;
	return -1;
}

static bool
professional(int role)
{
	return role == ROLE_REPORTER || role == ROLE_ADVISOR ||
	    role == ROLE_COORDINATOR || role == ROLE_PROVIDER ||
	    role == ROLE_ASSESSOR;
}

int
expertise_org(struct ctx *ctx, int64_t org, int64_t *out)
{
	*out = 0;
	if (ctx->who.role == ROLE_ADMIN) {
		if (org <= 0)
			return fail_field(ctx, "org_id", "is required for an "
			    "administrator: whose registry");
		if (org_get(ctx, org) == NULL)
			return -1;
		*out = org;
		return 0;
	}
	/* Another organisation's registry does not exist for this user. */
	if (!professional(ctx->who.role) || ctx->who.org_id <= 0 ||
	    (org != 0 && org != ctx->who.org_id))
		return fail(ctx, ST_NOTFOUND, "no such registry");
	*out = ctx->who.org_id;
	return 0;
}

int
expertise_list(struct ctx *ctx, int64_t org, struct expertise_entry **out,
    size_t *n)
{
	struct expertise_entry *e;
	struct store_rows *r;
	size_t i;
	bool bad = false;

	*out = NULL;
	*n = 0;
	if (expertise_org(ctx, org, &org) == -1)
		return -1;
	if (store_exec(ctx, Q_EXPERTISE_LIST, ARGS(store_int(org)), &r) == -1)
		return -1;
	e = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*e));
	for (i = 0; i < r->nrows; i++) {
		e[i].id = rows_int(r, i, 0);
		e[i].org_id = rows_int(r, i, 1);
		e[i].name = sealed_get(ctx, r, i, 2, "expertise_professional",
		    "name", e[i].id, &bad);
		e[i].expertise = rows_text(r, i, 3);
		e[i].trained_on = (int32_t)rows_int(r, i, 4);
		e[i].until_on = rows_null(r, i, 5) ? -1 :
		    (int32_t)rows_int(r, i, 5);
		e[i].created_at = rows_int(r, i, 6);
	}
	if (bad) {
		ctx_clear_error(ctx);
		return fail(ctx, ST_INTERNAL, "registry of org %lld cannot be "
		    "decrypted", (long long)org);
	}
	/* No names without their trace. */
	if (audit_read(ctx, "expertise.read", "org", org) == -1)
		return -1;
	*out = e;
	*n = r->nrows;
	return 0;
}

/* A name that is not only white space and holds no control character. */
static bool
name_ok(const char *s)
{
	bool seen = false;

	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
		if (*s != ' ')
			seen = true;
	}
	return seen;
}

static int
day_of(struct ctx *ctx, const char *field, const char *v, int32_t *day)
{
	*day = -1;
	if (v == NULL || *v == '\0')
		return fail_field(ctx, field, "is required");
	if (date_parse(v, day) == -1) {
		*day = -1;
		return fail_field(ctx, field, "is not a date (YYYY-MM-DD)");
	}
	return 0;
}

static int
check_in(struct ctx *ctx, const struct expertise_in *in, int32_t *trained,
    int32_t *until)
{
	int32_t today = deadline_local_day(time_now()), first = 0, last = 0;
	int rc = 0;

	(void)date_parse("2000-01-01", &first);
	(void)date_parse("2100-12-31", &last);
	*until = -1;
	if (in->name == NULL || !name_ok(in->name))
		rc = fail_field(ctx, "name", "is required: the professional's "
		    "name, without control characters");
	if (expertise_kind(in->expertise) < 0)
		rc = fail_field(ctx, "expertise", "must be signals, minors, "
		    "lvb, labour, criminal or migrants");
	if (day_of(ctx, "trained_on", in->trained_on, trained) == -1)
		rc = -1;
	else if (*trained > today)
		rc = fail_field(ctx, "trained_on", "is in the future: record "
		    "a training once it has taken place");
	else if (*trained < first)
		rc = fail_field(ctx, "trained_on", "is before %d",
		    EXPERTISE_FIRST_YEAR);
	if (in->until != NULL) {
		if (day_of(ctx, "until", in->until, until) == -1)
			rc = -1;
		else if (*trained >= 0 && *until <= *trained)
			rc = fail_field(ctx, "until", "must be after "
			    "trained_on");
		else if (*until > last)
			rc = fail_field(ctx, "until", "is after 2100");
	}
	return rc;
}

struct add_job {
	int64_t		 org;
	const struct expertise_in *in;
	int32_t		 trained, until;
	int64_t		 id;
};

static int
add_job(struct ctx *ctx, void *p)
{
	struct add_job *j = p;
	struct store_value sealed;
	struct store_rows *r;

	if (store_exec(ctx, Q_EXPERTISE_INSERT, ARGS(store_int(j->org),
	    store_text(j->in->expertise), store_int(j->trained),
	    j->until >= 0 ? store_int(j->until) : store_null(),
	    store_int(time_now()), store_int(ctx->who.user_id)), &r) == -1)
		return -1;
	j->id = rows_int(r, 0, 0);
	if (sealed_put(ctx, "expertise_professional", "name", j->id,
	    j->in->name, &sealed) == -1 ||
	    store_exec(ctx, Q_EXPERTISE_SEAL, ARGS(store_int(j->id), sealed),
	    NULL) == -1)
		return -1;
	return audit_append(ctx, "expertise.add", "org", j->org);
}

int
expertise_add(struct ctx *ctx, const struct expertise_in *in, int64_t *id)
{
	struct add_job j;

	*id = 0;
	memset(&j, 0, sizeof(j));
	if (expertise_org(ctx, in->org_id, &j.org) == -1 ||
	    check_in(ctx, in, &j.trained, &j.until) == -1)
		return -1;
	j.in = in;
	if (store_write(ctx, add_job, &j) == -1)
		return -1;
	*id = j.id;
	return 0;
}

struct remove_job {
	int64_t		 id, org;
};

static int
remove_job(struct ctx *ctx, void *p)
{
	struct remove_job *j = p;

	if (store_exec(ctx, Q_EXPERTISE_DELETE, ARGS(store_int(j->id)),
	    NULL) == -1)
		return -1;
	return audit_append(ctx, "expertise.remove", "org", j->org);
}

int
expertise_remove(struct ctx *ctx, int64_t id)
{
	struct remove_job j;
	struct store_rows *r;

	if (store_exec(ctx, Q_EXPERTISE_GET, ARGS(store_int(id)), &r) == -1)
		return -1;
	if (r->nrows == 0 || (ctx->who.role != ROLE_ADMIN &&
	    (!professional(ctx->who.role) ||
	    rows_int(r, 0, 1) != ctx->who.org_id)))
		return fail(ctx, ST_NOTFOUND, "no such entry");
	j.id = id;
	j.org = rows_int(r, 0, 1);
	return store_write(ctx, remove_job, &j);
}

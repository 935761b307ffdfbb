#include "domain/org.h"

#include <string.h>

#include "audit/audit.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/embed.h"
#include "core/fail.h"
#include "core/parse.h"
#include "store/store.h"

const char *const org_types[] = {
	"advice_point", "municipality", "care_coordination", "provider",
	"police", "labour_inspectorate", "assessment_committee", "expert_team",
	"other",
	NULL,
};

bool
org_type_valid(const char *t)
{
	size_t i;

	for (i = 0; t != NULL && org_types[i] != NULL; i++)
		if (strcmp(org_types[i], t) == 0)
			return true;
	return false;
}

struct create_job {
	const struct org_in *in;
	bool		 demo;
	int64_t		 id;
};

static int
create_job(struct ctx *ctx, void *p)
{
	struct create_job *j = p;
	struct store_rows *r;

	if (store_exec(ctx, Q_ORG_INSERT, ARGS(store_text(j->in->name),
	    store_text(j->in->type), store_text(j->in->municipality),
	    store_int(j->demo), store_int(time_now())), &r) == -1) {
		if (ctx->status == ST_CONFLICT) {
			ctx_clear_error(ctx);
			return fail_field(ctx, "name", "is already taken");
		}
		return -1;
	}
	j->id = rows_int(r, 0, 0);
	return audit_append(ctx, "org.create", "org", j->id);
}

int
org_create(struct ctx *ctx, const struct org_in *in, bool demo, int64_t *id)
{
	struct create_job j = { in, demo, 0 };
	struct store_rows *r;
	int rc = 0;

	if (in->name == NULL || in->name[0] == '\0')
		rc = fail_field(ctx, "name", "is required");
	if (!org_type_valid(in->type))
		rc = fail_field(ctx, "type", "must be one of advice_point, "
		    "municipality, care_coordination, provider, police, "
		    "labour_inspectorate, assessment_committee, expert_team, "
		    "other");
	if (in->municipality != NULL) {
		if (store_exec(ctx, Q_MUNI_GET,
		    ARGS(store_text(in->municipality)), &r) == -1)
			return -1;
		if (r->nrows == 0)
			rc = fail_field(ctx, "municipality", "is not a known "
			    "municipality code (like GM0363)");
	}
	if (rc == -1)
		return -1;
	if (store_write(ctx, create_job, &j) == -1)
		return -1;
	*id = j.id;
	return 0;
}

static void
fill(const struct store_rows *r, size_t i, struct org *o)
{
	o->id = rows_int(r, i, 0);
	o->name = rows_text(r, i, 1);
	o->type = rows_text(r, i, 2);
	o->municipality = rows_text(r, i, 3);
	o->municipality_name = rows_text(r, i, 4);
	o->demo = rows_int(r, i, 5) != 0;
}

int
org_list(struct ctx *ctx, struct org **out, size_t *n)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_ORG_LIST, NOARGS, &r) == -1)
		return -1;
	*out = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**out));
	for (i = 0; i < r->nrows; i++)
		fill(r, i, &(*out)[i]);
	*n = r->nrows;
	return 0;
}

struct org *
org_get(struct ctx *ctx, int64_t id)
{
	struct store_rows *r;
	struct org *o;

	if (store_row(ctx, Q_ORG_GET, ARGS(store_int(id)), &r,
	    "no such organisation") == -1)
		return NULL;
	o = arena_alloc(ctx->arena, sizeof(*o));
	fill(r, 0, o);
	return o;
}

int
org_resolve(struct ctx *ctx, const char *s, int64_t *id)
{
	struct store_rows *r;

	if (parse_int64(s, 1, INT64_MAX, id) == 0)
		return org_get(ctx, *id) != NULL ? 0 : -1;
	if (store_row(ctx, Q_ORG_BY_NAME, ARGS(store_text(s)), &r,
	    "no such organisation") == -1)
		return -1;
	*id = rows_int(r, 0, 0);
	return 0;
}

/* One CSV line of the form code,name,province (names may be quoted). */
static int
csv_fields(struct arena *a, const char *line, size_t len, char **f, int max)
{
	int n = 0;
	size_t i = 0, start;
	bool quoted;
	char *cur;
	size_t cn;

	while (n < max) {
		quoted = i < len && line[i] == '"';
		cur = arena_alloc(a, len + 1);
		cn = 0;
		if (quoted) {
			for (i++; i < len; i++) {
				if (line[i] == '"' && i + 1 < len &&
				    line[i + 1] == '"')
					cur[cn++] = line[i++];
				else if (line[i] == '"')
					break;
				else
					cur[cn++] = line[i];
			}
			i++;
		} else {
			for (start = i; i < len && line[i] != ','; i++)
				;
			memcpy(cur, line + start, i - start);
		}
		f[n++] = cur;
		if (i >= len || line[i] != ',')
			break;
		i++;
	}
	return n;
}

static int
load_job(struct ctx *ctx, void *p)
{
	const struct embedded_file *csv = p;
	const char *s = (const char *)csv->data, *end = s + csv->len, *nl;
	char *f[3];
	bool header = true;

	for (; s < end; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL)
			nl = end;
		if (header || nl == s) {
			header = false;
			continue;
		}
		if (csv_fields(ctx->arena, s, (size_t)(nl - s) -
		    (nl[-1] == '\r'), f, 3) != 3)
			return fail(ctx, ST_INTERNAL, "gemeenten.csv: bad "
			    "line");
		if (store_exec(ctx, Q_MUNI_UPSERT, ARGS(store_text(f[0]),
		    store_text(f[1]), store_text(f[2])), NULL) == -1)
			return -1;
	}
	return 0;
}

int
municipality_load(struct ctx *ctx)
{
	const struct embedded_file *csv;

	csv = embed_find(embedded_data, "gemeenten.csv");
	if (csv == NULL)
		return fail(ctx, ST_INTERNAL, "gemeenten.csv is not built in");
	return store_write(ctx, load_job, (void *)(uintptr_t)csv);
}

int
municipality_list(struct ctx *ctx, struct municipality **out, size_t *n)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_MUNI_LIST, NOARGS, &r) == -1)
		return -1;
	*out = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**out));
	for (i = 0; i < r->nrows; i++) {
		(*out)[i].code = rows_text(r, i, 0);
		(*out)[i].name = rows_text(r, i, 1);
		(*out)[i].province = rows_text(r, i, 2);
	}
	*n = r->nrows;
	return 0;
}

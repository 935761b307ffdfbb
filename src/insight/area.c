#include "insight/area.h"

#include <stdlib.h>
#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/fail.h"
#include "store/store.h"

static const char *const level_names[] = {
	"country", "province", "region", "municipality",
};

const char *
area_level_name(enum area_level l)
{
	return level_names[l];
}

int
area_level_parse(const char *s, enum area_level *l)
{
	size_t i;

	for (i = 0; s != NULL && i < 4; i++)
		if (strcmp(s, level_names[i]) == 0) {
			*l = (enum area_level)i;
			return 0;
		}
	return -1;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Municipalities are loaded in code order: find one by its code. */
static size_t
muni_index(const struct area_model *m, const char *code)
{
	size_t lo = 0, hi = m->count[AREA_MUNICIPALITY], mid;
	const struct area *v = m->v + m->first[AREA_MUNICIPALITY];
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(v[mid].code, code);
		if (c == 0)
			return m->first[AREA_MUNICIPALITY] + mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static void
allow_region(struct area_model *m, struct area *r)
{
	size_t i;

	r->allowed = true;
	for (i = 0; i < r->nmunis; i++) {
		m->v[r->munis[i]].allowed = true;
		m->v[m->v[r->munis[i]].province].allowed = true;
	}
}

/* The areas of the user's organisation (area.h). */
static int
mark_allowed(struct ctx *ctx, struct area_model *m)
{
	struct store_rows *r;
	const char *home;
	size_t i, k;

	m->v[0].allowed = true;
	if (ctx->who.role == ROLE_RAPPORTEUR) {
		for (i = 0; i < m->n; i++)
			m->v[i].allowed = true;
		return 0;
	}
	if (store_exec(ctx, Q_ORG_GET, ARGS(store_int(ctx->who.org_id)),
	    &r) == -1)
		return -1;
	home = r->nrows == 1 ? rows_text(r, 0, 3) : NULL;
	k = home != NULL ? muni_index(m, home) : 0;
	if (k != 0) {
		m->home = k;
		m->v[k].allowed = true;
		m->v[m->v[k].province].allowed = true;
	}
	if (store_exec(ctx, Q_INSIGHT_ORG_REGIONS,
	    ARGS(store_int(ctx->who.org_id)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++)
		for (k = m->first[AREA_REGION]; k < m->first[AREA_REGION] +
		    m->count[AREA_REGION]; k++)
			if (strtoll(m->v[k].code, NULL, 10) ==
			    rows_int(r, i, 0))
				allow_region(m, &m->v[k]);
	return 0;
}

int
area_load(struct ctx *ctx, struct area_model *m)
{
	struct store_rows *mr, *rr;
	const char **prov;
	struct area *a;
	size_t i, k, np, nreg, *cnt, ri, mi;
	int64_t last;

	memset(m, 0, sizeof(*m));
	if (store_exec(ctx, Q_INSIGHT_MUNIS, NULL, 0, &mr) == -1 ||
	    store_exec(ctx, Q_INSIGHT_REGIONS, NULL, 0, &rr) == -1)
		return -1;
	/* Provinces: the distinct names, sorted. */
	prov = arena_alloc(ctx->arena, (mr->nrows + 1) * sizeof(*prov));
	for (i = 0; i < mr->nrows; i++)
		prov[i] = rows_text(mr, i, 2);
	qsort(prov, mr->nrows, sizeof(*prov), cmp_str);
	for (i = 0, np = 0; i < mr->nrows; i++)
		if (np == 0 || strcmp(prov[np - 1], prov[i]) != 0)
			prov[np++] = prov[i];
	for (i = 0, nreg = 0, last = 0; i < rr->nrows; i++)
		if (i == 0 || rows_int(rr, i, 0) != last) {
			last = rows_int(rr, i, 0);
			nreg++;
		}
	m->n = 1 + np + nreg + mr->nrows;
	m->v = arena_alloc(ctx->arena, m->n * sizeof(*m->v));
	memset(m->v, 0, m->n * sizeof(*m->v));
	m->first[AREA_COUNTRY] = 0;
	m->count[AREA_COUNTRY] = 1;
	m->first[AREA_PROVINCE] = 1;
	m->count[AREA_PROVINCE] = np;
	m->first[AREA_REGION] = 1 + np;
	m->count[AREA_REGION] = nreg;
	m->first[AREA_MUNICIPALITY] = 1 + np + nreg;
	m->count[AREA_MUNICIPALITY] = mr->nrows;
	m->v[0].level = AREA_COUNTRY;
	m->v[0].code = "NL";
	m->v[0].name = "Nederland";
	for (i = 0; i < np; i++) {
		a = &m->v[1 + i];
		a->level = AREA_PROVINCE;
		a->code = a->name = prov[i];
	}
	for (i = 0; i < mr->nrows; i++) {
		a = &m->v[m->first[AREA_MUNICIPALITY] + i];
		a->level = AREA_MUNICIPALITY;
		a->code = rows_text(mr, i, 0);
		a->name = rows_text(mr, i, 1);
		for (k = 0; k < np; k++)
			if (strcmp(prov[k], rows_text(mr, i, 2)) == 0)
				a->province = 1 + k;
	}
	/* Every province and the country sum their municipalities. */
	cnt = arena_alloc(ctx->arena, m->n * sizeof(*cnt));
	memset(cnt, 0, m->n * sizeof(*cnt));
	m->v[0].munis = arena_alloc(ctx->arena,
	    (mr->nrows + 1) * sizeof(size_t));
	for (i = 0; i < np; i++)
		m->v[1 + i].munis = arena_alloc(ctx->arena,
		    (mr->nrows + 1) * sizeof(size_t));
	for (i = 0; i < mr->nrows; i++) {
		mi = m->first[AREA_MUNICIPALITY] + i;
		m->v[0].munis[m->v[0].nmunis++] = mi;
		a = &m->v[m->v[mi].province];
		a->munis[a->nmunis++] = mi;
		cnt[mi] = 0;
	}
	/* Regions, and each municipality's regions. */
	for (i = 0; i < rr->nrows; i++) {
		mi = muni_index(m, rows_text(rr, i, 3));
		if (mi != 0)
			cnt[mi]++;
	}
	for (i = m->first[AREA_MUNICIPALITY]; i < m->n; i++)
		m->v[i].regions = arena_alloc(ctx->arena,
		    (cnt[i] + 1) * sizeof(size_t));
	for (i = 0, ri = m->first[AREA_REGION] - 1, last = 0;
	    i < rr->nrows; i++) {
		if (i == 0 || rows_int(rr, i, 0) != last) {
			last = rows_int(rr, i, 0);
			a = &m->v[++ri];
			a->level = AREA_REGION;
			a->code = arena_printf(ctx->arena, "%lld",
			    (long long)last);
			a->name = rows_text(rr, i, 1);
			a->type = rows_text(rr, i, 2);
			for (k = i; k < rr->nrows &&
			    rows_int(rr, k, 0) == last; k++)
				;
			a->munis = arena_alloc(ctx->arena,
			    (k - i + 1) * sizeof(size_t));
		}
		mi = muni_index(m, rows_text(rr, i, 3));
		if (mi == 0)
			continue;
		a = &m->v[ri];
		a->munis[a->nmunis++] = mi;
		m->v[mi].regions[m->v[mi].nregions++] = ri;
	}
	return mark_allowed(ctx, m);
}

const struct area *
area_find_any(const struct area_model *m, enum area_level l,
    const char *code)
{
	size_t i;

	if (code == NULL)
		return NULL;
	if (l == AREA_MUNICIPALITY) {
		i = muni_index(m, code);
		return i == 0 ? NULL : &m->v[i];
	}
	for (i = m->first[l]; i < m->first[l] + m->count[l]; i++)
		if (strcmp(m->v[i].code, code) == 0)
			return &m->v[i];
	return NULL;
}

const struct area *
area_find(const struct area_model *m, enum area_level l, const char *code)
{
	const struct area *a = area_find_any(m, l, code);

	return a != NULL && a->allowed ? a : NULL;
}

const struct area *
area_parent(const struct area_model *m, const struct area *a, size_t nth)
{
	const struct area *r;
	size_t i, k = 0, pass;

	if (a->level != AREA_MUNICIPALITY)
		return NULL;
	/* Care-coordination regions first, then the others. */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < a->nregions; i++) {
			r = &m->v[a->regions[i]];
			if ((strcmp(r->type, "care_coordination") == 0) !=
			    (pass == 0) || !r->allowed)
				continue;
			if (k++ == nth)
				return r;
		}
	if (k == nth && m->v[a->province].allowed)
		return &m->v[a->province];
	return NULL;
}

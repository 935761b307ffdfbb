/*
 * provider_load: fill a demo data folder with providers, for the fitting
 * search benchmark of tools/bench_providers.sh (issue 9: "the
 * fitting-provider search for a need with 5,000 providers").
 *
 *   provider_load DIR TOTAL
 *
 * Opens DIR as `schakel` does and adds provider organisations until
 * TOTAL "Bench aanbieder N" exist.  Each gets what a real offer looks
 * like: 2 to 6 care types of the catalogue, a region of the data folder
 * (half of them) and 1 to 4 municipalities of the country, target groups
 * (a third minors only, a third adults only, some women or men only, a
 * few lvb), 1 to 3 languages, and a capacity (a quarter full, waiting 0
 * to 12 weeks) updated in the last 90 days.  Written through
 * store_write() jobs of BATCH providers with the statements the domain
 * uses, without audit entries: this loads a database, it does not
 * measure writing.  Then it names a case of the demo care coordination
 * in Amsterdam with an open need, for the search to ask about.  Prints
 *
 *   load providers=N seconds=S case=ID need=NID care_type=X
 *
 * Exit 0 on success, 1 on bad usage or any failure.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/parse.h"
#include "domain/catalog.h"
#include "store/store.h"

#define BATCH		500
#define DEMO_ORG	"Zorgcoördinatie Mensenhandel Amsterdam (demo)"

static const char *const langs[] = { "nl", "en", "ro", "bg", "pl", "ar",
    "ti", "uk", "ru", "hu", "es", "fr", "tr", "fa", "so" };
#define NLANGS	(sizeof(langs) / sizeof(langs[0]))

struct load {
	int64_t		 first, n;
	uint32_t	 seed;
	const char	**munis;
	size_t		 nmunis;
	int64_t		*regions;
	size_t		 nregions;
	const struct help_need *needs;
	size_t		 nneeds;
};

static uint32_t
next(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 8) & 0xffffff;
}

static int
one(struct ctx *ctx, struct load *l, int64_t k)
{
	struct store_rows *r;
	struct store_value org;
	uint32_t g = next(&l->seed) % 12;
	int64_t now = time_now(), minors, adults, men, women;
	size_t i, n, pick, seen[8];
	size_t j;

	if (store_exec(ctx, Q_ORG_INSERT, ARGS(store_text(arena_printf(
	    ctx->arena, "Bench aanbieder %" PRId64, k)),
	    store_text("provider"), store_text(l->munis[next(&l->seed) %
	    l->nmunis]), store_int(1), store_int(now)), &r) == -1)
		return -1;
	org = store_int(rows_int(r, 0, 0));
	minors = g < 4;
	adults = g >= 4 && g < 8;
	women = g == 8 || g == 9;
	men = g == 10;
	if (store_exec(ctx, Q_PROVIDER_OFFER_SET, ARGS(org, store_int(minors),
	    store_int(adults), store_int(men), store_int(women),
	    store_int(next(&l->seed) % 10 == 0), store_int(now),
	    store_null()), NULL) == -1)
		return -1;
	if (store_exec(ctx, Q_PROVIDER_CAPACITY_SET, ARGS(org,
	    store_int(next(&l->seed) % 4 == 0 ? 0 : next(&l->seed) % 12 + 1),
	    store_int(next(&l->seed) % 13), store_int(now -
	    (int64_t)(next(&l->seed) % 90) * 86400), store_null()),
	    NULL) == -1)
		return -1;
	n = 2 + next(&l->seed) % 5;
	for (i = 0; i < n; i++) {
		pick = next(&l->seed) % l->nneeds;
		for (j = 0; j < i && seen[j] != pick; j++)
			;
		seen[i] = pick;
		if (j < i)
			continue;
		if (store_exec(ctx, Q_PROVIDER_CARE_ADD, ARGS(org,
		    store_text(l->needs[pick].id)), NULL) == -1)
			return -1;
	}
	if (l->nregions > 0 && next(&l->seed) % 2 == 0 &&
	    store_exec(ctx, Q_PROVIDER_REGION_ADD, ARGS(org,
	    store_int(l->regions[next(&l->seed) % l->nregions])), NULL) == -1)
		return -1;
	n = 1 + next(&l->seed) % 4;
	for (i = 0; i < n; i++) {
		pick = next(&l->seed) % l->nmunis;
		for (j = 0; j < i && seen[j] != pick; j++)
			;
		seen[i] = pick;
		if (j < i)
			continue;
		if (store_exec(ctx, Q_PROVIDER_MUNI_ADD, ARGS(org,
		    store_text(l->munis[pick])), NULL) == -1)
			return -1;
	}
	n = 1 + next(&l->seed) % 3;
	for (i = 0; i < n; i++) {
		pick = i == 0 ? 0 : next(&l->seed) % NLANGS;
		for (j = 0; j < i && seen[j] != pick; j++)
			;
		seen[i] = pick;
		if (j < i)
			continue;
		if (store_exec(ctx, Q_PROVIDER_LANG_ADD, ARGS(org,
		    store_text(langs[pick])), NULL) == -1)
			return -1;
	}
	return 0;
}

static int
load_job(struct ctx *ctx, void *p)
{
	struct load *l = p;
	int64_t k;

	for (k = l->first; k < l->first + l->n; k++)
		if (one(ctx, l, k) == -1)
			return -1;
	return 0;
}

/* The reference data the offers are drawn from. */
static int
reference(struct ctx *ctx, struct load *l)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_MUNI_LIST, NOARGS, &r) == -1)
		return -1;
	l->munis = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(char *));
	for (i = 0; i < r->nrows; i++)
		l->munis[i] = rows_text(r, i, 0);
	l->nmunis = r->nrows;
	if (store_exec(ctx, Q_REGION_LIST, NOARGS, &r) == -1)
		return -1;
	l->regions = arena_alloc(ctx->arena, (r->nrows + 1) *
	    sizeof(int64_t));
	for (i = 0; i < r->nrows; i++)
		l->regions[i] = rows_int(r, i, 0);
	l->nregions = r->nrows;
	l->needs = catalog_help_needs(&l->nneeds);
	if (l->nmunis == 0 || l->nneeds == 0)
		return fail(ctx, ST_INTERNAL, "no municipalities or no "
		    "help-needs catalogue");
	return 0;
}

/* A case of the demo care coordination with an open need. */
static int
a_case(struct ctx *ctx, int64_t *kase, int64_t *need, const char **type)
{
	struct store_rows *r, *n;
	size_t i, j;

	if (store_row(ctx, Q_ORG_BY_NAME, ARGS(store_text(DEMO_ORG)), &r,
	    "no demo care coordination: make DIR with init --demo") == -1)
		return -1;
	if (store_exec(ctx, Q_CASE_LIST, ARGS(store_int(rows_int(r, 0, 0)),
	    store_int(0), store_int(1000)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++) {
		if (store_exec(ctx, Q_NEED_OF_CASE, ARGS(store_int(
		    rows_int(r, i, 0))), &n) == -1)
			return -1;
		for (j = 0; j < n->nrows; j++)
			if (strcmp(rows_text(n, j, 2), "open") == 0) {
				*kase = rows_int(r, i, 0);
				*need = rows_int(n, j, 0);
				*type = rows_text(n, j, 1);
				return 0;
			}
	}
	return fail(ctx, ST_NOTFOUND, "no demo case with an open need");
}

int
main(int argc, char **argv)
{
	struct cli_env env;
	struct arena *batch;
	struct store_rows *r;
	struct load l;
	const char *type = NULL;
	int64_t total, have = 0, left, t0, kase, need;
	int rc;

	if (argc != 3 || parse_int64(argv[2], 1, 1000000, &total) == -1) {
		fprintf(stderr, "usage: provider_load DIR TOTAL\n");
		return 1;
	}
	if (cli_open(&env, argv[1], false, NULL) == -1)
		return cli_end(&env, false) != 0;
	memset(&l, 0, sizeof(l));
	l.seed = 20261205;
	if (catalog_load(env.ctx) == -1 || reference(env.ctx, &l) == -1)
		return cli_end(&env, false) != 0;
	/* A second load adds only what is missing. */
	while (have < total) {
		if (store_exec(env.ctx, Q_ORG_BY_NAME, ARGS(store_text(
		    arena_printf(env.ctx->arena, "Bench aanbieder %" PRId64,
		    have + 1))), &r) == -1)
			return cli_end(&env, false) != 0;
		if (r->nrows == 0)
			break;
		have++;
	}
	left = total - have;
	t0 = time_mono_ns();
	for (l.first = have + 1; left > 0; l.first += l.n) {
		batch = arena_new();
		env.ctx->arena = batch;
		env.ctx->conn = NULL;
		l.n = left < BATCH ? left : BATCH;
		rc = store_write(env.ctx, load_job, &l);
		env.ctx->arena = env.arena;
		env.ctx->conn = NULL;
		arena_free(batch);
		if (rc == -1)
			return cli_end(&env, false) != 0;
		left -= l.n;
	}
	if (a_case(env.ctx, &kase, &need, &type) == -1)
		return cli_end(&env, false) != 0;
	printf("load providers=%" PRId64 " seconds=%.1f case=%" PRId64
	    " need=%" PRId64 " care_type=%s\n", total,
	    (double)(time_mono_ns() - t0) / 1e9, kase, need, type);
	return cli_end(&env, true) != 0;
}

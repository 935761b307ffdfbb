/*
 * The demo's care contracts: synthetic, between the demo municipalities
 * and the demo providers (demo_providers.c), for the two demo care
 * coordinations.  They hold no personal data.
 */
#include "cli/demo_contracts.h"

#include <stdio.h>
#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/contract.h"
#include "insight/facts.h"
#include "store/store.h"

#define AMS	"Zorgcoördinatie Amsterdam (demo)"
#define RDAM	"Zorgcoördinatie Rotterdam (demo)"

static const struct {
	const char	*region;
	const char	*provider;
	const char	*care;
	int		 capacity;
	const char	*unit;
	int		 from_year;	/* relative to this year */
	int		 years;
	bool		 ended;
} demo[] = {
	{ AMS, "Blijf Groep Amsterdam (demo)", "SAFE-SHELTER", 6, "places",
	    -1, 2, false },
	{ AMS, "Categorale Opvang West (demo)", "SAFE-SHELTER", 4, "places",
	    0, 2, false },
	{ AMS, "Jeugdzorg Amstel (demo)", "SAFE-YOUTH", 3, "places", -1, 3,
	    false },
	{ AMS, "GGZ Traumacentrum (demo)", "TRAUMA", 1200, "hours", -1, 2,
	    false },
	{ AMS, "Juridisch Loket Mensenhandel (demo)", "LEGAL", 400, "hours",
	    -2, 2, true },
	{ RDAM, "Mannenopvang Het Anker (demo)", "SAFE-SHELTER", 5,
	    "places", -1, 2, false },
	{ RDAM, "Jeugdhulp Maas (demo)", "SAFE-YOUTH", 2, "places", 0, 1,
	    false },
	{ RDAM, "LVB Steunpunt (demo)", "LVB", 800, "hours", -1, 2, false },
};

static int
id_of(struct ctx *ctx, enum query q, const char *name, int64_t *id)
{
	struct store_rows *r;

	if (store_exec(ctx, q, ARGS(store_text(name)), &r) == -1)
		return -1;
	if (r->nrows != 1)
		return fail(ctx, ST_INTERNAL, "demo: no '%s'", name);
	*id = rows_int(r, 0, 0);
	return 0;
}

int
demo_contracts(struct ctx *ctx, int64_t policy, int64_t policy_org,
    int64_t admin, int64_t beheer)
{
	struct contract_in in;
	char from[32], to[32], on[32];
	int year = facts_year(time_now());
	int64_t id;
	size_t i;

	for (i = 0; i < sizeof(demo) / sizeof(demo[0]); i++) {
		memset(&in, 0, sizeof(in));
		if (id_of(ctx, Q_ORG_BY_NAME, demo[i].provider,
		    &in.provider_org) == -1 ||
		    id_of(ctx, Q_REGION_BY_NAME, demo[i].region,
		    &in.region_id) == -1)
			return -1;
		snprintf(from, sizeof(from), "%04d-01-01",
		    year + demo[i].from_year);
		snprintf(to, sizeof(to), "%04d-12-31",
		    year + demo[i].from_year + demo[i].years - 1);
		snprintf(on, sizeof(on), "%04d-06-30",
		    year + demo[i].from_year + demo[i].years - 1);
		in.care_type = demo[i].care;
		in.capacity = demo[i].capacity;
		in.unit = demo[i].unit;
		in.from = from;
		in.to = to;
		ctx->who.role = strcmp(demo[i].region, AMS) == 0 ?
		    ROLE_POLICY : ROLE_ADMIN;
		ctx->who.user_id = ctx->who.role == ROLE_POLICY ? policy :
		    admin;
		ctx->who.org_id = ctx->who.role == ROLE_POLICY ? policy_org :
		    beheer;
		if (contract_create(ctx, &in, &id) == -1 ||
		    (demo[i].ended && contract_end(ctx, id, on) == -1))
			return -1;
	}
	memset(&ctx->who, 0, sizeof(ctx->who));
	return 0;
}

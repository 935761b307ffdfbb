/*
 * The demo's providers.  Synthetic organisations with offers that cover
 * every care type of the help-needs catalogue in the two demo care
 * coordinations (Amsterdam and Rotterdam, served through their
 * regions or directly), and a few elsewhere (Utrecht, Groningen and
 * Leeuwarden, Eindhoven and Tilburg, served by municipality: the demo
 * adds no regions of its own) so a search shows the area matters.
 * Some are full (0 places, weeks of waiting), some were last updated
 * weeks ago.
 */
#include "cli/demo_providers.h"

#include <stdint.h>
#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/org.h"
#include "domain/provider.h"
#include "store/store.h"

#define AMS	"Zorgcoördinatie Amsterdam (demo)"
#define RDAM	"Zorgcoördinatie Rotterdam (demo)"

static const struct {
	const char	*name;		/* NULL: the demo provider's own */
	const char	*municipality;
	const char	*care[8];
	const char	*region;	/* by name, or NULL */
	const char	*munis[3];
	const char	*groups[5];
	const char	*langs[5];
	int		 places, weeks, days_ago;
} demo[] = {
	{ NULL, "GM0599", { "SAFE-SHELTER", "SHELTER-SD", "TRAUMA", "LEGAL",
	    "RESIDENCE", "HOUSING", NULL }, RDAM, { "GM0363", NULL },
	    { "adults", "women", NULL }, { "nl", "en", "ro", "bg", NULL },
	    3, 0, 0 },
	{ "Jeugdhulp Noord (demo)", "GM0080", { "SAFE-YOUTH", "EDU", "GUARD",
	    "TRANS18", NULL }, NULL, { "GM0080", "GM0014", NULL },
	    { "minors", NULL }, { "nl", "en", NULL }, 2, 1, 40 },
	{ "Blijf Groep Amsterdam (demo)", "GM0363", { "SAFE-SHELTER",
	    "SAFE-PLAN", "TRAUMA", "NETWORK", NULL }, AMS, { NULL },
	    { "adults", "women", NULL }, { "nl", "en", "ar", NULL },
	    0, 6, 2 },
	{ "Categorale Opvang West (demo)", "GM0363", { "SAFE-SHELTER",
	    "SHELTER-SD", "RESIDENCE", "LEGAL", "INCOME", NULL }, AMS,
	    { "GM0599", NULL }, { "adults", NULL },
	    { "nl", "en", "ro", "pl", "bg" }, 4, 0, 1 },
	{ "Mannenopvang Het Anker (demo)", "GM0599", { "SAFE-SHELTER",
	    "SHELTER-SD", "LABOUR", "WORK", "DEBT", NULL }, RDAM,
	    { "GM0363", NULL }, { "adults", "men", NULL },
	    { "nl", "pl", "ro", NULL }, 2, 2, 25 },
	{ "Jeugdzorg Amstel (demo)", "GM0363", { "SAFE-YOUTH", "SAFE-PLAN",
	    "TRAUMA", "EDU", "GUARD", "TRANS18", NULL }, AMS, { NULL },
	    { "minors", NULL }, { "nl", "en", "ar", "ti", NULL }, 1, 3, 3 },
	{ "Jeugdhulp Maas (demo)", "GM0599", { "SAFE-YOUTH", "LVB", "EDU",
	    "GUARD", "TRANS18", NULL }, RDAM, { NULL },
	    { "minors", "lvb", NULL }, { "nl", NULL }, 0, 8, 30 },
	{ "GGZ Traumacentrum (demo)", "GM0363", { "TRAUMA", "MED", "ADDICT",
	    NULL }, AMS, { "GM0599", "GM0606", NULL }, { NULL },
	    { "nl", "en", "ar", "fa", NULL }, 5, 4, 0 },
	{ "LVB Steunpunt (demo)", "GM0599", { "LVB", "NETWORK", "INCOME",
	    "DEBT", NULL }, RDAM, { "GM0363", NULL }, { "adults", "lvb",
	    NULL }, { "nl", NULL }, 2, 5, 12 },
	{ "Juridisch Loket Mensenhandel (demo)", "GM0363", { "LEGAL",
	    "RESIDENCE", "COMP", "LABOUR", NULL }, AMS, { "GM0599", "GM0344",
	    NULL }, { NULL }, { "nl", "en", "ro", "bg", "pl" }, 10, 0, 5 },
	{ "Schuldhulp & Werk (demo)", "GM0599", { "INCOME", "DEBT", "WORK",
	    "HOUSING", "LANG", NULL }, RDAM, { "GM0363", NULL }, { "adults",
	    NULL }, { "nl", "en", "pl", NULL }, 6, 1, 60 },
	{ "Terugkeer & Netwerk (demo)", "GM0363", { "RETURN", "NETWORK",
	    "LANG", "MED", NULL }, AMS, { "GM0599", NULL }, { NULL },
	    { "nl", "en", "ro", "bg", "ti" }, 3, 0, 8 },
	{ "Opvang Domstad (demo)", "GM0344", { "SAFE-SHELTER", "TRAUMA",
	    "HOUSING", NULL }, NULL, { "GM0344", "GM0307", NULL },
	    { "adults", NULL },
	    { "nl", "en", NULL }, 2, 0, 1 },
	{ "Jeugd Noord-Nederland (demo)", "GM0014", { "SAFE-YOUTH", "GUARD",
	    NULL }, NULL, { "GM0014", "GM0080", NULL }, { "minors", NULL },
	    { "nl", NULL },
	    0, 10, 21 },
	{ "Brabant Zorg (demo)", "GM0772", { "SAFE-SHELTER", "LABOUR",
	    "WORK", NULL }, NULL, { "GM0772", "GM0855", NULL },
	    { "adults", NULL }, { "nl", "pl", NULL }, 7, 0, 4 },
};

static size_t
count(const char *const *v, size_t max)
{
	size_t n = 0;

	while (n < max && v[n] != NULL)
		n++;
	return n;
}

static int
one(struct ctx *ctx, size_t i, int64_t org)
{
	struct provider_in in;
	struct store_rows *r;
	const char *region[1];

	memset(&in, 0, sizeof(in));
	in.care_types.v = (const char **)(uintptr_t)demo[i].care;
	in.care_types.n = count(demo[i].care, 8);
	in.municipalities.v = (const char **)(uintptr_t)demo[i].munis;
	in.municipalities.n = count(demo[i].munis, 3);
	in.target_groups.v = (const char **)(uintptr_t)demo[i].groups;
	in.target_groups.n = count(demo[i].groups, 5);
	in.languages.v = (const char **)(uintptr_t)demo[i].langs;
	in.languages.n = count(demo[i].langs, 5);
	if (demo[i].region != NULL) {
		if (store_row(ctx, Q_REGION_BY_NAME, ARGS(store_text(
		    demo[i].region)), &r, "no demo region") == -1)
			return -1;
		region[0] = arena_printf(ctx->arena, "%lld",
		    (long long)rows_int(r, 0, 0));
		in.regions.v = region;
		in.regions.n = 1;
	}
	/* The provider's own updates, some of them weeks ago. */
	time_set_offset(-(int64_t)demo[i].days_ago * 86400 - 3600);
	in.free_places = demo[i].places;
	in.waiting_weeks = demo[i].weeks;
	if (provider_set(ctx, org, &in) == -1) {
		time_set_offset(0);
		return -1;
	}
	time_set_offset(0);
	return 0;
}

int
demo_providers(struct ctx *ctx, int64_t admin, int64_t beheer,
    int64_t provider, int64_t org_of_user)
{
	struct org_in org;
	int64_t id;
	size_t i;
	int rc = 0;

	ctx->who.user_id = admin;
	ctx->who.org_id = beheer;
	ctx->who.role = ROLE_ADMIN;
	for (i = 0; rc == 0 && i < sizeof(demo) / sizeof(demo[0]); i++) {
		if (demo[i].name == NULL) {
			id = org_of_user;
		} else if (org_resolve(ctx, demo[i].name, &id) == 0) {
			/* One of demo.c's own organisations. */
		} else {
			ctx_clear_error(ctx);
			memset(&org, 0, sizeof(org));
			org.name = demo[i].name;
			org.type = "provider";
			org.municipality = demo[i].municipality;
			if (org_create(ctx, &org, true, &id) == -1)
				return -1;
		}
		rc = one(ctx, i, id);
	}
	/* The demo provider updated its own capacity this morning. */
	if (rc == 0) {
		ctx->who.user_id = provider;
		ctx->who.org_id = org_of_user;
		ctx->who.role = ROLE_PROVIDER;
		time_set_offset(-2 * 3600);
		rc = provider_capacity(ctx, demo[0].places, demo[0].weeks);
		time_set_offset(0);
	}
	memset(&ctx->who, 0, sizeof(ctx->who));
	return rc;
}

/*
 * Demo data for the registry of trained professionals: staff of the
 * Amsterdam chain trained in every expertise but one (migrants), and
 * nobody in the Rotterdam care coordination's region, where signals
 * arrive all the same: the coverage page shows both kinds of gap.
 * Every training lies more than a year back, so last year's coverage
 * counts it too.
 * Synthetic names only.
 */
#include "cli/demo_expertise.h"

#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/deadline.h"
#include "domain/expertise.h"
#include "domain/org.h"

static const struct {
	const char	*org;
	const char	*name;
	const char	*expertise;
	int		 ago;		/* trained this many days ago */
	int		 until;		/* days from today; 0: none */
} demo[] = {
	{ "Veilig Thuis Amsterdam-Amstelland (demo)", "Ingrid Hoekstra",
	    "signals", 420, 0 },
	{ "Veilig Thuis Amsterdam-Amstelland (demo)", "Ingrid Hoekstra",
	    "minors", 520, 430 },
	{ "Veilig Thuis Amsterdam-Amstelland (demo)", "Bram Willemsen",
	    "signals", 700, 0 },
	{ "Zorgcoördinatie Mensenhandel Amsterdam (demo)", "Sanne Kuipers",
	    "labour", 610, 120 },
	{ "Zorgcoördinatie Mensenhandel Amsterdam (demo)", "Sanne Kuipers",
	    "criminal", 450, 0 },
	{ "Zorgcoördinatie Mensenhandel Amsterdam (demo)", "Youssef Amrani",
	    "lvb", 480, 0 },
	{ "Expertteam Jeugd Amsterdam-Amstelland (demo)", "Lotte Brouwer",
	    "minors", 400, 0 },
	{ "Expertteam Jeugd Amsterdam-Amstelland (demo)", "Lotte Brouwer",
	    "criminal", 400, 0 },
	{ "Basisschool De Regenboog (demo)", "Karin Dekker", "signals",
	    390, 0 },
};

int
demo_expertise(struct ctx *ctx, int64_t admin, int64_t beheer)
{
	int32_t today = deadline_local_day(time_now());
	struct expertise_in in;
	int64_t org, id;
	size_t i;

	ctx->who.user_id = admin;
	ctx->who.org_id = beheer;
	ctx->who.role = ROLE_ADMIN;
	for (i = 0; i < sizeof(demo) / sizeof(demo[0]); i++) {
		if (org_resolve(ctx, demo[i].org, &org) == -1)
			return -1;
		memset(&in, 0, sizeof(in));
		in.org_id = org;
		in.name = demo[i].name;
		in.expertise = demo[i].expertise;
		in.trained_on = date_format(ctx->arena, today - demo[i].ago);
		if (demo[i].until > 0)
			in.until = date_format(ctx->arena,
			    today + demo[i].until);
		if (expertise_add(ctx, &in, &id) == -1)
			return -1;
	}
	memset(&ctx->who, 0, sizeof(ctx->who));
	return 0;
}

/* The demo's providers: offers and capacities (demo_providers.c). */
#ifndef SCHAKEL_DEMO_PROVIDERS_H
#define SCHAKEL_DEMO_PROVIDERS_H

#include <stdint.h>

struct ctx;

/*
 * Profiles for the demo provider organisations (the demo provider's
 * own among them, org_of_user) and a dozen more providers across the
 * care-coordination regions and other parts of the country: every care
 * type of the catalogue offered somewhere in Amsterdam and Rotterdam,
 * some full, some with a waiting list, some not updated for weeks.
 * Written as admin (admin, beheer), the demo provider's own capacity as
 * that provider (provider, org_of_user).
 */
int	demo_providers(struct ctx *, int64_t admin, int64_t beheer,
	    int64_t provider, int64_t org_of_user);

#endif

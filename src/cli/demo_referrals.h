/*
 * demo_referrals: the demo's referrals in every state and two
 * escalations to the Amsterdam expert team (src/cli/demo_referrals.c).
 */
#ifndef SCHAKEL_DEMO_REFERRALS_H
#define SCHAKEL_DEMO_REFERRALS_H

#include <stdint.h>

struct ctx;

struct demo_referral_ids {
	int64_t		 coordinator, coordinator_org;
	int64_t		 shelter, shelter_org;	/* demo-provider */
	int64_t		 youth, youth_org;	/* demo-provider-jeugd */
	int64_t		 team, team_org;	/* demo-expertteam */
};

int	demo_referrals(struct ctx *, const struct demo_referral_ids *);

#endif

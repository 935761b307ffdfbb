/* The demo's care contracts (demo_contracts.c). */
#ifndef SCHAKEL_DEMO_CONTRACTS_H
#define SCHAKEL_DEMO_CONTRACTS_H

#include <stdint.h>

struct ctx;

/*
 * A handful of care contracts: the municipality of Amsterdam's for the
 * Amsterdam care coordination, registered as its policy user (policy,
 * policy_org), and a few for Rotterdam, registered as the admin (admin,
 * beheer).  Some ran last year, some run now, one has ended.
 */
int	demo_contracts(struct ctx *, int64_t policy, int64_t policy_org,
	    int64_t admin, int64_t beheer);

#endif

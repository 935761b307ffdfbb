/*
 * contract: the care a municipality or region buys (point B of issue
 * 10): a provider organisation, a care type of the help-needs
 * catalogue, a capacity in places or hours, the care-coordination region
 * served and a period of whole days.  A contract holds no personal data.
 *
 * Who: policy users see and change the contracts of the regions of
 * their own organisation (the regions that hold its municipality or
 * that it serves, insight/area.c); anyone else asking about one gets the
 * 404 of a contract that does not exist.  The rapporteur reads every
 * contract and changes none; the admin reads and changes every one.
 * Every write is audited on the contract (contract.create,
 * contract.update, contract.end) in the same transaction.
 */
#ifndef SCHAKEL_CONTRACT_H
#define SCHAKEL_CONTRACT_H

#include <stdint.h>
#include <stddef.h>

struct ctx;

#define CONTRACT_CAPACITY_MAX	1000000

struct contract {
	int64_t		 id;
	int64_t		 owner_org;
	const char	*owner_name;
	int64_t		 provider_org;
	const char	*provider_name;
	const char	*care_type;	/* help-needs catalogue id */
	int64_t		 capacity;
	const char	*unit;		/* places | hours */
	int64_t		 region_id;
	const char	*region_name;
	int32_t		 from_day;	/* days since the epoch */
	int32_t		 to_day;	/* >= from_day */
	int64_t		 ended_at;	/* 0: not ended early */
	int64_t		 updated_at;
};

/* As sent: dates "YYYY-MM-DD". */
struct contract_in {
	int64_t		 provider_org;
	const char	*care_type;
	int64_t		 capacity;
	const char	*unit;
	int64_t		 region_id;
	const char	*from;
	const char	*to;
};

/* The contracts the user may see, by region, care type and start. */
int	contract_list(struct ctx *, struct contract **, size_t *n);
/* One contract; ST_NOTFOUND when it does not exist or is not the
 * user's to see. */
int	contract_get(struct ctx *, int64_t id, struct contract *);
/* Checks every field (each wrong one named) and registers it for the
 * login's organisation. */
int	contract_create(struct ctx *, const struct contract_in *,
	    int64_t *id);
int	contract_update(struct ctx *, int64_t id, const struct contract_in *);
/* Ends a contract on day on ("YYYY-MM-DD", NULL: today): from its start
 * up to its planned end. */
int	contract_end(struct ctx *, int64_t id, const char *on);

/* Whether the user may see (and, for policy and admin, change)
 * contracts for this region. */
int	contract_region_mine(struct ctx *, int64_t region, int *mine);

#endif

/*
 * fallback: the national fallback point.  A signal or a question for
 * advice about a municipality that no Veilig Thuis region covers belongs
 * to nobody's queue; the fallback point, one advice-and-reporting point
 * an admin names, takes them until a region covers the municipality
 * (region_create() then moves what has not been taken up yet).  Without
 * a fallback point such signals wait unseen: never "every advisor".
 * Naming it is audited.
 */
#ifndef SCHAKEL_FALLBACK_H
#define SCHAKEL_FALLBACK_H

#include <stdbool.h>
#include <stdint.h>

struct ctx;

struct fallback {
	int64_t		 org_id;		/* 0: none named */
	const char	*org_name;
	int64_t		 set_at;
	const char	*set_by;		/* user name or NULL */
	int64_t		 signals;		/* unrouted, not yet decided */
	int64_t		 advice;		/* unrouted, open */
};

/* The fallback point and what waits outside every region: counts only. */
int	fallback_get(struct ctx *, struct fallback *);
/* Name an advice-and-reporting point as the fallback; admins only. */
int	fallback_set(struct ctx *, int64_t org_id);

/*
 * Does organisation org serve region (0: no region, which the fallback
 * point serves)?  0 with *yes set, or -1 when the store failed.
 */
int	fallback_org_serves(struct ctx *, int64_t org, int64_t region,
	    bool *yes);

#endif

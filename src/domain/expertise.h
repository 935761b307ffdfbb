/*
 * expertise: the registry of trained professionals.  An organisation
 * records who of its staff is trained in which expertise (a fixed list:
 * signals of trafficking, minors, LVB, labour exploitation, criminal
 * exploitation, migrants), when, and optionally until when the training
 * counts (an end or refresh date).  One entry is one professional's
 * training in one expertise.
 *
 * The name is personal data: sealed at rest (domain/sealed.c), never
 * logged, and read only by the organisation's own professionals.  Who:
 * users of the professional roles (reporter, advisor, coordinator,
 * provider, assessor) keep their own organisation's registry, the
 * organisation always being their login's; an admin keeps any
 * organisation's.  Anyone else, and anyone asking for another
 * organisation's list or entry, gets the 404 of one that does not
 * exist.  Every list is audited as expertise.read on the organisation,
 * every change as expertise.add or expertise.remove on it.
 *
 * Coverage per region (insight/coverage.c) counts the entries in force
 * on a day: trained on or before it, and not ended before it.
 */
#ifndef SCHAKEL_EXPERTISE_H
#define SCHAKEL_EXPERTISE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/catalog.h"

struct ctx;

#define EXPERTISE_FIRST_YEAR	2000	/* no training date before it */
#define EXPERTISE_NAME_MAX	200
#define EXPERTISE_LIST_MAX	5000	/* entries of one organisation */

/* The expertises, in their fixed order; ends with a NULL key. */
extern const struct catalog_label expertise_kinds[];
#define EXPERTISE_NKINDS	6
/* The index of a code in expertise_kinds, or -1. */
int	expertise_kind(const char *code);

struct expertise_entry {
	int64_t		 id;
	int64_t		 org_id;
	const char	*name;		/* opened; NULL when it did not */
	const char	*expertise;
	int32_t		 trained_on;	/* day */
	int32_t		 until_on;	/* day, -1: none */
	int64_t		 created_at;
};

/* A new entry as sent; dates as "YYYY-MM-DD". */
struct expertise_in {
	int64_t		 org_id;	/* 0: the login's own */
	const char	*name;
	const char	*expertise;
	const char	*trained_on;
	const char	*until;		/* optional */
};

/* The organisation whose registry ctx's user keeps when asking for org
 * (0: their own); ST_NOTFOUND for any other, ST_INVALID for an admin
 * who names none. */
int	expertise_org(struct ctx *, int64_t org, int64_t *out);

/* The registry of org (0: own), in the arena; audited. */
int	expertise_list(struct ctx *, int64_t org, struct expertise_entry **,
	    size_t *n);
/* Checks and records an entry; field errors name the field and nothing
 * changes then.  Audited as expertise.add on the organisation. */
int	expertise_add(struct ctx *, const struct expertise_in *, int64_t *id);
/* Removes entry id of the user's organisation (any, for an admin);
 * ST_NOTFOUND for another's.  Audited as expertise.remove. */
int	expertise_remove(struct ctx *, int64_t id);

#endif

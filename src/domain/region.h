/*
 * region: named groups of municipalities of one type (care coordination,
 * youth, Veilig Thuis, safety), and the organisations that serve them.
 * An advice-and-reporting point sees the signals of the Veilig Thuis
 * regions it serves.  A new Veilig Thuis region takes over the signals
 * not yet taken up and the open questions for advice that waited for its
 * municipalities outside every region (see domain/fallback.h).  Admins
 * manage regions; changes are audited.
 */
#ifndef SCHAKEL_REGION_H
#define SCHAKEL_REGION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/json.h"

struct ctx;

struct region {
	int64_t		 id;
	const char	*name;
	const char	*type;
	int64_t		 municipalities;	/* how many */
};

struct region_in {
	const char	*name;
	const char	*type;
	struct json_strlist municipalities;	/* CBS codes */
	struct json_strlist orgs;		/* ids as text, or names */
};

bool	region_type_valid(const char *);
int	region_create(struct ctx *, const struct region_in *, int64_t *id);
int	region_list(struct ctx *, struct region **, size_t *n);

#endif

/*
 * region: named groups of municipalities of one type (care coordination,
 * youth, Veilig Thuis, safety), and the organisations that serve them.
 * An advice-and-reporting point sees the signals of the Veilig Thuis
 * regions it serves.  A new Veilig Thuis region takes over the signals
 * not yet taken up and the open questions for advice that waited for its
 * municipalities outside every region (see domain/fallback.h).  Admins
 * manage regions; changes are audited.
 *
 * An admin may change a region: its name and the whole lists of its
 * municipalities and organisations, never its type.  Who sees what
 * follows org_region at once: an organisation taken out of a Veilig Thuis
 * region no longer sees that region's signals and questions for advice,
 * one added sees them from then on.  What is already attached to the
 * region (signals, advice) keeps its region: a municipality that moves
 * to another region does not take its open work along, only new signals
 * and advice follow the new membership.  A Veilig Thuis region that gains
 * a municipality takes over what waited for it outside every region, as
 * a new one does.
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

struct region_muni {
	const char	*code;		/* CBS code */
	const char	*name;
	const char	*province;
};

struct region_org {
	int64_t		 id;
	const char	*name;
};

/* One region with its members, each list by name. */
struct region_detail {
	int64_t		 id;
	const char	*name;
	const char	*type;
	struct region_muni *munis;
	size_t		 nmunis;
	struct region_org *orgs;
	size_t		 norgs;
};

struct region_in {
	const char	*name;
	const char	*type;		/* update: NULL or unchanged */
	struct json_strlist municipalities;	/* CBS codes, at least one */
	struct json_strlist orgs;		/* ids as text, or names */
};

bool	region_type_valid(const char *);
int	region_create(struct ctx *, const struct region_in *, int64_t *id);
int	region_list(struct ctx *, struct region **, size_t *n);
/* One region; ST_NOTFOUND when there is none with this id. */
int	region_get(struct ctx *, int64_t id, struct region_detail *);
/* Replaces the name and both lists in one write, checked as on create
 * (each wrong field named, nothing changed); a type that differs is
 * refused.  Audited as region.update. */
int	region_update(struct ctx *, int64_t id, const struct region_in *);

#endif

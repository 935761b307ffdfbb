/*
 * area: the places insight counts for, and who may look at which.
 *
 * Four levels: the country, its provinces, the regions of the chain
 * (care coordination, youth, Veilig Thuis, safety) and municipalities.
 * Every count is kept per municipality; a province, a region and the
 * country are the sums of theirs.  A municipality lies in one province
 * and in any number of regions.
 *
 * The rapporteur sees every area.  Everyone else with insight sees the
 * country, and the areas of their organisation: its municipality, the
 * regions that hold it or that it serves, the municipalities of those
 * regions and their provinces.
 */
#ifndef SCHAKEL_INSIGHT_AREA_H
#define SCHAKEL_INSIGHT_AREA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctx;

enum area_level {
	AREA_COUNTRY = 0,
	AREA_PROVINCE,
	AREA_REGION,
	AREA_MUNICIPALITY,
};

struct area {
	enum area_level	 level;
	const char	*code;		/* "NL", a province's name, a region
					   id, "GM0363" */
	const char	*name;
	const char	*type;		/* a region's type, else NULL */
	size_t		 province;	/* a municipality's, index in areas */
	size_t		*munis;		/* the municipalities it sums */
	size_t		 nmunis;
	size_t		*regions;	/* a municipality's regions */
	size_t		 nregions;
	bool		 allowed;	/* for the user asking */
};

/* Every area, the country first, then provinces, regions and
 * municipalities, each level in a fixed order. */
struct area_model {
	struct area	*v;
	size_t		 n;
	size_t		 first[4];	/* index of each level's first */
	size_t		 count[4];
	size_t		 home;		/* the user's municipality, else 0 */
};

const char *area_level_name(enum area_level);
int	area_level_parse(const char *, enum area_level *);

/* Loads the areas and marks those ctx's user may see. */
int	area_load(struct ctx *, struct area_model *);
/* The allowed area at that level with that code, or NULL. */
const struct area *area_find(const struct area_model *, enum area_level,
	    const char *code);
/* The same, allowed or not: for computing, never for answering. */
const struct area *area_find_any(const struct area_model *,
	    enum area_level, const char *code);
/* The smallest area above a municipality to offer when its numbers are
 * too small: its care-coordination region, else another region it lies
 * in, else its province; allowed ones only, or NULL. */
const struct area *area_parent(const struct area_model *,
	    const struct area *, size_t nth);

#endif

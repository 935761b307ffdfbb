/* The demo's placements (demo_placements.c), called by demo_create(). */
#ifndef SCHAKEL_DEMO_PLACEMENTS_H
#define SCHAKEL_DEMO_PLACEMENTS_H

#include <stdint.h>

struct ctx;

/* Three cases of the demo coordinator with their placements. */
int	demo_placements(struct ctx *, int64_t coordinator,
	    int64_t coordinator_org);

#endif

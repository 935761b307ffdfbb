/* The demo's victims approaching 18 (demo_adulthood.c). */
#ifndef SCHAKEL_DEMO_ADULTHOOD_H
#define SCHAKEL_DEMO_ADULTHOOD_H

#include <stdint.h>

struct ctx;

/* As the coordinator (user, org): cases with minor victims. */
int	demo_adulthood(struct ctx *, int64_t coordinator, int64_t org);

#endif

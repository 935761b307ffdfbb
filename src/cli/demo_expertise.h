/* The demo's registry of trained professionals (demo_expertise.c). */
#ifndef SCHAKEL_DEMO_EXPERTISE_H
#define SCHAKEL_DEMO_EXPERTISE_H

#include <stdint.h>

struct ctx;

/* As the administrator (user, org): trained staff of demo
 * organisations, found by name. */
int	demo_expertise(struct ctx *, int64_t admin, int64_t beheer);

#endif

/*
 * arena: bump allocator whose lifetime is one request (or one command).
 *
 * Everything allocated from an arena is freed at once by arena_free().
 * arena_alloc() returns zeroed memory and never NULL: on system OOM the
 * process aborts, as git and h2o do; size limits are enforced where input
 * enters, not at each allocation.
 *
 * Resources that are not memory (statements, connections, descriptors)
 * are registered with arena_defer() and released, last registered first,
 * when the arena is freed.
 */
#ifndef SCHAKEL_ARENA_H
#define SCHAKEL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

/* Life cycle.  arena_free(NULL) is a no-op. */
struct arena	*arena_new(void);
void		 arena_free(struct arena *);

/* Allocation: zeroed, aligned for any type, never NULL. */
void		*arena_alloc(struct arena *, size_t);
void		*arena_realloc(struct arena *, void *, size_t old, size_t);
char		*arena_strdup(struct arena *, const char *);
char		*arena_strndup(struct arena *, const char *, size_t);
char		*arena_printf(struct arena *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
char		*arena_vprintf(struct arena *, const char *, va_list)
		    __attribute__((format(printf, 2, 0)));

/* Run fn(p) when the arena is freed, in reverse order of registration. */
void		 arena_defer(struct arena *, void (*fn)(void *), void *p);

/* Bytes handed out so far (for tests and benchmarks). */
size_t		 arena_used(const struct arena *);

#endif

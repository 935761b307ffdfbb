/*
 * str: a non-owning view of bytes (pointer and length), like h2o_iovec_t.
 * The bytes belong to someone else; a view never frees them.
 */
#ifndef SCHAKEL_STR_H
#define SCHAKEL_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct str {
	const char	*p;
	size_t		 len;
};

#define STR(lit)	((struct str){ (lit), sizeof(lit) - 1 })

static inline struct str
str_c(const char *s)
{
	return (struct str){ s, s != NULL ? strlen(s) : 0 };
}

static inline bool
str_eq(struct str a, struct str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.p, b.p, a.len) == 0);
}

static inline bool
str_eq_c(struct str a, const char *b)
{
	return str_eq(a, str_c(b));
}

#endif

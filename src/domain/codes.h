/*
 * codes: the closed code lists of the domain (statuses, kinds, forms),
 * and lists of codes kept as one comma-separated column.
 */
#ifndef SCHAKEL_CODES_H
#define SCHAKEL_CODES_H

#include <stdbool.h>

struct arena;
struct json_strlist;

/* True when v is one of the NULL-terminated list. */
bool	 codes_one_of(const char *v, const char *const *list);
/* The list as "a,b,c" ("" when empty). */
char	*codes_join(struct arena *, const struct json_strlist *);
/* "a,b,c" (or NULL or "") as a list. */
void	 codes_split(struct arena *, const char *s, struct json_strlist *);
/* True when the comma-separated s holds code. */
bool	 codes_has(const char *s, const char *code);

#endif

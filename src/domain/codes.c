#include "domain/codes.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"

bool
codes_one_of(const char *v, const char *const *list)
{
	for (; *list != NULL; list++)
		if (v != NULL && strcmp(v, *list) == 0)
			return true;
	return false;
}

char *
codes_join(struct arena *a, const struct json_strlist *l)
{
	struct buf b;
	size_t i;

	buf_init(&b, a, 64 * 1024);
	buf_puts(&b, "");
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			buf_putc(&b, ',');
		buf_puts(&b, l->v[i]);
	}
	return b.p;
}

void
codes_split(struct arena *a, const char *s, struct json_strlist *out)
{
	const char *comma;
	size_t n = 0;

	out->n = 0;
	out->v = NULL;
	if (s == NULL || s[0] == '\0')
		return;
	for (comma = s; comma != NULL; comma = strchr(comma + 1, ','))
		n++;
	out->v = arena_alloc(a, (n + 1) * sizeof(*out->v));
	while (s != NULL) {
		comma = strchr(s, ',');
		out->v[out->n++] = comma != NULL ? arena_strndup(a, s,
		    (size_t)(comma - s)) : arena_strdup(a, s);
		s = comma != NULL ? comma + 1 : NULL;
	}
}

bool
codes_has(const char *s, const char *code)
{
	size_t n = strlen(code);
	const char *p;

	for (p = s; p != NULL && *p != '\0'; ) {
		if (strncmp(p, code, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return true;
		p = strchr(p, ',');
		if (p != NULL)
			p++;
	}
	return false;
}

#include "http/router.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/str.h"

#define METHOD_MAX	16

struct segment {
	const char	*text;		/* literal, or the parameter's name */
	size_t		 len;
	bool		 param;
};

struct entry {
	struct route	 route;
	char		*method;
	char		*pattern;
	char		*split;		/* pattern cut into C strings */
	struct segment	 seg[ROUTER_MAX_SEGMENTS];
	size_t		 nseg;
};

struct router {
	struct entry	**v;
	size_t		  n;
	size_t		  cap;
};

struct router *
router_new(void)
{
	return calloc(1, sizeof(struct router));
}

static void
entry_free(struct entry *e)
{
	if (e == NULL)
		return;
	free(e->method);
	free(e->pattern);
	free(e->split);
	free(e);
}

void
router_free(struct router *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		entry_free(r->v[i]);
	free(r->v);
	free(r);
}

static bool
valid_method(const char *m)
{
	size_t i;

	for (i = 0; m[i] != '\0'; i++)
		if (m[i] < 'A' || m[i] > 'Z' || i >= METHOD_MAX)
			return false;
	return i > 0;
}

static bool
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

/* RFC 3986 pchar without '%': literals are compared with the raw path. */
static bool
literal_char(char c)
{
	return name_char(c) || (c != '\0' && strchr("-.~!$&'()*+,;=:@", c) !=
	    NULL);
}

static bool
dot_segment(const char *s, size_t n)
{
	return (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' &&
	    s[1] == '.');
}

/* Cut e->split into segments; false when the pattern is malformed. */
static bool
parse_pattern(struct entry *e)
{
	char *p = e->split, *end, *q;
	size_t i, j, nparams = 0;
	struct segment *s;

	if (p[0] != '/')
		return false;
	if (p[1] == '\0')
		return true;
	while (*p == '/') {
		*p++ = '\0';
		end = strchr(p, '/');
		if (end == NULL)
			end = p + strlen(p);
		if (end == p || e->nseg == ROUTER_MAX_SEGMENTS)
			return false;
		s = &e->seg[e->nseg++];
		if (p[0] == '{') {
			if (end[-1] != '}' || end - p < 3 ||
			    ++nparams > HTTP_MAX_PARAMS)
				return false;
			for (q = p + 1; q < end - 1; q++)
				if (!name_char(*q))
					return false;
			end[-1] = '\0';
			s->text = p + 1;
			s->len = (size_t)(end - p - 2);
			s->param = true;
		} else {
			for (q = p; q < end; q++)
				if (!literal_char(*q))
					return false;
			if (dot_segment(p, (size_t)(end - p)))
				return false;
			s->text = p;
			s->len = (size_t)(end - p);
		}
		p = end;
	}
	/* Parameter names are unique within a pattern. */
	for (i = 0; i < e->nseg; i++)
		for (j = i + 1; j < e->nseg; j++)
			if (e->seg[i].param && e->seg[j].param &&
			    e->seg[i].len == e->seg[j].len &&
			    memcmp(e->seg[i].text, e->seg[j].text,
			    e->seg[i].len) == 0)
				return false;
	return true;
}

/* Two routes of one method that match exactly the same paths. */
static bool
same_shape(const struct entry *a, const struct entry *b)
{
	size_t i;

	if (a->nseg != b->nseg || strcmp(a->method, b->method) != 0)
		return false;
	for (i = 0; i < a->nseg; i++) {
		if (a->seg[i].param != b->seg[i].param)
			return false;
		if (!a->seg[i].param && (a->seg[i].len != b->seg[i].len ||
		    memcmp(a->seg[i].text, b->seg[i].text, a->seg[i].len) != 0))
			return false;
	}
	return true;
}

int
router_add(struct router *r, const char *method, const char *pattern,
    void *handler, unsigned flags)
{
	struct entry *e, **v;
	size_t i, cap;

	if (method == NULL || pattern == NULL || !valid_method(method) ||
	    strnlen(pattern, ROUTER_MAX_PATH + 1) > ROUTER_MAX_PATH)
		return -1;
	e = calloc(1, sizeof(*e));
	if (e == NULL)
		return -1;
	e->method = strdup(method);
	e->pattern = strdup(pattern);
	e->split = strdup(pattern);
	if (e->method == NULL || e->pattern == NULL || e->split == NULL)
		goto out_free;
	if (!parse_pattern(e))
		goto out_free;
	for (i = 0; i < r->n; i++)
		if (same_shape(r->v[i], e))
			goto out_free;
	if (r->n == r->cap) {
		cap = r->cap != 0 ? r->cap * 2 : 32;
		v = realloc(r->v, cap * sizeof(*v));
		if (v == NULL)
			goto out_free;
		r->v = v;
		r->cap = cap;
	}
	e->route.method = e->method;
	e->route.pattern = e->pattern;
	e->route.handler = handler;
	e->route.flags = flags;
	r->v[r->n++] = e;
	return 0;
out_free:
	entry_free(e);
	return -1;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Percent-decode one segment into the arena; NULL for a bad escape, %00,
 * or a value that is a dot segment once decoded. */
static const char *
decode(struct arena *a, struct str s)
{
	char *out = arena_alloc(a, s.len + 1);
	size_t i, n = 0;
	int hi, lo;

	for (i = 0; i < s.len; i++) {
		if (s.p[i] != '%') {
			out[n++] = s.p[i];
			continue;
		}
		if (s.len - i < 3)
			return NULL;
		hi = hexval(s.p[i + 1]);
		lo = hexval(s.p[i + 2]);
		if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
			return NULL;
		out[n++] = (char)(hi << 4 | lo);
		i += 2;
	}
	out[n] = '\0';
	if (dot_segment(out, n))
		return NULL;
	return out;
}

static bool
segments_match(const struct entry *e, const struct str *segs)
{
	size_t i;

	for (i = 0; i < e->nseg; i++)
		if (!e->seg[i].param && (e->seg[i].len != segs[i].len ||
		    memcmp(e->seg[i].text, segs[i].p, segs[i].len) != 0))
			return false;
	return true;
}

/* a beats b: a literal at the leftmost position where they differ. */
static bool
more_specific(const struct entry *a, const struct entry *b)
{
	size_t i;

	for (i = 0; i < a->nseg; i++)
		if (a->seg[i].param != b->seg[i].param)
			return !a->seg[i].param;
	return false;
}

/* Split path into segments; -1 when it is not a clean absolute path. */
static int
split_path(const char *path, struct str *segs, size_t *nseg)
{
	const char *p = path, *end;
	size_t len;

	*nseg = 0;
	len = strnlen(path, ROUTER_MAX_PATH + 1);
	if (len == 0 || len > ROUTER_MAX_PATH || path[0] != '/')
		return -1;
	if (len == 1)
		return 0;
	while (*p == '/') {
		p++;
		end = strchr(p, '/');
		if (end == NULL)
			end = p + strlen(p);
		if (end == p || dot_segment(p, (size_t)(end - p)))
			return -1;
		/* No pattern has more segments: nothing can match. */
		if (*nseg == ROUTER_MAX_SEGMENTS)
			return -1;
		segs[*nseg].p = p;
		segs[*nseg].len = (size_t)(end - p);
		(*nseg)++;
		p = end;
	}
	return 0;
}

const struct route *
router_match(const struct router *r, struct http_request *req,
    bool *method_mismatch)
{
	struct str segs[ROUTER_MAX_SEGMENTS];
	const struct entry *e, *best = NULL;
	const char *vals[HTTP_MAX_PARAMS];
	size_t i, nseg, np = 0;
	bool other = false;

	if (method_mismatch != NULL)
		*method_mismatch = false;
	if (req->path == NULL || req->method == NULL ||
	    split_path(req->path, segs, &nseg) == -1)
		return NULL;
	for (i = 0; i < r->n; i++) {
		e = r->v[i];
		if (e->nseg != nseg || !segments_match(e, segs))
			continue;
		if (strcmp(e->method, req->method) != 0) {
			other = true;
			continue;
		}
		if (best == NULL || more_specific(e, best))
			best = e;
	}
	if (best == NULL) {
		if (method_mismatch != NULL)
			*method_mismatch = other;
		return NULL;
	}
	for (i = 0; i < nseg; i++) {
		if (!best->seg[i].param)
			continue;
		vals[np] = decode(req->arena, segs[i]);
		if (vals[np] == NULL)
			return NULL;
		np++;
	}
	req->nparams = 0;
	for (i = 0; i < nseg; i++) {
		if (!best->seg[i].param)
			continue;
		req->param_name[req->nparams] = best->seg[i].text;
		req->param_value[req->nparams] = vals[req->nparams];
		req->nparams++;
	}
	req->route = best->pattern;
	return &best->route;
}

size_t
router_count(const struct router *r)
{
	return r->n;
}

const struct route *
router_at(const struct router *r, size_t i)
{
	if (i >= r->n)
		return NULL;
	return &r->v[i]->route;
}

#include "json.h"

#include <inttypes.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "fail.h"

/* Characters (UTF-8 code points); jansson has already checked UTF-8. */
static size_t
utf8_len(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

static bool
has_control(const char *s, size_t n, bool oneline)
{
	size_t i;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == 0x7f)
			return true;
		if (c < 0x20 && (oneline || (c != '\n' && c != '\r' &&
		    c != '\t')))
			return true;
	}
	return false;
}

static int
check_string(struct ctx *ctx, const struct json_field *f, const char *name,
    json_t *v, int64_t lo, int64_t hi, const char **out)
{
	const char *s;
	size_t n, chars;

	if (!json_is_string(v))
		return fail_field(ctx, name, "must be a string");
	s = json_string_value(v);
	n = json_string_length(v);
	if (memchr(s, '\0', n) != NULL)
		return fail_field(ctx, name, "must not contain NUL characters");
	if (has_control(s, n, (f->flags & JSON_ONELINE) != 0))
		return fail_field(ctx, name,
		    "must not contain control characters");
	chars = utf8_len(s, n);
	if ((int64_t)chars < lo)
		return fail_field(ctx, name, lo == 1 ? "must not be empty" :
		    "must be at least %" PRId64 " characters", lo);
	if (hi > 0 && (int64_t)chars > hi)
		return fail_field(ctx, name,
		    "must be at most %" PRId64 " characters", hi);
	*out = arena_strndup(ctx->arena, s, n);
	return 0;
}

static int decode_object(struct ctx *, const char *, json_t *,
    const struct json_field *, size_t, void *, uint64_t *);

static int
check_list(struct ctx *ctx, const struct json_field *f, const char *name,
    json_t *v, const char *what)
{
	if (!json_is_array(v))
		return fail_field(ctx, name, "must be a list of %s", what);
	if ((int64_t)json_array_size(v) < f->min ||
	    (int64_t)json_array_size(v) > f->max)
		return fail_field(ctx, name, "must have between %" PRId64
		    " and %" PRId64 " items", f->min, f->max);
	return 0;
}

/* One field's value into base; name is how errors call it. */
static int
decode_field(struct ctx *ctx, const struct json_field *f, const char *name,
    json_t *v, char *base)
{
	struct json_strlist *list;
	struct json_objlist *objs;
	json_int_t i;
	size_t k;
	json_t *item;
	char *itemname;
	int rc = 0;

	switch (f->type) {
	case JSON_T_STR:
		return check_string(ctx, f, name, v, f->min, f->max,
		    (const char **)(void *)(base + f->offset));
	case JSON_T_I64:
		if (!json_is_integer(v))
			return fail_field(ctx, name, "must be an integer");
		i = json_integer_value(v);
		if (i < f->min || i > f->max)
			return fail_field(ctx, name,
			    "must be between %" PRId64 " and %" PRId64,
			    f->min, f->max);
		*(int64_t *)(void *)(base + f->offset) = i;
		return 0;
	case JSON_T_BOOL:
		if (!json_is_boolean(v))
			return fail_field(ctx, name, "must be true or false");
		*(bool *)(void *)(base + f->offset) = json_is_true(v);
		return 0;
	case JSON_T_STRLIST:
		if (check_list(ctx, f, name, v, "strings") == -1)
			return -1;
		list = (struct json_strlist *)(void *)(base + f->offset);
		list->n = json_array_size(v);
		list->v = arena_alloc(ctx->arena,
		    (list->n + 1) * sizeof(*list->v));
		json_array_foreach(v, k, item) {
			itemname = arena_printf(ctx->arena, "%s[%zu]", name,
			    k);
			if (check_string(ctx, f, itemname, item, 1,
			    f->item_max, &list->v[k]) == -1)
				rc = -1;
		}
		return rc;
	case JSON_T_OBJLIST:
		if (check_list(ctx, f, name, v, "objects") == -1)
			return -1;
		objs = (struct json_objlist *)(void *)(base + f->offset);
		objs->n = json_array_size(v);
		objs->v = arena_alloc(ctx->arena,
		    (objs->n + 1) * f->elem_size);
		json_array_foreach(v, k, item) {
			itemname = arena_printf(ctx->arena, "%s[%zu]", name,
			    k);
			if (decode_object(ctx, itemname, item, f->sub, f->nsub,
			    (char *)objs->v + k * f->elem_size, NULL) == -1)
				rc = -1;
		}
		return rc;
	}
	return fail_field(ctx, name, "has an unknown type");
}

/* Every field of obj into out; prefix names the object in errors. */
static int
decode_object(struct ctx *ctx, const char *prefix, json_t *obj,
    const struct json_field *fields, size_t nfields, void *out,
    uint64_t *seen)
{
	const char *key, *name;
	json_t *v;
	size_t i;
	uint64_t mask = 0;
	bool known;
	int rc = 0;

	if (!json_is_object(obj))
		return prefix != NULL ? fail_field(ctx, prefix, "must be an "
		    "object") : fail(ctx, ST_INVALID, "request body must be a "
		    "JSON object");
	json_object_foreach(obj, key, v) {
		known = false;
		for (i = 0; i < nfields; i++)
			if (strcmp(fields[i].name, key) == 0)
				known = true;
		if (!known) {
			fail_field(ctx, prefix != NULL ? arena_printf(
			    ctx->arena, "%s.%s", prefix, key) : key,
			    "is not a known field");
			rc = -1;
		}
	}
	for (i = 0; i < nfields; i++) {
		name = prefix != NULL ? arena_printf(ctx->arena, "%s.%s",
		    prefix, fields[i].name) : fields[i].name;
		v = json_object_get(obj, fields[i].name);
		if (v == NULL || (json_is_null(v) &&
		    (fields[i].flags & JSON_NULLABLE))) {
			if (fields[i].flags & JSON_REQUIRED) {
				fail_field(ctx, name, "is required");
				rc = -1;
			}
			continue;
		}
		if (decode_field(ctx, &fields[i], name, v, out) == -1)
			rc = -1;
		else if (i < 64)
			mask |= (uint64_t)1 << i;
	}
	if (seen != NULL)
		*seen = mask;
	return rc;
}

int
json_decode(struct ctx *ctx, const char *body, size_t len,
    const struct json_field *fields, size_t nfields, void *out,
    uint64_t *seen)
{
	json_error_t err;
	json_t *root;
	int rc;

	if (seen != NULL)
		*seen = 0;
	if (body == NULL || len == 0)
		return fail(ctx, ST_INVALID, "request body is empty; "
		    "expected a JSON object");
	root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL)
		return fail(ctx, ST_INVALID, "malformed JSON at line %d "
		    "column %d: %s", err.line, err.column, err.text);
	rc = decode_object(ctx, NULL, root, fields, nfields, out, seen);
	json_decref(root);
	return rc;
}

void
jw_init(struct jw *w, struct buf *b)
{
	memset(w, 0, sizeof(*w));
	w->b = b;
}

static void
value_prefix(struct jw *w)
{
	if (w->need_comma[w->depth])
		buf_putc(w->b, ',');
	w->need_comma[w->depth] = true;
}

static void
open_(struct jw *w, char c)
{
	value_prefix(w);
	buf_putc(w->b, c);
	if (w->depth < 31)
		w->depth++;
	w->need_comma[w->depth] = false;
}

static void
close_(struct jw *w, char c)
{
	buf_putc(w->b, c);
	if (w->depth > 0)
		w->depth--;
}

void
jw_obj_open(struct jw *w)
{
	open_(w, '{');
}

void
jw_obj_close(struct jw *w)
{
	close_(w, '}');
}

void
jw_arr_open(struct jw *w)
{
	open_(w, '[');
}

void
jw_arr_close(struct jw *w)
{
	close_(w, ']');
}

void
jw_key(struct jw *w, const char *k)
{
	value_prefix(w);
	buf_append_json_str(w->b, k, strlen(k));
	buf_putc(w->b, ':');
	/* The value that follows needs no comma of its own. */
	w->need_comma[w->depth] = false;
}

void
jw_strn(struct jw *w, const char *s, size_t n)
{
	value_prefix(w);
	buf_append_json_str(w->b, s, n);
}

void
jw_str(struct jw *w, const char *s)
{
	if (s == NULL)
		jw_null(w);
	else
		jw_strn(w, s, strlen(s));
}

void
jw_int(struct jw *w, int64_t v)
{
	value_prefix(w);
	buf_appendf(w->b, "%" PRId64, v);
}

void
jw_bool(struct jw *w, bool v)
{
	value_prefix(w);
	buf_puts(w->b, v ? "true" : "false");
}

void
jw_null(struct jw *w)
{
	value_prefix(w);
	buf_puts(w->b, "null");
}

void
jw_kstr(struct jw *w, const char *k, const char *v)
{
	jw_key(w, k);
	jw_str(w, v);
}

void
jw_kint(struct jw *w, const char *k, int64_t v)
{
	jw_key(w, k);
	jw_int(w, v);
}

void
jw_kbool(struct jw *w, const char *k, bool v)
{
	jw_key(w, k);
	jw_bool(w, v);
}

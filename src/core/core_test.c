/* Unit tests for the core: arena, buf, fail, parse, clock, json and qr. */
#include "core/testing.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/json.h"
#include "core/parse.h"
#include "core/qr.h"

static int deferred;

static void
count_defer(void *p)
{
	deferred += *(int *)p;
}

static void
test_arena_zeroed_and_aligned(void **state)
{
	struct arena *a = arena_new();
	unsigned char *p;
	size_t i, j;

	(void)state;
	for (i = 1; i < 5000; i += 37) {
		p = arena_alloc(a, i);
		assert_int_equal((uintptr_t)p % 16, 0);
		for (j = 0; j < i; j++)
			assert_int_equal(p[j], 0);
		memset(p, 0xAB, i);
	}
	/* Larger than a chunk. */
	p = arena_alloc(a, 1 << 20);
	assert_int_equal(p[(1 << 20) - 1], 0);
	arena_free(a);
	arena_free(NULL);
}

static void
test_arena_defer_runs_in_reverse(void **state)
{
	struct arena *a = arena_new();
	int one = 1, ten = 10;

	(void)state;
	deferred = 0;
	arena_defer(a, count_defer, &one);
	arena_defer(a, count_defer, &ten);
	assert_int_equal(deferred, 0);
	arena_free(a);
	assert_int_equal(deferred, 11);
}

static void
test_arena_realloc_keeps_content(void **state)
{
	struct arena *a = arena_new();
	char *p = arena_alloc(a, 4);

	(void)state;
	memcpy(p, "abc", 4);
	p = arena_realloc(a, p, 4, 100000);
	assert_string_equal(p, "abc");
	assert_string_equal(arena_printf(a, "%d-%s", 7, "x"), "7-x");
	arena_free(a);
}

static void
test_buf_cap_is_hard(void **state)
{
	struct arena *a = arena_new();
	struct buf b;

	(void)state;
	buf_init(&b, a, 8);
	assert_int_equal(buf_puts(&b, "12345"), 0);
	assert_int_equal(buf_puts(&b, "6789"), -1);
	assert_true(b.toobig);
	assert_string_equal(b.p, "12345");
	assert_int_equal(buf_appendf(&b, "%d", 678), 0);
	assert_string_equal(b.p, "12345678");
	assert_int_equal(buf_putc(&b, 'x'), -1);
	arena_free(a);
}

static void
test_buf_json_and_html_escaping(void **state)
{
	struct arena *a = arena_new();
	struct buf b;

	(void)state;
	buf_init(&b, a, 1024);
	buf_append_json_str(&b, "a\"b\\c\n<x>\x01", 10);
	assert_string_equal(b.p,
	    "\"a\\\"b\\\\c\\u000a\\u003cx\\u003e\\u0001\"");
	buf_reset(&b);
	buf_append_html(&b, "<a href='x'>&\"</a>", 18);
	assert_string_equal(b.p,
	    "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
	arena_free(a);
}

static void
test_fail_first_wins_and_fields_collect(void **state)
{
	struct arena *a = arena_new();
	struct ctx ctx;

	(void)state;
	ctx_init(&ctx, a, NULL);
	assert_int_equal(fail(&ctx, ST_NOTFOUND, "no user '%d'", 3), -1);
	assert_int_equal(fail(&ctx, ST_INTERNAL, "later"), -1);
	assert_int_equal(ctx.status, ST_NOTFOUND);
	assert_string_equal(ctx.message, "no user '3'");
	ctx_clear_error(&ctx);
	fail_field(&ctx, "a", "is required");
	fail_field(&ctx, "b", "must be at most %d characters", 5);
	assert_int_equal(ctx.status, ST_INVALID);
	assert_int_equal(ctx.nfields, 2);
	assert_string_equal(ctx.fields[1].field, "b");
	assert_string_equal(ctx.fields[1].reason,
	    "must be at most 5 characters");
	assert_string_equal(status_name(ST_NOTFOUND), "not_found");
	arena_free(a);
}

static void
test_parse_int64_bounds(void **state)
{
	int64_t v = 0;

	(void)state;
	assert_int_equal(parse_int64("42", 0, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(parse_int64("-5", -10, 0, &v), 0);
	assert_int_equal(v, -5);
	assert_int_equal(parse_int64("12abc", 0, 100, &v), -1);
	assert_int_equal(parse_int64("", 0, 100, &v), -1);
	assert_int_equal(parse_int64(" 1", 0, 100, &v), -1);
	assert_int_equal(parse_int64("101", 0, 100, &v), -1);
	assert_int_equal(parse_int64("99999999999999999999", 0, INT64_MAX,
	    &v), -1);
	assert_int_equal(parse_int64(NULL, 0, 1, &v), -1);
}

static void
test_dates(void **state)
{
	int32_t d;

	(void)state;
	assert_int_equal(date_parse("1970-01-01", &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(date_parse("2024-02-29", &d), 0);
	assert_int_equal(date_parse("2023-02-29", &d), -1);
	assert_int_equal(date_parse("2100-02-29", &d), -1);
	assert_int_equal(date_parse("2000-02-29", &d), 0);
	assert_int_equal(date_parse("2026-13-01", &d), -1);
	assert_int_equal(date_parse("2026-04-31", &d), -1);
	assert_int_equal(date_parse("26-04-01", &d), -1);
	assert_int_equal(date_parse("2026-4-011", &d), -1);
}

struct sample {
	char		*username;
	int64_t		 org_id;
	bool		 active;
	struct json_strlist tags;
};

static const struct json_field sample_fields[] = {
	JSON_STR(struct sample, username, "username", JSON_REQUIRED, 1, 8),
	JSON_I64(struct sample, org_id, "org_id", JSON_REQUIRED, 1, 1000),
	JSON_BOOL(struct sample, active, "active", JSON_OPTIONAL),
	JSON_STRLIST(struct sample, tags, "tags", JSON_OPTIONAL, 0, 3, 4),
};

static int
decode(struct ctx *ctx, const char *body, struct sample *out,
    uint64_t *seen)
{
	memset(out, 0, sizeof(*out));
	ctx_clear_error(ctx);
	return json_decode(ctx, body, strlen(body), sample_fields,
	    JSON_NFIELDS(sample_fields), out, seen);
}

static bool
has_field_error(const struct ctx *ctx, const char *field)
{
	size_t i;

	for (i = 0; i < ctx->nfields; i++)
		if (strcmp(ctx->fields[i].field, field) == 0)
			return true;
	return false;
}

static void
test_json_decode_valid(void **state)
{
	struct arena *a = arena_new();
	struct ctx ctx;
	struct sample s;
	uint64_t seen;

	(void)state;
	ctx_init(&ctx, a, NULL);
	assert_int_equal(decode(&ctx, "{\"username\":\"änne\",\"org_id\":7,"
	    "\"tags\":[\"x\",\"yz\"]}", &s, &seen), 0);
	assert_string_equal(s.username, "änne");
	assert_int_equal(s.org_id, 7);
	assert_false(s.active);
	assert_int_equal(s.tags.n, 2);
	assert_string_equal(s.tags.v[1], "yz");
	assert_int_equal(seen, 1 | 2 | 8);
	arena_free(a);
}

static void
test_json_decode_rejects(void **state)
{
	struct arena *a = arena_new();
	struct ctx ctx;
	struct sample s;

	(void)state;
	ctx_init(&ctx, a, NULL);
	/* Duplicate keys: the second "username" must not slip through. */
	assert_int_equal(decode(&ctx, "{\"username\":\"a\",\"username\":\"b\","
	    "\"org_id\":1}", &s, NULL), -1);
	assert_int_equal(ctx.status, ST_INVALID);
	assert_non_null(strstr(ctx.message, "duplicate"));
	/* Malformed. */
	assert_int_equal(decode(&ctx, "{\"username\":", &s, NULL), -1);
	assert_non_null(strstr(ctx.message, "malformed JSON"));
	/* Not an object. */
	assert_int_equal(decode(&ctx, "[1,2]", &s, NULL), -1);
	/* Invalid UTF-8. */
	assert_int_equal(decode(&ctx, "{\"username\":\"\xff\",\"org_id\":1}",
	    &s, NULL), -1);
	/* NUL inside a string. */
	assert_int_equal(decode(&ctx, "{\"username\":\"a\\u0000b\","
	    "\"org_id\":1}", &s, NULL), -1);
	/* Every wrong field is named. */
	assert_int_equal(decode(&ctx, "{\"username\":\"waytoolongname\","
	    "\"org_id\":\"7\",\"active\":1,\"role\":\"admin\","
	    "\"tags\":[\"ok\",\"toolong\"]}", &s, NULL), -1);
	assert_int_equal(ctx.status, ST_INVALID);
	assert_true(has_field_error(&ctx, "username"));
	assert_true(has_field_error(&ctx, "org_id"));
	assert_true(has_field_error(&ctx, "active"));
	assert_true(has_field_error(&ctx, "role"));
	assert_true(has_field_error(&ctx, "tags[1]"));
	/* Missing required fields and out-of-range numbers. */
	assert_int_equal(decode(&ctx, "{\"org_id\":1001}", &s, NULL), -1);
	assert_true(has_field_error(&ctx, "username"));
	assert_true(has_field_error(&ctx, "org_id"));
	/* An empty body. */
	assert_int_equal(decode(&ctx, "", &s, NULL), -1);
	arena_free(a);
}

struct person {
	char		*kind;
	int64_t		 age;
};

struct report {
	char		*town;
	struct json_objlist persons;
};

static const struct json_field person_fields[] = {
	JSON_STR(struct person, kind, "kind", JSON_REQUIRED, 1, 10),
	JSON_I64(struct person, age, "age", JSON_OPTIONAL, 0, 120),
};

static const struct json_field report_fields[] = {
	JSON_STR(struct report, town, "town", JSON_REQUIRED, 1, 40),
	JSON_OBJLIST(struct report, persons, "persons", JSON_OPTIONAL, 0, 3,
	    struct person, person_fields),
};

static void
test_json_object_lists(void **state)
{
	struct arena *a = arena_new();
	struct report rep;
	struct person *p;
	struct ctx ctx;
	const char *ok = "{\"town\":\"Zwolle\",\"persons\":["
	    "{\"kind\":\"victim\",\"age\":16},{\"kind\":\"suspect\"}]}";
	const char *bad = "{\"town\":\"Zwolle\",\"persons\":["
	    "{\"kind\":\"victim\",\"age\":200},{\"age\":3,\"x\":1},7]}";

	(void)state;
	ctx_init(&ctx, a, NULL);
	memset(&rep, 0, sizeof(rep));
	assert_int_equal(json_decode(&ctx, ok, strlen(ok), report_fields,
	    JSON_NFIELDS(report_fields), &rep, NULL), 0);
	assert_int_equal(rep.persons.n, 2);
	p = rep.persons.v;
	assert_string_equal(p[0].kind, "victim");
	assert_int_equal(p[0].age, 16);
	assert_string_equal(p[1].kind, "suspect");
	/* Every wrong field inside the list is named by its place. */
	memset(&rep, 0, sizeof(rep));
	assert_int_equal(json_decode(&ctx, bad, strlen(bad), report_fields,
	    JSON_NFIELDS(report_fields), &rep, NULL), -1);
	assert_true(has_field_error(&ctx, "persons[0].age"));
	assert_true(has_field_error(&ctx, "persons[1].kind"));
	assert_true(has_field_error(&ctx, "persons[1].x"));
	assert_true(has_field_error(&ctx, "persons[2]"));
	arena_free(a);
}

static void
test_json_writer(void **state)
{
	struct arena *a = arena_new();
	struct buf b;
	struct jw w;

	(void)state;
	buf_init(&b, a, 4096);
	jw_init(&w, &b);
	jw_obj_open(&w);
	jw_kstr(&w, "a", "x\"y");
	jw_kint(&w, "n", -3);
	jw_key(&w, "list");
	jw_arr_open(&w);
	jw_int(&w, 1);
	jw_obj_open(&w);
	jw_kbool(&w, "t", true);
	jw_obj_close(&w);
	jw_null(&w);
	jw_arr_close(&w);
	jw_kstr(&w, "none", NULL);
	jw_obj_close(&w);
	assert_false(b.toobig);
	assert_string_equal(b.p, "{\"a\":\"x\\\"y\",\"n\":-3,\"list\":[1,"
	    "{\"t\":true},null],\"none\":null}");
	arena_free(a);
}

/* The number of UTF-8 characters in s up to its end or a newline. */
static size_t
utf8_width(const char *s)
{
	size_t n = 0;

	for (; *s != '\0' && *s != '\n'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static void
test_qr_text(void **state)
{
	static const char full[] = "\u2588";
	static const char uri[] = "otpauth://totp/schakel:demo?secret="
	    "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=schakel";
	struct arena *a = arena_new();
	struct buf b, again, svg;
	const char *line, *nl;
	size_t w, lines = 0, i;
	char *big;

	(void)state;
	buf_init(&b, a, 1 << 20);
	buf_init(&again, a, 1 << 20);
	assert_int_equal(qr_text(&b, uri), 0);
	assert_int_equal(qr_text(&again, uri), 0);
	assert_string_equal(b.p, again.p);		/* deterministic */

	/* Every line as wide as the first: the code (21 + 4k modules)
	 * plus a quiet zone of four on each side. */
	w = utf8_width(b.p);
	assert_true(w >= 21 + 8);
	assert_int_equal((w - 8 - 21) % 4, 0);
	for (line = b.p; *line != '\0'; line = nl + 1) {
		nl = strchr(line, '\n');
		assert_non_null(nl);
		assert_int_equal(utf8_width(line), w);
		/* The left and right quiet zone: light, full blocks (the
		 * last line only has its top half). */
		if (nl[1] != '\0') {
			for (i = 0; i < 4; i++) {
				assert_memory_equal(line + 3 * i, full, 3);
				assert_memory_equal(nl - 3 * (i + 1), full,
				    3);
			}
		}
		lines++;
	}
	assert_int_equal(lines, (w + 1) / 2);
	/* The top quiet zone: two lines of full blocks. */
	for (i = 0; i < 2 * w; i++)
		assert_memory_equal(b.p + 3 * i + (i >= w ? 1 : 0), full, 3);
	/* Same size as the SVG says. */
	buf_init(&svg, a, 1 << 20);
	assert_int_equal(qr_svg(&svg, uri), 0);
	big = arena_alloc(a, 64);
	snprintf(big, 64, "viewBox=\"0 0 %zu %zu\"", w, w);
	assert_non_null(strstr(svg.p, big));

	/* Too long for any QR code: refused, for both. */
	big = arena_alloc(a, 8001);
	memset(big, 'x', 8000);
	buf_reset(&b);
	assert_int_equal(qr_text(&b, big), -1);
	assert_int_equal(qr_svg(&b, big), -1);
	/* A buffer too small: refused too. */
	buf_init(&b, a, 100);
	assert_int_equal(qr_text(&b, uri), -1);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena_zeroed_and_aligned),
		cmocka_unit_test(test_arena_defer_runs_in_reverse),
		cmocka_unit_test(test_arena_realloc_keeps_content),
		cmocka_unit_test(test_buf_cap_is_hard),
		cmocka_unit_test(test_buf_json_and_html_escaping),
		cmocka_unit_test(test_fail_first_wins_and_fields_collect),
		cmocka_unit_test(test_parse_int64_bounds),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_json_decode_valid),
		cmocka_unit_test(test_json_decode_rejects),
		cmocka_unit_test(test_json_object_lists),
		cmocka_unit_test(test_json_writer),
		cmocka_unit_test(test_qr_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

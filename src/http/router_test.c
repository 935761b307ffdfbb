/* Unit tests for the router: matching, precedence, parameters, refusals. */
#include "core/testing.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "http/router.h"
#include "http/server.h"

static int h_list, h_get, h_me, h_put, h_sub, h_root, h_file;

struct fixture {
	struct router	*r;
	struct arena	*a;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	f->r = router_new();
	f->a = arena_new();
	assert_int_equal(router_add(f->r, "GET", "/", &h_root, 0), 0);
	assert_int_equal(router_add(f->r, "GET", "/api/users", &h_list, 1),
	    0);
	assert_int_equal(router_add(f->r, "GET", "/api/users/{id}", &h_get,
	    2), 0);
	assert_int_equal(router_add(f->r, "PUT", "/api/users/{id}", &h_put,
	    3), 0);
	assert_int_equal(router_add(f->r, "GET", "/api/users/me", &h_me, 4),
	    0);
	assert_int_equal(router_add(f->r, "GET",
	    "/api/cases/{case_id}/notes/{note_id}", &h_sub, 5), 0);
	assert_int_equal(router_add(f->r, "GET", "/api/files/{name}",
	    &h_file, 6), 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	router_free(f->r);
	arena_free(f->a);
	free(f);
	return 0;
}

/* A request as the server would make it, in the fixture's arena. */
static struct http_request *
req(struct fixture *f, const char *method, const char *path)
{
	struct http_request *q = arena_alloc(f->a, sizeof(*q));

	q->arena = f->a;
	q->method = method;
	q->path = path;
	q->query = "";
	return q;
}

static void
test_literal_and_param(void **state)
{
	struct fixture *f = *state;
	struct http_request *q;
	const struct route *rt;
	bool mm = true;

	q = req(f, "GET", "/api/users");
	rt = router_match(f->r, q, &mm);
	assert_non_null(rt);
	assert_ptr_equal(rt->handler, &h_list);
	assert_int_equal(rt->flags, 1);
	assert_false(mm);
	assert_string_equal(q->route, "/api/users");
	assert_int_equal(q->nparams, 0);

	q = req(f, "GET", "/api/users/42");
	rt = router_match(f->r, q, &mm);
	assert_non_null(rt);
	assert_ptr_equal(rt->handler, &h_get);
	assert_string_equal(q->route, "/api/users/{id}");
	assert_int_equal(q->nparams, 1);
	assert_string_equal(q->param_name[0], "id");
	assert_string_equal(q->param_value[0], "42");
	assert_string_equal(http_param(q, "id"), "42");
	assert_null(http_param(q, "ID"));

	q = req(f, "GET", "/");
	rt = router_match(f->r, q, NULL);
	assert_non_null(rt);
	assert_ptr_equal(rt->handler, &h_root);
	assert_string_equal(q->route, "/");
}

static void
test_literal_beats_param(void **state)
{
	struct fixture *f = *state;
	struct http_request *q = req(f, "GET", "/api/users/me");
	const struct route *rt = router_match(f->r, q, NULL);

	assert_non_null(rt);
	assert_ptr_equal(rt->handler, &h_me);
	assert_int_equal(q->nparams, 0);
	assert_string_equal(q->route, "/api/users/me");
	/* Order of adding does not matter: a fresh router, reversed. */
	{
		struct router *r = router_new();

		assert_int_equal(router_add(r, "GET", "/a/b", &h_me, 0), 0);
		assert_int_equal(router_add(r, "GET", "/a/{x}", &h_get, 0), 0);
		assert_int_equal(router_add(r, "GET", "/{y}/b", &h_sub, 0), 0);
		q = req(f, "GET", "/a/b");
		assert_ptr_equal(router_match(r, q, NULL)->handler, &h_me);
		q = req(f, "GET", "/a/c");
		assert_ptr_equal(router_match(r, q, NULL)->handler, &h_get);
		q = req(f, "GET", "/z/b");
		assert_ptr_equal(router_match(r, q, NULL)->handler, &h_sub);
		assert_string_equal(http_param(q, "y"), "z");
		router_free(r);
	}
}

static void
test_method_mismatch(void **state)
{
	struct fixture *f = *state;
	struct http_request *q;
	bool mm = false;

	q = req(f, "DELETE", "/api/users/42");
	assert_null(router_match(f->r, q, &mm));
	assert_true(mm);
	assert_null(q->route);

	q = req(f, "PUT", "/api/users/7");
	assert_ptr_equal(router_match(f->r, q, &mm)->handler, &h_put);
	assert_false(mm);

	/* HEAD is not special. */
	q = req(f, "HEAD", "/api/users");
	assert_null(router_match(f->r, q, &mm));
	assert_true(mm);
}

static void
test_no_match(void **state)
{
	struct fixture *f = *state;
	bool mm = true;

	assert_null(router_match(f->r, req(f, "GET", "/api/nothing"), &mm));
	assert_false(mm);
	assert_null(router_match(f->r, req(f, "GET", "/api/users/1/2"),
	    &mm));
	assert_false(mm);
	assert_null(router_match(f->r, req(f, "GET", "/API/users"), &mm));
	assert_null(router_match(f->r, req(f, "GET", "api/users"), &mm));
	assert_null(router_match(f->r, req(f, "GET", ""), &mm));
	assert_false(mm);
}

static void
test_trailing_slash_and_empty_segments(void **state)
{
	struct fixture *f = *state;
	bool mm = true;

	assert_null(router_match(f->r, req(f, "GET", "/api/users/"), &mm));
	assert_false(mm);
	assert_null(router_match(f->r, req(f, "GET", "/api//users"), &mm));
	assert_null(router_match(f->r, req(f, "GET", "//api/users"), &mm));
	assert_null(router_match(f->r, req(f, "GET", "//"), &mm));
	assert_false(mm);
}

static void
test_dot_segments_refused(void **state)
{
	struct fixture *f = *state;
	struct http_request *q;
	bool mm;

	assert_null(router_match(f->r, req(f, "GET", "/api/users/.."),
	    NULL));
	assert_null(router_match(f->r, req(f, "GET", "/api/files/.."),
	    NULL));
	assert_null(router_match(f->r, req(f, "GET",
	    "/api/../api/users"), NULL));
	assert_null(router_match(f->r, req(f, "GET", "/api/files/."),
	    NULL));
	/* Refused outright, not a method mismatch with /api/users/{id}. */
	mm = true;
	assert_null(router_match(f->r, req(f, "DELETE", "/api/users/.."),
	    &mm));
	assert_false(mm);
	/* Percent-encoded dots are decoded before the check. */
	assert_null(router_match(f->r, req(f, "GET", "/api/files/%2e%2E"),
	    NULL));
	/* Dots inside a name are fine. */
	q = req(f, "GET", "/api/files/report..v2");
	assert_non_null(router_match(f->r, q, NULL));
	assert_string_equal(http_param(q, "name"), "report..v2");
}

static void
test_params_decoded(void **state)
{
	struct fixture *f = *state;
	struct http_request *q;

	q = req(f, "GET", "/api/cases/17/notes/x%20y%2Fz");
	assert_ptr_equal(router_match(f->r, q, NULL)->handler, &h_sub);
	assert_int_equal(q->nparams, 2);
	assert_string_equal(q->param_name[0], "case_id");
	assert_string_equal(q->param_value[0], "17");
	assert_string_equal(http_param(q, "note_id"), "x y/z");
	assert_string_equal(q->route, "/api/cases/{case_id}/notes/{note_id}");

	/* Bad escapes and NUL never reach a handler. */
	assert_null(router_match(f->r, req(f, "GET", "/api/files/a%00b"),
	    NULL));
	assert_null(router_match(f->r, req(f, "GET", "/api/files/a%2"),
	    NULL));
	assert_null(router_match(f->r, req(f, "GET", "/api/files/a%zz"),
	    NULL));
	assert_null(router_match(f->r, req(f, "GET", "/api/files/%"),
	    NULL));
}

static void
test_long_paths_refused(void **state)
{
	struct fixture *f = *state;
	char path[1100];
	struct http_request *q;

	/* Exactly 1024 bytes matches; 1025 does not. */
	memcpy(path, "/api/files/", 11);
	memset(path + 11, 'a', 1024 - 11);
	path[1024] = '\0';
	q = req(f, "GET", path);
	assert_non_null(router_match(f->r, q, NULL));
	assert_int_equal(strlen(http_param(q, "name")), 1024 - 11);
	memset(path + 11, 'a', 1025 - 11);
	path[1025] = '\0';
	assert_null(router_match(f->r, req(f, "GET", path), NULL));
}

static void
test_duplicates_fail(void **state)
{
	struct fixture *f = *state;
	size_t n = router_count(f->r);

	assert_int_equal(router_add(f->r, "GET", "/api/users", NULL, 0), -1);
	/* The same shape with another parameter name is a duplicate. */
	assert_int_equal(router_add(f->r, "GET", "/api/users/{uid}", NULL, 0),
	    -1);
	assert_int_equal(router_add(f->r, "GET", "/", NULL, 0), -1);
	assert_int_equal(router_count(f->r), n);
	/* Another method is not. */
	assert_int_equal(router_add(f->r, "POST", "/api/users", NULL, 0), 0);
	assert_int_equal(router_count(f->r), n + 1);
}

static void
test_malformed_patterns_fail(void **state)
{
	static const char *const bad[] = {
		"", "api/users", "/api/", "/api//users", "//", "/api/{}",
		"/api/{id", "/api/id}", "/api/{i d}", "/api/{a-b}",
		"/api/x{id}", "/api/{id}x", "/api/..", "/api/.",
		"/api/{a}/{a}",
		"/a/{p1}/{p2}/{p3}/{p4}/{p5}/{p6}/{p7}/{p8}/{p9}",
		"/a b", "/a?b", "/a#b", "/a%20b", "/a\\b",
	};
	struct fixture *f = *state;
	char longp[1100];
	size_t i, n = router_count(f->r);

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (router_add(f->r, "GET", bad[i], NULL, 0) != -1)
			fail_msg("pattern '%s' was accepted", bad[i]);
	assert_int_equal(router_add(f->r, "get", "/x", NULL, 0), -1);
	assert_int_equal(router_add(f->r, "", "/x", NULL, 0), -1);
	assert_int_equal(router_add(f->r, "GET", NULL, NULL, 0), -1);
	assert_int_equal(router_add(f->r, NULL, "/x", NULL, 0), -1);
	longp[0] = '/';
	memset(longp + 1, 'a', 1024);
	longp[1025] = '\0';
	assert_int_equal(router_add(f->r, "GET", longp, NULL, 0), -1);
	assert_int_equal(router_count(f->r), n);
	/* Eight parameters are fine. */
	assert_int_equal(router_add(f->r, "GET",
	    "/a/{p1}/{p2}/{p3}/{p4}/{p5}/{p6}/{p7}/{p8}", NULL, 0), 0);
}

static void
test_listing(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(router_count(f->r), 7);
	assert_string_equal(router_at(f->r, 0)->pattern, "/");
	assert_string_equal(router_at(f->r, 2)->method, "GET");
	assert_string_equal(router_at(f->r, 3)->method, "PUT");
	assert_string_equal(router_at(f->r, 3)->pattern, "/api/users/{id}");
	assert_null(router_at(f->r, 7));
	router_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_literal_and_param, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_literal_beats_param,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_method_mismatch, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_no_match, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_trailing_slash_and_empty_segments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dot_segments_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_params_decoded, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_long_paths_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_duplicates_fail, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_malformed_patterns_fail,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_listing, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

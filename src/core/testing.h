/*
 * testing: what every cmocka unit test includes first.  cmocka defines a
 * macro called fail(), which would hide our fail(); tests use cmocka's
 * fail_msg(), redefined here to keep working.  Also the fixture most
 * tests want: an arena and a context on it (cmocka_ctx_test(f), or
 * test_ctx_setup/teardown as a group's; *state is a struct test_ctx).
 */
#ifndef SCHAKEL_TESTING_H
#define SCHAKEL_TESTING_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#undef fail
#undef fail_msg
#define fail_msg(msg, ...) do { \
	print_error("ERROR: " msg "\n", ##__VA_ARGS__); \
	_fail(__FILE__, __LINE__); \
} while (0)

#include "core/arena.h"
#include "core/fail.h"

struct test_ctx {
	struct arena	*arena;
	struct ctx	 ctx;
};

static inline int
test_ctx_setup(void **state)
{
	struct test_ctx *f = test_calloc(1, sizeof(*f));

	f->arena = arena_new();
	ctx_init(&f->ctx, f->arena, NULL);
	*state = f;
	return 0;
}

static inline int
test_ctx_teardown(void **state)
{
	struct test_ctx *f = *state;

	arena_free(f->arena);
	test_free(f);
	return 0;
}

/* A test that gets a fresh struct test_ctx. */
#define cmocka_ctx_test(f) \
	cmocka_unit_test_setup_teardown(f, test_ctx_setup, test_ctx_teardown)

#endif

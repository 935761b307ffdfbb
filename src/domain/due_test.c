/* Unit tests for due: the list grows in the arena and keeps every item;
 * the overview is empty, without a query, for anyone but a coordinator
 * (the store side is in the API tests and store_pg_test.c). */
#include "core/testing.h"

#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/fail.h"
#include "domain/due.h"

static void
test_grows(void **state)
{
	struct ctx ctx;
	struct due_list l;
	int64_t i;

	(void)state;
	memset(&ctx, 0, sizeof(ctx));
	memset(&l, 0, sizeof(l));
	ctx.arena = arena_new();
	for (i = 0; i < 1000; i++)
		due_add(&ctx, &l, i % 2 ? "plan_review" : "case_accept", i,
		    i % 3, 1000 - i, i % 5 ? NULL : "SAFE-SHELTER");
	assert_int_equal(l.n, 1000);
	assert_true(l.cap >= l.n);
	for (i = 0; i < 1000; i++) {
		assert_int_equal(l.v[i].case_id, i);
		assert_int_equal(l.v[i].ref_id, i % 3);
		assert_int_equal(l.v[i].due, 1000 - i);
		assert_string_equal(l.v[i].kind, i % 2 ? "plan_review" :
		    "case_accept");
		if (i % 5)
			assert_null(l.v[i].detail);
		else
			assert_string_equal(l.v[i].detail, "SAFE-SHELTER");
	}
	arena_free(ctx.arena);
}

/* No store at all: any query would crash, so none is made. */
static void
test_only_coordinators(void **state)
{
	static const enum role others[] = { ROLE_NONE, ROLE_REPORTER,
	    ROLE_ADVISOR, ROLE_PROVIDER, ROLE_ASSESSOR, ROLE_POLICY,
	    ROLE_RAPPORTEUR, ROLE_ADMIN };
	struct ctx ctx;
	struct due_list l;
	size_t i;

	(void)state;
	memset(&ctx, 0, sizeof(ctx));
	ctx.arena = arena_new();
	for (i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		ctx.who.role = others[i];
		ctx.who.org_id = 1;
		l.n = 99;
		assert_int_equal(due_overview(&ctx, 1, &l), 0);
		assert_int_equal(l.n, 0);
	}
	arena_free(ctx.arena);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grows),
		cmocka_unit_test(test_only_coordinators),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

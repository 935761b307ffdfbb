/*
 * Unit tests for coverage: which protected cells say that signals
 * arrive in a region.  A "<10" is never zero and a hidden cell may be
 * anything, so both flag a region without trained staff; only a shown
 * zero does not.  (The counting itself runs against a real store in
 * tests/api/expertise.test.mjs on both back ends.)
 */
#include "core/testing.h"

#include "insight/coverage.h"

static void
test_arrive(void **state)
{
	struct pcell zero = { 0, CELL_SHOWN }, some = { 15, CELL_SHOWN };
	struct pcell small = { 0, CELL_SMALL }, hidden = { 0,
	    CELL_PROTECTED };

	(void)state;
	assert_false(coverage_arrive(&zero));
	assert_true(coverage_arrive(&some));
	assert_true(coverage_arrive(&small));
	assert_true(coverage_arrive(&hidden));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arrive),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

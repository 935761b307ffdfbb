/*
 * Unit tests for the gap report's protection (insight/gap.c), on
 * demand tables built to attack it: a single person with a need in a
 * care type, a column total minus its visible cells, a median of a
 * handful of waits, a care type that is nearly all of a small column,
 * and random tables checked cell by cell.  Each attack must find no
 * count from 1 to 9 and nothing to derive.  The flags are read from the
 * published cells only.
 */
#include "core/testing.h"

#include <stdlib.h>
#include <string.h>

#include "insight/gap.h"

static const struct protect_rules R = { 10, 5, 90, 50 };

#define NT	4

/* Every shown count is 0 or at least the threshold and a multiple of
 * the rounding; along each count column with a shown total, never
 * exactly one hidden cell. */
static void
assert_safe(const struct pcell *out, size_t ntypes)
{
	size_t i, c, hidden;

	for (c = 0; c < GAP_NCOUNTS; c++) {
		hidden = 0;
		for (i = 0; i <= ntypes; i++) {
			const struct pcell *p = &out[i * GAP_NCOLS + c];

			if (p->state == CELL_SHOWN) {
				assert_true(p->v == 0 || p->v >= R.threshold);
				assert_int_equal(p->v % R.rounding, 0);
			} else if (i < ntypes) {
				hidden++;
			}
		}
		if (out[ntypes * GAP_NCOLS + c].state == CELL_SHOWN)
			assert_int_not_equal(hidden, 1);
	}
}

static void
test_single_person(void **state)
{
	int64_t n[NT * GAP_NCOUNTS] = {
		1, 1, 0,
		40, 30, 0,
		25, 20, 0,
		0, 0, 0,
	};
	int64_t acc[NT + 1] = { 1, 12, 11, 0, 24 };
	int64_t med[NT + 1] = { 3, 20, 15, 0, 17 };
	struct pcell out[(NT + 1) * GAP_NCOLS];

	(void)state;
	gap_protect(&R, NT, n, acc, med, out);
	assert_safe(out, NT);
	/* The one person's need and referral read as "<10". */
	assert_int_equal(out[0 * GAP_NCOLS + GAP_NEEDS].state, CELL_SMALL);
	assert_int_equal(out[0 * GAP_NCOLS + GAP_REFERRALS].state,
	    CELL_SMALL);
	/* The one wait is not shown as a median. */
	assert_int_equal(out[0 * GAP_NCOLS + GAP_WAIT].state,
	    CELL_PROTECTED);
	assert_int_equal(out[1 * GAP_NCOLS + GAP_WAIT].state, CELL_SHOWN);
	assert_int_equal(out[1 * GAP_NCOLS + GAP_WAIT].v, 20);
	/* A zero is a zero. */
	assert_int_equal(out[3 * GAP_NCOLS + GAP_NEEDS].state, CELL_SHOWN);
	assert_int_equal(out[3 * GAP_NCOLS + GAP_NEEDS].v, 0);
}

static void
test_total_minus_visible(void **state)
{
	/* Needs: 3 + 40 + 25 + 0 = 68.  Were only the 3 hidden, the total
	 * minus the others would give it; a second cell must go too. */
	int64_t n[NT * GAP_NCOUNTS] = {
		3, 0, 2,
		40, 12, 0,
		25, 14, 0,
		0, 0, 0,
	};
	int64_t acc[NT + 1] = { 0 };
	int64_t med[NT + 1] = { 0 };
	struct pcell out[(NT + 1) * GAP_NCOLS];
	size_t i, hidden = 0;

	(void)state;
	gap_protect(&R, NT, n, acc, med, out);
	assert_safe(out, NT);
	for (i = 0; i < NT; i++)
		if (out[i * GAP_NCOLS + GAP_NEEDS].state != CELL_SHOWN)
			hidden++;
	assert_true(out[NT * GAP_NCOLS + GAP_NEEDS].state != CELL_SHOWN ||
	    hidden >= 2);
	/* The two declines for lack of capacity: "<10", and the total of
	 * that column, 2, is not shown either. */
	assert_int_equal(out[0 * GAP_NCOLS + GAP_DECLINED].state, CELL_SMALL);
	assert_int_not_equal(out[NT * GAP_NCOLS + GAP_DECLINED].state,
	    CELL_SHOWN);
}

static void
test_dominance(void **state)
{
	/* 20 of 21 needs in one care type: it says what nearly everyone
	 * needed, so it is not shown. */
	int64_t n[NT * GAP_NCOUNTS] = {
		20, 0, 0,
		1, 0, 0,
		0, 0, 0,
		0, 0, 0,
	};
	int64_t acc[NT + 1] = { 0 };
	int64_t med[NT + 1] = { 0 };
	struct pcell out[(NT + 1) * GAP_NCOLS];

	(void)state;
	gap_protect(&R, NT, n, acc, med, out);
	assert_safe(out, NT);
	assert_int_not_equal(out[0 * GAP_NCOLS + GAP_NEEDS].state,
	    CELL_SHOWN);
}

static void
test_random(void **state)
{
	int64_t n[NT * GAP_NCOUNTS], acc[NT + 1], med[NT + 1];
	struct pcell out[(NT + 1) * GAP_NCOLS], again[(NT + 1) * GAP_NCOLS];
	size_t i, k;

	(void)state;
	srand(10);
	for (k = 0; k < 2000; k++) {
		for (i = 0; i < NT * GAP_NCOUNTS; i++)
			n[i] = rand() % 4 == 0 ? 0 : rand() % (k % 2 ? 15 : 60);
		for (i = 0; i <= NT; i++) {
			acc[i] = rand() % 20;
			med[i] = rand() % 40;
		}
		gap_protect(&R, NT, n, acc, med, out);
		assert_safe(out, NT);
		for (i = 0; i <= NT; i++)
			if (acc[i] < R.threshold)
				assert_int_equal(out[i * GAP_NCOLS +
				    GAP_WAIT].state, CELL_PROTECTED);
		/* The same counts, the same table. */
		gap_protect(&R, NT, n, acc, med, again);
		for (i = 0; i < (NT + 1) * GAP_NCOLS; i++) {
			assert_int_equal(out[i].state, again[i].state);
			assert_int_equal(out[i].v, again[i].v);
		}
	}
}

static void
test_flags(void **state)
{
	struct gap_row w;

	(void)state;
	memset(&w, 0, sizeof(w));
	w.cell[GAP_DECLINED] = (struct pcell){ 0, CELL_SMALL };
	assert_string_equal(gap_flag(&w), "declines");
	/* A hidden "x" may be a zero: no flag from it. */
	w.cell[GAP_DECLINED] = (struct pcell){ 0, CELL_PROTECTED };
	assert_null(gap_flag(&w));
	w.cell[GAP_NEEDS] = (struct pcell){ 25, CELL_SHOWN };
	assert_string_equal(gap_flag(&w), "no_contract");
	w.contracts = 1;
	w.places = 10;
	assert_string_equal(gap_flag(&w), "over_capacity");
	w.places = 30;
	assert_null(gap_flag(&w));
	/* Hours cannot be set against needs. */
	w.places = 10;
	w.hours = 100;
	assert_null(gap_flag(&w));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single_person),
		cmocka_unit_test(test_total_minus_visible),
		cmocka_unit_test(test_dominance),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

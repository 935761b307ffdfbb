/*
 * Unit tests for protect: tables built to attack the protection.  Each
 * attack (a single victim, a total minus the visible cells, a region
 * minus its other municipalities, a year minus its other quarters, a
 * category that is nearly everyone) must find nothing to derive; and
 * random families checked line by line must never leave a line with
 * one unknown.
 */
#include "core/testing.h"

#include <stdlib.h>
#include <string.h>

#include "insight/protect.h"

static const struct protect_rules R = { 10, 5, 90, 50 };

static struct protect_grid
grid(size_t nrows, size_t ncols, const int64_t *n, struct pcell *cells)
{
	struct protect_grid g;

	memset(&g, 0, sizeof(g));
	g.nrows = nrows;
	g.ncols = ncols;
	g.total_row = true;
	g.total_col = true;
	g.n = n;
	g.cells = cells;
	return g;
}

static size_t
nhidden(const struct pcell *c, size_t n, size_t stride)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (c[i * stride].state != CELL_SHOWN)
			k++;
	return k;
}

/* What an attacker checks: no shown count from 1 to threshold-1, shown
 * counts on the rounding base, and no line with one unknown. */
static void
assert_safe_line(const struct pcell *inner, size_t n, size_t stride,
    const struct pcell *total)
{
	size_t k = nhidden(inner, n, stride);

	if (total->state == CELL_SHOWN)
		assert_true(k != 1);
	else
		assert_true(k != 0 || n == 0);
}

static void
assert_safe_grid(const struct protect_grid *g)
{
	size_t i, r, c, nr = g->nrows, nc = g->ncols;

	for (i = 0; i < nr * nc; i++) {
		if (g->cells[i].state != CELL_SHOWN)
			continue;
		assert_true(g->cells[i].v == 0 || g->cells[i].v >= R.threshold);
		assert_int_equal(g->cells[i].v % R.rounding, 0);
		assert_true(g->n[i] == 0 || g->n[i] >= R.threshold);
	}
	for (r = 0; g->total_col && r < nr; r++)
		assert_safe_line(&g->cells[r * nc], nc - 1, 1,
		    &g->cells[r * nc + nc - 1]);
	for (c = 0; g->total_row && c < nc; c++)
		assert_safe_line(&g->cells[c], nr - 1, nc,
		    &g->cells[(nr - 1) * nc + c]);
}

/* One victim in a municipality: "<10", and the total does not give it
 * away either. */
static void
test_single_victim(void **state)
{
	/* rows: female, male, total; cols: q1, q2, year */
	const int64_t n[] = {
		1, 0, 1,
		0, 0, 0,
		1, 0, 1,
	};
	struct pcell c[9];
	struct protect_grid g = grid(3, 3, n, c);

	(void)state;
	protect_grid(&R, &g);
	assert_int_equal(c[0].state, CELL_SMALL);
	assert_int_equal(c[8].state, CELL_SMALL);
	assert_int_equal(c[2].state, CELL_SMALL);
	assert_int_equal(c[6].state, CELL_SMALL);
	assert_safe_grid(&g);
}

/* A row total minus the visible cells: the total is large, one cell
 * small; a second cell must go. */
static void
test_total_minus_visible(void **state)
{
	/* rows: lt18, 18_22, 23plus, total; cols q1..q4, year */
	const int64_t n[] = {
		3, 20, 25, 30, 78,
		40, 41, 42, 43, 166,
		50, 50, 50, 50, 200,
		93, 111, 117, 123, 444,
	};
	struct pcell c[20];
	struct protect_grid g = grid(4, 5, n, c);

	(void)state;
	protect_grid(&R, &g);
	assert_int_equal(c[0].state, CELL_SMALL);
	/* The smallest other cell of the row and of the column. */
	assert_int_equal(c[1].state, CELL_PROTECTED);
	assert_int_equal(c[5].state, CELL_PROTECTED);
	/* The grand total and the quarter totals stay. */
	assert_int_equal(c[19].state, CELL_SHOWN);
	assert_int_equal(c[19].v, 445);
	assert_int_equal(c[15].state, CELL_SHOWN);
	assert_int_equal(c[15].v, 95);
	assert_safe_grid(&g);
}

/* A region minus its other municipalities. */
static void
test_region_minus_others(void **state)
{
	/* one row (total) by one col (year) per area, to isolate rule 4 */
	const int64_t region[] = { 60 }, a[] = { 4 }, b[] = { 26 },
	    d[] = { 30 };
	struct pcell cr[1], ca[1], cb[1], cd[1];
	struct protect_grid g[4];
	const size_t kids[] = { 1, 2, 3 };
	struct protect_group grp = { 0, kids, 3 };

	(void)state;
	g[0] = grid(1, 1, region, cr);
	g[1] = grid(1, 1, a, ca);
	g[2] = grid(1, 1, b, cb);
	g[3] = grid(1, 1, d, cd);
	protect_family(&R, g, 4, &grp, 1);
	assert_int_equal(cr[0].state, CELL_SHOWN);
	assert_int_equal(ca[0].state, CELL_SMALL);
	/* The smaller of the other two goes with it. */
	assert_int_equal(cb[0].state, CELL_PROTECTED);
	assert_int_equal(cd[0].state, CELL_SHOWN);
}

/* The same attack through a whole table: the hidden cell of another
 * municipality spreads to its own rows and columns. */
static void
test_region_spreads(void **state)
{
	const int64_t reg[] = { 13, 40, 53, 30, 30, 60, 43, 70, 113 };
	const int64_t m1[] = { 3, 20, 23, 15, 15, 30, 18, 35, 53 };
	const int64_t m2[] = { 10, 20, 30, 15, 15, 30, 25, 35, 60 };
	struct pcell c[3][9];
	struct protect_grid g[3];
	const size_t kids[] = { 1, 2 };
	struct protect_group grp = { 0, kids, 2 };
	size_t i, k;

	(void)state;
	g[0] = grid(3, 3, reg, c[0]);
	g[1] = grid(3, 3, m1, c[1]);
	g[2] = grid(3, 3, m2, c[2]);
	protect_family(&R, g, 3, &grp, 1);
	assert_int_equal(c[1][0].state, CELL_SMALL);
	assert_int_equal(c[2][0].state, CELL_PROTECTED);
	for (i = 0; i < 3; i++)
		assert_safe_grid(&g[i]);
	for (k = 0; k < 9; k++)
		assert_safe_line(&c[1][k], 2, 9, &c[0][k]);
}

/* Two overlapping periods: the year is the sum of its quarters, so a
 * small quarter never shows as year minus the other three. */
static void
test_year_minus_quarters(void **state)
{
	/* two categories and their total: q1..q4, year */
	const int64_t n[] = {
		12, 15, 2, 14, 43,
		30, 30, 30, 30, 120,
		42, 45, 32, 44, 163,
	};
	struct pcell c[15];
	struct protect_grid g = grid(3, 5, n, c);

	(void)state;
	protect_grid(&R, &g);
	assert_int_equal(c[2].state, CELL_SMALL);
	/* The year minus the other quarters: another quarter goes. */
	assert_int_equal(c[0].state, CELL_PROTECTED);
	/* The quarter's total minus the other category: that one too. */
	assert_int_equal(c[7].state, CELL_PROTECTED);
	assert_int_equal(c[4].state, CELL_SHOWN);
	assert_int_equal(c[4].v, 45);
	assert_int_equal(c[12].state, CELL_SHOWN);
	assert_int_equal(c[12].v, 30);
	assert_safe_grid(&g);
}

/* A category that is nearly all of a small column tells what the people
 * in it are: hidden, with a second cell so it cannot be subtracted. */
static void
test_dominance(void **state)
{
	/* rows: female, male, total; one column */
	const int64_t small[] = { 19, 1, 20 }, big[] = { 190, 10, 200 };
	const int64_t zero[] = { 12, 0, 12 };
	struct pcell c[3];
	struct protect_grid g;

	(void)state;
	g = grid(3, 1, small, c);
	g.total_col = false;
	protect_grid(&R, &g);
	assert_int_equal(c[0].state, CELL_PROTECTED);
	assert_int_equal(c[1].state, CELL_SMALL);
	assert_int_equal(c[2].state, CELL_SHOWN);
	/* In a large column the same share is no disclosure. */
	g = grid(3, 1, big, c);
	g.total_col = false;
	protect_grid(&R, &g);
	assert_int_equal(c[0].state, CELL_SHOWN);
	assert_int_equal(c[1].state, CELL_SHOWN);
	/* All of them: the zero beside it goes too. */
	g = grid(3, 1, zero, c);
	g.total_col = false;
	protect_grid(&R, &g);
	assert_int_equal(c[0].state, CELL_PROTECTED);
	assert_int_equal(c[1].state, CELL_PROTECTED);
	assert_int_equal(c[2].state, CELL_SHOWN);
	assert_int_equal(c[2].v, 10);
}

/* Forms: a victim may count in several rows; the total is a count of
 * people, not a sum, so only dominance uses it. */
static void
test_overlap(void **state)
{
	const int64_t n[] = { 30, 20, 40 };
	struct pcell c[3];
	struct protect_grid g;

	(void)state;
	g = grid(3, 1, n, c);
	g.total_row = false;
	g.total_col = false;
	g.overlap = true;
	protect_grid(&R, &g);
	assert_int_equal(c[0].state, CELL_SHOWN);
	assert_int_equal(c[1].state, CELL_SHOWN);
	assert_int_equal(c[2].v, 40);
}

/* Rounding: to the nearest multiple, halves up. */
static void
test_rounding(void **state)
{
	(void)state;
	assert_int_equal(protect_round(&R, 10), 10);
	assert_int_equal(protect_round(&R, 12), 10);
	assert_int_equal(protect_round(&R, 13), 15);
	assert_int_equal(protect_round(&R, 0), 0);
	assert_int_equal(protect_round(&R, 997), 995);
	assert_int_equal(protect_round(&R, 998), 1000);
}

/* The threshold and base never go below the defaults. */
static void
test_rules(void **state)
{
	(void)state;
	assert_int_equal(protect_set_rules(9, 5), -1);
	assert_int_equal(protect_set_rules(10, 4), -1);
	assert_int_equal(protect_rules()->threshold, 10);
	assert_int_equal(protect_set_rules(15, 10), 0);
	assert_int_equal(protect_rules()->threshold, 15);
	assert_int_equal(protect_rules()->rounding, 10);
	assert_true(protect_rules()->dominance_small >= 75);
	assert_int_equal(protect_set_rules(10, 5), 0);
}

/* The same counts give the same table, however often asked. */
static void
test_stable(void **state)
{
	const int64_t n[] = { 3, 20, 23, 4, 30, 34, 7, 50, 57 };
	struct pcell a[9], b[9];
	struct protect_grid g;
	size_t i;

	(void)state;
	g = grid(3, 3, n, a);
	protect_grid(&R, &g);
	g = grid(3, 3, n, b);
	protect_grid(&R, &g);
	for (i = 0; i < 9; i++) {
		assert_int_equal(a[i].state, b[i].state);
		assert_int_equal(a[i].v, b[i].v);
	}
}

static uint32_t
rnd(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 8) & 0xffffff;
}

/* Random regions of random municipalities with many small counts:
 * every line of every grid and of every group stays safe. */
static void
test_random_families(void **state)
{
	enum { NR = 4, NC = 5, KIDS = 5 };
	int64_t n[KIDS + 1][NR * NC];
	struct pcell c[KIDS + 1][NR * NC];
	struct protect_grid g[KIDS + 1];
	const size_t kids[KIDS] = { 1, 2, 3, 4, 5 };
	struct protect_group grp = { 0, kids, KIDS };
	uint32_t seed = 7;
	size_t round, m, r, col, k;

	(void)state;
	for (round = 0; round < 2000; round++) {
		memset(n, 0, sizeof(n));
		for (m = 1; m <= KIDS; m++) {
			for (r = 0; r + 1 < NR; r++)
				for (col = 0; col + 1 < NC; col++) {
					k = rnd(&seed) % 4;
					n[m][r * NC + col] = k == 0 ? 0 :
					    k == 1 ? rnd(&seed) % 10 :
					    rnd(&seed) % (round % 2 ? 30 : 300);
				}
			for (r = 0; r + 1 < NR; r++)
				for (col = 0; col + 1 < NC; col++) {
					n[m][r * NC + NC - 1] +=
					    n[m][r * NC + col];
					n[m][(NR - 1) * NC + col] +=
					    n[m][r * NC + col];
					n[m][(NR - 1) * NC + NC - 1] +=
					    n[m][r * NC + col];
				}
			for (k = 0; k < NR * NC; k++)
				n[0][k] += n[m][k];
		}
		for (m = 0; m <= KIDS; m++)
			g[m] = grid(NR, NC, n[m], c[m]);
		protect_family(&R, g, KIDS + 1, &grp, 1);
		for (m = 0; m <= KIDS; m++)
			assert_safe_grid(&g[m]);
		for (k = 0; k < NR * NC; k++)
			assert_safe_line(&c[1][k], KIDS, NR * NC, &c[0][k]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single_victim),
		cmocka_unit_test(test_total_minus_visible),
		cmocka_unit_test(test_region_minus_others),
		cmocka_unit_test(test_region_spreads),
		cmocka_unit_test(test_year_minus_quarters),
		cmocka_unit_test(test_dominance),
		cmocka_unit_test(test_overlap),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_stable),
		cmocka_unit_test(test_random_families),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

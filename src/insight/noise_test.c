/*
 * Unit tests for noise: with a fixed seed, a large sample of the
 * two-sided geometric mechanism has the mean, variance, symmetry and
 * probabilities the docs promise readers; seeded draws repeat, the
 * operating system's do not.
 */
#include "core/testing.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crypt/crypt.h"
#include "insight/noise.h"

#define N	200000

static int64_t xs[N];

static void
seed_of(unsigned char seed[NOISE_SEED_LEN], unsigned char v)
{
	memset(seed, 0, NOISE_SEED_LEN);
	seed[NOISE_SEED_LEN - 1] = v;
	seed[0] = (unsigned char)(v * 7);
}

static void
check_sample(double epsilon, unsigned char sv)
{
	unsigned char seed[NOISE_SEED_LEN];
	double a = exp(-epsilon), var = noise_variance(epsilon);
	double mean = 0, m2 = 0, p, want, se;
	size_t i, pos = 0, neg = 0, at[7] = { 0 };
	int k;

	seed_of(seed, sv);
	noise_geometric_seeded(epsilon, seed, xs, N);
	for (i = 0; i < N; i++) {
		mean += (double)xs[i];
		if (xs[i] > 0)
			pos++;
		else if (xs[i] < 0)
			neg++;
		if (xs[i] >= -3 && xs[i] <= 3)
			at[xs[i] + 3]++;
	}
	mean /= N;
	for (i = 0; i < N; i++)
		m2 += ((double)xs[i] - mean) * ((double)xs[i] - mean);
	m2 /= N - 1;

	/* Mean 0: within five standard errors. */
	assert_true(fabs(mean) < 5 * sqrt(var / N));
	/* Variance 2a/(1-a)^2: within 5 per cent. */
	assert_true(fabs(m2 - var) < 0.05 * var);
	/* As often above zero as below: within five standard errors. */
	assert_true(fabs((double)pos - (double)neg) <
	    5 * sqrt((double)(pos + neg)));
	/* P(X = k) = (1-a)/(1+a) a^|k|, each within five standard errors. */
	for (k = -3; k <= 3; k++) {
		want = (1 - a) / (1 + a) * pow(a, abs(k));
		p = (double)at[k + 3] / N;
		se = sqrt(want * (1 - want) / N);
		assert_true(fabs(p - want) < 5 * se + 1e-9);
	}
}

static void
test_distribution(void **state)
{
	(void)state;
	check_sample(0.1, 1);
	check_sample(0.5, 2);
	check_sample(1.0, 3);
	check_sample(3.0, 4);
}

/* The variance the docs quote: epsilon 1 gives about 1.84, 0.5 about
 * 7.84, 0.1 about 199.8. */
static void
test_variance(void **state)
{
	(void)state;
	assert_true(fabs(noise_variance(1.0) - 1.8413) < 1e-3);
	assert_true(fabs(noise_variance(0.5) - 7.8354) < 1e-3);
	assert_true(fabs(noise_variance(0.1) - 199.83) < 1e-1);
}

static void
test_seeded_repeats(void **state)
{
	unsigned char seed[NOISE_SEED_LEN];
	int64_t a[600], b[600], c[600], d[300];
	size_t i, diff = 0;

	(void)state;
	seed_of(seed, 9);
	noise_geometric_seeded(1.0, seed, a, 600);
	noise_geometric_seeded(1.0, seed, b, 600);
	assert_memory_equal(a, b, sizeof(a));
	/* A prefix does not depend on how many are drawn. */
	noise_geometric_seeded(1.0, seed, d, 300);
	assert_memory_equal(a, d, sizeof(d));
	/* Another seed, other draws; and blocks are not copies. */
	seed_of(seed, 10);
	noise_geometric_seeded(1.0, seed, c, 600);
	for (i = 0; i < 600; i++)
		if (a[i] != c[i])
			diff++;
	assert_true(diff > 300);
	diff = 0;
	for (i = 0; i < 256; i++)
		if (a[i] != a[i + 256])
			diff++;
	assert_true(diff > 128);
}

static void
test_random(void **state)
{
	int64_t x, lo = 0, hi = 0;
	double sum = 0;
	int i;

	(void)state;
	for (i = 0; i < 20000; i++) {
		x = noise_geometric(1.0);
		sum += (double)x;
		if (x < lo)
			lo = x;
		if (x > hi)
			hi = x;
	}
	assert_true(lo < 0 && hi > 0);
	assert_true(fabs(sum / 20000) < 5 * sqrt(noise_variance(1.0) / 20000));
}

static void
test_epsilon(void **state)
{
	(void)state;
	assert_true(noise_epsilon_ok(1.0));
	assert_true(noise_epsilon_ok(NOISE_EPSILON_MIN));
	assert_true(noise_epsilon_ok(NOISE_EPSILON_MAX));
	assert_false(noise_epsilon_ok(0));
	assert_false(noise_epsilon_ok(-1));
	assert_false(noise_epsilon_ok(NAN));
	assert_false(noise_epsilon_ok(INFINITY));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distribution),
		cmocka_unit_test(test_variance),
		cmocka_unit_test(test_seeded_repeats),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_epsilon),
	};

	if (crypt_init() == -1)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}

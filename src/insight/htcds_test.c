/*
 * Unit tests for htcds: the export is k-anonymous over every column,
 * attacked the way a reader who knows someone would: a victim unlike
 * any other, a group of exactly k, a group of k - 1 beside a larger
 * one, and a large synthetic population.  Every distinct row of the
 * output occurs at least k times, nothing is lost without being
 * counted as suppressed, and the same victims give the same file.
 */
#include "core/testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "insight/htcds.h"

#define K	10

static const struct htcds_victim girl = { "female", "16-17", "dutch",
    "sexual" };
static const struct htcds_victim man = { "male", "23-29", "eu", "labour" };
static const struct htcds_victim odd = { "other", "0-11", "non_eu",
    "organ_removal,begging" };

static struct htcds_victim *
many(struct arena *a, const struct htcds_victim *v, size_t n,
    struct htcds_victim *out, size_t *at)
{
	size_t i;

	(void)a;
	for (i = 0; i < n; i++)
		out[(*at)++] = *v;
	return out;
}

static size_t
occurs(const struct htcds_export *e, const char *row)
{
	size_t i, n = 0;

	for (i = 0; i < e->n; i++)
		if (strcmp(e->rows[i], row) == 0)
			n++;
	return n;
}

static void
test_exactly_k_is_published_as_is(void **state)
{
	struct arena *a = arena_new();
	struct htcds_victim v[40];
	struct htcds_export e;
	size_t n = 0;

	(void)state;
	many(a, &girl, K, v, &n);
	many(a, &man, K + 3, v, &n);
	htcds_anonymise(a, 2025, v, n, K, &e);
	assert_int_equal(e.n, n);
	assert_int_equal(e.placed[0], n);
	assert_int_equal(e.suppressed, 0);
	assert_int_equal(occurs(&e, "2025,Case Management,Female,16--17,Minor,"
	    "NL,1,0,0,Sexual exploitation"), K);
	assert_int_equal(occurs(&e, "2025,Case Management,Male,23--29,Adult,"
	    "EU,0,1,0,Forced labour"), K + 3);
	assert_true(htcds_k_anonymous(e.rows, e.n, K));
	arena_free(a);
}

static void
test_the_one_unlike_any_other_is_never_alone(void **state)
{
	struct arena *a = arena_new();
	struct htcds_victim v[40];
	struct htcds_export e;
	size_t n = 0, i;

	(void)state;
	many(a, &girl, K - 1, v, &n);
	many(a, &man, K + 5, v, &n);
	v[n++] = odd;
	htcds_anonymise(a, 2025, v, n, K, &e);
	assert_true(htcds_k_anonymous(e.rows, e.n, K));
	assert_int_equal(e.n + e.suppressed, n);
	/* Nothing of what made the odd one odd, nor the nine girls' full
	 * row, is in the file. */
	for (i = 0; i < e.n; i++) {
		assert_null(strstr(e.rows[i], "Other"));
		assert_null(strstr(e.rows[i], "0--11"));
		assert_null(strstr(e.rows[i], "non-EU"));
		assert_null(strstr(e.rows[i], "Removal"));
		assert_null(strstr(e.rows[i], "16--17"));
	}
	/* The k-1 girls and the odd one never make a group of fewer than
	 * k: they go out together, with the year alone. */
	assert_int_equal(e.placed[0], K + 5);
	assert_int_equal(e.placed[6], K);
	assert_int_equal(e.suppressed, 0);
	assert_int_equal(occurs(&e, "2025,Case Management,,,,,,,,"), K);
	/* One fewer of them, and they are suppressed instead. */
	htcds_anonymise(a, 2025, v + 1, n - 1, K, &e);
	assert_int_equal(e.suppressed, K - 1);
	assert_true(htcds_k_anonymous(e.rows, e.n, K));
	arena_free(a);
}

static void
test_generalised_until_k(void **state)
{
	static const struct htcds_victim girls[] = {
		{ "female", "12-15", "dutch", "sexual" },
		{ "female", "16-17", "dutch", "sexual" },
		{ "female", "0-11", "dutch", "sexual" },
	};
	struct arena *a = arena_new();
	struct htcds_victim v[40];
	struct htcds_export e;
	size_t n = 0;

	(void)state;
	/* 4 + 4 + 4 minors: none is k alone, together they are. */
	many(a, &girls[0], 4, v, &n);
	many(a, &girls[1], 4, v, &n);
	many(a, &girls[2], 4, v, &n);
	htcds_anonymise(a, 2024, v, n, K, &e);
	assert_int_equal(e.suppressed, 0);
	assert_int_equal(e.placed[1], 12);
	assert_int_equal(occurs(&e, "2024,Case Management,Female,,Minor,NL,"
	    "1,0,0,Sexual exploitation"), 12);
	arena_free(a);
}

static uint32_t
next(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 8) & 0xffffff;
}

static void
test_a_population(void **state)
{
	static const char *sexes[] = { "female", "male", "other", "" };
	static const char *bands[] = { "0-11", "12-15", "16-17", "18-22",
	    "23-29", "30+", "" };
	static const char *nats[] = { "dutch", "eu", "non_eu", "" };
	static const char *forms[] = { "sexual", "labour", "criminal",
	    "sexual,labour", "begging", "forced_services,criminal",
	    "other_unknown", "" };
	struct arena *a = arena_new();
	struct htcds_victim *v;
	struct htcds_export e, again;
	uint32_t seed = 42;
	size_t n = 3000, i, k;

	(void)state;
	v = arena_alloc(a, n * sizeof(*v));
	for (i = 0; i < n; i++) {
		v[i].sex = sexes[next(&seed) % 4];
		v[i].age_band = bands[next(&seed) % 7];
		v[i].nationality = nats[next(&seed) % 4];
		v[i].forms = forms[next(&seed) % 8];
	}
	htcds_anonymise(a, 2023, v, n, K, &e);
	assert_true(htcds_k_anonymous(e.rows, e.n, K));
	assert_int_equal(e.n + e.suppressed, n);
	for (i = 0, k = 0; i < 7; i++)
		k += e.placed[i];
	assert_int_equal(k, e.n);
	/* Most of a population this size is published. */
	assert_true(e.n > n * 9 / 10);
	/* No id, no municipality, no date below the year. */
	for (i = 0; i < e.n; i++) {
		assert_int_equal(strncmp(e.rows[i], "2023,", 5), 0);
		assert_null(strstr(e.rows[i], "GM"));
	}
	/* The same victims in another order: the same file. */
	for (i = 0; i < n / 2; i++) {
		struct htcds_victim t = v[i];

		v[i] = v[n - 1 - i];
		v[n - 1 - i] = t;
	}
	htcds_anonymise(a, 2023, v, n, K, &again);
	assert_int_equal(again.n, e.n);
	for (i = 0; i < e.n; i++)
		assert_string_equal(again.rows[i], e.rows[i]);
	/* A larger k suppresses more, never publishes a smaller group. */
	htcds_anonymise(a, 2023, v, n, 50, &again);
	assert_true(htcds_k_anonymous(again.rows, again.n, 50));
	arena_free(a);
}

static void
test_the_check_itself(void **state)
{
	const char *ok[] = { "a", "a", "b", "b" };
	const char *small[] = { "a", "a", "b" };
	const char *unsorted[] = { "b", "b", "a", "a" };

	(void)state;
	assert_true(htcds_k_anonymous(ok, 4, 2));
	assert_false(htcds_k_anonymous(small, 3, 2));
	assert_false(htcds_k_anonymous(unsorted, 4, 2));
	assert_true(htcds_k_anonymous(NULL, 0, 10));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exactly_k_is_published_as_is),
		cmocka_unit_test(test_the_one_unlike_any_other_is_never_alone),
		cmocka_unit_test(test_generalised_until_k),
		cmocka_unit_test(test_a_population),
		cmocka_unit_test(test_the_check_itself),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for receipt: the codes' form, what is accepted when typed
 * back, and that no symbol is favoured. */
#include "core/testing.h"

#include <string.h>

#include "core/arena.h"
#include "domain/receipt.h"

static const char symbols[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

static void
assert_grouped(const char *s, size_t from, size_t groups)
{
	size_t g, i;

	assert_int_equal(strlen(s), from + groups * 5 - 1);
	for (g = 0; g < groups; g++) {
		for (i = 0; i < 4; i++)
			assert_non_null(strchr(symbols, s[from + g * 5 + i]));
		if (g + 1 < groups)
			assert_int_equal(s[from + g * 5 + 4], '-');
	}
}

static void
test_form(void **state)
{
	struct arena *a = arena_new();
	char *r = receipt_new(a), *s = secret_new(a);

	(void)state;
	assert_int_equal(strlen(r), RECEIPT_LEN);
	assert_memory_equal(r, "S-", 2);
	assert_grouped(r, 2, 2);
	assert_int_equal(strlen(s), SECRET_LEN);
	assert_grouped(s, 0, 6);
	/* Handed out in the form they are typed back in. */
	assert_string_equal(receipt_normal(a, r), r);
	assert_non_null(secret_normal(a, s));
	arena_free(a);
}

static void
test_typed_back(void **state)
{
	struct arena *a = arena_new();

	(void)state;
	assert_string_equal(receipt_normal(a, " s-7k3q m9px "),
	    "S-7K3Q-M9PX");
	assert_string_equal(receipt_normal(a, "7K3QM9PX"), "S-7K3Q-M9PX");
	assert_string_equal(receipt_normal(a, "S7K3Q-M9PX"), "S-7K3Q-M9PX");
	/* A code that itself starts with S, written without the prefix. */
	assert_string_equal(receipt_normal(a, "SK3QM9PX"), "S-SK3Q-M9PX");
	assert_string_equal(secret_normal(a,
	    "abcd-efgh jkmn-pqrs-tuvw-xyz2"), "ABCDEFGHJKMNPQRSTUVWXYZ2");
	arena_free(a);
}

static void
test_refused(void **state)
{
	struct arena *a = arena_new();

	(void)state;
	assert_null(receipt_normal(a, NULL));
	assert_null(receipt_normal(a, ""));
	assert_null(receipt_normal(a, "S-7K3Q-M9"));
	/* A character dropped never reads as the code itself. */
	assert_string_not_equal(receipt_normal(a, "S-7K3Q-M9P"),
	    "S-7K3Q-M9PX");
	assert_null(receipt_normal(a, "S-7K3Q-M9PXX"));
	/* Look-alikes are not symbols: 0, O, 1 and I. */
	assert_null(receipt_normal(a, "S-7K3Q-M9P0"));
	assert_null(receipt_normal(a, "S-7K3Q-M9PO"));
	assert_null(receipt_normal(a, "S-7K3Q-M9P1"));
	assert_null(receipt_normal(a, "S-7K3Q-M9PI"));
	assert_null(receipt_normal(a, "S-7K3Q/M9PX"));
	assert_null(secret_normal(a, NULL));
	assert_null(secret_normal(a, "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ"));
	assert_null(secret_normal(a, "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ23"));
	/* An old base64url token is not a grouped secret. */
	assert_null(secret_normal(a,
	    "q9Zy_0bVh2mC4kY8wS1xR7tN3uE5pL6aD0fG2hJ4kLw"));
	arena_free(a);
}

/* Every symbol drawn about equally often: 32 divides 256, so taking the
 * byte modulo 32 favours none. */
static void
test_even(void **state)
{
	struct arena *a = arena_new();
	int count[32] = { 0 }, i, k;
	const char *s, *p;

	(void)state;
	for (i = 0; i < 2000; i++) {
		s = secret_normal(a, secret_new(a));
		for (k = 0; k < SECRET_CHARS; k++) {
			p = strchr(symbols, s[k]);
			assert_non_null(p);
			count[p - symbols]++;
		}
	}
	/* 48,000 draws, 1,500 expected each; 5 sigma is about 190. */
	for (k = 0; k < 32; k++) {
		assert_true(count[k] > 1300);
		assert_true(count[k] < 1700);
	}
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form),
		cmocka_unit_test(test_typed_back),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_even),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

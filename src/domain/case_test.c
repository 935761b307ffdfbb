/*
 * Unit tests for the pure rules of domain/case.c: the status machine
 * (every status against every request), the forms a case may have, and
 * what type a signal's forms give a case.  The database steps are in the
 * API tests and the fault sweep.
 */
#include "core/testing.h"

#include <string.h>

#include "core/arena.h"
#include "domain/case.h"

static const char *const statuses[] = { "new", "accepted", "in_care",
    "closed" };
static const char *const requests[] = { "accepted", "in_care", "closed",
    "reopened", "purged" };

/* What each status becomes on each request; NULL: refused. */
static const char *const expect[4][5] = {
	/*		accepted    in_care    closed    reopened  purged */
	/* new */	{ "accepted", NULL,      NULL,     NULL,     NULL },
	/* accepted */	{ NULL,       "in_care", "closed", NULL,     NULL },
	/* in_care */	{ NULL,       NULL,      "closed", NULL,     NULL },
	/* closed */	{ NULL,       NULL,      NULL,     "in_care", NULL },
};

static void
test_status_machine(void **state)
{
	const char *to, *why;
	size_t f, q;

	(void)state;
	for (f = 0; f < 4; f++)
		for (q = 0; q < 5; q++) {
			why = "unset";
			to = case_transition(statuses[f], requests[q], &why);
			if (expect[f][q] == NULL) {
				assert_null(to);
				/* A refusal always says why. */
				assert_non_null(why);
				assert_true(strlen(why) > 10);
			} else {
				assert_non_null(to);
				assert_string_equal(to, expect[f][q]);
				assert_null(why);
			}
		}
	case_transition("new", "closed", &why);
	assert_string_equal(why, "accept it before closing it");
	case_transition("in_care", "in_care", &why);
	assert_string_equal(why, "only an accepted case goes into care");
}

static void
test_forms(void **state)
{
	(void)state;
	assert_true(case_form_valid("labour"));
	assert_true(case_form_valid("organ_removal"));
	assert_true(case_form_valid("other_unknown"));
	/* A type of its own, never a form of a case. */
	assert_false(case_form_valid("ernstige_benadeling"));
	assert_false(case_form_valid("Labour"));
	assert_false(case_form_valid(""));
	assert_false(case_form_valid(NULL));
}

static void
test_type_of_signal_forms(void **state)
{
	static const struct {
		const char	*signal;
		const char	*type;
		const char	*forms;
	} cases[] = {
		{ "labour", "trafficking", "labour" },
		{ "sexual,criminal", "trafficking", "sexual,criminal" },
		{ "", "trafficking", "other_unknown" },
		{ "ernstige_benadeling", "serious_disadvantage", "" },
		/* Signs of trafficking beside it: trafficking. */
		{ "ernstige_benadeling,labour", "trafficking", "labour" },
		{ "labour,ernstige_benadeling,begging", "trafficking",
		    "labour,begging" },
	};
	struct arena *a = arena_new();
	const char *type, *forms;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		case_type_of_forms(a, cases[i].signal, &type, &forms);
		assert_string_equal(type, cases[i].type);
		assert_string_equal(forms, cases[i].forms);
	}
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_machine),
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_type_of_signal_forms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

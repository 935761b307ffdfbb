/* Unit tests for referral: the lifecycle as a whole table (every stored
 * state against every action), the answer deadline by the need's
 * domain over a weekend and the Christmas holidays, and where the
 * uptake deadline counts from.  The store side is in faults_test.c and
 * tests/api/referrals.test.mjs. */
#include "core/testing.h"

#include <string.h>

#include "core/clock.h"
#include "domain/deadline.h"
#include "domain/referral.h"

static const char *const states[] = { "sent", "accepted", "declined",
    "withdrawn", "started", "ended" };
static const char *const actions[] = { "accept", "decline", "withdraw",
    "start", "note", "end" };

/* What each state becomes by each action; NULL: refused. */
static const char *const expect[6][6] = {
	/* accept      decline     withdraw     start      note        end */
	{ "accepted", "declined", "withdrawn", NULL,      NULL,       NULL },
	{ NULL,       NULL,       NULL,        "started", "accepted", NULL },
	{ NULL,       NULL,       NULL,        NULL,      NULL,       NULL },
	{ NULL,       NULL,       NULL,        NULL,      NULL,       NULL },
	{ NULL,       NULL,       NULL,        NULL,      "started",  "ended" },
	{ NULL,       NULL,       NULL,        NULL,      NULL,       NULL },
};

static void
test_lifecycle_table(void **state)
{
	const char *to, *why;
	size_t s, a;

	(void)state;
	for (s = 0; s < 6; s++) {
		for (a = 0; a < 6; a++) {
			why = NULL;
			to = referral_transition(states[s], actions[a], &why);
			if (expect[s][a] == NULL) {
				if (to != NULL)
					fail_msg("%s by %s gave %s", states[s],
					    actions[a], to);
				assert_non_null(why);
			} else {
				if (to == NULL ||
				    strcmp(to, expect[s][a]) != 0)
					fail_msg("%s by %s gave %s, not %s",
					    states[s], actions[a],
					    to ? to : "NULL", expect[s][a]);
			}
		}
	}
	/* Expired is shown, never stored: nothing starts from it, and an
	 * unknown step is refused with a reason. */
	assert_null(referral_transition("expired", "accept", &why));
	assert_null(referral_transition("sent", "restart", &why));
	assert_string_equal(why, "is not a step of a referral");
}

static int64_t
utc(const char *day, int h, int m, int s)
{
	int32_t d;

	assert_int_equal(date_parse(day, &d), 0);
	return (int64_t)d * 86400 + h * 3600 + m * 60 + s;
}

static void
test_answer_deadline_by_domain(void **state)
{
	struct deadline_rule urgent = { "referral_answer_urgent", 2, false,
	    0 }, normal = { "referral_answer", 10, false, 0 };
	/* Thursday 24 December 2026, noon in Amsterdam. */
	int64_t sent = utc("2026-12-24", 11, 0, 0);

	(void)state;
	assert_true(referral_need_urgent("SAFE-SHELTER"));
	assert_true(referral_need_urgent("SHELTER-SD"));
	assert_true(referral_need_urgent("SAFE-YOUTH"));
	assert_false(referral_need_urgent("MED"));
	assert_false(referral_need_urgent("HOUSING"));
	assert_false(referral_need_urgent("NO-SUCH-NEED"));
	assert_false(referral_need_urgent(NULL));
	/* Christmas (25th, 26th on a Saturday) and a Sunday skipped:
	 * Monday 28th and Tuesday 29th, due at its end in Amsterdam. */
	assert_int_equal(deadline_due(&urgent, sent),
	    utc("2026-12-29", 22, 59, 59));
	/* Ten: 28-31 December, New Year's Day skipped, 4-8 January,
	 * Monday 11 January. */
	assert_int_equal(deadline_due(&normal, sent),
	    utc("2027-01-11", 22, 59, 59));
	/* Sent on a Saturday: the count starts on Monday. */
	assert_int_equal(deadline_due(&urgent, utc("2026-03-07", 10, 0, 0)),
	    utc("2026-03-10", 22, 59, 59));
}

static void
test_uptake_counts_from_first_referral(void **state)
{
	struct deadline_rule uptake = { "referral_uptake", 10, false, 0 };
	int64_t added = utc("2026-03-02", 9, 0, 0);	/* a Monday */

	(void)state;
	assert_int_equal(referral_uptake_start(added, 0), added);
	assert_int_equal(referral_uptake_start(added, added + 86400 * 3),
	    added + 86400 * 3);
	/* Added Monday 2 March, never referred: due Monday 16 March. */
	assert_int_equal(deadline_due(&uptake, referral_uptake_start(added,
	    0)), utc("2026-03-16", 22, 59, 59));
	/* First referred on Thursday 5th: due Thursday 19th. */
	assert_int_equal(deadline_due(&uptake, referral_uptake_start(added,
	    utc("2026-03-05", 9, 0, 0))), utc("2026-03-19", 22, 59, 59));
}

static void
test_codes(void **state)
{
	(void)state;
	assert_true(referral_share_valid("persons"));
	assert_true(referral_share_valid("forms_indicators"));
	assert_false(referral_share_valid("bank_account"));
	assert_false(referral_share_valid(NULL));
	assert_true(referral_legal_basis_valid("vital_interest"));
	assert_true(referral_legal_basis_valid("other_law"));
	assert_false(referral_legal_basis_valid("consent"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lifecycle_table),
		cmocka_unit_test(test_answer_deadline_by_domain),
		cmocka_unit_test(test_uptake_counts_from_first_referral),
		cmocka_unit_test(test_codes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for track: the two state machines and the dates a step of
 * the residence track sets (the store side is in faults_test.c and the
 * API tests). */
#include "core/testing.h"

#include <string.h>

#include "core/clock.h"
#include "domain/codes.h"
#include "domain/track.h"

static int32_t
D(const char *s)
{
	int32_t day;

	if (date_parse(s, &day) == -1)
		fail_msg("bad date literal '%s'", s);
	return day;
}

/* Every state can be reached from the start, and every state named as
 * a next one is a state of the track. */
static void
reachable(enum track_kind k)
{
	const char *const *all = track_states(k), *const *next;
	bool seen[32] = { false }, grew = true;
	size_t i, j, n;

	for (n = 0; all[n] != NULL; n++)
		;
	assert_true(n < 32);
	next = track_next(k, NULL);
	for (j = 0; next[j] != NULL; j++) {
		assert_true(codes_one_of(next[j], all));
		for (i = 0; i < n; i++)
			if (strcmp(all[i], next[j]) == 0)
				seen[i] = true;
	}
	while (grew) {
		grew = false;
		for (i = 0; i < n; i++) {
			if (!seen[i])
				continue;
			next = track_next(k, all[i]);
			for (j = 0; next[j] != NULL; j++) {
				size_t x;

				assert_true(codes_one_of(next[j], all));
				for (x = 0; x < n; x++)
					if (strcmp(all[x], next[j]) == 0 &&
					    !seen[x])
						seen[x] = grew = true;
			}
		}
	}
	for (i = 0; i < n; i++)
		if (!seen[i])
			fail_msg("state %s cannot be reached", all[i]);
}

static void
test_criminal(void **state)
{
	(void)state;
	reachable(TRACK_CRIMINAL);
	assert_true(track_allows(TRACK_CRIMINAL, NULL, "report_filed"));
	assert_true(track_allows(TRACK_CRIMINAL, NULL,
	    "informative_conversation"));
	assert_false(track_allows(TRACK_CRIMINAL, NULL, "conviction"));
	assert_true(track_allows(TRACK_CRIMINAL, "report_filed",
	    "investigation"));
	assert_true(track_allows(TRACK_CRIMINAL, "investigation",
	    "prosecution"));
	assert_false(track_allows(TRACK_CRIMINAL, "report_filed",
	    "conviction"));
	assert_true(track_allows(TRACK_CRIMINAL, "prosecution",
	    "conviction"));
	assert_false(track_allows(TRACK_CRIMINAL, "conviction",
	    "acquittal"));
	assert_false(track_allows(TRACK_CRIMINAL, "report_filed",
	    "report_filed"));
	assert_false(track_allows(TRACK_CRIMINAL, "report_filed", NULL));
	assert_false(track_allows(TRACK_CRIMINAL, "nonsense",
	    "investigation"));
	/* Residence states are no criminal states. */
	assert_false(track_allows(TRACK_CRIMINAL, NULL, "reflection"));
}

static void
test_residence(void **state)
{
	(void)state;
	reachable(TRACK_RESIDENCE);
	assert_true(track_allows(TRACK_RESIDENCE, NULL, "reflection"));
	assert_false(track_allows(TRACK_RESIDENCE, NULL, "reflection_ended"));
	/* A reflection period ends before anything follows it. */
	assert_true(track_allows(TRACK_RESIDENCE, "reflection",
	    "reflection_ended"));
	assert_false(track_allows(TRACK_RESIDENCE, "reflection", "permit"));
	assert_true(track_allows(TRACK_RESIDENCE, "reflection_ended",
	    "permit"));
	assert_true(track_allows(TRACK_RESIDENCE, "permit",
	    "permit_renewed"));
	assert_true(track_allows(TRACK_RESIDENCE, "permit_renewed",
	    "permit_renewed"));
	assert_false(track_allows(TRACK_RESIDENCE, "permit", "permit"));
	assert_false(track_allows(TRACK_RESIDENCE, "continued", "permit"));
	assert_true(codes_one_of("disappeared", track_reasons()));
	assert_true(codes_one_of("medical_psychological", track_grounds()));
}

static void
test_dates(void **state)
{
	struct track_step prev;
	struct track_deadline d;

	(void)state;
	/* Reflection: three months by the legal table. */
	assert_int_equal(track_ends_on("reflection", D("2026-11-30"), NULL),
	    D("2027-02-28"));
	assert_int_equal(track_ends_on("permit", D("2028-02-29"), NULL),
	    D("2029-02-28"));
	assert_int_equal(track_ends_on("exempt", D("2026-04-01"), NULL),
	    D("2027-04-01"));
	assert_int_equal(track_ends_on("asylum", D("2026-04-01"), NULL), -1);
	assert_int_equal(track_ends_on("reflection_ended", D("2026-04-01"),
	    NULL), -1);
	/* Renewed before it ran out: a year on from the end. */
	memset(&prev, 0, sizeof(prev));
	prev.state = "permit";
	prev.ends_on = D("2027-04-01");
	assert_int_equal(track_ends_on("permit_renewed", D("2027-02-10"),
	    &prev), D("2028-04-01"));
	/* Renewed after it ran out: a year from the renewal. */
	assert_int_equal(track_ends_on("permit_renewed", D("2027-05-10"),
	    &prev), D("2028-05-10"));

	assert_false(track_deadline_of(NULL, &d));
	prev.state = "reflection";
	prev.ends_on = D("2027-02-28");
	assert_true(track_deadline_of(&prev, &d));
	assert_string_equal(d.what, "reflection_ends");
	assert_int_equal(d.due, D("2027-02-28"));
	assert_int_equal(d.warn_from, D("2027-02-14"));
	prev.state = "permit_renewed";
	assert_true(track_deadline_of(&prev, &d));
	assert_string_equal(d.what, "permit_expires");
	assert_int_equal(d.warn_from, D("2027-01-03"));
	prev.state = "withdrawn";
	prev.ends_on = -1;
	assert_false(track_deadline_of(&prev, &d));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_criminal),
		cmocka_unit_test(test_residence),
		cmocka_unit_test(test_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

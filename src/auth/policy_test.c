/*
 * Policy tests: the whole role x action table, written out here a second
 * time on purpose, so that widening a role's rights in policy.c fails a
 * test until someone writes down that it was meant.
 */
#include "core/testing.h"

#include <string.h>

#include "auth/policy.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/fail.h"

/* 1: allowed.  Columns in enum role order, reporter .. admin. */
static const char expect[ACT__COUNT][ROLE__COUNT] = {
	/*                      -  rep adv coo pro ass pol rap adm */
	[ACT_NONE] =          { 1, 1,  1,  1,  1,  1,  1,  1,  1 },
	[ACT_SELF] =          { 0, 1,  1,  1,  1,  1,  1,  1,  1 },
	[ACT_ORG_LIST] =      { 0, 0,  0,  0,  0,  0,  0,  0,  1 },
	[ACT_ORG_CREATE] =    { 0, 0,  0,  0,  0,  0,  0,  0,  1 },
	[ACT_USER_LIST] =     { 0, 0,  0,  0,  0,  0,  0,  0,  1 },
	[ACT_USER_CREATE] =   { 0, 0,  0,  0,  0,  0,  0,  0,  1 },
	[ACT_USER_DISABLE] =  { 0, 0,  0,  0,  0,  0,  0,  0,  1 },
	[ACT_USER_APPROVE] =  { 0, 1,  1,  1,  1,  1,  0,  0,  1 },
	[ACT_USER_APPROVER] = { 0, 0,  0,  0,  0,  0,  0,  0,  1 },
	[ACT_AUDIT_OBJECT] =  { 0, 0,  0,  0,  0,  0,  0,  0,  1 },
	[ACT_REGION_LIST] =   { 0, 0,  0,  0,  0,  0,  0,  0,  1 },
	[ACT_REGION_CREATE] = { 0, 0,  0,  0,  0,  0,  0,  0,  1 },
	[ACT_SIGNAL_CREATE] = { 0, 1,  1,  1,  1,  0,  0,  0,  0 },
	[ACT_SIGNAL_READ] =   { 0, 1,  1,  1,  1,  0,  0,  0,  0 },
	[ACT_SIGNAL_TRIAGE] = { 0, 0,  1,  0,  0,  0,  0,  0,  0 },
	[ACT_DEADLINE_LIST] = { 0, 0,  1,  0,  0,  0,  0,  0,  1 },
	[ACT_DEADLINE_UPDATE] = { 0, 0, 0, 0,  0,  0,  0,  0,  1 },
	[ACT_FALLBACK_READ] = { 0, 0, 0, 0,  0,  0,  0,  0,  1 },
	[ACT_FALLBACK_SET] = { 0, 0, 0, 0,  0,  0,  0,  0,  1 },
	[ACT_CASE_LIST] =     { 0, 0,  0,  1,  0,  0,  0,  0,  0 },
	[ACT_CASE_OPEN] =     { 0, 0,  0,  1,  0,  0,  0,  0,  0 },
	[ACT_CASE_READ] =     { 0, 1,  1,  1,  1,  1,  1,  1,  1 },
	[ACT_CASE_WORK] =     { 0, 1,  1,  1,  1,  1,  1,  1,  1 },
	[ACT_ASSESS_LIST] =   { 0, 0,  0,  0,  0,  1,  0,  0,  0 },
	[ACT_ASSESS] =        { 0, 1,  1,  1,  1,  1,  1,  1,  1 },
	[ACT_CASE_EMERGENCY] = { 0, 0, 0,  1,  0,  0,  0,  0,  0 },
	[ACT_EMERGENCY_REVIEW] = { 0, 0, 0, 0,  0,  0,  0,  0,  1 },
	[ACT_PROVIDER_OWN] =  { 0, 0,  0,  0,  1,  0,  0,  0,  0 },
	[ACT_PROVIDER_READ] = { 0, 0,  0,  1,  1,  0,  0,  0,  1 },
	[ACT_PROVIDER_SET] =  { 0, 0,  0,  0,  1,  0,  0,  0,  1 },
	[ACT_REFERRAL_LIST] = { 0, 0,  0,  0,  1,  0,  0,  0,  0 },
	[ACT_REFERRAL] =      { 0, 1,  1,  1,  1,  1,  1,  1,  1 },
	[ACT_ESCALATION_LIST] = { 0, 0, 0, 0,  1,  0,  0,  0,  0 },
	[ACT_ESCALATION] =    { 0, 1,  1,  1,  1,  1,  1,  1,  1 },
	[ACT_PLACEMENT_LIST] = { 0, 0,  0,  0,  1,  0,  0,  0,  0 },
	[ACT_PROVIDER_NAMES] = { 0, 0,  0,  1,  0,  0,  0,  0,  0 },
	[ACT_INSIGHT] =       { 0, 0,  1,  1,  0,  0,  1,  1,  0 },
	[ACT_EXPERTISE] =     { 0, 1,  1,  1,  1,  1,  0,  0,  1 },
	[ACT_EXPERTISE_COVERAGE] = { 0, 0, 1, 1, 0,  0,  1,  1,  0 },
	[ACT_INSIGHT_HTCDS] = { 0, 0,  0,  0,  0,  0,  0,  1,  0 },
	[ACT_CONTRACT_READ] = { 0, 0,  0,  0,  0,  0,  1,  1,  1 },
	[ACT_CONTRACT_WRITE] = { 0, 0, 0,  0,  0,  0,  1,  0,  1 },
	[ACT_GAP_READ] =      { 0, 0,  0,  0,  0,  0,  1,  1,  0 },
	[ACT_USER_CONTACT] =  { 0, 0,  0,  0,  0,  0,  0,  0,  1 },
	[ACT_REGION_READ] =   { 0, 0,  0,  0,  0,  0,  0,  0,  1 },
	[ACT_REGION_UPDATE] = { 0, 0,  0,  0,  0,  0,  0,  0,  1 },
};

static void
test_every_role_against_every_action(void **state)
{
	struct principal who;
	int a, r;

	(void)state;
	for (a = 0; a < ACT__COUNT; a++) {
		for (r = 0; r < ROLE__COUNT; r++) {
			memset(&who, 0, sizeof(who));
			who.user_id = r == ROLE_NONE ? 0 : 42;
			who.role = r;
			if (policy_allows(&who, (enum action)a, NULL) !=
			    (expect[a][r] == 1))
				fail_msg("action %s, role %s: expected %s",
				    action_name((enum action)a),
				    role_name((enum role)r),
				    expect[a][r] ? "allowed" : "denied");
		}
	}
}

static void
test_deny_by_default(void **state)
{
	struct principal who = { .user_id = 42, .org_id = 1,
	    .role = ROLE_ADMIN };

	(void)state;
	/* Unknown actions and roles are refused, never defaulted. */
	assert_false(policy_allows(&who, ACT__COUNT, NULL));
	assert_false(policy_allows(&who, (enum action)-1, NULL));
	who.role = ROLE__COUNT;
	assert_false(policy_allows(&who, ACT_SELF, NULL));
	who.role = ROLE_ADMIN;
	who.user_id = 0;		/* a role without a user is nobody */
	assert_false(policy_allows(&who, ACT_SELF, NULL));
	assert_false(policy_allows(NULL, ACT_SELF, NULL));
}

static void
test_check_statuses(void **state)
{
	struct arena *a = arena_new();
	struct ctx ctx;

	(void)state;
	ctx_init(&ctx, a, NULL);
	assert_int_equal(policy_check(&ctx, ACT_ORG_LIST, NULL), -1);
	assert_int_equal(ctx.status, ST_UNAUTHENTICATED);
	ctx_clear_error(&ctx);
	ctx.who.user_id = 3;
	ctx.who.role = ROLE_REPORTER;
	assert_int_equal(policy_check(&ctx, ACT_ORG_LIST, NULL), -1);
	assert_int_equal(ctx.status, ST_DENIED);
	assert_non_null(strstr(ctx.message, "org.list"));
	ctx_clear_error(&ctx);
	assert_int_equal(policy_check(&ctx, ACT_SELF, NULL), 0);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_role_against_every_action),
		cmocka_unit_test(test_deny_by_default),
		cmocka_unit_test(test_check_statuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

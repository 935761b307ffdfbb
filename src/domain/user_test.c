/*
 * Unit tests for the four-eyes rules of domain/user.c: an account's state
 * and who may approve it (or issue it a new enrolment link).  Pure
 * functions, no database.
 */
#include "core/testing.h"

#include <stdbool.h>
#include <string.h>

#include "auth/role.h"
#include "domain/user.h"

#define CREATOR		10
#define OTHER_ADMIN	11
#define APPROVER	20
#define NEWCOMER	30
#define ORG		3
#define OTHER_ORG	4

static struct principal
who(int64_t id, enum role role, int64_t org)
{
	struct principal p;

	memset(&p, 0, sizeof(p));
	p.user_id = id;
	p.role = role;
	p.org_id = org;
	return p;
}

/* A new advisor account made by CREATOR, waiting for approval. */
static struct user
newcomer(void)
{
	struct user u;

	memset(&u, 0, sizeof(u));
	u.id = NEWCOMER;
	u.org_id = ORG;
	u.role = "advisor";
	u.needs_approval = true;
	u.needs_enrol = true;
	u.created_by = CREATOR;
	return u;
}

/* An active, designated approver at org. */
static struct user
approver(int64_t org, const char *role)
{
	struct user u;

	memset(&u, 0, sizeof(u));
	u.id = APPROVER;
	u.org_id = org;
	u.role = role;
	u.approver = true;
	return u;
}

static void
test_state(void **state)
{
	struct user u = newcomer();

	(void)state;
	assert_int_equal(user_state(&u), USER_PENDING_APPROVAL);
	u.approved_at = 1;
	assert_int_equal(user_state(&u), USER_PENDING_ENROL);
	u.enrolled_at = 2;
	assert_int_equal(user_state(&u), USER_ACTIVE);
	u.disabled = true;
	assert_int_equal(user_state(&u), USER_DISABLED);
	/* Made by the CLI or before migration 0010: active at once. */
	memset(&u, 0, sizeof(u));
	assert_int_equal(user_state(&u), USER_ACTIVE);
	assert_string_equal(user_state_name(USER_PENDING_APPROVAL),
	    "pending_approval");
}

static void
test_roles_needing_approval(void **state)
{
	const char *yes[] = { "reporter", "advisor", "coordinator",
	    "provider", "assessor", "admin" };
	const char *no[] = { "policy", "rapporteur", "none", "", NULL };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		assert_true(user_role_needs_approval(yes[i]));
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		assert_false(user_role_needs_approval(no[i]));
}

static void
test_admins(void **state)
{
	struct user u = newcomer();
	struct principal creator = who(CREATOR, ROLE_ADMIN, 1);
	struct principal other = who(OTHER_ADMIN, ROLE_ADMIN, 1);

	(void)state;
	assert_false(user_may_approve(&creator, NULL, &u));
	assert_true(user_may_approve(&other, NULL, &u));
	/* An admin account too: never by whoever made it. */
	u.role = "admin";
	assert_false(user_may_approve(&creator, NULL, &u));
	assert_true(user_may_approve(&other, NULL, &u));
	/* No approval needed: any admin may issue a new link. */
	u.role = "policy";
	u.needs_approval = false;
	assert_true(user_may_approve(&creator, NULL, &u));
	/* Nobody approves themselves. */
	u = newcomer();
	other.user_id = NEWCOMER;
	assert_false(user_may_approve(&other, NULL, &u));
	assert_false(user_may_approve(NULL, NULL, &u));
}

static void
test_approvers(void **state)
{
	struct user u = newcomer();
	struct user self = approver(ORG, "coordinator");
	struct principal p = who(APPROVER, ROLE_COORDINATOR, ORG);

	(void)state;
	assert_true(user_may_approve(&p, &self, &u));
	/* Without the own record the answer is no. */
	assert_false(user_may_approve(&p, NULL, &u));
	/* Another organisation's approver. */
	self.org_id = OTHER_ORG;
	assert_false(user_may_approve(&p, &self, &u));
	self.org_id = ORG;
	/* Not (or no longer) an approver, disabled, not enrolled. */
	self.approver = false;
	assert_false(user_may_approve(&p, &self, &u));
	self.approver = true;
	self.disabled = true;
	assert_false(user_may_approve(&p, &self, &u));
	self.disabled = false;
	self.needs_enrol = true;
	assert_false(user_may_approve(&p, &self, &u));
	self.needs_enrol = false;
	/* A role that does not see personal data approves nothing. */
	self.role = "policy";
	p.role = ROLE_POLICY;
	assert_false(user_may_approve(&p, &self, &u));
	self.role = "coordinator";
	p.role = ROLE_COORDINATOR;
	/* The record must be the caller's own. */
	self.id = APPROVER + 1;
	assert_false(user_may_approve(&p, &self, &u));
	self.id = APPROVER;
	/* Never the creator, even when an approver. */
	u.created_by = APPROVER;
	assert_false(user_may_approve(&p, &self, &u));
	/* An account without approval gets its links from admins only. */
	u = newcomer();
	u.needs_approval = false;
	assert_false(user_may_approve(&p, &self, &u));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state),
		cmocka_unit_test(test_roles_needing_approval),
		cmocka_unit_test(test_admins),
		cmocka_unit_test(test_approvers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

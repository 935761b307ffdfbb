/* Unit tests for contract: who registers, sees, changes and ends which
 * care contract, and the checks on one, on a real SQLite store (the API
 * in tests/api/contracts.test.mjs, fault paths in faults_test.c). */
#include "core/testing.h"
#include "domain/test_world.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/log.h"
#include "crypt/crypt.h"
#include "domain/catalog.h"
#include "domain/org.h"
#include "domain/contract.h"
#include "domain/region.h"
#include "domain/user.h"
#include "store/store.h"

static struct {
	int64_t		 shelter, other, cc, beheer, city, city2;
	int64_t		 provider, coord, admin, policy, policy2, rapp;
	int64_t		 zc, zc2;
} w;

static int
setup(void **state)
{
	(void)state;
	memset(&w, 0, sizeof(w));
	tw_open("contract", false);
	w.shelter = tw_org("Opvang", "provider");
	w.other = tw_org("Jeugdzorg", "provider");
	w.cc = tw_org("Zorgcoordinatie", "care_coordination");
	w.beheer = tw_org("Beheerders", "other");
	w.provider = tw_user("opvang", "provider", w.shelter);
	w.coord = tw_user("coordinator", "coordinator", w.cc);
	w.admin = tw_user("beheer", "admin", w.beheer);
	w.city = tw_org("Gemeente Amsterdam", "municipality");
	w.policy = tw_user("beleid", "policy", w.city);
	w.rapp = tw_user("rapporteur", "rapporteur", w.beheer);
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	w.zc = tw_region("ZC Amsterdam", "care_coordination", "GM0363",
	    NULL);
	w.zc2 = tw_region("ZC Rotterdam", "care_coordination", "GM0599",
	    NULL);
	tw_as(0, 0, ROLE_ADMIN);
	w.city2 = tw_org_in("Gemeente Rotterdam", "municipality", "GM0599");
	w.policy2 = tw_user("beleid2", "policy", w.city2);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	return tw_close();
}

static struct contract_in
in_for(int64_t region)
{
	struct contract_in in = { 0, "SAFE-SHELTER", 6, "places", 0,
	    "2025-01-01", "2025-12-31" };

	in.provider_org = w.shelter;
	in.region_id = region;
	return in;
}

/* Who may register, see, change and end which contract. */
static void
test_access(void **state)
{
	struct contract_in in = in_for(0);
	struct contract c, *l;
	int64_t id, id2;
	size_t n;

	(void)state;
	tw_fresh();
	in.region_id = w.zc;
	tw_as(w.policy, w.city, ROLE_POLICY);
	assert_int_equal(contract_create(&tw.ctx, &in, &id), 0);
	tw_fresh();
	/* Not a region of Amsterdam's. */
	in.region_id = w.zc2;
	assert_int_equal(contract_create(&tw.ctx, &in, &id2), -1);
	assert_int_equal(tw.ctx.status, ST_INVALID);
	tw_fresh();
	tw_as(w.policy2, w.city2, ROLE_POLICY);
	assert_int_equal(contract_create(&tw.ctx, &in, &id2), 0);
	tw_fresh();
	/* Rotterdam neither sees nor changes Amsterdam's. */
	assert_int_equal(contract_get(&tw.ctx, id, &c), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	tw_fresh();
	assert_int_equal(contract_end(&tw.ctx, id, NULL), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	tw_fresh();
	assert_int_equal(contract_list(&tw.ctx, &l, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].id, id2);
	tw_fresh();
	/* The rapporteur and the admin see both; a coordinator none. */
	tw_as(w.rapp, w.beheer, ROLE_RAPPORTEUR);
	assert_int_equal(contract_list(&tw.ctx, &l, &n), 0);
	assert_int_equal(n, 2);
	tw_fresh();
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	assert_int_equal(contract_list(&tw.ctx, &l, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(contract_get(&tw.ctx, id, &c), -1);
	tw_fresh();
	/* Amsterdam ends its own, once. */
	tw_as(w.policy, w.city, ROLE_POLICY);
	assert_int_equal(contract_end(&tw.ctx, id, "2026-01-01"), -1);
	assert_int_equal(tw.ctx.status, ST_INVALID);
	tw_fresh();
	assert_int_equal(contract_end(&tw.ctx, id, "2025-06-30"), 0);
	tw_fresh();
	assert_int_equal(contract_get(&tw.ctx, id, &c), 0);
	assert_int_equal(c.to_day, c.from_day + 180);
	assert_true(c.ended_at > 0);
	tw_fresh();
	assert_int_equal(contract_end(&tw.ctx, id, NULL), -1);
	assert_int_equal(tw.ctx.status, ST_CONFLICT);
	tw_fresh();
}

/* Every wrong field named at once; nothing written. */
static void
test_bad_input(void **state)
{
	struct contract_in in = in_for(0);
	struct contract *l;
	int64_t id;
	size_t n, before;

	(void)state;
	tw_fresh();
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	assert_int_equal(contract_list(&tw.ctx, &l, &before), 0);
	in.region_id = 999;
	in.provider_org = w.cc;
	in.care_type = "NOPE";
	in.unit = "beds";
	in.from = "2025-02-30";
	assert_int_equal(contract_create(&tw.ctx, &in, &id), -1);
	assert_int_equal(tw.ctx.status, ST_INVALID);
	assert_int_equal(tw.ctx.nfields, 5);
	tw_fresh();
	in = in_for(w.zc);
	in.to = "2024-12-31";
	assert_int_equal(contract_create(&tw.ctx, &in, &id), -1);
	assert_int_equal(tw.ctx.nfields, 1);
	assert_string_equal(tw.ctx.fields[0].field, "to");
	tw_fresh();
	assert_int_equal(contract_list(&tw.ctx, &l, &n), 0);
	assert_int_equal(n, before);
	tw_fresh();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_access),
		cmocka_unit_test(test_bad_input),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

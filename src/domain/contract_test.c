/* Unit tests for contract: who registers, sees, changes and ends which
 * care contract, and the checks on one, on a real SQLite store (the API
 * in tests/api/contracts.test.mjs, fault paths in faults_test.c). */
#include "core/testing.h"

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
	struct arena	*arena;
	struct ctx	 ctx;
	struct store	*store;
	char		 dir[40];
	int64_t		 shelter, other, cc, beheer, city, city2;
	int64_t		 provider, coord, admin, policy, policy2, rapp;
	int64_t		 zc, zc2;
} w;

static void
fresh(void)
{
	arena_free(w.arena);
	w.arena = arena_new();
	w.ctx.arena = w.arena;
	w.ctx.conn = NULL;
	/* The field errors lived in the arena just freed. */
	w.ctx.fields = NULL;
	w.ctx.capfields = 0;
	ctx_clear_error(&w.ctx);
}

static void
act_as(int64_t user, int64_t org, enum role role)
{
	w.ctx.who.user_id = user;
	w.ctx.who.org_id = org;
	w.ctx.who.role = role;
}

static int64_t
make_org(const char *name, const char *type)
{
	struct org_in in = { name, type, "GM0363" };
	int64_t id;

	assert_int_equal(org_create(&w.ctx, &in, true, &id), 0);
	return id;
}

static int64_t
make_user(const char *name, const char *role, int64_t org)
{
	struct user_in in;
	char *uri;
	int64_t id;

	memset(&in, 0, sizeof(in));
	in.username = name;
	in.role = role;
	in.org_id = org;
	in.password = "correct horse battery staple";
	in.phone = "020 555 00 00";
	assert_int_equal(user_create(&w.ctx, &in, true, &id, &uri), 0);
	return id;
}

static int64_t
make_org2(const char *name, const char *muni)
{
	struct org_in in = { name, "municipality", muni };
	int64_t id;

	assert_int_equal(org_create(&w.ctx, &in, true, &id), 0);
	return id;
}

static int64_t
make_region(const char *name, const char *muni)
{
	static const char *m[1];
	struct region_in r;
	int64_t id;

	m[0] = muni;
	memset(&r, 0, sizeof(r));
	r.name = name;
	r.type = "care_coordination";
	r.municipalities.v = m;
	r.municipalities.n = 1;
	assert_int_equal(region_create(&w.ctx, &r, &id), 0);
	return id;
}

static int
setup(void **state)
{
	static const unsigned char master[32] = { 7, 7, 7 };
	struct store_opts opts = { 0 };
	char path[64];

	(void)state;
	log_set_quiet(true);
	memset(&w, 0, sizeof(w));
	snprintf(w.dir, sizeof(w.dir), "/tmp/schakel-contract-XXXXXX");
	assert_non_null(mkdtemp(w.dir));
	snprintf(path, sizeof(path), "%s/p.db", w.dir);
	w.arena = arena_new();
	ctx_init(&w.ctx, w.arena, NULL);
	w.ctx.keys = crypt_keys_from_bytes(master);
	opts.path = path;
	opts.create = true;
	opts.migrate = true;
	assert_int_equal(store_open(&w.ctx, &opts, &w.store), 0);
	w.ctx.store = w.store;
	assert_int_equal(municipality_load(&w.ctx), 0);
	assert_int_equal(catalog_load(&w.ctx), 0);
	act_as(0, 0, ROLE_ADMIN);
	w.shelter = make_org("Opvang", "provider");
	w.other = make_org("Jeugdzorg", "provider");
	w.cc = make_org("Zorgcoordinatie", "care_coordination");
	w.beheer = make_org("Beheerders", "other");
	w.provider = make_user("opvang", "provider", w.shelter);
	w.coord = make_user("coordinator", "coordinator", w.cc);
	w.admin = make_user("beheer", "admin", w.beheer);
	w.city = make_org("Gemeente Amsterdam", "municipality");
	w.policy = make_user("beleid", "policy", w.city);
	w.rapp = make_user("rapporteur", "rapporteur", w.beheer);
	act_as(w.admin, w.beheer, ROLE_ADMIN);
	w.zc = make_region("ZC Amsterdam", "GM0363");
	w.zc2 = make_region("ZC Rotterdam", "GM0599");
	act_as(0, 0, ROLE_ADMIN);
	w.city2 = make_org2("Gemeente Rotterdam", "GM0599");
	w.policy2 = make_user("beleid2", "policy", w.city2);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[80];

	(void)state;
	fresh();
	store_close(w.store);
	crypt_keys_free((struct crypt_keys *)(uintptr_t)w.ctx.keys);
	arena_free(w.arena);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", w.dir);
	assert_int_equal(system(cmd), 0);
	return 0;
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
	fresh();
	in.region_id = w.zc;
	act_as(w.policy, w.city, ROLE_POLICY);
	assert_int_equal(contract_create(&w.ctx, &in, &id), 0);
	fresh();
	/* Not a region of Amsterdam's. */
	in.region_id = w.zc2;
	assert_int_equal(contract_create(&w.ctx, &in, &id2), -1);
	assert_int_equal(w.ctx.status, ST_INVALID);
	fresh();
	act_as(w.policy2, w.city2, ROLE_POLICY);
	assert_int_equal(contract_create(&w.ctx, &in, &id2), 0);
	fresh();
	/* Rotterdam neither sees nor changes Amsterdam's. */
	assert_int_equal(contract_get(&w.ctx, id, &c), -1);
	assert_int_equal(w.ctx.status, ST_NOTFOUND);
	fresh();
	assert_int_equal(contract_end(&w.ctx, id, NULL), -1);
	assert_int_equal(w.ctx.status, ST_NOTFOUND);
	fresh();
	assert_int_equal(contract_list(&w.ctx, &l, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].id, id2);
	fresh();
	/* The rapporteur and the admin see both; a coordinator none. */
	act_as(w.rapp, w.beheer, ROLE_RAPPORTEUR);
	assert_int_equal(contract_list(&w.ctx, &l, &n), 0);
	assert_int_equal(n, 2);
	fresh();
	act_as(w.coord, w.cc, ROLE_COORDINATOR);
	assert_int_equal(contract_list(&w.ctx, &l, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(contract_get(&w.ctx, id, &c), -1);
	fresh();
	/* Amsterdam ends its own, once. */
	act_as(w.policy, w.city, ROLE_POLICY);
	assert_int_equal(contract_end(&w.ctx, id, "2026-01-01"), -1);
	assert_int_equal(w.ctx.status, ST_INVALID);
	fresh();
	assert_int_equal(contract_end(&w.ctx, id, "2025-06-30"), 0);
	fresh();
	assert_int_equal(contract_get(&w.ctx, id, &c), 0);
	assert_int_equal(c.to_day, c.from_day + 180);
	assert_true(c.ended_at > 0);
	fresh();
	assert_int_equal(contract_end(&w.ctx, id, NULL), -1);
	assert_int_equal(w.ctx.status, ST_CONFLICT);
	fresh();
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
	fresh();
	act_as(w.admin, w.beheer, ROLE_ADMIN);
	assert_int_equal(contract_list(&w.ctx, &l, &before), 0);
	in.region_id = 999;
	in.provider_org = w.cc;
	in.care_type = "NOPE";
	in.unit = "beds";
	in.from = "2025-02-30";
	assert_int_equal(contract_create(&w.ctx, &in, &id), -1);
	assert_int_equal(w.ctx.status, ST_INVALID);
	assert_int_equal(w.ctx.nfields, 5);
	fresh();
	in = in_for(w.zc);
	in.to = "2024-12-31";
	assert_int_equal(contract_create(&w.ctx, &in, &id), -1);
	assert_int_equal(w.ctx.nfields, 1);
	assert_string_equal(w.ctx.fields[0].field, "to");
	fresh();
	assert_int_equal(contract_list(&w.ctx, &l, &n), 0);
	assert_int_equal(n, before);
	fresh();
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

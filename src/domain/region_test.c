/* Unit tests for region: reading one, changing its name and members,
 * the checks on a change, and who sees which signals afterwards, on a
 * real SQLite store (the API in tests/api/regions.test.mjs, fault paths
 * in faults_test.c). */
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
#include "domain/fallback.h"
#include "domain/org.h"
#include "domain/region.h"
#include "domain/signal.h"
#include "domain/user.h"
#include "store/store.h"

static struct {
	int64_t		 point_a, point_b, school, national, beheer;
	int64_t		 adv_a, adv_b, reporter, admin;
	int64_t		 vt_a, vt_b;
} w;

/* A region_in over static lists (up to four of each). */
static struct region_in
in_of(const char *name, const char *type, const char *m0, const char *m1,
    const char *o0, const char *o1)
{
	static const char *m[4], *o[4];
	struct region_in in;

	memset(&in, 0, sizeof(in));
	in.name = name;
	in.type = type;
	m[0] = m0;
	m[1] = m1;
	o[0] = o0;
	o[1] = o1;
	in.municipalities.v = m;
	in.municipalities.n = m0 == NULL ? 0 : m1 == NULL ? 1 : 2;
	in.orgs.v = o;
	in.orgs.n = o0 == NULL ? 0 : o1 == NULL ? 1 : 2;
	return in;
}

static int
setup(void **state)
{
	(void)state;
	memset(&w, 0, sizeof(w));
	tw_open("region", false);
	w.point_a = tw_org("Meldpunt A", "advice_point");
	w.point_b = tw_org("Meldpunt B", "advice_point");
	w.national = tw_org("Landelijk meldpunt", "advice_point");
	w.school = tw_org("School", "other");
	w.beheer = tw_org("Beheerders", "other");
	w.adv_a = tw_user("adviseur-a", "advisor", w.point_a);
	w.adv_b = tw_user("adviseur-b", "advisor", w.point_b);
	w.reporter = tw_user("leraar", "reporter", w.school);
	w.admin = tw_user("beheer", "admin", w.beheer);
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	assert_int_equal(fallback_set(&tw.ctx, w.national), 0);
	tw_fresh();
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	w.vt_a = tw_region("VT A", "veilig_thuis", "GM0363", "Meldpunt A");
	w.vt_b = tw_region("VT B", "veilig_thuis", "GM0344", "Meldpunt B");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	return tw_close();
}

static int64_t
file_in(const char *muni)
{
	static const char *ind[] = { "OM-1a-1" };
	struct signal_in in;
	int64_t id, due;

	memset(&in, 0, sizeof(in));
	in.municipality = muni;
	in.indicators.v = ind;
	in.indicators.n = 1;
	tw_as(w.reporter, w.school, ROLE_REPORTER);
	assert_int_equal(signal_file(&tw.ctx, &in, &id, &due), 0);
	tw_fresh();
	return id;
}

/* Whether the advisor has signal id in the queue and may open it. */
static bool
sees(int64_t adv, int64_t org, int64_t id)
{
	struct signal_search q = { NULL, 1, 100 };
	struct signal_page p;
	bool in_queue = false, opens;
	size_t i;

	tw_as(adv, org, ROLE_ADVISOR);
	assert_int_equal(signal_queue(&tw.ctx, "all", &q, &p), 0);
	for (i = 0; i < p.n; i++)
		if (p.v[i].id == id)
			in_queue = true;
	tw_fresh();
	tw_as(adv, org, ROLE_ADVISOR);
	opens = signal_get(&tw.ctx, id) != NULL;
	if (!opens)
		assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	tw_fresh();
	assert_int_equal(in_queue, opens);
	return opens;
}

/* A textual picture of a region, to compare before and after. */
static char *
picture(int64_t id)
{
	struct region_detail d;
	char buf[4096];
	size_t i, n;

	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	assert_int_equal(region_get(&tw.ctx, id, &d), 0);
	n = (size_t)snprintf(buf, sizeof(buf), "%s/%s;", d.name, d.type);
	for (i = 0; i < d.nmunis && n < sizeof(buf); i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s=%s;",
		    d.munis[i].code, d.munis[i].name);
	for (i = 0; i < d.norgs && n < sizeof(buf); i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%lld=%s;",
		    (long long)d.orgs[i].id, d.orgs[i].name);
	assert_true(n < sizeof(buf));
	tw_fresh();
	return strdup(buf);
}

/* Reading one; a missing one is ST_NOTFOUND. */
static void
test_get(void **state)
{
	struct region_detail d;

	(void)state;
	tw_fresh();
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	assert_int_equal(region_get(&tw.ctx, w.vt_a, &d), 0);
	assert_string_equal(d.name, "VT A");
	assert_string_equal(d.type, "veilig_thuis");
	assert_int_equal(d.nmunis, 1);
	assert_string_equal(d.munis[0].code, "GM0363");
	assert_string_equal(d.munis[0].name, "Amsterdam");
	assert_int_equal(d.norgs, 1);
	assert_int_equal(d.orgs[0].id, w.point_a);
	assert_string_equal(d.orgs[0].name, "Meldpunt A");
	tw_fresh();
	assert_int_equal(region_get(&tw.ctx, 987654, &d), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	tw_fresh();
}

/* An update replaces the name and both lists whole. */
static void
test_update_replaces(void **state)
{
	struct region_in in;
	struct region_detail d;
	char id[24];
	int64_t r;

	(void)state;
	tw_fresh();
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	r = tw_region("ZC Test", "care_coordination", "GM0599", "Meldpunt A");
	snprintf(id, sizeof(id), "%lld", (long long)w.point_b);
	in = in_of("ZC Nieuw", NULL, "GM0518", "GM0050", id, "School");
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	assert_int_equal(region_update(&tw.ctx, r, &in), 0);
	tw_fresh();
	assert_int_equal(region_get(&tw.ctx, r, &d), 0);
	assert_string_equal(d.name, "ZC Nieuw");
	assert_string_equal(d.type, "care_coordination");
	assert_int_equal(d.nmunis, 2);
	assert_string_equal(d.munis[0].code, "GM0518");	/* 's-Gravenhage */
	assert_string_equal(d.munis[1].code, "GM0050");	/* Zeewolde */
	assert_int_equal(d.norgs, 2);
	assert_int_equal(d.orgs[0].id, w.point_b);
	assert_int_equal(d.orgs[1].id, w.school);
	tw_fresh();
	/* The same type may be given; the own name stays free. */
	in = in_of("ZC Nieuw", "care_coordination", "GM0518", NULL, NULL,
	    NULL);
	assert_int_equal(region_update(&tw.ctx, r, &in), 0);
	tw_fresh();
	assert_int_equal(region_get(&tw.ctx, r, &d), 0);
	assert_int_equal(d.nmunis, 1);
	assert_int_equal(d.norgs, 0);
	tw_fresh();
}

/* Every wrong field named; nothing changes. */
static void
test_bad_input(void **state)
{
	struct region_in in;
	char *before, *after, id[24];

	(void)state;
	tw_fresh();
	snprintf(id, sizeof(id), "%lld", (long long)w.point_b);
	before = picture(w.vt_b);
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	in = in_of("", "youth", "GM9999", "GM9999", "Nergens", NULL);
	assert_int_equal(region_update(&tw.ctx, w.vt_b, &in), -1);
	assert_int_equal(tw.ctx.status, ST_INVALID);
	assert_int_equal(tw.ctx.nfields, 6);
	assert_string_equal(tw.ctx.fields[0].field, "name");
	assert_string_equal(tw.ctx.fields[1].field, "type");
	assert_string_equal(tw.ctx.fields[1].reason, "cannot be changed");
	tw_fresh();
	/* The type alone. */
	in = in_of("VT B", "youth", "GM0344", NULL, "Meldpunt B", NULL);
	assert_int_equal(region_update(&tw.ctx, w.vt_b, &in), -1);
	assert_int_equal(tw.ctx.nfields, 1);
	assert_string_equal(tw.ctx.fields[0].field, "type");
	tw_fresh();
	/* Another region's name. */
	in = in_of("VT A", NULL, "GM0344", NULL, "Meldpunt B", NULL);
	assert_int_equal(region_update(&tw.ctx, w.vt_b, &in), -1);
	assert_int_equal(tw.ctx.status, ST_INVALID);
	assert_int_equal(tw.ctx.nfields, 1);
	assert_string_equal(tw.ctx.fields[0].field, "name");
	assert_string_equal(tw.ctx.fields[0].reason, "is already taken");
	tw_fresh();
	/* No municipality at all. */
	in = in_of("VT B", NULL, NULL, NULL, "Meldpunt B", NULL);
	assert_int_equal(region_update(&tw.ctx, w.vt_b, &in), -1);
	assert_int_equal(tw.ctx.nfields, 1);
	assert_string_equal(tw.ctx.fields[0].field, "municipalities");
	tw_fresh();
	/* One organisation twice, by name and by id. */
	in = in_of("VT B", NULL, "GM0344", NULL, "Meldpunt B", id);
	assert_int_equal(region_update(&tw.ctx, w.vt_b, &in), -1);
	assert_int_equal(tw.ctx.nfields, 1);
	assert_string_equal(tw.ctx.fields[0].field, "orgs[1]");
	assert_string_equal(tw.ctx.fields[0].reason, "is listed twice");
	tw_fresh();
	/* A region that does not exist. */
	in = in_of("VT X", NULL, "GM0344", NULL, NULL, NULL);
	assert_int_equal(region_update(&tw.ctx, 987654, &in), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	tw_fresh();
	after = picture(w.vt_b);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

/* An organisation taken out of a Veilig Thuis region no longer sees its
 * signals; one put in does; the signal keeps its region. */
static void
test_access_follows(void **state)
{
	struct region_in in;
	int64_t sig;

	(void)state;
	tw_fresh();
	sig = file_in("GM0363");
	assert_true(sees(w.adv_a, w.point_a, sig));
	assert_false(sees(w.adv_b, w.point_b, sig));
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	in = in_of("VT A", NULL, "GM0363", NULL, "Meldpunt B", NULL);
	assert_int_equal(region_update(&tw.ctx, w.vt_a, &in), 0);
	tw_fresh();
	assert_false(sees(w.adv_a, w.point_a, sig));
	assert_true(sees(w.adv_b, w.point_b, sig));
	/* Back as it was. */
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	in = in_of("VT A", NULL, "GM0363", NULL, "Meldpunt A", NULL);
	assert_int_equal(region_update(&tw.ctx, w.vt_a, &in), 0);
	tw_fresh();
	assert_true(sees(w.adv_a, w.point_a, sig));
	assert_false(sees(w.adv_b, w.point_b, sig));
	/* A municipality that moves leaves its open signals behind. */
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	in = in_of("VT A", NULL, "GM0599", NULL, "Meldpunt A", NULL);
	assert_int_equal(region_update(&tw.ctx, w.vt_a, &in), 0);
	tw_fresh();
	in = in_of("VT B", NULL, "GM0344", "GM0363", "Meldpunt B", NULL);
	assert_int_equal(region_update(&tw.ctx, w.vt_b, &in), 0);
	tw_fresh();
	assert_true(sees(w.adv_a, w.point_a, sig));
	assert_false(sees(w.adv_b, w.point_b, sig));
	/* New ones follow the new membership. */
	sig = file_in("GM0363");
	assert_false(sees(w.adv_a, w.point_a, sig));
	assert_true(sees(w.adv_b, w.point_b, sig));
	/* Back as it was. */
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	in = in_of("VT B", NULL, "GM0344", NULL, "Meldpunt B", NULL);
	assert_int_equal(region_update(&tw.ctx, w.vt_b, &in), 0);
	tw_fresh();
	in = in_of("VT A", NULL, "GM0363", NULL, "Meldpunt A", NULL);
	assert_int_equal(region_update(&tw.ctx, w.vt_a, &in), 0);
	tw_fresh();
}

/* A Veilig Thuis region that gains a municipality no region covered
 * takes over what waited for it at the fallback point. */
static void
test_rehome(void **state)
{
	struct region_in in;
	int64_t sig;

	(void)state;
	tw_fresh();
	sig = file_in("GM0050");
	assert_false(sees(w.adv_b, w.point_b, sig));
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	in = in_of("VT B", NULL, "GM0344", "GM0050", "Meldpunt B", NULL);
	assert_int_equal(region_update(&tw.ctx, w.vt_b, &in), 0);
	tw_fresh();
	assert_true(sees(w.adv_b, w.point_b, sig));
	assert_false(sees(w.adv_a, w.point_a, sig));
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	in = in_of("VT B", NULL, "GM0344", NULL, "Meldpunt B", NULL);
	assert_int_equal(region_update(&tw.ctx, w.vt_b, &in), 0);
	tw_fresh();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get),
		cmocka_unit_test(test_update_replaces),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_access_follows),
		cmocka_unit_test(test_rehome),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

/* Unit tests for provider: target groups and languages by name, the
 * person the fitting search looks for, and the checks on an offer, on a
 * real SQLite store (the search's order is in store_pg_test.c and
 * tests/api/providers.test.mjs, its fault paths in faults_test.c). */
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
#include "domain/case.h"
#include "domain/catalog.h"
#include "domain/org.h"
#include "domain/provider.h"
#include "domain/user.h"
#include "store/store.h"

static struct {
	int64_t		 shelter, other, cc, beheer;
	int64_t		 provider, coord, admin;
} w;

static int
setup(void **state)
{
	(void)state;
	memset(&w, 0, sizeof(w));
	tw_open("provider", false);
	w.shelter = tw_org("Opvang", "provider");
	w.other = tw_org("Jeugdzorg", "provider");
	w.cc = tw_org("Zorgcoordinatie", "care_coordination");
	w.beheer = tw_org("Beheerders", "other");
	w.provider = tw_user("opvang", "provider", w.shelter);
	w.coord = tw_user("coordinator", "coordinator", w.cc);
	w.admin = tw_user("beheer", "admin", w.beheer);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	return tw_close();
}

static void
test_groups_and_languages(void **state)
{
	const char *l[3];

	(void)state;
	assert_int_equal(provider_group_of("minors"), PG_MINORS);
	assert_int_equal(provider_group_of("lvb"), PG_LVB);
	assert_int_equal(provider_group_of("children"), 0);
	assert_int_equal(provider_group_of(NULL), 0);
	assert_string_equal(provider_group_name(PG_WOMEN), "women");
	assert_null(provider_group_name(0));
	assert_true(provider_lang_known("ti"));
	assert_false(provider_lang_known("xx"));
	assert_false(provider_lang_known("RO"));

	/* What a coordinator types on the person: Dutch or English names
	 * or codes, any case and separator; unknown words are skipped,
	 * repeats counted once, at most three.  Codes only count in a
	 * text naming no language: "en" is also Dutch for "and". */
	provider_langs_of("Roemeens, Engels", l);
	assert_string_equal(l[0], "ro");
	assert_string_equal(l[1], "en");
	assert_null(l[2]);
	provider_langs_of("Arabic / TIGRINYA; arabisch", l);
	assert_string_equal(l[0], "ar");
	assert_string_equal(l[1], "ti");
	assert_null(l[2]);
	provider_langs_of("een beetje Pools en Bulgaars", l);
	assert_string_equal(l[0], "pl");
	assert_string_equal(l[1], "bg");
	assert_null(l[2]);
	provider_langs_of("RO, en; bg / nl", l);
	assert_string_equal(l[0], "ro");
	assert_string_equal(l[1], "en");
	assert_string_equal(l[2], "bg");
	provider_langs_of("Klingon", l);
	assert_null(l[0]);
	provider_langs_of(NULL, l);
	assert_null(l[0]);
}

static void
test_person(void **state)
{
	struct case_person c[3];
	struct provider_person who;
	const char *lvb[] = { "lvb" };

	(void)state;
	memset(c, 0, sizeof(c));
	/* The first victim counts, not a suspect listed before. */
	c[0].p.kind = "suspect";
	c[0].p.age_band = "30+";
	c[0].p.sex = "male";
	c[1].p.kind = "victim";
	c[1].p.age_band = "16-17";
	c[1].p.sex = "female";
	c[1].p.languages = "Bulgaars";
	c[1].p.markers.v = lvb;
	c[1].p.markers.n = 1;
	provider_person_of(c, 2, &who);
	assert_true(who.minor);
	assert_false(who.adult);
	assert_string_equal(who.sex, "female");
	assert_true(who.lvb);
	assert_string_equal(who.langs[0], "bg");
	/* An 18-year-old is an adult; "unknown" sex filters nothing. */
	c[1].p.age_band = "18-22";
	c[1].p.sex = "unknown";
	provider_person_of(c, 2, &who);
	assert_false(who.minor);
	assert_true(who.adult);
	assert_null(who.sex);
	/* No age known: neither; no victim: the first person. */
	c[1].p.age_band = NULL;
	provider_person_of(c, 2, &who);
	assert_false(who.minor);
	assert_false(who.adult);
	provider_person_of(c, 1, &who);
	assert_true(who.adult);
	assert_string_equal(who.sex, "male");
	provider_person_of(c, 0, &who);
	assert_false(who.adult);
	assert_null(who.langs[0]);
}

static bool
has_field(const char *name)
{
	size_t i;

	for (i = 0; i < tw.ctx.nfields; i++)
		if (strcmp(tw.ctx.fields[i].field, name) == 0)
			return true;
	return false;
}

static void
test_offer(void **state)
{
	const char *care[] = { "SAFE-SHELTER", "NOPE", "SAFE-SHELTER" },
	    *munis[] = { "GM0363", "GM9999" }, *regions[] = { "12a", "4242" },
	    *groups[] = { "adults", "kids", "adults" },
	    *langs[] = { "ro", "xx", "r", "RO" };
	struct provider_in in;
	struct provider p;

	(void)state;
	memset(&in, 0, sizeof(in));
	in.care_types.v = care;
	in.care_types.n = 3;
	in.municipalities.v = munis;
	in.municipalities.n = 2;
	in.regions.v = regions;
	in.regions.n = 2;
	in.target_groups.v = groups;
	in.target_groups.n = 3;
	in.languages.v = langs;
	in.languages.n = 4;
	in.free_places = -2;
	in.waiting_weeks = -1;
	tw_fresh();
	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	assert_int_equal(provider_set(&tw.ctx, w.shelter, &in), -1);
	assert_int_equal(tw.ctx.status, ST_INVALID);
	assert_false(has_field("care_types[0]"));
	assert_true(has_field("care_types[1]"));
	assert_true(has_field("care_types[2]"));	/* twice */
	assert_false(has_field("municipalities[0]"));
	assert_true(has_field("municipalities[1]"));
	assert_true(has_field("regions[0]"));
	assert_true(has_field("regions[1]"));
	assert_true(has_field("target_groups[1]"));
	assert_true(has_field("target_groups[2]"));
	assert_false(has_field("languages[0]"));
	assert_true(has_field("languages[1]"));
	assert_true(has_field("languages[2]"));
	assert_true(has_field("languages[3]"));
	assert_true(has_field("free_places"));

	/* Nothing was written. */
	tw_fresh();
	assert_int_equal(provider_mine(&tw.ctx, &p), 0);
	assert_int_equal(p.care.n, 0);
	assert_int_equal(p.offer_updated_at, 0);

	/* A good one; capacity with it. */
	in.care_types.n = 1;
	in.municipalities.n = 1;
	in.regions.n = 0;
	in.target_groups.n = 1;
	in.languages.n = 1;
	in.free_places = 2;
	in.waiting_weeks = 0;
	tw_fresh();
	assert_int_equal(provider_set(&tw.ctx, w.shelter, &in), 0);
	tw_fresh();
	assert_int_equal(provider_mine(&tw.ctx, &p), 0);
	assert_int_equal(p.care.n, 1);
	assert_int_equal(p.groups, PG_ADULTS);
	assert_int_equal(p.free_places, 2);
	assert_string_equal(p.capacity_updated_by, "opvang");
	assert_true(p.capacity_updated_at > 0);

	/* Another organisation's, or one that is no provider: 404. */
	tw_fresh();
	assert_int_equal(provider_set(&tw.ctx, w.other, &in), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	tw_fresh();
	assert_int_equal(provider_get(&tw.ctx, w.other, &p), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	tw_fresh();
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	assert_int_equal(provider_set(&tw.ctx, w.cc, &in), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	tw_fresh();
	assert_int_equal(provider_set(&tw.ctx, w.other, &in), 0);
	/* A coordinator reads, never writes. */
	tw_fresh();
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	assert_int_equal(provider_get(&tw.ctx, w.other, &p), 0);
	assert_string_equal(p.capacity_updated_by, "beheer");
	tw_fresh();
	assert_int_equal(provider_set(&tw.ctx, w.other, &in), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	tw_fresh();
	assert_int_equal(provider_capacity(&tw.ctx, 1, 1), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);

	/* The quick capacity update. */
	tw_fresh();
	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	assert_int_equal(provider_capacity(&tw.ctx, -1, 0), -1);
	assert_true(has_field("free_places"));
	tw_fresh();
	assert_int_equal(provider_capacity(&tw.ctx, 0, 5), 0);
	tw_fresh();
	assert_int_equal(provider_mine(&tw.ctx, &p), 0);
	assert_int_equal(p.free_places, 0);
	assert_int_equal(p.waiting_weeks, 5);
	assert_int_equal(p.care.n, 1);		/* the offer stays */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups_and_languages),
		cmocka_unit_test(test_person),
		cmocka_unit_test_setup_teardown(test_offer, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

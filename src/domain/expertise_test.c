/* Unit tests for expertise: the registry's checks, who keeps which
 * organisation's registry, sealing and the audit trail, on a real
 * SQLite store (the queries on PostgreSQL in store_pg_test.c, the fault
 * paths in faults_test.c, the HTTP side in tests/api/expertise.test.mjs).
 */
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
#include "domain/deadline.h"
#include "domain/expertise.h"
#include "domain/org.h"
#include "domain/user.h"
#include "store/store.h"

static struct {
	int64_t		 shelter, cc, beheer, police;
	int64_t		 provider, coord, admin, policy, reporter;
} w;

static int
setup(void **state)
{
	(void)state;
	memset(&w, 0, sizeof(w));
	tw_open("expertise", false);
	w.shelter = tw_org("Opvang", "provider");
	w.cc = tw_org("Zorgcoordinatie", "care_coordination");
	w.beheer = tw_org("Beheerders", "other");
	w.police = tw_org("Politie", "police");
	w.provider = tw_user("opvang", "provider", w.shelter);
	w.coord = tw_user("coordinator", "coordinator", w.cc);
	w.admin = tw_user("beheer", "admin", w.beheer);
	w.policy = tw_user("gemeente", "policy", w.beheer);
	w.reporter = tw_user("agent", "reporter", w.police);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	return tw_close();
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

/* Entries in the registry of every organisation. */
static int64_t
entries(void)
{
	struct store_counts c;
	size_t i;

	tw_fresh();
	assert_int_equal(store_counts(&tw.ctx, &c), 0);
	for (i = 0; i < STORE_COPY_TABLES; i++)
		if (strcmp(store_copy_tables[i], "expertise_professional") == 0)
			return c.n[i];
	fail_msg("expertise_professional is not copied");
	return -1;
}

/* Audit entries with action on organisation org. */
static int64_t
trail(int64_t org, const char *action)
{
	struct store_rows *r;
	int64_t n = 0;
	size_t i;

	tw_fresh();
	assert_int_equal(store_exec(&tw.ctx, Q_AUDIT_FOR_OBJECT,
	    ARGS(store_text("org"), store_int(org), store_int(100)), &r), 0);
	for (i = 0; i < r->nrows; i++)
		if (strcmp(rows_text(r, i, 6), action) == 0)
			n++;
	return n;
}

/* Whether a stored name cell holds text in plain. */
static bool
plain_in_store(int64_t org, const char *text)
{
	struct store_rows *r;
	const unsigned char *b;
	size_t i, len;

	tw_fresh();
	assert_int_equal(store_exec(&tw.ctx, Q_EXPERTISE_LIST,
	    ARGS(store_int(org)), &r), 0);
	for (i = 0; i < r->nrows; i++) {
		b = rows_blob(r, i, 2, &len);
		if (b != NULL && memmem(b, len, text, strlen(text)) != NULL)
			return true;
	}
	return r->nrows == 0;
}

static void
test_kinds(void **state)
{
	(void)state;
	assert_int_equal(expertise_kind("signals"), 0);
	assert_int_equal(expertise_kind("migrants"), EXPERTISE_NKINDS - 1);
	assert_int_equal(expertise_kind("Migrants"), -1);
	assert_int_equal(expertise_kind(NULL), -1);
	assert_null(expertise_kinds[EXPERTISE_NKINDS].key);
}

static void
test_registry(void **state)
{
	struct expertise_in in;
	struct expertise_entry *e;
	const char *today;
	int64_t id, other, n0;
	size_t n;

	(void)state;
	tw_fresh();
	today = date_format(tw.arena, deadline_local_day(time_now()));
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	memset(&in, 0, sizeof(in));
	in.name = "Femke Jansen";
	in.expertise = "minors";
	in.trained_on = arena_strdup(tw.arena, today);
	assert_int_equal(expertise_add(&tw.ctx, &in, &id), 0);
	assert_true(id > 0);
	tw_fresh();
	assert_int_equal(expertise_list(&tw.ctx, 0, &e, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].name, "Femke Jansen");
	assert_string_equal(e[0].expertise, "minors");
	assert_int_equal(e[0].until_on, -1);
	/* Sealed: not one plain byte of the name in the row. */
	assert_false(plain_in_store(w.cc, "Femke"));
	assert_int_equal(trail(w.cc, "expertise.add"), 1);
	assert_int_equal(trail(w.cc, "expertise.read"), 1);

	/* Bad input: every wrong field named, nothing written. */
	n0 = entries();
	tw_fresh();
	in.name = " ";
	in.expertise = "cooking";
	in.trained_on = "1999-12-31";
	in.until = "1999-01-01";
	assert_int_equal(expertise_add(&tw.ctx, &in, &other), -1);
	assert_int_equal(tw.ctx.status, ST_INVALID);
	assert_true(has_field("name"));
	assert_true(has_field("expertise"));
	assert_true(has_field("trained_on"));
	assert_true(has_field("until"));
	tw_fresh();
	in.name = "Femke Jansen";
	in.expertise = "lvb";
	in.trained_on = "2999-01-01";
	in.until = NULL;
	assert_int_equal(expertise_add(&tw.ctx, &in, &other), -1);
	assert_true(has_field("trained_on"));
	assert_int_equal(entries(), n0);

	/* Another organisation's registry and entries do not exist. */
	tw_fresh();
	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	assert_int_equal(expertise_list(&tw.ctx, w.cc, &e, &n), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	tw_fresh();
	assert_int_equal(expertise_remove(&tw.ctx, id), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	tw_fresh();
	in.org_id = w.cc;
	assert_int_equal(expertise_add(&tw.ctx, &in, &other), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);
	/* Nor for a policy user, whatever the policy table says. */
	tw_fresh();
	tw_as(w.policy, w.beheer, ROLE_POLICY);
	assert_int_equal(expertise_list(&tw.ctx, 0, &e, &n), -1);
	assert_int_equal(tw.ctx.status, ST_NOTFOUND);

	/* The admin names the organisation, and may remove. */
	tw_fresh();
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	assert_int_equal(expertise_list(&tw.ctx, 0, &e, &n), -1);
	assert_true(has_field("org_id"));
	tw_fresh();
	in.org_id = w.police;
	in.expertise = "signals";
	in.trained_on = "2015-06-01";
	in.until = "2016-06-01";
	assert_int_equal(expertise_add(&tw.ctx, &in, &other), 0);
	tw_fresh();
	tw_as(w.reporter, w.police, ROLE_REPORTER);
	assert_int_equal(expertise_list(&tw.ctx, 0, &e, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(date_format(tw.arena, e[0].until_on),
	    "2016-06-01");
	tw_fresh();
	tw_as(w.admin, w.beheer, ROLE_ADMIN);
	assert_int_equal(expertise_remove(&tw.ctx, id), 0);
	tw_fresh();
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	assert_int_equal(expertise_list(&tw.ctx, 0, &e, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(trail(w.cc, "expertise.remove"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test_setup_teardown(test_registry, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

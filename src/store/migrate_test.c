/*
 * The SQLite migration runner and the org rebuild of 0018: a database
 * left at schema 0017 with organisations, users, regions and cases
 * migrates; every organisation keeps its id, name and type, every
 * reference to one (users, org_region, cases) still joins, foreign keys
 * still hold and PRAGMA foreign_key_check is clean.  A database with a
 * dangling reference is refused by the check and left as it was.
 */
#include "core/testing.h"

#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/embed.h"
#include "core/fail.h"
#include "core/log.h"
#include "store/store.h"

struct fixture {
	char		 dir[64];
	char		 path[96];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	log_set_quiet(true);
	snprintf(f->dir, sizeof(f->dir), "/tmp/schakel-migrate-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/old.db", f->dir);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

static void
exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

static int64_t
one(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	int64_t v;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL),
	    SQLITE_OK);
	if (sqlite3_step(s) != SQLITE_ROW)
		fail_msg("no row: %s", sql);
	v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* A database at schema `upto`, as an older schakel left it. */
static sqlite3 *
old_database(const char *path, int upto)
{
	const struct embedded_file *e;
	char name[8], sql[160];
	sqlite3 *db;
	int v;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	exec(db, "PRAGMA foreign_keys = ON");
	exec(db, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY,"
	    " name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
	for (v = 1; v <= upto; v++) {
		snprintf(name, sizeof(name), "%04d_", v);
		for (e = embedded_migrations; e->name != NULL; e++)
			if (strncmp(e->name, name, 5) == 0 &&
			    (strstr(e->name, ".pg.") == NULL))
				break;
		assert_non_null(e->name);
		exec(db, (const char *)e->data);
		snprintf(sql, sizeof(sql), "INSERT INTO schema_version VALUES"
		    " (%d, '%s', 1)", v, e->name);
		exec(db, sql);
	}
	exec(db, "INSERT INTO municipality (code, name, province) VALUES"
	    " ('GM0363', 'Amsterdam', 'Noord-Holland')");
	exec(db, "INSERT INTO org (id, name, type, municipality, demo,"
	    " created_at) VALUES (3, 'ZC', 'care_coordination', 'GM0363', 0,"
	    " 10), (7, 'Opvang', 'provider', NULL, 1, 11),"
	    " (9, 'Commissie', 'assessment_committee', 'GM0363', 0, 12)");
	exec(db, "INSERT INTO app_user (id, username, org_id, role,"
	    " password_hash, totp_required, created_at) VALUES"
	    " (1, 'coord', 3, 'coordinator', 'x', 0, 20),"
	    " (2, 'opvang', 7, 'provider', 'x', 0, 21)");
	exec(db, "INSERT INTO region (id, name, type, created_at) VALUES"
	    " (4, 'ZC Amsterdam', 'care_coordination', 30)");
	exec(db, "INSERT INTO region_municipality VALUES (4, 'GM0363')");
	exec(db, "INSERT INTO org_region VALUES (3, 4), (7, 4)");
	exec(db, "INSERT INTO care_case (id, type, status, org_id, region_id,"
	    " municipality, coordinator_id, source, opened_by, accept_due,"
	    " created_at, updated_at) VALUES (5, 'trafficking', 'accepted',"
	    " 3, 4, 'GM0363', 1, 'police', 1, 100, 40, 40)");
	return db;
}

static int
open_store(const char *path, char *msg, size_t len)
{
	struct store_opts opts = { 0 };
	struct arena *a = arena_new();
	struct store *st = NULL;
	struct ctx ctx;
	int rc;

	ctx_init(&ctx, a, NULL);
	opts.path = path;
	opts.migrate = true;
	rc = store_open(&ctx, &opts, &st);
	snprintf(msg, len, "%s", ctx.message != NULL ? ctx.message : "");
	store_close(st);
	arena_free(a);
	return rc;
}

static void
test_0017_migrates_and_keeps_every_org(void **state)
{
	struct fixture *f = *state;
	char msg[256];
	sqlite3 *db;

	db = old_database(f->path, 17);
	sqlite3_close(db);
	if (open_store(f->path, msg, sizeof(msg)) != 0)
		fail_msg("migration failed: %s", msg);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	exec(db, "PRAGMA foreign_keys = ON");
	assert_int_equal(one(db, "SELECT MAX(version) FROM schema_version"),
	    store_known_version());
	assert_int_equal(one(db, "SELECT COUNT(*) FROM org"), 3);
	assert_int_equal(one(db, "SELECT COUNT(*) FROM org WHERE"
	    " (id = 3 AND name = 'ZC' AND type = 'care_coordination' AND"
	    " municipality = 'GM0363' AND created_at = 10) OR (id = 7 AND"
	    " type = 'provider' AND municipality IS NULL AND demo = 1) OR"
	    " (id = 9 AND type = 'assessment_committee')"), 3);
	/* Every reference still joins. */
	assert_int_equal(one(db, "SELECT COUNT(*) FROM app_user u JOIN org o"
	    " ON o.id = u.org_id"), 2);
	assert_int_equal(one(db, "SELECT COUNT(*) FROM org_region x JOIN org o"
	    " ON o.id = x.org_id"), 2);
	assert_int_equal(one(db, "SELECT COUNT(*) FROM care_case c JOIN org o"
	    " ON o.id = c.org_id"), 1);
	assert_int_equal(one(db, "SELECT COUNT(*) FROM"
	    " pragma_foreign_key_check"), 0);
	assert_int_equal(one(db, "SELECT COUNT(*) FROM sqlite_master WHERE"
	    " name = 'org_new'"), 0);
	/* The new type is accepted, an unknown one is not, and foreign keys
	 * to org still hold. */
	exec(db, "INSERT INTO org (name, type, created_at) VALUES"
	    " ('Expertteam', 'expert_team', 50)");
	assert_int_not_equal(sqlite3_exec(db, "INSERT INTO org (name, type,"
	    " created_at) VALUES ('X', 'bogus', 50)", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "INSERT INTO app_user"
	    " (username, org_id, role, password_hash, totp_required,"
	    " created_at) VALUES ('wees', 999, 'provider', 'x', 0, 60)", NULL,
	    NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM org WHERE id = 7",
	    NULL, NULL, NULL), SQLITE_OK);
	/* The deadline rules of referrals came with it. */
	assert_int_equal(one(db, "SELECT COUNT(*) FROM deadline_rule WHERE"
	    " id BETWEEN 40 AND 49"), 4);
	sqlite3_close(db);
}

static void
test_dangling_reference_refused(void **state)
{
	struct fixture *f = *state;
	char msg[256];
	sqlite3 *db;

	db = old_database(f->path, 17);
	exec(db, "PRAGMA foreign_keys = OFF");
	exec(db, "INSERT INTO org_region VALUES (999, 4)");
	sqlite3_close(db);
	assert_int_equal(open_store(f->path, msg, sizeof(msg)), -1);
	assert_non_null(strstr(msg, "org_region"));
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	/* Rolled back: still at 0017, the old org table as it was, and
	 * foreign keys on again for the next connection. */
	assert_int_equal(one(db, "SELECT MAX(version) FROM schema_version"),
	    17);
	assert_int_equal(one(db, "SELECT COUNT(*) FROM sqlite_master WHERE"
	    " name = 'referral'"), 0);
	assert_int_equal(one(db, "SELECT COUNT(*) FROM org"), 3);
	sqlite3_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_0017_migrates_and_keeps_every_org, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_dangling_reference_refused, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Tests of the PostgreSQL back end against a real server: the migration,
 * every statement in queries.c, blobs byte for byte, error mapping,
 * read-only connections, the writers' advisory lock, and connections that
 * are lost (the backend killed, or the whole cluster stopped and started
 * again) and come back.
 *
 * SCHAKEL_TEST_PG is the URL of a database to use (tools/pg.sh start DIR
 * prints one) and SCHAKEL_TEST_PG_DIR that cluster's DIR, which the test
 * stops and starts with tools/pg.sh (run from the top of the tree).  The
 * test fails when either is unset.  It works in a schema of its own,
 * schakel_test_<pid>, and drops it at the end.
 */
#include "core/testing.h"

/* Debian keeps it in /usr/include/postgresql, which pkg-config adds. */
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif

#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/embed.h"
#include "core/fail.h"
#include "core/log.h"
#include "store/store_int.h"

extern char **environ;

static const char *base_url;		/* SCHAKEL_TEST_PG */
static const char *cluster_dir;		/* SCHAKEL_TEST_PG_DIR */
static char schema[64];
static char test_url[1024];		/* base_url in our own schema */
static bool covered[Q__COUNT];		/* statements run successfully */

static enum status last_st;
static char last_err[256];

/* Append a query parameter to a URL that may already have some. */
static int
url_with(char *out, size_t outlen, const char *url, const char *param)
{
	int n;

	n = snprintf(out, outlen, "%s%c%s", url,
	    strchr(url, '?') != NULL ? '&' : '?', param);
	return n > 0 && (size_t)n < outlen ? 0 : -1;
}

static void *
conn_open(const char *url, bool readonly)
{
	struct store st;
	char path[1024], err[256];
	void *c;

	memset(&st, 0, sizeof(st));
	snprintf(path, sizeof(path), "%s", url);
	st.path = path;
	c = store_pg_backend.connect(&st, readonly, err, sizeof(err));
	if (c == NULL)
		fail_msg("cannot connect: %s", err);
	return c;
}

/* A connection of our own whose backend we can find and kill. */
static void *
victim_open(const char *name)
{
	char url[1100], param[96];

	snprintf(param, sizeof(param), "application_name=%s", name);
	assert_int_equal(url_with(url, sizeof(url), test_url, param), 0);
	return conn_open(url, false);
}

static int
run(void *conn, struct arena *a, enum query q,
    const struct store_value *args, size_t nargs, struct store_rows **out)
{
	int rc;

	last_st = ST_OK;
	last_err[0] = '\0';
	rc = store_pg_backend.exec(conn, a, q, args, nargs, out, &last_st,
	    last_err, sizeof(last_err));
	if (rc == 0)
		covered[q] = true;
	return rc;
}

static int
script(void *conn, const char *sql)
{
	last_st = ST_OK;
	last_err[0] = '\0';
	return store_pg_backend.script(conn, sql, &last_st, last_err,
	    sizeof(last_err));
}

static void
must(int rc)
{
	if (rc != 0)
		fail_msg("store: %s: %s", status_name(last_st), last_err);
}

/* Raw libpq for what the back end must not do itself. */
static int
admin(const char *sql)
{
	PGconn *pg = PQconnectdb(base_url);
	PGresult *res;
	int rc = 0;

	if (PQstatus(pg) != CONNECTION_OK) {
		print_error("admin: %s\n", PQerrorMessage(pg));
		PQfinish(pg);
		return -1;
	}
	PQclear(PQexec(pg, "SET client_min_messages = warning"));
	res = PQexec(pg, sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		print_error("admin: %s\n", PQerrorMessage(pg));
		rc = -1;
	}
	PQclear(res);
	PQfinish(pg);
	return rc;
}

/* The backends called name; waits until they are gone. */
static void
kill_backend(const char *name)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	PGconn *pg = PQconnectdb(base_url);
	PGresult *res;
	const char *params[1] = { name };
	int i, left = -1;

	if (PQstatus(pg) != CONNECTION_OK) {
		PQfinish(pg);
		fail_msg("admin connection failed");
	}
	res = PQexecParams(pg, "SELECT pg_terminate_backend(pid) FROM "
	    "pg_stat_activity WHERE application_name = $1", 1, NULL, params,
	    NULL, NULL, 0);
	assert_int_equal(PQresultStatus(res), PGRES_TUPLES_OK);
	assert_int_equal(PQntuples(res), 1);
	PQclear(res);
	for (i = 0; i < 500 && left != 0; i++) {
		res = PQexecParams(pg, "SELECT count(*) FROM pg_stat_activity"
		    " WHERE application_name = $1", 1, NULL, params, NULL,
		    NULL, 0);
		left = strcmp(PQgetvalue(res, 0, 0), "0") == 0 ? 0 : 1;
		PQclear(res);
		if (left != 0)
			nanosleep(&ts, NULL);
	}
	PQfinish(pg);
	assert_int_equal(left, 0);
}

static void
pg_sh(const char *what)
{
	char prog[] = "tools/pg.sh", cmd[16], dir[1024];
	char *argv[] = { prog, cmd, dir, NULL };
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int status, rc;

	snprintf(cmd, sizeof(cmd), "%s", what);
	snprintf(dir, sizeof(dir), "%s", cluster_dir);
	/* Its output is the URL we already have. */
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		fail_msg("cannot run tools/pg.sh (run from the top of the "
		    "tree)");
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		fail_msg("tools/pg.sh %s failed", what);
}

/*
 * The first test makes the schema and applies the migration: a cmocka
 * group setup that fails would not count as a failed test.
 */
static void
test_migration(void **state)
{
	const struct embedded_file *f;
	struct arena *a = arena_new();
	struct store_rows *r;
	char sql[256];
	void *c;

	(void)state;
	snprintf(sql, sizeof(sql), "DROP SCHEMA IF EXISTS %s CASCADE; "
	    "CREATE SCHEMA %s", schema, schema);
	assert_int_equal(admin(sql), 0);
	f = embed_find(embedded_migrations, "0001_init.pg.sql");
	assert_non_null(f);
	c = conn_open(test_url, false);
	must(script(c, (const char *)f->data));
	must(run(c, a, Q_TABLE_COUNT_AUDIT, NOARGS, &r));
	assert_int_equal(rows_int(r, 0, 0), 0);
	/* The tables are in our schema, not in public. */
	assert_int_equal(script(c, "SELECT 1 FROM public.audit"), -1);
	/* Applying it twice fails instead of doing half. */
	assert_int_equal(script(c, (const char *)f->data), -1);
	assert_int_equal(last_st, ST_INTERNAL);
	/* Then the later ones, in order, as store.c would. */
	for (f = embedded_migrations; f->name != NULL; f++)
		if (strcmp(f->name, "0001_init.pg.sql") > 0 &&
		    (strstr(f->name, ".pg.sql") != NULL ||
		    strstr(f->name, ".sqlite.sql") == NULL))
			must(script(c, (const char *)f->data));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

static int
group_setup(void **state)
{
	char param[160];

	(void)state;
	log_set_quiet(true);
	snprintf(schema, sizeof(schema), "schakel_test_%ld", (long)getpid());
	/* A failed test may leave a writer's lock behind: time out on it. */
	snprintf(param, sizeof(param), "options=-csearch_path%%3D%s"
	    "%%20-clock_timeout%%3D5s", schema);
	return url_with(test_url, sizeof(test_url), base_url, param);
}

static int
group_teardown(void **state)
{
	char sql[256];

	(void)state;
	snprintf(sql, sizeof(sql), "DROP SCHEMA IF EXISTS %s CASCADE",
	    schema);
	return admin(sql);
}

/* Turning 18: the birthday kept once, the plan, the overview's rows,
 * the insight's counts per region, the purge and the copy. */
static void
test_adulthood(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	unsigned char ct[40];
	struct store_value cells[19];
	int64_t cc, coord, kase, p1, p2, row;

	(void)state;
	memset(ct, 0, sizeof(ct));
	ct[3] = 0x18;
	must(run(c, a, Q_ORG_INSERT, ARGS(store_text("ZC Achttien"),
	    store_text("care_coordination"), store_text("GM0363"),
	    store_int(0), store_int(1700000000)), &r));
	cc = rows_int(r, 0, 0);
	must(run(c, a, Q_USER_INSERT, ARGS(store_text("achttienco"),
	    store_int(cc), store_text("coordinator"), store_text("$argon2id"),
	    store_int(1), store_int(0), store_int(1700000100),
	    store_text("010 3"), store_null(), store_int(0), store_int(0)),
	    &r));
	coord = rows_int(r, 0, 0);
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("labour"), store_text(""), store_text("in_care"),
	    store_int(cc), store_null(), store_text("GM0363"),
	    store_int(coord), store_null(), store_text("police"),
	    store_int(coord), store_int(9000), store_int(4200),
	    store_int(4200)), &r));
	kase = rows_int(r, 0, 0);
	must(run(c, a, Q_PERSON_INSERT, ARGS(store_text("16-17"),
	    store_null(), store_null(), store_null(), store_int(4100)), &r));
	p1 = rows_int(r, 0, 0);
	must(run(c, a, Q_PERSON_INSERT, ARGS(store_text("12-15"),
	    store_null(), store_null(), store_null(), store_int(4100)), &r));
	p2 = rows_int(r, 0, 0);
	/* 2026-03-01 (20513) and 2027-06-10 (20979), the second estimated;
	 * once only. */
	must(run(c, a, Q_ADULT_INSERT, ARGS(store_int(kase), store_int(p1),
	    store_int(20513), store_int(2026 * 12 + 2), store_int(0),
	    store_int(4300)), NULL));
	must(run(c, a, Q_ADULT_INSERT, ARGS(store_int(kase), store_int(p1),
	    store_int(20000), store_int(2024 * 12), store_int(1),
	    store_int(4301)), NULL));
	must(run(c, a, Q_ADULT_INSERT, ARGS(store_int(kase), store_int(p2),
	    store_int(20979), store_int(2027 * 12 + 5), store_int(1),
	    store_int(4300)), NULL));
	must(run(c, a, Q_CASE_PERSON_INSERT, ARGS(store_int(kase),
	    store_int(p1), store_text("victim"), store_int(4250)), NULL));
	must(run(c, a, Q_ADULT_ENTERED, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), p1);
	assert_int_equal(rows_int(r, 0, 1), 4250);
	must(run(c, a, Q_ADULT_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 2);
	assert_int_equal(r->ncols, 16);
	assert_int_equal(rows_int(r, 0, 2), 20513);	/* the first stays */
	assert_int_equal(rows_int(r, 0, 3), 0);
	assert_int_equal(rows_int(r, 1, 3), 1);
	assert_int_equal(rows_int(r, 0, 11), 0);	/* no plan */
	assert_int_equal(rows_int(r, 0, 5), -1);
	/* The overview: without a plan, by day. */
	must(run(c, a, Q_ADULT_DUE, ARGS(store_int(cc), store_int(20600),
	    store_int(10)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 1), p1);
	assert_int_equal(rows_int(r, 0, 2), 20513);
	must(run(c, a, Q_ADULT_GET, ARGS(store_int(kase), store_int(p1)),
	    &r));
	row = rows_int(r, 0, 0);
	assert_int_equal(rows_int(r, 0, 1), 20513);
	assert_int_equal(rows_int(r, 0, 2), 0);
	must(run(c, a, Q_ADULT_PLAN_SET, ARGS(store_int(row),
	    store_text("continued_youth_care,wmo"), store_int(19000),
	    store_text("municipality"), store_null(), store_int(1),
	    store_blob(ct, sizeof(ct)), store_blob(ct, sizeof(ct)),
	    store_int(4400), store_int(1), store_int(0), store_int(coord),
	    store_int(4400)), NULL));
	/* An unknown payer is refused by the schema too. */
	assert_int_equal(run(c, a, Q_ADULT_PLAN_SET, ARGS(store_int(row),
	    store_text("wmo"), store_null(), store_text("bank"),
	    store_null(), store_int(0), store_null(), store_null(),
	    store_int(4400), store_int(1), store_int(0), store_int(coord),
	    store_int(4400)), NULL), -1);
	must(run(c, a, Q_ADULT_OF_CASE, ARGS(store_int(kase)), &r));
	assert_string_equal(rows_text(r, 0, 4), "continued_youth_care,wmo");
	assert_int_equal(rows_int(r, 0, 5), 19000);
	assert_string_equal(rows_text(r, 0, 6), "municipality");
	assert_true(rows_null(r, 0, 7));
	assert_int_equal(rows_int(r, 0, 8), 1);
	assert_false(rows_null(r, 0, 9));
	assert_int_equal(rows_int(r, 0, 11), 4400);
	assert_int_equal(rows_int(r, 0, 12), 1);
	assert_int_equal(rows_int(r, 0, 13), 0);
	assert_string_equal(rows_text(r, 0, 14), "achttienco");
	must(run(c, a, Q_ADULT_DUE, ARGS(store_int(cc), store_int(30000),
	    store_int(10)), &r));
	assert_int_equal(r->nrows, 1);			/* the other */
	assert_int_equal(rows_int(r, 0, 1), p2);
	/* The counts: one turned 18 in March 2026, with a plan. */
	must(run(c, a, Q_ADULT_COUNTS, ARGS(store_int(2026 * 12),
	    store_int(2026 * 12 + 11), store_int(20600)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), 0);		/* no region */
	assert_int_equal(rows_int(r, 0, 1), 1);
	assert_int_equal(rows_int(r, 0, 2), 1);
	assert_int_equal(rows_int(r, 0, 3), 0);
	assert_int_equal(rows_int(r, 0, 4), 0);
	must(run(c, a, Q_ADULT_COUNTS, ARGS(store_int(2026 * 12),
	    store_int(2027 * 12 + 11), store_int(30000)), &r));
	assert_int_equal(rows_int(r, 0, 1), 2);
	assert_int_equal(rows_int(r, 0, 3), 1);		/* one without */
	/* Purged: the day and the sealed fields go, the month stays. */
	must(run(c, a, Q_PURGE_CASE_ADULTHOOD, ARGS(store_int(kase)), NULL));
	must(run(c, a, Q_ADULT_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(rows_int(r, 0, 2), -1);
	assert_true(rows_null(r, 0, 9));
	assert_true(rows_null(r, 0, 10));
	must(run(c, a, Q_ADULT_COUNTS, ARGS(store_int(2026 * 12),
	    store_int(2026 * 12 + 11), store_int(20600)), &r));
	assert_int_equal(rows_int(r, 0, 1), 1);

	/* Copying: a row crosses whole (another person, for the unique
	 * pair). */
	must(run(c, a, Q_COPY_ADULT_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 19);
	memcpy(cells, r->cells, 19 * sizeof(cells[0]));
	must(run(c, a, Q_PERSON_INSERT, ARGS(store_null(), store_null(),
	    store_null(), store_null(), store_int(4100)), &r));
	cells[0] = store_int(900300);
	cells[2] = store_int(rows_int(r, 0, 0));
	must(run(c, a, Q_COPY_ADULT_INSERT, cells, 19, NULL));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

static void
test_connect_errors(void **state)
{
	struct store st;
	char path[] = "postgresql://postgres@127.0.0.1:1/none";
	char err[256];
	void *c;

	(void)state;
	memset(&st, 0, sizeof(st));
	st.path = path;
	c = store_pg_backend.connect(&st, false, err, sizeof(err));
	assert_null(c);
	assert_true(strlen(err) > 0);
	assert_null(strchr(err, '\n'));
	store_pg_backend.disconnect(NULL);

	assert_string_equal(store_pg_backend.name, "pg");
	c = conn_open(test_url, false);
	assert_int_equal(store_pg_backend.backup(c, "/nonexistent/x", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "pg_dump"));
	store_pg_backend.disconnect(c);
}

static void
test_schema_and_meta(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);

	(void)state;
	must(run(c, a, Q_SCHEMA_INIT, NOARGS, NULL));
	must(run(c, a, Q_SCHEMA_INIT, NOARGS, NULL));	/* IF NOT EXISTS */
	must(run(c, a, Q_SCHEMA_VERSION, NOARGS, &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(r->cells[0].type, SV_INT);
	assert_int_equal(rows_int(r, 0, 0), 0);
	must(run(c, a, Q_SCHEMA_RECORD, ARGS(store_int(1),
	    store_text("0001_init.pg.sql"), store_int(1700000000)), NULL));
	must(run(c, a, Q_SCHEMA_VERSION, NOARGS, &r));
	assert_int_equal(rows_int(r, 0, 0), 1);
	/* Recording the same version twice is a conflict. */
	assert_int_equal(run(c, a, Q_SCHEMA_RECORD, ARGS(store_int(1),
	    store_text("again"), store_int(1700000001)), NULL), -1);
	assert_int_equal(last_st, ST_CONFLICT);
	assert_non_null(strstr(last_err, "23505"));

	must(run(c, a, Q_META_SET, ARGS(store_text("demo"), store_text("1")),
	    NULL));
	must(run(c, a, Q_META_SET, ARGS(store_text("demo"), store_text("0")),
	    NULL));
	must(run(c, a, Q_META_GET, ARGS(store_text("demo")), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(r->ncols, 1);
	assert_int_equal(r->cells[0].type, SV_TEXT);
	assert_string_equal(rows_text(r, 0, 0), "0");
	must(run(c, a, Q_META_GET, ARGS(store_text("nothing")), &r));
	assert_int_equal(r->nrows, 0);
	assert_int_equal(r->ncols, 1);
	/* Missing parameters are NULL, as in SQLite; extra ones are refused. */
	must(run(c, a, Q_META_GET, NOARGS, &r));
	assert_int_equal(r->nrows, 0);
	assert_int_equal(run(c, a, Q_META_GET, ARGS(store_text("demo"),
	    store_int(1)), &r), -1);
	assert_int_equal(last_st, ST_INTERNAL);
	/* NOT NULL is a constraint too. */
	assert_int_equal(run(c, a, Q_META_SET, ARGS(store_text("x"),
	    store_null()), NULL), -1);
	assert_int_equal(last_st, ST_CONFLICT);
	store_pg_backend.disconnect(c);
	arena_free(a);
}

static int64_t
make_org(void *c, struct arena *a, const char *name, const char *muni)
{
	struct store_rows *r;

	must(run(c, a, Q_ORG_INSERT, ARGS(store_text(name),
	    store_text("municipality"), store_text(muni), store_int(0),
	    store_int(1700000000)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(r->cells[0].type, SV_INT);
	assert_true(rows_int(r, 0, 0) > 0);
	return rows_int(r, 0, 0);
}

static void
test_municipalities_and_orgs(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	int64_t id, id2;
	size_t i;
	bool seen = false;

	(void)state;
	must(run(c, a, Q_MUNI_UPSERT, ARGS(store_text("GM0363"),
	    store_text("Amsterdm"), store_text("Noord-Holland")), NULL));
	must(run(c, a, Q_MUNI_UPSERT, ARGS(store_text("GM0363"),
	    store_text("Amsterdam"), store_text("Noord-Holland")), NULL));
	must(run(c, a, Q_MUNI_UPSERT, ARGS(store_text("GM0034"),
	    store_text("Almere"), store_text("Flevoland")), NULL));
	must(run(c, a, Q_MUNI_GET, ARGS(store_text("GM0363")), &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 1), "Amsterdam");
	assert_string_equal(rows_text(r, 0, 2), "Noord-Holland");
	must(run(c, a, Q_MUNI_LIST, NOARGS, &r));
	assert_int_equal(r->nrows, 2);
	assert_string_equal(rows_text(r, 0, 1), "Almere");	/* by name */
	/* CHECK (length(code) = 6). */
	assert_int_equal(run(c, a, Q_MUNI_UPSERT, ARGS(store_text("GM036"),
	    store_text("x"), store_text("y")), NULL), -1);
	assert_int_equal(last_st, ST_CONFLICT);

	id = make_org(c, a, "Gemeente Amsterdam", "GM0363");
	must(run(c, a, Q_ORG_INSERT, ARGS(store_text("Politie Eenheid"),
	    store_text("police"), store_null(), store_int(1),
	    store_int(1700000000)), &r));
	id2 = rows_int(r, 0, 0);
	assert_true(id2 > id);
	must(run(c, a, Q_ORG_GET, ARGS(store_int(id)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(r->ncols, 6);
	assert_int_equal(rows_int(r, 0, 0), id);
	assert_string_equal(rows_text(r, 0, 1), "Gemeente Amsterdam");
	assert_string_equal(rows_text(r, 0, 2), "municipality");
	assert_string_equal(rows_text(r, 0, 3), "GM0363");
	assert_string_equal(rows_text(r, 0, 4), "Amsterdam");
	assert_int_equal(r->cells[5].type, SV_INT);
	assert_int_equal(rows_int(r, 0, 5), 0);
	must(run(c, a, Q_ORG_GET, ARGS(store_int(id2)), &r));
	assert_true(rows_null(r, 0, 3));
	assert_true(rows_null(r, 0, 4));
	assert_int_equal(rows_int(r, 0, 5), 1);
	must(run(c, a, Q_ORG_GET, ARGS(store_int(999999)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_ORG_BY_NAME, ARGS(store_text("Politie Eenheid")),
	    &r));
	assert_int_equal(rows_int(r, 0, 0), id2);
	must(run(c, a, Q_ORG_LIST, NOARGS, &r));
	assert_true(r->nrows >= 2);
	for (i = 0; i < r->nrows; i++)
		if (rows_int(r, i, 0) == id)
			seen = strcmp(rows_text(r, i, 4), "Amsterdam") == 0;
	assert_true(seen);

	/* UNIQUE, CHECK and FOREIGN KEY all map to ST_CONFLICT. */
	assert_int_equal(run(c, a, Q_ORG_INSERT, ARGS(store_text(
	    "Gemeente Amsterdam"), store_text("municipality"), store_null(),
	    store_int(0), store_int(1)), &r), -1);
	assert_int_equal(last_st, ST_CONFLICT);
	/* The message names the constraint, never the values. */
	assert_null(strstr(last_err, "Amsterdam"));
	assert_int_equal(run(c, a, Q_ORG_INSERT, ARGS(store_text("X"),
	    store_text("bakery"), store_null(), store_int(0), store_int(1)),
	    &r), -1);
	assert_int_equal(last_st, ST_CONFLICT);
	assert_int_equal(run(c, a, Q_ORG_INSERT, ARGS(store_text("Y"),
	    store_text("other"), store_text("GM9999"), store_int(0),
	    store_int(1)), &r), -1);
	assert_int_equal(last_st, ST_CONFLICT);
	/* Bad data is internal, and its value stays out of the message. */
	assert_int_equal(run(c, a, Q_ORG_GET, ARGS(store_text("secret42")),
	    &r), -1);
	assert_int_equal(last_st, ST_INTERNAL);
	assert_null(strstr(last_err, "secret42"));
	assert_non_null(strstr(last_err, "22P02"));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

static int64_t
make_user(void *c, struct arena *a, const char *name, int64_t org)
{
	struct store_rows *r;

	must(run(c, a, Q_USER_INSERT, ARGS(store_text(name), store_int(org),
	    store_text("advisor"), store_text("$argon2id$v=19$x"),
	    store_int(1), store_int(0), store_int(1700000100), store_null(),
	    store_null(), store_int(0), store_int(0)), &r));
	assert_int_equal(r->nrows, 1);
	return rows_int(r, 0, 0);
}

static void
test_users_and_blobs(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	unsigned char secret[256];
	const unsigned char *b;
	const char *name = "anne.o'brien-\xc3\xbc";
	int64_t org, uid, nid;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(secret); i++)
		secret[i] = (unsigned char)(255 - i);	/* 0x00 is last */
	secret[7] = 0;
	org = make_org(c, a, "Zorgcoordinatie Noord", NULL);
	uid = make_user(c, a, name, org);

	must(run(c, a, Q_USER_SET_TOTP, ARGS(store_int(uid),
	    store_blob(secret, sizeof(secret))), NULL));
	must(run(c, a, Q_USER_BY_NAME, ARGS(store_text(name)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(r->ncols, 10);
	assert_int_equal(rows_int(r, 0, 9), 1);		/* usable */
	assert_int_equal(rows_int(r, 0, 0), uid);
	assert_int_equal(rows_int(r, 0, 1), org);
	assert_string_equal(rows_text(r, 0, 2), "advisor");
	assert_string_equal(rows_text(r, 0, 3), "$argon2id$v=19$x");
	assert_int_equal(r->cells[4].type, SV_BLOB);
	b = rows_blob(r, 0, 4, &n);
	assert_int_equal(n, sizeof(secret));
	assert_memory_equal(b, secret, sizeof(secret));
	assert_int_equal(b[n], 0);		/* a NUL-terminated copy */
	assert_int_equal(rows_int(r, 0, 5), 1);
	assert_int_equal(rows_int(r, 0, 6), 0);
	assert_int_equal(rows_int(r, 0, 7), 0);
	assert_int_equal(rows_int(r, 0, 8), 0);

	/* An empty blob stays an empty blob, a NULL one NULL. */
	must(run(c, a, Q_USER_SET_TOTP, ARGS(store_int(uid),
	    store_blob("", 0)), NULL));
	must(run(c, a, Q_USER_BY_NAME, ARGS(store_text(name)), &r));
	assert_int_equal(r->cells[4].type, SV_BLOB);
	rows_blob(r, 0, 4, &n);
	assert_int_equal(n, 0);
	must(run(c, a, Q_USER_SET_TOTP, ARGS(store_int(uid), store_null()),
	    NULL));
	must(run(c, a, Q_USER_BY_NAME, ARGS(store_text(name)), &r));
	assert_true(rows_null(r, 0, 4));

	must(run(c, a, Q_USER_SET_PASSWORD, ARGS(store_int(uid),
	    store_text("$argon2id$v=19$y")), NULL));
	must(run(c, a, Q_USER_LOGGED_IN, ARGS(store_int(uid),
	    store_int(1700000200), store_int(56666673)), NULL));
	must(run(c, a, Q_USER_GET, ARGS(store_int(uid)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(r->ncols, 20);
	assert_string_equal(rows_text(r, 0, 1), name);
	assert_int_equal(rows_int(r, 0, 2), org);
	assert_string_equal(rows_text(r, 0, 3), "Zorgcoordinatie Noord");
	assert_string_equal(rows_text(r, 0, 4), "advisor");
	assert_int_equal(rows_int(r, 0, 6), 0);
	assert_int_equal(rows_int(r, 0, 7), 1);
	assert_int_equal(rows_int(r, 0, 8), 1700000100);
	assert_int_equal(rows_int(r, 0, 9), 1700000200);
	must(run(c, a, Q_USER_SET_DISABLED, ARGS(store_int(uid),
	    store_int(1)), NULL));
	must(run(c, a, Q_USER_BY_NAME, ARGS(store_text(name)), &r));
	assert_string_equal(rows_text(r, 0, 3), "$argon2id$v=19$y");
	assert_int_equal(rows_int(r, 0, 6), 56666673);
	assert_int_equal(rows_int(r, 0, 8), 1);
	must(run(c, a, Q_USER_LIST, NOARGS, &r));
	assert_true(r->nrows >= 1);
	assert_int_equal(r->ncols, 20);

	assert_int_equal(run(c, a, Q_USER_INSERT, ARGS(store_text(name),
	    store_int(org), store_text("advisor"), store_text("h"),
	    store_int(0), store_int(0), store_int(1), store_null(),
	    store_null(), store_int(0), store_int(0)), &r), -1);
	assert_int_equal(last_st, ST_CONFLICT);
	assert_null(strstr(last_err, "brien"));
	assert_int_equal(run(c, a, Q_USER_INSERT, ARGS(store_text("bob"),
	    store_int(org), store_text("king"), store_text("h"),
	    store_int(0), store_int(0), store_int(1), store_null(),
	    store_null(), store_int(0), store_int(0)), &r), -1);
	assert_int_equal(last_st, ST_CONFLICT);

	/* Four eyes: an account made by uid, waiting, approved, enrolled. */
	must(run(c, a, Q_USER_INSERT, ARGS(store_text("nieuw"),
	    store_int(org), store_text("advisor"), store_text("!"),
	    store_int(1), store_int(0), store_int(1700000300), store_null(),
	    store_int(uid), store_int(1), store_int(1)), &r));
	nid = rows_int(r, 0, 0);
	must(run(c, a, Q_USER_BY_NAME, ARGS(store_text("nieuw")), &r));
	assert_int_equal(rows_int(r, 0, 9), 0);		/* not usable */
	must(run(c, a, Q_USER_PENDING, ARGS(store_int(0), store_int(org)),
	    &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), nid);
	assert_int_equal(rows_int(r, 0, 16), uid);	/* created_by */
	must(run(c, a, Q_USER_PENDING, ARGS(store_int(0), store_int(org + 1)),
	    &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_USER_APPROVE, ARGS(store_int(nid), store_int(uid),
	    store_int(1700000400)), NULL));
	must(run(c, a, Q_USER_PENDING, ARGS(store_int(1), store_int(0)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_USER_SET_ENROL, ARGS(store_int(nid),
	    store_blob(secret, 32), store_int(1700000500)), NULL));
	must(run(c, a, Q_USER_BY_ENROL, ARGS(store_blob(secret, 32)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(r->ncols, 9);
	assert_int_equal(rows_int(r, 0, 0), nid);
	assert_int_equal(rows_int(r, 0, 3), 1700000500);
	assert_int_equal(rows_int(r, 0, 7), 0);		/* not usable yet */
	assert_int_equal(rows_int(r, 0, 8), 1);		/* approved */
	must(run(c, a, Q_USER_ENROL, ARGS(store_int(nid),
	    store_text("$argon2id$v=19$z"), store_int(1700000600),
	    store_int(56666680)), NULL));
	must(run(c, a, Q_USER_BY_ENROL, ARGS(store_blob(secret, 32)), &r));
	assert_int_equal(r->nrows, 0);			/* the link died */
	must(run(c, a, Q_USER_SET_APPROVER, ARGS(store_int(nid),
	    store_int(1)), NULL));
	must(run(c, a, Q_USER_SET_REAL_NAME, ARGS(store_int(nid),
	    store_blob(secret, 32)), NULL));
	must(run(c, a, Q_USER_SET_CONTACT, ARGS(store_int(nid),
	    store_blob(secret, 16), store_text("020 555 01 01")), NULL));
	must(run(c, a, Q_USER_GET, ARGS(store_int(nid)), &r));
	assert_int_equal(rows_int(r, 0, 11), 1);	/* needs_approval */
	assert_int_equal(rows_int(r, 0, 12), 1700000400);
	assert_int_equal(rows_int(r, 0, 14), 1700000600);
	assert_int_equal(rows_int(r, 0, 15), 1);	/* approver */
	must(run(c, a, Q_USER_BY_NAME, ARGS(store_text("nieuw")), &r));
	assert_int_equal(rows_int(r, 0, 9), 1);		/* usable */
	store_pg_backend.disconnect(c);
	arena_free(a);
}

static void
test_login_failures(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);

	(void)state;
	must(run(c, a, Q_LOGINFAIL_SET, ARGS(store_text("nobody"),
	    store_int(1), store_int(1700000000), store_int(0)), NULL));
	must(run(c, a, Q_LOGINFAIL_SET, ARGS(store_text("nobody"),
	    store_int(5), store_int(1700000000), store_int(INT64_MAX)),
	    NULL));
	must(run(c, a, Q_LOGINFAIL_GET, ARGS(store_text("nobody")), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), 5);
	assert_int_equal(rows_int(r, 0, 1), 1700000000);
	assert_true(rows_int(r, 0, 2) == INT64_MAX);
	must(run(c, a, Q_LOGINFAIL_CLEAR, ARGS(store_text("nobody")), NULL));
	must(run(c, a, Q_LOGINFAIL_GET, ARGS(store_text("nobody")), &r));
	assert_int_equal(r->nrows, 0);
	store_pg_backend.disconnect(c);
	arena_free(a);
}

static void
test_sessions_and_tokens(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	unsigned char h1[32], h2[32], h3[32];
	int64_t org, uid, sid, sid2, tid;

	(void)state;
	memset(h1, 0, sizeof(h1));
	memset(h2, 0, sizeof(h2));
	memset(h3, 0xab, sizeof(h3));
	h1[31] = 1;				/* differs only at the end */
	h2[31] = 2;
	org = make_org(c, a, "Meldpunt Mensenhandel", NULL);
	uid = make_user(c, a, "carla", org);

	must(run(c, a, Q_SESSION_INSERT, ARGS(store_blob(h1, sizeof(h1)),
	    store_int(uid), store_int(1000), store_int(5000)), &r));
	sid = rows_int(r, 0, 0);
	must(run(c, a, Q_SESSION_INSERT, ARGS(store_blob(h2, sizeof(h2)),
	    store_int(uid), store_int(1000), store_int(9000)), &r));
	sid2 = rows_int(r, 0, 0);
	assert_int_not_equal(sid, sid2);
	/* The same hash twice: UNIQUE. */
	assert_int_equal(run(c, a, Q_SESSION_INSERT, ARGS(store_blob(h1,
	    sizeof(h1)), store_int(uid), store_int(1), store_int(2)), &r),
	    -1);
	assert_int_equal(last_st, ST_CONFLICT);
	must(run(c, a, Q_SESSION_LOOKUP, ARGS(store_blob(h1, sizeof(h1))),
	    &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(r->ncols, 11);
	assert_int_equal(rows_int(r, 0, 0), sid);
	assert_int_equal(rows_int(r, 0, 1), uid);
	assert_int_equal(rows_int(r, 0, 2), 1000);	/* ?3 used twice */
	assert_int_equal(rows_int(r, 0, 3), 5000);
	assert_int_equal(rows_int(r, 0, 4), org);
	assert_string_equal(rows_text(r, 0, 5), "advisor");
	assert_string_equal(rows_text(r, 0, 8), "carla");
	assert_string_equal(rows_text(r, 0, 9), "Meldpunt Mensenhandel");
	must(run(c, a, Q_SESSION_TOUCH, ARGS(store_int(sid),
	    store_int(2000)), NULL));
	must(run(c, a, Q_SESSION_LOOKUP, ARGS(store_blob(h1, sizeof(h1))),
	    &r));
	assert_int_equal(rows_int(r, 0, 2), 2000);
	/* Purge: expired (5000 <= 6000) goes, the other stays. */
	must(run(c, a, Q_SESSION_PURGE, ARGS(store_int(6000),
	    store_int(500)), NULL));
	must(run(c, a, Q_SESSION_LOOKUP, ARGS(store_blob(h1, sizeof(h1))),
	    &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_SESSION_LOOKUP, ARGS(store_blob(h2, sizeof(h2))),
	    &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_SESSION_DELETE, ARGS(store_int(sid2)), NULL));
	must(run(c, a, Q_SESSION_LOOKUP, ARGS(store_blob(h2, sizeof(h2))),
	    &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_SESSION_INSERT, ARGS(store_blob(h2, sizeof(h2)),
	    store_int(uid), store_int(1000), store_int(9000)), &r));
	must(run(c, a, Q_SESSION_DELETE_USER, ARGS(store_int(uid)), NULL));
	must(run(c, a, Q_SESSION_LOOKUP, ARGS(store_blob(h2, sizeof(h2))),
	    &r));
	assert_int_equal(r->nrows, 0);

	must(run(c, a, Q_TOKEN_INSERT, ARGS(store_blob(h3, sizeof(h3)),
	    store_int(uid), store_text("export script"), store_int(1000)),
	    &r));
	tid = rows_int(r, 0, 0);
	must(run(c, a, Q_TOKEN_LOOKUP, ARGS(store_blob(h3, sizeof(h3))), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(r->ncols, 7);
	assert_int_equal(rows_int(r, 0, 0), tid);
	assert_int_equal(rows_int(r, 0, 1), uid);
	assert_int_equal(rows_int(r, 0, 2), org);
	assert_int_equal(r->cells[6].type, SV_INT);	/* COALESCE */
	assert_int_equal(rows_int(r, 0, 6), 0);
	must(run(c, a, Q_TOKEN_USED, ARGS(store_int(tid), store_int(3000)),
	    NULL));
	must(run(c, a, Q_TOKEN_LOOKUP, ARGS(store_blob(h3, sizeof(h3))), &r));
	assert_int_equal(rows_int(r, 0, 6), 3000);
	/* A user that does not exist: FOREIGN KEY. */
	assert_int_equal(run(c, a, Q_TOKEN_INSERT, ARGS(store_blob(h1,
	    sizeof(h1)), store_int(987654), store_text("x"), store_int(1)),
	    &r), -1);
	assert_int_equal(last_st, ST_CONFLICT);
	store_pg_backend.disconnect(c);
	arena_free(a);
}

static void
test_audit(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	unsigned char prev[32], hash[32];
	const unsigned char *b;
	int64_t org, uid, id;
	size_t n;

	(void)state;
	org = make_org(c, a, "Coordinatiepunt Oost", NULL);
	uid = make_user(c, a, "dirk", org);
	must(run(c, a, Q_AUDIT_LAST, NOARGS, &r));
	assert_int_equal(r->nrows, 0);
	memset(prev, 0, sizeof(prev));
	for (id = 1; id <= 3; id++) {
		memset(hash, (int)id, sizeof(hash));
		hash[0] = 0;
		must(run(c, a, Q_AUDIT_INSERT, ARGS(store_int(id),
		    store_int(1700000000 + id), store_int(uid),
		    store_int(org), store_text("advisor"),
		    store_text("user.update"), store_text("user"),
		    store_int(uid), id == 2 ? store_text("on request") :
		    store_null(), store_text("127.0.0.1"),
		    store_text("req-1"), store_blob(prev, sizeof(prev)),
		    store_blob(hash, sizeof(hash))), NULL));
		memcpy(prev, hash, sizeof(prev));
	}
	/* Ids are the code's: a duplicate is a conflict. */
	assert_int_equal(run(c, a, Q_AUDIT_INSERT, ARGS(store_int(3),
	    store_int(1), store_null(), store_null(), store_null(),
	    store_text("x"), store_null(), store_null(), store_null(),
	    store_null(), store_null(), store_blob(prev, 1),
	    store_blob(hash, 1)), NULL), -1);
	assert_int_equal(last_st, ST_CONFLICT);

	must(run(c, a, Q_AUDIT_LAST, NOARGS, &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), 3);
	b = rows_blob(r, 0, 1, &n);
	assert_int_equal(n, sizeof(hash));
	assert_memory_equal(b, hash, sizeof(hash));
	must(run(c, a, Q_TABLE_COUNT_AUDIT, NOARGS, &r));
	assert_int_equal(rows_int(r, 0, 0), 3);
	must(run(c, a, Q_AUDIT_PAGE, ARGS(store_int(1), store_int(10)), &r));
	assert_int_equal(r->nrows, 2);
	assert_int_equal(r->ncols, 13);
	assert_int_equal(rows_int(r, 0, 0), 2);
	assert_string_equal(rows_text(r, 0, 8), "on request");
	assert_true(rows_null(r, 1, 8));
	b = rows_blob(r, 1, 11, &n);			/* prev_hash of 3 */
	assert_int_equal(n, 32);
	assert_int_equal(b[0], 0);
	assert_int_equal(b[1], 2);
	must(run(c, a, Q_AUDIT_PAGE, ARGS(store_int(0), store_int(1)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_AUDIT_FOR_OBJECT, ARGS(store_text("user"),
	    store_int(uid), store_int(2)), &r));
	assert_int_equal(r->nrows, 2);
	assert_int_equal(r->ncols, 8);
	assert_int_equal(rows_int(r, 0, 0), 3);		/* newest first */
	assert_string_equal(rows_text(r, 0, 3), "dirk");
	assert_string_equal(rows_text(r, 0, 6), "user.update");
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* What store.c's group commit does, including a write that fails. */
static void
test_savepoints(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);

	(void)state;
	must(script(c, store_pg_backend.begin_sql));
	must(script(c, "SAVEPOINT w"));
	must(run(c, a, Q_META_SET, ARGS(store_text("sp1"), store_text("a")),
	    NULL));
	assert_int_equal(run(c, a, Q_META_SET, ARGS(store_text("sp1"),
	    store_null()), NULL), -1);
	assert_int_equal(last_st, ST_CONFLICT);
	must(script(c, "ROLLBACK TO w"));
	must(script(c, "RELEASE w"));
	must(script(c, "SAVEPOINT w"));
	must(run(c, a, Q_META_SET, ARGS(store_text("sp2"), store_text("b")),
	    NULL));
	must(script(c, "RELEASE w"));
	must(script(c, "COMMIT"));
	must(run(c, a, Q_META_GET, ARGS(store_text("sp1")), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_META_GET, ARGS(store_text("sp2")), &r));
	assert_int_equal(r->nrows, 1);

	/* Script errors map like statement errors. */
	assert_int_equal(script(c, "SELECT 1/0"), -1);
	assert_int_equal(last_st, ST_INTERNAL);
	assert_non_null(strstr(last_err, "22012"));
	assert_int_equal(script(c, "SELEC 1"), -1);
	assert_int_equal(last_st, ST_INTERNAL);
	must(script(c, "SELECT 1; SELECT 2"));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

static void
test_readonly(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, true);

	(void)state;
	must(run(c, a, Q_META_GET, ARGS(store_text("demo")), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(run(c, a, Q_META_SET, ARGS(store_text("ro"),
	    store_text("x")), NULL), -1);
	assert_int_equal(last_st, ST_INTERNAL);
	assert_non_null(strstr(last_err, "25006"));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

struct locker {
	void		*conn;
	int		 rc;
	bool		 begun;		/* atomic */
};

static void *
second_writer(void *p)
{
	struct locker *l = p;
	enum status st;
	char err[256];

	l->rc = store_pg_backend.script(l->conn, store_pg_backend.begin_sql,
	    &st, err, sizeof(err));
	__atomic_store_n(&l->begun, true, __ATOMIC_SEQ_CST);
	if (l->rc == 0)
		l->rc = store_pg_backend.script(l->conn, "COMMIT", &st, err,
		    sizeof(err));
	return NULL;
}

/* Writers of different processes take turns: the advisory lock. */
static void
test_writers_serialised(void **state)
{
	struct timespec ts = { 0, 300 * 1000 * 1000 };
	struct locker l = { 0 };
	pthread_t t;
	void *c1 = conn_open(test_url, false);

	(void)state;
	l.conn = conn_open(test_url, false);
	must(script(c1, store_pg_backend.begin_sql));
	assert_int_equal(pthread_create(&t, NULL, second_writer, &l), 0);
	nanosleep(&ts, NULL);
	assert_false(__atomic_load_n(&l.begun, __ATOMIC_SEQ_CST));
	must(script(c1, "COMMIT"));
	pthread_join(t, NULL);
	assert_true(l.begun);
	assert_int_equal(l.rc, 0);
	store_pg_backend.disconnect(l.conn);
	store_pg_backend.disconnect(c1);
}

/* The backend killed between statements: one failure, then it works. */
static void
test_lost_connection(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = victim_open("schakel_victim1");

	(void)state;
	must(run(c, a, Q_META_GET, ARGS(store_text("demo")), &r));
	kill_backend("schakel_victim1");
	assert_int_equal(run(c, a, Q_META_GET, ARGS(store_text("demo")), &r),
	    -1);
	assert_int_equal(last_st, ST_UNAVAILABLE);
	/* Reconnected and prepared again, on the same object. */
	must(run(c, a, Q_META_GET, ARGS(store_text("demo")), &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 0), "0");
	kill_backend("schakel_victim1");
	assert_int_equal(script(c, "SELECT 1"), -1);
	assert_int_equal(last_st, ST_UNAVAILABLE);
	must(script(c, "SELECT 1"));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* Killed inside a transaction: nothing may pretend to commit. */
static void
test_lost_transaction(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = victim_open("schakel_victim2");

	(void)state;
	must(script(c, store_pg_backend.begin_sql));
	must(script(c, "SAVEPOINT w"));
	must(run(c, a, Q_META_SET, ARGS(store_text("lost"), store_text("1")),
	    NULL));
	must(script(c, "RELEASE w"));
	kill_backend("schakel_victim2");
	assert_int_equal(script(c, "SAVEPOINT w"), -1);
	assert_int_equal(last_st, ST_UNAVAILABLE);
	/* The session is back, but the transaction is not. */
	assert_int_equal(run(c, a, Q_META_SET, ARGS(store_text("lost2"),
	    store_text("1")), NULL), -1);
	assert_int_equal(last_st, ST_UNAVAILABLE);
	assert_int_equal(script(c, "ROLLBACK TO w"), -1);
	assert_int_equal(script(c, "COMMIT"), -1);
	assert_int_equal(last_st, ST_UNAVAILABLE);
	must(script(c, "ROLLBACK"));
	must(run(c, a, Q_META_GET, ARGS(store_text("lost")), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_META_GET, ARGS(store_text("lost2")), &r));
	assert_int_equal(r->nrows, 0);

	/* BEGIN also starts afresh. */
	must(script(c, store_pg_backend.begin_sql));
	kill_backend("schakel_victim2");
	assert_int_equal(script(c, "COMMIT"), -1);
	must(script(c, store_pg_backend.begin_sql));
	must(run(c, a, Q_META_SET, ARGS(store_text("kept"), store_text("1")),
	    NULL));
	must(script(c, "COMMIT"));
	must(run(c, a, Q_META_GET, ARGS(store_text("kept")), &r));
	assert_int_equal(r->nrows, 1);
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* The whole cluster stopped and started again under a connection. */
static void
test_cluster_restart(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	void *ro = conn_open(test_url, true);

	(void)state;
	must(run(c, a, Q_META_GET, ARGS(store_text("demo")), &r));
	must(run(ro, a, Q_META_GET, ARGS(store_text("demo")), &r));
	pg_sh("stop");
	assert_int_equal(run(c, a, Q_META_GET, ARGS(store_text("demo")), &r),
	    -1);
	assert_int_equal(last_st, ST_UNAVAILABLE);
	assert_int_equal(run(c, a, Q_META_GET, ARGS(store_text("demo")), &r),
	    -1);
	assert_int_equal(last_st, ST_UNAVAILABLE);
	assert_int_equal(script(ro, "SELECT 1"), -1);
	assert_int_equal(last_st, ST_UNAVAILABLE);
	pg_sh("start");
	must(run(c, a, Q_META_GET, ARGS(store_text("demo")), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_META_SET, ARGS(store_text("after"),
	    store_text("restart")), NULL));
	/* The read-only setting came back with the session. */
	must(run(ro, a, Q_META_GET, ARGS(store_text("after")), &r));
	assert_string_equal(rows_text(r, 0, 0), "restart");
	assert_int_equal(run(ro, a, Q_META_SET, ARGS(store_text("ro"),
	    store_text("x")), NULL), -1);
	assert_non_null(strstr(last_err, "25006"));
	store_pg_backend.disconnect(ro);
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* Whatever happened above, leave the cluster running. */
static int
cluster_up(void **state)
{
	(void)state;
	pg_sh("start");
	return 0;
}

/* Regions and signals: the statements of domain/region.c and
 * domain/signal.c, with sealed fields as opaque bytes. */
static void
test_regions_and_signals(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	unsigned char ct[40], bi[32];
	struct store_value cells[25];
	const unsigned char *blob;
	int64_t org, uid, region, sig, person, unrouted;
	size_t len;

	(void)state;
	memset(ct, 0, sizeof(ct));
	ct[5] = 0x42;
	memset(bi, 7, sizeof(bi));
	org = make_org(c, a, "Veilig Thuis Test", "GM0363");
	uid = make_user(c, a, "melder", org);
	must(run(c, a, Q_REGION_INSERT, ARGS(store_text("VT Test"),
	    store_text("veilig_thuis"), store_int(1)), &r));
	region = rows_int(r, 0, 0);
	must(run(c, a, Q_REGION_ADD_MUNI, ARGS(store_int(region),
	    store_text("GM0363")), NULL));
	must(run(c, a, Q_REGION_ADD_ORG, ARGS(store_int(org),
	    store_int(region)), NULL));
	must(run(c, a, Q_REGION_BY_NAME, ARGS(store_text("VT Test")), &r));
	assert_int_equal(rows_int(r, 0, 0), region);
	must(run(c, a, Q_REGION_FOR_MUNI, ARGS(store_text("GM0363")), &r));
	assert_int_equal(rows_int(r, 0, 0), region);
	must(run(c, a, Q_REGION_LIST, NOARGS, &r));
	assert_true(r->nrows >= 1);
	must(run(c, a, Q_REGION_GET, ARGS(store_int(region)), &r));
	assert_string_equal(rows_text(r, 0, 2), "veilig_thuis");
	must(run(c, a, Q_REGION_MUNIS, ARGS(store_int(region)), &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 0), "GM0363");
	must(run(c, a, Q_REGION_ORGS, ARGS(store_int(region)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), org);
	must(run(c, a, Q_REGION_RENAME, ARGS(store_int(region),
	    store_text("VT Test 2")), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_REGION_CLEAR_MUNIS, ARGS(store_int(region)), NULL));
	must(run(c, a, Q_REGION_CLEAR_ORGS, ARGS(store_int(region)), NULL));
	must(run(c, a, Q_REGION_MUNIS, ARGS(store_int(region)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_REGION_RENAME, ARGS(store_int(region),
	    store_text("VT Test")), NULL));
	must(run(c, a, Q_REGION_ADD_MUNI, ARGS(store_int(region),
	    store_text("GM0363")), NULL));
	must(run(c, a, Q_REGION_ADD_ORG, ARGS(store_int(org),
	    store_int(region)), NULL));

	must(run(c, a, Q_SIGNAL_INSERT, ARGS(store_int(uid), store_int(org),
	    store_int(region), store_text("GM0363"), store_null(),
	    store_text("acute"), store_text("labour"), store_text("OM-1a-1"),
	    store_int(5000), store_int(4000), store_text("SAFE-PLAN")), &r));
	sig = rows_int(r, 0, 0);
	must(run(c, a, Q_SIGNAL_SEAL, ARGS(store_int(sig),
	    store_blob(ct, sizeof(ct)), store_null()), NULL));
	must(run(c, a, Q_SIGNAL_PERSON_INSERT, ARGS(store_int(sig),
	    store_text("victim"), store_text("16-17"), store_null(),
	    store_text("eu"), store_text("minor")), &r));
	person = rows_int(r, 0, 0);
	must(run(c, a, Q_SIGNAL_PERSON_SEAL, ARGS(store_int(person),
	    store_blob(ct, sizeof(ct)), store_blob(bi, sizeof(bi)),
	    store_null()), NULL));
	must(run(c, a, Q_SIGNAL_MINE, ARGS(store_int(uid), store_text(""),
	    store_int(0), store_text(""), store_int(10), store_int(0)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_SIGNAL_MINE_COUNT, ARGS(store_int(uid),
	    store_text("%sterdam%"), store_int(sig), store_text("S-X")), &r));
	assert_int_equal(rows_int(r, 0, 0), 1);
	must(run(c, a, Q_SIGNAL_MINE_WAITING, ARGS(store_int(uid),
	    store_int(50)), &r));
	assert_int_equal(r->nrows, 0);
	/* The queue's view, its search and its count. */
	must(run(c, a, Q_SIGNAL_QUEUE, ARGS(store_int(org), store_int(0),
	    store_int(INT64_MAX), store_int(uid), store_int(0),
	    store_text("all"), store_text(""), store_int(0), store_text(""),
	    store_int(10), store_int(0)), &r));
	assert_true(r->nrows >= 1);
	assert_int_equal(r->ncols, 14);
	assert_int_equal(rows_int(r, 0, 7), 1);		/* one person */
	assert_int_equal(rows_int(r, 0, 11), 1);	/* new */
	assert_int_equal(rows_int(r, 0, 12), 0);	/* no answer */
	must(run(c, a, Q_SIGNAL_SEEN, ARGS(store_int(sig), store_int(uid),
	    store_int(4100)), NULL));
	must(run(c, a, Q_SIGNAL_SEEN, ARGS(store_int(sig), store_int(uid),
	    store_int(4200)), NULL));
	must(run(c, a, Q_SIGNAL_QUEUE_COUNT, ARGS(store_int(org),
	    store_int(0), store_int(INT64_MAX), store_int(uid), store_int(0),
	    store_text("acute"), store_text("%nothing%"), store_int(sig),
	    store_text("")), &r));
	assert_int_equal(rows_int(r, 0, 0), 1);
	must(run(c, a, Q_SIGNAL_QUEUE_COUNT, ARGS(store_int(org),
	    store_int(0), store_int(INT64_MAX), store_int(uid), store_int(0),
	    store_text("decided"), store_text(""), store_int(0),
	    store_text("")), &r));
	assert_int_equal(rows_int(r, 0, 0), 0);
	must(run(c, a, Q_SIGNAL_OVERVIEW, ARGS(store_int(org), store_int(0),
	    store_int(INT64_MAX), store_int(uid), store_int(0)), &r));
	assert_int_equal(r->ncols, 11);
	assert_true(rows_int(r, 0, 0) + rows_int(r, 0, 1) >= 1);
	assert_int_equal(rows_int(r, 0, 2), 0);		/* none overdue */
	assert_int_equal(rows_int(r, 0, 4), 1);		/* acute */
	assert_int_equal(rows_int(r, 0, 10), 1);	/* open */
	must(run(c, a, Q_COPY_SEEN_ALL, NOARGS, &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 2), 4200);
	must(run(c, a, Q_COPY_SEEN_INSERT, ARGS(store_int(sig),
	    store_int(make_user(c, a, "kijker", org)), store_int(4300)),
	    NULL));
	must(run(c, a, Q_SIGNAL_PUBLIC_MARK, ARGS(store_int(sig),
	    store_blob(ct, sizeof(ct)), store_text("S-TEST-0001"),
	    store_blob(bi, sizeof(bi))), NULL));
	must(run(c, a, Q_SIGNAL_BY_RECEIPT, ARGS(store_text("S-TEST-0001")),
	    &r));
	assert_int_equal(rows_int(r, 0, 0), sig);
	/* The public form's challenge, once, and its budget. */
	must(run(c, a, Q_PUBLIC_CHALLENGE_PURGE, ARGS(store_int(4000)), NULL));
	must(run(c, a, Q_PUBLIC_CHALLENGE_USE, ARGS(store_text("ab12"),
	    store_int(5000)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_PUBLIC_CHALLENGE_USE, ARGS(store_text("ab12"),
	    store_int(5000)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_PUBLIC_BUDGET_COUNT, ARGS(store_text("GM0363"),
	    store_int(3999)), &r));
	assert_int_equal(rows_int(r, 0, 0), 1);
	assert_int_equal(rows_int(r, 0, 1), 1);
	assert_int_equal(rows_int(r, 0, 3), 4000);
	must(run(c, a, Q_PUBLIC_BUDGET_COUNT, ARGS(store_text("GM0014"),
	    store_int(3999)), &r));
	assert_int_equal(rows_int(r, 0, 1), 0);
	must(run(c, a, Q_PUBLIC_REFUSAL_PURGE, ARGS(store_int(4000)), NULL));
	must(run(c, a, Q_PUBLIC_REFUSAL_INSERT, ARGS(store_int(4000),
	    store_text("GM0363"), store_text("total")), NULL));
	must(run(c, a, Q_PUBLIC_REFUSALS, ARGS(store_int(org),
	    store_int(3999)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 2), 1);
	assert_int_equal(rows_int(r, 0, 5), 1);
	must(run(c, a, Q_SIGNAL_GET, ARGS(store_int(sig)), &r));
	assert_int_equal(rows_int(r, 0, 22), 1);	/* unverified */
	assert_string_equal(rows_text(r, 0, 24), "SAFE-PLAN");
	blob = rows_blob(r, 0, 10, &len);
	assert_int_equal(len, sizeof(ct));
	assert_memory_equal(blob, ct, sizeof(ct));
	must(run(c, a, Q_SIGNAL_PERSONS, ARGS(store_int(sig)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_SIGNAL_IN_ORG_REGION, ARGS(store_int(org),
	    store_int(region)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_SIGNAL_CLAIM, ARGS(store_int(sig), store_int(uid),
	    store_int(4100)), &r));
	assert_int_equal(r->nrows, 1);
	/* A second claim finds nothing to claim. */
	must(run(c, a, Q_SIGNAL_CLAIM, ARGS(store_int(sig), store_int(uid),
	    store_int(4100)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_SIGNAL_DECIDE, ARGS(store_int(sig),
	    store_text("closed"), store_text("advice_given"), store_null(),
	    store_null(), store_int(4200), store_int(uid)), &r));
	assert_int_equal(r->nrows, 1);

	/* Matching: a second signal from another organisation with the
	 * same blind index finds the first, and the link goes both ways. */
	{
		int64_t org2 = make_org(c, a, "Politie Test", NULL);
		int64_t uid2 = make_user(c, a, "agent", org2), sig2, p2;

		must(run(c, a, Q_SIGNAL_INSERT, ARGS(store_int(uid2),
		    store_int(org2), store_null(), store_text("GM0363"),
		    store_null(), store_text("days"), store_text(""),
		    store_text(""), store_int(5000), store_int(4300),
		    store_text("")), &r));
		sig2 = rows_int(r, 0, 0);
		must(run(c, a, Q_SIGNAL_PERSON_INSERT, ARGS(store_int(sig2),
		    store_text("victim"), store_null(), store_null(),
		    store_null(), store_text("")), &r));
		p2 = rows_int(r, 0, 0);
		must(run(c, a, Q_MATCH_FIND, ARGS(store_blob(bi, sizeof(bi)),
		    store_null(), store_int(sig2), store_int(org2)), &r));
		/* The first signal is closed by now: no match. */
		assert_int_equal(r->nrows, 0);
		must(run(c, a, Q_MATCH_INSERT, ARGS(store_int(p2),
		    store_int(person), store_int(sig2), store_int(sig),
		    store_text("id"), store_int(4400)), NULL));
		/* Twice is once. */
		must(run(c, a, Q_MATCH_INSERT, ARGS(store_int(p2),
		    store_int(person), store_int(sig2), store_int(sig),
		    store_text("id"), store_int(4400)), NULL));
		must(run(c, a, Q_MATCH_FOR_SIGNAL, ARGS(store_int(sig)), &r));
		assert_int_equal(r->nrows, 1);
		assert_string_equal(rows_text(r, 0, 0), "agent");
		assert_string_equal(rows_text(r, 0, 1), "Politie Test");
		must(run(c, a, Q_MATCH_FOR_SIGNAL, ARGS(store_int(sig2)), &r));
		assert_string_equal(rows_text(r, 0, 0), "melder");
		must(run(c, a, Q_COPY_MATCH_ALL, NOARGS, &r));
		assert_int_equal(r->ncols, 7);
		assert_int_equal(r->nrows, 1);
		must(run(c, a, Q_COPY_MATCH_INSERT, ARGS(store_int(800004),
		    store_int(person), store_int(p2), store_int(sig),
		    store_int(sig2), store_text("name_dob"), store_int(1)),
		    NULL));
	}
	/* A question to the reporter, answered once. */
	{
		int64_t q;

		must(run(c, a, Q_QUESTION_INSERT, ARGS(store_int(sig),
		    store_int(uid), store_blob("", 0), store_int(4700)), &r));
		q = rows_int(r, 0, 0);
		must(run(c, a, Q_QUESTION_SEAL, ARGS(store_int(q),
		    store_blob(ct, sizeof(ct))), NULL));
		must(run(c, a, Q_QUESTION_ANSWER, ARGS(store_int(q),
		    store_int(sig), store_blob(ct, sizeof(ct)),
		    store_int(4800)), &r));
		assert_int_equal(r->nrows, 1);
		assert_int_equal(rows_int(r, 0, 1), uid);
		must(run(c, a, Q_QUESTION_OPEN, ARGS(store_int(sig)), &r));
		assert_int_equal(rows_int(r, 0, 0), 0);
		must(run(c, a, Q_QUESTION_ANSWER, ARGS(store_int(q),
		    store_int(sig), store_blob(ct, sizeof(ct)),
		    store_int(4800)), &r));
		assert_int_equal(r->nrows, 0);
		must(run(c, a, Q_QUESTION_FOR_SIGNAL, ARGS(store_int(sig)),
		    &r));
		assert_int_equal(r->nrows, 1);
		assert_string_equal(rows_text(r, 0, 5), "melder");
		must(run(c, a, Q_COPY_QUESTION_ALL, NOARGS, &r));
		assert_int_equal(r->ncols, 7);
		memcpy(cells, r->cells, 7 * sizeof(cells[0]));
		cells[0] = store_int(800006);
		must(run(c, a, Q_COPY_QUESTION_INSERT, cells, 7, NULL));
	}
	/* Advice: asked, sealed, listed, answered once. */
	{
		int64_t adv;

		must(run(c, a, Q_ADVICE_INSERT, ARGS(store_int(uid),
		    store_int(org), store_int(region), store_text("GM0363"),
		    store_blob("", 0), store_int(4500)), &r));
		adv = rows_int(r, 0, 0);
		must(run(c, a, Q_ADVICE_SEAL, ARGS(store_int(adv),
		    store_blob(ct, sizeof(ct))), NULL));
		must(run(c, a, Q_ADVICE_MINE, ARGS(store_int(uid),
		    store_int(10)), &r));
		assert_int_equal(r->nrows, 1);
		must(run(c, a, Q_ADVICE_QUEUE, ARGS(store_int(org),
		    store_int(10)), &r));
		assert_int_equal(r->nrows, 1);
		assert_string_equal(rows_text(r, 0, 3), "open");
		must(run(c, a, Q_ADVICE_GET, ARGS(store_int(adv)), &r));
		assert_int_equal(rows_int(r, 0, 1), region);
		assert_true(rows_null(r, 0, 4));	/* no signal yet */
		/* Not before it is answered. */
		must(run(c, a, Q_ADVICE_LINK_SIGNAL, ARGS(store_int(adv),
		    store_int(sig), store_int(uid)), &r));
		assert_int_equal(r->nrows, 0);
		must(run(c, a, Q_ADVICE_ANSWER, ARGS(store_int(adv),
		    store_blob(ct, sizeof(ct)), store_int(uid),
		    store_int(4600), store_int(1)), &r));
		assert_int_equal(r->nrows, 1);
		must(run(c, a, Q_ADVICE_ANSWER, ARGS(store_int(adv),
		    store_blob(ct, sizeof(ct)), store_int(uid),
		    store_int(4600), store_int(0)), &r));
		assert_int_equal(r->nrows, 0);
		must(run(c, a, Q_ADVICE_MINE, ARGS(store_int(uid),
		    store_int(10)), &r));
		assert_int_equal(rows_int(r, 0, 8), 1);	/* suggested */
		/* Someone else's advice does not link; the asker's does,
		 * once. */
		must(run(c, a, Q_ADVICE_LINK_SIGNAL, ARGS(store_int(adv),
		    store_int(sig), store_int(uid + 1000)), &r));
		assert_int_equal(r->nrows, 0);
		must(run(c, a, Q_ADVICE_LINK_SIGNAL, ARGS(store_int(adv),
		    store_int(sig), store_int(uid)), &r));
		assert_int_equal(r->nrows, 1);
		must(run(c, a, Q_ADVICE_LINK_SIGNAL, ARGS(store_int(adv),
		    store_int(sig), store_int(uid)), &r));
		assert_int_equal(r->nrows, 0);
		must(run(c, a, Q_ADVICE_LINK_SIGNAL_POINT, ARGS(store_int(adv),
		    store_int(sig), store_int(uid)), &r));
		assert_int_equal(r->nrows, 0);		/* linked already */
		must(run(c, a, Q_ADVICE_FOR_SIGNAL, ARGS(store_int(sig)), &r));
		assert_int_equal(r->nrows, 1);
		assert_int_equal(rows_int(r, 0, 0), adv);
		blob = rows_blob(r, 0, 1, &len);
		assert_int_equal(len, sizeof(ct));
		must(run(c, a, Q_COPY_ADVICE_ALL, NOARGS, &r));
		assert_int_equal(r->ncols, 13);
		memcpy(cells, r->cells, 13 * sizeof(cells[0]));
		cells[0] = store_int(800005);
		cells[12] = store_null();	/* one advice per signal */
		must(run(c, a, Q_COPY_ADVICE_INSERT, cells, 13, NULL));
	}
	/* Deadline rules: installed by the migration, changed, copied. */
	must(run(c, a, Q_RULE_LIST, NOARGS, &r));
	assert_true(r->nrows >= 3);
	assert_string_equal(rows_text(r, 1, 1), "triage_days");
	assert_int_equal(rows_int(r, 1, 2), 3);
	must(run(c, a, Q_RULE_SET, ARGS(store_int(2), store_int(4),
	    store_int(0), store_int(uid), store_int(4700)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_RULE_SET, ARGS(store_int(99), store_int(4),
	    store_int(0), store_int(uid), store_int(4700)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_RULE_BY_NAME, ARGS(store_text("triage_days")), &r));
	assert_int_equal(rows_int(r, 0, 0), 4);
	assert_int_equal(run(c, a, Q_RULE_SET, ARGS(store_int(2),
	    store_int(61), store_int(0), store_int(uid), store_int(4700)),
	    NULL), -1);			/* the CHECK holds */
	must(run(c, a, Q_COPY_RULE_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 7);
	memcpy(cells, r->cells, 7 * sizeof(cells[0]));
	cells[2] = store_int(7);
	must(run(c, a, Q_COPY_RULE_UPSERT, cells, 7, NULL));
	must(run(c, a, Q_RULE_BY_NAME, ARGS(store_text("triage_acute")), &r));
	assert_int_equal(rows_int(r, 0, 0), 7);
	assert_int_equal(rows_int(r, 0, 1), 1);
	must(run(c, a, Q_RULE_SET, ARGS(store_int(1), store_int(0),
	    store_int(1), store_null(), store_null()), NULL));
	must(run(c, a, Q_RULE_SET, ARGS(store_int(2), store_int(3),
	    store_int(0), store_null(), store_null()), NULL));

	/* The fallback point, re-homing and daily volumes. */
	must(run(c, a, Q_FALLBACK_GET, NOARGS, &r));
	assert_int_equal(r->nrows, 1);
	assert_true(rows_null(r, 0, 0));		/* none named */
	unrouted = rows_int(r, 0, 4);
	must(run(c, a, Q_FALLBACK_SET, ARGS(store_int(org), store_int(uid),
	    store_int(4800)), NULL));
	must(run(c, a, Q_FALLBACK_SET, ARGS(store_int(org), store_null(),
	    store_int(4900)), NULL));			/* once, replaced */
	must(run(c, a, Q_FALLBACK_GET, NOARGS, &r));
	assert_int_equal(rows_int(r, 0, 0), org);
	assert_int_equal(rows_int(r, 0, 2), 4900);
	must(run(c, a, Q_FALLBACK_IS, ARGS(store_int(org)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_SIGNAL_INSERT, ARGS(store_int(uid), store_int(org),
	    store_null(), store_text("GM0034"), store_null(),
	    store_text("days"), store_text(""), store_text(""),
	    store_int(5000), store_int(4950), store_text("")), &r));
	{
		int64_t lost = rows_int(r, 0, 0), groningen;

		must(run(c, a, Q_FALLBACK_GET, NOARGS, &r));
		assert_int_equal(rows_int(r, 0, 4), unrouted + 1);
		must(run(c, a, Q_REGION_INSERT, ARGS(store_text("VT Noord"),
		    store_text("veilig_thuis"), store_int(1)), &r));
		groningen = rows_int(r, 0, 0);
		must(run(c, a, Q_REGION_ADD_MUNI, ARGS(store_int(groningen),
		    store_text("GM0034")), NULL));
		must(run(c, a, Q_REGION_REHOME_SIGNALS,
		    ARGS(store_int(groningen), store_int(4960)), &r));
		assert_int_equal(r->nrows, 1);
		assert_int_equal(rows_int(r, 0, 0), lost);
		must(run(c, a, Q_REGION_REHOME_ADVICE,
		    ARGS(store_int(groningen)), &r));
		assert_int_equal(r->nrows, 0);
	}
	must(run(c, a, Q_VOLUME_OF_USER, ARGS(store_int(uid), store_int(0)),
	    &r));
	assert_true(rows_int(r, 0, 0) >= 1);		/* signals */
	assert_true(rows_int(r, 0, 1) >= 1);		/* people, a BIGINT */
	assert_true(rows_int(r, 0, 2) > 0);		/* the oldest */
	must(run(c, a, Q_VOLUME_OF_USER, ARGS(store_int(uid),
	    store_int(INT64_MAX - 1)), &r));
	assert_int_equal(rows_int(r, 0, 0), 0);		/* none since */
	assert_int_equal(rows_int(r, 0, 1), 0);
	must(run(c, a, Q_VOLUME_REFUSE, ARGS(store_int(uid), store_int(region),
	    store_text("persons"), store_int(4970)), NULL));
	assert_int_equal(run(c, a, Q_VOLUME_REFUSE, ARGS(store_int(uid),
	    store_null(), store_text("hours"), store_int(4970)), NULL), -1);
	must(run(c, a, Q_VOLUME_UNUSUAL, ARGS(store_int(org), store_int(0),
	    store_int(1)), &r));
	assert_true(r->nrows >= 1);
	assert_string_equal(rows_text(r, 0, 0), "melder");
	assert_int_equal(rows_int(r, 0, 4), 1);		/* refused once */
	must(run(c, a, Q_COPY_FALLBACK_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 4);
	must(run(c, a, Q_COPY_FALLBACK_INSERT, r->cells, 4, NULL));
	must(run(c, a, Q_COPY_LIMIT_REFUSAL_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 5);
	memcpy(cells, r->cells, 5 * sizeof(cells[0]));
	cells[0] = store_int(800006);
	must(run(c, a, Q_COPY_LIMIT_REFUSAL_INSERT, cells, 5, NULL));
	must(run(c, a, Q_COPY_REGION_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 4);
	must(run(c, a, Q_COPY_REGION_INSERT, ARGS(store_int(800001),
	    store_text("Gekopieerde regio"), store_text("youth"),
	    store_int(1)), NULL));
	must(run(c, a, Q_COPY_REGION_MUNI_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 2);
	must(run(c, a, Q_COPY_ORG_REGION_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 2);
	must(run(c, a, Q_COPY_SIGNAL_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 25);
	memcpy(cells, r->cells, sizeof(cells));
	cells[0] = store_int(800003);
	cells[21] = store_null();		/* receipts are unique */
	must(run(c, a, Q_COPY_SIGNAL_INSERT, cells, 25, NULL));
	assert_int_equal(run(c, a, Q_COPY_SIGNAL_INSERT, cells, 25, NULL),
	    -1);			/* the same id twice */
	assert_int_equal(last_st, ST_CONFLICT);
	must(run(c, a, Q_COPY_PERSON_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 10);
	must(run(c, a, Q_COPY_PERSON_INSERT, ARGS(store_int(800002),
	    store_int(sig), store_text("suspect"), store_null(), store_null(),
	    store_null(), store_null(), store_text(""), store_null(),
	    store_null()), NULL));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* The statements of store/copy.c: ids as the source had them, values
 * back byte for byte, identities continuing after the copied ids. */
/*
 * National synthetic data (cli/demo_national.c): a signal with its
 * victim, a case with two people, a need with a referral, the other
 * rows, each statement once, in a municipality no other test uses.
 */
static void
test_national(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	int64_t org, u, sig, p, kase, need, t0 = 2100000000;

	(void)state;
	must(run(c, a, Q_MUNI_UPSERT, ARGS(store_text("GM0037"),
	    store_text("Stadskanaal"), store_text("Groningen")), NULL));
	org = make_org(c, a, "ZC Landelijk", "GM0037");
	u = make_user(c, a, "landelijk", org);
	must(run(c, a, Q_NATIONAL_SIGNAL, ARGS(store_int(org), store_null(),
	    store_text("GM0037"), store_int(t0 / 86400),
	    store_text("acute"), store_text("labour"), store_text(""),
	    store_text("open_case"), store_int(t0 + 5 * 86400),
	    store_int(t0), store_int(t0 + 3600)), &r));
	assert_int_equal(r->nrows, 1);
	sig = rows_int(r, 0, 0);
	must(run(c, a, Q_NATIONAL_SIGNAL_PERSON, ARGS(store_int(sig),
	    store_text("victim"), store_text("16-17"), store_text("male"),
	    store_text("eu"), store_text("minor,eu")), NULL));
	must(run(c, a, Q_NATIONAL_PERSON, ARGS(store_text("16-17"),
	    store_text("male"), store_text("eu"), store_text("minor,eu"),
	    store_int(t0)), &r));
	p = rows_int(r, 0, 0);
	must(run(c, a, Q_NATIONAL_CASE, ARGS(store_text("trafficking"),
	    store_text("labour"), store_text("closed"),
	    store_text("care_completed"), store_int(org), store_null(),
	    store_text("GM0037"), store_int(sig), store_text("signal"),
	    store_int(u), store_int(t0 + 86400), store_int(t0 + 7200),
	    store_int(t0 + 3600), store_int(t0 + 90 * 86400),
	    store_int(t0 + 90 * 86400)), &r));
	kase = rows_int(r, 0, 0);
	must(run(c, a, Q_NATIONAL_CASE_PERSON, ARGS(store_int(kase),
	    store_int(p), store_text("victim"), store_int(t0 + 3600)),
	    NULL));
	must(run(c, a, Q_NATIONAL_EVENT, ARGS(store_int(kase),
	    store_int(t0 + 3600), store_int(u), store_int(org),
	    store_text("opened"), store_null()), NULL));
	must(run(c, a, Q_NATIONAL_NEED, ARGS(store_int(kase),
	    store_text("SAFE-YOUTH"), store_text("met"), store_int(u),
	    store_int(t0 + 7200), store_int(t0 + 7200)), &r));
	need = rows_int(r, 0, 0);
	must(run(c, a, Q_NATIONAL_REFERRAL, ARGS(store_int(kase),
	    store_int(need), store_text("SAFE-YOUTH"), store_int(1),
	    store_int(org), store_int(org), store_int(t0 / 86400),
	    store_text("ended"), store_int(u), store_int(t0 + 7200),
	    store_int(t0 + 5 * 86400), store_int(t0 + 9000), store_null(),
	    store_int(t0 + 86400), store_int(t0 + 90 * 86400),
	    store_text("completed"), store_int(t0 + 86400)), NULL));
	must(run(c, a, Q_NATIONAL_ASSESSMENT, ARGS(store_int(kase),
	    store_int(org), store_text("final_decided"), store_int(u),
	    store_int(t0 + 86400), store_int(t0 + 8 * 86400),
	    store_text("plausible"), store_int(u), store_int(t0 + 7 * 86400),
	    store_int(t0 + 97 * 86400), store_text("identified"),
	    store_int(u), store_int(t0 + 60 * 86400),
	    store_int(t0 + 60 * 86400)), NULL));
	must(run(c, a, Q_NATIONAL_TRACK, ARGS(store_int(kase),
	    store_text("residence"), store_text("reflection"),
	    store_int(t0 / 86400), store_null(),
	    store_int(t0 / 86400 + 90)), NULL));
	must(run(c, a, Q_NATIONAL_PLACEMENT, ARGS(store_int(kase),
	    store_int(p), store_text("closed_youth_care"),
	    store_int(t0 / 86400), store_int(t0 / 86400 + 90),
	    store_int(org), store_text("completed"), store_text("16-17"),
	    store_int(u), store_int(t0 + 86400)), NULL));
	must(run(c, a, Q_NATIONAL_ADULT, ARGS(store_int(kase), store_int(p),
	    store_int(t0 / 86400 + 200), store_int(2036 * 12), store_int(0),
	    store_int(t0 + 3600), store_text("continued_youth_care"),
	    store_int(t0 + 10 * 86400), store_int(1), store_int(1),
	    store_int(u)), NULL));
	must(run(c, a, Q_INSIGHT_TIME_CARE, ARGS(store_int(t0),
	    store_int(t0 + 100 * 86400)), &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 1), "d0_1");
	must(run(c, a, Q_INSIGHT_RESIDENCE, ARGS(store_int(t0 / 86400),
	    store_int(t0 / 86400 + 1)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_INSIGHT_TURNED_18, ARGS(store_int(t0 / 86400),
	    store_int(t0 / 86400 + 300)), &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 1), "with_plan");
	store_pg_backend.disconnect(c);
	arena_free(a);
}

static void
test_copy_statements(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	unsigned char h[32];
	int64_t before[STORE_COPY_TABLES], org;
	size_t k;
	const unsigned char *blob;
	size_t i, len;
	bool seen = false;

	(void)state;
	memset(h, 0x5c, sizeof(h));
	h[0] = 0;
	must(run(c, a, Q_COPY_COUNTS, NOARGS, &r));
	assert_int_equal(r->ncols, STORE_COPY_TABLES);
	for (i = 0; i < STORE_COPY_TABLES; i++)
		before[i] = rows_int(r, 0, i);
	must(run(c, a, Q_COPY_ORG_INSERT, ARGS(store_int(900001),
	    store_text("Gekopieerd"), store_text("other"), store_null(),
	    store_int(1), store_int(77)), NULL));
	must(run(c, a, Q_COPY_USER_INSERT, ARGS(store_int(900002),
	    store_text("gekopieerd"), store_int(900001), store_text("admin"),
	    store_text("$argon2id$x"), store_blob(h, sizeof(h)), store_int(1),
	    store_int(5), store_int(0), store_int(0), store_int(78),
	    store_null(), store_text("010 555 00 00"), store_null(),
	    store_int(1), store_null(), store_null(), store_int(1),
	    store_null(), store_blob(h, sizeof(h)), store_int(79),
	    store_int(0), store_blob(h, sizeof(h)), store_int(1),
	    store_blob(h, sizeof(h))), NULL));
	must(run(c, a, Q_COPY_SESSION_INSERT, ARGS(store_int(900003),
	    store_blob(h, sizeof(h)), store_int(900002), store_int(1),
	    store_int(2), store_int(3)), NULL));
	must(run(c, a, Q_COPY_TOKEN_INSERT, ARGS(store_int(900004),
	    store_blob(h, sizeof(h)), store_int(900002), store_text("t"),
	    store_int(1), store_null(), store_int(0)), NULL));
	must(run(c, a, Q_COPY_REFUSAL_INSERT, ARGS(store_int(900005),
	    store_int(9), store_text("GM0363"), store_text("municipality")),
	    NULL));
	must(run(c, a, Q_COPY_REFUSAL_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 4);
	must(run(c, a, Q_COPY_CHALLENGE_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 2);
	must(run(c, a, Q_COPY_COUNTS, NOARGS, &r));
	for (k = 0; strcmp(store_copy_tables[k], "public_refusal") != 0; k++)
		assert_true(k + 1 < STORE_COPY_TABLES);
	assert_int_equal(rows_int(r, 0, k), before[k] + 1);
	assert_int_equal(rows_int(r, 0, 2), before[2] + 1);
	assert_int_equal(rows_int(r, 0, 3), before[3] + 1);
	assert_int_equal(rows_int(r, 0, 5), before[5] + 1);
	assert_int_equal(rows_int(r, 0, 6), before[6] + 1);

	must(run(c, a, Q_COPY_USER_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 25);
	for (i = 0; i < r->nrows; i++) {
		if (rows_int(r, i, 0) != 900002)
			continue;
		seen = true;
		blob = rows_blob(r, i, 5, &len);
		assert_int_equal(len, sizeof(h));
		assert_memory_equal(blob, h, sizeof(h));
		assert_int_equal(rows_int(r, i, 7), 5);
		assert_true(rows_null(r, i, 11));
	}
	assert_true(seen);
	must(run(c, a, Q_COPY_ORG_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 6);
	must(run(c, a, Q_COPY_SESSION_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 6);
	must(run(c, a, Q_COPY_TOKEN_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 7);
	must(run(c, a, Q_COPY_META_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 2);
	must(run(c, a, Q_COPY_LOGINFAIL_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 4);

	must(run(c, a, Q_COPY_PG_SEQUENCES, NOARGS, NULL));
	org = make_org(c, a, "Na de kopie", NULL);
	assert_true(org > 900001);
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* Cases: the registry, the case and its timeline, needs and plan. */
static void
test_cases(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	unsigned char ct[40], bi[32], bi2[32];
	struct store_value cells[24];
	int64_t org, cc, uid, coord, region, sig, sp, person, kase, ev, need;

	(void)state;
	memset(ct, 0, sizeof(ct));
	ct[3] = 0x17;
	memset(bi, 9, sizeof(bi));
	memset(bi2, 10, sizeof(bi2));
	org = make_org(c, a, "Melder Zaken", "GM0363");
	uid = make_user(c, a, "zaakmelder", org);
	must(run(c, a, Q_ORG_INSERT, ARGS(store_text("ZC Rotterdam"),
	    store_text("care_coordination"), store_text("GM0363"),
	    store_int(0), store_int(1700000000)), &r));
	cc = rows_int(r, 0, 0);
	must(run(c, a, Q_USER_INSERT, ARGS(store_text("zorgco"),
	    store_int(cc), store_text("coordinator"), store_text("$argon2id"),
	    store_int(1), store_int(0), store_int(1700000100),
	    store_text("010 1"), store_null(), store_int(0), store_int(0)),
	    &r));
	coord = rows_int(r, 0, 0);
	must(run(c, a, Q_REGION_INSERT, ARGS(store_text("ZC Rijnmond"),
	    store_text("care_coordination"), store_int(1)), &r));
	region = rows_int(r, 0, 0);
	must(run(c, a, Q_REGION_ADD_MUNI, ARGS(store_int(region),
	    store_text("GM0363")), NULL));
	must(run(c, a, Q_REGION_ADD_ORG, ARGS(store_int(cc),
	    store_int(region)), NULL));
	must(run(c, a, Q_CASE_SERVING, ARGS(store_text("GM0363")), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 1), cc);
	must(run(c, a, Q_CASE_SERVING, ARGS(store_text("GM0034")), &r));
	assert_int_equal(r->nrows, 0);

	/* A signal with one person, entered into the registry. */
	must(run(c, a, Q_SIGNAL_INSERT, ARGS(store_int(uid), store_int(org),
	    store_null(), store_text("GM0363"), store_null(),
	    store_text("days"), store_text("labour"), store_text("OM-1a-1"),
	    store_int(5000), store_int(4000), store_text("shelter")), &r));
	sig = rows_int(r, 0, 0);
	must(run(c, a, Q_SIGNAL_PERSON_INSERT, ARGS(store_int(sig),
	    store_text("victim"), store_text("18-22"), store_null(),
	    store_text("eu"), store_text("")), &r));
	sp = rows_int(r, 0, 0);
	must(run(c, a, Q_SIGNAL_PERSON_SEAL, ARGS(store_int(sp),
	    store_blob(ct, sizeof(ct)), store_blob(bi, sizeof(bi)),
	    store_null()), NULL));
	must(run(c, a, Q_CASE_SIGNAL_SOURCE, ARGS(store_int(sig)), &r));
	assert_string_equal(rows_text(r, 0, 4), "shelter");
	must(run(c, a, Q_PERSON_SIGNAL_SOURCE, ARGS(store_int(sig)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(r->ncols, 9);
	must(run(c, a, Q_PERSON_FIND, ARGS(store_blob(bi, sizeof(bi)),
	    store_null()), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_PERSON_INSERT, ARGS(store_text("18-22"),
	    store_null(), store_text("eu"), store_null(), store_int(4100)),
	    &r));
	person = rows_int(r, 0, 0);
	must(run(c, a, Q_PERSON_SEAL, ARGS(store_int(person),
	    store_blob(ct, sizeof(ct)), store_blob(bi, sizeof(bi)),
	    store_null()), NULL));
	must(run(c, a, Q_PERSON_FIND, ARGS(store_null(), store_null()), &r));
	assert_int_equal(r->nrows, 0);		/* nothing finds nobody */
	must(run(c, a, Q_PERSON_ENRICH, ARGS(store_int(person), store_null(),
	    store_blob(bi2, sizeof(bi2))), NULL));
	must(run(c, a, Q_PERSON_FIND, ARGS(store_null(),
	    store_blob(bi2, sizeof(bi2))), &r));
	assert_int_equal(rows_int(r, 0, 0), person);

	/* The case, its head and the lists. */
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("labour"), store_text("OM-1a-1"), store_text("new"),
	    store_int(cc), store_int(region), store_text("GM0363"),
	    store_null(), store_int(sig), store_text("signal"),
	    store_int(uid), store_int(9000), store_null(), store_int(4200)),
	    &r));
	kase = rows_int(r, 0, 0);
	must(run(c, a, Q_CASE_SEAL, ARGS(store_int(kase),
	    store_blob(ct, sizeof(ct))), NULL));
	must(run(c, a, Q_CASE_PERSON_INSERT, ARGS(store_int(kase),
	    store_int(person), store_text("victim"), store_int(4200)), NULL));
	must(run(c, a, Q_CASE_PERSON_INSERT, ARGS(store_int(kase),
	    store_int(person), store_text("victim"), store_int(4200)),
	    NULL));				/* once */
	must(run(c, a, Q_CASE_OF_SIGNAL, ARGS(store_int(sig)), &r));
	assert_int_equal(rows_int(r, 0, 0), kase);
	must(run(c, a, Q_CASE_HEAD, ARGS(store_int(kase)), &r));
	assert_string_equal(rows_text(r, 0, 3), "new");
	assert_int_equal(rows_int(r, 0, 7), 0);	/* no coordinator yet */
	must(run(c, a, Q_CASE_LIST, ARGS(store_int(cc), store_int(coord),
	    store_int(100)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 7), -1);	/* no review */
	assert_int_equal(rows_int(r, 0, 8), 1);		/* one person */
	must(run(c, a, Q_CASE_ACCEPT, ARGS(store_int(kase), store_int(coord),
	    store_int(4300)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_CASE_ACCEPT, ARGS(store_int(kase), store_int(coord),
	    store_int(4300)), &r));
	assert_int_equal(r->nrows, 0);			/* once */
	must(run(c, a, Q_CASE_STATUS, ARGS(store_int(kase),
	    store_text("in_care"), store_null(), store_null(),
	    store_int(4400), store_text("accepted")), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(run(c, a, Q_CASE_STATUS, ARGS(store_int(kase),
	    store_text("closed"), store_text("bored"), store_int(1),
	    store_int(4400), store_text("in_care")), NULL), -1);
	must(run(c, a, Q_CASE_TYPE, ARGS(store_int(kase),
	    store_text("serious_disadvantage"), store_text(""),
	    store_int(4500)), NULL));
	must(run(c, a, Q_CASE_TOUCH, ARGS(store_int(kase), store_int(4600)),
	    NULL));
	must(run(c, a, Q_CASE_GET, ARGS(store_int(kase)), &r));
	assert_int_equal(r->ncols, 15);
	assert_string_equal(rows_text(r, 0, 12), "zorgco");
	assert_int_equal(rows_int(r, 0, 7), 4600);

	/* Assigned professionals. */
	must(run(c, a, Q_CASE_COLLEAGUE, ARGS(store_int(coord),
	    store_int(cc)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_CASE_COLLEAGUE, ARGS(store_int(uid),
	    store_int(cc)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_CASE_COLLEAGUES, ARGS(store_int(cc)), &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 1), "zorgco");
	must(run(c, a, Q_MEMBER_INSERT, ARGS(store_int(kase),
	    store_int(coord), store_int(coord), store_int(4700)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_MEMBER_INSERT, ARGS(store_int(kase),
	    store_int(coord), store_int(coord), store_int(4700)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_MEMBER_IS, ARGS(store_int(kase), store_int(coord)),
	    &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_MEMBER_OF_CASE, ARGS(store_int(kase)), &r));
	assert_string_equal(rows_text(r, 0, 2), "010 1");
	must(run(c, a, Q_COPY_MEMBER_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 4);
	must(run(c, a, Q_MEMBER_DELETE, ARGS(store_int(kase),
	    store_int(coord)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_COPY_MEMBER_INSERT, ARGS(store_int(kase),
	    store_int(coord), store_int(coord), store_int(4700)), NULL));

	/* The timeline. */
	must(run(c, a, Q_EVENT_INSERT, ARGS(store_int(kase), store_int(4800),
	    store_int(coord), store_int(cc), store_text("note"),
	    store_null()), &r));
	ev = rows_int(r, 0, 0);
	must(run(c, a, Q_EVENT_SEAL, ARGS(store_int(ev),
	    store_blob(ct, sizeof(ct))), NULL));
	must(run(c, a, Q_EVENT_INSERT, ARGS(store_int(kase), store_int(4801),
	    store_null(), store_null(), store_text("opened"),
	    store_text("signal:1")), &r));
	must(run(c, a, Q_EVENT_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 2);
	assert_string_equal(rows_text(r, 0, 4), "ZC Rotterdam");
	assert_int_equal(rows_int(r, 1, 3), 0);

	/* Needs and plan. */
	must(run(c, a, Q_NEED_INSERT_QUIET, ARGS(store_int(kase),
	    store_text("shelter"), store_int(coord), store_int(4900)), NULL));
	must(run(c, a, Q_NEED_INSERT, ARGS(store_int(kase),
	    store_text("shelter"), store_int(coord), store_int(4900)), &r));
	assert_int_equal(r->nrows, 0);			/* once */
	must(run(c, a, Q_NEED_INSERT, ARGS(store_int(kase),
	    store_text("legal_aid"), store_int(coord), store_int(4900)), &r));
	need = rows_int(r, 0, 0);
	must(run(c, a, Q_NEED_SET, ARGS(store_int(need), store_int(kase),
	    store_text("met"), store_int(4950)), &r));
	assert_string_equal(rows_text(r, 0, 0), "legal_aid");
	must(run(c, a, Q_NEED_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 2);
	must(run(c, a, Q_PLAN_SET, ARGS(store_int(kase),
	    store_blob(ct, sizeof(ct)), store_blob(ct, sizeof(ct)),
	    store_int(20500), store_int(coord), store_int(5000)), NULL));
	must(run(c, a, Q_PLAN_SET, ARGS(store_int(kase), store_null(),
	    store_blob(ct, sizeof(ct)), store_int(20501), store_int(coord),
	    store_int(5001)), NULL));			/* replaced */
	must(run(c, a, Q_PLAN_OF_CASE, ARGS(store_int(kase)), &r));
	assert_true(rows_null(r, 0, 0));
	assert_int_equal(rows_int(r, 0, 2), 20501);
	must(run(c, a, Q_CASE_LIST, ARGS(store_int(cc), store_int(coord),
	    store_int(100)), &r));
	assert_int_equal(rows_int(r, 0, 7), 20501);

	/* The same person in a second case, and a later signal. */
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("criminal"), store_text(""), store_text("accepted"),
	    store_int(org), store_null(), store_text("GM0363"),
	    store_int(uid), store_null(), store_text("police"),
	    store_int(uid), store_int(9000), store_int(4200), store_int(4200)),
	    &r));
	must(run(c, a, Q_CASE_PERSON_INSERT, ARGS(store_int(rows_int(r, 0,
	    0)), store_int(person), store_text("suspect"), store_int(4200)),
	    NULL));
	must(run(c, a, Q_PERSON_ELSEWHERE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 1), "zaakmelder");
	must(run(c, a, Q_PERSON_SIGNALS, ARGS(store_int(kase),
	    store_int(0)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), sig);
	must(run(c, a, Q_PERSON_SIGNALS, ARGS(store_int(kase),
	    store_int(sig)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_PERSON_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 1), "victim");

	/* Copying. */
	must(run(c, a, Q_COPY_PERSON_REG_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 9);
	memcpy(cells, r->cells, 9 * sizeof(cells[0]));
	cells[0] = store_int(900100);
	cells[6] = store_null();
	cells[7] = store_null();
	must(run(c, a, Q_COPY_PERSON_REG_INSERT, cells, 9, NULL));
	must(run(c, a, Q_COPY_CASE_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 20);
	memcpy(cells, r->cells, 20 * sizeof(cells[0]));
	cells[0] = store_int(900100);
	must(run(c, a, Q_COPY_CASE_INSERT, cells, 20, NULL));
	must(run(c, a, Q_COPY_CASE_PERSON_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 5);
	must(run(c, a, Q_COPY_CASE_PERSON_INSERT, ARGS(store_int(900100),
	    store_int(900100), store_int(900100), store_text("other"),
	    store_int(1)), NULL));
	must(run(c, a, Q_COPY_EVENT_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 8);
	memcpy(cells, r->cells, 8 * sizeof(cells[0]));
	cells[0] = store_int(900100);
	cells[1] = store_int(900100);
	must(run(c, a, Q_COPY_EVENT_INSERT, cells, 8, NULL));
	must(run(c, a, Q_COPY_NEED_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 7);
	memcpy(cells, r->cells, 7 * sizeof(cells[0]));
	cells[0] = store_int(900100);
	cells[1] = store_int(900100);
	must(run(c, a, Q_COPY_NEED_INSERT, cells, 7, NULL));
	must(run(c, a, Q_COPY_PLAN_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 6);
	memcpy(cells, r->cells, 6 * sizeof(cells[0]));
	cells[0] = store_int(900100);
	must(run(c, a, Q_COPY_PLAN_INSERT, cells, 6, NULL));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* Retention: which cases are due, the purge of one, and an export's
 * look-ups, with PostgreSQL's types. */
static void
test_retention(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	unsigned char ct[40], bi[32], bi2[32];
	int64_t org, uid, sig, sig2, sp, sp2, person, other, kase, kase2, ev;

	(void)state;
	memset(ct, 0, sizeof(ct));
	ct[5] = 0x2a;
	memset(bi, 21, sizeof(bi));
	memset(bi2, 22, sizeof(bi2));
	org = make_org(c, a, "ZC Bewaartermijn", "GM0363");
	uid = make_user(c, a, "bewaarder", org);

	/* A signal with a person, matched with another signal. */
	must(run(c, a, Q_SIGNAL_INSERT, ARGS(store_int(uid), store_int(org),
	    store_null(), store_text("GM0363"), store_null(),
	    store_text("days"), store_text("labour"), store_text(""),
	    store_int(5000), store_int(4000), store_text("")), &r));
	sig = rows_int(r, 0, 0);
	must(run(c, a, Q_SIGNAL_SEAL, ARGS(store_int(sig),
	    store_blob(ct, sizeof(ct)), store_blob(ct, sizeof(ct))), NULL));
	must(run(c, a, Q_SIGNAL_PERSON_INSERT, ARGS(store_int(sig),
	    store_text("victim"), store_text("16-17"), store_null(),
	    store_null(), store_text("")), &r));
	sp = rows_int(r, 0, 0);
	must(run(c, a, Q_SIGNAL_PERSON_SEAL, ARGS(store_int(sp),
	    store_blob(ct, sizeof(ct)), store_blob(bi, sizeof(bi)),
	    store_blob(bi2, sizeof(bi2))), NULL));
	must(run(c, a, Q_SIGNAL_INSERT, ARGS(store_int(uid), store_int(org),
	    store_null(), store_text("GM0363"), store_null(),
	    store_text("days"), store_text("labour"), store_text(""),
	    store_int(5000), store_int(4000), store_text("")), &r));
	sig2 = rows_int(r, 0, 0);
	must(run(c, a, Q_SIGNAL_PERSON_INSERT, ARGS(store_int(sig2),
	    store_text("suspect"), store_null(), store_null(), store_null(),
	    store_text("")), &r));
	sp2 = rows_int(r, 0, 0);
	must(run(c, a, Q_MATCH_INSERT, ARGS(store_int(sp2), store_int(sp),
	    store_int(sig2), store_int(sig), store_text("id"),
	    store_int(4100)), NULL));
	must(run(c, a, Q_QUESTION_INSERT, ARGS(store_int(sig), store_int(uid),
	    store_blob(ct, sizeof(ct)), store_int(4100)), NULL));

	/* The person in the registry, on two cases. */
	must(run(c, a, Q_PERSON_INSERT, ARGS(store_text("16-17"),
	    store_text("female"), store_text("eu"), store_text("minor"),
	    store_int(4100)), &r));
	person = rows_int(r, 0, 0);
	must(run(c, a, Q_PERSON_SEAL, ARGS(store_int(person),
	    store_blob(ct, sizeof(ct)), store_blob(bi, sizeof(bi)),
	    store_blob(bi2, sizeof(bi2))), NULL));
	must(run(c, a, Q_PERSON_INSERT, ARGS(store_null(), store_null(),
	    store_null(), store_null(), store_int(4100)), &r));
	other = rows_int(r, 0, 0);
	must(run(c, a, Q_PERSON_SEAL, ARGS(store_int(other),
	    store_blob(ct, sizeof(ct)), store_null(), store_null()), NULL));
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("labour"), store_text(""), store_text("accepted"),
	    store_int(org), store_null(), store_text("GM0363"),
	    store_int(uid), store_int(sig), store_text("signal"),
	    store_int(uid), store_int(9000), store_int(4200), store_int(4200)),
	    &r));
	kase = rows_int(r, 0, 0);
	must(run(c, a, Q_CASE_SEAL, ARGS(store_int(kase),
	    store_blob(ct, sizeof(ct))), NULL));
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("labour"), store_text(""), store_text("accepted"),
	    store_int(org), store_null(), store_text("GM0363"),
	    store_int(uid), store_null(), store_text("police"),
	    store_int(uid), store_int(9000), store_int(4200), store_int(4200)),
	    &r));
	kase2 = rows_int(r, 0, 0);
	must(run(c, a, Q_CASE_PERSON_INSERT, ARGS(store_int(kase),
	    store_int(person), store_text("victim"), store_int(4200)), NULL));
	must(run(c, a, Q_CASE_PERSON_INSERT, ARGS(store_int(kase),
	    store_int(other), store_text("suspect"), store_int(4200)), NULL));
	must(run(c, a, Q_CASE_PERSON_INSERT, ARGS(store_int(kase2),
	    store_int(person), store_text("other"), store_int(4200)), NULL));
	must(run(c, a, Q_EVENT_INSERT, ARGS(store_int(kase), store_int(4300),
	    store_int(uid), store_int(org), store_text("note"),
	    store_null()), &r));
	ev = rows_int(r, 0, 0);
	must(run(c, a, Q_EVENT_SEAL, ARGS(store_int(ev),
	    store_blob(ct, sizeof(ct))), NULL));
	must(run(c, a, Q_PLAN_SET, ARGS(store_int(kase),
	    store_blob(ct, sizeof(ct)), store_blob(ct, sizeof(ct)),
	    store_int(20500), store_int(uid), store_int(4400)), NULL));

	/* Closed at 5000: due from a cutoff of 5000 on, not before. */
	must(run(c, a, Q_CASE_STATUS, ARGS(store_int(kase),
	    store_text("closed"), store_text("care_completed"),
	    store_int(5000), store_int(5000), store_text("accepted")), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_RETENTION_DUE, ARGS(store_int(4999)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_RETENTION_DUE, ARGS(store_int(5000)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), kase);
	must(run(c, a, Q_PURGE_CASE, ARGS(store_int(kase), store_int(6000),
	    store_int(4999)), &r));
	assert_int_equal(r->nrows, 0);			/* not due */
	must(run(c, a, Q_PURGE_CASE, ARGS(store_int(kase), store_int(6000),
	    store_int(5000)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_PURGE_CASE, ARGS(store_int(kase), store_int(6000),
	    store_int(5000)), &r));
	assert_int_equal(r->nrows, 0);			/* once */
	must(run(c, a, Q_PURGE_CASE_EVENTS, ARGS(store_int(kase)), NULL));
	must(run(c, a, Q_PURGE_CASE_PLAN, ARGS(store_int(kase)), NULL));
	must(run(c, a, Q_PURGE_SIGNAL, ARGS(store_int(kase)), NULL));
	must(run(c, a, Q_PURGE_SIGNAL_PERSONS, ARGS(store_int(kase)), NULL));
	must(run(c, a, Q_PURGE_SIGNAL_QUESTIONS, ARGS(store_int(kase)),
	    NULL));
	must(run(c, a, Q_PURGE_SIGNAL_MATCHES, ARGS(store_int(kase)), NULL));
	must(run(c, a, Q_PURGE_PERSONS, ARGS(store_int(kase)), NULL));
	must(run(c, a, Q_RETENTION_DUE, ARGS(store_int(5000)), &r));
	assert_int_equal(r->nrows, 0);

	/* Destroyed and kept. */
	must(run(c, a, Q_CASE_GET, ARGS(store_int(kase)), &r));
	assert_true(rows_null(r, 0, 0));
	must(run(c, a, Q_CASE_HEAD, ARGS(store_int(kase)), &r));
	assert_int_equal(rows_int(r, 0, 9), 6000);
	assert_string_equal(rows_text(r, 0, 3), "closed");
	must(run(c, a, Q_EVENT_OF_CASE, ARGS(store_int(kase)), &r));
	assert_true(rows_null(r, 0, 7));
	must(run(c, a, Q_PLAN_OF_CASE, ARGS(store_int(kase)), &r));
	assert_true(rows_null(r, 0, 0));
	assert_true(rows_null(r, 0, 1));
	assert_int_equal(rows_int(r, 0, 2), 20500);
	must(run(c, a, Q_SIGNAL_GET, ARGS(store_int(sig)), &r));
	assert_true(rows_null(r, 0, 10));		/* description */
	assert_true(rows_null(r, 0, 11));		/* actions taken */
	must(run(c, a, Q_SIGNAL_PERSONS, ARGS(store_int(sig)), &r));
	assert_true(rows_null(r, 0, 2));
	must(run(c, a, Q_QUESTION_FOR_SIGNAL, ARGS(store_int(sig)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_MATCH_FOR_SIGNAL, ARGS(store_int(sig2)), &r));
	assert_int_equal(r->nrows, 0);
	/* The purged case names no one; the person is on case 2 still. */
	must(run(c, a, Q_PERSON_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 2);
	assert_true(rows_null(r, 0, 2));
	assert_string_equal(rows_text(r, 0, 3), "16-17");
	must(run(c, a, Q_SUBJECT_PERSON, ARGS(store_int(person)), &r));
	assert_false(rows_null(r, 0, 1));
	assert_false(rows_null(r, 0, 6));
	must(run(c, a, Q_SUBJECT_PERSON, ARGS(store_int(other)), &r));
	assert_true(rows_null(r, 0, 1));		/* only on case 1 */
	assert_string_equal(rows_text(r, 0, 5), "");

	/* The export's look-ups. */
	must(run(c, a, Q_SUBJECT_CASES, ARGS(store_int(person)), &r));
	assert_int_equal(r->nrows, 2);
	assert_int_equal(r->ncols, 15);
	assert_string_equal(rows_text(r, 0, 1), "victim");
	assert_int_equal(rows_int(r, 0, 9), 6000);
	assert_int_equal(rows_int(r, 1, 8), 0);		/* not closed */
	assert_string_equal(rows_text(r, 0, 12), "bewaarder");
	must(run(c, a, Q_SUBJECT_SIGNALS, ARGS(store_blob(bi, sizeof(bi)),
	    store_null()), &r));
	assert_int_equal(r->nrows, 0);			/* purged with it */
	must(run(c, a, Q_SIGNAL_PERSON_SEAL, ARGS(store_int(sp2),
	    store_blob(ct, sizeof(ct)), store_null(),
	    store_blob(bi2, sizeof(bi2))), NULL));
	must(run(c, a, Q_SUBJECT_SIGNALS, ARGS(store_null(),
	    store_blob(bi2, sizeof(bi2))), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(r->ncols, 10);
	assert_int_equal(rows_int(r, 0, 1), sig2);
	assert_string_equal(rows_text(r, 0, 2), "suspect");
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* Identification: rules in calendar days, and an assessment's life. */
static void
test_identification(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	unsigned char ct[40];
	struct store_value cells[24];
	int64_t org, committee, uid, kase, aid, aid2;

	(void)state;
	memset(ct, 0, sizeof(ct));
	ct[5] = 0x2a;

	/* The rules installed by 0014, by kind. */
	must(run(c, a, Q_RULE_BY_NAME, ARGS(store_text(
	    "identification_final")), &r));
	assert_int_equal(rows_int(r, 0, 2), 90);
	must(run(c, a, Q_RULE_BY_NAME, ARGS(store_text(
	    "identification_first")), &r));
	assert_int_equal(rows_int(r, 0, 0), 5);
	assert_int_equal(rows_int(r, 0, 2), 0);
	must(run(c, a, Q_RULE_KIND, ARGS(store_int(11)), &r));
	assert_int_equal(rows_int(r, 0, 0), 90);
	must(run(c, a, Q_RULE_KIND, ARGS(store_int(10)), &r));
	assert_int_equal(rows_int(r, 0, 0), 0);
	must(run(c, a, Q_RULE_SET_CALENDAR, ARGS(store_int(11), store_int(60),
	    store_null(), store_int(4800)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_RULE_SET_CALENDAR, ARGS(store_int(10), store_int(60),
	    store_null(), store_int(4800)), &r));
	assert_int_equal(r->nrows, 0);		/* not a calendar rule */
	must(run(c, a, Q_RULE_SET, ARGS(store_int(11), store_int(4),
	    store_int(0), store_null(), store_int(4800)), &r));
	assert_int_equal(r->nrows, 0);		/* not a working-day rule */
	assert_int_equal(run(c, a, Q_RULE_SET_CALENDAR, ARGS(store_int(11),
	    store_int(367), store_null(), store_int(4800)), NULL), -1);
	must(run(c, a, Q_RULE_LIST, NOARGS, &r));
	assert_int_equal(r->ncols, 7);
	must(run(c, a, Q_RULE_SET_CALENDAR, ARGS(store_int(11), store_int(90),
	    store_null(), store_null()), &r));

	/* A committee, a coordinator and a case. */
	org = make_org(c, a, "ZC Identificatie", NULL);
	uid = make_user(c, a, "idcoord", org);
	must(run(c, a, Q_ORG_INSERT, ARGS(store_text("Commissie Test"),
	    store_text("assessment_committee"), store_null(), store_int(0),
	    store_int(1700000000)), &r));
	committee = rows_int(r, 0, 0);
	must(run(c, a, Q_IDENT_COMMITTEES, NOARGS, &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 1), "Commissie Test");
	must(run(c, a, Q_IDENT_COMMITTEE_IS, ARGS(store_int(committee)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_IDENT_COMMITTEE_IS, ARGS(store_int(org)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("labour"), store_text(""), store_text("accepted"),
	    store_int(org), store_null(), store_text("GM0363"),
	    store_int(uid), store_null(), store_text("police"),
	    store_int(uid), store_int(9000), store_int(4200), store_int(4200)),
	    &r));
	kase = rows_int(r, 0, 0);

	/* Submitted once while open. */
	must(run(c, a, Q_IDENT_INSERT, ARGS(store_int(kase),
	    store_int(committee), store_text("summary,persons"),
	    store_text(""), store_int(uid), store_int(5000),
	    store_int(5500)), &r));
	assert_int_equal(r->nrows, 1);
	aid = rows_int(r, 0, 0);
	must(run(c, a, Q_IDENT_INSERT, ARGS(store_int(kase),
	    store_int(committee), store_text(""), store_text(""),
	    store_int(uid), store_int(5001), store_int(5501)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_IDENT_SEAL_NOTE, ARGS(store_int(aid),
	    store_blob(ct, sizeof(ct))), NULL));
	must(run(c, a, Q_IDENT_HEAD, ARGS(store_int(aid)), &r));
	assert_int_equal(rows_int(r, 0, 0), kase);
	assert_int_equal(rows_int(r, 0, 1), committee);
	assert_string_equal(rows_text(r, 0, 2), "submitted");
	must(run(c, a, Q_IDENT_LIST, ARGS(store_int(committee),
	    store_int(100)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 7), 5500);	/* the first due */

	/* The first decision, then the final; each once. */
	must(run(c, a, Q_IDENT_FINAL, ARGS(store_int(aid),
	    store_text("identified"), store_blob(ct, sizeof(ct)),
	    store_int(uid), store_int(5100)), &r));
	assert_int_equal(r->nrows, 0);		/* not before the first */
	must(run(c, a, Q_IDENT_FIRST, ARGS(store_int(aid),
	    store_text("first_decided"), store_text("plausible"),
	    store_blob(ct, sizeof(ct)), store_int(uid), store_int(5100),
	    store_int(9100)), &r));
	assert_int_equal(rows_int(r, 0, 0), kase);
	must(run(c, a, Q_IDENT_FIRST, ARGS(store_int(aid),
	    store_text("first_decided"), store_text("plausible"),
	    store_blob(ct, sizeof(ct)), store_int(uid), store_int(5100),
	    store_int(9100)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_IDENT_LIST, ARGS(store_int(committee),
	    store_int(100)), &r));
	assert_int_equal(rows_int(r, 0, 7), 9100);	/* the final due */
	must(run(c, a, Q_IDENT_FINAL, ARGS(store_int(aid),
	    store_text("identified"), store_blob(ct, sizeof(ct)),
	    store_int(uid), store_int(5200)), &r));
	assert_int_equal(rows_int(r, 0, 0), kase);
	must(run(c, a, Q_IDENT_GET, ARGS(store_int(aid)), &r));
	assert_int_equal(r->ncols, 25);
	assert_string_equal(rows_text(r, 0, 4), "final_decided");
	assert_string_equal(rows_text(r, 0, 8), "idcoord");
	assert_string_equal(rows_text(r, 0, 13), "plausible");
	assert_string_equal(rows_text(r, 0, 18), "identified");
	assert_int_equal(rows_int(r, 0, 17), 9100);
	assert_true(rows_null(r, 0, 22));	/* not withdrawn */
	must(run(c, a, Q_PURGE_CASE_ASSESSMENTS, ARGS(store_int(0)), NULL));

	/* A second one, withdrawn. */
	must(run(c, a, Q_IDENT_INSERT, ARGS(store_int(kase),
	    store_int(committee), store_text(""), store_text("police_report"),
	    store_int(uid), store_int(6000), store_int(6500)), &r));
	aid2 = rows_int(r, 0, 0);
	assert_int_equal(run(c, a, Q_IDENT_FIRST, ARGS(store_int(aid2),
	    store_text("first_decided"), store_text("maybe"), store_null(),
	    store_int(uid), store_int(6050), store_null()), NULL), -1);
	must(run(c, a, Q_IDENT_WITHDRAW, ARGS(store_int(aid2),
	    store_int(kase + 1), store_int(uid), store_int(6100)), &r));
	assert_int_equal(r->nrows, 0);		/* another case's */
	must(run(c, a, Q_IDENT_WITHDRAW, ARGS(store_int(aid2),
	    store_int(kase), store_int(uid), store_int(6100)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_IDENT_WITHDRAW, ARGS(store_int(aid2),
	    store_int(kase), store_int(uid), store_int(6100)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_IDENT_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 2);
	assert_int_equal(rows_int(r, 0, 0), aid2);	/* newest first */
	assert_string_equal(rows_text(r, 0, 22), "idcoord");
	must(run(c, a, Q_IDENT_LIST, ARGS(store_int(committee),
	    store_int(100)), &r));
	assert_int_equal(r->nrows, 2);
	assert_int_equal(rows_int(r, 0, 7), 0);		/* nothing due */

	/* Copying. */
	must(run(c, a, Q_COPY_IDENT_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 22);
	memcpy(cells, r->cells, 22 * sizeof(cells[0]));
	cells[0] = store_int(900200);
	must(run(c, a, Q_COPY_IDENT_INSERT, cells, 22, NULL));
	must(run(c, a, Q_IDENT_GET, ARGS(store_int(900200)), &r));
	assert_int_equal(r->nrows, 1);
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* The criminal-case and residence tracks: steps, history, deadlines. */
static void
test_tracks(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	unsigned char ct[40];
	struct store_value cells[9];
	int64_t cc, coord, other, kase, closed, ev, ev2;

	(void)state;
	memset(ct, 0, sizeof(ct));
	ct[5] = 0x21;
	must(run(c, a, Q_ORG_INSERT, ARGS(store_text("ZC Sporen"),
	    store_text("care_coordination"), store_text("GM0363"),
	    store_int(0), store_int(1700000000)), &r));
	cc = rows_int(r, 0, 0);
	must(run(c, a, Q_USER_INSERT, ARGS(store_text("sporenco"),
	    store_int(cc), store_text("coordinator"), store_text("$argon2id"),
	    store_int(1), store_int(0), store_int(1700000100),
	    store_text("010 2"), store_null(), store_int(0), store_int(0)),
	    &r));
	coord = rows_int(r, 0, 0);
	other = make_org(c, a, "ZC Elders Sporen", "GM0363");
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("labour"), store_text(""), store_text("in_care"),
	    store_int(cc), store_null(), store_text("GM0363"),
	    store_int(coord), store_null(), store_text("police"),
	    store_int(coord), store_int(9000), store_int(4200),
	    store_int(4200)), &r));
	kase = rows_int(r, 0, 0);
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("labour"), store_text(""), store_text("closed"),
	    store_int(cc), store_null(), store_text("GM0363"),
	    store_int(coord), store_null(), store_text("police"),
	    store_int(coord), store_int(9000), store_int(4200),
	    store_int(4200)), &r));
	closed = rows_int(r, 0, 0);

	must(run(c, a, Q_TRACK_LAST, ARGS(store_int(kase),
	    store_text("residence")), &r));
	assert_int_equal(r->nrows, 0);			/* no state yet */
	must(run(c, a, Q_EVENT_INSERT, ARGS(store_int(kase), store_int(5000),
	    store_int(coord), store_int(cc), store_text("residence"),
	    store_text("none>reflection@2026-01-01")), &r));
	ev = rows_int(r, 0, 0);
	must(run(c, a, Q_EVENT_SEAL, ARGS(store_int(ev),
	    store_blob(ct, sizeof(ct))), NULL));
	must(run(c, a, Q_TRACK_INSERT, ARGS(store_int(kase),
	    store_text("residence"), store_text("reflection"),
	    store_int(20454), store_null(), store_null(), store_int(20544),
	    store_int(ev)), NULL));
	/* A state outside the tables is refused by the schema too. */
	assert_int_equal(run(c, a, Q_TRACK_INSERT, ARGS(store_int(kase),
	    store_text("residence"), store_text("deported"),
	    store_int(20454), store_null(), store_null(), store_null(),
	    store_int(ev)), NULL), -1);
	must(run(c, a, Q_EVENT_INSERT, ARGS(store_int(kase), store_int(5001),
	    store_int(coord), store_int(cc), store_text("criminal"),
	    store_text("none>report_filed@2026-01-02")), &r));
	ev2 = rows_int(r, 0, 0);
	must(run(c, a, Q_TRACK_INSERT, ARGS(store_int(kase),
	    store_text("criminal"), store_text("report_filed"),
	    store_int(20455), store_null(), store_null(), store_null(),
	    store_int(ev2)), NULL));
	must(run(c, a, Q_TRACK_LAST, ARGS(store_int(kase),
	    store_text("residence")), &r));
	assert_string_equal(rows_text(r, 0, 0), "reflection");
	assert_int_equal(rows_int(r, 0, 1), 20454);
	assert_int_equal(rows_int(r, 0, 2), 20544);
	must(run(c, a, Q_TRACK_LAST, ARGS(store_int(kase),
	    store_text("criminal")), &r));
	assert_int_equal(rows_int(r, 0, 2), -1);	/* does not end */
	must(run(c, a, Q_TRACK_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 2);
	assert_int_equal(r->ncols, 12);
	assert_string_equal(rows_text(r, 0, 1), "residence");
	assert_int_equal(rows_int(r, 0, 7), 5000);
	assert_string_equal(rows_text(r, 0, 8), "sporenco");
	assert_string_equal(rows_text(r, 0, 9), "ZC Sporen");
	assert_false(rows_null(r, 0, 10));		/* the sealed note */
	assert_true(rows_null(r, 1, 10));
	assert_int_equal(rows_int(r, 1, 6), -1);

	/* Due: the last residence step, of open cases, by organisation. */
	must(run(c, a, Q_EVENT_INSERT, ARGS(store_int(closed),
	    store_int(5002), store_int(coord), store_int(cc),
	    store_text("residence"), store_text("none>permit@2026-01-01")),
	    &r));
	must(run(c, a, Q_TRACK_INSERT, ARGS(store_int(closed),
	    store_text("residence"), store_text("permit"), store_int(20454),
	    store_null(), store_null(), store_int(20819),
	    store_int(rows_int(r, 0, 0))), NULL));
	must(run(c, a, Q_TRACK_DUE, ARGS(store_int(cc), store_int(coord),
	    store_int(30000), store_int(10)), &r));
	assert_int_equal(r->nrows, 1);			/* not the closed */
	assert_int_equal(rows_int(r, 0, 0), kase);
	assert_string_equal(rows_text(r, 0, 1), "reflection");
	assert_int_equal(rows_int(r, 0, 2), 20544);
	must(run(c, a, Q_TRACK_DUE, ARGS(store_int(cc), store_int(coord),
	    store_int(20543), store_int(10)), &r));
	assert_int_equal(r->nrows, 0);			/* not yet */
	must(run(c, a, Q_TRACK_DUE, ARGS(store_int(other), store_int(0),
	    store_int(30000), store_int(10)), &r));
	assert_int_equal(r->nrows, 0);			/* not theirs */
	/* A later step without an end takes it off the list. */
	must(run(c, a, Q_TRACK_INSERT, ARGS(store_int(kase),
	    store_text("residence"), store_text("reflection_ended"),
	    store_int(20460), store_text("report"), store_null(),
	    store_null(), store_int(ev)), NULL));
	must(run(c, a, Q_TRACK_DUE, ARGS(store_int(cc), store_int(coord),
	    store_int(30000), store_int(10)), &r));
	assert_int_equal(r->nrows, 0);

	/* Copying. */
	must(run(c, a, Q_COPY_TRACK_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 9);
	memcpy(cells, r->cells, 9 * sizeof(cells[0]));
	cells[0] = store_int(900200);
	must(run(c, a, Q_COPY_TRACK_INSERT, cells, 9, NULL));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* The deadline overview: each kind of its organisation's open cases up
 * to the horizon, soonest first, and nothing of anyone else's. */
/* Count rows of one insight query: municipality, key, count. */
static int64_t
insight_count(const struct store_rows *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nrows; i++)
		if (strcmp(rows_text(r, i, 0), "GM0014") == 0 &&
		    strcmp(rows_text(r, i, 1), key) == 0)
			return rows_int(r, i, 2);
	return 0;
}

/* Count rows of one gap query: care type, count. */
static int64_t
gap_count(const struct store_rows *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nrows; i++)
		if (strcmp(rows_text(r, i, 0), key) == 0)
			return rows_int(r, i, 1);
	return 0;
}

/*
 * Local insight on PostgreSQL: every table's counts over a window in
 * Groningen that no other test writes to, then frozen facts, a run, a
 * stored result and the release log.
 */
static void
test_insight(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	int64_t org, u, kase, other, p1, p2, t0 = 2000000000;
	int64_t d0 = 2000000000 / 86400, region, contract;
	struct store_value cells[11];
	char sql[4096];

	(void)state;
	must(run(c, a, Q_MUNI_UPSERT, ARGS(store_text("GM0014"),
	    store_text("Groningen"), store_text("Groningen")), NULL));
	org = make_org(c, a, "ZC Inzicht", "GM0014");
	u = make_user(c, a, "inzichtco", org);
	snprintf(sql, sizeof(sql),
	    "INSERT INTO signal (reporter_org_id, municipality, urgency,"
	    " forms, indicators, status, triage_due, created_at, updated_at,"
	    " decided_at, decision) VALUES"
	    " (NULL, 'GM0014', 'days', 'sexual,labour', '', 'received', 1,"
	    " %lld, %lld, NULL, NULL),"
	    " (%lld, 'GM0014', 'days', 'labour', '', 'closed', 1, %lld, %lld,"
	    " %lld, 'open_case');",
	    (long long)t0, (long long)t0, (long long)org, (long long)t0,
	    (long long)t0, (long long)(t0 + 3 * 86400));
	must(script(c, sql));
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("criminal,labour"), store_text(""),
	    store_text("in_care"), store_int(org), store_null(),
	    store_text("GM0014"), store_int(u), store_null(),
	    store_text("police"), store_int(u), store_int(t0),
	    store_int(t0 + 100), store_int(t0 + 100)), &r));
	kase = rows_int(r, 0, 0);
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("serious_disadvantage"),
	    store_text(""), store_text(""), store_text("in_care"),
	    store_int(org), store_null(), store_text("GM0014"),
	    store_int(u), store_null(), store_text("labour_inspectorate"),
	    store_int(u), store_int(t0), store_int(1000), store_int(1000)),
	    &r));
	other = rows_int(r, 0, 0);
	must(run(c, a, Q_PERSON_INSERT, ARGS(store_text("16-17"),
	    store_text("female"), store_text("eu"), store_text("minor,lvb"),
	    store_int(t0)), &r));
	p1 = rows_int(r, 0, 0);
	must(run(c, a, Q_PERSON_INSERT, ARGS(store_text("30+"),
	    store_text("male"), store_null(), store_null(), store_int(t0)),
	    &r));
	p2 = rows_int(r, 0, 0);
	snprintf(sql, sizeof(sql),
	    "INSERT INTO case_person (case_id, person_id, kind, created_at)"
	    " VALUES (%lld, %lld, 'victim', %lld), (%lld, %lld, 'suspect',"
	    " %lld), (%lld, %lld, 'victim', 1000);"
	    "INSERT INTO case_need (case_id, need, status, added_at,"
	    " updated_at) VALUES (%lld, 'SAFE-SHELTER', 'open', %lld, 1),"
	    " (%lld, 'TRAUMA', 'open', %lld, 1);"
	    "INSERT INTO case_track (case_id, track, state, on_day, event_id)"
	    " SELECT %lld, 'residence', 'reflection', %lld, MIN(id)"
	    " FROM case_event;"
	    "INSERT INTO case_adulthood (case_id, person_id, adult_on,"
	    " adult_month, created_at, plan_before_18) VALUES (%lld, %lld,"
	    " %lld, 1, 1, 1);"
	    "INSERT INTO placement (case_id, person_id, type, age_band,"
	    " from_day, created_by, created_at, updated_at) VALUES (%lld,"
	    " %lld, 'closed_youth_care', '16-17', %lld, %lld, 1, 1);"
	    "INSERT INTO case_assessment (case_id, committee_id, status,"
	    " submitted_by, submitted_at, first_due, first_decision,"
	    " first_at, updated_at) VALUES (%lld, %lld, 'first_decided',"
	    " %lld, 1, 1, 'plausible', %lld, 1);",
	    (long long)kase, (long long)p1, (long long)(t0 + 200),
	    (long long)kase, (long long)p2, (long long)(t0 + 200),
	    (long long)other, (long long)p2,
	    (long long)kase, (long long)(t0 + 300),
	    (long long)kase, (long long)(t0 + 300),
	    (long long)kase, (long long)d0,
	    (long long)kase, (long long)p1, (long long)d0,
	    (long long)kase, (long long)p1, (long long)d0, (long long)u,
	    (long long)kase, (long long)org, (long long)u,
	    (long long)(t0 + 400));
	must(script(c, sql));
	snprintf(sql, sizeof(sql),
	    "INSERT INTO referral (case_id, need_id, need, urgent, from_org,"
	    " to_org, basis, status, sent_by, sent_at, answer_due,"
	    " answered_at, decline_reason, started_at, updated_at)"
	    " SELECT %lld, id, need, 0, %lld, %lld, 'consent',"
	    " CASE WHEN need = 'TRAUMA' THEN 'declined' ELSE 'started' END,"
	    " %lld, %lld, 1, %lld, CASE WHEN need = 'TRAUMA' THEN"
	    " 'no_capacity' END, CASE WHEN need = 'TRAUMA' THEN NULL ELSE"
	    " %lld END, 1 FROM case_need WHERE case_id = %lld;",
	    (long long)kase, (long long)org, (long long)org, (long long)u,
	    (long long)(t0 + 400), (long long)(t0 + 8 * 86400),
	    (long long)(t0 + 40 * 86400), (long long)kase);
	must(script(c, sql));

#define WINDOW	ARGS(store_int(t0), store_int(t0 + 100 * 86400))
#define DAYS	ARGS(store_int(d0), store_int(d0 + 100))
	must(run(c, a, Q_INSIGHT_SIGNALS_FORM, WINDOW, &r));
	assert_int_equal(insight_count(r, "sexual,labour"), 1);
	must(run(c, a, Q_INSIGHT_SIGNALS_REPORTER, WINDOW, &r));
	assert_int_equal(insight_count(r, "public"), 1);
	assert_int_equal(insight_count(r, "municipality"), 1);
	must(run(c, a, Q_INSIGHT_CASES_TYPE, WINDOW, &r));
	assert_int_equal(insight_count(r, "trafficking"), 1);
	must(run(c, a, Q_INSIGHT_CASES_FORM, WINDOW, &r));
	assert_int_equal(insight_count(r, "criminal,labour"), 1);
	must(run(c, a, Q_INSIGHT_VICTIMS_AGE, WINDOW, &r));
	assert_int_equal(insight_count(r, "lt18"), 1);
	assert_int_equal(insight_count(r, "a23plus"), 0);
	must(run(c, a, Q_INSIGHT_VICTIMS_SEX, WINDOW, &r));
	assert_int_equal(insight_count(r, "female"), 1);
	must(run(c, a, Q_INSIGHT_VICTIMS_NATIONALITY, WINDOW, &r));
	assert_int_equal(insight_count(r, "eu"), 1);
	must(run(c, a, Q_INSIGHT_VICTIMS_GROUP, WINDOW, &r));
	assert_int_equal(insight_count(r, "minor,lvb"), 1);
	/* The suspect is a victim in another case. */
	must(run(c, a, Q_INSIGHT_SUSPECTS, WINDOW, &r));
	assert_int_equal(insight_count(r, "also_victim"), 1);
	must(run(c, a, Q_INSIGHT_TIME_TRIAGE, WINDOW, &r));
	assert_int_equal(insight_count(r, "d2_5"), 1);
	must(run(c, a, Q_INSIGHT_TIME_REFERRAL, WINDOW, &r));
	assert_int_equal(insight_count(r, "d6_10"), 1);
	must(run(c, a, Q_INSIGHT_TIME_CARE, WINDOW, &r));
	assert_int_equal(insight_count(r, "d31plus"), 1);
	must(run(c, a, Q_INSIGHT_DECLINED, WINDOW, &r));
	assert_int_equal(insight_count(r, "no_capacity"), 1);
	must(run(c, a, Q_INSIGHT_NEEDS, WINDOW, &r));
	assert_int_equal(insight_count(r, "in_time"), 2);
	must(run(c, a, Q_INSIGHT_IDENT, WINDOW, &r));
	assert_int_equal(insight_count(r, "first_plausible"), 1);
	must(run(c, a, Q_INSIGHT_RESIDENCE, DAYS, &r));
	assert_int_equal(insight_count(r, "reflection"), 1);
	must(run(c, a, Q_INSIGHT_PLACEMENTS, DAYS, &r));
	assert_int_equal(insight_count(r, "closed"), 1);
	must(run(c, a, Q_INSIGHT_TURNED_18, DAYS, &r));
	assert_int_equal(insight_count(r, "with_plan"), 1);

	/* The gap report's demand of a region holding GM0014, and a care
	 * contract through its life and into the store copy. */
	must(run(c, a, Q_REGION_INSERT, ARGS(store_text("ZC Groningen"),
	    store_text("care_coordination"), store_int(1)), &r));
	region = rows_int(r, 0, 0);
	must(run(c, a, Q_REGION_ADD_MUNI, ARGS(store_int(region),
	    store_text("GM0014")), NULL));
	must(run(c, a, Q_GAP_NEEDS, ARGS(store_int(region), store_int(t0),
	    store_int(t0 + 100 * 86400)), &r));
	assert_int_equal(gap_count(r, "TRAUMA"), 1);
	assert_int_equal(gap_count(r, "SAFE-SHELTER"), 1);
	must(run(c, a, Q_GAP_REFERRALS, ARGS(store_int(region),
	    store_int(t0), store_int(t0 + 100 * 86400)), &r));
	assert_int_equal(gap_count(r, "TRAUMA"), 1);
	must(run(c, a, Q_GAP_DECLINED, ARGS(store_int(region),
	    store_int(t0), store_int(t0 + 100 * 86400)), &r));
	assert_int_equal(gap_count(r, "TRAUMA"), 1);
	assert_int_equal(gap_count(r, "SAFE-SHELTER"), 0);
	must(run(c, a, Q_GAP_WAITS, ARGS(store_int(region), store_int(t0),
	    store_int(t0 + 100 * 86400)), &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 0), "SAFE-SHELTER");
	assert_int_equal(rows_int(r, 0, 1), 8 * 86400 - 300);
	must(run(c, a, Q_CONTRACT_INSERT, ARGS(store_int(org), store_int(org),
	    store_text("TRAUMA"), store_int(20), store_text("hours"),
	    store_int(region), store_int(d0), store_int(d0 + 365),
	    store_int(u), store_int(5)), &r));
	contract = rows_int(r, 0, 0);
	must(run(c, a, Q_CONTRACT_UPDATE, ARGS(store_int(contract),
	    store_int(org), store_text("TRAUMA"), store_int(30),
	    store_text("hours"), store_int(region), store_int(d0),
	    store_int(d0 + 365), store_int(u), store_int(6)), NULL));
	must(run(c, a, Q_CONTRACT_END, ARGS(store_int(contract),
	    store_int(d0 + 200), store_int(7), store_int(u)), NULL));
	must(run(c, a, Q_CONTRACT_GET, ARGS(store_int(contract)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 6), 30);
	assert_int_equal(rows_int(r, 0, 11), d0 + 200);
	assert_int_equal(rows_int(r, 0, 12), 7);
	must(run(c, a, Q_CONTRACT_LIST, NOARGS, &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_CONTRACT_SUPPLY, ARGS(store_int(region),
	    store_int(d0 + 100), store_int(d0 + 400)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 2), 30);
	assert_int_equal(rows_int(r, 0, 3), 1);
	must(run(c, a, Q_CONTRACT_SUPPLY, ARGS(store_int(region),
	    store_int(d0 + 201), store_int(d0 + 400)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_GAP_RESULT_INSERT, ARGS(store_int(2250),
	    store_int(4), store_int(region), store_int(10), store_int(5),
	    store_text("TRAUMA"), store_text("s,s,s,x,s,s,s,x"),
	    store_int(9)), NULL));
	must(run(c, a, Q_GAP_RESULT_GET, ARGS(store_int(2250), store_int(4),
	    store_int(region)), &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 3), "s,s,s,x,s,s,s,x");
	must(run(c, a, Q_COPY_CONTRACT_ALL, NOARGS, &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_COPY_GAP_ALL, NOARGS, &r));
	assert_int_equal(r->nrows, 1);
	must(script(c, "DELETE FROM gap_result; DELETE FROM care_contract;"));
	must(run(c, a, Q_COPY_CONTRACT_INSERT, ARGS(store_int(contract),
	    store_int(org), store_int(org), store_text("TRAUMA"),
	    store_int(30), store_text("hours"), store_int(region),
	    store_int(d0), store_int(d0 + 200), store_int(7), store_int(u),
	    store_int(5), store_int(u), store_int(7)), NULL));
#undef WINDOW
#undef DAYS

	/* Facts, a run, a result and a release. */
	must(run(c, a, Q_INSIGHT_FACT_INSERT, ARGS(store_text("cases_type"),
	    store_int(9000), store_text("GM0014"), store_text("trafficking"),
	    store_int(12)), NULL));
	must(run(c, a, Q_INSIGHT_FROZEN_INSERT, ARGS(store_text("cases_type"),
	    store_int(9000), store_int(1)), NULL));
	must(run(c, a, Q_INSIGHT_FROZEN, ARGS(store_int(9000)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_INSIGHT_FACTS, ARGS(store_int(9000),
	    store_int(9003)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 4), 12);
	must(run(c, a, Q_INSIGHT_RUN_INSERT, ARGS(store_int(2250),
	    store_int(1), store_text("open"), store_int(10), store_int(5),
	    store_int(500), store_int(7)), NULL));
	must(run(c, a, Q_INSIGHT_RUN_GET, ARGS(store_int(2250),
	    store_int(1), store_text("open")), &r));
	assert_int_equal(rows_int(r, 0, 0), 10);
	assert_int_equal(rows_int(r, 0, 3), 500);
	must(run(c, a, Q_INSIGHT_RUN_GET, ARGS(store_int(2250),
	    store_int(1), store_text("protected")), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_INSIGHT_RESULT_INSERT, ARGS(store_int(2250),
	    store_int(1), store_text("open"), store_text("municipality"),
	    store_text("GM0014"), store_text("cases_type"),
	    store_text("10,10,s,s,x,x")), NULL));
	must(run(c, a, Q_INSIGHT_RESULT_AREA, ARGS(store_int(2250),
	    store_int(1), store_text("open"), store_text("municipality"),
	    store_text("GM0014")), &r));
	assert_string_equal(rows_text(r, 0, 1), "10,10,s,s,x,x");
	must(run(c, a, Q_INSIGHT_RELEASE_INSERT, ARGS(store_int(1),
	    store_int(u), store_int(org), store_text("policy"),
	    store_text("csv"), store_text("cases_type"),
	    store_text("municipality"), store_text("GM0014"),
	    store_int(2250), store_int(1)), &r));
	assert_true(rows_int(r, 0, 0) > 0);
	must(run(c, a, Q_INSIGHT_RELEASE_COUNT, ARGS(store_int(u)), &r));
	assert_int_equal(rows_int(r, 0, 0), 1);
	must(run(c, a, Q_INSIGHT_MUNIS, NULL, 0, &r));
	assert_true(r->nrows >= 1);
	must(run(c, a, Q_INSIGHT_REGIONS, NULL, 0, &r));
	must(run(c, a, Q_INSIGHT_ORG_REGIONS, ARGS(store_int(org)), &r));
	/* The copy to PostgreSQL reads and writes every insight table. */
	must(run(c, a, Q_COPY_INSIGHT_FACT_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 5);
	must(run(c, a, Q_COPY_INSIGHT_FROZEN_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 3);
	must(run(c, a, Q_COPY_INSIGHT_RUN_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 7);
	must(run(c, a, Q_COPY_INSIGHT_RESULT_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 7);
	must(run(c, a, Q_COPY_INSIGHT_RELEASE_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 11);
	memcpy(cells, r->cells, sizeof(cells));
	cells[0] = store_int(900400);
	must(run(c, a, Q_COPY_INSIGHT_RELEASE_INSERT, cells, 11, NULL));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* The registry of trained professionals, its coverage per region and
 * the HTCDS victims. */
static void
test_expertise(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	int64_t org, u, id, day = 20000;
	struct store_value cells[8];
	unsigned char sealed[4] = { 1, 2, 3, 4 };

	(void)state;
	org = make_org(c, a, "ZC Expertise", "GM0363");
	u = make_user(c, a, "expertiseco", org);
	must(script(c, "INSERT INTO region (name, type, created_at) VALUES"
	    " ('Expertiseregio', 'care_coordination', 1);"
	    "INSERT INTO region_municipality (region_id, municipality)"
	    " SELECT id, 'GM0363' FROM region WHERE name ="
	    " 'Expertiseregio';"));
	must(run(c, a, Q_EXPERTISE_INSERT, ARGS(store_int(org),
	    store_text("minors"), store_int(day - 10), store_null(),
	    store_int(1), store_int(u)), &r));
	id = rows_int(r, 0, 0);
	must(run(c, a, Q_EXPERTISE_SEAL, ARGS(store_int(id),
	    store_blob(sealed, sizeof(sealed))), NULL));
	must(run(c, a, Q_EXPERTISE_INSERT, ARGS(store_int(org),
	    store_text("lvb"), store_int(day - 10), store_int(day - 1),
	    store_int(1), store_int(u)), &r));
	must(run(c, a, Q_EXPERTISE_LIST, ARGS(store_int(org)), &r));
	assert_int_equal(r->nrows, 2);
	assert_string_equal(rows_text(r, 0, 3), "lvb");
	assert_true(rows_null(r, 1, 5));
	must(run(c, a, Q_EXPERTISE_GET, ARGS(store_int(id)), &r));
	assert_int_equal(rows_int(r, 0, 1), org);
	/* In force on day: the minors training; the lvb one has ended. */
	must(run(c, a, Q_EXPERTISE_COVERAGE, ARGS(store_int(day)), &r));
	assert_true(r->nrows >= 1);
	must(run(c, a, Q_HTCDS_VICTIMS, ARGS(store_int(0),
	    store_int(4000000000LL)), &r));
	assert_int_equal(r->ncols, 5);
	must(run(c, a, Q_COPY_EXPERTISE_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 8);
	memcpy(cells, r->cells, sizeof(cells));
	cells[0] = store_int(900500);
	must(run(c, a, Q_COPY_EXPERTISE_INSERT, cells, 8, NULL));
	must(run(c, a, Q_EXPERTISE_DELETE, ARGS(store_int(900500)), NULL));
	must(run(c, a, Q_EXPERTISE_DELETE, ARGS(store_int(id)), NULL));
	must(run(c, a, Q_EXPERTISE_GET, ARGS(store_int(id)), &r));
	assert_int_equal(r->nrows, 0);
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* Notifications and the outbox (0027). */
static void
test_notify(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	int64_t org, u, n, m;
	struct store_value cells[9];
	unsigned char sealed[4] = { 5, 6, 7, 8 };

	(void)state;
	org = make_org(c, a, "Meldpunt Post", "GM0363");
	u = make_user(c, a, "postgebruiker", org);
	must(run(c, a, Q_NOTIFY_MAILABLE, ARGS(store_int(u)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_USER_EMAIL_SET, ARGS(store_int(u),
	    store_blob(sealed, sizeof(sealed))), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_NOTIFY_MAILABLE, ARGS(store_int(u)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_USER_EMAIL_OFF, ARGS(store_int(u), store_int(1)),
	    &r));
	must(run(c, a, Q_NOTIFY_MAILABLE, ARGS(store_int(u)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_USER_EMAIL_GET, ARGS(store_int(u)), &r));
	assert_int_equal(rows_int(r, 0, 1), 1);
	must(run(c, a, Q_OUTBOX_ADDRESS, ARGS(store_int(u)), &r));
	assert_int_equal(r->ncols, 3);
	must(run(c, a, Q_NOTIFY_INSERT, ARGS(store_int(u),
	    store_text("question"), store_text("signal"), store_int(7),
	    store_int(100)), &r));
	n = rows_int(r, 0, 0);
	must(run(c, a, Q_NOTIFY_UNSEEN, ARGS(store_int(u)), &r));
	assert_int_equal(rows_int(r, 0, 0), 1);
	must(run(c, a, Q_NOTIFY_MINE, ARGS(store_int(u), store_int(10)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(r->ncols, 7);
	must(run(c, a, Q_NOTIFY_SEEN, ARGS(store_int(n), store_int(u + 1),
	    store_int(101)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_NOTIFY_SEEN, ARGS(store_int(n), store_int(u),
	    store_int(101)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_NOTIFY_DONE, ARGS(store_int(u),
	    store_text("question"), store_text("signal"), store_int(7),
	    store_int(102)), NULL));
	must(run(c, a, Q_NOTIFY_UNSEEN, ARGS(store_int(u)), &r));
	assert_int_equal(rows_int(r, 0, 0), 0);
	must(run(c, a, Q_OUTBOX_INSERT, ARGS(store_int(u),
	    store_text("question"), store_text("#/start"), store_int(100)),
	    &r));
	m = rows_int(r, 0, 0);
	must(run(c, a, Q_OUTBOX_DUE, ARGS(store_int(100), store_int(10)),
	    &r));
	assert_true(r->nrows >= 1);
	must(run(c, a, Q_OUTBOX_FAILED, ARGS(store_int(m), store_int(160),
	    store_text("connect")), NULL));
	must(run(c, a, Q_OUTBOX_DUE, ARGS(store_int(100), store_int(10)),
	    &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_OUTBOX_SENT, ARGS(store_int(m), store_int(170)),
	    NULL));
	must(run(c, a, Q_COPY_NOTIFY_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 8);
	memcpy(cells, r->cells, 8 * sizeof(cells[0]));
	cells[0] = store_int(900600);
	must(run(c, a, Q_COPY_NOTIFY_INSERT, cells, 8, NULL));
	must(run(c, a, Q_COPY_OUTBOX_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 9);
	memcpy(cells, r->cells, sizeof(cells));
	cells[0] = store_int(900601);
	must(run(c, a, Q_COPY_OUTBOX_INSERT, cells, 9, NULL));
	/* Who is told of case, referral and deadline events. */
	must(run(c, a, Q_NOTIFY_ORG_ROLE, ARGS(store_int(org),
	    store_text("advisor")), &r));
	assert_true(r->nrows >= 1);
	must(run(c, a, Q_NOTIFY_CASE_TEAM, ARGS(store_int(999999)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_SWEEP_SIGNALS, ARGS(store_int(0)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_SWEEP_REFERRALS, ARGS(store_int(0)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_SWEEP_ESCALATIONS, ARGS(store_int(0)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_SWEEP_PLACEMENTS, ARGS(store_int(-5),
	    store_int(-5)), &r));
	assert_int_equal(r->nrows, 0);
	/* An event is claimed once; the same kind and object due at
	 * another moment is another event. */
	must(run(c, a, Q_NOTICE_ADD, ARGS(store_text("test"),
	    store_text("signal"), store_int(7), store_int(100),
	    store_int(101)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_NOTICE_ADD, ARGS(store_text("test"),
	    store_text("signal"), store_int(7), store_int(100),
	    store_int(102)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_COPY_NOTICE_INSERT, ARGS(store_text("test"),
	    store_text("signal"), store_int(7), store_int(200),
	    store_int(201)), NULL));
	must(run(c, a, Q_COPY_NOTICE_ALL, NOARGS, &r));
	assert_true(r->nrows >= 2);
	must(run(c, a, Q_NOTIFY_ADVISORS, ARGS(store_int(0)), &r));
	must(run(c, a, Q_NOTIFY_ADVISORS, ARGS(store_int(1)), &r));
	must(run(c, a, Q_NOTIFY_DONE_ALL, ARGS(store_text("overdue"),
	    store_text("signal"), store_int(7), store_int(103)), NULL));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

static void
test_due(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	int64_t org, other, u, fresh, kase;
	char sql[1024];

	(void)state;
	org = make_org(c, a, "ZC Termijn", "GM0363");
	other = make_org(c, a, "ZC Elders", "GM0363");
	u = make_user(c, a, "termijnco", org);
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("labour"), store_text(""), store_text("new"),
	    store_int(org), store_null(), store_text("GM0363"),
	    store_null(), store_null(), store_text("police"),
	    store_int(u), store_int(9000), store_int(4200), store_int(4200)),
	    &r));
	fresh = rows_int(r, 0, 0);
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("labour"), store_text(""), store_text("in_care"),
	    store_int(org), store_null(), store_text("GM0363"),
	    store_int(u), store_null(), store_text("police"),
	    store_int(u), store_int(9000), store_int(4200), store_int(4200)),
	    &r));
	kase = rows_int(r, 0, 0);
	snprintf(sql, sizeof(sql),
	    "INSERT INTO case_plan (case_id, review_on, updated_by,"
	    " updated_at) VALUES (%lld, 20500, %lld, 1);"
	    "INSERT INTO case_transfer (case_id, from_org, to_org,"
	    " municipality, status, requested_by, requested_at, due)"
	    " VALUES (%lld, %lld, %lld, 'GM0363', 'pending', %lld, 1, 8000);"
	    "INSERT INTO case_assessment (case_id, committee_id, status,"
	    " submitted_by, submitted_at, first_due, updated_at) VALUES"
	    " (%lld, %lld, 'submitted', %lld, 1, 7000, 1);",
	    (long long)kase, (long long)u, (long long)kase,
	    (long long)org, (long long)other, (long long)u, (long long)kase,
	    (long long)other, (long long)u);
	must(script(c, sql));

	must(run(c, a, Q_DUE_CASE_ACCEPT, ARGS(store_int(org),
	    store_int(9000), store_int(10)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), fresh);
	assert_int_equal(rows_int(r, 0, 1), 9000);
	must(run(c, a, Q_DUE_CASE_ACCEPT, ARGS(store_int(org),
	    store_int(8999), store_int(10)), &r));
	assert_int_equal(r->nrows, 0);			/* not yet */
	must(run(c, a, Q_DUE_PLAN_REVIEW, ARGS(store_int(org),
	    store_int(20500), store_int(10)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), kase);
	assert_int_equal(rows_int(r, 0, 1), 20500);
	must(run(c, a, Q_DUE_PLAN_REVIEW, ARGS(store_int(other),
	    store_int(30000), store_int(10)), &r));
	assert_int_equal(r->nrows, 0);			/* not theirs */
	/* The transfer is the receiving organisation's to answer. */
	must(run(c, a, Q_DUE_TRANSFER, ARGS(store_int(other),
	    store_int(8000), store_int(10)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), kase);
	assert_int_equal(rows_int(r, 0, 2), 8000);
	must(run(c, a, Q_DUE_TRANSFER, ARGS(store_int(org),
	    store_int(8000), store_int(10)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_DUE_IDENT, ARGS(store_int(org), store_int(7000),
	    store_int(10)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), kase);
	assert_string_equal(rows_text(r, 0, 2), "submitted");
	assert_int_equal(rows_int(r, 0, 3), 7000);
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* Placements: recorded, overlapping, changed, ended, authorised; the
 * provider's list, the deadline overview, the insight's share, the
 * purge and the copy. */
static void
test_placements(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	unsigned char ct[40];
	struct store_value cells[14];
	int64_t cc, coord, prov, kase, minor, adult, p1, p2, p3, alt;

	(void)state;
	memset(ct, 0, sizeof(ct));
	ct[5] = 0x33;
	must(run(c, a, Q_ORG_INSERT, ARGS(store_text("ZC Plaatsing"),
	    store_text("care_coordination"), store_text("GM0363"),
	    store_int(0), store_int(1700000000)), &r));
	cc = rows_int(r, 0, 0);
	must(run(c, a, Q_ORG_INSERT, ARGS(store_text("Jeugdzorg Plus"),
	    store_text("provider"), store_text("GM0363"), store_int(0),
	    store_int(1700000000)), &r));
	prov = rows_int(r, 0, 0);
	must(run(c, a, Q_USER_INSERT, ARGS(store_text("plaatsco"),
	    store_int(cc), store_text("coordinator"), store_text("$argon2id"),
	    store_int(1), store_int(0), store_int(1700000100),
	    store_text("010 3"), store_null(), store_int(0), store_int(0)),
	    &r));
	coord = rows_int(r, 0, 0);
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("labour"), store_text(""), store_text("in_care"),
	    store_int(cc), store_null(), store_text("GM0363"),
	    store_int(coord), store_null(), store_text("police"),
	    store_int(coord), store_int(9000), store_int(4200),
	    store_int(4200)), &r));
	kase = rows_int(r, 0, 0);
	must(run(c, a, Q_PERSON_INSERT, ARGS(store_text("16-17"),
	    store_text("female"), store_text("eu"), store_null(),
	    store_int(4200)), &r));
	minor = rows_int(r, 0, 0);
	must(run(c, a, Q_PERSON_INSERT, ARGS(store_text("23-29"),
	    store_text("female"), store_text("eu"), store_null(),
	    store_int(4200)), &r));
	adult = rows_int(r, 0, 0);
	must(run(c, a, Q_CASE_PERSON_INSERT, ARGS(store_int(kase),
	    store_int(minor), store_text("victim"), store_int(4200)), NULL));
	must(run(c, a, Q_CASE_PERSON_INSERT, ARGS(store_int(kase),
	    store_int(adult), store_text("victim"), store_int(4200)), NULL));

	must(run(c, a, Q_PLACEMENT_PROVIDERS, NOARGS, &r));
	assert_true(r->nrows >= 1);
	must(run(c, a, Q_PLACEMENT_PROVIDER_IS, ARGS(store_int(prov)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_PLACEMENT_PROVIDER_IS, ARGS(store_int(cc)), &r));
	assert_int_equal(r->nrows, 0);
	/* A closed placement of the minor, from day 20000, open. */
	must(run(c, a, Q_PLACEMENT_INSERT, ARGS(store_int(kase),
	    store_int(minor), store_text("closed_youth_care"),
	    store_int(20000), store_null(), store_int(prov), store_int(20030),
	    store_text("16-17"), store_int(coord), store_int(5000)), &r));
	p1 = rows_int(r, 0, 0);
	must(run(c, a, Q_PLACEMENT_AUTH_INSERT, ARGS(store_int(p1),
	    store_text("emergency"), store_int(19999), store_int(20000),
	    store_int(20027), store_int(coord), store_int(5000)), NULL));
	must(run(c, a, Q_PLACEMENT_ALT_INSERT, ARGS(store_int(p1),
	    store_text("foster_care")), &r));
	alt = rows_int(r, 0, 0);
	must(run(c, a, Q_PLACEMENT_ALT_SEAL, ARGS(store_int(alt),
	    store_blob(ct, sizeof(ct))), NULL));
	/* A type outside the list is refused by the schema. */
	assert_int_equal(run(c, a, Q_PLACEMENT_INSERT, ARGS(store_int(kase),
	    store_int(minor), store_text("prison"), store_int(20000),
	    store_null(), store_null(), store_null(), store_null(),
	    store_int(coord), store_int(5000)), NULL), -1);
	/* The adult in a shelter, then other with a sealed text. */
	must(run(c, a, Q_PLACEMENT_INSERT, ARGS(store_int(kase),
	    store_int(adult), store_text("womens_shelter"),
	    store_int(19900), store_int(19950), store_int(prov), store_null(),
	    store_text("23-29"), store_int(coord), store_int(5001)), &r));
	p2 = rows_int(r, 0, 0);
	must(run(c, a, Q_PLACEMENT_INSERT, ARGS(store_int(kase),
	    store_int(adult), store_text("other"), store_int(19950),
	    store_null(), store_null(), store_null(), store_text("23-29"),
	    store_int(coord), store_int(5002)), &r));
	p3 = rows_int(r, 0, 0);
	must(run(c, a, Q_PLACEMENT_SEAL_OTHER, ARGS(store_int(p3),
	    store_blob(ct, sizeof(ct))), NULL));

	/* Overlap: ending on the day the next starts does not count. */
	must(run(c, a, Q_PLACEMENT_OVERLAP, ARGS(store_int(kase),
	    store_int(adult), store_int(p3), store_int(19950),
	    store_int(2147483647)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_PLACEMENT_OVERLAP, ARGS(store_int(kase),
	    store_int(adult), store_int(0), store_int(19949),
	    store_int(19951)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), p2);
	assert_int_equal(rows_int(r, 0, 2), 19950);
	must(run(c, a, Q_PLACEMENT_OVERLAP, ARGS(store_int(kase),
	    store_int(minor), store_int(0), store_int(30000),
	    store_int(30001)), &r));
	assert_int_equal(rows_int(r, 0, 2), -1);	/* open */

	must(run(c, a, Q_PLACEMENT_HEAD, ARGS(store_int(p1), store_int(kase)),
	    &r));
	assert_int_equal(r->ncols, 11);
	assert_string_equal(rows_text(r, 0, 2), "closed_youth_care");
	assert_int_equal(rows_int(r, 0, 4), -1);
	assert_string_equal(rows_text(r, 0, 8), "emergency");
	assert_int_equal(rows_int(r, 0, 10), 20027);
	must(run(c, a, Q_PLACEMENT_HEAD, ARGS(store_int(p1),
	    store_int(kase + 1)), &r));
	assert_int_equal(r->nrows, 0);			/* not this case's */

	/* The deadline overview before the renewal: the review and the
	 * emergency authorisation's end. */
	must(run(c, a, Q_PLACEMENT_DUE, ARGS(store_int(cc), store_int(20030),
	    store_int(20058), store_int(28), store_int(10)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), p1);
	assert_int_equal(rows_int(r, 0, 3), 20030);
	assert_string_equal(rows_text(r, 0, 4), "emergency");
	must(run(c, a, Q_PLACEMENT_DUE, ARGS(store_int(cc), store_int(20000),
	    store_int(20020), store_int(28), store_int(10)), &r));
	assert_int_equal(r->nrows, 0);			/* not yet */
	must(run(c, a, Q_PLACEMENT_DUE, ARGS(store_int(prov),
	    store_int(30000), store_int(30000), store_int(28),
	    store_int(10)), &r));
	assert_int_equal(r->nrows, 0);			/* not theirs */
	/* A renewal holds from then on. */
	must(run(c, a, Q_PLACEMENT_AUTH_INSERT, ARGS(store_int(p1),
	    store_text("authorisation"), store_int(20020), store_int(20028),
	    store_int(20390), store_int(coord), store_int(5003)), NULL));
	must(run(c, a, Q_PLACEMENT_HEAD, ARGS(store_int(p1), store_int(kase)),
	    &r));
	assert_string_equal(rows_text(r, 0, 8), "authorisation");

	must(run(c, a, Q_PLACEMENT_SET, ARGS(store_int(p1), store_int(kase),
	    store_int(20300), store_null(), store_int(prov),
	    store_int(5004)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_PLACEMENT_END, ARGS(store_int(p2), store_int(kase),
	    store_int(19950), store_text("next_placement"), store_int(5005)),
	    &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_PLACEMENT_END, ARGS(store_int(p2), store_int(kase),
	    store_int(19950), store_text("completed"), store_int(5006)), &r));
	assert_int_equal(r->nrows, 0);			/* ended already */
	must(run(c, a, Q_PLACEMENT_SET, ARGS(store_int(p2), store_int(kase),
	    store_null(), store_null(), store_null(), store_int(5007)), &r));
	assert_int_equal(r->nrows, 0);

	must(run(c, a, Q_PLACEMENT_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 3);
	assert_int_equal(r->ncols, 14);
	assert_int_equal(rows_int(r, 0, 0), p2);	/* by first day */
	assert_string_equal(rows_text(r, 0, 6), "next_placement");
	assert_string_equal(rows_text(r, 0, 8), "Jeugdzorg Plus");
	assert_false(rows_null(r, 1, 3));		/* the sealed text */
	assert_int_equal(rows_int(r, 1, 7), 0);		/* no provider */
	assert_string_equal(rows_text(r, 2, 11), "plaatsco");
	must(run(c, a, Q_PLACEMENT_AUTHS_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 2);
	assert_int_equal(r->ncols, 8);
	assert_string_equal(rows_text(r, 1, 2), "authorisation");
	must(run(c, a, Q_PLACEMENT_ALTS_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 1);
	assert_false(rows_null(r, 0, 3));

	/* The provider's list: no person, newest first. */
	must(run(c, a, Q_PLACEMENT_OF_PROVIDER, ARGS(store_int(prov),
	    store_int(10)), &r));
	assert_int_equal(r->nrows, 2);
	assert_int_equal(r->ncols, 6);
	assert_int_equal(rows_int(r, 0, 0), p1);
	assert_int_equal(rows_int(r, 0, 1), kase);
	must(run(c, a, Q_PLACEMENT_OF_PROVIDER, ARGS(store_int(cc),
	    store_int(10)), &r));
	assert_int_equal(r->nrows, 0);

	/* The insight: one minor placed, in closed youth care. */
	must(run(c, a, Q_PLACEMENT_CLOSED_SHARE, ARGS(store_int(19000),
	    store_int(21000)), &r));
	assert_int_equal(r->nrows, 1);
	assert_true(rows_null(r, 0, 0));		/* no region */
	assert_int_equal(rows_int(r, 0, 1), 1);
	assert_int_equal(rows_int(r, 0, 2), 1);
	must(run(c, a, Q_PLACEMENT_CLOSED_SHARE, ARGS(store_int(10000),
	    store_int(19999)), &r));
	assert_int_equal(r->nrows, 0);

	/* Copying, then the purge. */
	must(run(c, a, Q_COPY_PLACEMENT_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 14);
	memcpy(cells, r->cells, 14 * sizeof(cells[0]));
	cells[0] = store_int(900300);
	must(run(c, a, Q_COPY_PLACEMENT_INSERT, cells, 14, NULL));
	must(run(c, a, Q_COPY_PLACEMENT_AUTH_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 8);
	memcpy(cells, r->cells, 8 * sizeof(cells[0]));
	cells[0] = store_int(900301);
	must(run(c, a, Q_COPY_PLACEMENT_AUTH_INSERT, cells, 8, NULL));
	must(run(c, a, Q_COPY_PLACEMENT_ALT_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 4);
	memcpy(cells, r->cells, 4 * sizeof(cells[0]));
	cells[0] = store_int(900302);
	must(run(c, a, Q_COPY_PLACEMENT_ALT_INSERT, cells, 4, NULL));
	must(run(c, a, Q_PURGE_CASE_PLACEMENTS, ARGS(store_int(kase)), NULL));
	must(run(c, a, Q_PURGE_CASE_PLACEMENT_ALTS, ARGS(store_int(kase)),
	    NULL));
	must(run(c, a, Q_PLACEMENT_OF_CASE, ARGS(store_int(kase)), &r));
	assert_true(rows_null(r, 1, 3));
	must(run(c, a, Q_PLACEMENT_ALTS_OF_CASE, ARGS(store_int(kase)), &r));
	assert_true(rows_null(r, 0, 3));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

/* Transfers and emergency reads: a case moves from one care
 * coordination to another, and a coordinator outside it reads it. */
static void
test_transfers(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	unsigned char ct[40], h[32];
	struct store_value cells[16];
	int64_t ams, rdam, u1, u2, region, kase, t1, t2, e1, aid;

	(void)state;
	memset(ct, 0, sizeof(ct));
	ct[5] = 0x2a;
	memset(h, 0x11, sizeof(h));
	must(run(c, a, Q_MUNI_UPSERT, ARGS(store_text("GM0599"),
	    store_text("Rotterdam"), store_text("Zuid-Holland")), NULL));
	ams = make_org(c, a, "ZC Amstel", "GM0363");
	rdam = make_org(c, a, "ZC Maas", "GM0599");
	u1 = make_user(c, a, "overdrager", ams);
	u2 = make_user(c, a, "ontvanger", rdam);
	must(run(c, a, Q_REGION_INSERT, ARGS(store_text("ZC Maasmond"),
	    store_text("care_coordination"), store_int(1)), &r));
	region = rows_int(r, 0, 0);
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("labour"), store_text(""), store_text("accepted"),
	    store_int(ams), store_null(), store_text("GM0363"),
	    store_int(u1), store_null(), store_text("police"),
	    store_int(u1), store_int(9000), store_int(4200), store_int(4200)),
	    &r));
	kase = rows_int(r, 0, 0);
	must(run(c, a, Q_MEMBER_INSERT, ARGS(store_int(kase), store_int(u1),
	    store_int(u1), store_int(4300)), &r));

	/* One waits at a time. */
	must(run(c, a, Q_TRANSFER_INSERT, ARGS(store_int(kase),
	    store_int(ams), store_int(rdam), store_int(region),
	    store_text("GM0599"), store_int(u1), store_int(5000),
	    store_int(6000)), &r));
	assert_int_equal(r->nrows, 1);
	t1 = rows_int(r, 0, 0);
	must(run(c, a, Q_TRANSFER_INSERT, ARGS(store_int(kase),
	    store_int(ams), store_int(rdam), store_int(region),
	    store_text("GM0599"), store_int(u1), store_int(5001),
	    store_int(6001)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_TRANSFER_SEAL, ARGS(store_int(t1),
	    store_blob(ct, sizeof(ct))), NULL));
	must(run(c, a, Q_TRANSFER_PENDING, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 2), rdam);
	assert_int_equal(rows_int(r, 0, 3), region);
	assert_string_equal(rows_text(r, 0, 5), "Rotterdam");
	assert_string_equal(rows_text(r, 0, 7), "ZC Maas");
	assert_string_equal(rows_text(r, 0, 8), "overdrager");
	assert_int_equal(rows_int(r, 0, 10), 6000);
	must(run(c, a, Q_TRANSFER_RELATION, ARGS(store_int(kase),
	    store_int(rdam)), &r));
	assert_string_equal(rows_text(r, 0, 0), "pending");
	must(run(c, a, Q_TRANSFER_RELATION, ARGS(store_int(kase),
	    store_int(ams)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_TRANSFER_OF_ORG, ARGS(store_int(rdam),
	    store_int(10)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 1), kase);
	assert_string_equal(rows_text(r, 0, 4), "ZC Amstel");
	must(run(c, a, Q_TRANSFER_OF_ORG, ARGS(store_int(ams),
	    store_int(10)), &r));
	assert_int_equal(r->nrows, 1);

	/* Declined, asked again, accepted: the case moves. */
	must(run(c, a, Q_TRANSFER_DECIDE, ARGS(store_int(t1),
	    store_text("declined"), store_int(u2), store_int(5100)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_TRANSFER_DECIDE, ARGS(store_int(t1),
	    store_text("accepted"), store_int(u2), store_int(5100)), &r));
	assert_int_equal(r->nrows, 0);			/* once */
	must(run(c, a, Q_TRANSFER_ANSWER_SEAL, ARGS(store_int(t1),
	    store_blob(ct, sizeof(ct))), NULL));
	must(run(c, a, Q_TRANSFER_INSERT, ARGS(store_int(kase),
	    store_int(ams), store_int(rdam), store_int(region),
	    store_text("GM0599"), store_int(u1), store_int(5200),
	    store_int(6200)), &r));
	t2 = rows_int(r, 0, 0);
	must(run(c, a, Q_TRANSFER_DECIDE, ARGS(store_int(t2),
	    store_text("accepted"), store_int(u2), store_int(5300)), &r));
	must(run(c, a, Q_TRANSFER_MOVE, ARGS(store_int(kase), store_int(rdam),
	    store_int(region), store_text("GM0599"), store_int(u2),
	    store_int(5300), store_int(rdam)), &r));
	assert_int_equal(r->nrows, 0);		/* not from the wrong org */
	must(run(c, a, Q_TRANSFER_MOVE, ARGS(store_int(kase), store_int(rdam),
	    store_int(region), store_text("GM0599"), store_int(u2),
	    store_int(5300), store_int(ams)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_TRANSFER_MEMBERS_OFF, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), u1);
	must(run(c, a, Q_CASE_HEAD, ARGS(store_int(kase)), &r));
	assert_int_equal(rows_int(r, 0, 4), rdam);
	assert_string_equal(rows_text(r, 0, 6), "GM0599");
	assert_int_equal(rows_int(r, 0, 7), u2);
	must(run(c, a, Q_TRANSFER_RELATION, ARGS(store_int(kase),
	    store_int(ams)), &r));
	assert_string_equal(rows_text(r, 0, 0), "accepted");
	must(run(c, a, Q_TRANSFER_PENDING, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 0);

	/* An emergency read, the lists, the trail. */
	must(run(c, a, Q_EMERGENCY_INSERT, ARGS(store_int(kase),
	    store_int(u1), store_int(ams), store_int(7000),
	    store_int(10600)), &r));
	e1 = rows_int(r, 0, 0);
	must(run(c, a, Q_EMERGENCY_SEAL, ARGS(store_int(e1),
	    store_blob(ct, sizeof(ct))), NULL));
	must(run(c, a, Q_EMERGENCY_ACTIVE, ARGS(store_int(kase),
	    store_int(u1), store_int(8000)), &r));
	assert_int_equal(rows_int(r, 0, 0), e1);
	assert_int_equal(rows_int(r, 0, 1), 10600);
	must(run(c, a, Q_EMERGENCY_ACTIVE, ARGS(store_int(kase),
	    store_int(u1), store_int(10600)), &r));
	assert_int_equal(r->nrows, 0);			/* ended */
	must(run(c, a, Q_EMERGENCY_ACTIVE, ARGS(store_int(kase),
	    store_int(u1), store_int(6999)), &r));
	assert_int_equal(r->nrows, 0);			/* not begun */
	must(run(c, a, Q_EMERGENCY_OF_ORG, ARGS(store_int(rdam),
	    store_int(6000), store_int(10)), &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 4), "overdrager");
	assert_string_equal(rows_text(r, 0, 5), "ZC Amstel");
	must(run(c, a, Q_EMERGENCY_OF_ORG, ARGS(store_int(rdam),
	    store_int(7001), store_int(10)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_EMERGENCY_ALL, ARGS(store_int(10)), &r));
	assert_int_equal(rows_int(r, 0, 0), e1);
	must(run(c, a, Q_EMERGENCY_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 1);
	assert_false(rows_null(r, 0, 1));
	/* The retention purge empties the sealed reasons. */
	must(run(c, a, Q_PURGE_CASE_TRANSFERS, ARGS(store_int(kase)), NULL));
	must(run(c, a, Q_PURGE_CASE_EMERGENCIES, ARGS(store_int(kase)), NULL));
	must(run(c, a, Q_EMERGENCY_OF_CASE, ARGS(store_int(kase)), &r));
	assert_true(rows_null(r, 0, 1));
	must(run(c, a, Q_EMERGENCY_SEAL, ARGS(store_int(e1),
	    store_blob(ct, sizeof(ct))), NULL));
	must(run(c, a, Q_AUDIT_LAST, NOARGS, &r));
	aid = r->nrows > 0 ? rows_int(r, 0, 0) + 1 : 1;
	must(run(c, a, Q_AUDIT_INSERT, ARGS(store_int(aid), store_int(7001),
	    store_int(u1), store_int(ams), store_text("coordinator"),
	    store_text("case.read"), store_text("case"), store_int(kase),
	    store_text("emergency access 1"), store_text(""), store_null(),
	    store_blob(h, sizeof(h)), store_blob(h, sizeof(h))), NULL));
	must(run(c, a, Q_CASE_TRAIL, ARGS(store_int(kase), store_int(10)),
	    &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 2), "overdrager");
	assert_string_equal(rows_text(r, 0, 3), "ZC Amstel");
	assert_string_equal(rows_text(r, 0, 6), "emergency access 1");

	/* Copying. */
	must(run(c, a, Q_COPY_TRANSFER_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 14);
	memcpy(cells, r->cells, 14 * sizeof(cells[0]));
	cells[0] = store_int(900200);
	cells[6] = store_text("cancelled");
	must(run(c, a, Q_COPY_TRANSFER_INSERT, cells, 14, NULL));
	must(run(c, a, Q_COPY_EMERGENCY_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 7);
	memcpy(cells, r->cells, 7 * sizeof(cells[0]));
	cells[0] = store_int(900200);
	must(run(c, a, Q_COPY_EMERGENCY_INSERT, cells, 7, NULL));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

static int64_t
typed_org(void *c, struct arena *a, const char *name, const char *type)
{
	struct store_rows *r;

	must(run(c, a, Q_ORG_INSERT, ARGS(store_text(name), store_text(type),
	    store_text("GM0363"), store_int(0), store_int(1700000000)), &r));
	return rows_int(r, 0, 0);
}

static void
test_referrals(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	unsigned char ct[40];
	struct store_value cells[32], b;
	int64_t zc, prov, team, u1, u2, region, kase, need, need2, f1, f2;
	int64_t n1, e1;

	(void)state;
	memset(ct, 0, sizeof(ct));
	ct[3] = 0x2b;
	b = store_blob(ct, sizeof(ct));
	zc = typed_org(c, a, "ZC Verwijs", "care_coordination");
	prov = typed_org(c, a, "Opvang Verwijs", "provider");
	team = typed_org(c, a, "Expertteam Verwijs", "expert_team");
	u1 = make_user(c, a, "verwijzer", zc);
	u2 = make_user(c, a, "opvanger", prov);
	must(run(c, a, Q_REF_ORG, ARGS(store_int(team)), &r));
	assert_string_equal(rows_text(r, 0, 0), "expert_team");
	must(run(c, a, Q_REGION_INSERT, ARGS(store_text("Jeugd Verwijs"),
	    store_text("youth"), store_int(1)), &r));
	region = rows_int(r, 0, 0);
	must(run(c, a, Q_MUNI_UPSERT, ARGS(store_text("GM0344"),
	    store_text("Utrecht"), store_text("Utrecht")), NULL));
	must(run(c, a, Q_REGION_ADD_MUNI, ARGS(store_int(region),
	    store_text("GM0344")), NULL));
	must(run(c, a, Q_REGION_ADD_ORG, ARGS(store_int(team),
	    store_int(region)), NULL));
	must(run(c, a, Q_ESC_TEAM, ARGS(store_text("GM0344")), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), team);
	assert_int_equal(rows_int(r, 0, 1), region);
	must(run(c, a, Q_CASE_INSERT, ARGS(store_text("trafficking"),
	    store_text("labour"), store_text("i1"), store_text("accepted"),
	    store_int(zc), store_null(), store_text("GM0344"),
	    store_int(u1), store_null(), store_text("police"),
	    store_int(u1), store_int(9000), store_int(1000), store_int(1000)),
	    &r));
	kase = rows_int(r, 0, 0);
	must(run(c, a, Q_REF_CASE, ARGS(store_int(kase)), &r));
	assert_string_equal(rows_text(r, 0, 0), "trafficking");
	assert_string_equal(rows_text(r, 0, 3), "Utrecht");
	assert_int_equal(rows_int(r, 0, 4), 0);
	must(run(c, a, Q_NEED_INSERT, ARGS(store_int(kase),
	    store_text("SAFE-SHELTER"), store_int(u1), store_int(1000)), &r));
	need = rows_int(r, 0, 0);
	must(run(c, a, Q_NEED_INSERT, ARGS(store_int(kase),
	    store_text("MED"), store_int(u1), store_int(1100)), &r));
	need2 = rows_int(r, 0, 0);
	must(run(c, a, Q_REF_NEED, ARGS(store_int(need), store_int(kase)),
	    &r));
	assert_string_equal(rows_text(r, 0, 1), "open");

	/* Sent, sealed, read. */
	must(run(c, a, Q_REF_INSERT, ARGS(store_int(kase), store_int(need),
	    store_text("SAFE-SHELTER"), store_int(1), store_int(zc),
	    store_int(prov), store_text("persons,summary"),
	    store_text("consent"), store_int(20000), store_null(),
	    store_int(u1), store_int(2000), store_int(3000)), &r));
	f1 = rows_int(r, 0, 0);
	must(run(c, a, Q_REF_SEAL, ARGS(store_int(f1), store_null(), b, b),
	    NULL));
	must(run(c, a, Q_REF_GET, ARGS(store_int(f1)), &r));
	assert_int_equal(r->ncols, 30);
	assert_string_equal(rows_text(r, 0, 8), "Opvang Verwijs");
	assert_int_equal(rows_int(r, 0, 11), 20000);
	assert_string_equal(rows_text(r, 0, 13), "sent");
	assert_string_equal(rows_text(r, 0, 14), "verwijzer");
	assert_true(rows_null(r, 0, 25));
	assert_false(rows_null(r, 0, 26));
	must(run(c, a, Q_REF_OF_ORG, ARGS(store_int(prov), store_int(10)),
	    &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_REF_DUE_ANSWER, ARGS(store_int(zc), store_int(3001)),
	    &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 3), 3000);
	must(run(c, a, Q_REF_DUE_ANSWER, ARGS(store_int(zc), store_int(3000)),
	    &r));
	assert_int_equal(r->nrows, 0);

	/* Declined with a reason, in a state it must have. */
	must(run(c, a, Q_REF_STEP, ARGS(store_int(f1), store_text("accepted"),
	    store_text("started"), store_int(2100), store_int(u2),
	    store_null(), store_null()), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_REF_STEP, ARGS(store_int(f1), store_text("sent"),
	    store_text("declined"), store_int(2100), store_int(u2),
	    store_text("no_capacity"), store_null()), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_REF_TEXT_SEAL, ARGS(store_int(f1), b, store_null()),
	    NULL));
	must(run(c, a, Q_REF_GET, ARGS(store_int(f1)), &r));
	assert_string_equal(rows_text(r, 0, 13), "declined");
	assert_int_equal(rows_int(r, 0, 17), 2100);
	assert_string_equal(rows_text(r, 0, 18), "no_capacity");
	assert_int_equal(rows_int(r, 0, 22), 2100);
	assert_string_equal(rows_text(r, 0, 23), "declined");
	assert_false(rows_null(r, 0, 28));
	assert_true(rows_null(r, 0, 29));

	/* Another, accepted: the need is taken up. */
	must(run(c, a, Q_REF_INSERT, ARGS(store_int(kase), store_int(need),
	    store_text("SAFE-SHELTER"), store_int(1), store_int(zc),
	    store_int(prov), store_text(""), store_text("legal"),
	    store_null(), store_text("youth_act"), store_int(u1),
	    store_int(2500), store_int(3500)), &r));
	f2 = rows_int(r, 0, 0);
	must(run(c, a, Q_REF_UPTAKE_NEED, ARGS(store_int(need),
	    store_int(kase)), &r));
	assert_int_equal(rows_int(r, 0, 3), 2000);	/* the first one */
	assert_int_equal(rows_int(r, 0, 4), 0);
	must(run(c, a, Q_REF_STEP, ARGS(store_int(f2), store_text("sent"),
	    store_text("accepted"), store_int(2600), store_int(u2),
	    store_null(), store_null()), &r));
	must(run(c, a, Q_REF_UPTAKE_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 2);
	assert_int_equal(rows_int(r, 0, 4), 1);
	assert_int_equal(rows_int(r, 1, 3), 0);		/* MED: none */
	must(run(c, a, Q_REF_DUE_UPTAKE, ARGS(store_int(zc)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), need2);
	assert_int_equal(rows_int(r, 0, 3), 1100);

	/* Notes. */
	must(run(c, a, Q_REF_NOTE_INSERT, ARGS(store_int(f2), store_int(u2),
	    store_int(prov), store_int(2700)), &r));
	n1 = rows_int(r, 0, 0);
	must(run(c, a, Q_REF_NOTE_SEAL, ARGS(store_int(n1), b), NULL));
	must(run(c, a, Q_REF_NOTES, ARGS(store_int(f2)), &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 3), "opvanger");
	must(run(c, a, Q_REF_NOTES_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(rows_int(r, 0, 1), f2);
	must(run(c, a, Q_REF_OF_CASE, ARGS(store_int(kase)), &r));
	assert_int_equal(r->nrows, 2);

	/* Consent withdrawn: only consent-based sharing ends, once. */
	must(run(c, a, Q_REF_CONSENT_END, ARGS(store_int(f2),
	    store_int(2800)), &r));
	assert_int_equal(r->nrows, 0);			/* legal basis */
	must(run(c, a, Q_REF_CONSENT_END, ARGS(store_int(f1),
	    store_int(2800)), &r));
	assert_int_equal(r->nrows, 0);			/* ended already */
	must(run(c, a, Q_REF_CONSENT_END_CASE, ARGS(store_int(kase),
	    store_int(2800)), &r));
	assert_int_equal(r->nrows, 0);

	/* An escalation, answered once. */
	must(run(c, a, Q_ESC_INSERT, ARGS(store_int(kase), store_int(need2),
	    store_text("MED"), store_int(zc), store_int(team),
	    store_int(region), store_text("not_taken_up"), store_text("needs"),
	    store_text("consent"), store_int(20000), store_null(),
	    store_int(u1), store_int(2900), store_int(3900)), &r));
	e1 = rows_int(r, 0, 0);
	must(run(c, a, Q_ESC_SEAL, ARGS(store_int(e1), store_null(), b,
	    store_null()), NULL));
	must(run(c, a, Q_ESC_GET, ARGS(store_int(e1)), &r));
	assert_int_equal(r->ncols, 25);
	assert_string_equal(rows_text(r, 0, 7), "Jeugd Verwijs");
	assert_int_equal(rows_int(r, 0, 20), team);
	assert_true(rows_null(r, 0, 17));
	must(run(c, a, Q_ESC_OF_ORG, ARGS(store_int(team), store_int(10)),
	    &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_ESC_DUE, ARGS(store_int(zc), store_int(4000)), &r));
	assert_int_equal(r->nrows, 1);
	assert_string_equal(rows_text(r, 0, 3), "not_taken_up");
	must(run(c, a, Q_ESC_ANSWER, ARGS(store_int(e1), store_text("advice"),
	    b, store_int(u2), store_int(3000)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_ESC_ANSWER, ARGS(store_int(e1), store_text("advice"),
	    b, store_int(u2), store_int(3000)), &r));
	assert_int_equal(r->nrows, 0);
	must(run(c, a, Q_ESC_OF_CASE, ARGS(store_int(kase)), &r));
	assert_string_equal(rows_text(r, 0, 12), "answered");
	assert_string_equal(rows_text(r, 0, 17), "opvanger");
	must(run(c, a, Q_ESC_CONSENT_END_CASE, ARGS(store_int(kase),
	    store_int(3100)), &r));
	assert_int_equal(r->nrows, 1);

	/* The purge empties every sealed column. */
	must(run(c, a, Q_PURGE_CASE_REFERRALS, ARGS(store_int(kase)), NULL));
	must(run(c, a, Q_PURGE_CASE_REFERRAL_NOTES, ARGS(store_int(kase)),
	    NULL));
	must(run(c, a, Q_PURGE_CASE_ESCALATIONS, ARGS(store_int(kase)),
	    NULL));
	must(run(c, a, Q_REF_GET, ARGS(store_int(f1)), &r));
	assert_true(rows_null(r, 0, 26));
	assert_true(rows_null(r, 0, 28));
	must(run(c, a, Q_REF_NOTES, ARGS(store_int(f2)), &r));
	assert_true(rows_null(r, 0, 5));
	must(run(c, a, Q_ESC_GET, ARGS(store_int(e1)), &r));
	assert_true(rows_null(r, 0, 22));
	assert_true(rows_null(r, 0, 23));

	/* Copying. */
	must(run(c, a, Q_COPY_REFERRAL_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 30);
	memcpy(cells, r->cells, 30 * sizeof(cells[0]));
	cells[0] = store_int(900300);
	must(run(c, a, Q_COPY_REFERRAL_INSERT, cells, 30, NULL));
	must(run(c, a, Q_COPY_REFERRAL_NOTE_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 6);
	memcpy(cells, r->cells, 6 * sizeof(cells[0]));
	cells[0] = store_int(900300);
	must(run(c, a, Q_COPY_REFERRAL_NOTE_INSERT, cells, 6, NULL));
	must(run(c, a, Q_COPY_ESCALATION_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 26);
	memcpy(cells, r->cells, 26 * sizeof(cells[0]));
	cells[0] = store_int(900300);
	must(run(c, a, Q_COPY_ESCALATION_INSERT, cells, 26, NULL));
	store_pg_backend.disconnect(c);
	arena_free(a);
}

static int64_t
make_provider(void *c, struct arena *a, const char *name)
{
	struct store_rows *r;

	must(run(c, a, Q_ORG_INSERT, ARGS(store_text(name),
	    store_text("provider"), store_null(), store_int(0),
	    store_int(1700000000)), &r));
	return rows_int(r, 0, 0);
}

/* Providers: offer, capacity, the fitting search and copying. */
static void
test_providers(void **state)
{
	struct arena *a = arena_new();
	struct store_rows *r;
	void *c = conn_open(test_url, false);
	struct store_value cells[12];
	int64_t p1, p2, p3, u, region;
	int64_t ps[3];
	size_t i;

	(void)state;
	must(run(c, a, Q_MUNI_UPSERT, ARGS(store_text("GM0014"),
	    store_text("Groningen"), store_text("Groningen")), NULL));
	must(run(c, a, Q_MUNI_UPSERT, ARGS(store_text("GM0080"),
	    store_text("Leeuwarden"), store_text("Fryslân")), NULL));
	p1 = make_provider(c, a, "Opvang Noord");
	p2 = make_provider(c, a, "Opvang Wad");
	p3 = make_provider(c, a, "Jeugd Wad");
	ps[0] = p1;
	ps[1] = p2;
	ps[2] = p3;
	u = make_user(c, a, "aanbieder", p1);
	must(run(c, a, Q_REGION_INSERT, ARGS(store_text("VR Noord"),
	    store_text("safety"), store_int(1)), &r));
	region = rows_int(r, 0, 0);
	must(run(c, a, Q_REGION_ADD_MUNI, ARGS(store_int(region),
	    store_text("GM0014")), NULL));
	must(run(c, a, Q_PROVIDER_REGION_IS, ARGS(store_int(region)), &r));
	assert_int_equal(r->nrows, 1);

	/* p1: adult women in the region, Romanian; p2: everyone in
	 * GM0014 directly; p3: minors there. */
	must(run(c, a, Q_PROVIDER_OFFER_SET, ARGS(store_int(p1), store_int(0),
	    store_int(1), store_int(0), store_int(1), store_int(0),
	    store_int(100), store_int(u)), NULL));
	must(run(c, a, Q_PROVIDER_OFFER_SET, ARGS(store_int(p1), store_int(0),
	    store_int(1), store_int(0), store_int(1), store_int(1),
	    store_int(101), store_int(u)), NULL));
	must(run(c, a, Q_PROVIDER_OFFER_SET, ARGS(store_int(p2), store_int(0),
	    store_int(0), store_int(0), store_int(0), store_int(0),
	    store_int(100), store_int(u)), NULL));
	must(run(c, a, Q_PROVIDER_OFFER_SET, ARGS(store_int(p3), store_int(1),
	    store_int(0), store_int(0), store_int(0), store_int(0),
	    store_int(100), store_int(u)), NULL));
	must(run(c, a, Q_PROVIDER_CAPACITY_SET, ARGS(store_int(p1),
	    store_int(2), store_int(3), store_int(200), store_int(u)), NULL));
	must(run(c, a, Q_PROVIDER_CAPACITY_SET, ARGS(store_int(p2),
	    store_int(5), store_int(0), store_int(201), store_int(u)), NULL));
	for (i = 0; i < 3; i++) {
		must(run(c, a, Q_PROVIDER_CARE_CLEAR, ARGS(store_int(ps[i])),
		    NULL));
		must(run(c, a, Q_PROVIDER_MUNI_CLEAR, ARGS(store_int(ps[i])),
		    NULL));
		must(run(c, a, Q_PROVIDER_REGION_CLEAR, ARGS(store_int(ps[i])),
		    NULL));
		must(run(c, a, Q_PROVIDER_LANG_CLEAR, ARGS(store_int(ps[i])),
		    NULL));
		must(run(c, a, Q_PROVIDER_CARE_ADD, ARGS(store_int(ps[i]),
		    store_text("SAFE-SHELTER")), NULL));
	}
	must(run(c, a, Q_PROVIDER_REGION_ADD, ARGS(store_int(p1),
	    store_int(region)), NULL));
	must(run(c, a, Q_PROVIDER_MUNI_ADD, ARGS(store_int(p2),
	    store_text("GM0014")), NULL));
	must(run(c, a, Q_PROVIDER_MUNI_ADD, ARGS(store_int(p2),
	    store_text("GM0080")), NULL));
	must(run(c, a, Q_PROVIDER_MUNI_ADD, ARGS(store_int(p3),
	    store_text("GM0014")), NULL));
	must(run(c, a, Q_PROVIDER_LANG_ADD, ARGS(store_int(p1),
	    store_text("ro")), NULL));
	must(run(c, a, Q_PROVIDER_LANG_ADD, ARGS(store_int(p1),
	    store_text("nl")), NULL));

	must(run(c, a, Q_PROVIDER_GET, ARGS(store_int(p1)), &r));
	assert_string_equal(rows_text(r, 0, 2), "provider");
	assert_int_equal(rows_int(r, 0, 4), 1);		/* adults */
	assert_int_equal(rows_int(r, 0, 7), 1);		/* lvb */
	assert_int_equal(rows_int(r, 0, 8), 2);
	assert_int_equal(rows_int(r, 0, 10), 101);
	assert_string_equal(rows_text(r, 0, 13), "aanbieder");
	must(run(c, a, Q_PROVIDER_GET, ARGS(store_int(p3)), &r));
	assert_int_equal(rows_int(r, 0, 12), 0);	/* never updated */
	assert_true(rows_null(r, 0, 13));
	must(run(c, a, Q_PROVIDER_CARE_OF, ARGS(store_int(p1)), &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_PROVIDER_MUNI_OF, ARGS(store_int(p2)), &r));
	assert_int_equal(r->nrows, 2);
	assert_string_equal(rows_text(r, 0, 1), "Groningen");
	must(run(c, a, Q_PROVIDER_REGION_OF, ARGS(store_int(p1)), &r));
	assert_string_equal(rows_text(r, 0, 1), "VR Noord");
	must(run(c, a, Q_PROVIDER_LANG_OF, ARGS(store_int(p1)), &r));
	assert_string_equal(rows_text(r, 0, 0), "nl");

	/* An adult woman speaking Romanian in GM0014: p1 first by
	 * language, then p2; p3 takes minors only. */
	must(run(c, a, Q_PROVIDER_FIT, ARGS(store_text("SAFE-SHELTER"),
	    store_text("GM0014"), store_int(0), store_int(1),
	    store_text("female"), store_text("ro"), store_text(""),
	    store_text(""), store_int(10)), &r));
	assert_int_equal(r->nrows, 2);
	assert_int_equal(rows_int(r, 0, 0), p1);
	assert_string_equal(rows_text(r, 0, 10), "ro");
	assert_int_equal(rows_int(r, 1, 0), p2);
	assert_true(rows_null(r, 1, 10));
	assert_int_equal(rows_int(r, 1, 2), 5);
	assert_int_equal(rows_int(r, 1, 4), 201);
	/* Without a language: most places first; a man: not p1. */
	must(run(c, a, Q_PROVIDER_FIT, ARGS(store_text("SAFE-SHELTER"),
	    store_text("GM0014"), store_int(0), store_int(1),
	    store_text("male"), store_text(""), store_text(""),
	    store_text(""), store_int(10)), &r));
	assert_int_equal(r->nrows, 1);
	assert_int_equal(rows_int(r, 0, 0), p2);
	/* A minor: p2 (every age) has places, p3 none. */
	must(run(c, a, Q_PROVIDER_FIT, ARGS(store_text("SAFE-SHELTER"),
	    store_text("GM0014"), store_int(1), store_int(0),
	    store_text(""), store_text(""), store_text(""),
	    store_text(""), store_int(10)), &r));
	assert_int_equal(r->nrows, 2);
	assert_int_equal(rows_int(r, 0, 0), p2);
	assert_int_equal(rows_int(r, 1, 0), p3);
	/* Outside the area: nobody but p2 in GM0080. */
	must(run(c, a, Q_PROVIDER_FIT, ARGS(store_text("SAFE-SHELTER"),
	    store_text("GM0080"), store_int(0), store_int(0),
	    store_text(""), store_text(""), store_text(""),
	    store_text(""), store_int(10)), &r));
	assert_int_equal(r->nrows, 1);

	/* Copying: read, cleared, written back. */
	must(run(c, a, Q_COPY_PROVIDER_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 12);
	assert_true(r->nrows >= 3);
	memcpy(cells, r->cells, 12 * sizeof(cells[0]));
	cells[0] = store_int(make_provider(c, a, "Kopie"));
	must(run(c, a, Q_COPY_PROVIDER_INSERT, cells, 12, NULL));
	must(run(c, a, Q_COPY_PROVIDER_CARE_ALL, NOARGS, &r));
	assert_int_equal(r->ncols, 2);
	must(run(c, a, Q_COPY_PROVIDER_MUNI_ALL, NOARGS, &r));
	assert_int_equal(r->nrows, 3);
	must(run(c, a, Q_COPY_PROVIDER_REGION_ALL, NOARGS, &r));
	assert_int_equal(r->nrows, 1);
	must(run(c, a, Q_COPY_PROVIDER_LANG_ALL, NOARGS, &r));
	assert_int_equal(r->nrows, 2);
	assert_int_equal(rows_int(r, 0, 0), p1);
	store_pg_backend.disconnect(c);
	arena_free(a);
}

static void
test_every_query_ran(void **state)
{
	int q;

	(void)state;
	for (q = 0; q < Q__COUNT; q++)
		if (!covered[q])
			fail_msg("%s never ran on PostgreSQL",
			    query_name((enum query)q));
}

static void
test_environment(void **state)
{
	(void)state;
	fail_msg("set SCHAKEL_TEST_PG to a PostgreSQL URL and "
	    "SCHAKEL_TEST_PG_DIR to its cluster (tools/pg.sh start DIR)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migration),
		cmocka_unit_test(test_connect_errors),
		cmocka_unit_test(test_schema_and_meta),
		cmocka_unit_test(test_municipalities_and_orgs),
		cmocka_unit_test(test_users_and_blobs),
		cmocka_unit_test(test_login_failures),
		cmocka_unit_test(test_sessions_and_tokens),
		cmocka_unit_test(test_audit),
		cmocka_unit_test(test_savepoints),
		cmocka_unit_test(test_readonly),
		cmocka_unit_test(test_writers_serialised),
		cmocka_unit_test(test_lost_connection),
		cmocka_unit_test(test_lost_transaction),
		cmocka_unit_test_teardown(test_cluster_restart, cluster_up),
		cmocka_unit_test(test_regions_and_signals),
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_retention),
		cmocka_unit_test(test_identification),
		cmocka_unit_test(test_tracks),
		cmocka_unit_test(test_transfers),
		cmocka_unit_test(test_due),
		cmocka_unit_test(test_providers),
		cmocka_unit_test(test_referrals),
		cmocka_unit_test(test_placements),
		cmocka_unit_test(test_adulthood),
		cmocka_unit_test(test_insight),
		cmocka_unit_test(test_national),
		cmocka_unit_test(test_expertise),
		cmocka_unit_test(test_notify),
		cmocka_unit_test(test_copy_statements),
		cmocka_unit_test(test_every_query_ran),
	};
	const struct CMUnitTest missing[] = {
		cmocka_unit_test(test_environment),
	};

	base_url = getenv("SCHAKEL_TEST_PG");
	cluster_dir = getenv("SCHAKEL_TEST_PG_DIR");
	if (base_url == NULL || *base_url == '\0' || cluster_dir == NULL ||
	    *cluster_dir == '\0')
		return cmocka_run_group_tests(missing, NULL, NULL);
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

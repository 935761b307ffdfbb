/*
 * sqlite_ceiling: how many durable transactions SQLite itself commits per
 * second on this machine, the yardstick for schakel's write figures.
 *
 *   sqlite_ceiling DIR [SECONDS]
 *
 * Creates DIR/ceiling.db (DIR must exist and should sit on the disk under
 * test; an existing ceiling.db is refused; the caller removes the files),
 * opens it the way schakel's store does (WAL, synchronous=FULL, BEGIN
 * IMMEDIATE) and inserts one small row per transaction for SECONDS
 * (default 3): each COMMIT waits for one fsync of the WAL.  It then
 * inserts 100 rows per transaction for the same time.  Prints one line
 * per mode:
 *
 *   mode=single rows=N txns=N seconds=S rows_per_s=R
 *   mode=batch100 rows=N txns=N seconds=S rows_per_s=R
 *
 * Exit 0 on success, 1 on any SQLite error or bad usage.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

struct run {
	int64_t	 rows;
	int64_t	 txns;
	double	 seconds;
};

static int64_t	seq;		/* makes every name unique */

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "sqlite_ceiling: '%s' failed: %s\n", sql,
		    msg != NULL ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* Insert rows in transactions of per_txn rows until seconds have passed. */
static int
insert_for(sqlite3 *db, sqlite3_stmt *ins, int per_txn, double seconds,
    struct run *out)
{
	char name[64];
	double start, end;
	int i;

	memset(out, 0, sizeof(*out));
	start = now();
	end = start + seconds;
	do {
		if (exec(db, "BEGIN IMMEDIATE") == -1)
			return -1;
		for (i = 0; i < per_txn; i++) {
			snprintf(name, sizeof(name), "organisation %" PRId64,
			    seq++);
			sqlite3_bind_text(ins, 1, name, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(ins, 2, (sqlite3_int64)time(NULL));
			if (sqlite3_step(ins) != SQLITE_DONE) {
				fprintf(stderr, "sqlite_ceiling: insert "
				    "failed: %s\n", sqlite3_errmsg(db));
				sqlite3_reset(ins);
				exec(db, "ROLLBACK");
				return -1;
			}
			sqlite3_reset(ins);
			out->rows++;
		}
		if (exec(db, "COMMIT") == -1)
			return -1;
		out->txns++;
	} while (now() < end);
	out->seconds = now() - start;
	return 0;
}

/* SQLite falls back silently when WAL is not possible: check. */
static int
is_wal(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int ok;

	if (sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL) !=
	    SQLITE_OK)
		return 0;
	ok = sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0) != NULL &&
	    strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	return ok;
}

static void
report(const char *mode, const struct run *r)
{
	printf("mode=%s rows=%" PRId64 " txns=%" PRId64 " seconds=%.2f "
	    "rows_per_s=%.0f\n", mode, r->rows, r->txns, r->seconds,
	    (double)r->rows / r->seconds);
}

int
main(int argc, char **argv)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *ins = NULL;
	struct run single, batch;
	char path[4096], *end;
	double seconds = 3.0;
	int n, rc = 1;

	if (argc < 2 || argc > 3) {
		fputs("usage: sqlite_ceiling DIR [SECONDS]\n", stderr);
		return 1;
	}
	if (argc == 3) {
		errno = 0;
		seconds = strtod(argv[2], &end);
		if (errno != 0 || *end != '\0' || seconds <= 0 ||
		    seconds > 600) {
			fputs("sqlite_ceiling: SECONDS must be above 0 "
			    "and at most 600\n", stderr);
			return 1;
		}
	}
	n = snprintf(path, sizeof(path), "%s/ceiling.db", argv[1]);
	if (n < 0 || (size_t)n >= sizeof(path)) {
		fputs("sqlite_ceiling: directory name too long\n", stderr);
		return 1;
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		fprintf(stderr, "sqlite_ceiling: cannot open '%s': %s\n",
		    path, db != NULL ? sqlite3_errmsg(db) : "out of memory");
		goto out;
	}
	if (exec(db, "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = FULL;"
	    "CREATE TABLE org (id INTEGER PRIMARY KEY, name TEXT NOT NULL "
	    "UNIQUE, created_at INTEGER NOT NULL)") == -1)
		goto out;
	if (!is_wal(db)) {
		fputs("sqlite_ceiling: the database is not in WAL mode\n",
		    stderr);
		goto out;
	}
	if (sqlite3_prepare_v2(db, "INSERT INTO org (name, created_at) "
	    "VALUES (?1, ?2)", -1, &ins, NULL) != SQLITE_OK) {
		fprintf(stderr, "sqlite_ceiling: prepare failed: %s\n",
		    sqlite3_errmsg(db));
		goto out;
	}
	if (insert_for(db, ins, 1, seconds, &single) == -1)
		goto out;
	report("single", &single);
	if (insert_for(db, ins, 100, seconds, &batch) == -1)
		goto out;
	report("batch100", &batch);
	rc = 0;
out:
	sqlite3_finalize(ins);
	sqlite3_close(db);
	return rc;
}

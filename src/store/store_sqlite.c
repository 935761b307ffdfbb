/*
 * The SQLite back end: WAL, synchronous=FULL, foreign keys on, a busy
 * timeout, BEGIN IMMEDIATE for writes, extension loading off,
 * trusted_schema off, defensive mode on.  Read connections are opened
 * read-only (query_only) so a read path can never write by mistake.
 */
#include <sqlite3.h>

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/fail.h"
#include "store/store_int.h"

struct sconn {
	sqlite3		*db;
	sqlite3_stmt	*cache[Q__COUNT];
};

static enum status
map_error(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
		return ST_CONFLICT;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
	case SQLITE_FULL:
		return ST_UNAVAILABLE;
	default:
		return ST_INTERNAL;
	}
}

static const char *const pragmas =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = FULL;"
    "PRAGMA foreign_keys = ON;"
    "PRAGMA trusted_schema = OFF;"
    "PRAGMA temp_store = MEMORY;";

static void
sq_disconnect(void *p)
{
	struct sconn *c = p;
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < Q__COUNT; i++)
		sqlite3_finalize(c->cache[i]);
	sqlite3_close(c->db);
	free(c);
}

static void *
sq_connect(struct store *st, bool readonly, char *err, size_t errlen)
{
	struct sconn *c = calloc(1, sizeof(*c));
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	    SQLITE_OPEN_NOMUTEX;
	char *msg = NULL;

	if (c == NULL)
		abort();
	if (sqlite3_open_v2(st->path, &c->db, flags, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(c->db));
		goto out_fail;
	}
	sqlite3_extended_result_codes(c->db, 1);
	sqlite3_busy_timeout(c->db, 10000);
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0,
	    NULL);
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	if (sqlite3_exec(c->db, pragmas, NULL, NULL, &msg) != SQLITE_OK)
		goto out_msg;
	if (readonly && sqlite3_exec(c->db, "PRAGMA query_only = ON", NULL,
	    NULL, &msg) != SQLITE_OK)
		goto out_msg;
	return c;
out_msg:
	snprintf(err, errlen, "%s", msg != NULL ? msg : "pragma failed");
	sqlite3_free(msg);
out_fail:
	sq_disconnect(c);
	return NULL;
}

static int
bind(sqlite3_stmt *s, const struct store_value *args, size_t n)
{
	size_t i;
	int rc = SQLITE_OK;

	for (i = 0; i < n && rc == SQLITE_OK; i++) {
		switch (args[i].type) {
		case SV_NULL:
			rc = sqlite3_bind_null(s, (int)i + 1);
			break;
		case SV_INT:
			rc = sqlite3_bind_int64(s, (int)i + 1, args[i].i);
			break;
		case SV_TEXT:
			rc = sqlite3_bind_text(s, (int)i + 1, args[i].p,
			    (int)args[i].len, SQLITE_STATIC);
			break;
		case SV_BLOB:
			rc = sqlite3_bind_blob(s, (int)i + 1, args[i].p,
			    (int)args[i].len, SQLITE_STATIC);
			break;
		}
	}
	return rc;
}

static void
copy_cell(struct arena *a, sqlite3_stmt *s, int col, struct store_value *v)
{
	const void *p;
	size_t n;
	char *q;

	switch (sqlite3_column_type(s, col)) {
	case SQLITE_NULL:
		v->type = SV_NULL;
		break;
	case SQLITE_INTEGER:
		v->type = SV_INT;
		v->i = sqlite3_column_int64(s, col);
		break;
	case SQLITE_FLOAT:
		v->type = SV_INT;
		v->i = (int64_t)sqlite3_column_double(s, col);
		break;
	case SQLITE_TEXT:
	case SQLITE_BLOB:
		v->type = sqlite3_column_type(s, col) == SQLITE_TEXT ?
		    SV_TEXT : SV_BLOB;
		p = sqlite3_column_blob(s, col);
		n = (size_t)sqlite3_column_bytes(s, col);
		q = arena_alloc(a, n + 1);
		if (n > 0)
			memcpy(q, p, n);
		v->p = q;
		v->len = n;
		break;
	}
}

static int
sq_exec(void *p, struct arena *a, enum query q, const struct store_value *args,
    size_t nargs, struct store_rows **out, enum status *st, char *err,
    size_t errlen)
{
	struct sconn *c = p;
	struct store_rows *r = NULL;
	sqlite3_stmt *s = c->cache[q];
	size_t cap = 0, ncols, i;
	int rc;

	if (s == NULL) {
		rc = sqlite3_prepare_v3(c->db, query_sql(q), -1,
		    SQLITE_PREPARE_PERSISTENT, &s, NULL);
		if (rc != SQLITE_OK)
			goto out_err;
		c->cache[q] = s;
	}
	rc = bind(s, args, nargs);
	if (rc != SQLITE_OK)
		goto out_reset;
	ncols = (size_t)sqlite3_column_count(s);
	if (out != NULL) {
		r = arena_alloc(a, sizeof(*r));
		r->ncols = ncols;
	}
	for (;;) {
		rc = sqlite3_step(s);
		if (rc != SQLITE_ROW)
			break;
		if (r == NULL)
			continue;
		if (r->nrows == cap) {
			cap = cap ? cap * 2 : 8;
			r->cells = arena_realloc(a, r->cells,
			    r->nrows * ncols * sizeof(*r->cells),
			    cap * ncols * sizeof(*r->cells));
		}
		for (i = 0; i < ncols; i++)
			copy_cell(a, s, (int)i,
			    &r->cells[r->nrows * ncols + i]);
		r->nrows++;
	}
	if (rc != SQLITE_DONE)
		goto out_reset;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (out != NULL)
		*out = r;
	return 0;
out_reset:
	snprintf(err, errlen, "%s", sqlite3_errmsg(c->db));
	*st = map_error(rc);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return -1;
out_err:
	snprintf(err, errlen, "%s", sqlite3_errmsg(c->db));
	*st = map_error(rc);
	return -1;
}

static int
sq_script(void *p, const char *sql, enum status *st, char *err,
    size_t errlen)
{
	struct sconn *c = p;
	char *msg = NULL;
	int rc;

	rc = sqlite3_exec(c->db, sql, NULL, NULL, &msg);
	if (rc == SQLITE_OK)
		return 0;
	snprintf(err, errlen, "%s", msg != NULL ? msg : sqlite3_errstr(rc));
	sqlite3_free(msg);
	*st = map_error(rc);
	return -1;
}

/*
 * SQLite migrations run with foreign keys off: rebuilding a table (the
 * only way to change a CHECK) drops it while others refer to it, and a
 * DROP with foreign keys on deletes its rows' references or fails.  The
 * pragma does nothing inside a transaction, hence migrate_pre; deferred
 * foreign keys do not help (the drop counts violations the rename never
 * clears).  Before the migration commits, foreign_key_check must find
 * nothing, so no migration leaves a dangling reference behind.
 */
static int
sq_migrate_check(void *p, enum status *st, char *err, size_t errlen)
{
	struct sconn *c = p;
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(c->db, "PRAGMA foreign_key_check", -1, &s,
	    NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(c->db));
		*st = ST_INTERNAL;
		return -1;
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(err, errlen, "the migration leaves a row of %s "
		    "referring to a missing row of %s",
		    (const char *)sqlite3_column_text(s, 0),
		    (const char *)sqlite3_column_text(s, 2));
	else if (rc != SQLITE_DONE)
		snprintf(err, errlen, "%s", sqlite3_errmsg(c->db));
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return 0;
	*st = ST_INTERNAL;
	return -1;
}

static int
copy_db(sqlite3 *from, sqlite3 *to, char *err, size_t errlen)
{
	sqlite3_backup *b;
	int rc;

	b = sqlite3_backup_init(to, "main", from, "main");
	if (b == NULL) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(to));
		return -1;
	}
	/* Copy in steps so a busy server is held up only briefly. */
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		snprintf(err, errlen, "%s", sqlite3_errstr(rc));
		return -1;
	}
	return 0;
}

static int
sq_backup(void *p, const char *dest, char *err, size_t errlen)
{
	struct sconn *c = p;
	sqlite3 *to;
	int fd, rc;

	/* sqlite3_open_v2() would open an existing file: refuse it first. */
	fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	close(fd);
	if (sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(to));
		sqlite3_close(to);
		return -1;
	}
	rc = copy_db(c->db, to, err, errlen);
	if (rc == 0 && sqlite3_exec(to, "PRAGMA journal_mode = DELETE",
	    NULL, NULL, NULL) != SQLITE_OK)
		rc = -1;
	sqlite3_close(to);
	return rc;
}

int
store_restore(struct ctx *ctx, const char *path, const char *src)
{
	sqlite3 *from = NULL, *to = NULL;
	sqlite3_stmt *s = NULL;
	char err[256];
	int64_t version = -1;
	int rc = -1;

	if (sqlite3_open_v2(src, &from, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fail(ctx, ST_INVALID, "cannot open backup '%s': %s", src,
		    sqlite3_errmsg(from));
		goto out;
	}
	if (sqlite3_prepare_v2(from, "PRAGMA integrity_check", -1, &s,
	    NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW ||
	    strcmp((const char *)sqlite3_column_text(s, 0), "ok") != 0) {
		fail(ctx, ST_INVALID, "'%s' is not an intact schakel backup",
		    src);
		goto out;
	}
	sqlite3_finalize(s);
	s = NULL;
	if (sqlite3_prepare_v2(from, "SELECT MAX(version) FROM "
	    "schema_version", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		version = sqlite3_column_int64(s, 0);
	if (version < 1) {
		fail(ctx, ST_INVALID, "'%s' is not a schakel backup", src);
		goto out;
	}
	if (version > store_known_version()) {
		fail(ctx, ST_INVALID, "backup '%s' has schema version %lld, "
		    "newer than this schakel", src, (long long)version);
		goto out;
	}
	if (sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		fail(ctx, ST_INTERNAL, "cannot open '%s': %s", path,
		    sqlite3_errmsg(to));
		goto out;
	}
	if (copy_db(from, to, err, sizeof(err)) == -1) {
		fail(ctx, ST_INTERNAL, "restore into '%s' failed: %s", path,
		    err);
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(s);
	sqlite3_close(from);
	sqlite3_close(to);
	return rc;
}

const struct store_backend store_sqlite_backend = {
	.name = "sqlite",
	.begin_sql = "BEGIN IMMEDIATE",
	.connect = sq_connect,
	.disconnect = sq_disconnect,
	.exec = sq_exec,
	.script = sq_script,
	.migrate_pre = "PRAGMA foreign_keys = OFF",
	.migrate_post = "PRAGMA foreign_keys = ON",
	.migrate_check = sq_migrate_check,
	.backup = sq_backup,
};

/*
 * The PostgreSQL back end, through libpq.  st->path holds the connection
 * URL (postgresql://...).
 *
 * Every write transaction takes the same transaction-level advisory lock,
 * so the writers of several server processes take turns and the audit
 * trail stays one hash chain.  Read connections set
 * default_transaction_read_only, so a read path can never write.
 *
 * Statements are prepared lazily, once per session, as "q<N>"; their ?N
 * placeholders become $N.  Parameters go as text, blobs in binary; results
 * come back as text and are converted by column type into the arena.
 *
 * A lost connection is reset once and the statement that noticed it fails
 * with ST_UNAVAILABLE: it is never retried behind the caller's back, who
 * may be in the middle of a transaction.  If a transaction was open, the
 * connection refuses every statement (ST_UNAVAILABLE) until the caller
 * says ROLLBACK or starts anew with BEGIN, so a COMMIT on the new session
 * can never report the lost writes as durable.
 */
/* Debian keeps it in /usr/include/postgresql, which pkg-config adds. */
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif

#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/fail.h"
#include "core/log.h"
#include "core/parse.h"
#include "store/store_int.h"

/* Type oids from the server's catalog/pg_type.h; they never change. */
enum {
	OID_BOOL = 16,
	OID_BYTEA = 17,
	OID_INT8 = 20,
	OID_INT2 = 21,
	OID_INT4 = 23,
};

#define MAX_PARAMS	999		/* as SQLite's default */

struct pconn {
	PGconn		*conn;
	bool		 readonly;
	bool		 ready;		/* session settings applied */
	bool		 in_tx;		/* a transaction was open after the
					   last statement */
	bool		 tx_lost;	/* it died with the session */
	bool		 prepared[Q__COUNT];
	int		 nparams[Q__COUNT];	/* highest ?N of each */
};

/* Copy msg into err on one line: libpq's messages span several. */
static void
set_err(char *err, size_t errlen, const char *msg)
{
	size_t i, n = 0;
	bool space = false;

	if (errlen == 0)
		return;
	for (i = 0; msg != NULL && msg[i] != '\0' && n + 1 < errlen; i++) {
		if (msg[i] == '\n' || msg[i] == '\r' || msg[i] == '\t') {
			space = n > 0;
			continue;
		}
		if (space && n + 2 < errlen)
			err[n++] = ' ';
		space = false;
		err[n++] = msg[i];
	}
	err[n] = '\0';
	if (n == 0)
		snprintf(err, errlen, "unknown PostgreSQL error");
}

static enum status
map_state(const char *state)
{
	if (state == NULL || strlen(state) != 5)
		return ST_INTERNAL;
	if (strncmp(state, "23", 2) == 0)
		return ST_CONFLICT;
	if (strncmp(state, "08", 2) == 0 || strncmp(state, "53", 2) == 0 ||
	    strcmp(state, "57P01") == 0 || strcmp(state, "57P02") == 0 ||
	    strcmp(state, "57P03") == 0)
		return ST_UNAVAILABLE;
	return ST_INTERNAL;
}

/*
 * Warnings the server sends on the side.  Only the code and the primary
 * text are logged: details may quote row data.
 */
static void
notice(void *arg, const PGresult *res)
{
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);

	(void)arg;
	log_warn("store: postgres %s: %s", state != NULL ? state : "?",
	    msg != NULL ? msg : "");
}

/* Whether a transaction is open now, after a successful statement. */
static void
note_tx(struct pconn *c)
{
	PGTransactionStatusType t = PQtransactionStatus(c->conn);

	c->in_tx = t == PQTRANS_INTRANS || t == PQTRANS_INERROR ||
	    t == PQTRANS_ACTIVE;
}

/* Settings that live as long as the session; applied again after reset. */
static int
session_setup(struct pconn *c, char *err, size_t errlen)
{
	PGresult *res;
	int rc = 0;

	res = PQexec(c->conn, c->readonly ?
	    "SET synchronous_commit = on;"
	    "SET client_min_messages = warning;"
	    "SET default_transaction_read_only = on" :
	    "SET synchronous_commit = on;"
	    "SET client_min_messages = warning");
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		set_err(err, errlen, PQerrorMessage(c->conn));
		rc = -1;
	}
	PQclear(res);
	c->ready = rc == 0;
	return rc;
}

/*
 * The session is gone: reset the connection once.  Prepared statements,
 * settings and any open transaction died with it.
 */
static bool
conn_recover(struct pconn *c)
{
	if (c->in_tx)
		c->tx_lost = true;
	c->in_tx = false;
	c->ready = false;
	memset(c->prepared, 0, sizeof(c->prepared));
	PQreset(c->conn);
	if (PQstatus(c->conn) != CONNECTION_OK)
		return false;
	return session_setup(c, NULL, 0) == 0;
}

/* Before each call: a usable session, and no transaction lost unseen. */
static int
conn_check(struct pconn *c, enum status *st, char *err, size_t errlen)
{
	if ((PQstatus(c->conn) != CONNECTION_OK || !c->ready) &&
	    !conn_recover(c)) {
		*st = ST_UNAVAILABLE;
		set_err(err, errlen, PQerrorMessage(c->conn));
		return -1;
	}
	if (c->tx_lost) {
		*st = ST_UNAVAILABLE;
		snprintf(err, errlen, "the connection was lost during a "
		    "transaction; it was rolled back");
		return -1;
	}
	return 0;
}

/*
 * A statement failed: say why and set *st.  A failure that broke the
 * connection resets it once; the statement itself is not retried.
 * Consumes res.
 */
static int
fail_result(struct pconn *c, PGresult *res, enum status *st, char *err,
    size_t errlen)
{
	const char *state = NULL, *msg = NULL;

	if (res != NULL) {
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	}
	if (msg == NULL)
		msg = PQerrorMessage(c->conn);
	*st = map_state(state);
	if (state != NULL && strncmp(state, "22", 2) == 0)
		/* Data exceptions quote the offending value. */
		snprintf(err, errlen, "invalid data (SQLSTATE %s)", state);
	else if (state != NULL)
		snprintf(err, errlen, "%s (SQLSTATE %s)", msg, state);
	else
		set_err(err, errlen, msg);
	PQclear(res);
	if (PQstatus(c->conn) == CONNECTION_BAD) {
		*st = ST_UNAVAILABLE;
		conn_recover(c);
	} else {
		note_tx(c);
	}
	return -1;
}

static void
pg_disconnect(void *p)
{
	struct pconn *c = p;

	if (c == NULL)
		return;
	PQfinish(c->conn);
	free(c);
}

static void *
pg_connect(struct store *st, bool readonly, char *err, size_t errlen)
{
	struct pconn *c = calloc(1, sizeof(*c));

	if (c == NULL)
		abort();
	c->readonly = readonly;
	c->conn = PQconnectdb(st->path);
	if (c->conn == NULL)
		abort();
	if (PQstatus(c->conn) != CONNECTION_OK) {
		set_err(err, errlen, PQerrorMessage(c->conn));
		goto out_fail;
	}
	PQsetErrorVerbosity(c->conn, PQERRORS_TERSE);
	PQsetNoticeReceiver(c->conn, notice, NULL);
	if (session_setup(c, err, errlen) == -1)
		goto out_fail;
	return c;
out_fail:
	pg_disconnect(c);
	return NULL;
}

/*
 * ?N placeholders become $N (the same length), outside '...' literals and
 * "..." names.  *maxp is the highest N; -1 when one is out of range.
 */
static int
rewrite(char *sql, int *maxp)
{
	char *s;
	char quote = 0;
	int n;

	*maxp = 0;
	for (s = sql; *s != '\0'; s++) {
		if (quote != 0) {
			if (*s == quote)
				quote = 0;
			continue;
		}
		if (*s == '\'' || *s == '"') {
			quote = *s;
			continue;
		}
		if (*s != '?' || s[1] < '0' || s[1] > '9')
			continue;
		*s = '$';
		for (n = 0; s[1] >= '0' && s[1] <= '9'; s++) {
			n = n * 10 + (s[1] - '0');
			if (n > MAX_PARAMS)
				return -1;
		}
		if (n == 0)
			return -1;
		if (n > *maxp)
			*maxp = n;
	}
	return 0;
}

static int
prepare(struct pconn *c, struct arena *a, enum query q, enum status *st,
    char *err, size_t errlen)
{
	PGresult *res;
	char name[16], *sql;
	int n;

	sql = arena_strdup(a, query_sql(q));
	if (rewrite(sql, &n) == -1) {
		*st = ST_INTERNAL;
		snprintf(err, errlen, "bad placeholder in %s", query_name(q));
		return -1;
	}
	snprintf(name, sizeof(name), "q%d", (int)q);
	res = PQprepare(c->conn, name, sql, n, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		return fail_result(c, res, st, err, errlen);
	PQclear(res);
	c->prepared[q] = true;
	c->nparams[q] = n;
	return 0;
}

/* Text and integers as text, blobs in binary; missing ones are NULL, as
 * unbound parameters are in SQLite. */
static void
params(struct arena *a, const struct store_value *args, size_t nargs,
    int n, const char **vals, int *lens, int *fmts)
{
	size_t i;

	for (i = 0; i < (size_t)n; i++) {
		vals[i] = NULL;
		lens[i] = 0;
		fmts[i] = 0;
		if (i >= nargs)
			continue;
		switch (args[i].type) {
		case SV_NULL:
			break;
		case SV_INT:
			vals[i] = arena_printf(a, "%lld",
			    (long long)args[i].i);
			break;
		case SV_TEXT:
			/* libpq wants text NUL-terminated: respect len. */
			vals[i] = arena_strndup(a, args[i].p, args[i].len);
			break;
		case SV_BLOB:
			assert(args[i].len <= INT_MAX);
			/* A zero-length blob still needs a non-NULL value. */
			vals[i] = args[i].p != NULL ? args[i].p : "";
			lens[i] = (int)args[i].len;
			fmts[i] = 1;
			break;
		}
	}
}

static int
copy_cell(struct arena *a, const PGresult *res, int row, int col,
    struct store_value *v)
{
	const char *s;
	unsigned char *raw;
	char *q;
	size_t n;
	int64_t i;

	if (PQgetisnull(res, row, col)) {
		v->type = SV_NULL;
		return 0;
	}
	s = PQgetvalue(res, row, col);
	switch (PQftype(res, col)) {
	case OID_BOOL:
		v->type = SV_INT;
		v->i = s[0] == 't';
		return 0;
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
		if (parse_int64(s, INT64_MIN, INT64_MAX, &i) == -1)
			return -1;
		v->type = SV_INT;
		v->i = i;
		return 0;
	case OID_BYTEA:
		raw = PQunescapeBytea((const unsigned char *)s, &n);
		if (raw == NULL)
			return -1;
		q = arena_alloc(a, n + 1);
		if (n > 0)
			memcpy(q, raw, n);
		PQfreemem(raw);
		v->type = SV_BLOB;
		v->p = q;
		v->len = n;
		return 0;
	default:
		n = (size_t)PQgetlength(res, row, col);
		q = arena_alloc(a, n + 1);
		if (n > 0)
			memcpy(q, s, n);
		v->type = SV_TEXT;
		v->p = q;
		v->len = n;
		return 0;
	}
}

static int
copy_rows(struct arena *a, const PGresult *res, struct store_rows **out)
{
	struct store_rows *r;
	size_t nrows = (size_t)PQntuples(res), ncols = (size_t)PQnfields(res);
	size_t row, col;

	r = arena_alloc(a, sizeof(*r));
	r->ncols = ncols;
	if (nrows > 0 && ncols > 0)
		r->cells = arena_alloc(a, nrows * ncols * sizeof(*r->cells));
	for (row = 0; row < nrows; row++)
		for (col = 0; col < ncols; col++)
			if (copy_cell(a, res, (int)row, (int)col,
			    &r->cells[row * ncols + col]) == -1)
				return -1;
	r->nrows = nrows;
	*out = r;
	return 0;
}

static int
pg_exec(void *p, struct arena *a, enum query q,
    const struct store_value *args, size_t nargs, struct store_rows **out,
    enum status *st, char *err, size_t errlen)
{
	struct pconn *c = p;
	PGresult *res;
	ExecStatusType rs;
	const char **vals = NULL;
	int *lens = NULL, *fmts = NULL, n;
	char name[16];

	assert(q < Q__COUNT);
	if (out != NULL)
		*out = NULL;
	if (conn_check(c, st, err, errlen) == -1)
		return -1;
	if (!c->prepared[q] && prepare(c, a, q, st, err, errlen) == -1)
		return -1;
	n = c->nparams[q];
	if (nargs > (size_t)n) {
		*st = ST_INTERNAL;
		snprintf(err, errlen, "%zu parameters for %d placeholders",
		    nargs, n);
		return -1;
	}
	if (n > 0) {
		vals = arena_alloc(a, (size_t)n * sizeof(*vals));
		lens = arena_alloc(a, (size_t)n * sizeof(*lens));
		fmts = arena_alloc(a, (size_t)n * sizeof(*fmts));
		params(a, args, nargs, n, vals, lens, fmts);
	}
	snprintf(name, sizeof(name), "q%d", (int)q);
	res = PQexecPrepared(c->conn, name, n, vals, lens, fmts, 0);
	rs = PQresultStatus(res);
	if (rs != PGRES_TUPLES_OK && rs != PGRES_COMMAND_OK)
		return fail_result(c, res, st, err, errlen);
	note_tx(c);
	if (out != NULL && copy_rows(a, res, out) == -1) {
		PQclear(res);
		*out = NULL;
		*st = ST_INTERNAL;
		snprintf(err, errlen, "cannot convert a result of %s",
		    query_name(q));
		return -1;
	}
	PQclear(res);
	return 0;
}

/* The first word of sql is w (and, for ROLLBACK, no TO follows). */
static bool
starts_with_word(const char *sql, const char *w)
{
	size_t n = strlen(w);

	sql += strspn(sql, " \t\r\n");
	if (strncasecmp(sql, w, n) != 0)
		return false;
	sql += n;
	if (*sql != '\0' && *sql != ';' && strchr(" \t\r\n", *sql) == NULL)
		return false;
	sql += strspn(sql, " \t\r\n");
	return strncasecmp(sql, "TO", 2) != 0;
}

static int
pg_script(void *p, const char *sql, enum status *st, char *err,
    size_t errlen)
{
	struct pconn *c = p;
	PGresult *res;
	ExecStatusType rs;

	if (c->tx_lost) {
		/* The server rolled it back when the session died. */
		if (starts_with_word(sql, "ROLLBACK")) {
			c->tx_lost = false;
			return 0;
		}
		if (starts_with_word(sql, "BEGIN"))
			c->tx_lost = false;
	}
	if (conn_check(c, st, err, errlen) == -1)
		return -1;
	res = PQexec(c->conn, sql);
	rs = PQresultStatus(res);
	if (rs != PGRES_TUPLES_OK && rs != PGRES_COMMAND_OK)
		return fail_result(c, res, st, err, errlen);
	PQclear(res);
	note_tx(c);
	return 0;
}

static int
pg_backup(void *p, const char *dest, char *err, size_t errlen)
{
	(void)p;
	(void)dest;
	snprintf(err, errlen, "use pg_dump for PostgreSQL backups "
	    "(docs/operations.md)");
	return -1;
}

const struct store_backend store_pg_backend = {
	.name = "pg",
	.begin_sql = "BEGIN; SELECT pg_advisory_xact_lock(7366)",
	.connect = pg_connect,
	.disconnect = pg_disconnect,
	.exec = pg_exec,
	.script = pg_script,
	.backup = pg_backup,
};

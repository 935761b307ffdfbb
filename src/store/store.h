/*
 * store: all persistence goes through here; all SQL lives in this folder.
 *
 * One interface, two back ends (SQLite now, PostgreSQL next), chosen when
 * the store is opened.  Callers name statements by their entry in
 * queries.h and bind every parameter; SQL text is never built at run time.
 *
 * Reads run on a connection taken from a pool the first time a request
 * needs one and given back when the request's arena is freed.
 *
 * Writes run through store_write(): the caller's function runs on the
 * single writer connection inside a savepoint of a transaction that the
 * writer shares with the other writes waiting at that moment (group
 * commit).  store_write() returns only after that transaction is durable
 * on disk, so an acknowledged write is never lost; a function that fails
 * has its own changes rolled back and does not disturb the others.  Every
 * change to personal data writes its audit entry inside the same function,
 * so change and audit commit together or not at all.
 *
 * Result rows are copied into the request's arena.  Errors go to the
 * context: ST_CONFLICT for constraint violations, ST_UNAVAILABLE when the
 * database cannot be reached or is busy, ST_INTERNAL otherwise.
 */
#ifndef SCHAKEL_STORE_H
#define SCHAKEL_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "store/queries.h"

struct ctx;
struct store;

enum store_type {
	SV_NULL = 0,
	SV_INT,
	SV_TEXT,
	SV_BLOB,
};

/* A bound parameter or a result cell.  Text and blobs are not copied. */
struct store_value {
	enum store_type	 type;
	int64_t		 i;
	const void	*p;		/* text is NUL-terminated in results */
	size_t		 len;
};

struct store_rows {
	size_t		 nrows;
	size_t		 ncols;
	struct store_value *cells;	/* nrows * ncols, row-major */
};

static inline struct store_value
store_int(int64_t v)
{
	return (struct store_value){ SV_INT, v, NULL, 0 };
}

static inline struct store_value
store_text(const char *s)
{
	return s == NULL ? (struct store_value){ SV_NULL, 0, NULL, 0 } :
	    (struct store_value){ SV_TEXT, 0, s, strlen(s) };
}

static inline struct store_value
store_blob(const void *p, size_t n)
{
	return p == NULL ? (struct store_value){ SV_NULL, 0, NULL, 0 } :
	    (struct store_value){ SV_BLOB, 0, p, n };
}

static inline struct store_value
store_null(void)
{
	return (struct store_value){ SV_NULL, 0, NULL, 0 };
}

#define ARGS(...) ((const struct store_value[]){ __VA_ARGS__ }), \
	(sizeof((const struct store_value[]){ __VA_ARGS__ }) / \
	    sizeof(struct store_value))
#define NOARGS	NULL, 0

struct store_opts {
	const char	*path;		/* SQLite database file, or */
	const char	*url;		/* a postgresql:// URL */
	bool		 create;	/* make the file if it does not exist */
	bool		 migrate;	/* apply pending migrations */
	unsigned	 group_max;	/* writes a transaction (256) */
	unsigned	 pool_max;	/* read connections (32) */
};

/*
 * Life cycle.  With opts->url the PostgreSQL back end is used, else
 * SQLite at opts->path.  store_close(NULL) is a no-op.
 */
int	store_open(struct ctx *, const struct store_opts *, struct store **);
void	store_close(struct store *);
const char *store_backend_name(const struct store *);

/* The schema version of the database and of this binary. */
int64_t	store_schema_version(struct store *);
int64_t	store_known_version(void);

/*
 * Run one statement.  *out (may be NULL) receives the rows, in the
 * context's arena.  Uses the writer's connection inside store_write(),
 * a pooled read-only connection otherwise.
 */
int	store_exec(struct ctx *, enum query, const struct store_value *,
	    size_t nargs, struct store_rows **out);
/* Like store_exec(), but exactly one row is expected: ST_NOTFOUND with
 * the message what otherwise. */
int	store_row(struct ctx *, enum query, const struct store_value *,
	    size_t nargs, struct store_rows **out, const char *what);

/* Run fn(ctx, arg) in a durable, group-committed write (see above). */
int	store_write(struct ctx *, int (*fn)(struct ctx *, void *), void *arg);
/* True inside a store_write() function. */
bool	store_in_write(const struct ctx *);

/* Called on the writer thread after each durable commit, with a context
 * on the writer's connection (outside any transaction). */
void	store_on_commit(struct store *, void (*fn)(struct ctx *, void *),
	    void *arg);

/* Online backup into a new file; consistent while the server runs. */
int	store_backup(struct ctx *, struct store *, const char *dest);
/* Replace the database at opts->path with the backup at src (the server
 * must not be running); the backup is checked before anything changes. */
int	store_restore(struct ctx *, const char *path, const char *src);

/*
 * Moving a deployment: the number of rows per table (in the order of
 * store_copy_tables), and a copy of everything in the context's store
 * into the empty store of `to`, ids kept, in one transaction of `to`:
 * all of it or nothing.  The audit chain stays verifiable because every
 * field is copied as it is.
 */
#define STORE_COPY_TABLES	56
extern const char *const store_copy_tables[STORE_COPY_TABLES];
struct store_counts {
	int64_t		 n[STORE_COPY_TABLES];
};
int	store_counts(struct ctx *, struct store_counts *);

#ifdef SCHAKEL_DEBUG
/*
 * Fault injection (debug builds; see also FAULT_AFTER in the
 * environment): store_fault_arm(n) makes the n-th store_exec() from now
 * fail with ST_INTERNAL, n <= 0 disarms; store_fault_fired() says whether
 * the fault last armed has happened (disarming keeps the answer).
 */
void	store_fault_arm(long n);
bool	store_fault_fired(void);
/* Tracing: while seen (Q__COUNT flags) is set, every statement q that
 * store_exec() runs sets seen[q]; NULL stops it.  For tests. */
void	store_trace(bool *seen);
#endif
int	store_copy(struct ctx *from, struct ctx *to);

/* Cell accessors; row and column must exist (assert). */
int64_t	 rows_int(const struct store_rows *, size_t row, size_t col);
const char *rows_text(const struct store_rows *, size_t row, size_t col);
const unsigned char *rows_blob(const struct store_rows *, size_t row,
	    size_t col, size_t *len);
bool	 rows_null(const struct store_rows *, size_t row, size_t col);

#endif

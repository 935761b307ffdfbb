#include "store/store.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/clock.h"
#include "core/embed.h"
#include "core/log.h"
#include "core/parse.h"
#include "store/store_int.h"

struct wjob {
	struct wjob	*next;
	int		(*fn)(struct ctx *, void *);
	void		*arg;
	struct ctx	*ctx;
	int		 rc;
	bool		 done;
	pthread_cond_t	 cond;		/* its own: wake only this waiter */
};

#ifdef SCHAKEL_DEBUG
/* Fault injection: FAULT_AFTER=n makes the n-th statement fail. */
static long fault_after = -1;
static long fault_count;
static pthread_once_t fault_once = PTHREAD_ONCE_INIT;

static void
fault_init(void)
{
	const char *s = getenv("FAULT_AFTER");
	int64_t n;

	if (s != NULL && parse_int64(s, 1, 1000000000, &n) == 0)
		fault_after = (long)n;
}

static bool fault_fired;

static bool
fault_now(void)
{
	pthread_once(&fault_once, fault_init);
	if (__atomic_load_n(&fault_after, __ATOMIC_SEQ_CST) < 0)
		return false;
	if (__atomic_add_fetch(&fault_count, 1, __ATOMIC_SEQ_CST) !=
	    __atomic_load_n(&fault_after, __ATOMIC_SEQ_CST))
		return false;
	__atomic_store_n(&fault_fired, true, __ATOMIC_SEQ_CST);
	return true;
}

void
store_fault_arm(long n)
{
	pthread_once(&fault_once, fault_init);
	if (n > 0)
		__atomic_store_n(&fault_fired, false, __ATOMIC_SEQ_CST);
	__atomic_store_n(&fault_after, n > 0 ? __atomic_load_n(&fault_count,
	    __ATOMIC_SEQ_CST) + n : -1, __ATOMIC_SEQ_CST);
}

bool
store_fault_fired(void)
{
	return __atomic_load_n(&fault_fired, __ATOMIC_SEQ_CST);
}

/* Tracing: which statements ran while a test watched. */
static bool *trace_seen;

void
store_trace(bool *seen)
{
	__atomic_store_n(&trace_seen, seen, __ATOMIC_SEQ_CST);
}

static void
trace_mark(enum query q)
{
	bool *seen = __atomic_load_n(&trace_seen, __ATOMIC_SEQ_CST);

	if (seen != NULL)
		seen[q] = true;
}
#else
static bool
fault_now(void)
{
	return false;
}

static void
trace_mark(enum query q)
{
	(void)q;
}
#endif

/* How long a request waits for a free read connection. */
#define POOL_WAIT_S	5

static void *writer_main(void *);

const char *
store_backend_name(const struct store *st)
{
	return st->be->name;
}

static void *
pool_get(struct ctx *ctx, struct store *st)
{
	char err[256];
	void *conn = NULL;

	struct timespec until;
	bool opening = false;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += POOL_WAIT_S;
	pthread_mutex_lock(&st->pool_mu);
	/* At the limit, wait a while for a connection to come back. */
	while (st->npool == 0 && st->nopen >= st->pool_max)
		if (pthread_cond_timedwait(&st->pool_cond, &st->pool_mu,
		    &until) != 0)
			break;
	if (st->npool > 0) {
		conn = st->pool[--st->npool];
	} else if (st->nopen < st->pool_max) {
		st->nopen++;		/* ours to open, below */
		opening = true;
	}
	pthread_mutex_unlock(&st->pool_mu);
	if (conn != NULL)
		return conn;
	if (!opening) {
		log_warn("all %zu database connections are busy",
		    st->pool_max);
		fail(ctx, ST_UNAVAILABLE, "the database is busy; try again");
		return NULL;
	}
	conn = st->be->connect(st, true, err, sizeof(err));
	if (conn == NULL) {
		pthread_mutex_lock(&st->pool_mu);
		st->nopen--;
		pthread_cond_signal(&st->pool_cond);
		pthread_mutex_unlock(&st->pool_mu);
		log_error("cannot open a read connection: %s", err);
		fail(ctx, ST_UNAVAILABLE, "the database is unavailable");
	}
	return conn;
}

struct pooled {
	struct store	*st;
	void		*conn;
};

static void
pool_put(void *p)
{
	struct pooled *pc = p;
	struct store *st = pc->st;

	pthread_mutex_lock(&st->pool_mu);
	if (st->npool == st->cappool) {
		st->cappool = st->cappool ? st->cappool * 2 : 16;
		st->pool = realloc(st->pool, st->cappool * sizeof(*st->pool));
		if (st->pool == NULL)
			abort();
	}
	st->pool[st->npool++] = pc->conn;
	pthread_cond_signal(&st->pool_cond);
	pthread_mutex_unlock(&st->pool_mu);
}

static int
script(struct ctx *ctx, struct store *st, void *conn, const char *sql)
{
	enum status status = ST_INTERNAL;
	char err[256];

	if (st->be->script(conn, sql, &status, err, sizeof(err)) == 0)
		return 0;
	log_error("store: %s", err);
	return fail(ctx, status, status == ST_UNAVAILABLE ?
	    "the database is unavailable" : "storage error");
}

int
store_exec(struct ctx *ctx, enum query q, const struct store_value *args,
    size_t nargs, struct store_rows **out)
{
	struct store *st = ctx->store;
	struct pooled *pc;
	enum status status = ST_INTERNAL;
	char err[256];

	if (out != NULL)
		*out = NULL;
	if (ctx->conn == NULL) {
		pc = arena_alloc(ctx->arena, sizeof(*pc));
		pc->st = st;
		pc->conn = pool_get(ctx, st);
		if (pc->conn == NULL)
			return -1;
		arena_defer(ctx->arena, pool_put, pc);
		ctx->conn = pc->conn;
	}
	trace_mark(q);
	if (fault_now())
		return fail(ctx, ST_INTERNAL, "injected fault in %s",
		    query_name(q));
	if (st->be->exec(ctx->conn, ctx->arena, q, args, nargs, out, &status,
	    err, sizeof(err)) == 0)
		return 0;
	if (status == ST_CONFLICT)
		return fail(ctx, ST_CONFLICT, "conflicts with an existing "
		    "record");
	log_error("store: %s: %s", query_name(q), err);
	return fail(ctx, status, status == ST_UNAVAILABLE ?
	    "the database is unavailable" : "storage error");
}

int
store_row(struct ctx *ctx, enum query q, const struct store_value *args,
    size_t nargs, struct store_rows **out, const char *what)
{
	if (store_exec(ctx, q, args, nargs, out) == -1)
		return -1;
	if ((*out)->nrows == 0)
		return fail(ctx, ST_NOTFOUND, "%s", what);
	return 0;
}

bool
store_in_write(const struct ctx *ctx)
{
	return ctx->conn != NULL && ctx->store != NULL &&
	    ctx->conn == ctx->store->wconn;
}

int
store_write(struct ctx *ctx, int (*fn)(struct ctx *, void *), void *arg)
{
	struct store *st = ctx->store;
	struct wjob job;

	/* Already in the writer's transaction: just run it there. */
	if (store_in_write(ctx))
		return fn(ctx, arg);
	memset(&job, 0, sizeof(job));
	job.fn = fn;
	job.arg = arg;
	job.ctx = ctx;
	pthread_mutex_lock(&st->wmu);
	if (st->stopping) {
		pthread_mutex_unlock(&st->wmu);
		return fail(ctx, ST_UNAVAILABLE, "the server is stopping");
	}
	pthread_cond_init(&job.cond, NULL);
	if (st->wtail != NULL)
		st->wtail->next = &job;
	else
		st->whead = &job;
	st->wtail = &job;
	pthread_cond_signal(&st->wcond);
	while (!job.done)
		pthread_cond_wait(&job.cond, &st->wmu);
	pthread_mutex_unlock(&st->wmu);
	pthread_cond_destroy(&job.cond);
	return job.rc;
}

void
store_on_commit(struct store *st, void (*fn)(struct ctx *, void *),
    void *arg)
{
	st->on_commit = fn;
	st->on_commit_arg = arg;
}

/* Run one batch of jobs in one transaction.  Called on the writer. */
static void
run_batch(struct store *st, struct wjob *batch)
{
	struct wjob *j;
	struct arena *a = arena_new();
	struct ctx wctx;
	void *saved;
	bool began, any = false;

	ctx_init(&wctx, a, st);
	wctx.conn = st->wconn;
	began = script(&wctx, st, st->wconn, st->be->begin_sql) == 0;
	for (j = batch; j != NULL; j = j->next) {
		if (!began) {
			j->rc = fail(j->ctx, wctx.status, "%s", wctx.message);
			continue;
		}
		saved = j->ctx->conn;
		j->ctx->conn = st->wconn;
		if (script(j->ctx, st, st->wconn, "SAVEPOINT w") == -1) {
			j->rc = -1;
		} else {
			j->rc = j->fn(j->ctx, j->arg);
			if (j->rc == 0) {
				j->rc = script(j->ctx, st, st->wconn,
				    "RELEASE w");
			} else {
				script(&wctx, st, st->wconn, "ROLLBACK TO w");
				script(&wctx, st, st->wconn, "RELEASE w");
			}
		}
		j->ctx->conn = saved;
		if (j->rc == 0)
			any = true;
	}
	if (began && script(&wctx, st, st->wconn, "COMMIT") == -1) {
		script(&wctx, st, st->wconn, "ROLLBACK");
		for (j = batch; j != NULL; j = j->next)
			if (j->rc == 0)
				j->rc = fail(j->ctx, wctx.status, "%s",
				    wctx.message);
		any = false;
	}
	if (any && st->on_commit != NULL) {
		ctx_clear_error(&wctx);
		st->on_commit(&wctx, st->on_commit_arg);
	}
	arena_free(a);
}

static void *
writer_main(void *p)
{
	struct store *st = p;
	struct wjob *batch, *last, *j, *next;
	unsigned n;

	pthread_mutex_lock(&st->wmu);
	for (;;) {
		while (st->whead == NULL && !st->stopping)
			pthread_cond_wait(&st->wcond, &st->wmu);
		if (st->whead == NULL)
			break;
		/* Take every write waiting now, up to group_max. */
		batch = last = st->whead;
		for (n = 1; last->next != NULL && n < st->group_max; n++)
			last = last->next;
		st->whead = last->next;
		if (st->whead == NULL)
			st->wtail = NULL;
		last->next = NULL;
		pthread_mutex_unlock(&st->wmu);

		run_batch(st, batch);

		pthread_mutex_lock(&st->wmu);
		for (j = batch; j != NULL; j = next) {
			/* The waiter may return (and its job vanish) as soon
			 * as it sees done; read next first. */
			next = j->next;
			j->done = true;
			pthread_cond_signal(&j->cond);
		}
	}
	pthread_mutex_unlock(&st->wmu);
	return NULL;
}

/* Migrations: embedded files "NNNN_name.sql", or ".sqlite.sql" and
 * ".pg.sql" where the dialects differ. */
static bool
migration_is_for(const char *name, const char *backend)
{
	const char *dot = strchr(name, '.');
	char want[32];

	if (dot == NULL)
		return false;
	if (strcmp(dot, ".sql") == 0)
		return true;
	snprintf(want, sizeof(want), ".%s.sql", backend);
	return strcmp(dot, want) == 0;
}

static int64_t
migration_version(const char *name)
{
	char digits[5];
	int64_t v;

	if (strlen(name) < 5 || name[4] != '_')
		return -1;
	memcpy(digits, name, 4);
	digits[4] = '\0';
	if (parse_int64(digits, 1, 9999, &v) == -1)
		return -1;
	return v;
}

int64_t
store_known_version(void)
{
	const struct embedded_file *f;
	int64_t v, max = 0;

	for (f = embedded_migrations; f->name != NULL; f++) {
		v = migration_version(f->name);
		if (v > max)
			max = v;
	}
	return max;
}

static int64_t
current_version(struct ctx *ctx)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_SCHEMA_VERSION, NOARGS, &r) == -1)
		return -1;
	return rows_int(r, 0, 0);
}

int64_t
store_schema_version(struct store *st)
{
	struct arena *a = arena_new();
	struct ctx ctx;
	int64_t v;

	ctx_init(&ctx, a, st);
	v = current_version(&ctx);
	arena_free(a);
	return v;
}

struct migrate_job {
	const struct embedded_file *file;
	int64_t		 version;
	bool		 applied;
};

/* Make schema_version if need be and read it, on the writer's
 * connection: store_open() takes nothing from the read pool, which its
 * caller's arena would otherwise hand back after a failed open. */
static int
schema_init(struct ctx *ctx, void *p)
{
	int64_t *have = p;

	if (store_exec(ctx, Q_SCHEMA_INIT, NOARGS, NULL) == -1)
		return -1;
	*have = current_version(ctx);
	return *have < 0 ? -1 : 0;
}

/* The back end's check of a migration before it commits (SQLite: no
 * dangling foreign key). */
static int
migration_check(struct ctx *ctx, struct store *st, void *conn)
{
	enum status status = ST_INTERNAL;
	char err[256];

	if (st->be->migrate_check == NULL ||
	    st->be->migrate_check(conn, &status, err, sizeof(err)) == 0)
		return 0;
	log_error("store: migration check: %s", err);
	return fail(ctx, status, "migration refused: %s", err);
}

/*
 * Runs in the writer's transaction, which on a shared database holds the
 * lock every writer takes: of several servers starting at once, one
 * applies the migration and the others find it applied.
 */
static int
apply_one(struct ctx *ctx, void *p)
{
	struct migrate_job *m = p;
	int64_t have = current_version(ctx);

	if (have < 0)
		return -1;
	if (have >= m->version)
		return 0;
	if (script(ctx, ctx->store, ctx->conn,
	    (const char *)m->file->data) == -1)
		return -1;
	if (migration_check(ctx, ctx->store, ctx->conn) == -1)
		return -1;
	m->applied = true;
	return store_exec(ctx, Q_SCHEMA_RECORD, ARGS(store_int(m->version),
	    store_text(m->file->name), store_int(time_now())), NULL);
}

/*
 * One migration in a write of its own, between the back end's pre and
 * post statements.  These run on the writer's connection from this
 * thread: store_open() is still alone with the store, so the writer
 * thread is idle and nothing else uses that connection.
 */
static int
apply_around(struct ctx *ctx, struct store *st, struct migrate_job *m)
{
	void *saved = ctx->conn;
	int rc;

	if (st->be->migrate_pre != NULL && script(ctx, st, st->wconn,
	    st->be->migrate_pre) == -1)
		return -1;
	rc = store_write(ctx, apply_one, m);
	ctx->conn = saved;
	if (st->be->migrate_post == NULL)
		return rc;
	if (rc == -1) {
		/* Keep the migration's own error. */
		enum status status;
		char err[256];

		st->be->script(st->wconn, st->be->migrate_post, &status, err,
		    sizeof(err));
		return -1;
	}
	return script(ctx, st, st->wconn, st->be->migrate_post);
}

static int
migrate(struct ctx *ctx, struct store *st)
{
	const struct embedded_file *f;
	struct migrate_job m;
	int64_t have, known = store_known_version(), v;

	if (store_write(ctx, schema_init, &have) == -1)
		return -1;
	if (have > known)
		return fail(ctx, ST_INTERNAL, "the database has schema "
		    "version %lld but this schakel knows only up to %lld; "
		    "run a newer schakel", (long long)have,
		    (long long)known);
	for (v = have + 1; v <= known; v++) {
		m.file = NULL;
		for (f = embedded_migrations; f->name != NULL; f++)
			if (migration_version(f->name) == v &&
			    migration_is_for(f->name, st->be->name))
				m.file = f;
		if (m.file == NULL)
			return fail(ctx, ST_INTERNAL, "migration %04lld for "
			    "%s is missing", (long long)v, st->be->name);
		m.version = v;
		m.applied = false;
		if (apply_around(ctx, st, &m) == -1)
			return -1;
		if (m.applied)
			log_info("applied migration %s", m.file->name);
	}
	return 0;
}

int
store_open(struct ctx *ctx, const struct store_opts *opts,
    struct store **out)
{
	struct store *st;
	char err[256];
	FILE *fp;

	*out = NULL;
	if (opts->url == NULL && !opts->create) {
		fp = fopen(opts->path, "rb");
		if (fp == NULL)
			return fail(ctx, ST_NOTFOUND, "no database at '%s'",
			    opts->path);
		fclose(fp);
	}
	st = calloc(1, sizeof(*st));
	if (st == NULL)
		abort();
	st->be = opts->url != NULL ? &store_pg_backend : &store_sqlite_backend;
	st->path = strdup(opts->url != NULL ? opts->url : opts->path);
	st->group_max = opts->group_max ? opts->group_max : 256;
	pthread_mutex_init(&st->pool_mu, NULL);
	pthread_cond_init(&st->pool_cond, NULL);
	st->pool_max = opts->pool_max ? opts->pool_max : 32;
	pthread_mutex_init(&st->wmu, NULL);
	pthread_cond_init(&st->wcond, NULL);
	st->wconn = st->be->connect(st, false, err, sizeof(err));
	if (st->wconn == NULL) {
		fail(ctx, ST_UNAVAILABLE, "cannot open the database: %s", err);
		goto out_close;
	}
	if (pthread_create(&st->writer, NULL, writer_main, st) != 0) {
		fail(ctx, ST_INTERNAL, "cannot start the writer thread");
		goto out_close;
	}
	st->writer_running = true;
	ctx->store = st;
	if (opts->migrate && migrate(ctx, st) == -1)
		goto out_close;
	ctx->conn = NULL;
	*out = st;
	return 0;
out_close:
	ctx->conn = NULL;
	ctx->store = NULL;
	store_close(st);
	return -1;
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	if (st->writer_running) {
		pthread_mutex_lock(&st->wmu);
		st->stopping = true;
		pthread_cond_broadcast(&st->wcond);
		pthread_mutex_unlock(&st->wmu);
		pthread_join(st->writer, NULL);
	}
	for (i = 0; i < st->npool; i++)
		st->be->disconnect(st->pool[i]);
	if (st->wconn != NULL)
		st->be->disconnect(st->wconn);
	free(st->pool);
	free(st->path);
	pthread_mutex_destroy(&st->pool_mu);
	pthread_cond_destroy(&st->pool_cond);
	pthread_mutex_destroy(&st->wmu);
	pthread_cond_destroy(&st->wcond);
	free(st);
}

int
store_backup(struct ctx *ctx, struct store *st, const char *dest)
{
	char err[256];
	void *conn;
	int rc;

	conn = st->be->connect(st, true, err, sizeof(err));
	if (conn == NULL)
		return fail(ctx, ST_UNAVAILABLE, "cannot open the database: %s",
		    err);
	rc = st->be->backup(conn, dest, err, sizeof(err));
	st->be->disconnect(conn);
	if (rc == -1)
		return fail(ctx, ST_INTERNAL, "backup to '%s' failed: %s",
		    dest, err);
	return 0;
}

static const struct store_value *
cell(const struct store_rows *r, size_t row, size_t col)
{
	assert(row < r->nrows && col < r->ncols);
	return &r->cells[row * r->ncols + col];
}

int64_t
rows_int(const struct store_rows *r, size_t row, size_t col)
{
	const struct store_value *v = cell(r, row, col);

	return v->type == SV_INT ? v->i : 0;
}

const char *
rows_text(const struct store_rows *r, size_t row, size_t col)
{
	const struct store_value *v = cell(r, row, col);

	return v->type == SV_TEXT || v->type == SV_BLOB ? v->p : NULL;
}

const unsigned char *
rows_blob(const struct store_rows *r, size_t row, size_t col, size_t *len)
{
	const struct store_value *v = cell(r, row, col);

	*len = v->type == SV_NULL ? 0 : v->len;
	return v->type == SV_BLOB || v->type == SV_TEXT ? v->p : NULL;
}

bool
rows_null(const struct store_rows *r, size_t row, size_t col)
{
	return cell(r, row, col)->type == SV_NULL;
}

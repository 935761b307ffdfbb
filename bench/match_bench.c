/*
 * match_bench: how long the match lookup of a new signal takes when the
 * database already holds many signals (issue 4: "match lookup time with
 * one million signals in the database").
 *
 *   match_bench DIR [ROWS [LOOKUPS]]
 *
 * Creates DIR/match.db through store_open() with migrations (DIR must
 * exist and should sit on the disk under test; an existing match.db is
 * refused; the caller removes DIR afterwards).  It adds one municipality,
 * two organisations and a reporter, then loads ROWS signals (default
 * 1,000,000), each with one person whose two blind indexes, bi_id and
 * bi_name_dob, are random 32-byte values, through store_write() jobs of
 * BATCH signals each (one durable commit per job), with the statements
 * signal_file() uses (Q_SIGNAL_INSERT, Q_SIGNAL_SEAL,
 * Q_SIGNAL_PERSON_INSERT, Q_SIGNAL_PERSON_SEAL) but without its audit
 * entries.  The values are inserted in ascending order of each index (see
 * make_keys()).  The sealed columns hold random bytes of a typical sealed
 * length: this measures the store, not the sealing.
 *
 * It then runs LOOKUPS (default 20,000) Q_MATCH_FIND lookups, half for a
 * person that is in the database (both indexes of a loaded person, as for
 * the same person reported again; spread evenly over the table) and half
 * for random indexes that are not, in random order, as another
 * organisation filing a new signal would.  Every lookup is timed alone,
 * around store_exec(), results copied into the arena included.  It does
 * this twice: inside one store_write() on the writer's connection, where
 * signal_file() runs it, and on a pooled read connection.  Prints:
 *
 *   load rows=N batch=N seconds=S rows_per_s=R db_mb=M
 *   lookup mode=writer n=N hits=N misses=N p50_us=U p99_us=U mean_us=U
 *       max_us=U hit_p50_us=U miss_p50_us=U	(one line)
 *   lookup mode=read ...
 *
 * Exit 0 on success; 1 on bad usage, any store error, or when a hit was
 * not found or a miss found someone.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/parse.h"
#include "crypt/crypt.h"
#include "store/store.h"

#define BATCH		10000	/* signals per store_write() job */
#define KEYS		(2 * CRYPT_INDEX_LEN)	/* bi_id, then bi_name_dob */
#define KEY		CRYPT_INDEX_LEN
#define DESC_LEN	161	/* a sealed description of 120 bytes */
#define IDENT_LEN	96	/* a sealed name and birth date */

struct bench {
	int64_t		 rows;
	int64_t		 nlookups;
	int64_t		 nhits;		/* lookups for a loaded person */
	int64_t		 stride;	/* every stride-th person is a hit */
	int64_t		 org;		/* the reporters' organisation */
	int64_t		 other_org;	/* the one looking */
	int64_t		 user;
	int64_t		 now;
	unsigned char	*ids;		/* rows * KEY: bi_id, ascending */
	unsigned char	*nds;		/* rows * KEY: bi_name_dob, ascending */
	unsigned char	*miss_keys;	/* (nlookups - nhits) * KEYS */
	int64_t		*order;		/* < nhits: a hit, else a miss */
	int64_t		*ns;		/* ns[order[k]]: lookup k's time */
	unsigned char	 desc[DESC_LEN];
	unsigned char	 ident[IDENT_LEN];
};

struct load_job {
	struct bench	*b;
	int64_t		 first;		/* its first signal, from 1 */
	int64_t		 n;
};

struct stats {
	int64_t		 hits;		/* lookups that found one person */
	int64_t		 misses;	/* lookups that found nobody */
};

struct lookup_run {
	struct bench	*b;
	struct stats	 s;
};

static void
die_ctx(const struct ctx *ctx, const char *what)
{
	fprintf(stderr, "match_bench: %s: %s\n", what,
	    ctx->message != NULL ? ctx->message : status_name(ctx->status));
}

static int
setup_job(struct ctx *ctx, void *p)
{
	struct bench *b = p;
	struct store_rows *r;

	if (store_exec(ctx, Q_MUNI_UPSERT, ARGS(store_text("GM0363"),
	    store_text("Amsterdam"), store_text("Noord-Holland")), NULL) == -1)
		return -1;
	if (store_exec(ctx, Q_ORG_INSERT, ARGS(store_text("bench reporters"),
	    store_text("other"), store_text("GM0363"), store_int(0),
	    store_int(b->now)), &r) == -1)
		return -1;
	b->org = rows_int(r, 0, 0);
	if (store_exec(ctx, Q_ORG_INSERT, ARGS(store_text("bench lookers"),
	    store_text("other"), store_text("GM0363"), store_int(0),
	    store_int(b->now)), &r) == -1)
		return -1;
	b->other_org = rows_int(r, 0, 0);
	if (store_exec(ctx, Q_USER_INSERT, ARGS(store_text("bench-reporter"),
	    store_int(b->org), store_text("reporter"), store_text("-"),
	    store_int(0), store_int(0), store_int(b->now), store_null()),
	    &r) == -1)
		return -1;
	b->user = rows_int(r, 0, 0);
	return 0;
}

/* A batch of signals, each with its person, as signal_file() writes
 * them (without the audit entries and the match lookup). */
static int
load_job(struct ctx *ctx, void *p)
{
	struct load_job *j = p;
	struct bench *b = j->b;
	struct store_rows *r;
	int64_t i, k, sid, pid;

	for (i = 0; i < j->n; i++) {
		k = j->first - 1 + i;	/* the k-th person's indexes */
		if (store_exec(ctx, Q_SIGNAL_INSERT, ARGS(store_int(b->user),
		    store_int(b->org), store_null(), store_text("GM0363"),
		    store_null(), store_text("not_urgent"), store_text(""),
		    store_text("OM-1a-1"), store_int(b->now + 5 * 86400),
		    store_int(b->now), store_text("")), &r) == -1)
			return -1;
		sid = rows_int(r, 0, 0);
		if (store_exec(ctx, Q_SIGNAL_SEAL, ARGS(store_int(sid),
		    store_blob(b->desc, DESC_LEN), store_null()), NULL) == -1)
			return -1;
		if (store_exec(ctx, Q_SIGNAL_PERSON_INSERT, ARGS(store_int(sid),
		    store_text("victim"), store_text("16-17"),
		    store_text("female"), store_text("unknown"),
		    store_text("")), &r) == -1)
			return -1;
		pid = rows_int(r, 0, 0);
		if (store_exec(ctx, Q_SIGNAL_PERSON_SEAL, ARGS(store_int(pid),
		    store_blob(b->ident, IDENT_LEN),
		    store_blob(b->ids + k * KEY, KEY),
		    store_blob(b->nds + k * KEY, KEY)), NULL) == -1)
			return -1;
	}
	return 0;
}

static int
cmp_key(const void *x, const void *y)
{
	return memcmp(x, y, KEY);
}

/*
 * Random indexes, each column sorted.  Inserted in ascending order, both
 * indexes grow at their right edge and a batch dirties a few hundred
 * pages, instead of a leaf page of each index per row, which SQLite's
 * default 2 MB cache spills to the WAL again and again: a million rows
 * took 85 s in random order and 24 s sorted in a test.  The values stay
 * uniformly random and the trees come out as deep (four levels).
 */
static int
make_keys(struct bench *b)
{
	b->ids = malloc((size_t)b->rows * KEY);
	b->nds = malloc((size_t)b->rows * KEY);
	if (b->ids == NULL || b->nds == NULL)
		return -1;
	crypt_random(b->ids, (size_t)b->rows * KEY);
	crypt_random(b->nds, (size_t)b->rows * KEY);
	qsort(b->ids, (size_t)b->rows, KEY, cmp_key);
	qsort(b->nds, (size_t)b->rows, KEY, cmp_key);
	return 0;
}

static int
load(struct ctx *ctx, struct bench *b, double *seconds)
{
	struct load_job j;
	struct arena *a;
	struct ctx bctx;
	int64_t t0, first;
	int rc;

	t0 = time_mono_ns();
	for (first = 1; first <= b->rows; first += BATCH) {
		j.b = b;
		j.first = first;
		j.n = b->rows - first + 1 < BATCH ? b->rows - first + 1 :
		    BATCH;
		/* An arena per batch for the returned ids. */
		a = arena_new();
		ctx_init(&bctx, a, ctx->store);
		rc = store_write(&bctx, load_job, &j);
		if (rc == -1)
			fail(ctx, bctx.status, "%s", bctx.message);
		arena_free(a);
		if (rc == -1)
			return -1;
	}
	*seconds = (double)(time_mono_ns() - t0) / 1e9;
	return 0;
}

/* One timed lookup; checks that a hit finds its person and a miss
 * nobody. */
static int
lookup(struct ctx *ctx, struct bench *b, int64_t k, struct stats *s)
{
	const unsigned char *id, *nd;
	struct store_rows *r;
	bool hit = b->order[k] < b->nhits;
	int64_t t0;

	/* A hit: the stride-th persons, spread over the whole table. */
	if (hit) {
		id = b->ids + b->order[k] * b->stride * KEY;
		nd = b->nds + b->order[k] * b->stride * KEY;
	} else {
		id = b->miss_keys + (b->order[k] - b->nhits) * KEYS;
		nd = id + KEY;
	}
	t0 = time_mono_ns();
	if (store_exec(ctx, Q_MATCH_FIND, ARGS(store_blob(id, KEY),
	    store_blob(nd, KEY), store_int(b->rows + 1),
	    store_int(b->other_org)), &r) == -1)
		return -1;
	b->ns[b->order[k]] = time_mono_ns() - t0;
	if (r->nrows != (hit ? 1u : 0u))
		return fail(ctx, ST_INTERNAL, "a %s found %zu people",
		    hit ? "hit" : "miss", r->nrows);
	if (hit)
		s->hits++;
	else
		s->misses++;
	return 0;
}

static int
lookup_job(struct ctx *ctx, void *p)
{
	struct lookup_run *run = p;
	int64_t k;

	for (k = 0; k < run->b->nlookups; k++)
		if (lookup(ctx, run->b, k, &run->s) == -1)
			return -1;
	return 0;
}

static int
cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, c = *(const int64_t *)y;

	return (a > c) - (a < c);
}

static void
report(const char *mode, struct bench *b, const struct stats *s)
{
	int64_t i, n = b->nlookups, h = b->nhits, *v = b->ns;
	double sum = 0, hit50, miss50;

	for (i = 0; i < n; i++)
		sum += (double)v[i];
	/* The hits' times come first, then the misses'. */
	qsort(v, (size_t)h, sizeof(*v), cmp_i64);
	qsort(v + h, (size_t)(n - h), sizeof(*v), cmp_i64);
	hit50 = (double)v[h / 2] / 1e3;
	miss50 = (double)v[h + (n - h) / 2] / 1e3;
	qsort(v, (size_t)n, sizeof(*v), cmp_i64);
	printf("lookup mode=%s n=%" PRId64 " hits=%" PRId64 " misses=%"
	    PRId64 " p50_us=%.1f p99_us=%.1f mean_us=%.1f max_us=%.1f "
	    "hit_p50_us=%.1f miss_p50_us=%.1f\n", mode, n, s->hits,
	    s->misses, (double)v[n / 2] / 1e3, (double)v[n * 99 / 100] / 1e3,
	    sum / (double)n / 1e3, (double)v[n - 1] / 1e3, hit50, miss50);
}

/* Hits and misses in a random order (Fisher-Yates). */
static void
shuffle(int64_t *v, int64_t n)
{
	uint32_t r;
	int64_t i, k, t;

	for (i = 0; i < n; i++)
		v[i] = i;
	for (i = n - 1; i > 0; i--) {
		crypt_random(&r, sizeof(r));
		k = (int64_t)(r % (uint32_t)(i + 1));
		t = v[i];
		v[i] = v[k];
		v[k] = t;
	}
}

static double
megabytes(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (double)sb.st_size / 1e6 : 0;
}

/* The lookups inside one write, as signal_file() runs them. */
static int
run_writer(struct store *st, struct bench *b)
{
	struct arena *a = arena_new();
	struct lookup_run run;
	struct ctx ctx;
	int rc;

	memset(&run, 0, sizeof(run));
	run.b = b;
	ctx_init(&ctx, a, st);
	rc = store_write(&ctx, lookup_job, &run);
	if (rc == -1)
		die_ctx(&ctx, "lookups on the writer");
	else
		report("writer", b, &run.s);
	arena_free(a);
	return rc;
}

/* The same on a read connection from the pool, taken before the clock
 * runs. */
static int
run_read(struct store *st, struct bench *b)
{
	struct arena *a = arena_new();
	struct stats s = { 0, 0 };
	struct ctx ctx;
	int64_t k;
	int rc = -1;

	ctx_init(&ctx, a, st);
	if (store_exec(&ctx, Q_SCHEMA_VERSION, NOARGS, NULL) == -1)
		goto out;
	shuffle(b->order, b->nlookups);
	for (k = 0; k < b->nlookups; k++)
		if (lookup(&ctx, b, k, &s) == -1)
			goto out;
	report("read", b, &s);
	rc = 0;
out:
	if (rc == -1)
		die_ctx(&ctx, "lookups on a read connection");
	arena_free(a);		/* gives the connection back */
	return rc;
}

static int
arg(const char *s, int64_t min, int64_t max, int64_t *out)
{
	if (parse_int64(s, min, max, out) == 0)
		return 0;
	fprintf(stderr, "match_bench: '%s' is not a number from %" PRId64
	    " to %" PRId64 "\n", s, min, max);
	return -1;
}

int
main(int argc, char **argv)
{
	struct store_opts opts;
	struct store *st = NULL;
	struct arena *a = NULL;
	struct bench b;
	struct ctx ctx;
	char path[4096];
	double seconds = 0;
	int n, rc = 1;

	memset(&b, 0, sizeof(b));
	b.rows = 1000000;
	b.nlookups = 20000;
	if (argc < 2 || argc > 4) {
		fputs("usage: match_bench DIR [ROWS [LOOKUPS]]\n", stderr);
		return 1;
	}
	if (argc > 2 && arg(argv[2], 2, 100000000, &b.rows) == -1)
		return 1;
	if (argc > 3 && arg(argv[3], 2, 10000000, &b.nlookups) == -1)
		return 1;
	b.nhits = b.nlookups / 2;
	if (b.nhits > b.rows) {
		fputs("match_bench: more hits than ROWS\n", stderr);
		return 1;
	}
	b.stride = b.rows / b.nhits;
	n = snprintf(path, sizeof(path), "%s/match.db", argv[1]);
	if (n < 0 || (size_t)n >= sizeof(path)) {
		fputs("match_bench: directory name too long\n", stderr);
		return 1;
	}
	if (access(path, F_OK) == 0) {
		fprintf(stderr, "match_bench: '%s' exists\n", path);
		return 1;
	}
	if (crypt_init() == -1) {
		fputs("match_bench: cannot start libsodium\n", stderr);
		return 1;
	}
	b.miss_keys = calloc((size_t)(b.nlookups - b.nhits), KEYS);
	b.order = calloc((size_t)b.nlookups, sizeof(*b.order));
	b.ns = calloc((size_t)b.nlookups, sizeof(*b.ns));
	if (b.miss_keys == NULL || b.order == NULL || b.ns == NULL ||
	    make_keys(&b) == -1) {
		fputs("match_bench: out of memory\n", stderr);
		goto out;
	}
	crypt_random(b.miss_keys, (size_t)(b.nlookups - b.nhits) * KEYS);
	crypt_random(b.desc, sizeof(b.desc));
	crypt_random(b.ident, sizeof(b.ident));
	b.now = time_now();

	a = arena_new();
	ctx_init(&ctx, a, NULL);
	memset(&opts, 0, sizeof(opts));
	opts.path = path;
	opts.create = true;
	opts.migrate = true;
	if (store_open(&ctx, &opts, &st) == -1) {
		die_ctx(&ctx, "cannot open the store");
		goto out;
	}
	ctx.store = st;
	if (store_write(&ctx, setup_job, &b) == -1) {
		die_ctx(&ctx, "setup");
		goto out;
	}
	if (load(&ctx, &b, &seconds) == -1) {
		die_ctx(&ctx, "load");
		goto out;
	}
	printf("load rows=%" PRId64 " batch=%d seconds=%.1f rows_per_s=%.0f "
	    "db_mb=%.0f\n", b.rows, BATCH, seconds, (double)b.rows / seconds,
	    megabytes(path));
	fflush(stdout);
	shuffle(b.order, b.nlookups);
	if (run_writer(st, &b) == -1 || run_read(st, &b) == -1)
		goto out;
	rc = 0;
out:
	ctx.conn = NULL;
	arena_free(a);
	store_close(st);
	free(b.ids);
	free(b.nds);
	free(b.miss_keys);
	free(b.order);
	free(b.ns);
	return rc;
}

#include "domain/advice.h"

#include <string.h>

#include "audit/audit.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "crypt/crypt.h"
#include "domain/fallback.h"
#include "store/store.h"

#define LIST_MAX	500

struct ask_job {
	const char	*municipality;
	const char	*question;
	int64_t		 region;
	int64_t		 id;
};

static int
ask_job(struct ctx *ctx, void *p)
{
	struct ask_job *j = p;
	struct store_rows *r;
	unsigned char *ct;
	size_t len;

	/* The row first: its id is part of what the seal binds. */
	if (store_exec(ctx, Q_ADVICE_INSERT, ARGS(store_int(ctx->who.user_id),
	    store_int(ctx->who.org_id), j->region > 0 ? store_int(j->region) :
	    store_null(), store_text(j->municipality), store_blob("", 0),
	    store_int(time_now())), &r) == -1)
		return -1;
	j->id = rows_int(r, 0, 0);
	if (crypt_seal(ctx, ctx->keys, "advice", "question", j->id,
	    j->question, strlen(j->question), &ct, &len) == -1)
		return -1;
	if (store_exec(ctx, Q_ADVICE_SEAL, ARGS(store_int(j->id),
	    store_blob(ct, len)), NULL) == -1)
		return -1;
	return audit_append(ctx, "advice.ask", "advice", j->id);
}

int
advice_ask(struct ctx *ctx, const char *municipality, const char *question,
    int64_t *id)
{
	struct ask_job j = { municipality, question, 0, 0 };
	struct store_rows *r;

	if (store_exec(ctx, Q_MUNI_GET, ARGS(store_text(municipality)), &r) ==
	    -1)
		return -1;
	if (r->nrows == 0)
		return fail_field(ctx, "municipality", "is not a known "
		    "municipality code (like GM0363)");
	if (store_exec(ctx, Q_REGION_FOR_MUNI, ARGS(store_text(municipality)),
	    &r) == -1)
		return -1;
	j.region = r->nrows > 0 ? rows_int(r, 0, 0) : 0;
	if (store_write(ctx, ask_job, &j) == -1)
		return -1;
	*id = j.id;
	return 0;
}

static const char *
open_col(struct ctx *ctx, const struct store_rows *r, size_t row, size_t col,
    const char *column, int64_t id, bool *bad)
{
	const unsigned char *ct;
	char *plain;
	size_t len, plen;

	ct = rows_blob(r, row, col, &len);
	if (ct == NULL)
		return NULL;
	if (crypt_open(ctx, ctx->keys, "advice", column, id, ct, len, &plain,
	    &plen) == -1) {
		*bad = true;
		return NULL;
	}
	return plain;
}

static int
fill(struct ctx *ctx, const struct store_rows *r, struct advice **out,
    size_t *n, bool queue)
{
	struct advice *a;
	bool bad = false;
	size_t i, c;

	a = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*a));
	for (i = 0; i < r->nrows; i++) {
		a[i].id = rows_int(r, i, 0);
		a[i].created_at = rows_int(r, i, 1);
		a[i].municipality_name = rows_text(r, i, 2);
		a[i].status = rows_text(r, i, 3);
		a[i].question = open_col(ctx, r, i, 4, "question", a[i].id,
		    &bad);
		a[i].answer = open_col(ctx, r, i, 5, "answer", a[i].id, &bad);
		a[i].answered_at = rows_int(r, i, 6);
		a[i].answered_by = rows_text(r, i, 7);
		c = queue ? 9 : 8;
		if (queue)
			a[i].asker_org = rows_text(r, i, 8);
		a[i].suggest_signal = rows_int(r, i, c) != 0;
		a[i].signal_id = rows_null(r, i, c + 1) ? 0 :
		    rows_int(r, i, c + 1);
		a[i].municipality = rows_text(r, i, c + 2);
	}
	if (bad) {
		ctx_clear_error(ctx);
		return fail(ctx, ST_INTERNAL, "advice cannot be decrypted");
	}
	*out = a;
	*n = r->nrows;
	return 0;
}

int
advice_mine(struct ctx *ctx, struct advice **out, size_t *n)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_ADVICE_MINE, ARGS(store_int(ctx->who.user_id),
	    store_int(LIST_MAX)), &r) == -1)
		return -1;
	return fill(ctx, r, out, n, false);
}

int
advice_queue(struct ctx *ctx, struct advice **out, size_t *n)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_ADVICE_QUEUE, ARGS(store_int(ctx->who.org_id),
	    store_int(LIST_MAX)), &r) == -1)
		return -1;
	if (fill(ctx, r, out, n, true) == -1)
		return -1;
	/* Free text may name people after all: reading it leaves a trace. */
	return *n > 0 ? audit_read(ctx, "advice.list", "org",
	    ctx->who.org_id) : 0;
}

struct answer_job {
	int64_t		 id;
	const char	*answer;
	bool		 suggest_signal;
};

static int
answer_job(struct ctx *ctx, void *p)
{
	struct answer_job *j = p;
	struct store_rows *r;
	unsigned char *ct;
	size_t len;

	if (crypt_seal(ctx, ctx->keys, "advice", "answer", j->id, j->answer,
	    strlen(j->answer), &ct, &len) == -1)
		return -1;
	if (store_exec(ctx, Q_ADVICE_ANSWER, ARGS(store_int(j->id),
	    store_blob(ct, len), store_int(ctx->who.user_id),
	    store_int(time_now()), store_int(j->suggest_signal)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "advice %lld has been answered "
		    "already", (long long)j->id);
	return audit_append(ctx, "advice.answer", "advice", j->id);
}

int
advice_answer(struct ctx *ctx, int64_t id, const char *answer,
    bool suggest_signal)
{
	struct answer_job j = { id, answer, suggest_signal };
	struct store_rows *r;
	bool serves;

	if (store_row(ctx, Q_ADVICE_GET, ARGS(store_int(id)), &r,
	    "no such advice") == -1)
		return -1;
	/* The point of its region, or the fallback point outside them. */
	if (fallback_org_serves(ctx, ctx->who.org_id, rows_null(r, 0, 1) ? 0 :
	    rows_int(r, 0, 1), &serves) == -1)
		return -1;
	if (!serves)
		return fail(ctx, ST_NOTFOUND, "no such advice");
	return store_write(ctx, answer_job, &j);
}

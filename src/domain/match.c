#include "domain/match.h"

#include <string.h>

#include "audit/audit.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "crypt/crypt.h"
#include "domain/sealed.h"
#include "store/store.h"

int
match_person(struct ctx *ctx, int64_t signal, int64_t org, int64_t person,
    const unsigned char *bi_id, const unsigned char *bi_name_dob)
{
	struct store_rows *r;
	int64_t other;
	size_t i;

	if (bi_id == NULL && bi_name_dob == NULL)
		return 0;
	if (store_exec(ctx, Q_MATCH_FIND, ARGS(store_blob(bi_id,
	    CRYPT_INDEX_LEN), store_blob(bi_name_dob, CRYPT_INDEX_LEN),
	    store_int(signal), store_int(org)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++) {
		other = rows_int(r, i, 1);
		if (store_exec(ctx, Q_MATCH_INSERT, ARGS(store_int(person),
		    store_int(rows_int(r, i, 0)), store_int(signal),
		    store_int(other), store_text(rows_text(r, i, 2)),
		    store_int(time_now())), NULL) == -1)
			return -1;
		if (audit_append(ctx, "signal.match", "signal", signal) == -1 ||
		    audit_append(ctx, "signal.match", "signal", other) == -1)
			return -1;
	}
	return 0;
}

int
match_concerns(struct ctx *ctx, int64_t signal, struct match_concern **out,
    size_t *n)
{
	struct store_rows *r;
	struct match_concern *c;
	size_t i, k = 0;
	bool bad = false;

	if (store_exec(ctx, Q_MATCH_FOR_SIGNAL, ARGS(store_int(signal)), &r) ==
	    -1)
		return -1;
	c = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*c));
	for (i = 0; i < r->nrows; i++) {
		/* One line per professional, however many signals. */
		if (k > 0 && strcmp(c[k - 1].username, rows_text(r, i, 0)) ==
		    0)
			continue;
		c[k].username = rows_text(r, i, 0);
		c[k].org_name = rows_text(r, i, 1);
		c[k].phone = rows_text(r, i, 2);
		c[k].signal = rows_int(r, i, 3);
		c[k].real_name = sealed_get(ctx, r, i, 5, "app_user",
		    "real_name", rows_int(r, i, 4), &bad);
		k++;
	}
	if (bad) {
		ctx_clear_error(ctx);
		return fail(ctx, ST_INTERNAL, "a reporter's name cannot be "
		    "decrypted");
	}
	*out = c;
	*n = k;
	return 0;
}

int
match_audit_reveal(struct ctx *ctx, int64_t signal,
    const struct match_concern *c, size_t n)
{
	const char *saved = ctx->reason;
	size_t i;
	int rc = 0;

	/* The entry is on the other signal, whose reporter was named; the
	 * reason says where it was shown. */
	ctx->reason = arena_printf(ctx->arena, "shown on signal %lld",
	    (long long)signal);
	for (i = 0; i < n && rc == 0; i++)
		rc = audit_append(ctx, "signal.match.reveal", "signal",
		    c[i].signal);
	ctx->reason = saved;
	return rc;
}

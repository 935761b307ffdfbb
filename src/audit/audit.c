#include "audit/audit.h"

#include <assert.h>
#include <string.h>

#include <sodium.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "crypt/crypt.h"
#include "store/store.h"

static void
put_int(crypto_generichash_state *h, int64_t v)
{
	unsigned char b[8];
	int i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)((uint64_t)v >> (56 - 8 * i));
	crypto_generichash_update(h, b, sizeof(b));
}

/* Length-prefixed, so no two different entries hash the same bytes. */
static void
put_str(crypto_generichash_state *h, const char *s)
{
	if (s == NULL) {
		put_int(h, -1);
		return;
	}
	put_int(h, (int64_t)strlen(s));
	crypto_generichash_update(h, (const unsigned char *)s, strlen(s));
}

void
audit_hash(const unsigned char key[32], const struct audit_entry *e,
    unsigned char out[AUDIT_HASH_LEN])
{
	crypto_generichash_state h;

	crypto_generichash_init(&h, key, 32, AUDIT_HASH_LEN);
	crypto_generichash_update(&h, (const unsigned char *)"schakel-audit-1",
	    15);
	crypto_generichash_update(&h, e->prev, AUDIT_HASH_LEN);
	put_int(&h, e->id);
	put_int(&h, e->at);
	put_int(&h, e->user_id);
	put_int(&h, e->org_id);
	put_str(&h, e->role);
	put_str(&h, e->action);
	put_str(&h, e->object_type);
	put_int(&h, e->object_id);
	put_str(&h, e->reason);
	put_str(&h, e->client_addr);
	put_str(&h, e->request_id);
	crypto_generichash_final(&h, out, AUDIT_HASH_LEN);
}

static struct store_value
opt_int(int64_t v)
{
	return v != 0 ? store_int(v) : store_null();
}

int
audit_append(struct ctx *ctx, const char *action, const char *object_type,
    int64_t object_id)
{
	struct audit_entry e;
	struct store_rows *r;
	const unsigned char *prev;
	size_t len;

	assert(store_in_write(ctx));
	memset(&e, 0, sizeof(e));
	if (store_exec(ctx, Q_AUDIT_LAST, NOARGS, &r) == -1)
		return -1;
	if (r->nrows == 1) {
		e.id = rows_int(r, 0, 0) + 1;
		prev = rows_blob(r, 0, 1, &len);
		if (prev == NULL || len != AUDIT_HASH_LEN)
			return fail(ctx, ST_INTERNAL, "the audit trail is "
			    "damaged at entry %lld", (long long)e.id - 1);
		memcpy(e.prev, prev, AUDIT_HASH_LEN);
	} else {
		e.id = 1;
	}
	e.at = time_now();
	e.user_id = ctx->who.user_id;
	e.org_id = ctx->who.org_id;
	e.role = ctx->who.role != ROLE_NONE ? role_name(ctx->who.role) : NULL;
	e.action = action;
	e.object_type = object_type;
	e.object_id = object_id;
	e.reason = ctx->reason;
	e.client_addr = ctx->client_addr;
	e.request_id = ctx->request_id;
	audit_hash(crypt_audit_key(ctx->keys), &e, e.hash);
	return store_exec(ctx, Q_AUDIT_INSERT, ARGS(store_int(e.id),
	    store_int(e.at), opt_int(e.user_id), opt_int(e.org_id),
	    store_text(e.role), store_text(e.action),
	    store_text(e.object_type), opt_int(e.object_id),
	    store_text(e.reason), store_text(e.client_addr),
	    store_text(e.request_id), store_blob(e.prev, AUDIT_HASH_LEN),
	    store_blob(e.hash, AUDIT_HASH_LEN)), NULL);
}

struct read_job {
	const char	*action;
	const char	*object_type;
	int64_t		 object_id;
};

static int
append_job(struct ctx *ctx, void *p)
{
	struct read_job *j = p;

	return audit_append(ctx, j->action, j->object_type, j->object_id);
}

int
audit_read(struct ctx *ctx, const char *action, const char *object_type,
    int64_t object_id)
{
	struct read_job j = { action, object_type, object_id };

	return store_write(ctx, append_job, &j);
}

#define VERIFY_PAGE	1000

int
audit_verify(struct ctx *ctx, int64_t *count, int64_t *bad_id)
{
	struct store_rows *r;
	struct audit_entry e;
	unsigned char running[AUDIT_HASH_LEN], want[AUDIT_HASH_LEN];
	const unsigned char *p;
	const unsigned char *key = crypt_audit_key(ctx->keys);
	struct arena *page;
	struct arena *saved = ctx->arena;
	int64_t next = 1, after = 0;
	size_t i, len, nrows;
	int rc = 0;

	*count = 0;
	*bad_id = 0;
	memset(running, 0, sizeof(running));
	for (;;) {
		/* One arena a page keeps memory flat on long chains. */
		page = arena_new();
		ctx->arena = page;
		if (store_exec(ctx, Q_AUDIT_PAGE, ARGS(store_int(after),
		    store_int(VERIFY_PAGE)), &r) == -1) {
			rc = -1;
			goto out_page;
		}
		for (i = 0; i < r->nrows; i++) {
			memset(&e, 0, sizeof(e));
			e.id = rows_int(r, i, 0);
			e.at = rows_int(r, i, 1);
			e.user_id = rows_int(r, i, 2);
			e.org_id = rows_int(r, i, 3);
			e.role = rows_text(r, i, 4);
			e.action = rows_text(r, i, 5);
			e.object_type = rows_text(r, i, 6);
			e.object_id = rows_int(r, i, 7);
			e.reason = rows_text(r, i, 8);
			e.client_addr = rows_text(r, i, 9);
			e.request_id = rows_text(r, i, 10);
			if (e.id != next) {
				*bad_id = next;
				ctx->arena = saved;
				rc = fail(ctx, ST_CONFLICT, "audit entry %lld "
				    "was removed", (long long)next);
				goto out_page;
			}
			p = rows_blob(r, i, 11, &len);
			if (p == NULL || len != AUDIT_HASH_LEN ||
			    memcmp(p, running, AUDIT_HASH_LEN) != 0) {
				*bad_id = e.id;
				ctx->arena = saved;
				rc = fail(ctx, ST_CONFLICT, "audit entry %lld "
				    "does not follow entry %lld: entries "
				    "were removed, inserted or reordered",
				    (long long)e.id, (long long)e.id - 1);
				goto out_page;
			}
			memcpy(e.prev, p, AUDIT_HASH_LEN);
			audit_hash(key, &e, want);
			p = rows_blob(r, i, 12, &len);
			if (p == NULL || len != AUDIT_HASH_LEN ||
			    sodium_memcmp(p, want, AUDIT_HASH_LEN) != 0) {
				*bad_id = e.id;
				ctx->arena = saved;
				rc = fail(ctx, ST_CONFLICT, "audit entry %lld "
				    "was changed", (long long)e.id);
				goto out_page;
			}
			memcpy(running, want, AUDIT_HASH_LEN);
			next++;
			after = e.id;
			(*count)++;
		}
		nrows = r->nrows;
		ctx->arena = saved;
		ctx->conn = NULL;
		arena_free(page);
		if (nrows < VERIFY_PAGE)
			break;
	}
	return 0;
out_page:
	ctx->arena = saved;
	ctx->conn = NULL;
	arena_free(page);
	return rc;
}

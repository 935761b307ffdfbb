#include "audit/audit.h"

#include <assert.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>
#include <string.h>

#include <sodium.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/log.h"
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

int
audit_list_object(struct ctx *ctx, const char *object_type,
    int64_t object_id, size_t max, struct audit_access **out, size_t *n)
{
	struct store_rows *r;
	struct audit_access *a;
	size_t i;

	if (store_exec(ctx, Q_AUDIT_FOR_OBJECT, ARGS(store_text(object_type),
	    store_int(object_id), store_int((int64_t)max)), &r) == -1)
		return -1;
	if (audit_read(ctx, "audit.view", object_type, object_id) == -1)
		return -1;
	a = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*a));
	for (i = 0; i < r->nrows; i++) {
		a[i].id = rows_int(r, i, 0);
		a[i].at = rows_int(r, i, 1);
		a[i].user_id = rows_int(r, i, 2);
		a[i].username = rows_text(r, i, 3);
		a[i].org_id = rows_int(r, i, 4);
		a[i].role = rows_text(r, i, 5);
		a[i].action = rows_text(r, i, 6);
		a[i].reason = rows_text(r, i, 7);
	}
	*out = a;
	*n = r->nrows;
	return 0;
}

void
audit_cursor_init(struct audit_cursor *c)
{
	memset(c, 0, sizeof(*c));
	c->next = 1;
}

int
audit_chain_step(struct audit_cursor *c, const unsigned char key[32],
    const struct audit_entry *e, int64_t *bad, const char **why)
{
	unsigned char want[AUDIT_HASH_LEN];

	if (e->id != c->next) {
		*bad = c->next;
		*why = e->id > c->next ? "was removed" :
		    "is out of order or duplicated";
		return -1;
	}
	if (sodium_memcmp(e->prev, c->running, AUDIT_HASH_LEN) != 0) {
		*bad = e->id;
		*why = "does not follow the entry before it: entries were "
		    "removed, inserted or reordered";
		return -1;
	}
	audit_hash(key, e, want);
	if (sodium_memcmp(e->hash, want, AUDIT_HASH_LEN) != 0) {
		*bad = e->id;
		*why = "was changed";
		return -1;
	}
	memcpy(c->running, want, AUDIT_HASH_LEN);
	c->next++;
	return 0;
}

#define VERIFY_PAGE	1000

/* An entry from a row of Q_AUDIT_PAGE; false when a hash is malformed. */
static bool
entry_from_row(const struct store_rows *r, size_t i, struct audit_entry *e)
{
	const unsigned char *p, *q;
	size_t plen, qlen;

	memset(e, 0, sizeof(*e));
	e->id = rows_int(r, i, 0);
	e->at = rows_int(r, i, 1);
	e->user_id = rows_int(r, i, 2);
	e->org_id = rows_int(r, i, 3);
	e->role = rows_text(r, i, 4);
	e->action = rows_text(r, i, 5);
	e->object_type = rows_text(r, i, 6);
	e->object_id = rows_int(r, i, 7);
	e->reason = rows_text(r, i, 8);
	e->client_addr = rows_text(r, i, 9);
	e->request_id = rows_text(r, i, 10);
	p = rows_blob(r, i, 11, &plen);
	q = rows_blob(r, i, 12, &qlen);
	if (p == NULL || q == NULL || plen != AUDIT_HASH_LEN ||
	    qlen != AUDIT_HASH_LEN)
		return false;
	memcpy(e->prev, p, AUDIT_HASH_LEN);
	memcpy(e->hash, q, AUDIT_HASH_LEN);
	return true;
}

int
audit_verify(struct ctx *ctx, int64_t *count, int64_t *bad_id)
{
	struct audit_cursor cur;
	struct audit_entry e;
	struct store_rows *r;
	struct arena *page, *saved = ctx->arena;
	const unsigned char *key = crypt_audit_key(ctx->keys);
	const char *why = NULL;
	int64_t after = 0;
	size_t i, nrows;
	int rc = 0;

	*count = 0;
	*bad_id = 0;
	audit_cursor_init(&cur);
	do {
		/* One arena a page keeps memory flat on long chains. */
		page = arena_new();
		ctx->arena = page;
		rc = store_exec(ctx, Q_AUDIT_PAGE, ARGS(store_int(after),
		    store_int(VERIFY_PAGE)), &r);
		nrows = rc == 0 ? r->nrows : 0;
		for (i = 0; i < nrows && rc == 0; i++) {
			if (!entry_from_row(r, i, &e)) {
				*bad_id = rows_int(r, i, 0);
				why = "has a malformed hash";
				rc = -1;
			} else {
				rc = audit_chain_step(&cur, key, &e, bad_id,
				    &why);
			}
			after = e.id;
		}
		ctx->arena = saved;
		ctx->conn = NULL;
		if (ctx->message != NULL)	/* it lives in the page */
			ctx->message = arena_strdup(saved, ctx->message);
		arena_free(page);
		*count = cur.next - 1;
	} while (rc == 0 && nrows == VERIFY_PAGE);
	if (rc == -1 && why != NULL)
		return fail(ctx, ST_CONFLICT, "audit entry %lld %s",
		    (long long)*bad_id, why);
	return rc;
}

int
audit_newest(struct ctx *ctx, struct audit_head *h)
{
	const unsigned char *hash;
	struct store_rows *r;
	size_t len;

	memset(h, 0, sizeof(*h));
	if (store_exec(ctx, Q_AUDIT_LAST, NOARGS, &r) == -1)
		return -1;
	if (r->nrows == 0)
		return 0;
	h->id = rows_int(r, 0, 0);
	hash = rows_blob(r, 0, 1, &len);
	if (hash == NULL || len != AUDIT_HASH_LEN)
		return fail(ctx, ST_CONFLICT, "audit entry %lld has a "
		    "malformed hash", (long long)h->id);
	memcpy(h->hash, hash, AUDIT_HASH_LEN);
	return 0;
}

int
audit_head_match(struct ctx *ctx, const struct audit_head *h,
    int64_t newest, const char *what, int64_t *bad_id)
{
	const unsigned char *have;
	struct store_rows *r;
	size_t len;

	*bad_id = 0;
	if (h->id > newest) {
		*bad_id = newest + 1;
		if (h->id == newest + 1)
			return fail(ctx, ST_CONFLICT, "audit entry %lld was "
			    "removed from the end: %s records it",
			    (long long)h->id, what);
		return fail(ctx, ST_CONFLICT, "audit entries %lld to %lld "
		    "were removed from the end: %s records entry %lld",
		    (long long)newest + 1, (long long)h->id, what,
		    (long long)h->id);
	}
	if (h->id == 0)
		return 0;
	if (store_exec(ctx, Q_AUDIT_PAGE, ARGS(store_int(h->id - 1),
	    store_int(1)), &r) == -1)
		return -1;
	have = r->nrows == 1 && rows_int(r, 0, 0) == h->id ?
	    rows_blob(r, 0, 12, &len) : NULL;
	if (have == NULL || len != AUDIT_HASH_LEN ||
	    sodium_memcmp(have, h->hash, AUDIT_HASH_LEN) != 0) {
		*bad_id = h->id;
		return fail(ctx, ST_CONFLICT, "audit entry %lld is not the "
		    "one %s records", (long long)h->id, what);
	}
	return 0;
}

#define CHECKPOINT_MAGIC	"schakel-audit-checkpoint-1"

static void
checkpoint_mac(const struct crypt_keys *keys, int64_t id,
    const unsigned char hash[AUDIT_HASH_LEN], unsigned char out[32])
{
	crypto_generichash_state h;

	crypto_generichash_init(&h, crypt_audit_key(keys), 32, 32);
	crypto_generichash_update(&h, (const unsigned char *)CHECKPOINT_MAGIC,
	    sizeof(CHECKPOINT_MAGIC) - 1);
	put_int(&h, id);
	crypto_generichash_update(&h, hash, AUDIT_HASH_LEN);
	crypto_generichash_final(&h, out, 32);
}

/* Exactly len bytes of hexadecimal into out. */
static bool
unhex(unsigned char *out, size_t len, const char *hex)
{
	size_t got;

	return sodium_hex2bin(out, len, hex, strlen(hex), NULL, &got,
	    NULL) == 0 && got == len && strlen(hex) == 2 * len;
}

int
audit_checkpoint_read(struct ctx *ctx, const struct audit_checkpoint *cp,
    struct audit_head *h)
{
	char magic[64], hex[2 * AUDIT_HASH_LEN + 2], machex[66];
	unsigned char mac[32], want[32];
	long long id;
	FILE *f;
	int n;

	memset(h, 0, sizeof(*h));
	f = fopen(cp->path, "r");
	if (f == NULL)
		return 0;
	n = fscanf(f, "%63s %lld %65s %65s", magic, &id, hex, machex);
	fclose(f);
	if (n != 4 || strcmp(magic, CHECKPOINT_MAGIC) != 0 || id < 1 ||
	    !unhex(h->hash, AUDIT_HASH_LEN, hex) ||
	    !unhex(mac, sizeof(mac), machex))
		return fail(ctx, ST_CONFLICT, "the audit checkpoint '%s' is "
		    "malformed", cp->path);
	checkpoint_mac(cp->keys, id, h->hash, want);
	if (sodium_memcmp(mac, want, sizeof(mac)) != 0)
		return fail(ctx, ST_CONFLICT, "the audit checkpoint '%s' was "
		    "altered", cp->path);
	h->id = id;
	return 0;
}

static int
checkpoint_write(struct ctx *ctx, struct audit_checkpoint *cp, bool force)
{
	char hex[2 * AUDIT_HASH_LEN + 1], machex[65], *tmp;
	unsigned char mac[32];
	struct audit_head newest, old;
	int64_t bad;
	FILE *f;
	int fd, lock, rc = 0;

	if (audit_newest(ctx, &newest) == -1)
		return -1;
	if (newest.id == 0)
		return 0;
	checkpoint_mac(cp->keys, newest.id, newest.hash, mac);
	sodium_bin2hex(hex, sizeof(hex), newest.hash, AUDIT_HASH_LEN);
	sodium_bin2hex(machex, sizeof(machex), mac, sizeof(mac));
	/*
	 * Several servers may share the folder: under a lock, never replace
	 * a newer checkpoint, and write a file of our own that is renamed
	 * over the old one whole.  A missing or damaged checkpoint may mean
	 * that the end of the trail was cut: it stays as it is until an
	 * operator resets it.
	 */
	lock = open(arena_printf(ctx->arena, "%s.lock", cp->path),
	    O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (lock == -1 || flock(lock, LOCK_EX) == -1) {
		if (lock != -1)
			close(lock);
		return fail(ctx, ST_INTERNAL, "cannot lock '%s.lock'",
		    cp->path);
	}
	if (!force) {
		if (audit_checkpoint_read(ctx, cp, &old) == -1) {
			rc = -1;
			goto out_unlock;
		}
		if (old.id == 0 && !cp->may_create) {
			rc = fail(ctx, ST_CONFLICT, "there is no audit "
			    "checkpoint '%s' to move on", cp->path);
			goto out_unlock;
		}
		if (old.id > newest.id)
			goto out_unlock;
		/*
		 * Move on only along the same trail: the entry the
		 * checkpoint records must still be there, unchanged.  After
		 * a restore a new entry may take the id of one that was
		 * lost; the checkpoint then stays, and verify says so,
		 * until an operator moves it knowingly.
		 */
		if (audit_head_match(ctx, &old, newest.id, "the checkpoint",
		    &bad) == -1) {
			rc = -1;
			goto out_unlock;
		}
	}
	tmp = arena_printf(ctx->arena, "%s.XXXXXX", cp->path);
	fd = mkstemp(tmp);
	f = fd != -1 ? fdopen(fd, "w") : NULL;
	if (f == NULL) {
		if (fd != -1)
			close(fd);
		rc = fail(ctx, ST_INTERNAL, "cannot write '%s'", tmp);
		goto out_unlock;
	}
	fprintf(f, "%s %lld %s %s\n", CHECKPOINT_MAGIC, (long long)newest.id,
	    hex, machex);
	if (fclose(f) != 0 || rename(tmp, cp->path) != 0) {
		(void)unlink(tmp);
		rc = fail(ctx, ST_INTERNAL, "cannot write '%s'", cp->path);
		goto out_unlock;
	}
	cp->may_create = false;		/* from now on the file is there */
out_unlock:
	close(lock);
	return rc;
}

int
audit_checkpoint_write(struct ctx *ctx, struct audit_checkpoint *cp)
{
	return checkpoint_write(ctx, cp, false);
}

int
audit_checkpoint_reset(struct ctx *ctx, struct audit_checkpoint *cp)
{
	return checkpoint_write(ctx, cp, true);
}

void
audit_checkpoint_hook(struct ctx *ctx, void *arg)
{
	struct audit_checkpoint *cp = arg;

	/* A checkpoint that lags behind is harmless; say so once. */
	if (audit_checkpoint_write(ctx, cp) == 0) {
		cp->warned = false;
	} else if (!cp->warned) {
		log_warn("audit checkpoint not written: %s", ctx->message);
		cp->warned = true;
	}
}

int
audit_checkpoint_check(struct ctx *ctx, const struct audit_checkpoint *cp,
    const struct audit_head *h, int64_t count, int64_t *bad_id,
    bool *missing)
{
	*bad_id = 0;
	*missing = h->id == 0;
	if (h->id == 0 && count > 0)
		return fail(ctx, ST_CONFLICT, "there is no audit checkpoint "
		    "'%s' while the trail has entries (the newest is %lld): "
		    "entries cut off its end would not show", cp->path,
		    (long long)count);
	return audit_head_match(ctx, h, count, "the checkpoint", bad_id);
}

int
audit_checkpoint_start(struct ctx *ctx, const struct audit_checkpoint *cp)
{
	unsigned char want[AUDIT_HASH_LEN];
	struct audit_head h, newest;
	struct audit_entry e;
	struct store_rows *r;
	int64_t bad;
	bool missing;

	/* The file first: a server sharing the folder may move both on. */
	if (audit_checkpoint_read(ctx, cp, &h) == -1 ||
	    audit_newest(ctx, &newest) == -1 ||
	    audit_checkpoint_check(ctx, cp, &h, newest.id, &bad,
	    &missing) == -1)
		return -1;
	if (newest.id == 0)
		return 0;
	/* The newest entry itself: an edit of it would show only later. */
	if (store_exec(ctx, Q_AUDIT_PAGE, ARGS(store_int(newest.id - 1),
	    store_int(1)), &r) == -1)
		return -1;
	if (r->nrows != 1 || !entry_from_row(r, 0, &e))
		return fail(ctx, ST_CONFLICT, "audit entry %lld has a "
		    "malformed hash", (long long)newest.id);
	audit_hash(crypt_audit_key(ctx->keys), &e, want);
	if (sodium_memcmp(want, e.hash, AUDIT_HASH_LEN) != 0)
		return fail(ctx, ST_CONFLICT, "audit entry %lld was changed",
		    (long long)e.id);
	return 0;
}

/* The signed part of a head line: everything before " sig=". */
static char *
head_body(struct ctx *ctx, const struct audit_head *h, const char *at)
{
	char hex[2 * AUDIT_HASH_LEN + 1];

	sodium_bin2hex(hex, sizeof(hex), h->hash, AUDIT_HASH_LEN);
	return arena_printf(ctx->arena, "%s id=%lld hash=%s at=%s",
	    AUDIT_HEAD_MAGIC, (long long)h->id, hex, at);
}

char *
audit_head_line(struct ctx *ctx, const struct audit_head *h, int64_t at)
{
	char sighex[2 * CRYPT_SIGN_LEN + 1], *body;
	unsigned char sig[CRYPT_SIGN_LEN];

	body = head_body(ctx, h, time_iso(ctx->arena, at));
	crypt_sign(ctx->keys, body, strlen(body), sig);
	sodium_bin2hex(sighex, sizeof(sighex), sig, sizeof(sig));
	return arena_printf(ctx->arena, "%s sig=%s", body, sighex);
}

char *
audit_head_public_key(struct ctx *ctx)
{
	char *hex = arena_alloc(ctx->arena, 2 * CRYPT_SIGN_PUBLIC_LEN + 1);

	sodium_bin2hex(hex, 2 * CRYPT_SIGN_PUBLIC_LEN + 1,
	    crypt_sign_public(ctx->keys), CRYPT_SIGN_PUBLIC_LEN);
	return hex;
}

int
audit_head_parse(struct ctx *ctx, const char *text, struct audit_head *h)
{
	char hex[2 * AUDIT_HASH_LEN + 2], at[32];
	char sighex[2 * CRYPT_SIGN_LEN + 2];
	unsigned char sig[CRYPT_SIGN_LEN];
	const char *p, *last = NULL;
	long long id;
	char *body;

	memset(h, 0, sizeof(*h));
	for (p = strstr(text, AUDIT_HEAD_MAGIC " "); p != NULL;
	    p = strstr(p + 1, AUDIT_HEAD_MAGIC " "))
		last = p;
	if (last == NULL)
		return fail(ctx, ST_INVALID, "no signed audit head (a line "
		    "that starts with '%s')", AUDIT_HEAD_MAGIC);
	if (sscanf(last, AUDIT_HEAD_MAGIC " id=%lld hash=%65[0-9a-f] "
	    "at=%31[0-9TZ:-] sig=%129[0-9a-f]", &id, hex, at, sighex) != 4 ||
	    id < 1 || !unhex(h->hash, AUDIT_HASH_LEN, hex) ||
	    !unhex(sig, sizeof(sig), sighex))
		return fail(ctx, ST_INVALID, "the signed audit head is "
		    "malformed");
	h->id = id;
	body = head_body(ctx, h, at);
	if (strncmp(last, body, strlen(body)) != 0 ||
	    !crypt_sign_verify(ctx->keys, body, strlen(body), sig)) {
		memset(h, 0, sizeof(*h));
		return fail(ctx, ST_INVALID, "the signed audit head does not "
		    "verify with this folder's key");
	}
	return 0;
}

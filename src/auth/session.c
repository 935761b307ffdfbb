#include "auth/session.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "audit/audit.h"
#include "auth/password.h"
#include "auth/role.h"
#include "auth/throttle.h"
#include "auth/totp.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "crypt/crypt.h"
#include "store/store.h"

#define BAD_LOGIN	"wrong user name, password or code"

/* Login names compare case-insensitively; the lockout is per name. */
static char *
fold(struct arena *a, const char *s)
{
	char *p = arena_strdup(a, s);
	size_t i;

	for (i = 0; p[i] != '\0'; i++)
		p[i] = (char)tolower((unsigned char)p[i]);
	return p;
}

struct user_row {
	int64_t		 id;
	int64_t		 org_id;
	int		 role;
	const char	*hash;
	const unsigned char *totp;
	size_t		 totp_len;
	bool		 totp_required;
	int64_t		 totp_last_step;
	bool		 demo;
	bool		 disabled;
	bool		 usable;	/* approved and enrolled */
};

static int
load_user(struct ctx *ctx, const char *username, struct user_row *u)
{
	struct store_rows *r;

	memset(u, 0, sizeof(*u));
	if (store_exec(ctx, Q_USER_BY_NAME, ARGS(store_text(username)),
	    &r) == -1)
		return -1;
	if (r->nrows == 0)
		return 0;
	u->id = rows_int(r, 0, 0);
	u->org_id = rows_int(r, 0, 1);
	u->role = role_from_name(rows_text(r, 0, 2));
	u->hash = rows_text(r, 0, 3);
	u->totp = rows_blob(r, 0, 4, &u->totp_len);
	u->totp_required = rows_int(r, 0, 5) != 0;
	u->totp_last_step = rows_int(r, 0, 6);
	u->demo = rows_int(r, 0, 7) != 0;
	u->disabled = rows_int(r, 0, 8) != 0;
	u->usable = rows_int(r, 0, 9) != 0;
	return 0;
}

/* Seconds the name is still locked; 0 when it is not. */
static int64_t
locked_for(struct ctx *ctx, const char *name, int64_t now, int64_t *fails,
    int64_t *first)
{
	struct store_rows *r;
	int64_t until;

	*fails = 0;
	*first = now;
	if (store_exec(ctx, Q_LOGINFAIL_GET, ARGS(store_text(name)), &r) ==
	    -1)
		return -1;
	if (r->nrows == 0)
		return 0;
	*fails = rows_int(r, 0, 0);
	*first = rows_int(r, 0, 1);
	until = rows_int(r, 0, 2);
	if (now - *first > LOGIN_WINDOW && until <= now) {
		*fails = 0;
		*first = now;
	}
	return until > now ? until - now : 0;
}

struct login_job {
	const char	*name;		/* folded */
	struct user_row	*user;
	bool		 ok;
	int64_t		 now;
	int64_t		 step;		/* matched TOTP step */
	unsigned char	 token_hash[CRYPT_HASH_LEN];
	int64_t		 session_id;
};

static int
record_failure(struct ctx *ctx, struct login_job *j)
{
	int64_t fails, first, wait;

	wait = locked_for(ctx, j->name, j->now, &fails, &first);
	if (wait < 0)
		return -1;
	fails++;
	if (store_exec(ctx, Q_LOGINFAIL_SET, ARGS(store_text(j->name),
	    store_int(fails), store_int(first),
	    store_int(fails >= LOGIN_MAX_FAILURES ? j->now + LOGIN_LOCK : 0)),
	    NULL) == -1)
		return -1;
	return audit_append(ctx, "login.fail", j->user->id ? "user" : NULL,
	    j->user->id);
}

static int
login_job(struct ctx *ctx, void *p)
{
	struct login_job *j = p;
	struct store_rows *r;

	if (!j->ok)
		return record_failure(ctx, j);
	/* Sessions that ended are forgotten on the next login. */
	if (store_exec(ctx, Q_SESSION_PURGE, ARGS(store_int(j->now),
	    store_int(j->now - SESSION_IDLE)), NULL) == -1)
		return -1;
	if (store_exec(ctx, Q_LOGINFAIL_CLEAR, ARGS(store_text(j->name)),
	    NULL) == -1)
		return -1;
	if (store_exec(ctx, Q_USER_LOGGED_IN, ARGS(store_int(j->user->id),
	    store_int(j->now), store_int(j->step)), NULL) == -1)
		return -1;
	if (store_exec(ctx, Q_SESSION_INSERT, ARGS(store_blob(j->token_hash,
	    CRYPT_HASH_LEN), store_int(j->user->id), store_int(j->now),
	    store_int(j->now + SESSION_MAX)), &r) == -1)
		return -1;
	j->session_id = rows_int(r, 0, 0);
	return audit_append(ctx, "login", "user", j->user->id);
}

static bool
totp_ok(struct ctx *ctx, struct user_row *u, const char *code, int64_t now,
    int64_t *step)
{
	char *secret;
	size_t len;
	int64_t last = u->totp_last_step > 0 ? u->totp_last_step : -1;

	*step = u->totp_last_step;
	if (!u->totp_required)
		return true;
	if (code == NULL || u->totp == NULL)
		return false;
	if (crypt_open(ctx, ctx->keys, "app_user", "totp_secret", u->id,
	    u->totp, u->totp_len, &secret, &len) == -1) {
		ctx_clear_error(ctx);
		return false;
	}
	*step = totp_verify((const unsigned char *)secret, len, code, now,
	    last);
	sodium_memzero(secret, len);
	return *step >= 0;
}

int
session_login(struct ctx *ctx, const struct login_in *in, char **token)
{
	struct login_job j;
	struct user_row u;
	int64_t wait, fails, first;
	bool pw_ok = false;

	memset(&j, 0, sizeof(j));
	j.now = time_now();
	j.name = fold(ctx->arena, in->username);
	j.user = &u;
	/* Throttle before hashing: a flood must not buy argon2 time. */
	wait = throttle_wait(ctx->client_addr, j.now);
	if (wait > 0) {
		ctx->retry_after = (int)wait;
		return fail(ctx, ST_LIMITED, "too many failed logins from "
		    "this address; try again later");
	}
	wait = locked_for(ctx, j.name, j.now, &fails, &first);
	if (wait < 0)
		return -1;
	if (wait > 0) {
		ctx->retry_after = (int)wait;
		return fail(ctx, ST_LIMITED, "too many failed logins; try "
		    "again later");
	}
	if (load_user(ctx, j.name, &u) == -1)
		return -1;
	/*
	 * The same work for an unknown name as for a wrong password.  An
	 * account waiting for approval or enrolment answers as an unknown
	 * name does, whatever the password: whoever tries learns nothing.
	 */
	if (password_check(ctx, u.id && u.usable ? u.hash :
	    password_dummy_hash(), in->password, &pw_ok) == -1)
		return -1;
	j.ok = u.id != 0 && u.usable && pw_ok && !u.disabled &&
	    totp_ok(ctx, &u, in->totp, j.now, &j.step);
	if (j.ok) {
		*token = crypt_token_new(ctx->arena);
		crypt_token_hash(ctx->keys, *token, j.token_hash);
		ctx->who.user_id = u.id;
		ctx->who.org_id = u.org_id;
		ctx->who.role = u.role;
		ctx->who.demo = u.demo;
	}
	if (store_write(ctx, login_job, &j) == -1)
		return -1;
	if (!j.ok) {
		throttle_failure(ctx->client_addr, j.now);
		return fail(ctx, ST_UNAUTHENTICATED, BAD_LOGIN);
	}
	ctx->who.session_id = j.session_id;
	return 0;
}

#define CACHE_SLOTS	1024

struct cached {
	unsigned char	 hash[CRYPT_HASH_LEN];
	struct principal who;		/* names point into the two below */
	char		 username[65];
	char		 org_name[256];
	int64_t		 last_seen;
	int64_t		 expires;
	int64_t		 cached_at;
	unsigned	 generation;
	bool		 used;
};

static struct cached cache[CACHE_SLOTS];
static unsigned cache_generation;
static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;

void
session_cache_clear(void)
{
	pthread_mutex_lock(&cache_mu);
	cache_generation++;
	pthread_mutex_unlock(&cache_mu);
}

static bool
cache_enabled(const struct ctx *ctx)
{
	return strcmp(store_backend_name(ctx->store), "sqlite") == 0;
}

static struct cached *
slot(const unsigned char hash[CRYPT_HASH_LEN])
{
	/* The hash is keyed and uniform: its first bytes spread well. */
	return &cache[(hash[0] | (unsigned)hash[1] << 8) % CACHE_SLOTS];
}

static bool
cache_get(const unsigned char hash[CRYPT_HASH_LEN], int64_t now,
    struct cached *out)
{
	struct cached *c = slot(hash);
	bool hit;

	pthread_mutex_lock(&cache_mu);
	hit = c->used && c->generation == cache_generation &&
	    now - c->cached_at < SESSION_CACHE_TTL &&
	    sodium_memcmp(c->hash, hash, CRYPT_HASH_LEN) == 0;
	if (hit)
		*out = *c;
	pthread_mutex_unlock(&cache_mu);
	return hit;
}

static void
cache_put(const struct cached *in)
{
	struct cached *c = slot(in->hash);

	pthread_mutex_lock(&cache_mu);
	*c = *in;
	c->generation = cache_generation;
	c->used = true;
	pthread_mutex_unlock(&cache_mu);
}

static int
touch_job(struct ctx *ctx, void *p)
{
	int64_t *now = p;

	return store_exec(ctx, Q_SESSION_TOUCH,
	    ARGS(store_int(ctx->who.session_id), store_int(*now)), NULL);
}

int
session_resume(struct ctx *ctx, const char *token)
{
	struct store_rows *r;
	struct cached c;
	int64_t now = time_now();
	bool cacheable = cache_enabled(ctx);

	if (token == NULL || strlen(token) != CRYPT_TOKEN_LEN)
		return fail(ctx, ST_UNAUTHENTICATED, "log in first");
	memset(&c, 0, sizeof(c));
	crypt_token_hash(ctx->keys, token, c.hash);
	if (!cacheable || !cache_get(c.hash, now, &c)) {
		if (store_exec(ctx, Q_SESSION_LOOKUP,
		    ARGS(store_blob(c.hash, sizeof(c.hash))), &r) == -1)
			return -1;
		if (r->nrows == 0 || rows_int(r, 0, 7) != 0)
			return fail(ctx, ST_UNAUTHENTICATED, r->nrows == 0 ?
			    "log in first" : "your session has ended; log in "
			    "again");
		c.who.session_id = rows_int(r, 0, 0);
		c.who.user_id = rows_int(r, 0, 1);
		c.last_seen = rows_int(r, 0, 2);
		c.expires = rows_int(r, 0, 3);
		c.who.org_id = rows_int(r, 0, 4);
		c.who.role = role_from_name(rows_text(r, 0, 5));
		c.who.demo = rows_int(r, 0, 6) != 0;
		snprintf(c.username, sizeof(c.username), "%s",
		    rows_text(r, 0, 8));
		snprintf(c.org_name, sizeof(c.org_name), "%s",
		    rows_text(r, 0, 9));
		c.who.totp = rows_int(r, 0, 10) != 0;
		c.cached_at = now;
		if (cacheable)
			cache_put(&c);
	}
	if (now >= c.expires || now - c.last_seen >= SESSION_IDLE)
		return fail(ctx, ST_UNAUTHENTICATED, "your session has "
		    "ended; log in again");
	ctx->who = c.who;
	ctx->who.username = arena_strdup(ctx->arena, c.username);
	ctx->who.org_name = arena_strdup(ctx->arena, c.org_name);
	if (now - c.last_seen >= SESSION_TOUCH_EVERY) {
		if (store_write(ctx, touch_job, &now) == -1)
			return -1;
		if (cacheable) {
			c.last_seen = now;
			cache_put(&c);
		}
	}
	return 0;
}

struct token_used {
	int64_t		 id;
	int64_t		 now;
};

static int
token_used_job(struct ctx *ctx, void *p)
{
	struct token_used *j = p;

	return store_exec(ctx, Q_TOKEN_USED, ARGS(store_int(j->id),
	    store_int(j->now)), NULL);
}

int
session_resume_token(struct ctx *ctx, const char *token)
{
	unsigned char h[CRYPT_HASH_LEN];
	struct store_rows *r;
	struct token_used j;

	if (token == NULL || strlen(token) != CRYPT_TOKEN_LEN)
		return fail(ctx, ST_UNAUTHENTICATED, "invalid API token");
	crypt_token_hash(ctx->keys, token, h);
	if (store_exec(ctx, Q_TOKEN_LOOKUP, ARGS(store_blob(h, sizeof(h))),
	    &r) == -1)
		return -1;
	if (r->nrows == 0 || rows_int(r, 0, 5) != 0)
		return fail(ctx, ST_UNAUTHENTICATED, "invalid API token");
	ctx->who.user_id = rows_int(r, 0, 1);
	ctx->who.org_id = rows_int(r, 0, 2);
	ctx->who.role = role_from_name(rows_text(r, 0, 3));
	ctx->who.demo = rows_int(r, 0, 4) != 0;
	j.id = rows_int(r, 0, 0);
	j.now = time_now();
	if (j.now - rows_int(r, 0, 6) >= SESSION_TOUCH_EVERY &&
	    store_write(ctx, token_used_job, &j) == -1)
		return -1;
	return 0;
}

static int
logout_job(struct ctx *ctx, void *p)
{
	(void)p;
	if (store_exec(ctx, Q_SESSION_DELETE,
	    ARGS(store_int(ctx->who.session_id)), NULL) == -1)
		return -1;
	return audit_append(ctx, "logout", "user", ctx->who.user_id);
}

int
session_logout(struct ctx *ctx)
{
	if (ctx->who.session_id == 0)
		return fail(ctx, ST_INVALID, "an API token has no session to "
		    "end");
	if (store_write(ctx, logout_job, NULL) == -1)
		return -1;
	session_cache_clear();
	return 0;
}

char *
session_csrf(struct ctx *ctx, const char *token)
{
	unsigned char h[CRYPT_HASH_LEN];
	char *in = arena_printf(ctx->arena, "csrf:%s", token);
	char *out = arena_alloc(ctx->arena, CRYPT_TOKEN_LEN + 1);

	crypt_token_hash(ctx->keys, in, h);
	sodium_bin2base64(out, CRYPT_TOKEN_LEN + 1, h, sizeof(h),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

struct token_job {
	int64_t		 user_id;
	const char	*name;
	unsigned char	 hash[CRYPT_HASH_LEN];
};

static int
token_job(struct ctx *ctx, void *p)
{
	struct token_job *j = p;
	struct store_rows *r;

	if (store_exec(ctx, Q_TOKEN_INSERT, ARGS(store_blob(j->hash,
	    CRYPT_HASH_LEN), store_int(j->user_id), store_text(j->name),
	    store_int(time_now())), &r) == -1)
		return -1;
	return audit_append(ctx, "token.create", "user", j->user_id);
}

int
session_token_create(struct ctx *ctx, int64_t user_id, const char *name,
    char **token)
{
	struct token_job j;

	memset(&j, 0, sizeof(j));
	j.user_id = user_id;
	j.name = name;
	*token = crypt_token_new(ctx->arena);
	crypt_token_hash(ctx->keys, *token, j.hash);
	return store_write(ctx, token_job, &j);
}

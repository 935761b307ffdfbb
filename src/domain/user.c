#include "domain/user.h"

#include <string.h>

#include "audit/audit.h"
#include "auth/password.h"
#include "auth/role.h"
#include "auth/session.h"
#include "auth/totp.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/parse.h"
#include "crypt/crypt.h"
#include "store/store.h"

#define TOTP_ISSUER	"schakel"

static bool
username_valid(const char *s)
{
	size_t i, n = strlen(s);

	if (n < 3 || n > 64)
		return false;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
		    s[i] == '-' || s[i] == '_'))
			return false;
	return true;
}

struct create_job {
	const struct user_in *in;
	const char	*hash;
	bool		 demo;
	bool		 totp;
	unsigned char	 secret[TOTP_SECRET_LEN];
	int64_t		 id;
};

static int
create_job(struct ctx *ctx, void *p)
{
	struct create_job *j = p;
	struct store_rows *r;
	unsigned char *sealed;
	size_t len;

	if (store_exec(ctx, Q_USER_INSERT, ARGS(store_text(j->in->username),
	    store_int(j->in->org_id), store_text(j->in->role),
	    store_text(j->hash), store_int(j->totp), store_int(j->demo),
	    store_int(time_now()), store_text(j->in->phone)), &r) == -1) {
		if (ctx->status == ST_CONFLICT) {
			ctx_clear_error(ctx);
			return fail_field(ctx, "username", "is already taken");
		}
		return -1;
	}
	j->id = rows_int(r, 0, 0);
	if (j->totp) {
		if (crypt_seal(ctx, ctx->keys, "app_user", "totp_secret",
		    j->id, j->secret, sizeof(j->secret), &sealed, &len) == -1)
			return -1;
		if (store_exec(ctx, Q_USER_SET_TOTP, ARGS(store_int(j->id),
		    store_blob(sealed, len)), NULL) == -1)
			return -1;
	}
	return audit_append(ctx, "user.create", "user", j->id);
}

int
user_create(struct ctx *ctx, const struct user_in *in, bool demo,
    int64_t *id, char **uri_out)
{
	struct create_job j;
	struct store_rows *r;
	char hash[PASSWORD_HASH_MAX];
	enum role role = role_from_name(in->role);
	int rc = 0;

	*uri_out = NULL;
	if (in->username == NULL || !username_valid(in->username))
		rc = fail_field(ctx, "username", "must be 3 to 64 characters "
		    "of a-z, 0-9, '.', '-' and '_'");
	if (role == ROLE_NONE)
		rc = fail_field(ctx, "role", "must be one of reporter, "
		    "advisor, coordinator, provider, assessor, policy, "
		    "rapporteur, admin");
	if (in->password == NULL)
		rc = fail_field(ctx, "password", "is required");
	else if (password_policy_check(ctx, in->username != NULL ?
	    in->username : "", in->password) == -1)
		rc = -1;
	if (in->org_id <= 0) {
		rc = fail_field(ctx, "org_id", "is required");
	} else {
		if (store_exec(ctx, Q_ORG_GET, ARGS(store_int(in->org_id)),
		    &r) == -1)
			return -1;
		if (r->nrows == 0)
			rc = fail_field(ctx, "org_id", "is not a known "
			    "organisation");
	}
	if (rc == -1)
		return -1;
	if (password_hash(ctx, in->password, hash) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	j.in = in;
	j.hash = hash;
	j.demo = demo;
	j.totp = !demo && role_needs_totp(role);
	if (j.totp)
		totp_secret_new(j.secret);
	rc = store_write(ctx, create_job, &j);
	if (rc == 0 && j.totp)
		*uri_out = totp_uri(ctx->arena, TOTP_ISSUER, in->username,
		    j.secret, sizeof(j.secret));
	crypt_random(j.secret, sizeof(j.secret));
	crypt_random(hash, sizeof(hash));
	*id = j.id;
	return rc;
}

static void
fill(const struct store_rows *r, size_t i, struct user *u)
{
	u->id = rows_int(r, i, 0);
	u->username = rows_text(r, i, 1);
	u->org_id = rows_int(r, i, 2);
	u->org_name = rows_text(r, i, 3);
	u->role = rows_text(r, i, 4);
	u->demo = rows_int(r, i, 5) != 0;
	u->disabled = rows_int(r, i, 6) != 0;
	u->totp_enabled = rows_int(r, i, 7) != 0;
	u->created_at = rows_int(r, i, 8);
	u->last_login_at = rows_int(r, i, 9);
	u->phone = rows_text(r, i, 10);
}

int
user_list(struct ctx *ctx, struct user **out, size_t *n)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_USER_LIST, NOARGS, &r) == -1)
		return -1;
	*out = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**out));
	for (i = 0; i < r->nrows; i++)
		fill(r, i, &(*out)[i]);
	*n = r->nrows;
	return 0;
}

struct user *
user_get(struct ctx *ctx, int64_t id)
{
	struct store_rows *r;
	struct user *u;

	if (store_row(ctx, Q_USER_GET, ARGS(store_int(id)), &r,
	    "no such user") == -1)
		return NULL;
	u = arena_alloc(ctx->arena, sizeof(*u));
	fill(r, 0, u);
	return u;
}

int
user_resolve(struct ctx *ctx, const char *s, int64_t *id)
{
	struct store_rows *r;

	if (parse_int64(s, 1, INT64_MAX, id) == 0)
		return user_get(ctx, *id) != NULL ? 0 : -1;
	if (store_row(ctx, Q_USER_BY_NAME, ARGS(store_text(s)), &r,
	    "no such user") == -1)
		return -1;
	*id = rows_int(r, 0, 0);
	return 0;
}

struct change_job {
	int64_t		 id;
	const char	*hash;		/* NULL: disable */
};

static int
change_job(struct ctx *ctx, void *p)
{
	struct change_job *j = p;

	if (j->hash != NULL) {
		if (store_exec(ctx, Q_USER_SET_PASSWORD, ARGS(store_int(j->id),
		    store_text(j->hash)), NULL) == -1)
			return -1;
	} else if (store_exec(ctx, Q_USER_SET_DISABLED, ARGS(store_int(j->id),
	    store_int(1)), NULL) == -1) {
		return -1;
	}
	if (store_exec(ctx, Q_SESSION_DELETE_USER, ARGS(store_int(j->id)),
	    NULL) == -1)
		return -1;
	return audit_append(ctx, j->hash != NULL ? "user.password" :
	    "user.disable", "user", j->id);
}

/* A change that ended the user's sessions, on the writer's success. */
static int
change(struct ctx *ctx, struct change_job *j)
{
	if (store_write(ctx, change_job, j) == -1)
		return -1;
	session_cache_clear();
	return 0;
}

int
user_disable(struct ctx *ctx, int64_t id)
{
	struct change_job j = { id, NULL };
	struct user *u = user_get(ctx, id);

	if (u == NULL)
		return -1;
	if (id == ctx->who.user_id)
		return fail(ctx, ST_CONFLICT, "you cannot disable your own "
		    "account");
	if (u->disabled)
		return fail(ctx, ST_CONFLICT, "user %lld is already disabled",
		    (long long)id);
	return change(ctx, &j);
}

int
user_set_password(struct ctx *ctx, int64_t id, const char *password)
{
	struct change_job j = { id, NULL };
	char hash[PASSWORD_HASH_MAX];
	struct user *u = user_get(ctx, id);
	int rc;

	if (u == NULL)
		return -1;
	if (password_policy_check(ctx, u->username, password) == -1)
		return -1;
	if (password_hash(ctx, password, hash) == -1)
		return -1;
	j.hash = hash;
	rc = change(ctx, &j);
	crypt_random(hash, sizeof(hash));
	return rc;
}

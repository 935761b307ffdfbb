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
#include "domain/notify.h"
#include "domain/sealed.h"
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

/* A real name: one line of 1 to USER_REAL_NAME_MAX bytes, not blank. */
static int
check_real_name(struct ctx *ctx, const char *s)
{
	size_t i, n;
	bool ink = false;

	if (s == NULL)
		return 0;
	n = strlen(s);
	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return fail_field(ctx, "real_name", "must be one line "
			    "without control characters");
		if (s[i] != ' ')
			ink = true;
	}
	if (n > USER_REAL_NAME_MAX || !ink)
		return fail_field(ctx, "real_name", "must be 1 to 200 "
		    "characters, not only spaces");
	return 0;
}

/* A work phone: 1 to USER_PHONE_MAX of digits, spaces, '+' and '-',
 * with at least one digit. */
static int
check_phone(struct ctx *ctx, const char *s)
{
	size_t i, n;
	bool digit = false;

	if (s == NULL)
		return 0;
	n = strlen(s);
	for (i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digit = true;
		else if (s[i] != ' ' && s[i] != '+' && s[i] != '-')
			return fail_field(ctx, "phone", "may hold only digits, "
			    "spaces, '+' and '-'");
	}
	if (n > USER_PHONE_MAX || !digit)
		return fail_field(ctx, "phone", "must be 1 to 32 characters "
		    "with at least one digit");
	return 0;
}

/* The real name of account id, sealed, into *out (NULL stays NULL). */
static int
seal_name(struct ctx *ctx, int64_t id, const char *name,
    struct store_value *out)
{
	return sealed_put(ctx, "app_user", "real_name", id, name, out);
}

/* The stored hash of an account whose user has not set a password: no
 * password matches it, and login never checks it (session.c). */
#define NO_PASSWORD	"!"

struct create_job {
	const struct user_in *in;
	const char	*hash;
	bool		 demo;
	bool		 totp;
	bool		 invite;	/* API: enrolment, maybe approval */
	bool		 approval;
	unsigned char	 secret[TOTP_SECRET_LEN];
	unsigned char	 enrol_hash[CRYPT_HASH_LEN];
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
	    store_int(time_now()), store_text(j->in->phone),
	    j->invite ? store_int(ctx->who.user_id) : store_null(),
	    store_int(j->approval), store_int(j->invite)), &r) == -1) {
		if (ctx->status == ST_CONFLICT) {
			ctx_clear_error(ctx);
			return fail_field(ctx, "username", "is already taken");
		}
		return -1;
	}
	j->id = rows_int(r, 0, 0);
	if (j->in->email != NULL && notify_email_put(ctx, j->id,
	    j->in->email) == -1)
		return -1;
	if (j->in->real_name != NULL) {
		struct store_value v;

		if (seal_name(ctx, j->id, j->in->real_name, &v) == -1 ||
		    store_exec(ctx, Q_USER_SET_REAL_NAME,
		    ARGS(store_int(j->id), v), NULL) == -1)
			return -1;
	}
	if (j->invite) {
		if (audit_append(ctx, "user.create", "user", j->id) == -1)
			return -1;
		if (j->approval)
			return 0;
		if (store_exec(ctx, Q_USER_SET_ENROL, ARGS(store_int(j->id),
		    store_blob(j->enrol_hash, sizeof(j->enrol_hash)),
		    store_int(time_now() + USER_ENROL_TTL)), NULL) == -1)
			return -1;
		return audit_append(ctx, "user.enrol_link", "user", j->id);
	}
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

/* The checks shared by both ways to make an account; 0 or -1 with every
 * field error. */
static int
check_in(struct ctx *ctx, const struct user_in *in, bool with_password)
{
	struct store_rows *r;
	enum role role = role_from_name(in->role);
	int rc = 0;

	if (in->username == NULL || !username_valid(in->username))
		rc = fail_field(ctx, "username", "must be 3 to 64 characters "
		    "of a-z, 0-9, '.', '-' and '_'");
	if (role == ROLE_NONE)
		rc = fail_field(ctx, "role", "must be one of reporter, "
		    "advisor, coordinator, provider, assessor, policy, "
		    "rapporteur, admin");
	if (!with_password && in->password != NULL)
		rc = fail_field(ctx, "password", "is not accepted: the user "
		    "sets their own password through the enrolment link");
	else if (with_password && in->password == NULL)
		rc = fail_field(ctx, "password", "is required");
	else if (with_password && password_policy_check(ctx,
	    in->username != NULL ? in->username : "", in->password) == -1)
		rc = -1;
	if (check_real_name(ctx, in->real_name) == -1)
		rc = -1;
	if (check_phone(ctx, in->phone) == -1)
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
	return rc;
}

int
user_create(struct ctx *ctx, const struct user_in *in, bool demo,
    int64_t *id, char **uri_out)
{
	struct create_job j;
	char hash[PASSWORD_HASH_MAX];
	enum role role = role_from_name(in->role);
	bool nologin;
	int rc;

	*uri_out = NULL;
	/* A demo account without a password is an author of demo data
	 * only: no password matches NO_PASSWORD. */
	nologin = demo && in->password == NULL;
	if (check_in(ctx, in, !nologin) == -1)
		return -1;
	if (!nologin && password_hash(ctx, in->password, hash) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	j.in = in;
	j.hash = nologin ? NO_PASSWORD : hash;
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

bool
user_role_needs_approval(const char *role)
{
	enum role r = role_from_name(role);

	return role_sees_personal_data(r) || r == ROLE_ADMIN;
}

int
user_invite(struct ctx *ctx, const struct user_in *in, int64_t *id,
    char **token)
{
	struct create_job j;
	enum role role = role_from_name(in->role);
	char *t = NULL;
	int rc;

	*token = NULL;
	if (check_in(ctx, in, false) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	j.in = in;
	j.hash = NO_PASSWORD;
	j.totp = role_needs_totp(role);
	j.invite = true;
	j.approval = user_role_needs_approval(in->role);
	if (!j.approval) {
		t = crypt_token_new(ctx->arena);
		crypt_token_hash(ctx->keys, t, j.enrol_hash);
	}
	rc = store_write(ctx, create_job, &j);
	*id = j.id;
	if (rc == 0)
		*token = t;
	return rc;
}

static void
fill(struct ctx *ctx, const struct store_rows *r, size_t i, struct user *u,
    bool *bad)
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
	u->needs_approval = rows_int(r, i, 11) != 0;
	u->approved_at = rows_int(r, i, 12);
	u->needs_enrol = rows_int(r, i, 13) != 0;
	u->enrolled_at = rows_int(r, i, 14);
	u->approver = rows_int(r, i, 15) != 0;
	u->created_by = rows_int(r, i, 16);
	u->enrol_expires_at = rows_int(r, i, 17);
	u->real_name = sealed_get(ctx, r, i, 18, "app_user", "real_name",
	    u->id, bad);
	u->email = sealed_get(ctx, r, i, 19, "app_user", "email", u->id, bad);
}

/* A read whose names did not all open fails as a whole. */
static int
unsealed(struct ctx *ctx, bool bad)
{
	if (!bad)
		return 0;
	ctx_clear_error(ctx);
	return fail(ctx, ST_INTERNAL, "an account's name cannot be "
	    "decrypted");
}

int
user_list(struct ctx *ctx, struct user **out, size_t *n)
{
	bool bad = false;
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_USER_LIST, NOARGS, &r) == -1)
		return -1;
	*out = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**out));
	for (i = 0; i < r->nrows; i++)
		fill(ctx, r, i, &(*out)[i], &bad);
	*n = r->nrows;
	return unsealed(ctx, bad);
}

struct user *
user_get(struct ctx *ctx, int64_t id)
{
	bool bad = false;
	struct store_rows *r;
	struct user *u;

	if (store_row(ctx, Q_USER_GET, ARGS(store_int(id)), &r,
	    "no such user") == -1)
		return NULL;
	u = arena_alloc(ctx->arena, sizeof(*u));
	fill(ctx, r, 0, u, &bad);
	if (unsealed(ctx, bad) == -1)
		return NULL;
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

enum user_state
user_state(const struct user *u)
{
	if (u->disabled)
		return USER_DISABLED;
	if (u->needs_approval && u->approved_at == 0)
		return USER_PENDING_APPROVAL;
	if (u->needs_enrol && u->enrolled_at == 0)
		return USER_PENDING_ENROL;
	return USER_ACTIVE;
}

const char *
user_state_name(enum user_state s)
{
	switch (s) {
	case USER_PENDING_APPROVAL:
		return "pending_approval";
	case USER_PENDING_ENROL:
		return "pending_enrol";
	case USER_ACTIVE:
		return "active";
	case USER_DISABLED:
		return "disabled";
	}
	return "unknown";
}

bool
user_may_approve(const struct principal *who, const struct user *self,
    const struct user *u)
{
	if (who == NULL || who->user_id == 0 || u == NULL)
		return false;
	if (who->user_id == u->id)
		return false;
	if (who->role == ROLE_ADMIN)
		return !u->needs_approval || who->user_id != u->created_by;
	if (!u->needs_approval || who->user_id == u->created_by)
		return false;
	/* A designated approver: active, of the account's organisation, in
	 * a role that works with personal data itself. */
	return self != NULL && self->id == who->user_id && self->approver &&
	    user_state(self) == USER_ACTIVE && self->org_id == u->org_id &&
	    role_sees_personal_data(role_from_name(self->role));
}

int
user_pending(struct ctx *ctx, struct user **out, size_t *n)
{
	bool bad = false;
	struct store_rows *r;
	struct user *self = NULL;
	bool all = ctx->who.role == ROLE_ADMIN;
	size_t i;

	*out = NULL;
	*n = 0;
	if (!all) {
		self = user_get(ctx, ctx->who.user_id);
		if (self == NULL)
			return -1;
		if (!self->approver || user_state(self) != USER_ACTIVE ||
		    !role_sees_personal_data(role_from_name(self->role)))
			return 0;
	}
	if (store_exec(ctx, Q_USER_PENDING, ARGS(store_int(all),
	    store_int(ctx->who.org_id)), &r) == -1)
		return -1;
	*out = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**out));
	for (i = 0; i < r->nrows; i++)
		fill(ctx, r, i, &(*out)[i], &bad);
	*n = r->nrows;
	return unsealed(ctx, bad);
}

struct link_job {
	int64_t		 id;
	bool		 approve;
	unsigned char	 hash[CRYPT_HASH_LEN];
	int64_t		 changed;
};

static int
link_job(struct ctx *ctx, void *p)
{
	struct link_job *j = p;
	struct store_rows *r;
	int64_t now = time_now();

	if (j->approve) {
		/* Another approver may have been quicker. */
		if (store_row(ctx, Q_USER_GET, ARGS(store_int(j->id)), &r,
		    "no such user") == -1)
			return -1;
		if (rows_int(r, 0, 12) != 0)
			return fail(ctx, ST_CONFLICT, "user %lld is already "
			    "approved", (long long)j->id);
		if (store_exec(ctx, Q_USER_APPROVE, ARGS(store_int(j->id),
		    store_int(ctx->who.user_id), store_int(now)), NULL) == -1)
			return -1;
		if (audit_append(ctx, "user.approve", "user", j->id) == -1)
			return -1;
	}
	if (store_exec(ctx, Q_USER_SET_ENROL, ARGS(store_int(j->id),
	    store_blob(j->hash, sizeof(j->hash)),
	    store_int(now + USER_ENROL_TTL)), NULL) == -1)
		return -1;
	return audit_append(ctx, "user.enrol_link", "user", j->id);
}

/* The target and the checks both actions share. */
static struct user *
approvable(struct ctx *ctx, int64_t id)
{
	struct user *u, *self = NULL;

	u = user_get(ctx, id);
	if (u == NULL)
		return NULL;
	if (ctx->who.role != ROLE_ADMIN) {
		self = user_get(ctx, ctx->who.user_id);
		if (self == NULL)
			return NULL;
	}
	/* Outside admins, an account is an object of the approver's own
	 * organisation: to anybody else it does not exist. */
	if (self != NULL && !user_may_approve(&ctx->who, self, u)) {
		fail(ctx, ST_NOTFOUND, "no such user");
		return NULL;
	}
	if (!user_may_approve(&ctx->who, self, u)) {
		fail(ctx, ST_DENIED, "you may not approve user %lld: that "
		    "takes another admin than its creator, or an approver of "
		    "its organisation", (long long)id);
		return NULL;
	}
	if (u->disabled) {
		fail(ctx, ST_CONFLICT, "user %lld is disabled", (long long)id);
		return NULL;
	}
	return u;
}

static int
issue(struct ctx *ctx, struct link_job *j, char **token)
{
	char *t = crypt_token_new(ctx->arena);

	crypt_token_hash(ctx->keys, t, j->hash);
	if (store_write(ctx, link_job, j) == -1)
		return -1;
	*token = t;
	return 0;
}

/* A link for an account in state want, from someone who may approve it;
 * approving it too when approve is set. */
static int
link_for(struct ctx *ctx, int64_t id, int want, bool approve,
    const char *waiting, char **token)
{
	struct link_job j;
	struct user *u;

	*token = NULL;
	u = approvable(ctx, id);
	if (u == NULL)
		return -1;
	if ((int)user_state(u) != want)
		return fail(ctx, ST_CONFLICT, "user %lld is not waiting for "
		    "%s", (long long)id, waiting);
	memset(&j, 0, sizeof(j));
	j.id = id;
	j.approve = approve;
	return issue(ctx, &j, token);
}

int
user_approve(struct ctx *ctx, int64_t id, char **token)
{
	return link_for(ctx, id, USER_PENDING_APPROVAL, true, "approval",
	    token);
}

int
user_enrol_link(struct ctx *ctx, int64_t id, char **token)
{
	return link_for(ctx, id, USER_PENDING_ENROL, false, "enrolment",
	    token);
}

struct approver_job {
	int64_t		 id;
	bool		 on;
};

static int
approver_job(struct ctx *ctx, void *p)
{
	struct approver_job *j = p;

	if (store_exec(ctx, Q_USER_SET_APPROVER, ARGS(store_int(j->id),
	    store_int(j->on)), NULL) == -1)
		return -1;
	return audit_append(ctx, "user.approver", "user", j->id);
}

int
user_set_approver(struct ctx *ctx, int64_t id, bool on)
{
	struct approver_job j = { id, on };
	struct user *u = user_get(ctx, id);

	if (u == NULL)
		return -1;
	if (on && user_state(u) != USER_ACTIVE)
		return fail(ctx, ST_CONFLICT, "user %lld is not active",
		    (long long)id);
	if (on && !role_sees_personal_data(role_from_name(u->role)))
		return fail(ctx, ST_CONFLICT, "an approver works with "
		    "personal data at the organisation; user %lld is %s",
		    (long long)id, u->role);
	return store_write(ctx, approver_job, &j);
}

struct enrol_row {
	int64_t		 id;
	const char	*username;
	const char	*role;
	bool		 totp_required;
	const unsigned char *secret;
	size_t		 secret_len;
};

/* The account an enrolment token opens; ST_NOTFOUND when none may. */
static int
enrol_lookup(struct ctx *ctx, const char *token, struct enrol_row *e)
{
	unsigned char h[CRYPT_HASH_LEN];
	struct store_rows *r;

	memset(e, 0, sizeof(*e));
	if (token == NULL || strlen(token) != CRYPT_TOKEN_LEN)
		goto out_unknown;
	crypt_token_hash(ctx->keys, token, h);
	if (store_exec(ctx, Q_USER_BY_ENROL, ARGS(store_blob(h, sizeof(h))),
	    &r) == -1)
		return -1;
	if (r->nrows == 0 || rows_int(r, 0, 3) <= time_now() ||
	    rows_int(r, 0, 6) != 0 || rows_int(r, 0, 7) != 0 ||
	    rows_int(r, 0, 8) == 0)
		goto out_unknown;
	e->id = rows_int(r, 0, 0);
	e->username = rows_text(r, 0, 1);
	e->role = rows_text(r, 0, 2);
	e->totp_required = rows_int(r, 0, 4) != 0;
	e->secret = rows_blob(r, 0, 5, &e->secret_len);
	return 0;
out_unknown:
	return fail_field(ctx, "token", "is unknown, used or expired; ask "
	    "for a new enrolment link");
}

struct secret_job {
	int64_t		 id;
	const unsigned char *sealed;
	size_t		 len;
};

static int
secret_job(struct ctx *ctx, void *p)
{
	struct secret_job *j = p;

	if (store_exec(ctx, Q_USER_SET_TOTP, ARGS(store_int(j->id),
	    store_blob(j->sealed, j->len)), NULL) == -1)
		return -1;
	return audit_append(ctx, "user.enrol_secret", "user", j->id);
}

int
user_enrol_begin(struct ctx *ctx, const char *token,
    struct user_enrolment *out)
{
	struct enrol_row e;
	struct secret_job j;
	unsigned char secret[TOTP_SECRET_LEN], *sealed;
	size_t len;
	int rc;

	memset(out, 0, sizeof(*out));
	if (enrol_lookup(ctx, token, &e) == -1)
		return -1;
	out->id = e.id;
	out->username = e.username;
	out->role = e.role;
	out->totp_required = e.totp_required;
	if (!e.totp_required)
		return 0;
	totp_secret_new(secret);
	rc = crypt_seal(ctx, ctx->keys, "app_user", "totp_secret", e.id,
	    secret, sizeof(secret), &sealed, &len);
	if (rc == 0) {
		j.id = e.id;
		j.sealed = sealed;
		j.len = len;
		rc = store_write(ctx, secret_job, &j);
	}
	if (rc == 0) {
		out->totp_secret = totp_base32(ctx->arena, secret,
		    sizeof(secret));
		out->totp_uri = totp_uri(ctx->arena, TOTP_ISSUER, e.username,
		    secret, sizeof(secret));
	}
	crypt_random(secret, sizeof(secret));
	return rc;
}

struct enrol_job {
	int64_t		 id;
	const char	*hash;
	int64_t		 step;
};

static int
enrol_job(struct ctx *ctx, void *p)
{
	struct enrol_job *j = p;

	if (store_exec(ctx, Q_USER_ENROL, ARGS(store_int(j->id),
	    store_text(j->hash), store_int(time_now()),
	    store_int(j->step)), NULL) == -1)
		return -1;
	return audit_append(ctx, "user.enrol", "user", j->id);
}

int
user_enrol_finish(struct ctx *ctx, const char *token, const char *password,
    const char *code)
{
	struct enrol_row e;
	struct enrol_job j;
	char hash[PASSWORD_HASH_MAX], *secret;
	size_t len;
	int rc = 0;

	if (enrol_lookup(ctx, token, &e) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	j.id = e.id;
	if (password == NULL)
		rc = fail_field(ctx, "password", "is required");
	else if (password_policy_check(ctx, e.username, password) == -1)
		rc = -1;
	if (e.totp_required) {
		if (e.secret == NULL) {
			rc = fail_field(ctx, "totp", "start the second "
			    "factor first");
		} else if (code == NULL) {
			rc = fail_field(ctx, "totp", "is required");
		} else {
			if (crypt_open(ctx, ctx->keys, "app_user",
			    "totp_secret", e.id, e.secret, e.secret_len,
			    &secret, &len) == -1)
				return -1;
			j.step = totp_verify((const unsigned char *)secret,
			    len, code, time_now(), -1);
			crypt_random(secret, len);
			if (j.step < 0)
				rc = fail_field(ctx, "totp", "is not the "
				    "current code of the authenticator app");
		}
	}
	if (rc == -1)
		return -1;
	if (password_hash(ctx, password, hash) == -1)
		return -1;
	j.hash = hash;
	rc = store_write(ctx, enrol_job, &j);
	crypt_random(hash, sizeof(hash));
	return rc;
}

struct contact_job {
	int64_t		 id;
	const char	*real_name;
	const char	*phone;
};

static int
contact_job(struct ctx *ctx, void *p)
{
	struct contact_job *j = p;
	struct store_value name;

	if (seal_name(ctx, j->id, j->real_name, &name) == -1)
		return -1;
	if (store_exec(ctx, Q_USER_SET_CONTACT, ARGS(store_int(j->id), name,
	    store_text(j->phone)), NULL) == -1)
		return -1;
	return audit_append(ctx, "user.contact", "user", j->id);
}

int
user_set_contact(struct ctx *ctx, int64_t id, const char *real_name,
    const char *phone)
{
	struct contact_job j = { id, real_name, phone };
	int rc = 0;

	if (check_real_name(ctx, real_name) == -1)
		rc = -1;
	if (check_phone(ctx, phone) == -1)
		rc = -1;
	if (rc == -1)
		return -1;
	if (user_get(ctx, id) == NULL)
		return -1;
	return store_write(ctx, contact_job, &j);
}

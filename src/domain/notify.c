#include "domain/notify.h"

#include <string.h>

#include "audit/audit.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/log.h"
#include "domain/sealed.h"
#include "store/store.h"

int
notify_user(struct ctx *ctx, int64_t user_id, const char *kind,
    const char *obj_type, int64_t obj_id)
{
	struct store_rows *r;
	int64_t now = time_now();

	if (user_id == 0)
		return 0;
	if (store_exec(ctx, Q_NOTIFY_INSERT, ARGS(store_int(user_id),
	    store_text(kind), store_text(obj_type), store_int(obj_id),
	    store_int(now)), NULL) == -1)
		return -1;
	if (store_exec(ctx, Q_NOTIFY_MAILABLE, ARGS(store_int(user_id)),
	    &r) == -1)
		return -1;
	if (r->nrows == 0)
		return 0;
	/* The mail names the kind only for the record; its text is the
	 * same for every kind (mail/mail.c). */
	return store_exec(ctx, Q_OUTBOX_INSERT, ARGS(store_int(user_id),
	    store_text(kind), store_text(NOTIFY_LINK), store_int(now)), NULL);
}

int
notify_done(struct ctx *ctx, int64_t user_id, const char *kind,
    const char *obj_type, int64_t obj_id)
{
	if (user_id == 0)
		return 0;
	return store_exec(ctx, Q_NOTIFY_DONE, ARGS(store_int(user_id),
	    store_text(kind), store_text(obj_type), store_int(obj_id),
	    store_int(time_now())), NULL);
}

int
notify_each(struct ctx *ctx, struct store_rows *r, const char *kind,
    const char *obj_type, int64_t obj_id)
{
	size_t i;

	for (i = 0; i < r->nrows; i++)
		if (notify_user(ctx, rows_int(r, i, 0), kind, obj_type,
		    obj_id) == -1)
			return -1;
	return 0;
}

int
notify_org(struct ctx *ctx, int64_t org_id, const char *role,
    const char *kind, const char *obj_type, int64_t obj_id)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_NOTIFY_ORG_ROLE, ARGS(store_int(org_id),
	    store_text(role)), &r) == -1)
		return -1;
	return notify_each(ctx, r, kind, obj_type, obj_id);
}

int
notify_case_team(struct ctx *ctx, int64_t case_id, const char *kind)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_NOTIFY_CASE_TEAM, ARGS(store_int(case_id)),
	    &r) == -1)
		return -1;
	return notify_each(ctx, r, kind, "case", case_id);
}

int
notify_done_all(struct ctx *ctx, const char *kind, const char *obj_type,
    int64_t obj_id)
{
	return store_exec(ctx, Q_NOTIFY_DONE_ALL, ARGS(store_text(kind),
	    store_text(obj_type), store_int(obj_id), store_int(time_now())),
	    NULL);
}

int
notify_list(struct ctx *ctx, struct notification **out, size_t *n,
    int64_t *unseen)
{
	struct store_rows *r;
	struct notification *v;
	size_t i;

	if (store_exec(ctx, Q_NOTIFY_UNSEEN, ARGS(store_int(ctx->who.user_id)),
	    &r) == -1)
		return -1;
	*unseen = rows_int(r, 0, 0);
	if (store_exec(ctx, Q_NOTIFY_MINE, ARGS(store_int(ctx->who.user_id),
	    store_int(NOTIFY_LIST_MAX)), &r) == -1)
		return -1;
	v = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*v));
	for (i = 0; i < r->nrows; i++) {
		v[i].id = rows_int(r, i, 0);
		v[i].kind = rows_text(r, i, 1);
		v[i].obj_type = rows_text(r, i, 2);
		v[i].obj_id = rows_int(r, i, 3);
		v[i].created_at = rows_int(r, i, 4);
		v[i].seen_at = rows_null(r, i, 5) ? 0 : rows_int(r, i, 5);
		v[i].done_at = rows_null(r, i, 6) ? 0 : rows_int(r, i, 6);
	}
	*out = v;
	*n = r->nrows;
	return 0;
}

static int
seen_job(struct ctx *ctx, void *p)
{
	const int64_t *id = p;
	struct store_rows *r;

	if (store_exec(ctx, Q_NOTIFY_SEEN, ARGS(store_int(*id),
	    store_int(ctx->who.user_id), store_int(time_now())), &r) == -1)
		return -1;
	/* Another user's notification is one that does not exist. */
	if (r->nrows == 0)
		return fail(ctx, ST_NOTFOUND, "no such notification");
	return 0;
}

int
notify_seen(struct ctx *ctx, int64_t id)
{
	return store_write(ctx, seen_job, &id);
}

int
notify_email_get(struct ctx *ctx, const char **email, bool *off)
{
	struct store_rows *r;
	bool bad = false;

	if (store_row(ctx, Q_USER_EMAIL_GET, ARGS(store_int(ctx->who.user_id)),
	    &r, "no such user") == -1)
		return -1;
	*email = sealed_get(ctx, r, 0, 0, "app_user", "email",
	    ctx->who.user_id, &bad);
	*off = rows_int(r, 0, 1) != 0;
	if (bad) {
		ctx_clear_error(ctx);
		return fail(ctx, ST_INTERNAL, "the address of user %lld "
		    "cannot be decrypted", (long long)ctx->who.user_id);
	}
	return 0;
}

static int
off_job(struct ctx *ctx, void *p)
{
	const bool *off = p;

	if (store_exec(ctx, Q_USER_EMAIL_OFF, ARGS(
	    store_int(ctx->who.user_id), store_int(*off ? 1 : 0)), NULL) == -1)
		return -1;
	return audit_append(ctx, "user.email_off", "user", ctx->who.user_id);
}

int
notify_email_set_off(struct ctx *ctx, bool off)
{
	return store_write(ctx, off_job, &off);
}

int
notify_email_check(struct ctx *ctx, const char *field, const char *email)
{
	const unsigned char *s;
	const char *at;
	size_t len;

	if (email == NULL || email[0] == '\0')
		return 0;
	len = strlen(email);
	if (len > NOTIFY_EMAIL_MAX)
		return fail_field(ctx, field, "must be at most %d characters",
		    NOTIFY_EMAIL_MAX);
	for (s = (const unsigned char *)email; *s != '\0'; s++)
		if (*s <= ' ' || *s == 0x7f || *s == '<' || *s == '>' ||
		    *s == ',' || *s == ';' || *s == '"' || *s == '\\')
			return fail_field(ctx, field, "must be one address "
			    "without spaces, quotes or brackets");
	at = strchr(email, '@');
	if (at == NULL || at == email || at[1] == '\0' ||
	    strchr(at + 1, '@') != NULL || strchr(at + 1, '.') == NULL)
		return fail_field(ctx, field, "must look like name@domain.nl");
	return 0;
}

int
notify_email_put(struct ctx *ctx, int64_t user_id, const char *email)
{
	struct store_value sealed;
	struct store_rows *r;

	if (email == NULL || email[0] == '\0')
		sealed = store_null();
	else if (sealed_put(ctx, "app_user", "email", user_id, email,
	    &sealed) == -1)
		return -1;
	if (store_exec(ctx, Q_USER_EMAIL_SET, ARGS(store_int(user_id),
	    sealed), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_NOTFOUND, "no such user");
	return audit_append(ctx, "user.email", "user", user_id);
}

struct mark_job {
	int64_t		 id;
	int64_t		 next;		/* 0: sent */
	const char	*code;
};

static int
mark_job(struct ctx *ctx, void *p)
{
	struct mark_job *j = p;

	if (j->next == 0)
		return store_exec(ctx, Q_OUTBOX_SENT, ARGS(store_int(j->id),
		    store_int(time_now())), NULL);
	return store_exec(ctx, Q_OUTBOX_FAILED, ARGS(store_int(j->id),
	    store_int(j->next), store_text(j->code)), NULL);
}

/* 1, 2, 4 ... minutes after the attempts so far, capped. */
static int64_t
backoff(int64_t attempts)
{
	int64_t s = 60;

	while (attempts-- > 0 && s < NOTIFY_BACKOFF_MAX)
		s *= 2;
	return s < NOTIFY_BACKOFF_MAX ? s : NOTIFY_BACKOFF_MAX;
}

int
notify_outbox_pass(struct ctx *ctx, notify_send_fn *send, void *arg,
    size_t max, size_t *sent, size_t *failed)
{
	struct store_rows *due, *u;
	struct mark_job j;
	const char *to;
	size_t i;
	bool bad;

	*sent = *failed = 0;
	if (store_exec(ctx, Q_OUTBOX_DUE, ARGS(store_int(time_now()),
	    store_int((int64_t)max)), &due) == -1)
		return -1;
	for (i = 0; i < due->nrows; i++) {
		j.id = rows_int(due, i, 0);
		j.next = 0;
		j.code = NULL;
		if (store_row(ctx, Q_OUTBOX_ADDRESS, ARGS(store_int(
		    rows_int(due, i, 1))), &u, "no such user") == -1)
			return -1;
		bad = false;
		to = sealed_get(ctx, u, 0, 0, "app_user", "email",
		    rows_int(due, i, 1), &bad);
		if (bad) {
			ctx_clear_error(ctx);
			j.code = "address";
		} else if (to == NULL || rows_int(u, 0, 1) != 0 ||
		    rows_int(u, 0, 2) != 0) {
			/* No address any more, or mail turned off since:
			 * nothing to send, and nothing to keep trying. */
			to = NULL;
		} else if (send(arg, to, rows_text(due, i, 2),
		    rows_text(due, i, 3), &j.code) == -1) {
			if (j.code == NULL)
				j.code = "failed";
		}
		if (j.code != NULL) {
			j.next = time_now() + backoff(rows_int(due, i, 4));
			log_warn("mail %lld not sent (%s), attempt %lld",
			    (long long)j.id, j.code,
			    (long long)rows_int(due, i, 4) + 1);
			(*failed)++;
		} else if (to != NULL) {
			(*sent)++;
		}
		if (store_write(ctx, mark_job, &j) == -1)
			return -1;
	}
	return 0;
}

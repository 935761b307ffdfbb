/*
 * Notifications (domain/notify.h): the login's own "waiting for you"
 * list, marking one seen, and the login's own switch for mail.  Nothing
 * here reads another user's rows: every statement is keyed on the login.
 */
#include <string.h>

#include "api/api.h"
#include "core/arena.h"
#include "core/fail.h"
#include "core/json.h"
#include "domain/notify.h"
#include "http/server.h"

int
api_notifications(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct notification *v;
	int64_t unseen;
	size_t i, n;
	struct jw w;

	(void)req;
	if (notify_list(ctx, &v, &n, &unseen) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "unseen", unseen);
	jw_key(&w, "notifications");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", v[i].id);
		jw_kstr(&w, "kind", v[i].kind);
		jw_kstr(&w, "object_type", v[i].obj_type);
		jw_kint(&w, "object_id", v[i].obj_id);
		jw_kint(&w, "created_at", v[i].created_at);
		jw_kbool(&w, "seen", v[i].seen_at != 0);
		jw_kbool(&w, "done", v[i].done_at != 0);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

int
api_notifications_seen(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct jw w;
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1 ||
	    notify_seen(ctx, id) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kbool(&w, "seen", true);
	jw_obj_close(&w);
	return 0;
}

static int
write_email(struct ctx *ctx, struct http_response *resp)
{
	const char *email;
	struct jw w;
	bool off;

	if (notify_email_get(ctx, &email, &off) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kbool(&w, "has_email", email != NULL);
	jw_kbool(&w, "email_off", off);
	jw_obj_close(&w);
	return 0;
}

int
api_account_email(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	(void)req;
	return write_email(ctx, resp);
}

struct email_in {
	bool		 email_off;
};

static const struct json_field email_fields[] = {
	JSON_BOOL(struct email_in, email_off, "email_off", JSON_REQUIRED),
};

int
api_account_email_set(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct email_in in;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, email_fields,
	    JSON_NFIELDS(email_fields), &in, NULL) == -1)
		return -1;
	if (notify_email_set_off(ctx, in.email_off) == -1)
		return -1;
	return write_email(ctx, resp);
}

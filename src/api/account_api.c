/* Health, login, logout and the current user. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "auth/role.h"
#include "auth/session.h"
#include "core/arena.h"
#include "core/json.h"
#include "core/qr.h"
#include "domain/user.h"
#include "http/server.h"

int
api_health(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	(void)ctx;
	(void)req;
	return buf_puts(&resp->body, "{\"status\":\"ok\"}");
}

static int
write_me(struct ctx *ctx, struct jw *w, const char *csrf)
{
	struct user *u;

	/* The session check knows the names; a login or a token may not. */
	if (ctx->who.username == NULL) {
		u = user_get(ctx, ctx->who.user_id);
		if (u == NULL)
			return -1;
		ctx->who.username = u->username;
		ctx->who.org_name = u->org_name;
		ctx->who.totp = u->totp_enabled;
	}
	jw_kint(w, "id", ctx->who.user_id);
	jw_kstr(w, "username", ctx->who.username);
	jw_kstr(w, "role", role_name(ctx->who.role));
	jw_kint(w, "org_id", ctx->who.org_id);
	jw_kstr(w, "org_name", ctx->who.org_name);
	jw_kbool(w, "demo", ctx->who.demo);
	jw_kbool(w, "demo_instance", api_of(ctx)->demo_instance);
	jw_kbool(w, "totp_enabled", ctx->who.totp);
	if (csrf != NULL)
		jw_kstr(w, "csrf_token", csrf);
	return 0;
}

static const struct json_field login_fields[] = {
	JSON_STR(struct login_in, username, "username", JSON_REQUIRED, 1, 64),
	JSON_STR(struct login_in, password, "password", JSON_REQUIRED, 1,
	    1024),
	JSON_STR(struct login_in, totp, "totp", JSON_OPTIONAL | JSON_NULLABLE,
	    0, 10),
};

int
api_login(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct login_in in;
	struct jw w;
	char *token, *csrf;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, login_fields,
	    JSON_NFIELDS(login_fields), &in, NULL) == -1)
		return -1;
	if (session_login(ctx, &in, &token) == -1)
		return -1;
	csrf = session_csrf(ctx, token);
	http_set_header(resp, "Set-Cookie", arena_printf(ctx->arena,
	    SESSION_COOKIE "=%s; Path=/; Max-Age=%d; HttpOnly; "
	    "SameSite=Strict%s", token, SESSION_MAX,
	    req->secure ? "; Secure" : ""));
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kstr(&w, "csrf_token", csrf);
	jw_key(&w, "user");
	jw_obj_open(&w);
	if (write_me(ctx, &w, csrf) == -1)
		return -1;
	jw_obj_close(&w);
	jw_obj_close(&w);
	return 0;
}

int
api_logout(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	if (session_logout(ctx) == -1)
		return -1;
	http_set_header(resp, "Set-Cookie", arena_printf(ctx->arena,
	    SESSION_COOKIE "=; Path=/; Max-Age=0; HttpOnly; "
	    "SameSite=Strict%s", req->secure ? "; Secure" : ""));
	resp->status = 204;
	return 0;
}

int
api_me(struct ctx *ctx, struct http_request *req, struct http_response *resp)
{
	const char *cookie = http_cookie(req, SESSION_COOKIE);
	struct jw w;

	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	if (write_me(ctx, &w, ctx->who.session_id != 0 && cookie != NULL ?
	    session_csrf(ctx, cookie) : NULL) == -1)
		return -1;
	jw_obj_close(&w);
	return 0;
}

struct enrol_in {
	const char	*token;
	const char	*password;
	const char	*totp;
};

static const struct json_field enrol_begin_fields[] = {
	JSON_STR(struct enrol_in, token, "token", JSON_REQUIRED, 1, 64),
};

/* The enrolment page opens: whose account, and a new second factor. */
int
api_enrol_begin(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct user_enrolment e;
	struct enrol_in in;
	struct buf svg;
	struct jw w;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, enrol_begin_fields,
	    JSON_NFIELDS(enrol_begin_fields), &in, NULL) == -1)
		return -1;
	if (user_enrol_begin(ctx, in.token, &e) == -1)
		return -1;
	buf_init(&svg, ctx->arena, 256 * 1024);
	if (e.totp_uri != NULL && qr_svg(&svg, e.totp_uri) == -1)
		return fail(ctx, ST_INTERNAL, "cannot draw the QR code");
	http_set_header(resp, "Cache-Control", "no-store");
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kstr(&w, "username", e.username);
	jw_kstr(&w, "role", e.role);
	jw_kbool(&w, "totp_required", e.totp_required);
	jw_kstr(&w, "totp_secret", e.totp_secret);
	jw_kstr(&w, "totp_uri", e.totp_uri);
	jw_kstr(&w, "totp_qr_svg", e.totp_uri != NULL ? svg.p : NULL);
	jw_obj_close(&w);
	return 0;
}

static const struct json_field enrol_fields[] = {
	JSON_STR(struct enrol_in, token, "token", JSON_REQUIRED, 1, 64),
	JSON_STR(struct enrol_in, password, "password", JSON_REQUIRED, 1,
	    1024),
	JSON_STR(struct enrol_in, totp, "totp", JSON_OPTIONAL | JSON_NULLABLE,
	    0, 10),
};

/* The user's own password and the second factor's first code. */
int
api_enrol_finish(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct enrol_in in;
	struct jw w;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, enrol_fields,
	    JSON_NFIELDS(enrol_fields), &in, NULL) == -1)
		return -1;
	if (user_enrol_finish(ctx, in.token, in.password, in.totp) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kstr(&w, "state", "active");
	jw_obj_close(&w);
	return 0;
}

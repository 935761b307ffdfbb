#include "api/api.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "auth/session.h"
#include "core/arena.h"
#include "core/embed.h"
#include "core/json.h"
#include "core/log.h"
#include "core/parse.h"
#include "crypt/crypt.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static.h"

/* The context a handler runs in, with the api it belongs to. */
struct api_ctx {
	struct ctx	 ctx;
	const struct api *api;
};

const struct api *
api_of(const struct ctx *ctx)
{
	return ((const struct api_ctx *)(const void *)ctx)->api;
}

int
api_http_status(enum status st)
{
	static const int codes[ST__COUNT] = {
		[ST_OK] = 200,
		[ST_INVALID] = 400,
		[ST_UNAUTHENTICATED] = 401,
		[ST_DENIED] = 403,
		[ST_NOTFOUND] = 404,
		[ST_METHOD] = 405,
		[ST_CONFLICT] = 409,
		[ST_TOOLARGE] = 413,
		[ST_UNSUPPORTED] = 415,
		[ST_LIMITED] = 429,
		[ST_UNAVAILABLE] = 503,
		[ST_INTERNAL] = 500,
	};

	if ((int)st < 0 || st >= ST__COUNT)
		return 500;
	return codes[st];
}

int
api_init(struct api *api, struct store *st, const struct crypt_keys *keys,
    bool demo_instance)
{
	const struct api_route *r;

	memset(api, 0, sizeof(*api));
	api->store = st;
	api->keys = keys;
	api->demo_instance = demo_instance;
	api->router = router_new();
	for (r = api_routes; r->method != NULL; r++)
		if (router_add(api->router, r->method, r->pattern,
		    (void *)(uintptr_t)r, 0) == -1)
			return -1;
	return 0;
}

void
api_release(struct api *api)
{
	router_free(api->router);
	api->router = NULL;
}

static void
write_error(struct ctx *ctx, struct http_response *resp)
{
	struct jw w;
	size_t i;
	char retry[24];

	if (ctx->status == ST_INTERNAL)
		log_error("request %s: %s", ctx->request_id,
		    ctx->message != NULL ? ctx->message : "no message");
	resp->status = api_http_status(ctx->status);
	resp->content_type = "application/json";
	buf_reset(&resp->body);
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "error");
	jw_obj_open(&w);
	jw_kstr(&w, "code", status_name(ctx->status));
	/* Internal details stay in the log. */
	jw_kstr(&w, "message", ctx->status == ST_INTERNAL ?
	    "internal error; it has been logged" : ctx->message != NULL ?
	    ctx->message : status_name(ctx->status));
	jw_key(&w, "fields");
	jw_arr_open(&w);
	for (i = 0; i < ctx->nfields; i++) {
		jw_obj_open(&w);
		jw_kstr(&w, "field", ctx->fields[i].field);
		jw_kstr(&w, "reason", ctx->fields[i].reason);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	jw_obj_close(&w);
	if (ctx->status == ST_LIMITED && ctx->retry_after > 0) {
		snprintf(retry, sizeof(retry), "%d", ctx->retry_after);
		http_set_header(resp, "Retry-After",
		    arena_strdup(ctx->arena, retry));
	}
}

static bool
is_unsafe(const char *method)
{
	return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0 &&
	    strcmp(method, "OPTIONS") != 0;
}

static int
authenticate(struct ctx *ctx, struct http_request *req)
{
	const char *auth = http_header(req, "Authorization");
	const char *cookie, *csrf, *want;

	if (auth != NULL) {
		if (strncasecmp(auth, "Bearer ", 7) != 0)
			return fail(ctx, ST_UNAUTHENTICATED, "the "
			    "Authorization header must be 'Bearer TOKEN'");
		return session_resume_token(ctx, auth + 7);
	}
	cookie = http_cookie(req, SESSION_COOKIE);
	if (cookie == NULL)
		return fail(ctx, ST_UNAUTHENTICATED, "log in first");
	if (session_resume(ctx, cookie) == -1)
		return -1;
	if (is_unsafe(req->method)) {
		csrf = http_header(req, "X-CSRF-Token");
		want = session_csrf(ctx, cookie);
		if (csrf == NULL || strlen(csrf) != strlen(want) ||
		    !crypt_equal(csrf, want, strlen(want)))
			return fail(ctx, ST_DENIED, "missing or wrong "
			    "X-CSRF-Token header");
	}
	return 0;
}

static int
check_body(struct ctx *ctx, struct http_request *req, unsigned flags)
{
	const char *ct;

	if (!(flags & ROUTE_BODY)) {
		if (req->body_len > 0)
			return fail(ctx, ST_INVALID, "this request takes no "
			    "body");
		return 0;
	}
	ct = http_header(req, "Content-Type");
	if (ct == NULL || strncasecmp(ct, "application/json", 16) != 0 ||
	    (ct[16] != '\0' && ct[16] != ';'))
		return fail(ctx, ST_UNSUPPORTED, "the body must be JSON "
		    "(Content-Type: application/json)");
	return 0;
}

static bool
is_api_path(const char *path)
{
	return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0 ||
	    strcmp(path, "/healthz") == 0;
}

void
api_handle(struct http_request *req, struct http_response *resp, void *udata)
{
	const struct api *api = udata;
	const struct api_route *r;
	const struct route *rt;
	struct api_ctx actx;
	struct ctx *ctx = &actx.ctx;
	bool method_mismatch = false;

	ctx_init(ctx, req->arena, api->store);
	actx.api = api;
	ctx->keys = api->keys;
	ctx->client_addr = req->client_addr;
	ctx->request_id = req->request_id;

	rt = router_match(api->router, req, &method_mismatch);
	if (rt == NULL && strcmp(req->method, "HEAD") == 0) {
		/* HEAD is GET without the body (the server drops it). */
		req->method = "GET";
		rt = router_match(api->router, req, &method_mismatch);
		req->method = "HEAD";
	}
	if (rt == NULL) {
		if (!is_api_path(req->path) && (strcmp(req->method, "GET") ==
		    0 || strcmp(req->method, "HEAD") == 0) &&
		    http_static_serve(req, resp, embedded_web) == 0) {
			req->route = "static";
			return;
		}
		resp->no_store = true;
		if (method_mismatch)
			fail(ctx, ST_METHOD, "method %s is not allowed here",
			    req->method);
		else
			fail(ctx, ST_NOTFOUND, "no such resource");
		goto out_error;
	}
	r = rt->handler;
	resp->no_store = true;
	if (!(r->flags & ROUTE_PUBLIC) && authenticate(ctx, req) == -1)
		goto out_error;
	resp->user_id = ctx->who.user_id;
	if (check_body(ctx, req, r->flags) == -1)
		goto out_error;
	if (policy_check(ctx, r->action, NULL) == -1)
		goto out_error;
	resp->content_type = "application/json";
	if (r->handler(ctx, req, resp) == -1)
		goto out_error;
	resp->user_id = ctx->who.user_id;
	return;
out_error:
	resp->user_id = ctx->who.user_id;
	write_error(ctx, resp);
}

int
api_param_id(struct ctx *ctx, struct http_request *req, const char *name,
    int64_t *id)
{
	const char *s = http_param(req, name);

	if (s == NULL || parse_int64(s, 1, INT64_MAX, id) == -1)
		return fail(ctx, ST_NOTFOUND, "no such resource");
	return 0;
}

int
api_id_body(struct ctx *ctx, struct http_request *req,
    const struct json_field *fields, size_t nfields, void *out, int64_t *id)
{
	if (api_param_id(ctx, req, "id", id) == -1)
		return -1;
	return json_decode(ctx, req->body, req->body_len, fields, nfields,
	    out, NULL);
}

void
api_answer_id(struct http_response *resp, int64_t id, bool created)
{
	struct jw w;

	if (created)
		resp->status = 201;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_obj_close(&w);
}

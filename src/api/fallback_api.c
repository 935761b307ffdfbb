/* The national fallback point: which advice point takes the signals of
 * municipalities no region covers, and how many wait there. */
#include <string.h>

#include "api/api.h"
#include "core/clock.h"
#include "core/json.h"
#include "domain/fallback.h"
#include "http/server.h"

static void
write_fallback(struct ctx *ctx, struct http_response *resp)
{
	struct fallback f;
	struct jw w;

	if (fallback_get(ctx, &f) == -1)
		return;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "org_id");
	if (f.org_id > 0)
		jw_int(&w, f.org_id);
	else
		jw_null(&w);
	jw_kstr(&w, "org_name", f.org_name);
	jw_kstr(&w, "set_at", f.set_at > 0 ? time_iso(ctx->arena, f.set_at) :
	    NULL);
	jw_kstr(&w, "set_by", f.set_by);
	jw_kint(&w, "unrouted_signals", f.signals);
	jw_kint(&w, "unrouted_advice", f.advice);
	jw_obj_close(&w);
}

int
api_fallback_get(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	(void)req;
	write_fallback(ctx, resp);
	return ctx->status == ST_OK ? 0 : -1;
}

struct fallback_in {
	int64_t		 org_id;
};

static const struct json_field fallback_fields[] = {
	JSON_I64(struct fallback_in, org_id, "org_id", JSON_REQUIRED, 1,
	    INT64_MAX),
};

int
api_fallback_set(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct fallback_in in;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, fallback_fields,
	    JSON_NFIELDS(fallback_fields), &in, NULL) == -1)
		return -1;
	if (fallback_set(ctx, in.org_id) == -1)
		return -1;
	write_fallback(ctx, resp);
	return ctx->status == ST_OK ? 0 : -1;
}

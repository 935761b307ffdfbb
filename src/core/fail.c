#include "fail.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"

void
ctx_init(struct ctx *ctx, struct arena *a, struct store *st)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->arena = a;
	ctx->store = st;
	ctx->client_addr = "";
	ctx->request_id = "";
}

void
ctx_clear_error(struct ctx *ctx)
{
	ctx->status = ST_OK;
	ctx->message = NULL;
	ctx->nfields = 0;
	ctx->retry_after = 0;
}

int
vfail(struct ctx *ctx, enum status st, const char *fmt, va_list ap)
{
	if (ctx->status != ST_OK)
		return -1;
	ctx->status = st;
	ctx->message = arena_vprintf(ctx->arena, fmt, ap);
	return -1;
}

int
fail(struct ctx *ctx, enum status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(ctx, st, fmt, ap);
	va_end(ap);
	return -1;
}

int
fail_field(struct ctx *ctx, const char *field, const char *fmt, ...)
{
	struct field_error *fe;
	va_list ap;

	if (ctx->status != ST_OK && ctx->status != ST_INVALID)
		return -1;
	if (ctx->nfields == ctx->capfields) {
		ctx->capfields = ctx->capfields ? ctx->capfields * 2 : 8;
		ctx->fields = arena_realloc(ctx->arena, ctx->fields,
		    ctx->nfields * sizeof(*ctx->fields),
		    ctx->capfields * sizeof(*ctx->fields));
	}
	fe = &ctx->fields[ctx->nfields++];
	fe->field = arena_strdup(ctx->arena, field);
	va_start(ap, fmt);
	fe->reason = arena_vprintf(ctx->arena, fmt, ap);
	va_end(ap);
	if (ctx->status == ST_OK) {
		ctx->status = ST_INVALID;
		ctx->message = "invalid input";
	}
	return -1;
}

const char *
status_name(enum status st)
{
	static const char *const names[ST__COUNT] = {
		[ST_OK] = "ok",
		[ST_INVALID] = "invalid",
		[ST_UNAUTHENTICATED] = "unauthenticated",
		[ST_DENIED] = "forbidden",
		[ST_NOTFOUND] = "not_found",
		[ST_METHOD] = "method_not_allowed",
		[ST_CONFLICT] = "conflict",
		[ST_TOOLARGE] = "too_large",
		[ST_UNSUPPORTED] = "unsupported_media_type",
		[ST_LIMITED] = "rate_limited",
		[ST_UNAVAILABLE] = "unavailable",
		[ST_INTERNAL] = "internal",
	};

	if ((int)st < 0 || st >= ST__COUNT)
		return "internal";
	return names[st];
}

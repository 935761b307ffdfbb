/* Advice: ask without identifying anyone; the point answers. */
#include <string.h>

#include "api/api.h"
#include "core/clock.h"
#include "core/json.h"
#include "domain/advice.h"
#include "http/server.h"

struct ask_in {
	const char	*municipality;
	const char	*question;
};

static const struct json_field ask_fields[] = {
	JSON_STR(struct ask_in, municipality, "municipality", JSON_REQUIRED, 6,
	    6),
	JSON_STR(struct ask_in, question, "question", JSON_REQUIRED, 10,
	    5000),
};

int
api_advice_ask(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct ask_in in;
	struct jw w;
	int64_t id;

	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, ask_fields,
	    JSON_NFIELDS(ask_fields), &in, NULL) == -1)
		return -1;
	if (advice_ask(ctx, in.municipality, in.question, &id) == -1)
		return -1;
	resp->status = 201;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kstr(&w, "status", "open");
	jw_obj_close(&w);
	return 0;
}

static void
write_list(struct ctx *ctx, struct http_response *resp,
    const struct advice *a, size_t n, bool queue)
{
	struct jw w;
	size_t i;

	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "advice");
	jw_arr_open(&w);
	for (i = 0; i < n; i++) {
		jw_obj_open(&w);
		jw_kint(&w, "id", a[i].id);
		jw_kstr(&w, "created_at", time_iso(ctx->arena,
		    a[i].created_at));
		jw_kstr(&w, "municipality_name", a[i].municipality_name);
		jw_kstr(&w, "status", a[i].status);
		jw_kstr(&w, "question", a[i].question);
		jw_kstr(&w, "answer", a[i].answer);
		jw_kstr(&w, "answered_by", a[i].answered_by);
		jw_kstr(&w, "answered_at", a[i].answered_at > 0 ?
		    time_iso(ctx->arena, a[i].answered_at) : NULL);
		if (queue)
			jw_kstr(&w, "asker_org", a[i].asker_org);
		jw_kstr(&w, "municipality", a[i].municipality);
		jw_kbool(&w, "suggest_signal", a[i].suggest_signal);
		jw_key(&w, "signal_id");
		if (a[i].signal_id > 0)
			jw_int(&w, a[i].signal_id);
		else
			jw_null(&w);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
}

int
api_advice_mine(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct advice *a;
	size_t n;

	(void)req;
	if (advice_mine(ctx, &a, &n) == -1)
		return -1;
	write_list(ctx, resp, a, n, false);
	return 0;
}

int
api_advice_queue(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct advice *a;
	size_t n;

	(void)req;
	if (advice_queue(ctx, &a, &n) == -1)
		return -1;
	write_list(ctx, resp, a, n, true);
	return 0;
}

struct answer_in {
	const char	*answer;
	bool		 suggest_signal;
};

static const struct json_field answer_fields[] = {
	JSON_STR(struct answer_in, answer, "answer", JSON_REQUIRED, 1, 10000),
	JSON_BOOL(struct answer_in, suggest_signal, "suggest_signal",
	    JSON_OPTIONAL),
};

int
api_advice_answer(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	struct answer_in in;
	struct jw w;
	int64_t id;

	if (api_param_id(ctx, req, "id", &id) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	if (json_decode(ctx, req->body, req->body_len, answer_fields,
	    JSON_NFIELDS(answer_fields), &in, NULL) == -1)
		return -1;
	if (advice_answer(ctx, id, in.answer, in.suggest_signal) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "id", id);
	jw_kstr(&w, "status", "answered");
	jw_obj_close(&w);
	return 0;
}

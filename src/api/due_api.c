/* The coordinator's one overview of deadlines (domain/due.h). */
#include <string.h>

#include "api/api.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/json.h"
#include "core/parse.h"
#include "domain/due.h"
#include "http/server.h"

#define WITHIN_DEFAULT	14
#define WITHIN_MAX	92

/*
 * The coordinator's deadline overview: everything missed and everything
 * due within ?within= days (default two weeks), soonest first.  No
 * personal data: case numbers, what is due and when.
 */
int
api_due(struct ctx *ctx, struct http_request *req,
    struct http_response *resp)
{
	const char *arg = http_query_arg(req, "within");
	int64_t within = WITHIN_DEFAULT, now = time_now();
	struct due_list l;
	struct jw w;
	size_t i;

	if (arg != NULL && parse_int64(arg, 1, WITHIN_MAX, &within) == -1)
		return fail_field(ctx, "within", "must be a number of days "
		    "from 1 to %d", WITHIN_MAX);
	if (due_overview(ctx, now + within * 86400, &l) == -1)
		return -1;
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kint(&w, "within", within);
	jw_kstr(&w, "now", time_iso(ctx->arena, now));
	jw_key(&w, "items");
	jw_arr_open(&w);
	for (i = 0; i < l.n; i++) {
		jw_obj_open(&w);
		jw_kstr(&w, "kind", l.v[i].kind);
		jw_kint(&w, "case_id", l.v[i].case_id);
		if (l.v[i].ref_id > 0)
			jw_kint(&w, "ref_id", l.v[i].ref_id);
		jw_kstr(&w, "due", time_iso(ctx->arena, l.v[i].due));
		jw_kbool(&w, "missed", l.v[i].due < now);
		if (l.v[i].detail != NULL)
			jw_kstr(&w, "detail", l.v[i].detail);
		jw_obj_close(&w);
	}
	jw_arr_close(&w);
	jw_obj_close(&w);
	return 0;
}

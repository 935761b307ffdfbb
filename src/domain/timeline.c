#include "domain/timeline.h"

#include <string.h>

#include "audit/audit.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/case.h"
#include "domain/sealed.h"
#include "store/store.h"

int
timeline_add(struct ctx *ctx, int64_t case_id, const char *kind,
    const char *detail, const char *text)
{
	return timeline_event(ctx, case_id, kind, detail, text, NULL);
}

int
timeline_event(struct ctx *ctx, int64_t case_id, const char *kind,
    const char *detail, const char *text, int64_t *out)
{
	struct store_value sealed;
	struct store_rows *r;
	int64_t now = time_now(), id;

	if (store_exec(ctx, Q_EVENT_INSERT, ARGS(store_int(case_id),
	    store_int(now), ctx->who.user_id > 0 ?
	    store_int(ctx->who.user_id) : store_null(), ctx->who.org_id > 0 ?
	    store_int(ctx->who.org_id) : store_null(), store_text(kind),
	    store_text(detail)), &r) == -1)
		return -1;
	id = rows_int(r, 0, 0);
	if (out != NULL)
		*out = id;
	if (text != NULL && text[0] != '\0') {
		if (sealed_put(ctx, "case_event", "text", id, text, &sealed) ==
		    -1 || store_exec(ctx, Q_EVENT_SEAL, ARGS(store_int(id),
		    sealed), NULL) == -1)
			return -1;
	}
	return store_exec(ctx, Q_CASE_TOUCH, ARGS(store_int(case_id),
	    store_int(now)), NULL);
}

int
timeline_of_case(struct ctx *ctx, int64_t case_id, int64_t org,
    struct case_event **out, size_t *n, bool *bad)
{
	struct case_event *e;
	struct store_rows *r;
	size_t i, k = 0;

	if (store_exec(ctx, Q_EVENT_OF_CASE, ARGS(store_int(case_id)), &r) ==
	    -1)
		return -1;
	e = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*e));
	for (i = 0; i < r->nrows; i++) {
		if (org > 0 && rows_int(r, i, 3) != org)
			continue;
		e[k].id = rows_int(r, i, 0);
		e[k].at = rows_int(r, i, 1);
		e[k].username = rows_text(r, i, 2);
		e[k].org_id = rows_int(r, i, 3);
		e[k].org_name = rows_text(r, i, 4);
		e[k].kind = rows_text(r, i, 5);
		e[k].detail = rows_text(r, i, 6);
		e[k].text = sealed_get(ctx, r, i, 7, "case_event", "text",
		    e[k].id, bad);
		k++;
	}
	*out = e;
	*n = k;
	return 0;
}

struct note_job {
	int64_t		 case_id;
	const char	*text;
	int64_t		 id;
};

static int
note_job(struct ctx *ctx, void *p)
{
	struct note_job *j = p;

	if (timeline_event(ctx, j->case_id, "note", NULL, j->text,
	    &j->id) == -1)
		return -1;
	return audit_append(ctx, "case.note", "case", j->case_id);
}

int
timeline_note(struct ctx *ctx, int64_t case_id, const char *text,
    int64_t *event)
{
	struct case_head h;
	struct note_job j;

	if (text == NULL || text[0] == '\0')
		return fail_field(ctx, "text", "is required");
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	j.case_id = case_id;
	j.text = text;
	if (store_write(ctx, note_job, &j) == -1)
		return -1;
	if (event != NULL)
		*event = j.id;
	return 0;
}

#include "domain/sweep.h"

#include <stdbool.h>

#include "domain/deadline.h"
#include "domain/legal.h"
#include "domain/notify.h"
#include "domain/placement.h"
#include "store/store.h"

struct sweep_job {
	int64_t		 now;
	size_t		 made;
};

/* Claims the event; *fresh is false when an earlier sweep had it. */
static int
claim(struct ctx *ctx, struct sweep_job *j, const char *kind,
    const char *obj_type, int64_t obj_id, int64_t due, bool *fresh)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_NOTICE_ADD, ARGS(store_text(kind),
	    store_text(obj_type), store_int(obj_id), store_int(due),
	    store_int(j->now)), &r) == -1)
		return -1;
	*fresh = r->nrows > 0;
	if (*fresh)
		j->made++;
	return 0;
}

static int
signals(struct ctx *ctx, struct sweep_job *j)
{
	struct store_rows *r, *a;
	int64_t id;
	bool fresh;
	size_t i;

	if (store_exec(ctx, Q_SWEEP_SIGNALS, ARGS(store_int(j->now)),
	    &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++) {
		id = rows_int(r, i, 0);
		if (claim(ctx, j, "overdue", "signal", id, rows_int(r, i, 3),
		    &fresh) == -1)
			return -1;
		if (!fresh)
			continue;
		if (rows_int(r, i, 2) > 0) {
			if (notify_user(ctx, rows_int(r, i, 2), "overdue",
			    "signal", id) == -1)
				return -1;
			continue;
		}
		if (store_exec(ctx, Q_NOTIFY_ADVISORS,
		    ARGS(store_int(rows_int(r, i, 1))), &a) == -1 ||
		    notify_each(ctx, a, "overdue", "signal", id) == -1)
			return -1;
	}
	return 0;
}

/* Referrals (Q_SWEEP_REFERRALS) and escalations (Q_SWEEP_ESCALATIONS)
 * whose answer is late: id, receiving organisation, case, due. */
static int
answers(struct ctx *ctx, struct sweep_job *j, enum query q,
    const char *type, const char *overdue, const char *late)
{
	struct store_rows *r;
	int64_t id;
	bool fresh;
	size_t i;

	if (store_exec(ctx, q, ARGS(store_int(j->now)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++) {
		id = rows_int(r, i, 0);
		if (claim(ctx, j, overdue, type, id, rows_int(r, i, 3),
		    &fresh) == -1)
			return -1;
		if (fresh && (notify_org(ctx, rows_int(r, i, 1), "provider",
		    overdue, type, id) == -1 || notify_case_team(ctx,
		    rows_int(r, i, 2), late) == -1))
			return -1;
	}
	return 0;
}

static int
placements(struct ctx *ctx, struct sweep_job *j)
{
	int32_t today = deadline_local_day(j->now), reach;
	struct placement_auth a = { 0 };
	struct placement_warn w;
	struct store_rows *r;
	int64_t id, kase;
	bool fresh;
	size_t i;

	/* An authorisation is a candidate from its warning's first day. */
	reach = legal_add(today, legal_rule(LEGAL_WARN_CLOSED)->amount,
	    legal_rule(LEGAL_WARN_CLOSED)->unit);
	if (store_exec(ctx, Q_SWEEP_PLACEMENTS, ARGS(store_int(today),
	    store_int(reach)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++) {
		id = rows_int(r, i, 0);
		kase = rows_int(r, i, 1);
		if (rows_int(r, i, 2) >= 0 && rows_int(r, i, 2) <= today) {
			if (claim(ctx, j, "placement_review", "placement", id,
			    rows_int(r, i, 2), &fresh) == -1)
				return -1;
			if (fresh && notify_case_team(ctx, kase,
			    "placement_review") == -1)
				return -1;
		}
		if (rows_null(r, i, 3))
			continue;
		a.kind = rows_text(r, i, 3);
		a.valid_from = (int32_t)rows_int(r, i, 4);
		a.valid_until = (int32_t)rows_int(r, i, 5);
		placement_warnings(&a, false, today, &w);
		if (w.warn_from < 0 || w.warn_from > today)
			continue;
		if (claim(ctx, j, "authorisation_end", "placement", id,
		    a.valid_until, &fresh) == -1)
			return -1;
		if (fresh && notify_case_team(ctx, kase,
		    "authorisation_end") == -1)
			return -1;
	}
	return 0;
}

static int
sweep_job(struct ctx *ctx, void *p)
{
	struct sweep_job *j = p;

	j->made = 0;
	if (signals(ctx, j) == -1 ||
	    answers(ctx, j, Q_SWEEP_REFERRALS, "referral",
	    "referral_overdue", "referral_late") == -1 ||
	    answers(ctx, j, Q_SWEEP_ESCALATIONS, "escalation",
	    "escalation_overdue", "escalation_late") == -1)
		return -1;
	return placements(ctx, j);
}

int
sweep_deadlines(struct ctx *ctx, int64_t now, size_t *made)
{
	struct sweep_job j = { now, 0 };

	if (store_write(ctx, sweep_job, &j) == -1)
		return -1;
	if (made != NULL)
		*made = j.made;
	return 0;
}

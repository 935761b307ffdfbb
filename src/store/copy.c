/*
 * copy: every table of one store into another, for
 * `schakel migrate-to-postgres`.  Rows are read with the Q_COPY_*_ALL
 * statements and written back with the matching inserts; the result
 * cells of one statement are the bound parameters of the next, so values
 * cross unchanged (blobs byte for byte).
 */
#include <stdbool.h>
#include <string.h>

#include "core/arena.h"
#include "core/fail.h"
#include "store/store.h"

const char *const store_copy_tables[STORE_COPY_TABLES] = {
	"meta", "municipality", "org", "app_user", "login_failure", "session",
	"api_token", "audit", "region", "region_municipality", "org_region",
	"signal", "signal_person", "signal_match", "advice",
	"signal_question", "deadline_rule", "fallback_point",
	"signal_refusal", "public_challenge", "public_refusal", "person",
	"care_case", "case_person", "case_member", "case_event", "case_need",
	"case_plan", "case_assessment", "case_track", "case_transfer",
	"case_emergency", "provider_profile", "provider_care",
	"provider_muni", "provider_region", "provider_language",
	"referral", "referral_note", "escalation", "placement",
	"placement_authorisation",
	"placement_alternative", "case_adulthood", "insight_fact",
	"insight_frozen", "insight_run", "insight_result", "insight_release",
	"expertise_professional",
	"care_contract", "gap_result", "notification", "outbox",
	"signal_seen", "deadline_notice",
};

/* A read statement and the write that takes its rows, in FK order. */
static const struct {
	enum query	 read;
	enum query	 write;
} steps[] = {
	{ Q_COPY_META_ALL, Q_META_SET },
	{ Q_MUNI_LIST, Q_MUNI_UPSERT },
	{ Q_COPY_ORG_ALL, Q_COPY_ORG_INSERT },
	{ Q_COPY_USER_ALL, Q_COPY_USER_INSERT },
	{ Q_COPY_LOGINFAIL_ALL, Q_LOGINFAIL_SET },
	{ Q_COPY_SESSION_ALL, Q_COPY_SESSION_INSERT },
	{ Q_COPY_TOKEN_ALL, Q_COPY_TOKEN_INSERT },
	{ Q_COPY_REGION_ALL, Q_COPY_REGION_INSERT },
	{ Q_COPY_REGION_MUNI_ALL, Q_REGION_ADD_MUNI },
	{ Q_COPY_ORG_REGION_ALL, Q_REGION_ADD_ORG },
	{ Q_COPY_SIGNAL_ALL, Q_COPY_SIGNAL_INSERT },
	{ Q_COPY_PERSON_ALL, Q_COPY_PERSON_INSERT },
	{ Q_COPY_MATCH_ALL, Q_COPY_MATCH_INSERT },
	{ Q_COPY_ADVICE_ALL, Q_COPY_ADVICE_INSERT },
	{ Q_COPY_QUESTION_ALL, Q_COPY_QUESTION_INSERT },
	{ Q_COPY_RULE_ALL, Q_COPY_RULE_UPSERT },
	{ Q_COPY_FALLBACK_ALL, Q_COPY_FALLBACK_INSERT },
	{ Q_COPY_LIMIT_REFUSAL_ALL, Q_COPY_LIMIT_REFUSAL_INSERT },
	{ Q_COPY_CHALLENGE_ALL, Q_PUBLIC_CHALLENGE_USE },
	{ Q_COPY_REFUSAL_ALL, Q_COPY_REFUSAL_INSERT },
	{ Q_COPY_PERSON_REG_ALL, Q_COPY_PERSON_REG_INSERT },
	{ Q_COPY_CASE_ALL, Q_COPY_CASE_INSERT },
	{ Q_COPY_CASE_PERSON_ALL, Q_COPY_CASE_PERSON_INSERT },
	{ Q_COPY_MEMBER_ALL, Q_COPY_MEMBER_INSERT },
	{ Q_COPY_EVENT_ALL, Q_COPY_EVENT_INSERT },
	{ Q_COPY_NEED_ALL, Q_COPY_NEED_INSERT },
	{ Q_COPY_PLAN_ALL, Q_COPY_PLAN_INSERT },
	{ Q_COPY_IDENT_ALL, Q_COPY_IDENT_INSERT },
	{ Q_COPY_TRACK_ALL, Q_COPY_TRACK_INSERT },
	{ Q_COPY_TRANSFER_ALL, Q_COPY_TRANSFER_INSERT },
	{ Q_COPY_EMERGENCY_ALL, Q_COPY_EMERGENCY_INSERT },
	{ Q_COPY_PROVIDER_ALL, Q_COPY_PROVIDER_INSERT },
	{ Q_COPY_PROVIDER_CARE_ALL, Q_PROVIDER_CARE_ADD },
	{ Q_COPY_PROVIDER_MUNI_ALL, Q_PROVIDER_MUNI_ADD },
	{ Q_COPY_PROVIDER_REGION_ALL, Q_PROVIDER_REGION_ADD },
	{ Q_COPY_PROVIDER_LANG_ALL, Q_PROVIDER_LANG_ADD },
	{ Q_COPY_REFERRAL_ALL, Q_COPY_REFERRAL_INSERT },
	{ Q_COPY_REFERRAL_NOTE_ALL, Q_COPY_REFERRAL_NOTE_INSERT },
	{ Q_COPY_ESCALATION_ALL, Q_COPY_ESCALATION_INSERT },
	{ Q_COPY_PLACEMENT_ALL, Q_COPY_PLACEMENT_INSERT },
	{ Q_COPY_PLACEMENT_AUTH_ALL, Q_COPY_PLACEMENT_AUTH_INSERT },
	{ Q_COPY_PLACEMENT_ALT_ALL, Q_COPY_PLACEMENT_ALT_INSERT },
	{ Q_COPY_ADULT_ALL, Q_COPY_ADULT_INSERT },
	{ Q_COPY_INSIGHT_FACT_ALL, Q_INSIGHT_FACT_INSERT },
	{ Q_COPY_INSIGHT_FROZEN_ALL, Q_INSIGHT_FROZEN_INSERT },
	{ Q_COPY_INSIGHT_RUN_ALL, Q_INSIGHT_RUN_INSERT },
	{ Q_COPY_INSIGHT_RESULT_ALL, Q_INSIGHT_RESULT_INSERT },
	{ Q_COPY_INSIGHT_RELEASE_ALL, Q_COPY_INSIGHT_RELEASE_INSERT },
	{ Q_COPY_EXPERTISE_ALL, Q_COPY_EXPERTISE_INSERT },
	{ Q_COPY_CONTRACT_ALL, Q_COPY_CONTRACT_INSERT },
	{ Q_COPY_GAP_ALL, Q_GAP_RESULT_INSERT },
	{ Q_COPY_NOTIFY_ALL, Q_COPY_NOTIFY_INSERT },
	{ Q_COPY_OUTBOX_ALL, Q_COPY_OUTBOX_INSERT },
	{ Q_COPY_SEEN_ALL, Q_COPY_SEEN_INSERT },
	{ Q_COPY_NOTICE_ALL, Q_COPY_NOTICE_INSERT },
};

#define AUDIT_PAGE	2000

int
store_counts(struct ctx *ctx, struct store_counts *c)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_COPY_COUNTS, NOARGS, &r) == -1)
		return -1;
	for (i = 0; i < STORE_COPY_TABLES; i++)
		c->n[i] = rows_int(r, 0, i);
	return 0;
}

/* Pass a failure of the source on to the context that reports it. */
static int
source_failed(struct ctx *to, struct ctx *from)
{
	return fail(to, from->status != ST_OK ? from->status : ST_INTERNAL,
	    "reading the source: %s", from->message != NULL ?
	    from->message : "failed");
}

static int
put_rows(struct ctx *to, enum query write, const struct store_rows *r)
{
	size_t i;

	for (i = 0; i < r->nrows; i++)
		if (store_exec(to, write, &r->cells[i * r->ncols], r->ncols,
		    NULL) == -1)
			return -1;
	return 0;
}

static int
copy_audit(struct ctx *to, struct ctx *from)
{
	struct arena *saved = from->arena, *page;
	struct store_rows *r;
	int64_t after = 0;
	size_t n;
	int rc;

	do {
		/* A page at a time keeps a long trail out of memory. */
		page = arena_new();
		from->arena = page;
		rc = store_exec(from, Q_AUDIT_PAGE, ARGS(store_int(after),
		    store_int(AUDIT_PAGE)), &r);
		from->arena = saved;
		if (rc == -1) {
			rc = source_failed(to, from);
			arena_free(page);
			return rc;
		}
		n = r->nrows;
		rc = put_rows(to, Q_AUDIT_INSERT, r);
		if (n > 0)
			after = rows_int(r, n - 1, 0);
		arena_free(page);
	} while (rc == 0 && n == AUDIT_PAGE);
	return rc;
}

static int
copy_job(struct ctx *to, void *p)
{
	struct ctx *from = p;
	struct store_rows *r;
	size_t i;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (store_exec(from, steps[i].read, NOARGS, &r) == -1)
			return source_failed(to, from);
		if (put_rows(to, steps[i].write, r) == -1)
			return -1;
	}
	if (copy_audit(to, from) == -1)
		return -1;
	if (strcmp(store_backend_name(to->store), "pg") == 0 &&
	    store_exec(to, Q_COPY_PG_SEQUENCES, NOARGS, NULL) == -1)
		return -1;
	return 0;
}

static bool
made_by_target(const char *table)
{
	return strcmp(table, "municipality") == 0 ||
	    strcmp(table, "meta") == 0 || strcmp(table, "deadline_rule") == 0;
}

int
store_copy(struct ctx *from, struct ctx *to)
{
	struct store_counts have;
	size_t i;

	if (store_counts(to, &have) == -1)
		return -1;
	/* What the target made itself may be there (reference data, the
	 * rules its migrations installed); no more. */
	for (i = 0; i < STORE_COPY_TABLES; i++)
		if (have.n[i] > 0 && !made_by_target(store_copy_tables[i]))
			return fail(to, ST_CONFLICT, "the target database "
			    "already holds %s rows", store_copy_tables[i]);
	return store_write(to, copy_job, from);
}

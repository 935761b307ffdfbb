/*
 * case_load: fill a demo data folder with cases, for the case benchmarks
 * of tools/bench_cases.sh (issue 8: "an audited read of the full case page
 * with 100,000 cases in the database" and "the coordinator's case list
 * with 500 cases").
 *
 *   case_load DIR TOTAL ORG_CASES
 *
 * Opens DIR as `schakel` does (its key, its database, SQLite or the
 * PostgreSQL of DIR/db.url) and adds cases until the demo organisation
 * "Zorgcoördinatie Mensenhandel Amsterdam (demo)" holds ORG_CASES of
 * them and the database TOTAL; the others go to 99 new care-coordination
 * organisations.  Each case is what a worked case looks like: a sealed
 * summary, two people in the registry (sealed identities), three events
 * on the timeline (two with sealed notes), two help needs and a care plan
 * with sealed goals and tasks whose review falls between ten days ago and
 * four months on (one case in ten is new, waiting to be accepted, some
 * past their deadline: the deadline overview has work), all sealed with DIR's key so the server
 * opens them.  Cases go in through store_write() jobs of BATCH cases with
 * the statements the domain uses, without audit entries: this loads a
 * database, it does not measure writing.  Prints
 *
 *   load cases=N org_cases=N seconds=S first_org_case=ID
 *
 * Exit 0 on success, 1 on bad usage or any failure.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/parse.h"
#include "domain/sealed.h"
#include "store/store.h"

#define BATCH		500
#define OTHER_ORGS	99
#define DEMO_ORG	"Zorgcoördinatie Mensenhandel Amsterdam (demo)"

struct load {
	int64_t		 orgs[OTHER_ORGS + 1];	/* [0]: the demo org */
	int64_t		 user;			/* opens the cases */
	int64_t		 first, n;		/* this job: case numbers */
	int64_t		 org_cases;		/* how many go to orgs[0] */
	int64_t		 done_org;		/* of them already there */
	int64_t		 first_org_case;
};

static int
seal_into(struct ctx *ctx, enum query q, int64_t id, const char *table,
    const char *column, const char *text)
{
	struct store_value v;

	if (sealed_put(ctx, table, column, id, text, &v) == -1)
		return -1;
	return store_exec(ctx, q, ARGS(store_int(id), v), NULL);
}

static int
one_person(struct ctx *ctx, int64_t kase, int64_t k, const char *kind)
{
	struct store_value ident;
	struct store_rows *r;
	int64_t id;

	if (store_exec(ctx, Q_PERSON_INSERT, ARGS(store_text("18-22"),
	    store_text("female"), store_text("eu"), store_text(""),
	    store_int(time_now())), &r) == -1)
		return -1;
	id = rows_int(r, 0, 0);
	if (sealed_put(ctx, "person", "identity", id, arena_printf(ctx->arena,
	    "{\"name\":\"Bench Persoon %" PRId64 "\",\"birth_date\":"
	    "\"2004-05-06\",\"phone\":\"06 1234 %04" PRId64 "\"}", k,
	    k % 10000), &ident) == -1 ||
	    store_exec(ctx, Q_PERSON_SEAL, ARGS(store_int(id), ident,
	    store_null(), store_null()), NULL) == -1)
		return -1;
	return store_exec(ctx, Q_CASE_PERSON_INSERT, ARGS(store_int(kase),
	    store_int(id), store_text(kind), store_int(time_now())), NULL);
}

static int
event(struct ctx *ctx, int64_t kase, int64_t org, const char *kind,
    const char *detail, const char *text)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_EVENT_INSERT, ARGS(store_int(kase),
	    store_int(time_now()), store_null(), store_int(org),
	    store_text(kind), store_text(detail)), &r) == -1)
		return -1;
	if (text == NULL)
		return 0;
	return seal_into(ctx, Q_EVENT_SEAL, rows_int(r, 0, 0), "case_event",
	    "text", text);
}

static int
load_job(struct ctx *ctx, void *p)
{
	struct load *l = p;
	struct store_value goals, tasks;
	struct store_rows *r;
	int64_t k, org, kase, now = time_now();
	int32_t today = (int32_t)(now / 86400);
	bool fresh;

	for (k = l->first; k < l->first + l->n; k++) {
		org = l->done_org < l->org_cases ? l->orgs[0] :
		    l->orgs[1 + k % OTHER_ORGS];
		/* One in ten waits to be accepted, some of them late. */
		fresh = k % 10 == 0;
		if (store_exec(ctx, Q_CASE_INSERT, ARGS(store_text(
		    "trafficking"), store_text("labour"), store_text("OM-1a-1"),
		    store_text(fresh ? "new" : "in_care"), store_int(org),
		    store_null(), store_text("GM0363"), fresh ? store_null() :
		    store_int(l->user), store_null(), store_text("police"),
		    store_int(l->user), store_int(now + (k % 5 - 2) * 86400),
		    store_int(now), store_int(now)), &r) == -1)
			return -1;
		kase = rows_int(r, 0, 0);
		if (org == l->orgs[0]) {
			l->done_org++;
			if (l->first_org_case == 0)
				l->first_org_case = kase;
		}
		if (seal_into(ctx, Q_CASE_SEAL, kase, "care_case", "summary",
		    "Aangetroffen bij een controle in een distributiecentrum; "
		    "werkt zes dagen per week zonder loon.") == -1 ||
		    one_person(ctx, kase, 2 * k, "victim") == -1 ||
		    one_person(ctx, kase, 2 * k + 1, "suspect") == -1 ||
		    event(ctx, kase, org, "opened", "source:police", NULL) ==
		    -1 || event(ctx, kase, org, "note", NULL, "Intake met tolk "
		    "gedaan; wil geen contact met de werkgever.") == -1 ||
		    event(ctx, kase, org, "note", NULL, "Opvangplek geregeld "
		    "per maandag.") == -1)
			return -1;
		if (store_exec(ctx, Q_NEED_INSERT_QUIET, ARGS(store_int(kase),
		    store_text("SAFE-SHELTER"), store_int(l->user),
		    store_int(now)), NULL) == -1 ||
		    store_exec(ctx, Q_NEED_INSERT_QUIET, ARGS(store_int(kase),
		    store_text("LEGAL"), store_int(l->user), store_int(now)),
		    NULL) == -1)
			return -1;
		if (sealed_put(ctx, "case_plan", "goals", kase, "Veilig wonen, "
		    "daarna werk.", &goals) == -1 || sealed_put(ctx,
		    "case_plan", "tasks", kase, "{\"tasks\":[{\"who\":\"Opvang\","
		    "\"what\":\"Een plek\"}]}", &tasks) == -1 ||
		    store_exec(ctx, Q_PLAN_SET, ARGS(store_int(kase), goals,
		    tasks, store_int(today - 10 + k % 120), store_int(l->user),
		    store_int(now)), NULL) == -1)
			return -1;
	}
	return 0;
}

/* The other organisations, made once: a second load reuses them. */
static int
orgs_job(struct ctx *ctx, void *p)
{
	struct load *l = p;
	struct store_rows *r;
	const char *name;
	int i;

	for (i = 1; i <= OTHER_ORGS; i++) {
		name = arena_printf(ctx->arena, "Bench zorgcoördinatie %d", i);
		if (store_exec(ctx, Q_ORG_BY_NAME, ARGS(store_text(name)),
		    &r) == -1)
			return -1;
		if (r->nrows == 0 && store_exec(ctx, Q_ORG_INSERT,
		    ARGS(store_text(name), store_text("care_coordination"),
		    store_text("GM0363"), store_int(1),
		    store_int(time_now())), &r) == -1)
			return -1;
		l->orgs[i] = rows_int(r, 0, 0);
	}
	return 0;
}

static int
count(struct ctx *ctx, const char *org_name, int64_t *total, int64_t *org,
    struct load *l)
{
	struct store_rows *r;
	struct store_counts c;
	size_t i;

	if (store_row(ctx, Q_ORG_BY_NAME, ARGS(store_text(org_name)), &r,
	    "no demo care coordination: make DIR with init --demo") == -1)
		return -1;
	l->orgs[0] = rows_int(r, 0, 0);
	if (store_counts(ctx, &c) == -1)
		return -1;
	for (i = 0; i < STORE_COPY_TABLES; i++)
		if (strcmp(store_copy_tables[i], "care_case") == 0)
			*total = c.n[i];
	if (store_exec(ctx, Q_CASE_LIST, ARGS(store_int(l->orgs[0]),
	    store_int(0), store_int(1000000)), &r) == -1)
		return -1;
	*org = (int64_t)r->nrows;
	if (store_row(ctx, Q_CASE_COLLEAGUES, ARGS(store_int(l->orgs[0])), &r,
	    "no coordinator in the demo care coordination") == -1)
		return -1;
	l->user = rows_int(r, 0, 0);
	return 0;
}

int
main(int argc, char **argv)
{
	struct cli_env env;
	struct arena *batch;
	struct load l;
	int64_t total, org_cases, have = 0, have_org = 0, left, t0;
	int rc;

	if (argc != 4 || parse_int64(argv[2], 1, 10000000, &total) == -1 ||
	    parse_int64(argv[3], 0, 10000000, &org_cases) == -1) {
		fprintf(stderr, "usage: case_load DIR TOTAL ORG_CASES\n");
		return 1;
	}
	if (cli_open(&env, argv[1], false, NULL) == -1)
		return cli_end(&env, false) != 0;
	memset(&l, 0, sizeof(l));
	if (count(env.ctx, DEMO_ORG, &have, &have_org, &l) == -1)
		return cli_end(&env, false) != 0;
	if (store_write(env.ctx, orgs_job, &l) == -1)
		return cli_end(&env, false) != 0;
	l.org_cases = org_cases > have_org ? org_cases - have_org : 0;
	left = total > have ? total - have : 0;
	t0 = time_mono_ns();
	for (l.first = 1; left > 0; l.first += l.n) {
		/* An arena per batch keeps a large load out of memory. */
		batch = arena_new();
		env.ctx->arena = batch;
		env.ctx->conn = NULL;
		l.n = left < BATCH ? left : BATCH;
		rc = store_write(env.ctx, load_job, &l);
		env.ctx->arena = env.arena;
		env.ctx->conn = NULL;
		arena_free(batch);
		if (rc == -1)
			return cli_end(&env, false) != 0;
		left -= l.n;
	}
	printf("load cases=%" PRId64 " org_cases=%" PRId64 " seconds=%.1f "
	    "first_org_case=%" PRId64 "\n", total, have_org + l.done_org,
	    (double)(time_mono_ns() - t0) / 1e9, l.first_org_case);
	return cli_end(&env, true) != 0;
}

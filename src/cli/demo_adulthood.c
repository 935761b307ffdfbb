/*
 * Demo data for turning 18: victims who turn 18 in five months (with a
 * transition plan), in two months and in three weeks (without), one of
 * an estimated 16, and one who turned 18 last month without a plan
 * (entered two months ago, the clock turned back for it).
 */
#include "cli/demo_adulthood.h"

#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/adulthood.h"
#include "domain/case.h"
#include "domain/deadline.h"
#include "domain/legal.h"
#include "domain/signal.h"

/* A case with one victim who turns 18 in days days (age: an estimate
 * instead, when > 0). */
static int
minor_case(struct ctx *ctx, const char *name, int days, int age,
    int64_t *id)
{
	const char *forms[] = { "criminal" };
	int32_t today = deadline_local_day(time_now());
	struct signal_person p;
	struct case_in in;

	memset(&in, 0, sizeof(in));
	memset(&p, 0, sizeof(p));
	p.kind = "victim";
	p.name = name;
	if (age > 0)
		p.estimated_age = age;
	else
		p.birth_date = date_format(ctx->arena,
		    legal_add(today + days, -18, LEGAL_YEARS));
	in.type = "trafficking";
	in.forms.v = forms;
	in.forms.n = 1;
	in.municipality = "GM0363";
	in.source = "police";
	in.summary = "Minderjarige, aangetroffen bij een controle (demo).";
	in.persons.v = &p;
	in.persons.n = 1;
	return case_open(ctx, &in, id);
}

int
demo_adulthood(struct ctx *ctx, int64_t coordinator, int64_t org)
{
	static const char *what[] = { "continued_youth_care", "wmo" };
	struct adult_plan_in plan;
	struct care_case *c;
	int64_t id, ignored;
	int rc;

	ctx->who.user_id = coordinator;
	ctx->who.org_id = org;
	ctx->who.role = ROLE_COORDINATOR;
	if (minor_case(ctx, "Lina Horvat", 150, 0, &id) == -1 ||
	    minor_case(ctx, "Jonas Petrauskas", 60, 0, &ignored) == -1 ||
	    minor_case(ctx, "Amina Yusuf", 21, 0, &ignored) == -1 ||
	    minor_case(ctx, "Tomasz (leeftijd geschat)", 0, 16, &ignored) ==
	    -1)
		return -1;
	c = case_get(ctx, id);
	if (c == NULL || c->nadults != 1)
		return c == NULL ? -1 : fail(ctx, ST_INTERNAL, "the demo's "
		    "minor has no 18th birthday");
	memset(&plan, 0, sizeof(plan));
	plan.continues.v = what;
	plan.continues.n = 2;
	plan.youth_care_from = date_format(ctx->arena,
	    deadline_local_day(time_now()) - 300);
	plan.payer = "municipality";
	plan.same_professional = true;
	plan.professional = "Mentor Sanne (demo)";
	plan.notes = "Blijft in de woongroep tot de zomer (demo).";
	if (adulthood_plan_set(ctx, id, c->adults[0].person_id, &plan) == -1)
		return -1;
	/* Entered two months ago, a month before turning 18. */
	time_set_offset(-60 * 86400);
	rc = minor_case(ctx, "Daria Volkova", 30, 0, &ignored);
	time_set_offset(0);
	return rc;
}

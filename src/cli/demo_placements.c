/*
 * The demo's placements, on three cases of the Amsterdam care
 * coordination: a girl of fifteen in closed youth care, with the
 * authorisation and the alternatives considered, after foster care that
 * ended; a boy of sixteen held by an emergency authorisation that ends
 * in three days; a woman whose women's shelter placement ended and who
 * now stays in a categorical shelter at the demo provider's
 * organisation (demo-provider sees it on #/placements).
 */
#include "cli/demo_placements.h"

#include <stdio.h>
#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/case.h"
#include "domain/deadline.h"
#include "domain/legal.h"
#include "domain/org.h"
#include "domain/placement.h"

struct demo {
	struct ctx	*ctx;
	int32_t		 today;
	int64_t		 haven, noord;
};

static const char *
day(struct demo *d, int n)
{
	return date_format(d->ctx->arena, d->today + n);
}

/* A case opened by the coordinator with one victim; *person gets the
 * registry id. */
static int
open_case(struct demo *d, const char *name, const char *born,
    const char *sex, int64_t *id, int64_t *person)
{
	static const char *forms[] = { "sexual" };
	struct signal_person p;
	struct case_person *cp;
	struct case_in in;
	size_t n;
	bool bad = false;

	memset(&in, 0, sizeof(in));
	memset(&p, 0, sizeof(p));
	in.type = "trafficking";
	in.forms.v = forms;
	in.forms.n = 1;
	in.municipality = "GM0363";
	in.source = "police";
	in.summary = "Synthetische casus voor de demo van plaatsingen.";
	p.kind = "victim";
	p.name = name;
	p.birth_date = born;
	p.sex = sex;
	p.nationality = "non_eu";
	in.persons.v = &p;
	in.persons.n = 1;
	if (case_open(d->ctx, &in, id) == -1 ||
	    person_of_case(d->ctx, *id, &cp, &n, &bad) == -1)
		return -1;
	*person = cp[0].id;
	return 0;
}

static int
place(struct demo *d, int64_t kase, struct placement_in *in, int64_t *id)
{
	int64_t unused;

	return placement_record(d->ctx, kase, in, id != NULL ? id : &unused);
}

int
demo_placements(struct ctx *ctx, int64_t coordinator, int64_t org)
{
	struct placement_alt alts[] = {
	    { "foster_care", "Het pleeggezin kon haar niet beschermen tegen "
		"de mensen die haar ronselden (demo)." },
	    { "residential_youth_care", "Zij liep twee keer weg uit de open "
		"groep en werd teruggevonden bij de ronselaars (demo)." } };
	struct placement_in in;
	struct demo d;
	int64_t kase, person, id;

	memset(&d, 0, sizeof(d));
	d.ctx = ctx;
	d.today = deadline_local_day(time_now());
	ctx->who.user_id = coordinator;
	ctx->who.org_id = org;
	ctx->who.role = ROLE_COORDINATOR;
	if (org_resolve(ctx, "Opvang De Haven (demo)", &d.haven) == -1 ||
	    org_resolve(ctx, "Jeugdhulp Noord (demo)", &d.noord) == -1)
		return -1;

	/* Fifteen: foster care that ended, then closed youth care. */
	if (open_case(&d, "Lotte Meijer", date_format(ctx->arena,
	    legal_add(d.today, -15, LEGAL_YEARS) - 40), "female", &kase,
	    &person) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	in.person_id = person;
	in.type = "foster_care";
	in.from = day(&d, -200);
	in.until = day(&d, -60);
	if (place(&d, kase, &in, &id) == -1 ||
	    placement_end(ctx, kase, id, day(&d, -60), "next_placement") ==
	    -1)
		return -1;
	memset(&in, 0, sizeof(in));
	in.person_id = person;
	in.type = "closed_youth_care";
	in.from = day(&d, -60);
	in.provider_org_id = d.noord;
	in.review_on = day(&d, 10);
	in.authorisation_kind = "authorisation";
	in.decided_on = day(&d, -61);
	in.valid_from = day(&d, -60);
	in.valid_until = date_format(ctx->arena, placement_auth_last_day(
	    "authorisation", d.today - 60));
	in.alternatives.v = alts;
	in.alternatives.n = 2;
	if (place(&d, kase, &in, NULL) == -1)
		return -1;

	/* Sixteen: an emergency authorisation that ends in three days. */
	if (open_case(&d, "Daan Kok", date_format(ctx->arena,
	    legal_add(d.today, -16, LEGAL_YEARS) - 100), "male", &kase,
	    &person) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	in.person_id = person;
	in.type = "closed_youth_care";
	in.from = day(&d, -24);
	in.provider_org_id = d.noord;
	in.authorisation_kind = "emergency";
	in.decided_on = day(&d, -24);
	in.valid_from = day(&d, -24);
	in.valid_until = day(&d, 3);
	in.alternatives.v = &alts[1];
	in.alternatives.n = 1;
	if (place(&d, kase, &in, NULL) == -1)
		return -1;

	/* An adult: the women's shelter ended, a categorical one now. */
	if (open_case(&d, "Amina Haddad", "1994-03-12", "female", &kase,
	    &person) == -1)
		return -1;
	memset(&in, 0, sizeof(in));
	in.person_id = person;
	in.type = "womens_shelter";
	in.from = day(&d, -120);
	in.until = day(&d, -30);
	in.provider_org_id = d.haven;
	if (place(&d, kase, &in, &id) == -1 ||
	    placement_end(ctx, kase, id, day(&d, -30), "next_placement") ==
	    -1)
		return -1;
	memset(&in, 0, sizeof(in));
	in.person_id = person;
	in.type = "categorical_shelter";
	in.from = day(&d, -30);
	in.provider_org_id = d.haven;
	in.review_on = day(&d, 60);
	if (place(&d, kase, &in, NULL) == -1)
		return -1;
	memset(&ctx->who, 0, sizeof(ctx->who));
	printf("Placements on three cases: closed youth care with an "
	    "authorisation, an emergency authorisation ending on %s, an "
	    "ended women's shelter and foster care.\n", day(&d, 3));
	return 0;
}

/*
 * The demo's referrals: one case of a minor in Amsterdam whose needs
 * went to the demo shelter and the demo youth care, in every state
 * (declined, ended, started, accepted, expired, sent, withdrawn), and
 * two escalations to the Amsterdam expert team: one answered (the
 * housing nobody took up), one open (complex needs of a minor).
 */
#include <string.h>

#include "auth/role.h"
#include "cli/demo_referrals.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/case.h"
#include "domain/deadline.h"
#include "domain/escalation.h"
#include "domain/referral.h"

#define DAY	86400

static void
as(struct ctx *ctx, int64_t user, int64_t org, enum role role)
{
	ctx->who.user_id = user;
	ctx->who.org_id = org;
	ctx->who.role = role;
}

static int64_t
need_id(const struct case_need *v, size_t n, const char *need)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].need, need) == 0)
			return v[i].id;
	return 0;
}

static int
refer(struct ctx *ctx, const struct demo_referral_ids *d, int64_t c,
    int64_t need, int64_t to, int days_ago, int64_t *id)
{
	static const char *shares[] = { "persons", "needs" };
	struct referral_in in;

	memset(&in, 0, sizeof(in));
	in.need = need;
	in.provider = to;
	in.s.shares.v = shares;
	in.s.shares.n = 2;
	in.s.basis = "consent";
	in.message = "Graag contact via de zorgcoördinator.";
	time_set_offset(-(int64_t)days_ago * DAY);
	/* Consent was given the day before. */
	in.s.consent_on = date_format(ctx->arena,
	    deadline_local_day(time_now()) - 1);
	as(ctx, d->coordinator, d->coordinator_org, ROLE_COORDINATOR);
	return referral_send(ctx, c, &in, id);
}

int
demo_referrals(struct ctx *ctx, const struct demo_referral_ids *d)
{
	static const char *forms[] = { "criminal" }, *needs[] = {
	    "SAFE-SHELTER", "TRAUMA", "EDU", "HOUSING", "LEGAL", "INCOME" },
	    *share_all[] = { "persons", "summary", "needs",
	    "forms_indicators" };
	struct escalation_in e;
	struct signal_person p;
	struct case_need *v;
	struct case_in in;
	int64_t c, r, hous;
	size_t n;
	int rc = -1;

	memset(&in, 0, sizeof(in));
	memset(&p, 0, sizeof(p));
	in.type = "trafficking";
	in.forms.v = forms;
	in.forms.n = 1;
	in.municipality = "GM0363";
	in.source = "police";
	in.summary = "Jongen van vijftien moest drugs vervoeren voor een "
	    "netwerk; wil niet terug naar huis.";
	in.help_needs.v = needs;
	in.help_needs.n = 6;
	p.kind = "victim";
	p.name = "Daan Mulder";
	p.birth_date = "2010-03-14";
	p.sex = "male";
	p.nationality = "dutch";
	in.persons.v = &p;
	in.persons.n = 1;
	time_set_offset(-21 * DAY);
	as(ctx, d->coordinator, d->coordinator_org, ROLE_COORDINATOR);
	if (case_open(ctx, &in, &c) == -1 ||
	    plan_needs_of_case(ctx, c, &v, &n) == -1)
		goto out;
	hous = need_id(v, n, "HOUSING");
	/* Declined for lack of room, then ended at the youth care. */
	if (refer(ctx, d, c, need_id(v, n, "SAFE-SHELTER"), d->shelter_org,
	    20, &r) == -1)
		goto out;
	as(ctx, d->shelter, d->shelter_org, ROLE_PROVIDER);
	if (referral_decline(ctx, r, "no_capacity", NULL) == -1 ||
	    refer(ctx, d, c, need_id(v, n, "SAFE-SHELTER"), d->youth_org, 19,
	    &r) == -1)
		goto out;
	as(ctx, d->youth, d->youth_org, ROLE_PROVIDER);
	if (referral_accept(ctx, r) == -1 || referral_start(ctx, r) == -1 ||
	    referral_note(ctx, r, "Geplaatst op een beschermde groep.",
	    NULL) == -1)
		goto out;
	time_set_offset(-3 * DAY);
	if (referral_end(ctx, r, "completed", NULL) == -1)
		goto out;
	/* Started, with a note. */
	if (refer(ctx, d, c, need_id(v, n, "TRAUMA"), d->shelter_org, 15,
	    &r) == -1)
		goto out;
	as(ctx, d->shelter, d->shelter_org, ROLE_PROVIDER);
	if (referral_accept(ctx, r) == -1 || referral_start(ctx, r) == -1 ||
	    referral_note(ctx, r, "Eerste gesprek gehad; wekelijks vervolg.",
	    NULL) == -1)
		goto out;
	/* Accepted, not started yet. */
	if (refer(ctx, d, c, need_id(v, n, "EDU"), d->youth_org, 14, &r) ==
	    -1)
		goto out;
	as(ctx, d->youth, d->youth_org, ROLE_PROVIDER);
	if (referral_accept(ctx, r) == -1)
		goto out;
	/* No answer in time: expired, and the need not taken up. */
	if (refer(ctx, d, c, hous, d->shelter_org, 20, &r) == -1)
		goto out;
	/* Withdrawn by the team; one sent today. */
	if (refer(ctx, d, c, need_id(v, n, "INCOME"), d->youth_org, 2,
	    &r) == -1 || referral_withdraw(ctx, c, r) == -1 ||
	    refer(ctx, d, c, need_id(v, n, "LEGAL"), d->shelter_org, 0,
	    &r) == -1)
		goto out;
	/* The housing nobody took up goes to the expert team, which
	 * answers; the case's complex needs wait for its answer. */
	time_set_offset(-2 * DAY);
	memset(&e, 0, sizeof(e));
	e.need = hous;
	e.ground = "not_taken_up";
	e.summary = "Geen woonplek gevonden in drie weken; jongen slaapt "
	    "bij een oom, niet veilig.";
	e.s.shares.v = share_all;
	e.s.shares.n = 4;
	e.s.basis = "legal";
	e.s.legal_basis = "youth_act";
	as(ctx, d->coordinator, d->coordinator_org, ROLE_COORDINATOR);
	if (escalation_send(ctx, c, &e, &r) == -1)
		goto out;
	as(ctx, d->team, d->team_org, ROLE_PROVIDER);
	if (escalation_answer(ctx, r, "provider_found", "Kamertraining bij "
	    "Jeugdhulp Noord kan per volgende week; wij bellen de "
	    "coördinator.") == -1)
		goto out;
	time_set_offset(0);
	e.need = 0;
	e.ground = "complex_minor";
	e.summary = "Traumahulp, school en wonen lopen door elkaar; graag "
	    "advies over de volgorde.";
	as(ctx, d->coordinator, d->coordinator_org, ROLE_COORDINATOR);
	if (escalation_send(ctx, c, &e, &r) == -1)
		goto out;
	rc = 0;
out:
	time_set_offset(0);
	memset(&ctx->who, 0, sizeof(ctx->who));
	return rc;
}

/*
 * Synthetic demo data for init --demo: organisations of a fictional chain
 * in a few real municipalities, and one account per role.  Every name is
 * marked (demo) and the accounts have no second factor, which the UI says.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "auth/totp.h"
#include "cli/cli.h"
#include "cli/demo_contracts.h"
#include "cli/demo_providers.h"
#include "cli/demo_referrals.h"
#include "cli/demo_placements.h"
#include "cli/demo_adulthood.h"
#include "cli/demo_national.h"
#include "cli/demo_expertise.h"
#include "cli/demo_signals.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/fail.h"
#include "domain/advice.h"
#include "domain/case.h"
#include "domain/deadline.h"
#include "domain/ident.h"
#include "domain/legal.h"
#include "domain/org.h"
#include "domain/region.h"
#include "domain/signal.h"
#include "domain/track.h"
#include "domain/timeline.h"
#include "domain/transfer.h"
#include "domain/user.h"
#include "domain/catalog.h"
#include "auth/role.h"
#include "core/clock.h"
#include "store/store.h"

static const struct {
	const char	*name;
	const char	*type;
	const char	*municipality;
} demo_orgs[] = {
	{ "Veilig Thuis Amsterdam-Amstelland (demo)", "advice_point",
	    "GM0363" },
	{ "Zorgcoördinatie Mensenhandel Amsterdam (demo)",
	    "care_coordination", "GM0363" },
	{ "Opvang De Haven (demo)", "provider", "GM0599" },
	{ "Jeugdhulp Noord (demo)", "provider", "GM0080" },
	{ "Gemeente Amsterdam (demo)", "municipality", "GM0363" },
	{ "Politie Eenheid Amsterdam (demo)", "police", "GM0363" },
	{ "Arbeidsinspectie (demo)", "labour_inspectorate", "GM0344" },
	{ "Beoordelingscommissie Identificatie (demo)",
	    "assessment_committee", "GM0518" },
	{ "Bureau Nationaal Rapporteur (demo)", "other", "GM0518" },
	{ "Basisschool De Regenboog (demo)", "other", "GM0363" },
	{ "Veilig Thuis Rotterdam-Rijnmond (demo)", "advice_point",
	    "GM0599" },
	{ "Zorgcoördinatie Mensenhandel Rotterdam (demo)",
	    "care_coordination", "GM0599" },
	{ "Expertteam Jeugd Amsterdam-Amstelland (demo)", "expert_team",
	    "GM0363" },
	{ "Expertteam Jeugd Rijnmond (demo)", "expert_team", "GM0599" },
};

/* Regions of the demo chain; orgs are indexes in demo_orgs. */
static const struct {
	const char	*name;
	const char	*type;
	const char	*munis[6];
	int		 orgs[2];
} demo_regions[] = {
	{ "Veilig Thuis Amsterdam-Amstelland (demo)", "veilig_thuis",
	    { "GM0363", "GM0362", "GM0384", "GM0437", "GM0358", NULL },
	    { 0, -1 } },
	{ "Zorgcoördinatie Amsterdam (demo)", "care_coordination",
	    { "GM0363", "GM0362", "GM0384", "GM0437", "GM0358", NULL },
	    { 1, -1 } },
	{ "Veilig Thuis Rotterdam-Rijnmond (demo)", "veilig_thuis",
	    { "GM0599", "GM0606", "GM0597", "GM0489", "GM0542", NULL },
	    { 10, -1 } },
	{ "Zorgcoördinatie Rotterdam (demo)", "care_coordination",
	    { "GM0599", "GM0606", "GM0597", "GM0489", "GM0542", NULL },
	    { 11, -1 } },
	{ "Jeugdregio Amsterdam-Amstelland (demo)", "youth",
	    { "GM0363", "GM0362", "GM0384", "GM0437", "GM0358", NULL },
	    { 12, -1 } },
	{ "Jeugdregio Rijnmond (demo)", "youth",
	    { "GM0599", "GM0606", "GM0597", "GM0489", "GM0542", NULL },
	    { 13, -1 } },
};

struct demo_ids {
	int64_t		 reporter, reporter_org;
	int64_t		 advisor, advisor_org;
	int64_t		 provider, provider_org;
	int64_t		 coordinator, coordinator_org;
	int64_t		 assessor, assessor_org;
};

static void
act_as(struct ctx *ctx, int64_t user, int64_t org, enum role role)
{
	ctx->who.user_id = user;
	ctx->who.org_id = org;
	ctx->who.role = role;
}

/*
 * Two professionals worried about one person, twice: the school and the
 * shelter about the same girl (same name and birth date, written
 * differently), and the school and the care coordinator about the same
 * young man (same BSN).  The point sees each pair under "also concerned"
 * at once, a reporter once the point has claimed their signal.
 */
static int
demo_matches(struct ctx *ctx, const struct demo_ids *ids)
{
	static const struct {
		int		 who;		/* 0 school, 1 shelter, 2 zc */
		const char	*municipality;
		const char	*name;
		const char	*birth_date;
		const char	*id_number;
		const char	*indicator;
		const char	*form;
		const char	*need;
		const char	*description;
	} pairs[] = {
		{ 0, "GM0363", "Ioana Marinescu", "2008-03-14", NULL,
		    "OM-1a-1", "sexual", "SAFE-YOUTH", "Leerling (17) verzuimt "
		    "vaak, heeft twee telefoons en wordt opgehaald door "
		    "wisselende mannen." },
		{ 1, "GM0599", "IOANA MARINEŞCU", "2008-03-14", NULL,
		    "OM-1a-3", "sexual", "TRAUMA", "Meisje aangemeld voor "
		    "crisisopvang; vertelt over een 'vriend' die haar werk "
		    "regelt." },
		{ 0, "GM0362", "Ruben Okafor", NULL, "305218761", "OM-1a-1",
		    "criminal", "DEBT", "Oud-leerling (19) brengt pakketjes "
		    "rond om een schuld af te lossen." },
		{ 2, "GM0363", "R. Okafor", NULL, "305 218 761", "OM-1a-4",
		    "criminal", "SAFE-PLAN", "Jongeman wil hulp maar is bang "
		    "voor de mensen aan wie hij geld schuldig is." },
	};
	struct signal_person p;
	struct signal_in in;
	const char *ind[1], *form[1], *need[1];
	int64_t id, due;
	size_t i;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		memset(&in, 0, sizeof(in));
		memset(&p, 0, sizeof(p));
		in.municipality = pairs[i].municipality;
		in.urgency = "days";
		ind[0] = pairs[i].indicator;
		in.indicators.v = ind;
		in.indicators.n = 1;
		form[0] = pairs[i].form;
		in.forms.v = form;
		in.forms.n = 1;
		need[0] = pairs[i].need;
		in.help_needs.v = need;
		in.help_needs.n = 1;
		in.description = pairs[i].description;
		p.kind = "victim";
		p.name = pairs[i].name;
		p.birth_date = pairs[i].birth_date;
		p.id_number = pairs[i].id_number;
		in.persons.v = &p;
		in.persons.n = 1;
		if (pairs[i].who == 0)
			act_as(ctx, ids->reporter, ids->reporter_org,
			    ROLE_REPORTER);
		else if (pairs[i].who == 1)
			act_as(ctx, ids->provider, ids->provider_org,
			    ROLE_PROVIDER);
		else
			act_as(ctx, ids->coordinator, ids->coordinator_org,
			    ROLE_COORDINATOR);
		if (signal_file(ctx, &in, &id, &due) == -1)
			return -1;
		/* The Amsterdam point has taken its three up, so their
		 * reporters see the match; Rotterdam's waits. */
		if (strcmp(pairs[i].municipality, "GM0599") == 0)
			continue;
		act_as(ctx, ids->advisor, ids->advisor_org, ROLE_ADVISOR);
		if (signal_claim(ctx, id) == -1)
			return -1;
	}
	return 0;
}

/* Advice: one waiting, one answered, one the point asked to report. */
static int
demo_advice(struct ctx *ctx, const struct demo_ids *ids)
{
	static const struct {
		const char	*municipality;
		const char	*question;
		const char	*answer;
		bool		 suggest;
	} asks[] = {
		{ "GM0363", "Een ouder vertelt dat een oom de kinderen laat "
		    "werken in zijn restaurant, ook 's avonds. Is dit iets "
		    "voor jullie?", NULL, false },
		{ "GM0384", "Een stagiair krijgt geen loon en moet zijn "
		    "paspoort afgeven. Wat kan ik doen?", "Dit zijn signalen "
		    "van arbeidsuitbuiting. Bespreek het met de stagiair en "
		    "meld het als signaal als hij dat wil; bel ons gerust.",
		    true },
		{ "GM0363", "Mag ik zonder toestemming van de ouders "
		    "overleggen over een leerling?", "Ja, anoniem overleggen "
		    "mag altijd. Voor een melding gelden de stappen van de "
		    "meldcode.",
		    false },
	};
	int64_t id;
	size_t i;

	for (i = 0; i < sizeof(asks) / sizeof(asks[0]); i++) {
		act_as(ctx, ids->reporter, ids->reporter_org, ROLE_REPORTER);
		if (advice_ask(ctx, asks[i].municipality, asks[i].question,
		    &id) == -1)
			return -1;
		if (asks[i].answer == NULL)
			continue;
		act_as(ctx, ids->advisor, ids->advisor_org, ROLE_ADVISOR);
		if (advice_answer(ctx, id, asks[i].answer, asks[i].suggest) ==
		    -1)
			return -1;
	}
	return 0;
}

/* A direct case at the demo care coordination; its id in *id. */
static int
demo_direct_case(struct ctx *ctx, const char *source, const char *form,
    const char *summary, struct signal_person *p, int64_t *id)
{
	const char *forms[] = { form };
	struct case_in in;

	memset(&in, 0, sizeof(in));
	in.type = "trafficking";
	in.forms.v = forms;
	in.forms.n = 1;
	in.municipality = "GM0363";
	in.source = source;
	in.summary = summary;
	in.persons.v = p;
	in.persons.n = 1;
	return case_open(ctx, &in, id);
}

/*
 * Cases of every type and state: the demo's open_case decisions made new
 * cases; the coordinator accepts all but the newest three, puts most in
 * care with a plan, closes some with each reason (one reopened), makes
 * one serious disadvantage; and two cases opened directly share a
 * person: a victim of labour exploitation in one (from the labour
 * inspectorate) who recruits for the exploiters in the other (from the
 * police).
 */
static int
demo_cases(struct ctx *ctx, const struct demo_ids *ids)
{
	static const char *const reasons[] = { "care_completed",
	    "moved_abroad", "returned_voluntarily", "lost_contact", "other" };
	struct json_strlist none = { NULL, 0 };
	struct plan_task task[2] = {
		{ "Opvang De Haven (demo)", "Categorale opvang" },
		{ "Slachtofferadvocaat", "Bespreken of aangifte wenselijk is" },
	};
	struct signal_person p;
	struct case_line *l;
	struct case_plan plan;
	int64_t a, b;
	size_t i, n, closed = 0;
	int rc = 0;

	act_as(ctx, ids->coordinator, ids->coordinator_org, ROLE_COORDINATOR);
	if (case_list(ctx, &l, &n) == -1)
		return -1;
	memset(&plan, 0, sizeof(plan));
	plan.goals = "Een veilige plek, daarna werk en eigen inkomen.";
	plan.tasks.v = task;
	plan.tasks.n = 2;
	plan.review_on = date_format(ctx->arena,
	    deadline_local_day(time_now()) + 5);
	/* The list is newest first among new cases: leave three. */
	for (i = 3; i < n && rc == 0; i++) {
		rc = case_accept(ctx, l[i].id);
		if (rc == 0 && i % 4 != 0)
			rc = case_set_status(ctx, l[i].id, "in_care", NULL,
			    NULL);
		if (rc == 0 && i % 4 == 1)
			rc = plan_set(ctx, l[i].id, &plan);
		if (rc == 0 && i % 4 == 2 && closed < 5) {
			rc = case_set_status(ctx, l[i].id, "closed",
			    reasons[closed], closed == 4 ?
			    "Woont nu bij familie (demo)." : NULL);
			closed++;
		}
		if (rc == 0 && i == 6)
			rc = case_set_status(ctx, l[i].id, "reopened", NULL,
			    "Opnieuw contact gezocht (demo).");
		if (rc == 0 && i == 7)
			rc = case_set_type(ctx, l[i].id,
			    "serious_disadvantage", &none,
			    "Geen dwang, wel ernstige onderbetaling (demo).");
	}
	if (rc == -1)
		return -1;
	memset(&p, 0, sizeof(p));
	p.kind = "victim";
	p.name = "Ana Popescu";
	p.birth_date = "2003-03-14";
	p.sex = "female";
	p.nationality = "eu";
	p.languages = "Roemeens, Engels";
	p.age_band = "18-22";
	if (demo_direct_case(ctx, "labour_inspectorate", "labour",
	    "Aangetroffen bij een inspectie in een distributiecentrum "
	    "(demo).", &p, &a) == -1)
		return -1;
	p.kind = "suspect";
	if (demo_direct_case(ctx, "police", "criminal",
	    "Jongens geronseld voor drugshandel; een van de ronselaars werkt "
	    "zelf onder dwang (demo).", &p, &b) == -1)
		return -1;
	return 0;
}

static int
demo_signals(struct cli_env *env, const struct demo_ids *ids)
{
	struct demo_signal_ids week;
	struct ctx *ctx = env->ctx;
	int rc;

	memset(&week, 0, sizeof(week));
	week.reporter = ids->reporter;
	week.reporter_org = ids->reporter_org;
	week.advisor = ids->advisor;
	week.advisor_org = ids->advisor_org;
	rc = demo_signals_week(env, &week);
	if (rc == 0)
		rc = demo_matches(ctx, ids);
	if (rc == 0)
		rc = demo_advice(ctx, ids);
	if (rc == 0)
		rc = demo_cases(ctx, ids);
	memset(&ctx->who, 0, sizeof(ctx->who));
	return rc;
}

/*
 * Identification: the two oldest trafficking cases of the demo care
 * coordination are submitted to the demo committee; the first has its
 * first decision (plausible) and waits for the final one, the second
 * waits for its first decision.
 */
static int
demo_identification(struct ctx *ctx, const struct demo_ids *ids)
{
	static const char *parts1[] = { "summary", "persons", "forms" },
	    *sources1[] = { "care_observation", "victim_statement" },
	    *parts2[] = { "summary", "forms" },
	    *sources2[] = { "labour_inspectorate" };
	struct case_line *l;
	struct ident_in in;
	int64_t pick[2] = { 0, 0 }, aid;
	size_t i, n, k;

	act_as(ctx, ids->coordinator, ids->coordinator_org, ROLE_COORDINATOR);
	if (case_list(ctx, &l, &n) == -1)
		return -1;
	for (k = 0; k < 2; k++)
		for (i = 0; i < n; i++)
			if (strcmp(l[i].type, "trafficking") == 0 &&
			    strcmp(l[i].status, "closed") != 0 &&
			    l[i].id != pick[0] && (pick[k] == 0 ||
			    l[i].id < pick[k]))
				pick[k] = l[i].id;
	for (k = 0; k < 2; k++) {
		if (pick[k] == 0)
			return 0;
		time_set_offset(k == 0 ? -21 * 86400 : -3 * 86400);
		for (i = 0; i < n; i++)
			if (l[i].id == pick[k] &&
			    strcmp(l[i].status, "new") == 0 &&
			    case_accept(ctx, pick[k]) == -1)
				return -1;
		memset(&in, 0, sizeof(in));
		in.committee_org_id = ids->assessor_org;
		in.parts.v = k == 0 ? parts1 : parts2;
		in.parts.n = k == 0 ? 3 : 2;
		in.sources.v = k == 0 ? sources1 : sources2;
		in.sources.n = k == 0 ? 2 : 1;
		in.note = k == 0 ? "Zij vertelde de opvang over schulden bij "
		    "de werkgever en een ingehouden paspoort (demo)." :
		    "De Arbeidsinspectie trof hem aan bij een controle; een "
		    "aangifte is er niet (demo).";
		time_set_offset(k == 0 ? -20 * 86400 : -2 * 86400);
		if (ident_submit(ctx, pick[k], &in, &aid) == -1)
			return -1;
		if (k == 1)
			break;
		time_set_offset(-16 * 86400);
		act_as(ctx, ids->assessor, ids->assessor_org, ROLE_ASSESSOR);
		if (ident_decide(ctx, aid, "first", "plausible", "Redelijke "
		    "gronden: het verhaal is consistent met de waarnemingen "
		    "van de opvang (demo).") == -1)
			return -1;
		act_as(ctx, ids->coordinator, ids->coordinator_org,
		    ROLE_COORDINATOR);
	}
	time_set_offset(0);
	return 0;
}

/* A step on a track of a demo case, on the day today + days. */
static int
demo_step(struct ctx *ctx, int64_t id, enum track_kind k, const char *state,
    int32_t day, const char *reason, const char *note)
{
	struct track_in in;

	memset(&in, 0, sizeof(in));
	in.state = state;
	in.on = date_format(ctx->arena, day);
	in.reason = reason;
	in.note = note;
	return track_set(ctx, id, k, &in);
}

/*
 * The tracks beside the care, on the two oldest trafficking cases the
 * open_case decisions made: the first has a reflection period that ends
 * within days (on the coordinator's start page), the second a report
 * filed and an investigation.  Both are accepted and in care: the care
 * did not wait for either.
 */
static int
demo_tracks(struct ctx *ctx, const struct demo_ids *ids)
{
	int32_t today = deadline_local_day(time_now()), start;
	int64_t pick[2] = { 0, 0 };
	struct case_line *l;
	size_t i, n;
	int k;

	act_as(ctx, ids->coordinator, ids->coordinator_org,
	    ROLE_COORDINATOR);
	if (case_list(ctx, &l, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (strcmp(l[i].type, "trafficking") != 0)
			continue;
		if (pick[0] == 0 || l[i].id < pick[0]) {
			pick[1] = pick[0];
			pick[0] = l[i].id;
		} else if (pick[1] == 0 || l[i].id < pick[1]) {
			pick[1] = l[i].id;
		}
	}
	if (pick[1] == 0)
		return 0;
	for (k = 0; k < 2; k++) {
		if (case_accept(ctx, pick[k]) == -1 ||
		    case_set_status(ctx, pick[k], "in_care", NULL, NULL) == -1)
			return -1;
	}
	/* Three months back from nine days ahead: it ends in about nine. */
	start = legal_add(today + 9, -legal_rule(LEGAL_REFLECTION)->amount,
	    legal_rule(LEGAL_REFLECTION)->unit);
	if (demo_step(ctx, pick[0], TRACK_CRIMINAL,
	    "informative_conversation", start + 20, NULL,
	    "Informatief gesprek met de politie (demo).") == -1 ||
	    demo_step(ctx, pick[0], TRACK_RESIDENCE, "reflection", start,
	    NULL, "Bedenktijd gestart (demo).") == -1 ||
	    demo_step(ctx, pick[1], TRACK_CRIMINAL, "report_filed",
	    today - 40, NULL, "Aangifte gedaan (demo).") == -1 ||
	    demo_step(ctx, pick[1], TRACK_CRIMINAL, "investigation",
	    today - 12, NULL, NULL) == -1)
		return -1;
	printf("Case %lld: a reflection period ending on %s; case %lld: a "
	    "report filed.\n", (long long)pick[0], date_format(ctx->arena,
	    legal_end(LEGAL_REFLECTION, start)), (long long)pick[1]);
	return 0;
}

/*
 * A case of the Amsterdam care coordination whose victim has moved to
 * Rotterdam: opened on a call from the police, with a note, and a
 * transfer to the Rotterdam care coordination that waits for it to
 * accept (demo-coordinator-rotterdam).
 */
static int
demo_transfer(struct cli_env *env, const struct demo_ids *ids)
{
	static const char *forms[] = { "sexual" }, *needs[] = { "SAFE-SHELTER",
	    "TRAUMA" }, *markers[] = { "age_18_22" };
	struct ctx *ctx = env->ctx;
	struct signal_person p;
	struct case_in in;
	int64_t id;
	int rc;

	memset(&in, 0, sizeof(in));
	memset(&p, 0, sizeof(p));
	in.type = "trafficking";
	in.forms.v = forms;
	in.forms.n = 1;
	in.municipality = "GM0363";
	in.source = "police";
	in.summary = "Jonge vrouw aangetroffen bij een controle in een "
	    "hotel; wil weg bij haar 'vriend' en heeft een veilige plek "
	    "nodig.";
	in.help_needs.v = needs;
	in.help_needs.n = 2;
	p.kind = "victim";
	p.name = "Elena Petrova";
	p.birth_date = "2005-09-21";
	p.sex = "female";
	p.nationality = "eu";
	p.markers.v = markers;
	p.markers.n = 1;
	in.persons.v = &p;
	in.persons.n = 1;
	/* Opened a week ago; the move came up this week. */
	time_set_offset(-7 * 86400);
	act_as(ctx, ids->coordinator, ids->coordinator_org, ROLE_COORDINATOR);
	rc = case_open(ctx, &in, &id);
	if (rc == 0)
		rc = timeline_note(ctx, id, "Opgevangen in de crisisopvang; "
		    "zus woont in Rotterdam en zij wil daar wonen.", NULL);
	time_set_offset(0);
	if (rc == 0)
		rc = transfer_request(ctx, id, "GM0599", "Cliënte is bij haar "
		    "zus in Rotterdam gaan wonen; de zorg loopt daar verder.",
		    NULL);
	memset(&ctx->who, 0, sizeof(ctx->who));
	return rc;
}

static const struct {
	const char	*username;
	const char	*role;
	int		 org;		/* index in demo_orgs, -1: Beheer */
	const char	*what;		/* what to try with it */
} demo_users[] = {
	{ "demo-reporter", "reporter", 9,
	    "a teacher: report a signal, answer the point's question" },
	{ "demo-advisor", "advisor", 0,
	    "Veilig Thuis Amsterdam: triage queue, advice, decisions" },
	{ "demo-coordinator", "coordinator", 1,
	    "care coordination Amsterdam: cases, referrals, deadlines" },
	{ "demo-provider", "provider", 2,
	    "a shelter: incoming referrals, capacity, placements" },
	{ "demo-assessor", "assessor", 7,
	    "identification committee: assessments" },
	{ "demo-policy", "policy", 4,
	    "municipality of Amsterdam: local insight" },
	{ "demo-rapporteur", "rapporteur", 8,
	    "national rapporteur: insight for every area" },
	{ "demo-admin", "admin", -1,
	    "organisations, users, regions, deadlines" },
	{ "demo-coordinator-rotterdam", "coordinator", 11,
	    "care coordination Rotterdam: a transfer waiting" },
	{ "demo-provider-jeugd", "provider", 3,
	    "a youth care provider: referrals" },
	{ "demo-expertteam", "provider", 12,
	    "expert team Amsterdam: escalations" },
	{ "demo-expertteam-rijnmond", "provider", 13,
	    "expert team Rijnmond: escalations" },
};

/* Made-up real names for the demo accounts, in turn. */
static const char *const demo_names[] = {
	"Eva de Boer", "Daan Visser", "Fatima el Amrani", "Lucas Smit",
	"Sanne Mulder", "Mehmet Yilmaz", "Iris Bakker", "Thomas Hendriks",
	"Noa Dekker", "Bram van Leeuwen", "Yara Koster", "Sem Peters",
};

int
demo_create(struct cli_env *env)
{
	struct org_in org;
	struct user_in u;
	struct buf out;
	int64_t ids[sizeof(demo_orgs) / sizeof(demo_orgs[0])], beheer, id;
	int64_t admin = 0, policy = 0, policy_org = 0;
	struct region_in region;
	struct demo_ids dids;
	struct demo_referral_ids rids;
	const char *munis[6], *orgs[2];
	char *uri, *path;
	size_t i, k;
	int fd;

	memset(&dids, 0, sizeof(dids));
	memset(&rids, 0, sizeof(rids));
	buf_init(&out, env->arena, 64 * 1024);
	/* Demo accounts only: the real administrator's credentials are
	 * shown once by init and never written to a file. */
	buf_puts(&out, "# demo accounts: user name, role, password, second "
	    "factor, what to try (synthetic data only)\n");
	for (i = 0; i < sizeof(demo_orgs) / sizeof(demo_orgs[0]); i++) {
		memset(&org, 0, sizeof(org));
		org.name = demo_orgs[i].name;
		org.type = demo_orgs[i].type;
		org.municipality = demo_orgs[i].municipality;
		if (org_create(env->ctx, &org, true, &ids[i]) == -1)
			return -1;
	}
	if (org_resolve(env->ctx, "Beheer", &beheer) == -1)
		return -1;
	for (i = 0; i < sizeof(demo_regions) / sizeof(demo_regions[0]);
	    i++) {
		memset(&region, 0, sizeof(region));
		region.name = demo_regions[i].name;
		region.type = demo_regions[i].type;
		for (k = 0; demo_regions[i].munis[k] != NULL; k++)
			munis[k] = demo_regions[i].munis[k];
		region.municipalities.v = munis;
		region.municipalities.n = k;
		for (k = 0; k < 2 && demo_regions[i].orgs[k] >= 0; k++)
			orgs[k] = demo_orgs[demo_regions[i].orgs[k]].name;
		region.orgs.v = orgs;
		region.orgs.n = k;
		if (region_create(env->ctx, &region, &id) == -1)
			return -1;
	}
	printf("\ndemo accounts (no second factor; synthetic data only):\n");
	for (i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]); i++) {
		memset(&u, 0, sizeof(u));
		u.username = demo_users[i].username;
		u.role = demo_users[i].role;
		u.org_id = demo_users[i].org >= 0 ? ids[demo_users[i].org] :
		    beheer;
		u.password = cli_new_password(env->arena);
		u.phone = arena_printf(env->arena, "020 555 01 %02zu", i + 10);
		u.real_name = demo_names[i % (sizeof(demo_names) /
		    sizeof(demo_names[0]))];
		if (user_create(env->ctx, &u, true, &id, &uri) == -1)
			return -1;
		if (strcmp(u.role, "reporter") == 0) {
			dids.reporter = id;
			dids.reporter_org = u.org_id;
		} else if (strcmp(u.role, "advisor") == 0) {
			dids.advisor = id;
			dids.advisor_org = u.org_id;
		} else if (strcmp(u.username, "demo-provider") == 0) {
			dids.provider = id;
			dids.provider_org = u.org_id;
			rids.shelter = id;
			rids.shelter_org = u.org_id;
		} else if (strcmp(u.username, "demo-provider-jeugd") == 0) {
			rids.youth = id;
			rids.youth_org = u.org_id;
		} else if (strcmp(u.username, "demo-expertteam") == 0) {
			rids.team = id;
			rids.team_org = u.org_id;
		} else if (strcmp(u.username, "demo-coordinator") == 0) {
			dids.coordinator = id;
			dids.coordinator_org = u.org_id;
		} else if (strcmp(u.role, "assessor") == 0) {
			dids.assessor = id;
			dids.assessor_org = u.org_id;
		} else if (strcmp(u.role, "admin") == 0) {
			admin = id;
		} else if (strcmp(u.role, "policy") == 0) {
			policy = id;
			policy_org = u.org_id;
		}
		printf("  %-26s %s\n  %-26s %s, %s\n", u.username,
		    u.password, "", u.role, demo_users[i].what);
		buf_appendf(&out, "%s\t%s\t%s\t-\t%s\n", u.username, u.role,
		    u.password, demo_users[i].what);
	}
	if (demo_signals(env, &dids) == -1 ||
	    demo_tracks(env->ctx, &dids) == -1 ||
	    demo_transfer(env, &dids) == -1 ||
	    demo_providers(env->ctx, admin, beheer, dids.provider,
	    dids.provider_org) == -1)
		return -1;
	rids.coordinator = dids.coordinator;
	rids.coordinator_org = dids.coordinator_org;
	if (demo_referrals(env->ctx, &rids) == -1 ||
	    demo_placements(env->ctx, dids.coordinator,
	    dids.coordinator_org) == -1 ||
	    demo_adulthood(env->ctx, dids.coordinator,
	    dids.coordinator_org) == -1 ||
	    demo_expertise(env->ctx, admin, beheer) == -1 ||
	    demo_contracts(env->ctx, policy, policy_org, admin, beheer) == -1)
		return -1;
	if (demo_identification(env->ctx, &dids) == -1) {
		time_set_offset(0);
		memset(&env->ctx->who, 0, sizeof(env->ctx->who));
		return -1;
	}
	memset(&env->ctx->who, 0, sizeof(env->ctx->who));
	printf("\n%d synthetic signals in the demo regions (two pairs about "
	    "the same person), and three questions for advice.\n",
	    DEMO_SIGNALS + 4);
	path = cli_path(env->arena, env->dir, "demo-users.txt");
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1 || write(fd, out.p, out.len) != (ssize_t)out.len ||
	    fsync(fd) == -1) {
		if (fd != -1)
			close(fd);
		return fail(env->ctx, ST_INTERNAL, "cannot write '%s': %s",
		    path, strerror(errno));
	}
	close(fd);
	printf("\nThe demo accounts are also in %s.\n", path);
	return 0;
}

static const char demo_help[] =
    "usage: schakel demo --data DIR --scale N [--db postgresql://...]\n"
    "        [--per-year SIGNALS]\n"
    "\n"
    "Adds N years (1 to 20) of national synthetic data to a demo folder\n"
    "(made by init --demo): organisations and regions in every province,\n"
    "and per year about 5,000 signals, each about one presumed victim,\n"
    "with their cases, referrals, placements and timelines, in all 342\n"
    "municipalities, ending with last year.  No names or other personal\n"
    "fields are filled.  --per-year sets the signals a year (12 to\n"
    "200000; the benchmark uses more).  Load it before serving: the\n"
    "insight freezes a quarter's counts the first time it is asked.\n";

/* A whole number from lo to hi, or -1. */
static int
number(const char *s, int lo, int hi)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		return -1;
	return (int)v;
}

static bool
demo_folder(struct ctx *ctx)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_META_GET, ARGS(store_text("demo")), &r) == -1)
		return false;
	return r->nrows == 1 && strcmp(rows_text(r, 0, 0), "1") == 0;
}

int
cmd_demo(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "db", required_argument, NULL, 'b' },
		{ "scale", required_argument, NULL, 's' },
		{ "per-year", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct national_opts o;
	struct national_counts n;
	struct cli_env env;
	const char *dir = NULL, *db = NULL, *scale = NULL, *per = NULL;
	int c, ok;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "", longopts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'd': dir = optarg; break;
		case 'b': db = optarg; break;
		case 's': scale = optarg; break;
		case 'p': per = optarg; break;
		case 'h': fputs(demo_help, stdout); return 0;
		default:
			return cli_usage("demo", "unknown option or missing "
			    "value '%s'", argv[optind - 1]);
		}
	}
	if (dir == NULL)
		return cli_usage("demo", "--data DIR is required");
	if (scale == NULL)
		return cli_usage("demo", "--scale N is required: the years "
		    "of data, 1 to %d", NATIONAL_YEARS_MAX);
	if (optind != argc)
		return cli_usage("demo", "unexpected argument '%s'",
		    argv[optind]);
	memset(&o, 0, sizeof(o));
	o.years = number(scale, 1, NATIONAL_YEARS_MAX);
	if (o.years == -1)
		return cli_usage("demo", "--scale must be a whole number of "
		    "years from 1 to %d, not '%s'", NATIONAL_YEARS_MAX,
		    scale);
	o.per_year = NATIONAL_PER_YEAR;
	if (per != NULL) {
		o.per_year = number(per, 12, NATIONAL_PER_YEAR_MAX);
		if (o.per_year == -1)
			return cli_usage("demo", "--per-year must be a whole "
			    "number from 12 to %d, not '%s'",
			    NATIONAL_PER_YEAR_MAX, per);
	}
	o.progress = true;
	if (cli_open(&env, dir, false, db) == -1)
		return cli_end(&env, false);
	if (!demo_folder(env.ctx)) {
		if (env.ctx->message == NULL)
			fail(env.ctx, ST_CONFLICT, "'%s' is not a demo "
			    "folder (made by init --demo); synthetic data "
			    "never goes into a real one", dir);
		return cli_end(&env, false);
	}
	if (cli_lock(&env, dir) == -1)
		return cli_end(&env, false);
	fprintf(stderr, "loading %d year%s of national synthetic data "
	    "(%d signals a year)\n", o.years, o.years == 1 ? "" : "s",
	    o.per_year);
	ok = demo_national(env.ctx, &o, &n) == 0;
	if (ok)
		printf("national synthetic data: %lld signals, %lld cases, "
		    "%lld people, %lld timeline events, %lld help needs, "
		    "%lld referrals, %lld identification assessments, "
		    "%lld residence steps, %lld placements, %lld turning "
		    "18\n", (long long)n.signals, (long long)n.cases,
		    (long long)n.persons, (long long)n.events,
		    (long long)n.needs, (long long)n.referrals,
		    (long long)n.assessments, (long long)n.steps,
		    (long long)n.placements, (long long)n.adults);
	return cli_end(&env, ok);
}

/*
 * Fault sweep: every write path of signals, advice, cases and their
 * criminal-case and residence tracks, and of providers' offers and the
 * fitting search, run again and
 * again with the n-th store statement failing (n = 1, 2, ... until the
 * step gets through without reaching the fault).  Each failed run must
 * answer -1 with a status and a message, leave every table as it was
 * (no half-filed signal, no match without both sides, no answer without
 * its audit entry) and leave the audit chain intact; under ASan also
 * without a leak.  This is the "simulate errors to test all exit paths"
 * of the style guide: `make check-faults` runs it on its own.
 *
 * It runs on SQLite and on PostgreSQL: SCHAKEL_TEST_PG_DIR names the test
 * cluster (tools/pg.sh start DIR), in which it makes a database of its
 * own; without it the PostgreSQL half fails, it is never skipped.
 */
#include "core/testing.h"
#include "domain/test_world.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/log.h"
#include "crypt/crypt.h"
#include "domain/adulthood.h"
#include "domain/advice.h"
#include "domain/notify.h"
#include "domain/sweep.h"
#include "domain/catalog.h"
#include "domain/contract.h"
#include "domain/deadline.h"
#include "domain/due.h"
#include "domain/case.h"
#include "domain/emergency.h"
#include "domain/fallback.h"
#include "domain/ident.h"
#include "domain/deadline.h"
#include "domain/due.h"
#include "domain/org.h"
#include "domain/provider.h"
#include "domain/placement.h"
#include "domain/expertise.h"
#include "domain/region.h"
#include "domain/retention.h"
#include "domain/rule.h"
#include "domain/signal.h"
#include "domain/subject.h"
#include "domain/track.h"
#include "domain/transfer.h"
#include "domain/escalation.h"
#include "domain/referral.h"
#include "domain/user.h"
#include "domain/volume.h"
#include "insight/area.h"
#include "insight/facts.h"
#include "insight/gap.h"
#include "insight/insight.h"
#include "store/store.h"

/* No step takes more statements than this. */
#define MAX_STATEMENTS	400

struct world {
	int64_t		 point, school, shelter;	/* organisations */
	int64_t		 reporter, advisor, provider, admin;
	int64_t		 sig, sig2, qid, adv, sig3, adv2, sig4, sig5;
	int64_t		 cc, coord, coord2;		/* care coordination */
	int64_t		 sig6, kase, kase2, need;
	int64_t		 kase3;				/* purged */
	int64_t		 committee, assessor;	/* identification */
	int64_t		 aid, aid2;
	int64_t		 cc2, coord3;		/* another, in Rotterdam */
	int64_t		 team, teamer;		/* the expert team */
	int64_t		 rneed, ref, esc;	/* referrals */
	int64_t		 pcase, pperson, placement;	/* placements */
	int64_t		 trained;			/* expertise */
	int64_t		 kase4;			/* a minor victim's */
	int64_t		 zc, city, policy, contract;	/* contracts */
	int64_t		 vtfl, sig7;		/* a region changes */
	long		 runs;			/* faults injected */
};

static struct world w;

static int
setup(void **state, bool pg)
{
	(void)state;
	memset(&w, 0, sizeof(w));
	tw_open("faults", pg);
	w.point = tw_org("Meldpunt", "advice_point");
	w.school = tw_org("School", "other");
	w.shelter = tw_org("Opvang", "provider");
	w.reporter = tw_user("leraar", "reporter", w.school);
	w.advisor = tw_user("adviseur", "advisor", w.point);
	w.provider = tw_user("opvang", "provider", w.shelter);
	w.admin = tw_user("beheer", "admin", w.point);
	tw_as(w.admin, w.point, ROLE_ADMIN);
	tw_region("VT Amsterdam", "veilig_thuis", "GM0363", "Meldpunt");
	/* Care coordination for the same municipality. */
	w.cc = tw_org("Zorgcoordinatie", "care_coordination");
	w.coord = tw_user("coordinator", "coordinator", w.cc);
	w.coord2 = tw_user("collega", "coordinator", w.cc);
	w.zc = tw_region("ZC Amsterdam", "care_coordination", "GM0363",
	    "Zorgcoordinatie");
	/* The municipality that buys care for it. */
	w.city = tw_org("Gemeente", "municipality");
	w.policy = tw_user("beleid", "policy", w.city);
	w.committee = tw_org("Beoordelingscommissie", "assessment_committee");
	w.assessor = tw_user("beoordelaar", "assessor", w.committee);
	/* And another, for Rotterdam: a case moves there. */
	w.cc2 = tw_org("Zorgcoordinatie Rotterdam", "care_coordination");
	w.coord3 = tw_user("rotterdam", "coordinator", w.cc2);
	tw_region("ZC Rotterdam", "care_coordination", "GM0599",
	    "Zorgcoordinatie Rotterdam");
	/* The expert team of Amsterdam's youth region. */
	w.team = tw_org("Expertteam", "expert_team");
	w.teamer = tw_user("expert", "provider", w.team);
	tw_region("Jeugd Amsterdam", "youth", "GM0363", "Expertteam");
	return 0;
}

static int
setup_sqlite(void **state)
{
	return setup(state, false);
}

static int
setup_pg(void **state)
{
	return setup(state, true);
}

static int
teardown(void **state)
{
	(void)state;
	return tw_close();
}

/* A signal about one victim, identified by name and birth date or by
 * BSN. */
static int
file_signal(const char *name, const char *bsn, int64_t advice, int64_t *id)
{
	static const char *ind[] = { "OM-1a-1" }, *forms[] = { "labour" },
	    *needs[] = { "SAFE-PLAN" }, *markers[] = { "minor" };
	struct signal_person p[2];
	struct signal_in in;
	int64_t due;

	memset(&in, 0, sizeof(in));
	memset(p, 0, sizeof(p));
	in.municipality = "GM0363";
	in.urgency = "days";
	in.indicators.v = ind;
	in.indicators.n = 1;
	in.forms.v = forms;
	in.forms.n = 1;
	in.help_needs.v = needs;
	in.help_needs.n = 1;
	in.description = "Werkt 's nachts en lijkt niet vrij te zijn.";
	in.actions_taken = "Gesprek gevoerd.";
	p[0].kind = "victim";
	p[0].name = name;
	p[0].birth_date = "2009-05-17";
	p[0].id_number = bsn;
	p[0].phone = "06 12345678";
	p[0].markers.v = markers;
	p[0].markers.n = 1;
	p[1].kind = "suspect";
	p[1].name = "Onbekende man";
	p[1].estimated_age = 40;
	in.persons.v = p;
	in.persons.n = 2;
	if (advice > 0)
		return signal_file_from_advice(&tw.ctx, advice, &in, id, &due);
	return signal_file(&tw.ctx, &in, id, &due);
}

/* The steps, in order: each starts from what the ones before left. */

static int
step_file(void)
{
	tw_as(w.reporter, w.school, ROLE_REPORTER);
	return file_signal("Zoë van den Heuvel", "123456782", 0, &w.sig);
}

static int
step_file_matching(void)
{
	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	return file_signal("ZOE VAN DEN HEUVEL", "1234.56.782", 0, &w.sig2);
}

static int
step_read(void)
{
	tw_as(w.advisor, w.point, ROLE_ADVISOR);
	return signal_get(&tw.ctx, w.sig) != NULL ? 0 : -1;
}

static int
step_claim(void)
{
	tw_as(w.advisor, w.point, ROLE_ADVISOR);
	return signal_claim(&tw.ctx, w.sig);
}

/* The admin gives the reporter an address, so the question below also
 * queues a mail. */
static int
email_job(struct ctx *ctx, void *p)
{
	(void)p;
	return notify_email_put(ctx, w.reporter, "leraar@school.example");
}

/* A year on, every signal still open is past its triage deadline: the
 * sweep tells its claimer or its point's advisors. */
static int
step_deadline_sweep(void)
{
	size_t made = 0;

	tw_as(w.admin, w.point, ROLE_ADMIN);
	return sweep_deadlines(&tw.ctx, time_now() + 366 * 86400, &made);
}

static int
step_email(void)
{
	tw_as(w.admin, w.point, ROLE_ADMIN);
	return store_write(&tw.ctx, email_job, NULL);
}

static int
step_ask(void)
{
	tw_as(w.advisor, w.point, ROLE_ADVISOR);
	return signal_ask(&tw.ctx, w.sig, "Sinds wanneer werkt zij daar?",
	    &w.qid);
}

static int
step_answer(void)
{
	tw_as(w.reporter, w.school, ROLE_REPORTER);
	return signal_answer(&tw.ctx, w.sig, w.qid, "Sinds september.");
}

static int
step_decide(void)
{
	const char *status;

	tw_as(w.advisor, w.point, ROLE_ADVISOR);
	return signal_decide(&tw.ctx, w.sig, "forward_police", NULL,
	    "toestemming betrokkene", &status, NULL);
}

static int
step_advice_ask(void)
{
	tw_as(w.reporter, w.school, ROLE_REPORTER);
	return advice_ask(&tw.ctx, "GM0363", "Een leerling werkt tot laat; "
	    "wat kan ik doen?", &w.adv);
}

static int
step_advice_answer(void)
{
	tw_as(w.advisor, w.point, ROLE_ADVISOR);
	return advice_answer(&tw.ctx, w.adv, "Meld het als signaal.", true);
}

static int
step_advice_signal(void)
{
	tw_as(w.reporter, w.school, ROLE_REPORTER);
	return file_signal("Sam de Boer", NULL, w.adv, &w.sig3);
}

static int
step_advice_ask_again(void)
{
	tw_as(w.reporter, w.school, ROLE_REPORTER);
	return advice_ask(&tw.ctx, "GM0363", "Nog een vraag, zonder namen "
	    "erin.", &w.adv2);
}

static int
step_point_signal(void)
{
	tw_as(w.advisor, w.point, ROLE_ADVISOR);
	return file_signal("Lina Haddad", NULL, w.adv2, &w.sig4);
}

static int
step_public(void)
{
	struct signal_contact c = { "Karin Smit", "Huisartsenpraktijk",
	    "010 555 12 34" };
	static const char *ind[] = { "OM-1a-3" };
	struct public_limits easy = { PUBLIC_BUDGET_MUNI, PUBLIC_BUDGET_TOTAL,
	    4 };
	struct signal_proof proof;
	struct signal_in in;
	char *receipt, *secret, *ch, s[24];
	int64_t expires, due;
	int bits, n;

	memset(&in, 0, sizeof(in));
	memset(&tw.ctx.who, 0, sizeof(tw.ctx.who));
	in.municipality = "GM0363";
	in.indicators.v = ind;
	in.indicators.n = 1;
	/* A fresh challenge each time: each serves once. */
	signal_public_set_limits(&easy);
	signal_public_challenge(&tw.ctx, &ch, &expires, &bits);
	for (n = 0;; n++) {
		snprintf(s, sizeof(s), "%d", n);
		if (crypt_pow_bits(ch, s) >= bits)
			break;
	}
	proof.challenge = ch;
	proof.solution = s;
	return signal_file_public(&tw.ctx, &in, &c, &proof, &receipt, &secret,
	    &due);
}

static int
step_rule(void)
{
	tw_as(w.admin, w.point, ROLE_ADMIN);
	return rule_set(&tw.ctx, 2, 4, false);
}

/* At the daily limit the signal is refused and the refusal recorded:
 * for the sweep that is the step getting through. */
static int
step_refused(void)
{
	int64_t id;
	int rc;

	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	volume_set_limits(1, 0);
	rc = file_signal("Ana Popescu", NULL, 0, &id);
	volume_set_limits(0, 0);
	if (rc == 0 || tw.ctx.status != ST_LIMITED)
		return -1;
	ctx_clear_error(&tw.ctx);
	return 0;
}

static int
step_fallback(void)
{
	tw_as(w.admin, w.point, ROLE_ADMIN);
	return fallback_set(&tw.ctx, w.point);
}

static int
step_file_outside(void)
{
	static const char *ind[] = { "OM-1a-1" };
	struct signal_in in;
	int64_t due;

	memset(&in, 0, sizeof(in));
	in.municipality = "GM0034";
	in.indicators.v = ind;
	in.indicators.n = 1;
	tw_as(w.reporter, w.school, ROLE_REPORTER);
	return signal_file(&tw.ctx, &in, &w.sig5, &due);
}

static int
step_region_takes_over(void)
{
	static const char *munis[] = { "GM0034" }, *orgs[] = { "Meldpunt" };
	struct region_in r;
	int64_t id;

	memset(&r, 0, sizeof(r));
	r.name = "VT Flevoland";
	r.type = "veilig_thuis";
	r.municipalities.v = munis;
	r.municipalities.n = 1;
	r.orgs.v = orgs;
	r.orgs.n = 1;
	tw_as(w.admin, w.point, ROLE_ADMIN);
	if (region_create(&tw.ctx, &r, &id) == -1)
		return -1;
	w.vtfl = id;
	return 0;
}

static int
step_file_outside_again(void)
{
	static const char *ind[] = { "OM-1a-1" };
	struct signal_in in;
	int64_t due;

	memset(&in, 0, sizeof(in));
	in.municipality = "GM0050";
	in.indicators.v = ind;
	in.indicators.n = 1;
	tw_as(w.reporter, w.school, ROLE_REPORTER);
	return signal_file(&tw.ctx, &in, &w.sig7, &due);
}

/* The region is renamed and gains the municipality of that signal,
 * which it takes over. */
static int
step_region_update(void)
{
	static const char *munis[] = { "GM0034", "GM0050" },
	    *orgs[] = { "Meldpunt" };
	struct region_in r;

	memset(&r, 0, sizeof(r));
	r.name = "VT Flevoland en Zeewolde";
	r.municipalities.v = munis;
	r.municipalities.n = 2;
	r.orgs.v = orgs;
	r.orgs.n = 1;
	tw_as(w.admin, w.point, ROLE_ADMIN);
	return region_update(&tw.ctx, w.vtfl, &r);
}

/* Cases: opened by the decision, then every step on one. */

static int
step_file_for_case(void)
{
	tw_as(w.reporter, w.school, ROLE_REPORTER);
	return file_signal("Mira Petrova", "111222333", 0, &w.sig6);
}

static int
step_claim_for_case(void)
{
	tw_as(w.advisor, w.point, ROLE_ADVISOR);
	return signal_claim(&tw.ctx, w.sig6);
}

static int
step_open_case(void)
{
	const char *status;

	tw_as(w.advisor, w.point, ROLE_ADVISOR);
	return signal_decide(&tw.ctx, w.sig6, "open_case", NULL, NULL,
	    &status, &w.kase);
}

static int
step_case_read(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_get(&tw.ctx, w.kase) != NULL ? 0 : -1;
}

static int
step_case_accept(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_accept(&tw.ctx, w.kase);
}

static int
step_case_in_care(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_set_status(&tw.ctx, w.kase, "in_care", NULL, NULL);
}

static int
step_case_type(void)
{
	static const char *forms[] = { "labour", "criminal" };
	struct json_strlist l = { forms, 2 };

	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_set_type(&tw.ctx, w.kase, "trafficking", &l,
	    "Ook drugs vervoerd.");
}

static int
step_case_member(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_member_add(&tw.ctx, w.kase, w.coord2);
}

static int
step_case_need(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return plan_need_add(&tw.ctx, w.kase, "LEGAL", &w.need);
}

static int
step_case_need_met(void)
{
	tw_as(w.coord2, w.cc, ROLE_COORDINATOR);
	return plan_need_set(&tw.ctx, w.kase, w.need, "met");
}

static int
step_case_plan(void)
{
	struct plan_task t[] = { { "Opvang", "Een veilige plek" } };
	struct case_plan p;

	memset(&p, 0, sizeof(p));
	p.goals = "Veilig wonen en werk.";
	p.tasks.v = t;
	p.tasks.n = 1;
	p.review_on = "2099-01-01";
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return plan_set(&tw.ctx, w.kase, &p);
}

static int
step_case_note(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return timeline_note(&tw.ctx, w.kase, "Gebeld met de opvang.", NULL);
}

static int
step_case_person(void)
{
	struct signal_person p;

	memset(&p, 0, sizeof(p));
	p.kind = "suspect";
	p.name = "Ivan Petrov";
	p.birth_date = "1980-02-03";
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_person_add(&tw.ctx, w.kase, &p, NULL);
}

static int
step_case_direct(void)
{
	static const char *forms[] = { "criminal" };
	struct signal_person p[1];
	struct case_in in;

	memset(&in, 0, sizeof(in));
	memset(p, 0, sizeof(p));
	in.type = "trafficking";
	in.forms.v = forms;
	in.forms.n = 1;
	in.municipality = "GM0363";
	in.source = "police";
	in.summary = "Aangetroffen bij een controle.";
	p[0].kind = "victim";
	p[0].name = "Ivan Petrov";
	p[0].birth_date = "1980-02-03";
	in.persons.v = p;
	in.persons.n = 1;
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_open(&tw.ctx, &in, &w.kase2);
}

static int
step_case_close(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_set_status(&tw.ctx, w.kase2, "closed", "lost_contact",
	    NULL);
}

static int
step_case_reopen(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_set_status(&tw.ctx, w.kase2, "reopened", NULL,
	    "Weer in beeld.");
}

/* Retention: a case closed and purged (its victim is on w.kase too),
 * the period set, and a person's export. */

static int
step_case_for_purge(void)
{
	static const char *forms[] = { "labour" };
	struct signal_person p[1];
	struct case_in in;

	memset(&in, 0, sizeof(in));
	memset(p, 0, sizeof(p));
	in.type = "trafficking";
	in.forms.v = forms;
	in.forms.n = 1;
	in.municipality = "GM0363";
	in.source = "self";
	in.summary = "Meldde zich zelf.";
	p[0].kind = "victim";
	p[0].name = "Ivan Petrov";
	p[0].birth_date = "1980-02-03";
	in.persons.v = p;
	in.persons.n = 1;
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_open(&tw.ctx, &in, &w.kase3);
}

static int
step_note_for_purge(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return timeline_note(&tw.ctx, w.kase3, "Wil terug naar huis.", NULL);
}

static int
step_close_for_purge(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_set_status(&tw.ctx, w.kase3, "closed",
	    "returned_voluntarily", NULL);
}

static int
step_purge(void)
{
	bool done;

	tw_as(0, 0, ROLE_NONE);
	if (retention_purge_case(&tw.ctx, w.kase3, time_now(), &done) == -1)
		return -1;
	return done ? 0 : fail(&tw.ctx, ST_INTERNAL, "not purged");
}

static int
step_retention_years(void)
{
	tw_as(0, 0, ROLE_NONE);
	return retention_set_years(&tw.ctx, 30);
}

static int
step_export_person(void)
{
	struct subject_query q;

	memset(&q, 0, sizeof(q));
	q.name = "Ivan Petrov";
	q.birth_date = "1980-02-03";
	tw_as(0, 0, ROLE_NONE);
	return subject_export(&tw.ctx, &q) != NULL ? 0 : -1;
}

/* Identification: submitted, read, decided twice; another withdrawn. */

static int
step_ident_submit(void)
{
	static const char *parts[] = { "summary", "persons" },
	    *sources[] = { "care_observation" };
	struct ident_in in;

	memset(&in, 0, sizeof(in));
	in.committee_org_id = w.committee;
	in.parts.v = parts;
	in.parts.n = 2;
	in.sources.v = sources;
	in.sources.n = 1;
	in.note = "Zij vertelde over schulden bij de werkgever.";
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return ident_submit(&tw.ctx, w.kase, &in, &w.aid);
}

static int
step_ident_read(void)
{
	tw_as(w.assessor, w.committee, ROLE_ASSESSOR);
	return ident_get(&tw.ctx, w.aid) != NULL ? 0 : -1;
}

static int
step_ident_first(void)
{
	tw_as(w.assessor, w.committee, ROLE_ASSESSOR);
	return ident_decide(&tw.ctx, w.aid, "first", "plausible",
	    "Het verhaal is consistent.");
}

static int
step_ident_final(void)
{
	tw_as(w.assessor, w.committee, ROLE_ASSESSOR);
	return ident_decide(&tw.ctx, w.aid, "final", "identified",
	    "Na gesprekken met de opvang.");
}

static int
step_ident_submit_again(void)
{
	struct ident_in in;

	memset(&in, 0, sizeof(in));
	in.committee_org_id = w.committee;
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return ident_submit(&tw.ctx, w.kase2, &in, &w.aid2);
}

static int
step_ident_withdraw(void)
{
	tw_as(w.coord2, w.cc, ROLE_COORDINATOR);
	return ident_withdraw(&tw.ctx, w.kase2, w.aid2, "Eerst zelf praten.");
}

static int
step_rule_calendar(void)
{
	tw_as(w.admin, w.point, ROLE_ADMIN);
	return rule_set_calendar(&tw.ctx, 11, 60);
}

/* Turning 18: a case with a victim of 17, and their transition plan. */
static int
step_adult_case(void)
{
	struct signal_person p[1];
	struct case_in in;

	memset(&in, 0, sizeof(in));
	memset(p, 0, sizeof(p));
	in.type = "serious_disadvantage";
	in.municipality = "GM0363";
	in.source = "self";
	p[0].kind = "victim";
	p[0].name = "Sara Lind";
	p[0].birth_date = date_format(tw.arena,
	    deadline_local_day(time_now()) - 17 * 365 - 100);
	in.persons.v = p;
	in.persons.n = 1;
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_open(&tw.ctx, &in, &w.kase4);
}

static int
step_adult_plan(void)
{
	static const char *what[] = { "continued_youth_care", "wmo" };
	struct adult_plan_in in;
	struct store_rows *r;

	memset(&in, 0, sizeof(in));
	in.continues.v = what;
	in.continues.n = 2;
	in.youth_care_from = "2024-01-10";
	in.payer = "other";
	in.payer_text = "Stichting Vooruit";
	in.same_professional = true;
	in.professional = "Karin de Wit";
	in.notes = "Blijft bij dezelfde begeleider.";
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	if (store_exec(&tw.ctx, Q_ADULT_OF_CASE, ARGS(store_int(w.kase4)),
	    &r) == -1)
		return -1;
	assert_int_equal(r->nrows, 1);
	return adulthood_plan_set(&tw.ctx, w.kase4, rows_int(r, 0, 1), &in);
}

static int
step_adult_due(void)
{
	struct due_list l;

	memset(&l, 0, sizeof(l));
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return adulthood_due(&tw.ctx, w.cc, time_now() + 400 * 86400, &l);
}

static int
step_adult_counts(void)
{
	struct adult_count *c;
	size_t n;

	return adulthood_counts(&tw.ctx, 2000 * 12, 2100 * 12, &c, &n);
}

/* The tracks beside the care. */

static int
track_step(enum track_kind k, const char *state, const char *on,
    const char *reason, const char *ground, const char *note)
{
	struct track_in in = { state, on, reason, ground, note };

	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return track_set(&tw.ctx, w.kase, k, &in);
}

static int
step_track_report(void)
{
	return track_step(TRACK_CRIMINAL, "report_filed", "2024-03-01", NULL,
	    NULL, "Aangifte bij de politie.");
}

static int
step_track_reflection(void)
{
	return track_step(TRACK_RESIDENCE, "reflection", "2024-03-01", NULL,
	    NULL, NULL);
}

static int
step_track_reflection_end(void)
{
	return track_step(TRACK_RESIDENCE, "reflection_ended", "2024-03-20",
	    "report", NULL, "Aanvraag volgt.");
}

static int
step_track_exempt(void)
{
	return track_step(TRACK_RESIDENCE, "exempt", "2024-04-02", NULL,
	    "serious_threat", NULL);
}

static int
step_track_read(void)
{
	struct track_history crim, res;

	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	if (track_of_case(&tw.ctx, w.kase, &crim, &res) == -1)
		return -1;
	return crim.n == 1 && res.n == 3 ? 0 : -1;
}

static int
step_track_due(void)
{
	struct track_due *d;
	size_t n;

	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return track_due_list(&tw.ctx, &d, &n);
}

/* Transfers: asked, declined, asked, cancelled, asked and accepted. */

static int
step_transfer_request(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return transfer_request(&tw.ctx, w.kase, "GM0599", "Verhuisd naar "
	    "haar zus.", NULL);
}

static int
step_transfer_read(void)
{
	tw_as(w.coord3, w.cc2, ROLE_COORDINATOR);
	return case_get(&tw.ctx, w.kase) != NULL ? 0 : -1;
}

static int
step_transfer_decline(void)
{
	tw_as(w.coord3, w.cc2, ROLE_COORDINATOR);
	return transfer_decline(&tw.ctx, w.kase, "Woont in Schiedam.");
}

static int
step_transfer_cancel(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return transfer_cancel(&tw.ctx, w.kase);
}

static int
step_transfer_accept(void)
{
	tw_as(w.coord3, w.cc2, ROLE_COORDINATOR);
	return transfer_accept(&tw.ctx, w.kase);
}

/* Referrals: a need of the direct case referred to the shelter and
 * taken through its life; declined, withdrawn, consent withdrawn; an
 * escalation to the expert team, answered. */

static int
step_ref_need(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return plan_need_add(&tw.ctx, w.kase2, "LANG", &w.rneed);
}

static int
step_refer(void)
{
	static const char *shares[] = { "persons", "safety" };
	struct referral_in in;

	memset(&in, 0, sizeof(in));
	in.need = w.rneed;
	in.provider = w.shelter;
	in.s.shares.v = shares;
	in.s.shares.n = 2;
	in.s.basis = "consent";
	in.s.consent_on = "2026-01-02";
	in.s.safety = "Niet thuis bellen.";
	in.message = "Graag een taalcursus.";
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return referral_send(&tw.ctx, w.kase2, &in, &w.ref);
}

static int
step_ref_read(void)
{
	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	return referral_get(&tw.ctx, w.ref) != NULL ? 0 : -1;
}

static int
step_ref_accept(void)
{
	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	return referral_accept(&tw.ctx, w.ref);
}

static int
step_ref_start(void)
{
	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	return referral_start(&tw.ctx, w.ref);
}

static int
step_ref_note(void)
{
	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	return referral_note(&tw.ctx, w.ref, "Eerste les gehad.", NULL);
}

static int
step_ref_end(void)
{
	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	return referral_end(&tw.ctx, w.ref, "other", "Verhuisd.");
}

static int
step_ref_decline(void)
{
	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	return referral_decline(&tw.ctx, w.ref, "other", "Vol.");
}

static int
step_ref_withdraw(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return referral_withdraw(&tw.ctx, w.kase2, w.ref);
}

static int
step_ref_consent(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return referral_consent_withdrawn(&tw.ctx, w.kase2, 0, NULL);
}

static int
step_ref_of_case(void)
{
	struct referral *f;
	struct need_uptake *u;
	size_t n, nu;

	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return referral_of_case(&tw.ctx, w.kase2, &f, &n, &u, &nu);
}

static int
step_escalate(void)
{
	static const char *shares[] = { "needs", "summary" };
	struct escalation_in in;

	memset(&in, 0, sizeof(in));
	in.ground = "complex_minor";
	in.summary = "Veel tegelijk.";
	in.s.shares.v = shares;
	in.s.shares.n = 2;
	in.s.basis = "legal";
	in.s.legal_basis = "youth_act";
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return escalation_send(&tw.ctx, w.kase2, &in, &w.esc);
}

static int
step_esc_read(void)
{
	tw_as(w.teamer, w.team, ROLE_PROVIDER);
	return escalation_get(&tw.ctx, w.esc) != NULL ? 0 : -1;
}

static int
step_esc_answer(void)
{
	tw_as(w.teamer, w.team, ROLE_PROVIDER);
	return escalation_answer(&tw.ctx, w.esc, "advice", "Eerst wonen.");
}

static int
step_former_read(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_get(&tw.ctx, w.kase) != NULL ? 0 : -1;
}

/* Providers: the shelter sets its offer and capacity; the case team
 * searches the fitting providers of a need. */

static int
step_provider_offer(void)
{
	static const char *care[] = { "LEGAL", "SAFE-SHELTER" },
	    *munis[] = { "GM0599" }, *groups[] = { "lvb" },
	    *langs[] = { "nl", "ro" };
	struct provider_in in;

	memset(&in, 0, sizeof(in));
	in.care_types.v = care;
	in.care_types.n = 2;
	in.municipalities.v = munis;
	in.municipalities.n = 1;
	in.target_groups.v = groups;
	in.target_groups.n = 1;
	in.languages.v = langs;
	in.languages.n = 2;
	in.free_places = 2;
	in.waiting_weeks = 1;
	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	return provider_set(&tw.ctx, w.shelter, &in);
}

/* The registry of trained professionals: add, read, remove. */
static int
step_expertise_add(void)
{
	struct expertise_in in;

	memset(&in, 0, sizeof(in));
	in.name = "Femke Jansen";
	in.expertise = "minors";
	in.trained_on = "2024-02-01";
	in.until = "2026-02-01";
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return expertise_add(&tw.ctx, &in, &w.trained);
}

static int
step_expertise_read(void)
{
	struct expertise_entry *e;
	size_t n;

	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	if (expertise_list(&tw.ctx, 0, &e, &n) == -1)
		return -1;
	assert_int_equal(n, 1);
	assert_string_equal(e[0].name, "Femke Jansen");
	return 0;
}

static int
step_expertise_remove(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return expertise_remove(&tw.ctx, w.trained);
}

static int
step_provider_capacity(void)
{
	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	return provider_capacity(&tw.ctx, 0, 3);
}

static int
step_provider_read(void)
{
	struct provider p;

	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	return provider_mine(&tw.ctx, &p);
}

static int
step_provider_fit(void)
{
	struct provider_person who;
	struct provider_fit *f;
	size_t n;

	tw_as(w.coord3, w.cc2, ROLE_COORDINATOR);
	if (provider_fit(&tw.ctx, w.kase, w.need, &f, &n, &who) == -1)
		return -1;
	return n == 1 ? 0 : fail(&tw.ctx, ST_INTERNAL, "%zu fit", n);
}

/* Emergency reads: Rotterdam reads a case of Amsterdam. */

static int
step_emergency(void)
{
	int64_t until;

	tw_as(w.coord3, w.cc2, ROLE_COORDINATOR);
	return emergency_request(&tw.ctx, w.kase2, "Staat aan de balie.",
	    &until);
}

static int
step_emergency_read(void)
{
	tw_as(w.coord3, w.cc2, ROLE_COORDINATOR);
	return case_get(&tw.ctx, w.kase2) != NULL ? 0 : -1;
}

static int
step_trail(void)
{
	struct trail_entry *t;
	size_t n;

	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return emergency_trail(&tw.ctx, w.kase2, NULL, false, &t, &n);
}

static int
step_emergency_list(void)
{
	struct emergency_read *e;
	size_t n;

	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return emergency_of_org(&tw.ctx, &e, &n);
}

static int
step_emergency_review(void)
{
	struct emergency_read *e;
	size_t n;

	tw_as(w.admin, w.point, ROLE_ADMIN);
	return emergency_review(&tw.ctx, &e, &n);
}

/* Placements: a case of a minor, a closed placement on it. */

/* Today plus days, as the API would send it. */
static const char *
day_from_today(int days)
{
	return date_format(tw.arena, deadline_local_day(time_now()) + days);
}

static int
step_placement_case(void)
{
	static const char *forms[] = { "sexual" };
	struct signal_person p[1];
	struct case_in in;

	memset(&in, 0, sizeof(in));
	memset(p, 0, sizeof(p));
	in.type = "trafficking";
	in.forms.v = forms;
	in.forms.n = 1;
	in.municipality = "GM0363";
	in.source = "police";
	p[0].kind = "victim";
	p[0].name = "Sanne Visser";
	p[0].birth_date = day_from_today(-15 * 365);
	in.persons.v = p;
	in.persons.n = 1;
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return case_open(&tw.ctx, &in, &w.pcase);
}

static int
step_placement_record(void)
{
	struct placement_alt alt[] = { { "foster_care",
	    "Geen pleeggezin dat haar veilig kan houden." } };
	struct placement_in in;
	struct case_person *cp;
	size_t n;
	bool bad = false;

	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	if (person_of_case(&tw.ctx, w.pcase, &cp, &n, &bad) == -1)
		return -1;
	assert_int_equal(n, 1);
	w.pperson = cp[0].id;
	memset(&in, 0, sizeof(in));
	in.person_id = w.pperson;
	in.type = "closed_youth_care";
	in.from = day_from_today(-10);
	in.provider_org_id = w.shelter;
	in.authorisation_kind = "emergency";
	in.decided_on = day_from_today(-10);
	in.valid_from = day_from_today(-10);
	in.valid_until = day_from_today(17);
	in.alternatives.v = alt;
	in.alternatives.n = 1;
	return placement_record(&tw.ctx, w.pcase, &in, &w.placement);
}

static int
step_placement_read(void)
{
	struct placement *p;
	size_t n;
	bool work;

	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return placement_of_case(&tw.ctx, w.pcase, &p, &n, &work);
}

static int
step_placement_change(void)
{
	struct placement_change in = { NULL, NULL, 0 };

	in.review_on = day_from_today(5);
	in.provider_org_id = w.shelter;
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return placement_change(&tw.ctx, w.pcase, w.placement, &in);
}

static int
step_placement_renew(void)
{
	struct placement_auth_in in;

	in.authorisation_kind = "authorisation";
	in.decided_on = day_from_today(0);
	in.valid_from = day_from_today(18);
	in.valid_until = day_from_today(18 + 300);
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return placement_renew(&tw.ctx, w.pcase, w.placement, &in);
}

static int
step_placement_due(void)
{
	struct due_list l = { NULL, 0, 0 };

	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	if (placement_due(&tw.ctx, w.cc, time_now() + 30 * 86400, &l) == -1)
		return -1;
	/* The review in five days; the renewed authorisation ends in 318
	 * and warns four weeks before. */
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].kind, "placement_review");
	assert_string_equal(l.v[0].detail, "closed_youth_care");
	assert_int_equal(l.v[0].ref_id, w.placement);
	assert_int_equal(l.v[0].case_id, w.pcase);
	l.n = 0;
	if (placement_due(&tw.ctx, w.cc, time_now() + 300 * 86400, &l) == -1)
		return -1;
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[1].kind, "authorisation_end");
	assert_string_equal(l.v[1].detail, "authorisation");
	l.n = 0;
	if (placement_due(&tw.ctx, w.cc, time_now() + 86400, &l) == -1)
		return -1;
	assert_int_equal(l.n, 0);		/* nothing yet tomorrow */
	return 0;
}

static int
step_placement_provider(void)
{
	struct placement_line *l;
	size_t n;

	tw_as(w.provider, w.shelter, ROLE_PROVIDER);
	if (placement_of_provider(&tw.ctx, &l, &n) == -1)
		return -1;
	assert_int_equal(n, 1);
	return 0;
}

static int
step_placement_end(void)
{
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	return placement_end(&tw.ctx, w.pcase, w.placement, day_from_today(0),
	    "completed");
}

/* Runs step with its n-th statement failing and checks that the
 * failure changed nothing; false when step ran without reaching it. */
static bool
fault_at(const char *name, int (*step)(void), long n)
{
	struct store_counts before, after;
	int64_t count, bad;
	size_t i;
	int rc;

	tw_fresh();
	assert_int_equal(store_counts(&tw.ctx, &before), 0);
	tw_fresh();
	store_fault_arm(n);
	rc = step();
	store_fault_arm(0);
	if (!store_fault_fired()) {
		if (rc != 0)
			fail_msg("%s: %s without a fault", name,
			    tw.ctx.message);
		tw_fresh();
		return false;
	}
	w.runs++;
	if (rc != -1)
		fail_msg("%s: statement %ld failed, the step went on as if not",
		    name, n);
	assert_int_not_equal(tw.ctx.status, ST_OK);
	assert_non_null(tw.ctx.message);
	tw_fresh();
	assert_int_equal(store_counts(&tw.ctx, &after), 0);
	for (i = 0; i < STORE_COPY_TABLES; i++)
		if (before.n[i] != after.n[i])
			fail_msg("%s: statement %ld failed, yet %s went from "
			    "%lld to %lld rows", name, n, store_copy_tables[i],
			    (long long)before.n[i], (long long)after.n[i]);
	tw_fresh();
	if (audit_verify(&tw.ctx, &count, &bad) != 0)
		fail_msg("%s: statement %ld failed and the audit chain breaks "
		    "at %lld", name, n, (long long)bad);
	return true;
}

/* Runs step with the n-th statement failing for n = 1, 2, ... and
 * checks each failure; returns how many statements it took. */
static long
sweep(const char *name, int (*step)(void))
{
	long n;

	for (n = 1; n <= MAX_STATEMENTS; n++)
		if (!fault_at(name, step, n))
			return n - 1;
	fail_msg("%s: more than %d statements", name, MAX_STATEMENTS);
	return -1;
}

/*
 * A step of thousands of statements (an insight result writes a row per
 * area and table) is made to fail at statements 1, 2, 3, 5, 8, 13, ...
 * until it runs through; returns how many places were tried.
 */
static long
sweep_sampled(const char *name, int (*step)(void))
{
	long a = 1, b = 2, t, tried = 0;

	while (fault_at(name, step, a)) {
		tried++;
		t = a + b;
		a = b;
		b = t;
	}
	return tried;
}

/* Local insight: a rapporteur's view of the country last year computes
 * the protected results of six years and logs the release, in one
 * write. */
static int
step_insight(void)
{
	struct area_model m;
	struct insight_view v;

	tw_as(w.admin, w.point, ROLE_RAPPORTEUR);
	if (area_load(&tw.ctx, &m) == -1)
		return -1;
	return insight_view(&tw.ctx, &m, &m.v[0], facts_year(time_now()) - 1,
	    false, "nl", "dashboard", NULL, &v);
}

/* Care contracts: the municipality registers, changes and ends one,
 * and reads the gap report of its region (computed once, logged). */
static struct contract_in contract_in = { 0, "SAFE-SHELTER", 12, "places",
    0, "2025-01-01", "2026-12-31" };

static int
step_contract_create(void)
{
	tw_as(w.policy, w.city, ROLE_POLICY);
	contract_in.provider_org = w.shelter;
	contract_in.region_id = w.zc;
	return contract_create(&tw.ctx, &contract_in, &w.contract);
}

static int
step_contract_update(void)
{
	tw_as(w.policy, w.city, ROLE_POLICY);
	contract_in.capacity = 14;
	return contract_update(&tw.ctx, w.contract, &contract_in);
}

static int
step_contract_end(void)
{
	tw_as(w.policy, w.city, ROLE_POLICY);
	return contract_end(&tw.ctx, w.contract, "2026-06-30");
}

static int
step_gap(void)
{
	struct gap_report g;

	tw_as(w.policy, w.city, ROLE_POLICY);
	return gap_report(&tw.ctx, arena_printf(tw.ctx.arena, "%lld",
	    (long long)w.zc), NULL, "nl", "gap", &g);
}

/* An admin sets an account's real name (sealed) and work phone. */
static int
step_user_contact(void)
{
	tw_as(w.admin, w.point, ROLE_ADMIN);
	return user_set_contact(&tw.ctx, w.advisor, "Sanne de Wit",
	    "020 555 01 02");
}

static void
test_every_failure_changes_nothing(void **state)
{
	static const struct {
		const char	*name;
		int		(*step)(void);
	} steps[] = {
		{ "file", step_file },
		{ "file a match", step_file_matching },
		{ "read", step_read },
		{ "claim", step_claim },
		{ "give an address", step_email },
		{ "ask", step_ask },
		{ "answer", step_answer },
		{ "decide", step_decide },
		{ "ask advice", step_advice_ask },
		{ "answer advice", step_advice_answer },
		{ "advice to signal", step_advice_signal },
		{ "ask advice again", step_advice_ask_again },
		{ "point makes signal", step_point_signal },
		{ "public form", step_public },
		{ "change a deadline", step_rule },
		{ "refused at the daily limit", step_refused },
		{ "name the fallback point", step_fallback },
		{ "file outside every region", step_file_outside },
		{ "a new region takes over", step_region_takes_over },
		{ "file outside again", step_file_outside_again },
		{ "change a region", step_region_update },
		{ "file for a case", step_file_for_case },
		{ "claim for a case", step_claim_for_case },
		{ "open a case", step_open_case },
		{ "read a case", step_case_read },
		{ "accept a case", step_case_accept },
		{ "put into care", step_case_in_care },
		{ "change the type", step_case_type },
		{ "assign a colleague", step_case_member },
		{ "add a need", step_case_need },
		{ "mark a need met", step_case_need_met },
		{ "set the care plan", step_case_plan },
		{ "write a note", step_case_note },
		{ "add a person", step_case_person },
		{ "open a case directly", step_case_direct },
		{ "close a case", step_case_close },
		{ "reopen a case", step_case_reopen },
		{ "open a case to purge", step_case_for_purge },
		{ "note on it", step_note_for_purge },
		{ "close it", step_close_for_purge },
		{ "purge it", step_purge },
		{ "set the retention", step_retention_years },
		{ "export a person", step_export_person },
		{ "submit for identification", step_ident_submit },
		{ "read an assessment", step_ident_read },
		{ "first decision", step_ident_first },
		{ "final decision", step_ident_final },
		{ "submit again", step_ident_submit_again },
		{ "withdraw an assessment", step_ident_withdraw },
		{ "change a calendar rule", step_rule_calendar },
		{ "record a report", step_track_report },
		{ "start a reflection period", step_track_reflection },
		{ "end a reflection period", step_track_reflection_end },
		{ "exempt from cooperating", step_track_exempt },
		{ "read the tracks", step_track_read },
		{ "list residence deadlines", step_track_due },
		{ "ask a transfer", step_transfer_request },
		{ "read as receiving", step_transfer_read },
		{ "decline a transfer", step_transfer_decline },
		{ "ask it again", step_transfer_request },
		{ "cancel a transfer", step_transfer_cancel },
		{ "ask it once more", step_transfer_request },
		{ "accept a transfer", step_transfer_accept },
		{ "read as former", step_former_read },
		{ "set a provider's offer", step_provider_offer },
		{ "update its capacity", step_provider_capacity },
		{ "read its profile", step_provider_read },
		{ "find fitting providers", step_provider_fit },
		{ "break the glass", step_emergency },
		{ "emergency read", step_emergency_read },
		{ "who accessed", step_trail },
		{ "emergency start list", step_emergency_list },
		{ "review emergencies", step_emergency_review },
		{ "add a need to refer", step_ref_need },
		{ "refer a need", step_refer },
		{ "read a referral", step_ref_read },
		{ "accept a referral", step_ref_accept },
		{ "start a referral", step_ref_start },
		{ "note on a referral", step_ref_note },
		{ "end a referral", step_ref_end },
		{ "refer it again", step_refer },
		{ "decline a referral", step_ref_decline },
		{ "refer it once more", step_refer },
		{ "withdraw a referral", step_ref_withdraw },
		{ "refer it a fourth time", step_refer },
		{ "consent withdrawn", step_ref_consent },
		{ "the case's referrals", step_ref_of_case },
		{ "escalate", step_escalate },
		{ "sweep: a late referral and escalation",
		    step_deadline_sweep },
		{ "read an escalation", step_esc_read },
		{ "answer an escalation", step_esc_answer },
		{ "open a case for a placement", step_placement_case },
		{ "record a closed placement", step_placement_record },
		{ "read the placements", step_placement_read },
		{ "change a placement", step_placement_change },
		{ "renew an authorisation", step_placement_renew },
		{ "sweep: a placement's review and authorisation",
		    step_deadline_sweep },
		{ "placement deadlines", step_placement_due },
		{ "placements at a provider", step_placement_provider },
		{ "end a placement", step_placement_end },
		{ "open a minor's case", step_adult_case },
		{ "set a transition plan", step_adult_plan },
		{ "change it", step_adult_plan },
		{ "list transitions due", step_adult_due },
		{ "count who turned 18", step_adult_counts },
		{ "record trained staff", step_expertise_add },
		{ "read the registry", step_expertise_read },
		{ "remove from it", step_expertise_remove },
		{ "register a contract", step_contract_create },
		{ "change a contract", step_contract_update },
		{ "end a contract", step_contract_end },
		{ "read the gap report", step_gap },
		{ "set a user's contact", step_user_contact },
		{ "sweep passed deadlines", step_deadline_sweep },
	};
	struct care_case *c;
	struct signal *s;
	size_t i;
	long took;

	(void)state;
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		took = sweep(steps[i].name, steps[i].step);
		/* A step that reaches the store at all was swept. */
		assert_true(took > 0);
		print_message("%-22s %3ld statements, each made to fail\n",
		    steps[i].name, took);
	}
	assert_true(w.runs > 50);
	took = sweep_sampled("see local insight", step_insight);
	assert_true(took > 10);
	print_message("%-22s %3ld places made to fail\n", "see local insight",
	    took);
	/* And the steps did what they do, once each. */
	tw_as(w.advisor, w.point, ROLE_ADVISOR);
	s = signal_get(&tw.ctx, w.sig);
	assert_non_null(s);
	assert_string_equal(s->status, "taken_up");
	assert_int_equal(s->nconcerns, 1);
	assert_int_equal(s->nquestions, 1);
	assert_string_equal(s->questions[0].answer, "Sinds september.");
	s = signal_get(&tw.ctx, w.sig3);
	assert_non_null(s);
	assert_non_null(s->origin);
	assert_int_equal(s->origin->id, w.adv);
	s = signal_get(&tw.ctx, w.sig4);
	assert_non_null(s);
	assert_string_equal(s->reporter, "leraar");
	assert_int_equal(s->origin->id, w.adv2);
	/* The signal that waited outside every region is the new region's,
	 * and the advisor of its point reads it. */
	s = signal_get(&tw.ctx, w.sig5);
	assert_non_null(s);
	assert_true(s->region_id > 0);
	/* The case: accepted, in care, typed, staffed, planned, and then
	 * moved to Rotterdam, its colleague taken off; the suspect added
	 * to it is the victim of the case opened directly. */
	tw_fresh();
	tw_as(w.coord3, w.cc2, ROLE_COORDINATOR);
	c = case_get(&tw.ctx, w.kase);
	assert_non_null(c);
	assert_int_equal(c->rel, CASE_REL_TEAM);
	assert_int_equal(c->h.org_id, w.cc2);
	assert_int_equal(c->h.coordinator_id, w.coord3);
	assert_string_equal(c->h.municipality, "GM0599");
	assert_string_equal(c->h.status, "in_care");
	assert_string_equal(c->h.forms, "labour,criminal");
	assert_int_equal(c->nmembers, 0);
	assert_int_equal(c->nneeds, 2);
	assert_non_null(c->plan);
	assert_int_equal(c->npersons, 3);
	assert_int_equal(c->nelsewhere, 1);
	/* Ten case steps, three of identification, four of the tracks and
	 * seven of the transfers. */
	assert_int_equal(c->nevents, 24);
	assert_null(c->transfer);
	/* Amsterdam keeps what it wrote: nine case steps, one submission,
	 * four track steps, three transfer requests and a cancellation. */
	tw_fresh();
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	c = case_get(&tw.ctx, w.kase);
	assert_non_null(c);
	assert_int_equal(c->rel, CASE_REL_FORMER);
	assert_int_equal(c->npersons, 0);
	assert_null(c->plan);
	assert_null(c->summary);
	assert_int_equal(c->nevents, 18);
	tw_fresh();
	c = case_get(&tw.ctx, w.kase2);
	assert_non_null(c);
	assert_string_equal(c->h.status, "in_care");
	tw_fresh();
	/* Purged once; Ivan, on w.kase too, keeps his name there. */
	c = case_get(&tw.ctx, w.kase3);
	assert_non_null(c);
	assert_true(c->h.purged_at > 0);
	assert_null(c->summary);
	assert_null(c->persons[0].p.name);
	assert_string_equal(c->events[c->nevents - 1].kind, "purged");
	assert_null(c->events[c->nevents - 2].text);
	tw_fresh();
	tw_as(w.coord3, w.cc2, ROLE_COORDINATOR);
	c = case_get(&tw.ctx, w.kase);
	assert_non_null(c);
	assert_string_equal(c->persons[2].p.name, "Ivan Petrov");
	/* The assessment decided twice, the other withdrawn. */
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	{
		struct ident *a;
		size_t n;
		bool bad = false;

		assert_int_equal(ident_of_case(&tw.ctx, w.kase, &a, &n, &bad),
		    0);
		assert_int_equal(n, 1);
		assert_string_equal(a[0].status, "final_decided");
		assert_string_equal(a[0].first.reasons,
		    "Het verhaal is consistent.");
		tw_fresh();
		assert_int_equal(ident_of_case(&tw.ctx, w.kase2, &a, &n, &bad),
		    0);
		assert_int_equal(n, 1);
		assert_string_equal(a[0].status, "withdrawn");
		assert_false(bad);
	}
	tw_fresh();
	tw_as(w.coord3, w.cc2, ROLE_COORDINATOR);
	c = case_get(&tw.ctx, w.kase2);
	assert_non_null(c);
	assert_int_equal(c->rel, CASE_REL_GLASS);
	assert_true(c->glass > 0);
	/* The minor's plan, recorded once and changed once. */
	tw_fresh();
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	c = case_get(&tw.ctx, w.kase4);
	assert_non_null(c);
	assert_int_equal(c->nadults, 1);
	assert_true(c->adults[0].has_plan);
	assert_string_equal(c->adults[0].plan.professional, "Karin de Wit");
	assert_true(c->adults[0].plan.before_18);
	{
		size_t k, nt = 0;

		for (k = 0; k < c->nevents; k++)
			if (strcmp(c->events[k].kind, "transition") == 0)
				nt++;
		assert_int_equal(nt, 2);
	}
	tw_fresh();
	/* Four referrals: ended, declined, withdrawn, and the last with
	 * its sharing ended; the escalation answered. */
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	{
		struct referral *f;
		struct need_uptake *u;
		struct escalation *e;
		size_t n, nu;

		assert_int_equal(referral_of_case(&tw.ctx, w.kase2, &f, &n, &u,
		    &nu), 0);
		assert_int_equal(n, 4);
		assert_string_equal(f[0].status, "ended");
		assert_int_equal(f[0].nnotes, 1);
		assert_string_equal(f[0].outcome_text, "Verhuisd.");
		assert_string_equal(f[1].status, "declined");
		assert_string_equal(f[2].status, "withdrawn");
		assert_string_equal(f[3].status, "sent");
		assert_string_equal(f[3].sharing_end, "consent_withdrawn");
		assert_int_equal(escalation_of_case(&tw.ctx, w.kase2, &e, &n),
		    0);
		assert_int_equal(n, 1);
		assert_string_equal(e[0].answer, "Eerst wonen.");
	}
	tw_fresh();
	/* The placement: recorded, changed, renewed and ended, once each,
	 * on the timeline four times. */
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	{
		struct placement *p;
		size_t n, k, events = 0;
		bool work;

		assert_int_equal(placement_of_case(&tw.ctx, w.pcase, &p, &n,
		    &work), 0);
		assert_int_equal(n, 1);
		assert_string_equal(p[0].status, "ended");
		assert_string_equal(p[0].end_reason, "completed");
		assert_int_equal(p[0].nauths, 2);
		assert_int_equal(p[0].nalts, 1);
		assert_string_equal(p[0].alts[0].why,
		    "Geen pleeggezin dat haar veilig kan houden.");
		assert_int_equal(p[0].review_on,
		    deadline_local_day(time_now()) + 5);
		tw_fresh();
		c = case_get(&tw.ctx, w.pcase);
		assert_non_null(c);
		for (k = 0; k < c->nevents; k++)
			if (strncmp(c->events[k].kind, "placement_", 10) == 0)
				events++;
		assert_int_equal(events, 4);
	}
	tw_fresh();
}

/*
 * Care never waits: with a case in every state of the criminal-case
 * track and of the residence track, every care action gets through,
 * and not one statement it runs so much as reads a track.
 */
static const enum query track_queries[] = { Q_TRACK_LAST, Q_TRACK_INSERT,
    Q_TRACK_OF_CASE, Q_TRACK_DUE, Q_COPY_TRACK_ALL, Q_COPY_TRACK_INSERT };

static void
care_everything(const char *where, size_t n)
{
	static const char *forms[] = { "labour" };
	struct json_strlist l = { forms, 1 }, none = { NULL, 0 };
	struct plan_task t[] = { { "Opvang", "Een plek" } };
	const struct help_need *needs;
	struct signal_person p;
	struct case_plan plan;
	bool seen[Q__COUNT];
	size_t i, k, nneeds;
	int64_t need;

	/* The n-th need of the catalogue the signal did not bring. */
	needs = catalog_help_needs(&nneeds);
	for (i = 0, k = n; i < nneeds; i++)
		if (strcmp(needs[i].id, "SAFE-PLAN") != 0 && k-- == 0)
			break;
	assert_true(i < nneeds);
	memset(seen, 0, sizeof(seen));
	memset(&p, 0, sizeof(p));
	p.kind = "other";
	p.name = "Getuige";
	memset(&plan, 0, sizeof(plan));
	plan.goals = "Veilig wonen.";
	plan.tasks.v = t;
	plan.tasks.n = 1;
	plan.review_on = "2099-01-01";
	tw_as(w.coord, w.cc, ROLE_COORDINATOR);
	tw_fresh();
	store_trace(seen);
#define CARE(what, call) do {						\
	if ((call) != 0)						\
		fail_msg("%s refused in %s: %s", what, where,		\
		    tw.ctx.message);					\
	tw_fresh();							\
} while (0)
	CARE("read", case_get(&tw.ctx, w.kase) != NULL ? 0 : -1);
	if (n == 0) {
		CARE("accept", case_accept(&tw.ctx, w.kase));
		CARE("in care", case_set_status(&tw.ctx, w.kase, "in_care",
		    NULL, NULL));
	}
	CARE("close", case_set_status(&tw.ctx, w.kase, "closed", "other",
	    "Even dicht."));
	CARE("reopen", case_set_status(&tw.ctx, w.kase, "reopened", NULL,
	    "Weer open."));
	CARE("type", case_set_type(&tw.ctx, w.kase, "serious_disadvantage",
	    &none, NULL));
	CARE("type back", case_set_type(&tw.ctx, w.kase, "trafficking", &l,
	    NULL));
	CARE("need", plan_need_add(&tw.ctx, w.kase, needs[i].id, &need));
	CARE("need met", plan_need_set(&tw.ctx, w.kase, need, "met"));
	CARE("plan", plan_set(&tw.ctx, w.kase, &plan));
	CARE("note", timeline_note(&tw.ctx, w.kase, "Gebeld.", NULL));
	CARE("member", case_member_add(&tw.ctx, w.kase, w.coord2));
	CARE("member off", case_member_remove(&tw.ctx, w.kase, w.coord2));
	CARE("person", case_person_add(&tw.ctx, w.kase, &p, NULL));
#undef CARE
	store_trace(NULL);
	for (k = 0; k < sizeof(track_queries) / sizeof(track_queries[0]); k++)
		if (seen[track_queries[k]])
			fail_msg("a care action in %s ran %s", where,
			    query_name(track_queries[k]));
	assert_true(seen[Q_EVENT_INSERT]);	/* the trace does see */
}

static void
test_care_never_waits(void **state)
{
	static const char *const crim[] = { "informative_conversation",
	    "report_filed", "investigation", "dismissed", "investigation",
	    "prosecution", "acquittal", "prosecution", "conviction" };
	static const struct {
		const char	*state, *reason, *ground;
	} res[] = { { "reflection", NULL, NULL },
	    { "reflection_ended", "disappeared", NULL },
	    { "permit", NULL, NULL }, { "permit_renewed", NULL, NULL },
	    { "exempt", NULL, "medical_psychological" },
	    { "withdrawn", NULL, NULL }, { "asylum", NULL, NULL },
	    { "permit", NULL, NULL }, { "continued", NULL, NULL } };
	struct track_in in;
	const char *const *all;
	bool walked[16] = { false };
	size_t i, k, n = 0, ncrim = 0;
	int32_t day = 19800;		/* 2024-03-18 */
	char where[64];

	(void)state;
	assert_int_equal(step_file_for_case(), 0);
	assert_int_equal(step_claim_for_case(), 0);
	assert_int_equal(step_open_case(), 0);
	for (i = 0; i < sizeof(crim) / sizeof(crim[0]); i++) {
		memset(&in, 0, sizeof(in));
		in.state = crim[i];
		in.on = date_format(tw.arena, day += 3);
		tw_as(w.coord, w.cc, ROLE_COORDINATOR);
		if (track_set(&tw.ctx, w.kase, TRACK_CRIMINAL, &in) != 0)
			fail_msg("criminal %s: %s", crim[i], tw.ctx.message);
		snprintf(where, sizeof(where), "criminal %s", crim[i]);
		care_everything(where, n++);
		all = track_states(TRACK_CRIMINAL);
		for (k = 0; all[k] != NULL; k++)
			if (strcmp(all[k], crim[i]) == 0)
				walked[k] = true;
	}
	for (k = 0; all[k] != NULL; k++, ncrim++)
		if (!walked[k])
			fail_msg("criminal state %s not walked", all[k]);
	memset(walked, 0, sizeof(walked));
	for (i = 0; i < sizeof(res) / sizeof(res[0]); i++) {
		memset(&in, 0, sizeof(in));
		in.state = res[i].state;
		in.reason = res[i].reason;
		in.ground = res[i].ground;
		in.on = date_format(tw.arena, day += 3);
		tw_as(w.coord, w.cc, ROLE_COORDINATOR);
		if (track_set(&tw.ctx, w.kase, TRACK_RESIDENCE, &in) != 0)
			fail_msg("residence %s: %s", res[i].state,
			    tw.ctx.message);
		snprintf(where, sizeof(where), "residence %s",
		    res[i].state);
		care_everything(where, n++);
		all = track_states(TRACK_RESIDENCE);
		for (k = 0; all[k] != NULL; k++)
			if (strcmp(all[k], res[i].state) == 0)
				walked[k] = true;
	}
	for (k = 0; all[k] != NULL; k++)
		if (!walked[k])
			fail_msg("residence state %s not walked", all[k]);
	assert_int_equal(ncrim, 7);
	assert_int_equal(k, 8);
	tw_fresh();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_every_failure_changes_nothing, setup_sqlite, teardown),
		cmocka_unit_test_setup_teardown(
		    test_every_failure_changes_nothing, setup_pg, teardown),
		cmocka_unit_test_setup_teardown(test_care_never_waits,
		    setup_sqlite, teardown),
		cmocka_unit_test_setup_teardown(test_care_never_waits,
		    setup_pg, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * The demo's signals: a week as the two demo advice points live it.
 * Professionals of a dozen organisations in the Amsterdam and Rotterdam
 * regions report; the points triage what came in, so what is still open
 * is mostly within its deadline and only a few signals are late.  Older
 * signals are history: decided within their deadline, over 60 days.
 * Every name is marked (demo); the extra accounts have no password, so
 * nobody can log in to them: they only author the signals and triage.
 */
#include <string.h>

#include "cli/cli.h"
#include "cli/demo_signals.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/catalog.h"
#include "domain/deadline.h"
#include "domain/org.h"
#include "domain/signal.h"
#include "domain/user.h"

#define SIDE_AMSTERDAM	0
#define SIDE_ROTTERDAM	1
#define HOUR		3600
#define DAY		86400
/* Late signals each point leaves open: one acute, and this many more. */
static const int late_others[2] = { 2, 2 };

/* Who reports: organisations, each with one or two reporters. */
static const struct {
	const char	*name;
	const char	*type;
	const char	*municipality;
	int		 side;
	const char	*users[2];	/* user names; NULL: none */
	const char	*real_names[2];
} reporters[] = {
	{ "Huisartsen De Pijp (demo)", "other", "GM0363",
	    SIDE_AMSTERDAM, { "huisarts-depijp", NULL },
	    { "Marieke Schouten", NULL } },
	{ "Spoedeisende Hulp Stadsziekenhuis Amsterdam (demo)", "other",
	    "GM0363", SIDE_AMSTERDAM, { "seh-stadsziekenhuis",
	    "seh-stadsziekenhuis-2" }, { "Joost Verhoeven", "Hanna Kok" } },
	{ "Jeugdzorg Amsterdam-Oost (demo)", "other", "GM0363",
	    SIDE_AMSTERDAM, { "jeugdzorg-oost", "jeugdzorg-oost-2" },
	    { "Samira Benali", "Wouter Brink" } },
	{ "Wijkteam Amsterdam-Noord (demo)", "municipality", "GM0363",
	    SIDE_AMSTERDAM, { "wijkteam-noord", NULL },
	    { "Karin Vos", NULL } },
	{ "Politie Basisteam Centrum (demo)", "police", "GM0363",
	    SIDE_AMSTERDAM, { "basisteam-centrum", "basisteam-centrum-2" },
	    { "Rachid Amrani", "Lotte Huisman" } },
	{ "Vrouwenopvang Amstelland (demo)", "other", "GM0362",
	    SIDE_AMSTERDAM, { "vrouwenopvang-amstelland", NULL },
	    { "Ingrid Postma", NULL } },
	{ "Vakbondsloket Amsterdam (demo)", "other", "GM0363",
	    SIDE_AMSTERDAM, { "vakbondsloket-amsterdam", NULL },
	    { "Marek Zielinski", NULL } },
	{ "Lyceum Het Baken (demo)", "other", "GM0384",
	    SIDE_AMSTERDAM, { "het-baken", NULL },
	    { "Femke Wijnands", NULL } },
	{ "Huisartsen Delfshaven (demo)", "other", "GM0599",
	    SIDE_ROTTERDAM, { "huisarts-delfshaven", NULL },
	    { "Ahmed Bouzid", NULL } },
	{ "Spoedeisende Hulp Ziekenhuis Rijnmond-Zuid (demo)", "other",
	    "GM0599", SIDE_ROTTERDAM, { "seh-rijnmond-zuid", NULL },
	    { "Esther van Dam", NULL } },
	{ "Wijkteam Rotterdam-Zuid (demo)", "municipality", "GM0599",
	    SIDE_ROTTERDAM, { "wijkteam-zuid", "wijkteam-zuid-2" },
	    { "Priya Ramdin", "Gert Lammers" } },
	{ "Politie Basisteam Maashaven (demo)", "police", "GM0599",
	    SIDE_ROTTERDAM, { "basisteam-maashaven", NULL },
	    { "Dennis Kuipers", NULL } },
	{ "Jongerenloket Schiedam (demo)", "other", "GM0606",
	    SIDE_ROTTERDAM, { "jongerenloket-schiedam", NULL },
	    { "Nina Hoekstra", NULL } },
	{ "Vakbondsloket Rotterdam (demo)", "other", "GM0599",
	    SIDE_ROTTERDAM, { "vakbondsloket-rotterdam", NULL },
	    { "Olga Wiśniewska", NULL } },
};

#define NREPORTERS	(sizeof(reporters) / sizeof(reporters[0]))
#define MAX_ACCOUNTS	(2 * NREPORTERS)

/* The municipalities of each point's region (demo.c's demo_regions). */
static const char *const region_munis[2][5] = {
	{ "GM0363", "GM0362", "GM0384", "GM0437", "GM0358" },
	{ "GM0599", "GM0606", "GM0597", "GM0489", "GM0542" },
};

static const char *const first_names[] = { "Anna", "Mila", "Sara", "Noah",
    "Daan", "Lucas", "Ioana", "Andrei", "Maria", "Piotr", "Aylin", "Yusuf",
    "Grace", "Blessing", "Samuel", "Fatima", "Lina", "Mohammed", "Elena",
    "Tomasz", "Nadia", "Kevin", "Jasmijn", "Ruben" };
static const char *const last_names[] = { "de Vries", "Jansen", "Bakker",
    "Visser", "Popescu", "Ionescu", "Kowalski", "Nowak", "Yilmaz",
    "Okafor", "Mensah", "El Amrani", "Haddad", "Petrova", "Smit",
    "de Boer", "Mulder", "Bos" };
static const char *const worries[] = {
	"Leerling is vaak moe, heeft nieuwe dure spullen en wordt na school "
	    "opgehaald door een oudere man.",
	"Werknemers wonen met twaalf personen in een woning van de "
	    "werkgever; paspoorten liggen bij de uitzendbureau-eigenaar.",
	"Jongere vertelt over schulden bij 'vrienden' en moet pakketjes "
	    "rondbrengen.",
	"Vrouw komt met blauwe plekken op het spreekuur; een begeleider "
	    "spreekt steeds voor haar.",
	"Arbeidsmigrant werkt zeven dagen per week en houdt nauwelijks loon "
	    "over na inhoudingen voor huur en vervoer.",
	"Minderjarige wordt 's nachts gezien bij een hotel met wisselende "
	    "volwassenen.",
};

struct account {
	int64_t		 id, org;
	int		 side;
};

struct week {
	struct cli_env	*env;
	const struct demo_signal_ids *ids;
	struct account	 acc[MAX_ACCOUNTS];
	size_t		 nacc;
	int64_t		 triage[2], triage_org[2];	/* per point */
	int64_t		 now;				/* offset 0 */
	int		 late_acute[2], late_others[2];
	uint32_t	 seed;
};

/* Reproducible pseudo-random numbers: the demo is the same every time. */
static uint32_t
next(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 8) & 0xffffff;
}

static void
act_as(struct ctx *ctx, int64_t user, int64_t org, enum role role)
{
	ctx->who.user_id = user;
	ctx->who.org_id = org;
	ctx->who.role = role;
}

/* The moment at: the clock set to it for what follows. */
static void
at(const struct week *w, int64_t t)
{
	time_set_offset(t - w->now);
}

static int
account(struct week *w, const char *username, const char *role,
    int64_t org, const char *real_name, const char *phone, int64_t *id)
{
	struct user_in u;
	char *uri;

	memset(&u, 0, sizeof(u));
	u.username = username;
	u.role = role;
	u.org_id = org;
	u.password = NULL;	/* nobody logs in: no password */
	u.phone = phone;
	u.real_name = real_name;
	return user_create(w->env->ctx, &u, true, id, &uri);
}

static int
create_accounts(struct week *w)
{
	struct ctx *ctx = w->env->ctx;
	struct org_in org;
	struct account *a;
	int64_t org_id;
	size_t i, k;

	for (i = 0; i < NREPORTERS; i++) {
		memset(&org, 0, sizeof(org));
		org.name = reporters[i].name;
		org.type = reporters[i].type;
		org.municipality = reporters[i].municipality;
		if (org_create(ctx, &org, true, &org_id) == -1)
			return -1;
		for (k = 0; k < 2 && reporters[i].users[k] != NULL; k++) {
			a = &w->acc[w->nacc++];
			a->org = org_id;
			a->side = reporters[i].side;
			if (account(w, reporters[i].users[k], "reporter",
			    org_id, reporters[i].real_names[k],
			    arena_printf(w->env->arena, "%s 555 02 %02zu",
			    a->side == SIDE_AMSTERDAM ? "020" : "010",
			    w->nacc), &a->id) == -1)
				return -1;
		}
	}
	/* Amsterdam triages as the demo advisor; Rotterdam's point has no
	 * demo account, so a colleague there does. */
	w->triage[SIDE_AMSTERDAM] = w->ids->advisor;
	w->triage_org[SIDE_AMSTERDAM] = w->ids->advisor_org;
	if (org_resolve(ctx, "Veilig Thuis Rotterdam-Rijnmond (demo)",
	    &w->triage_org[SIDE_ROTTERDAM]) == -1)
		return -1;
	return account(w, "triage-rijnmond", "advisor",
	    w->triage_org[SIDE_ROTTERDAM], "Marloes Verbeek", "010 555 03 10",
	    &w->triage[SIDE_ROTTERDAM]);
}

/* A moment on day `ago` days back, in working hours, never later than
 * ten minutes ago. */
static int64_t
moment(struct week *w, int64_t ago)
{
	int64_t t = w->now - ago * DAY, start;

	start = (int64_t)deadline_local_day(t) * DAY -
	    deadline_amsterdam_offset(t) + 8 * HOUR;
	t = start + next(&w->seed) % (9 * HOUR);
	if (t > w->now - 600)
		t = w->now - 600 - next(&w->seed) % (4 * HOUR);
	return t;
}

/* Claim signal id of point side at t, and decide it at decide (0: not). */
static int
triage(struct week *w, int side, int64_t id, int64_t t, int64_t decide)
{
	static const char *const decisions[] = { "advice_given",
	    "no_action", "forward_police", "forward_inspectorate",
	    "open_case" };
	struct ctx *ctx = w->env->ctx;
	const char *status;
	/* Rotterdam opens no cases: its care coordination keeps only the
	 * transfer the demo gives it. */
	uint32_t n = side == SIDE_AMSTERDAM ? 5 : 4;

	act_as(ctx, w->triage[side], w->triage_org[side], ROLE_ADVISOR);
	at(w, t);
	if (signal_claim(ctx, id) == -1)
		return -1;
	if (decide == 0)
		return 0;
	at(w, decide);
	return signal_decide(ctx, id, decisions[next(&w->seed) % n], "demo",
	    "toestemming betrokkene (demo)", &status, NULL);
}

/* The fate of a signal filed at t, due at due: decided in time, left
 * late, or waiting within its deadline. */
static int
fate(struct week *w, int side, int64_t id, int64_t t, int64_t due,
    bool late_acute)
{
	int64_t claim, decide, span = due - t;

	if (late_acute)
		return 0;	/* nobody has seen it: the worst kind */
	if (due < w->now) {
		/* Late: a few that fell through lately, some claimed. */
		if (w->late_others[side] < late_others[side] &&
		    due > w->now - 6 * DAY) {
			w->late_others[side]++;
			if (w->late_others[side] % 2 == 0)
				return 0;
			return triage(w, side, id, t + span / 4, 0);
		}
		claim = t + span / 8;
		decide = t + span / 4 + (int64_t)(next(&w->seed) % 64) *
		    (span / 2) / 64;
		return triage(w, side, id, claim, decide);
	}
	/* Within the deadline: the newest wait untouched, older ones are
	 * in triage, some already decided. */
	if (w->now - t < 20 * HOUR)
		return 0;
	claim = t + HOUR + next(&w->seed) % (3 * HOUR);
	if (claim > w->now - 300)
		claim = w->now - 300;
	decide = 0;
	if (next(&w->seed) % 6 == 0)
		decide = claim + (w->now - claim) / 2;
	return triage(w, side, id, claim, decide);
}

static int
file_others(struct week *w)
{
	static const char *const urgencies[] = { "acute", "days", "days",
	    "not_urgent", "not_urgent", "not_urgent", "not_urgent",
	    "not_urgent", "not_urgent", "not_urgent" };
	static const char *const forms[] = { "sexual", "labour", "criminal",
	    "forced_services", "begging", "other_unknown",
	    "ernstige_benadeling" };
	static const char *const markers[] = { "minor", "age_18_22", "eu",
	    "non_eu", "labour_migrant", "lvb", "debts", "in_youth_care" };
	struct ctx *ctx = w->env->ctx;
	struct arena *arena = w->env->arena;
	const size_t n = DEMO_SIGNALS - DEMO_REPORTER_SIGNALS;
	struct signal_person *p;
	struct signal_in in;
	const struct indicator *ind;
	const struct account *a;
	const char *ind_ids[5], *form_ids[1], *marker_ids[1];
	size_t nind, i, k, pick;
	int64_t id, due, ago, t;
	bool late_acute;
	int side;

	if (catalog_load(ctx) == -1)
		return -1;
	ind = catalog_indicators(&nind);
	for (i = 0; i < n; i++) {
		side = i % 3 == 1 ? SIDE_ROTTERDAM : SIDE_AMSTERDAM;
		memset(&in, 0, sizeof(in));
		in.municipality = region_munis[side][next(&w->seed) % 5];
		in.urgency = urgencies[next(&w->seed) % 10];
		for (k = 0; k < 1 + next(&w->seed) % 4; k++)
			ind_ids[k] = ind[next(&w->seed) % nind].id;
		in.indicators.v = ind_ids;
		in.indicators.n = k;
		form_ids[0] = forms[next(&w->seed) % 7];
		in.forms.v = form_ids;
		in.forms.n = 1;
		in.description = worries[next(&w->seed) % 6];
		p = arena_alloc(arena, 2 * sizeof(*p));
		p[0].kind = "victim";
		p[0].name = arena_printf(arena, "%s %s",
		    first_names[next(&w->seed) % 24],
		    last_names[next(&w->seed) % 18]);
		p[0].estimated_age = 14 + next(&w->seed) % 30;
		p[0].sex = next(&w->seed) % 3 ? "female" : "male";
		p[0].nationality = (const char *[]){ "dutch", "eu", "non_eu",
		    "unknown" }[next(&w->seed) % 4];
		marker_ids[0] = markers[next(&w->seed) % 8];
		p[0].markers.v = marker_ids;
		p[0].markers.n = 1;
		in.persons.v = p;
		in.persons.n = 1;
		if (next(&w->seed) % 4 == 0) {
			p[1].kind = "suspect";
			p[1].name = arena_printf(arena, "%s %s",
			    first_names[next(&w->seed) % 24],
			    last_names[next(&w->seed) % 18]);
			in.persons.n = 2;
		}
		/* Spread over the last 60 days, oldest first. */
		ago = (int64_t)(n - i) * 60 / (int64_t)n;
		t = moment(w, ago);
		/* One acute signal a few days old waits at each point. */
		late_acute = !w->late_acute[side] && ago >= 2 && ago <= 5;
		if (late_acute) {
			in.urgency = "acute";
			w->late_acute[side] = 1;
		}
		/* A reporter of the point's side. */
		do {
			pick = next(&w->seed) % w->nacc;
		} while (w->acc[pick].side != side);
		a = &w->acc[pick];
		act_as(ctx, a->id, a->org, ROLE_REPORTER);
		at(w, t);
		if (signal_file(ctx, &in, &id, &due) == -1 ||
		    fate(w, side, id, t, due, late_acute) == -1)
			return -1;
	}
	return 0;
}

/*
 * The demo reporter's own signals, all in Amsterdam: one decided weeks
 * ago, one whose question they answered before it was decided, two with
 * a question waiting for them, and one of this morning nobody has
 * looked at yet.
 */
static int
file_mine(struct week *w)
{
	static const struct {
		int		 ago;		/* days */
		const char	*municipality;
		const char	*urgency;
		const char	*form;
		const char	*indicator;
		const char	*name;
		const char	*description;
		const char	*question;
		const char	*answer;
		const char	*decision;	/* NULL: still open */
	} mine[DEMO_REPORTER_SIGNALS] = {
		{ 38, "GM0363", "not_urgent", "labour", "OM-1a-1",
		    "Piotr Nowak", "Vader van een leerling werkt in de kassen "
		    "en vertelt dat hij zijn loon al maanden niet krijgt.",
		    NULL, NULL, "advice_given" },
		{ 12, "GM0363", "days", "criminal", "OM-1a-4", "Yusuf Haddad",
		    "Leerling (15) heeft ineens veel geld en spijbelt op "
		    "vaste dagen; hij zegt dat hij 'klussen' doet.",
		    "Weet u wie hem ophaalt of waar de klussen zijn?",
		    "Een oudere jongen in een zwarte auto, bij de ingang aan "
		    "de achterkant.", "forward_police" },
		{ 3, "GM0362", "not_urgent", "sexual", "OM-1a-3",
		    "Jasmijn Bos", "Leerling (16) laat foto's zien van een "
		    "'vriend' van 24 die haar cadeaus geeft en meeneemt naar "
		    "feestjes.", "Weten haar ouders van deze vriend?", NULL,
		    NULL },
		{ 1, "GM0363", "days", "labour", "OM-1a-1", "Andrei Ionescu",
		    "Moeder van een leerling werkt in een wasserij, mag "
		    "daar niet weg en slaapt op het terrein.",
		    "Spreekt zij Nederlands of Engels, en is er een tolk "
		    "nodig?", NULL, NULL },
		{ 0, "GM0363", "not_urgent", "other_unknown", "OM-1a-1",
		    "Mila Petrova", "Leerling vertelt dat haar tante 's "
		    "nachts in een nagelsalon werkt en haar paspoort niet "
		    "heeft.", NULL, NULL, NULL },
	};
	struct ctx *ctx = w->env->ctx;
	const struct demo_signal_ids *ids = w->ids;
	struct signal_person p;
	struct signal_in in;
	const char *ind[1], *form[1], *status;
	int64_t id, due, qid, t;
	size_t i;

	for (i = 0; i < DEMO_REPORTER_SIGNALS; i++) {
		memset(&in, 0, sizeof(in));
		memset(&p, 0, sizeof(p));
		in.municipality = mine[i].municipality;
		in.urgency = mine[i].urgency;
		ind[0] = mine[i].indicator;
		in.indicators.v = ind;
		in.indicators.n = 1;
		form[0] = mine[i].form;
		in.forms.v = form;
		in.forms.n = 1;
		in.description = mine[i].description;
		p.kind = "victim";
		p.name = mine[i].name;
		in.persons.v = &p;
		in.persons.n = 1;
		t = moment(w, mine[i].ago);
		act_as(ctx, ids->reporter, ids->reporter_org, ROLE_REPORTER);
		at(w, t);
		if (signal_file(ctx, &in, &id, &due) == -1)
			return -1;
		if (mine[i].ago == 0)
			continue;
		act_as(ctx, ids->advisor, ids->advisor_org, ROLE_ADVISOR);
		t += 2 * HOUR;
		at(w, t);
		if (signal_claim(ctx, id) == -1)
			return -1;
		if (mine[i].question != NULL) {
			t += HOUR;
			at(w, t);
			if (signal_ask(ctx, id, mine[i].question, &qid) == -1)
				return -1;
		}
		if (mine[i].answer != NULL) {
			act_as(ctx, ids->reporter, ids->reporter_org,
			    ROLE_REPORTER);
			t += 3 * HOUR;
			at(w, t);
			if (signal_answer(ctx, id, qid, mine[i].answer) == -1)
				return -1;
		}
		if (mine[i].decision == NULL)
			continue;
		act_as(ctx, ids->advisor, ids->advisor_org, ROLE_ADVISOR);
		at(w, t + (due - t) / 2);
		if (signal_decide(ctx, id, mine[i].decision, "demo",
		    "toestemming betrokkene (demo)", &status, NULL) == -1)
			return -1;
	}
	return 0;
}

int
demo_signals_week(struct cli_env *env, const struct demo_signal_ids *ids)
{
	struct week *w;
	int rc;

	w = arena_alloc(env->arena, sizeof(*w));
	memset(w, 0, sizeof(*w));
	w->env = env;
	w->ids = ids;
	w->seed = 20261129;
	time_set_offset(0);
	w->now = time_now();
	rc = create_accounts(w);
	if (rc == 0)
		rc = file_others(w);
	if (rc == 0)
		rc = file_mine(w);
	time_set_offset(0);
	memset(&env->ctx->who, 0, sizeof(env->ctx->who));
	return rc;
}

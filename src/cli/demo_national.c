/*
 * National synthetic data: years of signals and cases in all 342
 * municipalities, so the local insight has numbers to protect.
 *
 * Nothing here is about a real person.  Only the plain columns the
 * counts read are filled: age band, sex, nationality group and victim
 * groups of a person, forms, dates, decisions and reasons.  Names, notes
 * and every other sealed field stay empty (NULL), so no sealed field
 * holds made-up personal data either.  The proportions follow public
 * figures (docs/demo.md says which); the spread over municipalities
 * follows their population, approximately.
 *
 * It writes through prepared statements (Q_NATIONAL_*), one transaction
 * a month of data with one audit entry for it, and is deterministic: a
 * fixed seed, and the years end with the last full year before today.
 */
#include "cli/demo_national.h"

#include <stdio.h>
#include <string.h>

#include "auth/role.h"
#include "audit/audit.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/deadline.h"
#include "domain/org.h"
#include "domain/region.h"
#include "insight/facts.h"
#include "store/store.h"

#define DAY		86400
#define RING		512	/* earlier victims a suspect may be */

/* Organisations of each province (slot) and of the country. */
enum slot {
	S_POINT, S_CARE, S_SHELTER, S_YOUTH, S_TEAM, S_MUNI, S_POLICE,
	S_NPROV,
	S_LABOUR = S_NPROV, S_COMMITTEE, S_OTHER, S_NALL
};

static const struct {
	const char	*type;
	const char	*fmt;
} slots[S_NALL] = {
	{ "advice_point", "Veilig Thuis %s (demo)" },
	{ "care_coordination", "Zorgcoördinatie Mensenhandel %s (demo)" },
	{ "provider", "Opvang en Herstel %s (demo)" },
	{ "provider", "Jeugdhulp %s (demo)" },
	{ "expert_team", "Expertteam Jeugd %s (demo)" },
	{ "municipality", "Meldpunt Gemeenten %s (demo)" },
	{ "police", "Politie %s (demo)" },
	{ "labour_inspectorate", "Arbeidsinspectie %s (demo)" },
	{ "assessment_committee", "Beoordelingscommissie %s (demo)" },
	{ "other", "Scholen en huisartsen %s (demo)" },
};

/*
 * Approximate populations (thousands) of the largest municipalities,
 * rounded from public CBS figures; every other municipality weighs
 * between 10 and 50 thousand, by a hash of its code.
 */
static const struct {
	const char	*name;
	int		 k;
} large[] = {
	{ "Amsterdam", 930 }, { "Rotterdam", 670 }, { "'s-Gravenhage", 560 },
	{ "Utrecht", 370 }, { "Eindhoven", 245 }, { "Groningen", 240 },
	{ "Tilburg", 225 }, { "Almere", 220 }, { "Breda", 185 },
	{ "Nijmegen", 180 }, { "Apeldoorn", 165 }, { "Arnhem", 165 },
	{ "Haarlem", 163 }, { "Haarlemmermeer", 160 }, { "Enschede", 160 },
	{ "Amersfoort", 160 }, { "Zaanstad", 157 }, { "'s-Hertogenbosch", 158 },
	{ "Zwolle", 130 }, { "Leiden", 127 }, { "Zoetermeer", 127 },
	{ "Leeuwarden", 125 }, { "Maastricht", 122 }, { "Dordrecht", 121 },
	{ "Ede", 120 }, { "Alphen aan den Rijn", 113 }, { "Westland", 112 },
	{ "Alkmaar", 110 }, { "Emmen", 108 }, { "Delft", 104 },
	{ "Venlo", 102 }, { "Deventer", 101 }, { "Helmond", 93 },
	{ "Oss", 93 }, { "Amstelveen", 92 }, { "Hilversum", 92 },
	{ "Purmerend", 92 }, { "Sittard-Geleen", 91 }, { "Heerlen", 87 },
	{ "Nissewaard", 85 }, { "Schiedam", 80 }, { "Lelystad", 80 },
};

/* Weighted choices: keys and weights, ending with a NULL key. */
struct choice {
	const char	*key;
	int		 w;
};

/* Forms of the signals: about half sexual, a quarter labour (with
 * serious disadvantage), a fifth criminal, the rest other. */
static const struct choice forms[] = {
	{ "sexual", 48 }, { "labour", 22 }, { "criminal", 19 },
	{ "ernstige_benadeling", 4 }, { "forced_services", 2 },
	{ "begging", 1 }, { "other_unknown", 2 }, { NULL, 0 },
};
/* Index of the kind in slots, or -1: the public form (no org). */
static const struct {
	int	slot;
	int	w;
} reporters[] = {
	{ S_POINT, 14 }, { S_CARE, 8 }, { S_SHELTER, 9 }, { S_YOUTH, 5 },
	{ S_TEAM, 5 }, { S_MUNI, 9 }, { S_POLICE, 28 }, { S_LABOUR, 9 },
	{ S_OTHER, 9 }, { -1, 4 },
};
/* A third minors. */
static const struct choice ages[] = {
	{ "0-11", 2 }, { "12-15", 9 }, { "16-17", 22 }, { "18-22", 20 },
	{ "23-29", 20 }, { "30+", 24 }, { NULL, 3 }, { NULL, 0 },
};
static const struct choice sex_sexual[] = {
	{ "female", 88 }, { "male", 10 }, { "other", 1 }, { NULL, 1 },
	{ NULL, 0 },
};
static const struct choice sex_labour[] = {
	{ "female", 30 }, { "male", 68 }, { NULL, 2 }, { NULL, 0 },
};
static const struct choice sex_criminal[] = {
	{ "female", 35 }, { "male", 63 }, { "other", 1 }, { NULL, 1 },
	{ NULL, 0 },
};
static const struct choice nat_minor[] = {
	{ "dutch", 70 }, { "eu", 10 }, { "non_eu", 17 }, { NULL, 3 },
	{ NULL, 0 },
};
static const struct choice nat_adult[] = {
	{ "dutch", 30 }, { "eu", 30 }, { "non_eu", 35 }, { NULL, 5 },
	{ NULL, 0 },
};
static const struct choice nat_labour[] = {
	{ "dutch", 10 }, { "eu", 55 }, { "non_eu", 32 }, { NULL, 3 },
	{ NULL, 0 },
};
static const struct choice urgencies[] = {
	{ "acute", 10 }, { "days", 30 }, { "not_urgent", 60 }, { NULL, 0 },
};
/* Decisions on signals that do not open a case. */
static const struct choice decisions[] = {
	{ "advice_given", 45 }, { "no_action", 25 },
	{ "forward_police", 20 }, { "forward_inspectorate", 10 },
	{ NULL, 0 },
};
/* Days from signal to triage decision. */
static const struct {
	int	lo, hi, w;
} triage[] = {
	{ 0, 1, 40 }, { 2, 5, 30 }, { 6, 10, 15 }, { 11, 30, 10 },
	{ 31, 90, 5 },
};
static const struct choice declines[] = {
	{ "no_capacity", 45 }, { "not_target_group", 25 }, { "safety", 10 },
	{ "other", 20 }, { NULL, 0 },
};
static const struct choice closes[] = {
	{ "care_completed", 55 }, { "moved_abroad", 10 },
	{ "returned_voluntarily", 8 }, { "lost_contact", 20 },
	{ "other", 7 }, { NULL, 0 },
};
static const char *const needs[] = { "SAFE-SHELTER", "SAFE-YOUTH",
    "SAFE-PLAN", "MED", "TRAUMA", "LVB", "ADDICT", "LEGAL", "RESIDENCE",
    "INCOME", "DEBT", "HOUSING", "EDU", "WORK", "LANG", "NETWORK" };
#define NNEEDS	(sizeof(needs) / sizeof(needs[0]))
static const char *const notes[] = { "note", "note", "note", "contact",
    "member", "plan" };

struct nat {
	struct ctx	*ctx;
	const struct national_opts *o;
	struct national_counts *n;
	uint64_t	 seed;
	int64_t		 now, user;
	size_t		 nmuni;
	const char	**muni;
	int		*prov;		/* province index of each */
	int64_t		*cum;		/* cumulative weights */
	int64_t		*region;	/* care coordination region of each */
	int64_t		*point;		/* veilig thuis region of each */
	char		**provs;
	size_t		 nprov;
	int64_t		(*org)[S_NALL];	/* per province */
	int64_t		 ring[RING];
	size_t		 nring;
	int		 year, month, count;
};

/* splitmix64: small, fast and the same everywhere. */
static uint64_t
rnd(struct nat *x)
{
	uint64_t z = (x->seed += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int64_t
upto(struct nat *x, int64_t n)
{
	return n > 0 ? (int64_t)(rnd(x) % (uint64_t)n) : 0;
}

static bool
chance(struct nat *x, int percent)
{
	return upto(x, 100) < percent;
}

static const char *
pick(struct nat *x, const struct choice *c)
{
	int total = 0, r;
	size_t i;

	for (i = 0; c[i].w > 0; i++)
		total += c[i].w;
	r = (int)upto(x, total);
	for (i = 0; c[i].w > 0; i++) {
		if (r < c[i].w)
			return c[i].key;
		r -= c[i].w;
	}
	return NULL;
}

static int64_t
month_start(int y, int m)
{
	char s[32];
	int32_t day = 0;
	int64_t t;

	if (m > 12) {
		y++;
		m -= 12;
	}
	snprintf(s, sizeof(s), "%04d-%02d-01", y, m);
	(void)date_parse(s, &day);
	t = (int64_t)day * DAY;
	return t - deadline_amsterdam_offset(t);
}

static int32_t
day_of(int64_t t)
{
	return deadline_local_day(t);
}

static int
ins(struct nat *x, enum query q, const struct store_value *a, size_t n,
    int64_t *id)
{
	struct store_rows *r;

	if (store_exec(x->ctx, q, a, n, id != NULL ? &r : NULL) == -1)
		return -1;
	if (id != NULL)
		*id = r->nrows == 1 ? rows_int(r, 0, 0) : 0;
	return 0;
}

static int
event(struct nat *x, int64_t c, int64_t at, int64_t org, const char *kind,
    const char *detail)
{
	x->n->events++;
	return ins(x, Q_NATIONAL_EVENT, ARGS(store_int(c), store_int(at),
	    store_int(x->user), store_int(org), store_text(kind),
	    store_text(detail)), NULL);
}

/* Victim groups of a person, comma-separated. */
static const char *
markers(struct nat *x, const char *age, const char *nat, const char *form)
{
	struct buf b;

	buf_init(&b, x->ctx->arena, 256);
	if (age != NULL && (strcmp(age, "0-11") == 0 ||
	    strcmp(age, "12-15") == 0 || strcmp(age, "16-17") == 0)) {
		buf_puts(&b, "minor,");
		if (nat != NULL && strcmp(nat, "non_eu") == 0 &&
		    chance(x, 40))
			buf_puts(&b, "unaccompanied_minor,");
		if (chance(x, 25))
			buf_puts(&b, "in_youth_care,");
	} else if (age != NULL && strcmp(age, "18-22") == 0) {
		buf_puts(&b, "age_18_22,");
	}
	if (nat != NULL)
		buf_appendf(&b, "%s,", nat);
	if (strcmp(form, "labour") == 0 && nat != NULL &&
	    strcmp(nat, "dutch") != 0 && chance(x, 60))
		buf_puts(&b, "labour_migrant,");
	if (chance(x, 15))
		buf_puts(&b, "lvb,");
	if (chance(x, 12))
		buf_puts(&b, "debts,");
	if (chance(x, 5))
		buf_puts(&b, "psychiatric,");
	if (chance(x, 4))
		buf_puts(&b, "addiction,");
	if (chance(x, 4))
		buf_puts(&b, "homeless,");
	if (b.len > 0)
		b.p[--b.len] = '\0';
	return b.p;
}

struct victim {
	const char	*age, *sex, *nat, *markers;
};

static void
victim(struct nat *x, const char *form, struct victim *v)
{
	bool minor;

	v->age = pick(x, ages);
	minor = v->age != NULL && v->age[0] != '3' && v->age[0] != '2' &&
	    strcmp(v->age, "18-22") != 0;
	if (strcmp(form, "sexual") == 0)
		v->sex = pick(x, sex_sexual);
	else if (strcmp(form, "labour") == 0 ||
	    strcmp(form, "ernstige_benadeling") == 0)
		v->sex = pick(x, sex_labour);
	else
		v->sex = pick(x, sex_criminal);
	if (minor)
		v->nat = pick(x, nat_minor);
	else if (strcmp(form, "labour") == 0 ||
	    strcmp(form, "ernstige_benadeling") == 0)
		v->nat = pick(x, nat_labour);
	else
		v->nat = pick(x, nat_adult);
	v->markers = markers(x, v->age, v->nat, form);
}

static bool
is_minor(const char *age)
{
	return age != NULL && (strcmp(age, "0-11") == 0 ||
	    strcmp(age, "12-15") == 0 || strcmp(age, "16-17") == 0);
}

/* A need of case c added at t, and its referrals; fast: a safe place
 * found within hours. */
static int
need(struct nat *x, int64_t c, int p, const char *code, int64_t t,
    int64_t end, bool closed, bool fast)
{
	int64_t id, sent, answered, started, to, care = x->org[p][S_CARE];
	const char *reason, *status = "open";
	bool urgent = strncmp(code, "SAFE", 4) == 0;
	int tries;

	x->n->needs++;
	if (!fast && !chance(x, 78)) {
		status = chance(x, 50) ? "met" : closed ? "dropped" : "open";
		return ins(x, Q_NATIONAL_NEED, ARGS(store_int(c),
		    store_text(code), store_text(status), store_int(x->user),
		    store_int(t), store_int(t)), NULL);
	}
	if (ins(x, Q_NATIONAL_NEED, ARGS(store_int(c), store_text(code),
	    store_text(closed ? "met" : "open"), store_int(x->user),
	    store_int(t), store_int(t)), &id) == -1)
		return -1;
	/* Most within the 14 days, some weeks later. */
	sent = t + (fast ? upto(x, 7200) : chance(x, 70) ?
	    upto(x, 14 * DAY) : (15 + upto(x, 60)) * DAY);
	for (tries = 0; tries < 3; tries++) {
		to = x->org[p][strcmp(code, "SAFE-YOUTH") == 0 ||
		    strcmp(code, "EDU") == 0 ? S_YOUTH : S_SHELTER];
		answered = sent + (fast ? upto(x, 4 * 3600) :
		    upto(x, 5 * DAY)) + 600;
		reason = tries < 2 && chance(x, 22) ? pick(x, declines) :
		    NULL;
		started = reason == NULL ? answered + upto(x, fast ? 4 * DAY :
		    20 * DAY) + 3600 : 0;
		if (started > end)
			started = 0;
		x->n->referrals++;
		if (ins(x, Q_NATIONAL_REFERRAL, ARGS(store_int(c),
		    store_int(id), store_text(code), store_int(urgent),
		    store_int(care), store_int(to), store_int(day_of(sent)),
		    store_text(reason != NULL ? "declined" : started == 0 ?
		    "accepted" : closed ? "ended" : "started"),
		    store_int(x->user), store_int(sent),
		    store_int(sent + 5 * DAY), store_int(answered),
		    store_text(reason),
		    started != 0 ? store_int(started) : store_null(),
		    started != 0 && closed ? store_int(end) : store_null(),
		    store_text(started != 0 && closed ? "completed" : NULL),
		    store_int(started != 0 ? started : answered)), NULL) ==
		    -1 || event(x, c, sent, care, "referral", "sent") == -1 ||
		    event(x, c, answered, to, "referral", reason != NULL ?
		    "declined" : "accepted") == -1)
			return -1;
		if (reason == NULL)
			break;
		sent = answered + (fast ? upto(x, DAY) : (1 + upto(x, 7)) *
		    DAY);
	}
	return 0;
}

/* Identification by the committee. */
static int
identification(struct nat *x, int64_t c, int p, int64_t t, int64_t end)
{
	int64_t sub = t + (10 + upto(x, 50)) * DAY, first, final;
	const char *fd, *fin = NULL, *status;
	int64_t com = x->org[0][S_COMMITTEE];

	if (sub > x->now)
		return 0;
	first = sub + (5 + upto(x, 15)) * DAY;
	fd = chance(x, 75) ? "plausible" : "not_plausible";
	final = first + (30 + upto(x, 60)) * DAY;
	if (first > x->now) {
		status = "submitted";
		fd = NULL;
	} else if (strcmp(fd, "not_plausible") == 0) {
		status = "no_grounds";
	} else if (final > x->now) {
		status = "first_decided";
	} else {
		status = "final_decided";
		fin = chance(x, 70) ? "identified" : "not_identified";
	}
	(void)end;
	x->n->assessments++;
	return ins(x, Q_NATIONAL_ASSESSMENT, ARGS(store_int(c),
	    store_int(com), store_text(status), store_int(x->user),
	    store_int(sub), store_int(sub + 7 * DAY), store_text(fd),
	    fd != NULL ? store_int(x->user) : store_null(),
	    fd != NULL ? store_int(first) : store_null(),
	    fd != NULL && strcmp(fd, "plausible") == 0 ?
	    store_int(first + 90 * DAY) : store_null(), store_text(fin),
	    fin != NULL ? store_int(x->user) : store_null(),
	    fin != NULL ? store_int(final) : store_null(),
	    store_int(fin != NULL ? final : fd != NULL ? first : sub)), NULL)
	    == -1 ||
	    event(x, c, sub, x->org[p][S_CARE], "identification_submitted",
	    NULL);
}

static int
step(struct nat *x, int64_t c, int p, int64_t t, const char *state,
    const char *reason, int ends)
{
	int32_t d = day_of(t);

	if (t > x->now)
		return 1;
	x->n->steps++;
	return event(x, c, t, x->org[p][S_CARE], "track", state) == -1 ||
	    ins(x, Q_NATIONAL_TRACK, ARGS(store_int(c),
	    store_text("residence"), store_text(state), store_int(d),
	    store_text(reason), ends > 0 ? store_int(d + ends) :
	    store_null()), NULL) == -1 ? -1 : 0;
}

/* The residence track of a victim from abroad: steps until one lies
 * past today (step() answers 1) or the track ends. */
static int
residence(struct nat *x, int64_t c, int p, int64_t t)
{
	int64_t u = t + upto(x, 14 * DAY);
	int rc;

	if (chance(x, 10))
		return step(x, c, p, u, "asylum", NULL, 0) == -1 ? -1 : 0;
	rc = step(x, c, p, u, "reflection", NULL, 90);
	if (rc != 0)
		return rc == -1 ? -1 : 0;
	u += (30 + upto(x, 60)) * DAY;
	if (chance(x, 25))
		return step(x, c, p, u, "reflection_ended",
		    chance(x, 50) ? "declined" : "disappeared", 0) == -1 ?
		    -1 : 0;
	rc = step(x, c, p, u, chance(x, 15) ? "exempt" : "permit",
	    chance(x, 80) ? "report" : NULL, 365);
	if (rc != 0)
		return rc == -1 ? -1 : 0;
	u += (330 + upto(x, 60)) * DAY;
	if (chance(x, 8))
		return step(x, c, p, u, "withdrawn", NULL, 0) == -1 ? -1 : 0;
	rc = step(x, c, p, u, "permit_renewed", NULL, 365);
	if (rc != 0)
		return rc == -1 ? -1 : 0;
	if (chance(x, 30))
		return step(x, c, p, u + 365 * DAY, "continued", NULL, 0) ==
		    -1 ? -1 : 0;
	return 0;
}

/* A minor victim's placement, and the day they turn 18. */
static int
minor(struct nat *x, int64_t c, int64_t person, int p,
    const struct victim *v, int64_t t, int64_t end, bool closed)
{
	int32_t from = day_of(t) + (int32_t)upto(x, 30), adult;
	int64_t plan = 0;
	const char *type;
	char ym[16];
	int y = 0, m = 0;
	bool before;

	if (chance(x, 55)) {
		type = chance(x, 10) ? "closed_youth_care" : chance(x, 60) ?
		    "residential_youth_care" : "foster_care";
		x->n->placements++;
		if (ins(x, Q_NATIONAL_PLACEMENT, ARGS(store_int(c),
		    store_int(person), store_text(type), store_int(from),
		    closed ? store_int(day_of(end)) : store_null(),
		    strcmp(type, "foster_care") == 0 ? store_null() :
		    store_int(x->org[p][S_YOUTH]),
		    store_text(closed ? "completed" : NULL),
		    store_text(v->age), store_int(x->user), store_int(t)),
		    NULL) == -1 || event(x, c, t, x->org[p][S_CARE],
		    "placement_recorded", type) == -1)
			return -1;
	}
	if (strcmp(v->age, "16-17") != 0)
		return 0;
	adult = day_of(t) + 1 + (int32_t)upto(x, 720);
	snprintf(ym, sizeof(ym), "%s", date_format(x->ctx->arena, adult));
	if (sscanf(ym, "%d-%d", &y, &m) != 2)
		return fail(x->ctx, ST_INTERNAL, "bad day");
	before = chance(x, 60);
	if (before)
		plan = ((int64_t)adult - 30 - upto(x, 200)) * DAY;
	if (plan != 0 && plan < t)
		plan = t + DAY;
	if (plan > x->now)
		plan = 0;
	x->n->adults++;
	return ins(x, Q_NATIONAL_ADULT, ARGS(store_int(c), store_int(person),
	    store_int(adult), store_int((int64_t)y * 12 + m - 1),
	    store_int(chance(x, 20)), store_int(t),
	    store_text(plan != 0 ? "continued_youth_care" : NULL),
	    plan != 0 ? store_int(plan) : store_null(),
	    plan != 0 ? store_int(plan < (int64_t)adult * DAY) :
	    store_null(),
	    plan != 0 ? store_int(plan <= ((int64_t)adult - 182) * DAY) :
	    store_null(), plan != 0 ? store_int(x->user) : store_null()),
	    NULL);
}

/* A case from signal s (0: reported directly) opened at t; fast: an
 * acute one, accepted and placed safely at once. */
static int
care_case(struct nat *x, int64_t s, size_t m, const char *form,
    const struct victim *v, int64_t t, bool fast)
{
	int p = x->prov[m];
	int64_t care = x->org[p][S_CARE], c, person, suspect, end, at;
	int64_t accepted = t + upto(x, fast ? 7200 : 2 * DAY) + 600;
	bool sd = strcmp(form, "ernstige_benadeling") == 0, closed;
	const char *reason, *status, *code, *first = NULL;
	size_t i, k, nn, nnotes;

	end = t + (60 + upto(x, 480)) * DAY;
	closed = end <= x->now;
	if (!closed)
		end = x->now;
	status = closed ? "closed" : accepted > x->now ? "new" : "in_care";
	reason = closed ? pick(x, closes) : NULL;
	x->n->cases++;
	x->n->persons++;
	if (ins(x, Q_NATIONAL_CASE, ARGS(store_text(sd ?
	    "serious_disadvantage" : "trafficking"), store_text(sd ? "" :
	    form), store_text(status), store_text(reason), store_int(care),
	    store_int(x->region[m]), store_text(x->muni[m]),
	    s != 0 ? store_int(s) : store_null(), store_text(s != 0 ?
	    "signal" : sd || strcmp(form, "labour") == 0 ?
	    "labour_inspectorate" : "police"), store_int(x->user),
	    store_int(t + DAY), strcmp(status, "new") != 0 ?
	    store_int(accepted) : store_null(), store_int(t),
	    store_int(end), closed ? store_int(end) : store_null()), &c) ==
	    -1 ||
	    ins(x, Q_NATIONAL_PERSON, ARGS(store_text(v->age),
	    store_text(v->sex), store_text(v->nat), store_text(v->markers),
	    store_int(t)), &person) == -1 ||
	    ins(x, Q_NATIONAL_CASE_PERSON, ARGS(store_int(c),
	    store_int(person), store_text("victim"), store_int(t)), NULL) ==
	    -1 || event(x, c, t, care, "opened", NULL) == -1 ||
	    event(x, c, t, care, "person", "victim") == -1)
		return -1;
	if (strcmp(status, "new") != 0 && (event(x, c, accepted, care,
	    "accepted", NULL) == -1 || event(x, c, accepted, care, "status",
	    "accepted>in_care") == -1))
		return -1;
	/* A suspect in a fifth of the cases; some were a victim before. */
	if (chance(x, 20)) {
		if (x->nring > 0 && chance(x, 15)) {
			suspect = x->ring[upto(x, (int64_t)(x->nring <
			    RING ? x->nring : RING))];
		} else {
			x->n->persons++;
			if (ins(x, Q_NATIONAL_PERSON, ARGS(store_null(),
			    store_text(chance(x, 80) ? "male" : "female"),
			    store_null(), store_text(""), store_int(t)),
			    &suspect) == -1)
				return -1;
		}
		if (ins(x, Q_NATIONAL_CASE_PERSON, ARGS(store_int(c),
		    store_int(suspect), store_text("suspect"),
		    store_int(t + 3600)), NULL) == -1 ||
		    event(x, c, t + 3600, care, "person", "suspect") == -1)
			return -1;
	}
	x->ring[x->nring++ % RING] = person;
	/* One to three needs, in the first ten days. */
	nn = 1 + (size_t)upto(x, 3);
	k = (size_t)upto(x, NNEEDS);
	for (i = 0; i < nn && strcmp(status, "new") != 0; i++) {
		at = accepted + (fast && i == 0 ? 0 : upto(x, 10 * DAY));
		code = needs[(k + i * 5) % NNEEDS];
		if (fast && i == 0)
			code = first = is_minor(v->age) ? "SAFE-YOUTH" :
			    "SAFE-SHELTER";
		else if (first != NULL && strcmp(code, first) == 0)
			continue;
		if (at <= x->now && (need(x, c, p, code, at, end, closed,
		    fast && i == 0) == -1 || event(x, c, at, care, "need",
		    "added") == -1))
			return -1;
	}
	if (!sd && (strcmp(v->nat == NULL ? "" : v->nat, "dutch") != 0 ||
	    chance(x, 20)) && chance(x, 45) &&
	    identification(x, c, p, t, end) == -1)
		return -1;
	if (!sd && v->nat != NULL && strcmp(v->nat, "dutch") != 0 &&
	    chance(x, 45) && residence(x, c, p, t) == -1)
		return -1;
	if (is_minor(v->age) && minor(x, c, person, p, v, t, end, closed) ==
	    -1)
		return -1;
	/* The timeline's everyday notes, contacts and plan updates: about
	 * forty events a case in all. */
	nnotes = 18 + (size_t)upto(x, 30);
	for (i = 0; i < nnotes; i++)
		if (event(x, c, t + upto(x, end - t), care,
		    notes[upto(x, 6)], NULL) == -1)
			return -1;
	if (closed && event(x, c, end, care, "status", "in_care>closed") ==
	    -1)
		return -1;
	return 0;
}

static int
one_signal(struct nat *x, int64_t t)
{
	int64_t r = upto(x, x->cum[x->nmuni - 1]), org = 0, s, decided;
	size_t lo = 0, hi = x->nmuni - 1, m, i;
	const char *form = pick(x, forms), *f2, *dec;
	struct victim v;
	char both[64];
	int w, total = 0, d;
	bool fast;

	while (lo < hi) {
		m = (lo + hi) / 2;
		if (x->cum[m] > r)
			hi = m;
		else
			lo = m + 1;
	}
	m = lo;
	for (i = 0; i < sizeof(reporters) / sizeof(reporters[0]); i++)
		total += reporters[i].w;
	w = (int)upto(x, total);
	for (i = 0; w >= reporters[i].w; i++)
		w -= reporters[i].w;
	if (reporters[i].slot >= 0)
		org = x->org[reporters[i].slot >= S_NPROV ? 0 :
		    x->prov[m]][reporters[i].slot];
	victim(x, form, &v);
	f2 = form;
	if (chance(x, 8)) {
		f2 = pick(x, forms);
		if (strcmp(f2, form) != 0 &&
		    strcmp(f2, "ernstige_benadeling") != 0 &&
		    strcmp(form, "ernstige_benadeling") != 0) {
			snprintf(both, sizeof(both), "%s,%s", form, f2);
			f2 = arena_strdup(x->ctx->arena, both);
		} else {
			f2 = form;
		}
	}
	for (i = 0, w = (int)upto(x, 100); w >= triage[i].w; i++)
		w -= triage[i].w;
	d = triage[i].lo + (int)upto(x, triage[i].hi - triage[i].lo + 1);
	decided = t + (int64_t)d * DAY + upto(x, DAY / 2);
	dec = chance(x, 25) ? "open_case" : pick(x, decisions);
	/* A third of the cases are acute: decided within the day. */
	fast = strcmp(dec, "open_case") == 0 && chance(x, 33);
	if (fast)
		decided = t + upto(x, DAY / 2);
	if (decided > x->now)
		decided = x->now;
	x->n->signals++;
	if (ins(x, Q_NATIONAL_SIGNAL, ARGS(org != 0 ? store_int(org) :
	    store_null(), x->point[m] != 0 ? store_int(x->point[m]) :
	    store_null(), store_text(x->muni[m]),
	    store_int(day_of(t) - upto(x, 20)),
	    store_text(pick(x, urgencies)), store_text(f2),
	    store_text(""), store_text(dec), store_int(t + 5 * DAY),
	    store_int(t), store_int(decided)), &s) == -1 ||
	    ins(x, Q_NATIONAL_SIGNAL_PERSON, ARGS(store_int(s),
	    store_text("victim"), store_text(v.age), store_text(v.sex),
	    store_text(v.nat), store_text(v.markers)), NULL) == -1)
		return -1;
	if (strcmp(dec, "open_case") == 0)
		return care_case(x, s, m, form, &v, decided, fast);
	/* Now and then a case reported directly, without a signal. */
	if (chance(x, 4))
		return care_case(x, 0, m, form, &v, t, false);
	return 0;
}

/* One month of signals, with their cases, in one transaction. */
static int
month(struct ctx *ctx, void *arg)
{
	struct nat *x = arg;
	int64_t from = month_start(x->year, x->month);
	int64_t to = month_start(x->year, x->month + 1);
	int i;

	for (i = 0; i < x->count; i++)
		if (one_signal(x, from + upto(x, to - from)) == -1)
			return -1;
	return audit_append(ctx, "demo.national", "month",
	    (int64_t)x->year * 100 + x->month);
}

/* Organisations, then regions for the municipalities no region of the
 * type covers yet, per province. */
static int
chain(struct nat *x)
{
	struct ctx *ctx = x->ctx;
	struct store_rows *r;
	struct org_in o;
	struct region_in rg;
	const char **codes, *onames[1];
	char where[64];
	size_t i, p, k, n;
	int64_t id;
	int type;

	x->org = arena_alloc(ctx->arena, x->nprov * sizeof(*x->org));
	memset(x->org, 0, x->nprov * sizeof(*x->org));
	for (p = 0; p < x->nprov; p++)
		for (k = 0; k < S_NALL; k++) {
			if (k >= S_NPROV && p > 0) {
				x->org[p][k] = x->org[0][k];
				continue;
			}
			memset(&o, 0, sizeof(o));
			snprintf(where, sizeof(where), "%s",
			    k >= S_NPROV ? "landelijk" : x->provs[p]);
			o.name = arena_printf(ctx->arena, slots[k].fmt, where);
			o.type = slots[k].type;
			if (org_create(ctx, &o, true, &x->org[p][k]) == -1)
				return -1;
		}
	codes = arena_alloc(ctx->arena, x->nmuni * sizeof(*codes));
	for (type = 0; type < 2; type++)
		for (p = 0; p < x->nprov; p++) {
			if (store_exec(ctx, Q_INSIGHT_REGIONS, NOARGS, &r) ==
			    -1)
				return -1;
			for (i = 0, n = 0; i < x->nmuni; i++) {
				if (x->prov[i] != (int)p)
					continue;
				for (k = 0; k < r->nrows; k++)
					if (strcmp(rows_text(r, k, 3),
					    x->muni[i]) == 0 &&
					    strcmp(rows_text(r, k, 2), type ?
					    "veilig_thuis" :
					    "care_coordination") == 0)
						break;
				if (k == r->nrows)
					codes[n++] = x->muni[i];
			}
			if (n == 0)
				continue;
			memset(&rg, 0, sizeof(rg));
			rg.name = arena_printf(ctx->arena, type ?
			    "Veilig Thuis %s (demo)" :
			    "Zorgcoördinatie %s (demo)", x->provs[p]);
			rg.type = type ? "veilig_thuis" : "care_coordination";
			rg.municipalities.v = codes;
			rg.municipalities.n = n;
			onames[0] = arena_printf(ctx->arena, "%lld",
			    (long long)x->org[p][type ? S_POINT : S_CARE]);
			rg.orgs.v = onames;
			rg.orgs.n = 1;
			if (region_create(ctx, &rg, &id) == -1)
				return -1;
		}
	if (store_exec(ctx, Q_INSIGHT_REGIONS, NOARGS, &r) == -1)
		return -1;
	for (k = 0; k < r->nrows; k++)
		for (i = 0; i < x->nmuni; i++) {
			if (strcmp(rows_text(r, k, 3), x->muni[i]) != 0)
				continue;
			if (strcmp(rows_text(r, k, 2), "care_coordination") ==
			    0 && x->region[i] == 0)
				x->region[i] = rows_int(r, k, 0);
			if (strcmp(rows_text(r, k, 2), "veilig_thuis") == 0 &&
			    x->point[i] == 0)
				x->point[i] = rows_int(r, k, 0);
		}
	return 0;
}

static int
places(struct nat *x)
{
	struct ctx *ctx = x->ctx;
	struct store_rows *r;
	const char *name, *prov;
	uint32_t h;
	size_t i, k;
	int64_t w, sum = 0;

	if (store_exec(ctx, Q_INSIGHT_MUNIS, NOARGS, &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_INVALID, "no municipalities loaded");
	x->nmuni = r->nrows;
	x->muni = arena_alloc(ctx->arena, x->nmuni * sizeof(*x->muni));
	x->prov = arena_alloc(ctx->arena, x->nmuni * sizeof(*x->prov));
	x->cum = arena_alloc(ctx->arena, x->nmuni * sizeof(*x->cum));
	x->region = arena_alloc(ctx->arena, x->nmuni * sizeof(*x->region));
	x->point = arena_alloc(ctx->arena, x->nmuni * sizeof(*x->point));
	x->provs = arena_alloc(ctx->arena, (x->nmuni + 1) *
	    sizeof(*x->provs));
	x->nprov = 0;
	for (i = 0; i < x->nmuni; i++) {
		x->muni[i] = rows_text(r, i, 0);
		name = rows_text(r, i, 1);
		prov = rows_text(r, i, 2);
		x->region[i] = x->point[i] = 0;
		for (k = 0; k < x->nprov; k++)
			if (strcmp(x->provs[k], prov) == 0)
				break;
		if (k == x->nprov)
			x->provs[x->nprov++] = arena_strdup(ctx->arena, prov);
		x->prov[i] = (int)k;
		for (h = 2166136261u, k = 0; x->muni[i][k] != '\0'; k++)
			h = (h ^ (unsigned char)x->muni[i][k]) * 16777619u;
		w = 10 + (int64_t)(h % 41);
		for (k = 0; k < sizeof(large) / sizeof(large[0]); k++)
			if (strcmp(large[k].name, name) == 0)
				w = large[k].k;
		sum += w;
		x->cum[i] = sum;
	}
	return 0;
}

int
demo_national(struct ctx *ctx, const struct national_opts *o,
    struct national_counts *n)
{
	struct nat x;
	struct store_rows *r;
	struct arena *keep = ctx->arena, *a;
	int last, y, rc;
	int64_t id;

	memset(n, 0, sizeof(*n));
	memset(&x, 0, sizeof(x));
	x.ctx = ctx;
	x.o = o;
	x.n = n;
	x.seed = 20261205;
	x.now = time_now();
	if (o->years < 1 || o->years > NATIONAL_YEARS_MAX)
		return fail_field(ctx, "scale", "must be a number of years "
		    "from 1 to %d", NATIONAL_YEARS_MAX);
	if (o->per_year < 12 || o->per_year > NATIONAL_PER_YEAR_MAX)
		return fail_field(ctx, "per-year", "must be from 12 to %d",
		    NATIONAL_PER_YEAR_MAX);
	if (org_resolve(ctx, "Beoordelingscommissie landelijk (demo)", &id)
	    == 0)
		return fail(ctx, ST_CONFLICT, "the national demo data is "
		    "loaded already");
	ctx_clear_error(ctx);
	if (store_row(ctx, Q_USER_BY_NAME, ARGS(store_text("admin")), &r,
	    "the administrator") == -1)
		return -1;
	x.user = rows_int(r, 0, 0);
	ctx->who.user_id = x.user;
	ctx->who.org_id = rows_int(r, 0, 1);
	ctx->who.role = ROLE_ADMIN;
	if (places(&x) == -1 || chain(&x) == -1)
		return -1;
	last = facts_year(x.now) - 1;
	for (y = last - o->years + 1; y <= last; y++) {
		x.year = y;
		for (x.month = 1; x.month <= 12; x.month++) {
			x.count = o->per_year / 12 + (x.month <=
			    o->per_year % 12 ? 1 : 0);
			a = arena_new();
			ctx->arena = a;
			rc = store_write(ctx, month, &x);
			ctx->arena = keep;
			if (rc == -1) {
				/* The message lives in a; keep it. */
				return -1;
			}
			arena_free(a);
		}
		if (o->progress)
			fprintf(stderr, "  %d: %lld signals, %lld cases, "
			    "%lld events so far\n", y,
			    (long long)n->signals, (long long)n->cases,
			    (long long)n->events);
	}
	memset(&ctx->who, 0, sizeof(ctx->who));
	return 0;
}

#include "domain/provider.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/case.h"
#include "domain/catalog.h"
#include "domain/plan.h"
#include "store/store.h"

static const struct {
	unsigned	 flag;
	const char	*name;
} groups[] = {
	{ PG_MINORS, "minors" },
	{ PG_ADULTS, "adults" },
	{ PG_MEN, "men" },
	{ PG_WOMEN, "women" },
	{ PG_LVB, "lvb" },
};
#define NGROUPS	(sizeof(groups) / sizeof(groups[0]))

/*
 * The languages a provider may name: those victims in the Netherlands
 * speak most, by ISO 639-1 code, with their Dutch and English names for
 * reading what a coordinator typed on the person ("Roemeens, Engels").
 */
static const struct {
	const char	*code;
	const char	*nl;
	const char	*en;
} langs[] = {
	{ "nl", "nederlands", "dutch" },
	{ "en", "engels", "english" },
	{ "ro", "roemeens", "romanian" },
	{ "bg", "bulgaars", "bulgarian" },
	{ "pl", "pools", "polish" },
	{ "hu", "hongaars", "hungarian" },
	{ "sk", "slowaaks", "slovak" },
	{ "cs", "tsjechisch", "czech" },
	{ "lt", "litouws", "lithuanian" },
	{ "lv", "lets", "latvian" },
	{ "uk", "oekraiens", "ukrainian" },
	{ "ru", "russisch", "russian" },
	{ "de", "duits", "german" },
	{ "fr", "frans", "french" },
	{ "es", "spaans", "spanish" },
	{ "pt", "portugees", "portuguese" },
	{ "tr", "turks", "turkish" },
	{ "ar", "arabisch", "arabic" },
	{ "fa", "perzisch", "persian" },
	{ "ti", "tigrinya", "tigrinya" },
	{ "am", "amhaars", "amharic" },
	{ "so", "somalisch", "somali" },
	{ "zh", "chinees", "chinese" },
	{ "vi", "vietnamees", "vietnamese" },
	{ "th", "thais", "thai" },
	{ "tl", "tagalog", "tagalog" },
	{ "ur", "urdu", "urdu" },
	{ "hi", "hindi", "hindi" },
};
#define NLANGS	(sizeof(langs) / sizeof(langs[0]))

const char *
provider_group_name(unsigned flag)
{
	size_t i;

	for (i = 0; i < NGROUPS; i++)
		if (groups[i].flag == flag)
			return groups[i].name;
	return NULL;
}

unsigned
provider_group_of(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NGROUPS; i++)
		if (strcmp(groups[i].name, name) == 0)
			return groups[i].flag;
	return 0;
}

bool
provider_lang_known(const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < NLANGS; i++)
		if (strcmp(langs[i].code, code) == 0)
			return true;
	return false;
}

/* One pass over text: names (codes false) or codes (codes true). */
static void
langs_pass(const char *text, bool codes, const char *out[3], size_t *n)
{
	char word[32];
	const char *s = text;
	size_t i, len, k;

	while (*s != '\0' && *n < 3) {
		while (*s != '\0' && !isalpha((unsigned char)*s))
			s++;
		for (len = 0; isalpha((unsigned char)s[len]); len++)
			;
		if (len == 0)
			break;
		i = NLANGS;
		if (len < sizeof(word) && (len == 2) == codes) {
			for (k = 0; k < len; k++)
				word[k] = (char)tolower((unsigned char)s[k]);
			word[len] = '\0';
			for (i = 0; i < NLANGS; i++)
				if (codes ? strcmp(word, langs[i].code) == 0 :
				    strcmp(word, langs[i].nl) == 0 ||
				    strcmp(word, langs[i].en) == 0)
					break;
		}
		for (k = 0; i < NLANGS && k < *n; k++)
			if (strcmp(out[k], langs[i].code) == 0)
				break;
		if (i < NLANGS && k == *n)
			out[(*n)++] = langs[i].code;
		s += len;
	}
}

/*
 * Names first ("Roemeens en Engels"); only a text that names no
 * language is read for codes ("ro, en"), so the Dutch "en" (and) is
 * never taken for English.
 */
void
provider_langs_of(const char *text, const char *out[3])
{
	size_t n = 0;

	out[0] = out[1] = out[2] = NULL;
	if (text == NULL)
		return;
	langs_pass(text, false, out, &n);
	if (n == 0)
		langs_pass(text, true, out, &n);
}

/* The profile of org; ST_NOTFOUND unless it is a provider. */
static int
load(struct ctx *ctx, int64_t org, struct provider *p)
{
	struct store_rows *r;
	size_t i;

	memset(p, 0, sizeof(*p));
	if (store_exec(ctx, Q_PROVIDER_GET, ARGS(store_int(org)), &r) == -1)
		return -1;
	if (r->nrows == 0 || strcmp(rows_text(r, 0, 2), "provider") != 0)
		return fail(ctx, ST_NOTFOUND, "no such provider");
	p->org_id = org;
	p->org_name = rows_text(r, 0, 1);
	for (i = 0; i < NGROUPS; i++)
		if (rows_int(r, 0, 3 + i) != 0)
			p->groups |= groups[i].flag;
	p->free_places = rows_int(r, 0, 8);
	p->waiting_weeks = rows_int(r, 0, 9);
	p->offer_updated_at = rows_int(r, 0, 10);
	p->offer_updated_by = rows_text(r, 0, 11);
	p->capacity_updated_at = rows_int(r, 0, 12);
	p->capacity_updated_by = rows_text(r, 0, 13);
	return 0;
}

static int
load_lists(struct ctx *ctx, struct provider *p)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_PROVIDER_CARE_OF, ARGS(store_int(p->org_id)),
	    &r) == -1)
		return -1;
	p->care.v = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(char *));
	for (i = 0; i < r->nrows; i++)
		p->care.v[i] = rows_text(r, i, 0);
	p->care.n = r->nrows;
	if (store_exec(ctx, Q_PROVIDER_LANG_OF, ARGS(store_int(p->org_id)),
	    &r) == -1)
		return -1;
	p->langs.v = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(char *));
	for (i = 0; i < r->nrows; i++)
		p->langs.v[i] = rows_text(r, i, 0);
	p->langs.n = r->nrows;
	if (store_exec(ctx, Q_PROVIDER_MUNI_OF, ARGS(store_int(p->org_id)),
	    &r) == -1)
		return -1;
	p->munis = arena_alloc(ctx->arena, (r->nrows + 1) *
	    sizeof(*p->munis));
	for (i = 0; i < r->nrows; i++) {
		p->munis[i].code = rows_text(r, i, 0);
		p->munis[i].name = rows_text(r, i, 1);
	}
	p->nmunis = r->nrows;
	if (store_exec(ctx, Q_PROVIDER_REGION_OF, ARGS(store_int(p->org_id)),
	    &r) == -1)
		return -1;
	p->regions = arena_alloc(ctx->arena, (r->nrows + 1) *
	    sizeof(*p->regions));
	for (i = 0; i < r->nrows; i++) {
		p->regions[i].region = rows_int(r, i, 0);
		p->regions[i].name = rows_text(r, i, 1);
	}
	p->nregions = r->nrows;
	return 0;
}

/* Which organisation's profile ctx's user may touch: their own for a
 * provider, any for an admin; *org 0 for anyone else. */
static int
own_org(struct ctx *ctx, int64_t *org)
{
	if (ctx->who.role != ROLE_PROVIDER || ctx->who.org_id == 0)
		return fail(ctx, ST_NOTFOUND, "no such provider");
	*org = ctx->who.org_id;
	return 0;
}

int
provider_get(struct ctx *ctx, int64_t org, struct provider *p)
{
	if (ctx->who.role == ROLE_PROVIDER && org != ctx->who.org_id)
		return fail(ctx, ST_NOTFOUND, "no such provider");
	if (load(ctx, org, p) == -1 || load_lists(ctx, p) == -1)
		return -1;
	return 0;
}

int
provider_mine(struct ctx *ctx, struct provider *p)
{
	int64_t org = 0;

	if (own_org(ctx, &org) == -1)
		return -1;
	return provider_get(ctx, org, p);
}

/* Item i of l repeats an earlier one. */
static bool
repeated(const struct json_strlist *l, size_t i)
{
	size_t k;

	for (k = 0; k < i; k++)
		if (strcmp(l->v[k], l->v[i]) == 0)
			return true;
	return false;
}

static bool
digits(const char *s)
{
	if (*s == '\0' || strlen(s) > 18)
		return false;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

static int
check_in(struct ctx *ctx, const struct provider_in *in, int64_t *regions,
    unsigned *gr)
{
	struct store_rows *r;
	const char *f;
	size_t i;
	int rc = 0;

#define ITEM(list) (f = arena_printf(ctx->arena, "%s[%zu]", list, i))
	for (i = 0; i < in->care_types.n; i++) {
		ITEM("care_types");
		if (catalog_help_need(in->care_types.v[i]) == NULL)
			rc = fail_field(ctx, f, "is not a care type of the "
			    "help-needs catalogue (like SAFE-SHELTER)");
		else if (repeated(&in->care_types, i))
			rc = fail_field(ctx, f, "is listed twice");
	}
	for (i = 0; i < in->municipalities.n; i++) {
		ITEM("municipalities");
		if (store_exec(ctx, Q_MUNI_GET, ARGS(store_text(
		    in->municipalities.v[i])), &r) == -1)
			return -1;
		if (r->nrows == 0)
			rc = fail_field(ctx, f, "is not a known municipality "
			    "code (like GM0599)");
		else if (repeated(&in->municipalities, i))
			rc = fail_field(ctx, f, "is listed twice");
	}
	for (i = 0; i < in->regions.n; i++) {
		ITEM("regions");
		regions[i] = 0;
		if (digits(in->regions.v[i])) {
			regions[i] = strtoll(in->regions.v[i], NULL, 10);
			if (store_exec(ctx, Q_PROVIDER_REGION_IS,
			    ARGS(store_int(regions[i])), &r) == -1)
				return -1;
			if (r->nrows == 0)
				regions[i] = 0;
		}
		if (regions[i] == 0)
			rc = fail_field(ctx, f, "is not the id of a region");
		else if (repeated(&in->regions, i))
			rc = fail_field(ctx, f, "is listed twice");
	}
	*gr = 0;
	for (i = 0; i < in->target_groups.n; i++) {
		ITEM("target_groups");
		if (provider_group_of(in->target_groups.v[i]) == 0)
			rc = fail_field(ctx, f, "must be minors, adults, men, "
			    "women or lvb");
		else if (repeated(&in->target_groups, i))
			rc = fail_field(ctx, f, "is listed twice");
		else
			*gr |= provider_group_of(in->target_groups.v[i]);
	}
	for (i = 0; i < in->languages.n; i++) {
		ITEM("languages");
		if (strlen(in->languages.v[i]) != 2 ||
		    !islower((unsigned char)in->languages.v[i][0]) ||
		    !islower((unsigned char)in->languages.v[i][1]))
			rc = fail_field(ctx, f, "is not an ISO 639-1 code: two "
			    "lower-case letters, like ro");
		else if (!provider_lang_known(in->languages.v[i]))
			rc = fail_field(ctx, f, "is not on the list of known "
			    "languages (docs/api.md)");
		else if (repeated(&in->languages, i))
			rc = fail_field(ctx, f, "is listed twice");
	}
#undef ITEM
	if (in->free_places < -1)
		rc = fail_field(ctx, "free_places", "must be 0 or more");
	if (in->waiting_weeks < -1)
		rc = fail_field(ctx, "waiting_weeks", "must be 0 or more");
	if ((in->free_places == -1) != (in->waiting_weeks == -1))
		rc = fail_field(ctx, in->free_places == -1 ? "free_places" :
		    "waiting_weeks", "is required with %s: capacity is "
		    "updated as a whole", in->free_places == -1 ?
		    "waiting_weeks" : "free_places");
	return rc;
}

struct set_job {
	int64_t		 org;
	const struct provider_in *in;
	const int64_t	*regions;
	unsigned	 groups;
};

static int
capacity_write(struct ctx *ctx, int64_t org, int64_t places, int64_t weeks)
{
	return store_exec(ctx, Q_PROVIDER_CAPACITY_SET, ARGS(store_int(org),
	    store_int(places), store_int(weeks), store_int(time_now()),
	    store_int(ctx->who.user_id)), NULL);
}

static int
set_job(struct ctx *ctx, void *p)
{
	struct set_job *j = p;
	const struct provider_in *in = j->in;
	struct store_value org = store_int(j->org);
	size_t i;

	if (store_exec(ctx, Q_PROVIDER_OFFER_SET, ARGS(org,
	    store_int((j->groups & PG_MINORS) != 0),
	    store_int((j->groups & PG_ADULTS) != 0),
	    store_int((j->groups & PG_MEN) != 0),
	    store_int((j->groups & PG_WOMEN) != 0),
	    store_int((j->groups & PG_LVB) != 0), store_int(time_now()),
	    store_int(ctx->who.user_id)), NULL) == -1 ||
	    store_exec(ctx, Q_PROVIDER_CARE_CLEAR, ARGS(org), NULL) == -1 ||
	    store_exec(ctx, Q_PROVIDER_MUNI_CLEAR, ARGS(org), NULL) == -1 ||
	    store_exec(ctx, Q_PROVIDER_REGION_CLEAR, ARGS(org), NULL) == -1 ||
	    store_exec(ctx, Q_PROVIDER_LANG_CLEAR, ARGS(org), NULL) == -1)
		return -1;
	for (i = 0; i < in->care_types.n; i++)
		if (store_exec(ctx, Q_PROVIDER_CARE_ADD, ARGS(org,
		    store_text(in->care_types.v[i])), NULL) == -1)
			return -1;
	for (i = 0; i < in->municipalities.n; i++)
		if (store_exec(ctx, Q_PROVIDER_MUNI_ADD, ARGS(org,
		    store_text(in->municipalities.v[i])), NULL) == -1)
			return -1;
	for (i = 0; i < in->regions.n; i++)
		if (store_exec(ctx, Q_PROVIDER_REGION_ADD, ARGS(org,
		    store_int(j->regions[i])), NULL) == -1)
			return -1;
	for (i = 0; i < in->languages.n; i++)
		if (store_exec(ctx, Q_PROVIDER_LANG_ADD, ARGS(org,
		    store_text(in->languages.v[i])), NULL) == -1)
			return -1;
	if (in->free_places >= 0 && (capacity_write(ctx, j->org,
	    in->free_places, in->waiting_weeks) == -1 ||
	    audit_append(ctx, "provider.capacity", "org", j->org) == -1))
		return -1;
	return audit_append(ctx, "provider.offer", "org", j->org);
}

int
provider_set(struct ctx *ctx, int64_t org, const struct provider_in *in)
{
	struct provider p;
	struct set_job j;
	int64_t *regions;

	if (ctx->who.role == ROLE_PROVIDER) {
		if (org != ctx->who.org_id)
			return fail(ctx, ST_NOTFOUND, "no such provider");
	} else if (ctx->who.role != ROLE_ADMIN) {
		return fail(ctx, ST_NOTFOUND, "no such provider");
	}
	regions = arena_alloc(ctx->arena, (in->regions.n + 1) *
	    sizeof(*regions));
	memset(&j, 0, sizeof(j));
	if (check_in(ctx, in, regions, &j.groups) == -1)
		return -1;
	if (load(ctx, org, &p) == -1)
		return -1;
	j.org = org;
	j.in = in;
	j.regions = regions;
	return store_write(ctx, set_job, &j);
}

struct capacity_job {
	int64_t		 org, places, weeks;
};

static int
capacity_job(struct ctx *ctx, void *p)
{
	struct capacity_job *j = p;

	if (capacity_write(ctx, j->org, j->places, j->weeks) == -1)
		return -1;
	return audit_append(ctx, "provider.capacity", "org", j->org);
}

int
provider_capacity(struct ctx *ctx, int64_t places, int64_t weeks)
{
	struct capacity_job j;
	struct provider p;
	int rc = 0;

	if (places < 0)
		rc = fail_field(ctx, "free_places", "must be 0 or more");
	if (weeks < 0)
		rc = fail_field(ctx, "waiting_weeks", "must be 0 or more");
	if (rc == -1)
		return -1;
	memset(&j, 0, sizeof(j));
	if (own_org(ctx, &j.org) == -1 || load(ctx, j.org, &p) == -1)
		return -1;
	j.places = places;
	j.weeks = weeks;
	return store_write(ctx, capacity_job, &j);
}

void
provider_person_of(const struct case_person *c, size_t n,
    struct provider_person *who)
{
	const struct signal_person *p = NULL;
	size_t i;

	memset(who, 0, sizeof(*who));
	for (i = 0; i < n && p == NULL; i++)
		if (c[i].p.kind != NULL && strcmp(c[i].p.kind, "victim") == 0)
			p = &c[i].p;
	if (p == NULL && n > 0)
		p = &c[0].p;
	if (p == NULL)
		return;
	if (p->age_band != NULL) {
		who->minor = strcmp(p->age_band, "0-11") == 0 ||
		    strcmp(p->age_band, "12-15") == 0 ||
		    strcmp(p->age_band, "16-17") == 0;
		who->adult = !who->minor;
	}
	if (p->sex != NULL && (strcmp(p->sex, "female") == 0 ||
	    strcmp(p->sex, "male") == 0))
		who->sex = p->sex;
	for (i = 0; i < p->markers.n; i++)
		if (strcmp(p->markers.v[i], "lvb") == 0)
			who->lvb = true;
	provider_langs_of(p->languages, who->langs);
}

static struct store_value
lang_arg(const char *code)
{
	/* "" matches no provider_language row (its CHECK wants two). */
	return store_text(code != NULL ? code : "");
}

int
provider_fit(struct ctx *ctx, int64_t id, int64_t nid,
    struct provider_fit **out, size_t *n, struct provider_person *who)
{
	struct case_head h;
	struct case_person *persons;
	struct case_need *needs;
	struct provider_fit *f;
	struct store_rows *r;
	const char *need = NULL;
	enum case_rel rel;
	size_t i, np, nn;
	bool bad = false;

	*out = NULL;
	*n = 0;
	if (case_access(ctx, id, &h, &rel) == -1)
		return -1;
	if (rel != CASE_REL_TEAM)
		return fail(ctx, ST_NOTFOUND, "no such case");
	if (plan_needs_of_case(ctx, id, &needs, &nn) == -1)
		return -1;
	for (i = 0; i < nn; i++)
		if (needs[i].id == nid)
			need = needs[i].need;
	if (need == NULL)
		return fail(ctx, ST_NOTFOUND, "case %lld has no need %lld",
		    (long long)id, (long long)nid);
	if (person_of_case(ctx, id, &persons, &np, &bad) == -1)
		return -1;
	if (bad) {
		ctx_clear_error(ctx);
		return fail(ctx, ST_INTERNAL, "case %lld cannot be decrypted",
		    (long long)id);
	}
	provider_person_of(persons, np, who);
	if (store_exec(ctx, Q_PROVIDER_FIT, ARGS(store_text(need),
	    store_text(h.municipality), store_int(who->minor),
	    store_int(who->adult), store_text(who->sex != NULL ? who->sex :
	    ""), lang_arg(who->langs[0]), lang_arg(who->langs[1]),
	    lang_arg(who->langs[2]), store_int(PROVIDER_FIT_MAX)), &r) == -1)
		return -1;
	f = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*f));
	for (i = 0; i < r->nrows; i++) {
		f[i].org_id = rows_int(r, i, 0);
		f[i].name = rows_text(r, i, 1);
		f[i].free_places = rows_int(r, i, 2);
		f[i].waiting_weeks = rows_int(r, i, 3);
		f[i].capacity_updated_at = rows_int(r, i, 4);
		if (who->minor && rows_int(r, i, 5) != 0)
			f[i].matched |= PG_MINORS;
		if (who->adult && rows_int(r, i, 6) != 0)
			f[i].matched |= PG_ADULTS;
		if (who->sex != NULL && strcmp(who->sex, "male") == 0 &&
		    rows_int(r, i, 7) != 0)
			f[i].matched |= PG_MEN;
		if (who->sex != NULL && strcmp(who->sex, "female") == 0 &&
		    rows_int(r, i, 8) != 0)
			f[i].matched |= PG_WOMEN;
		if (who->lvb && rows_int(r, i, 9) != 0)
			f[i].matched |= PG_LVB;
		f[i].language = rows_null(r, i, 10) ? NULL :
		    rows_text(r, i, 10);
	}
	/* No answer without its trace: the search is a read of the case. */
	if (audit_read(ctx, "case.providers", "case", id) == -1)
		return -1;
	*out = f;
	*n = r->nrows;
	return 0;
}

#include "insight/htcds.h"

#include <stdlib.h>
#include <string.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/parse.h"
#include "insight/facts.h"
#include "insight/insight.h"
#include "insight/protect.h"
#include "store/store.h"

const char htcds_header[] = "yearOfRegistration,dataSource,gender,"
    "ageBroad,majorityStatus,citizenship,isSexualExploit,isForcedLabour,"
    "isOtherExploit,typeOfExploitConcatenated";

/* What a step keeps. */
enum {
	K_GENDER = 1 << 0,
	K_AGE = 1 << 1,		/* the band itself */
	K_MAJORITY = 1 << 2,
	K_CITIZEN = 1 << 3,
	K_TYPES = 1 << 4,	/* the list of forms */
	K_FLAGS = 1 << 5,
	K_ALL = (1 << 6) - 1,
};

static const unsigned steps[HTCDS_LEVELS] = {
	K_ALL,
	K_ALL & ~K_AGE,
	K_ALL & ~(K_AGE | K_TYPES),
	K_GENDER | K_MAJORITY | K_FLAGS,
	K_MAJORITY | K_FLAGS,
	K_FLAGS,
	0,
};

struct pair {
	const char	*code;
	const char	*out;
};

static const struct pair genders[] = {
	{ "female", "Female" }, { "male", "Male" }, { "other", "Other" },
	{ NULL, NULL },
};

static const struct pair ages[] = {
	{ "0-11", "0--11" }, { "12-15", "12--15" }, { "16-17", "16--17" },
	{ "18-22", "18--22" }, { "23-29", "23--29" }, { "30+", "30+" },
	{ NULL, NULL },
};

static const struct pair citizens[] = {
	{ "dutch", "NL" }, { "eu", "EU" }, { "non_eu", "non-EU" },
	{ NULL, NULL },
};

/* Forms in the order of the concatenated list; the flag each sets. */
enum { F_SEXUAL = 1, F_LABOUR = 2, F_OTHER = 4 };
static const struct {
	const char	*code;
	const char	*out;
	unsigned	 flag;
} forms[] = {
	{ "sexual", "Sexual exploitation", F_SEXUAL },
	{ "labour", "Forced labour", F_LABOUR },
	{ "criminal", "Forced criminal activities", F_OTHER },
	{ "forced_services", "Forced services", F_OTHER },
	{ "begging", "Begging", F_OTHER },
	{ "organ_removal", "Removal of organs", F_OTHER },
	{ "other_unknown", "Other", F_OTHER },
	{ "ernstige_benadeling", "Other", F_OTHER },
};
#define NFORMS	(sizeof(forms) / sizeof(forms[0]))

/* The out text of code, or "" for one not listed (not known). */
static const char *
out_of(const struct pair *t, const char *code)
{
	for (; code != NULL && t->code != NULL; t++)
		if (strcmp(t->code, code) == 0)
			return t->out;
	return "";
}

static const char *
majority(const char *band)
{
	if (band == NULL || out_of(ages, band)[0] == '\0')
		return "";
	if (strcmp(band, "0-11") == 0 || strcmp(band, "12-15") == 0 ||
	    strcmp(band, "16-17") == 0)
		return "Minor";
	return "Adult";
}

/* Whether the comma-separated list holds code. */
static bool
listed(const char *list, const char *code)
{
	size_t len = strlen(code);
	const char *p = list;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, code, len) == 0 && (p[len] == ',' ||
		    p[len] == '\0'))
			return true;
		p = strchr(p, ',');
		if (p != NULL)
			p++;
	}
	return false;
}

/* The row of victim v as step keep shows it. */
static const char *
row_of(struct arena *a, int year, const struct htcds_victim *v,
    unsigned keep)
{
	const char *types = "", *prev = NULL;
	unsigned flags = 0;
	size_t i;

	for (i = 0; i < NFORMS; i++) {
		if (!listed(v->forms, forms[i].code))
			continue;
		flags |= forms[i].flag;
		/* "Other" once, however many forms map to it. */
		if (prev != NULL && strcmp(prev, forms[i].out) == 0)
			continue;
		if (strstr(types, forms[i].out) != NULL)
			continue;
		types = *types == '\0' ? forms[i].out :
		    arena_printf(a, "%s;%s", types, forms[i].out);
		prev = forms[i].out;
	}
	return arena_printf(a, "%d,Case Management,%s,%s,%s,%s,%s,%s,%s,%s",
	    year, keep & K_GENDER ? out_of(genders, v->sex) : "",
	    keep & K_AGE ? out_of(ages, v->age_band) : "",
	    keep & K_MAJORITY ? majority(v->age_band) : "",
	    keep & K_CITIZEN ? out_of(citizens, v->nationality) : "",
	    keep & K_FLAGS ? (flags & F_SEXUAL ? "1" : "0") : "",
	    keep & K_FLAGS ? (flags & F_LABOUR ? "1" : "0") : "",
	    keep & K_FLAGS ? (flags & F_OTHER ? "1" : "0") : "",
	    keep & K_TYPES ? types : "");
}

struct item {
	const char	*key;
	size_t		 victim;
};

static int
cmp_item(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->victim < y->victim ? -1 : x->victim > y->victim;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void
htcds_anonymise(struct arena *a, int year, const struct htcds_victim *v,
    size_t n, int64_t k, struct htcds_export *e)
{
	const char **placed = arena_alloc(a, (n + 1) * sizeof(*placed));
	struct item *it = arena_alloc(a, (n + 1) * sizeof(*it));
	size_t s, i, j, m, left;

	memset(e, 0, sizeof(*e));
	e->year = year;
	e->k = k;
	e->rows = arena_alloc(a, (n + 1) * sizeof(*e->rows));
	for (s = 0; s < HTCDS_LEVELS; s++) {
		for (i = 0, left = 0; i < n; i++)
			if (placed[i] == NULL) {
				it[left].key = row_of(a, year, &v[i],
				    steps[s]);
				it[left++].victim = i;
			}
		qsort(it, left, sizeof(*it), cmp_item);
		for (i = 0; i < left; i = j) {
			for (j = i + 1; j < left; j++)
				if (strcmp(it[j].key, it[i].key) != 0)
					break;
			if ((int64_t)(j - i) < k)
				continue;
			for (m = i; m < j; m++) {
				placed[it[m].victim] = it[m].key;
				e->rows[e->n++] = it[m].key;
			}
			e->placed[s] += j - i;
		}
	}
	e->suppressed = n - e->n;
	qsort(e->rows, e->n, sizeof(*e->rows), cmp_str);
}

bool
htcds_k_anonymous(const char *const *rows, size_t n, int64_t k)
{
	size_t i, j;

	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n; j++)
			if (strcmp(rows[j], rows[i]) != 0)
				break;
		if ((int64_t)(j - i) < k)
			return false;
		/* Sorted: the same row never comes back further on. */
		if (j < n && strcmp(rows[j], rows[i]) < 0)
			return false;
	}
	return true;
}

int
htcds_year(struct ctx *ctx, const char *year, int *y)
{
	int last = facts_year(time_now());
	int64_t v;

	while (facts_closed(last, time_now()) < 4)
		last--;
	if (year == NULL) {
		*y = last;
		return 0;
	}
	if (parse_int64(year, last - INSIGHT_YEARS + 1, last, &v) == -1)
		return fail_field(ctx, "year", "must be a whole closed year "
		    "from %d to %d", last - INSIGHT_YEARS + 1, last);
	*y = (int)v;
	return 0;
}

static int
release_job(struct ctx *ctx, void *arg)
{
	const int *year = arg;

	return store_exec(ctx, Q_INSIGHT_RELEASE_INSERT, ARGS(
	    store_int(time_now()), store_int(ctx->who.user_id),
	    ctx->who.org_id > 0 ? store_int(ctx->who.org_id) : store_null(),
	    store_text(role_name(ctx->who.role)), store_text("htcds"),
	    store_null(), store_text("country"), store_text("NL"),
	    store_int(*year), store_int(4)), NULL);
}

int
htcds_build(struct ctx *ctx, int year, struct htcds_export *e)
{
	struct htcds_victim *v;
	struct store_rows *r;
	size_t i, n = 0;

	memset(e, 0, sizeof(*e));
	if (facts_closed(year, time_now()) < 4)
		return fail_field(ctx, "year", "is not a whole closed year");
	if (store_exec(ctx, Q_HTCDS_VICTIMS, ARGS(store_int(
	    facts_quarter_start(facts_quarter(year, 1))), store_int(
	    facts_quarter_start(facts_quarter(year + 1, 1)))), &r) == -1)
		return -1;
	v = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*v));
	for (i = 0; i < r->nrows; i++) {
		/* Trafficking only: a worker's serious disadvantage is not
		 * a case of the standard. */
		if (strcmp(rows_text(r, i, 4), "trafficking") != 0)
			continue;
		v[n].sex = rows_text(r, i, 0);
		v[n].age_band = rows_text(r, i, 1);
		v[n].nationality = rows_text(r, i, 2);
		v[n].forms = rows_text(r, i, 3);
		n++;
	}
	htcds_anonymise(ctx->arena, year, v, n, protect_rules()->threshold,
	    e);
	if (!htcds_k_anonymous(e->rows, e->n, e->k))
		return fail(ctx, ST_INTERNAL, "htcds export of %d is not "
		    "k-anonymous", year);
	return store_write(ctx, release_job, &year);
}

void
htcds_csv(struct buf *b, const struct htcds_export *e)
{
	size_t i;

	buf_puts(b, htcds_header);
	buf_puts(b, "\r\n");
	for (i = 0; i < e->n; i++) {
		buf_puts(b, e->rows[i]);
		buf_puts(b, "\r\n");
	}
}

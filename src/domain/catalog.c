#include "catalog.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/embed.h"
#include "core/fail.h"
#include "core/utf8.h"

#define FIELD_MAX	4096		/* bytes in one CSV field */
#define ID_MAX		32

const struct catalog_label catalog_groups[] = {
	{ "general", "General indicators", "Algemene indicatoren" },
	{ "labour", "Labour exploitation", "Arbeidsuitbuiting" },
	{ "sexual", "Sexual exploitation", "Seksuele uitbuiting" },
	{ "criminal", "Criminal exploitation", "Criminele uitbuiting" },
	{ NULL, NULL, NULL },
};

const struct catalog_label catalog_forms[] = {
	{ "sexual", "Sexual exploitation", "Seksuele uitbuiting" },
	{ "labour", "Labour exploitation", "Arbeidsuitbuiting" },
	{ "criminal", "Criminal exploitation", "Criminele uitbuiting" },
	{ "forced_services", "Forced services",
	    "Gedwongen dienstverlening" },
	{ "begging", "Forced begging", "Gedwongen bedelarij" },
	{ "organ_removal", "Organ removal", "Orgaanverwijdering" },
	{ "other_unknown", "Other or unknown", "Anders of onbekend" },
	{ "ernstige_benadeling",
	    "Serious disadvantage of a worker (ernstige benadeling)",
	    "Ernstige benadeling" },
	{ NULL, NULL, NULL },
};

const struct catalog_label catalog_markers[] = {
	{ "minor", "Minor (under 18)", "Minderjarig (jonger dan 18)" },
	{ "age_18_22", "Aged 18 to 22", "18 tot en met 22 jaar" },
	{ "dutch", "Dutch nationality", "Nederlandse nationaliteit" },
	{ "eu", "Nationality of another EU country",
	    "Nationaliteit van een ander EU-land" },
	{ "non_eu", "Non-EU nationality", "Nationaliteit van buiten de EU" },
	{ "unaccompanied_minor", "Unaccompanied minor",
	    "Alleenstaande minderjarige vreemdeling (amv)" },
	{ "lvb", "Mild intellectual disability (LVB)",
	    "Licht verstandelijke beperking (lvb)" },
	{ "labour_migrant", "Labour migrant", "Arbeidsmigrant" },
	{ "psychiatric", "Psychiatric problems",
	    "Psychiatrische problematiek" },
	{ "addiction", "Addiction", "Verslaving" },
	{ "debts", "Debts", "Schulden" },
	{ "homeless", "Homeless", "Dak- of thuisloos" },
	{ "in_youth_care", "In youth care", "In de jeugdhulp" },
	{ NULL, NULL, NULL },
};

static const char *const indicator_cols[] = {
	"id", "form", "category", "category_nl", "indicator_en",
	"indicator_nl", "source",
};

static const char *const help_need_cols[] = {
	"id", "domain", "domain_nl", "need_en", "need_nl",
	"typical_providers", "notes",
};

#define NCOLS(tab)	(sizeof(tab) / sizeof((tab)[0]))

/* The catalogues, owned by this module for the life of the process. */
static pthread_once_t	 load_once = PTHREAD_ONCE_INIT;
static struct arena	*catalog_arena;
static struct indicator	*indicators;
static size_t		 nindicators;
static struct help_need	*help_needs;
static size_t		 nhelp_needs;
static char		 load_error[256];	/* "" once loaded */

/* A reader over CSV text.  Lines count from 1. */
struct csv {
	const char	*p;
	const char	*end;
	size_t		 line;		/* line p is on */
	size_t		 start;		/* line the current record began on */
	struct buf	 field;
};

/* A parsed table without its header row. */
struct table {
	char		**cell;		/* row r, column c: [r * ncols + c] */
	size_t		 *line;		/* line each row began on */
	size_t		  nrows;
	size_t		  ncols;
};

static const struct catalog_label *
label_find(const struct catalog_label *tab, const char *key)
{
	if (key == NULL)
		return NULL;
	for (; tab->key != NULL; tab++)
		if (strcmp(tab->key, key) == 0)
			return tab;
	return NULL;
}

static const char *
label_text(const struct catalog_label *tab, const char *key,
    const char *lang)
{
	const struct catalog_label *l = label_find(tab, key);

	if (l == NULL)
		return NULL;
	return lang != NULL && strcmp(lang, "en") == 0 ? l->en : l->nl;
}

/* 0 when text is valid UTF-8 without NUL; else -1 and the bad line. */
static int
check_text(const char *text, size_t len, size_t *line)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, n;

	*line = 1;
	while (i < len) {
		n = s[i] == 0 ? 0 : utf8_seq(s + i, len - i);
		if (n == 0)
			return -1;
		if (s[i] == '\n')
			(*line)++;
		i += n;
	}
	return 0;
}

static bool
at_eol(const struct csv *c)
{
	return c->p == c->end || *c->p == '\n' || *c->p == '\r';
}

/* A quoted field; c->p is just past the opening quote. */
static int
quoted_field(struct csv *c, const char **why)
{
	char ch;

	for (;;) {
		if (c->p == c->end) {
			*why = "unterminated quoted field";
			return -1;
		}
		ch = *c->p++;
		if (ch == '"') {
			if (c->p == c->end || *c->p != '"')
				break;
			c->p++;
		} else if (ch == '\n')
			c->line++;
		if (buf_putc(&c->field, ch) == -1) {
			*why = "field too long";
			return -1;
		}
	}
	if (!at_eol(c) && *c->p != ',') {
		*why = "text after a closing quote";
		return -1;
	}
	return 0;
}

static int
plain_field(struct csv *c, const char **why)
{
	while (!at_eol(c) && *c->p != ',') {
		if (*c->p == '"') {
			*why = "quote inside an unquoted field";
			return -1;
		}
		if (buf_putc(&c->field, *c->p++) == -1) {
			*why = "field too long";
			return -1;
		}
	}
	return 0;
}

/*
 * The next record: 1 with its fields (copies in the arena) in *f and *n,
 * 0 at the end of the text, -1 with *why on malformed input.
 */
static int
csv_record(struct arena *a, struct csv *c, char ***f, size_t *n,
    const char **why)
{
	size_t cap = 8;

	if (c->p == c->end)
		return 0;
	c->start = c->line;
	*n = 0;
	*f = arena_alloc(a, cap * sizeof(**f));
	for (;;) {
		buf_reset(&c->field);
		if (c->p < c->end && *c->p == '"') {
			c->p++;
			if (quoted_field(c, why) == -1)
				return -1;
		} else if (plain_field(c, why) == -1)
			return -1;
		if (*n == cap) {
			*f = arena_realloc(a, *f, cap * sizeof(**f),
			    2 * cap * sizeof(**f));
			cap *= 2;
		}
		(*f)[(*n)++] = arena_strndup(a, c->field.p, c->field.len);
		if (c->p == c->end)
			return 1;
		if (*c->p == ',') {
			c->p++;
			continue;
		}
		if (*c->p == '\r') {
			if (c->p + 1 == c->end || c->p[1] != '\n') {
				*why = "carriage return without line feed";
				return -1;
			}
			c->p++;
		}
		c->p++;
		c->line++;
		return 1;
	}
}

/*
 * Parse text as a table whose header must be exactly cols, every row with
 * exactly that many fields.
 */
static int
csv_table(struct ctx *ctx, const char *name, const char *text, size_t len,
    const char *const *cols, size_t ncols, struct table *t)
{
	struct csv c;
	const char *why = NULL;
	char **f;
	size_t n, i, cap = 64, line;
	int r;

	if (check_text(text, len, &line) == -1)
		return fail(ctx, ST_INTERNAL, "%s line %zu: invalid UTF-8 or "
		    "NUL byte", name, line);
	/* A byte-order mark, as spreadsheets write it, is not data. */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	memset(&c, 0, sizeof(c));
	c.p = text;
	c.end = text + len;
	c.line = 1;
	buf_init(&c.field, ctx->arena, FIELD_MAX);

	r = csv_record(ctx->arena, &c, &f, &n, &why);
	if (r == 0)
		return fail(ctx, ST_INTERNAL, "%s: no header row", name);
	if (r == -1)
		goto out_bad;
	if (n != ncols)
		return fail(ctx, ST_INTERNAL, "%s line 1: header has %zu "
		    "columns, expected %zu", name, n, ncols);
	for (i = 0; i < ncols; i++)
		if (strcmp(f[i], cols[i]) != 0)
			return fail(ctx, ST_INTERNAL, "%s line 1: column %zu "
			    "is '%s', expected '%s'", name, i + 1, f[i],
			    cols[i]);

	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	t->cell = arena_alloc(ctx->arena, cap * ncols * sizeof(*t->cell));
	t->line = arena_alloc(ctx->arena, cap * sizeof(*t->line));
	for (;;) {
		r = csv_record(ctx->arena, &c, &f, &n, &why);
		if (r == 0)
			break;
		if (r == -1)
			goto out_bad;
		if (n == 1 && f[0][0] == '\0') {
			why = "blank line";
			goto out_bad;
		}
		if (n != ncols)
			return fail(ctx, ST_INTERNAL, "%s line %zu: %zu "
			    "fields, expected %zu", name, c.start, n, ncols);
		if (t->nrows == cap) {
			t->cell = arena_realloc(ctx->arena, t->cell,
			    cap * ncols * sizeof(*t->cell),
			    2 * cap * ncols * sizeof(*t->cell));
			t->line = arena_realloc(ctx->arena, t->line,
			    cap * sizeof(*t->line),
			    2 * cap * sizeof(*t->line));
			cap *= 2;
		}
		memcpy(&t->cell[t->nrows * ncols], f, ncols * sizeof(*f));
		t->line[t->nrows++] = c.start;
	}
	return 0;

out_bad:
	return fail(ctx, ST_INTERNAL, "%s line %zu: %s", name, c.start, why);
}

static bool
id_valid(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return i > 0 && i <= ID_MAX;
}

/*
 * Checks shared by both tables: the id column (0) is well formed and
 * unique, and the columns flagged in required are not empty.
 */
static int
table_check(struct ctx *ctx, const char *name, const struct table *t,
    const char *const *cols, const bool *required)
{
	size_t r, q, c;
	const char *id;

	for (r = 0; r < t->nrows; r++) {
		id = t->cell[r * t->ncols];
		if (!id_valid(id))
			return fail(ctx, ST_INTERNAL, "%s line %zu: invalid "
			    "id '%s'", name, t->line[r], id);
		for (q = 0; q < r; q++)
			if (strcmp(t->cell[q * t->ncols], id) == 0)
				return fail(ctx, ST_INTERNAL, "%s line %zu: "
				    "duplicate id '%s'", name, t->line[r],
				    id);
		for (c = 0; c < t->ncols; c++)
			if (required[c] && t->cell[r * t->ncols + c][0] == 0)
				return fail(ctx, ST_INTERNAL, "%s line %zu: "
				    "empty '%s'", name, t->line[r], cols[c]);
	}
	return 0;
}

int
catalog_parse_indicators(struct ctx *ctx, const char *name,
    const char *text, size_t len, struct indicator **out, size_t *n)
{
	static const bool required[NCOLS(indicator_cols)] = {
		true, true, true, true, true, true, true,
	};
	struct table t;
	struct indicator *v;
	char **row;
	size_t i;

	if (csv_table(ctx, name, text, len, indicator_cols,
	    NCOLS(indicator_cols), &t) == -1)
		return -1;
	if (table_check(ctx, name, &t, indicator_cols, required) == -1)
		return -1;
	v = arena_alloc(ctx->arena, (t.nrows + 1) * sizeof(*v));
	for (i = 0; i < t.nrows; i++) {
		row = &t.cell[i * t.ncols];
		if (!catalog_group_valid(row[1]))
			return fail(ctx, ST_INTERNAL, "%s line %zu: unknown "
			    "group '%s'", name, t.line[i], row[1]);
		v[i].id = row[0];
		v[i].form = row[1];
		v[i].category_en = row[2];
		v[i].category_nl = row[3];
		v[i].text_en = row[4];
		v[i].text_nl = row[5];
		v[i].source = row[6];
	}
	*out = v;
	*n = t.nrows;
	return 0;
}

int
catalog_parse_help_needs(struct ctx *ctx, const char *name,
    const char *text, size_t len, struct help_need **out, size_t *n)
{
	static const bool required[NCOLS(help_need_cols)] = {
		true, true, true, true, true, false, false,
	};
	struct table t;
	struct help_need *v;
	char **row;
	size_t i;

	if (csv_table(ctx, name, text, len, help_need_cols,
	    NCOLS(help_need_cols), &t) == -1)
		return -1;
	if (table_check(ctx, name, &t, help_need_cols, required) == -1)
		return -1;
	v = arena_alloc(ctx->arena, (t.nrows + 1) * sizeof(*v));
	for (i = 0; i < t.nrows; i++) {
		row = &t.cell[i * t.ncols];
		v[i].id = row[0];
		v[i].domain = row[1];
		v[i].domain_nl = row[2];
		v[i].text_en = row[3];
		v[i].text_nl = row[4];
		v[i].providers = row[5];
		v[i].notes = row[6];
	}
	*out = v;
	*n = t.nrows;
	return 0;
}

static int
load_file(struct ctx *ctx, const char *name, const struct embedded_file **f)
{
	*f = embed_find(embedded_data, name);
	if (*f == NULL)
		return fail(ctx, ST_INTERNAL, "%s is not built in", name);
	return 0;
}

static void
load(void)
{
	const struct embedded_file *f;
	struct arena *a = arena_new();
	struct ctx ctx;

	ctx_init(&ctx, a, NULL);
	if (load_file(&ctx, "indicators.csv", &f) == -1)
		goto out_free;
	if (catalog_parse_indicators(&ctx, f->name, (const char *)f->data,
	    f->len, &indicators, &nindicators) == -1)
		goto out_free;
	if (load_file(&ctx, "help-needs.csv", &f) == -1)
		goto out_free;
	if (catalog_parse_help_needs(&ctx, f->name, (const char *)f->data,
	    f->len, &help_needs, &nhelp_needs) == -1)
		goto out_free;
	catalog_arena = a;
	return;

out_free:
	snprintf(load_error, sizeof(load_error), "%s", ctx.message);
	indicators = NULL;
	nindicators = 0;
	help_needs = NULL;
	nhelp_needs = 0;
	arena_free(a);
}

static bool
loaded(void)
{
	pthread_once(&load_once, load);
	return catalog_arena != NULL;
}

int
catalog_load(struct ctx *ctx)
{
	if (!loaded())
		return fail(ctx, ST_INTERNAL, "catalogue: %s", load_error);
	return 0;
}

const struct indicator *
catalog_indicators(size_t *n)
{
	*n = loaded() ? nindicators : 0;
	return *n > 0 ? indicators : NULL;
}

const struct indicator *
catalog_indicator(const char *id)
{
	size_t i;

	if (id == NULL || !loaded())
		return NULL;
	for (i = 0; i < nindicators; i++)
		if (strcmp(indicators[i].id, id) == 0)
			return &indicators[i];
	return NULL;
}

const struct help_need *
catalog_help_needs(size_t *n)
{
	*n = loaded() ? nhelp_needs : 0;
	return *n > 0 ? help_needs : NULL;
}

const struct help_need *
catalog_help_need(const char *id)
{
	size_t i;

	if (id == NULL || !loaded())
		return NULL;
	for (i = 0; i < nhelp_needs; i++)
		if (strcmp(help_needs[i].id, id) == 0)
			return &help_needs[i];
	return NULL;
}

bool
catalog_group_valid(const char *group)
{
	return label_find(catalog_groups, group) != NULL;
}

const char *
catalog_group_label(const char *group, const char *lang)
{
	return label_text(catalog_groups, group, lang);
}

bool
catalog_form_valid(const char *form)
{
	return label_find(catalog_forms, form) != NULL;
}

const char *
catalog_form_label(const char *form, const char *lang)
{
	return label_text(catalog_forms, form, lang);
}

bool
catalog_marker_valid(const char *marker)
{
	return label_find(catalog_markers, marker) != NULL;
}

const char *
catalog_marker_label(const char *marker, const char *lang)
{
	return label_text(catalog_markers, marker, lang);
}

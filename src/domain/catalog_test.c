/* Unit tests for catalog: the embedded catalogues, code lists, CSV parser. */
#include "core/testing.h"

#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include "core/arena.h"
#include "core/fail.h"
#include "domain/catalog.h"

#define test_fail(...) do {						\
	print_error(__VA_ARGS__);					\
	print_error("\n");						\
	_fail(__FILE__, __LINE__);					\
} while (0)

#define IND_HEAD "id,form,category,category_nl,indicator_en,indicator_nl," \
	"source\n"
#define NEED_HEAD "id,domain,domain_nl,need_en,need_nl,typical_providers," \
	"notes\n"

static bool
has(const char *s, const char *sub)
{
	return s != NULL && strstr(s, sub) != NULL;
}

static void *
lookup_thread(void *arg)
{
	const struct indicator *ind = catalog_indicator("AU-01");

	(void)arg;
	return (void *)(ind != NULL && strcmp(ind->form, "labour") == 0 ?
	    "ok" : NULL);
}

/* First use from several threads at once: pthread_once loads it once. */
static void
test_concurrent_first_use(void **state)
{
	pthread_t t[4];
	void *r;
	size_t i;

	(void)state;
	for (i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, lookup_thread,
		    NULL), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(t[i], &r), 0);
		assert_non_null(r);
	}
}

static void
test_load(void **state)
{
	struct test_ctx *f = *state;
	const struct indicator *v;
	const struct help_need *h;
	size_t n;

	assert_int_equal(catalog_load(&f->ctx), 0);
	assert_int_equal(catalog_load(&f->ctx), 0);
	assert_int_equal(f->ctx.status, ST_OK);
	v = catalog_indicators(&n);
	assert_non_null(v);
	assert_int_equal(n, 70);
	h = catalog_help_needs(&n);
	assert_non_null(h);
	assert_int_equal(n, 22);
}

static void
test_indicators_complete(void **state)
{
	const struct indicator *v;
	size_t n, i, j, groups[4] = { 0 };
	const char *const names[] = { "general", "labour", "sexual",
	    "criminal" };

	(void)state;
	v = catalog_indicators(&n);
	assert_int_equal(n, 70);
	for (i = 0; i < n; i++) {
		if (v[i].id[0] == 0 || v[i].text_en[0] == 0 ||
		    v[i].text_nl[0] == 0 || v[i].category_en[0] == 0 ||
		    v[i].category_nl[0] == 0 || v[i].source[0] == 0)
			test_fail("indicator %zu ('%s') has an empty field",
			    i, v[i].id);
		if (strcmp(v[i].text_en, v[i].text_nl) == 0)
			test_fail("indicator '%s' is not translated",
			    v[i].id);
		for (j = 0; j < i; j++)
			if (strcmp(v[i].id, v[j].id) == 0)
				test_fail("duplicate id '%s'", v[i].id);
		/* A group is "general" or itself a form of exploitation. */
		assert_true(catalog_group_valid(v[i].form));
		assert_true(strcmp(v[i].form, "general") == 0 ||
		    catalog_form_valid(v[i].form));
		for (j = 0; j < 4; j++)
			if (strcmp(v[i].form, names[j]) == 0)
				groups[j]++;
		assert_ptr_equal(catalog_indicator(v[i].id), &v[i]);
	}
	assert_int_equal(groups[0], 34);
	assert_int_equal(groups[1], 12);
	assert_int_equal(groups[2], 16);
	assert_int_equal(groups[3], 8);
}

static void
test_help_needs_complete(void **state)
{
	const struct help_need *v;
	size_t n, i, j;

	(void)state;
	v = catalog_help_needs(&n);
	for (i = 0; i < n; i++) {
		if (v[i].text_en[0] == 0 || v[i].text_nl[0] == 0 ||
		    v[i].domain[0] == 0 || v[i].domain_nl[0] == 0)
			test_fail("help need '%s' has an empty field",
			    v[i].id);
		for (j = 0; j < i; j++)
			assert_string_not_equal(v[i].id, v[j].id);
		assert_non_null(v[i].providers);
		assert_non_null(v[i].notes);
		assert_ptr_equal(catalog_help_need(v[i].id), &v[i]);
	}
}

static void
test_lookups(void **state)
{
	const struct indicator *ind;
	const struct help_need *h;

	(void)state;
	ind = catalog_indicator("OM-1a-1");
	assert_non_null(ind);
	assert_string_equal(ind->form, "general");
	assert_string_equal(ind->category_en, "Multiple dependency");
	assert_string_equal(ind->category_nl, "Meervoudige afhankelijkheid");
	assert_string_equal(ind->text_en, "Did not arrange own travel or visa");
	assert_string_equal(ind->text_nl,
	    "Heeft reis of visum niet zelf geregeld");
	assert_string_equal(ind->source,
	    "OM Aanwijzing mensenhandel 2008, annex 3");

	/* Doubled quotes in a quoted field come back as one quote. */
	ind = catalog_indicator("OM-1b-2");
	assert_non_null(ind);
	assert_true(has(ind->text_en, "a \"transfer\" price"));
	assert_true(has(ind->text_nl, "een \"transferprijs\""));

	ind = catalog_indicator("CU-08");
	assert_non_null(ind);
	assert_string_equal(ind->form, "criminal");
	assert_true(has(ind->text_nl, "praktijkonderwijs"));

	assert_null(catalog_indicator("OM-9-9"));
	assert_null(catalog_indicator("om-1a-1"));
	assert_null(catalog_indicator(""));
	assert_null(catalog_indicator(NULL));

	h = catalog_help_need("TRANS18");
	assert_non_null(h);
	assert_string_equal(h->domain, "continuity");
	assert_string_equal(h->domain_nl, "continuïteit");
	assert_true(has(h->text_nl, "verlengde jeugdhulp"));
	assert_string_equal(h->notes, "plan before the 18th birthday");
	h = catalog_help_need("MED");
	assert_non_null(h);
	assert_string_equal(h->text_nl, "Medische zorg");
	assert_string_equal(h->notes, "");
	assert_null(catalog_help_need("NOPE"));
	assert_null(catalog_help_need(NULL));
}

static size_t
count(const struct catalog_label *tab)
{
	size_t n = 0;

	for (; tab->key != NULL; tab++) {
		if (tab->en == NULL || tab->nl == NULL || tab->en[0] == 0 ||
		    tab->nl[0] == 0)
			test_fail("label '%s' is missing a text", tab->key);
		n++;
	}
	return n;
}

static void
test_forms(void **state)
{
	const char *const forms[] = { "sexual", "labour", "criminal",
	    "forced_services", "begging", "organ_removal", "other_unknown",
	    "ernstige_benadeling" };
	size_t i;

	(void)state;
	assert_int_equal(count(catalog_forms), 8);
	for (i = 0; i < 8; i++) {
		assert_true(catalog_form_valid(forms[i]));
		assert_non_null(catalog_form_label(forms[i], "nl"));
		assert_non_null(catalog_form_label(forms[i], "en"));
	}
	assert_false(catalog_form_valid("general"));
	assert_false(catalog_form_valid("Sexual"));
	assert_false(catalog_form_valid(""));
	assert_false(catalog_form_valid(NULL));
	assert_string_equal(catalog_form_label("labour", "nl"),
	    "Arbeidsuitbuiting");
	assert_string_equal(catalog_form_label("labour", "en"),
	    "Labour exploitation");
	/* Dutch is the default. */
	assert_string_equal(catalog_form_label("begging", NULL),
	    "Gedwongen bedelarij");
	assert_string_equal(catalog_form_label("begging", "de"),
	    "Gedwongen bedelarij");
	assert_string_equal(catalog_form_label("ernstige_benadeling", "nl"),
	    "Ernstige benadeling");
	assert_null(catalog_form_label("unknown", "nl"));
	assert_null(catalog_form_label(NULL, "en"));

	assert_int_equal(count(catalog_groups), 4);
	assert_true(catalog_group_valid("general"));
	assert_false(catalog_group_valid("begging"));
	assert_string_equal(catalog_group_label("general", "nl"),
	    "Algemene indicatoren");
	assert_null(catalog_group_label("x", "en"));
}

static void
test_markers(void **state)
{
	const char *const markers[] = { "minor", "age_18_22", "dutch", "eu",
	    "non_eu", "unaccompanied_minor", "lvb", "labour_migrant",
	    "psychiatric", "addiction", "debts", "homeless",
	    "in_youth_care" };
	size_t i;

	(void)state;
	assert_int_equal(count(catalog_markers), 13);
	for (i = 0; i < 13; i++) {
		assert_true(catalog_marker_valid(markers[i]));
		assert_non_null(catalog_marker_label(markers[i], "en"));
	}
	assert_false(catalog_marker_valid("sexual"));
	assert_false(catalog_marker_valid("LVB"));
	assert_false(catalog_marker_valid(NULL));
	assert_string_equal(catalog_marker_label("lvb", "nl"),
	    "Licht verstandelijke beperking (lvb)");
	assert_string_equal(catalog_marker_label("lvb", "en"),
	    "Mild intellectual disability (LVB)");
	assert_string_equal(catalog_marker_label("homeless", NULL),
	    "Dak- of thuisloos");
	assert_null(catalog_marker_label("tall", "nl"));
}

/* RFC 4180 details the parser must get right. */
static void
test_parse_good(void **state)
{
	struct test_ctx *f = *state;
	static const char text[] = "\xef\xbb\xbf"
	    "id,form,category,category_nl,indicator_en,indicator_nl,source\r\n"
	    "A-1,general,Cat,Kat,\"One, two\",\"Een, twee\",src\r\n"
	    "A-2,labour,Cat,Kat,\"Say \"\"hi\"\"\",\"Zeg \"\"hoi\"\"\","
	    "\"\"\"s\"\"\"\n"
	    "A-3,sexual,Cat,Kat,\"two\nlines\",\"twee\r\nregels\",s\n"
	    "A-4,criminal,\"Cat\",Kat,x,\xc3\xa9\xc3\xa9n,\"s\"";
	struct indicator *v;
	size_t n;

	assert_int_equal(catalog_parse_indicators(&f->ctx, "t.csv", text,
	    sizeof(text) - 1, &v, &n), 0);
	assert_int_equal(n, 4);
	assert_string_equal(v[0].id, "A-1");
	assert_string_equal(v[0].text_en, "One, two");
	assert_string_equal(v[0].text_nl, "Een, twee");
	assert_string_equal(v[0].source, "src");
	assert_string_equal(v[1].text_en, "Say \"hi\"");
	assert_string_equal(v[1].text_nl, "Zeg \"hoi\"");
	assert_string_equal(v[1].source, "\"s\"");
	assert_string_equal(v[2].text_en, "two\nlines");
	assert_string_equal(v[2].text_nl, "twee\r\nregels");
	assert_string_equal(v[3].category_en, "Cat");
	assert_string_equal(v[3].text_nl, "\xc3\xa9\xc3\xa9n");
	assert_string_equal(v[3].source, "s");

	/* A header only is an empty catalogue, not an error. */
	assert_int_equal(catalog_parse_indicators(&f->ctx, "t.csv", IND_HEAD,
	    strlen(IND_HEAD), &v, &n), 0);
	assert_int_equal(n, 0);
}

struct bad_case {
	const char	*text;
	size_t		 len;		/* 0: strlen(text) */
	const char	*want;		/* in the message */
};

static void
test_parse_bad(void **state)
{
	struct test_ctx *f = *state;
	static const char nul[] = IND_HEAD "A-1,general,c,k,e\0x,n,s\n";
	static const struct bad_case cases[] = {
		{ "", 0, "t.csv: no header row" },
		{ "id,form,category,indicator_en,source\n", 0,
		    "t.csv line 1: header has 5 columns, expected 7" },
		{ "id,form,category,category_nl,indicator_nl,indicator_en,"
		    "source\n", 0, "t.csv line 1: column 5 is 'indicator_nl'" },
		{ IND_HEAD "A-1,general,c,k,e,n,s\nA-2,general,c,k,\"e,n,s\n",
		    0, "t.csv line 3: unterminated quoted field" },
		{ IND_HEAD "A-1,general,c,k,e\"x,n,s\n", 0,
		    "t.csv line 2: quote inside an unquoted field" },
		{ IND_HEAD "A-1,general,c,k,\"e\"x,n,s\n", 0,
		    "t.csv line 2: text after a closing quote" },
		{ IND_HEAD "A-1,general,c,k,e,n,s\n\nA-2,general,c,k,e,n,s\n",
		    0, "t.csv line 3: blank line" },
		{ IND_HEAD "A-1,general,c,k,e,n,s\nA-2,general,c,k,e,n\n", 0,
		    "t.csv line 3: 6 fields, expected 7" },
		{ IND_HEAD "A-1,general,c,k,e,n,s,extra\n", 0,
		    "t.csv line 2: 8 fields, expected 7" },
		{ IND_HEAD "A-1,general,c,k,e\rx,n,s\n", 0,
		    "t.csv line 2: carriage return without line feed" },
		{ IND_HEAD "A-1,general,c,k,e,,s\n", 0,
		    "t.csv line 2: empty 'indicator_nl'" },
		{ IND_HEAD "A-1,general,c,,e,n,s\n", 0,
		    "t.csv line 2: empty 'category_nl'" },
		{ IND_HEAD "A-1,general,c,k,e,n,s\nA-1,labour,c,k,e,n,s\n", 0,
		    "t.csv line 3: duplicate id 'A-1'" },
		{ IND_HEAD ",general,c,k,e,n,s\n", 0,
		    "t.csv line 2: invalid id ''" },
		{ IND_HEAD "A 1,general,c,k,e,n,s\n", 0,
		    "t.csv line 2: invalid id 'A 1'" },
		{ IND_HEAD "A-1,begging,c,k,e,n,s\n", 0,
		    "t.csv line 2: unknown group 'begging'" },
		{ IND_HEAD "A-1,general,c,k,e,\"n\nn\",s\nA-2,x,c,k,e,n,s\n",
		    0, "t.csv line 4: unknown group 'x'" },
		{ IND_HEAD "A-1,general,c,k,e,\xc3(,s\n", 0,
		    "t.csv line 2: invalid UTF-8" },
		{ IND_HEAD "A-1,general,c,k,e,\xc0\xaf,s\n", 0,
		    "t.csv line 2: invalid UTF-8" },
		{ IND_HEAD "A-1,general,c,k,e,\xed\xa0\x80,s\n", 0,
		    "t.csv line 2: invalid UTF-8" },
		{ nul, sizeof(nul) - 1, "t.csv line 2: invalid UTF-8 or NUL" },
	};
	struct indicator *v;
	size_t i, n, len;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ctx_clear_error(&f->ctx);
		len = cases[i].len ? cases[i].len : strlen(cases[i].text);
		if (catalog_parse_indicators(&f->ctx, "t.csv", cases[i].text,
		    len, &v, &n) != -1)
			test_fail("case %zu accepted", i);
		assert_int_equal(f->ctx.status, ST_INTERNAL);
		if (!has(f->ctx.message, cases[i].want))
			test_fail("case %zu: got '%s', want '%s'", i,
			    f->ctx.message, cases[i].want);
	}
}

static void
test_parse_field_too_long(void **state)
{
	struct test_ctx *f = *state;
	struct indicator *v;
	char *text;
	size_t n, len;

	text = arena_printf(f->arena, IND_HEAD "A-1,general,c,k,%5000s,n,s\n",
	    "e");
	len = strlen(text);
	assert_int_equal(catalog_parse_indicators(&f->ctx, "t.csv", text,
	    len, &v, &n), -1);
	assert_true(has(f->ctx.message, "t.csv line 2: field too long"));
}

static void
test_parse_help_needs(void **state)
{
	struct test_ctx *f = *state;
	static const char good[] = NEED_HEAD
	    "X,health,gezondheid,Care,Zorg,,\n"
	    "Y,legal,juridisch,\"Aid, legal\",Hulp,\"a; b\",note\n";
	static const char bad[] = NEED_HEAD
	    "X,health,gezondheid,Care,Zorg,,\n"
	    "Y,legal,juridisch,Aid,,p,n\n";
	struct help_need *v;
	size_t n;

	assert_int_equal(catalog_parse_help_needs(&f->ctx, "h.csv", good,
	    sizeof(good) - 1, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].providers, "");
	assert_string_equal(v[0].notes, "");
	assert_string_equal(v[1].text_en, "Aid, legal");
	assert_string_equal(v[1].providers, "a; b");
	assert_string_equal(v[1].notes, "note");

	assert_int_equal(catalog_parse_help_needs(&f->ctx, "h.csv", bad,
	    sizeof(bad) - 1, &v, &n), -1);
	assert_int_equal(f->ctx.status, ST_INTERNAL);
	assert_true(has(f->ctx.message, "h.csv line 3: empty 'need_nl'"));

	/* The indicator header is not a help-needs header. */
	ctx_clear_error(&f->ctx);
	assert_int_equal(catalog_parse_help_needs(&f->ctx, "h.csv", IND_HEAD,
	    strlen(IND_HEAD), &v, &n), -1);
	assert_true(has(f->ctx.message, "h.csv line 1: column 2 is 'form'"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_concurrent_first_use),
		cmocka_ctx_test(test_load),
		cmocka_unit_test(test_indicators_complete),
		cmocka_unit_test(test_help_needs_complete),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_markers),
		cmocka_ctx_test(test_parse_good),
		cmocka_ctx_test(test_parse_bad),
		cmocka_ctx_test(test_parse_field_too_long),
		cmocka_ctx_test(test_parse_help_needs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Unit tests for chart: the SVG parses as XML, carries its title and
 * description, escapes what it is given, draws one bar or tile per row
 * or area, never prints a count from 1 to 9 nor draws a hidden cell as
 * a bar, a point or a zero, and its palettes keep their contrast.
 */
#include "core/testing.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "insight/chart.h"

#define NASTY	"<script>&\""

/*
 * Just enough of an XML parser to prove well-formedness: tags nest and
 * close, attribute values are quoted and hold no "<", "&" only starts
 * an entity we write, and text holds no ">"-less "<".  Returns the
 * number of elements.
 */
static int
check_xml(const char *s)
{
	char stack[64][32];
	int depth = 0, elements = 0;
	const char *p = s, *q;
	size_t n;

	while (*p != '\0') {
		if (*p == '&') {
			assert_true(strncmp(p, "&amp;", 5) == 0 ||
			    strncmp(p, "&lt;", 4) == 0 ||
			    strncmp(p, "&gt;", 4) == 0 ||
			    strncmp(p, "&quot;", 6) == 0 ||
			    strncmp(p, "&#39;", 5) == 0);
			p++;
			continue;
		}
		assert_true(*p != '>');
		if (*p != '<') {
			p++;
			continue;
		}
		q = p + 1;
		if (*q == '/') {
			n = strcspn(q + 1, " >");
			assert_true(depth > 0);
			depth--;
			assert_int_equal(strlen(stack[depth]), n);
			assert_memory_equal(stack[depth], q + 1, n);
			p = strchr(q, '>');
			assert_non_null(p);
			p++;
			continue;
		}
		n = strcspn(q, " />\n");
		assert_true(n > 0 && n < sizeof(stack[0]));
		elements++;
		/* Attributes: name="value" with no < or unescaped & inside. */
		q += n;
		for (;;) {
			while (*q == ' ' || *q == '\n')
				q++;
			if (*q == '/' || *q == '>')
				break;
			while (isalnum((unsigned char)*q) || *q == '-' ||
			    *q == ':')
				q++;
			assert_true(q[0] == '=' && q[1] == '"');
			q += 2;
			while (*q != '"') {
				assert_true(*q != '\0' && *q != '<');
				if (*q == '&')
					assert_true(strncmp(q, "&amp;", 5) ==
					    0 || strncmp(q, "&quot;", 6) ==
					    0 || strncmp(q, "&lt;", 4) == 0 ||
					    strncmp(q, "&gt;", 4) == 0 ||
					    strncmp(q, "&#39;", 5) == 0);
				q++;
			}
			q++;
		}
		if (*q == '/') {
			assert_true(q[1] == '>');
			p = q + 2;
			continue;
		}
		assert_true(depth < 64);
		memcpy(stack[depth], p + 1, n);
		stack[depth][n] = '\0';
		depth++;
		p = q + 1;
	}
	assert_int_equal(depth, 0);
	return elements;
}

/* Occurrences of needle in s. */
static int
occurs(const char *s, const char *needle)
{
	int k = 0;

	while ((s = strstr(s, needle)) != NULL) {
		k++;
		s += strlen(needle);
	}
	return k;
}

/*
 * Every number in the text (not in tags): a run of digits, with "." or
 * "," between digits as thousands separators, that is not part of a
 * word ("K1").  None may be from 1 to 9.
 */
static void
assert_no_small_number(const char *s)
{
	bool intag = false;
	const char *p;
	long v;

	for (p = s; *p != '\0'; p++) {
		if (*p == '<')
			intag = true;
		else if (*p == '>')
			intag = false;
		if (intag || !isdigit((unsigned char)*p))
			continue;
		if (p > s && isalpha((unsigned char)p[-1])) {
			while (isdigit((unsigned char)p[1]))
				p++;
			continue;
		}
		v = 0;
		for (;;) {
			v = v * 10 + (*p - '0');
			if (isdigit((unsigned char)p[1]))
				p++;
			else if ((p[1] == '.' || p[1] == ',') &&
			    isdigit((unsigned char)p[2]))
				p += 2;
			else
				break;
		}
		if (isalpha((unsigned char)p[1]))
			continue;
		if (v >= 1 && v <= 9)
			fail_msg("a count of %ld in: %.80s", v, p - 3);
	}
}

static const char *rkeys[] = { "lt18", "18-23", "nasty", "gt23", "total" };
static const char *rlabels[] = {
	"Jonger dan achttien", "Achttien tot drieëntwintig", NASTY,
	"Ouder dan drieëntwintig", "Totaal",
};
static const char *ckeys[] = { "q1", "q2", "q3", "year" };
static const char *clabels[] = { "K1", "K2", "K3", "Jaar" };

/* Five rows (the last the total) by four columns (the last the year). */
static struct ptable
table(struct pcell *cells)
{
	struct ptable t;

	memset(&t, 0, sizeof(t));
	t.id = "victims_age\"><x";
	t.title = "Slachtoffers " NASTY;
	t.unit = "count";
	t.nrows = 5;
	t.ncols = 4;
	t.row_keys = rkeys;
	t.row_labels = rlabels;
	t.col_keys = ckeys;
	t.col_labels = clabels;
	t.cells = cells;
	t.total_row = true;
	t.total_col = true;
	t.small_text = "<10";
	return t;
}

#define S(v)	{ v, CELL_SHOWN }
#define SMALL	{ 7, CELL_SMALL }
#define X	{ 3, CELL_PROTECTED }

static struct pcell cells[20] = {
	S(15), SMALL, S(20), S(40),
	SMALL, X, S(0), S(15),
	S(0), X, S(25), S(30),
	S(1250), S(1300), S(1400), S(3950),
	S(1270), S(1310), S(1430), S(4035),
};

static void
test_bars(void **state)
{
	struct test_ctx *f = *state;
	struct ptable t = table(cells);
	struct buf b;

	buf_init(&b, f->arena, BUF_DEFAULT_MAX);
	chart_bars(&b, &t, 0, "nl");
	assert_false(b.toobig);
	check_xml(b.p);
	assert_true(strncmp(b.p, "<svg xmlns=\"http://www.w3.org/2000/svg\"",
	    39) == 0);
	assert_non_null(strstr(b.p, "viewBox=\"0 0 640 "));
	assert_non_null(strstr(b.p, "role=\"img\""));
	assert_non_null(strstr(b.p, "aria-labelledby=\"bars-victims_agex-title "
	    "bars-victims_agex-desc\""));
	assert_non_null(strstr(b.p, "<title id=\"bars-victims_agex-title\">"
	    "Slachtoffers &lt;script&gt;&amp;&quot;</title>"));
	assert_null(strstr(b.p, "<script"));
	/* One label per row that is not the total; bars only for shown
	 * counts above zero; the hidden ones labelled, in words too. */
	assert_int_equal(occurs(b.p, "class=\"label\""), 4);
	assert_int_equal(occurs(b.p, "class=\"bar\""), 2);
	assert_int_equal(occurs(b.p, "class=\"hidden\""), 1);
	assert_non_null(strstr(b.p, "font-style=\"italic\" "
	    "fill=\"#333333\">&lt;10</text>"));
	assert_non_null(strstr(b.p, "dy=\"0.35em\" text-anchor=\"end\" "
	    "class=\"label\" fill=\"#000000\">&lt;script&gt;&amp;&quot;"));
	assert_null(strstr(b.p, "Totaal"));
	assert_non_null(strstr(b.p, "Jonger dan achttien: 15; Achttien tot "
	    "drieëntwintig: &lt;10; &lt;script&gt;&amp;&quot;: 0; Ouder dan "
	    "drieëntwintig: 1.250."));
	assert_no_small_number(b.p);

	/* Column 1: "x" as well. */
	buf_init(&b, f->arena, BUF_DEFAULT_MAX);
	chart_bars(&b, &t, 1, "en");
	check_xml(b.p);
	assert_int_equal(occurs(b.p, "class=\"bar\""), 1);
	assert_int_equal(occurs(b.p, "class=\"hidden\""), 3);
	assert_non_null(strstr(b.p, "fill=\"#333333\">x</text>"));
	assert_non_null(strstr(b.p, ">1,300</text>"));
	assert_no_small_number(b.p);
}

/* A bar's length is its count on the axis, the axis in round ticks. */
static void
test_bars_scale(void **state)
{
	struct test_ctx *f = *state;
	struct ptable t = table(cells);
	struct buf b;

	buf_init(&b, f->arena, BUF_DEFAULT_MAX);
	chart_bars(&b, &t, 0, "nl");
	/* Max 1250: ticks of 250 up to 1250; 1250 fills the 360 wide plot,
	 * 15 is 360 * 15 / 1250 = 4.3 wide. */
	assert_non_null(strstr(b.p, ">1.250</text>"));
	assert_non_null(strstr(b.p, ">250</text>"));
	assert_non_null(strstr(b.p, "width=\"360.0\" height=\"18\""));
	assert_non_null(strstr(b.p, "width=\"4.3\" height=\"18\""));
	assert_null(strstr(b.p, ">1.500</text>"));
}

static void
test_lines(void **state)
{
	struct test_ctx *f = *state;
	struct ptable t = table(cells);
	struct buf b;
	const char *p;

	buf_init(&b, f->arena, BUF_DEFAULT_MAX);
	chart_lines(&b, &t, "nl");
	check_xml(b.p);
	/* One line per row, the total too, with the total column left out
	 * (three periods). */
	assert_int_equal(occurs(b.p, "class=\"line\""), 5);
	assert_int_equal(occurs(b.p, "class=\"period\""), 3);
	assert_int_equal(occurs(b.p, "class=\"legend\""), 5);
	assert_non_null(strstr(b.p, ">Totaal</text>"));
	/* Row 0: shown, small, shown: two pieces, no line across the gap,
	 * two points.  Row 1: small, x, 0: one point at zero.  Row 2: 0, x,
	 * 25: two pieces. */
	p = strstr(b.p, "class=\"line\"");
	p = strstr(p, " d=\"");
	assert_int_equal(strncmp(p, " d=\"M", 5), 0);
	assert_true(strchr(p + 5, 'M') < strchr(p + 5, '"'));
	assert_true(strchr(p + 5, 'L') == NULL ||
	    strchr(p + 5, 'L') > strchr(p + 5, '"'));
	/* Points: 2 + 1 + 2 + 3 + 3 on the lines, 5 in the legend. */
	assert_int_equal(occurs(b.p, "class=\"point\""), 11 + 5);
	/* The total row is black and thicker. */
	assert_non_null(strstr(b.p, "stroke=\"#000000\" stroke-width=\"3\""));
	assert_non_null(strstr(b.p, "Jonger dan achttien: K1 15, K2 &lt;10, "
	    "K3 20."));
	assert_null(strstr(b.p, ">40<"));
	assert_null(strstr(b.p, "Jaar"));
	assert_no_small_number(b.p);
}

/* A series whose every cell is hidden draws nothing, not a zero line. */
static void
test_lines_all_hidden(void **state)
{
	struct test_ctx *f = *state;
	struct pcell c[4] = { SMALL, X, SMALL, X };
	static const char *one[] = { "Totaal" };
	struct ptable t = table(c);
	struct buf b;

	t.nrows = 1;
	t.row_labels = one;
	buf_init(&b, f->arena, BUF_DEFAULT_MAX);
	chart_lines(&b, &t, "en");
	check_xml(b.p);
	assert_non_null(strstr(b.p, "class=\"line\""));
	assert_non_null(strstr(b.p, " d=\"\"/>"));
	assert_int_equal(occurs(b.p, "class=\"point\""), 1);	/* legend */
	assert_non_null(strstr(b.p, "Totaal: K1 &lt;10, K2 x, K3 &lt;10."));
	assert_no_small_number(b.p);
}

static void
test_tiles(void **state)
{
	struct test_ctx *f = *state;
	struct chart_tile tiles[7] = {
		{ "GM0363", "Amsterdam", S(1250) },
		{ "GM0384", "Diemen", SMALL },
		{ "GM0437", "Ouder-Amstel", X },
		{ "GM0362", "Amstelveen", S(0) },
		{ "GM0358", "Aalsmeer", S(20) },
		{ "GM0394", "Haarlemmermeer is een heel lange naam", S(640) },
		{ "GM9999", NASTY, S(15) },
	};
	struct buf b;

	buf_init(&b, f->arena, BUF_DEFAULT_MAX);
	chart_tiles(&b, "Slachtoffers " NASTY, tiles, 7, "<10", "nl");
	check_xml(b.p);
	assert_null(strstr(b.p, "<script"));
	assert_int_equal(occurs(b.p, "class=\"tile\""), 7);
	assert_int_equal(occurs(b.p, "class=\"hidden\""), 2);
	assert_int_equal(occurs(b.p, "class=\"value\""), 5);
	/* Hidden tiles hatched, labelled; the largest darkest; zero white. */
	assert_int_equal(occurs(b.p, "fill=\"url(#hatch)\""), 2 + 1);
	assert_non_null(strstr(b.p, "fill=\"#000000\">&lt;10</text>"));
	assert_non_null(strstr(b.p, "fill=\"#000000\">x</text>"));
	assert_non_null(strstr(b.p, "fill=\"#ffffff\">1.250</text>"));
	/* A long name on two lines, the second cut short. */
	assert_non_null(strstr(b.p, ">Haarlemmermeer</text>"));
	assert_non_null(strstr(b.p, ">is een heel la\xe2\x80\xa6</text>"));
	assert_non_null(strstr(b.p, "Diemen: &lt;10; Ouder-Amstel: x;"));
	assert_no_small_number(b.p);

	buf_init(&b, f->arena, BUF_DEFAULT_MAX);
	chart_tiles(&b, "Leeg", tiles, 0, "<10", "en");
	check_xml(b.p);
	assert_int_equal(occurs(b.p, "class=\"tile\""), 0);
	assert_non_null(strstr(b.p, "No data."));
}

/* What XML does not allow does not get in: control characters, broken
 * UTF-8, U+FFFF; and long labels end in an ellipsis on a whole
 * character. */
static void
test_text(void **state)
{
	struct test_ctx *f = *state;
	struct pcell c[4] = { S(10), S(10), S(10), S(10) };
	static const char *lab[] = {
		"a\x01" "b\x1b" "c\xff" "d\xef\xbf\xbf" "e",
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		    "\xc3\xa9\xc3\xa9",
	};
	struct ptable t = table(c);
	struct buf b;

	t.nrows = 2;
	t.ncols = 2;
	t.total_row = false;
	t.row_labels = lab;
	buf_init(&b, f->arena, BUF_DEFAULT_MAX);
	chart_bars(&b, &t, 0, "nl");
	check_xml(b.p);
	assert_non_null(strstr(b.p, ">a b c\xef\xbf\xbd" "d\xef\xbf\xbd"
	    "e</text>"));
	assert_null(strchr(b.p, '\x01'));
	/* 30 characters: 25 and the ellipsis in the chart, all 30 in the
	 * description. */
	assert_non_null(strstr(b.p, "\xc3\xa9\xe2\x80\xa6</text>"));
	assert_null(strstr(b.p, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9</text>"));
}

/* A caller that marks a count from 1 to 9 as shown still gets no bar
 * and no number for it. */
static void
test_guard(void **state)
{
	struct test_ctx *f = *state;
	struct pcell c[20] = {
		S(7), S(0), S(0), S(0),
		S(9), S(0), S(0), S(0),
		S(-5), S(0), S(0), S(0),
		S(20), S(0), S(0), S(0),
		S(40), S(0), S(0), S(0),
	};
	struct ptable t = table(c);
	struct buf b;

	buf_init(&b, f->arena, BUF_DEFAULT_MAX);
	chart_bars(&b, &t, 0, "nl");
	assert_int_equal(occurs(b.p, "class=\"bar\""), 1);
	assert_int_equal(occurs(b.p, "class=\"hidden\""), 3);
	assert_no_small_number(b.p);
	buf_init(&b, f->arena, BUF_DEFAULT_MAX);
	chart_lines(&b, &t, "nl");
	assert_no_small_number(b.p);
}

/* Small tables still get round ticks of ten, never 2, 4, 6, 8. */
static void
test_ticks(void **state)
{
	struct test_ctx *f = *state;
	struct pcell c[4] = { S(10), S(0), S(0), S(0) };
	static const char *one[] = { "Totaal" };
	struct ptable t = table(c);
	struct buf b;

	t.nrows = 1;
	t.total_row = false;
	t.row_labels = one;
	buf_init(&b, f->arena, BUF_DEFAULT_MAX);
	chart_bars(&b, &t, 0, "nl");
	assert_int_equal(occurs(b.p, "class=\"tick\""), 2);
	assert_no_small_number(b.p);
	t.cells[0].v = 0;
	buf_init(&b, f->arena, BUF_DEFAULT_MAX);
	chart_bars(&b, &t, 0, "nl");
	assert_int_equal(occurs(b.p, "class=\"tick\""), 2);
	assert_int_equal(occurs(b.p, "class=\"bar\""), 0);
	t.cells[0].v = 12345;
	buf_init(&b, f->arena, BUF_DEFAULT_MAX);
	chart_bars(&b, &t, 0, "nl");
	assert_non_null(strstr(b.p, ">12.500</text>"));
	assert_int_equal(occurs(b.p, "class=\"tick\""), 6);
}

static double
lum(const char *hex)
{
	double c[3];
	unsigned v = (unsigned)strtoul(hex + 1, NULL, 16);
	int i;

	for (i = 0; i < 3; i++) {
		c[i] = (double)((v >> (16 - 8 * i)) & 0xff) / 255;
		c[i] = c[i] <= 0.03928 ? c[i] / 12.92 :
		    pow((c[i] + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast(const char *a, const char *b)
{
	double la = lum(a), lb = lum(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* WCAG: graphics 3:1 on white, text 4.5:1 on its tile; shades get
 * darker step by step. */
static void
test_palette(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < CHART_NSERIES; i++)
		assert_true(contrast(chart_series[i], "#ffffff") >= 3);
	for (i = 0; i < CHART_NSHADES; i++) {
		assert_true(contrast(chart_shade[i], chart_shade_text[i]) >=
		    4.5);
		if (i > 0)
			assert_true(lum(chart_shade[i]) <
			    lum(chart_shade[i - 1]) * 0.8);
	}
}

/* A full buffer says so. */
static void
test_toobig(void **state)
{
	struct test_ctx *f = *state;
	struct ptable t = table(cells);
	struct buf b;

	buf_init(&b, f->arena, 512);
	chart_lines(&b, &t, "nl");
	assert_true(b.toobig);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_ctx_test(test_bars),
		cmocka_ctx_test(test_bars_scale),
		cmocka_ctx_test(test_lines),
		cmocka_ctx_test(test_lines_all_hidden),
		cmocka_ctx_test(test_tiles),
		cmocka_ctx_test(test_text),
		cmocka_ctx_test(test_guard),
		cmocka_ctx_test(test_ticks),
		cmocka_ctx_test(test_palette),
		cmocka_ctx_test(test_toobig),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

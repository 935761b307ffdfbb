/*
 * chart: see chart.h.  Layout in user units of the viewBox, 640 wide;
 * text in Arial at 13 units, which a 640-pixel image shows at 13 pixels
 * and a printed page scales with the rest.
 */
#include "insight/chart.h"

#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "insight/protect.h"

#define W		640
#define FONT		"Arial, Helvetica, sans-serif"
#define INK		"#000000"
#define INK_SOFT	"#333333"	/* 12.6:1 on white */
#define GRID		"#c8c8c8"
#define AXIS		"#5c5c5c"
#define HATCH		"#8c8c8c"

const char *const chart_series[CHART_NSERIES] = {
	"#01689b",	/* Rijkshuisstijl lintblauw */
	"#d55e00",	/* Okabe-Ito vermilion */
	"#009e73",	/* Okabe-Ito bluish green */
	"#cc79a7",	/* Okabe-Ito reddish purple */
	"#42145f",	/* Rijkshuisstijl violet */
	"#8b4a00",	/* brown */
};
const char *const chart_shade[CHART_NSHADES] = {
	"#ffffff", "#d1e6f5", "#8fc4ea", "#4a90c8", "#154273",
};
const char *const chart_shade_text[CHART_NSHADES] = {
	INK, INK, INK, INK, "#ffffff",
};

static const char *const dashes[] = { "", "7 4", "2 3", "9 3 2 3" };

struct words {
	char		 sep;		/* thousands */
	const char	*bars;
	const char	*lines;
	const char	*tiles;
	const char	*bars_gap;
	const char	*lines_gap;
	const char	*tiles_gap;
	const char	*same;
	const char	*fewer;
	const char	*more;
	const char	*not_shown;
	const char	*none;
	const char	*or;
};

static const struct words nl = {
	'.',
	"Staafdiagram",
	"Lijndiagram",
	"Tegelkaart, \xc3\xa9\xc3\xa9n tegel per gemeente",
	"Waar het aantal niet getoond wordt, staat geen staaf maar %s "
	    "(een klein aantal) of x (afgeschermd, zodat geen klein aantal "
	    "te herleiden is).",
	"Waar het aantal niet getoond wordt, is de lijn onderbroken: "
	    "%s (een klein aantal) of x (afgeschermd).",
	"Hoe donkerder de tegel, hoe hoger het aantal. Gearceerd: %s "
	    "(een klein aantal) of x (afgeschermd).",
	"De tabel bij de grafiek geeft dezelfde aantallen.",
	"minder",
	"meer",
	"niet getoond",
	"Geen gegevens.",
	"of",
};

static const struct words en = {
	',',
	"Bar chart",
	"Line chart",
	"Tile map, one tile per municipality",
	"Where a count is not shown there is no bar but %s (a small "
	    "count) or x (protected, so that no small count can be "
	    "derived).",
	"Where a count is not shown the line has a gap: %s (a small "
	    "count) or x (protected).",
	"The darker the tile, the higher the count. Hatched: %s (a small "
	    "count) or x (protected).",
	"The table with the chart gives the same counts.",
	"fewer",
	"more",
	"not shown",
	"No data.",
	"or",
};

static const struct words *
words(const char *lang)
{
	return lang != NULL && strcmp(lang, "en") == 0 ? &en : &nl;
}

static const char *
hidden_text(enum cell_state s, const char *small_text)
{
	if (s == CELL_SMALL && small_text != NULL && small_text[0] != '\0')
		return small_text;
	return "x";
}

/* Code points in s, an ill-formed byte counting as one. */
static size_t
nchars(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, c = 0;

	while (i < n) {
		k = utf8_seq(p + i, n - i);
		i += k == 0 ? 1 : k;
		c++;
	}
	return c;
}

/*
 * n bytes of s as XML character data or attribute value: & < > " '
 * escaped, control characters as spaces, ill-formed UTF-8 and the
 * non-characters U+FFFE and U+FFFF as U+FFFD.  At most max code points
 * (0: all); a longer text ends in an ellipsis.
 */
static void
xml_n(struct buf *b, const char *s, size_t n, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, c = 0;
	bool cut;

	if (s == NULL)
		return;
	cut = max > 0 && nchars(s, n) > max;
	while (i < n) {
		if (cut && c == max - 1) {
			buf_puts(b, "\xe2\x80\xa6");
			return;
		}
		k = utf8_seq(p + i, n - i);
		if (k == 0 || (k == 3 && p[i] == 0xef && p[i + 1] == 0xbf &&
		    p[i + 2] >= 0xbe)) {
			buf_puts(b, "\xef\xbf\xbd");
			i += k == 0 ? 1 : k;
		} else if (k > 1) {
			buf_append(b, p + i, k);
			i += k;
		} else {
			switch (p[i]) {
			case '&': buf_puts(b, "&amp;"); break;
			case '<': buf_puts(b, "&lt;"); break;
			case '>': buf_puts(b, "&gt;"); break;
			case '"': buf_puts(b, "&quot;"); break;
			case '\'': buf_puts(b, "&#39;"); break;
			default:
				buf_putc(b, p[i] < 0x20 || p[i] == 0x7f ?
				    ' ' : (char)p[i]);
				break;
			}
			i++;
		}
		c++;
	}
}

static void
xml(struct buf *b, const char *s, size_t max)
{
	if (s != NULL)
		xml_n(b, s, strlen(s), max);
}

/* A count with the language's thousands separator: 12.345, 12,345. */
static void
count(struct buf *b, int64_t v, const struct words *w)
{
	char d[24];
	int i, n;

	n = snprintf(d, sizeof(d), "%" PRId64, v);
	for (i = 0; i < n; i++) {
		if (i > 0 && d[i - 1] != '-' && (n - i) % 3 == 0)
			buf_putc(b, w->sep);
		buf_putc(b, d[i]);
	}
}

/* A cell as text: its count, or what stands in its place. */
static void
cell_text(struct buf *b, const struct pcell *c, const char *small_text,
    const struct words *w)
{
	enum cell_state s = protect_state(c);

	if (s == CELL_SHOWN)
		count(b, c->v, w);
	else
		xml(b, hidden_text(s, small_text), 0);
}

/* A sentence of the words with %s as small_text, escaped. */
static void
sentence(struct buf *b, const char *fmt, const char *small_text)
{
	const char *p = strstr(fmt, "%s");

	xml_n(b, fmt, (size_t)(p - fmt), 0);
	xml(b, small_text != NULL ? small_text : "x", 0);
	xml(b, p + 2, 0);
}

/*
 * Round ticks: the step is 10, 20, 25 or 50 times a power of ten, the
 * smallest that reaches max in five steps or fewer; never a tick from 1
 * to 9.  *top is the last tick.
 */
static int64_t
tick_step(int64_t max, int64_t *top)
{
	static const int64_t base[] = { 10, 20, 25, 50 };
	int64_t mag = 1, step = 10;
	size_t i;

	if (max <= 0) {
		*top = 10;
		return 10;
	}
	for (;;) {
		for (i = 0; i < sizeof(base) / sizeof(base[0]); i++) {
			step = base[i] * mag;
			if ((max + step - 1) / step <= 5) {
				*top = (max + step - 1) / step * step;
				return step;
			}
		}
		mag *= 10;
	}
}

/* A safe id for the document's own references: letters, digits, "_"
 * and "-" of s, after prefix. */
static void
ident(char *out, size_t len, const char *prefix, const char *s)
{
	size_t i = 0, j;

	for (j = 0; prefix[j] != '\0' && i + 1 < len; j++)
		out[i++] = prefix[j];
	for (j = 0; s != NULL && s[j] != '\0' && i + 1 < len; j++) {
		char c = s[j];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '-')
			out[i++] = c;
	}
	out[i] = '\0';
}

static void
svg_open(struct buf *b, int h, const char *id, const char *title,
    const char *desc)
{
	buf_appendf(b,
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
	    "aria-labelledby=\"%s-title %s-desc\" font-family=\"%s\" "
	    "font-size=\"13\">\n", W, h, W, h, id, id, FONT);
	buf_appendf(b, "<title id=\"%s-title\">", id);
	xml(b, title, 0);
	buf_appendf(b, "</title>\n<desc id=\"%s-desc\">%s</desc>\n", id, desc);
	buf_appendf(b, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
	    W, h);
}

/* The hatch that marks what is not shown. */
static void
hatch_defs(struct buf *b)
{
	buf_puts(b, "<defs><pattern id=\"hatch\" width=\"8\" height=\"8\" "
	    "patternUnits=\"userSpaceOnUse\" "
	    "patternTransform=\"rotate(45)\">"
	    "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>"
	    "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"" HATCH "\" "
	    "stroke-width=\"3\"/></pattern></defs>\n");
}

static void
text_at(struct buf *b, double x, double y, const char *anchor,
    const char *attrs)
{
	buf_appendf(b, "<text x=\"%.1f\" y=\"%.1f\" dy=\"0.35em\" "
	    "text-anchor=\"%s\"%s%s>", x, y, anchor,
	    attrs[0] != '\0' ? " " : "", attrs);
}

/* ---- bars ---- */

#define B_LABEL_W	200
#define B_PLOT_X	208
#define B_PLOT_W	360
#define B_TOP		8
#define B_ROW		28
#define B_BAR		18
#define B_AXIS		28
#define B_LABEL_MAX	26

void
chart_bars(struct buf *b, const struct ptable *t, size_t col,
    const char *lang)
{
	const struct words *w = words(lang);
	const struct pcell *c;
	struct buf d;
	char id[48];
	size_t r, n;
	int64_t max = 0, top, step, v;
	double x, y, bw, bottom;
	enum cell_state s;

	n = t->nrows - (t->total_row && t->nrows > 0 ? 1 : 0);
	if (col >= t->ncols)
		n = 0;
	for (r = 0; r < n; r++) {
		c = ptable_cell(t, r, col);
		if (protect_state(c) == CELL_SHOWN && c->v > max)
			max = c->v;
	}
	step = tick_step(max, &top);
	ident(id, sizeof(id), "bars-", t->id);

	buf_init(&d, b->arena, b->max);
	buf_puts(&d, w->bars);
	buf_puts(&d, ": ");
	xml(&d, t->title, 0);
	if (n > 0) {
		buf_puts(&d, ", ");
		xml(&d, t->col_labels[col], 0);
		buf_puts(&d, ". ");
	} else
		buf_puts(&d, ". ");
	for (r = 0; r < n; r++) {
		xml(&d, t->row_labels[r], 0);
		buf_puts(&d, ": ");
		cell_text(&d, ptable_cell(t, r, col), t->small_text, w);
		buf_puts(&d, r + 1 < n ? "; " : ". ");
	}
	if (n == 0)
		buf_puts(&d, w->none);
	else {
		sentence(&d, w->bars_gap, t->small_text);
		buf_putc(&d, ' ');
		buf_puts(&d, w->same);
	}

	bottom = B_TOP + (double)(n > 0 ? n : 1) * B_ROW;
	svg_open(b, (int)bottom + B_AXIS, id, t->title, d.p);
	for (v = 0; v <= top; v += step) {
		x = B_PLOT_X + (double)v / (double)top * B_PLOT_W;
		buf_appendf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>\n",
		    x, B_TOP, x, bottom, v == 0 ? AXIS : GRID);
		text_at(b, x, bottom + 14, "middle",
		    "class=\"tick\" fill=\"" INK_SOFT "\"");
		count(b, v, w);
		buf_puts(b, "</text>\n");
	}
	if (n == 0) {
		text_at(b, B_PLOT_X + 8, B_TOP + B_ROW / 2.0, "start",
		    "fill=\"" INK_SOFT "\"");
		buf_puts(b, w->none);
		buf_puts(b, "</text>\n");
	}
	for (r = 0; r < n; r++) {
		c = ptable_cell(t, r, col);
		s = protect_state(c);
		y = B_TOP + (double)r * B_ROW + B_ROW / 2.0;
		text_at(b, B_LABEL_W, y, "end", "class=\"label\" fill=\"" INK
		    "\"");
		xml(b, t->row_labels[r], B_LABEL_MAX);
		buf_puts(b, "</text>\n");
		if (s != CELL_SHOWN) {
			text_at(b, B_PLOT_X + 6, y, "start", "class=\"hidden\" "
			    "font-style=\"italic\" fill=\"" INK_SOFT "\"");
			xml(b, hidden_text(s, t->small_text), 0);
			buf_puts(b, "</text>\n");
			continue;
		}
		bw = (double)c->v / (double)top * B_PLOT_W;
		if (c->v > 0)
			buf_appendf(b, "<rect class=\"bar\" x=\"%d\" "
			    "y=\"%.1f\" width=\"%.1f\" height=\"%d\" "
			    "fill=\"%s\"/>\n",
			    B_PLOT_X, y - B_BAR / 2.0, bw, B_BAR,
			    chart_series[0]);
		text_at(b, B_PLOT_X + bw + 6, y, "start",
		    "class=\"value\" fill=\"" INK "\"");
		count(b, c->v, w);
		buf_puts(b, "</text>\n");
	}
	buf_puts(b, "</svg>\n");
}

/* ---- lines ---- */

#define L_PLOT_X	64
#define L_PLOT_R	624
#define L_TOP		16
#define L_PLOT_H	240
#define L_LEGEND_ROW	24
#define L_LABEL_MAX	34

struct style {
	const char	*colour;
	const char	*dash;
	double		 width;
	int		 marker;
};

static struct style
series_style(const struct ptable *t, size_t r)
{
	struct style st;

	if (t->total_row && r + 1 == t->nrows) {
		st.colour = INK;
		st.dash = "";
		st.width = 3;
		st.marker = 1;
		return st;
	}
	st.colour = chart_series[r % CHART_NSERIES];
	st.dash = dashes[r % 4];
	st.width = 2;
	st.marker = (int)(r % 4);
	return st;
}

static void
marker(struct buf *b, const struct style *st, double x, double y)
{
	switch (st->marker) {
	case 0:
		buf_appendf(b, "<circle class=\"point\" cx=\"%.1f\" "
		    "cy=\"%.1f\" r=\"4.5\" fill=\"%s\"/>\n", x, y, st->colour);
		break;
	case 1:
		buf_appendf(b, "<rect class=\"point\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"8\" height=\"8\" fill=\"%s\"/>\n", x - 4, y - 4,
		    st->colour);
		break;
	case 2:
		buf_appendf(b, "<path class=\"point\" "
		    "d=\"M%.1f %.1fl5 9h-10z\" fill=\"%s\"/>\n", x, y - 5,
		    st->colour);
		break;
	default:
		buf_appendf(b, "<path class=\"point\" d=\"M%.1f %.1fl5 5l-5 5"
		    "l-5 -5z\" fill=\"%s\"/>\n", x, y - 5, st->colour);
		break;
	}
}

void
chart_lines(struct buf *b, const struct ptable *t, const char *lang)
{
	const struct words *w = words(lang);
	const struct pcell *c;
	struct style st;
	struct buf d;
	char id[48];
	size_t r, j, np;
	int64_t max = 0, top, step, v;
	double x, y, dx, bottom, ly;
	bool pen;
	int h;

	np = t->ncols - (t->total_col && t->ncols > 0 ? 1 : 0);
	for (r = 0; r < t->nrows; r++)
		for (j = 0; j < np; j++) {
			c = ptable_cell(t, r, j);
			if (protect_state(c) == CELL_SHOWN && c->v > max)
				max = c->v;
		}
	step = tick_step(max, &top);
	ident(id, sizeof(id), "lines-", t->id);

	buf_init(&d, b->arena, b->max);
	buf_puts(&d, w->lines);
	buf_puts(&d, ": ");
	xml(&d, t->title, 0);
	buf_puts(&d, ". ");
	for (r = 0; np > 0 && r < t->nrows; r++) {
		xml(&d, t->row_labels[r], 0);
		buf_puts(&d, ": ");
		for (j = 0; j < np; j++) {
			xml(&d, t->col_labels[j], 0);
			buf_putc(&d, ' ');
			cell_text(&d, ptable_cell(t, r, j), t->small_text, w);
			buf_puts(&d, j + 1 < np ? ", " : ". ");
		}
	}
	if (np == 0 || t->nrows == 0)
		buf_puts(&d, w->none);
	else {
		sentence(&d, w->lines_gap, t->small_text);
		buf_putc(&d, ' ');
		buf_puts(&d, w->same);
	}

	bottom = L_TOP + L_PLOT_H;
	h = (int)bottom + 40 + (int)((t->nrows + 1) / 2) * L_LEGEND_ROW;
	svg_open(b, h, id, t->title, d.p);
	for (v = 0; v <= top; v += step) {
		y = bottom - (double)v / (double)top * L_PLOT_H;
		buf_appendf(b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
		    "y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>\n",
		    L_PLOT_X, y, L_PLOT_R, y, v == 0 ? AXIS : GRID);
		text_at(b, L_PLOT_X - 8, y, "end",
		    "class=\"tick\" fill=\"" INK_SOFT "\"");
		count(b, v, w);
		buf_puts(b, "</text>\n");
	}
	dx = np > 0 ? (double)(L_PLOT_R - L_PLOT_X) / (double)np : 0;
	for (j = 0; j < np; j++) {
		text_at(b, L_PLOT_X + (j + 0.5) * dx, bottom + 16, "middle",
		    "class=\"period\" fill=\"" INK "\"");
		xml(b, t->col_labels[j], 12);
		buf_puts(b, "</text>\n");
	}
	if (np == 0 || t->nrows == 0) {
		text_at(b, L_PLOT_X + 8, L_TOP + 20, "start",
		    "fill=\"" INK_SOFT "\"");
		buf_puts(b, w->none);
		buf_puts(b, "</text>\n");
	}
	for (r = 0; np > 0 && r < t->nrows; r++) {
		st = series_style(t, r);
		buf_appendf(b, "<path class=\"line\" fill=\"none\" "
		    "stroke=\"%s\" stroke-width=\"%.0f\" "
		    "stroke-linejoin=\"round\"", st.colour, st.width);
		if (st.dash[0] != '\0')
			buf_appendf(b, " stroke-dasharray=\"%s\"", st.dash);
		buf_puts(b, " d=\"");
		pen = false;
		for (j = 0; j < np; j++) {
			c = ptable_cell(t, r, j);
			if (protect_state(c) != CELL_SHOWN) {
				pen = false;
				continue;
			}
			x = L_PLOT_X + (j + 0.5) * dx;
			y = bottom - (double)c->v / (double)top * L_PLOT_H;
			buf_appendf(b, "%s%.1f %.1f", pen ? "L" : "M", x, y);
			pen = true;
		}
		buf_puts(b, "\"/>\n");
		for (j = 0; j < np; j++) {
			c = ptable_cell(t, r, j);
			if (protect_state(c) != CELL_SHOWN)
				continue;
			marker(b, &st, L_PLOT_X + (j + 0.5) * dx, bottom -
			    (double)c->v / (double)top * L_PLOT_H);
		}
		/* The legend: two entries a row. */
		x = 16 + (double)(r % 2) * 312;
		ly = bottom + 40 + (double)(r / 2) * L_LEGEND_ROW;
		buf_appendf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.0f\"",
		    x, ly, x + 32, ly, st.colour, st.width);
		if (st.dash[0] != '\0')
			buf_appendf(b, " stroke-dasharray=\"%s\"", st.dash);
		buf_puts(b, "/>\n");
		marker(b, &st, x + 16, ly);
		text_at(b, x + 40, ly, "start",
		    "class=\"legend\" fill=\"" INK "\"");
		xml(b, t->row_labels[r], L_LABEL_MAX);
		buf_puts(b, "</text>\n");
	}
	buf_puts(b, "</svg>\n");
}

/* ---- tiles ---- */

#define T_COLS		5
#define T_SIZE		116
#define T_GAP		8
#define T_TOP		8
#define T_NAME_MAX	15
#define T_LEGEND	56

/* Where to break a name over two lines: the byte offset of the last
 * space within the first max code points, or of the max-th code point
 * when there is none; n when the name fits on one line. */
static size_t
name_break(const char *s, size_t n, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, c = 0, space = 0;

	if (nchars(s, n) <= max)
		return n;
	while (i < n && c < max) {
		if (p[i] == ' ')
			space = i;
		k = utf8_seq(p + i, n - i);
		i += k == 0 ? 1 : k;
		c++;
	}
	return space > 0 ? space : i;
}

/*
 * The shade of a shown count: 0 for zero, else 1 to 4 by the square
 * root of its share of the largest, so that one large city does not
 * leave every other tile in the lightest shade.  Darker is always more.
 */
static int
shade(const struct pcell *c, int64_t max)
{
	int k;

	if (c->v <= 0 || max <= 0)
		return 0;
	k = (int)ceil(4 * sqrt((double)c->v / (double)max));
	return k < 1 ? 1 : k > 4 ? 4 : k;
}

void
chart_tiles(struct buf *b, const char *title, const struct chart_tile *tiles,
    size_t n, const char *small_text, const char *lang)
{
	const struct words *w = words(lang);
	const char *name;
	struct buf d;
	size_t i, cols, rows, len, cut;
	int64_t max = 0;
	double x, y, x0, lx;
	enum cell_state s;
	int k, h;

	for (i = 0; i < n; i++)
		if (protect_state(&tiles[i].cell) == CELL_SHOWN &&
		    tiles[i].cell.v > max)
			max = tiles[i].cell.v;
	cols = n < T_COLS ? (n > 0 ? n : 1) : T_COLS;
	rows = n > 0 ? (n + cols - 1) / cols : 1;

	buf_init(&d, b->arena, b->max);
	buf_puts(&d, w->tiles);
	buf_puts(&d, ": ");
	xml(&d, title, 0);
	buf_puts(&d, ". ");
	for (i = 0; i < n; i++) {
		xml(&d, tiles[i].name, 0);
		buf_puts(&d, ": ");
		cell_text(&d, &tiles[i].cell, small_text, w);
		buf_puts(&d, i + 1 < n ? "; " : ". ");
	}
	if (n == 0)
		buf_puts(&d, w->none);
	else
		sentence(&d, w->tiles_gap, small_text);

	h = T_TOP + (int)rows * (T_SIZE + T_GAP) + T_LEGEND;
	svg_open(b, h, "tiles", title, d.p);
	hatch_defs(b);
	x0 = (W - (double)cols * T_SIZE - (double)(cols - 1) * T_GAP) / 2;
	if (n == 0) {
		text_at(b, x0, T_TOP + T_SIZE / 2.0, "start",
		    "fill=\"" INK_SOFT "\"");
		buf_puts(b, w->none);
		buf_puts(b, "</text>\n");
	}
	for (i = 0; i < n; i++) {
		x = x0 + (double)(i % cols) * (T_SIZE + T_GAP);
		y = T_TOP + (double)(i / cols) * (T_SIZE + T_GAP);
		s = protect_state(&tiles[i].cell);
		k = s == CELL_SHOWN ? shade(&tiles[i].cell, max) : 0;
		buf_puts(b, "<g class=\"tile\">");
		buf_appendf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" "
		    "height=\"%d\" rx=\"4\" fill=\"%s\" stroke=\"" AXIS "\"/>",
		    x, y, T_SIZE, T_SIZE, chart_shade[k]);
		if (s != CELL_SHOWN)
			buf_appendf(b, "<rect x=\"%.1f\" y=\"%.1f\" "
			    "width=\"%d\" height=\"%d\" fill=\"url(#hatch)\"/>"
			    "<rect x=\"%.1f\" y=\"%.1f\" width=\"44\" "
			    "height=\"28\" rx=\"3\" fill=\"#ffffff\" "
			    "stroke=\"" AXIS "\"/>", x + 1, y + 48, T_SIZE - 2,
			    T_SIZE - 49, x + T_SIZE / 2.0 - 22, y + 64);
		name = tiles[i].name != NULL ? tiles[i].name : "";
		len = strlen(name);
		cut = name_break(name, len, T_NAME_MAX);
		buf_appendf(b, "\n<text x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"middle\" font-size=\"12\" fill=\"%s\">",
		    x + T_SIZE / 2.0, y + 20, chart_shade_text[k]);
		xml_n(b, name, cut, 0);
		buf_puts(b, "</text>");
		if (cut < len) {
			if (name[cut] == ' ')
				cut++;
			buf_appendf(b, "<text x=\"%.1f\" y=\"%.1f\" "
			    "text-anchor=\"middle\" font-size=\"12\" "
			    "fill=\"%s\">", x + T_SIZE / 2.0, y + 36,
			    chart_shade_text[k]);
			xml_n(b, name + cut, len - cut, T_NAME_MAX);
			buf_puts(b, "</text>");
		}
		buf_appendf(b, "\n<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"middle\" font-size=\"20\" "
		    "font-weight=\"bold\" fill=\"%s\">",
		    s == CELL_SHOWN ? "value" : "hidden", x + T_SIZE / 2.0,
		    y + 85, s == CELL_SHOWN ? chart_shade_text[k] : INK);
		cell_text(b, &tiles[i].cell, small_text, w);
		buf_puts(b, "</text></g>\n");
	}

	/* The legend: words, no numbers. */
	y = T_TOP + (double)rows * (T_SIZE + T_GAP) + 12;
	lx = x0;
	text_at(b, lx, y + 8, "start", "fill=\"" INK "\"");
	buf_puts(b, w->fewer);
	buf_puts(b, "</text>\n");
	lx += 56;
	for (k = 0; k < CHART_NSHADES; k++)
		buf_appendf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"24\" "
		    "height=\"16\" fill=\"%s\" stroke=\"" AXIS "\"/>\n",
		    lx + k * 26, y, chart_shade[k]);
	lx += CHART_NSHADES * 26 + 6;
	text_at(b, lx, y + 8, "start", "fill=\"" INK "\"");
	buf_puts(b, w->more);
	buf_puts(b, "</text>\n");
	lx += 64;
	buf_appendf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"24\" "
	    "height=\"16\" fill=\"url(#hatch)\" stroke=\"" AXIS "\"/>\n",
	    lx, y);
	text_at(b, lx + 32, y + 8, "start", "fill=\"" INK "\"");
	xml(b, small_text != NULL ? small_text : "x", 0);
	buf_putc(b, ' ');
	buf_puts(b, w->or);
	buf_puts(b, " x: ");
	buf_puts(b, w->not_shown);
	buf_puts(b, "</text>\n</svg>\n");
}

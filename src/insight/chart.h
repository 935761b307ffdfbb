/*
 * chart: SVG charts of protected tables, drawn by the server.
 *
 * Every chart is a standalone SVG document (xmlns, viewBox, width and
 * height; 640 pixels wide, scaling with its viewBox) with a <title> and
 * a <desc> that name the table and list, in words, the values drawn, so
 * a reader without sight gets what the picture shows (the page puts the
 * table itself beside it).  All text is XML-escaped and cleaned of what
 * XML does not allow, since labels may come from anywhere.
 *
 * A chart draws from its ptable and from nothing else: every number in
 * it is a shown cell or an axis tick (multiples of ten, never 1 to 9);
 * nothing is summed, no share is computed.  A cell that is not shown
 * (CELL_SMALL, CELL_PROTECTED) never becomes a bar, a point or a shade:
 * it is labelled with the table's small_text ("<10") or "x" instead.
 * Series differ in colour, dash and marker, so colour is never the only
 * cue; the palettes below meet WCAG contrast on white (chart_test.c
 * checks them).
 */
#ifndef SCHAKEL_INSIGHT_CHART_H
#define SCHAKEL_INSIGHT_CHART_H

#include <stddef.h>

#include "core/buf.h"
#include "insight/table.h"

/* Horizontal bars: one bar per row that is not the total, the value of
 * column col.  A CELL_SMALL or CELL_PROTECTED cell draws no bar but a
 * label t->small_text or "x" in its place. */
void	chart_bars(struct buf *, const struct ptable *, size_t col,
	    const char *lang);

/* Lines over the columns (periods), one line per row (the total row
 * too); a hidden cell leaves a gap in its line, never a zero.  A total
 * column is not a period and is left out. */
void	chart_lines(struct buf *, const struct ptable *, const char *lang);

/* A tile grid: one square tile per area (a region's municipalities),
 * in the order given, shaded by value; hidden cells patterned and
 * labelled. */
struct chart_tile {
	const char	*code;
	const char	*name;
	struct pcell	 cell;
};
void	chart_tiles(struct buf *, const char *title,
	    const struct chart_tile *, size_t n, const char *small_text,
	    const char *lang);

/* The palettes, "#rrggbb": line and bar colours (each at least 3:1 on
 * white), and the tile shades from none to most with the text colour
 * on each (at least 4.5:1). */
#define CHART_NSERIES	6
#define CHART_NSHADES	5
extern const char *const chart_series[CHART_NSERIES];
extern const char *const chart_shade[CHART_NSHADES];
extern const char *const chart_shade_text[CHART_NSHADES];

#endif

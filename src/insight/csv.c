/*
 * csv: see csv.h.
 *
 * Why a byte order mark: Excel, also in Dutch, reads a CSV file without
 * one in the Windows code page (Windows-1252), so "Fryslân" or "België"
 * arrive garbled; with the UTF-8 BOM it reads UTF-8, both on a double
 * click and in Data > Van tekst/CSV.  LibreOffice, R, pandas and the
 * open-data tools skip the BOM.  The separator stays the comma of RFC
 * 4180: Dutch Excel splits a double-clicked file on its list separator,
 * the semicolon, so docs/api.md tells readers to open the file through
 * Data > Van tekst/CSV, which detects the comma.  A "sep=," first line
 * would make Excel split it on a double click, but it is not CSV and
 * breaks every other reader.
 */
#include "insight/csv.h"

#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "insight/protect.h"

void
csv_field(struct buf *b, const char *s)
{
	bool quote;
	const char *p;

	if (s == NULL)
		return;
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		buf_putc(b, '"');
	if (s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL)
		buf_putc(b, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	if (quote)
		buf_putc(b, '"');
}

static void
cell(struct buf *b, const struct ptable *t, const struct pcell *c)
{
	switch (protect_state(c)) {
	case CELL_SHOWN:
		buf_appendf(b, "%" PRId64, c->v);
		break;
	case CELL_SMALL:
		csv_field(b, t->small_text != NULL ? t->small_text : "x");
		break;
	default:
		buf_putc(b, 'x');
		break;
	}
}

void
csv_table(struct buf *b, const struct ptable *t)
{
	size_t r, c;

	buf_puts(b, CSV_BOM "key,label");
	for (c = 0; c < t->ncols; c++) {
		buf_putc(b, ',');
		csv_field(b, t->col_labels[c]);
	}
	buf_puts(b, "\r\n");
	for (r = 0; r < t->nrows; r++) {
		csv_field(b, t->row_keys[r]);
		buf_putc(b, ',');
		csv_field(b, t->row_labels[r]);
		for (c = 0; c < t->ncols; c++) {
			buf_putc(b, ',');
			cell(b, t, ptable_cell(t, r, c));
		}
		buf_puts(b, "\r\n");
	}
}

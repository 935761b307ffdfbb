/*
 * csv: a protected table (insight/table.h) as a CSV download.
 *
 * RFC 4180: fields separated by commas, every record ended by CRLF, a
 * field holding a comma, a double quote, CR or LF put in double quotes
 * with its quotes doubled.  The first record is the header
 * "key,label,<the column labels>"; then one record per row: its stable
 * key, its label and its cells.  A shown cell is the published count in
 * plain digits; a hidden one is the table's small_text ("<10") or "x",
 * exactly as the page shows it, so the file holds no number the
 * protection did not pass.
 *
 * A spreadsheet runs a cell that starts with = + - @ as a formula, and
 * some also after a leading TAB or CR; every text field that starts with
 * one of those gets a leading apostrophe, which the spreadsheet shows as
 * plain text (OWASP "CSV injection").  Counts are written by us and never
 * start with one.
 */
#ifndef SCHAKEL_INSIGHT_CSV_H
#define SCHAKEL_INSIGHT_CSV_H

#include "core/buf.h"
#include "insight/table.h"

/* The byte order mark csv_table starts with (see csv.c for why). */
#define CSV_BOM		"\xef\xbb\xbf"

/* The whole table, BOM first.  On a full buffer b->toobig is set. */
void	csv_table(struct buf *, const struct ptable *);
/* One text field, quoted and guarded as above (NULL is empty). */
void	csv_field(struct buf *, const char *);

#endif

/*
 * table: one protected table as it leaves the server.
 *
 * Every number policy users and the rapporteur see is a cell of a
 * ptable that went through protect (insight/protect.h): shown cells
 * hold a rounded count, the others only say why they are not shown.
 * Charts (chart.h), CSV (csv.h), the JSON of the API and the printed
 * report all draw from a ptable and from nothing else, so no output can
 * carry a number the protection did not pass.
 */
#ifndef SCHAKEL_INSIGHT_TABLE_H
#define SCHAKEL_INSIGHT_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum cell_state {
	CELL_SHOWN = 0,		/* v holds the published, rounded count */
	CELL_SMALL,		/* a count from 1 to threshold-1: "<10" */
	CELL_PROTECTED,		/* hidden so that no small count can be
				   derived from it: "x" */
};

struct pcell {
	int64_t		 v;	/* only when state == CELL_SHOWN */
	enum cell_state	 state;
};

struct ptable {
	const char	*id;		/* stable code: "victims_age" */
	const char	*title;		/* in the requested language */
	const char	*unit;		/* "count" */
	size_t		 nrows;
	size_t		 ncols;
	const char	**row_keys;	/* stable codes: "lt18", "total" */
	const char	**row_labels;	/* in the requested language */
	const char	**col_keys;	/* "q1" .. "q4", "year", "2024" */
	const char	**col_labels;
	struct pcell	*cells;		/* nrows * ncols, row-major */
	bool		 total_row;	/* the last row is the total */
	bool		 total_col;	/* the last column is the total */
	const char	*small_text;	/* "<10" with the threshold in force */
};

static inline struct pcell *
ptable_cell(const struct ptable *t, size_t row, size_t col)
{
	return &t->cells[row * t->ncols + col];
}

#endif

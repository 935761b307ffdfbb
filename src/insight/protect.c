#include "insight/protect.h"

#include <stdlib.h>
#include <string.h>

static struct protect_rules rules = {
	PROTECT_THRESHOLD_MIN, PROTECT_ROUNDING_MIN, PROTECT_DOMINANCE_PCT,
	PROTECT_DOMINANCE_SMALL,
};

const struct protect_rules *
protect_rules(void)
{
	return &rules;
}

int
protect_set_rules(int64_t threshold, int64_t rounding)
{
	if (threshold < PROTECT_THRESHOLD_MIN ||
	    rounding < PROTECT_ROUNDING_MIN)
		return -1;
	rules.threshold = threshold;
	rules.rounding = rounding;
	/* A small column stays small relative to the threshold. */
	if (rules.dominance_small < 5 * threshold)
		rules.dominance_small = 5 * threshold;
	return 0;
}

int64_t
protect_round(const struct protect_rules *r, int64_t n)
{
	return (n + r->rounding / 2) / r->rounding * r->rounding;
}

enum cell_state
protect_state(const struct pcell *c)
{
	if (c->state != CELL_SHOWN)
		return c->state;
	if (c->v < 0)
		return CELL_PROTECTED;
	if (c->v > 0 && c->v < rules.threshold)
		return CELL_SMALL;
	return CELL_SHOWN;
}

/*
 * The family's cells as one array: grid g's cell i is at base[g] + i.
 * A line is a set of inner cells and the total they add up to.
 */
struct fam {
	struct protect_grid *g;
	size_t		 ng;
	size_t		*base;
	size_t		 ncells;
};

static int64_t
fam_n(const struct fam *f, size_t k, size_t *gi)
{
	size_t g = 0;

	while (g + 1 < f->ng && f->base[g + 1] <= k)
		g++;
	if (gi != NULL)
		*gi = g;
	return f->g[g].n[k - f->base[g]];
}

static struct pcell *
fam_cell(const struct fam *f, size_t k)
{
	size_t g;

	(void)fam_n(f, k, &g);
	return &f->g[g].cells[k - f->base[g]];
}

static bool
hidden(const struct pcell *c)
{
	return c->state != CELL_SHOWN;
}

/*
 * Make one line safe: when its total is shown it must not have exactly
 * one hidden cell, and when its total is hidden its cells must not all
 * be shown, or the hidden one follows by subtraction.  Hides the
 * smallest shown cell that is not zero (then the smallest zero), the
 * first in the line on a tie.  Returns true when it hid one.
 */
static bool
line_fix(const struct fam *f, const size_t *inner, size_t n, size_t total)
{
	size_t i, nhidden = 0, pick = n;
	int64_t best = 0, v;
	bool best_zero = true;

	for (i = 0; i < n; i++)
		if (hidden(fam_cell(f, inner[i])))
			nhidden++;
	if (hidden(fam_cell(f, total))) {
		if (nhidden > 0)
			return false;
	} else if (nhidden != 1)
		return false;
	for (i = 0; i < n; i++) {
		if (hidden(fam_cell(f, inner[i])))
			continue;
		v = fam_n(f, inner[i], NULL);
		if (pick == n || (best_zero && v > 0) ||
		    ((v > 0) == !best_zero && v < best)) {
			pick = i;
			best = v;
			best_zero = v == 0;
		}
	}
	if (pick == n)
		return false;
	fam_cell(f, inner[pick])->state = CELL_PROTECTED;
	return true;
}

/* Rules 1 and 2 for one grid. */
static void
primary(const struct protect_rules *r, struct protect_grid *g)
{
	size_t i, row, col, last = g->nrows - 1;
	int64_t t, v;

	for (i = 0; i < g->nrows * g->ncols; i++) {
		g->cells[i].v = 0;
		g->cells[i].state = g->n[i] > 0 && g->n[i] < r->threshold ?
		    CELL_SMALL : CELL_SHOWN;
	}
	if (!g->total_row && !g->overlap)
		return;
	for (col = 0; col < g->ncols; col++) {
		t = g->n[last * g->ncols + col];
		if (t <= 0 || t >= r->dominance_small)
			continue;
		for (row = 0; row < last; row++) {
			v = g->n[row * g->ncols + col];
			if (v > 0 && v * 100 >= r->dominance_pct * t &&
			    g->cells[row * g->ncols + col].state ==
			    CELL_SHOWN)
				g->cells[row * g->ncols + col].state =
				    CELL_PROTECTED;
		}
	}
}

void
protect_family(const struct protect_rules *r, struct protect_grid *g,
    size_t ng, const struct protect_group *groups, size_t ngroups)
{
	struct fam f;
	size_t *idx, i, k, row, col, nr, nc, cap;
	bool changed;

	if (ng == 0)
		return;
	f.g = g;
	f.ng = ng;
	f.base = calloc(ng, sizeof(*f.base));
	f.ncells = 0;
	cap = 1;
	for (i = 0; i < ng; i++) {
		f.base[i] = f.ncells;
		f.ncells += g[i].nrows * g[i].ncols;
		if (g[i].nrows > cap)
			cap = g[i].nrows;
		if (g[i].ncols > cap)
			cap = g[i].ncols;
		primary(r, &g[i]);
	}
	for (i = 0; i < ngroups; i++)
		if (groups[i].nchild > cap)
			cap = groups[i].nchild;
	idx = calloc(cap, sizeof(*idx));
	if (f.base == NULL || idx == NULL)
		abort();
	do {
		changed = false;
		for (i = 0; i < ng; i++) {
			nr = g[i].nrows;
			nc = g[i].ncols;
			/* Rows against the total column. */
			for (row = 0; g[i].total_col && row < nr; row++) {
				for (col = 0; col + 1 < nc; col++)
					idx[col] = f.base[i] + row * nc + col;
				changed |= line_fix(&f, idx, nc - 1,
				    f.base[i] + row * nc + nc - 1);
			}
			/* Columns against the total row. */
			for (col = 0; g[i].total_row && col < nc; col++) {
				for (row = 0; row + 1 < nr; row++)
					idx[row] = f.base[i] + row * nc + col;
				changed |= line_fix(&f, idx, nr - 1,
				    f.base[i] + (nr - 1) * nc + col);
			}
		}
		/* Every cell of a parent against the same cell of its
		 * children. */
		for (i = 0; i < ngroups; i++) {
			nc = g[groups[i].parent].nrows *
			    g[groups[i].parent].ncols;
			for (k = 0; k < nc; k++) {
				for (row = 0; row < groups[i].nchild; row++)
					idx[row] = f.base[groups[i].child[row]]
					    + k;
				changed |= line_fix(&f, idx, groups[i].nchild,
				    f.base[groups[i].parent] + k);
			}
		}
	} while (changed);
	for (i = 0; i < ng; i++)
		for (k = 0; k < g[i].nrows * g[i].ncols; k++)
			if (g[i].cells[k].state == CELL_SHOWN)
				g[i].cells[k].v = protect_round(r, g[i].n[k]);
	free(idx);
	free(f.base);
}

void
protect_grid(const struct protect_rules *r, struct protect_grid *g)
{
	protect_family(r, g, 1, NULL, 0);
}

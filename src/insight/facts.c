#include "insight/facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/deadline.h"
#include "insight/tables.h"
#include "store/store.h"

int32_t
facts_quarter_day(int qi)
{
	char s[32];
	int32_t day = 0;

	snprintf(s, sizeof(s), "%04d-%02d-01", qi / 4, (qi % 4) * 3 + 1);
	(void)date_parse(s, &day);
	return day;
}

int64_t
facts_quarter_start(int qi)
{
	int64_t t = (int64_t)facts_quarter_day(qi) * 86400;

	/* Midnight in Amsterdam; no clock change falls on a first day of
	 * January, April, July or October. */
	return t - deadline_amsterdam_offset(t);
}

int
facts_year(int64_t now)
{
	int32_t day = deadline_local_day(now);
	int y = 1970 + day / 366;

	/* The year whose first day is the last at or before today. */
	while (facts_quarter_day(facts_quarter(y + 1, 1)) <= day)
		y++;
	return y;
}

int
facts_closed(int year, int64_t now)
{
	int q;

	for (q = 4; q > 0; q--)
		if (facts_quarter_start(facts_quarter(year, q) + 1) <= now)
			return q;
	return 0;
}

static int
cmp_code(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

struct counts {
	const char	**codes;	/* municipalities, sorted */
	size_t		 ncodes;
	int64_t		*n;		/* ncodes * nrows */
	size_t		 nrows;
};

static void
count(struct counts *c, const char *muni, int row, int64_t n)
{
	const char **p;

	if (row < 0 || muni == NULL)
		return;
	p = bsearch(muni, c->codes, c->ncodes, sizeof(*c->codes), cmp_code);
	if (p != NULL)
		c->n[(size_t)(p - c->codes) * c->nrows + (size_t)row] += n;
}

/* One table's counts for one quarter, into c. */
static int
take(struct ctx *ctx, const struct tbl_def *d, int qi, struct counts *c)
{
	struct store_rows *r;
	const char *key, *muni, *p, *comma;
	size_t i, nlisted = tbl_nrows(d) - (tbl_has_total(d) ? 1 : 0);
	int64_t from, to, n;
	int row;

	if (d->days) {
		from = facts_quarter_day(qi);
		to = facts_quarter_day(qi + 1);
	} else {
		from = facts_quarter_start(qi);
		to = facts_quarter_start(qi + 1);
	}
	if (store_exec(ctx, d->q, ARGS(store_int(from), store_int(to)),
	    &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++) {
		muni = rows_text(r, i, 0);
		key = rows_text(r, i, 1);
		n = rows_int(r, i, 2);
		if (d->kind != TBL_LIST) {
			row = tbl_row(d, key);
			/* A code the table does not list counts in its last
			 * row ("other", "unknown"), so the total still adds
			 * up. */
			if (row < 0 && d->kind == TBL_EXCLUSIVE)
				row = (int)nlisted - 1;
			count(c, muni, row, n);
			continue;
		}
		count(c, muni, (int)nlisted, n);
		for (p = key; p != NULL && *p != '\0'; p = comma + 1) {
			comma = strchr(p, ',');
			if (comma == NULL)
				comma = p + strlen(p);
			row = tbl_row(d, arena_strndup(ctx->arena, p,
			    (size_t)(comma - p)));
			count(c, muni, row, n);
			if (*comma == '\0')
				break;
		}
	}
	return 0;
}

int
facts_freeze(struct ctx *ctx, int qi)
{
	struct store_rows *fr, *mr;
	struct counts c;
	size_t i, k, m;
	bool done;
	const struct tbl_def *d;

	if (store_exec(ctx, Q_INSIGHT_FROZEN, ARGS(store_int(qi)), &fr) == -1
	    || store_exec(ctx, Q_INSIGHT_MUNIS, NULL, 0, &mr) == -1)
		return -1;
	c.ncodes = mr->nrows;
	c.codes = arena_alloc(ctx->arena, (c.ncodes + 1) * sizeof(*c.codes));
	for (i = 0; i < c.ncodes; i++)
		c.codes[i] = rows_text(mr, i, 0);
	for (k = 0; k < tbl_ndefs; k++) {
		d = &tbl_defs[k];
		for (i = 0, done = false; i < fr->nrows && !done; i++)
			done = strcmp(rows_text(fr, i, 0), d->id) == 0;
		if (done)
			continue;
		c.nrows = tbl_nrows(d);
		c.n = arena_alloc(ctx->arena,
		    c.ncodes * c.nrows * sizeof(*c.n));
		memset(c.n, 0, c.ncodes * c.nrows * sizeof(*c.n));
		if (take(ctx, d, qi, &c) == -1)
			return -1;
		for (m = 0; m < c.ncodes; m++)
			for (i = 0; i < c.nrows; i++) {
				if (c.n[m * c.nrows + i] == 0)
					continue;
				if (store_exec(ctx, Q_INSIGHT_FACT_INSERT,
				    ARGS(store_text(d->id), store_int(qi),
				    store_text(c.codes[m]),
				    store_text(i < c.nrows - 1 ||
				    !tbl_has_total(d) ? d->rows[i].key :
				    "total"),
				    store_int(c.n[m * c.nrows + i])),
				    NULL) == -1)
					return -1;
			}
		if (store_exec(ctx, Q_INSIGHT_FROZEN_INSERT,
		    ARGS(store_text(d->id), store_int(qi),
		    store_int(time_now())), NULL) == -1)
			return -1;
	}
	return 0;
}

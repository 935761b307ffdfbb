/*
 * insight_plain: the yardstick for the local insight benchmark
 * (tools/bench_insight.sh): the same counts the dashboard shows, taken
 * straight from the records with a plain GROUP BY, as a dashboard
 * without frozen facts and stored results would have to.
 *
 *   insight_plain DB YEAR LEVEL AREA [RUNS]
 *
 * Opens the SQLite file DB read-only and runs, RUNS times (default 3),
 * the 18 tables' count queries of src/insight/tables.c (their SQL taken
 * from the store's query list, Q_INSIGHT_*) over the whole of YEAR, and
 * keeps the rows of the municipalities in the area (LEVEL country,
 * province, region or municipality; AREA NL, a province's name, a
 * region's id or a municipality's code).  Unprotected: no rounding, no
 * suppression, so it does less work than the dashboard's first answer.
 * Prints one line:
 *
 *   plain level=L ms_min=M ms_median=M rows=N counted=N
 *
 * rows: the result rows kept, counted: the sum of their counts.  Also,
 * once, the size of the data set:
 *
 *   data signals=N cases=N events=N
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/queries.h"

static const struct {
	enum query	q;
	int		days;	/* bounds are days, not seconds */
} tables[] = {
	{ Q_INSIGHT_SIGNALS_FORM, 0 }, { Q_INSIGHT_SIGNALS_REPORTER, 0 },
	{ Q_INSIGHT_CASES_TYPE, 0 }, { Q_INSIGHT_CASES_FORM, 0 },
	{ Q_INSIGHT_VICTIMS_AGE, 0 }, { Q_INSIGHT_VICTIMS_SEX, 0 },
	{ Q_INSIGHT_VICTIMS_NATIONALITY, 0 }, { Q_INSIGHT_VICTIMS_GROUP, 0 },
	{ Q_INSIGHT_SUSPECTS, 0 }, { Q_INSIGHT_TIME_TRIAGE, 0 },
	{ Q_INSIGHT_TIME_REFERRAL, 0 }, { Q_INSIGHT_TIME_CARE, 0 },
	{ Q_INSIGHT_DECLINED, 0 }, { Q_INSIGHT_NEEDS, 0 },
	{ Q_INSIGHT_IDENT, 0 }, { Q_INSIGHT_RESIDENCE, 1 },
	{ Q_INSIGHT_PLACEMENTS, 1 }, { Q_INSIGHT_TURNED_18, 1 },
};
#define NTABLES	(sizeof(tables) / sizeof(tables[0]))

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static sqlite3_int64
one(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	sqlite3_int64 n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

/* Seconds since 1970 of local midnight (Europe/Amsterdam) on 1 January. */
static sqlite3_int64
year_start(int y)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mday = 1;
	tm.tm_isdst = -1;
	return (sqlite3_int64)mktime(&tm);
}

int
main(int argc, char **argv)
{
	const char *level, *area;
	char **munis = NULL;
	size_t nmunis = 0, i, k;
	sqlite3 *db;
	sqlite3_stmt *s;
	sqlite3_int64 from, to, rows = 0, counted = 0;
	double t0, *ms;
	int year, runs = 3, r;

	if (argc < 5 || argc > 6) {
		fputs("usage: insight_plain DB YEAR LEVEL AREA [RUNS]\n",
		    stderr);
		return 2;
	}
	year = (int)strtol(argv[2], NULL, 10);
	level = argv[3];
	area = argv[4];
	if (argc == 6)
		runs = (int)strtol(argv[5], NULL, 10);
	if (year < 2000 || runs < 1 || runs > 100) {
		fputs("insight_plain: bad YEAR or RUNS\n", stderr);
		return 2;
	}
	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "insight_plain: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	printf("data signals=%lld cases=%lld events=%lld\n",
	    (long long)one(db, "SELECT COUNT(*) FROM signal"),
	    (long long)one(db, "SELECT COUNT(*) FROM care_case"),
	    (long long)one(db, "SELECT COUNT(*) FROM case_event"));
	/* The area's municipalities, sorted for bsearch. */
	if (strcmp(level, "country") == 0)
		r = sqlite3_prepare_v2(db, "SELECT code FROM municipality"
		    " WHERE ?1 = ?1", -1, &s, NULL);
	else if (strcmp(level, "province") == 0)
		r = sqlite3_prepare_v2(db, "SELECT code FROM municipality"
		    " WHERE province = ?1", -1, &s, NULL);
	else if (strcmp(level, "region") == 0)
		r = sqlite3_prepare_v2(db, "SELECT municipality FROM"
		    " region_municipality WHERE region_id = CAST(?1 AS"
		    " INTEGER)", -1, &s, NULL);
	else
		r = sqlite3_prepare_v2(db, "SELECT code FROM municipality"
		    " WHERE code = ?1", -1, &s, NULL);
	if (r != SQLITE_OK) {
		fprintf(stderr, "insight_plain: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	sqlite3_bind_text(s, 1, area, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		munis = realloc(munis, (nmunis + 1) * sizeof(*munis));
		if (munis == NULL)
			return 1;
		munis[nmunis++] = strdup((const char *)
		    sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	if (nmunis == 0) {
		fprintf(stderr, "insight_plain: no such area\n");
		return 1;
	}
	qsort(munis, nmunis, sizeof(*munis), cmp_str);
	from = year_start(year);
	to = year_start(year + 1);
	ms = calloc((size_t)runs, sizeof(*ms));
	for (r = 0; r < runs; r++) {
		rows = counted = 0;
		t0 = now_ms();
		for (i = 0; i < NTABLES; i++) {
			const char *m;

			if (sqlite3_prepare_v2(db, query_sql(tables[i].q), -1,
			    &s, NULL) != SQLITE_OK) {
				fprintf(stderr, "insight_plain: %s\n",
				    sqlite3_errmsg(db));
				return 1;
			}
			/* Days: the local midnight's day number. */
			sqlite3_bind_int64(s, 1, tables[i].days ?
			    (from + 43200) / 86400 : from);
			sqlite3_bind_int64(s, 2, tables[i].days ?
			    (to + 43200) / 86400 : to);
			while (sqlite3_step(s) == SQLITE_ROW) {
				m = (const char *)sqlite3_column_text(s, 0);
				if (m == NULL || bsearch(&m, munis, nmunis,
				    sizeof(*munis), cmp_str) == NULL)
					continue;
				rows++;
				counted += sqlite3_column_int64(s, 2);
			}
			sqlite3_finalize(s);
		}
		ms[r] = now_ms() - t0;
	}
	qsort(ms, (size_t)runs, sizeof(*ms), cmp_double);
	printf("plain level=%s ms_min=%.1f ms_median=%.1f rows=%lld "
	    "counted=%lld\n", level, ms[0], ms[runs / 2], (long long)rows,
	    (long long)counted);
	for (k = 0; k < nmunis; k++)
		free(munis[k]);
	free(munis);
	free(ms);
	sqlite3_close(db);
	return 0;
}

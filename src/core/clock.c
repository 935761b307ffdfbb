#include "clock.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"

static int64_t offset;

int64_t
time_now(void)
{
	return (int64_t)time(NULL) + offset;
}

void
time_set_offset(int64_t s)
{
	offset = s;
}

int64_t
time_mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

char *
time_iso(struct arena *a, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char *p = arena_alloc(a, 32);

	gmtime_r(&tt, &tm);
	strftime(p, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return p;
}

bool
date_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int max;

	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
		return false;
	max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
static int32_t
days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
date_parse(const char *s, int32_t *days)
{
	int y, m, d, i;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (!date_valid(y, m, d))
		return -1;
	*days = days_from_civil(y, m, d);
	return 0;
}

char *
date_format(struct arena *a, int32_t days)
{
	char *iso = time_iso(a, (int64_t)days * 86400);

	iso[10] = '\0';		/* the date part of the timestamp */
	return iso;
}

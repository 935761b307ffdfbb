/*
 * clock: wall-clock seconds for records, a monotonic clock for durations,
 * and ISO 8601 text.  All stored times are UTC seconds since the epoch.
 */
#ifndef SCHAKEL_CLOCK_H
#define SCHAKEL_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

struct arena;

/* Seconds since the epoch.  Tests may shift it with time_set_offset(). */
int64_t	 time_now(void);
void	 time_set_offset(int64_t seconds);
/* Monotonic nanoseconds, for durations only. */
int64_t	 time_mono_ns(void);
/* "2026-11-29T15:54:21Z" (20 characters), in the arena. */
char	*time_iso(struct arena *, int64_t);
/* A calendar date "YYYY-MM-DD" that exists; 0 and days since the epoch. */
int	 date_parse(const char *, int32_t *days);
bool	 date_valid(int y, int m, int d);
/* "YYYY-MM-DD" of days since the epoch, in the arena. */
char	*date_format(struct arena *, int32_t days);

#endif

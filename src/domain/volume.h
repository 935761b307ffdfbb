/*
 * volume: how many signals, and people in them, one account may file in
 * a day, and what the advice point sees of accounts that file unusually
 * many.  Matching tells two professionals they worry about the same
 * person; without a limit an account could file invented people by the
 * thousand and learn from the matches who is known.  The limits are far
 * above what real work needs (a raid on a farm is a few signals of up to
 * ten people) and count over the last 24 hours; a refusal is recorded,
 * without the refused signal, so the point sees it.
 */
#ifndef SCHAKEL_VOLUME_H
#define SCHAKEL_VOLUME_H

#include <stddef.h>
#include <stdint.h>

struct ctx;

#define VOLUME_SIGNALS		25	/* signals per account per 24 h */
#define VOLUME_PERSONS		100	/* people in them */
#define VOLUME_WINDOW		(24 * 3600)
#define VOLUME_UNUSUAL		10	/* signals in 24 h the point sees */

/* The limits of this process (serve --daily-signals, --daily-persons);
 * call before serving.  Values below 1 keep the defaults. */
void	volume_set_limits(int64_t signals, int64_t persons);

/*
 * Inside the write that files a signal: may reporter file one more, with
 * persons people, meant for region (0: none)?  0 with *refused NULL when
 * it may; otherwise the refusal is recorded in the same write, *refused
 * names the limit ("signals" or "persons") and *retry the seconds until
 * the window has room again.  -1 only when the store failed.
 */
int	volume_admit(struct ctx *, int64_t reporter, int64_t region,
	    size_t persons, int64_t now, const char **refused,
	    int64_t *retry);
/* The message for a refusal, with the limit in numbers. */
int	volume_refuse(struct ctx *, const char *refused, int64_t retry);

/* An account that filed unusually many signals, or was refused. */
struct volume_line {
	const char	*username;
	const char	*org_name;
	int64_t		 signals;	/* filed in the last 24 hours */
	int64_t		 persons;	/* people in them */
	int64_t		 refused;	/* signals refused */
};

/* Such accounts among those that filed into ctx's advisor's point. */
int	volume_unusual(struct ctx *, struct volume_line **, size_t *n);

#endif

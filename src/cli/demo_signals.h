/*
 * The demo's signals (demo_signals.c): a working week of the two demo
 * advice points, filed by professionals of many organisations.
 */
#ifndef SCHAKEL_DEMO_SIGNALS_H
#define SCHAKEL_DEMO_SIGNALS_H

#include <stdint.h>

struct cli_env;

/* Signals demo_signals() files, the demo reporter's handful included. */
#define DEMO_SIGNALS		240
/* Of those, the demo reporter's own. */
#define DEMO_REPORTER_SIGNALS	5

struct demo_signal_ids {
	int64_t		 reporter, reporter_org;	/* demo-reporter */
	int64_t		 advisor, advisor_org;		/* demo-advisor */
};

/*
 * Reporting organisations of Amsterdam and Rotterdam with their
 * reporters, and a triage advisor of the Rotterdam point (accounts
 * nobody can log in to), then DEMO_SIGNALS signals over the last 60
 * days.  What is past its triage deadline has been decided, but for a
 * few per point (one acute); what is still within it waits, the newest
 * untouched, older ones claimed.  The demo reporter files a handful:
 * one decided, one with its question answered, two with a question
 * waiting, one new.
 */
int	demo_signals_week(struct cli_env *, const struct demo_signal_ids *);

#endif

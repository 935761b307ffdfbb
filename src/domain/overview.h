/*
 * overview: the numbers an advice-and-reporting point works by, for its
 * advisors: what waits for triage, what is past its deadline or due
 * today, what is acute, what waits for a reporter's answer, and the open
 * questions for advice; and where the public form refused signals in the
 * last day because its budget was full (signal.h).  Counts over the
 * regions the point serves (and the municipalities no point covers
 * yet), never a person or a text, so
 * reading them is not audited.
 */
#ifndef SCHAKEL_OVERVIEW_H
#define SCHAKEL_OVERVIEW_H

#include <stddef.h>
#include <stdint.h>

struct ctx;

/* Public-form refusals in one municipality over the last day. */
struct overview_refusal {
	const char	*municipality;	/* CBS code */
	const char	*name;
	int64_t		 count;
	int64_t		 overall;	/* of those, for the overall budget */
	int64_t		 first_at;
	int64_t		 last_at;
};

struct overview {
	int64_t		 received;	/* not yet claimed */
	int64_t		 in_triage;	/* claimed, not decided */
	int64_t		 overdue;	/* of those two, past the deadline */
	int64_t		 due_today;	/* due before the end of today */
	int64_t		 acute;
	int64_t		 waiting_reporter;	/* open questions */
	int64_t		 advice_open;
	/* Signals, each the count of its view of the queue (signal.h). */
	int64_t		 waiting_answer;	/* with an open question */
	int64_t		 decided;	/* in the last DECIDED_DAYS days */
	int64_t		 mine;		/* in triage with ctx's user */
	int64_t		 open;		/* received or in triage */
	int64_t		 at;		/* the moment counted */
	struct overview_refusal *refusals;	/* in ctx->arena */
	size_t		 nrefusals;
};

/* The overview of ctx's user's point; only advisors have one. */
int	overview_point(struct ctx *, struct overview *);

#endif

/*
 * transfer: a case moves with its victim.  When the victim moves to a
 * municipality another care coordination serves, the case team asks that
 * organisation to take the case over: the receiving organisation is the
 * care coordination serving the new municipality (as for a new case),
 * never the case's own.  The reason is sealed (case_transfer/reason/id).
 * At most one transfer of a case waits at a time; it is due by the
 * transfer_accept deadline rule, and one past its due shows on the start
 * pages of both organisations (transfer_list) until it is decided.
 *
 * While it waits the receiving organisation's coordinators read the
 * whole case (CASE_REL_RECEIVING) and change nothing; one of them
 * accepts, or declines with a reason (sealed as case_transfer/answer/id),
 * and the sending team may cancel.  On acceptance the case moves: its
 * organisation, region and municipality become the new ones, the
 * acceptor coordinates it, and the colleagues assigned at the old
 * organisation are taken off.  The timeline keeps every event; the old
 * organisation is then CASE_REL_FORMER and reads the case's head and the
 * events its own people wrote, nothing else.  Every step is an event on
 * the timeline and an audit entry on the case.
 */
#ifndef SCHAKEL_TRANSFER_H
#define SCHAKEL_TRANSFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/case.h"

struct ctx;

struct transfer {
	int64_t		 id;
	int64_t		 case_id;
	int64_t		 from_org;
	int64_t		 to_org;
	int64_t		 to_region;		/* the region serving it */
	const char	*from_org_name;
	const char	*to_org_name;
	const char	*municipality;		/* the new one; NULL in lists */
	const char	*municipality_name;
	const char	*requested_by;		/* user name */
	int64_t		 requested_at;
	int64_t		 due;
	bool		 overdue;		/* due has passed */
	bool		 incoming;		/* to ctx's organisation */
	const char	*reason;		/* sealed; NULL in lists */
};

#define TRANSFER_LIST_MAX	200

/*
 * The case team asks the care coordination serving municipality to take
 * case id over, for reason (required).  Field errors for a municipality
 * that is unknown or served by the case's own organisation; ST_CONFLICT
 * when none serves it, when the case is new or closed, or when a
 * transfer waits already.  Audited as case.transfer.
 */
int	transfer_request(struct ctx *, int64_t id, const char *municipality,
	    const char *reason, int64_t *transfer);
/* A coordinator of the receiving organisation accepts the waiting
 * transfer: the case moves (see above).  Audited as
 * case.transfer.accept. */
int	transfer_accept(struct ctx *, int64_t id);
/* ... or declines it, saying why (required); case.transfer.decline. */
int	transfer_decline(struct ctx *, int64_t id, const char *reason);
/* The sending team takes its request back; case.transfer.cancel. */
int	transfer_cancel(struct ctx *, int64_t id);

/* The transfer of case id that waits, in *out (NULL when none), with
 * its reason opened; *bad when that does not open.  For case_get(),
 * which has checked the relation. */
int	transfer_pending(struct ctx *, int64_t id, struct transfer **out,
	    bool *bad);
/* The transfers waiting to or from ctx's organisation, first due first:
 * no personal data (no reason, no municipality code).  Empty for anyone
 * but a coordinator. */
int	transfer_list(struct ctx *, struct transfer **, size_t *n);
/* What ctx's organisation is to case id by a transfer:
 * CASE_REL_RECEIVING, CASE_REL_FORMER or CASE_REL_NONE.  For
 * case_access(). */
int	transfer_relation(struct ctx *, int64_t id, enum case_rel *);

#endif

/*
 * sweep: when a deadline passes, tell whose turn it is.  The server runs
 * it every --sweep-every seconds (cli/serve.c) next to the mail sender.
 *
 *   deadline                          told (kind, object)
 *   a signal's triage                 its claimer, or every advisor of
 *                                     the points that see it
 *                                     (overdue, signal)
 *   a referral's answer               the receiving provider's users
 *                                     (referral_overdue, referral) and
 *                                     the case team (referral_late, case)
 *   an escalation's answer            the expert team's users
 *                                     (escalation_overdue, escalation)
 *                                     and the case team
 *                                     (escalation_late, case)
 *   a placement's review day          the case team (placement_review,
 *                                     case)
 *   a closed placement's authorisation the case team (authorisation_end,
 *   entering its warning period       case)
 *
 * Each event is told once: a row in deadline_notice (kind, object, the
 * moment it was due) is written in the transaction that makes the
 * notifications, and its primary key makes a second sweep, on this
 * server or another, add nothing, also when there was nobody to tell.
 * A deadline that moves (a renewed authorisation, a new review day) is
 * a new event.  Notifications carry no personal data: a kind and an id.
 */
#ifndef SCHAKEL_SWEEP_H
#define SCHAKEL_SWEEP_H

#include <stddef.h>
#include <stdint.h>

struct ctx;

/* Runs its own store_write(); *made (may be NULL) counts the deadline
 * events newly told about. */
int	sweep_deadlines(struct ctx *, int64_t now, size_t *made);

#endif

/*
 * due: the coordinator's one overview of what is due, across cases,
 * referrals, placements and the move to adult care.
 *
 * Every module that keeps a deadline on a case adds its open deadlines
 * to a due_list through a function of its own (case_due(),
 * referral_due(), placement_due(), adulthood_due()); due_overview()
 * calls them all for the coordinator's organisation and sorts the
 * result, the missed ones first.  An item carries no personal data: the
 * case number, what is due (a stable code the UI translates) and when.
 */
#ifndef SCHAKEL_DUE_H
#define SCHAKEL_DUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctx;

struct due_item {
	const char	*kind;		/* "case_accept", "plan_review",
					   "referral_answer", ... */
	int64_t		 case_id;
	int64_t		 ref_id;	/* the referral, placement, ... the
					   deadline belongs to; 0: the case */
	int64_t		 due;		/* UTC moment */
	const char	*detail;	/* a code for the UI or NULL: the
					   need, the placement type, ... */
};

struct due_list {
	struct due_item	*v;
	size_t		 n;
	size_t		 cap;
};

/* Append an item; the list grows in ctx's arena. */
void	due_add(struct ctx *, struct due_list *, const char *kind,
	    int64_t case_id, int64_t ref_id, int64_t due, const char *detail);

/*
 * Everything due for the cases of ctx's organisation (a coordinator's):
 * what is missed and what falls due before `until` (UTC moment), sorted
 * by due moment.  Empty for any other role.
 */
int	due_overview(struct ctx *, int64_t until, struct due_list *);

/* The cases' own deadlines: acceptance of a new case, the care plan's
 * review day. */
int	case_due(struct ctx *, int64_t org_id, int64_t until,
	    struct due_list *);

#endif

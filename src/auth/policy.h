/*
 * policy: the one answer to "may this user do this action on this
 * object".  Deny by default: an action not listed for a role is refused.
 * Every API handler names its action in the route table (api/routes.c)
 * and the dispatcher asks policy_check() before the handler runs;
 * handlers that touch a particular object ask again with that object.
 */
#ifndef SCHAKEL_POLICY_H
#define SCHAKEL_POLICY_H

#include <stdbool.h>
#include <stdint.h>

struct ctx;
struct principal;

enum action {
	ACT_NONE = 0,		/* public routes: login, health */
	ACT_SELF,		/* own account: me, logout */
	ACT_ORG_LIST,
	ACT_ORG_CREATE,
	ACT_USER_LIST,
	ACT_USER_CREATE,
	ACT_USER_DISABLE,
	ACT_USER_APPROVE,	/* four eyes: approve, new enrolment link */
	ACT_USER_APPROVER,	/* mark an approver of an organisation */
	ACT_AUDIT_OBJECT,	/* who accessed a record */
	ACT_REGION_LIST,
	ACT_REGION_CREATE,
	ACT_SIGNAL_CREATE,	/* file a signal; see one's own */
	ACT_SIGNAL_READ,	/* one signal: own, or of the point's region */
	ACT_SIGNAL_TRIAGE,	/* the queue, claim, decide */
	ACT_DEADLINE_LIST,	/* the deadline engine's rules */
	ACT_DEADLINE_UPDATE,
	ACT_FALLBACK_READ,
	ACT_FALLBACK_SET,
	ACT_CASE_LIST,		/* the coordinator's cases */
	ACT_CASE_OPEN,		/* open a case directly */
	ACT_CASE_READ,		/* one case: by relation, else 404 */
	ACT_CASE_WORK,		/* accept, status, needs, plan, notes */
	ACT_ASSESS_LIST,	/* the committee's submitted assessments */
	ACT_ASSESS,		/* one assessment: by committee, else 404 */
	ACT_CASE_EMERGENCY,	/* break the glass on a case */
	ACT_EMERGENCY_REVIEW,	/* every emergency read, for the admins */
	ACT_PROVIDER_OWN,	/* own organisation's offer and capacity */
	ACT_PROVIDER_READ,	/* one provider's profile */
	ACT_PROVIDER_SET,	/* any provider's profile, at set-up */
	ACT_REFERRAL_LIST,	/* a provider's incoming referrals */
	ACT_REFERRAL,		/* one referral: its provider, else 404 */
	ACT_ESCALATION_LIST,	/* an expert team's escalations */
	ACT_ESCALATION,		/* one escalation: its team, else 404 */
	ACT_PLACEMENT_LIST,	/* the placements at a provider */
	ACT_PROVIDER_NAMES,	/* the provider organisations to place at */
	ACT_INSIGHT,		/* protected aggregates of an area */
	ACT_EXPERTISE,		/* own organisation's trained staff */
	ACT_EXPERTISE_COVERAGE,	/* trained staff against signals */
	ACT_INSIGHT_HTCDS,	/* the anonymised HTCDS export */
	ACT_CONTRACT_READ,	/* care contracts of one's regions */
	ACT_CONTRACT_WRITE,	/* register, change, end them */
	ACT_GAP_READ,		/* the protected gap report */
	ACT_USER_CONTACT,	/* an account's real name and work phone */
	ACT_REGION_READ,	/* one region: its municipalities, orgs */
	ACT_REGION_UPDATE,	/* change a region's name and members */
	ACT__COUNT
};

/* The object acted on, when there is one. */
struct policy_object {
	const char	*type;		/* "user", "org", ... */
	int64_t		 id;
	int64_t		 org_id;	/* owning organisation, 0 = none */
};

const char *action_name(enum action);
bool	policy_allows(const struct principal *, enum action,
	    const struct policy_object *);
/* 0, or -1 with ST_DENIED (ST_UNAUTHENTICATED when nobody is logged in). */
int	policy_check(struct ctx *, enum action, const struct policy_object *);

#endif

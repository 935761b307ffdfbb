#include "auth/policy.h"

#include "auth/role.h"
#include "core/fail.h"

#define R(x)	(1u << (x))
#define EVERYONE (R(ROLE_REPORTER) | R(ROLE_ADVISOR) | R(ROLE_COORDINATOR) | \
	R(ROLE_PROVIDER) | R(ROLE_ASSESSOR) | R(ROLE_POLICY) | \
	R(ROLE_RAPPORTEUR) | R(ROLE_ADMIN))

/* Which roles may take each action at all.  Missing means nobody. */
static const unsigned allowed[ACT__COUNT] = {
	[ACT_SELF] = EVERYONE,
	[ACT_ORG_LIST] = R(ROLE_ADMIN),
	[ACT_ORG_CREATE] = R(ROLE_ADMIN),
	[ACT_USER_LIST] = R(ROLE_ADMIN),
	[ACT_USER_CREATE] = R(ROLE_ADMIN),
	[ACT_USER_DISABLE] = R(ROLE_ADMIN),
	/* A second admin, or an approver of the account's organisation: the
	 * domain (user_may_approve) checks which one this user is. */
	[ACT_USER_APPROVE] = R(ROLE_REPORTER) | R(ROLE_ADVISOR) |
	    R(ROLE_COORDINATOR) | R(ROLE_PROVIDER) | R(ROLE_ASSESSOR) |
	    R(ROLE_ADMIN),
	[ACT_USER_APPROVER] = R(ROLE_ADMIN),
	/* Admins see who touched accounts and organisations; coordinators
	 * will see it for the cases they coordinate once cases exist. */
	[ACT_AUDIT_OBJECT] = R(ROLE_ADMIN),
	[ACT_REGION_LIST] = R(ROLE_ADMIN),
	[ACT_REGION_CREATE] = R(ROLE_ADMIN),
	/* Professionals who meet people report; the object check in
	 * domain/signal.c decides which signal each may read. */
	[ACT_SIGNAL_CREATE] = R(ROLE_REPORTER) | R(ROLE_ADVISOR) |
	    R(ROLE_COORDINATOR) | R(ROLE_PROVIDER),
	[ACT_SIGNAL_READ] = R(ROLE_REPORTER) | R(ROLE_ADVISOR) |
	    R(ROLE_COORDINATOR) | R(ROLE_PROVIDER),
	[ACT_SIGNAL_TRIAGE] = R(ROLE_ADVISOR),
	/* Advisors work to these deadlines; admins set them. */
	[ACT_DEADLINE_LIST] = R(ROLE_ADVISOR) | R(ROLE_ADMIN),
	[ACT_DEADLINE_UPDATE] = R(ROLE_ADMIN),
	/* Admins name the point that takes what no region covers. */
	[ACT_FALLBACK_READ] = R(ROLE_ADMIN),
	[ACT_FALLBACK_SET] = R(ROLE_ADMIN),
	/* Cases: coordinators list and open them.  One case is seen and
	 * changed by relation to it alone (domain/case.c, case_access), so
	 * every role reaches the object check, and anyone without a
	 * relation gets the 404 of a case that does not exist: an admin
	 * too, who never sees case data. */
	[ACT_CASE_LIST] = R(ROLE_COORDINATOR),
	[ACT_CASE_OPEN] = R(ROLE_COORDINATOR),
	[ACT_CASE_READ] = EVERYONE,
	[ACT_CASE_WORK] = EVERYONE,
	/* Identification: assessors list what was submitted to their
	 * committee.  One assessment is reached by every role and answered
	 * by committee (domain/ident.c), so anyone else gets the 404 of one
	 * that does not exist, as for a case. */
	[ACT_ASSESS_LIST] = R(ROLE_ASSESSOR),
	[ACT_ASSESS] = EVERYONE,
	/* Emergency reads: coordinators of another care coordination ask
	 * (domain/emergency.c refuses anyone with a relation); the admins
	 * review every use, reasons and who, never the case. */
	[ACT_CASE_EMERGENCY] = R(ROLE_COORDINATOR),
	[ACT_EMERGENCY_REVIEW] = R(ROLE_ADMIN),
	/* Providers keep their own offer and capacity up to date;
	 * coordinators read profiles to refer, admins set any up.  A
	 * provider reaches one profile by id too, and domain/provider.c
	 * answers 404 for any but its own organisation's.  No personal
	 * data in any of them. */
	[ACT_PROVIDER_OWN] = R(ROLE_PROVIDER),
	[ACT_PROVIDER_READ] = R(ROLE_COORDINATOR) | R(ROLE_PROVIDER) |
	    R(ROLE_ADMIN),
	[ACT_PROVIDER_SET] = R(ROLE_PROVIDER) | R(ROLE_ADMIN),
	/* Referrals and escalations: providers (an expert team's users
	 * too) list what came to their organisation.  One is reached by
	 * every role and answered by organisation (domain/referral.c,
	 * escalation.c): anyone else gets the 404 of one that does not
	 * exist. */
	[ACT_REFERRAL_LIST] = R(ROLE_PROVIDER),
	[ACT_REFERRAL] = EVERYONE,
	[ACT_ESCALATION_LIST] = R(ROLE_PROVIDER),
	[ACT_ESCALATION] = EVERYONE,
	/* Placements: a provider sees those at its own organisation
	 * (domain/placement.c); a coordinator chooses the provider from the
	 * names of every provider organisation. */
	[ACT_PLACEMENT_LIST] = R(ROLE_PROVIDER),
	[ACT_PROVIDER_NAMES] = R(ROLE_COORDINATOR),
	/* Local insight: protected aggregates only, never a record.  Policy
	 * users, the chain's advisors and coordinators for the areas of
	 * their organisation, the rapporteur for every area
	 * (insight/area.c). */
	[ACT_INSIGHT] = R(ROLE_POLICY) | R(ROLE_RAPPORTEUR) |
	    R(ROLE_ADVISOR) | R(ROLE_COORDINATOR),
	/* The registry of trained professionals: the professional roles
	 * keep their own organisation's (domain/expertise.c answers 404
	 * for another's entry), admins any.  Policy users and the
	 * rapporteur never see a name: they get the coverage, counts
	 * only, for the areas insight shows them. */
	[ACT_EXPERTISE] = R(ROLE_REPORTER) | R(ROLE_ADVISOR) |
	    R(ROLE_COORDINATOR) | R(ROLE_PROVIDER) | R(ROLE_ASSESSOR) |
	    R(ROLE_ADMIN),
	[ACT_EXPERTISE_COVERAGE] = R(ROLE_POLICY) | R(ROLE_RAPPORTEUR) |
	    R(ROLE_ADVISOR) | R(ROLE_COORDINATOR),
	/* The HTCDS export is national: the rapporteur's alone. */
	[ACT_INSIGHT_HTCDS] = R(ROLE_RAPPORTEUR),
	/* Care contracts: policy users for the regions of their
	 * organisation, the rapporteur reads all, the admin sets them up
	 * (domain/contract.c).  The gap report is protected aggregates,
	 * for policy users and the rapporteur (insight/gap.c). */
	[ACT_CONTRACT_READ] = R(ROLE_POLICY) | R(ROLE_RAPPORTEUR) |
	    R(ROLE_ADMIN),
	[ACT_CONTRACT_WRITE] = R(ROLE_POLICY) | R(ROLE_ADMIN),
	[ACT_GAP_READ] = R(ROLE_POLICY) | R(ROLE_RAPPORTEUR),
	[ACT_USER_CONTACT] = R(ROLE_ADMIN),
	[ACT_REGION_READ] = R(ROLE_ADMIN),
	[ACT_REGION_UPDATE] = R(ROLE_ADMIN),
};

static const char *const names[ACT__COUNT] = {
	[ACT_NONE] = "none",
	[ACT_SELF] = "self",
	[ACT_ORG_LIST] = "org.list",
	[ACT_ORG_CREATE] = "org.create",
	[ACT_USER_LIST] = "user.list",
	[ACT_USER_CREATE] = "user.create",
	[ACT_USER_DISABLE] = "user.disable",
	[ACT_USER_APPROVE] = "user.approve",
	[ACT_USER_APPROVER] = "user.approver",
	[ACT_AUDIT_OBJECT] = "audit.object",
	[ACT_REGION_LIST] = "region.list",
	[ACT_REGION_CREATE] = "region.create",
	[ACT_SIGNAL_CREATE] = "signal.create",
	[ACT_SIGNAL_READ] = "signal.read",
	[ACT_SIGNAL_TRIAGE] = "signal.triage",
	[ACT_DEADLINE_LIST] = "deadline.list",
	[ACT_DEADLINE_UPDATE] = "deadline.update",
	[ACT_FALLBACK_READ] = "fallback.read",
	[ACT_FALLBACK_SET] = "fallback.set",
	[ACT_CASE_LIST] = "case.list",
	[ACT_CASE_OPEN] = "case.open",
	[ACT_CASE_READ] = "case.read",
	[ACT_CASE_WORK] = "case.work",
	[ACT_ASSESS_LIST] = "assess.list",
	[ACT_ASSESS] = "assess",
	[ACT_CASE_EMERGENCY] = "case.emergency",
	[ACT_EMERGENCY_REVIEW] = "emergency.review",
	[ACT_PROVIDER_OWN] = "provider.own",
	[ACT_PROVIDER_READ] = "provider.read",
	[ACT_PROVIDER_SET] = "provider.set",
	[ACT_REFERRAL_LIST] = "referral.list",
	[ACT_REFERRAL] = "referral",
	[ACT_ESCALATION_LIST] = "escalation.list",
	[ACT_ESCALATION] = "escalation",
	[ACT_PLACEMENT_LIST] = "placement.list",
	[ACT_PROVIDER_NAMES] = "provider.names",
	[ACT_INSIGHT] = "insight",
	[ACT_EXPERTISE] = "expertise",
	[ACT_EXPERTISE_COVERAGE] = "expertise.coverage",
	[ACT_INSIGHT_HTCDS] = "insight.htcds",
	[ACT_CONTRACT_READ] = "contract.read",
	[ACT_CONTRACT_WRITE] = "contract.write",
	[ACT_GAP_READ] = "gap.read",
	[ACT_USER_CONTACT] = "user.contact",
	[ACT_REGION_READ] = "region.read",
	[ACT_REGION_UPDATE] = "region.update",
};

const char *
action_name(enum action a)
{
	if ((int)a < 0 || a >= ACT__COUNT || names[a] == NULL)
		return "unknown";
	return names[a];
}

bool
policy_allows(const struct principal *who, enum action a,
    const struct policy_object *obj)
{
	if ((int)a < 0 || a >= ACT__COUNT)
		return false;
	if (a == ACT_NONE)
		return true;
	if (who == NULL || who->user_id == 0 || who->role <= ROLE_NONE ||
	    who->role >= ROLE__COUNT)
		return false;
	if ((allowed[a] & R(who->role)) == 0)
		return false;
	if (a == ACT_AUDIT_OBJECT && obj != NULL && obj->type != NULL) {
		/* Only the object types this release keeps: no case data
		 * reaches an admin through the audit listing. */
		return who->role == ROLE_ADMIN;
	}
	return true;
}

int
policy_check(struct ctx *ctx, enum action a, const struct policy_object *obj)
{
	if (a != ACT_NONE && ctx->who.user_id == 0)
		return fail(ctx, ST_UNAUTHENTICATED, "log in first");
	if (!policy_allows(&ctx->who, a, obj))
		return fail(ctx, ST_DENIED, "your role may not do '%s'",
		    action_name(a));
	return 0;
}

/*
 * escalation: the case team asks the regional expert team for youth for
 * advice or a solution.
 *
 * Grounds: a need nobody took up within the referral_uptake rule
 * (not_taken_up: the need is named, open, not taken up and past its
 * uptake deadline), or a minor whose needs are complex (complex_minor:
 * the coordinator decides; a need may be named or not).  The team is
 * found from the case's municipality: its youth region
 * (region_municipality, region type youth), the organisation of type
 * expert_team linked to that region (org_region); none gives ST_CONFLICT
 * naming what an administrator must configure.
 *
 * The escalation carries a summary (sealed: escalation/summary/id) and
 * the same share choice and basis as a referral (domain/referral.h),
 * read live while sharing is active; consent withdrawn on the case ends
 * it (referral_consent_withdrawn).  It is due by escalation_answer.
 * Users (role provider) of the expert team see its escalations and
 * answer once: an outcome code (advice, placed, provider_found, other)
 * and text (sealed: escalation/answer/id), which lands on the case
 * timeline as the event's text.  Anyone else: ST_NOTFOUND.
 */
#ifndef SCHAKEL_ESCALATION_H
#define SCHAKEL_ESCALATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/referral.h"

struct ctx;
struct due_list;

struct escalation_in {
	int64_t		 need;		/* case_need id, or 0 */
	const char	*ground;	/* not_taken_up | complex_minor */
	const char	*summary;	/* required; sealed */
	struct sharing_in s;
};

struct escalation {
	int64_t		 id;
	int64_t		 case_id;
	int64_t		 need_id;
	const char	*need;
	const char	*ground;
	const char	*from_org_name;
	const char	*to_org_name;
	const char	*region_name;
	const char	*shares;
	const char	*basis;
	const char	*consent_on;
	const char	*legal_basis;
	const char	*status;	/* open | answered */
	const char	*sent_by;
	int64_t		 sent_at;
	int64_t		 answer_due;
	bool		 overdue;
	const char	*outcome;
	const char	*answered_by;
	int64_t		 answered_at;
	int64_t		 sharing_ended_at;
	const char	*summary;	/* opened where the reader may */
	const char	*answer;
	struct shared_parts *parts;	/* the team's view only */
};

#define ESCALATION_LIST_MAX	500

/* The team escalates; *id gets it.  Audited escalation.send. */
int	escalation_send(struct ctx *, int64_t case_id, struct escalation_in *,
	    int64_t *id);
/* The escalations of a case for its team, answers opened. */
int	escalation_of_case(struct ctx *, int64_t case_id,
	    struct escalation **, size_t *n);
/* The expert team's escalations, newest first; no sealed fields. */
int	escalation_list(struct ctx *, struct escalation **, size_t *n);
/* One, with the shared parts; audited escalation.read on the case. */
struct escalation *escalation_get(struct ctx *, int64_t id);
/* The team answers; escalation.answer. */
int	escalation_answer(struct ctx *, int64_t id, const char *outcome,
	    const char *text);
/* escalation_answer on the overview: open escalations of org's cases. */
int	escalation_due(struct ctx *, int64_t org_id, int64_t until,
	    struct due_list *);

#endif

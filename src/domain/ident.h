/*
 * ident: identification of a victim by a multidisciplinary assessment,
 * apart from the criminal case (point F of the design).
 *
 * A coordinator of a case (CASE_REL_TEAM) submits it to an assessment
 * committee, an organisation of type assessment_committee, and chooses
 * which parts of the case it shares (ident_parts: none unless chosen),
 * names the sources the identification rests on (ident_sources: a police
 * report is one of them, never a requirement) and may add a note.  The
 * committee's assessors see what was submitted and nothing else of the
 * case, and only while the assessment is open; then they record a first
 * decision (reasonable grounds: plausible or not_plausible, with
 * reasons), due by the rule identification_first, and, when plausible, a
 * final one (identified or not_identified, with reasons), due by the rule
 * identification_final counted from the first decision.  not_plausible
 * ends the assessment (status no_grounds); the coordinator may submit
 * the case again.  The coordinator may withdraw an open assessment.
 *
 * Status: submitted -> first_decided -> final_decided, submitted ->
 * no_grounds, and submitted or first_decided -> withdrawn.  One open
 * assessment (submitted or first_decided) per case at a time.  A case of
 * type serious_disadvantage has no identification track: submitting one
 * is ST_CONFLICT.  Nothing here is a condition for care.
 *
 * Every step is an event on the case's timeline (identification_*) and
 * audited on the case (assessment.*).  The note and the reasons are
 * sealed as case_assessment/note|first_reasons|final_reasons/id.
 * An assessment is found only by an assessor of its committee: anyone
 * else gets ST_NOTFOUND "no such assessment", as for one that does not
 * exist.
 */
#ifndef SCHAKEL_IDENT_H
#define SCHAKEL_IDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/json.h"
#include "domain/person.h"
#include "domain/plan.h"
#include "domain/timeline.h"

struct ctx;

/* The parts of a case that can be shared, and the sources. */
extern const char *const ident_parts[];
extern const char *const ident_sources[];

/* A committee to submit to. */
struct ident_committee {
	int64_t		 id;
	const char	*name;
};

/* A decision of the committee. */
struct ident_decision {
	const char	*decision;	/* NULL: not taken yet */
	const char	*reasons;
	const char	*by;		/* user name */
	int64_t		 at;
};

/* One assessment, as the case team sees it (and the assessor's head). */
struct ident {
	int64_t		 id;
	int64_t		 case_id;
	int64_t		 committee_id;
	const char	*committee_name;
	const char	*status;
	const char	*parts;		/* comma-separated */
	const char	*sources;	/* comma-separated */
	const char	*note;		/* the coordinator's, sealed */
	const char	*submitted_by;
	const char	*submitted_org;
	const char	*submitted_phone;
	int64_t		 submitted_at;
	int64_t		 first_due;
	struct ident_decision first;
	int64_t		 final_due;	/* 0: none */
	struct ident_decision final;
	const char	*withdrawn_by;
	int64_t		 withdrawn_at;
	int64_t		 updated_at;
};

/* A line of the assessor's list: no personal data. */
struct ident_line {
	int64_t		 id;
	int64_t		 case_id;
	const char	*status;
	const char	*parts;
	const char	*sources;
	const char	*submitted_org;
	int64_t		 submitted_at;
	int64_t		 due;		/* the decision due now; 0: none */
	bool		 overdue;
	int64_t		 updated_at;
};

/* What an assessor sees: the assessment and the parts shared. */
struct ident_view {
	struct ident	 a;
	bool		 open;		/* the case's parts are shown */
	bool		 has_summary, has_forms, has_persons, has_needs,
			 has_plan, has_timeline;
	const char	*summary;
	const char	*type;
	const char	*forms;
	const char	*indicators;
	struct case_person *persons;
	size_t		 npersons;
	struct case_need *needs;
	size_t		 nneeds;
	struct case_plan *plan;
	struct case_event *events;
	size_t		 nevents;
};

/* A submission. */
struct ident_in {
	int64_t		 committee_org_id;
	struct json_strlist parts;
	struct json_strlist sources;
	const char	*note;
};

/* The assessment committees, by name. */
int	ident_committees(struct ctx *, struct ident_committee **, size_t *n);

/*
 * A coordinator of case_id submits it; *id gets the assessment.  Field
 * errors for an unknown committee, part or source (or one twice);
 * ST_CONFLICT for a closed case, a case of serious disadvantage or one
 * with an open assessment.
 */
int	ident_submit(struct ctx *, int64_t case_id, const struct ident_in *,
	    int64_t *id);
/* A coordinator of case_id withdraws open assessment aid; why is
 * required and goes on the timeline. */
int	ident_withdraw(struct ctx *, int64_t case_id, int64_t aid,
	    const char *why);
/*
 * An assessor of the committee decides: stage "first" (plausible,
 * not_plausible) or "final" (identified, not_identified); reasons are
 * required.  ST_CONFLICT when the stage does not fit the status.
 */
int	ident_decide(struct ctx *, int64_t aid, const char *stage,
	    const char *decision, const char *reasons);

/* For the case page: the assessments of case_id, newest first; call it
 * only for the case team.  *bad when a sealed field does not open. */
int	ident_of_case(struct ctx *, int64_t case_id, struct ident **,
	    size_t *n, bool *bad);
/* The assessor's list: their committee's assessments, open ones first by
 * the decision due, then the latest changed. */
int	ident_list(struct ctx *, struct ident_line **, size_t *n);
/* One assessment for an assessor of its committee, with the shared parts
 * of the case while it is open; audited as assessment.read on the case.
 * NULL on failure. */
struct ident_view *ident_get(struct ctx *, int64_t aid);

#endif

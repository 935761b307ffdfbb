/*
 * emergency: "break the glass".  A coordinator who has no relation to a
 * case (another care coordination, at night, with the victim in front
 * of them) may read it at once: they give a reason (required, sealed as
 * case_emergency/reason/id) and read the whole case, changing nothing,
 * for EMERGENCY_MINUTES (CASE_REL_GLASS in case_access()).  The request
 * is audited as case.emergency and every read under it as case.read,
 * both with the reason "emergency access N" (N the row of
 * case_emergency: the reason's text never enters the audit chain, which
 * cannot be purged).  The case team sees the recent emergency reads of
 * its cases on its start page, and admins review every one; neither
 * list holds anything of the case itself.
 *
 * Asking about a case that does not exist answers ST_NOTFOUND: so the
 * request confirms that a case number exists, but only with an audited
 * request that the admins review.  A coordinator who may read the case
 * already (its team, a transfer waiting for them, an emergency read that
 * runs) gets ST_CONFLICT; a former organisation, which reads only what
 * it wrote, may ask.
 */
#ifndef SCHAKEL_EMERGENCY_H
#define SCHAKEL_EMERGENCY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctx;

#define EMERGENCY_MINUTES	60
#define EMERGENCY_RECENT_DAYS	30	/* the team's start page */
#define EMERGENCY_LIST_MAX	500

struct emergency_read {
	int64_t		 id;
	int64_t		 case_id;
	int64_t		 at;
	int64_t		 ends_at;
	const char	*username;	/* who read */
	const char	*org_name;	/* and their organisation */
	const char	*reason;	/* opened */
};

/* ctx's user (a coordinator) asks to read case id for reason; the end of
 * the read in *ends_at. */
int	emergency_request(struct ctx *, int64_t id, const char *reason,
	    int64_t *ends_at);
/* The emergency read of case id by ctx's user that runs now: its id
 * (0: none) and end.  For case_access(). */
int	emergency_active(struct ctx *, int64_t id, int64_t *emergency,
	    int64_t *ends_at);
/* The audit reason of reads under emergency read e, in the arena. */
const char *emergency_audit_reason(struct ctx *, int64_t e);

/* The emergency reads of the last EMERGENCY_RECENT_DAYS on the cases of
 * ctx's organisation (a coordinator's), newest first; audited as
 * case.emergency.list when there is any. */
int	emergency_of_org(struct ctx *, struct emergency_read **, size_t *n);
/* Every emergency read, newest first, for the admins' review; audited as
 * emergency.review when there is any. */
int	emergency_review(struct ctx *, struct emergency_read **, size_t *n);

/*
 * Who read or changed case id: its audit entries, newest first, for the
 * case team only (anyone else: ST_NOTFOUND, as for a case that does not
 * exist).  action, when not NULL, keeps the entries of that action;
 * only_emergency those under an emergency read.  The listing is audited
 * as audit.view on the case.
 */
struct trail_entry {
	int64_t		 id;
	int64_t		 at;
	const char	*username;
	const char	*org_name;
	const char	*role;
	const char	*action;
	const char	*reason;	/* the emergency reason, opened */
	bool		 emergency;
};
#define TRAIL_MAX	1000
int	emergency_trail(struct ctx *, int64_t id, const char *action,
	    bool only_emergency, struct trail_entry **, size_t *n);

#endif

/*
 * placement: where a victim of a case stays, and closed youth care under
 * "no, unless" (point E of the design and its part on closed
 * placements).
 *
 * A placement is for one person of a case (case_person: a case can hold
 * more people) and has a type (placement_types), a first day, a last day
 * or none yet (open), the provider organisation (an org of type
 * provider; optional for foster care, where a family is no organisation,
 * and for other, whose text says where), an optional review day and,
 * once ended, an end reason.  Its status is read from those: ended when
 * it has an end reason, planned while its first day is to come, current
 * otherwise.  The text of type other is sealed.  A coordinator of the
 * case team (CASE_REL_TEAM) records, changes, ends and renews; each is
 * an event on the case's timeline (placement_*) and audited on the case
 * (placement.*).  Two placements of one person on a case may not
 * overlap, except that one may end on the day the next starts; a
 * cancelled one (a planned placement that did not happen) takes no days.
 *
 * Closed youth care (gesloten jeugdhulp) cannot be recorded without:
 *  - the person being a minor on the first day (a birth date, or with
 *    none an age band under 18); the continuation after 18 the law
 *    allows under conditions is refused: schakel does not check them;
 *  - the court's authorisation: its kind (authorisation, emergency,
 *    conditional), the court's decision day (not in the future), valid
 *    from and until, where until is at most the legal maximum of the
 *    kind (domain/legal.h) after from, less one day: a period of one year
 *    from 15 January runs through 14 January; and the placement's days
 *    within it;
 *  - at least one less restrictive alternative considered
 *    (placement_alternatives) with why it did not suffice, sealed.
 * A refused request names every missing or wrong field at once.  A new
 * authorisation (a renewal) follows on from the one that holds, at the
 * latest the day after it ends, and runs longer.
 *
 * Warnings: an authorisation within its warning (legal.h, the project's
 * choice: four weeks, one week for an emergency authorisation) or past
 * its last day while the placement goes on; an emergency authorisation
 * still holding the placement past its last day, or recorded for longer
 * than its legal maximum, is flagged as an overrun.
 *
 * A provider sees the placements at its own organisation: the case
 * number, type, days and status, nothing about the person.
 */
#ifndef SCHAKEL_PLACEMENT_H
#define SCHAKEL_PLACEMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/json.h"
#include "domain/legal.h"

struct ctx;
struct due_list;

extern const char *const placement_types[];
extern const char *const placement_end_reasons[];
extern const char *const placement_alternatives[];
extern const char *const placement_auth_kinds[];

#define PLACEMENT_ALTERNATIVES_MAX	10
#define PLACEMENT_DAY_OPEN		2147483647	/* no last day */

/* A court authorisation of a closed placement. */
struct placement_auth {
	int64_t		 id;
	const char	*kind;		/* authorisation | emergency |
					   conditional */
	int32_t		 decided_on;
	int32_t		 valid_from;
	int32_t		 valid_until;
	const char	*by;
	int64_t		 at;
};

struct placement_alt {
	const char	*code;
	const char	*why;		/* sealed */
};

/* What a placement's days and authorisation call for today. */
struct placement_warn {
	bool		 ending;	/* within the authorisation's warning */
	bool		 expired;	/* going on past the authorisation */
	bool		 overrun;	/* emergency past its legal maximum */
	int32_t		 warn_from;	/* -1: no authorisation */
	int32_t		 ends_on;	/* the authorisation's last day */
};

struct placement {
	int64_t		 id;
	int64_t		 case_id;
	int64_t		 person_id;
	const char	*type;
	const char	*other_text;	/* type other only; sealed */
	int32_t		 from;
	int32_t		 until;		/* -1: open */
	const char	*status;	/* planned | current | ended */
	const char	*end_reason;
	int64_t		 provider_id;	/* 0: none */
	const char	*provider_name;
	int32_t		 review_on;	/* -1: none */
	const char	*age_band;	/* at the first day */
	const char	*created_by;
	int64_t		 created_at;
	int64_t		 updated_at;
	struct placement_auth *auths;	/* oldest first */
	size_t		 nauths;
	struct placement_alt *alts;
	size_t		 nalts;
	struct placement_warn warn;
};

/* A placement as asked for; strings may be NULL. */
struct placement_in {
	int64_t		 person_id;
	const char	*type;
	const char	*other_text;
	const char	*from;		/* YYYY-MM-DD */
	const char	*until;
	int64_t		 provider_org_id;	/* 0: none */
	const char	*review_on;
	/* closed_youth_care */
	const char	*authorisation_kind;
	const char	*decided_on;
	const char	*valid_from;
	const char	*valid_until;
	struct json_objlist alternatives;	/* struct placement_alt */
};

/* A change: the last day, the review day and the provider. */
struct placement_change {
	const char	*until;		/* NULL: open */
	const char	*review_on;	/* NULL: none */
	int64_t		 provider_org_id;	/* 0: none */
};

struct placement_auth_in {
	const char	*authorisation_kind;
	const char	*decided_on;
	const char	*valid_from;
	const char	*valid_until;
};

/* A line of the provider's list: no personal data. */
struct placement_line {
	int64_t		 id;
	int64_t		 case_id;
	const char	*type;
	int32_t		 from;
	int32_t		 until;
	const char	*status;
};

/* The rules (pure). */
/* The legal rule of an authorisation kind. */
enum legal_id placement_auth_rule(const char *kind);
/* The last day an authorisation of kind from valid_from may run. */
int32_t	placement_auth_last_day(const char *kind, int32_t valid_from);
/* Whether [a_from, a_until] and [b_from, b_until] (-1: open) overlap;
 * one ending on the day the other starts does not. */
bool	placement_overlaps(int32_t a_from, int32_t a_until, int32_t b_from,
	    int32_t b_until);
/* The status of a placement from its days and end reason, on today. */
const char *placement_status(int32_t from, const char *end_reason,
	    int32_t today);
/* The warnings of a placement (not ended) held by authorisation a
 * (NULL: none), on today. */
void	placement_warnings(const struct placement_auth *a, bool ended,
	    int32_t today, struct placement_warn *);
/* Whether someone born on born is a minor on day. */
bool	placement_minor_on(int32_t born, int32_t day);
/* Check an authorisation's fields (and the placement's days from, until
 * when from >= 0) against the table: fail_field for every wrong one. */
int	placement_check_auth(struct ctx *, const struct placement_auth_in *,
	    int32_t from, int32_t until, int32_t today,
	    struct placement_auth *out);

/* Reading: the placements of a case the caller may see, audited. */
int	placement_of_case(struct ctx *, int64_t case_id, struct placement **,
	    size_t *n, bool *can_work);
/* Changing, by the case team. */
int	placement_record(struct ctx *, int64_t case_id,
	    const struct placement_in *, int64_t *id);
int	placement_change(struct ctx *, int64_t case_id, int64_t id,
	    const struct placement_change *);
int	placement_end(struct ctx *, int64_t case_id, int64_t id,
	    const char *on, const char *reason);
int	placement_renew(struct ctx *, int64_t case_id, int64_t id,
	    const struct placement_auth_in *);

/* The provider's view: the placements at ctx's organisation, audited;
 * empty for any other role. */
int	placement_of_provider(struct ctx *, struct placement_line **,
	    size_t *n);

/* The provider organisations, for the coordinator's select. */
struct placement_provider {
	int64_t		 id;
	const char	*name;
};
int	placement_providers(struct ctx *, struct placement_provider **,
	    size_t *n);

/*
 * The deadline overview (domain/due.h): for the open cases of org_id,
 * "authorisation_end" from its warning's first day (due: the end of the
 * authorisation's last day), "placement_review" (due: the review day)
 * and "emergency_overrun" (detail: the kind), for what falls due, or is
 * warned of, before until.
 */
int	placement_due(struct ctx *, int64_t org_id, int64_t until,
	    struct due_list *);

#endif

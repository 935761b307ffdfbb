/*
 * case: care coordination for a person, from the moment an advisor
 * decides open_case on a signal (or a coordinator opens one directly on a
 * call from the police or the labour inspectorate) until the care is
 * done (point F of the design).
 *
 * A case lives at one care-coordination organisation: the one linked to
 * the care_coordination region that serves the signal's municipality.
 * A coordinator of that organisation accepts it within the case_accept
 * deadline rule and becomes its coordinator; colleagues of the same
 * organisation can be assigned to it.  Its type is trafficking, with the
 * forms of exploitation, or serious disadvantage (ernstige benadeling:
 * labour-law and shelter help, no identification track).  Its status
 * runs new -> accepted -> in_care -> closed (with a reason), and a
 * closed case can be reopened.  Every change is an event on its
 * timeline (domain/timeline.h); needs and the care plan are in
 * domain/plan.h, its people in domain/person.h.
 *
 * Care never waits: no care action looks at a police report, the
 * criminal case or residence (domain/track.h keeps those beside it).
 *
 * Who may see a case is case_access(): the coordinating organisation's
 * coordinators and the assigned professionals see and change all of it;
 * other relations (an assessment it was submitted to, a transfer, an
 * emergency read) see what their own modules allow.  Anyone else gets
 * ST_NOTFOUND, the answer for a case that does not exist.
 */
#ifndef SCHAKEL_CASE_H
#define SCHAKEL_CASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/json.h"
#include "domain/person.h"
#include "domain/plan.h"
#include "domain/timeline.h"

struct ctx;
struct adult_person;
struct transfer;

/* What ctx's user is to a case, weakest first. */
enum case_rel {
	CASE_REL_NONE = 0,
	CASE_REL_ASSESSOR,	/* what was submitted for identification */
	CASE_REL_FORMER,	/* transferred away: what it wrote */
	CASE_REL_GLASS,		/* an emergency read: all, read-only */
	CASE_REL_RECEIVING,	/* a transfer waits for it: all, read-only */
	CASE_REL_TEAM,		/* coordinating organisation, assigned */
};

/* The plain columns of a case: enough to decide who may do what. */
struct case_head {
	int64_t		 id;
	const char	*type;		/* trafficking | serious_disadvantage */
	const char	*forms;		/* comma-separated */
	const char	*status;	/* new | accepted | in_care | closed */
	int64_t		 org_id;
	int64_t		 region_id;
	const char	*municipality;
	int64_t		 coordinator_id;	/* 0: not accepted yet */
	int64_t		 signal_id;		/* 0: opened directly */
	int64_t		 purged_at;		/* 0: not purged */
};

/* A professional assigned to a case. */
struct case_member {
	int64_t		 user_id;
	const char	*username;
	const char	*phone;
};

struct care_case {
	struct case_head h;
	enum case_rel	 rel;
	const char	*org_name;
	const char	*region_name;
	const char	*municipality_name;
	const char	*coordinator;		/* user name or NULL */
	const char	*coordinator_phone;
	const char	*opened_by;
	const char	*source;	/* signal | police | labour_inspectorate
					   | self | other */
	const char	*summary;	/* sealed */
	const char	*indicators;	/* comma-separated */
	const char	*close_reason;
	int64_t		 accept_due;
	int64_t		 accepted_at;
	int64_t		 created_at;
	int64_t		 updated_at;
	int64_t		 closed_at;
	struct case_person *persons;
	size_t		 npersons;
	struct person_elsewhere *elsewhere;
	size_t		 nelsewhere;
	struct person_signal *signals;
	size_t		 nsignals;
	struct case_member *members;
	size_t		 nmembers;
	struct case_member *colleagues;	/* the team's: who may be assigned */
	size_t		 ncolleagues;
	struct case_event *events;
	size_t		 nevents;
	struct case_need *needs;
	size_t		 nneeds;
	struct case_plan *plan;		/* NULL: none yet */
	struct transfer	*transfer;	/* waiting, or NULL */
	struct adult_person *adults;	/* minor victims (adulthood.h) */
	size_t		 nadults;
	int64_t		 glass;		/* CASE_REL_GLASS: the emergency
					   read, and when it ends */
	int64_t		 glass_until;
};

/* A line of the coordinator's list: no personal data. */
struct case_line {
	int64_t		 id;
	const char	*type;
	const char	*forms;
	const char	*status;
	const char	*municipality_name;
	const char	*coordinator;
	int64_t		 accept_due;
	int32_t		 review_on;	/* -1: no review set */
	int64_t		 persons;
	int64_t		 created_at;
	int64_t		 updated_at;
	bool		 mine;		/* ctx's user coordinates it */
};

/* A case opened directly by a coordinator. */
struct case_in {
	const char	*type;
	struct json_strlist forms;
	const char	*municipality;
	const char	*source;	/* police | labour_inspectorate | self
					   | other */
	const char	*summary;
	struct json_strlist help_needs;
	struct json_objlist persons;	/* struct signal_person */
};

#define CASE_PERSONS_MAX	10

/*
 * Inside the write that decides open_case on signal: a new case at the
 * care coordination serving the signal's municipality, with the signal's
 * people, forms, indicators, help needs and description.  ST_CONFLICT
 * naming the missing configuration when no care coordination serves it.
 */
int	case_open_from_signal(struct ctx *, int64_t signal, int64_t *id);
/* The case opened on signal, for the advisor's link: 0 when none. */
int	case_of_signal(struct ctx *, int64_t signal, int64_t *id,
	    const char **org_name);
/* A coordinator opens a case at their own organisation and coordinates
 * it; the municipality must be one their organisation serves. */
int	case_open(struct ctx *, struct case_in *, int64_t *id);

/*
 * What ctx's user is to case id, with its head; ST_NOTFOUND ("no such
 * case") when nothing.  case_for_work() wants CASE_REL_TEAM and says
 * ST_DENIED to a read-only relation.
 */
int	case_access(struct ctx *, int64_t id, struct case_head *,
	    enum case_rel *);
int	case_for_work(struct ctx *, int64_t id, struct case_head *);

/* The cases of the user's organisation and those they are assigned to:
 * new ones first, by their accept deadline, then the latest changed. */
int	case_list(struct ctx *, struct case_line **, size_t *n);
/* The whole case as ctx's user may see it, audited as case.read. */
struct care_case *case_get(struct ctx *, int64_t id);

/* A coordinator of the receiving organisation accepts a new case. */
int	case_accept(struct ctx *, int64_t id);
/*
 * Status: "in_care" (from accepted), "closed" (from accepted or in_care,
 * with a reason code and, for "other", why), "reopened" (a closed case
 * back in care; why is required).
 */
int	case_set_status(struct ctx *, int64_t id, const char *to,
	    const char *reason, const char *why);
/* Type and forms: trafficking takes at least one form, serious
 * disadvantage none. */
int	case_set_type(struct ctx *, int64_t id, const char *type,
	    const struct json_strlist *forms, const char *why);
/* Assign a colleague (an active coordinator of the case's organisation),
 * or take them off. */
int	case_member_add(struct ctx *, int64_t id, int64_t user);
int	case_member_remove(struct ctx *, int64_t id, int64_t user);
/* Add a person (checked as on a signal) to the case. */
int	case_person_add(struct ctx *, int64_t id, struct signal_person *,
	    int64_t *person);

/* The care coordination serving municipality muni: its organisation and
 * the region it serves it by, 0 in both when none does. */
int	case_serving(struct ctx *, const char *muni, int64_t *region,
	    int64_t *org);

/* A form of exploitation a case may have: the catalogue's but
 * ernstige_benadeling, which is a type of its own. */
bool	case_form_valid(const char *);
/*
 * The status machine: the status a case in status `from` gets for the
 * request ("accepted", "in_care", "closed", "reopened"), or NULL with
 * *why saying why not.
 */
const char *case_transition(const char *from, const char *request,
	    const char **why);
/* A signal's forms (comma-separated) as a case's type and forms: only
 * ernstige_benadeling gives serious disadvantage; trafficking without a
 * known form is other_unknown. */
struct arena;
void	case_type_of_forms(struct arena *, const char *forms,
	    const char **type, const char **case_forms);

#endif

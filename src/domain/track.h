/*
 * track: the criminal case and the residence of a case's victim, recorded
 * beside the care for coordination only (point F of the design).  Care
 * never waits for them: no care action (domain/case.h, plan.h,
 * timeline.h) reads a track, and tools/checksrc.sh keeps it so.
 *
 * Each track is a state machine written as a table in track.c: the
 * states, and for each the states that may follow it.  A case starts
 * with no state on either track.
 *
 *   criminal:  informative_conversation, report_filed, investigation,
 *              dismissed, prosecution, acquittal, conviction
 *   residence: reflection (ends by the legal table), reflection_ended
 *              (early with a reason), permit (one year), exempt (exempted
 *              from cooperating, on a ground; a permit of one year),
 *              permit_renewed (a year on from the end), continued,
 *              withdrawn, asylum
 *
 * A step is recorded with the day it happened (today or earlier, never
 * before the track's last step), a plain code, a reason or ground where
 * the step needs one and an optional note.  One write holds the step
 * (case_track), its event on the case's timeline, which seals the note
 * (case_event/text/id), and its audit entry (case.criminal or
 * case.residence).  Durations and warnings come from domain/legal.h.
 *
 * The residence track follows Vreemdelingencirculaire 2000 B8/3, which
 * is for victims of trafficking: a case of serious disadvantage keeps
 * what was recorded but takes no new residence step (ST_CONFLICT) until
 * its type is trafficking again.  Its criminal track is open as for any
 * case.
 */
#ifndef SCHAKEL_TRACK_H
#define SCHAKEL_TRACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/legal.h"

struct ctx;

enum track_kind {
	TRACK_CRIMINAL,
	TRACK_RESIDENCE,
};

/* One recorded step of a track. */
struct track_step {
	int64_t		 id;
	const char	*state;
	int32_t		 on;		/* the day it happened */
	const char	*reason;	/* reflection_ended only, else NULL */
	const char	*ground;	/* exempt only, else NULL */
	int32_t		 ends_on;	/* -1: the state does not end */
	int64_t		 at;		/* when it was recorded */
	const char	*username;
	const char	*org_name;
	const char	*note;		/* NULL: none */
};

struct track_history {
	struct track_step *steps;	/* oldest first */
	size_t		 n;
};

/* A date coming up on the residence track. */
struct track_deadline {
	const char	*what;		/* reflection_ends | permit_expires */
	int32_t		 due;
	int32_t		 warn_from;
	enum legal_id	 rule, warning;
};

/* A residence deadline of a case, for the coordinator's start page. */
struct track_due {
	int64_t		 case_id;
	struct track_deadline d;
};

/* A step as asked for; strings may be NULL. */
struct track_in {
	const char	*state;
	const char	*on;		/* YYYY-MM-DD */
	const char	*reason;
	const char	*ground;
	const char	*note;
};

/* The tables (pure). */
/* The states of a track, NULL-terminated. */
const char *const *track_states(enum track_kind);
/* The states that may follow from (NULL: the track has no state yet). */
const char *const *track_next(enum track_kind, const char *from);
bool	track_allows(enum track_kind, const char *from, const char *to);
/* Why a reflection period ends, and the grounds of an exemption. */
const char *const *track_reasons(void);
const char *const *track_grounds(void);
/* The deadline the last step of a residence track sets, if any. */
bool	track_deadline_of(const struct track_step *last,
	    struct track_deadline *);
/* The end of a residence state that starts on `on`, after prev (the
 * track's last step, or NULL); -1 when the state does not end. */
int32_t	track_ends_on(const char *state, int32_t on,
	    const struct track_step *prev);

/* Reading: both histories of a case the caller has access to. */
int	track_of_case(struct ctx *, int64_t case_id, struct track_history *,
	    struct track_history *);

/* Record a step on a track of a case ctx's user works on. */
int	track_set(struct ctx *, int64_t case_id, enum track_kind,
	    const struct track_in *);

/*
 * The residence deadlines within their warning, or past, of the open
 * cases of ctx's organisation and those ctx's user is assigned to:
 * soonest first.  Coordinators only (others get none).
 */
int	track_due_list(struct ctx *, struct track_due **, size_t *n);

#endif

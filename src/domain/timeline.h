/*
 * timeline: what happened on a case, in order.  Every change to a case is
 * an event: who (user and their organisation), when, what (a kind and
 * plain codes, like "accepted>in_care"), and why or a note (sealed as
 * case_event/text/id).  Notes are events of kind "note".  Events are
 * never changed or removed; a purge (domain/retention.h) empties their
 * sealed text only.
 */
#ifndef SCHAKEL_TIMELINE_H
#define SCHAKEL_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctx;

struct case_event {
	int64_t		 id;
	int64_t		 at;
	const char	*username;	/* NULL: the system */
	int64_t		 org_id;
	const char	*org_name;
	const char	*kind;		/* opened, accepted, status, note */
	const char	*detail;	/* plain codes, or NULL */
	const char	*text;		/* why, or the note; NULL when none */
};

#define NOTE_MAX	10000		/* characters of a note or a reason;
				   the API's decoder holds it */

/*
 * Inside a store_write(): add an event by ctx's user to case_id and mark
 * the case changed.  detail holds plain codes only; text is sealed.
 */
int	timeline_add(struct ctx *, int64_t case_id, const char *kind,
	    const char *detail, const char *text);
/* The same, with the new event's id in *id. */
int	timeline_event(struct ctx *, int64_t case_id, const char *kind,
	    const char *detail, const char *text, int64_t *id);
/* The events of a case, oldest first; only those of organisation org
 * when org > 0.  *bad when a text does not open. */
int	timeline_of_case(struct ctx *, int64_t case_id, int64_t org,
	    struct case_event **, size_t *n, bool *bad);
/* A note by ctx's user on a case they work on; audited as case.note. */
int	timeline_note(struct ctx *, int64_t case_id, const char *text,
	    int64_t *event);

#endif

/*
 * subject: everything held about one person, for their access request
 * under the GDPR (article 15), as a readable text an operator hands over
 * after checking who asks (docs/operations.md).
 *
 * The person is a registry id, or found through the blind indexes of a
 * BSN or V-number, or of a name with a birth date, exactly as signal
 * matching finds people.  The text holds their identity in the registry,
 * each case they are on with what they are in it, each signal that
 * names them (by blind index), and who accessed those records and when
 * (from the audit trail).
 *
 * What a person learns depends on what they are in each record.  Where
 * they are the victim, the record is about them: its content, who
 * works on it, its timeline, and who read it.  Where they are a suspect
 * or "other", the record is about someone else: they learn only that
 * they are recorded in it, their own identity as recorded, the dates,
 * and the dates and roles of its accesses; never the victim, the
 * summary, notes, other people, the municipality, the organisation or
 * the names of anyone who works on it.
 *
 * Making the text is audited as person.export on the registry person
 * (object id 0 when they are only on signals) with ctx->reason.
 */
#ifndef SCHAKEL_SUBJECT_H
#define SCHAKEL_SUBJECT_H

#include <stdint.h>

struct ctx;

struct subject_query {
	int64_t		 person;	/* a registry id, or 0 */
	const char	*id_number;	/* a BSN or V-number, or NULL */
	const char	*name;		/* with birth_date, or NULL */
	const char	*birth_date;	/* YYYY-MM-DD */
};

/*
 * The text, in ctx's arena; NULL on failure: field errors when the
 * query names no one or is malformed, ST_NOTFOUND when nothing is held
 * about the person (that search is audited too).
 */
char	*subject_export(struct ctx *, const struct subject_query *);

#endif

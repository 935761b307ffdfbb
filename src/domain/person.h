/*
 * person: the people of the chain, as a signal names them and as the
 * registry knows them across signals and cases.
 *
 * A person on a signal or a case is checked the same way wherever it
 * comes from (person_check); what identifies them (name, birth date, BSN
 * or V-number, phone, languages) is one sealed JSON object, and a BSN or
 * V-number and the name with the birth date are kept as keyed blind
 * indexes (person_blind_indexes), the ones signal matching uses.
 *
 * The registry (table person) holds one row per known person.  A
 * signal's people enter it when a case is opened on the signal; a
 * person whose blind index is known already is that same row, so one
 * person can be a victim in one case and a suspect in another.  The
 * coordinator of a case sees that someone is also known in another case
 * and whom to call there, never that case's content; every such showing
 * is audited on the other case.  Signals filed later about a person of a
 * case show on the case the same way: that they exist and who filed them.
 */
#ifndef SCHAKEL_PERSON_H
#define SCHAKEL_PERSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/signal.h"

struct ctx;

/*
 * Check p (the k-th of the list called list, for field names like
 * "persons[2].sex"; list NULL for a person on its own: "sex"), normalise
 * its birth date and derive its age band at today.  Field errors for
 * every wrong field.
 */
int	person_check(struct ctx *, const char *list, size_t k,
	    struct signal_person *p, int32_t today);
/* The identifying fields of p as the JSON that is sealed. */
char	*person_identity_json(struct ctx *, const struct signal_person *p);
/* Decode sealed identity JSON back into p; -1 when it is malformed. */
int	person_identity_decode(struct ctx *, const char *json,
	    struct signal_person *p);
/* Keyed blind indexes of p's normalised identifiers; NULL when absent
 * (CRYPT_INDEX_LEN bytes each, in ctx's arena). */
void	person_blind_indexes(struct ctx *, const struct signal_person *p,
	    unsigned char **bi_id, unsigned char **bi_name_dob);

/* A person of a case. */
struct case_person {
	int64_t		 id;		/* the registry's */
	struct signal_person p;		/* kind: what they are in this case */
};

/* Someone of this case known in another case too: whom to call. */
struct person_elsewhere {
	int64_t		 person;	/* the registry id, of this case */
	const char	*username;	/* the other case's coordinator */
	const char	*org_name;
	const char	*phone;
	int64_t		 case_id;	/* theirs: never shown, audited */
};

/* A signal about a person of the case, filed apart from its own. */
struct person_signal {
	int64_t		 signal;
	int64_t		 created_at;
	const char	*municipality_name;
	const char	*username;	/* who filed it */
	const char	*org_name;
	const char	*phone;
};

/*
 * Inside a store_write(): enter the people of signal into the registry
 * and name them on case_id with their kind on the signal.
 */
int	person_from_signal(struct ctx *, int64_t signal, int64_t case_id);
/* Inside a store_write(): enter p (checked) and name them on case_id.
 * *id (may be NULL) gets the registry id. */
int	person_add_to_case(struct ctx *, int64_t case_id,
	    const struct signal_person *p, int64_t *id);
/* The people of a case, opened; *bad when a field does not open. */
int	person_of_case(struct ctx *, int64_t case_id,
	    struct case_person **out, size_t *n, bool *bad);
/* Everyone of case_id who is known in another case, with whom to call. */
int	person_elsewhere(struct ctx *, int64_t case_id,
	    struct person_elsewhere **out, size_t *n);
/* Signals other than except that name a person of case_id. */
int	person_signals(struct ctx *, int64_t case_id, int64_t except,
	    struct person_signal **out, size_t *n);
/* Inside a store_write(): audit that the other cases and signals were
 * shown on case_id. */
int	person_audit_reveal(struct ctx *, int64_t case_id,
	    const struct person_elsewhere *, size_t ne,
	    const struct person_signal *, size_t ns);

#endif

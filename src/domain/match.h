/*
 * match: two professionals, one person.  When a person's keyed blind
 * index (BSN or V-number, or name with birth date) agrees with a person
 * in an open signal of another organisation, both signals are linked and
 * each side learns who else is concerned: name, organisation and work
 * phone of the other reporter, never the other signal's content.
 *
 * Matching must not become an oracle that tells an account which people
 * are known.  So a reporter sees a match only once the advice point has
 * taken their signal up (claimed it); the point's advisors see it at
 * once; and every time a match is shown, the audit records to whom
 * (domain/volume.h limits how many people an account can try).
 */
#ifndef SCHAKEL_MATCH_H
#define SCHAKEL_MATCH_H

#include <stddef.h>
#include <stdint.h>

struct ctx;

/* Another professional concerned about someone in a signal. */
struct match_concern {
	const char	*username;
	const char	*org_name;
	const char	*phone;
	const char	*real_name;	/* or NULL */
	int64_t		 signal;	/* theirs; never shown, audited */
};

/*
 * Inside the write that files signal (of organisation org): link its
 * person to the same person in other organisations' open signals, and
 * put each link on both signals' audit trail.  bi_id and bi_name_dob are
 * CRYPT_INDEX_LEN bytes, or NULL when the identifier is unknown.
 */
int	match_person(struct ctx *, int64_t signal, int64_t org, int64_t person,
	    const unsigned char *bi_id, const unsigned char *bi_name_dob);

/* Everyone else concerned about people in signal, one line per
 * professional (their first matching signal), by user name. */
int	match_concerns(struct ctx *, int64_t signal,
	    struct match_concern **, size_t *n);

/* Inside a write: audit that the concerns of signal were shown to ctx's
 * user, one entry per other signal ("signal.match.reveal"). */
int	match_audit_reveal(struct ctx *, int64_t signal,
	    const struct match_concern *, size_t n);

#endif

/*
 * referral: an open help need of a case handed to a provider
 * organisation, and only what that provider needs with it.
 *
 * A coordinator of the case team refers a need (case_need, open) to an
 * organisation of type provider.  The referral always carries the need,
 * the case type and the municipality; every other part of the case
 * crosses only when ticked (REFERRAL_PARTS: none by default), and only
 * with a basis for sharing: the person's consent with its date (not in
 * the future) or a legal basis code (docs/legal.md).  An optional
 * message and, with the safety share, a safety note written for this
 * referral are sealed, as is any free text of the basis.
 *
 * Lifecycle (referral_transition, one table): sent -> accepted |
 * declined (reason code; "other" with text) | withdrawn (by the team);
 * accepted -> started -> ended (outcome code; "other" with text).  A
 * sent referral is due by referral_answer_urgent (needs of the safety
 * domain of the catalogue) or referral_answer; past it, it reads as
 * "expired" (computed on read, never stored) and shows on the team's
 * start page.  An expired referral can still be answered: the victim
 * still needs the help, and a late answer keeps its moment
 * (answered_at > answer_due) for the insight.
 *
 * Sharing ends at once when consent is withdrawn (one referral, or every
 * referral and escalation of a case with consent as basis) and when the
 * referral is declined, withdrawn or ended.  While it is active the
 * provider reads the shared parts live from the case (audited as
 * referral.read on the case); after, it keeps the referral's own record:
 * the need, status, moments and its own notes.
 *
 * Only users (role provider) of the receiving organisation see a
 * referral; anyone else gets ST_NOTFOUND as for one that does not
 * exist.  The team reads referrals on the case with the provider's
 * notes.  Every step is audited on the case in its transaction and is
 * an event on the case timeline (kind "referral", detail
 * "<step>:<referral id>[:<code>]").
 *
 * A need is taken up when a referral of it is accepted; one not taken
 * up within referral_uptake working days of its first referral (or of
 * when it was added, without one) is missed: need_uptake on the
 * overview, and grounds for an escalation (domain/escalation.h).
 */
#ifndef SCHAKEL_REFERRAL_H
#define SCHAKEL_REFERRAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/json.h"
#include "domain/person.h"
#include "domain/plan.h"

struct ctx;
struct due_list;
struct store_rows;

/* The case parts a referral or escalation may share. */
#define REFERRAL_PARTS	"persons, summary, needs, plan, forms_indicators, " \
	"safety"

/* The basis for sharing, as the coordinator gives it. */
struct sharing_in {
	struct json_strlist shares;
	const char	*basis;		/* consent | legal */
	const char	*consent_on;	/* YYYY-MM-DD, with consent */
	const char	*legal_basis;	/* a code, with legal */
	const char	*basis_text;	/* optional; sealed */
	const char	*safety;	/* the safety note, with its share */
};

struct referral_in {
	int64_t		 need;		/* case_need id */
	int64_t		 provider;	/* org id */
	struct sharing_in s;
	const char	*message;	/* optional; sealed */
};

/* What crosses to the receiving organisation, read live. */
struct shared_parts {
	const char	*case_type;
	const char	*municipality_name;
	bool		 active;	/* sharing has not ended */
	const char	*shares;	/* comma-separated codes */
	struct case_person *persons;	/* NULL unless shared */
	size_t		 npersons;
	bool		 has_summary;
	const char	*summary;
	struct case_need *needs;
	size_t		 nneeds;
	bool		 has_needs;
	struct case_plan *plan;
	bool		 has_plan;
	bool		 has_forms;
	const char	*forms;
	const char	*indicators;
	const char	*safety;	/* NULL unless shared */
};

struct referral_note {
	int64_t		 id;
	int64_t		 referral_id;
	int64_t		 at;
	const char	*username;
	const char	*org_name;
	const char	*text;		/* sealed */
};

struct referral {
	int64_t		 id;
	int64_t		 case_id;
	int64_t		 need_id;
	const char	*need;
	bool		 urgent;
	int64_t		 from_org;
	const char	*from_org_name;
	int64_t		 to_org;
	const char	*to_org_name;
	const char	*shares;
	const char	*basis;
	const char	*consent_on;	/* YYYY-MM-DD or NULL */
	const char	*legal_basis;
	const char	*status;	/* stored: sent, accepted, ... */
	const char	*state;		/* shown: status, or expired */
	const char	*sent_by;
	int64_t		 sent_at;
	int64_t		 answer_due;
	int64_t		 answered_at;
	const char	*decline_reason;
	int64_t		 started_at;
	int64_t		 ended_at;
	const char	*outcome;
	int64_t		 sharing_ended_at;
	const char	*sharing_end;
	int64_t		 updated_at;
	/* Opened only where the reader may see them. */
	const char	*basis_text;
	const char	*message;
	const char	*decline_text;
	const char	*outcome_text;
	struct referral_note *notes;
	size_t		 nnotes;
	struct shared_parts *parts;	/* the provider's view only */
};

/* An open need of a case and whether it was taken up in time. */
struct need_uptake {
	int64_t		 need_id;
	const char	*need;
	int64_t		 due;		/* referral_uptake from its start */
	bool		 taken_up;
	bool		 missed;	/* not taken up, due passed */
};

#define REFERRAL_LIST_MAX	500

/* The lifecycle: the status a referral in `from` gets by action
 * (accept, decline, withdraw, start, note, end), or NULL with *why. */
const char *referral_transition(const char *from, const char *action,
	    const char **why);
/* True when a catalogue need asks for the urgent answer rule (its
 * domain is safety). */
bool	referral_need_urgent(const char *need);
/* The moment the uptake deadline of a need counts from: its first
 * referral, or when it was added (first_sent 0: none yet). */
int64_t	referral_uptake_start(int64_t added_at, int64_t first_sent);
/* A known share code, and a known legal basis code. */
bool	referral_share_valid(const char *);
bool	referral_legal_basis_valid(const char *);

/*
 * Check a share choice and basis: field errors named after the JSON
 * fields (shares, basis, consent_on, legal_basis, basis_text, safety).
 * *shares gets the codes comma-separated, *consent_day the day or -1.
 */
int	sharing_check(struct ctx *, const struct sharing_in *,
	    const char **shares, int32_t *consent_day);
/* Read the parts of case_id named in shares (comma-separated), live;
 * active false gives only the case type and municipality.  safety is
 * the sealed note of the record shared, already opened. */
int	sharing_read(struct ctx *, int64_t case_id, const char *shares,
	    bool active, const char *safety, struct shared_parts **out,
	    bool *bad);

/* The team refers; *id gets the referral.  Audited referral.send. */
int	referral_send(struct ctx *, int64_t case_id, struct referral_in *,
	    int64_t *id);
/* The team takes a sent referral back; referral.withdraw. */
int	referral_withdraw(struct ctx *, int64_t case_id, int64_t id);
/* Consent withdrawn: sharing of referral id ends (id 0: of every
 * referral and escalation of the case with consent as basis). */
int	referral_consent_withdrawn(struct ctx *, int64_t case_id,
	    int64_t id, int64_t *ended);
/* The referrals of a case for its team (anyone else: ST_NOTFOUND),
 * with their notes, and the uptake of its needs; audited as
 * case.referrals on the case. */
int	referral_of_case(struct ctx *, int64_t case_id, struct referral **,
	    size_t *n, struct need_uptake **, size_t *nu);

/* Every referral of a case with its sealed fields and notes opened,
 * without any access check: for the person's access request
 * (domain/subject.c) and referral_of_case().  *bad when a field does
 * not open. */
int	referral_all_of_case(struct ctx *, int64_t case_id,
	    struct referral **, size_t *n, bool *bad);
/* The receiving organisation's incoming referrals, newest first;
 * status (may be NULL) filters by the shown state. */
int	referral_incoming(struct ctx *, const char *status,
	    struct referral **, size_t *n);
/* One referral as its provider sees it, with the shared parts;
 * audited as referral.read on the case. */
struct referral *referral_get(struct ctx *, int64_t id);
/* The provider's steps. */
int	referral_accept(struct ctx *, int64_t id);
int	referral_decline(struct ctx *, int64_t id, const char *reason,
	    const char *text);
int	referral_start(struct ctx *, int64_t id);
int	referral_note(struct ctx *, int64_t id, const char *text,
	    int64_t *note);
int	referral_end(struct ctx *, int64_t id, const char *outcome,
	    const char *text);

/* The deadline overview (domain/due.h): referral_answer for sent
 * referrals (detail: the need id), need_uptake for open needs not taken
 * up (detail: the catalogue need), escalation_answer for open
 * escalations (escalation_due()). */
int	referral_due(struct ctx *, int64_t org_id, int64_t until,
	    struct due_list *);

#endif

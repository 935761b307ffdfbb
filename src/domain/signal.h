/*
 * signal: a professional's worry that someone is being exploited, filed
 * with the advice-and-reporting point (point E of the design).
 *
 * A signal names a municipality, the indicators seen, the suspected forms
 * of exploitation, an urgency, free text and the people it concerns
 * (victims, suspected exploiters, others) as far as known.  Free text and
 * everything that identifies a person are sealed (crypt_seal, with table,
 * column and row id); a person's BSN or V-number and name with birth date
 * are also kept as keyed blind indexes for matching; only an age band,
 * sex, nationality group and victim-group markers stay plain, for the
 * numbers.  Filing, every read of a signal and every triage step are
 * audited in the same transaction.
 *
 * Matching (domain/match.h): when a person's blind index agrees with a
 * person in an open signal of another organisation, both signals learn
 * who else is concerned (name, organisation, work phone), never each
 * other's content; the reporter only once the point has claimed the
 * signal.  An account files at most a day's worth (domain/volume.h).
 *
 * Who sees what: the reporter sees their own signals (and their status,
 * never a case); an advisor sees the signals of the Veilig Thuis regions
 * their organisation serves, and the fallback point (domain/fallback.h)
 * those no region covers.  Anyone else gets ST_NOTFOUND, byte for byte
 * the answer for a signal that does not exist.
 */
#ifndef SCHAKEL_SIGNAL_H
#define SCHAKEL_SIGNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/json.h"
#include "domain/match.h"

struct ctx;

struct signal_person {
	const char	*kind;		/* victim | suspect | other */
	const char	*name;
	const char	*birth_date;	/* YYYY-MM-DD */
	int64_t		 estimated_age;	/* 0: unknown */
	const char	*sex;		/* female | male | other | unknown */
	const char	*nationality;	/* dutch | eu | non_eu | unknown */
	const char	*id_number;	/* BSN or V-number */
	const char	*phone;
	const char	*languages;
	struct json_strlist markers;
	const char	*age_band;	/* derived; out only */
};

struct signal_in {
	const char	*municipality;
	const char	*noticed_on;	/* YYYY-MM-DD, not in the future */
	const char	*urgency;	/* acute | days | not_urgent */
	struct json_strlist forms;
	struct json_strlist indicators;
	struct json_strlist help_needs;	/* ids of the help-needs catalogue */
	const char	*description;
	const char	*actions_taken;
	struct json_objlist persons;	/* struct signal_person */
};

/* A professional without an account: who they are, so the point can
 * call back.  All three are required. */
struct signal_contact {
	const char	*name;
	const char	*org;
	const char	*phone;
};

/* The public form's proof-of-work: a challenge and its solution. */
struct signal_proof {
	const char	*challenge;
	const char	*solution;
};

/* The point's question to the reporter, and the answer. */
struct signal_question {
	int64_t		 id;
	const char	*asked_by;
	const char	*question;
	const char	*answer;		/* NULL while open */
	int64_t		 asked_at;
	int64_t		 answered_at;
};

/* The advice a signal grew from: what was asked and answered. */
struct signal_origin {
	int64_t		 id;			/* the advice */
	const char	*question;
	const char	*answer;
	const char	*answered_by;		/* user name */
	int64_t		 asked_at;
	int64_t		 answered_at;
};

struct signal {
	int64_t		 id;
	int64_t		 reporter_id;
	const char	*reporter;		/* user name */
	const char	*reporter_org;
	const char	*reporter_phone;	/* advisors only */
	int64_t		 region_id;		/* 0: no point covers it */
	const char	*municipality;
	const char	*municipality_name;
	const char	*noticed_on;		/* NULL when not given */
	const char	*urgency;
	const char	*forms;			/* comma-separated */
	const char	*indicators;		/* comma-separated */
	const char	*help_needs;		/* comma-separated */
	const char	*description;
	const char	*actions_taken;
	const char	*status;
	const char	*decision;
	const char	*decision_reason;
	const char	*legal_basis;
	const char	*claimed_by;		/* user name or NULL */
	int64_t		 triage_due;
	int64_t		 created_at;
	bool		 unverified;		/* from the public form */
	struct signal_contact contact;		/* advisors only */
	struct signal_person *persons;
	size_t		 npersons;
	struct match_concern *concerns;		/* others worried too */
	size_t		 nconcerns;
	bool		 concerns_after_claim;	/* hidden until claimed */
	struct signal_question *questions;
	size_t		 nquestions;
	struct signal_origin *origin;		/* NULL: not from advice */
	int64_t		 case_id;		/* the point only; 0: none */
	const char	*case_org;		/* who coordinates it */
};

/* A line of a list: no personal data. */
struct signal_line {
	int64_t		 id;
	int64_t		 created_at;
	const char	*municipality;
	const char	*municipality_name;
	const char	*urgency;
	const char	*status;
	const char	*decision;
	int64_t		 triage_due;
	const char	*claimed_by;
	int64_t		 persons;
	const char	*forms;
	const char	*reporter_org;
	int64_t		 matches;		/* others concerned too */
	int64_t		 open_questions;	/* waiting for the reporter */
	bool		 is_new;		/* queue: never opened by me */
	bool		 answered;		/* queue: answered since seen */
};

/*
 * A search and a page of a list.  q (NULL or "" for none; at most
 * SEARCH_MAX characters, trimmed) finds a signal by its number ("12",
 * "#12", "signaal 12"), a public receipt code, or part of the name of
 * its municipality or of the reporter's organisation (case-insensitive);
 * never by anything sealed.  page counts from 1.
 */
#define SEARCH_MAX	100
#define PAGE_DEFAULT	25
#define PAGE_MAX	100
struct signal_search {
	const char	*q;
	int64_t		 page;
	int64_t		 per_page;
};

struct signal_page {
	struct signal_line *v;
	size_t		 n;
	int64_t		 total;		/* rows of the whole list */
};

/*
 * The views of the advisor's queue, each the very condition its count on
 * the overview (domain/overview.h) uses: all (received or in triage),
 * unclaimed (received), in_triage, overdue, due_today (due before the
 * end of the Amsterdam day), acute, mine (in triage with ctx's user),
 * waiting_answer (an open question to the reporter) and decided (in the
 * last DECIDED_DAYS days).
 */
#define DECIDED_DAYS	90
bool	signal_view_known(const char *view);
/* The moments the views are counted against, for now. */
void	signal_view_times(int64_t now, int64_t *end_today,
	    int64_t *decided_since);

/* File a signal for ctx's user; *id and *triage_due (unix time) out. */
int	signal_file(struct ctx *, const struct signal_in *, int64_t *id,
	    int64_t *triage_due);

/*
 * File a signal from an advice, once the person is known: the advice then
 * names the signal (audited as advice.signal) and the signal shows the
 * advice.  The asker does it after the answer (ST_CONFLICT before), or an
 * advisor of the point does it for them at any time; either way the asker
 * is the signal's reporter.  ST_NOTFOUND for anyone else, ST_CONFLICT
 * when it became a signal already.
 */
int	signal_file_from_advice(struct ctx *, int64_t advice,
	    const struct signal_in *, int64_t *id, int64_t *triage_due);

/*
 * File a signal from the public form: unverified, with the contact sealed,
 * and a receipt code and a secret (receipt.h; shown once, only a keyed
 * hash of the secret is kept) with which the reporter follows its status;
 * *triage_due is when the point must have looked at it.
 */
int	signal_file_public(struct ctx *, const struct signal_in *,
	    const struct signal_contact *, const struct signal_proof *,
	    char **receipt, char **secret, int64_t *triage_due);

/*
 * The public form is guarded three ways.  Per address (auth/throttle.h);
 * by a proof-of-work: each submission carries a challenge from
 * signal_public_challenge() (crypt.h) and its solution, and a challenge
 * serves once (used ones are kept in the database until they expire);
 * and by a budget per hour, per municipality and overall, counted in the
 * database inside the write that files, so servers sharing a database
 * share it and no two submissions both take the last place.  Beyond the
 * budget, signal_file_public() files nothing, records the refusal (time,
 * municipality, which budget) for the point's overview and fails with
 * ST_LIMITED and ctx->retry_after.
 */
#define PUBLIC_BUDGET_MUNI	20	/* per municipality per hour */
#define PUBLIC_BUDGET_TOTAL	200	/* overall per hour */
#define PUBLIC_BUDGET_WINDOW	3600
#define PUBLIC_POW_BITS		16	/* about a second in a browser */
#define PUBLIC_CHALLENGE_TTL	(30 * 60)
#define PUBLIC_REFUSAL_KEEP	(30 * 86400)

struct public_limits {
	int64_t		 muni;		/* signals per municipality per hour */
	int64_t		 total;		/* signals per hour */
	int		 bits;		/* proof-of-work difficulty */
};

/* Set at startup, before any request; the defaults are the above. */
void	signal_public_set_limits(const struct public_limits *);
/* A new challenge, valid PUBLIC_CHALLENGE_TTL seconds, in ctx->arena. */
int	signal_public_challenge(struct ctx *, char **challenge,
	    int64_t *expires, int *bits);
/* The status of a public signal; ST_NOTFOUND when the receipt or the
 * secret is wrong (the same answer for both). */
int	signal_public_status(struct ctx *, const char *receipt,
	    const char *secret, const char **status, const char **outcome,
	    int64_t *created_at);
/* A page of the user's own signals, newest first; ST_INVALID naming
 * "q" for a bad search. */
int	signal_mine(struct ctx *, const struct signal_search *,
	    struct signal_page *);
/* The user's signals with an open question (at most 50), by number. */
int	signal_mine_waiting(struct ctx *, int64_t **ids, size_t *n);
/* A page of a view of the advisor's triage queue: most urgent, then
 * oldest, first; "decided" newest decision first.  ST_INVALID naming
 * "view" or "q". */
int	signal_queue(struct ctx *, const char *view,
	    const struct signal_search *, struct signal_page *);
/* One signal with its people, decrypted and audited; NULL (ST_NOTFOUND)
 * when ctx's user may not see it. */
struct signal *signal_get(struct ctx *, int64_t id);
/* An advisor takes a received signal into triage. */
int	signal_claim(struct ctx *, int64_t id);
/* The advisor who claimed it decides; reason is required for
 * no_action, legal_basis for forwarding.  *status: the new status.
 * open_case opens a case (domain/case.h) in the same write: *case_id
 * (may be NULL) gets it; without a care coordination for the signal's
 * municipality nothing is decided (ST_CONFLICT). */
int	signal_decide(struct ctx *, int64_t id, const char *decision,
	    const char *reason, const char *legal_basis, const char **status,
	    int64_t *case_id);

/* The advisor asks the reporter a question (not on a closed signal, nor
 * on one from the public form: call that reporter back instead). */
int	signal_ask(struct ctx *, int64_t id, const char *question,
	    int64_t *qid);
/* The reporter answers it, once. */
int	signal_answer(struct ctx *, int64_t id, int64_t qid,
	    const char *answer);

#endif

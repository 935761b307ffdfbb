/*
 * notify: "something waits for you".  A notification tells one user that
 * an object needs them (a question about their signal, the answer to a
 * question they asked, a triage decision, a referral); it names the kind
 * and the object, never any of the object's text.  The user sees it in the
 * app under "waiting for you"; where the account has an e-mail address
 * and mail is not turned off, one row goes into the outbox as well, and
 * the sender (mail/, started by serve) sends a mail that says only that
 * something waits, with a link to the app.
 *
 * notify_user() and notify_done() run inside the store_write() of the
 * event that causes them, so the event and its notification commit
 * together or not at all.  The outbox row holds the user's id, not the
 * address: the address is opened only when the mail goes out, and a
 * failure to send keeps the row with a later next attempt (never drops
 * it).
 *
 * The address is personal data: sealed at rest as app_user/email/id,
 * never logged, set by an admin (audited as user.email).  Users turn mail
 * off and on for themselves.
 */
#ifndef SCHAKEL_NOTIFY_H
#define SCHAKEL_NOTIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctx;
struct store_rows;

#define NOTIFY_LIST_MAX		50	/* newest first */
#define NOTIFY_EMAIL_MAX	254
#define NOTIFY_BACKOFF_MAX	(60 * 60)	/* seconds between attempts */
#define NOTIFY_LINK		"#/start"	/* where a mail points */

struct notification {
	int64_t		 id;
	const char	*kind;		/* question, answer, decision, ... */
	const char	*obj_type;	/* signal, referral, case */
	int64_t		 obj_id;
	int64_t		 created_at;
	int64_t		 seen_at;	/* 0: not seen */
	int64_t		 done_at;	/* 0: still waiting */
};

/*
 * Inside a store_write(): tell user_id that kind waits on the object,
 * and queue a mail when the user has an address and mail on.  A user_id
 * of 0 (a public signal, nobody to tell) does nothing.
 */
int	notify_user(struct ctx *, int64_t user_id, const char *kind,
	    const char *obj_type, int64_t obj_id);
/* Inside a store_write(): the user's open notifications of kind on the
 * object are done (the question was answered). */
int	notify_done(struct ctx *, int64_t user_id, const char *kind,
	    const char *obj_type, int64_t obj_id);

/* Inside a store_write(): notify_user() for every active user of role
 * in org, and for the coordinator of case_id (every coordinator of its
 * organisation when it has none there): those who may open the
 * object. */
int	notify_org(struct ctx *, int64_t org_id, const char *role,
	    const char *kind, const char *obj_type, int64_t obj_id);
int	notify_case_team(struct ctx *, int64_t case_id, const char *kind);
/* Inside a store_write(): notify_user() for every user whose id is the
 * first column of a row of r. */
int	notify_each(struct ctx *, struct store_rows *r, const char *kind,
	    const char *obj_type, int64_t obj_id);
/* Inside a store_write(): every user's open notification of kind on the
 * object is done (one of them took the turn). */
int	notify_done_all(struct ctx *, const char *kind, const char *obj_type,
	    int64_t obj_id);

/* The login's own notifications, newest first, and how many are neither
 * seen nor done. */
int	notify_list(struct ctx *, struct notification **, size_t *n,
	    int64_t *unseen);
/* Mark the login's own notification seen; another user's answers like a
 * missing one (ST_NOTFOUND). */
int	notify_seen(struct ctx *, int64_t id);

/* The login's own address (NULL: none) and whether mail is off. */
int	notify_email_get(struct ctx *, const char **email, bool *off);
/* The login turns mail off or on for itself. */
int	notify_email_set_off(struct ctx *, bool off);
/* Check an address as an admin sends it: one line, an @, at most
 * NOTIFY_EMAIL_MAX bytes; the failure names field. */
int	notify_email_check(struct ctx *, const char *field, const char *email);
/* Inside a store_write(): seal and store user_id's address (NULL or ""
 * removes it), audited as user.email. */
int	notify_email_put(struct ctx *, int64_t user_id, const char *email);

/*
 * The sender's pass: every due outbox row, up to max, is given to send()
 * with the opened address; 0 marks it sent, -1 records code (a short
 * fixed word, never message text) and backs off 1, 2, 4 ... minutes up
 * to NOTIFY_BACKOFF_MAX.  A row whose user has no address any more, or
 * has turned mail off, is marked sent without sending.  *sent and
 * *failed count this pass.
 */
typedef int notify_send_fn(void *arg, const char *to, const char *kind,
    const char *link, const char **code);
int	notify_outbox_pass(struct ctx *, notify_send_fn *send, void *arg,
	    size_t max, size_t *sent, size_t *failed);

#endif

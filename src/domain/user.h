/*
 * user: accounts of professionals.  One role each, one organisation.
 * Passwords are hashed (argon2id) before the write starts, so the slow
 * hash never holds up the writer; the TOTP secret is sealed with the
 * account's row id.  Creating, disabling and resetting are audited.
 *
 * Four eyes.  An account made through the API (user_invite) has no
 * password: its user sets one, and enrols the second factor, through a
 * one-time enrolment link that expires after USER_ENROL_TTL seconds; only
 * a keyed hash of the link's token is stored.  An account whose role sees
 * personal data, or an admin account, is moreover unusable until a second
 * person approves it: another admin who did not create it, or a
 * designated approver of its organisation.  Its link goes to the approver
 * (never to the creating admin), who hands it over.  Accounts that need
 * no approval (policy, rapporteur) get their link at creation.  The CLI
 * (user_create) is the operator's trusted path and makes accounts that
 * can log in at once.
 */
#ifndef SCHAKEL_USER_H
#define SCHAKEL_USER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctx;
struct principal;

struct user {
	int64_t		 id;
	const char	*username;
	int64_t		 org_id;
	const char	*org_name;
	const char	*role;
	bool		 demo;
	bool		 disabled;
	bool		 totp_enabled;
	int64_t		 created_at;
	int64_t		 last_login_at;		/* 0: never */
	const char	*phone;			/* work phone, or NULL */
	bool		 needs_approval;	/* made under four eyes */
	int64_t		 approved_at;		/* 0: not (yet) */
	bool		 needs_enrol;		/* made with an enrol link */
	int64_t		 enrolled_at;		/* 0: not (yet) */
	bool		 approver;		/* approves org accounts */
	int64_t		 created_by;		/* 0: CLI or before 0010 */
	int64_t		 enrol_expires_at;	/* 0: no open link */
	const char	*real_name;		/* sealed at rest; or NULL */
	const char	*email;			/* sealed at rest; or NULL */
};

#define USER_ENROL_TTL	(7 * 24 * 60 * 60)	/* an enrolment link lives */

enum user_state {
	USER_PENDING_APPROVAL,
	USER_PENDING_ENROL,
	USER_ACTIVE,
	USER_DISABLED,
};

struct user_in {
	const char	*username;
	const char	*role;
	int64_t		 org_id;
	const char	*password;
	const char	*phone;		/* optional work phone */
	const char	*email;		/* optional, for notifications */
	const char	*real_name;	/* optional; sealed at rest */
};

#define USER_REAL_NAME_MAX	200	/* bytes, one line */
#define USER_PHONE_MAX		32	/* digits, spaces, '+' and '-' */

/*
 * Create an account.  A demo account has no second factor; any other
 * account whose role needs one gets a TOTP secret, returned as an
 * otpauth:// URI in *totp_uri (NULL when none).  A demo account may be
 * made without a password (NULL): nobody can log in to it; it only
 * authors synthetic demo data.
 */
int	user_create(struct ctx *, const struct user_in *, bool demo,
	    int64_t *id, char **totp_uri);
/*
 * Create an account through the API, made by ctx->who: no password
 * (a "password" is refused upstream).  For a role that needs no approval
 * *enrol_token is the enrolment link's token, shown once; otherwise NULL
 * and the approver receives it (user_approve).
 */
int	user_invite(struct ctx *, const struct user_in *, int64_t *id,
	    char **enrol_token);
/* Every account, with its sealed name and e-mail address opened.  Who
 * shows them to someone audits that (the API as "user.list"); the
 * command line prints neither. */
int	user_list(struct ctx *, struct user **, size_t *n);
/* The accounts waiting for approval that ctx->who may see: every one
 * for an admin, those of the own organisation for an approver, none for
 * anybody else. */
int	user_pending(struct ctx *, struct user **, size_t *n);
/* The account, or NULL with ST_NOTFOUND. */
struct user *user_get(struct ctx *, int64_t id);
/* An id from a number or a user name; -1 with ST_NOTFOUND. */
int	user_resolve(struct ctx *, const char *id_or_name, int64_t *id);
/* Disable an account and end its sessions; not one's own. */
int	user_disable(struct ctx *, int64_t id);
/* Set a new password (checked against the policy); ends its sessions. */
int	user_set_password(struct ctx *, int64_t id, const char *password);

/* Four eyes and enrolment. */
enum user_state user_state(const struct user *);
const char *user_state_name(enum user_state);
/* Whether the role's accounts must be approved by a second person. */
bool	user_role_needs_approval(const char *role);
/*
 * Whether who (whose own record is self, NULL when unknown) may approve
 * account u, or issue a new enrolment link for it: another admin than
 * its creator, or an active approver of u's organisation with a role
 * that sees personal data, never the creator nor u itself.  For an
 * account that needs no approval, any admin may issue a link.
 */
bool	user_may_approve(const struct principal *who,
	    const struct user *self, const struct user *u);
/* Approve account id; *enrol_token is its new enrolment link, shown once.
 * ST_DENIED, ST_CONFLICT when it needs no approval or has it. */
int	user_approve(struct ctx *, int64_t id, char **enrol_token);
/* A fresh enrolment link for an approved account not yet enrolled; the
 * old link dies. */
int	user_enrol_link(struct ctx *, int64_t id, char **enrol_token);
/*
 * Set an account's real name and work phone (NULL clears either), each
 * checked as on creation with a field error; audited as user.contact.
 * The name is sealed under app_user/real_name/id and never logged.
 */
int	user_set_contact(struct ctx *, int64_t id, const char *real_name,
	    const char *phone);
/* Mark (or unmark) an active account as approver of its organisation. */
int	user_set_approver(struct ctx *, int64_t id, bool on);

struct user_enrolment {
	int64_t		 id;
	const char	*username;
	const char	*role;
	bool		 totp_required;
	char		*totp_secret;	/* base32, or NULL */
	char		*totp_uri;	/* otpauth://, or NULL */
};
/*
 * The account of an enrolment link, with a new second-factor secret
 * when its role needs one (each call replaces the last).  ST_NOTFOUND
 * with a field error on "token" when the link is unknown, used or
 * expired.
 */
int	user_enrol_begin(struct ctx *, const char *token,
	    struct user_enrolment *);
/* Finish enrolment: the user's own password and, when required, a code
 * of the secret from user_enrol_begin().  The link dies. */
int	user_enrol_finish(struct ctx *, const char *token,
	    const char *password, const char *code);

#endif

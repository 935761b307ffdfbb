/*
 * user: accounts of professionals.  One role each, one organisation.
 * Passwords are hashed (argon2id) before the write starts, so the slow
 * hash never holds up the writer; the TOTP secret is sealed with the
 * account's row id.  Creating, disabling and resetting are audited.
 */
#ifndef SCHAKEL_USER_H
#define SCHAKEL_USER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctx;

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
};

struct user_in {
	const char	*username;
	const char	*role;
	int64_t		 org_id;
	const char	*password;
	const char	*phone;		/* optional work phone */
};

/*
 * Create an account.  A demo account has no second factor; any other
 * account whose role needs one gets a TOTP secret, returned as an
 * otpauth:// URI in *totp_uri (NULL when none).
 */
int	user_create(struct ctx *, const struct user_in *, bool demo,
	    int64_t *id, char **totp_uri);
int	user_list(struct ctx *, struct user **, size_t *n);
/* The account, or NULL with ST_NOTFOUND. */
struct user *user_get(struct ctx *, int64_t id);
/* An id from a number or a user name; -1 with ST_NOTFOUND. */
int	user_resolve(struct ctx *, const char *id_or_name, int64_t *id);
/* Disable an account and end its sessions; not one's own. */
int	user_disable(struct ctx *, int64_t id);
/* Set a new password (checked against the policy); ends its sessions. */
int	user_set_password(struct ctx *, int64_t id, const char *password);

#endif

/*
 * session: logins, sessions, CSRF tokens, API tokens and lockouts.
 *
 * A session token is 256 random bits given to the browser in a cookie;
 * the database keeps only a keyed hash of it.  The CSRF token is derived
 * from the session token with a key, so it needs no storage and changes
 * with every login.  Sessions end after SESSION_IDLE seconds without a
 * request and SESSION_MAX seconds after login; last_seen is written at
 * most once a minute per session.
 *
 * Login failures are counted per login name (whether or not the account
 * exists): after LOGIN_MAX_FAILURES within LOGIN_WINDOW the name is
 * locked for LOGIN_LOCK seconds, and every attempt on it answers
 * ST_LIMITED.  Failures are also counted per client address in this
 * process (throttle.c).  An unknown name, a disabled account, a wrong
 * password and a wrong code all give the same answer after the same work.
 */
#ifndef SCHAKEL_SESSION_H
#define SCHAKEL_SESSION_H

#include <stdint.h>

struct ctx;

#define SESSION_IDLE		(30 * 60)
#define SESSION_MAX		(12 * 60 * 60)
#define SESSION_TOUCH_EVERY	60
#define LOGIN_MAX_FAILURES	5
#define LOGIN_WINDOW		(15 * 60)
#define LOGIN_LOCK		(15 * 60)
#define SESSION_COOKIE		"schakel_session"

struct login_in {
	const char	*username;
	const char	*password;
	const char	*totp;
};

/* Check the credentials; on success a new session: *token is the cookie
 * value and ctx->who the user.  ST_UNAUTHENTICATED or ST_LIMITED. */
int	session_login(struct ctx *, const struct login_in *, char **token);
/* Set ctx->who from a session token; ST_UNAUTHENTICATED when it is
 * unknown, expired or idle too long, or the account is disabled. */
int	session_resume(struct ctx *, const char *token);
/* Set ctx->who from an API token ("Authorization: Bearer"). */
int	session_resume_token(struct ctx *, const char *token);
/* End ctx's session (audited). */
int	session_logout(struct ctx *);
/*
 * On SQLite, where every write goes through this process, checked
 * sessions are remembered for SESSION_CACHE_TTL seconds.  Everything in
 * this process that ends sessions (logout, disabling an account, a new
 * password) forgets them all at once; a command run beside the server
 * takes effect within the TTL.  PostgreSQL servers never cache: another
 * server may end a session at any moment.
 */
#define SESSION_CACHE_TTL	2
void	session_cache_clear(void);

/* The CSRF token of a session token, in the arena. */
char	*session_csrf(struct ctx *, const char *token);
/* Create an API token for a user; *token is shown once. */
int	session_token_create(struct ctx *, int64_t user_id, const char *name,
	    char **token);

#endif

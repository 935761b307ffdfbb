/*
 * fail: the one error convention, and the context every request carries.
 *
 * Actions return 0 or -1; on -1 the details are in the context.  fail()
 * records a status and a message and returns -1, so a failing path reads
 * `return fail(ctx, ST_NOTFOUND, "no user '%lld'", id);`.  The first
 * failure recorded wins: the innermost caller knows most about it.
 * fail_field() adds a field error (input validation names every wrong
 * field, not only the first) and sets ST_INVALID.
 *
 * The context and everything it points to live in the request's arena.
 * Statuses map to HTTP codes in api/ and to exit codes in cli/.
 */
#ifndef SCHAKEL_FAIL_H
#define SCHAKEL_FAIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct crypt_keys;
struct store;

enum status {
	ST_OK = 0,
	ST_INVALID,		/* bad input: 400 */
	ST_UNAUTHENTICATED,	/* no or bad credentials: 401 */
	ST_DENIED,		/* authenticated, not allowed: 403 */
	ST_NOTFOUND,		/* 404 */
	ST_METHOD,		/* route exists, method does not: 405 */
	ST_CONFLICT,		/* state or uniqueness conflict: 409 */
	ST_TOOLARGE,		/* body over the cap: 413 */
	ST_UNSUPPORTED,		/* wrong content type: 415 */
	ST_LIMITED,		/* rate limited or locked: 429 */
	ST_UNAVAILABLE,		/* storage unreachable: 503 */
	ST_INTERNAL,		/* a bug or a broken environment: 500 */
	ST__COUNT
};

struct field_error {
	const char	*field;
	const char	*reason;
};

/* Who is acting.  role is auth's enum role; 0 is nobody. */
struct principal {
	int64_t		 user_id;
	int64_t		 org_id;
	int		 role;
	bool		 demo;		/* a demo account made by init --demo */
	int64_t		 session_id;	/* 0 for API tokens and the CLI */
	const char	*username;	/* when known; NULL otherwise */
	const char	*org_name;
	bool		 totp;		/* the account has a second factor */
};

struct ctx {
	struct arena	*arena;
	struct store	*store;
	const struct crypt_keys *keys;	/* field, index, audit and token keys */
	void		*conn;		/* store connection in use, or NULL */
	struct principal who;
	const char	*client_addr;	/* "" when not over the network */
	const char	*request_id;
	const char	*reason;	/* a user-given reason, for the audit */

	enum status	 status;
	const char	*message;
	struct field_error *fields;
	size_t		 nfields;
	size_t		 capfields;
	int		 retry_after;	/* seconds, with ST_LIMITED */
};

void	ctx_init(struct ctx *, struct arena *, struct store *);
void	ctx_clear_error(struct ctx *);

int	fail(struct ctx *, enum status, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
int	vfail(struct ctx *, enum status, const char *, va_list)
	    __attribute__((format(printf, 3, 0)));
int	fail_field(struct ctx *, const char *field, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

const char *status_name(enum status);

#endif

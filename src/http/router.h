/*
 * router: maps a method and a path to a route registered by api/.
 *
 * A pattern is "/" or a sequence of "/segment" where each segment is a
 * literal ("users") or a parameter ("{id}", a name of letters, digits and
 * '_').  A path matches a pattern with the same number of segments whose
 * literals are equal byte for byte; a parameter takes any one segment,
 * percent-decoded.  When several routes match, the one with a literal at
 * the leftmost position where they differ wins ("/users/me" beats
 * "/users/{id}").  A trailing slash is an empty segment: "/api/users/"
 * does not match "/api/users".  HEAD is not special.
 *
 * Ownership: the router copies method and pattern and owns its routes
 * until router_free(); route pointers stay valid until then.  Routes are
 * added at startup, before any request is matched: router_add() is not
 * safe to call while other threads run router_match().  router_match()
 * only reads the router and is safe from any number of threads.
 */
#ifndef SCHAKEL_HTTP_ROUTER_H
#define SCHAKEL_HTTP_ROUTER_H

#include <stdbool.h>
#include <stddef.h>

#include "http/server.h"

#define ROUTER_MAX_PATH		1024	/* bytes in a path or a pattern */
#define ROUTER_MAX_SEGMENTS	32

struct router;

struct route {
	const char	*method;	/* "GET", ... (owned by the router) */
	const char	*pattern;	/* "/api/users/{id}" (owned too) */
	void		*handler;	/* opaque to the router */
	unsigned	 flags;		/* opaque to the router */
};

/* Life cycle.  router_new() returns NULL when out of memory;
 * router_free(NULL) is a no-op. */
struct router	*router_new(void);
void		 router_free(struct router *);

/*
 * Add a route: 0, or -1 for a malformed method or pattern (empty segment,
 * "." or "..", bad parameter name, more than 8 parameters or 32 segments,
 * over 1024 bytes) or a duplicate (same method and same shape, whatever
 * the parameter names), or when out of memory.
 */
int		 router_add(struct router *, const char *method,
		    const char *pattern, void *handler, unsigned flags);

/*
 * The route for req->method and req->path, or NULL.  On a match sets
 * req->route, req->nparams and the parameters (values in req->arena).
 * NULL for paths not starting with '/', with empty segments, "." or ".."
 * (also when percent-encoded in a parameter), invalid escapes or %00, and
 * paths over 1024 bytes.  *method_mismatch (may be NULL) is set true when
 * the path matches a route of another method only.
 */
const struct route *router_match(const struct router *,
		    struct http_request *, bool *method_mismatch);

/* Listing: the number of routes, and the i-th in order of adding (NULL
 * past the end). */
size_t		 router_count(const struct router *);
const struct route *router_at(const struct router *, size_t i);

#endif

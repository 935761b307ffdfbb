/*
 * libFuzzer harness for router_match(): the first byte picks a method,
 * the rest is the path.  Matching must not crash or read out of bounds,
 * and a match must hand out sane parameters.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "http/router.h"
#include "http/server.h"

static const char *const methods[] = { "GET", "POST", "PUT", "DELETE",
    "PATCH", "HEAD" };

static const struct {
	const char	*method;
	const char	*pattern;
} routes[] = {
	{ "GET", "/" },
	{ "GET", "/healthz" },
	{ "POST", "/api/login" },
	{ "GET", "/api/users" },
	{ "GET", "/api/users/me" },
	{ "GET", "/api/users/{id}" },
	{ "PUT", "/api/users/{id}" },
	{ "GET", "/api/cases/{case_id}/notes/{note_id}" },
	{ "POST", "/api/cases/{case_id}/referrals" },
	{ "GET", "/api/{kind}/export" },
	{ "DELETE", "/api/sessions/{sid}" },
};

static struct router *router;

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
build(void)
{
	size_t i;

	router = router_new();
	if (router == NULL)
		abort();
	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		if (router_add(router, routes[i].method, routes[i].pattern,
		    NULL, (unsigned)i) == -1)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct http_request req;
	const struct route *rt;
	struct arena *a;
	char *path;
	bool mm;
	size_t i;

	if (router == NULL)
		build();
	if (size == 0)
		return 0;
	/* An exact-size copy, so ASan sees any read past the NUL. */
	path = malloc(size);
	if (path == NULL)
		return 0;
	memcpy(path, data + 1, size - 1);
	path[size - 1] = '\0';
	a = arena_new();
	memset(&req, 0, sizeof(req));
	req.arena = a;
	req.method = methods[data[0] % (sizeof(methods) / sizeof(methods[0]))];
	req.path = path;
	rt = router_match(router, &req, &mm);
	if (rt != NULL) {
		if (mm || req.route != rt->pattern ||
		    req.nparams > HTTP_MAX_PARAMS ||
		    strcmp(rt->method, req.method) != 0)
			abort();
		for (i = 0; i < req.nparams; i++)
			if (req.param_name[i] == NULL ||
			    req.param_value[i] == NULL ||
			    strcmp(req.param_value[i], "..") == 0 ||
			    strcmp(req.param_value[i], ".") == 0)
				abort();
		if (strlen(req.path) > ROUTER_MAX_PATH)
			abort();
	}
	arena_free(a);
	free(path);
	return 0;
}

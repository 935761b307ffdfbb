/*
 * server: the HTTP transport, a thin adapter over libmicrohttpd.
 *
 * The server reads a request (headers, then a JSON body of at most
 * max_body bytes), calls one handler on a pool thread, and sends the
 * handler's response with the security headers every response carries.
 * It knows requests, responses and routes, never a user, a case or a
 * table; api/ decides what a request means.
 *
 * Ownership: every request owns a struct arena (req->arena), created when
 * the request line arrives and freed after the response has been sent or
 * the connection has gone.  Everything a handler puts in the request or
 * the response (strings, header values, the body) lives in that arena;
 * nobody frees it.  static_body is never copied: it must outlive the
 * request (embedded files do).  struct http_server belongs to whoever
 * called http_server_start() and is released by http_server_stop().
 *
 * Invariants: the handler runs only for complete requests whose body fits
 * max_body (others get 413 "too_large" from the server); the access log
 * names the route pattern, never the raw path, query, body, cookies or
 * headers; X-Forwarded-For and X-Forwarded-Proto count only when the TCP
 * peer is the configured trusted proxy.
 */
#ifndef SCHAKEL_HTTP_SERVER_H
#define SCHAKEL_HTTP_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct arena;
struct http_server;

#define HTTP_MAX_PARAMS		8
#define HTTP_MAX_HEADERS	16

/*
 * A request.  The server fills in everything but route and the
 * parameters, which router_match() sets; all strings are in arena.
 */
struct http_request {
	struct arena	*arena;		/* freed after the response is sent */
	const char	*method;	/* "GET", ... */
	const char	*path;		/* without the query, as received */
	const char	*query;		/* raw, without '?'; "" when none */
	const char	*body;		/* NUL-terminated copy, NULL if none */
	size_t		 body_len;
	const char	*client_addr;	/* textual IP (see trust_proxy) */
	bool		 secure;	/* TLS, or https at the trusted proxy */
	const char	*request_id;	/* 16 random lowercase hex chars,
					   also sent as X-Request-Id */
	int64_t		 started_ns;	/* time_mono_ns() at arrival */
	const char	*route;		/* pattern matched, for the log */
	size_t		 nparams;
	const char	*param_name[HTTP_MAX_PARAMS];
	const char	*param_value[HTTP_MAX_PARAMS];
	void		*impl;		/* the MHD connection */
};

/* A response, initialised by the server before the handler runs. */
struct http_response {
	int		 status;	/* default 200 */
	const char	*content_type;	/* default "application/json" */
	struct buf	 body;		/* capped at 16 MiB */
	const void	*static_body;	/* sent instead of body, not copied */
	size_t		 static_len;
	bool		 no_store;	/* Cache-Control: no-store (always
					   for /api/ and /healthz) */
	int64_t		 user_id;	/* for the access log; 0 = none */
	size_t		 nheaders;
	const char	*header_name[HTTP_MAX_HEADERS];
	const char	*header_value[HTTP_MAX_HEADERS];
};

typedef void http_handler_fn(struct http_request *, struct http_response *,
    void *udata);

/* Zero means the default for every number. */
struct http_server_opts {
	const char	*listen;	/* "127.0.0.1:8080", "[::1]:8080";
					   port 0 = any free port */
	const char	*tls_cert;	/* PEM files; both or neither */
	const char	*tls_key;
	const char	*trust_proxy;	/* textual IP of a reverse proxy */
	unsigned	 threads;	/* thread pool size; default 32 */
	size_t		 max_body;	/* default 1 MiB */
	unsigned	 conn_limit;	/* default 1024 */
	unsigned	 per_ip_limit;	/* default 64; conn_limit when
					   behind a trusted proxy */
	unsigned	 timeout_s;	/* idle connection timeout; 30 */
	size_t		 header_memory;	/* per-connection memory for the
					   headers; default 32 KiB */
	http_handler_fn	*handler;
	void		*udata;
	bool		 access_log;	/* a JSON line a request (log.h) */
};

/*
 * Life cycle.  http_server_start() copies what it needs from opts and
 * listens before it returns; NULL and a message in err on failure (bad
 * listen address, unreadable TLS files, port in use).  http_server_stop()
 * stops accepting, waits for requests in flight (at most 10 s), closes
 * every connection and frees the server; NULL is a no-op.
 */
struct http_server *http_server_start(const struct http_server_opts *,
		    char *err, size_t errlen);
int		 http_server_port(const struct http_server *);
void		 http_server_stop(struct http_server *);

/*
 * Request accessors: NULL when absent; values live until the response
 * has been sent.  Header names are case-insensitive.  http_query_arg()
 * returns the percent-decoded value, "" for a bare "?name"; http_param()
 * a path parameter filled in by router_match().
 */
const char	*http_header(const struct http_request *, const char *name);
const char	*http_cookie(const struct http_request *, const char *name);
const char	*http_query_arg(const struct http_request *, const char *name);
const char	*http_param(const struct http_request *, const char *name);

/*
 * Response helpers.  http_set_header() appends a header (a name set twice
 * is sent twice, as Set-Cookie needs); name and value are not copied, so
 * keep them alive until the response is sent (use the request arena).  At
 * most 16; more are dropped with a warning.  Content-Type, Content-Length,
 * X-Request-Id and the security headers belong to the server: a handler's
 * copy is ignored, as is its Cache-Control when no-store applies.
 * http_error() replaces the body with the standard error
 * {"error":{"code":..,"message":..,"fields":[]}}.
 */
void		 http_set_header(struct http_response *, const char *name,
		    const char *value);
void		 http_error(struct http_response *, int status,
		    const char *code, const char *message);

#endif

#include "http/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/log.h"
#include "core/parse.h"

#define DEFAULT_THREADS		32
#define DEFAULT_MAX_BODY	(1024 * 1024)
#define DEFAULT_CONN_LIMIT	1024
#define DEFAULT_PER_IP		64
#define DEFAULT_TIMEOUT		30
#define DEFAULT_HEADER_MEMORY	(32 * 1024)
#define STOP_WAIT_NS		(10 * INT64_C(1000000000))
#define PEM_MAX			(1024 * 1024)
#define DISCARD_MAX		(8 * 1024 * 1024)

struct http_server {
	struct MHD_Daemon	*mhd;
	struct http_server_opts	 opts;		/* defaults filled in */
	char			*listen;
	char			 trust_proxy[INET6_ADDRSTRLEN]; /* or "" */
	char			*cert;		/* PEM, kept while running */
	char			*key;
	bool			 tls;
	int			 port;
	atomic_bool		 started;	/* MHD_start_daemon returned */
	atomic_bool		 stopping;
	atomic_uint		 inflight;	/* requests with an arena */
	char			 start_msg[256]; /* why a start failed */
};

/* One request and its response; lives in the request's own arena. */
struct exchange {
	struct http_server	*srv;
	struct http_request	 req;
	struct http_response	 resp;
	char			*body;		/* grows in the arena */
	size_t			 body_len;
	size_t			 body_cap;
	size_t			 discarded;	/* upload bytes not kept */
	bool			 begun;		/* first access call done */
	bool			 keep_body;	/* not GET or HEAD */
	bool			 too_large;
	bool			 queued;
	int			 status;	/* as sent; 0 = none */
};

static const char *const security_headers[][2] = {
	{ "Content-Security-Policy", "default-src 'none'; script-src 'self'; "
	    "style-src 'self'; img-src 'self' data:; font-src 'self'; "
	    "connect-src 'self'; form-action 'self'; base-uri 'none'; "
	    "frame-ancestors 'none'" },
	{ "X-Content-Type-Options", "nosniff" },
	{ "Referrer-Policy", "no-referrer" },
	{ "X-Frame-Options", "DENY" },
	{ "Cross-Origin-Opener-Policy", "same-origin" },
	{ "Cross-Origin-Resource-Policy", "same-origin" },
	{ "Permissions-Policy", "camera=(), microphone=(), geolocation=()" },
};

/* Headers only the server sets; a handler's copy is dropped. */
static const char *const server_owned[] = {
	"Content-Type", "Content-Length", "Transfer-Encoding", "X-Request-Id",
	"Strict-Transport-Security",
};

static void
seterr(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/*
 * MHD's messages.  Before the daemon runs they explain a failed start
 * (port in use, bad certificate) and are kept whole.  Afterwards only the
 * format is logged, never its arguments: some name the URL, and a URL may
 * carry an identifier we must not write to the log.
 */
static void
on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	struct http_server *srv = cls;
	bool started = atomic_load(&srv->started);
	char msg[sizeof(srv->start_msg)];
	size_t n;

	if (started)
		snprintf(msg, sizeof(msg), "%s", fmt);
	else
		vsnprintf(msg, sizeof(msg), fmt, ap);
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == '.'))
		msg[--n] = '\0';
	if (!started)
		memcpy(srv->start_msg, msg, sizeof(msg));
	log_warn("libmicrohttpd: %s", msg);
}

static void
new_request_id(struct arena *a, const char **out)
{
	static atomic_uint_fast64_t fallback;
	unsigned char r[8];
	uint64_t v;
	struct buf b;

	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r)) {
		/* Unique, if not random: ids only correlate log lines. */
		v = (uint64_t)time_mono_ns() ^ (atomic_fetch_add(&fallback, 1)
		    << 48);
		memcpy(r, &v, sizeof(r));
	}
	buf_init(&b, a, 16);
	buf_append_hex(&b, r, sizeof(r));
	*out = b.p;
}

/* The request line has arrived: give the request its arena. */
static void *
on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	struct http_server *srv = cls;
	struct arena *a = arena_new();
	struct exchange *x = arena_alloc(a, sizeof(*x));
	const char *q;

	atomic_fetch_add(&srv->inflight, 1);
	x->srv = srv;
	x->req.arena = a;
	x->req.started_ns = time_mono_ns();
	x->req.impl = conn;
	x->req.client_addr = "";
	new_request_id(a, &x->req.request_id);
	if (uri == NULL)
		uri = "";
	q = strchr(uri, '?');
	if (q != NULL) {
		x->req.path = arena_strndup(a, uri, (size_t)(q - uri));
		x->req.query = arena_strdup(a, q + 1);
	} else {
		x->req.path = arena_strdup(a, uri);
		x->req.query = "";
	}
	x->resp.status = 200;
	x->resp.content_type = "application/json";
	buf_init(&x->resp.body, a, BUF_DEFAULT_MAX);
	return x;
}

static void
access_log(struct exchange *x)
{
	struct arena *a = x->req.arena;
	struct buf b;
	struct jw w;
	int64_t us;

	us = (time_mono_ns() - x->req.started_ns) / 1000;
	buf_init(&b, a, 4096);
	jw_init(&w, &b);
	jw_obj_open(&w);
	jw_kstr(&w, "time", time_iso(a, time_now()));
	jw_kstr(&w, "request_id", x->req.request_id);
	jw_kstr(&w, "method", x->req.method);
	jw_kstr(&w, "route", x->req.route != NULL ? x->req.route : "-");
	jw_kint(&w, "status", x->status);
	/* The writer has no fractions: write the number, then count it. */
	jw_key(&w, "duration_ms");
	buf_appendf(&b, "%lld.%03lld", (long long)(us / 1000),
	    (long long)(us % 1000));
	w.need_comma[w.depth] = true;
	if (x->resp.user_id != 0)
		jw_kint(&w, "user_id", x->resp.user_id);
	else
		jw_kstr(&w, "user_id", NULL);
	jw_obj_close(&w);
	if (!b.toobig)
		log_json_line(b.p, b.len);
}

static void
on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct http_server *srv = cls;
	struct exchange *x = *con_cls;

	(void)conn;
	(void)toe;
	if (x == NULL)
		return;
	*con_cls = NULL;
	if (srv->opts.access_log)
		access_log(x);
	arena_free(x->req.arena);
	atomic_fetch_sub(&srv->inflight, 1);
}

static void
canonical_addr(const struct sockaddr *sa, char *out, size_t outlen)
{
	const struct sockaddr_in *sin = (const void *)sa;
	const struct sockaddr_in6 *sin6 = (const void *)sa;
	const void *addr = NULL;

	out[0] = '\0';
	if (sa == NULL)
		return;
	if (sa->sa_family == AF_INET)
		addr = &sin->sin_addr;
	else if (sa->sa_family == AF_INET6)
		addr = &sin6->sin6_addr;
	if (addr == NULL || inet_ntop(sa->sa_family, addr, out,
	    (socklen_t)outlen) == NULL)
		out[0] = '\0';
}

/* Text form of a valid IP, canonical; false for anything else. */
static bool
canonical_text(const char *s, size_t n, char *out, size_t outlen)
{
	unsigned char bin[sizeof(struct in6_addr)];
	char tmp[INET6_ADDRSTRLEN];

	if (n == 0 || n >= sizeof(tmp))
		return false;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	if (inet_pton(AF_INET, tmp, bin) == 1)
		return inet_ntop(AF_INET, bin, out, (socklen_t)outlen) != NULL;
	if (inet_pton(AF_INET6, tmp, bin) == 1)
		return inet_ntop(AF_INET6, bin, out, (socklen_t)outlen) !=
		    NULL;
	return false;
}

struct last_header {
	const char	*name;
	const char	*value;
};

static enum MHD_Result
find_last(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct last_header *h = cls;

	(void)kind;
	if (key != NULL && strcasecmp(key, h->name) == 0)
		h->value = value;
	return MHD_YES;
}

/* The last of the headers called name: what the nearest proxy added. */
static const char *
last_header(struct MHD_Connection *conn, const char *name)
{
	struct last_header h = { name, NULL };

	MHD_get_connection_values(conn, MHD_HEADER_KIND, find_last, &h);
	return h.value;
}

static void
client_identity(struct exchange *x, struct MHD_Connection *conn)
{
	struct http_server *srv = x->srv;
	const union MHD_ConnectionInfo *ci;
	char peer[INET6_ADDRSTRLEN], fwd[INET6_ADDRSTRLEN];
	const char *xff, *proto, *p, *end;

	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	canonical_addr(ci != NULL ? ci->client_addr : NULL, peer,
	    sizeof(peer));
	x->req.client_addr = arena_strdup(x->req.arena, peer);
	x->req.secure = srv->tls;
	if (srv->trust_proxy[0] == '\0' || strcmp(peer, srv->trust_proxy) != 0)
		return;
	xff = last_header(conn, "X-Forwarded-For");
	if (xff != NULL) {
		p = strrchr(xff, ',');
		p = p != NULL ? p + 1 : xff;
		while (*p == ' ' || *p == '\t')
			p++;
		end = p + strlen(p);
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (canonical_text(p, (size_t)(end - p), fwd, sizeof(fwd)))
			x->req.client_addr = arena_strdup(x->req.arena, fwd);
	}
	proto = last_header(conn, "X-Forwarded-Proto");
	if (proto != NULL && strcasecmp(proto, "https") == 0)
		x->req.secure = true;
}

static bool
owned_by_server(const char *name, bool no_store)
{
	size_t i;

	for (i = 0; i < sizeof(server_owned) / sizeof(server_owned[0]); i++)
		if (strcasecmp(name, server_owned[i]) == 0)
			return true;
	for (i = 0; i < sizeof(security_headers) /
	    sizeof(security_headers[0]); i++)
		if (strcasecmp(name, security_headers[i][0]) == 0)
			return true;
	return no_store && strcasecmp(name, "Cache-Control") == 0;
}

static void
add_header(struct MHD_Response *r, const char *name, const char *value)
{
	/* MHD refuses CR, LF and TAB, which would split the header. */
	if (MHD_add_response_header(r, name, value) != MHD_YES)
		log_warn("response header '%s' refused", name);
}

static enum MHD_Result
send_response(struct exchange *x)
{
	struct http_response *resp = &x->resp;
	struct MHD_Connection *conn = x->req.impl;
	struct MHD_Response *r;
	const char *path = x->req.path;
	enum MHD_Result rc;
	bool no_store;
	size_t i;

	if (resp->body.toobig) {
		log_warn("response body over %zu bytes on route '%s'",
		    resp->body.max, x->req.route != NULL ? x->req.route : "-");
		resp->body.max = BUF_DEFAULT_MAX;
		http_error(resp, 500, "internal", "the response was too large");
	}
	if (resp->status < 100 || resp->status > 599) {
		log_warn("handler set invalid status %d", resp->status);
		http_error(resp, 500, "internal", "invalid response status");
	}
	if (resp->static_body != NULL)
		r = MHD_create_response_from_buffer(resp->static_len,
		    (void *)(uintptr_t)resp->static_body,
		    MHD_RESPMEM_PERSISTENT);
	else
		r = MHD_create_response_from_buffer(resp->body.len,
		    resp->body.p, MHD_RESPMEM_PERSISTENT);
	if (r == NULL)
		return MHD_NO;
	no_store = resp->no_store || strncmp(path, "/api/", 5) == 0 ||
	    strcmp(path, "/healthz") == 0;
	add_header(r, "Content-Type", resp->content_type != NULL ?
	    resp->content_type : "application/json");
	for (i = 0; i < sizeof(security_headers) /
	    sizeof(security_headers[0]); i++)
		add_header(r, security_headers[i][0], security_headers[i][1]);
	add_header(r, "X-Request-Id", x->req.request_id);
	if (x->req.secure)
		add_header(r, "Strict-Transport-Security", "max-age=31536000");
	if (no_store)
		add_header(r, "Cache-Control", "no-store");
	for (i = 0; i < resp->nheaders && i < HTTP_MAX_HEADERS; i++)
		if (resp->header_name[i] != NULL &&
		    resp->header_value[i] != NULL &&
		    !owned_by_server(resp->header_name[i], no_store))
			add_header(r, resp->header_name[i],
			    resp->header_value[i]);
	/* While stopping, do not keep idle connections around. */
	if (atomic_load(&x->srv->stopping))
		add_header(r, "Connection", "close");
	rc = MHD_queue_response(conn, (unsigned)resp->status, r);
	MHD_destroy_response(r);
	if (rc == MHD_YES) {
		x->queued = true;
		x->status = resp->status;
	}
	return rc;
}

static enum MHD_Result
send_too_large(struct exchange *x)
{
	x->too_large = true;
	x->resp.static_body = NULL;
	x->resp.nheaders = 0;
	http_error(&x->resp, 413, "too_large", "the request body is too large");
	return send_response(x);
}

/* Append upload data; false when it would pass max_body. */
static bool
take_body(struct exchange *x, const char *data, size_t n)
{
	size_t max = x->srv->opts.max_body, cap;

	if (n > max || x->body_len > max - n)
		return false;
	if (x->body_len + n + 1 > x->body_cap) {
		cap = x->body_cap != 0 ? x->body_cap : 4096;
		while (cap < x->body_len + n + 1)
			cap *= 2;
		if (cap > max + 1)
			cap = max + 1;
		x->body = arena_realloc(x->req.arena, x->body, x->body_cap,
		    cap);
		x->body_cap = cap;
	}
	memcpy(x->body + x->body_len, data, n);
	x->body_len += n;
	x->body[x->body_len] = '\0';
	return true;
}

static enum MHD_Result
begin(struct exchange *x, struct MHD_Connection *conn, const char *method)
{
	const char *cl, *expect;
	int64_t len = -1;

	x->begun = true;
	x->req.method = arena_strdup(x->req.arena, method);
	x->keep_body = strcmp(method, "GET") != 0 &&
	    strcmp(method, "HEAD") != 0;
	client_identity(x, conn);
	cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl != NULL && parse_int64(cl, 0, INT64_MAX, &len) == 0 &&
	    (uint64_t)len > x->srv->opts.max_body) {
		/*
		 * A client that asked for 100-continue waits for the answer;
		 * most others (browsers, fetch) send the whole body before
		 * they read, so closing on them now would lose the 413 in a
		 * reset.  Read a moderate excess away and answer at the end.
		 */
		expect = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_EXPECT);
		if (expect != NULL || (uint64_t)len > DISCARD_MAX)
			return send_too_large(x);
		x->too_large = true;
		return MHD_YES;
	}
	/* A declared length is allocated once, not grown. */
	if (x->keep_body && len > 0) {
		x->body_cap = (size_t)len + 1;
		x->body = arena_alloc(x->req.arena, x->body_cap);
	}
	return MHD_YES;
}

static enum MHD_Result
on_access(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **con_cls)
{
	struct http_server *srv = cls;
	struct exchange *x = *con_cls;
	size_t n;

	(void)url;
	(void)version;
	if (x == NULL)
		return MHD_NO;
	if (!x->begun)
		return begin(x, conn, method);
	if (*upload_data_size > 0) {
		n = *upload_data_size;
		*upload_data_size = 0;
		if (!x->queued && !x->too_large && x->keep_body &&
		    take_body(x, upload_data, n))
			return MHD_YES;
		/*
		 * Over the cap (or a GET body): answer now if MHD lets us,
		 * else read on and answer at the end; but a client that keeps
		 * sending is cut off rather than read forever.
		 */
		if (x->keep_body && !x->too_large) {
			x->too_large = true;
			(void)send_too_large(x);
		}
		x->discarded += n;
		if (x->discarded > DISCARD_MAX)
			return MHD_NO;
		return MHD_YES;
	}
	if (x->queued)
		return MHD_YES;
	if (x->too_large)
		return send_too_large(x);
	if (x->body_len > 0) {
		x->req.body = x->body;
		x->req.body_len = x->body_len;
	}
	srv->opts.handler(&x->req, &x->resp, srv->opts.udata);
	return send_response(x);
}

static char *
read_pem(const char *path, char *err, size_t errlen)
{
	FILE *f;
	char *p;
	size_t n;

	f = fopen(path, "rb");
	if (f == NULL) {
		seterr(err, errlen, "cannot open '%s': %s", path,
		    strerror(errno));
		return NULL;
	}
	p = malloc(PEM_MAX + 1);
	if (p == NULL) {
		fclose(f);
		seterr(err, errlen, "out of memory");
		return NULL;
	}
	n = fread(p, 1, PEM_MAX + 1, f);
	if (ferror(f) || n == 0 || n > PEM_MAX) {
		seterr(err, errlen, "cannot read '%s': %s", path,
		    ferror(f) ? strerror(errno) : n == 0 ? "empty file" :
		    "file too large");
		explicit_bzero(p, PEM_MAX + 1);
		free(p);
		fclose(f);
		return NULL;
	}
	fclose(f);
	p[n] = '\0';
	return p;
}

static void
free_pem(char *p)
{
	if (p == NULL)
		return;
	explicit_bzero(p, strlen(p));
	free(p);
}

/* "127.0.0.1:8080" or "[::1]:8080" into ss. */
static int
parse_listen(const char *s, struct sockaddr_storage *ss, bool *v6)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)(void *)ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)(void *)ss;
	char host[INET6_ADDRSTRLEN];
	const char *colon, *hs;
	size_t hn;
	int64_t port;

	memset(ss, 0, sizeof(*ss));
	if (s == NULL)
		return -1;
	*v6 = s[0] == '[';
	if (*v6) {
		colon = strchr(s, ']');
		if (colon == NULL || colon[1] != ':')
			return -1;
		hs = s + 1;
		hn = (size_t)(colon - hs);
		colon++;
	} else {
		colon = strrchr(s, ':');
		if (colon == NULL)
			return -1;
		hs = s;
		hn = (size_t)(colon - s);
	}
	if (hn == 0 || hn >= sizeof(host) ||
	    parse_int64(colon + 1, 0, 65535, &port) == -1)
		return -1;
	memcpy(host, hs, hn);
	host[hn] = '\0';
	if (*v6) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host, &sin6->sin6_addr) != 1)
			return -1;
	} else {
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)port);
		if (inet_pton(AF_INET, host, &sin->sin_addr) != 1)
			return -1;
	}
	return 0;
}

static void
server_free(struct http_server *srv)
{
	free_pem(srv->cert);
	free_pem(srv->key);
	free(srv->listen);
	free(srv);
}

static void
set_defaults(struct http_server_opts *o)
{
	if (o->threads == 0)
		o->threads = DEFAULT_THREADS;
	if (o->max_body == 0)
		o->max_body = DEFAULT_MAX_BODY;
	if (o->conn_limit == 0)
		o->conn_limit = DEFAULT_CONN_LIMIT;
	/* Behind a proxy every connection comes from one address. */
	if (o->per_ip_limit == 0)
		o->per_ip_limit = o->trust_proxy != NULL ? o->conn_limit :
		    DEFAULT_PER_IP;
	if (o->timeout_s == 0)
		o->timeout_s = DEFAULT_TIMEOUT;
	if (o->header_memory == 0)
		o->header_memory = DEFAULT_HEADER_MEMORY;
}

struct http_server *
http_server_start(const struct http_server_opts *opts, char *err,
    size_t errlen)
{
	struct http_server *srv;
	struct sockaddr_storage ss;
	struct MHD_OptionItem extra[4];
	const union MHD_DaemonInfo *di;
	unsigned flags;
	size_t n = 0;
	bool v6;

	seterr(err, errlen, "%s", "");
	if (opts == NULL || opts->handler == NULL) {
		seterr(err, errlen, "no request handler");
		return NULL;
	}
	if (parse_listen(opts->listen, &ss, &v6) == -1) {
		seterr(err, errlen, "invalid listen address '%s'; expected "
		    "IPv4:port or [IPv6]:port", opts->listen != NULL ?
		    opts->listen : "");
		return NULL;
	}
	if ((opts->tls_cert == NULL) != (opts->tls_key == NULL)) {
		seterr(err, errlen, "TLS needs both a certificate and a key");
		return NULL;
	}
	srv = calloc(1, sizeof(*srv));
	if (srv == NULL) {
		seterr(err, errlen, "out of memory");
		return NULL;
	}
	srv->opts = *opts;
	set_defaults(&srv->opts);
	srv->listen = strdup(opts->listen);
	if (srv->listen == NULL) {
		seterr(err, errlen, "out of memory");
		goto out_free;
	}
	srv->opts.listen = srv->listen;
	srv->opts.tls_cert = NULL;	/* the paths are not kept */
	srv->opts.tls_key = NULL;
	srv->opts.trust_proxy = NULL;
	if (opts->trust_proxy != NULL) {
		if (!canonical_text(opts->trust_proxy,
		    strlen(opts->trust_proxy), srv->trust_proxy,
		    sizeof(srv->trust_proxy))) {
			seterr(err, errlen, "invalid trusted proxy address "
			    "'%s'", opts->trust_proxy);
			goto out_free;
		}
		srv->opts.trust_proxy = srv->trust_proxy;
	}

	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC |
	    MHD_USE_ERROR_LOG;
	if (MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES)
		flags |= MHD_USE_EPOLL;
	else
		flags |= MHD_USE_AUTO;
	if (v6)
		flags |= MHD_USE_IPv6;
	if (opts->tls_cert != NULL) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			seterr(err, errlen, "libmicrohttpd lacks TLS support");
			goto out_free;
		}
		srv->cert = read_pem(opts->tls_cert, err, errlen);
		if (srv->cert == NULL)
			goto out_free;
		srv->key = read_pem(opts->tls_key, err, errlen);
		if (srv->key == NULL)
			goto out_free;
		srv->tls = true;
		flags |= MHD_USE_TLS;
		extra[n++] = (struct MHD_OptionItem){
		    MHD_OPTION_HTTPS_MEM_CERT, 0, srv->cert };
		extra[n++] = (struct MHD_OptionItem){
		    MHD_OPTION_HTTPS_MEM_KEY, 0, srv->key };
	}
	/* One or zero threads: MHD's single internal thread, no pool. */
	if (srv->opts.threads > 1)
		extra[n++] = (struct MHD_OptionItem){
		    MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)srv->opts.threads,
		    NULL };
	extra[n] = (struct MHD_OptionItem){ MHD_OPTION_END, 0, NULL };

	srv->mhd = MHD_start_daemon(flags, 0, NULL, NULL, on_access, srv,
	    MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, srv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_CONNECTION_LIMIT, srv->opts.conn_limit,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, srv->opts.per_ip_limit,
	    MHD_OPTION_CONNECTION_TIMEOUT, srv->opts.timeout_s,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, srv->opts.header_memory,
	    MHD_OPTION_STRICT_FOR_CLIENT, 1,
	    MHD_OPTION_URI_LOG_CALLBACK, on_uri, srv,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
	    MHD_OPTION_ARRAY, extra,
	    MHD_OPTION_END);
	if (srv->mhd == NULL) {
		seterr(err, errlen, "cannot start the HTTP server on '%s'%s%s",
		    srv->listen, srv->start_msg[0] != '\0' ? ": " : "",
		    srv->start_msg);
		goto out_free;
	}
	atomic_store(&srv->started, true);
	di = MHD_get_daemon_info(srv->mhd, MHD_DAEMON_INFO_BIND_PORT);
	srv->port = di != NULL ? (int)di->port : 0;
	return srv;
out_free:
	server_free(srv);
	return NULL;
}

int
http_server_port(const struct http_server *srv)
{
	return srv->port;
}

void
http_server_stop(struct http_server *srv)
{
	struct timespec ts = { 0, 5 * 1000 * 1000 };
	MHD_socket fd;
	int64_t deadline;

	if (srv == NULL)
		return;
	atomic_store(&srv->stopping, true);
	fd = MHD_quiesce_daemon(srv->mhd);
	deadline = time_mono_ns() + STOP_WAIT_NS;
	while (atomic_load(&srv->inflight) > 0 && time_mono_ns() < deadline)
		nanosleep(&ts, NULL);
	if (atomic_load(&srv->inflight) > 0)
		log_warn("stopping with %u requests in flight",
		    atomic_load(&srv->inflight));
	MHD_stop_daemon(srv->mhd);
	/* Only now may the quiesced listen socket be closed (MHD's docs). */
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
	server_free(srv);
}

const char *
http_header(const struct http_request *req, const char *name)
{
	if (req->impl == NULL)
		return NULL;
	return MHD_lookup_connection_value(req->impl, MHD_HEADER_KIND, name);
}

const char *
http_cookie(const struct http_request *req, const char *name)
{
	if (req->impl == NULL)
		return NULL;
	return MHD_lookup_connection_value(req->impl, MHD_COOKIE_KIND, name);
}

const char *
http_query_arg(const struct http_request *req, const char *name)
{
	const char *v = NULL;
	size_t n;

	if (req->impl == NULL || MHD_lookup_connection_value_n(req->impl,
	    MHD_GET_ARGUMENT_KIND, name, strlen(name), &v, &n) != MHD_YES)
		return NULL;
	/* "?flag" has no value: present, and empty. */
	return v != NULL ? v : "";
}

const char *
http_param(const struct http_request *req, const char *name)
{
	size_t i;

	for (i = 0; i < req->nparams && i < HTTP_MAX_PARAMS; i++)
		if (strcmp(req->param_name[i], name) == 0)
			return req->param_value[i];
	return NULL;
}

void
http_set_header(struct http_response *resp, const char *name,
    const char *value)
{
	if (resp->nheaders >= HTTP_MAX_HEADERS) {
		log_warn("response header '%s' dropped: more than %d", name,
		    HTTP_MAX_HEADERS);
		return;
	}
	resp->header_name[resp->nheaders] = name;
	resp->header_value[resp->nheaders] = value;
	resp->nheaders++;
}

void
http_error(struct http_response *resp, int status, const char *code,
    const char *message)
{
	struct jw w;

	resp->status = status;
	resp->content_type = "application/json";
	resp->static_body = NULL;
	resp->static_len = 0;
	buf_reset(&resp->body);
	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_key(&w, "error");
	jw_obj_open(&w);
	jw_kstr(&w, "code", code);
	jw_kstr(&w, "message", message);
	jw_key(&w, "fields");
	jw_arr_open(&w);
	jw_arr_close(&w);
	jw_obj_close(&w);
	jw_obj_close(&w);
}

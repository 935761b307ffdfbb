/*
 * Tests for the HTTP transport: a real server on 127.0.0.1, spoken to
 * with plain sockets, plus the response helpers and static files.
 */
#include "core/testing.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/embed.h"
#include "core/json.h"
#include "core/log.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static.h"

#define MAX_BODY	64

static const unsigned char index_html[] = "<!doctype html><p>schakel</p>";
static const unsigned char app_js[] = "export const x = 1;\n";
static const unsigned char vendor_css[] = "p { color: red; }\n";
static const unsigned char logo_svg[] = "<svg/>";
static const unsigned char font_woff2[] = "wOF2";
static const unsigned char blob_bin[] = "??";

static const struct embedded_file files[] = {
	{ "index.html", index_html, sizeof(index_html) - 1 },
	{ "app.js", app_js, sizeof(app_js) - 1 },
	{ "vendor/utrecht.css", vendor_css, sizeof(vendor_css) - 1 },
	{ "logo.svg", logo_svg, sizeof(logo_svg) - 1 },
	{ "font.woff2", font_woff2, sizeof(font_woff2) - 1 },
	{ "blob.bin", blob_bin, sizeof(blob_bin) - 1 },
	{ NULL, NULL, 0 },
};

static const char *const security[][2] = {
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

static atomic_int calls;
static atomic_int slow_started;

/* ---- the application under test ------------------------------------- */

struct action {
	void	(*fn)(struct http_request *, struct http_response *);
};

static void
do_info(struct http_request *req, struct http_response *resp)
{
	struct jw w;

	jw_init(&w, &resp->body);
	jw_obj_open(&w);
	jw_kstr(&w, "method", req->method);
	jw_kstr(&w, "query", req->query);
	jw_kstr(&w, "b", http_query_arg(req, "b"));
	jw_kstr(&w, "flag", http_query_arg(req, "flag"));
	jw_kstr(&w, "absent", http_query_arg(req, "absent"));
	jw_kstr(&w, "x_test", http_header(req, "x-test"));
	jw_kstr(&w, "sid", http_cookie(req, "sid"));
	jw_kstr(&w, "client", req->client_addr);
	jw_kbool(&w, "secure", req->secure);
	jw_kstr(&w, "id", req->request_id);
	jw_kbool(&w, "body_null", req->body == NULL);
	jw_obj_close(&w);
}

static void
do_echo(struct http_request *req, struct http_response *resp)
{
	resp->content_type = "application/octet-stream";
	if (req->body != NULL) {
		assert_int_equal(req->body[req->body_len], '\0');
		buf_append(&resp->body, req->body, req->body_len);
	}
}

static void
do_item(struct http_request *req, struct http_response *resp)
{
	resp->user_id = 5;
	buf_appendf(&resp->body, "{\"n\":%zu}", strlen(http_param(req, "id")));
}

static void
do_hello(struct http_request *req, struct http_response *resp)
{
	(void)req;
	resp->content_type = "text/plain; charset=utf-8";
	buf_puts(&resp->body, "hello");
}

static void
do_slow(struct http_request *req, struct http_response *resp)
{
	struct timespec ts = { 0, 300 * 1000 * 1000 };

	(void)req;
	atomic_fetch_add(&slow_started, 1);
	nanosleep(&ts, NULL);
	resp->content_type = "text/plain; charset=utf-8";
	buf_puts(&resp->body, "slow");
}

static void
do_headers(struct http_request *req, struct http_response *resp)
{
	(void)req;
	http_set_header(resp, "X-Custom", "yes");
	http_set_header(resp, "X-Frame-Options", "ALLOWALL");
	http_set_header(resp, "Content-Type", "text/evil");
	http_set_header(resp, "Set-Cookie", "a=1; HttpOnly");
	http_set_header(resp, "Set-Cookie", "b=2; HttpOnly");
	http_set_header(resp, "Cache-Control", "public");
	buf_puts(&resp->body, "{}");
}

static void
do_big(struct http_request *req, struct http_response *resp)
{
	(void)req;
	resp->body.max = 8;	/* as if the 16 MiB cap were passed */
	buf_puts(&resp->body, "far too much for the cap");
}

static struct action a_info = { do_info }, a_echo = { do_echo },
    a_item = { do_item }, a_hello = { do_hello }, a_slow = { do_slow },
    a_headers = { do_headers }, a_big = { do_big };

static void
handler(struct http_request *req, struct http_response *resp, void *udata)
{
	const struct route *rt;
	struct action *act;
	bool mm;

	atomic_fetch_add(&calls, 1);
	rt = router_match(udata, req, &mm);
	if (rt == NULL) {
		if (http_static_serve(req, resp, files) == 0)
			return;
		http_error(resp, mm ? 405 : 404, mm ? "method" : "not_found",
		    "no such route");
		return;
	}
	act = rt->handler;
	act->fn(req, resp);
}

/* ---- a tiny HTTP client ------------------------------------------------ */

struct reply {
	char	*raw;
	size_t	 len;
	int	 status;
	char	*body;		/* after the blank line */
	size_t	 body_len;
};

static int
connect_to(int port)
{
	struct sockaddr_in sin;
	struct timeval tv = { 5, 0 };
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	assert_true(fd >= 0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

static void
send_all(int fd, const char *p, size_t n)
{
	ssize_t k;

	while (n > 0) {
		k = send(fd, p, n, MSG_NOSIGNAL);
		if (k <= 0)
			return;	/* the server may close early (413) */
		p += k;
		n -= (size_t)k;
	}
}

static void
read_reply(int fd, struct reply *r)
{
	size_t cap = 4096;
	ssize_t k;
	char *end;

	memset(r, 0, sizeof(*r));
	r->raw = malloc(cap);
	for (;;) {
		if (r->len + 1 == cap)
			r->raw = realloc(r->raw, cap *= 2);
		k = recv(fd, r->raw + r->len, cap - r->len - 1, 0);
		if (k <= 0)
			break;
		r->len += (size_t)k;
	}
	r->raw[r->len] = '\0';
	close(fd);
	if (sscanf(r->raw, "HTTP/1.1 %d ", &r->status) != 1)
		r->status = -1;
	end = strstr(r->raw, "\r\n\r\n");
	if (end != NULL) {
		end[2] = '\0';	/* headers end with one CRLF */
		r->body = end + 4;
		r->body_len = r->len - (size_t)(r->body - r->raw);
	}
}

static void
roundtrip(int port, const char *request, size_t n, struct reply *r)
{
	int fd = connect_to(port);

	assert_true(fd >= 0);
	send_all(fd, request, n);
	read_reply(fd, r);
}

static void
get(int port, const char *target, const char *extra, struct reply *r)
{
	char req[2048];
	int n;

	n = snprintf(req, sizeof(req), "GET %s HTTP/1.1\r\nHost: t\r\n"
	    "Connection: close\r\n%s\r\n", target, extra);
	assert_true(n > 0 && (size_t)n < sizeof(req));
	roundtrip(port, req, (size_t)n, r);
}

/* The value of the n-th header called name (0 first), or NULL. */
static const char *
header_n(const struct reply *r, const char *name, int nth, char *out,
    size_t outlen)
{
	const char *p = strstr(r->raw, "\r\n"), *colon, *eol;
	size_t nl = strlen(name), vl;

	while (p != NULL && p[2] != '\0') {
		p += 2;
		eol = strstr(p, "\r\n");
		if (eol == NULL)
			break;
		colon = memchr(p, ':', (size_t)(eol - p));
		if (colon != NULL && (size_t)(colon - p) == nl &&
		    strncasecmp(p, name, nl) == 0 && nth-- == 0) {
			colon++;
			while (*colon == ' ')
				colon++;
			vl = (size_t)(eol - colon);
			assert_true(vl < outlen);
			memcpy(out, colon, vl);
			out[vl] = '\0';
			return out;
		}
		p = eol;
	}
	return NULL;
}

static const char *
header(const struct reply *r, const char *name, char *out, size_t outlen)
{
	return header_n(r, name, 0, out, outlen);
}

static void
reply_free(struct reply *r)
{
	free(r->raw);
}

static bool
is_hex16(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != 16)
		return false;
	for (i = 0; i < 16; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'f')))
			return false;
	return true;
}

static void
assert_security_headers(const struct reply *r)
{
	char v[512];
	size_t i;

	for (i = 0; i < sizeof(security) / sizeof(security[0]); i++) {
		if (header(r, security[i][0], v, sizeof(v)) == NULL)
			fail_msg("missing %s in:\n%s", security[i][0], r->raw);
		assert_string_equal(v, security[i][1]);
		assert_null(header_n(r, security[i][0], 1, v, sizeof(v)));
	}
	assert_true(is_hex16(header(r, "X-Request-Id", v, sizeof(v))));
}

/* ---- fixture ------------------------------------------------------------ */

struct fixture {
	struct router		*router;
	struct http_server	*srv;	/* plain, no proxy */
	struct http_server	*proxied; /* trusts 127.0.0.1 as its proxy */
	int			 port;
	int			 pport;
};

static struct http_server *
start(struct router *r, const char *trust)
{
	struct http_server_opts o;
	struct http_server *s;
	char err[256];

	memset(&o, 0, sizeof(o));
	o.listen = "127.0.0.1:0";
	o.threads = 4;
	o.max_body = MAX_BODY;
	o.timeout_s = 5;
	o.handler = handler;
	o.udata = r;
	o.trust_proxy = trust;
	o.access_log = true;
	s = http_server_start(&o, err, sizeof(err));
	if (s == NULL)
		fail_msg("start: %s", err);
	return s;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	log_set_quiet(true);
	f->router = router_new();
	assert_int_equal(router_add(f->router, "GET", "/api/info", &a_info,
	    0), 0);
	assert_int_equal(router_add(f->router, "POST", "/api/echo", &a_echo,
	    0), 0);
	assert_int_equal(router_add(f->router, "GET", "/api/items/{id}",
	    &a_item, 0), 0);
	assert_int_equal(router_add(f->router, "GET", "/hello", &a_hello, 0),
	    0);
	assert_int_equal(router_add(f->router, "GET", "/healthz", &a_hello,
	    0), 0);
	assert_int_equal(router_add(f->router, "GET", "/slow", &a_slow, 0),
	    0);
	assert_int_equal(router_add(f->router, "GET", "/headers",
	    &a_headers, 0), 0);
	assert_int_equal(router_add(f->router, "GET", "/api/headers",
	    &a_headers, 0), 0);
	assert_int_equal(router_add(f->router, "GET", "/big", &a_big, 0), 0);
	f->srv = start(f->router, NULL);
	f->proxied = start(f->router, "127.0.0.1");
	f->port = http_server_port(f->srv);
	f->pport = http_server_port(f->proxied);
	assert_true(f->port > 0 && f->pport > 0 && f->port != f->pport);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	http_server_stop(f->srv);
	http_server_stop(f->proxied);
	router_free(f->router);
	free(f);
	return 0;
}

/* ---- tests over the wire ---------------------------------------------- */

static void
test_get_has_security_headers(void **state)
{
	struct fixture *f = *state;
	struct reply r;
	char v[512];

	get(f->port, "/hello", "", &r);
	assert_int_equal(r.status, 200);
	assert_security_headers(&r);
	assert_string_equal(header(&r, "Content-Type", v, sizeof(v)),
	    "text/plain; charset=utf-8");
	assert_null(header(&r, "Cache-Control", v, sizeof(v)));
	assert_null(header(&r, "Strict-Transport-Security", v, sizeof(v)));
	assert_int_equal(r.body_len, 5);
	assert_memory_equal(r.body, "hello", 5);
	reply_free(&r);

	/* Errors carry them too. */
	get(f->port, "/nothing", "", &r);
	assert_int_equal(r.status, 404);
	assert_security_headers(&r);
	reply_free(&r);
}

static void
test_api_paths_are_no_store(void **state)
{
	struct fixture *f = *state;
	struct reply r;
	char v[512];

	get(f->port, "/api/info", "", &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(header(&r, "Cache-Control", v, sizeof(v)),
	    "no-store");
	assert_string_equal(header(&r, "Content-Type", v, sizeof(v)),
	    "application/json");
	assert_security_headers(&r);
	reply_free(&r);

	get(f->port, "/healthz", "", &r);
	assert_string_equal(header(&r, "Cache-Control", v, sizeof(v)),
	    "no-store");
	reply_free(&r);

	/* An unknown /api/ path as well: the server decides, not the route. */
	get(f->port, "/api/nope", "", &r);
	assert_int_equal(r.status, 404);
	assert_string_equal(header(&r, "Cache-Control", v, sizeof(v)),
	    "no-store");
	reply_free(&r);
}

static void
test_request_id_is_random_hex(void **state)
{
	struct fixture *f = *state;
	struct reply r1, r2;
	char v1[64], v2[64], body_id[96];

	get(f->port, "/api/info", "", &r1);
	get(f->port, "/api/info", "", &r2);
	assert_true(is_hex16(header(&r1, "X-Request-Id", v1, sizeof(v1))));
	assert_true(is_hex16(header(&r2, "X-Request-Id", v2, sizeof(v2))));
	assert_string_not_equal(v1, v2);
	/* The handler saw the same id the client got. */
	snprintf(body_id, sizeof(body_id), "\"id\":\"%s\"", v1);
	assert_non_null(strstr(r1.body, body_id));
	reply_free(&r1);
	reply_free(&r2);
}

static void
test_request_fields(void **state)
{
	struct fixture *f = *state;
	struct reply r;

	get(f->port, "/api/info?a=1&b=x%20y&flag", "X-Test: t1\r\n"
	    "Cookie: sid=abc; other=1\r\n"
	    "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n",
	    &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body, "\"method\":\"GET\""));
	assert_non_null(strstr(r.body,
	    "\"query\":\"a=1\\u0026b=x%20y\\u0026flag\""));
	assert_non_null(strstr(r.body, "\"b\":\"x y\""));
	assert_non_null(strstr(r.body, "\"flag\":\"\""));
	assert_non_null(strstr(r.body, "\"absent\":null"));
	assert_non_null(strstr(r.body, "\"x_test\":\"t1\""));
	assert_non_null(strstr(r.body, "\"sid\":\"abc\""));
	/* Not from the trusted proxy: forwarding headers are ignored. */
	assert_non_null(strstr(r.body, "\"client\":\"127.0.0.1\""));
	assert_non_null(strstr(r.body, "\"secure\":false"));
	assert_non_null(strstr(r.body, "\"body_null\":true"));
	reply_free(&r);
}

static void
test_trusted_proxy(void **state)
{
	struct fixture *f = *state;
	struct reply r;
	char v[128];

	get(f->pport, "/api/info", "X-Forwarded-For: 203.0.113.9, "
	    "198.51.100.7\r\nX-Forwarded-Proto: https\r\n", &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body, "\"client\":\"198.51.100.7\""));
	assert_non_null(strstr(r.body, "\"secure\":true"));
	assert_string_equal(header(&r, "Strict-Transport-Security", v,
	    sizeof(v)), "max-age=31536000");
	reply_free(&r);

	/* The last of several headers; IPv6 in canonical form. */
	get(f->pport, "/api/info", "X-Forwarded-For: 203.0.113.9\r\n"
	    "X-Forwarded-For: 2001:DB8:0:0::1\r\n", &r);
	assert_non_null(strstr(r.body, "\"client\":\"2001:db8::1\""));
	assert_non_null(strstr(r.body, "\"secure\":false"));
	assert_null(header(&r, "Strict-Transport-Security", v, sizeof(v)));
	reply_free(&r);

	/* Garbage falls back to the peer. */
	get(f->pport, "/api/info", "X-Forwarded-For: <script>\r\n", &r);
	assert_non_null(strstr(r.body, "\"client\":\"127.0.0.1\""));
	reply_free(&r);
}

static void
test_body_over_max_is_413(void **state)
{
	struct fixture *f = *state;
	static const char want[] = "{\"error\":{\"code\":\"too_large\","
	    "\"message\":\"the request body is too large\",\"fields\":[]}}";
	char req[512], v[512];
	struct reply r;
	int before, n;

	/* Declared too large with 100-continue: answered before the body. */
	before = atomic_load(&calls);
	n = snprintf(req, sizeof(req), "POST /api/echo HTTP/1.1\r\nHost: t\r\n"
	    "Content-Type: application/json\r\nContent-Length: %d\r\n"
	    "Expect: 100-continue\r\nConnection: close\r\n\r\n",
	    MAX_BODY + 1);
	roundtrip(f->port, req, (size_t)n, &r);
	assert_int_equal(r.status, 413);
	assert_int_equal(r.body_len, strlen(want));
	assert_memory_equal(r.body, want, strlen(want));
	assert_string_equal(header(&r, "Content-Type", v, sizeof(v)),
	    "application/json");
	assert_security_headers(&r);
	reply_free(&r);

	/* Declared too large and sent whole: read away, then answered. */
	n = snprintf(req, sizeof(req), "POST /api/echo HTTP/1.1\r\nHost: t\r\n"
	    "Content-Type: application/json\r\nContent-Length: %d\r\n"
	    "Connection: close\r\n\r\n%0*d", MAX_BODY + 1, MAX_BODY + 1, 7);
	roundtrip(f->port, req, (size_t)n, &r);
	assert_int_equal(r.status, 413);
	assert_memory_equal(r.body, want, strlen(want));
	reply_free(&r);

	/* Chunked, so only the accumulated size shows it. */
	n = snprintf(req, sizeof(req), "POST /api/echo HTTP/1.1\r\nHost: t\r\n"
	    "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
	    "28\r\n%040d\r\n28\r\n%040d\r\n0\r\n\r\n", 1, 2);
	roundtrip(f->port, req, (size_t)n, &r);
	assert_int_equal(r.status, 413);
	assert_int_equal(r.body_len, strlen(want));
	assert_memory_equal(r.body, want, strlen(want));
	reply_free(&r);
	assert_int_equal(atomic_load(&calls), before);
}

static void
test_endless_body_is_cut_off(void **state)
{
	struct fixture *f = *state;
	static const char head[] = "POST /api/echo HTTP/1.1\r\nHost: t\r\n"
	    "Transfer-Encoding: chunked\r\n\r\n1000000\r\n";
	static const char tail[] = "\r\n0\r\n\r\n";
	size_t n = sizeof(head) - 1, big = 16 * 1024 * 1024;
	char *req = malloc(n + big + sizeof(tail));
	struct reply r;
	int before = atomic_load(&calls);

	/*
	 * A complete request with 16 MiB in one chunk: read to the end it
	 * would get a 413; the server stops reading and hangs up instead.
	 */
	memcpy(req, head, n);
	memset(req + n, 'x', big);
	memcpy(req + n + big, tail, sizeof(tail));
	roundtrip(f->port, req, n + big + sizeof(tail) - 1, &r);
	free(req);
	assert_int_equal(r.status, -1);
	reply_free(&r);
	assert_int_equal(atomic_load(&calls), before);
}

static void
test_post_body_arrives_intact(void **state)
{
	struct fixture *f = *state;
	/* Exactly MAX_BODY bytes, with UTF-8, quotes and a NUL-free tail. */
	static const char body[] = "{\"naam\":\"Z\xc3\xbcleyka\","
	    "\"q\":\"\\\"x\\\"\",\"n\":12345678901234,\"p\":\"abcdefg\"}";
	char req[512];
	struct reply r;
	int fd, n;

	assert_int_equal(sizeof(body) - 1, MAX_BODY);
	n = snprintf(req, sizeof(req), "POST /api/echo HTTP/1.1\r\nHost: t\r\n"
	    "Content-Type: application/json\r\nContent-Length: %zu\r\n"
	    "Connection: close\r\n\r\n", sizeof(body) - 1);
	/* Headers, half the body, a pause, the rest: several reads. */
	fd = connect_to(f->port);
	assert_true(fd >= 0);
	send_all(fd, req, (size_t)n);
	send_all(fd, body, 20);
	usleep(50 * 1000);
	send_all(fd, body + 20, sizeof(body) - 1 - 20);
	read_reply(fd, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.body_len, sizeof(body) - 1);
	assert_memory_equal(r.body, body, sizeof(body) - 1);
	reply_free(&r);

	/* Chunked within the cap. */
	n = snprintf(req, sizeof(req), "POST /api/echo HTTP/1.1\r\nHost: t\r\n"
	    "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
	    "3\r\n{\"a\r\n4\r\n\":1}\r\n0\r\n\r\n");
	roundtrip(f->port, req, (size_t)n, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.body_len, 7);
	assert_memory_equal(r.body, "{\"a\":1}", 7);
	reply_free(&r);
}

static void
test_get_body_is_ignored(void **state)
{
	struct fixture *f = *state;
	static const char req[] = "GET /api/info HTTP/1.1\r\nHost: t\r\n"
	    "Content-Length: 5\r\nConnection: close\r\n\r\nhello";
	struct reply r;

	roundtrip(f->port, req, sizeof(req) - 1, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body, "\"body_null\":true"));
	reply_free(&r);
}

static void
test_handler_headers(void **state)
{
	struct fixture *f = *state;
	struct reply r;
	char v[512];

	get(f->port, "/headers", "", &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(header(&r, "X-Custom", v, sizeof(v)), "yes");
	assert_string_equal(header_n(&r, "Set-Cookie", 0, v, sizeof(v)),
	    "a=1; HttpOnly");
	assert_string_equal(header_n(&r, "Set-Cookie", 1, v, sizeof(v)),
	    "b=2; HttpOnly");
	assert_string_equal(header(&r, "Content-Type", v, sizeof(v)),
	    "application/json");
	assert_null(header_n(&r, "Content-Type", 1, v, sizeof(v)));
	assert_string_equal(header(&r, "Cache-Control", v, sizeof(v)),
	    "public");
	/* X-Frame-Options: DENY, once, whatever the handler wanted. */
	assert_security_headers(&r);
	reply_free(&r);

	/* Under /api/ no-store wins over the handler's Cache-Control. */
	get(f->port, "/api/headers", "", &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(header(&r, "X-Custom", v, sizeof(v)), "yes");
	assert_string_equal(header(&r, "Cache-Control", v, sizeof(v)),
	    "no-store");
	assert_null(header_n(&r, "Cache-Control", 1, v, sizeof(v)));
	reply_free(&r);
}

static void
test_oversized_response_is_500(void **state)
{
	struct fixture *f = *state;
	struct reply r;

	get(f->port, "/big", "", &r);
	assert_int_equal(r.status, 500);
	assert_non_null(strstr(r.body, "\"code\":\"internal\""));
	assert_null(strstr(r.body, "far too much"));
	reply_free(&r);
}

static void
test_huge_headers_rejected(void **state)
{
	struct fixture *f = *state;
	static const char head[] = "GET /hello HTTP/1.1\r\nHost: t\r\n"
	    "Connection: close\r\nX-Big: ";
	size_t n = sizeof(head) - 1, big = 40 * 1024;
	char *req = malloc(n + big + 5);
	struct reply r;

	memcpy(req, head, n);
	memset(req + n, 'a', big);
	memcpy(req + n + big, "\r\n\r\n", 5);
	roundtrip(f->port, req, n + big + 4, &r);
	free(req);
	/* MHD answers itself (431 or 413); nothing leaks (ASan). */
	if (r.status != 431 && r.status != 413)
		fail_msg("status %d for 40 KiB of headers", r.status);
	reply_free(&r);
	get(f->port, "/hello", "", &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);
}

static void
test_static_over_the_wire(void **state)
{
	struct fixture *f = *state;
	struct reply r;
	char etag[128], v[512], inm[256];

	get(f->port, "/", "", &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.body_len, sizeof(index_html) - 1);
	assert_memory_equal(r.body, index_html, r.body_len);
	assert_string_equal(header(&r, "Content-Type", v, sizeof(v)),
	    "text/html; charset=utf-8");
	assert_string_equal(header(&r, "Cache-Control", v, sizeof(v)),
	    "no-cache");
	assert_non_null(header(&r, "ETag", etag, sizeof(etag)));
	assert_security_headers(&r);
	reply_free(&r);

	snprintf(inm, sizeof(inm), "If-None-Match: \"x\", %s\r\n", etag);
	get(f->port, "/", inm, &r);
	assert_int_equal(r.status, 304);
	assert_int_equal(r.body_len, 0);
	assert_security_headers(&r);
	reply_free(&r);

	get(f->port, "/vendor/utrecht.css", "", &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(header(&r, "Content-Type", v, sizeof(v)),
	    "text/css; charset=utf-8");
	reply_free(&r);

	get(f->port, "/vendor/../app.js", "", &r);
	assert_int_equal(r.status, 404);
	reply_free(&r);
}

static bool
wait_line(int fd, const char *needle, char *out, size_t outlen)
{
	size_t len = 0;
	struct pollfd pfd = { fd, POLLIN, 0 };
	char *line, *nl;
	ssize_t k;

	out[0] = '\0';
	while (poll(&pfd, 1, 2000) > 0) {
		k = read(fd, out + len, outlen - 1 - len);
		if (k <= 0)
			break;
		len += (size_t)k;
		out[len] = '\0';
		for (line = out; (nl = strchr(line, '\n')) != NULL;
		    line = nl + 1) {
			*nl = '\0';
			if (strstr(line, needle) != NULL) {
				memmove(out, line, strlen(line) + 1);
				return true;
			}
			*nl = '\n';
		}
	}
	return false;
}

static void
test_access_log(void **state)
{
	struct fixture *f = *state;
	char line[8192], id[64], needle[96];
	struct reply r;
	int p[2], saved;

	assert_int_equal(pipe(p), 0);
	saved = dup(STDERR_FILENO);
	dup2(p[1], STDERR_FILENO);
	log_set_quiet(false);

	get(f->port, "/api/items/zebra?q=giraffe", "Cookie: sid=lion\r\n", &r);
	assert_int_equal(r.status, 200);
	header(&r, "X-Request-Id", id, sizeof(id));
	reply_free(&r);
	snprintf(needle, sizeof(needle), "\"request_id\":\"%s\"", id);
	assert_true(wait_line(p[0], needle, line, sizeof(line)));
	assert_non_null(strstr(line, "\"route\":\"/api/items/{id}\""));
	assert_non_null(strstr(line, "\"method\":\"GET\""));
	assert_non_null(strstr(line, "\"status\":200"));
	assert_non_null(strstr(line, "\"user_id\":5}"));
	assert_non_null(strstr(line, "\"duration_ms\":"));
	assert_non_null(strstr(line, "Z\",\"request_id\""));
	assert_null(strstr(line, "zebra"));
	assert_null(strstr(line, "giraffe"));
	assert_null(strstr(line, "lion"));

	get(f->port, "/no/such/thing", "", &r);
	header(&r, "X-Request-Id", id, sizeof(id));
	reply_free(&r);
	snprintf(needle, sizeof(needle), "\"request_id\":\"%s\"", id);
	assert_true(wait_line(p[0], needle, line, sizeof(line)));
	assert_non_null(strstr(line, "\"route\":\"-\""));
	assert_non_null(strstr(line, "\"status\":404"));
	assert_non_null(strstr(line, "\"user_id\":null"));
	assert_null(strstr(line, "such"));

	get(f->port, "/app.js", "", &r);
	header(&r, "X-Request-Id", id, sizeof(id));
	reply_free(&r);
	snprintf(needle, sizeof(needle), "\"request_id\":\"%s\"", id);
	assert_true(wait_line(p[0], needle, line, sizeof(line)));
	assert_non_null(strstr(line, "\"route\":\"static\""));

	log_set_quiet(true);
	dup2(saved, STDERR_FILENO);
	close(saved);
	close(p[0]);
	close(p[1]);
}

/* ---- start and stop ---------------------------------------------------- */

struct slow_call {
	int		 port;
	struct reply	 r;
};

static void *
slow_client(void *arg)
{
	struct slow_call *c = arg;
	static const char req[] = "GET /slow HTTP/1.1\r\nHost: t\r\n"
	    "Connection: close\r\n\r\n";
	int fd = connect_to(c->port);

	if (fd >= 0) {
		send_all(fd, req, sizeof(req) - 1);
		read_reply(fd, &c->r);
	}
	return NULL;
}

static void
test_stop_waits_for_inflight_then_closes(void **state)
{
	struct fixture *f = *state;
	struct http_server *s = start(f->router, NULL);
	struct slow_call c;
	struct timespec ts = { 0, 1000 * 1000 };
	pthread_t t;
	int64_t t0, ms;
	int port = http_server_port(s), fd, i;

	memset(&c, 0, sizeof(c));
	c.port = port;
	atomic_store(&slow_started, 0);
	assert_int_equal(pthread_create(&t, NULL, slow_client, &c), 0);
	/* Stop only once the request is in the handler (300 ms long). */
	for (i = 0; i < 2000 && atomic_load(&slow_started) == 0; i++)
		nanosleep(&ts, NULL);
	assert_int_equal(atomic_load(&slow_started), 1);
	t0 = time_mono_ns();
	http_server_stop(s);
	ms = (time_mono_ns() - t0) / 1000000;
	pthread_join(t, NULL);
	/* The request in flight finished; stop did not wait the full 10 s. */
	assert_int_equal(c.r.status, 200);
	assert_int_equal(c.r.body_len, 4);
	assert_memory_equal(c.r.body, "slow", 4);
	assert_true(ms >= 150 && ms < 2000);
	reply_free(&c.r);

	fd = connect_to(port);
	if (fd >= 0) {
		close(fd);
		fail_msg("port %d still accepts connections", port);
	}
	assert_int_equal(errno, ECONNREFUSED);

	/* An idle server stops at once. */
	s = start(f->router, NULL);
	t0 = time_mono_ns();
	http_server_stop(s);
	assert_true((time_mono_ns() - t0) / 1000000 < 500);
	http_server_stop(NULL);
}

static void
test_start_errors(void **state)
{
	static const char *const bad[] = {
		"nonsense", "127.0.0.1", "127.0.0.1:", "127.0.0.1:70000",
		"127.0.0.1:-1", "[::1]8080", "[::1:8080", "localhost:8080",
		":8080", "127.0.0.1:80x",
	};
	struct fixture *f = *state;
	struct http_server_opts o;
	char err[256], listen[64];
	size_t i;

	memset(&o, 0, sizeof(o));
	o.handler = handler;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		o.listen = bad[i];
		if (http_server_start(&o, err, sizeof(err)) != NULL)
			fail_msg("listen '%s' was accepted", bad[i]);
		assert_non_null(strstr(err, "invalid listen address"));
	}
	o.listen = "127.0.0.1:0";
	o.tls_cert = "cert.pem";
	assert_null(http_server_start(&o, err, sizeof(err)));
	assert_non_null(strstr(err, "both"));
	o.tls_key = "no/such/key.pem";
	o.tls_cert = "no/such/cert.pem";
	assert_null(http_server_start(&o, err, sizeof(err)));
	assert_non_null(strstr(err, "no/such/cert.pem"));
	o.tls_cert = o.tls_key = NULL;
	o.trust_proxy = "proxy.example";
	assert_null(http_server_start(&o, err, sizeof(err)));
	assert_non_null(strstr(err, "trusted proxy"));
	o.trust_proxy = NULL;
	o.handler = NULL;
	assert_null(http_server_start(&o, err, sizeof(err)));
	/* The port is taken. */
	o.handler = handler;
	snprintf(listen, sizeof(listen), "127.0.0.1:%d", f->port);
	o.listen = listen;
	assert_null(http_server_start(&o, err, sizeof(err)));
	assert_non_null(strstr(err, "cannot start"));
}

static void
test_ipv6_listen(void **state)
{
	struct http_server_opts o;
	struct http_server *s;
	struct sockaddr_in6 sin6;
	char err[256];
	int fd;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.listen = "[::1]:0";
	o.threads = 1;
	o.handler = handler;
	o.udata = ((struct fixture *)*state)->router;
	s = http_server_start(&o, err, sizeof(err));
	if (s == NULL)
		skip();		/* no IPv6 loopback here */
	fd = socket(AF_INET6, SOCK_STREAM, 0);
	memset(&sin6, 0, sizeof(sin6));
	sin6.sin6_family = AF_INET6;
	sin6.sin6_port = htons((uint16_t)http_server_port(s));
	sin6.sin6_addr = in6addr_loopback;
	assert_int_equal(connect(fd, (struct sockaddr *)&sin6, sizeof(sin6)),
	    0);
	close(fd);
	http_server_stop(s);
}

/* ---- helpers without a server ------------------------------------------ */

static void
test_http_error_body(void **state)
{
	struct arena *a = arena_new();
	struct http_response resp;

	(void)state;
	memset(&resp, 0, sizeof(resp));
	buf_init(&resp.body, a, BUF_DEFAULT_MAX);
	buf_puts(&resp.body, "old content");
	resp.static_body = "x";
	resp.content_type = "text/plain";
	http_error(&resp, 404, "not_found", "no case \"7\"");
	assert_int_equal(resp.status, 404);
	assert_string_equal(resp.content_type, "application/json");
	assert_null(resp.static_body);
	assert_string_equal(resp.body.p, "{\"error\":{\"code\":\"not_found\","
	    "\"message\":\"no case \\\"7\\\"\",\"fields\":[]}}");
	arena_free(a);
}

static void
test_set_header_limit(void **state)
{
	struct http_response resp;
	int i;

	(void)state;
	memset(&resp, 0, sizeof(resp));
	for (i = 0; i < HTTP_MAX_HEADERS + 3; i++)
		http_set_header(&resp, "X-N", "v");
	assert_int_equal(resp.nheaders, HTTP_MAX_HEADERS);
}

static void
static_req(struct arena *a, struct http_request *req,
    struct http_response *resp, const char *method, const char *path)
{
	memset(req, 0, sizeof(*req));
	memset(resp, 0, sizeof(*resp));
	req->arena = a;
	req->method = method;
	req->path = path;
	resp->status = 200;
	resp->content_type = "application/json";
	buf_init(&resp->body, a, BUF_DEFAULT_MAX);
}

static void
test_static_serve(void **state)
{
	static const struct {
		const char	*path;
		const char	*type;
	} ok[] = {
		{ "/", "text/html; charset=utf-8" },
		{ "/index.html", "text/html; charset=utf-8" },
		{ "/app.js", "text/javascript; charset=utf-8" },
		{ "/vendor/utrecht.css", "text/css; charset=utf-8" },
		{ "/logo.svg", "image/svg+xml" },
		{ "/font.woff2", "font/woff2" },
		{ "/blob.bin", "application/octet-stream" },
	};
	static const char *const refused[] = {
		"/nope.js", "/vendor/../app.js", "//app.js",
		"/vendor//utrecht.css",
		"/app.js%00.png", "app.js", "", "/vendor", "/vendor/",
		"/../index.html",
	};
	struct arena *a = arena_new();
	struct http_request req;
	struct http_response resp;
	const struct embedded_file *e;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		static_req(a, &req, &resp, "GET", ok[i].path);
		assert_int_equal(http_static_serve(&req, &resp, files), 0);
		assert_int_equal(resp.status, 200);
		assert_string_equal(resp.content_type, ok[i].type);
		assert_string_equal(req.route, "static");
		e = embed_find(files, i == 0 ? "index.html" : ok[i].path + 1);
		assert_ptr_equal(resp.static_body, e->data);	/* no copy */
		assert_int_equal(resp.static_len, e->len);
		assert_int_equal(resp.nheaders, 2);
		assert_string_equal(resp.header_name[0], "ETag");
		assert_true(strncmp(resp.header_value[0], "W/\"", 3) == 0);
		assert_string_equal(resp.header_name[1], "Cache-Control");
		assert_string_equal(resp.header_value[1], "no-cache");
	}
	static_req(a, &req, &resp, "HEAD", "/app.js");
	assert_int_equal(http_static_serve(&req, &resp, files), 0);
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		static_req(a, &req, &resp, "GET", refused[i]);
		if (http_static_serve(&req, &resp, files) != -1)
			fail_msg("'%s' was served", refused[i]);
		assert_int_equal(resp.nheaders, 0);
		assert_null(resp.static_body);
		assert_null(req.route);
		assert_int_equal(resp.status, 200);
	}
	static_req(a, &req, &resp, "POST", "/app.js");
	assert_int_equal(http_static_serve(&req, &resp, files), -1);
	arena_free(a);
}

static void
test_static_etag_tracks_content(void **state)
{
	static const unsigned char v1[] = "body{}", v2[] = "body[]";
	const struct embedded_file t1[] = { { "a.css", v1, 6 }, { 0, 0, 0 } };
	const struct embedded_file t2[] = { { "a.css", v2, 6 }, { 0, 0, 0 } };
	struct arena *a = arena_new();
	struct http_request req;
	struct http_response resp;
	const char *e1, *e2;

	(void)state;
	static_req(a, &req, &resp, "GET", "/a.css");
	assert_int_equal(http_static_serve(&req, &resp, t1), 0);
	e1 = resp.header_value[0];
	static_req(a, &req, &resp, "GET", "/a.css");
	assert_int_equal(http_static_serve(&req, &resp, t2), 0);
	e2 = resp.header_value[0];
	/* Same length, other bytes: another ETag. */
	assert_string_not_equal(e1, e2);
	static_req(a, &req, &resp, "GET", "/a.css");
	assert_int_equal(http_static_serve(&req, &resp, t1), 0);
	assert_string_equal(resp.header_value[0], e1);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get_has_security_headers),
		cmocka_unit_test(test_api_paths_are_no_store),
		cmocka_unit_test(test_request_id_is_random_hex),
		cmocka_unit_test(test_request_fields),
		cmocka_unit_test(test_trusted_proxy),
		cmocka_unit_test(test_body_over_max_is_413),
		cmocka_unit_test(test_endless_body_is_cut_off),
		cmocka_unit_test(test_post_body_arrives_intact),
		cmocka_unit_test(test_get_body_is_ignored),
		cmocka_unit_test(test_handler_headers),
		cmocka_unit_test(test_oversized_response_is_500),
		cmocka_unit_test(test_huge_headers_rejected),
		cmocka_unit_test(test_static_over_the_wire),
		cmocka_unit_test(test_access_log),
		cmocka_unit_test(test_stop_waits_for_inflight_then_closes),
		cmocka_unit_test(test_start_errors),
		cmocka_unit_test(test_ipv6_listen),
		cmocka_unit_test(test_http_error_body),
		cmocka_unit_test(test_set_header_limit),
		cmocka_unit_test(test_static_serve),
		cmocka_unit_test(test_static_etag_tracks_content),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

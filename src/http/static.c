#include "http/static.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"

#define HASH_SLOTS	256

/*
 * Content hashes for ETags, remembered per embedded file so a request
 * does not hash a large stylesheet again.  Direct-mapped: a collision
 * only costs a recomputation.
 */
static struct {
	const unsigned char	*data;
	size_t			 len;
	uint64_t		 hash;
} hashes[HASH_SLOTS];
static pthread_mutex_t hashes_lock = PTHREAD_MUTEX_INITIALIZER;

static const struct {
	const char	*ext;
	const char	*type;
} types[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".mjs", "text/javascript; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".ico", "image/x-icon" },
	{ ".json", "application/json" },
	{ ".woff2", "font/woff2" },
	{ ".txt", "text/plain; charset=utf-8" },
};

static const char *
content_type(const char *name)
{
	size_t i, n = strlen(name), e;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		e = strlen(types[i].ext);
		if (n > e && strcmp(name + n - e, types[i].ext) == 0)
			return types[i].type;
	}
	return "application/octet-stream";
}

/* FNV-1a, 64 bits: not for security, only to notice a changed file. */
static uint64_t
fnv1a(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static uint64_t
file_hash(const struct embedded_file *f)
{
	size_t slot = (size_t)(((uintptr_t)f->data >> 4) % HASH_SLOTS);
	uint64_t h;
	bool hit;

	pthread_mutex_lock(&hashes_lock);
	hit = hashes[slot].data == f->data && hashes[slot].len == f->len;
	h = hashes[slot].hash;
	pthread_mutex_unlock(&hashes_lock);
	if (hit)
		return h;
	h = fnv1a(f->data, f->len);
	pthread_mutex_lock(&hashes_lock);
	hashes[slot].data = f->data;
	hashes[slot].len = f->len;
	hashes[slot].hash = h;
	pthread_mutex_unlock(&hashes_lock);
	return h;
}

/* Compare ETags weakly (RFC 9110 8.8.3.2): the W/ prefix is ignored. */
static bool
etag_listed(const char *list, const char *etag)
{
	const char *p = list, *end;
	size_t n;

	if (strncmp(etag, "W/", 2) == 0)
		etag += 2;
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		end = p;
		while (*end != '\0' && *end != ',')
			end++;
		n = (size_t)(end - p);
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n == 1 && p[0] == '*')
			return true;
		if (n > 2 && strncmp(p, "W/", 2) == 0) {
			p += 2;
			n -= 2;
		}
		if (n > 0 && n == strlen(etag) && memcmp(p, etag, n) == 0)
			return true;
		p = end;
	}
	return false;
}

static bool
safe_path(const char *path)
{
	return path != NULL && path[0] == '/' && strstr(path, "..") == NULL &&
	    strstr(path, "//") == NULL && strstr(path, "%00") == NULL;
}

int
http_static_serve(struct http_request *req, struct http_response *resp,
    const struct embedded_file *table)
{
	const struct embedded_file *f;
	const char *name, *etag, *inm;

	if (req->method == NULL || (strcmp(req->method, "GET") != 0 &&
	    strcmp(req->method, "HEAD") != 0) || !safe_path(req->path))
		return -1;
	name = strcmp(req->path, "/") == 0 ? "index.html" : req->path + 1;
	f = embed_find(table, name);
	if (f == NULL)
		return -1;
	etag = arena_printf(req->arena, "W/\"%zx-%016" PRIx64 "\"", f->len,
	    file_hash(f));
	req->route = "static";
	resp->content_type = content_type(name);
	http_set_header(resp, "ETag", etag);
	http_set_header(resp, "Cache-Control", "no-cache");
	inm = http_header(req, "If-None-Match");
	if (inm != NULL && etag_listed(inm, etag)) {
		resp->status = 304;
		resp->static_body = NULL;
		resp->static_len = 0;
		buf_reset(&resp->body);
		return 0;
	}
	resp->status = 200;
	resp->static_body = f->data;
	resp->static_len = f->len;
	return 0;
}

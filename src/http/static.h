/*
 * static: serves the web UI from a table of files embedded in the binary
 * (core/embed.h), so the server never reads the file system at run time.
 *
 * Only GET and HEAD are served.  "/" is "index.html"; any other path is
 * the file's name after the leading '/'.  The response points at the
 * embedded bytes (static_body, never copied), carries the content type
 * for the extension, "Cache-Control: no-cache" and a weak ETag from the
 * length and a hash of the content, so a revalidation with a matching
 * If-None-Match gets 304 and no body.  req->route becomes "static" for
 * the access log.
 */
#ifndef SCHAKEL_HTTP_STATIC_H
#define SCHAKEL_HTTP_STATIC_H

#include "core/embed.h"
#include "http/server.h"

/*
 * Serve req->path from table: 0 when the response was filled in, -1
 * (response untouched) for another method, no such file, or a path that
 * does not start with '/' or contains "..", "//" or a NUL escape.
 */
int	http_static_serve(struct http_request *, struct http_response *,
	    const struct embedded_file *table);

#endif

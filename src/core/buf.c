#include "buf.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"

void
buf_init(struct buf *b, struct arena *a, size_t max)
{
	b->arena = a;
	b->cap = 64;
	b->p = arena_alloc(a, b->cap);
	b->len = 0;
	b->max = max;
	b->toobig = false;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->p[0] = '\0';
	b->toobig = false;
}

static int
reserve(struct buf *b, size_t n)
{
	size_t cap;

	if (n > b->max || b->len > b->max - n) {
		b->toobig = true;
		return -1;
	}
	if (b->len + n + 1 <= b->cap)
		return 0;
	cap = b->cap;
	while (cap < b->len + n + 1)
		cap *= 2;
	b->p = arena_realloc(b->arena, b->p, b->cap, cap);
	b->cap = cap;
	return 0;
}

int
buf_append(struct buf *b, const void *p, size_t n)
{
	if (reserve(b, n) == -1)
		return -1;
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

int
buf_puts(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

int
buf_putc(struct buf *b, char c)
{
	return buf_append(b, &c, 1);
}

int
buf_vappendf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0 || reserve(b, (size_t)n) == -1)
		return -1;
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int
buf_appendf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = buf_vappendf(b, fmt, ap);
	va_end(ap);
	return rc;
}

int
buf_append_json_str(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, start = b->len;
	unsigned char c;
	char esc[6];

	if (buf_putc(b, '"') == -1)
		return -1;
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			if (buf_append(b, esc, 2) == -1)
				goto out_toobig;
		} else if (c < 0x20 || c == 0x7f) {
			esc[0] = '\\';
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			if (buf_append(b, esc, 6) == -1)
				goto out_toobig;
		} else if (c == '<' || c == '>' || c == '&') {
			/* Safe to embed in HTML even if someone does. */
			esc[0] = '\\';
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			if (buf_append(b, esc, 6) == -1)
				goto out_toobig;
		} else if (buf_putc(b, (char)c) == -1) {
			goto out_toobig;
		}
	}
	if (buf_putc(b, '"') == -1)
		goto out_toobig;
	return 0;
out_toobig:
	b->len = start;
	b->p[start] = '\0';
	return -1;
}

int
buf_append_html(struct buf *b, const char *s, size_t n)
{
	size_t i, start = b->len;
	const char *rep;
	int rc;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: rep = NULL; break;
		}
		rc = rep != NULL ? buf_puts(b, rep) : buf_putc(b, s[i]);
		if (rc == -1) {
			b->len = start;
			b->p[start] = '\0';
			return -1;
		}
	}
	return 0;
}

int
buf_append_hex(struct buf *b, const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;
	char two[2];

	if (n > (b->max - b->len) / 2) {
		b->toobig = true;
		return -1;
	}
	for (i = 0; i < n; i++) {
		two[0] = hex[p[i] >> 4];
		two[1] = hex[p[i] & 15];
		buf_append(b, two, 2);
	}
	return 0;
}

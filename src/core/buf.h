/*
 * buf: an arena-backed, always NUL-terminated byte buffer with a hard cap
 * (curl's dynbuf).  Appending past the cap fails with -1, sets toobig and
 * leaves the contents as they were before that append.  The memory belongs
 * to the arena given to buf_init(); nobody frees it.
 */
#ifndef SCHAKEL_BUF_H
#define SCHAKEL_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct arena;

struct buf {
	struct arena	*arena;
	char		*p;		/* NUL-terminated; never NULL */
	size_t		 len;
	size_t		 cap;		/* allocated, including the NUL */
	size_t		 max;		/* hard cap on len */
	bool		 toobig;	/* an append failed for the cap */
};

#define BUF_DEFAULT_MAX	(16u * 1024 * 1024)

void	buf_init(struct buf *, struct arena *, size_t max);
void	buf_reset(struct buf *);

/* Appends: 0 on success, -1 (and toobig) when the cap would be passed. */
int	buf_append(struct buf *, const void *, size_t);
int	buf_puts(struct buf *, const char *);
int	buf_putc(struct buf *, char);
int	buf_appendf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	buf_vappendf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
/* The string quoted and escaped as a JSON string literal. */
int	buf_append_json_str(struct buf *, const char *, size_t);
/* The string with & < > " ' escaped for HTML text and attributes. */
int	buf_append_html(struct buf *, const char *, size_t);
/* Bytes as lowercase hexadecimal. */
int	buf_append_hex(struct buf *, const unsigned char *, size_t);

#endif

#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_MIN	(16 * 1024)
#define ALIGN		16

struct chunk {
	struct chunk	*next;
	size_t		 cap;
	size_t		 used;
	_Alignas(ALIGN) unsigned char data[];
};

struct defer {
	struct defer	*next;
	void		(*fn)(void *);
	void		*p;
};

struct arena {
	struct chunk	*head;		/* current chunk, newest first */
	struct defer	*defers;	/* newest first */
	size_t		 total;		/* bytes handed out */
};

static void *
xmalloc(size_t n)
{
	void *p = malloc(n);

	if (p == NULL) {
		fputs("schakel: out of memory\n", stderr);
		abort();
	}
	return p;
}

struct arena *
arena_new(void)
{
	struct arena *a = xmalloc(sizeof(*a));

	memset(a, 0, sizeof(*a));
	return a;
}

void
arena_free(struct arena *a)
{
	struct defer *d;
	struct chunk *c, *next;

	if (a == NULL)
		return;
	/* Deferred actions may still use arena memory: run them first. */
	while (a->defers != NULL) {
		d = a->defers;
		a->defers = d->next;
		d->fn(d->p);
	}
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct chunk *c;
	size_t cap, off;

	if (n == 0)
		n = 1;
	if (n > SIZE_MAX / 2) {
		fputs("schakel: allocation too large\n", stderr);
		abort();
	}
	c = a->head;
	off = c != NULL ? (c->used + ALIGN - 1) & ~(size_t)(ALIGN - 1) : 0;
	if (c == NULL || off + n > c->cap) {
		cap = n > CHUNK_MIN ? n : CHUNK_MIN;
		if (a->head != NULL && cap < a->head->cap * 2 &&
		    a->head->cap * 2 <= 1024 * 1024 && n <= a->head->cap)
			cap = a->head->cap * 2;
		c = xmalloc(sizeof(*c) + cap);
		c->cap = cap;
		c->used = 0;
		c->next = a->head;
		a->head = c;
		off = 0;
	}
	c->used = off + n;
	a->total += n;
	memset(c->data + off, 0, n);
	return c->data + off;
}

void *
arena_realloc(struct arena *a, void *p, size_t old, size_t n)
{
	struct chunk *c = a->head;
	unsigned char *q;

	/* Grow in place when p is the last allocation of the current chunk. */
	if (p != NULL && c != NULL && (unsigned char *)p + old ==
	    c->data + c->used && (size_t)((unsigned char *)p - c->data) + n <=
	    c->cap) {
		if (n > old)
			memset((unsigned char *)p + old, 0, n - old);
		c->used = (size_t)((unsigned char *)p - c->data) + n;
		if (n > old)
			a->total += n - old;
		return p;
	}
	q = arena_alloc(a, n);
	if (p != NULL)
		memcpy(q, p, old < n ? old : n);
	return q;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	if (s == NULL)
		return NULL;
	return arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list cp;
	char *p;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return arena_strdup(a, "");
	p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_defer(struct arena *a, void (*fn)(void *), void *p)
{
	struct defer *d = arena_alloc(a, sizeof(*d));

	d->fn = fn;
	d->p = p;
	d->next = a->defers;
	a->defers = d;
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}

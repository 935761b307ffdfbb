/*
 * receipt: codes a person can read over the phone (receipt.h).
 */
#include "domain/receipt.h"

#include <string.h>

#include "core/arena.h"
#include "crypt/crypt.h"

/* 32 symbols: five bits each, and none to mistake for another. */
static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/* n random symbols in groups of four joined by '-', after prefix. */
static char *
grouped(struct arena *a, const char *prefix, size_t n)
{
	size_t plen = strlen(prefix), len = plen + n + (n - 1) / 4;
	unsigned char raw[SECRET_CHARS];
	char *s = arena_alloc(a, len + 1), *p = s;
	size_t i;

	crypt_random(raw, n);
	memcpy(p, prefix, plen);
	p += plen;
	for (i = 0; i < n; i++) {
		if (i > 0 && i % 4 == 0)
			*p++ = '-';
		*p++ = alphabet[raw[i] % 32];	/* 256 = 8 * 32: no bias */
	}
	*p = '\0';
	return s;
}

char *
receipt_new(struct arena *a)
{
	return grouped(a, "S-", 8);
}

char *
secret_new(struct arena *a)
{
	return grouped(a, "", SECRET_CHARS);
}

/* The symbols of typed, upper-cased, without spaces and hyphens, into
 * out (room for max); -1 when a character is not a symbol or there are
 * more than max. */
static int
symbols(const char *typed, char *out, size_t max, size_t *n)
{
	const char *p;
	char c;

	*n = 0;
	if (typed == NULL)
		return -1;
	for (p = typed; *p != '\0'; p++) {
		c = *p;
		if (c == ' ' || c == '-' || c == '\t')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (strchr(alphabet, c) == NULL || *n == max)
			return -1;
		out[(*n)++] = c;
	}
	return 0;
}

char *
receipt_normal(struct arena *a, const char *typed)
{
	char sym[9], *s;
	size_t n;

	if (symbols(typed, sym, sizeof(sym), &n) == -1)
		return NULL;
	/* The 'S' is part of what was written down, or left off. */
	if (n == 9 && sym[0] == 'S')
		memmove(sym, sym + 1, --n);
	if (n != 8)
		return NULL;
	s = arena_alloc(a, RECEIPT_LEN + 1);
	memcpy(s, "S-", 2);
	memcpy(s + 2, sym, 4);
	s[6] = '-';
	memcpy(s + 7, sym + 4, 4);
	s[RECEIPT_LEN] = '\0';
	return s;
}

char *
secret_normal(struct arena *a, const char *typed)
{
	char sym[SECRET_CHARS], *s;
	size_t n;

	if (symbols(typed, sym, sizeof(sym), &n) == -1 || n != SECRET_CHARS)
		return NULL;
	s = arena_alloc(a, SECRET_CHARS + 1);
	memcpy(s, sym, SECRET_CHARS);
	s[SECRET_CHARS] = '\0';
	return s;
}

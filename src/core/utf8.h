/*
 * utf8: well-formed UTF-8 by RFC 3629 (no overlong forms, no surrogates,
 * nothing above U+10FFFF), for text that did not come through jansson.
 */
#ifndef SCHAKEL_UTF8_H
#define SCHAKEL_UTF8_H

#include <stddef.h>

/* Length in bytes of the sequence at s (n bytes left, n > 0), or 0 when
 * it is not well-formed. */
size_t	utf8_seq(const unsigned char *s, size_t n);

#endif

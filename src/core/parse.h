/*
 * parse: numbers from text with bounds (OpenBSD's strtonum).  The whole
 * string must be the number: "12abc", "" and " 12" are all rejected.
 */
#ifndef SCHAKEL_PARSE_H
#define SCHAKEL_PARSE_H

#include <stdint.h>

/* 0 and *out set when s is a decimal integer in [min, max]; else -1. */
int	parse_int64(const char *s, int64_t min, int64_t max, int64_t *out);

#endif

/*
 * normalize: the canonical text a blind index is computed over, so that
 * two professionals who write the same person differently still match.
 * "Jan-Willem de Vries" and "jan willem  de vries", "Müller" and
 * "MULLER", "01-02-2003" and "2003-02-01" each give one canonical form.
 *
 * Pure text, no keys: hashing the result is crypt.c's work.  Changing any
 * rule here changes every index, so a change needs a migration that
 * recomputes them.
 *
 * Every function returns a NUL-terminated string in the given arena (the
 * caller frees nothing), or NULL when the input cannot be normalised:
 * invalid UTF-8, control characters, an impossible date, a number with
 * the wrong length or check digit, or nothing left after normalising.
 * NULL is never an error for the caller to report as such: it means
 * "no index for this field".
 */
#ifndef SCHAKEL_NORMALIZE_H
#define SCHAKEL_NORMALIZE_H

struct arena;

/*
 * A person's name: lower case; Latin, Greek and Cyrillic letters with
 * accents folded to the base letter (é e, ü u, ñ n, ç c, ș s) and Latin
 * ligatures and special letters spelled out in ASCII (ß ss, æ ae, œ oe,
 * ĳ ij, ø o, ł l, đ d, þ th, İ ı i); apostrophes removed ("O'Brien" is
 * "obrien"); hyphens, dots, commas and other punctuation become a
 * space; runs of white space become one space; trimmed.  Letters of
 * other scripts are kept as written.  Particles are kept as
 * written: "van der Berg", "Vanderberg" and "van den Berg" stay three
 * different names (no special cases, so no surprises).
 */
char	*normalize_name(struct arena *, const char *utf8);

/*
 * A date as "YYYY-MM-DD" from "YYYY-MM-DD", "YYYYMMDD", or day first as
 * "DD-MM-YYYY", "DD/MM/YYYY", "DD.MM.YYYY" (day and month may have one
 * digit: "1-2-2003"; one separator throughout).  Years have four digits;
 * the date must exist (date_valid() in core/clock.h).
 */
char	*normalize_date(struct arena *, const char *);

/*
 * A BSN (citizen service number): the digits, with spaces, dots and
 * dashes removed; nine of them that pass the elfproef (9*d1 + 8*d2 + ...
 * + 2*d8 - d9 is a multiple of 11) and are not all zero.
 */
char	*normalize_id(struct arena *, const char *);
/* A V-number (vreemdelingennummer): ten digits, not all zero, same rules. */
char	*normalize_vnumber(struct arena *, const char *);

#endif

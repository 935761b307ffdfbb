#include "normalize.h"

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/clock.h"

/*
 * Folding tables for U+00A0..U+04FF (Latin-1, Latin Extended-A and -B,
 * IPA, spacing modifiers, combining marks, Greek, Cyrillic) and U+1E00..
 * U+1EFF (Latin Extended Additional: Vietnamese, Welsh and more).  Each
 * entry is what the code point becomes:
 *   ""     nothing (combining marks, modifier letters, soft hyphen, the
 *          spacing accents people type for an apostrophe)
 *   " "    a separator (symbols and punctuation)
 *   "="    itself (a lower-case letter with nothing to fold)
 *   other  these bytes: the lower-case letter's compatibility
 *          decomposition without its combining marks when that is ASCII,
 *          else the base letter its Unicode name gives ("LATIN SMALL
 *          LETTER B WITH HOOK" is b), else the lower-case letter without
 *          marks.  Set by hand: sharp s (both cases) ss, ae, oe, ij,
 *          o with stroke o, l with stroke l, d with stroke and eth d,
 *          thorn th, h with stroke h, dotless i i, kra k, t with stroke
 *          t, f with hook f, and final sigma is sigma.
 * Generated from the Unicode 14 character database; see the tests for
 * the letters that matter most.
 */
static const char fold_a0[0x500 - 0xA0][4] = {
	" ", " ", " ", " ", " ", " ", " ", " ",
	"", " ", " ", " ", " ", "", " ", "",
	" ", " ", " ", " ", "", " ", " ", " ",
	"", " ", " ", " ", " ", " ", " ", " ",
	/* U+00C0 */
	"a", "a", "a", "a", "a", "a", "ae", "c",
	"e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", " ",
	"o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c",
	"e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", " ",
	"o", "u", "u", "u", "u", "y", "th", "y",
	/* U+0100 */
	"a", "a", "a", "a", "a", "a", "c", "c",
	"c", "c", "c", "c", "c", "c", "d", "d",
	"d", "d", "e", "e", "e", "e", "e", "e",
	"e", "e", "e", "e", "g", "g", "g", "g",
	"g", "g", "g", "g", "h", "h", "h", "h",
	"i", "i", "i", "i", "i", "i", "i", "i",
	"i", "i", "ij", "ij", "j", "j", "k", "k",
	"k", "l", "l", "l", "l", "l", "l", "l",
	/* U+0140 */
	"l", "l", "l", "n", "n", "n", "n", "n",
	"n", "n", "\xc5\x8b", "=", "o", "o", "o", "o",
	"o", "o", "oe", "oe", "r", "r", "r", "r",
	"r", "r", "s", "s", "s", "s", "s", "s",
	"s", "s", "t", "t", "t", "t", "t", "t",
	"u", "u", "u", "u", "u", "u", "u", "u",
	"u", "u", "u", "u", "w", "w", "y", "y",
	"y", "z", "z", "z", "z", "z", "z", "s",
	/* U+0180 */
	"b", "b", "b", "b", "\xc6\x85", "=", "\xc9\x94", "c",
	"c", "d", "d", "d", "d", "=", "\xc7\x9d", "\xc9\x99",
	"\xc9\x9b", "f", "f", "g", "\xc9\xa3", "=", "\xc9\xa9", "i",
	"k", "k", "l", "=", "\xc9\xaf", "n", "n", "\xc9\xb5",
	"o", "o", "\xc6\xa3", "=", "p", "p", "\xca\x80", "\xc6\xa8",
	"=", "\xca\x83", "=", "t", "t", "t", "t", "u",
	"u", "\xca\x8a", "v", "y", "y", "z", "z", "\xca\x92",
	"\xc6\xb9", "=", "=", "=", "\xc6\xbd", "=", "=", "=",
	/* U+01C0 */
	"=", "=", "=", "=", "dz", "dz", "dz", "lj",
	"lj", "lj", "nj", "nj", "nj", "a", "a", "i",
	"i", "o", "o", "u", "u", "u", "u", "u",
	"u", "u", "u", "u", "u", "=", "a", "a",
	"a", "a", "ae", "ae", "g", "g", "g", "g",
	"k", "k", "o", "o", "o", "o", "\xca\x92", "\xca\x92",
	"j", "dz", "dz", "dz", "g", "g", "\xc6\x95", "\xc6\xbf",
	"n", "n", "a", "a", "ae", "ae", "o", "o",
	/* U+0200 */
	"a", "a", "a", "a", "e", "e", "e", "e",
	"i", "i", "i", "i", "o", "o", "o", "o",
	"r", "r", "r", "r", "u", "u", "u", "u",
	"s", "s", "t", "t", "\xc8\x9d", "=", "h", "h",
	"n", "d", "\xc8\xa3", "=", "z", "z", "a", "a",
	"e", "e", "o", "o", "o", "o", "o", "o",
	"o", "o", "y", "y", "l", "n", "t", "=",
	"db", "qp", "a", "c", "c", "l", "t", "s",
	/* U+0240 */
	"z", "\xc9\x82", "=", "b", "\xca\x89", "\xca\x8c", "e", "e",
	"j", "j", "q", "q", "r", "r", "y", "y",
	"=", "=", "=", "b", "=", "c", "d", "d",
	"=", "=", "=", "=", "=", "=", "=", "=",
	"g", "=", "=", "=", "=", "=", "h", "=",
	"i", "=", "=", "l", "l", "l", "=", "=",
	"=", "m", "n", "n", "=", "=", "=", "=",
	"=", "=", "=", "=", "r", "r", "r", "=",
	/* U+0280 */
	"=", "=", "s", "=", "=", "=", "=", "=",
	"t", "=", "=", "v", "=", "=", "=", "=",
	"z", "z", "=", "=", "=", "=", "=", "=",
	"=", "=", "=", "=", "=", "j", "=", "=",
	"q", "=", "=", "=", "=", "=", "=", "=",
	"=", "=", "=", "=", "=", "=", "=", "=",
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	/* U+02C0 */
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	/* U+0300 */
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	/* U+0340 */
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
	"\xcd\xb1", "=", "\xcd\xb3", "=", "", "", "\xcd\xb7", "=",
	" ", " ", "", "=", "=", "=", " ", "\xcf\xb3",
	/* U+0380 */
	" ", " ", " ", " ", "", "", "\xce\xb1", " ",
	"\xce\xb5", "\xce\xb7", "\xce\xb9", " ",
	"\xce\xbf", " ", "\xcf\x85", "\xcf\x89",
	"\xce\xb9", "\xce\xb1", "\xce\xb2", "\xce\xb3",
	"\xce\xb4", "\xce\xb5", "\xce\xb6", "\xce\xb7",
	"\xce\xb8", "\xce\xb9", "\xce\xba", "\xce\xbb",
	"\xce\xbc", "\xce\xbd", "\xce\xbe", "\xce\xbf",
	"\xcf\x80", "\xcf\x81", " ", "\xcf\x83",
	"\xcf\x84", "\xcf\x85", "\xcf\x86", "\xcf\x87",
	"\xcf\x88", "\xcf\x89", "\xce\xb9", "\xcf\x85",
	"\xce\xb1", "\xce\xb5", "\xce\xb7", "\xce\xb9",
	"\xcf\x85", "=", "=", "=", "=", "=", "=", "=",
	"=", "=", "=", "=", "=", "=", "=", "=",
	/* U+03C0 */
	"=", "=", "\xcf\x83", "=", "=", "=", "=", "=",
	"=", "=", "\xce\xb9", "\xcf\x85",
	"\xce\xbf", "\xcf\x85", "\xcf\x89", "\xcf\x97",
	"\xce\xb2", "\xce\xb8", "\xcf\x85", "\xcf\x85",
	"\xcf\x85", "\xcf\x86", "\xcf\x80", "=",
	"\xcf\x99", "=", "\xcf\x9b", "=", "\xcf\x9d", "=", "\xcf\x9f", "=",
	"\xcf\xa1", "=", "\xcf\xa3", "=", "\xcf\xa5", "=", "\xcf\xa7", "=",
	"\xcf\xa9", "=", "\xcf\xab", "=", "\xcf\xad", "=", "\xcf\xaf", "=",
	"\xce\xba", "\xcf\x81", "\xcf\x83", "=",
	"\xce\xb8", "\xce\xb5", " ", "\xcf\xb8",
	"=", "\xcf\x83", "\xcf\xbb", "=",
	"=", "\xcd\xbb", "\xcd\xbc", "\xcd\xbd",
	/* U+0400 */
	"\xd0\xb5", "\xd0\xb5", "\xd1\x92", "\xd0\xb3",
	"\xd1\x94", "\xd1\x95", "\xd1\x96", "\xd1\x96",
	"\xd1\x98", "\xd1\x99", "\xd1\x9a", "\xd1\x9b",
	"\xd0\xba", "\xd0\xb8", "\xd1\x83", "\xd1\x9f",
	"\xd0\xb0", "\xd0\xb1", "\xd0\xb2", "\xd0\xb3",
	"\xd0\xb4", "\xd0\xb5", "\xd0\xb6", "\xd0\xb7",
	"\xd0\xb8", "\xd0\xb8", "\xd0\xba", "\xd0\xbb",
	"\xd0\xbc", "\xd0\xbd", "\xd0\xbe", "\xd0\xbf",
	"\xd1\x80", "\xd1\x81", "\xd1\x82", "\xd1\x83",
	"\xd1\x84", "\xd1\x85", "\xd1\x86", "\xd1\x87",
	"\xd1\x88", "\xd1\x89", "\xd1\x8a", "\xd1\x8b",
	"\xd1\x8c", "\xd1\x8d", "\xd1\x8e", "\xd1\x8f",
	"=", "=", "=", "=", "=", "=", "=", "=",
	"=", "\xd0\xb8", "=", "=", "=", "=", "=", "=",
	/* U+0440 */
	"=", "=", "=", "=", "=", "=", "=", "=",
	"=", "=", "=", "=", "=", "=", "=", "=",
	"\xd0\xb5", "\xd0\xb5", "=", "\xd0\xb3", "=", "=", "=", "\xd1\x96",
	"=", "=", "=", "=", "\xd0\xba", "\xd0\xb8", "\xd1\x83", "=",
	"\xd1\xa1", "=", "\xd1\xa3", "=", "\xd1\xa5", "=", "\xd1\xa7", "=",
	"\xd1\xa9", "=", "\xd1\xab", "=", "\xd1\xad", "=", "\xd1\xaf", "=",
	"\xd1\xb1", "=", "\xd1\xb3", "=",
	"\xd1\xb5", "=", "\xd1\xb5", "\xd1\xb5",
	"\xd1\xb9", "=", "\xd1\xbb", "=", "\xd1\xbd", "=", "\xd1\xbf", "=",
	/* U+0480 */
	"\xd2\x81", "=", " ", "", "", "", "", "",
	"", "", "\xd2\x8b", "=", "\xd2\x8d", "=", "\xd2\x8f", "=",
	"\xd2\x91", "=", "\xd2\x93", "=", "\xd2\x95", "=", "\xd2\x97", "=",
	"\xd2\x99", "=", "\xd2\x9b", "=", "\xd2\x9d", "=", "\xd2\x9f", "=",
	"\xd2\xa1", "=", "\xd2\xa3", "=", "\xd2\xa5", "=", "\xd2\xa7", "=",
	"\xd2\xa9", "=", "\xd2\xab", "=", "\xd2\xad", "=", "\xd2\xaf", "=",
	"\xd2\xb1", "=", "\xd2\xb3", "=", "\xd2\xb5", "=", "\xd2\xb7", "=",
	"\xd2\xb9", "=", "\xd2\xbb", "=", "\xd2\xbd", "=", "\xd2\xbf", "=",
	/* U+04C0 */
	"\xd3\x8f", "\xd0\xb6", "\xd0\xb6", "\xd3\x84",
	"=", "\xd3\x86", "=", "\xd3\x88",
	"=", "\xd3\x8a", "=", "\xd3\x8c", "=", "\xd3\x8e", "=", "=",
	"\xd0\xb0", "\xd0\xb0", "\xd0\xb0", "\xd0\xb0",
	"\xd3\x95", "=", "\xd0\xb5", "\xd0\xb5",
	"\xd3\x99", "=", "\xd3\x99", "\xd3\x99",
	"\xd0\xb6", "\xd0\xb6", "\xd0\xb7", "\xd0\xb7",
	"\xd3\xa1", "=", "\xd0\xb8", "\xd0\xb8",
	"\xd0\xb8", "\xd0\xb8", "\xd0\xbe", "\xd0\xbe",
	"\xd3\xa9", "=", "\xd3\xa9", "\xd3\xa9",
	"\xd1\x8d", "\xd1\x8d", "\xd1\x83", "\xd1\x83",
	"\xd1\x83", "\xd1\x83", "\xd1\x83", "\xd1\x83",
	"\xd1\x87", "\xd1\x87", "\xd3\xb7", "=",
	"\xd1\x8b", "\xd1\x8b", "\xd3\xbb", "=",
	"\xd3\xbd", "=", "\xd3\xbf", "=",
};

static const char fold_1e00[0x1F00 - 0x1E00][4] = {
	/* U+1E00 */
	"a", "a", "b", "b", "b", "b", "b", "b",
	"c", "c", "d", "d", "d", "d", "d", "d",
	"d", "d", "d", "d", "e", "e", "e", "e",
	"e", "e", "e", "e", "e", "e", "f", "f",
	"g", "g", "h", "h", "h", "h", "h", "h",
	"h", "h", "h", "h", "i", "i", "i", "i",
	"k", "k", "k", "k", "k", "k", "l", "l",
	"l", "l", "l", "l", "l", "l", "m", "m",
	/* U+1E40 */
	"m", "m", "m", "m", "n", "n", "n", "n",
	"n", "n", "n", "n", "o", "o", "o", "o",
	"o", "o", "o", "o", "p", "p", "p", "p",
	"r", "r", "r", "r", "r", "r", "r", "r",
	"s", "s", "s", "s", "s", "s", "s", "s",
	"s", "s", "t", "t", "t", "t", "t", "t",
	"t", "t", "u", "u", "u", "u", "u", "u",
	"u", "u", "u", "u", "v", "v", "v", "v",
	/* U+1E80 */
	"w", "w", "w", "w", "w", "w", "w", "w",
	"w", "w", "x", "x", "x", "x", "y", "y",
	"z", "z", "z", "z", "z", "z", "h", "t",
	"w", "y", "a", "s", "=", "=", "ss", "=",
	"a", "a", "a", "a", "a", "a", "a", "a",
	"a", "a", "a", "a", "a", "a", "a", "a",
	"a", "a", "a", "a", "a", "a", "a", "a",
	"e", "e", "e", "e", "e", "e", "e", "e",
	/* U+1EC0 */
	"e", "e", "e", "e", "e", "e", "e", "e",
	"i", "i", "i", "i", "o", "o", "o", "o",
	"o", "o", "o", "o", "o", "o", "o", "o",
	"o", "o", "o", "o", "o", "o", "o", "o",
	"o", "o", "o", "o", "u", "u", "u", "u",
	"u", "u", "u", "u", "u", "u", "u", "u",
	"u", "u", "y", "y", "y", "y", "y", "y",
	"y", "y", "\xe1\xbb\xbb", "=", "\xe1\xbb\xbd", "=", "y", "y",
};

/*
 * The code point at s, at most n bytes, and its length in *len; -1 when
 * the sequence is malformed (overlong, surrogate, past U+10FFFF, cut
 * short).
 */
static int32_t
utf8_next(const unsigned char *s, size_t n, size_t *len)
{
	uint32_t cp;
	size_t i;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		*len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		*len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		*len = 4;
		cp = s[0] & 0x07;
	} else
		return -1;
	if (n < *len)
		return -1;
	for (i = 1; i < *len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((*len == 3 && cp < 0x800) || (*len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return -1;
	return (int32_t)cp;
}

/* What happens to one code point. */
enum fold {
	FOLD_DROP,		/* leaves nothing */
	FOLD_SPACE,		/* separates words */
	FOLD_KEEP,		/* copied as it is */
	FOLD_TEXT,		/* replaced by *text */
	FOLD_BAD,		/* control character: no name */
};

/* ASCII; tmp holds a lower-cased letter or digit for *text. */
static enum fold
fold_ascii(int32_t c, const char **text, char *tmp)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z')) {
		tmp[0] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
		tmp[1] = '\0';
		*text = tmp;
		return FOLD_TEXT;
	}
	if (c == '\'' || c == '`')
		return FOLD_DROP;
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return FOLD_SPACE;
	if (c < 0x20 || c == 0x7f)
		return FOLD_BAD;
	return FOLD_SPACE;
}

static enum fold
fold_table(const char *e, const char **text)
{
	if (e[0] == '\0')
		return FOLD_DROP;
	if (e[0] == ' ')
		return FOLD_SPACE;
	if (e[0] == '=')
		return FOLD_KEEP;
	*text = e;
	return FOLD_TEXT;
}

static enum fold
fold(int32_t c, const char **text, char *tmp)
{
	if (c < 0x80)
		return fold_ascii(c, text, tmp);
	if (c < 0xa0)
		return FOLD_BAD;		/* C1 controls */
	if (c < 0x500)
		return fold_table(fold_a0[c - 0xa0], text);
	if (c >= 0x1e00 && c < 0x1f00)
		return fold_table(fold_1e00[c - 0x1e00], text);
	/* Fullwidth ASCII, as East Asian input methods type it. */
	if (c >= 0xff01 && c <= 0xff5e)
		return fold_ascii(c - 0xfee0, text, tmp);
	/* Apostrophes and primes. */
	if (c == 0x2018 || c == 0x2019 || c == 0x201a || c == 0x201b ||
	    c == 0x2032)
		return FOLD_DROP;
	/* Invisible: zero-width, direction marks, word joiner, BOM. */
	if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2060 && c <= 0x206f) || c == 0xfeff)
		return FOLD_DROP;
	/* Combining marks outside U+0300..U+036F; variation selectors. */
	if ((c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) ||
	    (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe00 && c <= 0xfe0f) ||
	    (c >= 0xfe20 && c <= 0xfe2f))
		return FOLD_DROP;
	/* Spaces, dashes, quotes and the rest of General Punctuation. */
	if ((c >= 0x2000 && c <= 0x205f) || c == 0x3000)
		return FOLD_SPACE;
	/* Other scripts are kept as written; their case is not folded. */
	return FOLD_KEEP;
}

/* Append text to out at *o, after the space a separator left pending. */
static void
emit(char *out, size_t *o, bool *space, const char *text, size_t len)
{
	if (*space)
		out[(*o)++] = ' ';
	*space = false;
	memcpy(out + *o, text, len);
	*o += len;
}

char *
normalize_name(struct arena *a, const char *utf8)
{
	const unsigned char *s = (const unsigned char *)utf8;
	const char *text = NULL;
	size_t n, len, i, o = 0;
	bool space = false;
	char *out, tmp[2];
	int32_t c;

	if (utf8 == NULL)
		return NULL;
	n = strlen(utf8);
	/*
	 * No rule makes the text longer: a separator's space replaces at
	 * least one byte, and no code point folds to more bytes than its
	 * own encoding has.
	 */
	out = arena_alloc(a, n + 1);
	for (i = 0; i < n; i += len) {
		c = utf8_next(s + i, n - i, &len);
		if (c == -1)
			return NULL;
		switch (fold(c, &text, tmp)) {
		case FOLD_BAD:
			return NULL;
		case FOLD_DROP:
			break;
		case FOLD_SPACE:
			space = o > 0;
			break;
		case FOLD_KEEP:
			emit(out, &o, &space, utf8 + i, len);
			break;
		case FOLD_TEXT:
			emit(out, &o, &space, text, strlen(text));
			break;
		}
		assert(o <= i + len);
	}
	return o > 0 ? out : NULL;
}

/* The decimal number in s[0..n), which holds only digits. */
static int
number(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

char *
normalize_date(struct arena *a, const char *in)
{
	const char *s, *g[3];
	size_t n, len[3], k;
	char sep = 0;
	int y, m, d;

	if (in == NULL)
		return NULL;
	s = in;
	n = strlen(s);
	while (n > 0 && s[0] == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	/* Up to three groups of digits with one separator between them. */
	for (k = 0; k < 3; k++) {
		g[k] = s;
		len[k] = strspn(s, "0123456789");
		if (len[k] == 0 || len[k] > 8)
			return NULL;
		s += len[k];
		n -= len[k];
		if (n == 0 || k == 2)
			break;
		if (*s != '-' && *s != '/' && *s != '.')
			return NULL;
		if (sep != 0 && *s != sep)
			return NULL;
		sep = *s++;
		n--;
	}
	if (n != 0)
		return NULL;
	if (k == 0 && len[0] == 8) {
		y = number(g[0], 4);
		m = number(g[0] + 4, 2);
		d = number(g[0] + 6, 2);
	} else if (k == 2 && len[0] == 4 && len[1] <= 2 && len[2] <= 2) {
		y = number(g[0], 4);
		m = number(g[1], len[1]);
		d = number(g[2], len[2]);
	} else if (k == 2 && len[0] <= 2 && len[1] <= 2 && len[2] == 4) {
		d = number(g[0], len[0]);
		m = number(g[1], len[1]);
		y = number(g[2], 4);
	} else
		return NULL;
	if (!date_valid(y, m, d))
		return NULL;
	return arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

/*
 * The digits of s without spaces, dots and dashes, when there are exactly
 * want of them and they are not all zero (a placeholder, never a number);
 * NULL when anything else is in s.
 */
static char *
digits(struct arena *a, const char *s, size_t want)
{
	char buf[16];
	size_t n = 0;
	bool zero = true;

	if (s == NULL)
		return NULL;
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '.' || *s == '-')
			continue;
		if (*s < '0' || *s > '9' || n == want)
			return NULL;
		zero = zero && *s == '0';
		buf[n++] = *s;
	}
	if (n != want || zero)
		return NULL;
	return arena_strndup(a, buf, n);
}

char *
normalize_id(struct arena *a, const char *s)
{
	char *bsn = digits(a, s, 9);
	int sum = 0, i;

	if (bsn == NULL)
		return NULL;
	/* The elfproef: weights 9 down to 2, and -1 for the last digit. */
	for (i = 0; i < 8; i++)
		sum += (9 - i) * (bsn[i] - '0');
	sum -= bsn[8] - '0';
	return sum % 11 == 0 ? bsn : NULL;
}

char *
normalize_vnumber(struct arena *a, const char *s)
{
	return digits(a, s, 10);
}

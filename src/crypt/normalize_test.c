/* Unit tests for normalize: names, dates, BSN and V-numbers. */
#include "core/testing.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "crypt/normalize.h"

#define test_fail(...) do {						\
	print_error(__VA_ARGS__);					\
	print_error("\n");						\
	_fail(__FILE__, __LINE__);					\
} while (0)

static int
setup(void **state)
{
	*state = arena_new();
	return 0;
}

static int
teardown(void **state)
{
	arena_free(*state);
	return 0;
}

struct pair {
	const char	*in;
	const char	*want;		/* NULL: refused */
};

static void
check(struct arena *a, char *(*fn)(struct arena *, const char *),
    const struct pair *p, size_t n)
{
	const char *got;
	size_t i;

	for (i = 0; i < n; i++) {
		got = fn(a, p[i].in);
		if (p[i].want == NULL && got != NULL)
			test_fail("'%s' gave '%s', want NULL", p[i].in, got);
		if (p[i].want != NULL &&
		    (got == NULL || strcmp(got, p[i].want) != 0))
			test_fail("'%s' gave '%s', want '%s'", p[i].in,
			    got != NULL ? got : "(NULL)", p[i].want);
	}
}

#define CHECK(a, fn, tab) check((a), (fn), (tab), sizeof(tab) / sizeof(tab[0]))

static bool
same_name(struct arena *a, const char *x, const char *y)
{
	const char *nx = normalize_name(a, x), *ny = normalize_name(a, y);

	return nx != NULL && ny != NULL && strcmp(nx, ny) == 0;
}

static void
test_name_case_and_spaces(void **state)
{
	static const struct pair tab[] = {
		{ "Jan-Willem de Vries", "jan willem de vries" },
		{ "JAN-WILLEM DE VRIES", "jan willem de vries" },
		{ "  jan   willem\tde\r\nvries  ", "jan willem de vries" },
		{ "J.W. de Vries", "j w de vries" },
		{ "J. W. de Vries", "j w de vries" },
		{ "Vries, de", "vries de" },
		{ "de Vries (Jan)", "de vries jan" },
		{ "Jan 2e", "jan 2e" },
		{ "a", "a" },
	};

	CHECK(*state, normalize_name, tab);
	assert_true(same_name(*state, "Jan-Willem de Vries",
	    "jan willem de vries"));
	assert_false(same_name(*state, "Jan-Willem de Vries",
	    "janwillem de vries"));
}

static void
test_name_accents(void **state)
{
	static const struct pair tab[] = {
		{ "M\xc3\xbcller", "muller" },			/* Müller */
		{ "M\xc3\x9cLLER", "muller" },			/* MÜLLER */
		{ "Mu\xcc\x88ller", "muller" },			/* NFD */
		{ "Stra\xc3\x9f" "e", "strasse" },		/* ß */
		{ "STRA\xe1\xba\x9e" "E", "strasse" },		/* ẞ */
		{ "Ren\xc3\xa9" "e Fran\xc3\xa7ois", "renee francois" },
		{ "\xc3\x86sa \xc3\x98" "berg \xc3\x85" "se",
		    "aesa oberg ase" },
		{ "\xc5\x81ukasz Wa\xc5\x82\xc4\x99sa", "lukasz walesa" },
		{ "Mu\xc3\xb1oz", "munoz" },
		/* Turkish dotted capital I, s with cedilla, dotless i. */
		{ "\xc4\xb0pek I\xc5\x9f\xc4\xb1k", "ipek isik" },
		/* Romanian comma below and the cedilla forms people type. */
		{ "\xc8\x98tefan \xc8\x9aurcanu", "stefan turcanu" },
		{ "\xc5\x9etefan \xc5\xa2urcanu", "stefan turcanu" },
		{ "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xc6\xb0\xc6\xa1ng",
		    "nguyen thi huong" },			/* Vietnamese */
		{ "\xc4\x90\xe1\xba\xb7ng", "dang" },		/* Đặng */
		{ "\xc5\x92" "dipe", "oedipe" },		/* Œ */
		{ "\xc4\xb2sselmeer", "ijsselmeer" },		/* Ĳ */
		{ "IJsselmeer", "ijsselmeer" },
		{ "\xc3\x9e\xc3\xb3r \xc3\x90" "or", "thor dor" },
		{ "\xc4\x90or\xc4\x91" "e", "dorde" },
		{ "Dvo\xc5\x99\xc3\xa1k", "dvorak" },
		{ "Sm\xc3\xa5" "land \xc3\xbf", "smaland y" },
	};

	CHECK(*state, normalize_name, tab);
	assert_true(same_name(*state, "M\xc3\xbcller", "muller"));
	/* Folding, not transliteration: Mueller stays Mueller. */
	assert_false(same_name(*state, "M\xc3\xbcller", "Mueller"));
}

static void
test_name_punctuation(void **state)
{
	static const struct pair tab[] = {
		{ "O'Brien", "obrien" },
		{ "O\xe2\x80\x99" "Brien", "obrien" },		/* ’ */
		{ "O\xca\xbc" "Brien", "obrien" },		/* ʼ */
		{ "O\xc2\xb4" "Brien", "obrien" },		/* ´ */
		{ "O`Brien", "obrien" },
		{ "'t Hart", "t hart" },
		{ "Jan\xc2\xa0" "de\xe2\x80\x94Vries", "jan de vries" },
		{ "Jan\xe2\x80\x90Willem", "jan willem" },	/* ‐ */
		{ "Ja\xe2\x80\x8bn", "jan" },			/* zero width */
		{ "Jan\xc2\xad" "sen", "jansen" },	/* soft hyphen */
		/* Fullwidth JAN. */
		{ "\xef\xbc\xaa\xef\xbd\x81\xef\xbd\x8e", "jan" },
		{ "\xef\xbb\xbfJan", "jan" },			/* BOM */
	};

	CHECK(*state, normalize_name, tab);
}

static void
test_name_particles(void **state)
{
	struct arena *a = *state;

	assert_true(same_name(a, "Van Der Berg", "van der berg"));
	assert_true(same_name(a, "van der Berg", "van  der-Berg"));
	assert_false(same_name(a, "van der Berg", "vanderberg"));
	assert_false(same_name(a, "van der Berg", "van den Berg"));
	assert_false(same_name(a, "van der Berg", "Berg"));
	assert_string_equal(normalize_name(a, "Vanderberg"), "vanderberg");
}

static void
test_name_other_scripts(void **state)
{
	static const struct pair tab[] = {
		/* Greek: case and accents fold, final sigma is sigma. */
		{ "\xce\xa3\xce\xa9\xce\x9a\xce\xa1\xce\x86\xce\xa4\xce\x97"
		    "\xce\xa3", "\xcf\x83\xcf\x89\xce\xba\xcf\x81\xce\xb1\xcf"
		    "\x84\xce\xb7\xcf\x83" },
		{ "\xce\xa3\xcf\x89\xce\xba\xcf\x81\xce\xac\xcf\x84\xce\xb7"
		    "\xcf\x82", "\xcf\x83\xcf\x89\xce\xba\xcf\x81\xce\xb1\xcf"
		    "\x84\xce\xb7\xcf\x83" },
		/* Cyrillic: ИВАНОВ and Иванов; Ё is Е. */
		{ "\xd0\x98\xd0\x92\xd0\x90\xd0\x9d\xd0\x9e\xd0\x92",
		    "\xd0\xb8\xd0\xb2\xd0\xb0\xd0\xbd\xd0\xbe\xd0\xb2" },
		{ "\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd\xd0\xbe\xd0\xb2",
		    "\xd0\xb8\xd0\xb2\xd0\xb0\xd0\xbd\xd0\xbe\xd0\xb2" },
		{ "\xd0\x81\xd0\xbb\xd0\xba\xd0\xb8\xd0\xbd",
		    "\xd0\xb5\xd0\xbb\xd0\xba\xd0\xb8\xd0\xbd" },
		{ "\xd2\x90", "\xd2\x91" },			/* Ґ ґ */
		/* Scripts without case are kept as written. */
		{ "\xe7\x8e\x8b  \xe5\xb0\x8f\xe6\x98\x8e",
		    "\xe7\x8e\x8b \xe5\xb0\x8f\xe6\x98\x8e" },
		{ "\xd8\xb9\xd9\x84\xd9\x8a", "\xd8\xb9\xd9\x84\xd9\x8a" },
		/* A lower-case letter with nothing to fold: ə, ŋ. */
		{ "\xc6\x8f\xc5\x8a", "\xc9\x99\xc5\x8b" },
	};

	CHECK(*state, normalize_name, tab);
}

static void
test_name_refused(void **state)
{
	static const struct pair tab[] = {
		{ "", NULL },
		{ "   ", NULL },
		{ "-'., ", NULL },
		{ "\xcc\x81\xcc\x88", NULL },		/* marks only */
		{ "Jan\xc3", NULL },			/* cut short */
		{ "\xc0\xaf", NULL },			/* overlong */
		{ "\xe0\x80\xaf", NULL },		/* overlong */
		{ "\xed\xa0\x80", NULL },		/* surrogate */
		{ "\xf4\x90\x80\x80", NULL },		/* past U+10FFFF */
		{ "\xff", NULL },
		{ "Jan\x01", NULL },			/* control */
		{ "Jan\x7f", NULL },
		{ "Jan\xc2\x85", NULL },		/* C1 control */
	};

	CHECK(*state, normalize_name, tab);
	assert_null(normalize_name(*state, NULL));
}

static bool
utf8_valid(const unsigned char *s)
{
	size_t n, i;

	while (*s != '\0') {
		n = s[0] < 0x80 ? 1 : s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
		for (i = 1; i < n; i++)
			if ((s[i] & 0xc0) != 0x80)
				return false;
		s += n;
	}
	return true;
}

/*
 * Every code point alone: the result is NULL or valid UTF-8 without
 * upper-case ASCII, never longer than the input, and stable (normalising
 * it again changes nothing).
 */
static void
test_name_every_code_point(void **state)
{
	struct arena *a = *state;
	unsigned char in[5];
	const char *out, *again;
	uint32_t c;
	size_t n, i;

	for (c = 0x20; c < 0x30000; c++) {
		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		if (c < 0x80) {
			in[0] = (unsigned char)c;
			n = 1;
		} else if (c < 0x800) {
			in[0] = (unsigned char)(0xc0 | c >> 6);
			in[1] = (unsigned char)(0x80 | (c & 0x3f));
			n = 2;
		} else if (c < 0x10000) {
			in[0] = (unsigned char)(0xe0 | c >> 12);
			in[1] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
			in[2] = (unsigned char)(0x80 | (c & 0x3f));
			n = 3;
		} else {
			in[0] = (unsigned char)(0xf0 | c >> 18);
			in[1] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
			in[2] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
			in[3] = (unsigned char)(0x80 | (c & 0x3f));
			n = 4;
		}
		in[n] = '\0';
		out = normalize_name(a, (const char *)in);
		if (out == NULL)
			continue;
		if (strlen(out) > n || !utf8_valid((const unsigned char *)out))
			test_fail("U+%04X gave a bad result", (unsigned)c);
		for (i = 0; out[i] != '\0'; i++)
			if (out[i] >= 'A' && out[i] <= 'Z')
				test_fail("U+%04X kept upper case",
				    (unsigned)c);
		again = normalize_name(a, out);
		if (again == NULL || strcmp(again, out) != 0)
			test_fail("U+%04X is not stable", (unsigned)c);
		if ((c & 0xfff) == 0) {
			arena_free(a);
			a = arena_new();
			*state = a;
		}
	}
}

static void
test_date(void **state)
{
	static const struct pair tab[] = {
		{ "2003-02-01", "2003-02-01" },
		{ "01-02-2003", "2003-02-01" },
		{ "01/02/2003", "2003-02-01" },
		{ "01.02.2003", "2003-02-01" },
		{ "1-2-2003", "2003-02-01" },
		{ "1/2/2003", "2003-02-01" },
		{ "1.2.2003", "2003-02-01" },
		{ "20030201", "2003-02-01" },
		{ " 01-02-2003 ", "2003-02-01" },
		{ "31-12-1999", "1999-12-31" },
		{ "2024-02-29", "2024-02-29" },
		{ "29-02-2024", "2024-02-29" },
		{ "2000-02-29", "2000-02-29" },
		/* Impossible dates. */
		{ "2023-02-29", NULL },
		{ "29-02-2023", NULL },
		{ "20230229", NULL },
		{ "1900-02-29", NULL },
		{ "31-04-2024", NULL },
		{ "00-01-2024", NULL },
		{ "2024-13-01", NULL },
		{ "2024-00-10", NULL },
		{ "1899-12-31", NULL },
		/* Not a date format we take. */
		{ "", NULL },
		{ "  ", NULL },
		{ "01-02/2003", NULL },
		{ "01-02-03", NULL },
		{ "2003 02 01", NULL },
		{ "2003--02-01", NULL },
		{ "2003-02-01x", NULL },
		{ "2003-02-01T00:00", NULL },
		{ "2003-02", NULL },
		{ "1-2-3-2004", NULL },
		{ "003-02-01", NULL },
		{ "0001-02-2003", NULL },
		{ "2003-001-02", NULL },
		{ "2003020", NULL },
		{ "200302011", NULL },
		{ "-01-02-2003", NULL },
		{ "01-02-2003-", NULL },
		{ "\xd9\xa1-2-2003", NULL },
	};

	CHECK(*state, normalize_date, tab);
	assert_null(normalize_date(*state, NULL));
}

static void
test_bsn(void **state)
{
	static const struct pair tab[] = {
		{ "111222333", "111222333" },
		{ "123456782", "123456782" },
		{ "999999990", "999999990" },
		{ "123456789", NULL },
		{ "111 222 333", "111222333" },
		{ "1112.22.333", "111222333" },
		{ "111-222-333", "111222333" },
		{ " 123 456 782 ", "123456782" },
		{ "11122233", NULL },
		{ "1112223330", NULL },
		{ "000000000", NULL },
		{ "11122233a", NULL },
		{ "111/222/333", NULL },
		{ "111\t222\t333", NULL },
		{ "", NULL },
		{ "---", NULL },
	};
	char num[10];
	int i, d;

	CHECK(*state, normalize_id, tab);
	assert_null(normalize_id(*state, NULL));
	/* The elfproef catches any single wrong digit. */
	for (i = 0; i < 9; i++) {
		for (d = 0; d <= 9; d++) {
			memcpy(num, "123456782", sizeof(num));
			if (num[i] == '0' + d)
				continue;
			num[i] = (char)('0' + d);
			if (normalize_id(*state, num) != NULL)
				test_fail("'%s' passed the elfproef", num);
		}
	}
}

static void
test_vnumber(void **state)
{
	static const struct pair tab[] = {
		{ "1234567890", "1234567890" },
		{ "12.345.678-90", "1234567890" },
		{ "12 3456 7890", "1234567890" },
		{ "123456789", NULL },
		{ "12345678901", NULL },
		{ "0000000000", NULL },
		{ "V1234567890", NULL },
		{ "", NULL },
	};

	CHECK(*state, normalize_vnumber, tab);
	assert_null(normalize_vnumber(*state, NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_name_case_and_spaces,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_name_accents, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_name_punctuation, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_name_particles, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_name_other_scripts,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_name_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_name_every_code_point,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_date, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bsn, setup, teardown),
		cmocka_unit_test_setup_teardown(test_vnumber, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Unit tests for TOTP (RFC 6238, RFC 4226, RFC 4648) and for roles. */
#include "core/testing.h"

#include <stdio.h>
#include <string.h>

#include "auth/role.h"
#include "auth/totp.h"
#include "core/arena.h"

static const unsigned char seed20[] = "12345678901234567890";
static const unsigned char seed32[] = "12345678901234567890123456789012";
static const unsigned char seed64[] =
    "1234567890123456789012345678901234567890123456789012345678901234";

/* RFC 6238 Appendix B. */
static void
test_rfc6238_vectors(void **state)
{
	static const struct {
		int64_t		 t;
		uint32_t	 sha1, sha256, sha512;
	} v[] = {
		{ 59, 94287082, 46119246, 90693936 },
		{ 1111111109, 7081804, 68084774, 25091201 },
		{ 1111111111, 14050471, 67062674, 99943326 },
		{ 1234567890, 89005924, 91819424, 93441116 },
		{ 2000000000, 69279037, 90698825, 38618901 },
		{ 20000000000, 65353130, 77737706, 47863826 },
	};
	uint32_t code;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		code = 0;
		assert_int_equal(totp_code(seed20, 20, v[i].t, 8, TOTP_SHA1,
		    &code), 0);
		assert_int_equal(code, v[i].sha1);
		assert_int_equal(totp_code(seed32, 32, v[i].t, 8, TOTP_SHA256,
		    &code), 0);
		assert_int_equal(code, v[i].sha256);
		assert_int_equal(totp_code(seed64, 64, v[i].t, 8, TOTP_SHA512,
		    &code), 0);
		assert_int_equal(code, v[i].sha512);
	}
}

/* RFC 4226 Appendix D: HOTP counters 0..9 are TOTP steps 0..9. */
static void
test_rfc4226_vectors(void **state)
{
	static const uint32_t want[] = { 755224, 287082, 359152, 969429,
	    338314, 254676, 287922, 162583, 399871, 520489 };
	uint32_t code;
	int64_t i;

	(void)state;
	for (i = 0; i < 10; i++) {
		assert_int_equal(totp_code(seed20, 20, i * 30 + 29, 6,
		    TOTP_SHA1, &code), 0);
		assert_int_equal(code, want[i]);
	}
}

static void
test_code_rejects_bad_arguments(void **state)
{
	uint32_t code;

	(void)state;
	assert_int_equal(totp_code(seed20, 20, -1, 6, TOTP_SHA1, &code), -1);
	assert_int_equal(totp_code(seed20, 20, 59, 5, TOTP_SHA1, &code), -1);
	assert_int_equal(totp_code(seed20, 20, 59, 9, TOTP_SHA1, &code), -1);
	assert_int_equal(totp_code(seed20, 20, 59, 6, 0, &code), -1);
	assert_int_equal(totp_code(seed20, 20, 59, 6, 4, &code), -1);
	assert_int_equal(totp_code(seed20, 0, 59, 6, TOTP_SHA1, &code), -1);
	assert_int_equal(totp_code(NULL, 20, 59, 6, TOTP_SHA1, &code), -1);
}

/* RFC 4648 section 10, without the padding. */
static void
test_base32_rfc4648(void **state)
{
	static const char *const in[] = { "", "f", "fo", "foo", "foob",
	    "fooba", "foobar" };
	static const char *const out[] = { "", "MY", "MZXQ", "MZXW6",
	    "MZXW6YQ", "MZXW6YTB", "MZXW6YTBOI" };
	static const char *const padded[] = { "", "MY======", "MZXQ====",
	    "MZXW6===", "MZXW6YQ=", "MZXW6YTB", "MZXW6YTBOI======" };
	struct arena *a = arena_new();
	unsigned char dec[16];
	size_t i, n;

	(void)state;
	for (i = 0; i < 7; i++) {
		assert_string_equal(totp_base32(a, (const unsigned char *)in[i],
		    strlen(in[i])), out[i]);
		assert_int_equal(totp_base32_decode(out[i], dec, sizeof(dec),
		    &n), 0);
		assert_int_equal(n, strlen(in[i]));
		assert_memory_equal(dec, in[i], n);
		assert_int_equal(totp_base32_decode(padded[i], dec,
		    sizeof(dec), &n), 0);
		assert_int_equal(n, strlen(in[i]));
		assert_memory_equal(dec, in[i], n);
	}
	assert_string_equal(totp_base32(a, seed20, 20),
	    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	/* Lowercase and grouped with spaces, as apps show it. */
	assert_int_equal(totp_base32_decode("mzxw 6ytb oi", dec, sizeof(dec),
	    &n), 0);
	assert_int_equal(n, 6);
	assert_memory_equal(dec, "foobar", 6);
	arena_free(a);
}

static void
test_base32_round_trip_and_rejects(void **state)
{
	struct arena *a = arena_new();
	unsigned char bytes[64], dec[64];
	size_t len, n, i;

	(void)state;
	for (i = 0; i < sizeof(bytes); i++)
		bytes[i] = (unsigned char)(i * 37 + 11);
	for (len = 0; len <= sizeof(bytes); len++) {
		n = 999;
		assert_int_equal(totp_base32_decode(totp_base32(a, bytes, len),
		    dec, sizeof(dec), &n), 0);
		assert_int_equal(n, len);
		assert_memory_equal(dec, bytes, len);
	}
	/* Lengths no encoder writes, bad characters, text after padding,
	 * stray low bits, and output that does not fit. */
	assert_int_equal(totp_base32_decode("M", dec, sizeof(dec), &n), -1);
	assert_int_equal(totp_base32_decode("MZX", dec, sizeof(dec), &n), -1);
	assert_int_equal(totp_base32_decode("MZXW6Y", dec, sizeof(dec), &n),
	    -1);
	assert_int_equal(totp_base32_decode("MZ1Q", dec, sizeof(dec), &n), -1);
	assert_int_equal(totp_base32_decode("MY=A", dec, sizeof(dec), &n), -1);
	assert_int_equal(totp_base32_decode("MZ", dec, sizeof(dec), &n), -1);
	assert_int_equal(totp_base32_decode("MZXW6YTBOI", dec, 5, &n), -1);
	assert_int_equal(totp_base32_decode("MZXW6YTBOI", dec, 6, &n), 0);
	assert_int_equal(n, 6);
	arena_free(a);
}

static void
test_uri(void **state)
{
	struct arena *a = arena_new();
	const char *u;

	(void)state;
	u = totp_uri(a, "Schakel Test", "anna@example.nl", seed20, 20);
	assert_string_equal(u, "otpauth://totp/Schakel%20Test:"
	    "anna%40example.nl?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	    "&issuer=Schakel%20Test&algorithm=SHA1&digits=6&period=30");
	/* A colon or ampersand in a name cannot break the label or query. */
	u = totp_uri(a, "a:b&c", "x y~Z-0_9.", seed20, 20);
	assert_non_null(strstr(u, "/a%3Ab%26c:x%20y~Z-0_9.?"));
	assert_non_null(strstr(u, "&issuer=a%3Ab%26c&"));
	u = totp_uri(a, NULL, "anna", seed20, 20);
	assert_string_equal(u, "otpauth://totp/anna?secret="
	    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	    "&algorithm=SHA1&digits=6&period=30");
	arena_free(a);
}

static void
test_secret_new_is_random(void **state)
{
	unsigned char s1[TOTP_SECRET_LEN], s2[TOTP_SECRET_LEN];
	unsigned char zero[TOTP_SECRET_LEN] = { 0 };

	(void)state;
	totp_secret_new(s1);
	totp_secret_new(s2);
	assert_memory_not_equal(s1, s2, TOTP_SECRET_LEN);
	assert_memory_not_equal(s1, zero, TOTP_SECRET_LEN);
}

/* The 6-digit code for the step containing t. */
static void
code_at(int64_t t, char out[7])
{
	uint32_t c;

	assert_int_equal(totp_code(seed20, 20, t, 6, TOTP_SHA1, &c), 0);
	snprintf(out, 7, "%06u", (unsigned)c);
}

static void
test_verify_window(void **state)
{
	const int64_t t = 1111111111, step = t / 30;
	char now[7], prev[7], next[7], old[7], late[7];

	(void)state;
	code_at(t, now);
	code_at(t - 30, prev);
	code_at(t + 30, next);
	code_at(t - 60, old);
	code_at(t + 60, late);
	assert_string_equal(now, "050471");	/* RFC 6238, last 6 digits */
	assert_int_equal(totp_verify(seed20, 20, now, t, -1), step);
	assert_int_equal(totp_verify(seed20, 20, prev, t, -1), step - 1);
	assert_int_equal(totp_verify(seed20, 20, next, t, -1), step + 1);
	assert_int_equal(totp_verify(seed20, 20, old, t, -1), -1);
	assert_int_equal(totp_verify(seed20, 20, late, t, -1), -1);
	/* The wrong secret. */
	assert_int_equal(totp_verify(seed32, 32, now, t, -1), -1);
	/* Near the epoch there is no step before 0. */
	assert_int_equal(totp_verify(seed20, 20, "755224", 5, -1), 0);
	assert_int_equal(totp_verify(seed20, 20, "287082", 5, -1), 1);
	assert_int_equal(totp_verify(seed20, 20, "755224", -1, -1), -1);
}

static void
test_verify_rejects_replay(void **state)
{
	const int64_t t = 1111111111, step = t / 30;
	char now[7], prev[7], next[7];
	int64_t used;

	(void)state;
	code_at(t, now);
	code_at(t - 30, prev);
	code_at(t + 30, next);
	used = totp_verify(seed20, 20, now, t, -1);
	assert_int_equal(used, step);
	/* The same code again, even ten seconds later, is refused. */
	assert_int_equal(totp_verify(seed20, 20, now, t, used), -1);
	assert_int_equal(totp_verify(seed20, 20, now, t + 10, used), -1);
	/* So is the code of an earlier step that is still in the window. */
	assert_int_equal(totp_verify(seed20, 20, prev, t, used), -1);
	/* A later step is fine. */
	assert_int_equal(totp_verify(seed20, 20, next, t, used), step + 1);
}

static void
test_verify_rejects_malformed(void **state)
{
	static const char *const bad[] = { "", "05047", "0504711", "05047a",
	    " 050471", "050471 ", "05 471", "-50471", "+50471", "０50471" };
	const int64_t t = 1111111111;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(totp_verify(seed20, 20, bad[i], t, -1), -1);
	assert_int_equal(totp_verify(seed20, 20, NULL, t, -1), -1);
	assert_int_equal(totp_verify(NULL, 20, "050471", t, -1), -1);
	assert_int_equal(totp_verify(seed20, 0, "050471", t, -1), -1);
}

static void
test_roles(void **state)
{
	int r;

	(void)state;
	for (r = ROLE_NONE; r < ROLE__COUNT; r++)
		assert_int_equal(role_from_name(role_name((enum role)r)), r);
	assert_string_equal(role_name(ROLE_REPORTER), "reporter");
	assert_string_equal(role_name(ROLE_RAPPORTEUR), "rapporteur");
	assert_string_equal(role_name(ROLE_ADMIN), "admin");
	assert_string_equal(role_name(ROLE_NONE), "none");
	assert_string_equal(role_name(ROLE__COUNT), "none");
	assert_string_equal(role_name((enum role)-1), "none");
	assert_int_equal(role_from_name("Admin"), ROLE_NONE);
	assert_int_equal(role_from_name("admin "), ROLE_NONE);
	assert_int_equal(role_from_name(""), ROLE_NONE);
	assert_int_equal(role_from_name(NULL), ROLE_NONE);

	assert_true(role_sees_personal_data(ROLE_REPORTER));
	assert_true(role_sees_personal_data(ROLE_ADVISOR));
	assert_true(role_sees_personal_data(ROLE_COORDINATOR));
	assert_true(role_sees_personal_data(ROLE_PROVIDER));
	assert_true(role_sees_personal_data(ROLE_ASSESSOR));
	assert_false(role_sees_personal_data(ROLE_POLICY));
	assert_false(role_sees_personal_data(ROLE_RAPPORTEUR));
	assert_false(role_sees_personal_data(ROLE_ADMIN));
	assert_false(role_sees_personal_data(ROLE_NONE));
	assert_false(role_sees_personal_data(ROLE__COUNT));

	for (r = ROLE_NONE; r <= ROLE__COUNT; r++)
		assert_int_equal(role_needs_totp((enum role)r),
		    role_sees_personal_data((enum role)r) || r == ROLE_ADMIN);
	assert_true(role_needs_totp(ROLE_ADMIN));
	assert_false(role_needs_totp(ROLE_POLICY));
	assert_false(role_needs_totp(ROLE_RAPPORTEUR));
	assert_false(role_needs_totp(ROLE_NONE));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc6238_vectors),
		cmocka_unit_test(test_rfc4226_vectors),
		cmocka_unit_test(test_code_rejects_bad_arguments),
		cmocka_unit_test(test_base32_rfc4648),
		cmocka_unit_test(test_base32_round_trip_and_rejects),
		cmocka_unit_test(test_uri),
		cmocka_unit_test(test_secret_new_is_random),
		cmocka_unit_test(test_verify_window),
		cmocka_unit_test(test_verify_rejects_replay),
		cmocka_unit_test(test_verify_rejects_malformed),
		cmocka_unit_test(test_roles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

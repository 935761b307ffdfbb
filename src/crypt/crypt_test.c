/* Unit tests for crypt: field encryption, blind indexes, key file, tokens. */
#include "core/testing.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/fail.h"
#include "crypt/crypt.h"

/*
 * cmocka's fail_msg() expands to its fail(), which core/testing.h has
 * undefined; this does what fail_msg() would.
 */
#define test_fail(...) do {						\
	print_error(__VA_ARGS__);					\
	print_error("\n");						\
	_fail(__FILE__, __LINE__);					\
} while (0)

struct fixture {
	struct arena		*arena;
	struct ctx		 ctx;
	struct crypt_keys	*k1;
	struct crypt_keys	*k2;
	unsigned char		 m1[CRYPT_KEY_LEN];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	unsigned char m2[CRYPT_KEY_LEN];
	size_t i;

	if (f == NULL)
		return -1;
	for (i = 0; i < CRYPT_KEY_LEN; i++) {
		f->m1[i] = (unsigned char)i;
		m2[i] = (unsigned char)(i + 1);
	}
	f->arena = arena_new();
	ctx_init(&f->ctx, f->arena, NULL);
	f->k1 = crypt_keys_from_bytes(f->m1);
	f->k2 = crypt_keys_from_bytes(m2);
	if (f->k1 == NULL || f->k2 == NULL)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	crypt_keys_free(f->k1);
	crypt_keys_free(f->k2);
	arena_free(f->arena);
	free(f);
	return 0;
}

/* Seals then opens with the same key and place; asserts the round trip. */
static void
round_trip(struct fixture *f, const void *plain, size_t len)
{
	unsigned char *ct;
	size_t ctlen, outlen;
	char *out;

	assert_int_equal(crypt_seal(&f->ctx, f->k1, "person", "name", 42,
	    plain, len, &ct, &ctlen), 0);
	assert_int_equal(ctlen, len + CRYPT_OVERHEAD);
	assert_int_equal(ct[0], 0x01);
	if (len >= 16)
		assert_null(memmem(ct, ctlen, plain, 16));
	assert_int_equal(crypt_open(&f->ctx, f->k1, "person", "name", 42,
	    ct, ctlen, &out, &outlen), 0);
	assert_int_equal(outlen, len);
	assert_int_equal(out[len], '\0');
	if (len > 0)
		assert_memory_equal(out, plain, len);
	assert_int_equal(f->ctx.status, ST_OK);
}

static void
test_round_trip(void **state)
{
	struct fixture *f = *state;
	size_t big = 64 * 1024, i;
	unsigned char *p;

	round_trip(f, "Jansen, Maria", strlen("Jansen, Maria"));
	round_trip(f, "", 0);
	round_trip(f, NULL, 0);
	p = malloc(big);
	assert_non_null(p);
	for (i = 0; i < big; i++)
		p[i] = (unsigned char)(i * 7 + 3);
	round_trip(f, p, big);
	/* Embedded NUL bytes survive; len, not strlen, counts. */
	round_trip(f, "a\0b", 3);
	free(p);
}

/* Expects open to fail with ST_INTERNAL "cannot decrypt", then resets. */
static void
assert_open_fails(struct fixture *f, const struct crypt_keys *k,
    const char *table, const char *column, int64_t id,
    const unsigned char *ct, size_t ctlen)
{
	char *out = (char *)"unchanged";
	size_t outlen = 99;

	ctx_clear_error(&f->ctx);
	assert_int_equal(crypt_open(&f->ctx, k, table, column, id, ct, ctlen,
	    &out, &outlen), -1);
	assert_int_equal(f->ctx.status, ST_INTERNAL);
	assert_non_null(strstr(f->ctx.message, "cannot decrypt"));
	assert_null(out);
	assert_int_equal(outlen, 0);
	ctx_clear_error(&f->ctx);
}

static void
test_wrong_key_or_place_fails(void **state)
{
	struct fixture *f = *state;
	const char *text = "born 2009-04-01";
	unsigned char *ct;
	size_t ctlen;

	assert_int_equal(crypt_seal(&f->ctx, f->k1, "person", "name", 7,
	    text, strlen(text), &ct, &ctlen), 0);
	assert_open_fails(f, f->k2, "person", "name", 7, ct, ctlen);
	assert_open_fails(f, f->k1, "person", "name", 8, ct, ctlen);
	assert_open_fails(f, f->k1, "person", "name", -7, ct, ctlen);
	assert_open_fails(f, f->k1, "person", "dob", 7, ct, ctlen);
	assert_open_fails(f, f->k1, "signal", "name", 7, ct, ctlen);
	/* The separator keeps "ab"/"c" apart from "a"/"bc". */
	assert_int_equal(crypt_seal(&f->ctx, f->k1, "ab", "c", 1, "x", 1,
	    &ct, &ctlen), 0);
	assert_open_fails(f, f->k1, "a", "bc", 1, ct, ctlen);
	/* Row ids that differ only in the high bytes. */
	assert_int_equal(crypt_seal(&f->ctx, f->k1, "t", "c", 1, "x", 1,
	    &ct, &ctlen), 0);
	assert_open_fails(f, f->k1, "t", "c", (int64_t)1 << 40 | 1, ct, ctlen);
}

static void
test_damage_fails(void **state)
{
	struct fixture *f = *state;
	const char *text = "notes about the situation";
	unsigned char *ct, *copy;
	size_t ctlen, i;
	int bit;

	assert_int_equal(crypt_seal(&f->ctx, f->k1, "case", "notes", 3,
	    text, strlen(text), &ct, &ctlen), 0);
	copy = arena_alloc(f->arena, ctlen);
	/* Every single-bit flip anywhere, version and nonce included. */
	for (i = 0; i < ctlen; i++) {
		for (bit = 0; bit < 8; bit++) {
			memcpy(copy, ct, ctlen);
			copy[i] ^= (unsigned char)(1u << bit);
			assert_open_fails(f, f->k1, "case", "notes", 3, copy,
			    ctlen);
		}
	}
	/* Truncated at every length, and nothing at all. */
	for (i = 0; i < ctlen; i++)
		assert_open_fails(f, f->k1, "case", "notes", 3, ct, i);
	assert_open_fails(f, f->k1, "case", "notes", 3, NULL, 0);
	/* An extra byte at the end. */
	copy = arena_alloc(f->arena, ctlen + 1);
	memcpy(copy, ct, ctlen);
	assert_open_fails(f, f->k1, "case", "notes", 3, copy, ctlen + 1);
	/* The original still opens. */
	round_trip(f, text, strlen(text));
}

static void
test_seal_is_randomised(void **state)
{
	struct fixture *f = *state;
	unsigned char *a, *b;
	size_t alen, blen;

	assert_int_equal(crypt_seal(&f->ctx, f->k1, "person", "name", 1,
	    "same", 4, &a, &alen), 0);
	assert_int_equal(crypt_seal(&f->ctx, f->k1, "person", "name", 1,
	    "same", 4, &b, &blen), 0);
	assert_int_equal(alen, blen);
	assert_memory_not_equal(a + 1, b + 1, 24);	/* nonces */
	assert_memory_not_equal(a + 25, b + 25, alen - 25);
}

/* The documented format, checked with libsodium directly. */
static void
test_seal_format(void **state)
{
	struct fixture *f = *state;
	static const unsigned char ad[] = {
		0x01, 'p', 'e', 'r', 's', 'o', 'n', 0x00, 'b', 's', 'n', 0x00,
		0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08
	};
	unsigned char key[CRYPT_KEY_LEN], m[16], *ct;
	unsigned long long mlen;
	size_t ctlen;

	assert_int_equal(crypto_kdf_derive_from_key(key, sizeof(key), 1,
	    "schakel_", f->m1), 0);
	assert_int_equal(crypt_seal(&f->ctx, f->k1, "person", "bsn",
	    0x0102030405060708LL, "123456782", 9, &ct, &ctlen), 0);
	assert_int_equal(crypto_aead_xchacha20poly1305_ietf_decrypt(m, &mlen,
	    NULL, ct + 25, ctlen - 25, ad, sizeof(ad), ct + 1, key), 0);
	assert_int_equal(mlen, 9);
	assert_memory_equal(m, "123456782", 9);
}

static void
test_blind_index(void **state)
{
	struct fixture *f = *state;
	unsigned char a[CRYPT_INDEX_LEN], b[CRYPT_INDEX_LEN];
	unsigned char key[CRYPT_KEY_LEN], want[CRYPT_INDEX_LEN];
	static const unsigned char msg[] = "person.name\0jansen maria";

	crypt_blind_index(f->k1, "person.name", "jansen maria", 12, a);
	crypt_blind_index(f->k1, "person.name", "jansen maria", 12, b);
	assert_memory_equal(a, b, sizeof(a));
	/* Another key. */
	crypt_blind_index(f->k2, "person.name", "jansen maria", 12, b);
	assert_memory_not_equal(a, b, sizeof(a));
	/* Another purpose, same value. */
	crypt_blind_index(f->k1, "person.alias", "jansen maria", 12, b);
	assert_memory_not_equal(a, b, sizeof(a));
	/* Another value. */
	crypt_blind_index(f->k1, "person.name", "jansen marie", 12, b);
	assert_memory_not_equal(a, b, sizeof(a));
	/* The boundary between purpose and value is not ambiguous. */
	crypt_blind_index(f->k1, "ab", "c", 1, a);
	crypt_blind_index(f->k1, "a", "bc", 2, b);
	assert_memory_not_equal(a, b, sizeof(a));
	/* Not the same as the token hash of the same bytes. */
	crypt_blind_index(f->k1, "x", "", 0, a);
	crypt_token_hash(f->k1, "x", b);
	assert_memory_not_equal(a, b, sizeof(a));

	/* Format: keyed BLAKE2b-256 over purpose || 0x00 || value. */
	assert_int_equal(crypto_kdf_derive_from_key(key, sizeof(key), 2,
	    "schakel_", f->m1), 0);
	assert_int_equal(crypto_generichash(want, sizeof(want), msg,
	    sizeof(msg) - 1, key, sizeof(key)), 0);
	crypt_blind_index(f->k1, "person.name", "jansen maria", 12, a);
	assert_memory_equal(a, want, sizeof(a));
}

static void
test_audit_key(void **state)
{
	struct fixture *f = *state;
	unsigned char want[CRYPT_KEY_LEN];
	const unsigned char *k;

	assert_int_equal(crypto_kdf_derive_from_key(want, sizeof(want), 3,
	    "schakel_", f->m1), 0);
	k = crypt_audit_key(f->k1);
	assert_memory_equal(k, want, sizeof(want));
	assert_memory_not_equal(crypt_audit_key(f->k2), want, sizeof(want));
	/* Not the master key itself. */
	assert_memory_not_equal(k, f->m1, sizeof(want));
}

static void
test_tokens(void **state)
{
	struct fixture *f = *state;
	unsigned char h1[CRYPT_HASH_LEN], h2[CRYPT_HASH_LEN];
	unsigned char key[CRYPT_KEY_LEN], raw[64];
	char *t, *u;
	size_t i, rawlen;

	t = crypt_token_new(f->arena);
	u = crypt_token_new(f->arena);
	assert_int_equal(strlen(t), CRYPT_TOKEN_LEN);
	assert_int_equal(strlen(t), 43);
	assert_string_not_equal(t, u);
	for (i = 0; t[i] != '\0'; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "abcdefghijklmnopqrstuvwxyz0123456789-_", t[i]));
	/* It decodes back to 32 bytes. */
	assert_int_equal(sodium_base642bin(raw, sizeof(raw), t, strlen(t),
	    NULL, &rawlen, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING), 0);
	assert_int_equal(rawlen, 32);

	crypt_token_hash(f->k1, t, h1);
	crypt_token_hash(f->k1, t, h2);
	assert_memory_equal(h1, h2, sizeof(h1));
	assert_true(crypt_equal(h1, h2, sizeof(h1)));
	crypt_token_hash(f->k1, u, h2);
	assert_memory_not_equal(h1, h2, sizeof(h1));
	assert_false(crypt_equal(h1, h2, sizeof(h1)));
	crypt_token_hash(f->k2, t, h2);
	assert_memory_not_equal(h1, h2, sizeof(h1));

	/* Format: keyed BLAKE2b-256 of the token text with subkey 4. */
	assert_int_equal(crypto_kdf_derive_from_key(key, sizeof(key), 4,
	    "schakel_", f->m1), 0);
	assert_int_equal(crypto_generichash(h2, sizeof(h2),
	    (const unsigned char *)t, strlen(t), key, sizeof(key)), 0);
	assert_memory_equal(h1, h2, sizeof(h1));
}

static void
test_random_and_equal(void **state)
{
	unsigned char a[64], b[64], zero[64];

	(void)state;
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	memset(zero, 0, sizeof(zero));
	crypt_random(a, sizeof(a));
	crypt_random(b, sizeof(b));
	assert_memory_not_equal(a, zero, sizeof(a));
	assert_memory_not_equal(a, b, sizeof(a));
	assert_false(crypt_equal(a, b, sizeof(a)));
	memcpy(b, a, sizeof(a));
	assert_true(crypt_equal(a, b, sizeof(a)));
	b[63] ^= 1;
	assert_false(crypt_equal(a, b, sizeof(a)));
	assert_true(crypt_equal(a, b, 63));
	assert_true(crypt_equal(a, b, 0));
}

/* Key file tests share a temporary folder. */
static char tmpdir[64];

static int
setup_dir(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/schakel_crypt_XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown_dir(void **state)
{
	static const char *const names[] = {
		"schakel.key", "bad.key", "link.key", "fifo.key", "sub"
	};
	char p[PATH_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(p, sizeof(p), "%s/%s", tmpdir, names[i]);
		if (unlink(p) == -1)
			rmdir(p);
	}
	return rmdir(tmpdir);
}

static void
path_in(char *p, size_t size, const char *name)
{
	int n = snprintf(p, size, "%s/%s", tmpdir, name);

	assert_true(n > 0 && (size_t)n < size);
}

static void
write_file(const char *path, const char *content, size_t len, mode_t mode)
{
	int fd;

	unlink(path);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd != -1);
	assert_int_equal(write(fd, content, len), (ssize_t)len);
	assert_int_equal(fchmod(fd, mode), 0);
	assert_int_equal(close(fd), 0);
}

/* Loads path and expects a refusal whose message contains want. */
static void
assert_load_refused(const char *path, const char *want)
{
	char err[512];
	struct crypt_keys *k;

	err[0] = '\0';
	k = crypt_keys_load(path, err, sizeof(err));
	if (k != NULL) {
		crypt_keys_free(k);
		test_fail("key file '%s' was accepted", path);
	}
	if (strstr(err, want) == NULL)
		test_fail("message '%s' lacks '%s'", err, want);
	assert_non_null(strstr(err, path));
}

static void
test_keyfile(void **state)
{
	char path[PATH_MAX], err[512], text[128], again[128];
	unsigned char master[CRYPT_KEY_LEN], a[CRYPT_INDEX_LEN];
	unsigned char b[CRYPT_INDEX_LEN];
	struct crypt_keys *k, *kb;
	struct stat st;
	ssize_t n;
	size_t i, binlen;
	int fd;

	(void)state;
	path_in(path, sizeof(path), CRYPT_KEYFILE_NAME);
	assert_int_equal(crypt_keyfile_create(path, err, sizeof(err)), 0);

	/* Mode 0600, a regular file, 64 lowercase hex and a newline. */
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0600);
	fd = open(path, O_RDONLY);
	assert_true(fd != -1);
	n = read(fd, text, sizeof(text));
	close(fd);
	assert_int_equal(n, 65);
	assert_int_equal(text[64], '\n');
	for (i = 0; i < 64; i++)
		assert_non_null(strchr("0123456789abcdef", text[i]));

	/* Loading gives the keys of that master key. */
	k = crypt_keys_load(path, err, sizeof(err));
	if (k == NULL)
		test_fail("load: %s", err);
	assert_int_equal(sodium_hex2bin(master, sizeof(master), text, 64,
	    NULL, &binlen, NULL), 0);
	assert_int_equal(binlen, sizeof(master));
	kb = crypt_keys_from_bytes(master);
	assert_non_null(kb);
	crypt_blind_index(k, "p", "v", 1, a);
	crypt_blind_index(kb, "p", "v", 1, b);
	assert_memory_equal(a, b, sizeof(a));
	assert_memory_equal(crypt_audit_key(k), crypt_audit_key(kb),
	    CRYPT_KEY_LEN);
	crypt_keys_free(k);
	crypt_keys_free(kb);
	crypt_keys_free(NULL);

	/* Create refuses an existing file and leaves it as it was. */
	err[0] = '\0';
	assert_int_equal(crypt_keyfile_create(path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "already exists"));
	fd = open(path, O_RDONLY);
	assert_true(fd != -1);
	assert_int_equal(read(fd, again, sizeof(again)), 65);
	close(fd);
	assert_memory_equal(text, again, 65);

	/* Refused when group or others have any access. */
	assert_int_equal(chmod(path, 0644), 0);
	assert_load_refused(path, "chmod 600");
	assert_int_equal(chmod(path, 0620), 0);
	assert_load_refused(path, "chmod 600");
	assert_int_equal(chmod(path, 0601), 0);
	assert_load_refused(path, "chmod 600");
	assert_int_equal(chmod(path, 0600), 0);
	k = crypt_keys_load(path, err, sizeof(err));
	assert_non_null(k);
	crypt_keys_free(k);
	/* A tiny error buffer truncates, and none at all is allowed. */
	assert_int_equal(chmod(path, 0644), 0);
	assert_null(crypt_keys_load(path, err, 4));
	assert_int_equal(strlen(err), 3);
	assert_null(crypt_keys_load(path, NULL, 0));
	assert_int_equal(chmod(path, 0600), 0);
}

static void
test_keyfile_malformed(void **state)
{
	static const char *const bad[] = {
		"",
		"\n",
		"not a key\n",
		/* 63 and 65 hex digits. */
		"000102030405060708090a0b0c0d0e0f"
		"101112131415161718191a1b1c1d1e1\n",
		"000102030405060708090a0b0c0d0e0f"
		"101112131415161718191a1b1c1d1e1f0\n",
		/* Upper case, a stray character, two newlines, CRLF. */
		"000102030405060708090A0B0C0D0E0F"
		"101112131415161718191a1b1c1d1e1f\n",
		"000102030405060708090a0b0c0d0e0f"
		"101112131415161718191a1b1c1d1e1g\n",
		"000102030405060708090a0b0c0d0e0f"
		"101112131415161718191a1b1c1d1e1f\n\n",
		"000102030405060708090a0b0c0d0e0f"
		"101112131415161718191a1b1c1d1e1f\r\n",
		" 000102030405060708090a0b0c0d0e0f"
		"101112131415161718191a1b1c1d1e1f\n",
	};
	static const char good[] = "000102030405060708090a0b0c0d0e0f"
	    "101112131415161718191a1b1c1d1e1f";
	char path[PATH_MAX], err[512];
	unsigned char a[CRYPT_INDEX_LEN], b[CRYPT_INDEX_LEN];
	unsigned char master[CRYPT_KEY_LEN];
	struct crypt_keys *k, *kb;
	size_t i;

	(void)state;
	path_in(path, sizeof(path), "bad.key");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		write_file(path, bad[i], strlen(bad[i]), 0600);
		assert_load_refused(path, "malformed");
	}
	/* Without the final newline is accepted, and is the same key. */
	for (i = 0; i < CRYPT_KEY_LEN; i++)
		master[i] = (unsigned char)i;
	kb = crypt_keys_from_bytes(master);
	assert_non_null(kb);
	crypt_blind_index(kb, "p", "v", 1, b);
	write_file(path, good, strlen(good), 0600);
	k = crypt_keys_load(path, err, sizeof(err));
	if (k == NULL)
		test_fail("load: %s", err);
	crypt_blind_index(k, "p", "v", 1, a);
	assert_memory_equal(a, b, sizeof(a));
	crypt_keys_free(k);
	crypt_keys_free(kb);
}

static void
test_keyfile_not_regular(void **state)
{
	char path[PATH_MAX], target[PATH_MAX], err[512];

	(void)state;
	path_in(target, sizeof(target), CRYPT_KEYFILE_NAME);
	/* A symbolic link to a good key file. */
	path_in(path, sizeof(path), "link.key");
	assert_int_equal(symlink(target, path), 0);
	assert_load_refused(path, "symbolic link");
	/* Create does not follow it either. */
	assert_int_equal(crypt_keyfile_create(path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "already exists"));
	/* A folder and a FIFO (which must not block). */
	path_in(path, sizeof(path), "sub");
	assert_int_equal(mkdir(path, 0700), 0);
	assert_load_refused(path, "not a regular file");
	path_in(path, sizeof(path), "fifo.key");
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_load_refused(path, "not a regular file");
	/* Missing, and a folder that does not exist for create. */
	path_in(path, sizeof(path), "missing.key");
	assert_load_refused(path, "cannot open");
	path_in(path, sizeof(path), "nope/schakel.key");
	assert_int_equal(crypt_keyfile_create(path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "cannot create"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_wrong_key_or_place_fails,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_damage_fails, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_seal_is_randomised, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_seal_format, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_blind_index, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_audit_key, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_tokens, setup, teardown),
		cmocka_unit_test(test_random_and_equal),
		cmocka_unit_test(test_keyfile),
		cmocka_unit_test(test_keyfile_malformed),
		cmocka_unit_test(test_keyfile_not_regular),
	};

	if (crypt_init() == -1)
		return 1;
	return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}

/*
 * crypt: subkeys, field encryption, blind indexes and tokens.  The key
 * file is read and written in keyfile.c.
 */
#include "crypt.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/fail.h"

#define FIELD_VERSION	0x01
#define NONCE_LEN	crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_LEN		crypto_aead_xchacha20poly1305_ietf_ABYTES
#define TOKEN_RAW_LEN	32
#define TOKEN_VARIANT	sodium_base64_VARIANT_URLSAFE_NO_PADDING

/* crypto_kdf context: exactly crypto_kdf_CONTEXTBYTES characters. */
static const char kdf_context[] = "schakel_";

/* Subkey ids: fixed for ever, since data on disk depends on them. */
enum {
	SUBKEY_FIELD = 1,
	SUBKEY_INDEX = 2,
	SUBKEY_AUDIT = 3,
	SUBKEY_TOKEN = 4,
	SUBKEY_SIGN = 5,
	SUBKEY_CHALLENGE = 6
};

/* Lives in sodium_malloc memory, read-only once filled. */
struct crypt_keys {
	unsigned char	 field[CRYPT_KEY_LEN];
	unsigned char	 index[CRYPT_KEY_LEN];
	unsigned char	 audit[CRYPT_KEY_LEN];
	unsigned char	 token[CRYPT_KEY_LEN];
	unsigned char	 sign_pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char	 sign_sk[crypto_sign_SECRETKEYBYTES];
	unsigned char	 challenge[CRYPT_KEY_LEN];
};

_Static_assert(sizeof(kdf_context) - 1 == crypto_kdf_CONTEXTBYTES,
    "kdf context length");
_Static_assert(crypto_kdf_KEYBYTES == CRYPT_KEY_LEN, "master key length");
_Static_assert(randombytes_SEEDBYTES == CRYPT_SEED_LEN, "seed length");
_Static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == CRYPT_KEY_LEN,
    "field key length");
_Static_assert(CRYPT_KEY_LEN >= crypto_kdf_BYTES_MIN &&
    CRYPT_KEY_LEN <= crypto_kdf_BYTES_MAX, "subkey length");
_Static_assert(CRYPT_KEY_LEN >= crypto_generichash_KEYBYTES_MIN &&
    CRYPT_KEY_LEN <= crypto_generichash_KEYBYTES_MAX, "hash key length");
_Static_assert(CRYPT_INDEX_LEN >= crypto_generichash_BYTES_MIN &&
    CRYPT_INDEX_LEN <= crypto_generichash_BYTES_MAX, "index length");
_Static_assert(CRYPT_HASH_LEN >= crypto_generichash_BYTES_MIN &&
    CRYPT_HASH_LEN <= crypto_generichash_BYTES_MAX, "hash length");
_Static_assert(crypto_sign_SEEDBYTES == CRYPT_KEY_LEN &&
    crypto_sign_BYTES == CRYPT_SIGN_LEN &&
    crypto_sign_PUBLICKEYBYTES == CRYPT_SIGN_PUBLIC_LEN, "signing lengths");
_Static_assert(CRYPT_OVERHEAD == 1 + NONCE_LEN + TAG_LEN, "overhead");
_Static_assert(sodium_base64_ENCODED_LEN(TOKEN_RAW_LEN, TOKEN_VARIANT) ==
    CRYPT_TOKEN_LEN + 1, "token length");

int
crypt_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

struct crypt_keys *
crypt_keys_from_bytes(const unsigned char master[CRYPT_KEY_LEN])
{
	unsigned char seed[crypto_sign_SEEDBYTES];
	struct crypt_keys *k;

	if (sodium_init() < 0)
		return NULL;
	k = sodium_malloc(sizeof(*k));
	if (k == NULL)
		return NULL;
	if (crypto_kdf_derive_from_key(k->field, sizeof(k->field),
	    SUBKEY_FIELD, kdf_context, master) != 0 ||
	    crypto_kdf_derive_from_key(k->index, sizeof(k->index),
	    SUBKEY_INDEX, kdf_context, master) != 0 ||
	    crypto_kdf_derive_from_key(k->audit, sizeof(k->audit),
	    SUBKEY_AUDIT, kdf_context, master) != 0 ||
	    crypto_kdf_derive_from_key(k->token, sizeof(k->token),
	    SUBKEY_TOKEN, kdf_context, master) != 0 ||
	    crypto_kdf_derive_from_key(seed, sizeof(seed), SUBKEY_SIGN,
	    kdf_context, master) != 0 ||
	    crypto_sign_seed_keypair(k->sign_pk, k->sign_sk, seed) != 0 ||
	    crypto_kdf_derive_from_key(k->challenge, sizeof(k->challenge),
	    SUBKEY_CHALLENGE, kdf_context, master) != 0)
		goto out_free;
	sodium_memzero(seed, sizeof(seed));
	if (sodium_mprotect_readonly(k) != 0)
		goto out_free;
	return k;
out_free:
	sodium_memzero(seed, sizeof(seed));
	sodium_free(k);		/* wipes */
	return NULL;
}

void
crypt_keys_free(struct crypt_keys *k)
{
	/* sodium_free makes the region writable again, wipes and unmaps. */
	if (k != NULL)
		sodium_free(k);
}

void
crypt_sign(const struct crypt_keys *k, const void *m, size_t len,
    unsigned char sig[CRYPT_SIGN_LEN])
{
	crypto_sign_detached(sig, NULL, m, len, k->sign_sk);
}

const unsigned char *
crypt_sign_public(const struct crypt_keys *k)
{
	return k->sign_pk;
}

bool
crypt_sign_verify(const struct crypt_keys *k, const void *m, size_t len,
    const unsigned char sig[CRYPT_SIGN_LEN])
{
	return crypto_sign_verify_detached(sig, m, len, k->sign_pk) == 0;
}

/*
 * Associated data: version || table || 0x00 || column || 0x00 ||
 * row id (8 bytes, big-endian).  Table and column are C strings, so the
 * separators make the encoding unambiguous.
 */
static unsigned char *
field_ad(struct arena *a, const char *table, const char *column,
    int64_t row_id, size_t *adlen)
{
	size_t tlen = strlen(table), clen = strlen(column), off = 0;
	uint64_t id = (uint64_t)row_id;
	unsigned char *ad;
	int i;

	*adlen = 1 + tlen + 1 + clen + 1 + 8;
	ad = arena_alloc(a, *adlen);
	ad[off++] = FIELD_VERSION;
	memcpy(ad + off, table, tlen);
	off += tlen + 1;		/* arena memory is zeroed */
	memcpy(ad + off, column, clen);
	off += clen + 1;
	for (i = 7; i >= 0; i--)
		ad[off++] = (unsigned char)(id >> (8 * i));
	assert(off == *adlen);
	return ad;
}

int
crypt_seal(struct ctx *ctx, const struct crypt_keys *k, const char *table,
    const char *column, int64_t row_id, const void *plain, size_t len,
    unsigned char **out, size_t *outlen)
{
	unsigned long long clen;
	unsigned char *ad, *ct;
	size_t adlen;

	assert(k != NULL && table != NULL && column != NULL);
	*out = NULL;
	*outlen = 0;
	if (len > crypto_aead_xchacha20poly1305_ietf_MESSAGEBYTES_MAX ||
	    len > SIZE_MAX - CRYPT_OVERHEAD)
		return fail(ctx, ST_INVALID, "cannot encrypt %s.%s of row %lld:"
		    " %zu bytes is too long", table, column, (long long)row_id,
		    len);
	if (plain == NULL)
		plain = "";
	ad = field_ad(ctx->arena, table, column, row_id, &adlen);
	ct = arena_alloc(ctx->arena, len + CRYPT_OVERHEAD);
	ct[0] = FIELD_VERSION;
	randombytes_buf(ct + 1, NONCE_LEN);
	if (crypto_aead_xchacha20poly1305_ietf_encrypt(ct + 1 + NONCE_LEN,
	    &clen, plain, len, ad, adlen, NULL, ct + 1, k->field) != 0)
		return fail(ctx, ST_INTERNAL,
		    "cannot encrypt %s.%s of row %lld", table, column,
		    (long long)row_id);
	assert(clen == len + TAG_LEN);
	*out = ct;
	*outlen = 1 + NONCE_LEN + (size_t)clen;
	return 0;
}

int
crypt_open(struct ctx *ctx, const struct crypt_keys *k, const char *table,
    const char *column, int64_t row_id, const unsigned char *ct,
    size_t ctlen, char **plain, size_t *len)
{
	unsigned long long mlen;
	unsigned char *ad, *m;
	size_t adlen;

	assert(k != NULL && table != NULL && column != NULL);
	*plain = NULL;
	*len = 0;
	if (ct == NULL || ctlen < CRYPT_OVERHEAD)
		return fail(ctx, ST_INTERNAL,
		    "cannot decrypt %s.%s of row %lld: %zu bytes is too short",
		    table, column, (long long)row_id, ctlen);
	if (ct[0] != FIELD_VERSION)
		return fail(ctx, ST_INTERNAL,
		    "cannot decrypt %s.%s of row %lld: unknown version %u",
		    table, column, (long long)row_id, (unsigned)ct[0]);
	ad = field_ad(ctx->arena, table, column, row_id, &adlen);
	m = arena_alloc(ctx->arena, ctlen - CRYPT_OVERHEAD + 1);
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(m, &mlen, NULL,
	    ct + 1 + NONCE_LEN, ctlen - 1 - NONCE_LEN, ad, adlen, ct + 1,
	    k->field) != 0)
		return fail(ctx, ST_INTERNAL,
		    "cannot decrypt %s.%s of row %lld", table, column,
		    (long long)row_id);
	m[mlen] = '\0';
	*plain = (char *)m;
	*len = (size_t)mlen;
	return 0;
}

void
crypt_blind_index(const struct crypt_keys *k, const char *purpose,
    const void *value, size_t len, unsigned char out[CRYPT_INDEX_LEN])
{
	static const unsigned char sep = 0x00;
	crypto_generichash_state st;

	assert(k != NULL && purpose != NULL);
	if (value == NULL)
		value = "";
	crypto_generichash_init(&st, k->index, sizeof(k->index),
	    CRYPT_INDEX_LEN);
	crypto_generichash_update(&st, (const unsigned char *)purpose,
	    strlen(purpose));
	crypto_generichash_update(&st, &sep, 1);
	crypto_generichash_update(&st, value, len);
	crypto_generichash_final(&st, out, CRYPT_INDEX_LEN);
	sodium_memzero(&st, sizeof(st));
}

const unsigned char *
crypt_audit_key(const struct crypt_keys *k)
{
	return k->audit;
}

char *
crypt_token_new(struct arena *a)
{
	unsigned char raw[TOKEN_RAW_LEN];
	char *s;

	s = arena_alloc(a, CRYPT_TOKEN_LEN + 1);
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(s, CRYPT_TOKEN_LEN + 1, raw, sizeof(raw),
	    TOKEN_VARIANT);
	sodium_memzero(raw, sizeof(raw));
	return s;
}

void
crypt_token_hash(const struct crypt_keys *k, const char *token,
    unsigned char out[CRYPT_HASH_LEN])
{
	assert(k != NULL && token != NULL);
	crypto_generichash(out, CRYPT_HASH_LEN, (const unsigned char *)token,
	    strlen(token), k->token, sizeof(k->token));
}

void
crypt_challenge_mac(const struct crypt_keys *k, const void *msg, size_t len,
    unsigned char out[CRYPT_MAC_LEN])
{
	assert(k != NULL && msg != NULL);
	crypto_generichash(out, CRYPT_MAC_LEN, msg, len, k->challenge,
	    sizeof(k->challenge));
}

void
crypt_random(void *p, size_t len)
{
	randombytes_buf(p, len);
}

void
crypt_random_seeded(void *p, size_t len,
    const unsigned char seed[CRYPT_SEED_LEN])
{
	randombytes_buf_deterministic(p, len, seed);
}

bool
crypt_equal(const void *a, const void *b, size_t len)
{
	return sodium_memcmp(a, b, len) == 0;
}

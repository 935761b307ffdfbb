/*
 * crypt: field encryption, blind indexes, the key file and tokens.
 *
 * One 32-byte master key lives in DATA/schakel.key as 64 hexadecimal
 * characters and a newline, mode 0600.  Loading refuses a key file that
 * group or others may access, that is not a regular file (symbolic links
 * included) or that is malformed.  From the master key we derive one
 * subkey per purpose (libsodium's crypto_kdf, context "schakel_"):
 *
 *	1  field encryption	XChaCha20-Poly1305 IETF
 *	2  blind index		keyed BLAKE2b-256
 *	3  audit chain MAC	handed to audit/ as raw bytes
 *	4  token hashing	keyed BLAKE2b-256
 *	5  audit head signing	seed of an Ed25519 key pair
 *	6  public challenges	keyed BLAKE2b-128 (challenge.c)
 *
 * The subkeys, never the master key, sit in one sodium_malloc region
 * that is read-only after crypt_keys_from_bytes() and wiped by
 * crypt_keys_free().  struct crypt_keys is long-lived: the server makes
 * one at startup and frees it at exit; it may be shared by threads.
 *
 * A sealed field is 0x01 (version) || 24-byte random nonce ||
 * ciphertext || 16-byte tag.  The associated data is the version byte,
 * then "table" 0x00 "column" 0x00, then the row id as 8 bytes big-endian,
 * so a ciphertext copied to another row, column or table does not open.
 *
 * A blind index is BLAKE2b-256 keyed with subkey 2 over
 * purpose || 0x00 || value: equal values give equal indexes for the same
 * purpose only.  Callers normalise values before hashing.
 *
 * Call crypt_init() once at startup before any other function here.
 */
#ifndef SCHAKEL_CRYPT_H
#define SCHAKEL_CRYPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct ctx;
struct crypt_keys;

#define CRYPT_KEYFILE_NAME	"schakel.key"
#define CRYPT_KEY_LEN		32	/* master key and each subkey */
#define CRYPT_INDEX_LEN		32	/* blind index */
#define CRYPT_HASH_LEN		32	/* token hash */
#define CRYPT_TOKEN_LEN		43	/* token text, without the NUL */
#define CRYPT_OVERHEAD		41	/* sealed length minus plain length */
#define CRYPT_MAC_LEN		16	/* challenge MAC */

/* Start libsodium.  0 on success (also when already started), -1 if the
 * platform cannot supply what it needs. */
int	crypt_init(void);

/* Key file.  create writes a new random master key to path with mode
 * 0600 and syncs the file and its folder; it fails if path exists and
 * leaves no file behind on failure.  load returns keys to be freed with
 * crypt_keys_free(), or NULL with a message (naming path and the fix)
 * in err.  Both are for startup: there is no request context yet. */
int	crypt_keyfile_create(const char *path, char *err, size_t errlen);
struct crypt_keys *crypt_keys_load(const char *path, char *err,
	    size_t errlen);

/* Keys from a master key held by the caller (tests, restore tools).
 * NULL only when secure memory cannot be had.  free(NULL) is a no-op. */
struct crypt_keys *crypt_keys_from_bytes(
	    const unsigned char master[CRYPT_KEY_LEN]);
void	crypt_keys_free(struct crypt_keys *);

/* Field encryption.  seal puts len + CRYPT_OVERHEAD bytes in
 * ctx->arena (plain may be NULL when len is 0).  open gives the plain
 * bytes, NUL-terminated, in ctx->arena; a wrong key, row, column or
 * table, or damaged input fails with ST_INTERNAL "cannot decrypt ...". */
int	crypt_seal(struct ctx *, const struct crypt_keys *, const char *table,
	    const char *column, int64_t row_id, const void *plain, size_t len,
	    unsigned char **out, size_t *outlen);
int	crypt_open(struct ctx *, const struct crypt_keys *, const char *table,
	    const char *column, int64_t row_id, const unsigned char *ct,
	    size_t ctlen, char **plain, size_t *len);

/* Blind index of value for purpose (e.g. "person.name"); deterministic
 * per key and purpose. */
void	crypt_blind_index(const struct crypt_keys *, const char *purpose,
	    const void *value, size_t len, unsigned char out[CRYPT_INDEX_LEN]);

/* The audit chain's MAC key, CRYPT_KEY_LEN bytes, read-only, owned by
 * the keys: valid until crypt_keys_free(). */
const unsigned char *crypt_audit_key(const struct crypt_keys *);

/* Signed audit heads: an Ed25519 signature over m with the key pair
 * derived from subkey 5, its public key (CRYPT_SIGN_PUBLIC_LEN bytes,
 * owned by the keys), and the check of a signature against it. */
#define CRYPT_SIGN_LEN		64
#define CRYPT_SIGN_PUBLIC_LEN	32
void	crypt_sign(const struct crypt_keys *, const void *m, size_t len,
	    unsigned char sig[CRYPT_SIGN_LEN]);
const unsigned char *crypt_sign_public(const struct crypt_keys *);
bool	crypt_sign_verify(const struct crypt_keys *, const void *m,
	    size_t len, const unsigned char sig[CRYPT_SIGN_LEN]);

/* Tokens (sessions, CSRF, API).  new returns 32 random bytes as
 * unpadded base64url, CRYPT_TOKEN_LEN characters, in the arena.  hash
 * is what the database stores: keyed BLAKE2b-256 of the token text. */
char	*crypt_token_new(struct arena *);
void	crypt_token_hash(const struct crypt_keys *, const char *token,
	    unsigned char out[CRYPT_HASH_LEN]);

/*
 * Proof-of-work challenges for the public form (challenge.c).  A
 * challenge is text, "c1.EXPIRES.BITS.NONCE.MAC": EXPIRES in Unix
 * seconds, BITS the difficulty, NONCE 16 random bytes and MAC the keyed
 * BLAKE2b-128 (subkey 6) of everything before it, both in hexadecimal.
 * Servers that share the key file accept each other's challenges.  A
 * solution is 1 to CRYPT_SOLUTION_MAX printable ASCII characters such
 * that SHA-256(challenge || solution) starts with BITS zero bits.
 *
 * new returns the challenge in the arena.  verify checks the MAC, the
 * expiry against now and the solution, without any state: that each is
 * used once is for the caller, keyed on *nonce (32 hexadecimal
 * characters, in the arena).  It fails with ST_INVALID naming the field
 * ("challenge" or "solution").
 */
#define CRYPT_CHALLENGE_MAX	128	/* longest challenge text we accept */
#define CRYPT_SOLUTION_MAX	64
#define CRYPT_BITS_MAX		32
char	*crypt_challenge_new(struct arena *, const struct crypt_keys *,
	    int64_t expires, int bits);
int	crypt_challenge_verify(struct ctx *, const struct crypt_keys *,
	    const char *challenge, const char *solution, int64_t now,
	    const char **nonce, int64_t *expires);
/* The leading zero bits of SHA-256(a || b); exported for the tests. */
int	crypt_pow_bits(const char *a, const char *b);
void	crypt_challenge_mac(const struct crypt_keys *, const void *msg,
	    size_t len, unsigned char out[CRYPT_MAC_LEN]);

/* Helpers: random bytes from the OS generator; comparison in constant
 * time for a given length (true when equal). */
void	crypt_random(void *, size_t);
bool	crypt_equal(const void *, const void *, size_t);

/* The same len bytes for the same seed, looking random otherwise
 * (libsodium's randombytes_buf_deterministic): for draws that must be
 * repeatable, such as tests of insight/noise.c. */
#define CRYPT_SEED_LEN		32
void	crypt_random_seeded(void *, size_t,
	    const unsigned char seed[CRYPT_SEED_LEN]);

#endif

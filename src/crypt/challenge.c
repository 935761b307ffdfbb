/*
 * Proof-of-work challenges for the public form: made and checked here,
 * without state; crypt.h describes the format.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/fail.h"
#include "core/parse.h"
#include "crypt/crypt.h"

#define NONCE_LEN	16

static void
to_hex(char *out, const unsigned char *p, size_t len)
{
	sodium_bin2hex(out, len * 2 + 1, p, len);
}

char *
crypt_challenge_new(struct arena *a, const struct crypt_keys *k,
    int64_t expires, int bits)
{
	unsigned char nonce[NONCE_LEN], mac[CRYPT_MAC_LEN];
	char nhex[NONCE_LEN * 2 + 1], mhex[CRYPT_MAC_LEN * 2 + 1];
	char *head;

	crypt_random(nonce, sizeof(nonce));
	to_hex(nhex, nonce, sizeof(nonce));
	head = arena_printf(a, "c1.%lld.%d.%s", (long long)expires, bits,
	    nhex);
	crypt_challenge_mac(k, head, strlen(head), mac);
	to_hex(mhex, mac, sizeof(mac));
	return arena_printf(a, "%s.%s", head, mhex);
}

int
crypt_pow_bits(const char *a, const char *b)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;
	int n = 0;
	size_t i;
	unsigned char c;

	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const unsigned char *)a, strlen(a));
	crypto_hash_sha256_update(&st, (const unsigned char *)b, strlen(b));
	crypto_hash_sha256_final(&st, h);
	for (i = 0; i < sizeof(h); i++) {
		if (h[i] != 0) {
			for (c = h[i]; (c & 0x80) == 0; c <<= 1)
				n++;
			return n;
		}
		n += 8;
	}
	return n;
}

static bool
is_hex(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (strchr("0123456789abcdef", s[i]) == NULL || s[i] == '\0')
			return false;
	return true;
}

/* "c1.EXPIRES.BITS.NONCE.MAC" into its parts; false if malformed. */
static bool
split(struct arena *a, const char *c, int64_t *expires, int64_t *bits,
    const char **nonce, const char **mac, size_t *headlen)
{
	const char *p, *dot1, *dot2;
	size_t len = strlen(c);

	if (len > CRYPT_CHALLENGE_MAX || strncmp(c, "c1.", 3) != 0)
		return false;
	p = c + 3;
	dot1 = strchr(p, '.');
	if (dot1 == NULL || dot1 - p > 20)
		return false;
	dot2 = strchr(dot1 + 1, '.');
	if (dot2 == NULL || dot2 - dot1 - 1 > 2)
		return false;
	if (parse_int64(arena_strndup(a, p, (size_t)(dot1 - p)), 1,
	    INT64_MAX, expires) == -1 || parse_int64(arena_strndup(a,
	    dot1 + 1, (size_t)(dot2 - dot1 - 1)), 1, CRYPT_BITS_MAX,
	    bits) == -1)
		return false;
	*nonce = dot2 + 1;
	if (strlen(*nonce) != NONCE_LEN * 2 + 1 + CRYPT_MAC_LEN * 2 ||
	    (*nonce)[NONCE_LEN * 2] != '.' || !is_hex(*nonce, NONCE_LEN * 2))
		return false;
	*mac = *nonce + NONCE_LEN * 2 + 1;
	if (!is_hex(*mac, CRYPT_MAC_LEN * 2))
		return false;
	*headlen = (size_t)(*mac - 1 - c);
	return true;
}

static bool
solution_ok(const char *s)
{
	size_t i, len = strlen(s);

	if (len < 1 || len > CRYPT_SOLUTION_MAX)
		return false;
	for (i = 0; i < len; i++)
		if (s[i] < 0x21 || s[i] > 0x7e)
			return false;
	return true;
}

int
crypt_challenge_verify(struct ctx *ctx, const struct crypt_keys *k,
    const char *challenge, const char *solution, int64_t now,
    const char **nonce, int64_t *expires)
{
	unsigned char want[CRYPT_MAC_LEN], have[CRYPT_MAC_LEN];
	const char *n, *mac;
	int64_t exp, bits;
	size_t headlen;

	if (challenge == NULL || *challenge == '\0')
		return fail_field(ctx, "challenge", "a challenge is required: "
		    "get one from GET /api/public/challenge");
	if (!split(ctx->arena, challenge, &exp, &bits, &n, &mac, &headlen))
		return fail_field(ctx, "challenge", "not a challenge this "
		    "service issued");
	crypt_challenge_mac(k, challenge, headlen, want);
	if (sodium_hex2bin(have, sizeof(have), mac, CRYPT_MAC_LEN * 2, NULL,
	    NULL, NULL) != 0 || !crypt_equal(have, want, sizeof(want)))
		return fail_field(ctx, "challenge", "not a challenge this "
		    "service issued");
	if (now > exp)
		return fail_field(ctx, "challenge", "the challenge has "
		    "expired; get a new one");
	if (solution == NULL || !solution_ok(solution))
		return fail_field(ctx, "solution", "a solution of 1 to %d "
		    "printable characters is required", CRYPT_SOLUTION_MAX);
	if (crypt_pow_bits(challenge, solution) < bits)
		return fail_field(ctx, "solution", "the solution does not "
		    "solve the challenge");
	*nonce = arena_strndup(ctx->arena, n, NONCE_LEN * 2);
	*expires = exp;
	return 0;
}

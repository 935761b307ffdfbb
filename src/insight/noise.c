/*
 * noise: see noise.h.  Random bytes come from crypt/ (libsodium), the
 * only place that talks to the generator.
 */
#include "insight/noise.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "crypt/crypt.h"

/* Bytes per draw: two 64-bit uniforms. */
#define DRAW_BYTES	16
/* Draws per block of seeded bytes. */
#define BLOCK		256

_Static_assert(NOISE_SEED_LEN == CRYPT_SEED_LEN, "seed length");

bool
noise_epsilon_ok(double epsilon)
{
	return epsilon >= NOISE_EPSILON_MIN && epsilon <= NOISE_EPSILON_MAX;
}

/* 8 bytes as a uniform number in (0, 1]: 53 random bits, plus one so
 * that the logarithm below never sees 0. */
static double
uniform(const unsigned char *p)
{
	uint64_t r = 0;
	int i;

	for (i = 0; i < 8; i++)
		r = r << 8 | p[i];
	return (double)((r >> 11) + 1) * 0x1p-53;
}

/* Failures before the first success with success chance 1 - a, where
 * ln a = -epsilon: P(G >= k) = a^k, so G = floor(ln U / ln a). */
static int64_t
geometric(double epsilon, const unsigned char *p)
{
	return (int64_t)floor(log(uniform(p)) / -epsilon);
}

static int64_t
draw(double epsilon, const unsigned char p[DRAW_BYTES])
{
	return geometric(epsilon, p) - geometric(epsilon, p + 8);
}

int64_t
noise_geometric(double epsilon)
{
	unsigned char p[DRAW_BYTES];
	int64_t x;

	assert(noise_epsilon_ok(epsilon));
	crypt_random(p, sizeof(p));
	x = draw(epsilon, p);
	memset(p, 0, sizeof(p));
	return x;
}

/*
 * Block k of the draws comes from the seed with k added into its first
 * eight bytes (as a ChaCha20 key, libsodium's generator, distinct keys
 * give independent streams), so a long run needs no long buffer and a
 * prefix of the draws does not depend on n.
 */
void
noise_geometric_seeded(double epsilon,
    const unsigned char seed[NOISE_SEED_LEN], int64_t *out, size_t n)
{
	unsigned char key[NOISE_SEED_LEN], p[BLOCK * DRAW_BYTES];
	uint64_t block;
	size_t i, j, m;
	int b;

	assert(noise_epsilon_ok(epsilon));
	for (i = 0, block = 0; i < n; i += m, block++) {
		memcpy(key, seed, sizeof(key));
		for (b = 0; b < 8; b++)
			key[b] ^= (unsigned char)(block >> (8 * b));
		crypt_random_seeded(p, sizeof(p), key);
		m = n - i < BLOCK ? n - i : BLOCK;
		for (j = 0; j < m; j++)
			out[i + j] = draw(epsilon, p + j * DRAW_BYTES);
	}
	memset(key, 0, sizeof(key));
}

double
noise_variance(double epsilon)
{
	double a = exp(-epsilon);

	return 2 * a / ((1 - a) * (1 - a));
}

/*
 * noise: differential-privacy noise for open-data exports
 * (docs/privacy.md, "Noise for open data").
 *
 * The two-sided geometric mechanism with sensitivity 1: a count n is
 * published as n + X, where P(X = k) = (1 - a) / (1 + a) * a^|k| with
 * a = exp(-epsilon).  X is symmetric around 0 with variance
 * 2a / (1 - a)^2; one person more or less changes the chance of any
 * published value by a factor of at most exp(epsilon).  X is drawn as
 * the difference of two geometric variables (failures before the first
 * success, success probability 1 - a), each from a uniform number in
 * (0, 1] by inversion.
 *
 * The noise of a release is drawn once and stored with it: drawing
 * again for every download would let a reader average the noise away.
 * Which counts get noise, and the rounding after it, is for the export;
 * this file only draws.
 */
#ifndef SCHAKEL_INSIGHT_NOISE_H
#define SCHAKEL_INSIGHT_NOISE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Epsilon outside this range is a programming error (an assertion):
 * below it the noise drowns every count, above it there is none. */
#define NOISE_EPSILON_MIN	0.01
#define NOISE_EPSILON_MAX	10.0
#define NOISE_SEED_LEN		32

bool	noise_epsilon_ok(double epsilon);

/* One draw from the operating system's generator. */
int64_t	noise_geometric(double epsilon);

/* n draws that depend on the seed alone: the same seed and epsilon give
 * the same out[0..n), and out[0..m) is the same for every n >= m.  For
 * tests, and for a release that keeps its seed instead of its noise. */
void	noise_geometric_seeded(double epsilon,
	    const unsigned char seed[NOISE_SEED_LEN], int64_t *out, size_t n);

/* The variance of the mechanism for epsilon: 2a / (1 - a)^2. */
double	noise_variance(double epsilon);

#endif

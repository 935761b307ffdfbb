/*
 * receipt: the two codes a reporter without an account gets for a public
 * signal, made to be copied, written down and read out over the phone.
 * Both use 32 characters without look-alikes (no 0, O, 1, I), in groups
 * of four; case, spaces and hyphens do not count when they are typed
 * back.  The receipt code names the signal ("S-7K3Q-M9PX", 40 bits,
 * unique); the secret proves that the person asking filed it (24
 * characters, 120 bits; only a keyed hash of it is kept).
 */
#ifndef SCHAKEL_RECEIPT_H
#define SCHAKEL_RECEIPT_H

#include <stdbool.h>

struct arena;

#define RECEIPT_LEN	11	/* "S-XXXX-XXXX" */
#define SECRET_CHARS	24	/* without the hyphens */
#define SECRET_LEN	29	/* six groups of four and five hyphens */

/* A new random receipt code, "S-XXXX-XXXX". */
char	*receipt_new(struct arena *);
/* A new random secret, "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX". */
char	*secret_new(struct arena *);

/* The receipt code as typed (any case, spaces, with or without hyphens
 * and the "S"), in its one written form; NULL when it cannot be one. */
char	*receipt_normal(struct arena *, const char *typed);
/* The secret as typed, reduced to the 24 characters its hash is taken
 * of; NULL when it cannot be one. */
char	*secret_normal(struct arena *, const char *typed);

#endif

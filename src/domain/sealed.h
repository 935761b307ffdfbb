/*
 * sealed: the personal fields of domain rows, sealed with crypt_seal()
 * under their table, column and row id, and opened again.  Thin helpers
 * over crypt/ so every domain module seals the same way.
 */
#ifndef SCHAKEL_SEALED_H
#define SCHAKEL_SEALED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctx;
struct store_rows;
struct store_value;

/* Seal text for table.column of row id into *out; NULL text gives a
 * NULL value. */
int	sealed_put(struct ctx *, const char *table, const char *column,
	    int64_t id, const char *text, struct store_value *out);
/*
 * Open the sealed cell (row, col) of r; NULL for a NULL cell.  A cell
 * that does not open sets *bad and gives NULL: the caller fails the
 * whole read once, after collecting the rest.
 */
const char *sealed_get(struct ctx *, const struct store_rows *r,
	    size_t row, size_t col, const char *table, const char *column,
	    int64_t id, bool *bad);

#endif

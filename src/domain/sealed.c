#include "domain/sealed.h"

#include <string.h>

#include "core/fail.h"
#include "crypt/crypt.h"
#include "store/store.h"

int
sealed_put(struct ctx *ctx, const char *table, const char *column,
    int64_t id, const char *text, struct store_value *out)
{
	unsigned char *ct;
	size_t len;

	*out = store_null();
	if (text == NULL)
		return 0;
	if (crypt_seal(ctx, ctx->keys, table, column, id, text, strlen(text),
	    &ct, &len) == -1)
		return -1;
	*out = store_blob(ct, len);
	return 0;
}

const char *
sealed_get(struct ctx *ctx, const struct store_rows *r, size_t row,
    size_t col, const char *table, const char *column, int64_t id,
    bool *bad)
{
	const unsigned char *ct;
	char *plain;
	size_t len, plen;

	ct = rows_blob(r, row, col, &len);
	if (ct == NULL)
		return NULL;
	if (crypt_open(ctx, ctx->keys, table, column, id, ct, len, &plain,
	    &plen) == -1) {
		*bad = true;
		return NULL;
	}
	return plain;
}

/*
 * libFuzzer harness for json_decode(): arbitrary bytes through a
 * descriptor table with every field type.  Whatever the input, decoding
 * must not crash, leak or read out of bounds, and a success must leave
 * values inside the declared limits.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/fail.h"
#include "core/json.h"

struct sample {
	const char		*name;
	const char		*note;
	int64_t			 age;
	bool			 urgent;
	struct json_strlist	 tags;
};

static const struct json_field fields[] = {
	JSON_STR(struct sample, name, "name", JSON_REQUIRED | JSON_ONELINE,
	    1, 64),
	JSON_STR(struct sample, note, "note", JSON_NULLABLE, 0, 2000),
	JSON_I64(struct sample, age, "age", JSON_OPTIONAL, 0, 130),
	JSON_BOOL(struct sample, urgent, "urgent", JSON_OPTIONAL),
	JSON_STRLIST(struct sample, tags, "tags", JSON_OPTIONAL, 0, 8, 32),
};

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct sample out;
	struct ctx ctx;
	uint64_t seen;
	size_t i;

	ctx_init(&ctx, a, NULL);
	memset(&out, 0, sizeof(out));
	if (json_decode(&ctx, (const char *)data, size, fields,
	    JSON_NFIELDS(fields), &out, &seen) == 0) {
		if (ctx.status != ST_OK || out.name == NULL ||
		    strlen(out.name) == 0 || (seen & 1) == 0)
			abort();
		if (out.age < 0 || out.age > 130 || out.tags.n > 8)
			abort();
		for (i = 0; i < out.tags.n; i++)
			if (out.tags.v[i] == NULL)
				abort();
	} else if (ctx.status == ST_OK) {
		abort();	/* a failure must say why */
	}
	arena_free(a);
	return 0;
}

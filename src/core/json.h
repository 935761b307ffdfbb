/*
 * json: the only door to jansson.  No other file sees its types.
 *
 * Decoding goes through descriptor tables that declare each field's name,
 * type, whether it is required, and its limits; json_decode() validates a
 * whole body in one pass and names every wrong field through fail_field().
 * Duplicate keys, invalid UTF-8, NUL characters and unknown fields are
 * rejected, also inside lists of objects, whose fields are named like
 * "persons[1].name" in errors.  Decoded strings live in the context's arena.
 *
 * Encoding uses the writer below into a struct buf; JSON is never built
 * with printf.
 */
#ifndef SCHAKEL_JSON_H
#define SCHAKEL_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct ctx;

enum json_type {
	JSON_T_STR,		/* char *, NULL when absent or null */
	JSON_T_I64,		/* int64_t */
	JSON_T_BOOL,		/* bool */
	JSON_T_STRLIST,		/* struct json_strlist */
	JSON_T_OBJLIST,		/* struct json_objlist of sub-records */
};

enum json_flags {
	JSON_OPTIONAL = 0,
	JSON_REQUIRED = 1 << 0,
	JSON_NULLABLE = 1 << 1,	/* null is accepted and means absent */
	JSON_ONELINE = 1 << 2,	/* strings: no control characters at all */
};

struct json_strlist {
	const char	**v;
	size_t		  n;
};

/* A list of objects, each decoded into an element of elem_size bytes. */
struct json_objlist {
	void		*v;
	size_t		  n;
};

struct json_field {
	const char	*name;
	enum json_type	 type;
	size_t		 offset;
	unsigned	 flags;
	int64_t		 min;	/* I64: value; STR: characters; LIST: items */
	int64_t		 max;
	int64_t		 item_max; /* LIST: characters per item */
	const struct json_field *sub;	/* OBJLIST: the fields of an item */
	size_t		 nsub;
	size_t		 elem_size;
};

#define JSON_STR(st, m, name, flags, lo, hi) \
	{ (name), JSON_T_STR, offsetof(st, m), (flags), (lo), (hi), 0, NULL, \
	    0, 0 }
#define JSON_I64(st, m, name, flags, lo, hi) \
	{ (name), JSON_T_I64, offsetof(st, m), (flags), (lo), (hi), 0, NULL, \
	    0, 0 }
#define JSON_BOOL(st, m, name, flags) \
	{ (name), JSON_T_BOOL, offsetof(st, m), (flags), 0, 0, 0, NULL, 0, 0 }
#define JSON_STRLIST(st, m, name, flags, lo, hi, itemhi) \
	{ (name), JSON_T_STRLIST, offsetof(st, m), (flags), (lo), (hi), \
	    (itemhi), NULL, 0, 0 }
#define JSON_OBJLIST(st, m, name, flags, lo, hi, elem, subtab) \
	{ (name), JSON_T_OBJLIST, offsetof(st, m), (flags), (lo), (hi), 0, \
	    (subtab), JSON_NFIELDS(subtab), sizeof(elem) }
#define JSON_NFIELDS(tab)	(sizeof(tab) / sizeof((tab)[0]))

/*
 * Decode body into out.  *seen (may be NULL) gets bit i set for each field
 * i present and not null (at most 64 fields).  On -1 the context holds
 * ST_INVALID and one field error per wrong field, and out is unspecified.
 */
int	json_decode(struct ctx *, const char *body, size_t len,
	    const struct json_field *, size_t nfields, void *out,
	    uint64_t *seen);

/*
 * Writer: keeps commas right.  Errors (the buffer's cap) are sticky in
 * the buffer's toobig flag; check once at the end.
 */
struct jw {
	struct buf	*b;
	int		 depth;
	bool		 need_comma[32];
};

void	jw_init(struct jw *, struct buf *);
void	jw_obj_open(struct jw *);
void	jw_obj_close(struct jw *);
void	jw_arr_open(struct jw *);
void	jw_arr_close(struct jw *);
void	jw_key(struct jw *, const char *);
void	jw_str(struct jw *, const char *);	/* NULL writes null */
void	jw_strn(struct jw *, const char *, size_t);
void	jw_int(struct jw *, int64_t);
void	jw_bool(struct jw *, bool);
void	jw_null(struct jw *);
void	jw_kstr(struct jw *, const char *key, const char *);
void	jw_kint(struct jw *, const char *key, int64_t);
void	jw_kbool(struct jw *, const char *key, bool);

#endif

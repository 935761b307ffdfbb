/*
 * org: organisations of the chain (advice points, municipalities, care
 * coordination, providers, police, labour inspectorate, assessment
 * committees) and the municipalities they sit in.  Creating one is
 * audited.  Lists are in the context's arena.
 */
#ifndef SCHAKEL_ORG_H
#define SCHAKEL_ORG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctx;

struct org {
	int64_t		 id;
	const char	*name;
	const char	*type;
	const char	*municipality;		/* "GM0363" or NULL */
	const char	*municipality_name;
	bool		 demo;
};

struct org_in {
	const char	*name;
	const char	*type;
	const char	*municipality;
};

struct municipality {
	const char	*code;
	const char	*name;
	const char	*province;
};

/* Every organisation type, NULL-terminated. */
extern const char *const org_types[];
bool	org_type_valid(const char *);

int	org_create(struct ctx *, const struct org_in *, bool demo,
	    int64_t *id);
int	org_list(struct ctx *, struct org **, size_t *n);
/* The organisation, or NULL with ST_NOTFOUND. */
struct org *org_get(struct ctx *, int64_t id);
/* An id from a number or an exact name; -1 with ST_NOTFOUND. */
int	org_resolve(struct ctx *, const char *id_or_name, int64_t *id);

/* Load data/gemeenten.csv (embedded) into the municipality table. */
int	municipality_load(struct ctx *);
int	municipality_list(struct ctx *, struct municipality **, size_t *n);

#endif

/*
 * provider: what an organisation of type provider offers, where, to
 * whom, and how much room it has now; and the search for the providers
 * that fit a help need of a case.
 *
 * The offer is the care types it gives (ids of the help-needs
 * catalogue), the area it serves (municipalities, and regions that
 * stand for their municipalities through region_municipality), the
 * target groups it takes (minors, adults, men, women, lvb: people with
 * a mild intellectual disability) and the languages it works in (ISO
 * 639-1 codes from a short known list).  The capacity is its free
 * places and its waiting time in weeks.  The provider keeps both up to
 * date itself; each keeps when and by whom it was last changed, so a
 * coordinator sees how fresh a "3 places" is.
 *
 * Who: provider-role users change their own organisation's profile (the
 * organisation is their login's, never one named in the request); an
 * admin sets up any provider's; coordinators and admins read one.  The
 * profile holds no personal data; every change is audited on the
 * organisation (provider.offer, provider.capacity).
 *
 * Fitting (provider_fit): for need nid of case id, the providers that
 * offer the need's care type and serve the case's municipality (directly
 * or through a region), whose target groups take the case's main person
 * (the first victim, else the first person): a minor (age band under
 * 18) needs a provider taking minors, an adult one taking adults, and a
 * provider that names neither takes every age; a woman or a man needs a
 * provider taking women or men when it restricts by sex at all.  When
 * the person's recorded languages (free text in the sealed identity,
 * like "Roemeens, Engels") name known languages, providers speaking one
 * rank first; then free places (most first), waiting weeks (shortest
 * first) and name.  Only the case team (CASE_REL_TEAM) searches; anyone
 * else gets the 404 of a case that does not exist.  The search is
 * audited on the case as case.providers.
 */
#ifndef SCHAKEL_PROVIDER_H
#define SCHAKEL_PROVIDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/json.h"

struct ctx;

/* Target groups, as flags and by name. */
enum provider_group {
	PG_MINORS = 1 << 0,
	PG_ADULTS = 1 << 1,
	PG_MEN = 1 << 2,
	PG_WOMEN = 1 << 3,
	PG_LVB = 1 << 4,
};

struct provider_area {
	const char	*code;		/* municipality code, or NULL */
	int64_t		 region;	/* region id, or 0 */
	const char	*name;
};

struct provider {
	int64_t		 org_id;
	const char	*org_name;
	unsigned	 groups;		/* enum provider_group */
	struct json_strlist care;		/* catalogue ids */
	struct json_strlist langs;		/* ISO 639-1 */
	struct provider_area *munis;
	size_t		 nmunis;
	struct provider_area *regions;
	size_t		 nregions;
	int64_t		 free_places;
	int64_t		 waiting_weeks;
	int64_t		 offer_updated_at;	/* 0: never */
	const char	*offer_updated_by;
	int64_t		 capacity_updated_at;	/* 0: never */
	const char	*capacity_updated_by;
};

/* The offer as sent: every list required (empty allowed). */
struct provider_in {
	struct json_strlist care_types;
	struct json_strlist municipalities;
	struct json_strlist regions;		/* region ids as text */
	struct json_strlist target_groups;
	struct json_strlist languages;
	int64_t		 free_places;		/* -1: leave as it is */
	int64_t		 waiting_weeks;		/* -1: leave as it is */
};

/* One fitting provider. */
struct provider_fit {
	int64_t		 org_id;
	const char	*name;
	int64_t		 free_places;
	int64_t		 waiting_weeks;
	int64_t		 capacity_updated_at;	/* 0: never */
	unsigned	 matched;		/* groups the person is in */
	const char	*language;		/* spoken and the person's */
};

/* What the fitting search looked for: the case's main person. */
struct provider_person {
	bool		 minor;		/* under 18 by age band */
	bool		 adult;
	const char	*sex;		/* female | male | NULL */
	bool		 lvb;		/* marker lvb */
	const char	*langs[3];	/* known codes, NULL-padded */
};

#define PROVIDER_FIT_MAX	200

/* The group's name ("minors") or NULL; the flag of a name or 0. */
const char *provider_group_name(unsigned flag);
unsigned provider_group_of(const char *name);
/* A language code on the known list. */
bool	provider_lang_known(const char *code);
/* The known codes of a free-text list of languages ("Roemeens, Engels",
 * "ro en", "Arabic"): at most 3, NULL-padded, in order. */
void	provider_langs_of(const char *text, const char *out[3]);

/* The profile of organisation org (of type provider); ST_NOTFOUND for
 * any other organisation.  provider_mine() reads the login's own. */
int	provider_get(struct ctx *, int64_t org, struct provider *);
int	provider_mine(struct ctx *, struct provider *);
/* Check and replace the offer (and, when given, the capacity) of org:
 * the login's own for a provider, any provider for an admin.  Field
 * errors name each wrong item ("care_types[2]"); nothing changes then.
 * Audited as provider.offer on the organisation. */
int	provider_set(struct ctx *, int64_t org, const struct provider_in *);
/* The quick update of the login's own capacity; provider.capacity. */
int	provider_capacity(struct ctx *, int64_t places, int64_t weeks);

/* The providers fitting need nid of case id (see above), in out;
 * *who gets what was looked for.  Audited as case.providers. */
int	provider_fit(struct ctx *, int64_t id, int64_t nid,
	    struct provider_fit **out, size_t *n, struct provider_person *who);
/* The main person of a case as the search sees them, from the plain
 * columns and the opened identity. */
struct case_person;
void	provider_person_of(const struct case_person *, size_t n,
	    struct provider_person *);

#endif

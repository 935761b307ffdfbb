/*
 * role: the one role each user has, and what it implies for access.
 *
 * A role is stored by name ("coordinator") and held in memory as enum
 * role; struct principal keeps it as an int.  ROLE_NONE means nobody and
 * is what unknown names and out-of-range values map to, so a bad value
 * never grants anything.  The functions are pure and thread-safe; the
 * strings returned are static and must not be freed.
 *
 * Which records a role may read is decided elsewhere (auth's policy);
 * this module only answers the questions that follow from the role alone.
 */
#ifndef SCHAKEL_ROLE_H
#define SCHAKEL_ROLE_H

#include <stdbool.h>

enum role {
	ROLE_NONE = 0,
	ROLE_REPORTER,		/* any professional who files signals */
	ROLE_ADVISOR,		/* advice-and-reporting point */
	ROLE_COORDINATOR,	/* zorgcoördinator mensenhandel */
	ROLE_PROVIDER,		/* shelter, youth care, expert team, GGZ */
	ROLE_ASSESSOR,		/* multidisciplinary identification */
	ROLE_POLICY,		/* municipality or region: insight only */
	ROLE_RAPPORTEUR,	/* national monitor: insight only */
	ROLE_ADMIN,		/* organisations, users, reference data */
	ROLE__COUNT
};

/* Names. */
/* "reporter" ... "admin"; "none" for ROLE_NONE and any invalid value. */
const char	*role_name(enum role);
/* The role with that exact (lowercase) name; ROLE_NONE when unknown or NULL. */
enum role	 role_from_name(const char *);

/* Predicates; false for ROLE_NONE and invalid values. */
/* Works with records about people: every working role, not policy,
 * rapporteur (aggregates only) or admin (no case content). */
bool		 role_sees_personal_data(enum role);
/* Must log in with a second factor: role_sees_personal_data() or admin. */
bool		 role_needs_totp(enum role);

#endif

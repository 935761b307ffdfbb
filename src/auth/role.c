#include "role.h"

#include <stddef.h>
#include <string.h>

static const char *const names[ROLE__COUNT] = {
	[ROLE_NONE] = "none",
	[ROLE_REPORTER] = "reporter",
	[ROLE_ADVISOR] = "advisor",
	[ROLE_COORDINATOR] = "coordinator",
	[ROLE_PROVIDER] = "provider",
	[ROLE_ASSESSOR] = "assessor",
	[ROLE_POLICY] = "policy",
	[ROLE_RAPPORTEUR] = "rapporteur",
	[ROLE_ADMIN] = "admin",
};

static bool
valid(enum role r)
{
	return (int)r > ROLE_NONE && (int)r < ROLE__COUNT;
}

const char *
role_name(enum role r)
{
	if (!valid(r))
		return names[ROLE_NONE];
	return names[r];
}

enum role
role_from_name(const char *s)
{
	int r;

	if (s == NULL)
		return ROLE_NONE;
	for (r = ROLE_NONE + 1; r < ROLE__COUNT; r++)
		if (strcmp(names[r], s) == 0)
			return (enum role)r;
	return ROLE_NONE;
}

bool
role_sees_personal_data(enum role r)
{
	switch (r) {
	case ROLE_REPORTER:
	case ROLE_ADVISOR:
	case ROLE_COORDINATOR:
	case ROLE_PROVIDER:
	case ROLE_ASSESSOR:
		return true;
	default:
		return false;
	}
}

bool
role_needs_totp(enum role r)
{
	return role_sees_personal_data(r) || r == ROLE_ADMIN;
}

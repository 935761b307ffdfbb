/*
 * Synthetic demo data for init --demo: organisations of a fictional chain
 * in a few real municipalities, and one account per role.  Every name is
 * marked (demo) and the accounts have no second factor, which the UI says.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "auth/totp.h"
#include "cli/cli.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/fail.h"
#include "domain/org.h"
#include "domain/user.h"

static const struct {
	const char	*name;
	const char	*type;
	const char	*municipality;
} demo_orgs[] = {
	{ "Veilig Thuis Amsterdam-Amstelland (demo)", "advice_point",
	    "GM0363" },
	{ "Zorgcoördinatie Mensenhandel Amsterdam (demo)",
	    "care_coordination", "GM0363" },
	{ "Opvang De Haven (demo)", "provider", "GM0599" },
	{ "Jeugdhulp Noord (demo)", "provider", "GM0080" },
	{ "Gemeente Amsterdam (demo)", "municipality", "GM0363" },
	{ "Politie Eenheid Amsterdam (demo)", "police", "GM0363" },
	{ "Arbeidsinspectie (demo)", "labour_inspectorate", "GM0344" },
	{ "Beoordelingscommissie Identificatie (demo)",
	    "assessment_committee", "GM0518" },
	{ "Bureau Nationaal Rapporteur (demo)", "other", "GM0518" },
	{ "Basisschool De Regenboog (demo)", "other", "GM0363" },
};

static const struct {
	const char	*username;
	const char	*role;
	int		 org;		/* index in demo_orgs, -1: Beheer */
} demo_users[] = {
	{ "demo-reporter", "reporter", 9 },
	{ "demo-advisor", "advisor", 0 },
	{ "demo-coordinator", "coordinator", 1 },
	{ "demo-provider", "provider", 2 },
	{ "demo-assessor", "assessor", 7 },
	{ "demo-policy", "policy", 4 },
	{ "demo-rapporteur", "rapporteur", 8 },
	{ "demo-admin", "admin", -1 },
};

/* The secret= value of an otpauth URI. */
static char *
uri_secret(struct arena *a, const char *uri)
{
	const char *p = strstr(uri, "secret="), *end;

	if (p == NULL)
		return arena_strdup(a, "-");
	p += 7;
	end = strchr(p, '&');
	return arena_strndup(a, p, end != NULL ? (size_t)(end - p) :
	    strlen(p));
}

int
demo_create(struct cli_env *env, const char *admin_password,
    const char *admin_totp)
{
	struct org_in org;
	struct user_in u;
	struct buf out;
	int64_t ids[sizeof(demo_orgs) / sizeof(demo_orgs[0])], beheer, id;
	char *uri, *path;
	size_t i;
	int fd;

	buf_init(&out, env->arena, 64 * 1024);
	buf_appendf(&out, "admin\tadmin\t%s\t%s\n", admin_password,
	    uri_secret(env->arena, admin_totp));
	for (i = 0; i < sizeof(demo_orgs) / sizeof(demo_orgs[0]); i++) {
		memset(&org, 0, sizeof(org));
		org.name = demo_orgs[i].name;
		org.type = demo_orgs[i].type;
		org.municipality = demo_orgs[i].municipality;
		if (org_create(env->ctx, &org, true, &ids[i]) == -1)
			return -1;
	}
	if (org_resolve(env->ctx, "Beheer", &beheer) == -1)
		return -1;
	printf("\ndemo accounts (no second factor; synthetic data only):\n");
	for (i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]); i++) {
		memset(&u, 0, sizeof(u));
		u.username = demo_users[i].username;
		u.role = demo_users[i].role;
		u.org_id = demo_users[i].org >= 0 ? ids[demo_users[i].org] :
		    beheer;
		u.password = cli_new_password(env->arena);
		if (user_create(env->ctx, &u, true, &id, &uri) == -1)
			return -1;
		printf("  %-18s %-12s %s\n", u.username, u.role, u.password);
		buf_appendf(&out, "%s\t%s\t%s\t-\n", u.username, u.role,
		    u.password);
	}
	path = cli_path(env->arena, env->dir, "demo-users.txt");
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1 || write(fd, out.p, out.len) != (ssize_t)out.len ||
	    fsync(fd) == -1) {
		if (fd != -1)
			close(fd);
		return fail(env->ctx, ST_INTERNAL, "cannot write '%s': %s",
		    path, strerror(errno));
	}
	close(fd);
	printf("\nThe demo accounts are also in %s.\n", path);
	return 0;
}

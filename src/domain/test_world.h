/*
 * test_world: the fixture of the domain's unit tests that need a real
 * store.  One per test program (static, like cmocka's own state): a
 * fresh SQLite database in a temporary folder, or a database of its own
 * in the PostgreSQL test cluster, migrated, with the municipalities and
 * the catalogues loaded and a master key set; a request context on it;
 * and the few calls every such test makes: a new request, acting as
 * someone, an organisation, an account.
 *
 *   static int setup(void **s) { tw_open("contract", false); ...; }
 *   static int teardown(void **s) { return tw_close(); }
 *
 * The calls that make something assert that it was made.
 *
 * Include it after core/testing.h.  PostgreSQL: SCHAKEL_TEST_PG_DIR
 * names the cluster (tools/pg.sh start DIR); without it tw_open(.., true)
 * fails the test, it never skips.
 */
#ifndef SCHAKEL_TEST_WORLD_H
#define SCHAKEL_TEST_WORLD_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/log.h"
#include "crypt/crypt.h"
#include "domain/catalog.h"
#include "domain/org.h"
#include "domain/region.h"
#include "domain/user.h"
#include "store/store.h"

static struct {
	struct arena	*arena;
	struct ctx	 ctx;
	struct store	*store;
	char		 dir[48];
} tw;

/* A database of our own in the test cluster; its URL, or NULL. */
static inline const char *
tw_pg_database(const char *name)
{
	const char *cluster = getenv("SCHAKEL_TEST_PG_DIR");
	static char url[512];
	static int made;
	char cmd[1200];
	size_t n;
	FILE *p;

	if (cluster == NULL || *cluster == '\0' || strlen(cluster) > 1000 ||
	    strchr(cluster, '\'') != NULL)
		return NULL;
	snprintf(cmd, sizeof(cmd), "tools/pg.sh createdb '%s' %s_%ld_%d",
	    cluster, name, (long)getpid(), ++made);
	p = popen(cmd, "r");
	if (p == NULL)
		return NULL;
	n = fread(url, 1, sizeof(url) - 1, p);
	if (pclose(p) != 0 || n == 0)
		return NULL;
	url[n] = '\0';
	url[strcspn(url, "\n")] = '\0';
	return url;
}

/* A new request: its arena (freeing the old one gives the read
 * connection back to the pool) and no error.  The field errors lived in
 * the arena just freed. */
static inline void
tw_fresh(void)
{
	arena_free(tw.arena);
	tw.arena = arena_new();
	tw.ctx.arena = tw.arena;
	tw.ctx.conn = NULL;
	tw.ctx.fields = NULL;
	tw.ctx.capfields = 0;
	ctx_clear_error(&tw.ctx);
}

static inline void
tw_as(int64_t user, int64_t org, enum role role)
{
	tw.ctx.who.user_id = user;
	tw.ctx.who.org_id = org;
	tw.ctx.who.role = role;
}

/* Opens the world, acting as the command line (admin, nobody). name
 * goes into the folder's and database's names. */
static inline void
tw_open(const char *name, bool pg)
{
	static const unsigned char master[32] = { 7, 7, 7 };
	struct store_opts opts = { 0 };
	char path[80];

	log_set_quiet(true);
	memset(&tw, 0, sizeof(tw));
	snprintf(tw.dir, sizeof(tw.dir), "/tmp/schakel-%.16s-XXXXXX", name);
	assert_non_null(mkdtemp(tw.dir));
	snprintf(path, sizeof(path), "%s/t.db", tw.dir);
	tw.arena = arena_new();
	ctx_init(&tw.ctx, tw.arena, NULL);
	tw.ctx.keys = crypt_keys_from_bytes(master);
	opts.path = path;
	if (pg) {
		opts.url = tw_pg_database(name);
		if (opts.url == NULL)
			fail_msg("no PostgreSQL test cluster: set "
			    "SCHAKEL_TEST_PG_DIR (tools/pg.sh start DIR)");
	}
	opts.create = true;
	opts.migrate = true;
	assert_int_equal(store_open(&tw.ctx, &opts, &tw.store), 0);
	tw.ctx.store = tw.store;
	assert_int_equal(municipality_load(&tw.ctx), 0);
	assert_int_equal(catalog_load(&tw.ctx), 0);
	tw_as(0, 0, ROLE_ADMIN);
}

static inline int
tw_close(void)
{
	char cmd[80];

	time_set_offset(0);
	tw_fresh();
	store_close(tw.store);
	crypt_keys_free((struct crypt_keys *)(uintptr_t)tw.ctx.keys);
	arena_free(tw.arena);
	tw.arena = NULL;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tw.dir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

/* An organisation in Amsterdam (muni NULL) or muni. */
static inline int64_t
tw_org_in(const char *name, const char *type, const char *muni)
{
	struct org_in in = { name, type, muni != NULL ? muni : "GM0363" };
	int64_t id;

	assert_int_equal(org_create(&tw.ctx, &in, true, &id), 0);
	return id;
}

static inline int64_t
tw_org(const char *name, const char *type)
{
	return tw_org_in(name, type, NULL);
}

/* An account with a password and a work phone. */
static inline int64_t
tw_user(const char *name, const char *role, int64_t org)
{
	struct user_in in;
	char *uri;
	int64_t id;

	memset(&in, 0, sizeof(in));
	in.username = name;
	in.role = role;
	in.org_id = org;
	in.password = "correct horse battery staple";
	in.phone = "020 555 00 00";
	assert_int_equal(user_create(&tw.ctx, &in, true, &id, &uri), 0);
	return id;
}

/* A region of one municipality and at most one organisation (NULL:
 * none), made by whoever the world acts as. */
static inline int64_t
tw_region(const char *name, const char *type, const char *muni,
    const char *org)
{
	const char *munis[1] = { muni }, *orgs[1] = { org };
	struct region_in in;
	int64_t id;

	memset(&in, 0, sizeof(in));
	in.name = name;
	in.type = type;
	in.municipalities.v = munis;
	in.municipalities.n = 1;
	in.orgs.v = orgs;
	in.orgs.n = org != NULL ? 1 : 0;
	assert_int_equal(region_create(&tw.ctx, &in, &id), 0);
	tw_fresh();
	return id;
}

#endif

/* schakel init: a new data folder with its key, database and first admin. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/fail.h"
#include "crypt/crypt.h"
#include "domain/org.h"
#include "domain/user.h"
#include "store/store.h"

static const char init_help[] =
    "usage: schakel init --data DIR [--db postgresql://...] [--demo]\n"
    "\n"
    "Creates DIR with a key file (schakel.key, mode 0600) and a database,\n"
    "and the first administrator, whose password and second-factor secret\n"
    "are printed once.  --demo adds synthetic organisations and one demo\n"
    "account per role, listed in DIR/demo-users.txt.  With --db (or\n"
    "SCHAKEL_DB) the database is PostgreSQL; its URL is kept in\n"
    "DIR/db.url for the other commands.\n";

static int
set_meta(struct ctx *ctx, void *p)
{
	const char *const *kv = p;

	return store_exec(ctx, Q_META_SET, ARGS(store_text(kv[0]),
	    store_text(kv[1])), NULL);
}

/* A refused or failed init leaves the folder as a retry needs it. */
static void
undo(const char *dir)
{
	static const char *const made[] = { CRYPT_KEYFILE_NAME, "db.url",
	    "audit.head", "schakel.db", "schakel.db-wal", "schakel.db-shm",
	    "demo-users.txt", NULL };
	char path[4096];
	size_t i;

	for (i = 0; made[i] != NULL; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, made[i]);
		(void)unlink(path);
	}
}

int
cmd_init(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "demo", no_argument, NULL, 'D' },
		{ "db", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_env env;
	struct org_in org;
	struct user_in admin;
	const char *dir = NULL, *db = NULL, *kv[2];
	struct org *orgs;
	size_t norgs;
	char err[512], *uri;
	bool demo = false;
	int64_t org_id, user_id;
	int c, rc = 1;
	struct stat sb;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "", longopts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'd': dir = optarg; break;
		case 'D': demo = true; break;
		case 'b': db = optarg; break;
		case 'h': fputs(init_help, stdout); return 0;
		default:
			return cli_usage("init", "unknown option or missing "
			    "value '%s'", argv[optind - 1]);
		}
	}
	if (dir == NULL)
		return cli_usage("init", "--data DIR is required");
	if (optind != argc)
		return cli_usage("init", "unexpected argument '%s'",
		    argv[optind]);
	if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
		fprintf(stderr, "schakel: cannot create '%s': %s\n", dir,
		    strerror(errno));
		return 1;
	}
	if (stat(dir, &sb) == -1 || !S_ISDIR(sb.st_mode)) {
		fprintf(stderr, "schakel: '%s' is not a folder\n", dir);
		return 1;
	}
	memset(&env, 0, sizeof(env));
	env.arena = arena_new();
	if (stat(cli_path(env.arena, dir, "schakel.db"), &sb) == 0) {
		fprintf(stderr, "schakel: '%s' already holds a database\n",
		    dir);
		arena_free(env.arena);
		return 1;
	}
	if (crypt_init() == -1 || crypt_keyfile_create(cli_path(env.arena,
	    dir, CRYPT_KEYFILE_NAME), err, sizeof(err)) == -1) {
		fprintf(stderr, "schakel: %s\n", err);
		arena_free(env.arena);
		return 1;
	}
	arena_free(env.arena);
	if (cli_open(&env, dir, true, db) == -1)
		goto out;
	if (env.db_url != NULL) {
		if (org_list(env.ctx, &orgs, &norgs) == -1)
			goto out;
		if (norgs > 0) {
			fail(env.ctx, ST_CONFLICT, "that database already "
			    "holds schakel data");
			goto out;
		}
		if (cli_save_db_url(&env, dir, env.db_url) == -1)
			goto out;
	}
	if (municipality_load(env.ctx) == -1)
		goto out;
	kv[0] = "demo";
	kv[1] = demo ? "1" : "0";
	if (store_write(env.ctx, set_meta, kv) == -1)
		goto out;

	memset(&org, 0, sizeof(org));
	org.name = "Beheer";
	org.type = "other";
	if (org_create(env.ctx, &org, false, &org_id) == -1)
		goto out;
	memset(&admin, 0, sizeof(admin));
	admin.username = "admin";
	admin.role = "admin";
	admin.org_id = org_id;
	admin.password = cli_new_password(env.arena);
	if (user_create(env.ctx, &admin, false, &user_id, &uri) == -1)
		goto out;
	printf("created %s\n\n", dir);
	printf("administrator: admin\npassword:      %s\n"
	    "second factor: %s\n", admin.password, uri);
	if (isatty(STDOUT_FILENO))
		cli_print_totp_qr(env.arena, uri);
	putchar('\n');
	printf("These are shown once.  Add the second factor to an "
	    "authenticator app.\n");
	if (demo && demo_create(&env) == -1)
		goto out;
	rc = 0;
out:
	if (rc != 0 && env.ctx != NULL)
		cli_failed(&env);
	cli_close(&env);
	if (rc != 0)
		undo(dir);
	return rc;
}

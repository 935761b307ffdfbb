/* schakel audit | backup | restore | routes: keeping a deployment sound. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "audit/audit.h"
#include "cli/cli.h"
#include "core/arena.h"
#include "core/fail.h"
#include "store/store.h"

static const char audit_help[] =
    "usage: schakel audit verify --data DIR\n"
    "       schakel audit checkpoint --data DIR\n"
    "\n"
    "verify walks the audit trail's hash chain and compares its end with\n"
    "the checkpoint DIR/audit.head.  Exit 0 when it is intact; exit 1\n"
    "naming the first entry that was changed, removed, inserted or\n"
    "reordered, or the entries cut off the end.\n"
    "\n"
    "checkpoint makes the checkpoint record the chain's newest entry even\n"
    "if it recorded a later one: after restoring a PostgreSQL dump, which\n"
    "knowingly goes back in time.  The chain itself must be intact.\n";

static const char backup_help[] =
    "usage: schakel backup --data DIR FILE\n"
    "\n"
    "Writes a consistent copy of the database to FILE (which must not\n"
    "exist), also while the server runs.  Keep DIR/schakel.key apart from\n"
    "the backups: the personal fields cannot be read without it.\n";

static const char restore_help[] =
    "usage: schakel restore --data DIR FILE\n"
    "\n"
    "Replaces DIR's database with the backup in FILE after checking it.\n"
    "The server must be stopped.  DIR must hold the key the backup was\n"
    "made with.\n";

/* --data DIR and exactly npos positional arguments; -1 means go on. */
static int
parse(const char *cmd, const char *help, int argc, char **argv,
    const char **dir, int npos)
{
	static const struct option longopts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	*dir = NULL;
	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "", longopts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'd': *dir = optarg; break;
		case 'h': fputs(help, stdout); return 0;
		default:
			return cli_usage(cmd, "unknown option or missing "
			    "value '%s'", argv[optind - 1]);
		}
	}
	if (*dir == NULL)
		return cli_usage(cmd, "--data DIR is required");
	if (argc - optind != npos)
		return cli_usage(cmd, npos ? "give one FILE" :
		    "unexpected argument");
	return -1;
}

int
cmd_audit(int argc, char **argv)
{
	struct cli_env env;
	const char *dir;
	int64_t count, bad;
	bool missing = false;
	int rc;

	if (argc < 2)
		return cli_usage("audit", "a subcommand is missing");
	if (strcmp(argv[1], "--help") == 0) {
		fputs(audit_help, stdout);
		return 0;
	}
	if (strcmp(argv[1], "verify") != 0 &&
	    strcmp(argv[1], "checkpoint") != 0)
		return cli_usage("audit", "unknown subcommand '%s'", argv[1]);
	rc = parse("audit", audit_help, argc - 1, argv + 1, &dir, 0);
	if (rc >= 0)
		return rc;
	if (cli_open(&env, dir, false, NULL) == -1)
		goto out_fail;
	if (strcmp(argv[1], "checkpoint") == 0) {
		if (audit_verify(env.ctx, &count, &bad) == -1 ||
		    audit_checkpoint_reset(env.ctx, &env.checkpoint) == -1)
			goto out_fail;
		printf("audit checkpoint now at entry %lld\n",
		    (long long)count);
		return cli_end(&env, true);
	}
	if (audit_verify(env.ctx, &count, &bad) == -1 ||
	    audit_checkpoint_check(env.ctx, &env.checkpoint, count, &bad,
	    &missing) == -1) {
		if (bad == 0 && env.ctx->status != ST_CONFLICT)
			goto out_fail;
		printf("audit trail broken at entry %lld: %s\n",
		    (long long)bad, env.ctx->message);
		cli_close(&env);
		return 1;
	}
	printf("audit trail intact: %lld entries\n", (long long)count);
	if (missing && count > 0)
		printf("note: no checkpoint (%s), so entries cut off the end "
		    "would not show\n", env.checkpoint.path);
	return cli_end(&env, true);
out_fail:
	return cli_end(&env, false);
}

int
cmd_backup(int argc, char **argv)
{
	struct cli_env env;
	const char *dir;
	int rc;

	rc = parse("backup", backup_help, argc, argv, &dir, 1);
	if (rc >= 0)
		return rc;
	if (cli_open(&env, dir, false, NULL) == -1 ||
	    store_backup(env.ctx, env.store, argv[optind]) == -1)
		goto out_fail;
	printf("backed up %s to %s\n", dir, argv[optind]);
	return cli_end(&env, true);
out_fail:
	return cli_end(&env, false);
}

int
cmd_restore(int argc, char **argv)
{
	struct cli_env env;
	const char *dir, *file;
	int rc;

	rc = parse("restore", restore_help, argc, argv, &dir, 1);
	if (rc >= 0)
		return rc;
	file = argv[optind];
	if (cli_open(&env, dir, false, NULL) == -1)
		goto out_fail;
	if (env.db_url != NULL) {
		fail(env.ctx, ST_INVALID, "restore is for SQLite; restore a "
		    "PostgreSQL database with pg_restore "
		    "(docs/operations.md)");
		goto out_fail;
	}
	if (cli_lock(&env, dir) == -1)
		goto out_fail;
	/* Nothing of ours may hold the database while it is replaced. */
	arena_free(env.arena);
	store_close(env.store);
	env.store = NULL;
	env.arena = arena_new();
	env.ctx = arena_alloc(env.arena, sizeof(*env.ctx));
	ctx_init(env.ctx, env.arena, NULL);
	if (store_restore(env.ctx, cli_path(env.arena, dir, "schakel.db"),
	    file) == -1)
		goto out_fail;
	/* The checkpoint now speaks of entries the backup does not have. */
	cli_close(&env);
	if (cli_open(&env, dir, false, CLI_SQLITE) == -1 ||
	    audit_checkpoint_reset(env.ctx, &env.checkpoint) == -1)
		goto out_fail;
	printf("restored %s from %s\n", dir, file);
	return cli_end(&env, true);
out_fail:
	return cli_end(&env, false);
}

static const char migrate_help[] =
    "usage: schakel migrate-to-postgres --data DIR --db URL\n"
    "\n"
    "Copies everything in DIR's SQLite database into the empty PostgreSQL\n"
    "database at URL, ids and audit trail as they are, in one transaction;\n"
    "then compares the row counts and verifies the audit chain there, and\n"
    "records URL in DIR/db.url so that every command uses PostgreSQL from\n"
    "then on.  Stop the server first.  schakel.db is left as it was.\n";

static int
compare(struct cli_env *src, struct cli_env *dst)
{
	struct store_counts a, b;
	size_t i;
	int rc = 0;

	if (store_counts(src->ctx, &a) == -1)
		return cli_failed(src);
	if (store_counts(dst->ctx, &b) == -1)
		return cli_failed(dst);
	for (i = 0; i < STORE_COPY_TABLES; i++) {
		printf("  %-16s %10lld %10lld%s\n", store_copy_tables[i],
		    (long long)a.n[i], (long long)b.n[i],
		    a.n[i] == b.n[i] ? "" : "  DIFFERENT");
		if (a.n[i] != b.n[i])
			rc = 1;
	}
	return rc;
}

int
cmd_migrate(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "db", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_env src, dst;
	const char *dir = NULL, *url = NULL;
	int64_t count, bad;
	int c, rc = 1;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "", longopts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'd': dir = optarg; break;
		case 'b': url = optarg; break;
		case 'h': fputs(migrate_help, stdout); return 0;
		default:
			return cli_usage("migrate-to-postgres", "unknown "
			    "option or missing value '%s'", argv[optind - 1]);
		}
	}
	if (dir == NULL || url == NULL)
		return cli_usage("migrate-to-postgres", "--data DIR and --db "
		    "URL are required");
	if (optind != argc)
		return cli_usage("migrate-to-postgres", "unexpected argument "
		    "'%s'", argv[optind]);
	memset(&dst, 0, sizeof(dst));
	dst.lock_fd = -1;
	if (cli_open(&src, dir, false, CLI_SQLITE) == -1 ||
	    cli_lock(&src, dir) == -1) {
		rc = cli_failed(&src);
		goto out;
	}
	if (cli_open(&dst, dir, false, url) == -1 ||
	    store_copy(src.ctx, dst.ctx) == -1) {
		rc = cli_failed(&dst);
		goto out;
	}
	printf("copied %s into PostgreSQL\n  %-14s %10s %10s\n", dir,
	    "table", "sqlite", "postgres");
	if (compare(&src, &dst) != 0) {
		fprintf(stderr, "schakel: the row counts differ\n");
		goto out;
	}
	if (audit_verify(dst.ctx, &count, &bad) == -1) {
		rc = cli_failed(&dst);
		goto out;
	}
	printf("audit trail intact in PostgreSQL: %lld entries\n",
	    (long long)count);
	if (cli_save_db_url(&dst, dir, url) == -1) {
		rc = cli_failed(&dst);
		goto out;
	}
	printf("%s now uses PostgreSQL (%s/db.url); schakel.db is no longer "
	    "used\n", dir, dir);
	rc = 0;
out:
	cli_close(&dst);
	cli_close(&src);
	return rc;
}

int
cmd_routes(int argc, char **argv)
{
	const struct api_route *r;

	if (argc > 1 && strcmp(argv[1], "--help") == 0) {
		puts("usage: schakel routes\n\nLists every API route: "
		    "method, path, the action the policy checks, and\n"
		    "whether it is public.");
		return 0;
	}
	if (argc > 1)
		return cli_usage("routes", "unexpected argument '%s'",
		    argv[1]);
	for (r = api_routes; r->method != NULL; r++)
		printf("%s\t%s\t%s\t%s\n", r->method, r->pattern,
		    action_name(r->action), r->flags & ROUTE_PUBLIC ?
		    "public" : "login");
	return 0;
}

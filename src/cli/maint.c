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
    "\n"
    "Walks the audit trail's hash chain.  Exit 0 when it is intact; exit 1\n"
    "naming the first entry that was changed, removed, inserted or\n"
    "reordered.\n";

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
	int rc;

	if (argc < 2)
		return cli_usage("audit", "a subcommand is missing");
	if (strcmp(argv[1], "--help") == 0) {
		fputs(audit_help, stdout);
		return 0;
	}
	if (strcmp(argv[1], "verify") != 0)
		return cli_usage("audit", "unknown subcommand '%s'", argv[1]);
	rc = parse("audit verify", audit_help, argc - 1, argv + 1, &dir, 0);
	if (rc >= 0)
		return rc;
	if (cli_open(&env, dir, false, NULL) == -1)
		goto out_fail;
	if (audit_verify(env.ctx, &count, &bad) == -1) {
		if (bad == 0)
			goto out_fail;
		printf("audit trail broken at entry %lld: %s\n",
		    (long long)bad, env.ctx->message);
		cli_close(&env);
		return 1;
	}
	printf("audit trail intact: %lld entries\n", (long long)count);
	cli_close(&env);
	return 0;
out_fail:
	rc = cli_failed(&env);
	cli_close(&env);
	return rc;
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
	cli_close(&env);
	return 0;
out_fail:
	rc = cli_failed(&env);
	cli_close(&env);
	return rc;
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
	printf("restored %s from %s\n", dir, file);
	cli_close(&env);
	return 0;
out_fail:
	rc = cli_failed(&env);
	cli_close(&env);
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

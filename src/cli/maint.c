/* schakel audit | backup | restore | routes: keeping a deployment sound. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "audit/audit.h"
#include "cli/cli.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/fail.h"
#include "store/store.h"

#define HEAD_FILE_MAX	(1 << 20)	/* a log may be long; a head is not */

static const char audit_help[] =
    "usage: schakel audit verify --data DIR [--head FILE|LINE]\n"
    "       schakel audit checkpoint --data DIR --reason TEXT\n"
    "       schakel audit head --data DIR [--public-key]\n"
    "\n"
    "verify walks the audit trail's hash chain and compares its end with\n"
    "the checkpoint DIR/audit.head.  Exit 0 when it is intact; exit 1\n"
    "naming the first entry that was changed, removed, inserted or\n"
    "reordered, the entries cut off the end, or a checkpoint that is\n"
    "missing, altered or newer than the chain.  With --head it also\n"
    "checks a signed head made earlier (a file holding one, the last one\n"
    "counts, or the line itself): the chain must still hold that entry\n"
    "with that hash.\n"
    "\n"
    "checkpoint makes the checkpoint record the chain's newest entry\n"
    "whatever it recorded before: after restoring a PostgreSQL dump,\n"
    "which knowingly goes back in time, or once the cause of a server's\n"
    "refusal to start is known.  The chain itself must be intact.  It is\n"
    "audited (action audit.checkpoint, with TEXT as its reason) and it\n"
    "prints what it found.  Stop the servers first.\n"
    "\n"
    "head prints a signed line (newest entry id, its hash, the time and\n"
    "an Ed25519 signature with a key derived from DIR/schakel.key) to\n"
    "store outside the data folder; --public-key prints the public key\n"
    "instead.\n";

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

struct audit_args {
	const char	*dir;
	const char	*reason;
	const char	*head;
	bool		 public_key;
};

static int
audit_parse(int argc, char **argv, struct audit_args *a)
{
	static const struct option longopts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "reason", required_argument, NULL, 'r' },
		{ "head", required_argument, NULL, 'H' },
		{ "public-key", no_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = argv[0];
	int c;

	memset(a, 0, sizeof(*a));
	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "", longopts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'd': a->dir = optarg; break;
		case 'r': a->reason = optarg; break;
		case 'H': a->head = optarg; break;
		case 'p': a->public_key = true; break;
		case 'h': fputs(audit_help, stdout); return 0;
		default:
			return cli_usage("audit", "unknown option or missing "
			    "value '%s'", argv[optind - 1]);
		}
	}
	if (a->dir == NULL)
		return cli_usage("audit", "--data DIR is required");
	if (argc != optind)
		return cli_usage("audit", "unexpected argument '%s'",
		    argv[optind]);
	if (a->head != NULL && strcmp(cmd, "verify") != 0)
		return cli_usage("audit", "--head goes with verify");
	if (a->public_key && strcmp(cmd, "head") != 0)
		return cli_usage("audit", "--public-key goes with head");
	if (strcmp(cmd, "checkpoint") == 0) {
		if (a->reason == NULL || a->reason[0] == '\0')
			return cli_usage("audit", "checkpoint needs --reason "
			    "TEXT: why the chain's end is to be accepted");
		if (strlen(a->reason) > 500)
			return cli_usage("audit", "--reason is at most 500 "
			    "characters");
	} else if (a->reason != NULL) {
		return cli_usage("audit", "--reason goes with checkpoint");
	}
	return -1;
}

/* A signed head from --head: the line itself (also within a log line),
 * or a file holding one. */
static int
read_head(struct cli_env *env, const char *arg, struct audit_head *h)
{
	struct buf b;
	char chunk[4096];
	size_t n;
	FILE *f;
	int rc = 0;

	if (strstr(arg, AUDIT_HEAD_MAGIC " ") != NULL)	/* a (log) line */
		return audit_head_parse(env->ctx, arg, h);
	f = fopen(arg, "r");
	if (f == NULL)
		return fail(env->ctx, ST_INVALID, "cannot read the signed "
		    "head '%s': %s", arg, strerror(errno));
	buf_init(&b, env->arena, HEAD_FILE_MAX);
	for (;;) {
		n = fread(chunk, 1, sizeof(chunk), f);
		if (n == 0)
			break;
		rc = buf_append(&b, chunk, n);
		if (rc == -1)
			break;
	}
	fclose(f);
	if (rc == -1)
		return fail(env->ctx, ST_INVALID, "the signed head file '%s' "
		    "is over %d bytes; give the line itself", arg,
		    HEAD_FILE_MAX);
	return audit_head_parse(env->ctx, b.p, h);
}

/* "entry N of DATE" for the newest entry, or "no entries". */
static const char *
describe_newest(struct cli_env *env, const struct audit_head *h)
{
	struct store_rows *r;

	if (h->id == 0)
		return "no entries";
	if (store_exec(env->ctx, Q_AUDIT_PAGE, ARGS(store_int(h->id - 1),
	    store_int(1)), &r) == -1 || r->nrows != 1)
		return arena_printf(env->arena, "newest at entry %lld",
		    (long long)h->id);
	return arena_printf(env->arena, "newest at entry %lld of %s",
	    (long long)h->id, time_iso(env->arena, rows_int(r, 0, 1)));
}

static int
record_job(struct ctx *ctx, void *p)
{
	const int64_t *old = p;

	return audit_append(ctx, "audit.checkpoint", "audit", *old);
}

/*
 * An audited reset of the checkpoint: an audit.checkpoint entry by the
 * operator (user 0, no role, "local") with reason, whose object id is the
 * entry the checkpoint recorded before (none: 0), then the checkpoint
 * moved to the newest entry, which is that one.  The commit hook would
 * refuse a missing or damaged file, so it is off meanwhile.
 */
static int
record_head(struct cli_env *env, const char *reason, int64_t old)
{
	int rc;

	env->ctx->reason = reason;
	store_on_commit(env->store, NULL, NULL);
	rc = store_write(env->ctx, record_job, &old);
	if (rc == 0)
		rc = audit_checkpoint_reset(env->ctx, &env->checkpoint);
	store_on_commit(env->store, audit_checkpoint_hook, &env->checkpoint);
	env->ctx->reason = NULL;
	return rc;
}

static int
audit_checkpoint_cmd(struct cli_env *env, const char *reason)
{
	struct audit_head cp, newest;
	int64_t count, bad;
	const char *was;

	if (audit_checkpoint_read(env->ctx, &env->checkpoint, &cp) == -1) {
		printf("checkpoint: %s\n", env->ctx->message);
		ctx_clear_error(env->ctx);
		was = "unreadable";
		cp.id = 0;
	} else if (cp.id == 0) {
		printf("checkpoint: none (%s)\n", env->checkpoint.path);
		was = "none";
	} else {
		printf("checkpoint: entry %lld\n", (long long)cp.id);
		was = arena_printf(env->arena, "entry %lld", (long long)cp.id);
	}
	if (audit_verify(env->ctx, &count, &bad) == -1 ||
	    audit_newest(env->ctx, &newest) == -1)
		return -1;
	printf("chain: intact, %lld entries, %s\n", (long long)count,
	    describe_newest(env, &newest));
	if (cp.id > count) {
		printf("the checkpoint records %lld entries more than the "
		    "chain holds: they are given up\n",
		    (long long)(cp.id - count));
	} else if (cp.id > 0 && audit_head_match(env->ctx, &cp, count,
	    "the checkpoint", &bad) == -1) {
		printf("%s: the chain was rewritten from there\n",
		    env->ctx->message);
		if (env->ctx->status != ST_CONFLICT)
			return -1;
		ctx_clear_error(env->ctx);
	}
	if (record_head(env, reason, cp.id) == -1)
		return -1;
	printf("recorded: audit.checkpoint (checkpoint was %s) as entry "
	    "%lld; checkpoint now at entry %lld\n", was,
	    (long long)count + 1, (long long)count + 1);
	return 0;
}

static int
audit_head_cmd(struct cli_env *env, bool public_key)
{
	struct audit_head h;

	if (public_key) {
		printf("%s\n", audit_head_public_key(env->ctx));
		return 0;
	}
	/* Sign only an end that agrees with the checkpoint. */
	if (audit_checkpoint_start(env->ctx, &env->checkpoint) == -1 ||
	    audit_newest(env->ctx, &h) == -1)
		return -1;
	if (h.id == 0)
		return fail(env->ctx, ST_CONFLICT, "the audit trail is empty");
	printf("%s\n", audit_head_line(env->ctx, &h, time_now()));
	return 0;
}

int
cmd_audit(int argc, char **argv)
{
	struct cli_env env;
	struct audit_args a;
	struct audit_head cp, head;
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
	    strcmp(argv[1], "checkpoint") != 0 &&
	    strcmp(argv[1], "head") != 0)
		return cli_usage("audit", "unknown subcommand '%s'", argv[1]);
	rc = audit_parse(argc - 1, argv + 1, &a);
	if (rc >= 0)
		return rc;
	if (cli_open(&env, a.dir, false, NULL) == -1)
		goto out_fail;
	if (strcmp(argv[1], "checkpoint") == 0)
		return cli_end(&env, audit_checkpoint_cmd(&env, a.reason) == 0);
	if (strcmp(argv[1], "head") == 0)
		return cli_end(&env, audit_head_cmd(&env, a.public_key) == 0);
	if (a.head != NULL && read_head(&env, a.head, &head) == -1)
		goto out_fail;
	/* The checkpoint before the chain: servers may add entries. */
	bad = 0;
	if (audit_checkpoint_read(env.ctx, &env.checkpoint, &cp) == -1 ||
	    audit_verify(env.ctx, &count, &bad) == -1 ||
	    audit_checkpoint_check(env.ctx, &env.checkpoint, &cp, count,
	    &bad, &missing) == -1 || (a.head != NULL &&
	    audit_head_match(env.ctx, &head, count, "the signed head",
	    &bad) == -1)) {
		if (env.ctx->status != ST_CONFLICT)
			goto out_fail;
		if (bad != 0)
			printf("audit trail broken at entry %lld: %s\n",
			    (long long)bad, env.ctx->message);
		else
			printf("audit trail broken: %s\n", env.ctx->message);
		if (missing)
			printf("if the cause is known and accepted, record "
			    "the chain's end with 'schakel audit checkpoint "
			    "--data %s --reason TEXT'\n", a.dir);
		cli_close(&env);
		return 1;
	}
	printf("audit trail intact: %lld entries\n", (long long)count);
	if (a.head != NULL)
		printf("signed head: entry %lld is in the chain as signed\n",
		    (long long)head.id);
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
	struct audit_head cp, newest;
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
	/* The checkpoint now speaks of entries the backup does not have:
	 * move it back, on the record. */
	cli_close(&env);
	if (cli_open(&env, dir, false, CLI_SQLITE) == -1)
		goto out_fail;
	if (audit_checkpoint_read(env.ctx, &env.checkpoint, &cp) == -1)
		ctx_clear_error(env.ctx);	/* replaced all the same */
	if (audit_newest(env.ctx, &newest) == -1 ||
	    record_head(&env, "restore from a backup", cp.id) == -1)
		goto out_fail;
	printf("restored %s from %s\n", dir, file);
	printf("the backup's audit trail ends at entry %lld; the checkpoint "
	    "was at entry %lld and is now at entry %lld (audit.checkpoint)\n",
	    (long long)newest.id, (long long)cp.id, (long long)newest.id + 1);
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

#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "auth/totp.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/fail.h"
#include "core/qr.h"
#include "crypt/crypt.h"
#include "domain/org.h"
#include "store/store.h"

static const char usage[] =
    "usage: schakel COMMAND [OPTIONS]\n"
    "\n"
    "  init --data DIR [--demo]        create a data folder\n"
    "  demo --data DIR --scale N       add N years of national synthetic\n"
    "                                  data to a demo folder\n"
    "  serve --data DIR [--listen ADDR:PORT] [--threads N]\n"
    "        [--tls-cert FILE --tls-key FILE] [--trust-proxy ADDR]\n"
    "        [--max-body BYTES] [--head-every SECONDS]\n"
    "                                  serve the API and the web UI\n"
    "  org add --data DIR --type TYPE [--municipality GM0363] NAME\n"
    "  org list --data DIR\n"
    "  user add --data DIR --org ORG --role ROLE [--password-stdin] NAME\n"
    "  user list --data DIR\n"
    "  user disable --data DIR NAME\n"
    "  user reset-password --data DIR [--password-stdin] NAME\n"
    "  token add --data DIR --user NAME LABEL\n"
    "  audit verify --data DIR [--head FILE|LINE]\n"
    "                                  check the audit hash chain\n"
    "  audit checkpoint --data DIR --reason TEXT\n"
    "                                  accept the chain's end (audited)\n"
    "  audit head --data DIR [--public-key]\n"
    "                                  print a signed head to keep elsewhere\n"
    "  backup --data DIR FILE          consistent copy, also while serving\n"
    "  restore --data DIR FILE         replace the database (server stopped)\n"
    "  migrate-to-postgres --data DIR --db URL\n"
    "                                  move a SQLite deployment to PostgreSQL\n"
    "  purge --data DIR [--dry-run] [--years N]\n"
    "                                  purge cases past their retention\n"
    "  export-person --data DIR --reason TEXT [--out FILE]\n"
    "        (--person ID | --bsn NUMBER | --name NAME --birth-date DATE)\n"
    "                                  what is held about one person\n"
    "  routes                          list the API's routes and actions\n"
    "\n"
    "Every command takes --help.\n";

static const struct {
	const char	*name;
	int		(*fn)(int, char **);
} commands[] = {
	{ "init", cmd_init },
	{ "demo", cmd_demo },
	{ "serve", cmd_serve },
	{ "org", cmd_org },
	{ "user", cmd_user },
	{ "token", cmd_token },
	{ "audit", cmd_audit },
	{ "backup", cmd_backup },
	{ "restore", cmd_restore },
	{ "migrate-to-postgres", cmd_migrate },
	{ "purge", cmd_purge },
	{ "export-person", cmd_export_person },
	{ "routes", cmd_routes },
};

int
cli_main(int argc, char **argv)
{
	size_t i;

	opterr = 0;		/* our own one-line messages instead */
	if (argc < 2) {
		fputs("schakel: a command is missing; see schakel --help\n",
		    stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(usage, stdout);
		return 0;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "schakel: unknown command '%s'; see schakel --help\n",
	    argv[1]);
	return EXIT_USAGE;
}

int
cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "schakel %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "; see schakel %s --help\n", cmd);
	return EXIT_USAGE;
}

char *
cli_path(struct arena *a, const char *dir, const char *name)
{
	return arena_printf(a, "%s/%s", dir, name);
}

int
cli_failed(struct cli_env *env)
{
	size_t i;

	fprintf(stderr, "schakel: %s\n", env->ctx->message != NULL ?
	    env->ctx->message : "failed");
	for (i = 0; i < env->ctx->nfields; i++)
		fprintf(stderr, "  %s: %s\n", env->ctx->fields[i].field,
		    env->ctx->fields[i].reason);
	return 1;
}

static const char *
read_db_url(struct arena *a, const char *dir)
{
	char line[2048];
	size_t n;
	FILE *f;

	f = fopen(cli_path(a, dir, "db.url"), "r");
	if (f == NULL)
		return NULL;
	if (fgets(line, sizeof(line), f) == NULL)
		line[0] = '\0';
	fclose(f);
	n = strlen(line);
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return n > 0 ? arena_strdup(a, line) : NULL;
}

int
cli_save_db_url(struct cli_env *env, const char *dir, const char *url)
{
	char *path = cli_path(env->arena, dir, "db.url");
	FILE *f;

	f = fopen(path, "w");
	if (f == NULL || fprintf(f, "%s\n", url) < 0 || fflush(f) != 0 ||
	    fsync(fileno(f)) != 0) {
		if (f != NULL)
			fclose(f);
		return fail(env->ctx, ST_INTERNAL, "cannot write '%s': %s",
		    path, strerror(errno));
	}
	fclose(f);
	return 0;
}

static unsigned pool_max;

void
cli_set_pool_max(unsigned n)
{
	pool_max = n;
}

int
cli_end(struct cli_env *env, bool ok)
{
	int rc = ok ? 0 : cli_failed(env);

	cli_close(env);
	return rc;
}

int
cli_open(struct cli_env *env, const char *dir, bool create,
    const char *db_url)
{
	struct store_opts opts;
	struct audit_head newest;
	char err[512];

	memset(env, 0, sizeof(*env));
	env->lock_fd = -1;
	env->dir = dir;
	env->arena = arena_new();
	env->ctx = arena_alloc(env->arena, sizeof(*env->ctx));
	ctx_init(env->ctx, env->arena, NULL);
	env->ctx->client_addr = "local";
	env->ctx->request_id = "cli";
	if (crypt_init() == -1)
		return fail(env->ctx, ST_INTERNAL, "cannot initialise "
		    "libsodium");
	env->keys = crypt_keys_load(cli_path(env->arena, dir,
	    CRYPT_KEYFILE_NAME), err, sizeof(err));
	if (env->keys == NULL)
		return fail(env->ctx, ST_INVALID, "%s", err);
	env->ctx->keys = env->keys;
	if (db_url != NULL && strcmp(db_url, CLI_SQLITE) == 0) {
		db_url = NULL;
	} else {
		if (db_url == NULL)
			db_url = getenv("SCHAKEL_DB");
		if (db_url == NULL || db_url[0] == '\0')
			db_url = read_db_url(env->arena, dir);
	}
	if (db_url != NULL && strncmp(db_url, "postgresql://", 13) != 0 &&
	    strncmp(db_url, "postgres://", 11) != 0)
		return fail(env->ctx, ST_INVALID, "the database must be a "
		    "postgresql:// URL");
	env->db_url = db_url;
	memset(&opts, 0, sizeof(opts));
	opts.url = db_url;
	opts.path = cli_path(env->arena, dir, "schakel.db");
	opts.pool_max = pool_max;
	opts.create = create;
	opts.migrate = true;
	if (store_open(env->ctx, &opts, &env->store) == -1)
		return -1;
	env->ctx->store = env->store;
	env->checkpoint.path = cli_path(env->arena, dir, "audit.head");
	env->checkpoint.keys = env->keys;
	/* Only a trail that starts now may get a checkpoint unasked. */
	if (audit_newest(env->ctx, &newest) == -1)
		return -1;
	env->checkpoint.may_create = newest.id == 0;
	store_on_commit(env->store, audit_checkpoint_hook, &env->checkpoint);
	return 0;
}

void
cli_close(struct cli_env *env)
{
	if (env->ctx != NULL)
		env->ctx->conn = NULL;
	/* Pooled connections go back before the store closes. */
	arena_free(env->arena);
	env->arena = NULL;
	store_close(env->store);
	crypt_keys_free(env->keys);
	if (env->lock_fd != -1)
		close(env->lock_fd);
	env->store = NULL;
	env->keys = NULL;
	env->lock_fd = -1;
}

int
cli_lock(struct cli_env *env, const char *dir)
{
	char path[4096];
	int fd;

	snprintf(path, sizeof(path), "%s/schakel.lock", dir);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd == -1)
		return fail(env->ctx, ST_INTERNAL, "cannot open '%s': %s",
		    path, strerror(errno));
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		close(fd);
		return fail(env->ctx, ST_CONFLICT, "another schakel is "
		    "serving '%s'", dir);
	}
	env->lock_fd = fd;
	return 0;
}

char *
cli_new_password(struct arena *a)
{
	unsigned char raw[15];
	char *b32, *out;
	size_t i, j;

	crypt_random(raw, sizeof(raw));
	b32 = totp_base32(a, raw, sizeof(raw));		/* 24 characters */
	out = arena_alloc(a, 30);
	for (i = 0, j = 0; b32[i] != '\0'; i++) {
		if (i > 0 && i % 6 == 0)
			out[j++] = '-';
		out[j++] = b32[i];
	}
	return out;
}

void
cli_print_totp_qr(struct arena *a, const char *uri)
{
	struct buf b;
	const char *s;
	size_t i, n;

	buf_init(&b, a, 1 << 16);
	if (qr_text(&b, uri) == 0)
		printf("\n%s", b.p);
	s = strstr(uri, "secret=");
	if (s == NULL)
		return;
	s += strlen("secret=");
	n = strcspn(s, "&");
	fputs("code: ", stdout);
	for (i = 0; i < n; i++) {
		if (i > 0 && i % 4 == 0)
			putchar(' ');
		putchar(s[i]);
	}
	putchar('\n');
}

/* schakel org | user | token: organisations, accounts and API tokens. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "auth/session.h"
#include "cli/cli.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/fail.h"
#include "domain/org.h"
#include "domain/user.h"

static const char org_help[] =
    "usage: schakel org add --data DIR --type TYPE [--municipality CODE] NAME\n"
    "       schakel org list --data DIR\n"
    "\n"
    "TYPE: advice_point, municipality, care_coordination, provider, police,\n"
    "labour_inspectorate, assessment_committee, expert_team, other.  CODE:\n"
    "a CBS code like GM0363.  list prints one organisation a line, its id\n"
    "first.\n";

static const char user_help[] =
    "usage: schakel user add --data DIR --org ORG --role ROLE\n"
    "                        [--phone PHONE] [--real-name 'FIRST LAST']\n"
    "                        [--password-stdin] [--qr] NAME\n"
    "       schakel user list --data DIR\n"
    "       schakel user disable --data DIR NAME\n"
    "       schakel user reset-password --data DIR [--password-stdin] NAME\n"
    "\n"
    "ORG: an id or an exact name.  ROLE: reporter, advisor, coordinator,\n"
    "provider, assessor, policy, rapporteur, admin.  Without\n"
    "--password-stdin a password is made and printed; add prints the\n"
    "second-factor secret as an otpauth:// URI and, on a terminal or with\n"
    "--qr, as a QR code and a text code for an authenticator app.\n";

static const char token_help[] =
    "usage: schakel token add --data DIR --user NAME LABEL\n"
    "\n"
    "Creates an API token (Authorization: Bearer TOKEN) for the user and\n"
    "prints it once; only its hash is stored.\n";

struct args {
	const char	*dir;
	const char	*type;
	const char	*municipality;
	const char	*org;
	const char	*role;
	const char	*user;
	const char	*phone;
	const char	*real_name;
	bool		 password_stdin;
	bool		 qr;
	const char	*positional;
};

static int
parse(const char *cmd, const char *help, int argc, char **argv,
    struct args *a, bool want_name)
{
	static const struct option longopts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "type", required_argument, NULL, 't' },
		{ "municipality", required_argument, NULL, 'm' },
		{ "org", required_argument, NULL, 'o' },
		{ "role", required_argument, NULL, 'r' },
		{ "user", required_argument, NULL, 'u' },
		{ "password-stdin", no_argument, NULL, 'P' },
		{ "phone", required_argument, NULL, 'T' },
		{ "qr", no_argument, NULL, 'Q' },
		{ "real-name", required_argument, NULL, 'N' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(a, 0, sizeof(*a));
	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "", longopts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'd': a->dir = optarg; break;
		case 't': a->type = optarg; break;
		case 'm': a->municipality = optarg; break;
		case 'o': a->org = optarg; break;
		case 'r': a->role = optarg; break;
		case 'u': a->user = optarg; break;
		case 'P': a->password_stdin = true; break;
		case 'T': a->phone = optarg; break;
		case 'Q': a->qr = true; break;
		case 'N': a->real_name = optarg; break;
		case 'h': fputs(help, stdout); return 0;
		default:
			return cli_usage(cmd, "unknown option or missing "
			    "value '%s'", argv[optind - 1]);
		}
	}
	if (a->dir == NULL)
		return cli_usage(cmd, "--data DIR is required");
	if (want_name) {
		if (optind + 1 != argc)
			return cli_usage(cmd, "give exactly one name");
		a->positional = argv[optind];
	} else if (optind != argc) {
		return cli_usage(cmd, "unexpected argument '%s'", argv[optind]);
	}
	return -1;
}

static const char *
read_password(struct arena *a)
{
	char line[1100];
	size_t n;

	if (fgets(line, sizeof(line), stdin) == NULL)
		return NULL;
	n = strlen(line);
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return arena_strdup(a, line);
}

static bool
is_help(int argc, char **argv)
{
	return argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0);
}

int
cmd_org(int argc, char **argv)
{
	struct cli_env env;
	struct args a;
	struct org_in in;
	struct org *o;
	size_t i, n;
	int64_t id;
	int rc;

	if (argc < 2)
		return cli_usage("org", "a subcommand is missing");
	if (is_help(argc, argv)) {
		fputs(org_help, stdout);
		return 0;
	}
	if (strcmp(argv[1], "add") == 0) {
		rc = parse("org add", org_help, argc - 1, argv + 1, &a, true);
		if (rc >= 0)
			return rc;
		if (a.type == NULL)
			return cli_usage("org add", "--type is required");
		if (cli_open(&env, a.dir, false, NULL) == -1)
			goto out_fail;
		memset(&in, 0, sizeof(in));
		in.name = a.positional;
		in.type = a.type;
		in.municipality = a.municipality;
		if (org_create(env.ctx, &in, false, &id) == -1)
			goto out_fail;
		printf("%lld\t%s\n", (long long)id, in.name);
	} else if (strcmp(argv[1], "list") == 0) {
		rc = parse("org list", org_help, argc - 1, argv + 1, &a, false);
		if (rc >= 0)
			return rc;
		if (cli_open(&env, a.dir, false, NULL) == -1 ||
		    org_list(env.ctx, &o, &n) == -1)
			goto out_fail;
		for (i = 0; i < n; i++)
			printf("%lld\t%s\t%s\t%s\n", (long long)o[i].id,
			    o[i].type, o[i].municipality != NULL ?
			    o[i].municipality : "-", o[i].name);
	} else {
		return cli_usage("org", "unknown subcommand '%s'", argv[1]);
	}
	return cli_end(&env, true);
out_fail:
	return cli_end(&env, false);
}

int
cmd_user(int argc, char **argv)
{
	struct cli_env env;
	struct args a;
	struct user_in in;
	struct user *u;
	const char *pw;
	char *uri;
	size_t i, n;
	int64_t id;
	int rc;
	bool generated = false;

	if (argc < 2)
		return cli_usage("user", "a subcommand is missing");
	if (is_help(argc, argv)) {
		fputs(user_help, stdout);
		return 0;
	}
	if (strcmp(argv[1], "list") == 0) {
		rc = parse("user list", user_help, argc - 1, argv + 1, &a,
		    false);
		if (rc >= 0)
			return rc;
		if (cli_open(&env, a.dir, false, NULL) == -1 ||
		    user_list(env.ctx, &u, &n) == -1)
			goto out_fail;
		for (i = 0; i < n; i++)
			printf("%lld\t%s\t%s\t%s%s\n", (long long)u[i].id,
			    u[i].username, u[i].role, u[i].org_name,
			    u[i].disabled ? "\t(disabled)" : "");
		return cli_end(&env, true);
	}
	if (strcmp(argv[1], "add") != 0 && strcmp(argv[1], "disable") != 0 &&
	    strcmp(argv[1], "reset-password") != 0)
		return cli_usage("user", "unknown subcommand '%s'", argv[1]);
	rc = parse("user", user_help, argc - 1, argv + 1, &a, true);
	if (rc >= 0)
		return rc;
	if (strcmp(argv[1], "add") == 0 && (a.org == NULL || a.role == NULL))
		return cli_usage("user add", "--org and --role are required");
	if (cli_open(&env, a.dir, false, NULL) == -1)
		goto out_fail;
	pw = NULL;
	if (strcmp(argv[1], "disable") != 0) {
		pw = a.password_stdin ? read_password(env.arena) :
		    cli_new_password(env.arena);
		generated = !a.password_stdin;
		if (pw == NULL) {
			fail(env.ctx, ST_INVALID, "no password on standard "
			    "input");
			goto out_fail;
		}
	}
	if (strcmp(argv[1], "add") == 0) {
		memset(&in, 0, sizeof(in));
		in.username = a.positional;
		in.role = a.role;
		in.password = pw;
		in.phone = a.phone;
		in.real_name = a.real_name;
		if (org_resolve(env.ctx, a.org, &in.org_id) == -1 ||
		    user_create(env.ctx, &in, false, &id, &uri) == -1)
			goto out_fail;
		printf("%lld\t%s\n", (long long)id, in.username);
		if (uri != NULL) {
			printf("second factor: %s\n", uri);
			if (a.qr || isatty(STDOUT_FILENO))
				cli_print_totp_qr(env.arena, uri);
		}
	} else {
		if (user_resolve(env.ctx, a.positional, &id) == -1)
			goto out_fail;
		if (pw == NULL ? user_disable(env.ctx, id) :
		    user_set_password(env.ctx, id, pw))
			goto out_fail;
		printf("%s %s\n", a.positional, pw == NULL ? "disabled" :
		    "has a new password");
	}
	if (generated)
		printf("password: %s\n", pw);
	return cli_end(&env, true);
out_fail:
	return cli_end(&env, false);
}

int
cmd_token(int argc, char **argv)
{
	struct cli_env env;
	struct args a;
	char *token;
	int64_t id;
	int rc;

	if (argc < 2)
		return cli_usage("token", "a subcommand is missing");
	if (is_help(argc, argv)) {
		fputs(token_help, stdout);
		return 0;
	}
	if (strcmp(argv[1], "add") != 0)
		return cli_usage("token", "unknown subcommand '%s'", argv[1]);
	rc = parse("token add", token_help, argc - 1, argv + 1, &a, true);
	if (rc >= 0)
		return rc;
	if (a.user == NULL)
		return cli_usage("token add", "--user is required");
	if (cli_open(&env, a.dir, false, NULL) == -1 ||
	    user_resolve(env.ctx, a.user, &id) == -1 ||
	    session_token_create(env.ctx, id, a.positional, &token) == -1)
		goto out_fail;
	printf("%s\n", token);
	return cli_end(&env, true);
out_fail:
	return cli_end(&env, false);
}

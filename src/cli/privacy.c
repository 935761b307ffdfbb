/* schakel purge | export-person: retention and the right of access. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/parse.h"
#include "domain/retention.h"
#include "domain/subject.h"
#include "store/store.h"

#define REASON_MAX	500

static const char purge_help[] =
    "usage: schakel purge --data DIR [--dry-run] [--years N]\n"
    "       schakel purge --data DIR --set-years N\n"
    "\n"
    "Purges every closed case whose closing lies the retention period or\n"
    "longer ago: its personal fields are destroyed (summary, notes and\n"
    "reasons, plan, the identity of its people unless another case still\n"
    "holds them, and the signal it was opened on), and the plain fields\n"
    "the numbers need are kept.  Each case is purged in one transaction\n"
    "of its own, recorded on its timeline and in the audit trail\n"
    "(case.purge).  It prints case numbers and counts only.\n"
    "\n"
    "The period is --years N for this run, else the one stored with\n"
    "--set-years N (audited as retention.set), else 20 years; at least\n"
    "1 year.  --dry-run lists the cases that are due and changes nothing.\n"
    "\n"
    "Safe from cron and beside running servers: a run with nothing to do\n"
    "exits 0, a case reopened meanwhile is left alone, and two runs at\n"
    "once purge each case once.  Exit 1 when a case could not be purged\n"
    "(the cases before it stay purged; run it again).\n";

static const char export_help[] =
    "usage: schakel export-person --data DIR --reason TEXT [--out FILE]\n"
    "         (--person ID | --bsn NUMBER | --name NAME --birth-date DATE)\n"
    "\n"
    "Writes everything held about one person, for their access request\n"
    "(GDPR article 15), as readable text to FILE (made with mode 0600;\n"
    "it must not exist) or to standard output: their identity in the\n"
    "registry, each case they are on and what they are in it, the\n"
    "signals that name them, and who accessed those records.  Of a case\n"
    "or signal where they are a suspect or other, it says only that they\n"
    "are recorded, their own identity and the dates: never the victim,\n"
    "the content or who works on it.\n"
    "\n"
    "The person is a registry id, or found by BSN or V-number, or by\n"
    "name and birth date.  TEXT (the request's reference, at most 500\n"
    "characters) goes into the audit entry person.export.  Check who\n"
    "asks before you run it (docs/operations.md).\n";

static int
years_arg(const char *cmd, const char *opt, const char *arg, int64_t *out)
{
	if (parse_int64(arg, RETENTION_YEARS_MIN, RETENTION_YEARS_MAX, out) ==
	    -1)
		return cli_usage(cmd, "%s '%s': the retention period is a "
		    "whole number of years from %d to %d", opt, arg,
		    RETENTION_YEARS_MIN, RETENTION_YEARS_MAX);
	return -1;
}

static int
purge(struct cli_env *env, int64_t years, bool dry_run)
{
	struct ctx *ctx = env->ctx;
	int64_t cutoff, *ids;
	size_t i, n, done = 0, left = 0;
	bool purged;

	if (years == 0 && retention_years(ctx, &years) == -1)
		return -1;
	cutoff = retention_cutoff(time_now(), years);
	if (retention_due(ctx, cutoff, &ids, &n) == -1)
		return -1;
	printf("retention: %lld years after closing; due: closed at or "
	    "before %s\n", (long long)years, time_iso(env->arena, cutoff));
	if (dry_run) {
		for (i = 0; i < n; i++)
			printf("due: case %lld\n", (long long)ids[i]);
		printf("dry run: %zu %s due, nothing changed\n", n,
		    n == 1 ? "case" : "cases");
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (retention_purge_case(ctx, ids[i], cutoff, &purged) == -1) {
			printf("purged %zu of %zu cases due; case %lld "
			    "failed\n", done, n, (long long)ids[i]);
			fflush(stdout);
			return -1;
		}
		if (purged) {
			printf("purged case %lld\n", (long long)ids[i]);
			done++;
		} else {
			left++;
		}
	}
	printf("purged %zu %s", done, done == 1 ? "case" : "cases");
	if (left > 0)
		printf("; %zu reopened or purged meanwhile", left);
	printf("\n");
	return 0;
}

int
cmd_purge(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "years", required_argument, NULL, 'y' },
		{ "set-years", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_env env;
	const char *dir = NULL;
	int64_t years = 0, set = 0;
	bool dry_run = false;
	int c, rc;

	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "", longopts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'd': dir = optarg; break;
		case 'n': dry_run = true; break;
		case 'y':
			rc = years_arg("purge", "--years", optarg, &years);
			if (rc >= 0)
				return rc;
			break;
		case 's':
			rc = years_arg("purge", "--set-years", optarg, &set);
			if (rc >= 0)
				return rc;
			break;
		case 'h': fputs(purge_help, stdout); return 0;
		default:
			return cli_usage("purge", "unknown option or missing "
			    "value '%s'", argv[optind - 1]);
		}
	}
	if (dir == NULL)
		return cli_usage("purge", "--data DIR is required");
	if (optind != argc)
		return cli_usage("purge", "unexpected argument '%s'",
		    argv[optind]);
	if (set > 0 && (dry_run || years > 0))
		return cli_usage("purge", "--set-years stores the period and "
		    "purges nothing; give it alone");
	if (cli_open(&env, dir, false, NULL) == -1)
		return cli_end(&env, false);
	if (set > 0) {
		if (retention_set_years(env.ctx, set) == -1)
			return cli_end(&env, false);
		printf("retention: %lld years after closing from now on "
		    "(retention.set)\n", (long long)set);
		return cli_end(&env, true);
	}
	return cli_end(&env, purge(&env, years, dry_run) == 0);
}

/* Write all of text to fd and make it durable. */
static int
write_out(struct cli_env *env, int fd, const char *path, const char *text)
{
	size_t len = strlen(text), off = 0;
	ssize_t w;

	while (off < len) {
		w = write(fd, text + off, len - off);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return fail(env->ctx, ST_INTERNAL, "cannot write '%s': "
			    "%s", path, strerror(errno));
		off += (size_t)w;
	}
	if (fsync(fd) == -1)
		return fail(env->ctx, ST_INTERNAL, "cannot write '%s': %s",
		    path, strerror(errno));
	return 0;
}

int
cmd_export_person(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "person", required_argument, NULL, 'p' },
		{ "bsn", required_argument, NULL, 'b' },
		{ "name", required_argument, NULL, 'N' },
		{ "birth-date", required_argument, NULL, 'B' },
		{ "reason", required_argument, NULL, 'r' },
		{ "out", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct subject_query q;
	struct cli_env env;
	const char *dir = NULL, *reason = NULL, *out = NULL, *person = NULL;
	const char *text;
	int c, fd = -1;
	bool ok = false;

	memset(&q, 0, sizeof(q));
	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "", longopts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'd': dir = optarg; break;
		case 'p': person = optarg; break;
		case 'b': q.id_number = optarg; break;
		case 'N': q.name = optarg; break;
		case 'B': q.birth_date = optarg; break;
		case 'r': reason = optarg; break;
		case 'o': out = optarg; break;
		case 'h': fputs(export_help, stdout); return 0;
		default:
			return cli_usage("export-person", "unknown option or "
			    "missing value '%s'", argv[optind - 1]);
		}
	}
	if (dir == NULL)
		return cli_usage("export-person", "--data DIR is required");
	if (optind != argc)
		return cli_usage("export-person", "unexpected argument '%s'",
		    argv[optind]);
	if (reason == NULL || reason[0] == '\0')
		return cli_usage("export-person", "--reason TEXT is required: "
		    "the access request's reference");
	if (strlen(reason) > REASON_MAX)
		return cli_usage("export-person", "--reason is at most %d "
		    "characters", REASON_MAX);
	if (person != NULL && parse_int64(person, 1, INT64_MAX,
	    &q.person) == -1)
		return cli_usage("export-person", "--person '%s' is not a "
		    "person id", person);
	if ((person != NULL) + (q.id_number != NULL) + (q.name != NULL ||
	    q.birth_date != NULL) != 1)
		return cli_usage("export-person", "name the person one way: "
		    "--person ID, --bsn NUMBER, or --name NAME with "
		    "--birth-date DATE");
	if ((q.name != NULL) != (q.birth_date != NULL))
		return cli_usage("export-person", "--name and --birth-date go "
		    "together");
	if (cli_open(&env, dir, false, NULL) == -1)
		return cli_end(&env, false);
	if (out != NULL) {
		fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
		if (fd == -1) {
			fail(env.ctx, ST_INVALID, "cannot make '%s': %s", out,
			    strerror(errno));
			return cli_end(&env, false);
		}
	}
	env.ctx->reason = reason;
	text = subject_export(env.ctx, &q);
	if (text == NULL)
		goto out;
	if (fd == -1) {
		ok = fputs(text, stdout) >= 0 && fflush(stdout) == 0;
		if (!ok)
			fail(env.ctx, ST_INTERNAL, "cannot write the export");
		goto out;
	}
	ok = write_out(&env, fd, out, text) == 0;
	if (ok)
		printf("wrote %s (%zu bytes; audited as person.export)\n",
		    out, strlen(text));
out:
	if (fd != -1) {
		close(fd);
		if (!ok)
			unlink(out);
	}
	return cli_end(&env, ok);
}

/* schakel serve: the API and the web UI over HTTP(S). */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/api.h"
#include "audit/audit.h"
#include "auth/password.h"
#include "cli/cli.h"
#include "cli/sandbox.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/log.h"
#include "core/parse.h"
#include "crypt/crypt.h"
#include "domain/notify.h"
#include "domain/sweep.h"
#include "domain/org.h"
#include "domain/volume.h"
#include "domain/signal.h"
#include "http/server.h"
#include "insight/noise.h"
#include "mail/mail.h"
#include "insight/protect.h"
#include "insight/result.h"
#include "store/store.h"

static const char serve_help[] =
    "usage: schakel serve --data DIR [--db postgresql://...]\n"
    "       [--listen ADDR:PORT] [--threads N]\n"
    "       [--tls-cert FILE --tls-key FILE] [--trust-proxy ADDR]\n"
    "       [--max-body BYTES] [--db-pool N] [--no-sandbox]\n"
    "       [--daily-signals N] [--daily-persons N]\n"
    "       [--head-every SECONDS]\n"
    "       [--public-budget-muni N] [--public-budget-total N]\n"
    "       [--public-pow-bits N]\n"
    "       [--insight-threshold N] [--insight-rounding N]\n"
    "       [--insight-noise EPSILON]\n"
    "       [--smtp URL --smtp-from ADDR --public-url URL]\n"
    "       [--smtp-user NAME] [--smtp-password-file FILE]\n"
    "       [--mail-every SECONDS] [--sweep-every SECONDS]\n"
    "\n"
    "Serves the API and the web UI; 127.0.0.1:8080 by default, port 0\n"
    "picks a free one.  --trust-proxy takes the client address and scheme\n"
    "from X-Forwarded-For and X-Forwarded-Proto, only from that address.\n"
    "Stops cleanly on SIGTERM or SIGINT, finishing requests in flight.\n"
    "Several servers may share one PostgreSQL database (and key file).\n"
    "--db-pool caps the database connections for reads (default 32; one\n"
    "more is the writer's); a request waits up to 5 s for one, then 503.\n"
    "Where the kernel has Landlock, the server can then write only in DIR\n"
    "and read only DIR, the TLS files and system folders; --no-sandbox\n"
    "leaves it out (say, for a libpq setup that reads files elsewhere).\n"
    "--daily-signals and --daily-persons cap what one account may file in\n"
    "24 hours (default 25 signals naming 100 people): far above real\n"
    "work, far below what would make matching an oracle.\n"
    "It refuses to start when the audit checkpoint DIR/audit.head is\n"
    "missing while the trail has entries, is altered, or records entries\n"
    "the trail no longer has (see schakel audit --help).  Every\n"
    "--head-every seconds (default 3600, 0: never) in which entries were\n"
    "added it logs a signed head of the trail, to be kept elsewhere.\n"
    "The public form (no login) takes at most --public-budget-muni\n"
    "signals per municipality per hour (default 20) and\n"
    "--public-budget-total overall (default 200), counted in the database;\n"
    "each needs a proof-of-work of --public-pow-bits zero bits (default\n"
    "16, about a second in a browser).\n"
    "Insight never shows a count below --insight-threshold (default and\n"
    "least 10) and rounds every count to a multiple of\n"
    "--insight-rounding (default and least 5); a year already published\n"
    "keeps the rules it was published with (docs/privacy.md).\n"
    "--insight-noise offers open data: the same tables with random noise\n"
    "of this epsilon (0.01 to 10) per table and year, drawn once.\n"
    "With --smtp, queued notification mails go out every --mail-every\n"
    "seconds (default 30) through that server: smtp://host:port needs\n"
    "STARTTLS (only 127.0.0.1 and localhost may go without), smtps:// is\n"
    "TLS throughout.  A mail says only that something waits, with a link\n"
    "to --public-url; a mail server that is down delays mail, never loses\n"
    "it (docs/notifications.md).\n"
    "Every --sweep-every seconds (default 60), with or without --smtp, a\n"
    "deadline that passed (a signal's triage, a referral's or escalation's\n"
    "answer, a placement's review or authorisation) is told, once, to\n"
    "whoever's turn it is.\n";

/* Log a signed head when the trail has moved on since *last. */
static void
log_head(struct cli_env *env, int64_t *last)
{
	struct arena *a = arena_new();
	struct audit_head h;
	struct ctx ctx;

	ctx_init(&ctx, a, env->store);
	ctx.keys = env->keys;
	if (audit_newest(&ctx, &h) == -1) {
		log_warn("audit head not logged: %s", ctx.message);
	} else if (h.id != 0 && h.id != *last) {
		log_info("audit head: %s", audit_head_line(&ctx, &h,
		    time_now()));
		*last = h.id;
	}
	ctx.conn = NULL;
	arena_free(a);
}

/* Wait for SIGINT or SIGTERM, logging signed heads meanwhile: one at
 * the start, then one every `every` seconds in which the trail grew. */
static int
wait_logging_heads(struct cli_env *env, const sigset_t *sigs,
    int64_t every)
{
	struct timespec ts;
	int64_t last = 0;
	int sig;

	if (every == 0) {
		sigwait(sigs, &sig);
		return sig;
	}
	log_head(env, &last);
	for (;;) {
		ts.tv_sec = (time_t)every;
		ts.tv_nsec = 0;
		sig = sigtimedwait(sigs, NULL, &ts);
		if (sig > 0)
			return sig;
		if (errno == EAGAIN)
			log_head(env, &last);
	}
}

/* The mail sender: a thread that empties the outbox every `every`
 * seconds (with --smtp) and, every `sweep_every` seconds, tells who is
 * waited on about deadlines that passed, until told to stop. */
struct sender {
	struct cli_env		*env;
	struct mail_config	 mail;
	int64_t			 every;
	int64_t			 sweep_every;
	int64_t			 next_sweep;
	bool			 stop;
	pthread_mutex_t		 lock;
	pthread_cond_t		 wake;
};

static void
send_pass(struct sender *s)
{
	struct arena *a = arena_new();
	size_t sent, failed, made;
	struct ctx ctx;

	ctx_init(&ctx, a, s->env->store);
	ctx.keys = s->env->keys;
	if (time_now() >= s->next_sweep) {
		s->next_sweep = time_now() + s->sweep_every;
		if (sweep_deadlines(&ctx, time_now(), &made) == -1) {
			log_warn("deadline sweep failed: %s", ctx.message);
			ctx_clear_error(&ctx);
		} else if (made > 0)
			log_info("deadlines: %zu passed and told", made);
	}
	if (s->mail.url != NULL && notify_outbox_pass(&ctx, mail_send,
	    &s->mail, 100, &sent, &failed) == -1)
		log_warn("mail pass failed: %s", ctx.message);
	else if (s->mail.url != NULL && sent + failed > 0)
		log_info("mail: %zu sent, %zu to retry", sent, failed);
	ctx.conn = NULL;
	arena_free(a);
}

static void *
sender_main(void *arg)
{
	struct sender *s = arg;
	struct timespec ts;

	pthread_mutex_lock(&s->lock);
	while (!s->stop) {
		pthread_mutex_unlock(&s->lock);
		send_pass(s);
		pthread_mutex_lock(&s->lock);
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += (time_t)(s->mail.url != NULL &&
		    s->every < s->sweep_every ? s->every : s->sweep_every);
		while (!s->stop && pthread_cond_timedwait(&s->wake, &s->lock,
		    &ts) == 0)
			;
	}
	pthread_mutex_unlock(&s->lock);
	return NULL;
}

static int
read_secret(const char *path, char *out, size_t cap)
{
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return -1;
	n = fread(out, 1, cap - 1, f);
	fclose(f);
	out[n] = '\0';
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

static bool
is_demo(struct ctx *ctx)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_META_GET, ARGS(store_text("demo")), &r) == -1)
		return false;
	return r->nrows == 1 && strcmp(rows_text(r, 0, 0), "1") == 0;
}

int
cmd_serve(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "db", required_argument, NULL, 'D' },
		{ "listen", required_argument, NULL, 'l' },
		{ "threads", required_argument, NULL, 't' },
		{ "tls-cert", required_argument, NULL, 'c' },
		{ "tls-key", required_argument, NULL, 'k' },
		{ "trust-proxy", required_argument, NULL, 'p' },
		{ "max-body", required_argument, NULL, 'b' },
		{ "db-pool", required_argument, NULL, 'P' },
		{ "no-sandbox", no_argument, NULL, 'S' },
		{ "daily-signals", required_argument, NULL, 'V' },
		{ "daily-persons", required_argument, NULL, 'W' },
		{ "head-every", required_argument, NULL, 'e' },
		{ "public-budget-muni", required_argument, NULL, 'm' },
		{ "public-budget-total", required_argument, NULL, 'T' },
		{ "public-pow-bits", required_argument, NULL, 'w' },
		{ "insight-threshold", required_argument, NULL, 'I' },
		{ "insight-rounding", required_argument, NULL, 'R' },
		{ "insight-noise", required_argument, NULL, 'N' },
		{ "smtp", required_argument, NULL, 's' },
		{ "smtp-from", required_argument, NULL, 'f' },
		{ "smtp-user", required_argument, NULL, 'u' },
		{ "smtp-password-file", required_argument, NULL, 'x' },
		{ "public-url", required_argument, NULL, 'U' },
		{ "mail-every", required_argument, NULL, 'E' },
		{ "sweep-every", required_argument, NULL, 'K' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct public_limits pub = { PUBLIC_BUDGET_MUNI, PUBLIC_BUDGET_TOTAL,
	    PUBLIC_POW_BITS };
	struct http_server_opts opts;
	struct http_server *srv = NULL;
	struct sender snd;
	pthread_t snd_thread;
	bool snd_running = false;
	static char smtp_password[256];
	const char *password_file = NULL;
	struct cli_env env;
	struct api api;
	const char *dir = NULL, *db = NULL, *why;
	char err[512];
	sigset_t sigs;
	int64_t n, head_every = 3600, daily_signals = 0, daily_persons = 0;
	int64_t threshold = PROTECT_THRESHOLD_MIN;
	int64_t rounding = PROTECT_ROUNDING_MIN;
	double epsilon = 0;
	char *end;
	int c, sig, abi = 0, rc = 1;
	bool api_ready = false, sandbox = true;

	memset(&opts, 0, sizeof(opts));
	memset(&snd, 0, sizeof(snd));
	snd.every = 30;
	snd.sweep_every = 60;
	opts.listen = "127.0.0.1:8080";
	opts.access_log = true;
	optind = 1;
	for (;;) {
		c = getopt_long(argc, argv, "", longopts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'd': dir = optarg; break;
		case 'D': db = optarg; break;
		case 'l': opts.listen = optarg; break;
		case 'c': opts.tls_cert = optarg; break;
		case 'k': opts.tls_key = optarg; break;
		case 'p': opts.trust_proxy = optarg; break;
		case 't':
			if (parse_int64(optarg, 1, 1024, &n) == -1)
				return cli_usage("serve", "--threads must be "
				    "1 to 1024");
			opts.threads = (unsigned)n;
			break;
		case 'b':
			if (parse_int64(optarg, 1024, 64 << 20, &n) == -1)
				return cli_usage("serve", "--max-body must be "
				    "1024 to 67108864 bytes");
			opts.max_body = (size_t)n;
			break;
		case 'P':
			if (parse_int64(optarg, 1, 1000, &n) == -1)
				return cli_usage("serve", "--db-pool must be "
				    "1 to 1000");
			cli_set_pool_max((unsigned)n);
			break;
		case 'm':
			if (parse_int64(optarg, 1, 1000000, &pub.muni) == -1)
				return cli_usage("serve", "--public-budget-"
				    "muni must be 1 to 1000000");
			break;
		case 'T':
			if (parse_int64(optarg, 1, 1000000, &pub.total) == -1)
				return cli_usage("serve", "--public-budget-"
				    "total must be 1 to 1000000");
			break;
		case 'w':
			if (parse_int64(optarg, 1, CRYPT_BITS_MAX, &n) == -1)
				return cli_usage("serve", "--public-pow-bits "
				    "must be 1 to %d", CRYPT_BITS_MAX);
			pub.bits = (int)n;
			break;
		case 'S': sandbox = false; break;
		case 'V':
			if (parse_int64(optarg, 1, 1000000,
			    &daily_signals) == -1)
				return cli_usage("serve", "--daily-signals "
				    "must be 1 to 1000000");
			break;
		case 'W':
			if (parse_int64(optarg, 1, 10000000,
			    &daily_persons) == -1)
				return cli_usage("serve", "--daily-persons "
				    "must be 1 to 10000000");
			break;
		case 'e':
			if (parse_int64(optarg, 0, 31 * 86400, &head_every)
			    == -1)
				return cli_usage("serve", "--head-every must "
				    "be 0 to 2678400 seconds");
			break;
		case 'I':
			if (parse_int64(optarg, PROTECT_THRESHOLD_MIN, 1000,
			    &threshold) == -1)
				return cli_usage("serve", "--insight-"
				    "threshold must be %d to 1000",
				    PROTECT_THRESHOLD_MIN);
			break;
		case 'R':
			if (parse_int64(optarg, PROTECT_ROUNDING_MIN, 1000,
			    &rounding) == -1)
				return cli_usage("serve", "--insight-"
				    "rounding must be %d to 1000",
				    PROTECT_ROUNDING_MIN);
			break;
		case 'N':
			epsilon = strtod(optarg, &end);
			if (end == optarg || *end != '\0' ||
			    !noise_epsilon_ok(epsilon))
				return cli_usage("serve", "--insight-noise "
				    "must be a number from 0.01 to 10");
			break;
		case 's': snd.mail.url = optarg; break;
		case 'f': snd.mail.from = optarg; break;
		case 'u': snd.mail.user = optarg; break;
		case 'x': password_file = optarg; break;
		case 'U': snd.mail.public_url = optarg; break;
		case 'E':
			if (parse_int64(optarg, 1, 86400, &snd.every) == -1)
				return cli_usage("serve", "--mail-every must "
				    "be 1 to 86400 seconds");
			break;
		case 'K':
			if (parse_int64(optarg, 1, 86400,
			    &snd.sweep_every) == -1)
				return cli_usage("serve", "--sweep-every must "
				    "be 1 to 86400 seconds");
			break;
		case 'h': fputs(serve_help, stdout); return 0;
		default:
			return cli_usage("serve", "unknown option or missing "
			    "value '%s'", argv[optind - 1]);
		}
	}
	if (dir == NULL)
		return cli_usage("serve", "--data DIR is required");
	if (optind != argc)
		return cli_usage("serve", "unexpected argument '%s'",
		    argv[optind]);
	if ((opts.tls_cert == NULL) != (opts.tls_key == NULL))
		return cli_usage("serve", "--tls-cert and --tls-key go "
		    "together");
	if (snd.mail.url != NULL && mail_check(&snd.mail, &why) == -1)
		return cli_usage("serve", "%s", why);
	if (password_file != NULL) {
		if (read_secret(password_file, smtp_password,
		    sizeof(smtp_password)) == -1)
			return cli_usage("serve", "cannot read "
			    "--smtp-password-file");
		snd.mail.password = smtp_password;
	}
	volume_set_limits(daily_signals, daily_persons);
	(void)protect_set_rules(threshold, rounding);
	(void)result_set_noise(epsilon);
	signal_public_set_limits(&pub);
#ifdef SCHAKEL_DEBUG
	/* Tests: a server whose clock runs ahead (or behind), say to see
	 * a challenge expire. */
	if (getenv("SCHAKEL_CLOCK_OFFSET") != NULL) {
		if (parse_int64(getenv("SCHAKEL_CLOCK_OFFSET"), -86400 * 366,
		    86400 * 366, &n) == -1)
			return cli_usage("serve", "SCHAKEL_CLOCK_OFFSET must "
			    "be seconds within a year");
		time_set_offset(n);
		log_warn("clock shifted by %lld s (SCHAKEL_CLOCK_OFFSET)",
		    (long long)n);
	}
#endif

	/* Signals go to this thread only, through sigwait() below. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* Before any thread starts: the restriction holds for those the
	 * process makes afterwards only. */
	if (sandbox && access(dir, F_OK) == 0) {
		const char *extra[] = { opts.tls_cert, opts.tls_key };

		abi = sandbox_enter(dir, extra, 2, err, sizeof(err));
		if (abi == -1) {
			log_error("%s", err);
			return 1;
		}
	}
	if (cli_open(&env, dir, false, db) == -1)
		goto out;
	if (abi > 0)
		log_info("sandbox: files limited to the data folder "
		    "(Landlock ABI %d)", abi);
	else
		log_warn("sandbox: %s", sandbox ? "Landlock is not available "
		    "in this kernel" : "left out (--no-sandbox)");
	/* SQLite has one server; PostgreSQL may have several. */
	if (env.db_url == NULL && cli_lock(&env, dir) == -1)
		goto out;
	/* Never serve, nor move the checkpoint on, past a cut trail. */
	if (audit_checkpoint_start(env.ctx, &env.checkpoint) == -1) {
		why = env.ctx->message;
		ctx_clear_error(env.ctx);
		fail(env.ctx, ST_CONFLICT, "refusing to start: %s; run "
		    "'schakel audit verify --data %s', and once the cause is "
		    "known 'schakel audit checkpoint --data %s --reason TEXT'",
		    why, dir, dir);
		goto out;
	}
	if (municipality_load(env.ctx) == -1)
		goto out;
	if (api_init(&api, env.store, env.keys, is_demo(env.ctx)) == -1) {
		fail(env.ctx, ST_INTERNAL, "cannot register the routes");
		goto out;
	}
	api_ready = true;
	/* Made now, so the first unknown-user login is not the slow one. */
	(void)password_dummy_hash();
	/* The setup context's read connection goes back to the pool. */
	env.ctx->conn = NULL;
	opts.handler = api_handle;
	opts.udata = &api;
	srv = http_server_start(&opts, err, sizeof(err));
	if (srv == NULL) {
		fail(env.ctx, ST_INTERNAL, "%s", err);
		goto out;
	}
	log_info("listening on %s://%.*s:%d", opts.tls_cert ? "https" :
	    "http", (int)(strrchr(opts.listen, ':') - opts.listen),
	    opts.listen, http_server_port(srv));
	if (api.demo_instance)
		log_warn("serving demo data: every record is synthetic");
	/* The thread runs without --smtp too: deadlines pass all the
	 * same. */
	{
		snd.env = &env;
		pthread_mutex_init(&snd.lock, NULL);
		pthread_cond_init(&snd.wake, NULL);
		if (pthread_create(&snd_thread, NULL, sender_main, &snd) != 0) {
			fail(env.ctx, ST_INTERNAL, "cannot start the sender");
			goto out;
		}
		snd_running = true;
		if (snd.mail.url != NULL)
			log_info("mail: sending every %lld s",
			    (long long)snd.every);
	}
	sig = wait_logging_heads(&env, &sigs, head_every);
	log_info("stopping on signal %d", sig);
	http_server_stop(srv);
	srv = NULL;
	log_info("stopped");
	rc = 0;
out:
	if (snd_running) {
		pthread_mutex_lock(&snd.lock);
		snd.stop = true;
		pthread_cond_signal(&snd.wake);
		pthread_mutex_unlock(&snd.lock);
		pthread_join(snd_thread, NULL);
	}
	if (srv != NULL)
		http_server_stop(srv);
	explicit_bzero(smtp_password, sizeof(smtp_password));
	if (rc != 0 && env.ctx != NULL)
		cli_failed(&env);
	if (api_ready)
		api_release(&api);
	cli_close(&env);
	return rc;
}

/*
 * cli: the schakel command.  Each subcommand parses its own options,
 * opens the data folder it is given, and uses domain/ and store/; none
 * of them speaks HTTP except serve, which hands the store to api/.
 *
 * Exit codes: 0 success, 1 the action failed, 2 wrong arguments.
 */
#ifndef SCHAKEL_CLI_H
#define SCHAKEL_CLI_H

#include <stdbool.h>

#include "audit/audit.h"

struct arena;
struct crypt_keys;
struct ctx;
struct store;

#define EXIT_USAGE	2

/* An opened data folder: its store, keys and a context to work in. */
struct cli_env {
	const char	*dir;
	struct arena	*arena;
	struct ctx	*ctx;
	struct store	*store;
	struct crypt_keys *keys;
	int		 lock_fd;	/* schakel.lock, or -1 */
	const char	*db_url;	/* PostgreSQL, or NULL for SQLite */
	struct audit_checkpoint checkpoint; /* DIR/audit.head */
};

int	cli_main(int argc, char **argv);

/*
 * Open DIR's key and database (migrating it); 0 or -1 with a message.
 * The database is PostgreSQL at db_url when given, else at $SCHAKEL_DB,
 * else at the URL in DIR/db.url, else SQLite in DIR/schakel.db.
 * CLI_SQLITE as db_url means SQLite in DIR/schakel.db whatever else.
 */
#define CLI_SQLITE	"sqlite"
int	cli_open(struct cli_env *, const char *dir, bool create,
	    const char *db_url);
/* The most read connections cli_open() lets a store have (0: default). */
void	cli_set_pool_max(unsigned);
/* Remember db_url in DIR/db.url (mode 0600). */
int	cli_save_db_url(struct cli_env *, const char *dir, const char *url);
void	cli_close(struct cli_env *);
/* Take DIR/schakel.lock, held while serving SQLite or restoring. */
int	cli_lock(struct cli_env *, const char *dir);
/* Print "schakel: message" for the context's failure; the exit code. */
int	cli_failed(struct cli_env *);
/* Close env; when !ok report its failure first.  The exit code. */
int	cli_end(struct cli_env *, bool ok);
int	cli_usage(const char *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* A random password that passes the policy, in the arena. */
char	*cli_new_password(struct arena *);
char	*cli_path(struct arena *, const char *dir, const char *name);
/* Print an otpauth:// URI as a QR code for a terminal, and its secret
 * as a text code in groups of four, for an authenticator app. */
void	 cli_print_totp_qr(struct arena *, const char *uri);

/* Subcommands. */
int	cmd_init(int, char **);
int	cmd_demo(int, char **);
int	cmd_serve(int, char **);
int	cmd_org(int, char **);
int	cmd_user(int, char **);
int	cmd_token(int, char **);
int	cmd_audit(int, char **);
int	cmd_backup(int, char **);
int	cmd_restore(int, char **);
int	cmd_routes(int, char **);
int	cmd_migrate(int, char **);
int	cmd_purge(int, char **);
int	cmd_export_person(int, char **);

/* Demo data for init --demo; writes the demo accounts (never the real
 * administrator) to DIR/demo-users.txt. */
int	demo_create(struct cli_env *);

#endif

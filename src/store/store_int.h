/*
 * store_int: what a back end implements (like SQLite's VFS), and the
 * store's own state.  Only src/store/ includes this file.
 */
#ifndef SCHAKEL_STORE_INT_H
#define SCHAKEL_STORE_INT_H

#include <pthread.h>

#include "core/fail.h"
#include "store/store.h"

struct arena;

struct store_backend {
	const char	*name;
	const char	*begin_sql;	/* starts a write transaction */
	/* Open a connection; NULL and a message in err on failure. */
	void	*(*connect)(struct store *, bool readonly, char *err,
		    size_t errlen);
	void	 (*disconnect)(void *conn);
	/* One cached, bound statement.  On -1, *st and err say why. */
	int	 (*exec)(void *conn, struct arena *, enum query,
		    const struct store_value *, size_t, struct store_rows **,
		    enum status *st, char *err, size_t errlen);
	/* Unparameterised SQL text, possibly several statements. */
	int	 (*script)(void *conn, const char *sql, enum status *st,
		    char *err, size_t errlen);
	/*
	 * Migrations: pre runs on the writer's connection outside any
	 * transaction before each migration and post after it, committed
	 * or not; check runs inside the migration's transaction before it
	 * commits and fails it (-1, err) when the result is not sound.
	 * NULL where a back end needs none.
	 */
	const char	*migrate_pre;
	const char	*migrate_post;
	int	 (*migrate_check)(void *conn, enum status *st, char *err,
		    size_t errlen);
	/* Copy the whole database into dest (online backup). */
	int	 (*backup)(void *conn, const char *dest, char *err,
		    size_t errlen);
};

extern const struct store_backend store_sqlite_backend;
extern const struct store_backend store_pg_backend;

struct wjob;

struct store {
	const struct store_backend *be;
	char		*path;

	pthread_mutex_t	 pool_mu;
	pthread_cond_t	 pool_cond;	/* a connection came back */
	void		**pool;		/* idle read connections */
	size_t		 npool;
	size_t		 cappool;
	size_t		 nopen;		/* read connections open, idle or not */
	size_t		 pool_max;

	void		*wconn;		/* the writer's connection */
	pthread_t	 writer;
	bool		 writer_running;
	pthread_mutex_t	 wmu;
	pthread_cond_t	 wcond;		/* work arrived */
	struct wjob	*whead;
	struct wjob	*wtail;
	bool		 stopping;
	unsigned	 group_max;

	void		(*on_commit)(struct ctx *, void *);
	void		*on_commit_arg;
};

#endif

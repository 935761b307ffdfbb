/*
 * bare: the baseline for the benchmark.  libmicrohttpd in the same mode
 * as src/http/server.c (internal thread pool, epoll), answering every
 * request with {"status":"ok"}; schakel's own figures are compared with
 * this one.  Usage: bare PORT THREADS; stops on SIGINT or SIGTERM.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include <microhttpd.h>

static char ok[] = "{\"status\":\"ok\"}";

static enum MHD_Result
answer(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *data, size_t *size,
    void **con_cls)
{
	struct MHD_Response *r;
	enum MHD_Result rc;

	(void)cls, (void)url, (void)method, (void)version, (void)data;
	if (*con_cls == NULL) {		/* headers only: wait for the body */
		*con_cls = c;
		return MHD_YES;
	}
	if (*size != 0) {
		*size = 0;
		return MHD_YES;
	}
	r = MHD_create_response_from_buffer(sizeof(ok) - 1, ok,
	    MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(r, "Content-Type", "application/json");
	rc = MHD_queue_response(c, 200, r);
	MHD_destroy_response(r);
	return rc;
}

int
main(int argc, char **argv)
{
	struct MHD_Daemon *d;
	sigset_t set;
	int sig;

	if (argc != 3) {
		fprintf(stderr, "usage: bare PORT THREADS\n");
		return 2;
	}
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigprocmask(SIG_BLOCK, &set, NULL);	/* MHD's threads inherit it */
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL,
	    (uint16_t)strtol(argv[1], NULL, 10), NULL, NULL, answer, NULL,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)strtol(argv[2], NULL, 10),
	    MHD_OPTION_CONNECTION_LIMIT, 1024u,
	    MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "bare: cannot listen on port %s\n", argv[1]);
		return 1;
	}
	sigwait(&set, &sig);
	MHD_stop_daemon(d);
	return 0;
}

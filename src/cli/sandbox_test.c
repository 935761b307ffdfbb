/*
 * The sandbox in a child process (the restriction cannot be undone): in
 * the data folder files can be made, written, renamed and removed; the
 * TLS file named is readable; /etc is readable but not writable; another
 * folder can be neither read nor written.  Where the kernel has no
 * Landlock, sandbox_enter() must say so (0) and restrict nothing.
 */
#include "core/testing.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/sandbox.h"

static char data[] = "/tmp/schakel-sbx-data-XXXXXX";
static char other[] = "/tmp/schakel-sbx-other-XXXXXX";
static char cert[64], secret[64];

static int
setup(void **state)
{
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(data));
	assert_non_null(mkdtemp(other));
	snprintf(cert, sizeof(cert), "%s/cert.pem", other);
	snprintf(secret, sizeof(secret), "%s/secret.txt", other);
	f = fopen(cert, "w");
	assert_non_null(f);
	fputs("certificate\n", f);
	fclose(f);
	f = fopen(secret, "w");
	assert_non_null(f);
	fputs("not for the server\n", f);
	fclose(f);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s %s", data, other);
	return system(cmd) == 0 ? 0 : -1;
}

static bool
can_open(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC, 0600);

	if (fd == -1)
		return false;
	close(fd);
	return true;
}

/* In the child: 0 when everything is as the sandbox promises, else the
 * number of the first check that failed. */
static int
child(void)
{
	const char *extra[] = { cert, NULL };
	char err[256], a[96], b[96];
	int abi;

	abi = sandbox_enter(data, extra, 2, err, sizeof(err));
	if (abi == 0)
		return can_open(secret, O_RDONLY) ? 0 : 20;
	if (abi < 0)
		return 1;
	snprintf(a, sizeof(a), "%s/f.db", data);
	snprintf(b, sizeof(b), "%s/f.db.new", data);
	if (!can_open(a, O_RDWR | O_CREAT))
		return 2;
	if (rename(a, b) != 0 || unlink(b) != 0)
		return 3;
	if (!can_open(data, O_RDONLY | O_DIRECTORY))
		return 4;
	if (!can_open(cert, O_RDONLY))
		return 5;
	if (can_open(cert, O_WRONLY))
		return 6;
	if (can_open(secret, O_RDONLY) || errno != EACCES)
		return 7;
	snprintf(a, sizeof(a), "%s/dropped", other);
	if (can_open(a, O_WRONLY | O_CREAT))
		return 8;
	if (!can_open("/etc/hosts", O_RDONLY))
		return 9;
	if (can_open("/etc/schakel-sandbox-test", O_WRONLY | O_CREAT))
		return 10;
	if (!can_open("/dev/null", O_WRONLY))
		return 11;
	return 0;
}

static void
test_the_server_keeps_to_its_folder(void **state)
{
	pid_t pid;
	int status;

	(void)state;
	fflush(NULL);
	pid = fork();
	assert_true(pid != -1);
	if (pid == 0)
		_exit(child());
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	/* The parent is not restricted. */
	assert_true(can_open(secret, O_RDONLY));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_the_server_keeps_to_its_folder, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

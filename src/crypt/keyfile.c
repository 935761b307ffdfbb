/*
 * keyfile: create and load DATA/schakel.key, the 32-byte master key as
 * 64 lowercase hexadecimal characters and a newline, mode 0600.
 *
 * These run at startup, before any request context exists, so errors go
 * into a caller buffer.  Messages name the file and, where there is one,
 * the fix; they never contain key material.
 */
#include "crypt.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#define HEX_LEN		(2 * CRYPT_KEY_LEN)

static void	seterr(char *, size_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

/* A truncated message is still a message, so truncation is not checked. */
static void
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* The folder holding path: "." for a bare name, "/" for "/name". */
static int
dir_of(const char *path, char *dir, size_t size)
{
	const char *slash = strrchr(path, '/');
	int n;

	if (slash == NULL)
		n = snprintf(dir, size, ".");
	else if (slash == path)
		n = snprintf(dir, size, "/");
	else
		n = snprintf(dir, size, "%.*s", (int)(slash - path), path);
	if (n < 0 || (size_t)n >= size)
		return -1;
	return 0;
}

static int
fsync_dir(const char *dir)
{
	int fd, rc, saved;

	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1)
		return -1;
	rc = fsync(fd);
	saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

static int
write_all(int fd, const char *p, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Reads up to size bytes; fewer only at end of file. */
static int
read_upto(int fd, char *p, size_t size, size_t *got)
{
	ssize_t n;

	*got = 0;
	while (*got < size) {
		n = read(fd, p + *got, size - *got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		if (n == 0)
			break;
		*got += (size_t)n;
	}
	return 0;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Exactly 64 lowercase hex digits, optionally followed by one newline. */
static int
parse_key(const char *text, size_t len, unsigned char master[CRYPT_KEY_LEN])
{
	int hi, lo;
	size_t i;

	if (len != HEX_LEN && !(len == HEX_LEN + 1 && text[HEX_LEN] == '\n'))
		return -1;
	for (i = 0; i < CRYPT_KEY_LEN; i++) {
		hi = hexval(text[2 * i]);
		lo = hexval(text[2 * i + 1]);
		if (hi == -1 || lo == -1)
			return -1;
		master[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

int
crypt_keyfile_create(const char *path, char *err, size_t errlen)
{
	unsigned char master[CRYPT_KEY_LEN];
	char text[HEX_LEN + 1], dir[PATH_MAX];
	int fd, rc = -1;

	if (crypt_init() == -1) {
		seterr(err, errlen, "cannot initialise libsodium");
		return -1;
	}
	if (dir_of(path, dir, sizeof(dir)) == -1) {
		seterr(err, errlen, "key file path '%s' is too long", path);
		return -1;
	}
	/* O_EXCL: never replace a key, and never follow a planted link. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1) {
		if (errno == EEXIST)
			seterr(err, errlen, "key file '%s' already exists;"
			    " refusing to replace it", path);
		else
			seterr(err, errlen, "cannot create key file '%s': %s",
			    path, strerror(errno));
		return -1;
	}
	randombytes_buf(master, sizeof(master));
	sodium_bin2hex(text, sizeof(text), master, sizeof(master));
	text[HEX_LEN] = '\n';	/* replaces the NUL: no longer a string */
	/* fchmod: the umask may have taken more than group and other. */
	if (fchmod(fd, 0600) == -1 || write_all(fd, text, sizeof(text)) == -1 ||
	    fsync(fd) == -1) {
		seterr(err, errlen, "cannot write key file '%s': %s", path,
		    strerror(errno));
		goto out_unlink;
	}
	if (close(fd) == -1) {
		fd = -1;
		seterr(err, errlen, "cannot write key file '%s': %s", path,
		    strerror(errno));
		goto out_unlink;
	}
	fd = -1;
	if (fsync_dir(dir) == -1) {
		seterr(err, errlen, "cannot sync folder '%s': %s", dir,
		    strerror(errno));
		goto out_unlink;
	}
	rc = 0;
	goto out_wipe;
out_unlink:
	if (fd != -1)
		close(fd);
	unlink(path);
out_wipe:
	sodium_memzero(master, sizeof(master));
	sodium_memzero(text, sizeof(text));
	return rc;
}

struct crypt_keys *
crypt_keys_load(const char *path, char *err, size_t errlen)
{
	unsigned char master[CRYPT_KEY_LEN];
	char text[HEX_LEN + 2];		/* one more than allowed: see excess */
	struct crypt_keys *k = NULL;
	struct stat st;
	size_t len;
	int fd;

	if (crypt_init() == -1) {
		seterr(err, errlen, "cannot initialise libsodium");
		return NULL;
	}
	/* O_NONBLOCK: a FIFO put in its place must not hang the start. */
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1) {
		if (errno == ELOOP)
			seterr(err, errlen, "key file '%s' is a symbolic link;"
			    " put the file itself there", path);
		else
			seterr(err, errlen, "cannot open key file '%s': %s",
			    path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1) {
		seterr(err, errlen, "cannot stat key file '%s': %s", path,
		    strerror(errno));
		goto out_close;
	}
	if (!S_ISREG(st.st_mode)) {
		seterr(err, errlen, "key file '%s' is not a regular file",
		    path);
		goto out_close;
	}
	if ((st.st_mode & 077) != 0) {
		seterr(err, errlen, "key file '%s' is readable or writable by"
		    " others (mode %03o); run chmod 600 on it", path,
		    (unsigned)(st.st_mode & 0777));
		goto out_close;
	}
	if (read_upto(fd, text, sizeof(text), &len) == -1) {
		seterr(err, errlen, "cannot read key file '%s': %s", path,
		    strerror(errno));
		goto out_close;
	}
	if (parse_key(text, len, master) == -1) {
		seterr(err, errlen, "key file '%s' is malformed; it must hold"
		    " 64 lowercase hexadecimal characters and a newline", path);
		goto out_close;
	}
	k = crypt_keys_from_bytes(master);
	if (k == NULL)
		seterr(err, errlen, "cannot allocate protected memory for the"
		    " keys from '%s'", path);
out_close:
	close(fd);
	sodium_memzero(master, sizeof(master));
	sodium_memzero(text, sizeof(text));
	return k;
}

/*
 * sandbox: what `schakel serve` may still touch on disk once it runs.
 *
 * With Landlock (Linux 5.13 and later) the server process limits itself,
 * before it starts any thread, to: its data folder (read and write: the
 * database, its journal, the audit checkpoint), the files named in
 * `extra` (read only: the TLS certificate and key), and read-only system
 * folders the C library, GnuTLS and libpq need (/etc for name lookups and
 * certificates, /usr and /lib for libraries, /proc and /sys, /dev/null and
 * /dev/urandom).  Everything else, and writing anywhere but the data
 * folder, is refused by the kernel, so a bug in request handling cannot
 * read other data on the machine or leave files elsewhere.  Network
 * access is not limited here.
 *
 * The restriction is for good: it holds for the process and every thread
 * it starts afterwards, and cannot be lifted.
 */
#ifndef SCHAKEL_SANDBOX_H
#define SCHAKEL_SANDBOX_H

#include <stddef.h>

/*
 * Restrict the calling process as above.  Returns the Landlock ABI
 * version in force (>= 1), 0 when the kernel has no Landlock (nothing is
 * restricted; the caller says so in the log), or -1 with a message in err
 * when restricting failed half-way (the caller must not go on).
 */
int	sandbox_enter(const char *data_dir, const char *const *extra,
	    size_t nextra, char *err, size_t errlen);

#endif

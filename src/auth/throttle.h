/*
 * throttle: failed logins per client address, in this process's memory.
 * After THROTTLE_FREE failures in THROTTLE_WINDOW seconds an address
 * must wait, doubling with each further failure up to THROTTLE_MAX_WAIT.
 * Thread-safe; a fixed-size table, the oldest entry giving way.
 */
#ifndef SCHAKEL_THROTTLE_H
#define SCHAKEL_THROTTLE_H

#include <stdint.h>

#define THROTTLE_FREE		20
#define THROTTLE_WINDOW		(15 * 60)
#define THROTTLE_MAX_WAIT	(15 * 60)

/* Seconds the address must still wait before its next attempt; 0: none. */
int64_t	throttle_wait(const char *addr, int64_t now);
void	throttle_failure(const char *addr, int64_t now);
void	throttle_reset_all(void);

/*
 * The public signal form: at most PUBLIC_MAX signals per address in
 * PUBLIC_WINDOW seconds.  0 when this one may go ahead (it is counted),
 * else the seconds to wait.
 */
#define PUBLIC_MAX		5
#define PUBLIC_WINDOW		3600
int64_t	throttle_public(const char *addr, int64_t now);

#endif

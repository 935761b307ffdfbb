/*
 * log: one JSON object a line on standard error.
 *
 * Never log personal data: log case, person and user IDs, never names,
 * addresses, notes, request bodies or tokens.  Messages follow git:
 * lowercase, no full stop, what failed first.
 */
#ifndef SCHAKEL_LOG_H
#define SCHAKEL_LOG_H

#include <stdbool.h>
#include <stddef.h>

void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_error(const char *, ...) __attribute__((format(printf, 1, 2)));
/* A pre-built JSON object (no newline), written as one line. */
void	log_json_line(const char *, size_t);
/* Tests silence the log. */
void	log_set_quiet(bool);

#endif

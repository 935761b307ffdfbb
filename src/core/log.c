#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "clock.h"

static bool quiet;

void
log_set_quiet(bool q)
{
	quiet = q;
}

void
log_json_line(const char *line, size_t n)
{
	char nl = '\n';

	if (quiet)
		return;
	/* One write(2) a line keeps lines whole across threads. */
	if (n < 8192) {
		char tmp[8193];

		memcpy(tmp, line, n);
		tmp[n] = nl;
		(void)!write(STDERR_FILENO, tmp, n + 1);
	} else {
		(void)!write(STDERR_FILENO, line, n);
		(void)!write(STDERR_FILENO, &nl, 1);
	}
}

static void
vlog(const char *level, const char *fmt, va_list ap)
{
	struct arena *a;
	struct buf b;
	char *msg;

	if (quiet)
		return;
	a = arena_new();
	msg = arena_vprintf(a, fmt, ap);
	buf_init(&b, a, 16384);
	buf_puts(&b, "{\"time\":");
	buf_append_json_str(&b, time_iso(a, time_now()), 20);
	buf_appendf(&b, ",\"level\":\"%s\",\"msg\":", level);
	buf_append_json_str(&b, msg, strlen(msg));
	buf_putc(&b, '}');
	log_json_line(b.p, b.len);
	arena_free(a);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("info", fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("warn", fmt, ap);
	va_end(ap);
}

void
log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("error", fmt, ap);
	va_end(ap);
}

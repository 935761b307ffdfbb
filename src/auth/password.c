#include "password.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "core/embed.h"
#include "core/fail.h"
#include "core/utf8.h"
#include "core/str.h"

_Static_assert(PASSWORD_HASH_MAX == crypto_pwhash_STRBYTES,
    "PASSWORD_HASH_MAX must match libsodium");

#define OPSLIMIT	crypto_pwhash_OPSLIMIT_INTERACTIVE
#define MEMLIMIT	crypto_pwhash_MEMLIMIT_INTERACTIVE
#define ALG		crypto_pwhash_ALG_ARGON2ID13

/*
 * Used only when the dummy hash cannot be computed (out of memory): a
 * hash of 32 random bytes that were thrown away, with the same cost.
 */
static const char dummy_fallback[] =
    "$argon2id$v=19$m=65536,t=2,p=1$N7a73Dg7NbkRUCEPu8g/dw$"
    "TLEvxbh7KL8qRYs8yTO8sKTawSXzyLCIrrCl505/6gU";

/*
 * The limiter: a counting semaphore over argon2 runs.  The condition
 * variable waits on the monotonic clock so that a change of the wall
 * clock cannot stretch or cut the wait.
 */
static pthread_once_t	 lim_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t	 lim_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 lim_cv;
static unsigned		 lim_default;	/* online cores, at least 1 */
static unsigned		 lim_max;	/* 0: lim_default */
static unsigned		 lim_busy;
static unsigned		 lim_wait_ms = 2000;
static bool		 sodium_ok;

static pthread_once_t	 dummy_once = PTHREAD_ONCE_INIT;
static char		 dummy[PASSWORD_HASH_MAX];

static pthread_once_t	 common_once = PTHREAD_ONCE_INIT;
static struct str	*common;	/* sorted, lowercase; never freed */
static size_t		 ncommon;
static bool		 common_ok;

static void
lim_init(void)
{
	pthread_condattr_t attr;
	long n;

	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&lim_cv, &attr);
	pthread_condattr_destroy(&attr);
	n = sysconf(_SC_NPROCESSORS_ONLN);
	lim_default = n < 1 ? 1 : (unsigned)n;
	sodium_ok = sodium_init() >= 0;
}

void
password_set_concurrency(unsigned n)
{
	pthread_once(&lim_once, lim_init);
	pthread_mutex_lock(&lim_mu);
	lim_max = n;
	pthread_cond_broadcast(&lim_cv);
	pthread_mutex_unlock(&lim_mu);
}

void
password_set_wait_ms(unsigned ms)
{
	pthread_once(&lim_once, lim_init);
	pthread_mutex_lock(&lim_mu);
	lim_wait_ms = ms;
	pthread_mutex_unlock(&lim_mu);
}

unsigned
password_busy(void)
{
	unsigned n;

	pthread_once(&lim_once, lim_init);
	pthread_mutex_lock(&lim_mu);
	n = lim_busy;
	pthread_mutex_unlock(&lim_mu);
	return n;
}

/* ctx may be NULL (password_verify): then the reason is not recorded. */
static int
slot_acquire(struct ctx *ctx)
{
	struct timespec until;
	unsigned max;
	int rc = 0;

	pthread_once(&lim_once, lim_init);
	if (!sodium_ok) {
		if (ctx != NULL)
			fail(ctx, ST_INTERNAL,
			    "libsodium failed to initialise");
		return -1;
	}
	pthread_mutex_lock(&lim_mu);
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += lim_wait_ms / 1000;
	until.tv_nsec += (long)(lim_wait_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	for (;;) {
		max = lim_max != 0 ? lim_max : lim_default;
		if (lim_busy < max || rc == ETIMEDOUT)
			break;
		rc = pthread_cond_timedwait(&lim_cv, &lim_mu, &until);
	}
	if (lim_busy >= max) {
		pthread_mutex_unlock(&lim_mu);
		if (ctx != NULL) {
			fail(ctx, ST_LIMITED, "too many logins at once; "
			    "try again");
			if (ctx->status == ST_LIMITED && ctx->retry_after == 0)
				ctx->retry_after = 1;
		}
		return -1;
	}
	lim_busy++;
	pthread_mutex_unlock(&lim_mu);
	return 0;
}

static void
slot_release(void)
{
	pthread_mutex_lock(&lim_mu);
	lim_busy--;
	pthread_cond_signal(&lim_cv);
	pthread_mutex_unlock(&lim_mu);
}

static void
dummy_init(void)
{
	unsigned char pw[32];
	char hex[2 * sizeof(pw) + 1];

	pthread_once(&lim_once, lim_init);
	if (sodium_ok) {
		randombytes_buf(pw, sizeof(pw));
		sodium_bin2hex(hex, sizeof(hex), pw, sizeof(pw));
		if (crypto_pwhash_str_alg(dummy, hex, strlen(hex), OPSLIMIT,
		    MEMLIMIT, ALG) == 0)
			goto out_wipe;
	}
	memcpy(dummy, dummy_fallback, sizeof(dummy_fallback));
out_wipe:
	explicit_bzero(pw, sizeof(pw));
	explicit_bzero(hex, sizeof(hex));
}

const char *
password_dummy_hash(void)
{
	pthread_once(&dummy_once, dummy_init);
	return dummy;
}

int
password_hash(struct ctx *ctx, const char *password,
    char out[PASSWORD_HASH_MAX])
{
	size_t len;
	int rc;

	len = strlen(password);
	if (len > PASSWORD_MAX_BYTES)
		return fail_field(ctx, "password", "must be at most %d bytes",
		    PASSWORD_MAX_BYTES);
	if (slot_acquire(ctx) == -1)
		return -1;
	rc = crypto_pwhash_str_alg(out, password, len, OPSLIMIT, MEMLIMIT,
	    ALG);
	slot_release();
	if (rc != 0) {
		explicit_bzero(out, PASSWORD_HASH_MAX);
		return fail(ctx, ST_INTERNAL,
		    "password hashing failed: out of memory");
	}
	return 0;
}

static int
check(struct ctx *ctx, const char *hash, const char *password, bool *ok)
{
	*ok = false;
	if (hash == NULL)
		hash = password_dummy_hash();
	if (slot_acquire(ctx) == -1)
		return -1;
	/* A hash without its NUL within the size is not ours: no match. */
	if (password != NULL && strnlen(hash, PASSWORD_HASH_MAX) <
	    PASSWORD_HASH_MAX)
		*ok = crypto_pwhash_str_verify(hash, password,
		    strlen(password)) == 0;
	slot_release();
	if (hash == dummy)
		*ok = false;
	return 0;
}

int
password_check(struct ctx *ctx, const char *hash, const char *password,
    bool *ok)
{
	return check(ctx, hash, password, ok);
}

bool
password_verify(const char *hash, const char *password)
{
	bool ok;

	if (check(NULL, hash, password, &ok) == -1)
		return false;
	return ok;
}

/* Policy. */

static char
lower(char c)
{
	if (c >= 'A' && c <= 'Z')
		return (char)(c - 'A' + 'a');
	return c;
}

/* Code points in s, or -1 when s is not valid UTF-8. */
static int
utf8_count(const char *s, size_t n, size_t *count)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	*count = 0;
	while (i < n) {
		k = utf8_seq(p + i, n - i);
		if (k == 0)
			return -1;
		i += k;
		(*count)++;
	}
	return 0;
}

/* Whether s (valid UTF-8) is one character repeated, ASCII letters
 * compared without case. */
static bool
one_repeated(const char *s, size_t n)
{
	size_t k, i;

	k = utf8_seq((const unsigned char *)s, n);
	if (k == 0 || n % k != 0)
		return false;
	for (i = k; i < n; i += k) {
		if (k == 1 ? lower(s[i]) != lower(s[0]) :
		    memcmp(s + i, s, k) != 0)
			return false;
	}
	return true;
}

/* Whether hay contains needle, ASCII letters compared without case. */
static bool
contains_nocase(const char *hay, size_t hlen, const char *needle,
    size_t nlen)
{
	size_t i, j;

	if (nlen == 0 || nlen > hlen)
		return false;
	for (i = 0; i + nlen <= hlen; i++) {
		for (j = 0; j < nlen; j++)
			if (lower(hay[i + j]) != lower(needle[j]))
				break;
		if (j == nlen)
			return true;
	}
	return false;
}

static int
str_cmp(const void *a, const void *b)
{
	const struct str *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c;

	c = memcmp(x->p, y->p, n);
	if (c != 0)
		return c;
	return (x->len > y->len) - (x->len < y->len);
}

/*
 * Copies the embedded list once, lowercased, into one block, and sorts
 * views of its lines for bsearch.  Both allocations live as long as the
 * process.  A missing list leaves common_ok false, so the policy fails
 * closed rather than accepting every password.
 */
static void
common_load(void)
{
	const struct embedded_file *f;
	char *text;
	size_t i, start, n;

	f = embed_find(embedded_data, "common-passwords.txt");
	if (f == NULL)
		return;
	n = 1;
	for (i = 0; i < f->len; i++)
		if (f->data[i] == '\n')
			n++;
	text = malloc(f->len + 1);
	common = malloc(n * sizeof(*common));
	if (text == NULL || common == NULL) {
		free(text);
		free(common);
		common = NULL;
		return;
	}
	for (i = 0; i < f->len; i++)
		text[i] = lower((char)f->data[i]);
	text[f->len] = '\n';
	ncommon = 0;
	start = 0;
	for (i = 0; i <= f->len; i++) {
		if (text[i] != '\n')
			continue;
		n = i - start;
		if (n > 0 && text[start + n - 1] == '\r')
			n--;
		if (n > 0) {
			common[ncommon].p = text + start;
			common[ncommon].len = n;
			ncommon++;
		}
		start = i + 1;
	}
	qsort(common, ncommon, sizeof(*common), str_cmp);
	common_ok = true;
}

int
password_policy_check(struct ctx *ctx, const char *username,
    const char *password)
{
	char low[PASSWORD_MAX_BYTES];
	struct str key;
	size_t len, nchars, ulen, uchars, i;
	bool found;

	len = strlen(password);
	if (len > PASSWORD_MAX_BYTES)
		return fail_field(ctx, "password", "must be at most %d bytes",
		    PASSWORD_MAX_BYTES);
	if (utf8_count(password, len, &nchars) == -1)
		return fail_field(ctx, "password", "must be valid UTF-8 text");
	if (nchars < PASSWORD_MIN_CHARS)
		return fail_field(ctx, "password",
		    "must be at least %d characters", PASSWORD_MIN_CHARS);
	if (one_repeated(password, len))
		return fail_field(ctx, "password",
		    "must not be one character repeated");
	if (username != NULL) {
		ulen = strlen(username);
		if (utf8_count(username, ulen, &uchars) == -1)
			uchars = ulen;
		if (uchars >= 4 && contains_nocase(password, len, username,
		    ulen))
			return fail_field(ctx, "password",
			    "must not contain the user name");
	}

	pthread_once(&common_once, common_load);
	if (!common_ok)
		return fail(ctx, ST_INTERNAL,
		    "common password list missing from the build");
	for (i = 0; i < len; i++)
		low[i] = lower(password[i]);
	key.p = low;
	key.len = len;
	found = bsearch(&key, common, ncommon, sizeof(*common),
	    str_cmp) != NULL;
	explicit_bzero(low, len);
	if (found)
		return fail_field(ctx, "password",
		    "is too common; choose a longer or less predictable one");
	return 0;
}

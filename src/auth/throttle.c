#include "auth/throttle.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define SLOTS	1024

struct slot {
	char		addr[64];
	int64_t		first;
	int64_t		last;
	int		failures;	/* or, for the public form, signals */
};

static struct slot slots[SLOTS];
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static struct slot *
find(const char *addr, int64_t now, bool create)
{
	struct slot *s, *oldest = &slots[0];
	size_t i;

	for (i = 0; i < SLOTS; i++) {
		s = &slots[i];
		if (s->addr[0] != '\0' && strcmp(s->addr, addr) == 0) {
			if (now - s->first > THROTTLE_WINDOW &&
			    now - s->last > THROTTLE_WINDOW) {
				s->failures = 0;
				s->first = now;
			}
			return s;
		}
		if (s->last < oldest->last)
			oldest = s;
	}
	if (!create)
		return NULL;
	memset(oldest, 0, sizeof(*oldest));
	snprintf(oldest->addr, sizeof(oldest->addr), "%s", addr);
	oldest->first = now;
	return oldest;
}

int64_t
throttle_wait(const char *addr, int64_t now)
{
	struct slot *s;
	int64_t wait = 0, delay;
	int over;

	pthread_mutex_lock(&mu);
	s = find(addr, now, false);
	if (s != NULL && s->failures >= THROTTLE_FREE) {
		over = s->failures - THROTTLE_FREE;
		delay = over >= 10 ? THROTTLE_MAX_WAIT : (int64_t)1 << over;
		if (delay > THROTTLE_MAX_WAIT)
			delay = THROTTLE_MAX_WAIT;
		if (s->last + delay > now)
			wait = s->last + delay - now;
	}
	pthread_mutex_unlock(&mu);
	return wait;
}

void
throttle_failure(const char *addr, int64_t now)
{
	struct slot *s;

	pthread_mutex_lock(&mu);
	s = find(addr, now, true);
	s->failures++;
	s->last = now;
	pthread_mutex_unlock(&mu);
}

static struct slot public_slots[SLOTS];

void
throttle_reset_all(void)
{
	pthread_mutex_lock(&mu);
	memset(slots, 0, sizeof(slots));
	memset(public_slots, 0, sizeof(public_slots));
	pthread_mutex_unlock(&mu);
}

int64_t
throttle_public(const char *addr, int64_t now)
{
	struct slot *s, *oldest = &public_slots[0], *found = NULL;
	int64_t wait = 0;
	size_t i;

	pthread_mutex_lock(&mu);
	for (i = 0; i < SLOTS && found == NULL; i++) {
		s = &public_slots[i];
		if (s->addr[0] != '\0' && strcmp(s->addr, addr) == 0)
			found = s;
		else if (s->last < oldest->last)
			oldest = s;
	}
	if (found == NULL) {
		found = oldest;
		memset(found, 0, sizeof(*found));
		snprintf(found->addr, sizeof(found->addr), "%s", addr);
	}
	if (now - found->first >= PUBLIC_WINDOW) {
		found->first = now;
		found->failures = 0;
	}
	if (found->failures >= PUBLIC_MAX) {
		wait = found->first + PUBLIC_WINDOW - now;
	} else {
		found->failures++;
		found->last = now;
	}
	pthread_mutex_unlock(&mu);
	return wait;
}

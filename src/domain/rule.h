/*
 * rule: the rules of the deadline engine as an admin has set them, one
 * stored row each (sql/migrations/0007_deadline_rules.*.sql).
 *
 * A rule says how long a step may take: a number of working days after
 * the day something is created, or the same calendar day, or (a rule
 * installed so) a number of calendar days.  The unit is the rule's own:
 * an admin changes the number, never the unit.  deadline.c
 * computes with a rule; this module keeps them.  Later issues add rules
 * by migration; nothing creates or removes one at run time.  A change
 * applies to what is created after it, is audited, and needs an admin;
 * advisors may read the rules so they know where their deadlines come
 * from.
 */
#ifndef SCHAKEL_RULE_H
#define SCHAKEL_RULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "domain/deadline.h"

struct ctx;

#define RULE_WORKDAYS_MAX	60
#define RULE_CALENDAR_MAX	366

struct rule {
	int64_t		 id;
	const char	*name;		/* "triage_days" */
	int		 workdays;
	bool		 same_day;
	int		 calendar_days;	/* > 0: counts calendar days */
	int64_t		 updated_at;	/* 0: as installed */
	const char	*updated_by;	/* user name or NULL */
};

/* Every rule, in id order. */
int	rule_list(struct ctx *, struct rule **, size_t *n);
/*
 * An admin changes rule id; audited as deadline.update.  rule_set() is
 * for a rule in working days, rule_set_calendar() for one in calendar
 * days; the other kind is a field error.
 */
int	rule_set(struct ctx *, int64_t id, int workdays, bool same_day);
int	rule_set_calendar(struct ctx *, int64_t id, int days);
/*
 * The rule called name, as stored now, into *out (out->name points at
 * name).  Call it inside the write that uses it, so a concurrent change
 * is either wholly before or wholly after.
 */
int	rule_get(struct ctx *, const char *name, struct deadline_rule *out);

#endif

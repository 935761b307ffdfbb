/*
 * plan: what a person needs and how the care is arranged.  Help needs
 * come from the catalogue (data/help-needs.csv), each open, met or
 * dropped; the care plan holds the goals and which organisation does
 * what (both sealed) and the day of the next review, a deadline the
 * coordinator's start page shows.  Referrals (the next issue) start from
 * an open need.
 */
#ifndef SCHAKEL_PLAN_H
#define SCHAKEL_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/json.h"

struct ctx;

struct case_need {
	int64_t		 id;
	const char	*need;		/* catalogue id */
	const char	*status;	/* open | met | dropped */
	int64_t		 added_at;
	int64_t		 updated_at;
};

/* One line of the plan: who does what. */
struct plan_task {
	const char	*who;		/* an organisation */
	const char	*what;
};

struct case_plan {
	const char	*goals;
	struct json_objlist tasks;	/* struct plan_task */
	const char	*review_on;	/* YYYY-MM-DD or NULL */
	int64_t		 updated_at;
	const char	*updated_by;
};

#define PLAN_TASKS_MAX	30

/* The fields of a task, for decoders of the plan. */
#define PLAN_TASK_NFIELDS	2
extern const struct json_field plan_task_fields[PLAN_TASK_NFIELDS];

/* Inside a store_write(): add the catalogue needs of a list to a case
 * (for a case opened on a signal); unknown or double ones are skipped. */
int	plan_needs_from_list(struct ctx *, int64_t case_id, const char *csv);
/* Add a need from the catalogue to a case; ST_CONFLICT when it is there. */
int	plan_need_add(struct ctx *, int64_t case_id, const char *need,
	    int64_t *id);
/* Mark a need open, met or dropped. */
int	plan_need_set(struct ctx *, int64_t case_id, int64_t need,
	    const char *status);
/* Set the care plan (replacing the last one); review_on (YYYY-MM-DD) is
 * today or later. */
int	plan_set(struct ctx *, int64_t case_id, const struct case_plan *);

int	plan_needs_of_case(struct ctx *, int64_t case_id,
	    struct case_need **, size_t *n);
/* The plan, or *out NULL; *bad when a field does not open. */
int	plan_of_case(struct ctx *, int64_t case_id, struct case_plan **out,
	    bool *bad);

#endif

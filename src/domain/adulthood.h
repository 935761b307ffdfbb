/*
 * adulthood: turning 18, and the plan for the help after it.
 *
 * Every victim of a case who is a minor while on it has an 18th birthday
 * (adult_on), computed when they are entered on the case from the birth
 * date in their sealed identity, or from an estimated age (then the day
 * is an estimate and says so).  A person born on 29 February turns 18 on
 * 1 March in a common year: not before the eighteen years are complete
 * (docs/legal.md).  The day is kept in the clear in case_adulthood for
 * the reminders and the counts (docs/privacy.md).  People entered before
 * that table existed get their row when their case is next read (the
 * lazy fill of adulthood_load()).
 *
 * A transition plan is due six months before the 18th birthday, with
 * reminders six, three and one month before (domain/legal.h: schakel's
 * choice, not law).  A reminder that falls on a Saturday, a Sunday or a
 * public holiday comes on the working day before it, so the coordinator
 * has it in time.  The plan records which help continues (continued
 * youth care up to 23 only when youth care started before 18, Jeugdwet
 * art. 1.1), who pays after 18, whether the same professional stays, and
 * notes; the free text is sealed.  The case team sets and changes it;
 * one write holds the plan, its event on the case's timeline and its
 * audit entry (case.transition).  A victim who turned 18 without a plan
 * is flagged on read; the first recording's moment and whether it was
 * before the birthday and in time stay for the insight counts.
 *
 * After 18 the case goes on as the same case: nothing is registered
 * again, and the age band shown is computed from adult_on.
 */
#ifndef SCHAKEL_ADULTHOOD_H
#define SCHAKEL_ADULTHOOD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/json.h"

struct ctx;
struct care_case;
struct signal_person;
struct due_list;

/* The reminders, earliest first. */
enum adult_stage {
	ADULT_REMIND_6M,
	ADULT_REMIND_3M,
	ADULT_REMIND_1M,
	ADULT__STAGES
};

/* The dates of one 18th birthday (days since 1970-01-01). */
struct adult_schedule {
	int32_t		 adult_on;
	int32_t		 plan_due;	/* six months before adult_on */
	int32_t		 remind[ADULT__STAGES]; /* on working days */
};

/* A transition plan as recorded. */
struct adult_plan {
	struct json_strlist continues;	/* codes */
	int32_t		 youth_care_from; /* -1: not given */
	const char	*payer;
	const char	*payer_text;	/* sealed */
	int		 same_professional; /* -1 unknown, 0 no, 1 yes */
	const char	*professional;	/* sealed */
	const char	*notes;		/* sealed */
	int64_t		 first_at;	/* first recorded */
	bool		 before_18, on_time;
	const char	*updated_by;
	int64_t		 updated_at;
};

/* A minor victim of a case, and their plan. */
struct adult_person {
	int64_t		 person_id;
	bool		 estimated;
	bool		 purged;	/* the day is gone (retention) */
	struct adult_schedule s;
	bool		 has_plan;
	struct adult_plan plan;
};

/* A plan as asked for; strings may be NULL. */
struct adult_plan_in {
	struct json_strlist continues;
	const char	*youth_care_from;	/* YYYY-MM-DD */
	const char	*payer;
	const char	*payer_text;
	bool		 same_professional;
	const char	*professional;
	const char	*notes;
};

/* Per region, for the insight: who turned 18 in a period. */
struct adult_count {
	int64_t		 region_id;	/* 0: none */
	int64_t		 turned_18;
	int64_t		 with_plan;	/* recorded before the birthday */
	int64_t		 without_plan;
	int64_t		 on_time;	/* by six months before it */
};

/* The tables and the calendar (pure). */
const char *const *adulthood_continues(void);
const char *const *adulthood_payers(void);
const char *adulthood_stage_name(enum adult_stage);
/* The 18th birthday of someone born on born; 29 February gives 1 March
 * in a common year. */
int32_t	adulthood_day(int32_t born);
/* The 18th birthday of someone estimated age years old on day today
 * (age < 18); an estimate. */
int32_t	adulthood_day_estimated(int32_t today, int age);
/* day itself when it is a working day, else the working day before. */
int32_t	adulthood_workday_before(int32_t day);
void	adulthood_schedule(int32_t adult_on, struct adult_schedule *);
/* The last reminder reached by today; -1 when none yet. */
int	adulthood_stage(const struct adult_schedule *, int32_t today);
/* The age band (as domain/person.c names them) on today of someone who
 * turns 18 on adult_on. */
const char *adulthood_age_band(int32_t adult_on, int32_t today);
/* The 18th birthday p's identity gives, entered on day today; false
 * when it gives none. */
bool	adulthood_of_identity(const struct signal_person *p, int32_t today,
	    int32_t *adult_on, bool *estimated);

/*
 * Inside a store_write(): note the 18th birthday of person, entered on
 * case_id as p (p->kind its kind there), when p is a victim under 18.
 */
int	adulthood_enter(struct ctx *, int64_t case_id, int64_t person,
	    const struct signal_person *p);
/*
 * The minor victims of case c (loaded by case_get(), its persons
 * opened), filling in the rows of people entered before they were kept,
 * and their age bands made current.  *bad when a sealed field does not
 * open.
 */
int	adulthood_load(struct ctx *, struct care_case *c, bool *bad);

/* The 18th birthday and plan of person on case_id, for their access
 * request (domain/subject.h); *found false when none is kept. */
int	adulthood_of_person(struct ctx *, int64_t case_id, int64_t person,
	    struct adult_person *out, bool *found, bool *bad);

/* Record or change the plan of person on a case ctx's user works on. */
int	adulthood_plan_set(struct ctx *, int64_t case_id, int64_t person,
	    const struct adult_plan_in *);

/*
 * The deadline overview (domain/due.h): "transition_plan" for every
 * person of organisation org_id's open cases without a plan whose plan
 * is due before until (detail: the reminder reached, "6m", "3m" or
 * "1m"), and "turned_18_without_plan" for those who did.
 */
int	adulthood_due(struct ctx *, int64_t org_id, int64_t until,
	    struct due_list *);

/*
 * For the insight (no API yet): per region, who turned 18 in the months
 * from_month to to_month (year * 12 + month - 1) up to today, with and
 * without a plan.
 */
int	adulthood_counts(struct ctx *, int from_month, int to_month,
	    struct adult_count **, size_t *n);

#endif

#include "domain/adulthood.h"

#include <string.h>
#include <time.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/fail.h"
#include "domain/case.h"
#include "domain/codes.h"
#include "domain/deadline.h"
#include "domain/due.h"
#include "domain/legal.h"
#include "domain/person.h"
#include "domain/sealed.h"
#include "domain/timeline.h"
#include "store/store.h"

#define DUE_MAX		2000

/* Which help continues after 18. */
static const char *const continues[] = { "continued_youth_care", "wmo",
    "zvw_same_practitioner", "local_16_27", "none_needed", "other", NULL };
/* Who pays after 18. */
static const char *const payers[] = { "municipality", "health_insurer",
    "wlz", "other", NULL };
static const char *const stages[ADULT__STAGES] = { "6m", "3m", "1m" };

const char *const *
adulthood_continues(void)
{
	return continues;
}

const char *const *
adulthood_payers(void)
{
	return payers;
}

const char *
adulthood_stage_name(enum adult_stage s)
{
	return s < ADULT__STAGES ? stages[s] : NULL;
}

/* The calendar. */

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int32_t
adulthood_day(int32_t born)
{
	const struct legal_rule *r = legal_rule(LEGAL_ADULT_AGE);
	time_t t = (time_t)born * 86400;
	struct tm tm;
	int32_t day;

	gmtime_r(&t, &tm);
	day = legal_add(born, r->amount, r->unit);
	/* legal_add() ends a period of years on 28 February; an age is
	 * reached only when the years are complete: on 1 March. */
	if (tm.tm_mon == 1 && tm.tm_mday == 29 &&
	    !leap(tm.tm_year + 1900 + r->amount))
		day++;
	return day;
}

int32_t
adulthood_day_estimated(int32_t today, int age)
{
	return legal_add(today, legal_rule(LEGAL_ADULT_AGE)->amount - age,
	    LEGAL_YEARS);
}

int32_t
adulthood_workday_before(int32_t day)
{
	while (!deadline_is_workday(day))
		day--;
	return day;
}

void
adulthood_schedule(int32_t adult_on, struct adult_schedule *s)
{
	static const enum legal_id ids[ADULT__STAGES] = {
	    LEGAL_TRANSITION_PLAN, LEGAL_TRANSITION_WARN_MID,
	    LEGAL_TRANSITION_WARN_LAST };
	int i;

	s->adult_on = adult_on;
	s->plan_due = legal_warn_from(LEGAL_TRANSITION_PLAN, adult_on);
	for (i = 0; i < ADULT__STAGES; i++)
		s->remind[i] = adulthood_workday_before(legal_warn_from(ids[i],
		    adult_on));
}

int
adulthood_stage(const struct adult_schedule *s, int32_t today)
{
	int i;

	for (i = ADULT__STAGES - 1; i >= 0; i--)
		if (today >= s->remind[i])
			return i;
	return -1;
}

const char *
adulthood_age_band(int32_t adult_on, int32_t today)
{
	int age;

	/* The birthday of age k is k - 18 years from adult_on (month ends
	 * kept): exact but for a 29 February on 29 February of a leap
	 * year, counted a day late; a band does not mind. */
	for (age = 0; age < 150 && legal_add(adult_on, age + 1 - 18,
	    LEGAL_YEARS) <= today; age++)
		;
	if (age < 12)
		return "0-11";
	if (age < 16)
		return "12-15";
	if (age < 18)
		return "16-17";
	if (age < 23)
		return "18-22";
	if (age < 30)
		return "23-29";
	return "30+";
}

bool
adulthood_of_identity(const struct signal_person *p, int32_t today,
    int32_t *adult_on, bool *estimated)
{
	int32_t born;

	*estimated = false;
	if (p->birth_date != NULL && date_parse(p->birth_date, &born) == 0) {
		*adult_on = adulthood_day(born);
		return true;
	}
	if (p->estimated_age > 0 && p->estimated_age < 18) {
		*adult_on = adulthood_day_estimated(today,
		    (int)p->estimated_age);
		*estimated = true;
		return true;
	}
	return false;
}

static int
month_of(int32_t day)
{
	time_t t = (time_t)day * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	return (tm.tm_year + 1900) * 12 + tm.tm_mon;
}

/* Keeping the day. */

static int
insert(struct ctx *ctx, int64_t case_id, int64_t person, int32_t adult_on,
    bool estimated)
{
	return store_exec(ctx, Q_ADULT_INSERT, ARGS(store_int(case_id),
	    store_int(person), store_int(adult_on),
	    store_int(month_of(adult_on)), store_int(estimated ? 1 : 0),
	    store_int(time_now())), NULL);
}

int
adulthood_enter(struct ctx *ctx, int64_t case_id, int64_t person,
    const struct signal_person *p)
{
	int32_t today = deadline_local_day(time_now()), on;
	bool est;

	if (p == NULL || p->kind == NULL || strcmp(p->kind, "victim") != 0 ||
	    !adulthood_of_identity(p, today, &on, &est) || on <= today)
		return 0;
	return insert(ctx, case_id, person, on, est);
}

struct fill_job {
	int64_t		 case_id;
	int64_t		*person;
	int32_t		*on;
	bool		*est;
	size_t		 n;
};

static int
fill_job(struct ctx *ctx, void *p)
{
	struct fill_job *j = p;
	size_t i;

	for (i = 0; i < j->n; i++)
		if (insert(ctx, j->case_id, j->person[i], j->on[i],
		    j->est[i]) == -1)
			return -1;
	return 0;
}

static bool
has_row(const struct store_rows *r, int64_t person)
{
	size_t i;

	for (i = 0; i < r->nrows; i++)
		if (rows_int(r, i, 1) == person)
			return true;
	return false;
}

/* The day person was entered on the case, from rows of
 * Q_ADULT_ENTERED; -1 when not there. */
static int32_t
entered(const struct store_rows *e, int64_t person)
{
	size_t i;

	for (i = 0; i < e->nrows; i++)
		if (rows_int(e, i, 0) == person)
			return deadline_local_day(rows_int(e, i, 1));
	return -1;
}

/*
 * The victims of c entered before case_adulthood existed: a row for
 * each who was under 18 on the day they were entered on the case (an
 * estimated age taken as of that day).  Nothing for a purged case.
 */
static int
fill(struct ctx *ctx, struct care_case *c, const struct store_rows *r,
    bool *filled)
{
	int32_t opened = deadline_local_day(c->created_at), on, day;
	struct store_rows *e = NULL;
	struct fill_job j;
	size_t i;
	bool est;

	*filled = false;
	if (c->h.purged_at > 0)
		return 0;
	memset(&j, 0, sizeof(j));
	j.case_id = c->h.id;
	j.person = arena_alloc(ctx->arena, (c->npersons + 1) *
	    sizeof(*j.person));
	j.on = arena_alloc(ctx->arena, (c->npersons + 1) * sizeof(*j.on));
	j.est = arena_alloc(ctx->arena, (c->npersons + 1) * sizeof(*j.est));
	for (i = 0; i < c->npersons; i++) {
		/* Nobody is entered before the case was opened: a quick
		 * test first, the day of entry only when it may matter. */
		if (c->persons[i].p.kind == NULL ||
		    strcmp(c->persons[i].p.kind, "victim") != 0 ||
		    has_row(r, c->persons[i].id) ||
		    !adulthood_of_identity(&c->persons[i].p, opened, &on,
		    &est) || on <= opened)
			continue;
		if (e == NULL && store_exec(ctx, Q_ADULT_ENTERED,
		    ARGS(store_int(c->h.id)), &e) == -1)
			return -1;
		day = entered(e, c->persons[i].id);
		if (day < 0 || !adulthood_of_identity(&c->persons[i].p, day,
		    &on, &est) || on <= day)
			continue;
		j.person[j.n] = c->persons[i].id;
		j.on[j.n] = on;
		j.est[j.n] = est;
		j.n++;
	}
	if (j.n == 0)
		return 0;
	*filled = true;
	return store_write(ctx, fill_job, &j);
}

static void
plan_of_row(struct ctx *ctx, const struct store_rows *r, size_t i,
    struct adult_person *a, bool *bad)
{
	int64_t id = rows_int(r, i, 0);
	struct adult_plan *p = &a->plan;

	a->has_plan = rows_int(r, i, 11) > 0;
	if (!a->has_plan)
		return;
	codes_split(ctx->arena, rows_text(r, i, 4), &p->continues);
	p->youth_care_from = (int32_t)rows_int(r, i, 5);
	p->payer = rows_text(r, i, 6);
	p->payer_text = sealed_get(ctx, r, i, 7, "case_adulthood",
	    "payer_text", id, bad);
	p->same_professional = (int)rows_int(r, i, 8);
	p->professional = sealed_get(ctx, r, i, 9, "case_adulthood",
	    "professional", id, bad);
	p->notes = sealed_get(ctx, r, i, 10, "case_adulthood", "notes", id,
	    bad);
	p->first_at = rows_int(r, i, 11);
	p->before_18 = rows_int(r, i, 12) == 1;
	p->on_time = rows_int(r, i, 13) == 1;
	p->updated_by = rows_text(r, i, 14);
	p->updated_at = rows_int(r, i, 15);
}

static void
person_of_row(struct ctx *ctx, const struct store_rows *r, size_t i,
    struct adult_person *a, bool *bad)
{
	memset(a, 0, sizeof(*a));
	a->person_id = rows_int(r, i, 1);
	a->estimated = rows_int(r, i, 3) == 1;
	a->purged = rows_int(r, i, 2) < 0;
	if (!a->purged)
		adulthood_schedule((int32_t)rows_int(r, i, 2), &a->s);
	plan_of_row(ctx, r, i, a, bad);
}

int
adulthood_of_person(struct ctx *ctx, int64_t case_id, int64_t person,
    struct adult_person *out, bool *found, bool *bad)
{
	struct store_rows *r;
	size_t i;

	*found = false;
	if (store_exec(ctx, Q_ADULT_OF_CASE, ARGS(store_int(case_id)), &r) ==
	    -1)
		return -1;
	for (i = 0; i < r->nrows && !*found; i++)
		if (rows_int(r, i, 1) == person) {
			person_of_row(ctx, r, i, out, bad);
			*found = true;
		}
	return 0;
}

int
adulthood_load(struct ctx *ctx, struct care_case *c, bool *bad)
{
	int32_t today = deadline_local_day(time_now());
	struct adult_person *a;
	struct store_rows *r;
	size_t i, k;
	bool filled;

	c->adults = NULL;
	c->nadults = 0;
	if (store_exec(ctx, Q_ADULT_OF_CASE, ARGS(store_int(c->h.id)), &r) ==
	    -1 || fill(ctx, c, r, &filled) == -1)
		return -1;
	if (filled && store_exec(ctx, Q_ADULT_OF_CASE,
	    ARGS(store_int(c->h.id)), &r) == -1)
		return -1;
	a = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*a));
	for (i = 0; i < r->nrows; i++) {
		person_of_row(ctx, r, i, &a[i], bad);
		/* The band entered goes stale; the birthday does not. */
		for (k = 0; k < c->npersons && !a[i].purged; k++)
			if (c->persons[k].id == a[i].person_id)
				c->persons[k].p.age_band =
				    adulthood_age_band(a[i].s.adult_on, today);
	}
	c->adults = a;
	c->nadults = r->nrows;
	return 0;
}

/* The plan. */

struct plan_job {
	int64_t		 case_id;
	int64_t		 person;
	const struct adult_plan_in *in;
	const char	*continues;
	int32_t		 youth_care_from;
	int32_t		 today;
};

static const char *
list_words(struct ctx *ctx, const char *const *l)
{
	const char *s = NULL;
	size_t i;

	for (i = 0; l[i] != NULL; i++)
		s = s == NULL ? l[i] : arena_printf(ctx->arena, "%s%s%s", s,
		    l[i + 1] == NULL ? " or " : ", ", l[i]);
	return s;
}

static bool
wants(const struct json_strlist *l, const char *code)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], code) == 0)
			return true;
	return false;
}

static int
seal(struct ctx *ctx, const char *column, int64_t id, const char *text,
    struct store_value *v)
{
	return sealed_put(ctx, "case_adulthood", column, id, text, v);
}

static int
plan_job(struct ctx *ctx, void *p)
{
	struct plan_job *j = p;
	const struct adult_plan_in *in = j->in;
	struct store_value payer_text, prof, notes;
	struct adult_schedule s;
	struct store_rows *r;
	int64_t id, first, now = time_now();
	bool before, on_time, changed;

	/* Read in the write: the first recording is decided once. */
	if (store_exec(ctx, Q_ADULT_GET, ARGS(store_int(j->case_id),
	    store_int(j->person)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_NOTFOUND, "no person under 18 with id "
		    "%lld on case %lld", (long long)j->person,
		    (long long)j->case_id);
	id = rows_int(r, 0, 0);
	if (rows_int(r, 0, 1) < 0)
		return fail(ctx, ST_CONFLICT, "the 18th birthday of person "
		    "%lld was purged with case %lld", (long long)j->person,
		    (long long)j->case_id);
	adulthood_schedule((int32_t)rows_int(r, 0, 1), &s);
	if (j->youth_care_from >= 0 && j->youth_care_from >= s.adult_on)
		return fail_field(ctx, "youth_care_from", "is on or after the "
		    "18th birthday (%s): continued youth care is for care that "
		    "started before 18 (Jeugdwet art. 1.1)",
		    date_format(ctx->arena, s.adult_on));
	first = rows_int(r, 0, 2);
	before = rows_int(r, 0, 3) == 1;
	on_time = rows_int(r, 0, 4) == 1;
	changed = first != 0;
	if (!changed) {
		first = now;
		before = j->today < s.adult_on;
		on_time = j->today <= s.plan_due;
	}
	if (seal(ctx, "payer_text", id, in->payer_text, &payer_text) == -1 ||
	    seal(ctx, "professional", id, in->professional, &prof) == -1 ||
	    seal(ctx, "notes", id, in->notes, &notes) == -1)
		return -1;
	if (store_exec(ctx, Q_ADULT_PLAN_SET, ARGS(store_int(id),
	    store_text(j->continues), j->youth_care_from >= 0 ?
	    store_int(j->youth_care_from) : store_null(),
	    store_text(in->payer), payer_text,
	    store_int(in->same_professional ? 1 : 0), prof, notes,
	    store_int(first), store_int(before ? 1 : 0),
	    store_int(on_time ? 1 : 0), store_int(ctx->who.user_id),
	    store_int(now)), NULL) == -1)
		return -1;
	/* Plain codes only on the timeline: who pays and what continues. */
	if (timeline_add(ctx, j->case_id, "transition",
	    arena_printf(ctx->arena, "person:%lld;%s;payer:%s%s",
	    (long long)j->person, j->continues, in->payer, changed ?
	    ";changed" : ""), NULL) == -1)
		return -1;
	return audit_append(ctx, "case.transition", "case", j->case_id);
}

/* The fields of a plan, all of them checked. */
static int
check(struct ctx *ctx, const struct adult_plan_in *in, int32_t today,
    int32_t *ycf)
{
	size_t i, k;
	int rc = 0;

	*ycf = -1;
	if (in->continues.n == 0)
		rc = fail_field(ctx, "continues", "needs at least one of %s",
		    list_words(ctx, continues));
	for (i = 0; i < in->continues.n; i++) {
		if (!codes_one_of(in->continues.v[i], continues))
			rc = fail_field(ctx, arena_printf(ctx->arena,
			    "continues[%zu]", i), "must be %s",
			    list_words(ctx, continues));
		for (k = 0; k < i; k++)
			if (strcmp(in->continues.v[k], in->continues.v[i]) ==
			    0)
				rc = fail_field(ctx, arena_printf(ctx->arena,
				    "continues[%zu]", i), "is given twice");
	}
	if (wants(&in->continues, "none_needed") && in->continues.n > 1)
		rc = fail_field(ctx, "continues", "none_needed stands alone");
	if (wants(&in->continues, "continued_youth_care")) {
		if (in->youth_care_from == NULL)
			rc = fail_field(ctx, "youth_care_from", "is required "
			    "for continued youth care: the day youth care "
			    "started, before 18");
		else if (date_parse(in->youth_care_from, ycf) == -1)
			rc = fail_field(ctx, "youth_care_from", "is not a date "
			    "(YYYY-MM-DD)");
		else if (*ycf > today)
			rc = fail_field(ctx, "youth_care_from", "is in the "
			    "future");
	} else if (in->youth_care_from != NULL)
		rc = fail_field(ctx, "youth_care_from", "is only for "
		    "continued youth care");
	if (in->payer == NULL)
		rc = fail_field(ctx, "payer", "is required: who pays after "
		    "18");
	else if (!codes_one_of(in->payer, payers))
		rc = fail_field(ctx, "payer", "must be %s",
		    list_words(ctx, payers));
	else if (strcmp(in->payer, "other") == 0 && in->payer_text == NULL)
		rc = fail_field(ctx, "payer_text", "is required when the "
		    "payer is other");
	if (!in->same_professional && in->professional != NULL)
		rc = fail_field(ctx, "professional", "is only for the same "
		    "professional staying");
	return rc;
}

int
adulthood_plan_set(struct ctx *ctx, int64_t case_id, int64_t person,
    const struct adult_plan_in *in)
{
	struct case_head h;
	struct plan_job j;

	memset(&j, 0, sizeof(j));
	j.today = deadline_local_day(time_now());
	if (check(ctx, in, j.today, &j.youth_care_from) == -1)
		return -1;
	if (case_for_work(ctx, case_id, &h) == -1)
		return -1;
	if (strcmp(h.status, "closed") == 0)
		return fail(ctx, ST_CONFLICT, "case %lld is closed: reopen it "
		    "to plan the help after 18", (long long)case_id);
	j.case_id = case_id;
	j.person = person;
	j.in = in;
	j.continues = codes_join(ctx->arena, &in->continues);
	return store_write(ctx, plan_job, &j);
}

/* The overview. */

/* The end of day in Amsterdam, as deadline_due() gives it. */
static int64_t
end_of(int32_t day)
{
	struct deadline_rule same = { "transition", 0, true, 0 };
	int64_t noon = (int64_t)day * 86400 + 12 * 3600;

	return deadline_due(&same, noon);
}

int
adulthood_due(struct ctx *ctx, int64_t org_id, int64_t until,
    struct due_list *l)
{
	int32_t today = deadline_local_day(time_now()), horizon;
	struct adult_schedule s;
	struct store_rows *r;
	int64_t due;
	size_t i;
	int st;

	/* The furthest birthday whose first reminder falls before until;
	 * a week more for reminders moved before holidays. */
	horizon = legal_add(deadline_local_day(until),
	    legal_rule(LEGAL_TRANSITION_PLAN)->amount,
	    legal_rule(LEGAL_TRANSITION_PLAN)->unit) + 7;
	if (store_exec(ctx, Q_ADULT_DUE, ARGS(store_int(org_id),
	    store_int(horizon), store_int(DUE_MAX)), &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++) {
		adulthood_schedule((int32_t)rows_int(r, i, 2), &s);
		if (s.adult_on <= today) {
			due_add(ctx, l, "turned_18_without_plan",
			    rows_int(r, i, 0), rows_int(r, i, 1),
			    end_of(s.adult_on - 1), NULL);
			continue;
		}
		due = end_of(s.plan_due);
		if (end_of(s.remind[ADULT_REMIND_6M]) > until && due > until)
			continue;
		st = adulthood_stage(&s, today);
		due_add(ctx, l, "transition_plan", rows_int(r, i, 0),
		    rows_int(r, i, 1), due,
		    stages[st >= 0 ? st : ADULT_REMIND_6M]);
	}
	return 0;
}

int
adulthood_counts(struct ctx *ctx, int from_month, int to_month,
    struct adult_count **out, size_t *n)
{
	struct adult_count *c;
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_ADULT_COUNTS, ARGS(store_int(from_month),
	    store_int(to_month), store_int(deadline_local_day(time_now()))),
	    &r) == -1)
		return -1;
	c = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*c));
	for (i = 0; i < r->nrows; i++) {
		c[i].region_id = rows_int(r, i, 0);
		c[i].turned_18 = rows_int(r, i, 1);
		c[i].with_plan = rows_int(r, i, 2);
		c[i].without_plan = rows_int(r, i, 3);
		c[i].on_time = rows_int(r, i, 4);
	}
	*out = c;
	*n = r->nrows;
	return 0;
}


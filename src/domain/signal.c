#include "domain/signal.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "audit/audit.h"
#include "auth/role.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/log.h"
#include "core/parse.h"
#include "core/utf8.h"
#include "crypt/crypt.h"
#include "crypt/normalize.h"
#include "domain/case.h"
#include "domain/catalog.h"
#include "domain/codes.h"
#include "domain/deadline.h"
#include "domain/fallback.h"
#include "domain/match.h"
#include "domain/notify.h"
#include "domain/person.h"
#include "domain/receipt.h"
#include "domain/rule.h"
#include "domain/sealed.h"
#include "domain/volume.h"
#include "store/store.h"


/* The deadline rule of each urgency, by urgency_index(); domain/rule.c
 * keeps their numbers. */
static const char *const triage_rules[] = {
	"triage_acute", "triage_days", "triage_not_urgent",
};

static int
urgency_index(const char *u)
{
	if (u == NULL || strcmp(u, "not_urgent") == 0)
		return 2;
	if (strcmp(u, "acute") == 0)
		return 0;
	if (strcmp(u, "days") == 0)
		return 1;
	return -1;
}

static int
validate(struct ctx *ctx, const struct signal_in *in, int32_t today,
    int32_t *noticed)
{
	struct signal_person *persons = in->persons.v;
	struct store_rows *r;
	size_t i, k;
	int rc = 0;

	if (catalog_load(ctx) == -1)
		return -1;
	if (in->municipality == NULL) {
		rc = fail_field(ctx, "municipality", "is required");
	} else {
		if (store_exec(ctx, Q_MUNI_GET,
		    ARGS(store_text(in->municipality)), &r) == -1)
			return -1;
		if (r->nrows == 0)
			rc = fail_field(ctx, "municipality", "is not a known "
			    "municipality code (like GM0363)");
	}
	*noticed = -1;
	if (in->noticed_on != NULL) {
		if (date_parse(in->noticed_on, noticed) == -1)
			rc = fail_field(ctx, "noticed_on", "is not a date "
			    "(YYYY-MM-DD)");
		else if (*noticed > today)
			rc = fail_field(ctx, "noticed_on", "is in the future");
	}
	if (urgency_index(in->urgency) < 0)
		rc = fail_field(ctx, "urgency", "must be acute, days or "
		    "not_urgent");
	for (i = 0; i < in->forms.n; i++)
		if (!catalog_form_valid(in->forms.v[i]))
			rc = fail_field(ctx, arena_printf(ctx->arena,
			    "forms[%zu]", i), "is not a known form of "
			    "exploitation");
	for (i = 0; i < in->indicators.n; i++)
		if (catalog_indicator(in->indicators.v[i]) == NULL)
			rc = fail_field(ctx, arena_printf(ctx->arena,
			    "indicators[%zu]", i), "is not a known indicator");
	for (i = 0; i < in->help_needs.n; i++) {
		if (catalog_help_need(in->help_needs.v[i]) == NULL)
			rc = fail_field(ctx, arena_printf(ctx->arena,
			    "help_needs[%zu]", i), "is not a known help need");
		for (k = 0; k < i; k++)
			if (strcmp(in->help_needs.v[k], in->help_needs.v[i]) ==
			    0)
				rc = fail_field(ctx, arena_printf(ctx->arena,
				    "help_needs[%zu]", i), "is listed twice");
	}
	if (in->indicators.n == 0 && (in->description == NULL ||
	    in->description[0] == '\0'))
		rc = fail_field(ctx, "indicators", "check at least one "
		    "indicator or describe the worry in description");
	for (i = 0; i < in->persons.n; i++)
		if (person_check(ctx, "persons", i, &persons[i], today) == -1)
			rc = -1;
	return rc;
}

struct file_job {
	const struct signal_in *in;
	const struct signal_contact *contact;	/* public form only */
	const char	*receipt;
	unsigned char	 secret_hash[CRYPT_HASH_LEN];
	int64_t		 advice;		/* from this advice; 0: none */
	int64_t		 reporter, reporter_org;	/* 0: ctx's user */
	int64_t		 region;
	int32_t		 noticed;
	int64_t		 due;
	int64_t		 now;
	int64_t		 id;
	const char	*nonce;			/* public: the challenge's */
	int64_t		 nonce_expires;
	const char	*refused;		/* public: the full budget */
	int64_t		 retry;			/* seconds, when refused */
	const char	*limited;		/* a daily limit was reached */
};

static struct public_limits limits = {
	PUBLIC_BUDGET_MUNI, PUBLIC_BUDGET_TOTAL, PUBLIC_POW_BITS
};

void
signal_public_set_limits(const struct public_limits *l)
{
	limits = *l;
}

int
signal_public_challenge(struct ctx *ctx, char **challenge, int64_t *expires,
    int *bits)
{
	*expires = time_now() + PUBLIC_CHALLENGE_TTL;
	*bits = limits.bits;
	*challenge = crypt_challenge_new(ctx->arena, ctx->keys, *expires,
	    *bits);
	return 0;
}

/*
 * In the write that files: the challenge is spent, then the budget is
 * counted.  Writers take one lock (SQLite's, or PostgreSQL's advisory
 * lock in every writer's transaction), so what is counted here is what
 * is there when this signal is added.  A full budget files nothing but
 * keeps the refusal (and spends the challenge).
 */
static int
public_gate(struct ctx *ctx, struct file_job *j)
{
	const char *muni = j->in->municipality;
	struct store_rows *r;
	int64_t oldest;

	if (store_exec(ctx, Q_PUBLIC_CHALLENGE_PURGE, ARGS(store_int(j->now)),
	    NULL) == -1)
		return -1;
	if (store_exec(ctx, Q_PUBLIC_CHALLENGE_USE, ARGS(store_text(j->nonce),
	    store_int(j->nonce_expires)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail_field(ctx, "challenge", "the challenge has been "
		    "used already; get a new one");
	if (store_exec(ctx, Q_PUBLIC_BUDGET_COUNT, ARGS(store_text(muni),
	    store_int(j->now - PUBLIC_BUDGET_WINDOW)), &r) == -1)
		return -1;
	if (rows_int(r, 0, 1) >= limits.muni) {
		j->refused = "municipality";
		oldest = rows_int(r, 0, 3);
	} else if (rows_int(r, 0, 0) >= limits.total) {
		j->refused = "total";
		oldest = rows_int(r, 0, 2);
	} else {
		return 0;
	}
	j->retry = oldest + PUBLIC_BUDGET_WINDOW - j->now;
	if (j->retry < 1)
		j->retry = 1;
	if (store_exec(ctx, Q_PUBLIC_REFUSAL_PURGE, ARGS(store_int(j->now -
	    PUBLIC_REFUSAL_KEEP)), NULL) == -1)
		return -1;
	return store_exec(ctx, Q_PUBLIC_REFUSAL_INSERT, ARGS(store_int(j->now),
	    store_text(muni), store_text(j->refused)), NULL);
}

static int
file_person(struct ctx *ctx, int64_t signal, int64_t org,
    const struct signal_person *p)
{
	struct store_value ident;
	unsigned char *bi_id, *bi_nd;
	struct store_rows *r;
	int64_t id;

	if (store_exec(ctx, Q_SIGNAL_PERSON_INSERT, ARGS(store_int(signal),
	    store_text(p->kind), store_text(p->age_band), store_text(p->sex),
	    store_text(p->nationality), store_text(codes_join(ctx->arena,
	    &p->markers))), &r) == -1)
		return -1;
	id = rows_int(r, 0, 0);
	if (sealed_put(ctx, "signal_person", "identity", id,
	    person_identity_json(ctx, p),
	    &ident) == -1)
		return -1;
	person_blind_indexes(ctx, p, &bi_id, &bi_nd);
	if (store_exec(ctx, Q_SIGNAL_PERSON_SEAL, ARGS(store_int(id), ident,
	    store_blob(bi_id, CRYPT_INDEX_LEN), store_blob(bi_nd,
	    CRYPT_INDEX_LEN)), NULL) == -1)
		return -1;
	return match_person(ctx, signal, org, id, bi_id, bi_nd);
}

static char *
contact_json(struct ctx *ctx, const struct signal_contact *c)
{
	struct buf b;
	struct jw w;

	buf_init(&b, ctx->arena, 8 * 1024);
	jw_init(&w, &b);
	jw_obj_open(&w);
	jw_kstr(&w, "name", c->name);
	jw_kstr(&w, "org", c->org);
	jw_kstr(&w, "phone", c->phone);
	jw_obj_close(&w);
	return b.p;
}

static const struct json_field contact_fields[] = {
	JSON_STR(struct signal_contact, name, "name", JSON_OPTIONAL, 0, 0),
	JSON_STR(struct signal_contact, org, "org", JSON_OPTIONAL, 0, 0),
	JSON_STR(struct signal_contact, phone, "phone", JSON_OPTIONAL, 0, 0),
};

static int
public_mark(struct ctx *ctx, struct file_job *j)
{
	struct store_value contact;

	if (sealed_put(ctx, "signal", "contact", j->id, contact_json(ctx,
	    j->contact), &contact) == -1)
		return -1;
	return store_exec(ctx, Q_SIGNAL_PUBLIC_MARK, ARGS(store_int(j->id),
	    contact, store_text(j->receipt), store_blob(j->secret_hash,
	    CRYPT_HASH_LEN)), NULL);
}

/* The advice this signal grew from points at it from now on; checked
 * again here so two tries at once make one signal. */
static int
link_advice(struct ctx *ctx, struct file_job *j)
{
	struct store_rows *r;

	if (store_exec(ctx, ctx->who.role == ROLE_ADVISOR &&
	    j->reporter != ctx->who.user_id ? Q_ADVICE_LINK_SIGNAL_POINT :
	    Q_ADVICE_LINK_SIGNAL, ARGS(store_int(j->advice), store_int(j->id),
	    store_int(j->reporter)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "advice %lld has become a signal "
		    "already", (long long)j->advice);
	return audit_append(ctx, "advice.signal", "advice", j->advice);
}

static int
file_job(struct ctx *ctx, void *p)
{
	struct file_job *j = p;
	const struct signal_person *persons = j->in->persons.v;
	struct store_value desc, acts;
	struct deadline_rule rule;
	struct store_rows *r;
	size_t i;

	if (j->contact != NULL) {
		if (public_gate(ctx, j) == -1)
			return -1;
		if (j->refused != NULL)
			return 0;
	}
	/* The rule as it is now, read in the transaction that uses it. */
	if (rule_get(ctx, triage_rules[urgency_index(j->in->urgency)],
	    &rule) == -1)
		return -1;
	j->due = deadline_due(&rule, j->now);
	/* An account's daily limits, counted where the insert is made so
	 * that no two signals at once pass the last place. */
	if (j->contact == NULL && volume_admit(ctx, j->reporter, j->region,
	    j->in->persons.n, j->now, &j->limited, &j->retry) == -1)
		return -1;
	if (j->limited != NULL)
		return 0;
	if (store_exec(ctx, Q_SIGNAL_INSERT, ARGS(j->reporter > 0 ?
	    store_int(j->reporter) : store_null(), j->reporter_org > 0 ?
	    store_int(j->reporter_org) : store_null(), j->region > 0 ?
	    store_int(j->region) :
	    store_null(), store_text(j->in->municipality), j->noticed >= 0 ?
	    store_int(j->noticed) : store_null(), store_text(j->in->urgency !=
	    NULL ? j->in->urgency : "not_urgent"),
	    store_text(codes_join(ctx->arena, &j->in->forms)),
	    store_text(codes_join(ctx->arena, &j->in->indicators)),
	    store_int(j->due), store_int(j->now),
	    store_text(codes_join(ctx->arena, &j->in->help_needs))), &r) == -1)
		return -1;
	j->id = rows_int(r, 0, 0);
	if (sealed_put(ctx, "signal", "description", j->id, j->in->description,
	    &desc) == -1 || sealed_put(ctx, "signal", "actions_taken", j->id,
	    j->in->actions_taken, &acts) == -1)
		return -1;
	if (store_exec(ctx, Q_SIGNAL_SEAL, ARGS(store_int(j->id), desc, acts),
	    NULL) == -1)
		return -1;
	for (i = 0; i < j->in->persons.n; i++)
		if (file_person(ctx, j->id, j->reporter_org, &persons[i]) ==
		    -1)
			return -1;
	if (j->contact != NULL && public_mark(ctx, j) == -1)
		return -1;
	if (j->advice > 0 && link_advice(ctx, j) == -1)
		return -1;
	return audit_append(ctx, j->contact != NULL ? "signal.create.public" :
	    "signal.create", "signal", j->id);
}

static int
file(struct ctx *ctx, struct file_job *j, int64_t *id, int64_t *triage_due);

int
signal_file(struct ctx *ctx, const struct signal_in *in, int64_t *id,
    int64_t *triage_due)
{
	struct file_job j;

	memset(&j, 0, sizeof(j));
	j.in = in;
	return file(ctx, &j, id, triage_due);
}

int
signal_file_from_advice(struct ctx *ctx, int64_t advice,
    const struct signal_in *in, int64_t *id, int64_t *triage_due)
{
	struct store_rows *r;
	struct file_job j;
	bool serves;

	memset(&j, 0, sizeof(j));
	/* Clear answers first; link_advice() checks again in the write. */
	if (store_row(ctx, Q_ADVICE_GET, ARGS(store_int(advice)), &r,
	    "no such advice") == -1)
		return -1;
	j.reporter = rows_int(r, 0, 3);
	j.reporter_org = rows_null(r, 0, 5) ? 0 : rows_int(r, 0, 5);
	if (j.reporter == ctx->who.user_id) {
		/* The asker reports it once the point has answered. */
		if (strcmp(rows_text(r, 0, 2), "answered") != 0)
			return fail(ctx, ST_CONFLICT, "advice %lld has not "
			    "been answered yet", (long long)advice);
	} else {
		/* Or the point does it for them, say after a call: the
		 * asker stays the reporter and follows it. */
		if (ctx->who.role != ROLE_ADVISOR)
			return fail(ctx, ST_NOTFOUND, "no such advice");
		if (fallback_org_serves(ctx, ctx->who.org_id,
		    rows_null(r, 0, 1) ? 0 : rows_int(r, 0, 1), &serves) == -1)
			return -1;
		if (!serves)
			return fail(ctx, ST_NOTFOUND, "no such advice");
	}
	if (!rows_null(r, 0, 4))
		return fail(ctx, ST_CONFLICT, "advice %lld has become signal "
		    "%lld already", (long long)advice,
		    (long long)rows_int(r, 0, 4));
	j.in = in;
	j.advice = advice;
	return file(ctx, &j, id, triage_due);
}

int
signal_file_public(struct ctx *ctx, const struct signal_in *in,
    const struct signal_contact *c, const struct signal_proof *proof,
    char **receipt, char **secret, int64_t *triage_due)
{
	struct file_job j;
	int64_t id;

	memset(&j, 0, sizeof(j));
	if (crypt_challenge_verify(ctx, ctx->keys, proof->challenge,
	    proof->solution, time_now(), &j.nonce, &j.nonce_expires) == -1)
		return -1;
	j.in = in;
	j.contact = c;
	j.receipt = *receipt = receipt_new(ctx->arena);
	*secret = secret_new(ctx->arena);
	crypt_token_hash(ctx->keys, secret_normal(ctx->arena, *secret),
	    j.secret_hash);
	return file(ctx, &j, &id, triage_due);
}

int
signal_public_status(struct ctx *ctx, const char *receipt,
    const char *secret, const char **status, const char **outcome,
    int64_t *created_at)
{
	unsigned char want[CRYPT_HASH_LEN];
	const unsigned char *have;
	const char *code = receipt_normal(ctx->arena, receipt);
	const char *key = secret_normal(ctx->arena, secret);
	struct store_rows *r;
	size_t len;

	/* A secret handed out before the codes were grouped is a token
	 * of its own, compared as it was given. */
	if (key == NULL)
		key = secret != NULL ? secret : "";
	crypt_token_hash(ctx->keys, key, want);
	if (store_exec(ctx, Q_SIGNAL_BY_RECEIPT, ARGS(store_text(code != NULL ?
	    code : "")), &r) == -1)
		return -1;
	have = r->nrows == 1 ? rows_blob(r, 0, 1, &len) : NULL;
	if (have == NULL || len != CRYPT_HASH_LEN ||
	    !crypt_equal(have, want, CRYPT_HASH_LEN))
		return fail(ctx, ST_NOTFOUND, "no signal with that receipt "
		    "and secret");
	*status = rows_text(r, 0, 2);
	*outcome = rows_text(r, 0, 3);
	*created_at = rows_int(r, 0, 4);
	return 0;
}

static int
file(struct ctx *ctx, struct file_job *j, int64_t *id, int64_t *triage_due)
{
	struct store_rows *r;

	j->now = time_now();
	if (j->reporter == 0) {
		j->reporter = ctx->who.user_id;
		j->reporter_org = ctx->who.org_id;
	}
	if (validate(ctx, j->in, deadline_local_day(j->now), &j->noticed) ==
	    -1)
		return -1;
	if (store_exec(ctx, Q_REGION_FOR_MUNI,
	    ARGS(store_text(j->in->municipality)), &r) == -1)
		return -1;
	j->region = r->nrows > 0 ? rows_int(r, 0, 0) : 0;
	if (store_write(ctx, file_job, j) == -1)
		return -1;
	if (j->limited != NULL)
		return volume_refuse(ctx, j->limited, j->retry);
	if (j->refused != NULL) {
		log_warn("public form: the %s budget is full (%s); refused",
		    j->refused, j->in->municipality);
		ctx->retry_after = (int)j->retry;
		return fail(ctx, ST_LIMITED, "the public form takes no more "
		    "signals %s for now; call Veilig Thuis (0800-2000) to "
		    "report this instead", strcmp(j->refused, "total") == 0 ?
		    "at all" : "for this municipality");
	}
	*id = j->id;
	*triage_due = j->due;
	return 0;
}

/* A search and page as bound to the SEARCH() of a list query. */
struct search {
	const char	*pattern;	/* LIKE, lower case; "" for none */
	int64_t		 id;		/* 0: none */
	const char	*receipt;	/* "": none */
	int64_t		 limit;
	int64_t		 offset;
};

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* The signal number in q: "12", "#12", "signaal 12", "signal 12". */
static int64_t
search_number(const char *q)
{
	int64_t id;

	if (q[0] == '#')
		q++;
	else if (strncasecmp(q, "signaal", 7) == 0)
		q += 7;
	else if (strncasecmp(q, "signal", 6) == 0)
		q += 6;
	while (is_space(*q))
		q++;
	if (parse_int64(q, 1, INT64_MAX, &id) == -1)
		return 0;
	return id;
}

static int
search_args(struct ctx *ctx, const struct signal_search *in,
    struct search *out)
{
	const unsigned char *u;
	const char *q = in->q != NULL ? in->q : "";
	size_t len, i, k, chars = 0;
	char *p;

	memset(out, 0, sizeof(*out));
	out->pattern = "";
	out->receipt = "";
	out->limit = in->per_page > 0 ? in->per_page : PAGE_DEFAULT;
	if (out->limit > PAGE_MAX || in->page > 1000000)
		return fail(ctx, ST_INVALID, "page out of range");
	out->offset = (in->page > 1 ? in->page - 1 : 0) * out->limit;
	while (is_space(*q))
		q++;
	len = strlen(q);
	while (len > 0 && is_space(q[len - 1]))
		len--;
	if (len == 0)
		return 0;
	u = (const unsigned char *)q;
	for (i = 0; i < len; i += k, chars++) {
		if (u[i] < 0x20 || u[i] == 0x7f)
			return fail_field(ctx, "q", "must not contain control "
			    "characters");
		k = utf8_seq(u + i, len - i);
		if (k == 0)
			return fail_field(ctx, "q", "must be valid UTF-8");
	}
	if (chars > SEARCH_MAX)
		return fail_field(ctx, "q", "must be at most %d characters",
		    SEARCH_MAX);
	p = arena_alloc(ctx->arena, 2 * len + 3);
	q = arena_strndup(ctx->arena, q, len);
	out->id = search_number(q);
	out->receipt = receipt_normal(ctx->arena, q);
	if (out->receipt == NULL)
		out->receipt = "";
	out->pattern = p;
	*p++ = '%';
	for (i = 0; i < len; i++) {
		if (q[i] == '%' || q[i] == '_' || q[i] == '!')
			*p++ = '!';
		*p++ = q[i] >= 'A' && q[i] <= 'Z' ? q[i] - 'A' + 'a' : q[i];
	}
	*p++ = '%';
	*p = '\0';
	return 0;
}

static void
line_from_mine(const struct store_rows *r, size_t i, struct signal_line *l)
{
	memset(l, 0, sizeof(*l));
	l->id = rows_int(r, i, 0);
	l->created_at = rows_int(r, i, 1);
	l->municipality = rows_text(r, i, 2);
	l->municipality_name = rows_text(r, i, 3);
	l->urgency = rows_text(r, i, 4);
	l->status = rows_text(r, i, 5);
	l->decision = rows_text(r, i, 6);
	l->matches = rows_int(r, i, 7);
	l->open_questions = rows_int(r, i, 8);
}

int
signal_mine(struct ctx *ctx, const struct signal_search *in,
    struct signal_page *out)
{
	struct search sr;
	struct store_rows *r;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (search_args(ctx, in, &sr) == -1)
		return -1;
	if (store_exec(ctx, Q_SIGNAL_MINE_COUNT, ARGS(store_int(
	    ctx->who.user_id), store_text(sr.pattern), store_int(sr.id),
	    store_text(sr.receipt)), &r) == -1)
		return -1;
	out->total = rows_int(r, 0, 0);
	if (store_exec(ctx, Q_SIGNAL_MINE, ARGS(store_int(ctx->who.user_id),
	    store_text(sr.pattern), store_int(sr.id), store_text(sr.receipt),
	    store_int(sr.limit), store_int(sr.offset)), &r) == -1)
		return -1;
	out->v = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*out->v));
	for (i = 0; i < r->nrows; i++)
		line_from_mine(r, i, &out->v[i]);
	out->n = r->nrows;
	return 0;
}

int
signal_mine_waiting(struct ctx *ctx, int64_t **ids, size_t *n)
{
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_SIGNAL_MINE_WAITING, ARGS(store_int(
	    ctx->who.user_id), store_int(50)), &r) == -1)
		return -1;
	*ids = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(**ids));
	for (i = 0; i < r->nrows; i++)
		(*ids)[i] = rows_int(r, i, 0);
	*n = r->nrows;
	return 0;
}

static const char *const views[] = {
	"all", "unclaimed", "in_triage", "overdue", "due_today", "acute",
	"mine", "waiting_answer", "decided",
};

bool
signal_view_known(const char *view)
{
	size_t i;

	for (i = 0; view != NULL && i < sizeof(views) / sizeof(views[0]);
	    i++)
		if (strcmp(view, views[i]) == 0)
			return true;
	return false;
}

void
signal_view_times(int64_t now, int64_t *end_today, int64_t *decided_since)
{
	/* The end of the Amsterdam day: what is due today. */
	static const struct deadline_rule today = { "today", 0, true, 0 };

	*end_today = deadline_due(&today, now);
	*decided_since = now - (int64_t)DECIDED_DAYS * 86400;
}

int
signal_queue(struct ctx *ctx, const char *view,
    const struct signal_search *in, struct signal_page *out)
{
	struct store_rows *r;
	struct signal_line *l;
	struct search sr;
	int64_t now, end_today, since;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (!signal_view_known(view))
		return fail_field(ctx, "view", "must be one of all, unclaimed, "
		    "in_triage, overdue, due_today, acute, mine, "
		    "waiting_answer, decided");
	if (search_args(ctx, in, &sr) == -1)
		return -1;
	now = time_now();
	signal_view_times(now, &end_today, &since);
	if (store_exec(ctx, Q_SIGNAL_QUEUE_COUNT, ARGS(store_int(
	    ctx->who.org_id), store_int(now), store_int(end_today),
	    store_int(ctx->who.user_id), store_int(since), store_text(view),
	    store_text(sr.pattern), store_int(sr.id), store_text(sr.receipt)),
	    &r) == -1)
		return -1;
	out->total = rows_int(r, 0, 0);
	if (store_exec(ctx, Q_SIGNAL_QUEUE, ARGS(store_int(ctx->who.org_id),
	    store_int(now), store_int(end_today), store_int(ctx->who.user_id),
	    store_int(since), store_text(view), store_text(sr.pattern),
	    store_int(sr.id), store_text(sr.receipt), store_int(sr.limit),
	    store_int(sr.offset)), &r) == -1)
		return -1;
	out->v = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*out->v));
	for (i = 0; i < r->nrows; i++) {
		l = &out->v[i];
		l->id = rows_int(r, i, 0);
		l->created_at = rows_int(r, i, 1);
		l->municipality_name = rows_text(r, i, 2);
		l->urgency = rows_text(r, i, 3);
		l->status = rows_text(r, i, 4);
		l->triage_due = rows_int(r, i, 5);
		l->claimed_by = rows_text(r, i, 6);
		l->persons = rows_int(r, i, 7);
		l->forms = rows_text(r, i, 8);
		l->reporter_org = rows_text(r, i, 9);
		l->decision = rows_text(r, i, 10);
		l->is_new = rows_int(r, i, 11) != 0;
		l->answered = rows_int(r, i, 12) != 0;
		l->open_questions = rows_int(r, i, 13);
	}
	out->n = r->nrows;
	return 0;
}

/*
 * May ctx's user see the signal of this row?  An advisor of the point
 * that serves its region sees it (*as_point; the fallback point for a
 * signal outside every region), the reporter sees their own.  Anyone
 * else gets the very answer a signal that does not exist gets.
 */
static int
visible(struct ctx *ctx, int64_t reporter, int64_t region, bool *as_point)
{
	bool serves = false;

	*as_point = false;
	if (ctx->who.role == ROLE_ADVISOR && fallback_org_serves(ctx,
	    ctx->who.org_id, region, &serves) == -1)
		return -1;
	*as_point = serves;
	if (serves || (reporter != 0 && reporter == ctx->who.user_id))
		return 0;
	return fail(ctx, ST_NOTFOUND, "no such signal");
}

static int
load_persons(struct ctx *ctx, struct signal *s, bool *bad)
{
	struct store_rows *r, one;
	struct signal_person *p;
	const char *plain;
	size_t i;
	int64_t pid;

	if (store_exec(ctx, Q_SIGNAL_PERSONS, ARGS(store_int(s->id)), &r) ==
	    -1)
		return -1;
	s->npersons = r->nrows;
	s->persons = arena_alloc(ctx->arena, (r->nrows + 1) *
	    sizeof(*s->persons));
	for (i = 0; i < r->nrows; i++) {
		p = &s->persons[i];
		pid = rows_int(r, i, 0);
		p->kind = rows_text(r, i, 1);
		one.nrows = 1;
		one.ncols = r->ncols;
		one.cells = &r->cells[i * r->ncols];
		plain = sealed_get(ctx, &one, 0, 2, "signal_person", "identity",
		    pid, bad);
		if (plain != NULL && person_identity_decode(ctx, plain, p) ==
		    -1)
			*bad = true;
		p->age_band = rows_text(r, i, 3);
		p->sex = rows_text(r, i, 4);
		p->nationality = rows_text(r, i, 5);
		codes_split(ctx->arena, rows_text(r, i, 6), &p->markers);
	}
	return 0;
}

static int
load_questions(struct ctx *ctx, struct signal *s, bool *bad)
{
	struct store_rows *r, one;
	struct signal_question *q;
	size_t i;

	if (store_exec(ctx, Q_QUESTION_FOR_SIGNAL, ARGS(store_int(s->id)),
	    &r) == -1)
		return -1;
	s->nquestions = r->nrows;
	s->questions = arena_alloc(ctx->arena, (r->nrows + 1) *
	    sizeof(*s->questions));
	for (i = 0; i < r->nrows; i++) {
		q = &s->questions[i];
		one.nrows = 1;
		one.ncols = r->ncols;
		one.cells = &r->cells[i * r->ncols];
		q->id = rows_int(r, i, 0);
		q->question = sealed_get(ctx, &one, 0, 1, "signal_question",
		    "question", q->id, bad);
		q->answer = sealed_get(ctx, &one, 0, 2, "signal_question",
		    "answer", q->id, bad);
		q->asked_at = rows_int(r, i, 3);
		q->answered_at = rows_int(r, i, 4);
		q->asked_by = rows_text(r, i, 5);
	}
	return 0;
}

/* The advice this signal grew from, if any: question and answer. */
static int
load_origin(struct ctx *ctx, struct signal *s, bool *bad)
{
	struct store_rows *r;

	if (store_exec(ctx, Q_ADVICE_FOR_SIGNAL, ARGS(store_int(s->id)), &r) ==
	    -1)
		return -1;
	if (r->nrows == 0)
		return 0;
	s->origin = arena_alloc(ctx->arena, sizeof(*s->origin));
	s->origin->id = rows_int(r, 0, 0);
	s->origin->question = sealed_get(ctx, r, 0, 1, "advice", "question",
	    s->origin->id, bad);
	s->origin->answer = sealed_get(ctx, r, 0, 2, "advice", "answer",
	    s->origin->id, bad);
	s->origin->asked_at = rows_int(r, 0, 3);
	s->origin->answered_at = rows_null(r, 0, 4) ? 0 : rows_int(r, 0, 4);
	s->origin->answered_by = rows_text(r, 0, 5);
	return 0;
}

struct read_job {
	const struct signal *s;
	bool		 as_point;
};

/* The trace of a read: the read itself, and each match it showed; and
 * for an advisor of the point, when they last opened it (the queue's
 * "new" and "answer received"). */
static int
read_job(struct ctx *ctx, void *p)
{
	const struct read_job *j = p;
	const struct signal *s = j->s;

	if (audit_append(ctx, "signal.read", "signal", s->id) == -1)
		return -1;
	if (j->as_point && ctx->who.role == ROLE_ADVISOR &&
	    store_exec(ctx, Q_SIGNAL_SEEN, ARGS(store_int(s->id),
	    store_int(ctx->who.user_id), store_int(time_now())), NULL) == -1)
		return -1;
	return match_audit_reveal(ctx, s->id, s->concerns, s->nconcerns);
}

struct signal *
signal_get(struct ctx *ctx, int64_t id)
{
	struct read_job rj;
	struct store_rows *r;
	struct signal *s;
	const char *plain;
	bool bad = false, as_point;

	if (store_row(ctx, Q_SIGNAL_GET, ARGS(store_int(id)), &r,
	    "no such signal") == -1)
		return NULL;
	if (visible(ctx, rows_int(r, 0, 1), rows_int(r, 0, 3), &as_point) ==
	    -1)
		return NULL;
	s = arena_alloc(ctx->arena, sizeof(*s));
	s->id = id;
	s->reporter_id = rows_int(r, 0, 1);
	s->region_id = rows_int(r, 0, 3);
	s->municipality = rows_text(r, 0, 4);
	s->municipality_name = rows_text(r, 0, 5);
	if (!rows_null(r, 0, 6))
		s->noticed_on = date_format(ctx->arena,
		    (int32_t)rows_int(r, 0, 6));
	s->urgency = rows_text(r, 0, 7);
	s->forms = rows_text(r, 0, 8);
	s->indicators = rows_text(r, 0, 9);
	s->help_needs = rows_text(r, 0, 24);
	s->description = sealed_get(ctx, r, 0, 10, "signal", "description", id,
	    &bad);
	s->actions_taken = sealed_get(ctx, r, 0, 11, "signal", "actions_taken",
	    id, &bad);
	s->status = rows_text(r, 0, 12);
	s->decision = rows_text(r, 0, 13);
	s->decision_reason = sealed_get(ctx, r, 0, 14, "signal",
	    "decision_reason", id, &bad);
	s->legal_basis = rows_text(r, 0, 15);
	s->claimed_by = rows_text(r, 0, 17);
	s->triage_due = rows_int(r, 0, 18);
	s->created_at = rows_int(r, 0, 19);
	s->reporter = rows_text(r, 0, 20);
	s->reporter_org = rows_text(r, 0, 21);
	s->reporter_phone = rows_text(r, 0, 25);
	s->unverified = rows_int(r, 0, 22) != 0;
	plain = sealed_get(ctx, r, 0, 23, "signal", "contact", id, &bad);
	if (plain != NULL && json_decode(ctx, plain, strlen(plain),
	    contact_fields, JSON_NFIELDS(contact_fields), &s->contact,
	    NULL) == -1)
		bad = true;
	/* The reporter follows the status, not the point's deliberations. */
	if (!as_point) {
		s->decision_reason = NULL;
		s->legal_basis = NULL;
		s->claimed_by = NULL;
		s->reporter_phone = NULL;
		memset(&s->contact, 0, sizeof(s->contact));
	}
	/* Who else is concerned: the point at once, the reporter once the
	 * point has taken the signal up, so that invented people reveal
	 * nothing. */
	s->concerns_after_claim = !as_point &&
	    strcmp(s->status, "received") == 0;
	if (!s->concerns_after_claim && match_concerns(ctx, id, &s->concerns,
	    &s->nconcerns) == -1)
		return NULL;
	/* The point sees that a case exists and where; nothing of it. */
	if (as_point && case_of_signal(ctx, id, &s->case_id,
	    &s->case_org) == -1)
		return NULL;
	if (load_persons(ctx, s, &bad) == -1 ||
	    load_questions(ctx, s, &bad) == -1 ||
	    load_origin(ctx, s, &bad) == -1)
		return NULL;
	if (bad) {
		ctx_clear_error(ctx);
		fail(ctx, ST_INTERNAL, "signal %lld cannot be decrypted",
		    (long long)id);
		return NULL;
	}
	/* No answer without its trace. */
	rj.s = s;
	rj.as_point = as_point;
	if (store_write(ctx, read_job, &rj) == -1)
		return NULL;
	return s;
}

struct step_job {
	int64_t		 id;
	int64_t		 reporter;	/* 0: came through the public form */
	int64_t		 case_id;	/* opened by the decision */
	const char	*status;
	const char	*decision;
	const char	*reason;
	const char	*legal_basis;
};

static int
claim_job(struct ctx *ctx, void *p)
{
	struct step_job *j = p;
	struct store_rows *r;

	if (store_exec(ctx, Q_SIGNAL_CLAIM, ARGS(store_int(j->id),
	    store_int(ctx->who.user_id), store_int(time_now())), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "signal %lld is already claimed "
		    "or decided", (long long)j->id);
	return audit_append(ctx, "signal.claim", "signal", j->id);
}

static int
triage_step(struct ctx *ctx, int64_t id, int (*job)(struct ctx *, void *),
    struct step_job *j)
{
	struct store_rows *r;
	bool as_point;

	if (ctx->who.role != ROLE_ADVISOR)
		return fail(ctx, ST_DENIED, "only an advisor triages");
	if (store_row(ctx, Q_SIGNAL_GET, ARGS(store_int(id)), &r,
	    "no such signal") == -1)
		return -1;
	if (visible(ctx, 0, rows_int(r, 0, 3), &as_point) == -1)
		return -1;
	j->id = id;
	j->reporter = rows_null(r, 0, 1) ? 0 : rows_int(r, 0, 1);
	return store_write(ctx, job, j);
}

int
signal_claim(struct ctx *ctx, int64_t id)
{
	struct step_job j;

	memset(&j, 0, sizeof(j));
	return triage_step(ctx, id, claim_job, &j);
}

static int
decide_job(struct ctx *ctx, void *p)
{
	struct step_job *j = p;
	struct store_value reason;
	struct store_rows *r;

	if (sealed_put(ctx, "signal", "decision_reason", j->id, j->reason,
	    &reason) == -1)
		return -1;
	if (store_exec(ctx, Q_SIGNAL_DECIDE, ARGS(store_int(j->id),
	    store_text(j->status), store_text(j->decision), reason,
	    store_text(j->legal_basis), store_int(time_now()),
	    store_int(ctx->who.user_id)), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "claim signal %lld before "
		    "deciding on it", (long long)j->id);
	if (audit_append(ctx, "signal.decide", "signal", j->id) == -1)
		return -1;
	if (notify_user(ctx, j->reporter, "decision", "signal", j->id) == -1 ||
	    notify_done_all(ctx, "overdue", "signal", j->id) == -1)
		return -1;
	/* The case lands where care coordination serves the signal's
	 * municipality; without one the decision is not taken at all. */
	if (strcmp(j->decision, "open_case") == 0)
		return case_open_from_signal(ctx, j->id, &j->case_id);
	return 0;
}

int
signal_decide(struct ctx *ctx, int64_t id, const char *decision,
    const char *reason, const char *legal_basis, const char **status,
    int64_t *case_id)
{
	static const char *const closing[] = { "no_action", "advice_given",
	    NULL };
	static const char *const taking_up[] = { "open_case",
	    "forward_police", "forward_inspectorate", "acute_safety", NULL };
	struct step_job j;
	int rc = 0;

	memset(&j, 0, sizeof(j));
	if (codes_one_of(decision, closing))
		j.status = "closed";
	else if (codes_one_of(decision, taking_up))
		j.status = "taken_up";
	else
		rc = fail_field(ctx, "decision", "must be no_action, "
		    "advice_given, open_case, forward_police, "
		    "forward_inspectorate or acute_safety");
	if (decision != NULL && strcmp(decision, "no_action") == 0 &&
	    (reason == NULL || reason[0] == '\0'))
		rc = fail_field(ctx, "reason", "is required when no action is "
		    "taken");
	if (decision != NULL && strncmp(decision, "forward_", 8) == 0 &&
	    (legal_basis == NULL || legal_basis[0] == '\0'))
		rc = fail_field(ctx, "legal_basis", "is required to forward: "
		    "the legal basis or the consent given");
	if (rc == -1)
		return -1;
	j.decision = decision;
	j.reason = reason;
	j.legal_basis = legal_basis;
	*status = j.status;
	if (triage_step(ctx, id, decide_job, &j) == -1)
		return -1;
	if (case_id != NULL)
		*case_id = j.case_id;
	return 0;
}

struct question_job {
	int64_t		 signal;
	int64_t		 qid;
	const char	*text;
	int64_t		 reporter;
};

static int
ask_job(struct ctx *ctx, void *p)
{
	struct question_job *j = p;
	struct store_value sealed;
	struct store_rows *r;

	if (store_exec(ctx, Q_QUESTION_INSERT, ARGS(store_int(j->signal),
	    store_int(ctx->who.user_id), store_blob("", 0),
	    store_int(time_now())), &r) == -1)
		return -1;
	j->qid = rows_int(r, 0, 0);
	if (sealed_put(ctx, "signal_question", "question", j->qid, j->text,
	    &sealed) == -1)
		return -1;
	if (store_exec(ctx, Q_QUESTION_SEAL, ARGS(store_int(j->qid), sealed),
	    NULL) == -1)
		return -1;
	if (audit_append(ctx, "signal.ask", "signal", j->signal) == -1)
		return -1;
	return notify_user(ctx, j->reporter, "question", "signal", j->signal);
}

int
signal_ask(struct ctx *ctx, int64_t id, const char *question, int64_t *qid)
{
	struct question_job j = { id, 0, question, 0 };
	struct store_rows *r;
	bool as_point;

	if (ctx->who.role != ROLE_ADVISOR)
		return fail(ctx, ST_DENIED, "only an advisor asks");
	if (store_row(ctx, Q_SIGNAL_GET, ARGS(store_int(id)), &r,
	    "no such signal") == -1)
		return -1;
	if (visible(ctx, 0, rows_int(r, 0, 3), &as_point) == -1)
		return -1;
	if (strcmp(rows_text(r, 0, 12), "closed") == 0)
		return fail(ctx, ST_CONFLICT, "signal %lld is closed",
		    (long long)id);
	if (rows_null(r, 0, 1))
		return fail(ctx, ST_CONFLICT, "signal %lld came through the "
		    "public form: call the reporter back", (long long)id);
	j.reporter = rows_int(r, 0, 1);
	if (store_write(ctx, ask_job, &j) == -1)
		return -1;
	*qid = j.qid;
	return 0;
}

static int
answer_job(struct ctx *ctx, void *p)
{
	struct question_job *j = p;
	struct store_value sealed;
	struct store_rows *r;
	int64_t asker;

	if (sealed_put(ctx, "signal_question", "answer", j->qid, j->text,
	    &sealed) == -1)
		return -1;
	if (store_exec(ctx, Q_QUESTION_ANSWER, ARGS(store_int(j->qid),
	    store_int(j->signal), sealed, store_int(time_now())), &r) == -1)
		return -1;
	if (r->nrows == 0)
		return fail(ctx, ST_CONFLICT, "question %lld has been answered "
		    "already", (long long)j->qid);
	asker = rows_int(r, 0, 1);
	if (audit_append(ctx, "signal.answer", "signal", j->signal) == -1)
		return -1;
	if (notify_user(ctx, asker, "answer", "signal", j->signal) == -1)
		return -1;
	/* Nothing waits for the reporter once every question is answered. */
	if (store_exec(ctx, Q_QUESTION_OPEN, ARGS(store_int(j->signal)),
	    &r) == -1)
		return -1;
	if (rows_int(r, 0, 0) != 0)
		return 0;
	return notify_done(ctx, ctx->who.user_id, "question", "signal",
	    j->signal);
}

int
signal_answer(struct ctx *ctx, int64_t id, int64_t qid, const char *answer)
{
	struct question_job j = { id, qid, answer, 0 };
	struct store_rows *r;

	if (store_row(ctx, Q_SIGNAL_GET, ARGS(store_int(id)), &r,
	    "no such signal") == -1)
		return -1;
	/* Only the one who reported it answers. */
	if (rows_int(r, 0, 1) != ctx->who.user_id)
		return fail(ctx, ST_NOTFOUND, "no such signal");
	return store_write(ctx, answer_job, &j);
}

#include "domain/person.h"

#include <string.h>

#include "audit/audit.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/fail.h"
#include "core/json.h"
#include "crypt/crypt.h"
#include "crypt/normalize.h"
#include "domain/adulthood.h"
#include "domain/catalog.h"
#include "domain/codes.h"
#include "domain/sealed.h"
#include "store/store.h"

/* Years between a birth date (or the estimate) and today, as a band. */
static const char *
age_band(const struct signal_person *p, int32_t today)
{
	int32_t born;
	int64_t age = p->estimated_age;

	if (p->birth_date != NULL && date_parse(p->birth_date, &born) == 0)
		age = (today - born) / 365;
	if (age <= 0 && p->estimated_age == 0 && p->birth_date == NULL)
		return NULL;
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

int
person_check(struct ctx *ctx, const char *list, size_t k,
    struct signal_person *p, int32_t today)
{
	static const char *const kinds[] = { "victim", "suspect", "other",
	    NULL };
	static const char *const sexes[] = { "female", "male", "other",
	    "unknown", NULL };
	static const char *const nats[] = { "dutch", "eu", "non_eu",
	    "unknown", NULL };
	char *f;
	int32_t born;
	size_t i;
	int rc = 0;

#define FIELD(name) (list == NULL ? (name) : \
	arena_printf(ctx->arena, "%s[%zu].%s", list, k, name))
	if (!codes_one_of(p->kind, kinds))
		rc = fail_field(ctx, FIELD("kind"), "must be victim, suspect "
		    "or other");
	if (p->sex != NULL && !codes_one_of(p->sex, sexes))
		rc = fail_field(ctx, FIELD("sex"), "must be female, male, "
		    "other or unknown");
	if (p->nationality != NULL && !codes_one_of(p->nationality, nats))
		rc = fail_field(ctx, FIELD("nationality"), "must be dutch, eu, "
		    "non_eu or unknown");
	if (p->birth_date != NULL) {
		f = normalize_date(ctx->arena, p->birth_date);
		if (f == NULL || date_parse(f, &born) == -1)
			rc = fail_field(ctx, FIELD("birth_date"), "is not a "
			    "date (YYYY-MM-DD)");
		else if (born > today)
			rc = fail_field(ctx, FIELD("birth_date"), "is in the "
			    "future");
		else
			p->birth_date = f;
	}
	if (p->id_number != NULL && normalize_id(ctx->arena,
	    p->id_number) == NULL && normalize_vnumber(ctx->arena,
	    p->id_number) == NULL)
		rc = fail_field(ctx, FIELD("id_number"), "is neither a valid "
		    "BSN (nine digits, elfproef) nor a V-number (ten digits)");
	for (i = 0; i < p->markers.n; i++)
		if (!catalog_marker_valid(p->markers.v[i]))
			rc = fail_field(ctx, list == NULL ?
			    arena_printf(ctx->arena, "markers[%zu]", i) :
			    arena_printf(ctx->arena, "%s[%zu].markers[%zu]",
			    list, k, i), "is not a known victim-group marker");
#undef FIELD
	p->age_band = age_band(p, today);
	return rc;
}

char *
person_identity_json(struct ctx *ctx, const struct signal_person *p)
{
	struct buf b;
	struct jw w;

	buf_init(&b, ctx->arena, 64 * 1024);
	jw_init(&w, &b);
	jw_obj_open(&w);
	if (p->name != NULL)
		jw_kstr(&w, "name", p->name);
	if (p->birth_date != NULL)
		jw_kstr(&w, "birth_date", p->birth_date);
	if (p->estimated_age > 0)
		jw_kint(&w, "estimated_age", p->estimated_age);
	if (p->id_number != NULL)
		jw_kstr(&w, "id_number", p->id_number);
	if (p->phone != NULL)
		jw_kstr(&w, "phone", p->phone);
	if (p->languages != NULL)
		jw_kstr(&w, "languages", p->languages);
	jw_obj_close(&w);
	return b.p;
}

static const struct json_field identity_fields[] = {
	JSON_STR(struct signal_person, name, "name", JSON_OPTIONAL, 0, 0),
	JSON_STR(struct signal_person, birth_date, "birth_date",
	    JSON_OPTIONAL, 0, 0),
	JSON_I64(struct signal_person, estimated_age, "estimated_age",
	    JSON_OPTIONAL, 0, 200),
	JSON_STR(struct signal_person, id_number, "id_number", JSON_OPTIONAL,
	    0, 0),
	JSON_STR(struct signal_person, phone, "phone", JSON_OPTIONAL, 0, 0),
	JSON_STR(struct signal_person, languages, "languages", JSON_OPTIONAL,
	    0, 0),
};

int
person_identity_decode(struct ctx *ctx, const char *json,
    struct signal_person *p)
{
	return json_decode(ctx, json, strlen(json), identity_fields,
	    JSON_NFIELDS(identity_fields), p, NULL);
}

void
person_blind_indexes(struct ctx *ctx, const struct signal_person *p,
    unsigned char **bi_id, unsigned char **bi_name_dob)
{
	unsigned char *h;
	const char *id = NULL, *name, *nd;

	*bi_id = NULL;
	*bi_name_dob = NULL;
	if (p->id_number != NULL) {
		id = normalize_id(ctx->arena, p->id_number);
		if (id == NULL)
			id = arena_printf(ctx->arena, "v:%s",
			    normalize_vnumber(ctx->arena, p->id_number));
		h = arena_alloc(ctx->arena, CRYPT_INDEX_LEN);
		crypt_blind_index(ctx->keys, "person_id", id, strlen(id), h);
		*bi_id = h;
	}
	name = p->name != NULL ? normalize_name(ctx->arena, p->name) : NULL;
	if (name != NULL && p->birth_date != NULL) {
		nd = arena_printf(ctx->arena, "%s|%s", name, p->birth_date);
		h = arena_alloc(ctx->arena, CRYPT_INDEX_LEN);
		crypt_blind_index(ctx->keys, "person_name_dob", nd, strlen(nd),
		    h);
		*bi_name_dob = h;
	}
}

static struct store_value
index_value(const unsigned char *bi)
{
	return store_blob(bi, CRYPT_INDEX_LEN);
}

/*
 * The registry row of a person: the one a blind index finds (an id
 * number first), given what it lacked; else a new row with the sealed
 * identity.  Without either index a person is always new: nothing
 * tells two such people apart.
 */
static int
enter(struct ctx *ctx, const char *identity, const char *age_band_,
    const char *sex, const char *nationality, const char *markers,
    const unsigned char *bi_id, const unsigned char *bi_nd, int64_t *id)
{
	struct store_value ident;
	struct store_rows *r;

	if (bi_id != NULL || bi_nd != NULL) {
		if (store_exec(ctx, Q_PERSON_FIND, ARGS(index_value(bi_id),
		    index_value(bi_nd)), &r) == -1)
			return -1;
		if (r->nrows > 0) {
			*id = rows_int(r, 0, 0);
			return store_exec(ctx, Q_PERSON_ENRICH,
			    ARGS(store_int(*id), index_value(bi_id),
			    index_value(bi_nd)), NULL);
		}
	}
	if (store_exec(ctx, Q_PERSON_INSERT, ARGS(store_text(age_band_),
	    store_text(sex), store_text(nationality), store_text(markers),
	    store_int(time_now())), &r) == -1)
		return -1;
	*id = rows_int(r, 0, 0);
	if (sealed_put(ctx, "person", "identity", *id, identity, &ident) ==
	    -1)
		return -1;
	return store_exec(ctx, Q_PERSON_SEAL, ARGS(store_int(*id), ident,
	    index_value(bi_id), index_value(bi_nd)), NULL);
}

static int
name_on_case(struct ctx *ctx, int64_t case_id, int64_t person,
    const char *kind)
{
	return store_exec(ctx, Q_CASE_PERSON_INSERT, ARGS(store_int(case_id),
	    store_int(person), store_text(kind), store_int(time_now())),
	    NULL);
}

int
person_from_signal(struct ctx *ctx, int64_t signal, int64_t case_id)
{
	const unsigned char *bi_id, *bi_nd;
	struct signal_person sp;
	struct store_rows *r;
	const char *identity;
	size_t i, len;
	int64_t id;
	bool bad = false;

	if (store_exec(ctx, Q_PERSON_SIGNAL_SOURCE, ARGS(store_int(signal)),
	    &r) == -1)
		return -1;
	for (i = 0; i < r->nrows; i++) {
		identity = sealed_get(ctx, r, i, 2, "signal_person",
		    "identity", rows_int(r, i, 0), &bad);
		if (bad)
			return fail(ctx, ST_INTERNAL, "a person of signal "
			    "%lld cannot be decrypted", (long long)signal);
		bi_id = rows_blob(r, i, 7, &len);
		if (len != CRYPT_INDEX_LEN)
			bi_id = NULL;
		bi_nd = rows_blob(r, i, 8, &len);
		if (len != CRYPT_INDEX_LEN)
			bi_nd = NULL;
		if (enter(ctx, identity != NULL ? identity : "{}",
		    rows_text(r, i, 3), rows_text(r, i, 4), rows_text(r, i, 5),
		    rows_text(r, i, 6), bi_id, bi_nd, &id) == -1 ||
		    name_on_case(ctx, case_id, id, rows_text(r, i, 1)) == -1)
			return -1;
		/* The 18th birthday, from the identity the signal gave. */
		memset(&sp, 0, sizeof(sp));
		if (identity != NULL && person_identity_decode(ctx, identity,
		    &sp) == -1)
			return fail(ctx, ST_INTERNAL, "a person of signal "
			    "%lld has a malformed identity", (long long)signal);
		sp.kind = rows_text(r, i, 1);
		if (adulthood_enter(ctx, case_id, id, &sp) == -1)
			return -1;
	}
	return 0;
}

int
person_add_to_case(struct ctx *ctx, int64_t case_id,
    const struct signal_person *p, int64_t *out)
{
	unsigned char *bi_id, *bi_nd;
	int64_t id;

	person_blind_indexes(ctx, p, &bi_id, &bi_nd);
	if (enter(ctx, person_identity_json(ctx, p), p->age_band, p->sex,
	    p->nationality, codes_join(ctx->arena, &p->markers), bi_id, bi_nd,
	    &id) == -1 || name_on_case(ctx, case_id, id, p->kind) == -1 ||
	    adulthood_enter(ctx, case_id, id, p) == -1)
		return -1;
	if (out != NULL)
		*out = id;
	return 0;
}

int
person_of_case(struct ctx *ctx, int64_t case_id, struct case_person **out,
    size_t *n, bool *bad)
{
	struct case_person *c;
	struct store_rows *r;
	const char *plain;
	size_t i;

	if (store_exec(ctx, Q_PERSON_OF_CASE, ARGS(store_int(case_id)), &r) ==
	    -1)
		return -1;
	c = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*c));
	for (i = 0; i < r->nrows; i++) {
		c[i].id = rows_int(r, i, 0);
		c[i].p.kind = rows_text(r, i, 1);
		plain = sealed_get(ctx, r, i, 2, "person", "identity",
		    c[i].id, bad);
		if (plain != NULL && person_identity_decode(ctx, plain,
		    &c[i].p) == -1)
			*bad = true;
		c[i].p.age_band = rows_text(r, i, 3);
		c[i].p.sex = rows_text(r, i, 4);
		c[i].p.nationality = rows_text(r, i, 5);
		codes_split(ctx->arena, rows_text(r, i, 6), &c[i].p.markers);
	}
	*out = c;
	*n = r->nrows;
	return 0;
}

int
person_elsewhere(struct ctx *ctx, int64_t case_id,
    struct person_elsewhere **out, size_t *n)
{
	struct person_elsewhere *e;
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_PERSON_ELSEWHERE, ARGS(store_int(case_id)),
	    &r) == -1)
		return -1;
	e = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*e));
	for (i = 0; i < r->nrows; i++) {
		e[i].person = rows_int(r, i, 0);
		e[i].username = rows_text(r, i, 1);
		e[i].org_name = rows_text(r, i, 2);
		e[i].phone = rows_text(r, i, 3);
		e[i].case_id = rows_int(r, i, 4);
	}
	*out = e;
	*n = r->nrows;
	return 0;
}

int
person_signals(struct ctx *ctx, int64_t case_id, int64_t except,
    struct person_signal **out, size_t *n)
{
	struct person_signal *s;
	struct store_rows *r;
	size_t i;

	if (store_exec(ctx, Q_PERSON_SIGNALS, ARGS(store_int(case_id),
	    store_int(except)), &r) == -1)
		return -1;
	s = arena_alloc(ctx->arena, (r->nrows + 1) * sizeof(*s));
	for (i = 0; i < r->nrows; i++) {
		s[i].signal = rows_int(r, i, 0);
		s[i].created_at = rows_int(r, i, 1);
		s[i].municipality_name = rows_text(r, i, 2);
		s[i].username = rows_text(r, i, 3);
		s[i].org_name = rows_text(r, i, 4);
		s[i].phone = rows_text(r, i, 5);
	}
	*out = s;
	*n = r->nrows;
	return 0;
}

int
person_audit_reveal(struct ctx *ctx, int64_t case_id,
    const struct person_elsewhere *e, size_t ne,
    const struct person_signal *s, size_t ns)
{
	const char *saved = ctx->reason;
	size_t i;
	int rc = 0;

	ctx->reason = arena_printf(ctx->arena, "shown on case %lld",
	    (long long)case_id);
	for (i = 0; i < ne && rc == 0; i++)
		rc = audit_append(ctx, "case.person.reveal", "case",
		    e[i].case_id);
	for (i = 0; i < ns && rc == 0; i++)
		rc = audit_append(ctx, "signal.match.reveal", "signal",
		    s[i].signal);
	ctx->reason = saved;
	return rc;
}

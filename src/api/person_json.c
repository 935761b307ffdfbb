/* People and code lists as the API reads and writes them, for signals
 * and cases alike. */
#include <string.h>

#include "api/api.h"
#include "core/json.h"
#include "domain/signal.h"

const struct json_field api_person_fields[API_PERSON_NFIELDS] = {
	JSON_STR(struct signal_person, kind, "kind", JSON_REQUIRED, 1, 16),
	JSON_STR(struct signal_person, name, "name",
	    JSON_OPTIONAL | JSON_NULLABLE | JSON_ONELINE, 1, 200),
	JSON_STR(struct signal_person, birth_date, "birth_date",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, 10),
	JSON_I64(struct signal_person, estimated_age, "estimated_age",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, 120),
	JSON_STR(struct signal_person, sex, "sex",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, 16),
	JSON_STR(struct signal_person, nationality, "nationality",
	    JSON_OPTIONAL | JSON_NULLABLE, 1, 16),
	JSON_STR(struct signal_person, id_number, "id_number",
	    JSON_OPTIONAL | JSON_NULLABLE | JSON_ONELINE, 1, 20),
	JSON_STR(struct signal_person, phone, "phone",
	    JSON_OPTIONAL | JSON_NULLABLE | JSON_ONELINE, 1, 40),
	JSON_STR(struct signal_person, languages, "languages",
	    JSON_OPTIONAL | JSON_NULLABLE | JSON_ONELINE, 1, 200),
	JSON_STRLIST(struct signal_person, markers, "markers", JSON_OPTIONAL,
	    0, 20, 32),
};

/* "a,b" as a JSON list. */
void
api_csv(struct jw *w, const char *key, const char *csv)
{
	const char *p = csv, *comma;

	jw_key(w, key);
	jw_arr_open(w);
	while (p != NULL && *p != '\0') {
		comma = strchr(p, ',');
		jw_strn(w, p, comma != NULL ? (size_t)(comma - p) : strlen(p));
		p = comma != NULL ? comma + 1 : NULL;
	}
	jw_arr_close(w);
}

void
api_person(struct jw *w, const struct signal_person *p)
{
	size_t i;

	jw_obj_open(w);
	jw_kstr(w, "kind", p->kind);
	jw_kstr(w, "name", p->name);
	jw_kstr(w, "birth_date", p->birth_date);
	jw_key(w, "estimated_age");
	if (p->estimated_age > 0)
		jw_int(w, p->estimated_age);
	else
		jw_null(w);
	jw_kstr(w, "age_band", p->age_band);
	jw_kstr(w, "sex", p->sex);
	jw_kstr(w, "nationality", p->nationality);
	jw_kstr(w, "id_number", p->id_number);
	jw_kstr(w, "phone", p->phone);
	jw_kstr(w, "languages", p->languages);
	jw_key(w, "markers");
	jw_arr_open(w);
	for (i = 0; i < p->markers.n; i++)
		jw_str(w, p->markers.v[i]);
	jw_arr_close(w);
	jw_obj_close(w);
}

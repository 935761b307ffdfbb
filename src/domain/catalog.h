/*
 * catalog: the reference lists every intake is guided by (point C of the
 * design): the indicators of human trafficking, the help needs, the forms
 * of exploitation and the victim-group markers, each with an English and
 * a Dutch text.
 *
 * The indicators and help needs come from data/indicators.csv and
 * data/help-needs.csv, compiled into the binary.  They are parsed once per
 * process (pthread_once) into arrays that this module owns and that live
 * until the process exits; after that they are read-only, so any thread
 * may read them without locks.  Callers never free or change them.
 * The groups, forms and markers are fixed tables in catalog.c.
 *
 * The CSV files follow RFC 4180: a header row naming the columns in a
 * fixed order, fields separated by commas, quoted fields with "" for a
 * quote, line ends LF or CRLF.  Malformed data is a bug in the build,
 * reported as ST_INTERNAL naming the file and line.
 *
 * Languages are "nl" (the default) and "en": any lang other than "en",
 * NULL included, gives Dutch.
 */
#ifndef SCHAKEL_CATALOG_H
#define SCHAKEL_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

struct ctx;

struct indicator {
	const char	*id;		/* "OM-1a-1", unique */
	const char	*form;		/* group: general, labour, ... */
	const char	*category_en;	/* sub-heading in the checklist */
	const char	*category_nl;
	const char	*text_en;
	const char	*text_nl;
	const char	*source;	/* the list it was taken from */
};

struct help_need {
	const char	*id;		/* "SAFE-SHELTER", unique */
	const char	*domain;	/* safety, health, legal, ... */
	const char	*domain_nl;
	const char	*text_en;
	const char	*text_nl;
	const char	*providers;	/* typical providers; may be "" */
	const char	*notes;		/* may be "" */
};

/*
 * Life cycle.  Parse the embedded catalogues; the first call does the
 * work, later calls return its outcome.  -1 with ST_INTERNAL naming the
 * file and line when the data is malformed.  The lookups below load on
 * first use too; call this at start-up to fail early and loudly.
 */
int	catalog_load(struct ctx *);

/* Indicators in file order (the checklist order); NULL and 0 if unloadable. */
const struct indicator *catalog_indicators(size_t *n);
/* The indicator with this id, or NULL. */
const struct indicator *catalog_indicator(const char *id);

/* Help needs in file order; NULL and 0 if unloadable. */
const struct help_need *catalog_help_needs(size_t *n);
/* The help need with this id, or NULL. */
const struct help_need *catalog_help_need(const char *id);

/*
 * Fixed code lists: a key as stored and sent over the API, and its labels.
 * Each table is in display order and ends with an entry whose key is NULL.
 */
struct catalog_label {
	const char	*key;		/* "ernstige_benadeling" */
	const char	*en;
	const char	*nl;
};

/* Indicator groups (checklist headings): general, labour, sexual, criminal. */
extern const struct catalog_label catalog_groups[];
bool	catalog_group_valid(const char *);
/* The label in lang, or NULL for an unknown group. */
const char *catalog_group_label(const char *group, const char *lang);

/*
 * Forms of exploitation: sexual, labour, criminal, forced_services,
 * begging, organ_removal, other_unknown, ernstige_benadeling (serious
 * disadvantage of a worker without signs of trafficking).
 */
extern const struct catalog_label catalog_forms[];
bool	catalog_form_valid(const char *);
/* The label in lang, or NULL for an unknown form. */
const char *catalog_form_label(const char *form, const char *lang);

/*
 * Victim-group markers: minor, age_18_22, dutch, eu, non_eu,
 * unaccompanied_minor, lvb, labour_migrant, psychiatric, addiction, debts,
 * homeless, in_youth_care.
 */
extern const struct catalog_label catalog_markers[];
bool	catalog_marker_valid(const char *);
/* The label in lang, or NULL for an unknown marker. */
const char *catalog_marker_label(const char *marker, const char *lang);

/*
 * The parsers behind catalog_load(), for tests and tools: parse len bytes
 * of text as the named file into arrays in the context's arena.  -1 with
 * ST_INTERNAL and "name line N: what" on malformed CSV, a wrong header,
 * an empty required field, a duplicate id, an unknown group or invalid
 * UTF-8.
 */
int	catalog_parse_indicators(struct ctx *, const char *name,
	    const char *text, size_t len, struct indicator **out, size_t *n);
int	catalog_parse_help_needs(struct ctx *, const char *name,
	    const char *text, size_t len, struct help_need **out, size_t *n);

#endif

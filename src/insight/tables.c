#include "insight/tables.h"

#include <string.h>

static const struct catalog_label reporters[] = {
	{ "advice_point", "Advice and reporting point",
	    "Advies- en meldpunt" },
	{ "care_coordination", "Care coordination", "Zorgcoördinatie" },
	{ "provider", "Care provider", "Zorgaanbieder" },
	{ "expert_team", "Expert team", "Expertteam" },
	{ "municipality", "Municipality", "Gemeente" },
	{ "police", "Police", "Politie" },
	{ "labour_inspectorate", "Labour inspectorate", "Arbeidsinspectie" },
	{ "assessment_committee", "Assessment committee",
	    "Beoordelingscommissie" },
	{ "public", "Public form (no account)",
	    "Openbaar formulier (zonder account)" },
	{ "other", "Other organisation", "Andere organisatie" },
	{ NULL, NULL, NULL },
};

static const struct catalog_label case_types[] = {
	{ "trafficking", "Human trafficking", "Mensenhandel" },
	{ "serious_disadvantage", "Serious disadvantage of a worker",
	    "Ernstige benadeling" },
	{ NULL, NULL, NULL },
};

static const struct catalog_label ages[] = {
	{ "lt18", "Under 18", "Jonger dan 18" },
	{ "a18_22", "18 to 22", "18 tot en met 22" },
	{ "a23plus", "23 and over", "23 en ouder" },
	{ "unknown", "Age not known", "Leeftijd onbekend" },
	{ NULL, NULL, NULL },
};

static const struct catalog_label sexes[] = {
	{ "female", "Female", "Vrouw" },
	{ "male", "Male", "Man" },
	{ "other", "Other", "Anders" },
	{ "unknown", "Not known", "Onbekend" },
	{ NULL, NULL, NULL },
};

static const struct catalog_label nationalities[] = {
	{ "dutch", "Dutch", "Nederlands" },
	{ "eu", "Another EU country", "Ander EU-land" },
	{ "non_eu", "Outside the EU", "Buiten de EU" },
	{ "unknown", "Not known", "Onbekend" },
	{ NULL, NULL, NULL },
};

static const struct catalog_label suspects[] = {
	{ "suspect_only", "Suspect only", "Alleen verdachte" },
	{ "also_victim", "Also a victim (in this or another case)",
	    "Ook slachtoffer (in deze of een andere casus)" },
	{ NULL, NULL, NULL },
};

static const struct catalog_label durations[] = {
	{ "d0_1", "Within 1 day", "Binnen 1 dag" },
	{ "d2_5", "2 to 5 days", "2 tot en met 5 dagen" },
	{ "d6_10", "6 to 10 days", "6 tot en met 10 dagen" },
	{ "d11_30", "11 to 30 days", "11 tot en met 30 dagen" },
	{ "d31plus", "More than 30 days", "Meer dan 30 dagen" },
	{ NULL, NULL, NULL },
};

static const struct catalog_label declines[] = {
	{ "no_capacity", "No capacity", "Geen plek of capaciteit" },
	{ "not_target_group", "Not the provider's target group",
	    "Niet de doelgroep van de aanbieder" },
	{ "safety", "Safety", "Veiligheid" },
	{ "other", "Other reason", "Andere reden" },
	{ NULL, NULL, NULL },
};

static const struct catalog_label needs[] = {
	{ "in_time", "Referred within 14 days",
	    "Binnen 14 dagen verwezen" },
	{ "late", "Referred later", "Later verwezen" },
	{ "met_otherwise", "Met without a referral",
	    "Vervuld zonder verwijzing" },
	{ "dropped", "No longer needed", "Niet meer nodig" },
	{ "not_referred", "Not referred (yet)", "(Nog) niet verwezen" },
	{ NULL, NULL, NULL },
};

static const struct catalog_label idents[] = {
	{ "first_plausible", "First decision: plausible",
	    "Eerste besluit: aannemelijk" },
	{ "first_not_plausible", "First decision: not plausible",
	    "Eerste besluit: niet aannemelijk" },
	{ "final_identified", "Final decision: identified",
	    "Eindbesluit: geïdentificeerd" },
	{ "final_not_identified", "Final decision: not identified",
	    "Eindbesluit: niet geïdentificeerd" },
	{ NULL, NULL, NULL },
};

static const struct catalog_label residence[] = {
	{ "reflection", "Reflection period started",
	    "Bedenktijd gestart" },
	{ "reflection_ended", "Reflection period ended",
	    "Bedenktijd beëindigd" },
	{ "permit", "Temporary permit granted",
	    "Tijdelijke vergunning verleend" },
	{ "exempt", "Exemption from reporting",
	    "Vrijstelling van aangifte" },
	{ "permit_renewed", "Permit renewed", "Vergunning verlengd" },
	{ "continued", "Continued residence", "Voortgezet verblijf" },
	{ "withdrawn", "Permit withdrawn", "Vergunning ingetrokken" },
	{ "asylum", "Asylum procedure", "Asielprocedure" },
	{ NULL, NULL, NULL },
};

static const struct catalog_label placements[] = {
	{ "open", "Placed, not in closed youth care",
	    "Geplaatst, niet in gesloten jeugdhulp" },
	{ "closed", "Closed youth care", "Gesloten jeugdhulp" },
	{ NULL, NULL, NULL },
};

static const struct catalog_label adults[] = {
	{ "with_plan", "With a transition plan", "Met een overgangsplan" },
	{ "without_plan", "Without a transition plan",
	    "Zonder overgangsplan" },
	{ NULL, NULL, NULL },
};

const struct tbl_def tbl_defs[] = {
	{ "signals_form", "Signals by form of exploitation",
	    "Signalen naar vorm van uitbuiting", "signals",
	    Q_INSIGHT_SIGNALS_FORM, false, TBL_LIST, catalog_forms },
	{ "signals_reporter", "Signals by kind of reporting organisation",
	    "Signalen naar soort melder", "signals",
	    Q_INSIGHT_SIGNALS_REPORTER, false, TBL_EXCLUSIVE, reporters },
	{ "cases_type", "Cases by type", "Casussen naar soort", "cases",
	    Q_INSIGHT_CASES_TYPE, false, TBL_EXCLUSIVE, case_types },
	{ "cases_form", "Cases by form of exploitation",
	    "Casussen naar vorm van uitbuiting", "cases",
	    Q_INSIGHT_CASES_FORM, false, TBL_LIST, catalog_forms },
	{ "victims_age", "Victims by age", "Slachtoffers naar leeftijd",
	    "victims", Q_INSIGHT_VICTIMS_AGE, false, TBL_EXCLUSIVE, ages },
	{ "victims_sex", "Victims by sex", "Slachtoffers naar geslacht",
	    "victims", Q_INSIGHT_VICTIMS_SEX, false, TBL_EXCLUSIVE, sexes },
	{ "victims_nationality", "Victims by nationality group",
	    "Slachtoffers naar nationaliteit", "victims",
	    Q_INSIGHT_VICTIMS_NATIONALITY, false, TBL_EXCLUSIVE,
	    nationalities },
	{ "victims_group", "Victims by victim group",
	    "Slachtoffers naar slachtoffergroep", "victims",
	    Q_INSIGHT_VICTIMS_GROUP, false, TBL_LIST, catalog_markers },
	{ "suspects", "Suspects, and suspects who are also victims",
	    "Verdachten, en verdachten die ook slachtoffer zijn",
	    "suspects", Q_INSIGHT_SUSPECTS, false, TBL_EXCLUSIVE, suspects },
	{ "time_triage", "Time from signal to triage decision",
	    "Tijd van signaal tot triagebesluit", "signals",
	    Q_INSIGHT_TIME_TRIAGE, false, TBL_EXCLUSIVE, durations },
	{ "time_referral", "Time from signal to the first accepted referral",
	    "Tijd van signaal tot de eerste geaccepteerde verwijzing",
	    "cases", Q_INSIGHT_TIME_REFERRAL, false, TBL_EXCLUSIVE,
	    durations },
	{ "time_care", "Time from signal to the start of care",
	    "Tijd van signaal tot de start van de zorg", "cases",
	    Q_INSIGHT_TIME_CARE, false, TBL_EXCLUSIVE, durations },
	{ "referrals_declined", "Referrals declined, by reason",
	    "Afgewezen verwijzingen, naar reden", "referrals",
	    Q_INSIGHT_DECLINED, false, TBL_EXCLUSIVE, declines },
	{ "needs", "Help needs and whether they were referred in time",
	    "Hulpvragen en of ze op tijd zijn verwezen", "needs",
	    Q_INSIGHT_NEEDS, false, TBL_EXCLUSIVE, needs },
	{ "identification", "Identification decisions",
	    "Besluiten over identificatie", "decisions", Q_INSIGHT_IDENT,
	    false, TBL_EVENTS, idents },
	{ "residence", "Residence track: steps taken",
	    "Verblijfsspoor: genomen stappen", "steps",
	    Q_INSIGHT_RESIDENCE, true, TBL_EVENTS, residence },
	{ "placements_minors", "Placements of minor victims",
	    "Plaatsingen van minderjarige slachtoffers", "placements",
	    Q_INSIGHT_PLACEMENTS, true, TBL_EXCLUSIVE, placements },
	{ "turned_18", "Victims who turned 18",
	    "Slachtoffers die 18 werden", "victims", Q_INSIGHT_TURNED_18,
	    true, TBL_EXCLUSIVE, adults },
};

const size_t tbl_ndefs = sizeof(tbl_defs) / sizeof(tbl_defs[0]);

const struct tbl_trend tbl_trend[] = {
	{ "signals_form", "signals", "Signals", "Signalen" },
	{ "cases_type", "cases", "Cases", "Casussen" },
	{ "victims_age", "victims", "Victims in cases",
	    "Slachtoffers in casussen" },
	{ "suspects", "suspects", "Suspects in cases",
	    "Verdachten in casussen" },
};

const size_t tbl_ntrend = sizeof(tbl_trend) / sizeof(tbl_trend[0]);

const struct tbl_def *
tbl_find(const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < tbl_ndefs; i++)
		if (strcmp(tbl_defs[i].id, id) == 0)
			return &tbl_defs[i];
	return NULL;
}

bool
tbl_has_total(const struct tbl_def *d)
{
	return d->kind != TBL_EVENTS;
}

size_t
tbl_nrows(const struct tbl_def *d)
{
	size_t n = 0;

	while (d->rows[n].key != NULL)
		n++;
	return n + (tbl_has_total(d) ? 1 : 0);
}

int
tbl_row(const struct tbl_def *d, const char *key)
{
	int i;

	for (i = 0; key != NULL && d->rows[i].key != NULL; i++)
		if (strcmp(d->rows[i].key, key) == 0)
			return i;
	return -1;
}

const char *
tbl_label(const struct catalog_label *l, const char *lang)
{
	return lang != NULL && strcmp(lang, "en") == 0 ? l->en : l->nl;
}

/*
 * api: HTTP <-> domain.  One dispatcher for every request: it builds the
 * request's context, authenticates (session cookie or API token), checks
 * the CSRF token on unsafe methods with a cookie, asks the policy about
 * the route's action, runs the handler, and maps any failure to the one
 * error shape {"error":{"code","message","fields":[{"field","reason"}]}}.
 * Handlers hold no SQL and no transport details beyond their request.
 */
#ifndef SCHAKEL_API_H
#define SCHAKEL_API_H

#include <stdbool.h>

#include "auth/policy.h"
#include "core/fail.h"
#include "core/json.h"

struct crypt_keys;
struct http_request;
struct http_response;
struct router;
struct store;

struct api {
	struct store	*store;
	const struct crypt_keys *keys;
	struct router	*router;
	bool		 demo_instance;	/* the data folder holds demo data */
};

enum route_flags {
	ROUTE_PUBLIC = 1 << 0,		/* no login needed */
	ROUTE_BODY = 1 << 1,		/* takes a JSON body */
};

typedef int api_handler_fn(struct ctx *, struct http_request *,
    struct http_response *);

struct api_route {
	const char	*method;
	const char	*pattern;
	api_handler_fn	*handler;
	enum action	 action;
	unsigned	 flags;
};

/* Every route of the API; ends with a NULL method. */
extern const struct api_route api_routes[];

/* Life cycle: the routes registered in a router of its own. */
int	api_init(struct api *, struct store *, const struct crypt_keys *,
	    bool demo_instance);
void	api_release(struct api *);
/* The server's handler: udata is the struct api. */
void	api_handle(struct http_request *, struct http_response *, void *);

/* For handlers: the api a request belongs to, and helpers. */
const struct api *api_of(const struct ctx *);
int	api_http_status(enum status);
/* The path parameter name as a positive id; ST_NOTFOUND otherwise. */
int	api_param_id(struct ctx *, struct http_request *, const char *name,
	    int64_t *id);
/* The path's {id} and the JSON body decoded into out (zeroed by the
 * caller): what most handlers of a record's actions start with. */
int	api_id_body(struct ctx *, struct http_request *,
	    const struct json_field *, size_t nfields, void *out, int64_t *id);
/* {"id": id} as the answer; 201 when created. */
void	api_answer_id(struct http_response *, int64_t id, bool created);

/* People and code lists (person_json.c), for signals and cases. */
struct jw;
struct signal_person;
#define API_PERSON_NFIELDS	10
extern const struct json_field api_person_fields[API_PERSON_NFIELDS];
void	api_person(struct jw *, const struct signal_person *);
/* "a,b" as the JSON list key: ["a","b"]. */
void	api_csv(struct jw *, const char *key, const char *csv);

/* The criminal and residence sections of the case page (track_api.c). */
struct care_case;
void	api_case_tracks(struct ctx *, struct jw *, const struct care_case *);
/* The case page's part of transfer_api.c: the waiting transfer. */
struct care_case;
void	api_case_transfer_section(struct ctx *, struct jw *,
	    const struct care_case *);

/* Handlers, by area (account_api.c, admin_api.c, signal_api.c,
 * advice_api.c, fallback_api.c, case_api.c, track_api.c). */
api_handler_fn api_health, api_login, api_logout, api_me;
api_handler_fn api_orgs_list, api_orgs_create, api_users_list,
    api_users_create, api_users_disable, api_municipalities,
    api_audit_object, api_regions_list, api_regions_create,
    api_regions_get, api_regions_update;
api_handler_fn api_catalog, api_signals_create, api_signals_mine,
    api_signals_queue, api_signals_get, api_signals_claim,
    api_signals_decide;
api_handler_fn api_signals_ask, api_signals_answer, api_signals_overview;
api_handler_fn api_public_signals_create, api_public_signals_status,
    api_public_challenge;
api_handler_fn api_advice_ask, api_advice_mine, api_advice_queue,
    api_advice_answer, api_advice_signal;
api_handler_fn api_deadlines_list, api_deadlines_set;
api_handler_fn api_fallback_get, api_fallback_set;
api_handler_fn api_cases_list, api_cases_open, api_cases_get,
    api_cases_accept, api_cases_status, api_cases_type, api_cases_member_add,
    api_cases_member_remove, api_cases_person_add, api_cases_need_add,
    api_cases_need_set, api_cases_plan, api_cases_note;
api_handler_fn api_cases_criminal, api_cases_residence, api_cases_due;
/* The deadline overview (due_api.c). */
api_handler_fn api_due;
api_handler_fn api_cases_transfer, api_cases_transfer_accept,
    api_cases_transfer_decline, api_cases_transfer_cancel,
    api_transfers_list, api_cases_emergency, api_cases_emergency_list,
    api_emergency_reads, api_cases_access;
api_handler_fn api_users_pending, api_users_approve, api_users_enrol_link,
    api_users_approver, api_enrol_begin, api_enrol_finish;
api_handler_fn api_users_contact;
/* Identification (ident_api.c), and its section of the case page. */
api_handler_fn api_committees_list, api_ident_submit, api_ident_withdraw,
    api_assessments_list, api_assessments_get, api_assessments_first,
    api_assessments_final;
/* Referrals and escalations (referral_api.c). */
api_handler_fn api_cases_refer, api_cases_escalate,
    api_cases_referral_withdraw, api_cases_referral_consent,
    api_cases_consent_withdrawn, api_cases_referrals, api_referrals_missed,
    api_referrals_list, api_referrals_get, api_referrals_accept,
    api_referrals_start, api_referrals_decline, api_referrals_note,
    api_referrals_end, api_escalations_list, api_escalations_get,
    api_escalations_answer;
struct care_case;
void	api_case_identification(struct ctx *, struct jw *,
	    const struct care_case *);
/* Providers' offer and capacity, and the fitting search
 * (provider_api.c). */
api_handler_fn api_provider_mine, api_provider_set_mine,
    api_provider_capacity, api_providers_get, api_providers_set,
    api_cases_need_providers;
/* Placements (placement_api.c). */
api_handler_fn api_placements_of_case, api_placements_record,
    api_placements_change, api_placements_end, api_placements_renew,
    api_placements_list, api_provider_names;
/* Turning 18 (adulthood_api.c), and its part of the case page. */
api_handler_fn api_cases_transition, api_transitions_list;
void	api_case_adulthood(struct ctx *, struct jw *,
	    const struct care_case *);
/* Trained professionals, coverage and the HTCDS export
 * (expertise_api.c). */
api_handler_fn api_expertise_list, api_expertise_add, api_expertise_remove,
    api_expertise_coverage, api_insight_htcds;

/* Local insight (insight_api.c). */
api_handler_fn api_insight_areas, api_insight, api_insight_csv,
    api_insight_chart, api_insight_tiles;
/* Care contracts and the gap report (contract_api.c). */
api_handler_fn api_contracts, api_contracts_create, api_contracts_get,
    api_contracts_update, api_contracts_end, api_gap, api_gap_csv;
/* Notifications and the login's mail switch (notify_api.c). */
api_handler_fn api_notifications, api_notifications_seen,
    api_account_email, api_account_email_set;
struct ptable;
struct area;
void	api_insight_table(struct jw *, const struct ptable *,
	    const char *chart, bool too_small, const struct area *);

#endif

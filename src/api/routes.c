/*
 * The route table: every URL the API answers, the handler, and the
 * action the policy is asked about before the handler runs.
 */
#include "api/api.h"

const struct api_route api_routes[] = {
	{ "GET", "/healthz", api_health, ACT_NONE, ROUTE_PUBLIC },
	{ "POST", "/api/login", api_login, ACT_NONE,
	    ROUTE_PUBLIC | ROUTE_BODY },
	{ "POST", "/api/logout", api_logout, ACT_SELF, 0 },
	{ "GET", "/api/me", api_me, ACT_SELF, 0 },
	/* Reference data: the public form needs it before any login. */
	{ "GET", "/api/municipalities", api_municipalities, ACT_NONE,
	    ROUTE_PUBLIC },
	{ "GET", "/api/orgs", api_orgs_list, ACT_ORG_LIST, 0 },
	{ "POST", "/api/orgs", api_orgs_create, ACT_ORG_CREATE, ROUTE_BODY },
	{ "GET", "/api/users", api_users_list, ACT_USER_LIST, 0 },
	{ "POST", "/api/users", api_users_create, ACT_USER_CREATE,
	    ROUTE_BODY },
	{ "POST", "/api/users/{id}/disable", api_users_disable,
	    ACT_USER_DISABLE, 0 },
	{ "GET", "/api/audit", api_audit_object, ACT_AUDIT_OBJECT, 0 },
	{ "GET", "/api/catalog", api_catalog, ACT_NONE, ROUTE_PUBLIC },
	{ "GET", "/api/regions", api_regions_list, ACT_REGION_LIST, 0 },
	{ "POST", "/api/regions", api_regions_create, ACT_REGION_CREATE,
	    ROUTE_BODY },
	{ "POST", "/api/signals", api_signals_create, ACT_SIGNAL_CREATE,
	    ROUTE_BODY },
	{ "GET", "/api/signals/mine", api_signals_mine, ACT_SIGNAL_CREATE, 0 },
	{ "GET", "/api/signals/queue", api_signals_queue, ACT_SIGNAL_TRIAGE,
	    0 },
	{ "GET", "/api/signals/{id}", api_signals_get, ACT_SIGNAL_READ, 0 },
	{ "POST", "/api/signals/{id}/claim", api_signals_claim,
	    ACT_SIGNAL_TRIAGE, 0 },
	{ "POST", "/api/signals/{id}/decision", api_signals_decide,
	    ACT_SIGNAL_TRIAGE, ROUTE_BODY },
	{ "POST", "/api/signals/{id}/questions", api_signals_ask,
	    ACT_SIGNAL_TRIAGE, ROUTE_BODY },
	{ "POST", "/api/signals/{id}/questions/{qid}/answer",
	    api_signals_answer, ACT_SIGNAL_READ, ROUTE_BODY },
	/* A professional without an account reports, and follows it. */
	{ "POST", "/api/public/signals", api_public_signals_create, ACT_NONE,
	    ROUTE_PUBLIC | ROUTE_BODY },
	{ "GET", "/api/public/signals/{receipt}", api_public_signals_status,
	    ACT_NONE, ROUTE_PUBLIC },
	{ "POST", "/api/advice", api_advice_ask, ACT_SIGNAL_CREATE,
	    ROUTE_BODY },
	{ "GET", "/api/advice/mine", api_advice_mine, ACT_SIGNAL_CREATE, 0 },
	{ "GET", "/api/advice/queue", api_advice_queue, ACT_SIGNAL_TRIAGE, 0 },
	{ "POST", "/api/advice/{id}/answer", api_advice_answer,
	    ACT_SIGNAL_TRIAGE, ROUTE_BODY },
	{ NULL, NULL, NULL, ACT_NONE, 0 },
};

/*
 * queries: one entry per SQL statement.  The text is in queries.c, in one
 * table; placeholders are written ?1, ?2 (the PostgreSQL back end rewrites
 * them to $1, $2).  Statements are prepared once per connection and
 * cached by this number.
 */
#ifndef SCHAKEL_QUERIES_H
#define SCHAKEL_QUERIES_H

enum query {
	/* schema and instance */
	Q_SCHEMA_INIT,
	Q_SCHEMA_VERSION,
	Q_SCHEMA_RECORD,
	Q_META_GET,
	Q_META_SET,
	Q_TABLE_COUNT_AUDIT,

	/* municipalities */
	Q_MUNI_UPSERT,
	Q_MUNI_LIST,
	Q_MUNI_GET,

	/* organisations */
	Q_ORG_INSERT,
	Q_ORG_LIST,
	Q_ORG_GET,
	Q_ORG_BY_NAME,

	/* users */
	Q_USER_INSERT,
	Q_USER_SET_TOTP,
	Q_USER_LIST,
	Q_USER_GET,
	Q_USER_BY_NAME,
	Q_USER_SET_PASSWORD,
	Q_USER_SET_DISABLED,
	Q_USER_LOGGED_IN,

	/* login throttling, by user name whether or not the user exists */
	Q_LOGINFAIL_GET,
	Q_LOGINFAIL_SET,
	Q_LOGINFAIL_CLEAR,

	/* sessions and API tokens */
	Q_SESSION_INSERT,
	Q_SESSION_LOOKUP,
	Q_SESSION_TOUCH,
	Q_SESSION_DELETE,
	Q_SESSION_DELETE_USER,
	Q_SESSION_PURGE,
	Q_TOKEN_INSERT,
	Q_TOKEN_LOOKUP,
	Q_TOKEN_USED,

	/* audit trail */
	Q_AUDIT_LAST,
	Q_AUDIT_INSERT,
	Q_AUDIT_PAGE,
	Q_AUDIT_FOR_OBJECT,

	/* regions */
	Q_REGION_INSERT,
	Q_REGION_LIST,
	Q_REGION_ADD_MUNI,
	Q_REGION_ADD_ORG,
	Q_REGION_BY_NAME,
	Q_REGION_FOR_MUNI,

	/* signals */
	Q_SIGNAL_INSERT,
	Q_SIGNAL_SEAL,
	Q_SIGNAL_PERSON_INSERT,
	Q_SIGNAL_PERSON_SEAL,
	Q_SIGNAL_MINE,
	Q_SIGNAL_QUEUE,
	Q_SIGNAL_GET,
	Q_SIGNAL_PERSONS,
	Q_SIGNAL_IN_ORG_REGION,
	Q_SIGNAL_CLAIM,
	Q_SIGNAL_DECIDE,
	Q_SIGNAL_PUBLIC_MARK,
	Q_SIGNAL_BY_RECEIPT,
	Q_MATCH_FIND,
	Q_MATCH_INSERT,
	Q_MATCH_FOR_SIGNAL,

	/* advice */
	Q_ADVICE_INSERT,
	Q_ADVICE_SEAL,
	Q_ADVICE_MINE,
	Q_ADVICE_QUEUE,
	Q_ADVICE_GET,
	Q_ADVICE_ANSWER,

	/* copying a whole deployment (store/copy.c) */
	Q_COPY_COUNTS,
	Q_COPY_META_ALL,
	Q_COPY_ORG_ALL,
	Q_COPY_ORG_INSERT,
	Q_COPY_USER_ALL,
	Q_COPY_USER_INSERT,
	Q_COPY_LOGINFAIL_ALL,
	Q_COPY_SESSION_ALL,
	Q_COPY_SESSION_INSERT,
	Q_COPY_TOKEN_ALL,
	Q_COPY_TOKEN_INSERT,
	Q_COPY_PG_SEQUENCES,
	Q_COPY_REGION_ALL,
	Q_COPY_REGION_INSERT,
	Q_COPY_REGION_MUNI_ALL,
	Q_COPY_ORG_REGION_ALL,
	Q_COPY_SIGNAL_ALL,
	Q_COPY_SIGNAL_INSERT,
	Q_COPY_PERSON_ALL,
	Q_COPY_PERSON_INSERT,
	Q_COPY_MATCH_ALL,
	Q_COPY_MATCH_INSERT,
	Q_COPY_ADVICE_ALL,
	Q_COPY_ADVICE_INSERT,

	Q__COUNT
};

/* The SQL text of a statement. */
const char	*query_sql(enum query);
/* A short name for logs ("Q_USER_GET"); never parameters. */
const char	*query_name(enum query);

#endif

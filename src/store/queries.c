#include "queries.h"

#include <assert.h>
#include <stddef.h>

#define USER_COLS "u.id, u.username, u.org_id, o.name, u.role, u.demo, " \
	"u.disabled, u.totp_required, u.created_at, u.last_login_at"

static const char *const sql[Q__COUNT] = {
	[Q_SCHEMA_INIT] =
	    "CREATE TABLE IF NOT EXISTS schema_version ("
	    " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
	    " applied_at INTEGER NOT NULL)",
	[Q_SCHEMA_VERSION] =
	    "SELECT COALESCE(MAX(version), 0) FROM schema_version",
	[Q_SCHEMA_RECORD] =
	    "INSERT INTO schema_version (version, name, applied_at)"
	    " VALUES (?1, ?2, ?3)",
	[Q_META_GET] =
	    "SELECT value FROM meta WHERE key = ?1",
	[Q_META_SET] =
	    "INSERT INTO meta (key, value) VALUES (?1, ?2)"
	    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[Q_TABLE_COUNT_AUDIT] =
	    "SELECT COUNT(*) FROM audit",

	[Q_MUNI_UPSERT] =
	    "INSERT INTO municipality (code, name, province)"
	    " VALUES (?1, ?2, ?3) ON CONFLICT (code) DO UPDATE"
	    " SET name = excluded.name, province = excluded.province",
	[Q_MUNI_LIST] =
	    "SELECT code, name, province FROM municipality ORDER BY name",
	[Q_MUNI_GET] =
	    "SELECT code, name, province FROM municipality WHERE code = ?1",

	[Q_ORG_INSERT] =
	    "INSERT INTO org (name, type, municipality, demo, created_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
	[Q_ORG_LIST] =
	    "SELECT o.id, o.name, o.type, o.municipality, m.name, o.demo"
	    " FROM org o LEFT JOIN municipality m ON m.code = o.municipality"
	    " ORDER BY o.name",
	[Q_ORG_GET] =
	    "SELECT o.id, o.name, o.type, o.municipality, m.name, o.demo"
	    " FROM org o LEFT JOIN municipality m ON m.code = o.municipality"
	    " WHERE o.id = ?1",
	[Q_ORG_BY_NAME] =
	    "SELECT id FROM org WHERE name = ?1",

	[Q_USER_INSERT] =
	    "INSERT INTO app_user (username, org_id, role, password_hash,"
	    " totp_required, demo, created_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
	[Q_USER_SET_TOTP] =
	    "UPDATE app_user SET totp_secret = ?2, totp_last_step = 0"
	    " WHERE id = ?1",
	[Q_USER_LIST] =
	    "SELECT " USER_COLS " FROM app_user u JOIN org o ON o.id = u.org_id"
	    " ORDER BY u.username",
	[Q_USER_GET] =
	    "SELECT " USER_COLS " FROM app_user u JOIN org o ON o.id = u.org_id"
	    " WHERE u.id = ?1",
	[Q_USER_BY_NAME] =
	    "SELECT u.id, u.org_id, u.role, u.password_hash, u.totp_secret,"
	    " u.totp_required, u.totp_last_step, u.demo, u.disabled"
	    " FROM app_user u WHERE u.username = ?1",
	[Q_USER_SET_PASSWORD] =
	    "UPDATE app_user SET password_hash = ?2 WHERE id = ?1",
	[Q_USER_SET_DISABLED] =
	    "UPDATE app_user SET disabled = ?2 WHERE id = ?1",
	[Q_USER_LOGGED_IN] =
	    "UPDATE app_user SET last_login_at = ?2, totp_last_step = ?3"
	    " WHERE id = ?1",

	[Q_LOGINFAIL_GET] =
	    "SELECT failures, first_at, locked_until FROM login_failure"
	    " WHERE username = ?1",
	[Q_LOGINFAIL_SET] =
	    "INSERT INTO login_failure (username, failures, first_at,"
	    " locked_until) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (username)"
	    " DO UPDATE SET failures = excluded.failures,"
	    " first_at = excluded.first_at,"
	    " locked_until = excluded.locked_until",
	[Q_LOGINFAIL_CLEAR] =
	    "DELETE FROM login_failure WHERE username = ?1",

	[Q_SESSION_INSERT] =
	    "INSERT INTO session (token_hash, user_id, created_at,"
	    " last_seen_at, expires_at) VALUES (?1, ?2, ?3, ?3, ?4)"
	    " RETURNING id",
	[Q_SESSION_LOOKUP] =
	    "SELECT s.id, s.user_id, s.last_seen_at, s.expires_at, u.org_id,"
	    " u.role, u.demo, u.disabled, u.username, o.name,"
	    " u.totp_required FROM session s"
	    " JOIN app_user u ON u.id = s.user_id"
	    " JOIN org o ON o.id = u.org_id WHERE s.token_hash = ?1",
	[Q_SESSION_TOUCH] =
	    "UPDATE session SET last_seen_at = ?2 WHERE id = ?1",
	[Q_SESSION_DELETE] =
	    "DELETE FROM session WHERE id = ?1",
	[Q_SESSION_DELETE_USER] =
	    "DELETE FROM session WHERE user_id = ?1",
	[Q_SESSION_PURGE] =
	    "DELETE FROM session WHERE expires_at <= ?1 OR last_seen_at <= ?2",
	[Q_TOKEN_INSERT] =
	    "INSERT INTO api_token (token_hash, user_id, name, created_at)"
	    " VALUES (?1, ?2, ?3, ?4) RETURNING id",
	[Q_TOKEN_LOOKUP] =
	    "SELECT t.id, t.user_id, u.org_id, u.role, u.demo, u.disabled,"
	    " COALESCE(t.last_used_at, 0) FROM api_token t"
	    " JOIN app_user u ON u.id = t.user_id"
	    " WHERE t.token_hash = ?1 AND t.revoked = 0",
	[Q_TOKEN_USED] =
	    "UPDATE api_token SET last_used_at = ?2 WHERE id = ?1",

	[Q_AUDIT_LAST] =
	    "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
	[Q_AUDIT_INSERT] =
	    "INSERT INTO audit (id, at, user_id, org_id, role, action,"
	    " object_type, object_id, reason, client_addr, request_id,"
	    " prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	    " ?10, ?11, ?12, ?13)",
	[Q_AUDIT_PAGE] =
	    "SELECT id, at, user_id, org_id, role, action, object_type,"
	    " object_id, reason, client_addr, request_id, prev_hash, hash"
	    " FROM audit WHERE id > ?1 ORDER BY id LIMIT ?2",
	[Q_AUDIT_FOR_OBJECT] =
	    "SELECT a.id, a.at, a.user_id, u.username, a.org_id, a.role,"
	    " a.action, a.reason FROM audit a"
	    " LEFT JOIN app_user u ON u.id = a.user_id"
	    " WHERE a.object_type = ?1 AND a.object_id = ?2"
	    " ORDER BY a.id DESC LIMIT ?3",

	[Q_COPY_COUNTS] =
	    "SELECT (SELECT COUNT(*) FROM meta),"
	    " (SELECT COUNT(*) FROM municipality), (SELECT COUNT(*) FROM org),"
	    " (SELECT COUNT(*) FROM app_user),"
	    " (SELECT COUNT(*) FROM login_failure),"
	    " (SELECT COUNT(*) FROM session), (SELECT COUNT(*) FROM api_token),"
	    " (SELECT COUNT(*) FROM audit)",
	[Q_COPY_META_ALL] =
	    "SELECT key, value FROM meta ORDER BY key",
	[Q_COPY_ORG_ALL] =
	    "SELECT id, name, type, municipality, demo, created_at FROM org"
	    " ORDER BY id",
	[Q_COPY_ORG_INSERT] =
	    "INSERT INTO org (id, name, type, municipality, demo, created_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[Q_COPY_USER_ALL] =
	    "SELECT id, username, org_id, role, password_hash, totp_secret,"
	    " totp_required, totp_last_step, demo, disabled, created_at,"
	    " last_login_at FROM app_user ORDER BY id",
	[Q_COPY_USER_INSERT] =
	    "INSERT INTO app_user (id, username, org_id, role, password_hash,"
	    " totp_secret, totp_required, totp_last_step, demo, disabled,"
	    " created_at, last_login_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	    " ?8, ?9, ?10, ?11, ?12)",
	[Q_COPY_LOGINFAIL_ALL] =
	    "SELECT username, failures, first_at, locked_until"
	    " FROM login_failure ORDER BY username",
	[Q_COPY_SESSION_ALL] =
	    "SELECT id, token_hash, user_id, created_at, last_seen_at,"
	    " expires_at FROM session ORDER BY id",
	[Q_COPY_SESSION_INSERT] =
	    "INSERT INTO session (id, token_hash, user_id, created_at,"
	    " last_seen_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[Q_COPY_TOKEN_ALL] =
	    "SELECT id, token_hash, user_id, name, created_at, last_used_at,"
	    " revoked FROM api_token ORDER BY id",
	[Q_COPY_TOKEN_INSERT] =
	    "INSERT INTO api_token (id, token_hash, user_id, name, created_at,"
	    " last_used_at, revoked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	/* Identity columns continue after the copied ids (PostgreSQL). */
	[Q_COPY_PG_SEQUENCES] =
	    "SELECT setval(pg_get_serial_sequence('org', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM org), false),"
	    " setval(pg_get_serial_sequence('app_user', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM app_user), false),"
	    " setval(pg_get_serial_sequence('session', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM session), false),"
	    " setval(pg_get_serial_sequence('api_token', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM api_token), false)",
};

static const char *const names[Q__COUNT] = {
#define N(q) [q] = #q
	N(Q_SCHEMA_INIT), N(Q_SCHEMA_VERSION), N(Q_SCHEMA_RECORD),
	N(Q_META_GET), N(Q_META_SET), N(Q_TABLE_COUNT_AUDIT),
	N(Q_MUNI_UPSERT), N(Q_MUNI_LIST), N(Q_MUNI_GET),
	N(Q_ORG_INSERT), N(Q_ORG_LIST), N(Q_ORG_GET), N(Q_ORG_BY_NAME),
	N(Q_USER_INSERT), N(Q_USER_SET_TOTP), N(Q_USER_LIST), N(Q_USER_GET),
	N(Q_USER_BY_NAME), N(Q_USER_SET_PASSWORD), N(Q_USER_SET_DISABLED),
	N(Q_USER_LOGGED_IN),
	N(Q_LOGINFAIL_GET), N(Q_LOGINFAIL_SET), N(Q_LOGINFAIL_CLEAR),
	N(Q_SESSION_INSERT), N(Q_SESSION_LOOKUP), N(Q_SESSION_TOUCH),
	N(Q_SESSION_DELETE), N(Q_SESSION_DELETE_USER), N(Q_SESSION_PURGE),
	N(Q_TOKEN_INSERT), N(Q_TOKEN_LOOKUP), N(Q_TOKEN_USED),
	N(Q_AUDIT_LAST), N(Q_AUDIT_INSERT), N(Q_AUDIT_PAGE),
	N(Q_AUDIT_FOR_OBJECT),
	N(Q_COPY_COUNTS), N(Q_COPY_META_ALL), N(Q_COPY_ORG_ALL),
	N(Q_COPY_ORG_INSERT), N(Q_COPY_USER_ALL), N(Q_COPY_USER_INSERT),
	N(Q_COPY_LOGINFAIL_ALL), N(Q_COPY_SESSION_ALL),
	N(Q_COPY_SESSION_INSERT), N(Q_COPY_TOKEN_ALL), N(Q_COPY_TOKEN_INSERT),
	N(Q_COPY_PG_SEQUENCES),
#undef N
};

const char *
query_sql(enum query q)
{
	assert(q < Q__COUNT && sql[q] != NULL);
	return sql[q];
}

const char *
query_name(enum query q)
{
	assert(q < Q__COUNT && names[q] != NULL);
	return names[q];
}

#include "queries.h"

#include <assert.h>
#include <stddef.h>

#define USER_COLS "u.id, u.username, u.org_id, o.name, u.role, u.demo, " \
	"u.disabled, u.totp_required, u.created_at, u.last_login_at, " \
	"u.phone, u.needs_approval, COALESCE(u.approved_at, 0), " \
	"u.needs_enrol, COALESCE(u.enrolled_at, 0), u.approver, " \
	"COALESCE(u.created_by, 0), COALESCE(u.enrol_expires_at, 0)"
/* 1 when the account may log in as far as approval and enrolment go. */
#define USER_USABLE "CASE WHEN (u.needs_approval = 0 OR" \
	" u.approved_at IS NOT NULL) AND (u.needs_enrol = 0 OR" \
	" u.enrolled_at IS NOT NULL) THEN 1 ELSE 0 END"
/* An assessment with its people's names (domain/ident.c reads them in
 * this order). */
#define IDENT_COLUMNS "a.id, a.case_id, a.committee_id, o.name, a.status," \
	" a.parts, a.sources, a.note, su.username, so.name, su.phone," \
	" a.submitted_at, a.first_due, a.first_decision, a.first_reasons," \
	" fu.username, COALESCE(a.first_at, 0), COALESCE(a.final_due, 0)," \
	" a.final_decision, a.final_reasons, lu.username," \
	" COALESCE(a.final_at, 0), wu.username, COALESCE(a.withdrawn_at, 0)," \
	" a.updated_at FROM case_assessment a" \
	" JOIN org o ON o.id = a.committee_id" \
	" JOIN app_user su ON su.id = a.submitted_by" \
	" LEFT JOIN org so ON so.id = su.org_id" \
	" LEFT JOIN app_user fu ON fu.id = a.first_by" \
	" LEFT JOIN app_user lu ON lu.id = a.final_by" \
	" LEFT JOIN app_user wu ON wu.id = a.withdrawn_by"

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
	    " totp_required, demo, created_at, phone, created_by,"
	    " needs_approval, needs_enrol)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
	    " RETURNING id",
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
	    " u.totp_required, u.totp_last_step, u.demo, u.disabled, "
	    USER_USABLE " FROM app_user u WHERE u.username = ?1",
	[Q_USER_PENDING] =
	    "SELECT " USER_COLS " FROM app_user u JOIN org o ON o.id = u.org_id"
	    " WHERE u.needs_approval = 1 AND u.approved_at IS NULL"
	    " AND u.disabled = 0 AND (?1 = 1 OR u.org_id = ?2)"
	    " ORDER BY u.created_at, u.id",
	[Q_USER_APPROVE] =
	    "UPDATE app_user SET approved_by = ?2, approved_at = ?3"
	    " WHERE id = ?1 AND approved_at IS NULL",
	[Q_USER_SET_ENROL] =
	    "UPDATE app_user SET enrol_hash = ?2, enrol_expires_at = ?3"
	    " WHERE id = ?1",
	[Q_USER_BY_ENROL] =
	    "SELECT u.id, u.username, u.role, u.enrol_expires_at,"
	    " u.totp_required, u.totp_secret, u.disabled, " USER_USABLE ","
	    " CASE WHEN u.needs_approval = 0 OR u.approved_at IS NOT NULL"
	    " THEN 1 ELSE 0 END FROM app_user u WHERE u.enrol_hash = ?1",
	[Q_USER_ENROL] =
	    "UPDATE app_user SET password_hash = ?2, enrolled_at = ?3,"
	    " totp_last_step = ?4, enrol_hash = NULL, enrol_expires_at = NULL"
	    " WHERE id = ?1",
	[Q_USER_SET_APPROVER] =
	    "UPDATE app_user SET approver = ?2 WHERE id = ?1",
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

	[Q_REGION_INSERT] =
	    "INSERT INTO region (name, type, created_at) VALUES (?1, ?2, ?3)"
	    " RETURNING id",
	[Q_REGION_LIST] =
	    "SELECT r.id, r.name, r.type,"
	    " (SELECT COUNT(*) FROM region_municipality rm"
	    " WHERE rm.region_id = r.id) FROM region r ORDER BY r.name",
	[Q_REGION_ADD_MUNI] =
	    "INSERT INTO region_municipality (region_id, municipality)"
	    " VALUES (?1, ?2)",
	[Q_REGION_ADD_ORG] =
	    "INSERT INTO org_region (org_id, region_id) VALUES (?1, ?2)",
	[Q_REGION_BY_NAME] =
	    "SELECT id FROM region WHERE name = ?1",
	/* The advice-and-reporting point region a municipality is in. */
	[Q_REGION_FOR_MUNI] =
	    "SELECT r.id FROM region r JOIN region_municipality rm"
	    " ON rm.region_id = r.id WHERE rm.municipality = ?1"
	    " AND r.type = 'veilig_thuis' ORDER BY r.id LIMIT 1",

	[Q_SIGNAL_INSERT] =
	    "INSERT INTO signal (reporter_id, reporter_org_id, region_id,"
	    " municipality, noticed_on, urgency, forms, indicators, status,"
	    " triage_due, created_at, updated_at, help_needs) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8, 'received', ?9, ?10, ?10, ?11)"
	    " RETURNING id",
	[Q_SIGNAL_SEAL] =
	    "UPDATE signal SET description = ?2, actions_taken = ?3"
	    " WHERE id = ?1",
	[Q_SIGNAL_PERSON_INSERT] =
	    "INSERT INTO signal_person (signal_id, kind, age_band, sex,"
	    " nationality, markers) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	    " RETURNING id",
	[Q_SIGNAL_PERSON_SEAL] =
	    "UPDATE signal_person SET identity = ?2, bi_id = ?3,"
	    " bi_name_dob = ?4 WHERE id = ?1",
	[Q_SIGNAL_MINE] =
	    "SELECT s.id, s.created_at, s.municipality, m.name, s.urgency,"
	    " s.status, s.decision, CASE WHEN s.status = 'received' THEN 0"
	    " ELSE (SELECT COUNT(*) FROM signal_match x"
	    " WHERE x.signal_a = s.id OR x.signal_b = s.id) END,"
	    " (SELECT COUNT(*) FROM signal_question y WHERE y.signal_id = s.id"
	    " AND y.answer IS NULL) FROM signal s"
	    " JOIN municipality m ON m.code = s.municipality"
	    " WHERE s.reporter_id = ?1 ORDER BY s.created_at DESC, s.id DESC"
	    " LIMIT ?2",
	/* An organisation's queue: its regions, and signals no point
	 * covers yet, most urgent and oldest first. */
	[Q_SIGNAL_QUEUE] =
	    "SELECT s.id, s.created_at, m.name, s.urgency, s.status,"
	    " s.triage_due, u.username, (SELECT COUNT(*) FROM signal_person p"
	    " WHERE p.signal_id = s.id), s.forms, o.name FROM signal s"
	    " JOIN municipality m ON m.code = s.municipality"
	    " LEFT JOIN app_user u ON u.id = s.claimed_by"
	    " LEFT JOIN org o ON o.id = s.reporter_org_id"
	    " WHERE s.status IN ('received', 'in_triage') AND (s.region_id IN"
	    " (SELECT region_id FROM org_region WHERE org_id = ?1)"
	    " OR (s.region_id IS NULL AND ?1 IN (SELECT org_id"
	    " FROM fallback_point)))"
	    " ORDER BY CASE s.urgency WHEN 'acute' THEN 0 WHEN 'days' THEN 1"
	    " ELSE 2 END, s.created_at, s.id LIMIT ?2",
	/* The point's numbers: ?2 now, ?3 the end of today. */
	[Q_SIGNAL_OVERVIEW] =
	    "SELECT COALESCE(SUM(CASE WHEN s.status = 'received' THEN 1"
	    " ELSE 0 END), 0), COALESCE(SUM(CASE WHEN s.status = 'in_triage'"
	    " THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN s.triage_due"
	    " < ?2 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN"
	    " s.triage_due >= ?2 AND s.triage_due <= ?3 THEN 1 ELSE 0 END),"
	    " 0), COALESCE(SUM(CASE WHEN s.urgency = 'acute' THEN 1 ELSE 0"
	    " END), 0), (SELECT COUNT(*) FROM signal_question q"
	    " JOIN signal s2 ON s2.id = q.signal_id WHERE q.answered_at IS NULL"
	    " AND s2.status IN ('received', 'in_triage') AND (s2.region_id IN"
	    " (SELECT region_id FROM org_region WHERE org_id = ?1)"
	    " OR (s2.region_id IS NULL AND ?1 IN (SELECT org_id"
	    " FROM fallback_point)))), (SELECT COUNT(*) FROM advice a"
	    " WHERE a.status = 'open' AND (a.region_id IN (SELECT region_id"
	    " FROM org_region WHERE org_id = ?1) OR (a.region_id IS NULL"
	    " AND ?1 IN (SELECT org_id FROM fallback_point))))"
	    " FROM signal s WHERE s.status IN ('received', 'in_triage')"
	    " AND (s.region_id IN (SELECT region_id FROM org_region"
	    " WHERE org_id = ?1) OR (s.region_id IS NULL AND ?1 IN"
	    " (SELECT org_id FROM fallback_point)))",
	[Q_SIGNAL_GET] =
	    "SELECT s.id, s.reporter_id, s.reporter_org_id, s.region_id,"
	    " s.municipality, m.name, s.noticed_on, s.urgency, s.forms,"
	    " s.indicators, s.description, s.actions_taken, s.status,"
	    " s.decision, s.decision_reason, s.legal_basis, s.claimed_by,"
	    " cu.username, s.triage_due, s.created_at, ru.username, ro.name,"
	    " s.unverified, s.contact, s.help_needs FROM signal s"
	    " JOIN municipality m ON m.code = s.municipality"
	    " LEFT JOIN app_user cu ON cu.id = s.claimed_by"
	    " LEFT JOIN app_user ru ON ru.id = s.reporter_id"
	    " LEFT JOIN org ro ON ro.id = s.reporter_org_id WHERE s.id = ?1",
	[Q_SIGNAL_PERSONS] =
	    "SELECT id, kind, identity, age_band, sex, nationality, markers"
	    " FROM signal_person WHERE signal_id = ?1 ORDER BY id",
	[Q_SIGNAL_IN_ORG_REGION] =
	    "SELECT 1 FROM org_region WHERE org_id = ?1 AND region_id = ?2",
	[Q_SIGNAL_CLAIM] =
	    "UPDATE signal SET status = 'in_triage', claimed_by = ?2,"
	    " updated_at = ?3 WHERE id = ?1 AND status = 'received'"
	    " RETURNING id",
	[Q_SIGNAL_DECIDE] =
	    "UPDATE signal SET status = ?2, decision = ?3,"
	    " decision_reason = ?4, legal_basis = ?5, updated_at = ?6"
	    " WHERE id = ?1 AND status = 'in_triage' AND claimed_by = ?7"
	    " RETURNING id",
	[Q_QUESTION_INSERT] =
	    "INSERT INTO signal_question (signal_id, asked_by, question,"
	    " asked_at) VALUES (?1, ?2, ?3, ?4) RETURNING id",
	[Q_QUESTION_SEAL] =
	    "UPDATE signal_question SET question = ?2 WHERE id = ?1",
	[Q_QUESTION_FOR_SIGNAL] =
	    "SELECT q.id, q.question, q.answer, q.asked_at, q.answered_at,"
	    " u.username FROM signal_question q"
	    " JOIN app_user u ON u.id = q.asked_by WHERE q.signal_id = ?1"
	    " ORDER BY q.id",
	[Q_QUESTION_ANSWER] =
	    "UPDATE signal_question SET answer = ?3, answered_at = ?4"
	    " WHERE id = ?1 AND signal_id = ?2 AND answer IS NULL"
	    " RETURNING id",
	[Q_SIGNAL_PUBLIC_MARK] =
	    "UPDATE signal SET unverified = 1, contact = ?2, receipt = ?3,"
	    " receipt_hash = ?4 WHERE id = ?1",
	[Q_SIGNAL_BY_RECEIPT] =
	    "SELECT id, receipt_hash, status, decision, created_at FROM signal"
	    " WHERE receipt = ?1",
	/* The public form's proof-of-work and budget. */
	[Q_PUBLIC_CHALLENGE_PURGE] =
	    "DELETE FROM public_challenge WHERE expires_at < ?1",
	[Q_PUBLIC_CHALLENGE_USE] =
	    "INSERT INTO public_challenge (nonce, expires_at) VALUES (?1, ?2)"
	    " ON CONFLICT (nonce) DO NOTHING RETURNING nonce",
	/* Public signals since ?2: all, of municipality ?1, and the oldest
	 * of each (for Retry-After). */
	[Q_PUBLIC_BUDGET_COUNT] =
	    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN municipality = ?1"
	    " THEN 1 ELSE 0 END), 0), COALESCE(MIN(created_at), 0),"
	    " COALESCE(MIN(CASE WHEN municipality = ?1 THEN created_at END),"
	    " 0) FROM signal WHERE unverified = 1 AND created_at > ?2",
	[Q_PUBLIC_REFUSAL_PURGE] =
	    "DELETE FROM public_refusal WHERE at < ?1",
	[Q_PUBLIC_REFUSAL_INSERT] =
	    "INSERT INTO public_refusal (at, municipality, budget)"
	    " VALUES (?1, ?2, ?3)",
	/* Refusals since ?2 in the municipalities of org ?1's regions and
	 * those no point covers, by municipality. */
	[Q_PUBLIC_REFUSALS] =
	    "SELECT p.municipality, m.name, COUNT(*), MIN(p.at), MAX(p.at),"
	    " COALESCE(SUM(CASE WHEN p.budget = 'total' THEN 1 ELSE 0 END),"
	    " 0) FROM public_refusal p"
	    " JOIN municipality m ON m.code = p.municipality"
	    " WHERE p.at > ?2 AND (p.municipality IN (SELECT rm.municipality"
	    " FROM region_municipality rm JOIN region r ON r.id = rm.region_id"
	    " JOIN org_region o ON o.region_id = r.id WHERE o.org_id = ?1"
	    " AND r.type = 'veilig_thuis') OR (?1 IN (SELECT org_id"
	    " FROM fallback_point) AND NOT EXISTS (SELECT 1"
	    " FROM region_municipality rm2 JOIN region r2"
	    " ON r2.id = rm2.region_id WHERE rm2.municipality = p.municipality"
	    " AND r2.type = 'veilig_thuis')))"
	    " GROUP BY p.municipality, m.name ORDER BY p.municipality",
	/* People in other open signals of other organisations whose blind
	 * index agrees with ?1 (id) or ?2 (name and birth date). */
	[Q_MATCH_FIND] =
	    "SELECT p.id, p.signal_id, CASE WHEN p.bi_id = ?1 THEN 'id'"
	    " ELSE 'name_dob' END FROM signal_person p"
	    " JOIN signal s ON s.id = p.signal_id"
	    " WHERE (p.bi_id = ?1 OR p.bi_name_dob = ?2) AND p.signal_id <> ?3"
	    " AND s.status <> 'closed' AND (s.reporter_org_id IS NULL"
	    " OR s.reporter_org_id <> ?4) ORDER BY p.id LIMIT 50",
	[Q_MATCH_INSERT] =
	    "INSERT INTO signal_match (person_a, person_b, signal_a, signal_b,"
	    " basis, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	    " ON CONFLICT DO NOTHING",
	/* Who else is concerned about someone in signal ?1: the other
	 * signal and its reporter, never its content. */
	[Q_MATCH_FOR_SIGNAL] =
	    "SELECT DISTINCT u.username, o.name, u.phone, s.id"
	    " FROM signal_match m"
	    " JOIN signal s ON s.id = CASE WHEN m.signal_a = ?1"
	    " THEN m.signal_b ELSE m.signal_a END"
	    " JOIN app_user u ON u.id = s.reporter_id"
	    " LEFT JOIN org o ON o.id = s.reporter_org_id"
	    " WHERE m.signal_a = ?1 OR m.signal_b = ?1"
	    " ORDER BY u.username, s.id",

	[Q_ADVICE_INSERT] =
	    "INSERT INTO advice (reporter_id, reporter_org_id, region_id,"
	    " municipality, question, status, created_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6) RETURNING id",
	[Q_ADVICE_SEAL] =
	    "UPDATE advice SET question = ?2 WHERE id = ?1",
	[Q_ADVICE_MINE] =
	    "SELECT a.id, a.created_at, m.name, a.status, a.question,"
	    " a.answer, a.answered_at, u.username, a.suggest_signal,"
	    " a.signal_id, a.municipality FROM advice a"
	    " JOIN municipality m ON m.code = a.municipality"
	    " LEFT JOIN app_user u ON u.id = a.answered_by"
	    " WHERE a.reporter_id = ?1 ORDER BY a.created_at DESC, a.id DESC"
	    " LIMIT ?2",
	[Q_ADVICE_QUEUE] =
	    "SELECT a.id, a.created_at, m.name, a.status, a.question,"
	    " a.answer, a.answered_at, u.username, o.name, a.suggest_signal,"
	    " a.signal_id, a.municipality FROM advice a"
	    " JOIN municipality m ON m.code = a.municipality"
	    " LEFT JOIN app_user u ON u.id = a.answered_by"
	    " LEFT JOIN org o ON o.id = a.reporter_org_id"
	    " WHERE a.region_id IN (SELECT region_id FROM org_region"
	    " WHERE org_id = ?1) OR (a.region_id IS NULL AND ?1 IN"
	    " (SELECT org_id FROM fallback_point))"
	    " ORDER BY a.status DESC, a.created_at, a.id LIMIT ?2",
	[Q_ADVICE_GET] =
	    "SELECT id, region_id, status, reporter_id, signal_id,"
	    " reporter_org_id FROM advice WHERE id = ?1",
	[Q_ADVICE_ANSWER] =
	    "UPDATE advice SET answer = ?2, answered_by = ?3, answered_at = ?4,"
	    " suggest_signal = ?5, status = 'answered'"
	    " WHERE id = ?1 AND status = 'open' RETURNING id",
	/* Once only, by the one who asked, after the answer. */
	[Q_ADVICE_LINK_SIGNAL] =
	    "UPDATE advice SET signal_id = ?2 WHERE id = ?1"
	    " AND reporter_id = ?3 AND status = 'answered'"
	    " AND signal_id IS NULL RETURNING id",
	/* The point does it for the asker ?3, whatever the status. */
	[Q_ADVICE_LINK_SIGNAL_POINT] =
	    "UPDATE advice SET signal_id = ?2 WHERE id = ?1"
	    " AND reporter_id = ?3 AND signal_id IS NULL RETURNING id",
	[Q_ADVICE_FOR_SIGNAL] =
	    "SELECT a.id, a.question, a.answer, a.created_at, a.answered_at,"
	    " u.username FROM advice a"
	    " LEFT JOIN app_user u ON u.id = a.answered_by"
	    " WHERE a.signal_id = ?1",

	/* The national fallback point: the one organisation that takes
	 * what no Veilig Thuis region covers. */
	[Q_FALLBACK_GET] =
	    "SELECT f.org_id, o.name, f.set_at, u.username,"
	    " (SELECT COUNT(*) FROM signal WHERE region_id IS NULL"
	    " AND status IN ('received', 'in_triage')),"
	    " (SELECT COUNT(*) FROM advice WHERE region_id IS NULL"
	    " AND status = 'open') FROM (SELECT 1 AS one) x"
	    " LEFT JOIN fallback_point f ON f.id = 1"
	    " LEFT JOIN org o ON o.id = f.org_id"
	    " LEFT JOIN app_user u ON u.id = f.set_by",
	[Q_FALLBACK_SET] =
	    "INSERT INTO fallback_point (id, org_id, set_by, set_at)"
	    " VALUES (1, ?1, ?2, ?3) ON CONFLICT (id) DO UPDATE"
	    " SET org_id = excluded.org_id, set_by = excluded.set_by,"
	    " set_at = excluded.set_at",
	[Q_FALLBACK_IS] =
	    "SELECT 1 FROM fallback_point WHERE org_id = ?1",
	/* A new Veilig Thuis region ?1 takes over what waited for it. */
	[Q_REGION_REHOME_SIGNALS] =
	    "UPDATE signal SET region_id = ?1, updated_at = ?2"
	    " WHERE region_id IS NULL AND status = 'received'"
	    " AND municipality IN (SELECT municipality"
	    " FROM region_municipality WHERE region_id = ?1) RETURNING id",
	[Q_REGION_REHOME_ADVICE] =
	    "UPDATE advice SET region_id = ?1 WHERE region_id IS NULL"
	    " AND status = 'open' AND municipality IN (SELECT municipality"
	    " FROM region_municipality WHERE region_id = ?1) RETURNING id",

	/* What account ?1 filed since ?2: signals, people, the oldest. */
	[Q_VOLUME_OF_USER] =
	    "SELECT COUNT(*), CAST(COALESCE(SUM((SELECT COUNT(*)"
	    " FROM signal_person p WHERE p.signal_id = s.id)), 0) AS BIGINT),"
	    " COALESCE(MIN(s.created_at), 0) FROM signal s"
	    " WHERE s.reporter_id = ?1 AND s.created_at > ?2",
	[Q_VOLUME_REFUSE] =
	    "INSERT INTO signal_refusal (user_id, region_id, limit_kind, at)"
	    " VALUES (?1, ?2, ?3, ?4)",
	/* Accounts that filed ?3 or more signals since ?2, or were refused,
	 * into what point ?1 sees: counts only. */
	[Q_VOLUME_UNUSUAL] =
	    "SELECT u.username, o.name, (SELECT COUNT(*) FROM signal s"
	    " WHERE s.reporter_id = u.id AND s.created_at > ?2),"
	    " (SELECT COUNT(*) FROM signal_person p JOIN signal s"
	    " ON s.id = p.signal_id WHERE s.reporter_id = u.id"
	    " AND s.created_at > ?2), (SELECT COUNT(*) FROM signal_refusal f"
	    " WHERE f.user_id = u.id AND f.at > ?2) FROM app_user u"
	    " LEFT JOIN org o ON o.id = u.org_id WHERE u.id IN"
	    " (SELECT s.reporter_id FROM signal s WHERE s.created_at > ?2"
	    " AND (s.region_id IN (SELECT region_id FROM org_region"
	    " WHERE org_id = ?1) OR (s.region_id IS NULL AND ?1 IN"
	    " (SELECT org_id FROM fallback_point)))"
	    " GROUP BY s.reporter_id HAVING COUNT(*) >= ?3"
	    " UNION SELECT f.user_id FROM signal_refusal f WHERE f.at > ?2"
	    " AND (f.region_id IN (SELECT region_id FROM org_region"
	    " WHERE org_id = ?1) OR (f.region_id IS NULL AND ?1 IN"
	    " (SELECT org_id FROM fallback_point))))"
	    " ORDER BY 3 DESC, 1 LIMIT 20",

	[Q_RULE_LIST] =
	    "SELECT r.id, r.name, r.workdays, r.same_day, r.updated_at,"
	    " u.username, r.calendar_days FROM deadline_rule r"
	    " LEFT JOIN app_user u ON u.id = r.updated_by ORDER BY r.id",
	[Q_RULE_SET] =
	    "UPDATE deadline_rule SET workdays = ?2, same_day = ?3,"
	    " updated_by = ?4, updated_at = ?5 WHERE id = ?1"
	    " AND calendar_days = 0 RETURNING id",
	[Q_RULE_BY_NAME] =
	    "SELECT workdays, same_day, calendar_days FROM deadline_rule"
	    " WHERE name = ?1",
	[Q_RULE_KIND] =
	    "SELECT calendar_days FROM deadline_rule WHERE id = ?1",
	[Q_RULE_SET_CALENDAR] =
	    "UPDATE deadline_rule SET calendar_days = ?2, updated_by = ?3,"
	    " updated_at = ?4 WHERE id = ?1 AND calendar_days > 0"
	    " RETURNING id",

	/* The registry row a blind index finds, an id number first. */
	[Q_PERSON_FIND] =
	    "SELECT id FROM person WHERE bi_id = ?1 OR bi_name_dob = ?2"
	    " ORDER BY CASE WHEN bi_id = ?1 THEN 0 ELSE 1 END, id LIMIT 1",
	[Q_PERSON_ENRICH] =
	    "UPDATE person SET bi_id = COALESCE(bi_id, ?2),"
	    " bi_name_dob = COALESCE(bi_name_dob, ?3) WHERE id = ?1",
	[Q_PERSON_INSERT] =
	    "INSERT INTO person (age_band, sex, nationality, markers,"
	    " created_at) VALUES (?1, ?2, ?3, COALESCE(?4, ''), ?5)"
	    " RETURNING id",
	[Q_PERSON_SEAL] =
	    "UPDATE person SET identity = ?2, bi_id = ?3, bi_name_dob = ?4"
	    " WHERE id = ?1",
	[Q_PERSON_SIGNAL_SOURCE] =
	    "SELECT id, kind, identity, age_band, sex, nationality, markers,"
	    " bi_id, bi_name_dob FROM signal_person WHERE signal_id = ?1"
	    " ORDER BY id",
	/* A purged case names its people by kind only, also those whose
	 * identity another case keeps. */
	[Q_PERSON_OF_CASE] =
	    "SELECT p.id, cp.kind, CASE WHEN c.purged_at IS NULL"
	    " THEN p.identity END, p.age_band, p.sex, p.nationality,"
	    " p.markers FROM case_person cp"
	    " JOIN person p ON p.id = cp.person_id"
	    " JOIN care_case c ON c.id = cp.case_id WHERE cp.case_id = ?1"
	    " ORDER BY cp.id",
	/* People of case ?1 in other cases: whom to call, not what. */
	[Q_PERSON_ELSEWHERE] =
	    "SELECT cp.person_id, u.username, o.name, u.phone, c.id"
	    " FROM case_person cp JOIN case_person x"
	    " ON x.person_id = cp.person_id AND x.case_id <> cp.case_id"
	    " JOIN care_case c ON c.id = x.case_id"
	    " JOIN org o ON o.id = c.org_id"
	    " LEFT JOIN app_user u ON u.id = c.coordinator_id"
	    " WHERE cp.case_id = ?1 AND c.purged_at IS NULL"
	    " ORDER BY cp.person_id, c.id",
	/* Signals about the people of case ?1, but for signal ?2. */
	[Q_PERSON_SIGNALS] =
	    "SELECT DISTINCT s.id, s.created_at, m.name, u.username, o.name,"
	    " u.phone FROM case_person cp JOIN person p ON p.id = cp.person_id"
	    " JOIN signal_person sp ON sp.bi_id = p.bi_id"
	    " OR sp.bi_name_dob = p.bi_name_dob"
	    " JOIN signal s ON s.id = sp.signal_id"
	    " JOIN municipality m ON m.code = s.municipality"
	    " LEFT JOIN app_user u ON u.id = s.reporter_id"
	    " LEFT JOIN org o ON o.id = s.reporter_org_id"
	    " WHERE cp.case_id = ?1 AND s.id <> ?2 ORDER BY s.id",
	[Q_CASE_PERSON_INSERT] =
	    "INSERT INTO case_person (case_id, person_id, kind, created_at)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
	[Q_CASE_SERVING] =
	    "SELECT r.id, o.id FROM region r JOIN region_municipality rm"
	    " ON rm.region_id = r.id JOIN org_region x ON x.region_id = r.id"
	    " JOIN org o ON o.id = x.org_id WHERE rm.municipality = ?1"
	    " AND r.type = 'care_coordination'"
	    " AND o.type = 'care_coordination' ORDER BY r.id, o.id",
	[Q_CASE_SIGNAL_SOURCE] =
	    "SELECT s.municipality, m.name, s.forms, s.indicators,"
	    " s.help_needs, s.description FROM signal s"
	    " JOIN municipality m ON m.code = s.municipality WHERE s.id = ?1",
	[Q_CASE_INSERT] =
	    "INSERT INTO care_case (type, forms, indicators, status, org_id,"
	    " region_id, municipality, coordinator_id, signal_id, source,"
	    " opened_by, accept_due, accepted_at, created_at, updated_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14, ?14) RETURNING id",
	[Q_CASE_SEAL] =
	    "UPDATE care_case SET summary = ?2 WHERE id = ?1",
	[Q_CASE_OF_SIGNAL] =
	    "SELECT c.id, o.name FROM care_case c JOIN org o ON o.id = c.org_id"
	    " WHERE c.signal_id = ?1 ORDER BY c.id LIMIT 1",
	[Q_CASE_HEAD] =
	    "SELECT id, type, forms, status, org_id, COALESCE(region_id, 0),"
	    " municipality, COALESCE(coordinator_id, 0),"
	    " COALESCE(signal_id, 0), COALESCE(purged_at, 0) FROM care_case"
	    " WHERE id = ?1",
	[Q_CASE_GET] =
	    "SELECT c.summary, c.indicators, c.close_reason, c.source,"
	    " c.accept_due, COALESCE(c.accepted_at, 0), c.created_at,"
	    " c.updated_at, COALESCE(c.closed_at, 0), o.name, r.name, m.name,"
	    " cu.username, cu.phone, ou.username FROM care_case c"
	    " JOIN org o ON o.id = c.org_id"
	    " LEFT JOIN region r ON r.id = c.region_id"
	    " JOIN municipality m ON m.code = c.municipality"
	    " LEFT JOIN app_user cu ON cu.id = c.coordinator_id"
	    " LEFT JOIN app_user ou ON ou.id = c.opened_by WHERE c.id = ?1",
	/* The cases of organisation ?1 and those user ?2 is assigned to:
	 * new ones by their deadline, then the latest changed. */
	[Q_CASE_LIST] =
	    "SELECT c.id, c.type, c.forms, c.status, m.name, cu.username,"
	    " c.accept_due, COALESCE(p.review_on, -1),"
	    " (SELECT COUNT(*) FROM case_person x WHERE x.case_id = c.id),"
	    " c.created_at, c.updated_at, COALESCE(c.coordinator_id, 0)"
	    " FROM care_case c JOIN municipality m ON m.code = c.municipality"
	    " LEFT JOIN app_user cu ON cu.id = c.coordinator_id"
	    " LEFT JOIN case_plan p ON p.case_id = c.id"
	    " WHERE c.purged_at IS NULL AND (c.org_id = ?1 OR c.id IN"
	    " (SELECT case_id FROM case_member WHERE user_id = ?2))"
	    " ORDER BY CASE c.status WHEN 'new' THEN 0 WHEN 'closed' THEN 2"
	    " ELSE 1 END, CASE WHEN c.status = 'new' THEN c.accept_due"
	    " ELSE -c.updated_at END, c.id LIMIT ?3",
	[Q_CASE_ACCEPT] =
	    "UPDATE care_case SET status = 'accepted', coordinator_id = ?2,"
	    " accepted_at = ?3, updated_at = ?3 WHERE id = ?1"
	    " AND status = 'new' RETURNING id",
	[Q_CASE_STATUS] =
	    "UPDATE care_case SET status = ?2, close_reason = ?3,"
	    " closed_at = ?4, updated_at = ?5 WHERE id = ?1 AND status = ?6"
	    " RETURNING id",
	[Q_CASE_TYPE] =
	    "UPDATE care_case SET type = ?2, forms = ?3, updated_at = ?4"
	    " WHERE id = ?1",
	[Q_CASE_TOUCH] =
	    "UPDATE care_case SET updated_at = ?2 WHERE id = ?1",
	[Q_CASE_COLLEAGUE] =
	    "SELECT id FROM app_user WHERE id = ?1 AND org_id = ?2"
	    " AND role = 'coordinator' AND disabled = 0",
	[Q_CASE_COLLEAGUES] =
	    "SELECT id, username, phone FROM app_user WHERE org_id = ?1"
	    " AND role = 'coordinator' AND disabled = 0 ORDER BY username",
	[Q_MEMBER_IS] =
	    "SELECT 1 FROM case_member WHERE case_id = ?1 AND user_id = ?2",
	[Q_MEMBER_INSERT] =
	    "INSERT INTO case_member (case_id, user_id, added_by, added_at)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING RETURNING user_id",
	[Q_MEMBER_DELETE] =
	    "DELETE FROM case_member WHERE case_id = ?1 AND user_id = ?2"
	    " RETURNING user_id",
	[Q_MEMBER_OF_CASE] =
	    "SELECT u.id, u.username, u.phone FROM case_member cm"
	    " JOIN app_user u ON u.id = cm.user_id WHERE cm.case_id = ?1"
	    " ORDER BY u.username",
	[Q_EVENT_INSERT] =
	    "INSERT INTO case_event (case_id, at, user_id, org_id, kind,"
	    " detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
	[Q_EVENT_SEAL] =
	    "UPDATE case_event SET text = ?2 WHERE id = ?1",
	[Q_EVENT_OF_CASE] =
	    "SELECT e.id, e.at, u.username, COALESCE(e.org_id, 0), o.name,"
	    " e.kind, e.detail, e.text FROM case_event e"
	    " LEFT JOIN app_user u ON u.id = e.user_id"
	    " LEFT JOIN org o ON o.id = e.org_id WHERE e.case_id = ?1"
	    " ORDER BY e.id",
	[Q_NEED_INSERT_QUIET] =
	    "INSERT INTO case_need (case_id, need, status, added_by, added_at,"
	    " updated_at) VALUES (?1, ?2, 'open', ?3, ?4, ?4)"
	    " ON CONFLICT DO NOTHING",
	[Q_NEED_INSERT] =
	    "INSERT INTO case_need (case_id, need, status, added_by, added_at,"
	    " updated_at) VALUES (?1, ?2, 'open', ?3, ?4, ?4)"
	    " ON CONFLICT DO NOTHING RETURNING id",
	[Q_NEED_SET] =
	    "UPDATE case_need SET status = ?3, updated_at = ?4"
	    " WHERE id = ?1 AND case_id = ?2 RETURNING need",
	[Q_NEED_OF_CASE] =
	    "SELECT id, need, status, added_at, updated_at FROM case_need"
	    " WHERE case_id = ?1 ORDER BY id",
	[Q_PLAN_SET] =
	    "INSERT INTO case_plan (case_id, goals, tasks, review_on,"
	    " updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	    " ON CONFLICT (case_id) DO UPDATE SET goals = excluded.goals,"
	    " tasks = excluded.tasks, review_on = excluded.review_on,"
	    " updated_by = excluded.updated_by,"
	    " updated_at = excluded.updated_at",
	[Q_PLAN_OF_CASE] =
	    "SELECT p.goals, p.tasks, p.review_on, p.updated_at, u.username"
	    " FROM case_plan p LEFT JOIN app_user u ON u.id = p.updated_by"
	    " WHERE p.case_id = ?1",
	/* The last step of track ?2 of case ?1: its state. */
	[Q_TRACK_LAST] =
	    "SELECT state, on_day, COALESCE(ends_on, -1) FROM case_track"
	    " WHERE case_id = ?1 AND track = ?2 ORDER BY id DESC LIMIT 1",
	[Q_TRACK_INSERT] =
	    "INSERT INTO case_track (case_id, track, state, on_day, reason,"
	    " ground, ends_on, event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	    " ?8)",
	/* Who and when, and the sealed note, are the step's event's. */
	[Q_TRACK_OF_CASE] =
	    "SELECT t.id, t.track, t.state, t.on_day, t.reason, t.ground,"
	    " COALESCE(t.ends_on, -1), e.at, u.username, o.name, e.text,"
	    " t.event_id FROM case_track t JOIN case_event e"
	    " ON e.id = t.event_id LEFT JOIN app_user u ON u.id = e.user_id"
	    " LEFT JOIN org o ON o.id = e.org_id WHERE t.case_id = ?1"
	    " ORDER BY t.id",
	/* The residence tracks whose last step ends on day ?3 or before, of
	 * the open cases of organisation ?1 and those user ?2 is assigned
	 * to. */
	[Q_TRACK_DUE] =
	    "SELECT t.case_id, t.state, t.ends_on FROM case_track t"
	    " JOIN care_case c ON c.id = t.case_id"
	    " WHERE t.track = 'residence' AND t.ends_on IS NOT NULL"
	    " AND t.ends_on <= ?3 AND t.id = (SELECT MAX(x.id)"
	    " FROM case_track x WHERE x.case_id = t.case_id"
	    " AND x.track = 'residence') AND c.purged_at IS NULL"
	    " AND c.status <> 'closed' AND (c.org_id = ?1 OR c.id IN"
	    " (SELECT case_id FROM case_member WHERE user_id = ?2))"
	    " ORDER BY t.ends_on, t.case_id LIMIT ?4",

	/* Closed cases whose closing is at or before ?1, not yet purged. */
	[Q_RETENTION_DUE] =
	    "SELECT id FROM care_case WHERE status = 'closed'"
	    " AND purged_at IS NULL AND closed_at IS NOT NULL"
	    " AND closed_at <= ?1 ORDER BY id",
	/* The first statement of a purge, and its guard: a case reopened
	 * or purged meanwhile gives no row and is left alone. */
	[Q_PURGE_CASE] =
	    "UPDATE care_case SET summary = NULL, purged_at = ?2"
	    " WHERE id = ?1 AND status = 'closed' AND purged_at IS NULL"
	    " AND closed_at IS NOT NULL AND closed_at <= ?3 RETURNING id",
	/* The sealed columns of case ?1 (purged_at set), one statement a
	 * table; domain/retention.c lists them. */
	[Q_PURGE_CASE_EVENTS] =
	    "UPDATE case_event SET text = NULL WHERE case_id = ?1"
	    " AND text IS NOT NULL",
	[Q_PURGE_CASE_PLAN] =
	    "UPDATE case_plan SET goals = NULL, tasks = NULL"
	    " WHERE case_id = ?1",
	[Q_PURGE_CASE_ASSESSMENTS] =
	    "UPDATE case_assessment SET note = NULL, first_reasons = NULL,"
	    " final_reasons = NULL WHERE case_id = ?1",
	[Q_PURGE_CASE_TRANSFERS] =
	    "UPDATE case_transfer SET reason = NULL, answer = NULL"
	    " WHERE case_id = ?1",
	[Q_PURGE_CASE_EMERGENCIES] =
	    "UPDATE case_emergency SET reason = NULL WHERE case_id = ?1",
	/* The signal the case was opened on, once no unpurged case
	 * holds it. */
	[Q_PURGE_SIGNAL] =
	    "UPDATE signal SET description = NULL, actions_taken = NULL,"
	    " decision_reason = NULL, contact = NULL"
	    " WHERE id = (SELECT signal_id FROM care_case WHERE id = ?1)"
	    " AND NOT EXISTS (SELECT 1 FROM care_case o"
	    " WHERE o.signal_id = signal.id AND o.purged_at IS NULL)",
	[Q_PURGE_SIGNAL_PERSONS] =
	    "UPDATE signal_person SET identity = NULL, bi_id = NULL,"
	    " bi_name_dob = NULL"
	    " WHERE signal_id = (SELECT signal_id FROM care_case WHERE id = ?1)"
	    " AND NOT EXISTS (SELECT 1 FROM care_case o"
	    " WHERE o.signal_id = signal_person.signal_id"
	    " AND o.purged_at IS NULL)",
	[Q_PURGE_SIGNAL_QUESTIONS] =
	    "DELETE FROM signal_question"
	    " WHERE signal_id = (SELECT signal_id FROM care_case WHERE id = ?1)"
	    " AND NOT EXISTS (SELECT 1 FROM care_case o"
	    " WHERE o.signal_id = signal_question.signal_id"
	    " AND o.purged_at IS NULL)",
	[Q_PURGE_SIGNAL_MATCHES] =
	    "DELETE FROM signal_match WHERE (signal_a = (SELECT signal_id"
	    " FROM care_case WHERE id = ?1) OR signal_b = (SELECT signal_id"
	    " FROM care_case WHERE id = ?1)) AND NOT EXISTS (SELECT 1"
	    " FROM care_case o WHERE o.purged_at IS NULL"
	    " AND o.signal_id = (SELECT signal_id FROM care_case"
	    " WHERE id = ?1))",
	/* The registry's people of case ?1 who are on no unpurged case. */
	[Q_PURGE_PERSONS] =
	    "UPDATE person SET identity = NULL, bi_id = NULL,"
	    " bi_name_dob = NULL"
	    " WHERE id IN (SELECT person_id FROM case_person"
	    " WHERE case_id = ?1) AND NOT EXISTS (SELECT 1 FROM case_person x"
	    " JOIN care_case c ON c.id = x.case_id"
	    " WHERE x.person_id = person.id AND c.purged_at IS NULL)",
	[Q_SUBJECT_PERSON] =
	    "SELECT id, identity, age_band, sex, nationality, markers, bi_id,"
	    " bi_name_dob, created_at FROM person WHERE id = ?1",
	/* The cases person ?1 is on, with what they are in each. */
	[Q_SUBJECT_CASES] =
	    "SELECT c.id, cp.kind, cp.created_at, c.type, c.forms, c.status,"
	    " c.close_reason, c.created_at, COALESCE(c.closed_at, 0),"
	    " COALESCE(c.purged_at, 0), m.name, o.name, cu.username, cu.phone,"
	    " c.summary FROM case_person cp"
	    " JOIN care_case c ON c.id = cp.case_id"
	    " JOIN municipality m ON m.code = c.municipality"
	    " JOIN org o ON o.id = c.org_id"
	    " LEFT JOIN app_user cu ON cu.id = c.coordinator_id"
	    " WHERE cp.person_id = ?1 ORDER BY c.id",
	/* The people of signals a blind index finds. */
	[Q_SUBJECT_SIGNALS] =
	    "SELECT sp.id, sp.signal_id, sp.kind, sp.identity, s.created_at,"
	    " s.status, m.name, o.name, s.forms, s.description"
	    " FROM signal_person sp JOIN signal s ON s.id = sp.signal_id"
	    " JOIN municipality m ON m.code = s.municipality"
	    " LEFT JOIN org o ON o.id = s.reporter_org_id"
	    " WHERE sp.bi_id = ?1 OR sp.bi_name_dob = ?2"
	    " ORDER BY sp.signal_id, sp.id",
	[Q_IDENT_COMMITTEES] =
	    "SELECT id, name FROM org WHERE type = 'assessment_committee'"
	    " ORDER BY name, id",
	[Q_IDENT_COMMITTEE_IS] =
	    "SELECT id FROM org WHERE id = ?1"
	    " AND type = 'assessment_committee'",
	/* Nothing when the case has an open assessment (a unique index). */
	[Q_IDENT_INSERT] =
	    "INSERT INTO case_assessment (case_id, committee_id, parts,"
	    " sources, status, submitted_by, submitted_at, first_due,"
	    " updated_at) VALUES (?1, ?2, ?3, ?4, 'submitted', ?5, ?6, ?7,"
	    " ?6) ON CONFLICT DO NOTHING RETURNING id",
	[Q_IDENT_SEAL_NOTE] =
	    "UPDATE case_assessment SET note = ?2 WHERE id = ?1",
	[Q_IDENT_HEAD] =
	    "SELECT case_id, committee_id, status FROM case_assessment"
	    " WHERE id = ?1",
	[Q_IDENT_GET] =
	    "SELECT " IDENT_COLUMNS " WHERE a.id = ?1",
	[Q_IDENT_OF_CASE] =
	    "SELECT " IDENT_COLUMNS " WHERE a.case_id = ?1 ORDER BY a.id DESC",
	/* Committee ?1's: open ones by the decision due, then the latest
	 * changed. */
	[Q_IDENT_LIST] =
	    "SELECT a.id, a.case_id, a.status, a.parts, a.sources, so.name,"
	    " a.submitted_at, CASE a.status WHEN 'submitted' THEN a.first_due"
	    " WHEN 'first_decided' THEN a.final_due ELSE 0 END, a.updated_at"
	    " FROM case_assessment a JOIN app_user su ON su.id = a.submitted_by"
	    " LEFT JOIN org so ON so.id = su.org_id WHERE a.committee_id = ?1"
	    " ORDER BY CASE WHEN a.status IN ('submitted', 'first_decided')"
	    " THEN 0 ELSE 1 END, CASE a.status WHEN 'submitted'"
	    " THEN a.first_due WHEN 'first_decided' THEN a.final_due"
	    " ELSE -a.updated_at END, a.id DESC LIMIT ?2",
	[Q_IDENT_FIRST] =
	    "UPDATE case_assessment SET status = ?2, first_decision = ?3,"
	    " first_reasons = ?4, first_by = ?5, first_at = ?6,"
	    " final_due = ?7, updated_at = ?6 WHERE id = ?1"
	    " AND status = 'submitted' RETURNING case_id",
	[Q_IDENT_FINAL] =
	    "UPDATE case_assessment SET status = 'final_decided',"
	    " final_decision = ?2, final_reasons = ?3, final_by = ?4,"
	    " final_at = ?5, updated_at = ?5 WHERE id = ?1"
	    " AND status = 'first_decided' RETURNING case_id",
	[Q_IDENT_WITHDRAW] =
	    "UPDATE case_assessment SET status = 'withdrawn',"
	    " withdrawn_by = ?3, withdrawn_at = ?4, updated_at = ?4"
	    " WHERE id = ?1 AND case_id = ?2"
	    " AND status IN ('submitted', 'first_decided') RETURNING id",

	/* Transfers: a case moves to the care coordination of the
	 * victim's new municipality (domain/transfer.c). */
	[Q_TRANSFER_INSERT] =
	    "INSERT INTO case_transfer (case_id, from_org, to_org, to_region,"
	    " municipality, status, requested_by, requested_at, due)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?7, ?8)"
	    " ON CONFLICT DO NOTHING RETURNING id",
	[Q_TRANSFER_SEAL] =
	    "UPDATE case_transfer SET reason = ?2 WHERE id = ?1",
	[Q_TRANSFER_ANSWER_SEAL] =
	    "UPDATE case_transfer SET answer = ?2 WHERE id = ?1",
	/* The transfer of case ?1 that waits, if any. */
	[Q_TRANSFER_PENDING] =
	    "SELECT t.id, t.from_org, t.to_org, COALESCE(t.to_region, 0),"
	    " t.municipality, m.name, fo.name, tgt.name, u.username,"
	    " t.requested_at, t.due, t.reason FROM case_transfer t"
	    " JOIN municipality m ON m.code = t.municipality"
	    " JOIN org fo ON fo.id = t.from_org"
	    " JOIN org tgt ON tgt.id = t.to_org"
	    " LEFT JOIN app_user u ON u.id = t.requested_by"
	    " WHERE t.case_id = ?1 AND t.status = 'pending'",
	[Q_TRANSFER_DECIDE] =
	    "UPDATE case_transfer SET status = ?2, decided_by = ?3,"
	    " decided_at = ?4 WHERE id = ?1 AND status = 'pending'"
	    " RETURNING id",
	/* The case moves from organisation ?7 to ?2; its acceptor ?5
	 * coordinates it there. */
	[Q_TRANSFER_MOVE] =
	    "UPDATE care_case SET org_id = ?2, region_id = ?3,"
	    " municipality = ?4, coordinator_id = ?5, updated_at = ?6"
	    " WHERE id = ?1 AND org_id = ?7 RETURNING id",
	[Q_TRANSFER_MEMBERS_OFF] =
	    "DELETE FROM case_member WHERE case_id = ?1 RETURNING user_id",
	/* What organisation ?2 is to case ?1 by a transfer: receiving
	 * (one waits for it) before former (it handed the case over). */
	[Q_TRANSFER_RELATION] =
	    "SELECT status FROM case_transfer WHERE case_id = ?1"
	    " AND ((status = 'pending' AND to_org = ?2)"
	    " OR (status = 'accepted' AND from_org = ?2))"
	    " ORDER BY CASE status WHEN 'pending' THEN 0 ELSE 1 END LIMIT 1",
	/* The transfers waiting to or from organisation ?1, first due
	 * first. */
	[Q_TRANSFER_OF_ORG] =
	    "SELECT t.id, t.case_id, t.from_org, t.to_org, fo.name,"
	    " tgt.name, m.name, u.username, t.requested_at, t.due"
	    " FROM case_transfer t"
	    " JOIN municipality m ON m.code = t.municipality"
	    " JOIN org fo ON fo.id = t.from_org"
	    " JOIN org tgt ON tgt.id = t.to_org"
	    " LEFT JOIN app_user u ON u.id = t.requested_by"
	    " WHERE t.status = 'pending' AND (t.from_org = ?1"
	    " OR t.to_org = ?1) ORDER BY t.due, t.id LIMIT ?2",
	/* Emergency reads (domain/emergency.c). */
	[Q_EMERGENCY_INSERT] =
	    "INSERT INTO case_emergency (case_id, user_id, org_id, at,"
	    " ends_at) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
	[Q_EMERGENCY_SEAL] =
	    "UPDATE case_emergency SET reason = ?2 WHERE id = ?1",
	/* User ?2's emergency read of case ?1 that runs at ?3. */
	[Q_EMERGENCY_ACTIVE] =
	    "SELECT id, ends_at FROM case_emergency WHERE case_id = ?1"
	    " AND user_id = ?2 AND at <= ?3 AND ends_at > ?3"
	    " ORDER BY ends_at DESC LIMIT 1",
	/* On the cases of organisation ?1 since ?2, newest first. */
	[Q_EMERGENCY_OF_ORG] =
	    "SELECT e.id, e.case_id, e.at, e.ends_at, u.username, o.name,"
	    " e.reason FROM case_emergency e"
	    " JOIN care_case c ON c.id = e.case_id"
	    " JOIN app_user u ON u.id = e.user_id"
	    " JOIN org o ON o.id = e.org_id WHERE c.org_id = ?1"
	    " AND e.at >= ?2 ORDER BY e.id DESC LIMIT ?3",
	[Q_EMERGENCY_ALL] =
	    "SELECT e.id, e.case_id, e.at, e.ends_at, u.username, o.name,"
	    " e.reason FROM case_emergency e"
	    " JOIN app_user u ON u.id = e.user_id"
	    " JOIN org o ON o.id = e.org_id ORDER BY e.id DESC LIMIT ?1",
	[Q_EMERGENCY_OF_CASE] =
	    "SELECT id, reason FROM case_emergency WHERE case_id = ?1"
	    " ORDER BY id",
	/* Who read or changed case ?1: its audit entries, newest first. */
	[Q_CASE_TRAIL] =
	    "SELECT a.id, a.at, u.username, o.name, a.role, a.action,"
	    " a.reason FROM audit a LEFT JOIN app_user u ON u.id = a.user_id"
	    " LEFT JOIN org o ON o.id = a.org_id"
	    " WHERE a.object_type = 'case' AND a.object_id = ?1"
	    " ORDER BY a.id DESC LIMIT ?2",

	[Q_COPY_COUNTS] =
	    "SELECT (SELECT COUNT(*) FROM meta),"
	    " (SELECT COUNT(*) FROM municipality), (SELECT COUNT(*) FROM org),"
	    " (SELECT COUNT(*) FROM app_user),"
	    " (SELECT COUNT(*) FROM login_failure),"
	    " (SELECT COUNT(*) FROM session), (SELECT COUNT(*) FROM api_token),"
	    " (SELECT COUNT(*) FROM audit), (SELECT COUNT(*) FROM region),"
	    " (SELECT COUNT(*) FROM region_municipality),"
	    " (SELECT COUNT(*) FROM org_region), (SELECT COUNT(*) FROM signal),"
	    " (SELECT COUNT(*) FROM signal_person),"
	    " (SELECT COUNT(*) FROM signal_match),"
	    " (SELECT COUNT(*) FROM advice),"
	    " (SELECT COUNT(*) FROM signal_question),"
	    " (SELECT COUNT(*) FROM deadline_rule),"
	    " (SELECT COUNT(*) FROM fallback_point),"
	    " (SELECT COUNT(*) FROM signal_refusal),"
	    " (SELECT COUNT(*) FROM public_challenge),"
	    " (SELECT COUNT(*) FROM public_refusal),"
	    " (SELECT COUNT(*) FROM person), (SELECT COUNT(*) FROM care_case),"
	    " (SELECT COUNT(*) FROM case_person),"
	    " (SELECT COUNT(*) FROM case_member),"
	    " (SELECT COUNT(*) FROM case_event),"
	    " (SELECT COUNT(*) FROM case_need),"
	    " (SELECT COUNT(*) FROM case_plan),"
	    " (SELECT COUNT(*) FROM case_assessment),"
	    " (SELECT COUNT(*) FROM case_track),"
	    " (SELECT COUNT(*) FROM case_transfer),"
	    " (SELECT COUNT(*) FROM case_emergency),"
	    " (SELECT COUNT(*) FROM case_adulthood)",
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
	    " last_login_at, phone, created_by, needs_approval, approved_by,"
	    " approved_at, needs_enrol, enrolled_at, enrol_hash,"
	    " enrol_expires_at, approver FROM app_user ORDER BY id",
	[Q_COPY_USER_INSERT] =
	    "INSERT INTO app_user (id, username, org_id, role, password_hash,"
	    " totp_secret, totp_required, totp_last_step, demo, disabled,"
	    " created_at, last_login_at, phone, created_by, needs_approval,"
	    " approved_by, approved_at, needs_enrol, enrolled_at, enrol_hash,"
	    " enrol_expires_at, approver) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
	    " ?19, ?20, ?21, ?22)",
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
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM api_token), false),"
	    " setval(pg_get_serial_sequence('region', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM region), false),"
	    " setval(pg_get_serial_sequence('signal', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM signal), false),"
	    " setval(pg_get_serial_sequence('signal_person', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM signal_person), false),"
	    " setval(pg_get_serial_sequence('signal_match', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM signal_match), false),"
	    " setval(pg_get_serial_sequence('advice', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM advice), false),"
	    " setval(pg_get_serial_sequence('signal_question', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM signal_question), false),"
	    " setval(pg_get_serial_sequence('signal_refusal', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM signal_refusal), false),"
	    " setval(pg_get_serial_sequence('public_refusal', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM public_refusal), false),"
	    " setval(pg_get_serial_sequence('person', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM person), false),"
	    " setval(pg_get_serial_sequence('care_case', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM care_case), false),"
	    " setval(pg_get_serial_sequence('case_person', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM case_person), false),"
	    " setval(pg_get_serial_sequence('case_event', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM case_event), false),"
	    " setval(pg_get_serial_sequence('case_need', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM case_need), false),"
	    " setval(pg_get_serial_sequence('case_assessment', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM case_assessment), false),"
	    " setval(pg_get_serial_sequence('case_track', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM case_track), false),"
	    " setval(pg_get_serial_sequence('case_transfer', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM case_transfer), false),"
	    " setval(pg_get_serial_sequence('case_emergency', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM case_emergency), false),"
	    " setval(pg_get_serial_sequence('case_adulthood', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM case_adulthood), false)",
	[Q_COPY_REGION_ALL] =
	    "SELECT id, name, type, created_at FROM region ORDER BY id",
	[Q_COPY_REGION_INSERT] =
	    "INSERT INTO region (id, name, type, created_at)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[Q_COPY_REGION_MUNI_ALL] =
	    "SELECT region_id, municipality FROM region_municipality"
	    " ORDER BY region_id, municipality",
	[Q_COPY_ORG_REGION_ALL] =
	    "SELECT org_id, region_id FROM org_region ORDER BY org_id,"
	    " region_id",
	[Q_COPY_SIGNAL_ALL] =
	    "SELECT id, reporter_id, reporter_org_id, region_id, municipality,"
	    " noticed_on, urgency, forms, indicators, description,"
	    " actions_taken, status, decision, decision_reason, legal_basis,"
	    " claimed_by, triage_due, created_at, updated_at, unverified,"
	    " contact, receipt, receipt_hash, help_needs FROM signal"
	    " ORDER BY id",
	[Q_COPY_SIGNAL_INSERT] =
	    "INSERT INTO signal (id, reporter_id, reporter_org_id, region_id,"
	    " municipality, noticed_on, urgency, forms, indicators,"
	    " description, actions_taken, status, decision, decision_reason,"
	    " legal_basis, claimed_by, triage_due, created_at, updated_at,"
	    " unverified, contact, receipt, receipt_hash, help_needs)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
	[Q_COPY_PERSON_ALL] =
	    "SELECT id, signal_id, kind, identity, age_band, sex, nationality,"
	    " markers, bi_id, bi_name_dob FROM signal_person ORDER BY id",
	[Q_COPY_PERSON_INSERT] =
	    "INSERT INTO signal_person (id, signal_id, kind, identity,"
	    " age_band, sex, nationality, markers, bi_id, bi_name_dob)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[Q_COPY_MATCH_ALL] =
	    "SELECT id, person_a, person_b, signal_a, signal_b, basis,"
	    " created_at FROM signal_match ORDER BY id",
	[Q_COPY_MATCH_INSERT] =
	    "INSERT INTO signal_match (id, person_a, person_b, signal_a,"
	    " signal_b, basis, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	    " ?7)",
	[Q_COPY_ADVICE_ALL] =
	    "SELECT id, reporter_id, reporter_org_id, region_id, municipality,"
	    " question, answer, answered_by, status, created_at, answered_at,"
	    " suggest_signal, signal_id FROM advice ORDER BY id",
	[Q_COPY_ADVICE_INSERT] =
	    "INSERT INTO advice (id, reporter_id, reporter_org_id, region_id,"
	    " municipality, question, answer, answered_by, status, created_at,"
	    " answered_at, suggest_signal, signal_id) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
	[Q_COPY_QUESTION_ALL] =
	    "SELECT id, signal_id, asked_by, question, answer, asked_at,"
	    " answered_at FROM signal_question ORDER BY id",
	[Q_COPY_QUESTION_INSERT] =
	    "INSERT INTO signal_question (id, signal_id, asked_by, question,"
	    " answer, asked_at, answered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	    " ?7)",
	[Q_COPY_CHALLENGE_ALL] =
	    "SELECT nonce, expires_at FROM public_challenge ORDER BY nonce",
	[Q_COPY_REFUSAL_ALL] =
	    "SELECT id, at, municipality, budget FROM public_refusal"
	    " ORDER BY id",
	[Q_COPY_REFUSAL_INSERT] =
	    "INSERT INTO public_refusal (id, at, municipality, budget)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[Q_COPY_PERSON_REG_ALL] =
	    "SELECT id, identity, age_band, sex, nationality, markers, bi_id,"
	    " bi_name_dob, created_at FROM person ORDER BY id",
	[Q_COPY_PERSON_REG_INSERT] =
	    "INSERT INTO person (id, identity, age_band, sex, nationality,"
	    " markers, bi_id, bi_name_dob, created_at) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8, ?9)",
	[Q_COPY_CASE_ALL] =
	    "SELECT id, type, forms, indicators, status, close_reason, org_id,"
	    " region_id, municipality, coordinator_id, signal_id, source,"
	    " summary, opened_by, accept_due, accepted_at, created_at,"
	    " updated_at, closed_at, purged_at FROM care_case ORDER BY id",
	[Q_COPY_CASE_INSERT] =
	    "INSERT INTO care_case (id, type, forms, indicators, status,"
	    " close_reason, org_id, region_id, municipality, coordinator_id,"
	    " signal_id, source, summary, opened_by, accept_due, accepted_at,"
	    " created_at, updated_at, closed_at, purged_at) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
	    " ?17, ?18, ?19, ?20)",
	[Q_COPY_CASE_PERSON_ALL] =
	    "SELECT id, case_id, person_id, kind, created_at FROM case_person"
	    " ORDER BY id",
	[Q_COPY_CASE_PERSON_INSERT] =
	    "INSERT INTO case_person (id, case_id, person_id, kind,"
	    " created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	[Q_COPY_MEMBER_ALL] =
	    "SELECT case_id, user_id, added_by, added_at FROM case_member"
	    " ORDER BY case_id, user_id",
	[Q_COPY_MEMBER_INSERT] =
	    "INSERT INTO case_member (case_id, user_id, added_by, added_at)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[Q_COPY_EVENT_ALL] =
	    "SELECT id, case_id, at, user_id, org_id, kind, detail, text"
	    " FROM case_event ORDER BY id",
	[Q_COPY_EVENT_INSERT] =
	    "INSERT INTO case_event (id, case_id, at, user_id, org_id, kind,"
	    " detail, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[Q_COPY_NEED_ALL] =
	    "SELECT id, case_id, need, status, added_by, added_at, updated_at"
	    " FROM case_need ORDER BY id",
	[Q_COPY_NEED_INSERT] =
	    "INSERT INTO case_need (id, case_id, need, status, added_by,"
	    " added_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[Q_COPY_PLAN_ALL] =
	    "SELECT case_id, goals, tasks, review_on, updated_by, updated_at"
	    " FROM case_plan ORDER BY case_id",
	[Q_COPY_PLAN_INSERT] =
	    "INSERT INTO case_plan (case_id, goals, tasks, review_on,"
	    " updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[Q_COPY_IDENT_ALL] =
	    "SELECT id, case_id, committee_id, parts, sources, note, status,"
	    " submitted_by, submitted_at, first_due, first_decision,"
	    " first_reasons, first_by, first_at, final_due, final_decision,"
	    " final_reasons, final_by, final_at, withdrawn_by, withdrawn_at,"
	    " updated_at FROM case_assessment ORDER BY id",
	[Q_COPY_IDENT_INSERT] =
	    "INSERT INTO case_assessment (id, case_id, committee_id, parts,"
	    " sources, note, status, submitted_by, submitted_at, first_due,"
	    " first_decision, first_reasons, first_by, first_at, final_due,"
	    " final_decision, final_reasons, final_by, final_at, withdrawn_by,"
	    " withdrawn_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	    " ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
	    " ?21, ?22)",
	[Q_COPY_TRACK_ALL] =
	    "SELECT id, case_id, track, state, on_day, reason, ground, ends_on,"
	    " event_id FROM case_track ORDER BY id",
	[Q_COPY_TRACK_INSERT] =
	    "INSERT INTO case_track (id, case_id, track, state, on_day,"
	    " reason, ground, ends_on, event_id) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7, ?8, ?9)",
	[Q_COPY_TRANSFER_ALL] =
	    "SELECT id, case_id, from_org, to_org, to_region, municipality,"
	    " status, reason, answer, requested_by, requested_at, due,"
	    " decided_by, decided_at FROM case_transfer ORDER BY id",
	[Q_COPY_TRANSFER_INSERT] =
	    "INSERT INTO case_transfer (id, case_id, from_org, to_org,"
	    " to_region, municipality, status, reason, answer, requested_by,"
	    " requested_at, due, decided_by, decided_at) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
	[Q_COPY_EMERGENCY_ALL] =
	    "SELECT id, case_id, user_id, org_id, reason, at, ends_at"
	    " FROM case_emergency ORDER BY id",
	[Q_COPY_EMERGENCY_INSERT] =
	    "INSERT INTO case_emergency (id, case_id, user_id, org_id, reason,"
	    " at, ends_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[Q_COPY_RULE_ALL] =
	    "SELECT id, name, workdays, same_day, updated_by, updated_at,"
	    " calendar_days FROM deadline_rule ORDER BY id",
	/* The target's migrations installed the rules; take the source's
	 * settings over them. */
	[Q_COPY_RULE_UPSERT] =
	    "INSERT INTO deadline_rule (id, name, workdays, same_day,"
	    " updated_by, updated_at, calendar_days) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
	    " workdays = excluded.workdays, same_day = excluded.same_day,"
	    " updated_by = excluded.updated_by,"
	    " updated_at = excluded.updated_at,"
	    " calendar_days = excluded.calendar_days",
	/* The target has no fallback point of its own: take the source's. */
	[Q_COPY_FALLBACK_ALL] =
	    "SELECT id, org_id, set_by, set_at FROM fallback_point",
	[Q_COPY_FALLBACK_INSERT] =
	    "INSERT INTO fallback_point (id, org_id, set_by, set_at)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE"
	    " SET org_id = excluded.org_id, set_by = excluded.set_by,"
	    " set_at = excluded.set_at",
	[Q_COPY_LIMIT_REFUSAL_ALL] =
	    "SELECT id, user_id, region_id, limit_kind, at FROM signal_refusal"
	    " ORDER BY id",
	[Q_COPY_LIMIT_REFUSAL_INSERT] =
	    "INSERT INTO signal_refusal (id, user_id, region_id, limit_kind,"
	    " at) VALUES (?1, ?2, ?3, ?4, ?5)",

	/* Turning 18 (domain/adulthood.c).  A person's 18th birthday on a
	 * case, once: entry and the lazy fill may both try. */
	[Q_ADULT_INSERT] =
	    "INSERT INTO case_adulthood (case_id, person_id, adult_on,"
	    " adult_month, estimated, created_at) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6) ON CONFLICT (case_id, person_id) DO NOTHING",
	/* When each person was entered on case ?1 (the lazy fill). */
	[Q_ADULT_ENTERED] =
	    "SELECT person_id, created_at FROM case_person WHERE case_id = ?1",
	[Q_ADULT_OF_CASE] =
	    "SELECT a.id, a.person_id, COALESCE(a.adult_on, -1), a.estimated,"
	    " a.continues, COALESCE(a.youth_care_from, -1), a.payer,"
	    " a.payer_text, COALESCE(a.same_professional, -1),"
	    " a.professional, a.notes, COALESCE(a.plan_at, 0),"
	    " COALESCE(a.plan_before_18, 0), COALESCE(a.plan_on_time, 0),"
	    " u.username, COALESCE(a.updated_at, 0) FROM case_adulthood a"
	    " LEFT JOIN app_user u ON u.id = a.updated_by"
	    " WHERE a.case_id = ?1 ORDER BY a.person_id",
	[Q_ADULT_GET] =
	    "SELECT id, COALESCE(adult_on, -1), COALESCE(plan_at, 0),"
	    " COALESCE(plan_before_18, 0), COALESCE(plan_on_time, 0)"
	    " FROM case_adulthood WHERE case_id = ?1 AND person_id = ?2",
	/* The plan; the first recording's moment and flags stay. */
	[Q_ADULT_PLAN_SET] =
	    "UPDATE case_adulthood SET continues = ?2, youth_care_from = ?3,"
	    " payer = ?4, payer_text = ?5, same_professional = ?6,"
	    " professional = ?7, notes = ?8, plan_at = ?9,"
	    " plan_before_18 = ?10, plan_on_time = ?11, updated_by = ?12,"
	    " updated_at = ?13 WHERE id = ?1",
	/* The people of the open cases of organisation ?1 without a plan
	 * who turn 18 on day ?2 or before. */
	[Q_ADULT_DUE] =
	    "SELECT a.case_id, a.person_id, a.adult_on, a.estimated"
	    " FROM case_adulthood a JOIN care_case c ON c.id = a.case_id"
	    " WHERE c.org_id = ?1 AND c.status <> 'closed'"
	    " AND c.purged_at IS NULL AND a.plan_at IS NULL"
	    " AND a.adult_on IS NOT NULL AND a.adult_on <= ?2"
	    " ORDER BY a.adult_on, a.case_id, a.person_id LIMIT ?3",
	/* For the insight: per region of the case, those who turned 18 in
	 * the months ?1 to ?2 (year * 12 + month - 1) and by day ?3; with
	 * a plan before their birthday, without one, and with one in time
	 * (six months before).  Purged rows count by their month. */
	[Q_ADULT_COUNTS] =
	    "SELECT COALESCE(c.region_id, 0), CAST(COUNT(*) AS BIGINT),"
	    " CAST(SUM(CASE WHEN a.plan_before_18 = 1 THEN 1 ELSE 0 END)"
	    " AS BIGINT), CAST(SUM(CASE WHEN a.plan_before_18 = 1 THEN 0"
	    " ELSE 1 END) AS BIGINT), CAST(SUM(CASE WHEN a.plan_on_time = 1"
	    " THEN 1 ELSE 0 END) AS BIGINT) FROM case_adulthood a"
	    " JOIN care_case c ON c.id = a.case_id"
	    " WHERE a.adult_month BETWEEN ?1 AND ?2"
	    " AND (a.adult_on IS NULL OR a.adult_on <= ?3)"
	    " GROUP BY COALESCE(c.region_id, 0)"
	    " ORDER BY COALESCE(c.region_id, 0)",
	/* The day goes, its month stays (docs/privacy.md). */
	[Q_PURGE_CASE_ADULTHOOD] =
	    "UPDATE case_adulthood SET adult_on = NULL, payer_text = NULL,"
	    " professional = NULL, notes = NULL WHERE case_id = ?1",
	[Q_COPY_ADULT_ALL] =
	    "SELECT id, case_id, person_id, adult_on, adult_month, estimated,"
	    " created_at, continues, youth_care_from, payer, payer_text,"
	    " same_professional, professional, notes, plan_at,"
	    " plan_before_18, plan_on_time, updated_by, updated_at"
	    " FROM case_adulthood ORDER BY id",
	[Q_COPY_ADULT_INSERT] =
	    "INSERT INTO case_adulthood (id, case_id, person_id, adult_on,"
	    " adult_month, estimated, created_at, continues, youth_care_from,"
	    " payer, payer_text, same_professional, professional, notes,"
	    " plan_at, plan_before_18, plan_on_time, updated_by, updated_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14, ?15, ?16, ?17, ?18, ?19)",
};

static const char *const names[Q__COUNT] = {
#define N(q) [q] = #q
	N(Q_SCHEMA_INIT), N(Q_SCHEMA_VERSION), N(Q_SCHEMA_RECORD),
	N(Q_META_GET), N(Q_META_SET), N(Q_TABLE_COUNT_AUDIT),
	N(Q_MUNI_UPSERT), N(Q_MUNI_LIST), N(Q_MUNI_GET),
	N(Q_ORG_INSERT), N(Q_ORG_LIST), N(Q_ORG_GET), N(Q_ORG_BY_NAME),
	N(Q_USER_INSERT), N(Q_USER_SET_TOTP), N(Q_USER_LIST), N(Q_USER_GET),
	N(Q_USER_BY_NAME), N(Q_USER_SET_PASSWORD), N(Q_USER_SET_DISABLED),
	N(Q_USER_LOGGED_IN), N(Q_USER_PENDING), N(Q_USER_APPROVE),
	N(Q_USER_SET_ENROL), N(Q_USER_BY_ENROL), N(Q_USER_ENROL),
	N(Q_USER_SET_APPROVER),
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
	N(Q_REGION_INSERT), N(Q_REGION_LIST), N(Q_REGION_ADD_MUNI),
	N(Q_REGION_ADD_ORG), N(Q_REGION_BY_NAME), N(Q_REGION_FOR_MUNI),
	N(Q_SIGNAL_INSERT), N(Q_SIGNAL_SEAL), N(Q_SIGNAL_PERSON_INSERT),
	N(Q_SIGNAL_PERSON_SEAL), N(Q_SIGNAL_MINE), N(Q_SIGNAL_QUEUE),
	N(Q_SIGNAL_OVERVIEW),
	N(Q_SIGNAL_GET), N(Q_SIGNAL_PERSONS), N(Q_SIGNAL_IN_ORG_REGION),
	N(Q_SIGNAL_CLAIM), N(Q_SIGNAL_DECIDE), N(Q_QUESTION_INSERT),
	N(Q_QUESTION_SEAL), N(Q_QUESTION_FOR_SIGNAL), N(Q_QUESTION_ANSWER),
	N(Q_SIGNAL_PUBLIC_MARK),
	N(Q_SIGNAL_BY_RECEIPT), N(Q_PUBLIC_CHALLENGE_PURGE),
	N(Q_PUBLIC_CHALLENGE_USE), N(Q_PUBLIC_BUDGET_COUNT),
	N(Q_PUBLIC_REFUSAL_PURGE), N(Q_PUBLIC_REFUSAL_INSERT),
	N(Q_PUBLIC_REFUSALS), N(Q_MATCH_FIND),
	N(Q_MATCH_INSERT), N(Q_MATCH_FOR_SIGNAL),
	N(Q_ADVICE_INSERT), N(Q_ADVICE_SEAL), N(Q_ADVICE_MINE),
	N(Q_ADVICE_QUEUE), N(Q_ADVICE_GET), N(Q_ADVICE_ANSWER),
	N(Q_ADVICE_LINK_SIGNAL), N(Q_ADVICE_LINK_SIGNAL_POINT),
	N(Q_ADVICE_FOR_SIGNAL),
	N(Q_FALLBACK_GET), N(Q_FALLBACK_SET), N(Q_FALLBACK_IS),
	N(Q_REGION_REHOME_SIGNALS), N(Q_REGION_REHOME_ADVICE),
	N(Q_VOLUME_OF_USER), N(Q_VOLUME_REFUSE), N(Q_VOLUME_UNUSUAL),
	N(Q_RULE_LIST),
	N(Q_RULE_SET), N(Q_RULE_BY_NAME), N(Q_RULE_KIND),
	N(Q_RULE_SET_CALENDAR),
	N(Q_COPY_REGION_ALL), N(Q_COPY_REGION_INSERT),
	N(Q_COPY_REGION_MUNI_ALL), N(Q_COPY_ORG_REGION_ALL),
	N(Q_COPY_SIGNAL_ALL), N(Q_COPY_SIGNAL_INSERT), N(Q_COPY_PERSON_ALL),
	N(Q_COPY_PERSON_INSERT), N(Q_COPY_MATCH_ALL), N(Q_COPY_MATCH_INSERT),
	N(Q_COPY_ADVICE_ALL), N(Q_COPY_ADVICE_INSERT), N(Q_COPY_QUESTION_ALL),
	N(Q_COPY_QUESTION_INSERT), N(Q_COPY_RULE_ALL), N(Q_COPY_RULE_UPSERT),
	N(Q_COPY_FALLBACK_ALL), N(Q_COPY_FALLBACK_INSERT),
	N(Q_COPY_LIMIT_REFUSAL_ALL), N(Q_COPY_LIMIT_REFUSAL_INSERT),
	N(Q_COPY_CHALLENGE_ALL), N(Q_COPY_REFUSAL_ALL),
	N(Q_COPY_REFUSAL_INSERT),
	N(Q_PERSON_FIND), N(Q_PERSON_ENRICH), N(Q_PERSON_INSERT),
	N(Q_PERSON_SEAL), N(Q_PERSON_SIGNAL_SOURCE), N(Q_PERSON_OF_CASE),
	N(Q_PERSON_ELSEWHERE), N(Q_PERSON_SIGNALS), N(Q_CASE_PERSON_INSERT),
	N(Q_CASE_SERVING), N(Q_CASE_SIGNAL_SOURCE), N(Q_CASE_INSERT),
	N(Q_CASE_SEAL), N(Q_CASE_OF_SIGNAL), N(Q_CASE_HEAD), N(Q_CASE_GET),
	N(Q_CASE_LIST), N(Q_CASE_ACCEPT), N(Q_CASE_STATUS), N(Q_CASE_TYPE),
	N(Q_CASE_TOUCH), N(Q_CASE_COLLEAGUE), N(Q_CASE_COLLEAGUES),
	N(Q_MEMBER_IS),
	N(Q_MEMBER_INSERT), N(Q_MEMBER_DELETE), N(Q_MEMBER_OF_CASE),
	N(Q_EVENT_INSERT), N(Q_EVENT_SEAL), N(Q_EVENT_OF_CASE),
	N(Q_NEED_INSERT_QUIET), N(Q_NEED_INSERT), N(Q_NEED_SET),
	N(Q_NEED_OF_CASE), N(Q_PLAN_SET), N(Q_PLAN_OF_CASE),
	N(Q_RETENTION_DUE), N(Q_PURGE_CASE), N(Q_PURGE_CASE_EVENTS),
	N(Q_PURGE_CASE_PLAN), N(Q_PURGE_CASE_ASSESSMENTS),
	N(Q_PURGE_CASE_TRANSFERS), N(Q_PURGE_CASE_EMERGENCIES),
	N(Q_PURGE_SIGNAL), N(Q_PURGE_SIGNAL_PERSONS),
	N(Q_PURGE_SIGNAL_QUESTIONS), N(Q_PURGE_SIGNAL_MATCHES),
	N(Q_PURGE_PERSONS), N(Q_SUBJECT_PERSON), N(Q_SUBJECT_CASES),
	N(Q_SUBJECT_SIGNALS),
	N(Q_TRACK_LAST), N(Q_TRACK_INSERT), N(Q_TRACK_OF_CASE),
	N(Q_TRACK_DUE),
	N(Q_COPY_PERSON_REG_ALL), N(Q_COPY_PERSON_REG_INSERT),
	N(Q_COPY_CASE_ALL), N(Q_COPY_CASE_INSERT), N(Q_COPY_CASE_PERSON_ALL),
	N(Q_COPY_CASE_PERSON_INSERT), N(Q_COPY_MEMBER_ALL),
	N(Q_COPY_MEMBER_INSERT), N(Q_COPY_EVENT_ALL), N(Q_COPY_EVENT_INSERT),
	N(Q_COPY_NEED_ALL), N(Q_COPY_NEED_INSERT), N(Q_COPY_PLAN_ALL),
	N(Q_COPY_PLAN_INSERT),
	N(Q_IDENT_COMMITTEES), N(Q_IDENT_COMMITTEE_IS), N(Q_IDENT_INSERT),
	N(Q_IDENT_SEAL_NOTE), N(Q_IDENT_HEAD), N(Q_IDENT_GET),
	N(Q_IDENT_OF_CASE), N(Q_IDENT_LIST), N(Q_IDENT_FIRST),
	N(Q_IDENT_FINAL), N(Q_IDENT_WITHDRAW), N(Q_COPY_IDENT_ALL),
	N(Q_COPY_IDENT_INSERT),
	N(Q_COPY_TRACK_ALL), N(Q_COPY_TRACK_INSERT),
	N(Q_TRANSFER_INSERT), N(Q_TRANSFER_SEAL), N(Q_TRANSFER_ANSWER_SEAL),
	N(Q_TRANSFER_PENDING), N(Q_TRANSFER_DECIDE), N(Q_TRANSFER_MOVE),
	N(Q_TRANSFER_MEMBERS_OFF), N(Q_TRANSFER_RELATION),
	N(Q_TRANSFER_OF_ORG), N(Q_EMERGENCY_INSERT), N(Q_EMERGENCY_SEAL),
	N(Q_EMERGENCY_ACTIVE), N(Q_EMERGENCY_OF_ORG), N(Q_EMERGENCY_ALL),
	N(Q_EMERGENCY_OF_CASE), N(Q_CASE_TRAIL), N(Q_COPY_TRANSFER_ALL),
	N(Q_COPY_TRANSFER_INSERT), N(Q_COPY_EMERGENCY_ALL),
	N(Q_COPY_EMERGENCY_INSERT),
	N(Q_ADULT_INSERT), N(Q_ADULT_ENTERED), N(Q_ADULT_OF_CASE),
	N(Q_ADULT_GET), N(Q_ADULT_PLAN_SET), N(Q_ADULT_DUE), N(Q_ADULT_COUNTS),
	N(Q_PURGE_CASE_ADULTHOOD), N(Q_COPY_ADULT_ALL),
	N(Q_COPY_ADULT_INSERT),
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

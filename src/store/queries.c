#include "queries.h"

#include <assert.h>
#include <stddef.h>

#define USER_COLS "u.id, u.username, u.org_id, o.name, u.role, u.demo, " \
	"u.disabled, u.totp_required, u.created_at, u.last_login_at, " \
	"u.phone, u.needs_approval, COALESCE(u.approved_at, 0), " \
	"u.needs_enrol, COALESCE(u.enrolled_at, 0), u.approver, " \
	"COALESCE(u.created_by, 0), COALESCE(u.enrol_expires_at, 0), " \
	"u.real_name, u.email"
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

/*
 * The advisor's queue.  A signal belongs to a point when its region is
 * one the point serves, or when no region covers it and the point is the
 * fallback.  Each view is one condition, used both by the overview's
 * count and by the list, so that the two always agree.  Parameters: ?1
 * the organisation, ?2 now, ?3 the end of today, ?4 the advisor, ?5 how
 * far back "decided" looks, ?6 the view's name.
 */
#define SIGNAL_OF_POINT "(s.region_id IN (SELECT region_id FROM" \
	" org_region WHERE org_id = ?1) OR (s.region_id IS NULL AND ?1 IN" \
	" (SELECT org_id FROM fallback_point)))"
#define SIGNAL_OPEN "s.status IN ('received', 'in_triage')"
#define V_UNCLAIMED "s.status = 'received'"
#define V_IN_TRIAGE "s.status = 'in_triage'"
#define V_OVERDUE "(" SIGNAL_OPEN " AND s.triage_due < ?2)"
#define V_DUE_TODAY "(" SIGNAL_OPEN " AND s.triage_due >= ?2" \
	" AND s.triage_due <= ?3)"
#define V_ACUTE "(" SIGNAL_OPEN " AND s.urgency = 'acute')"
#define V_MINE "(s.status = 'in_triage' AND s.claimed_by = ?4)"
#define V_WAITING "(" SIGNAL_OPEN " AND EXISTS (SELECT 1" \
	" FROM signal_question w WHERE w.signal_id = s.id" \
	" AND w.answered_at IS NULL))"
#define V_DECIDED "(s.status NOT IN ('received', 'in_triage')" \
	" AND s.decided_at >= ?5)"
#define VIEW_SUM(v) "CAST(COALESCE(SUM(CASE WHEN " v " THEN 1 ELSE 0" \
	" END), 0) AS BIGINT)"
#define SIGNAL_VIEW "(CASE CAST(?6 AS TEXT) WHEN 'all' THEN " \
	SIGNAL_OPEN " WHEN 'unclaimed' THEN " V_UNCLAIMED \
	" WHEN 'in_triage' THEN " V_IN_TRIAGE " WHEN 'overdue' THEN " \
	V_OVERDUE " WHEN 'due_today' THEN " V_DUE_TODAY \
	" WHEN 'acute' THEN " V_ACUTE " WHEN 'mine' THEN " V_MINE \
	" WHEN 'waiting_answer' THEN " V_WAITING " WHEN 'decided' THEN " \
	V_DECIDED " ELSE 1 = 0 END)"
/*
 * A search of a list of signals, never of sealed fields: ?N+0 a LIKE
 * pattern (lower case, '!' escapes; '' for no search) on the
 * municipality's and the reporter's organisation's names, ?N+1 a
 * signal number (0: none), ?N+2 a public receipt code ('': none).
 */
#define SEARCH(p, id, rc) "(CAST(" p " AS TEXT) = '' OR s.id = " id \
	" OR s.receipt = " rc " OR lower(m.name) LIKE " p " ESCAPE '!'" \
	" OR lower(COALESCE(o.name, '')) LIKE " p " ESCAPE '!')"
#define SIGNAL_SEARCH SEARCH("?2", "?3", "?4")
#define SIGNAL_MINE_FROM "FROM signal s" \
	" JOIN municipality m ON m.code = s.municipality" \
	" LEFT JOIN org o ON o.id = s.reporter_org_id" \
	" WHERE s.reporter_id = ?1"
#define SIGNAL_QUEUE_FROM "FROM signal s" \
	" JOIN municipality m ON m.code = s.municipality" \
	" LEFT JOIN app_user u ON u.id = s.claimed_by" \
	" LEFT JOIN org o ON o.id = s.reporter_org_id" \
	" WHERE " SIGNAL_OF_POINT " AND " SIGNAL_VIEW " AND " \
	SEARCH("?7", "?8", "?9")

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
	[Q_USER_SET_REAL_NAME] =
	    "UPDATE app_user SET real_name = ?2 WHERE id = ?1",
	[Q_USER_SET_CONTACT] =
	    "UPDATE app_user SET real_name = ?2, phone = ?3 WHERE id = ?1",
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
	[Q_REGION_GET] =
	    "SELECT id, name, type FROM region WHERE id = ?1",
	[Q_REGION_MUNIS] =
	    "SELECT m.code, m.name, m.province FROM region_municipality rm"
	    " JOIN municipality m ON m.code = rm.municipality"
	    " WHERE rm.region_id = ?1 ORDER BY m.name, m.code",
	[Q_REGION_ORGS] =
	    "SELECT o.id, o.name FROM org_region x JOIN org o"
	    " ON o.id = x.org_id WHERE x.region_id = ?1 ORDER BY o.name, o.id",
	[Q_REGION_RENAME] =
	    "UPDATE region SET name = ?2 WHERE id = ?1 RETURNING id",
	/* An update replaces both lists whole (domain/region.c). */
	[Q_REGION_CLEAR_MUNIS] =
	    "DELETE FROM region_municipality WHERE region_id = ?1",
	[Q_REGION_CLEAR_ORGS] =
	    "DELETE FROM org_region WHERE region_id = ?1",

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
	/* A reporter's own signals, newest first: ?1 the user; the search
	 * (SIGNAL_SEARCH) ?2 to ?4; a page of ?5 rows from ?6. */
	[Q_SIGNAL_MINE] =
	    "SELECT s.id, s.created_at, s.municipality, m.name, s.urgency,"
	    " s.status, s.decision, CASE WHEN s.status = 'received' THEN 0"
	    " ELSE (SELECT COUNT(*) FROM signal_match x"
	    " WHERE x.signal_a = s.id OR x.signal_b = s.id) END,"
	    " (SELECT COUNT(*) FROM signal_question y WHERE y.signal_id = s.id"
	    " AND y.answer IS NULL) " SIGNAL_MINE_FROM " AND " SIGNAL_SEARCH
	    " ORDER BY s.created_at DESC, s.id DESC LIMIT ?5 OFFSET ?6",
	[Q_SIGNAL_MINE_COUNT] =
	    "SELECT CAST(COUNT(*) AS BIGINT) " SIGNAL_MINE_FROM " AND "
	    SIGNAL_SEARCH,
	/* The reporter's signals that wait for an answer, oldest question
	 * first: ?1 the user, at most ?2. */
	[Q_SIGNAL_MINE_WAITING] =
	    "SELECT s.id FROM signal s WHERE s.reporter_id = ?1 AND EXISTS"
	    " (SELECT 1 FROM signal_question y WHERE y.signal_id = s.id"
	    " AND y.answer IS NULL) ORDER BY s.id LIMIT ?2",
	/* A view of an organisation's queue (?1 to ?6, see SIGNAL_VIEW) with
	 * the search ?7 to ?9: most urgent and oldest first, the decided ones
	 * newest decision first; a page of ?10 rows from ?11.  "new": the
	 * advisor ?4 never opened it; "answer": a reporter answered after
	 * the advisor last opened it. */
	[Q_SIGNAL_QUEUE] =
	    "SELECT s.id, s.created_at, m.name, s.urgency, s.status,"
	    " s.triage_due, u.username, (SELECT COUNT(*) FROM signal_person p"
	    " WHERE p.signal_id = s.id), s.forms, o.name, s.decision,"
	    " CASE WHEN NOT EXISTS (SELECT 1 FROM signal_seen v"
	    " WHERE v.signal_id = s.id AND v.user_id = ?4) THEN 1 ELSE 0 END,"
	    " CASE WHEN EXISTS (SELECT 1 FROM signal_question q"
	    " WHERE q.signal_id = s.id AND q.answered_at IS NOT NULL"
	    " AND q.answered_at > COALESCE((SELECT v.seen_at FROM signal_seen v"
	    " WHERE v.signal_id = s.id AND v.user_id = ?4), 0))"
	    " THEN 1 ELSE 0 END, (SELECT COUNT(*) FROM signal_question y"
	    " WHERE y.signal_id = s.id AND y.answered_at IS NULL)"
	    " " SIGNAL_QUEUE_FROM
	    " ORDER BY CASE WHEN CAST(?6 AS TEXT) = 'decided' THEN s.decided_at"
	    " ELSE 0 END DESC, CASE s.urgency WHEN 'acute' THEN 0"
	    " WHEN 'days' THEN 1 ELSE 2 END, s.created_at, s.id"
	    " LIMIT ?10 OFFSET ?11",
	[Q_SIGNAL_QUEUE_COUNT] =
	    "SELECT CAST(COUNT(*) AS BIGINT) " SIGNAL_QUEUE_FROM,
	/* The point's numbers (?1 to ?5 as in SIGNAL_VIEW), each counted with
	 * the very condition of its view of the queue; then the open
	 * questions to reporters and the open questions for advice. */
	[Q_SIGNAL_OVERVIEW] =
	    "SELECT " VIEW_SUM(V_UNCLAIMED) ", " VIEW_SUM(V_IN_TRIAGE) ", "
	    VIEW_SUM(V_OVERDUE) ", " VIEW_SUM(V_DUE_TODAY) ", "
	    VIEW_SUM(V_ACUTE) ","
	    " (SELECT CAST(COUNT(*) AS BIGINT) FROM signal_question q"
	    " JOIN signal s2 ON s2.id = q.signal_id WHERE q.answered_at IS NULL"
	    " AND s2.status IN ('received', 'in_triage') AND (s2.region_id IN"
	    " (SELECT region_id FROM org_region WHERE org_id = ?1)"
	    " OR (s2.region_id IS NULL AND ?1 IN (SELECT org_id"
	    " FROM fallback_point)))), (SELECT CAST(COUNT(*) AS BIGINT)"
	    " FROM advice a"
	    " WHERE a.status = 'open' AND (a.region_id IN (SELECT region_id"
	    " FROM org_region WHERE org_id = ?1) OR (a.region_id IS NULL"
	    " AND ?1 IN (SELECT org_id FROM fallback_point)))), "
	    VIEW_SUM(V_WAITING) ", " VIEW_SUM(V_DECIDED) ", "
	    VIEW_SUM(V_MINE) ", " VIEW_SUM(SIGNAL_OPEN)
	    " FROM signal s WHERE " SIGNAL_OF_POINT " AND (" SIGNAL_OPEN
	    " OR s.decided_at >= ?5)",
	/* The advisor ?2 opened signal ?1 at ?3. */
	[Q_SIGNAL_SEEN] =
	    "INSERT INTO signal_seen (signal_id, user_id, seen_at)"
	    " VALUES (?1, ?2, ?3) ON CONFLICT (signal_id, user_id)"
	    " DO UPDATE SET seen_at = excluded.seen_at",
	[Q_SIGNAL_GET] =
	    "SELECT s.id, s.reporter_id, s.reporter_org_id, s.region_id,"
	    " s.municipality, m.name, s.noticed_on, s.urgency, s.forms,"
	    " s.indicators, s.description, s.actions_taken, s.status,"
	    " s.decision, s.decision_reason, s.legal_basis, s.claimed_by,"
	    " cu.username, s.triage_due, s.created_at, ru.username, ro.name,"
	    " s.unverified, s.contact, s.help_needs, ru.phone FROM signal s"
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
	    " decision_reason = ?4, legal_basis = ?5, updated_at = ?6,"
	    " decided_at = ?6"
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
	    " RETURNING id, asked_by",
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
	    "SELECT DISTINCT u.username, o.name, u.phone, s.id, u.id,"
	    " u.real_name FROM signal_match m"
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

	/* What a care-coordination organisation (?1) has due up to ?2 (a
	 * moment, or for review days a day), at most ?3 rows a kind. */
	[Q_DUE_CASE_ACCEPT] =
	    "SELECT id, accept_due FROM care_case WHERE org_id = ?1"
	    " AND status = 'new' AND purged_at IS NULL AND accept_due <= ?2"
	    " ORDER BY accept_due, id LIMIT ?3",
	[Q_DUE_PLAN_REVIEW] =
	    "SELECT c.id, p.review_on FROM case_plan p"
	    " JOIN care_case c ON c.id = p.case_id WHERE c.org_id = ?1"
	    " AND c.status <> 'closed' AND c.purged_at IS NULL"
	    " AND p.review_on IS NOT NULL AND p.review_on <= ?2"
	    " ORDER BY p.review_on, c.id LIMIT ?3",
	/* A transfer waits for the receiving organisation's answer. */
	[Q_DUE_TRANSFER] =
	    "SELECT case_id, id, due FROM case_transfer WHERE to_org = ?1"
	    " AND status = 'pending' AND due <= ?2 ORDER BY due, id LIMIT ?3",
	/* The committee's decisions the case waits for. */
	[Q_DUE_IDENT] =
	    "SELECT a.case_id, a.id, a.status, CASE a.status"
	    " WHEN 'submitted' THEN a.first_due ELSE a.final_due END"
	    " FROM case_assessment a JOIN care_case c ON c.id = a.case_id"
	    " WHERE c.org_id = ?1 AND c.purged_at IS NULL"
	    " AND c.status <> 'closed' AND ((a.status = 'submitted'"
	    " AND a.first_due <= ?2) OR (a.status = 'first_decided'"
	    " AND a.final_due IS NOT NULL AND a.final_due <= ?2))"
	    " ORDER BY 4, a.id LIMIT ?3",

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
	[Q_PURGE_CASE_REFERRALS] =
	    "UPDATE referral SET basis_text = NULL, message = NULL, safety ="
	    " NULL, decline_text = NULL, outcome_text = NULL WHERE case_id ="
	    " ?1",
	[Q_PURGE_CASE_REFERRAL_NOTES] =
	    "UPDATE referral_note SET text = NULL WHERE referral_id IN"
	    " (SELECT id FROM referral WHERE case_id = ?1)",
	[Q_PURGE_CASE_ESCALATIONS] =
	    "UPDATE escalation SET basis_text = NULL, summary = NULL, safety"
	    " = NULL, answer = NULL WHERE case_id = ?1",
	[Q_PURGE_CASE_PLACEMENTS] =
	    "UPDATE placement SET other_text = NULL WHERE case_id = ?1",
	[Q_PURGE_CASE_PLACEMENT_ALTS] =
	    "UPDATE placement_alternative SET why = NULL WHERE placement_id IN"
	    " (SELECT id FROM placement WHERE case_id = ?1)",
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
	/* Placements.  The provider organisations, for the select. */
	[Q_PLACEMENT_PROVIDERS] =
	    "SELECT id, name FROM org WHERE type = 'provider' ORDER BY name",
	[Q_PLACEMENT_PROVIDER_IS] =
	    "SELECT id FROM org WHERE id = ?1 AND type = 'provider'",
	/* A placement of person ?2 on case ?1 but ?3 whose days meet
	 * [?4, ?5) (?5: the day after, or the open end). */
	[Q_PLACEMENT_OVERLAP] =
	    "SELECT id, from_day, COALESCE(until_day, -1) FROM placement"
	    " WHERE case_id = ?1 AND person_id = ?2 AND id <> ?3"
	    " AND (end_reason IS NULL OR end_reason <> 'cancelled')"
	    " AND from_day < ?5 AND COALESCE(until_day, 2147483647) > ?4"
	    " ORDER BY from_day LIMIT 1",
	[Q_PLACEMENT_INSERT] =
	    "INSERT INTO placement (case_id, person_id, type, from_day,"
	    " until_day, provider_id, review_on, age_band, created_by,"
	    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	    " ?9, ?10, ?10) RETURNING id",
	[Q_PLACEMENT_SEAL_OTHER] =
	    "UPDATE placement SET other_text = ?2 WHERE id = ?1",
	[Q_PLACEMENT_AUTH_INSERT] =
	    "INSERT INTO placement_authorisation (placement_id, kind,"
	    " decided_on, valid_from, valid_until, created_by, created_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
	[Q_PLACEMENT_ALT_INSERT] =
	    "INSERT INTO placement_alternative (placement_id, code)"
	    " VALUES (?1, ?2) RETURNING id",
	[Q_PLACEMENT_ALT_SEAL] =
	    "UPDATE placement_alternative SET why = ?2 WHERE id = ?1",
	/* Placement ?1 of case ?2 with the authorisation that holds it. */
	[Q_PLACEMENT_HEAD] =
	    "SELECT p.id, p.person_id, p.type, p.from_day,"
	    " COALESCE(p.until_day, -1), p.end_reason,"
	    " COALESCE(p.provider_id, 0), COALESCE(p.review_on, -1), a.kind,"
	    " COALESCE(a.valid_from, -1), COALESCE(a.valid_until, -1)"
	    " FROM placement p"
	    " LEFT JOIN placement_authorisation a ON a.id = (SELECT MAX(x.id)"
	    " FROM placement_authorisation x WHERE x.placement_id = p.id)"
	    " WHERE p.id = ?1 AND p.case_id = ?2",
	[Q_PLACEMENT_SET] =
	    "UPDATE placement SET until_day = ?3, review_on = ?4,"
	    " provider_id = ?5, updated_at = ?6 WHERE id = ?1 AND case_id = ?2"
	    " AND end_reason IS NULL RETURNING id",
	[Q_PLACEMENT_END] =
	    "UPDATE placement SET until_day = ?3, end_reason = ?4,"
	    " updated_at = ?5 WHERE id = ?1 AND case_id = ?2"
	    " AND end_reason IS NULL RETURNING id",
	[Q_PLACEMENT_OF_CASE] =
	    "SELECT p.id, p.person_id, p.type, p.other_text, p.from_day,"
	    " COALESCE(p.until_day, -1), p.end_reason,"
	    " COALESCE(p.provider_id, 0), o.name, COALESCE(p.review_on, -1),"
	    " p.age_band, u.username, p.created_at, p.updated_at"
	    " FROM placement p LEFT JOIN org o ON o.id = p.provider_id"
	    " LEFT JOIN app_user u ON u.id = p.created_by"
	    " WHERE p.case_id = ?1 ORDER BY p.from_day, p.id",
	[Q_PLACEMENT_AUTHS_OF_CASE] =
	    "SELECT a.id, a.placement_id, a.kind, a.decided_on, a.valid_from,"
	    " a.valid_until, u.username, a.created_at"
	    " FROM placement_authorisation a"
	    " JOIN placement p ON p.id = a.placement_id"
	    " LEFT JOIN app_user u ON u.id = a.created_by"
	    " WHERE p.case_id = ?1 ORDER BY a.id",
	[Q_PLACEMENT_ALTS_OF_CASE] =
	    "SELECT a.id, a.placement_id, a.code, a.why"
	    " FROM placement_alternative a"
	    " JOIN placement p ON p.id = a.placement_id"
	    " WHERE p.case_id = ?1 ORDER BY a.id",
	/* The placements at provider ?1: no person, no text. */
	[Q_PLACEMENT_OF_PROVIDER] =
	    "SELECT p.id, p.case_id, p.type, p.from_day,"
	    " COALESCE(p.until_day, -1), p.end_reason FROM placement p"
	    " JOIN care_case c ON c.id = p.case_id WHERE p.provider_id = ?1"
	    " AND c.purged_at IS NULL ORDER BY p.from_day DESC, p.id DESC"
	    " LIMIT ?2",
	/* The placements going on in the open cases of organisation ?1
	 * with a review on day ?2 or before, an authorisation ending on
	 * day ?3 or before, or an emergency authorisation of more than ?4
	 * days. */
	[Q_PLACEMENT_DUE] =
	    "SELECT p.id, p.case_id, p.type, COALESCE(p.review_on, -1),"
	    " a.kind, COALESCE(a.valid_from, -1), COALESCE(a.valid_until, -1)"
	    " FROM placement p JOIN care_case c ON c.id = p.case_id"
	    " LEFT JOIN placement_authorisation a ON a.id = (SELECT MAX(x.id)"
	    " FROM placement_authorisation x WHERE x.placement_id = p.id)"
	    " WHERE c.org_id = ?1 AND c.purged_at IS NULL"
	    " AND c.status <> 'closed' AND p.end_reason IS NULL"
	    " AND ((p.review_on IS NOT NULL AND p.review_on <= ?2)"
	    " OR a.valid_until <= ?3 OR (a.kind = 'emergency'"
	    " AND a.valid_until - a.valid_from >= ?4))"
	    " ORDER BY p.id LIMIT ?5",
	/* For the insight: per region of the case, the minor victims
	 * placed on a day from ?1 to ?2 and those of them placed in closed
	 * youth care. */
	[Q_PLACEMENT_CLOSED_SHARE] =
	    "SELECT c.region_id, CAST(COUNT(DISTINCT p.person_id) AS BIGINT),"
	    " CAST(COUNT(DISTINCT CASE WHEN p.type = 'closed_youth_care'"
	    " THEN p.person_id END) AS BIGINT) FROM placement p"
	    " JOIN care_case c ON c.id = p.case_id"
	    " JOIN case_person cp ON cp.case_id = p.case_id"
	    " AND cp.person_id = p.person_id WHERE cp.kind = 'victim'"
	    " AND p.age_band IN ('0-11', '12-15', '16-17')"
	    " AND (p.end_reason IS NULL OR p.end_reason <> 'cancelled')"
	    " AND p.from_day <= ?2 AND COALESCE(p.until_day, 2147483647) >= ?1"
	    " GROUP BY c.region_id ORDER BY c.region_id",
	[Q_CASE_TRAIL] =
	    "SELECT a.id, a.at, u.username, o.name, a.role, a.action,"
	    " a.reason FROM audit a LEFT JOIN app_user u ON u.id = a.user_id"
	    " LEFT JOIN org o ON o.id = a.org_id"
	    " WHERE a.object_type = 'case' AND a.object_id = ?1"
	    " ORDER BY a.id DESC LIMIT ?2",

	/* Providers (domain/provider.c): no personal data. */
	[Q_PROVIDER_GET] =
	    "SELECT o.id, o.name, o.type, COALESCE(p.for_minors, 0),"
	    " COALESCE(p.for_adults, 0), COALESCE(p.for_men, 0),"
	    " COALESCE(p.for_women, 0), COALESCE(p.for_lvb, 0),"
	    " COALESCE(p.free_places, 0), COALESCE(p.waiting_weeks, 0),"
	    " COALESCE(p.offer_updated_at, 0), ou.username,"
	    " COALESCE(p.capacity_updated_at, 0), cu.username"
	    " FROM org o LEFT JOIN provider_profile p ON p.org_id = o.id"
	    " LEFT JOIN app_user ou ON ou.id = p.offer_updated_by"
	    " LEFT JOIN app_user cu ON cu.id = p.capacity_updated_by"
	    " WHERE o.id = ?1",
	[Q_PROVIDER_CARE_OF] =
	    "SELECT need FROM provider_care WHERE org_id = ?1 ORDER BY need",
	[Q_PROVIDER_MUNI_OF] =
	    "SELECT pm.municipality, m.name FROM provider_muni pm"
	    " JOIN municipality m ON m.code = pm.municipality"
	    " WHERE pm.org_id = ?1 ORDER BY m.name",
	[Q_PROVIDER_REGION_OF] =
	    "SELECT r.id, r.name FROM provider_region pr"
	    " JOIN region r ON r.id = pr.region_id"
	    " WHERE pr.org_id = ?1 ORDER BY r.name",
	[Q_PROVIDER_LANG_OF] =
	    "SELECT lang FROM provider_language WHERE org_id = ?1"
	    " ORDER BY lang",
	[Q_PROVIDER_REGION_IS] =
	    "SELECT id FROM region WHERE id = ?1",
	[Q_PROVIDER_OFFER_SET] =
	    "INSERT INTO provider_profile (org_id, for_minors, for_adults,"
	    " for_men, for_women, for_lvb, offer_updated_at,"
	    " offer_updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	    " ON CONFLICT (org_id) DO UPDATE SET"
	    " for_minors = excluded.for_minors,"
	    " for_adults = excluded.for_adults, for_men = excluded.for_men,"
	    " for_women = excluded.for_women, for_lvb = excluded.for_lvb,"
	    " offer_updated_at = excluded.offer_updated_at,"
	    " offer_updated_by = excluded.offer_updated_by",
	[Q_PROVIDER_CAPACITY_SET] =
	    "INSERT INTO provider_profile (org_id, free_places, waiting_weeks,"
	    " capacity_updated_at, capacity_updated_by)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)"
	    " ON CONFLICT (org_id) DO UPDATE SET"
	    " free_places = excluded.free_places,"
	    " waiting_weeks = excluded.waiting_weeks,"
	    " capacity_updated_at = excluded.capacity_updated_at,"
	    " capacity_updated_by = excluded.capacity_updated_by",
	[Q_PROVIDER_CARE_CLEAR] =
	    "DELETE FROM provider_care WHERE org_id = ?1",
	[Q_PROVIDER_MUNI_CLEAR] =
	    "DELETE FROM provider_muni WHERE org_id = ?1",
	[Q_PROVIDER_REGION_CLEAR] =
	    "DELETE FROM provider_region WHERE org_id = ?1",
	[Q_PROVIDER_LANG_CLEAR] =
	    "DELETE FROM provider_language WHERE org_id = ?1",
	[Q_PROVIDER_CARE_ADD] =
	    "INSERT INTO provider_care (org_id, need) VALUES (?1, ?2)",
	[Q_PROVIDER_MUNI_ADD] =
	    "INSERT INTO provider_muni (org_id, municipality)"
	    " VALUES (?1, ?2)",
	[Q_PROVIDER_REGION_ADD] =
	    "INSERT INTO provider_region (org_id, region_id) VALUES (?1, ?2)",
	[Q_PROVIDER_LANG_ADD] =
	    "INSERT INTO provider_language (org_id, lang) VALUES (?1, ?2)",
	/*
	 * The providers offering care type ?1 in municipality ?2 (directly
	 * or by a region), for a minor (?3 = 1) or an adult (?4 = 1), of
	 * sex ?5 ('female', 'male' or '' for no filter); speaking one of
	 * ?6..?8 first (lang: the first of them it speaks), then most
	 * free places, shortest wait, name.  A
	 * provider naming neither minors nor adults takes every age, one
	 * naming neither men nor women every sex.  From the municipality's
	 * few providers to their care type by the (need, org_id) key.
	 */
	[Q_PROVIDER_FIT] =
	    "SELECT id, name, free_places, waiting_weeks, updated_at,"
	    " for_minors, for_adults, for_men, for_women, for_lvb, lang"
	    " FROM (SELECT o.id AS id, o.name AS name,"
	    " p.free_places AS free_places, p.waiting_weeks AS waiting_weeks,"
	    " COALESCE(p.capacity_updated_at, 0) AS updated_at,"
	    " p.for_minors AS for_minors, p.for_adults AS for_adults,"
	    " p.for_men AS for_men, p.for_women AS for_women,"
	    " p.for_lvb AS for_lvb,"
	    " COALESCE((SELECT l.lang FROM provider_language l"
	    " WHERE l.org_id = o.id AND l.lang = ?6),"
	    " (SELECT l.lang FROM provider_language l"
	    " WHERE l.org_id = o.id AND l.lang = ?7),"
	    " (SELECT l.lang FROM provider_language l"
	    " WHERE l.org_id = o.id AND l.lang = ?8)) AS lang"
	    " FROM provider_profile p"
	    " JOIN provider_care c ON c.need = ?1 AND c.org_id = p.org_id"
	    " JOIN org o ON o.id = p.org_id"
	    " WHERE o.type = 'provider' AND p.org_id IN"
	    " (SELECT pm.org_id FROM provider_muni pm"
	    " WHERE pm.municipality = ?2 UNION"
	    " SELECT pr.org_id FROM region_municipality rm"
	    " JOIN provider_region pr ON pr.region_id = rm.region_id"
	    " WHERE rm.municipality = ?2)"
	    " AND (?3 = 0 OR p.for_minors = 1"
	    " OR (p.for_minors = 0 AND p.for_adults = 0))"
	    " AND (?4 = 0 OR p.for_adults = 1"
	    " OR (p.for_minors = 0 AND p.for_adults = 0))"
	    " AND (?5 = '' OR (p.for_men = 0 AND p.for_women = 0)"
	    " OR (?5 = 'female' AND p.for_women = 1)"
	    " OR (?5 = 'male' AND p.for_men = 1))) f"
	    " ORDER BY CASE WHEN lang IS NULL THEN 1 ELSE 0 END,"
	    " free_places DESC, waiting_weeks, name, id LIMIT ?9",
	/* Referrals and escalations (domain/referral.c, escalation.c). */
	[Q_REF_CASE] =
	    "SELECT c.type, c.forms, c.indicators, m.name,"
	    " COALESCE(c.purged_at, 0) FROM care_case c JOIN municipality m"
	    " ON m.code = c.municipality WHERE c.id = ?1",
	[Q_REF_NEED] =
	    "SELECT need, status FROM case_need WHERE id = ?1 AND case_id ="
	    " ?2",
	[Q_REF_ORG] =
	    "SELECT type, name FROM org WHERE id = ?1",
	[Q_REF_INSERT] =
	    "INSERT INTO referral (case_id, need_id, need, urgent, from_org,"
	    " to_org, shares, basis, consent_on, legal_basis, status,"
	    " sent_by, sent_at, answer_due, updated_at) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'sent', ?11, ?12, ?13, ?12)"
	    " RETURNING id",
	[Q_REF_SEAL] =
	    "UPDATE referral SET basis_text = ?2, message = ?3, safety = ?4"
	    " WHERE id = ?1",
	[Q_REF_GET] =
	    "SELECT r.id, r.case_id, r.need_id, r.need, r.urgent,"
	    " r.from_org, fo.name, r.to_org, tor.name, r.shares, r.basis,"
	    " r.consent_on, r.legal_basis, r.status, su.username, r.sent_at,"
	    " r.answer_due, COALESCE(r.answered_at, 0), r.decline_reason,"
	    " COALESCE(r.started_at, 0), COALESCE(r.ended_at, 0), r.outcome,"
	    " COALESCE(r.sharing_ended_at, 0), r.sharing_end, r.updated_at,"
	    " r.basis_text, r.message, r.safety, r.decline_text,"
	    " r.outcome_text FROM referral r JOIN org fo ON fo.id ="
	    " r.from_org JOIN org tor ON tor.id = r.to_org JOIN app_user su"
	    " ON su.id = r.sent_by WHERE r.id = ?1",
	[Q_REF_OF_CASE] =
	    "SELECT r.id, r.case_id, r.need_id, r.need, r.urgent,"
	    " r.from_org, fo.name, r.to_org, tor.name, r.shares, r.basis,"
	    " r.consent_on, r.legal_basis, r.status, su.username, r.sent_at,"
	    " r.answer_due, COALESCE(r.answered_at, 0), r.decline_reason,"
	    " COALESCE(r.started_at, 0), COALESCE(r.ended_at, 0), r.outcome,"
	    " COALESCE(r.sharing_ended_at, 0), r.sharing_end, r.updated_at,"
	    " r.basis_text, r.message, r.safety, r.decline_text,"
	    " r.outcome_text FROM referral r JOIN org fo ON fo.id ="
	    " r.from_org JOIN org tor ON tor.id = r.to_org JOIN app_user su"
	    " ON su.id = r.sent_by WHERE r.case_id = ?1 ORDER BY r.id",
	[Q_REF_OF_ORG] =
	    "SELECT r.id, r.case_id, r.need_id, r.need, r.urgent,"
	    " r.from_org, fo.name, r.to_org, tor.name, r.shares, r.basis,"
	    " r.consent_on, r.legal_basis, r.status, su.username, r.sent_at,"
	    " r.answer_due, COALESCE(r.answered_at, 0), r.decline_reason,"
	    " COALESCE(r.started_at, 0), COALESCE(r.ended_at, 0), r.outcome,"
	    " COALESCE(r.sharing_ended_at, 0), r.sharing_end, r.updated_at,"
	    " r.basis_text, r.message, r.safety, r.decline_text,"
	    " r.outcome_text FROM referral r JOIN org fo ON fo.id ="
	    " r.from_org JOIN org tor ON tor.id = r.to_org JOIN app_user su"
	    " ON su.id = r.sent_by WHERE r.to_org = ?1 ORDER BY r.id DESC"
	    " LIMIT ?2",
	[Q_REF_STEP] =
	    "UPDATE referral SET status = ?3, updated_at = ?4, answered_by ="
	    " CASE WHEN ?3 IN ('accepted', 'declined') THEN ?5 ELSE"
	    " answered_by END, answered_at = CASE WHEN ?3 IN ('accepted',"
	    " 'declined') THEN ?4 ELSE answered_at END, started_at = CASE"
	    " WHEN ?3 = 'started' THEN ?4 ELSE started_at END, ended_at ="
	    " CASE WHEN ?3 = 'ended' THEN ?4 ELSE ended_at END, withdrawn_at"
	    " = CASE WHEN ?3 = 'withdrawn' THEN ?4 ELSE withdrawn_at END,"
	    " decline_reason = COALESCE(?6, decline_reason), outcome ="
	    " COALESCE(?7, outcome), sharing_ended_at = CASE WHEN ?3 IN"
	    " ('declined', 'withdrawn', 'ended') THEN"
	    " COALESCE(sharing_ended_at, ?4) ELSE sharing_ended_at END,"
	    " sharing_end = CASE WHEN ?3 IN ('declined', 'withdrawn',"
	    " 'ended') THEN COALESCE(sharing_end, ?3) ELSE sharing_end END"
	    " WHERE id = ?1 AND status = ?2 RETURNING id",
	[Q_REF_TEXT_SEAL] =
	    "UPDATE referral SET decline_text = COALESCE(?2, decline_text),"
	    " outcome_text = COALESCE(?3, outcome_text) WHERE id = ?1",
	[Q_REF_NOTE_INSERT] =
	    "INSERT INTO referral_note (referral_id, user_id, org_id, at)"
	    " VALUES (?1, ?2, ?3, ?4) RETURNING id",
	[Q_REF_NOTE_SEAL] =
	    "UPDATE referral_note SET text = ?2 WHERE id = ?1",
	[Q_REF_NOTES] =
	    "SELECT n.id, n.referral_id, n.at, u.username, o.name, n.text"
	    " FROM referral_note n JOIN app_user u ON u.id = n.user_id JOIN"
	    " org o ON o.id = n.org_id WHERE n.referral_id = ?1 ORDER BY"
	    " n.id",
	[Q_REF_NOTES_OF_CASE] =
	    "SELECT n.id, n.referral_id, n.at, u.username, o.name, n.text"
	    " FROM referral_note n JOIN referral r ON r.id = n.referral_id"
	    " JOIN app_user u ON u.id = n.user_id JOIN org o ON o.id ="
	    " n.org_id WHERE r.case_id = ?1 ORDER BY n.referral_id, n.id",
	[Q_REF_CONSENT_END] =
	    "UPDATE referral SET sharing_ended_at = ?2, sharing_end ="
	    " 'consent_withdrawn', updated_at = ?2 WHERE id = ?1 AND basis ="
	    " 'consent' AND sharing_ended_at IS NULL RETURNING id",
	[Q_REF_CONSENT_END_CASE] =
	    "UPDATE referral SET sharing_ended_at = ?2, sharing_end ="
	    " 'consent_withdrawn', updated_at = ?2 WHERE case_id = ?1 AND"
	    " basis = 'consent' AND sharing_ended_at IS NULL RETURNING id",
	[Q_REF_UPTAKE_NEED] =
	    "SELECT n.need, n.status, n.added_at, COALESCE((SELECT"
	    " MIN(x.sent_at) FROM referral x WHERE x.need_id = n.id), 0),"
	    " (SELECT CAST(COUNT(*) AS BIGINT) FROM referral x WHERE"
	    " x.need_id = n.id AND x.status IN ('accepted', 'started',"
	    " 'ended')) FROM case_need n WHERE n.id = ?1 AND n.case_id = ?2",
	[Q_REF_UPTAKE_OF_CASE] =
	    "SELECT n.id, n.need, n.added_at, COALESCE((SELECT"
	    " MIN(x.sent_at) FROM referral x WHERE x.need_id = n.id), 0),"
	    " (SELECT CAST(COUNT(*) AS BIGINT) FROM referral x WHERE"
	    " x.need_id = n.id AND x.status IN ('accepted', 'started',"
	    " 'ended')) FROM case_need n WHERE n.case_id = ?1 AND n.status ="
	    " 'open' ORDER BY n.id",
	[Q_REF_DUE_ANSWER] =
	    "SELECT r.id, r.case_id, r.need_id, r.answer_due FROM referral r"
	    " JOIN care_case c ON c.id = r.case_id WHERE c.org_id = ?1 AND"
	    " r.status = 'sent' AND r.answer_due < ?2 ORDER BY r.answer_due,"
	    " r.id",
	[Q_REF_DUE_UPTAKE] =
	    "SELECT n.id, n.case_id, n.need, n.added_at, COALESCE((SELECT"
	    " MIN(x.sent_at) FROM referral x WHERE x.need_id = n.id), 0)"
	    " FROM case_need n JOIN care_case c ON c.id = n.case_id WHERE"
	    " c.org_id = ?1 AND c.status IN ('accepted', 'in_care') AND"
	    " n.status = 'open' AND NOT EXISTS (SELECT 1 FROM referral x"
	    " WHERE x.need_id = n.id AND x.status IN ('accepted', 'started',"
	    " 'ended')) ORDER BY n.id",
	[Q_ESC_TEAM] =
	    "SELECT o.id, r.id FROM region_municipality rm JOIN region r ON"
	    " r.id = rm.region_id JOIN org_region x ON x.region_id = r.id"
	    " JOIN org o ON o.id = x.org_id WHERE rm.municipality = ?1 AND"
	    " r.type = 'youth' AND o.type = 'expert_team' ORDER BY r.id,"
	    " o.id",
	[Q_ESC_INSERT] =
	    "INSERT INTO escalation (case_id, need_id, need, from_org,"
	    " to_org, region_id, ground, shares, basis, consent_on,"
	    " legal_basis, status, sent_by, sent_at, answer_due, updated_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'open',"
	    " ?12, ?13, ?14, ?13) RETURNING id",
	[Q_ESC_SEAL] =
	    "UPDATE escalation SET basis_text = ?2, summary = ?3, safety ="
	    " ?4 WHERE id = ?1",
	[Q_ESC_GET] =
	    "SELECT e.id, e.case_id, COALESCE(e.need_id, 0), e.need,"
	    " e.ground, fo.name, tor.name, rg.name, e.shares, e.basis,"
	    " e.consent_on, e.legal_basis, e.status, su.username, e.sent_at,"
	    " e.answer_due, e.outcome, au.username, COALESCE(e.answered_at,"
	    " 0), COALESCE(e.sharing_ended_at, 0), e.to_org, e.updated_at,"
	    " e.summary, e.answer, e.safety FROM escalation e JOIN org fo ON"
	    " fo.id = e.from_org JOIN org tor ON tor.id = e.to_org JOIN"
	    " region rg ON rg.id = e.region_id JOIN app_user su ON su.id ="
	    " e.sent_by LEFT JOIN app_user au ON au.id = e.answered_by WHERE"
	    " e.id = ?1",
	[Q_ESC_OF_CASE] =
	    "SELECT e.id, e.case_id, COALESCE(e.need_id, 0), e.need,"
	    " e.ground, fo.name, tor.name, rg.name, e.shares, e.basis,"
	    " e.consent_on, e.legal_basis, e.status, su.username, e.sent_at,"
	    " e.answer_due, e.outcome, au.username, COALESCE(e.answered_at,"
	    " 0), COALESCE(e.sharing_ended_at, 0), e.to_org, e.updated_at,"
	    " e.summary, e.answer, e.safety FROM escalation e JOIN org fo ON"
	    " fo.id = e.from_org JOIN org tor ON tor.id = e.to_org JOIN"
	    " region rg ON rg.id = e.region_id JOIN app_user su ON su.id ="
	    " e.sent_by LEFT JOIN app_user au ON au.id = e.answered_by WHERE"
	    " e.case_id = ?1 ORDER BY e.id",
	[Q_ESC_OF_ORG] =
	    "SELECT e.id, e.case_id, COALESCE(e.need_id, 0), e.need,"
	    " e.ground, fo.name, tor.name, rg.name, e.shares, e.basis,"
	    " e.consent_on, e.legal_basis, e.status, su.username, e.sent_at,"
	    " e.answer_due, e.outcome, au.username, COALESCE(e.answered_at,"
	    " 0), COALESCE(e.sharing_ended_at, 0), e.to_org, e.updated_at,"
	    " e.summary, e.answer, e.safety FROM escalation e JOIN org fo ON"
	    " fo.id = e.from_org JOIN org tor ON tor.id = e.to_org JOIN"
	    " region rg ON rg.id = e.region_id JOIN app_user su ON su.id ="
	    " e.sent_by LEFT JOIN app_user au ON au.id = e.answered_by WHERE"
	    " e.to_org = ?1 ORDER BY e.id DESC LIMIT ?2",
	[Q_ESC_ANSWER] =
	    "UPDATE escalation SET status = 'answered', outcome = ?2, answer"
	    " = ?3, answered_by = ?4, answered_at = ?5, updated_at = ?5"
	    " WHERE id = ?1 AND status = 'open' RETURNING id",
	[Q_ESC_CONSENT_END_CASE] =
	    "UPDATE escalation SET sharing_ended_at = ?2, sharing_end ="
	    " 'consent_withdrawn', updated_at = ?2 WHERE case_id = ?1 AND"
	    " basis = 'consent' AND sharing_ended_at IS NULL RETURNING id",
	[Q_ESC_DUE] =
	    "SELECT e.id, e.case_id, e.answer_due, e.ground FROM escalation"
	    " e JOIN care_case c ON c.id = e.case_id WHERE c.org_id = ?1 AND"
	    " e.status = 'open' AND e.answer_due < ?2 ORDER BY e.answer_due,"
	    " e.id",

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
	    " (SELECT COUNT(*) FROM provider_profile),"
	    " (SELECT COUNT(*) FROM provider_care),"
	    " (SELECT COUNT(*) FROM provider_muni),"
	    " (SELECT COUNT(*) FROM provider_region),"
	    " (SELECT COUNT(*) FROM provider_language),"
	    " (SELECT COUNT(*) FROM referral),"
	    " (SELECT COUNT(*) FROM referral_note),"
	    " (SELECT COUNT(*) FROM escalation),"
	    " (SELECT COUNT(*) FROM placement),"
	    " (SELECT COUNT(*) FROM placement_authorisation),"
	    " (SELECT COUNT(*) FROM placement_alternative),"
	    " (SELECT COUNT(*) FROM case_adulthood),"
	    " (SELECT COUNT(*) FROM insight_fact),"
	    " (SELECT COUNT(*) FROM insight_frozen),"
	    " (SELECT COUNT(*) FROM insight_run),"
	    " (SELECT COUNT(*) FROM insight_result),"
	    " (SELECT COUNT(*) FROM insight_release),"
	    " (SELECT COUNT(*) FROM expertise_professional),"
	    " (SELECT COUNT(*) FROM care_contract),"
	    " (SELECT COUNT(*) FROM gap_result),"
	    " (SELECT COUNT(*) FROM notification),"
	    " (SELECT COUNT(*) FROM outbox),"
	    " (SELECT COUNT(*) FROM signal_seen),"
	    " (SELECT COUNT(*) FROM deadline_notice)",
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
	    " enrol_expires_at, approver, email, email_off, real_name"
	    " FROM app_user ORDER BY id",
	[Q_COPY_USER_INSERT] =
	    "INSERT INTO app_user (id, username, org_id, role, password_hash,"
	    " totp_secret, totp_required, totp_last_step, demo, disabled,"
	    " created_at, last_login_at, phone, created_by, needs_approval,"
	    " approved_by, approved_at, needs_enrol, enrolled_at, enrol_hash,"
	    " enrol_expires_at, approver, email, email_off, real_name)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
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
	    " setval(pg_get_serial_sequence('referral', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM referral), false),"
	    " setval(pg_get_serial_sequence('referral_note', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM referral_note), false),"
	    " setval(pg_get_serial_sequence('escalation', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM escalation), false),"
	    " setval(pg_get_serial_sequence('placement', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM placement), false),"
	    " setval(pg_get_serial_sequence('placement_authorisation', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM placement_authorisation),"
	    " false),"
	    " setval(pg_get_serial_sequence('placement_alternative', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM placement_alternative),"
	    " false),"
	    " setval(pg_get_serial_sequence('case_adulthood', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM case_adulthood), false),"
	    " setval(pg_get_serial_sequence('insight_release', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM insight_release), false),"
	    " setval(pg_get_serial_sequence('expertise_professional', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM expertise_professional),"
	    " false),"
	    " setval(pg_get_serial_sequence('care_contract', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM care_contract), false),"
	    " setval(pg_get_serial_sequence('notification', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM notification), false),"
	    " setval(pg_get_serial_sequence('outbox', 'id'),"
	    " (SELECT COALESCE(MAX(id), 0) + 1 FROM outbox), false)",
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
	    " contact, receipt, receipt_hash, help_needs, decided_at"
	    " FROM signal ORDER BY id",
	[Q_COPY_SIGNAL_INSERT] =
	    "INSERT INTO signal (id, reporter_id, reporter_org_id, region_id,"
	    " municipality, noticed_on, urgency, forms, indicators,"
	    " description, actions_taken, status, decision, decision_reason,"
	    " legal_basis, claimed_by, triage_due, created_at, updated_at,"
	    " unverified, contact, receipt, receipt_hash, help_needs,"
	    " decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
	    " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
	    " ?23, ?24, ?25)",
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
	[Q_COPY_REFERRAL_ALL] =
	    "SELECT id, case_id, need_id, need, urgent, from_org, to_org,"
	    " shares, basis, consent_on, legal_basis, basis_text, message,"
	    " safety, status, sent_by, sent_at, answer_due, answered_by,"
	    " answered_at, decline_reason, decline_text, started_at,"
	    " ended_at, outcome, outcome_text, withdrawn_at,"
	    " sharing_ended_at, sharing_end, updated_at FROM referral ORDER"
	    " BY id",
	[Q_COPY_REFERRAL_INSERT] =
	    "INSERT INTO referral (id, case_id, need_id, need, urgent,"
	    " from_org, to_org, shares, basis, consent_on, legal_basis,"
	    " basis_text, message, safety, status, sent_by, sent_at,"
	    " answer_due, answered_by, answered_at, decline_reason,"
	    " decline_text, started_at, ended_at, outcome, outcome_text,"
	    " withdrawn_at, sharing_ended_at, sharing_end, updated_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	    " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24,"
	    " ?25, ?26, ?27, ?28, ?29, ?30)",
	[Q_COPY_REFERRAL_NOTE_ALL] =
	    "SELECT id, referral_id, user_id, org_id, at, text FROM"
	    " referral_note ORDER BY id",
	[Q_COPY_REFERRAL_NOTE_INSERT] =
	    "INSERT INTO referral_note (id, referral_id, user_id, org_id,"
	    " at, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[Q_COPY_ESCALATION_ALL] =
	    "SELECT id, case_id, need_id, need, from_org, to_org, region_id,"
	    " ground, shares, basis, consent_on, legal_basis, basis_text,"
	    " summary, safety, status, sent_by, sent_at, answer_due,"
	    " outcome, answer, answered_by, answered_at, sharing_ended_at,"
	    " sharing_end, updated_at FROM escalation ORDER BY id",
	[Q_COPY_ESCALATION_INSERT] =
	    "INSERT INTO escalation (id, case_id, need_id, need, from_org,"
	    " to_org, region_id, ground, shares, basis, consent_on,"
	    " legal_basis, basis_text, summary, safety, status, sent_by,"
	    " sent_at, answer_due, outcome, answer, answered_by,"
	    " answered_at, sharing_ended_at, sharing_end, updated_at) VALUES"
	    " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
	    " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
	[Q_COPY_EMERGENCY_ALL] =
	    "SELECT id, case_id, user_id, org_id, reason, at, ends_at"
	    " FROM case_emergency ORDER BY id",
	[Q_COPY_EMERGENCY_INSERT] =
	    "INSERT INTO case_emergency (id, case_id, user_id, org_id, reason,"
	    " at, ends_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[Q_COPY_PROVIDER_ALL] =
	    "SELECT org_id, for_minors, for_adults, for_men, for_women,"
	    " for_lvb, free_places, waiting_weeks, offer_updated_at,"
	    " offer_updated_by, capacity_updated_at, capacity_updated_by"
	    " FROM provider_profile ORDER BY org_id",
	[Q_COPY_PROVIDER_INSERT] =
	    "INSERT INTO provider_profile (org_id, for_minors, for_adults,"
	    " for_men, for_women, for_lvb, free_places, waiting_weeks,"
	    " offer_updated_at, offer_updated_by, capacity_updated_at,"
	    " capacity_updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	    " ?9, ?10, ?11, ?12)",
	/* Read in the column order of Q_PROVIDER_*_ADD, which write. */
	[Q_COPY_PROVIDER_CARE_ALL] =
	    "SELECT org_id, need FROM provider_care ORDER BY org_id, need",
	[Q_COPY_PROVIDER_MUNI_ALL] =
	    "SELECT org_id, municipality FROM provider_muni"
	    " ORDER BY org_id, municipality",
	[Q_COPY_PROVIDER_REGION_ALL] =
	    "SELECT org_id, region_id FROM provider_region"
	    " ORDER BY org_id, region_id",
	[Q_COPY_PROVIDER_LANG_ALL] =
	    "SELECT org_id, lang FROM provider_language ORDER BY org_id, lang",
	[Q_COPY_PLACEMENT_ALL] =
	    "SELECT id, case_id, person_id, type, other_text, from_day,"
	    " until_day, provider_id, review_on, end_reason, age_band,"
	    " created_by, created_at, updated_at FROM placement ORDER BY id",
	[Q_COPY_PLACEMENT_INSERT] =
	    "INSERT INTO placement (id, case_id, person_id, type, other_text,"
	    " from_day, until_day, provider_id, review_on, end_reason,"
	    " age_band, created_by, created_at, updated_at) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
	[Q_COPY_PLACEMENT_AUTH_ALL] =
	    "SELECT id, placement_id, kind, decided_on, valid_from,"
	    " valid_until, created_by, created_at FROM placement_authorisation"
	    " ORDER BY id",
	[Q_COPY_PLACEMENT_AUTH_INSERT] =
	    "INSERT INTO placement_authorisation (id, placement_id, kind,"
	    " decided_on, valid_from, valid_until, created_by, created_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[Q_COPY_PLACEMENT_ALT_ALL] =
	    "SELECT id, placement_id, code, why FROM placement_alternative"
	    " ORDER BY id",
	[Q_COPY_PLACEMENT_ALT_INSERT] =
	    "INSERT INTO placement_alternative (id, placement_id, code, why)"
	    " VALUES (?1, ?2, ?3, ?4)",
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

	/* Local insight (insight/): counts only, never a record. */
	[Q_INSIGHT_SIGNALS_FORM] =
	    "SELECT municipality, forms, CAST(COUNT(*) AS BIGINT) FROM"
	    " signal WHERE created_at >= ?1 AND created_at < ?2 GROUP BY"
	    " municipality, forms",
	[Q_INSIGHT_SIGNALS_REPORTER] =
	    "SELECT s.municipality, COALESCE(o.type, 'public'),"
	    " CAST(COUNT(*) AS BIGINT) FROM signal s LEFT JOIN org o ON"
	    " o.id = s.reporter_org_id WHERE s.created_at >= ?1 AND"
	    " s.created_at < ?2 GROUP BY 1, 2",
	[Q_INSIGHT_CASES_TYPE] =
	    "SELECT municipality, type, CAST(COUNT(*) AS BIGINT) FROM"
	    " care_case WHERE created_at >= ?1 AND created_at < ?2 GROUP BY"
	    " municipality, type",
	[Q_INSIGHT_CASES_FORM] =
	    "SELECT municipality, forms, CAST(COUNT(*) AS BIGINT) FROM"
	    " care_case WHERE created_at >= ?1 AND created_at < ?2 GROUP BY"
	    " municipality, forms",
	[Q_INSIGHT_VICTIMS_AGE] =
	    "SELECT c.municipality, CASE WHEN p.age_band IN ('0-11',"
	    " '12-15', '16-17') THEN 'lt18' WHEN p.age_band = '18-22' THEN"
	    " 'a18_22' WHEN p.age_band IN ('23-29', '30+') THEN 'a23plus'"
	    " ELSE 'unknown' END, CAST(COUNT(*) AS BIGINT) FROM case_person"
	    " cp JOIN care_case c ON c.id = cp.case_id JOIN person p ON"
	    " p.id = cp.person_id WHERE cp.kind = 'victim' AND"
	    " cp.created_at >= ?1 AND cp.created_at < ?2 GROUP BY 1, 2",
	[Q_INSIGHT_VICTIMS_SEX] =
	    "SELECT c.municipality, COALESCE(p.sex, 'unknown'),"
	    " CAST(COUNT(*) AS BIGINT) FROM case_person cp JOIN care_case c"
	    " ON c.id = cp.case_id JOIN person p ON p.id = cp.person_id"
	    " WHERE cp.kind = 'victim' AND cp.created_at >= ?1 AND"
	    " cp.created_at < ?2 GROUP BY 1, 2",
	[Q_INSIGHT_VICTIMS_NATIONALITY] =
	    "SELECT c.municipality, COALESCE(p.nationality, 'unknown'),"
	    " CAST(COUNT(*) AS BIGINT) FROM case_person cp JOIN care_case c"
	    " ON c.id = cp.case_id JOIN person p ON p.id = cp.person_id"
	    " WHERE cp.kind = 'victim' AND cp.created_at >= ?1 AND"
	    " cp.created_at < ?2 GROUP BY 1, 2",
	[Q_INSIGHT_VICTIMS_GROUP] =
	    "SELECT c.municipality, p.markers, CAST(COUNT(*) AS BIGINT)"
	    " FROM case_person cp JOIN care_case c ON c.id = cp.case_id"
	    " JOIN person p ON p.id = cp.person_id WHERE cp.kind = 'victim'"
	    " AND cp.created_at >= ?1 AND cp.created_at < ?2 GROUP BY 1, 2",
	[Q_INSIGHT_SUSPECTS] =
	    "SELECT c.municipality, CASE WHEN EXISTS (SELECT 1 FROM"
	    " case_person v WHERE v.person_id = cp.person_id AND v.kind ="
	    " 'victim') THEN 'also_victim' ELSE 'suspect_only' END,"
	    " CAST(COUNT(*) AS BIGINT) FROM case_person cp JOIN care_case c"
	    " ON c.id = cp.case_id WHERE cp.kind = 'suspect' AND"
	    " cp.created_at >= ?1 AND cp.created_at < ?2 GROUP BY 1, 2",
	[Q_INSIGHT_TIME_TRIAGE] =
	    "SELECT municipality, CASE WHEN decided_at - created_at <"
	    " 172800 THEN 'd0_1' WHEN decided_at - created_at < 518400 THEN"
	    " 'd2_5' WHEN decided_at - created_at < 950400 THEN 'd6_10'"
	    " WHEN decided_at - created_at < 2678400 THEN 'd11_30' ELSE"
	    " 'd31plus' END, CAST(COUNT(*) AS BIGINT) FROM signal WHERE"
	    " decided_at >= ?1 AND decided_at < ?2 GROUP BY 1, 2",
	[Q_INSIGHT_TIME_REFERRAL] =
	    "SELECT c.municipality, CASE WHEN f.first -"
	    " COALESCE(s.created_at, c.created_at) < 172800 THEN 'd0_1'"
	    " WHEN f.first - COALESCE(s.created_at, c.created_at) < 518400"
	    " THEN 'd2_5' WHEN f.first - COALESCE(s.created_at,"
	    " c.created_at) < 950400 THEN 'd6_10' WHEN f.first -"
	    " COALESCE(s.created_at, c.created_at) < 2678400 THEN 'd11_30'"
	    " ELSE 'd31plus' END, CAST(COUNT(*) AS BIGINT) FROM (SELECT"
	    " case_id, MIN(answered_at) AS first FROM referral WHERE status"
	    " IN ('accepted', 'started', 'ended') AND answered_at IS NOT"
	    " NULL GROUP BY case_id) f JOIN care_case c ON c.id = f.case_id"
	    " LEFT JOIN signal s ON s.id = c.signal_id WHERE f.first >= ?1"
	    " AND f.first < ?2 GROUP BY 1, 2",
	[Q_INSIGHT_TIME_CARE] =
	    "SELECT c.municipality, CASE WHEN f.first -"
	    " COALESCE(s.created_at, c.created_at) < 172800 THEN 'd0_1'"
	    " WHEN f.first - COALESCE(s.created_at, c.created_at) < 518400"
	    " THEN 'd2_5' WHEN f.first - COALESCE(s.created_at,"
	    " c.created_at) < 950400 THEN 'd6_10' WHEN f.first -"
	    " COALESCE(s.created_at, c.created_at) < 2678400 THEN 'd11_30'"
	    " ELSE 'd31plus' END, CAST(COUNT(*) AS BIGINT) FROM (SELECT"
	    " case_id, MIN(started_at) AS first FROM referral WHERE"
	    " started_at IS NOT NULL GROUP BY case_id) f JOIN care_case c"
	    " ON c.id = f.case_id LEFT JOIN signal s ON s.id = c.signal_id"
	    " WHERE f.first >= ?1 AND f.first < ?2 GROUP BY 1, 2",
	[Q_INSIGHT_DECLINED] =
	    "SELECT c.municipality, COALESCE(r.decline_reason, 'other'),"
	    " CAST(COUNT(*) AS BIGINT) FROM referral r JOIN care_case c ON"
	    " c.id = r.case_id WHERE r.status = 'declined' AND"
	    " r.answered_at >= ?1 AND r.answered_at < ?2 GROUP BY 1, 2",
	[Q_INSIGHT_NEEDS] =
	    "SELECT c.municipality, CASE WHEN f.first IS NOT NULL AND"
	    " f.first - n.added_at <= 1209600 THEN 'in_time' WHEN f.first"
	    " IS NOT NULL THEN 'late' WHEN n.status = 'met' THEN"
	    " 'met_otherwise' WHEN n.status = 'dropped' THEN 'dropped' ELSE"
	    " 'not_referred' END, CAST(COUNT(*) AS BIGINT) FROM case_need n"
	    " JOIN care_case c ON c.id = n.case_id LEFT JOIN (SELECT"
	    " need_id, MIN(sent_at) AS first FROM referral GROUP BY"
	    " need_id) f ON f.need_id = n.id WHERE n.added_at >= ?1 AND"
	    " n.added_at < ?2 GROUP BY 1, 2",
	[Q_INSIGHT_IDENT] =
	    "SELECT c.municipality, 'first_' || a.first_decision,"
	    " CAST(COUNT(*) AS BIGINT) FROM case_assessment a JOIN"
	    " care_case c ON c.id = a.case_id WHERE a.first_at >= ?1 AND"
	    " a.first_at < ?2 AND a.first_decision IS NOT NULL GROUP BY 1,"
	    " 2 UNION ALL SELECT c.municipality, 'final_' ||"
	    " a.final_decision, CAST(COUNT(*) AS BIGINT) FROM"
	    " case_assessment a JOIN care_case c ON c.id = a.case_id WHERE"
	    " a.final_at >= ?1 AND a.final_at < ?2 AND a.final_decision IS"
	    " NOT NULL GROUP BY 1, 2",
	[Q_INSIGHT_RESIDENCE] =
	    "SELECT c.municipality, t.state, CAST(COUNT(*) AS BIGINT) FROM"
	    " case_track t JOIN care_case c ON c.id = t.case_id WHERE"
	    " t.track = 'residence' AND t.on_day >= ?1 AND t.on_day < ?2"
	    " GROUP BY 1, 2",
	[Q_INSIGHT_PLACEMENTS] =
	    "SELECT c.municipality, CASE WHEN p.type = 'closed_youth_care'"
	    " THEN 'closed' ELSE 'open' END, CAST(COUNT(*) AS BIGINT) FROM"
	    " placement p JOIN care_case c ON c.id = p.case_id JOIN"
	    " case_person cp ON cp.case_id = p.case_id AND cp.person_id ="
	    " p.person_id WHERE cp.kind = 'victim' AND p.age_band IN"
	    " ('0-11', '12-15', '16-17') AND (p.end_reason IS NULL OR"
	    " p.end_reason <> 'cancelled') AND p.from_day >= ?1 AND"
	    " p.from_day < ?2 GROUP BY 1, 2",
	[Q_INSIGHT_TURNED_18] =
	    "SELECT c.municipality, CASE WHEN a.plan_before_18 = 1 THEN"
	    " 'with_plan' ELSE 'without_plan' END, CAST(COUNT(*) AS BIGINT)"
	    " FROM case_adulthood a JOIN care_case c ON c.id = a.case_id"
	    " WHERE a.adult_on >= ?1 AND a.adult_on < ?2 GROUP BY 1, 2",
	[Q_INSIGHT_FROZEN] =
	    "SELECT tbl FROM insight_frozen WHERE quarter = ?1",
	[Q_INSIGHT_FROZEN_INSERT] =
	    "INSERT INTO insight_frozen (tbl, quarter, frozen_at) VALUES"
	    " (?1, ?2, ?3)",
	[Q_INSIGHT_FACT_INSERT] =
	    "INSERT INTO insight_fact (tbl, quarter, municipality, row_key,"
	    " n) VALUES (?1, ?2, ?3, ?4, ?5)",
	[Q_INSIGHT_FACTS] =
	    "SELECT tbl, quarter, municipality, row_key, n FROM"
	    " insight_fact WHERE quarter >= ?1 AND quarter <= ?2",
	[Q_INSIGHT_RUN_GET] =
	    "SELECT threshold, rounding, computed_at, noise_milli"
	    " FROM insight_run WHERE year = ?1 AND quarters = ?2"
	    " AND variant = ?3",
	[Q_INSIGHT_RUN_INSERT] =
	    "INSERT INTO insight_run (year, quarters, variant, threshold,"
	    " rounding, noise_milli, computed_at) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7)",
	[Q_INSIGHT_RESULT_INSERT] =
	    "INSERT INTO insight_result (year, quarters, variant, level,"
	    " code, tbl, cells) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[Q_INSIGHT_RESULT_AREA] =
	    "SELECT tbl, cells FROM insight_result WHERE year = ?1"
	    " AND quarters = ?2 AND variant = ?3 AND level = ?4"
	    " AND code = ?5",
	[Q_INSIGHT_RELEASE_INSERT] =
	    "INSERT INTO insight_release (at, user_id, org_id, role, what,"
	    " tbl, level, code, year, quarters) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7, ?8, ?9, ?10) RETURNING id",
	[Q_INSIGHT_RELEASE_COUNT] =
	    "SELECT CAST(COUNT(*) AS BIGINT) FROM insight_release WHERE"
	    " user_id = ?1",
	[Q_INSIGHT_MUNIS] =
	    "SELECT code, name, province FROM municipality ORDER BY code",
	[Q_INSIGHT_REGIONS] =
	    "SELECT r.id, r.name, r.type, rm.municipality FROM region r"
	    " JOIN region_municipality rm ON rm.region_id = r.id ORDER BY"
	    " r.id, rm.municipality",
	[Q_INSIGHT_ORG_REGIONS] =
	    "SELECT rm.region_id FROM org o JOIN region_municipality rm ON"
	    " rm.municipality = o.municipality WHERE o.id = ?1 UNION SELECT"
	    " region_id FROM org_region WHERE org_id = ?1",
	[Q_COPY_INSIGHT_FACT_ALL] =
	    "SELECT tbl, quarter, municipality, row_key, n FROM"
	    " insight_fact ORDER BY quarter, tbl, municipality, row_key",
	[Q_COPY_INSIGHT_FROZEN_ALL] =
	    "SELECT tbl, quarter, frozen_at FROM insight_frozen ORDER BY"
	    " quarter, tbl",
	[Q_COPY_INSIGHT_RUN_ALL] =
	    "SELECT year, quarters, variant, threshold, rounding,"
	    " noise_milli, computed_at FROM insight_run"
	    " ORDER BY year, quarters, variant",
	[Q_COPY_INSIGHT_RESULT_ALL] =
	    "SELECT year, quarters, variant, level, code, tbl, cells"
	    " FROM insight_result ORDER BY year, quarters, variant, level,"
	    " code, tbl",
	[Q_COPY_INSIGHT_RELEASE_ALL] =
	    "SELECT id, at, user_id, org_id, role, what, tbl, level, code,"
	    " year, quarters FROM insight_release ORDER BY id",
	[Q_COPY_INSIGHT_RELEASE_INSERT] =
	    "INSERT INTO insight_release (id, at, user_id, org_id, role,"
	    " what, tbl, level, code, year, quarters) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",

	/* National synthetic data (cli/demo_national.c): plain columns
	 * only, nothing sealed, so no personal field is ever filled. */
	[Q_NATIONAL_SIGNAL] =
	    "INSERT INTO signal (reporter_org_id, region_id, municipality,"
	    " noticed_on, urgency, forms, indicators, status, decision,"
	    " triage_due, created_at, updated_at, decided_at) VALUES (?1,"
	    " ?2, ?3, ?4, ?5, ?6, ?7, 'closed', ?8, ?9, ?10, ?11, ?11)"
	    " RETURNING id",
	[Q_NATIONAL_SIGNAL_PERSON] =
	    "INSERT INTO signal_person (signal_id, kind, age_band, sex,"
	    " nationality, markers) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[Q_NATIONAL_PERSON] =
	    "INSERT INTO person (age_band, sex, nationality, markers,"
	    " created_at) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
	[Q_NATIONAL_CASE] =
	    "INSERT INTO care_case (type, forms, status, close_reason,"
	    " org_id, region_id, municipality, signal_id, source, opened_by,"
	    " accept_due, accepted_at, created_at, updated_at, closed_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	    " ?13, ?14, ?15) RETURNING id",
	[Q_NATIONAL_CASE_PERSON] =
	    "INSERT INTO case_person (case_id, person_id, kind, created_at)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[Q_NATIONAL_EVENT] =
	    "INSERT INTO case_event (case_id, at, user_id, org_id, kind,"
	    " detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[Q_NATIONAL_NEED] =
	    "INSERT INTO case_need (case_id, need, status, added_by,"
	    " added_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	    " RETURNING id",
	[Q_NATIONAL_REFERRAL] =
	    "INSERT INTO referral (case_id, need_id, need, urgent, from_org,"
	    " to_org, basis, consent_on, status, sent_by, sent_at,"
	    " answer_due, answered_by, answered_at, decline_reason,"
	    " started_at, ended_at, outcome, updated_at) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, 'consent', ?7, ?8, ?9, ?10, ?11, ?9, ?12,"
	    " ?13, ?14, ?15, ?16, ?17)",
	[Q_NATIONAL_ASSESSMENT] =
	    "INSERT INTO case_assessment (case_id, committee_id, status,"
	    " submitted_by, submitted_at, first_due, first_decision,"
	    " first_by, first_at, final_due, final_decision, final_by,"
	    " final_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	    " ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
	[Q_NATIONAL_TRACK] =
	    "INSERT INTO case_track (case_id, track, state, on_day, reason,"
	    " ends_on, event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT"
	    " MAX(id) FROM case_event WHERE case_id = ?1))",
	[Q_NATIONAL_PLACEMENT] =
	    "INSERT INTO placement (case_id, person_id, type, from_day,"
	    " until_day, provider_id, end_reason, age_band, created_by,"
	    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	    " ?8, ?9, ?10, ?10)",
	[Q_NATIONAL_ADULT] =
	    "INSERT INTO case_adulthood (case_id, person_id, adult_on,"
	    " adult_month, estimated, created_at, continues, plan_at,"
	    " plan_before_18, plan_on_time, updated_by, updated_at) VALUES"
	    " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?8)",
	/* The registry of trained professionals (domain/expertise.c). */
	[Q_EXPERTISE_INSERT] =
	    "INSERT INTO expertise_professional (org_id, expertise,"
	    " trained_on, until_on, created_at, created_by) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6) RETURNING id",
	[Q_EXPERTISE_SEAL] =
	    "UPDATE expertise_professional SET name = ?2 WHERE id = ?1",
	[Q_EXPERTISE_LIST] =
	    "SELECT id, org_id, name, expertise, trained_on, until_on,"
	    " created_at FROM expertise_professional WHERE org_id = ?1"
	    " ORDER BY expertise, trained_on DESC, id",
	[Q_EXPERTISE_GET] =
	    "SELECT id, org_id FROM expertise_professional WHERE id = ?1",
	[Q_EXPERTISE_DELETE] =
	    "DELETE FROM expertise_professional WHERE id = ?1",
	/* Professionals trained on day ?1 per region and expertise: of the
	 * organisations serving the region or lying in one of its
	 * municipalities (insight/coverage.c). */
	[Q_EXPERTISE_COVERAGE] =
	    "SELECT x.region_id, e.expertise, CAST(COUNT(DISTINCT e.id) AS"
	    " BIGINT) FROM expertise_professional e JOIN (SELECT org_id,"
	    " region_id FROM org_region UNION SELECT o.id, rm.region_id FROM"
	    " org o JOIN region_municipality rm ON rm.municipality ="
	    " o.municipality) x ON x.org_id = e.org_id WHERE e.trained_on <="
	    " ?1 AND (e.until_on IS NULL OR e.until_on >= ?1) GROUP BY"
	    " x.region_id, e.expertise",
	/* Victims registered in cases in [?1, ?2): the attributes the
	 * HTCDS export generalises (insight/htcds.c); no id, no date. */
	[Q_HTCDS_VICTIMS] =
	    "SELECT COALESCE(p.sex, ''), COALESCE(p.age_band, ''),"
	    " COALESCE(p.nationality, ''), c.forms, c.type FROM case_person"
	    " cp JOIN care_case c ON c.id = cp.case_id JOIN person p ON"
	    " p.id = cp.person_id WHERE cp.kind = 'victim' AND"
	    " cp.created_at >= ?1 AND cp.created_at < ?2",
	[Q_COPY_EXPERTISE_ALL] =
	    "SELECT id, org_id, name, expertise, trained_on, until_on,"
	    " created_at, created_by FROM expertise_professional ORDER BY id",
	[Q_COPY_EXPERTISE_INSERT] =
	    "INSERT INTO expertise_professional (id, org_id, name, expertise,"
	    " trained_on, until_on, created_at, created_by) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8)",
	/* Care contracts and the gap report (domain/contract.c,
	 * insight/gap.c): contracts hold no personal data; demand is
	 * counted per care type, never a record. */
	[Q_CONTRACT_INSERT] =
	    "INSERT INTO care_contract (owner_org, provider_org, care_type,"
	    " capacity, unit, region_id, from_day, to_day, created_by,"
	    " created_at, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10) RETURNING id",
	[Q_CONTRACT_GET] =
	    "SELECT c.id, c.owner_org, o.name, c.provider_org, p.name,"
	    " c.care_type, c.capacity, c.unit, c.region_id, r.name,"
	    " c.from_day, c.to_day, c.ended_at, c.updated_at FROM"
	    " care_contract c JOIN org o ON o.id = c.owner_org JOIN org p ON"
	    " p.id = c.provider_org JOIN region r ON r.id = c.region_id"
	    " WHERE c.id = ?1",
	[Q_CONTRACT_LIST] =
	    "SELECT c.id, c.owner_org, o.name, c.provider_org, p.name,"
	    " c.care_type, c.capacity, c.unit, c.region_id, r.name,"
	    " c.from_day, c.to_day, c.ended_at, c.updated_at FROM"
	    " care_contract c JOIN org o ON o.id = c.owner_org JOIN org p ON"
	    " p.id = c.provider_org JOIN region r ON r.id = c.region_id"
	    " ORDER BY r.name, c.care_type, c.from_day, c.id",
	[Q_CONTRACT_UPDATE] =
	    "UPDATE care_contract SET provider_org = ?2, care_type = ?3,"
	    " capacity = ?4, unit = ?5, region_id = ?6, from_day = ?7,"
	    " to_day = ?8, updated_by = ?9, updated_at = ?10 WHERE id = ?1",
	[Q_CONTRACT_END] =
	    "UPDATE care_contract SET to_day = ?2, ended_at = ?3,"
	    " updated_by = ?4, updated_at = ?3 WHERE id = ?1",
	[Q_CONTRACT_SUPPLY] =
	    "SELECT care_type, unit, CAST(SUM(capacity) AS BIGINT),"
	    " CAST(COUNT(*) AS BIGINT) FROM care_contract WHERE region_id ="
	    " ?1 AND from_day <= ?3 AND to_day >= ?2 GROUP BY care_type,"
	    " unit ORDER BY care_type, unit",
	[Q_GAP_NEEDS] =
	    "SELECT n.need, CAST(COUNT(*) AS BIGINT) FROM case_need n"
	    " JOIN care_case c ON c.id = n.case_id JOIN region_municipality"
	    " rm ON rm.municipality = c.municipality"
	    " WHERE rm.region_id = ?1 AND n.added_at >= ?2 AND n.added_at"
	    " < ?3 GROUP BY n.need",
	[Q_GAP_REFERRALS] =
	    "SELECT n.need, CAST(COUNT(*) AS BIGINT) FROM referral f JOIN"
	    " case_need n ON n.id = f.need_id"
	    " JOIN care_case c ON c.id = n.case_id JOIN region_municipality"
	    " rm ON rm.municipality = c.municipality"
	    " WHERE rm.region_id = ?1 AND f.sent_at >= ?2 AND f.sent_at"
	    " < ?3 GROUP BY n.need",
	[Q_GAP_DECLINED] =
	    "SELECT n.need, CAST(COUNT(*) AS BIGINT) FROM referral f JOIN"
	    " case_need n ON n.id = f.need_id"
	    " JOIN care_case c ON c.id = n.case_id JOIN region_municipality"
	    " rm ON rm.municipality = c.municipality"
	    " WHERE rm.region_id = ?1 AND f.status = 'declined' AND"
	    " f.decline_reason = 'no_capacity' AND f.answered_at >= ?2 AND"
	    " f.answered_at < ?3 GROUP BY n.need",
	[Q_GAP_WAITS] =
	    "SELECT n.need, f.answered_at - n.added_at FROM referral f JOIN"
	    " case_need n ON n.id = f.need_id"
	    " JOIN care_case c ON c.id = n.case_id JOIN region_municipality"
	    " rm ON rm.municipality = c.municipality"
	    " WHERE rm.region_id = ?1 AND f.status IN ('accepted',"
	    " 'started', 'ended') AND f.answered_at >= ?2 AND f.answered_at"
	    " < ?3 ORDER BY 1, 2",
	[Q_GAP_RESULT_GET] =
	    "SELECT threshold, rounding, care_types, cells, computed_at FROM"
	    " gap_result WHERE year = ?1 AND quarters = ?2 AND region_id = ?3",
	[Q_GAP_RESULT_INSERT] =
	    "INSERT INTO gap_result (year, quarters, region_id, threshold,"
	    " rounding, care_types, cells, computed_at) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?8)",
	[Q_COPY_CONTRACT_ALL] =
	    "SELECT id, owner_org, provider_org, care_type, capacity, unit,"
	    " region_id, from_day, to_day, ended_at, created_by, created_at,"
	    " updated_by, updated_at FROM care_contract ORDER BY id",
	[Q_COPY_CONTRACT_INSERT] =
	    "INSERT INTO care_contract (id, owner_org, provider_org,"
	    " care_type, capacity, unit, region_id, from_day, to_day,"
	    " ended_at, created_by, created_at, updated_by, updated_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	    " ?13, ?14)",
	[Q_COPY_GAP_ALL] =
	    "SELECT year, quarters, region_id, threshold, rounding,"
	    " care_types, cells, computed_at FROM gap_result ORDER BY year,"
	    " quarters, region_id",
	/* Notifications and the mail outbox (domain/notify.c, mail/). */
	[Q_NOTIFY_INSERT] =
	    "INSERT INTO notification (user_id, kind, obj_type, obj_id,"
	    " created_at) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
	[Q_NOTIFY_MAILABLE] =
	    "SELECT id FROM app_user WHERE id = ?1 AND email IS NOT NULL"
	    " AND email_off = 0 AND disabled = 0",
	[Q_NOTIFY_MINE] =
	    "SELECT id, kind, obj_type, obj_id, created_at, seen_at, done_at"
	    " FROM notification WHERE user_id = ?1 ORDER BY id DESC"
	    " LIMIT ?2",
	[Q_NOTIFY_UNSEEN] =
	    "SELECT CAST(COUNT(*) AS BIGINT) FROM notification"
	    " WHERE user_id = ?1 AND seen_at IS NULL AND done_at IS NULL",
	[Q_NOTIFY_SEEN] =
	    "UPDATE notification SET seen_at = COALESCE(seen_at, ?3)"
	    " WHERE id = ?1 AND user_id = ?2 RETURNING id",
	[Q_NOTIFY_DONE] =
	    "UPDATE notification SET done_at = ?5 WHERE user_id = ?1"
	    " AND kind = ?2 AND obj_type = ?3 AND obj_id = ?4"
	    " AND done_at IS NULL",
	[Q_QUESTION_OPEN] =
	    "SELECT CAST(COUNT(*) AS BIGINT) FROM signal_question"
	    " WHERE signal_id = ?1 AND answer IS NULL",
	[Q_OUTBOX_INSERT] =
	    "INSERT INTO outbox (user_id, kind, link, created_at,"
	    " next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
	[Q_OUTBOX_DUE] =
	    "SELECT id, user_id, kind, link, attempts FROM outbox"
	    " WHERE sent_at IS NULL AND next_attempt_at <= ?1"
	    " ORDER BY next_attempt_at, id LIMIT ?2",
	[Q_OUTBOX_SENT] =
	    "UPDATE outbox SET sent_at = ?2, last_error = NULL"
	    " WHERE id = ?1 AND sent_at IS NULL",
	[Q_OUTBOX_FAILED] =
	    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?2,"
	    " last_error = ?3 WHERE id = ?1 AND sent_at IS NULL",
	[Q_OUTBOX_ADDRESS] =
	    "SELECT email, email_off, disabled FROM app_user WHERE id = ?1",
	[Q_USER_EMAIL_GET] =
	    "SELECT email, email_off FROM app_user WHERE id = ?1",
	[Q_USER_EMAIL_SET] =
	    "UPDATE app_user SET email = ?2 WHERE id = ?1 RETURNING id",
	[Q_USER_EMAIL_OFF] =
	    "UPDATE app_user SET email_off = ?2 WHERE id = ?1 RETURNING id",
	[Q_COPY_NOTIFY_ALL] =
	    "SELECT id, user_id, kind, obj_type, obj_id, created_at, seen_at,"
	    " done_at FROM notification ORDER BY id",
	[Q_COPY_NOTIFY_INSERT] =
	    "INSERT INTO notification (id, user_id, kind, obj_type, obj_id,"
	    " created_at, seen_at, done_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	    " ?7, ?8)",
	[Q_COPY_OUTBOX_ALL] =
	    "SELECT id, user_id, kind, link, created_at, attempts,"
	    " next_attempt_at, sent_at, last_error FROM outbox ORDER BY id",
	[Q_COPY_OUTBOX_INSERT] =
	    "INSERT INTO outbox (id, user_id, kind, link, created_at,"
	    " attempts, next_attempt_at, sent_at, last_error) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[Q_COPY_SEEN_ALL] =
	    "SELECT signal_id, user_id, seen_at FROM signal_seen"
	    " ORDER BY signal_id, user_id",
	[Q_COPY_SEEN_INSERT] =
	    "INSERT INTO signal_seen (signal_id, user_id, seen_at)"
	    " VALUES (?1, ?2, ?3)",
	/* Who is told of an event: the active users of a role in an
	 * organisation; a case's coordinator, or every coordinator of its
	 * organisation when it has none there. */
	[Q_NOTIFY_ORG_ROLE] =
	    "SELECT id FROM app_user WHERE org_id = ?1 AND role = ?2"
	    " AND disabled = 0 ORDER BY id",
	[Q_NOTIFY_CASE_TEAM] =
	    "SELECT u.id FROM care_case c JOIN app_user u ON u.org_id ="
	    " c.org_id AND u.role = 'coordinator' AND u.disabled = 0"
	    " WHERE c.id = ?1 AND (u.id = c.coordinator_id OR NOT EXISTS"
	    " (SELECT 1 FROM app_user k WHERE k.id = c.coordinator_id"
	    " AND k.org_id = c.org_id AND k.role = 'coordinator'"
	    " AND k.disabled = 0)) ORDER BY u.id",
	/* Open signals past their triage deadline that no notice names
	 * yet: id, region (0: none), the claimer (0: nobody), the due. */
	[Q_SWEEP_SIGNALS] =
	    "SELECT s.id, COALESCE(s.region_id, 0), CASE WHEN s.status ="
	    " 'in_triage' THEN COALESCE(s.claimed_by, 0) ELSE 0 END,"
	    " s.triage_due FROM signal s"
	    " WHERE s.status IN ('received', 'in_triage')"
	    " AND s.triage_due < ?1 AND NOT EXISTS (SELECT 1 FROM"
	    " deadline_notice d WHERE d.kind = 'overdue' AND d.obj_type ="
	    " 'signal' AND d.obj_id = s.id AND d.due = s.triage_due)"
	    " ORDER BY s.id",
	/* Referrals still waiting for the provider's answer after their
	 * due: id, receiving organisation, case, due. */
	[Q_SWEEP_REFERRALS] =
	    "SELECT f.id, f.to_org, f.case_id, f.answer_due FROM referral f"
	    " JOIN care_case c ON c.id = f.case_id"
	    " WHERE f.status = 'sent' AND f.answer_due < ?1"
	    " AND c.purged_at IS NULL AND NOT EXISTS (SELECT 1 FROM"
	    " deadline_notice d WHERE d.kind = 'referral_overdue'"
	    " AND d.obj_type = 'referral' AND d.obj_id = f.id"
	    " AND d.due = f.answer_due) ORDER BY f.id",
	/* The same for questions to an expert team. */
	[Q_SWEEP_ESCALATIONS] =
	    "SELECT e.id, e.to_org, e.case_id, e.answer_due FROM escalation e"
	    " JOIN care_case c ON c.id = e.case_id"
	    " WHERE e.status = 'open' AND e.answer_due < ?1"
	    " AND c.purged_at IS NULL AND NOT EXISTS (SELECT 1 FROM"
	    " deadline_notice d WHERE d.kind = 'escalation_overdue'"
	    " AND d.obj_type = 'escalation' AND d.obj_id = e.id"
	    " AND d.due = e.answer_due) ORDER BY e.id",
	/* Placements going on in open cases whose review day is ?1 (today)
	 * or before, or whose last authorisation ends by ?2: id, case,
	 * review day (-1: none), the authorisation's kind (NULL: none),
	 * first and last day. */
	[Q_SWEEP_PLACEMENTS] =
	    "SELECT p.id, p.case_id, COALESCE(p.review_on, -1), a.kind,"
	    " COALESCE(a.valid_from, -1), COALESCE(a.valid_until, -1)"
	    " FROM placement p JOIN care_case c ON c.id = p.case_id"
	    " LEFT JOIN placement_authorisation a ON a.id = (SELECT MAX(x.id)"
	    " FROM placement_authorisation x WHERE x.placement_id = p.id)"
	    " WHERE c.purged_at IS NULL AND c.status <> 'closed'"
	    " AND p.end_reason IS NULL AND ((p.review_on IS NOT NULL"
	    " AND p.review_on <= ?1) OR a.valid_until <= ?2) ORDER BY p.id",
	/* A deadline event is told once: no row comes back when it was. */
	[Q_NOTICE_ADD] =
	    "INSERT INTO deadline_notice (kind, obj_type, obj_id, due,"
	    " noticed_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING"
	    " RETURNING obj_id",
	[Q_COPY_NOTICE_ALL] =
	    "SELECT kind, obj_type, obj_id, due, noticed_at FROM"
	    " deadline_notice ORDER BY kind, obj_type, obj_id, due",
	[Q_COPY_NOTICE_INSERT] =
	    "INSERT INTO deadline_notice (kind, obj_type, obj_id, due,"
	    " noticed_at) VALUES (?1, ?2, ?3, ?4, ?5)",
		/* The advisors of the points that see a signal of region ?1 (0:
	 * none, the fallback point), as SIGNAL_OF_POINT. */
	[Q_NOTIFY_ADVISORS] =
	    "SELECT u.id FROM app_user u WHERE u.role = 'advisor'"
	    " AND u.disabled = 0 AND (u.org_id IN (SELECT org_id FROM"
	    " org_region WHERE region_id = ?1) OR (?1 = 0 AND u.org_id IN"
	    " (SELECT org_id FROM fallback_point))) ORDER BY u.id",
	/* Whoever's turn it was, it is done: everyone's open notification
	 * of kind ?1 on the object. */
	[Q_NOTIFY_DONE_ALL] =
	    "UPDATE notification SET done_at = ?4 WHERE kind = ?1"
	    " AND obj_type = ?2 AND obj_id = ?3 AND done_at IS NULL",
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
	N(Q_USER_SET_APPROVER), N(Q_USER_SET_REAL_NAME), N(Q_USER_SET_CONTACT),
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
	N(Q_REGION_GET), N(Q_REGION_MUNIS), N(Q_REGION_ORGS),
	N(Q_REGION_RENAME), N(Q_REGION_CLEAR_MUNIS), N(Q_REGION_CLEAR_ORGS),
	N(Q_SIGNAL_INSERT), N(Q_SIGNAL_SEAL), N(Q_SIGNAL_PERSON_INSERT),
	N(Q_SIGNAL_PERSON_SEAL), N(Q_SIGNAL_MINE), N(Q_SIGNAL_QUEUE),
	N(Q_SIGNAL_OVERVIEW), N(Q_SIGNAL_MINE_COUNT), N(Q_SIGNAL_MINE_WAITING),
	N(Q_SIGNAL_QUEUE_COUNT), N(Q_SIGNAL_SEEN),
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
	N(Q_TRACK_DUE), N(Q_DUE_CASE_ACCEPT), N(Q_DUE_PLAN_REVIEW),
	N(Q_DUE_TRANSFER), N(Q_DUE_IDENT),
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
	N(Q_PROVIDER_GET), N(Q_PROVIDER_CARE_OF), N(Q_PROVIDER_MUNI_OF),
	N(Q_PROVIDER_REGION_OF), N(Q_PROVIDER_LANG_OF), N(Q_PROVIDER_REGION_IS),
	N(Q_PROVIDER_OFFER_SET), N(Q_PROVIDER_CAPACITY_SET),
	N(Q_PROVIDER_CARE_CLEAR), N(Q_PROVIDER_MUNI_CLEAR),
	N(Q_PROVIDER_REGION_CLEAR), N(Q_PROVIDER_LANG_CLEAR),
	N(Q_PROVIDER_CARE_ADD), N(Q_PROVIDER_MUNI_ADD),
	N(Q_PROVIDER_REGION_ADD),
	N(Q_PROVIDER_LANG_ADD), N(Q_PROVIDER_FIT), N(Q_COPY_PROVIDER_ALL),
	N(Q_COPY_PROVIDER_INSERT), N(Q_COPY_PROVIDER_CARE_ALL),
	N(Q_COPY_PROVIDER_MUNI_ALL), N(Q_COPY_PROVIDER_REGION_ALL),
	N(Q_COPY_PROVIDER_LANG_ALL),
	N(Q_REF_CASE), N(Q_REF_NEED), N(Q_REF_ORG), N(Q_REF_INSERT),
	N(Q_REF_SEAL), N(Q_REF_GET), N(Q_REF_OF_CASE), N(Q_REF_OF_ORG),
	N(Q_REF_STEP), N(Q_REF_TEXT_SEAL), N(Q_REF_NOTE_INSERT),
	N(Q_REF_NOTE_SEAL), N(Q_REF_NOTES), N(Q_REF_NOTES_OF_CASE),
	N(Q_REF_CONSENT_END), N(Q_REF_CONSENT_END_CASE), N(Q_REF_UPTAKE_NEED),
	N(Q_REF_UPTAKE_OF_CASE), N(Q_REF_DUE_ANSWER), N(Q_REF_DUE_UPTAKE),
	N(Q_ESC_TEAM), N(Q_ESC_INSERT), N(Q_ESC_SEAL), N(Q_ESC_GET),
	N(Q_ESC_OF_CASE), N(Q_ESC_OF_ORG), N(Q_ESC_ANSWER),
	N(Q_ESC_CONSENT_END_CASE), N(Q_ESC_DUE), N(Q_PURGE_CASE_REFERRALS),
	N(Q_PURGE_CASE_REFERRAL_NOTES), N(Q_PURGE_CASE_ESCALATIONS),
	N(Q_COPY_REFERRAL_ALL), N(Q_COPY_REFERRAL_INSERT),
	N(Q_COPY_REFERRAL_NOTE_ALL), N(Q_COPY_REFERRAL_NOTE_INSERT),
	N(Q_COPY_ESCALATION_ALL), N(Q_COPY_ESCALATION_INSERT),
	N(Q_PLACEMENT_PROVIDERS), N(Q_PLACEMENT_PROVIDER_IS),
	N(Q_PLACEMENT_OVERLAP), N(Q_PLACEMENT_INSERT),
	N(Q_PLACEMENT_SEAL_OTHER),
	N(Q_PLACEMENT_AUTH_INSERT), N(Q_PLACEMENT_ALT_INSERT),
	N(Q_PLACEMENT_ALT_SEAL), N(Q_PLACEMENT_HEAD), N(Q_PLACEMENT_SET),
	N(Q_PLACEMENT_END), N(Q_PLACEMENT_OF_CASE),
	N(Q_PLACEMENT_AUTHS_OF_CASE),
	N(Q_PLACEMENT_ALTS_OF_CASE), N(Q_PLACEMENT_OF_PROVIDER),
	N(Q_PLACEMENT_DUE), N(Q_PLACEMENT_CLOSED_SHARE),
	N(Q_PURGE_CASE_PLACEMENTS), N(Q_PURGE_CASE_PLACEMENT_ALTS),
	N(Q_COPY_PLACEMENT_ALL), N(Q_COPY_PLACEMENT_INSERT),
	N(Q_COPY_PLACEMENT_AUTH_ALL), N(Q_COPY_PLACEMENT_AUTH_INSERT),
	N(Q_COPY_PLACEMENT_ALT_ALL), N(Q_COPY_PLACEMENT_ALT_INSERT),
	N(Q_ADULT_INSERT), N(Q_ADULT_ENTERED), N(Q_ADULT_OF_CASE),
	N(Q_ADULT_GET), N(Q_ADULT_PLAN_SET), N(Q_ADULT_DUE), N(Q_ADULT_COUNTS),
	N(Q_PURGE_CASE_ADULTHOOD), N(Q_COPY_ADULT_ALL),
	N(Q_COPY_ADULT_INSERT),
	N(Q_INSIGHT_SIGNALS_FORM),
	N(Q_INSIGHT_SIGNALS_REPORTER),
	N(Q_INSIGHT_CASES_TYPE),
	N(Q_INSIGHT_CASES_FORM),
	N(Q_INSIGHT_VICTIMS_AGE),
	N(Q_INSIGHT_VICTIMS_SEX),
	N(Q_INSIGHT_VICTIMS_NATIONALITY),
	N(Q_INSIGHT_VICTIMS_GROUP),
	N(Q_INSIGHT_SUSPECTS),
	N(Q_INSIGHT_TIME_TRIAGE),
	N(Q_INSIGHT_TIME_REFERRAL),
	N(Q_INSIGHT_TIME_CARE),
	N(Q_INSIGHT_DECLINED),
	N(Q_INSIGHT_NEEDS),
	N(Q_INSIGHT_IDENT),
	N(Q_INSIGHT_RESIDENCE),
	N(Q_INSIGHT_PLACEMENTS),
	N(Q_INSIGHT_TURNED_18),
	N(Q_INSIGHT_FROZEN),
	N(Q_INSIGHT_FROZEN_INSERT),
	N(Q_INSIGHT_FACT_INSERT),
	N(Q_INSIGHT_FACTS),
	N(Q_INSIGHT_RUN_GET),
	N(Q_INSIGHT_RUN_INSERT),
	N(Q_INSIGHT_RESULT_INSERT),
	N(Q_INSIGHT_RESULT_AREA),
	N(Q_INSIGHT_RELEASE_INSERT),
	N(Q_INSIGHT_RELEASE_COUNT),
	N(Q_INSIGHT_MUNIS),
	N(Q_INSIGHT_REGIONS),
	N(Q_INSIGHT_ORG_REGIONS),
	N(Q_COPY_INSIGHT_FACT_ALL),
	N(Q_COPY_INSIGHT_FROZEN_ALL),
	N(Q_COPY_INSIGHT_RUN_ALL),
	N(Q_COPY_INSIGHT_RESULT_ALL),
	N(Q_COPY_INSIGHT_RELEASE_ALL),
	N(Q_COPY_INSIGHT_RELEASE_INSERT),
	N(Q_NATIONAL_SIGNAL), N(Q_NATIONAL_SIGNAL_PERSON), N(Q_NATIONAL_PERSON),
	N(Q_NATIONAL_CASE), N(Q_NATIONAL_CASE_PERSON), N(Q_NATIONAL_EVENT),
	N(Q_NATIONAL_NEED), N(Q_NATIONAL_REFERRAL), N(Q_NATIONAL_ASSESSMENT),
	N(Q_NATIONAL_TRACK), N(Q_NATIONAL_PLACEMENT), N(Q_NATIONAL_ADULT),
	N(Q_EXPERTISE_INSERT),
	N(Q_EXPERTISE_SEAL),
	N(Q_EXPERTISE_LIST),
	N(Q_EXPERTISE_GET),
	N(Q_EXPERTISE_DELETE),
	N(Q_EXPERTISE_COVERAGE),
	N(Q_HTCDS_VICTIMS),
	N(Q_COPY_EXPERTISE_ALL),
	N(Q_COPY_EXPERTISE_INSERT),
	N(Q_CONTRACT_INSERT), N(Q_CONTRACT_GET), N(Q_CONTRACT_LIST),
	N(Q_CONTRACT_UPDATE), N(Q_CONTRACT_END), N(Q_CONTRACT_SUPPLY),
	N(Q_GAP_NEEDS), N(Q_GAP_REFERRALS), N(Q_GAP_DECLINED),
	N(Q_GAP_WAITS), N(Q_GAP_RESULT_GET), N(Q_GAP_RESULT_INSERT),
	N(Q_COPY_CONTRACT_ALL), N(Q_COPY_CONTRACT_INSERT),
	N(Q_COPY_GAP_ALL),
	N(Q_NOTIFY_INSERT),
	N(Q_NOTIFY_MAILABLE),
	N(Q_NOTIFY_MINE),
	N(Q_NOTIFY_UNSEEN),
	N(Q_NOTIFY_SEEN),
	N(Q_NOTIFY_DONE),
	N(Q_QUESTION_OPEN),
	N(Q_OUTBOX_INSERT),
	N(Q_OUTBOX_DUE),
	N(Q_OUTBOX_SENT),
	N(Q_OUTBOX_FAILED),
	N(Q_OUTBOX_ADDRESS),
	N(Q_USER_EMAIL_GET),
	N(Q_USER_EMAIL_SET),
	N(Q_USER_EMAIL_OFF),
	N(Q_COPY_NOTIFY_ALL),
	N(Q_COPY_NOTIFY_INSERT),
	N(Q_COPY_OUTBOX_ALL),
	N(Q_COPY_OUTBOX_INSERT),
	N(Q_COPY_SEEN_ALL), N(Q_COPY_SEEN_INSERT),
	N(Q_NOTIFY_ORG_ROLE), N(Q_NOTIFY_CASE_TEAM), N(Q_SWEEP_SIGNALS),
	N(Q_NOTIFY_ADVISORS), N(Q_NOTIFY_DONE_ALL),
	N(Q_SWEEP_REFERRALS), N(Q_SWEEP_ESCALATIONS), N(Q_SWEEP_PLACEMENTS),
	N(Q_NOTICE_ADD), N(Q_COPY_NOTICE_ALL), N(Q_COPY_NOTICE_INSERT),
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

-- schakel 0018: referrals of help needs to providers, and escalation to
-- the regional expert team for youth.
--
-- org gets the type expert_team.  SQLite cannot alter a CHECK, so org
-- is rebuilt by SQLite's documented procedure (new table, copy, drop,
-- rename); the migration runner runs SQLite migrations with foreign
-- keys off and fails the migration unless PRAGMA foreign_key_check is
-- clean before it commits (store/store.c, migrate()).  org has no
-- indexes besides its UNIQUE name, which the new table declares.
CREATE TABLE org_new (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	type		TEXT NOT NULL CHECK (type IN ('advice_point',
			    'municipality', 'care_coordination', 'provider',
			    'police', 'labour_inspectorate',
			    'assessment_committee', 'expert_team', 'other')),
	municipality	TEXT REFERENCES municipality (code),
	demo		INTEGER NOT NULL DEFAULT 0,
	created_at	INTEGER NOT NULL
);
INSERT INTO org_new (id, name, type, municipality, demo, created_at)
	SELECT id, name, type, municipality, demo, created_at FROM org;
DROP TABLE org;
ALTER TABLE org_new RENAME TO org;

-- referral: a coordinator refers an open help need (case_need) of a case
-- to a provider organisation (to_org).  need and urgent are copied at
-- sending (urgent: the need's catalogue domain is safety), so the
-- evidence stays plain for the insight.  shares lists the case parts
-- ticked for sharing (comma-separated codes, none by default); basis
-- says why sharing is lawful: consent (with consent_on, a day) or a
-- legal basis code (legal_basis), with optional text (sealed:
-- referral/basis_text/id).  message and the safety note are sealed
-- (referral/message/id, referral/safety/id).  status runs sent ->
-- accepted | declined | withdrawn; accepted -> started -> ended.  A sent
-- referral past answer_due reads as expired (computed on read).
-- sharing_ended_at ends the sharing at once (consent withdrawn, or the
-- referral closed).  Reason and outcome codes are plain columns; their
-- free text is sealed.
CREATE TABLE referral (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES care_case (id),
	need_id		INTEGER NOT NULL REFERENCES case_need (id),
	need		TEXT NOT NULL,
	urgent		INTEGER NOT NULL CHECK (urgent IN (0, 1)),
	from_org	INTEGER NOT NULL REFERENCES org (id),
	to_org		INTEGER NOT NULL REFERENCES org (id),
	shares		TEXT NOT NULL DEFAULT '',
	basis		TEXT NOT NULL CHECK (basis IN ('consent', 'legal')),
	consent_on	INTEGER,
	legal_basis	TEXT,
	basis_text	BLOB,
	message		BLOB,
	safety		BLOB,
	status		TEXT NOT NULL CHECK (status IN ('sent', 'accepted',
			    'declined', 'withdrawn', 'started', 'ended')),
	sent_by		INTEGER NOT NULL REFERENCES app_user (id),
	sent_at		INTEGER NOT NULL,
	answer_due	INTEGER NOT NULL,
	answered_by	INTEGER REFERENCES app_user (id),
	answered_at	INTEGER,
	decline_reason	TEXT CHECK (decline_reason IS NULL OR decline_reason
			    IN ('no_capacity', 'not_target_group', 'safety',
			    'other')),
	decline_text	BLOB,
	started_at	INTEGER,
	ended_at	INTEGER,
	outcome		TEXT CHECK (outcome IS NULL OR outcome IN
			    ('completed', 'stopped_by_client',
			    'stopped_by_provider', 'moved', 'other')),
	outcome_text	BLOB,
	withdrawn_at	INTEGER,
	sharing_ended_at INTEGER,
	sharing_end	TEXT,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX referral_case ON referral (case_id, id);
CREATE INDEX referral_to ON referral (to_org, status, answer_due);
CREATE INDEX referral_from ON referral (from_org, status, answer_due);

-- A provider's progress note on a referral (sealed:
-- referral_note/text/id); the case's coordinators read them.
CREATE TABLE referral_note (
	id		INTEGER PRIMARY KEY,
	referral_id	INTEGER NOT NULL REFERENCES referral (id),
	user_id		INTEGER NOT NULL REFERENCES app_user (id),
	org_id		INTEGER NOT NULL REFERENCES org (id),
	at		INTEGER NOT NULL,
	text		BLOB
);
CREATE INDEX referral_note_referral ON referral_note (referral_id, id);

-- escalation: the coordinator asks the regional expert team for youth
-- (to_org, of type expert_team, linked to the youth region region_id of
-- the case's municipality) for advice on a need (need_id, or NULL for
-- the whole case), with a summary (sealed: escalation/summary/id) and
-- the same shares and basis as a referral.  The team answers once:
-- outcome code plain, its text sealed (escalation/answer/id).
CREATE TABLE escalation (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES care_case (id),
	need_id		INTEGER REFERENCES case_need (id),
	need		TEXT,
	from_org	INTEGER NOT NULL REFERENCES org (id),
	to_org		INTEGER NOT NULL REFERENCES org (id),
	region_id	INTEGER NOT NULL REFERENCES region (id),
	ground		TEXT NOT NULL CHECK (ground IN ('not_taken_up',
			    'complex_minor')),
	shares		TEXT NOT NULL DEFAULT '',
	basis		TEXT NOT NULL CHECK (basis IN ('consent', 'legal')),
	consent_on	INTEGER,
	legal_basis	TEXT,
	basis_text	BLOB,
	summary		BLOB,
	safety		BLOB,
	status		TEXT NOT NULL CHECK (status IN ('open',
			    'answered')),
	sent_by		INTEGER NOT NULL REFERENCES app_user (id),
	sent_at		INTEGER NOT NULL,
	answer_due	INTEGER NOT NULL,
	outcome		TEXT CHECK (outcome IS NULL OR outcome IN ('advice',
			    'placed', 'provider_found', 'other')),
	answer		BLOB,
	answered_by	INTEGER REFERENCES app_user (id),
	answered_at	INTEGER,
	sharing_ended_at INTEGER,
	sharing_end	TEXT,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX escalation_case ON escalation (case_id, id);
CREATE INDEX escalation_to ON escalation (to_org, status, answer_due);

INSERT INTO deadline_rule (id, name, workdays, same_day) VALUES
	(40, 'referral_answer_urgent', 2, 0),
	(41, 'referral_answer', 10, 0),
	(42, 'referral_uptake', 10, 0),
	(43, 'escalation_answer', 10, 0);

-- schakel 0001: organisations, users, sessions, API tokens, audit trail.
-- Written in the SQL that SQLite and PostgreSQL share; times are UTC
-- seconds since the epoch.

CREATE TABLE meta (
	key		TEXT PRIMARY KEY,
	value		TEXT NOT NULL
);

CREATE TABLE municipality (
	code		TEXT PRIMARY KEY CHECK (length(code) = 6),
	name		TEXT NOT NULL,
	province	TEXT NOT NULL
);

CREATE TABLE org (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	type		TEXT NOT NULL CHECK (type IN ('advice_point',
			    'municipality', 'care_coordination', 'provider',
			    'police', 'labour_inspectorate',
			    'assessment_committee', 'other')),
	municipality	TEXT REFERENCES municipality (code),
	demo		INTEGER NOT NULL DEFAULT 0,
	created_at	INTEGER NOT NULL
);

CREATE TABLE app_user (
	id		INTEGER PRIMARY KEY,
	username	TEXT NOT NULL UNIQUE,
	org_id		INTEGER NOT NULL REFERENCES org (id),
	role		TEXT NOT NULL CHECK (role IN ('reporter', 'advisor',
			    'coordinator', 'provider', 'assessor', 'policy',
			    'rapporteur', 'admin')),
	password_hash	TEXT NOT NULL,
	totp_secret	BLOB,		-- sealed: app_user/totp_secret/id
	totp_required	INTEGER NOT NULL,
	totp_last_step	INTEGER NOT NULL DEFAULT 0,
	demo		INTEGER NOT NULL DEFAULT 0,
	disabled	INTEGER NOT NULL DEFAULT 0,
	created_at	INTEGER NOT NULL,
	last_login_at	INTEGER
);
CREATE INDEX app_user_org ON app_user (org_id);

-- Failed logins by the name that was tried, whether or not it exists, so
-- that an unknown name and a wrong password behave the same.
CREATE TABLE login_failure (
	username	TEXT PRIMARY KEY,
	failures	INTEGER NOT NULL,
	first_at	INTEGER NOT NULL,
	locked_until	INTEGER NOT NULL
);

-- Only a keyed hash of each token is stored.
CREATE TABLE session (
	id		INTEGER PRIMARY KEY,
	token_hash	BLOB NOT NULL UNIQUE,
	user_id		INTEGER NOT NULL REFERENCES app_user (id),
	created_at	INTEGER NOT NULL,
	last_seen_at	INTEGER NOT NULL,
	expires_at	INTEGER NOT NULL
);
CREATE INDEX session_user ON session (user_id);

CREATE TABLE api_token (
	id		INTEGER PRIMARY KEY,
	token_hash	BLOB NOT NULL UNIQUE,
	user_id		INTEGER NOT NULL REFERENCES app_user (id),
	name		TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	last_used_at	INTEGER,
	revoked		INTEGER NOT NULL DEFAULT 0
);

-- The audit trail (NEN 7513 fields), a hash chain: hash is a keyed
-- BLAKE2b over prev_hash and the entry; ids have no gaps.
CREATE TABLE audit (
	id		INTEGER PRIMARY KEY,
	at		INTEGER NOT NULL,
	user_id		INTEGER,
	org_id		INTEGER,
	role		TEXT,
	action		TEXT NOT NULL,
	object_type	TEXT,
	object_id	INTEGER,
	reason		TEXT,
	client_addr	TEXT,
	request_id	TEXT,
	prev_hash	BLOB NOT NULL,
	hash		BLOB NOT NULL
);
CREATE INDEX audit_object ON audit (object_type, object_id);

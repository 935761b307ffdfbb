-- schakel 0002: regions, and signals with the people they concern.
-- Personal fields are sealed (crypt_seal with table, column and row id);
-- the few plain attributes are those statistics need.

CREATE TABLE region (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	type		TEXT NOT NULL CHECK (type IN ('care_coordination',
			    'youth', 'veilig_thuis', 'safety')),
	created_at	INTEGER NOT NULL
);

CREATE TABLE region_municipality (
	region_id	INTEGER NOT NULL REFERENCES region (id),
	municipality	TEXT NOT NULL REFERENCES municipality (code),
	PRIMARY KEY (region_id, municipality)
);
CREATE INDEX region_municipality_code ON region_municipality (municipality);

-- The regions an organisation serves (an advice point its VT region).
CREATE TABLE org_region (
	org_id		INTEGER NOT NULL REFERENCES org (id),
	region_id	INTEGER NOT NULL REFERENCES region (id),
	PRIMARY KEY (org_id, region_id)
);

CREATE TABLE signal (
	id		INTEGER PRIMARY KEY,
	reporter_id	INTEGER REFERENCES app_user (id),
	reporter_org_id	INTEGER REFERENCES org (id),
	region_id	INTEGER REFERENCES region (id),	-- NULL: no point yet
	municipality	TEXT NOT NULL REFERENCES municipality (code),
	noticed_on	INTEGER,			-- days since 1970-01-01
	urgency		TEXT NOT NULL CHECK (urgency IN ('acute', 'days',
			    'not_urgent')),
	forms		TEXT NOT NULL,			-- comma-separated
	indicators	TEXT NOT NULL,			-- comma-separated
	description	BLOB,				-- sealed
	actions_taken	BLOB,				-- sealed
	status		TEXT NOT NULL CHECK (status IN ('received',
			    'in_triage', 'taken_up', 'closed')),
	decision	TEXT,
	decision_reason	BLOB,				-- sealed
	legal_basis	TEXT,
	claimed_by	INTEGER REFERENCES app_user (id),
	triage_due	INTEGER NOT NULL,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX signal_queue ON signal (region_id, status, triage_due);
CREATE INDEX signal_reporter ON signal (reporter_id, created_at);

CREATE TABLE signal_person (
	id		INTEGER PRIMARY KEY,
	signal_id	INTEGER NOT NULL REFERENCES signal (id),
	kind		TEXT NOT NULL CHECK (kind IN ('victim', 'suspect',
			    'other')),
	identity	BLOB,		-- sealed: name, birth date, ids, phone
	age_band	TEXT,
	sex		TEXT,
	nationality	TEXT,
	markers		TEXT NOT NULL,
	bi_id		BLOB,		-- blind index of a BSN or V-number
	bi_name_dob	BLOB		-- blind index of name and birth date
);
CREATE INDEX signal_person_signal ON signal_person (signal_id);
CREATE INDEX signal_person_bi_id ON signal_person (bi_id);
CREATE INDEX signal_person_bi_name_dob ON signal_person (bi_name_dob);

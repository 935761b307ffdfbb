-- schakel 0004: advice.  A professional describes a worry without
-- identifying anyone and an advisor of the point of that municipality
-- answers.  The texts are sealed all the same: people write names anyway.

CREATE TABLE advice (
	id		INTEGER PRIMARY KEY,
	reporter_id	INTEGER NOT NULL REFERENCES app_user (id),
	reporter_org_id	INTEGER REFERENCES org (id),
	region_id	INTEGER REFERENCES region (id),	-- NULL: no point yet
	municipality	TEXT NOT NULL REFERENCES municipality (code),
	question	BLOB NOT NULL,			-- sealed
	answer		BLOB,				-- sealed
	answered_by	INTEGER REFERENCES app_user (id),
	status		TEXT NOT NULL CHECK (status IN ('open', 'answered')),
	created_at	INTEGER NOT NULL,
	answered_at	INTEGER
);
CREATE INDEX advice_queue ON advice (region_id, status, created_at);
CREATE INDEX advice_reporter ON advice (reporter_id, created_at);

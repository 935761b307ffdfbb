-- schakel 0021: local insight (insight/).
--
-- insight_fact holds counts per closed quarter (year * 4 + quarter - 1),
-- municipality and row of a fixed insight table, taken from the records
-- once, when the quarter is first asked for, and never changed after:
-- insight_frozen names the (table, quarter) pairs taken, also when they
-- counted nothing.  A late registration therefore never changes a
-- published number, so two releases cannot be subtracted.
--
-- insight_result is the protected result (insight/protect.h) of one table
-- for one area and one year, through the quarters closed when it was
-- computed: the cells as published, never a true count.  insight_run
-- names the (year, quarters) computed and the rules used; every later
-- request is served from these rows.  The variant 'open' is the same with
-- differentially private noise drawn once into the counts, for open data
-- (docs/privacy.md); 'protected' is what the dashboard shows.
--
-- insight_release is the release log: what was published to whom.
-- signal.decided_at: when triage decided, for the time to a decision.

CREATE TABLE insight_fact (
	tbl		TEXT NOT NULL,
	quarter		INTEGER NOT NULL,
	municipality	TEXT NOT NULL REFERENCES municipality (code),
	row_key		TEXT NOT NULL,
	n		INTEGER NOT NULL,
	PRIMARY KEY (quarter, tbl, municipality, row_key)
);

CREATE TABLE insight_frozen (
	tbl		TEXT NOT NULL,
	quarter		INTEGER NOT NULL,
	frozen_at	INTEGER NOT NULL,
	PRIMARY KEY (quarter, tbl)
);

CREATE TABLE insight_run (
	year		INTEGER NOT NULL,
	quarters	INTEGER NOT NULL CHECK (quarters BETWEEN 1 AND 4),
	variant		TEXT NOT NULL CHECK (variant IN ('protected', 'open')),
	threshold	INTEGER NOT NULL,
	rounding	INTEGER NOT NULL,
	noise_milli	INTEGER NOT NULL,	-- epsilon * 1000; 0: no noise
	computed_at	INTEGER NOT NULL,
	PRIMARY KEY (year, quarters, variant)
);

CREATE TABLE insight_result (
	year		INTEGER NOT NULL,
	quarters	INTEGER NOT NULL,
	variant		TEXT NOT NULL,
	level		TEXT NOT NULL CHECK (level IN ('country', 'province',
			    'region', 'municipality')),
	code		TEXT NOT NULL,
	tbl		TEXT NOT NULL,
	cells		TEXT NOT NULL,
	PRIMARY KEY (year, quarters, variant, level, code, tbl)
);

CREATE TABLE insight_release (
	id		INTEGER PRIMARY KEY,
	at		INTEGER NOT NULL,
	user_id		INTEGER NOT NULL REFERENCES app_user (id),
	org_id		INTEGER REFERENCES org (id),
	role		TEXT NOT NULL,
	what		TEXT NOT NULL,
	tbl		TEXT,
	level		TEXT NOT NULL,
	code		TEXT NOT NULL,
	year		INTEGER NOT NULL,
	quarters	INTEGER NOT NULL
);
CREATE INDEX insight_release_at ON insight_release (at);

ALTER TABLE signal ADD COLUMN decided_at INTEGER;
UPDATE signal SET decided_at = updated_at WHERE decision IS NOT NULL;

CREATE INDEX signal_decided ON signal (decided_at);
CREATE INDEX care_case_created ON care_case (created_at);
CREATE INDEX case_person_created ON case_person (created_at);
CREATE INDEX referral_answered ON referral (answered_at);
CREATE INDEX case_need_added ON case_need (added_at);
CREATE INDEX placement_from ON placement (from_day);
CREATE INDEX case_track_day ON case_track (track, on_day);

-- schakel 0014: identification by a multidisciplinary assessment, apart
-- from the criminal case (point F of the design).
--
-- A coordinator submits a case to an assessment committee (an org of
-- type assessment_committee), choosing which parts of the case are shared
-- (parts: comma-separated codes, none by default) and naming the sources
-- of the identification (sources: never requiring a police report).  The
-- committee records a first decision (reasonable grounds: plausible or
-- not) and, when plausible, a final one; each is due by a deadline rule.
-- A first decision of not_plausible ends the assessment (no_grounds).
-- The coordinator's note and both decisions' reasons are sealed
-- (case_assessment/<column>/id).  At most one assessment of a case is
-- open (submitted or first_decided) at a time.
--
-- deadline_rule gains calendar_days: a rule counts working days
-- (calendar_days 0) or calendar days after the day something happens
-- (the 90 days of a final decision do not fit workdays' 0..60).

ALTER TABLE deadline_rule ADD COLUMN calendar_days INTEGER NOT NULL
    DEFAULT 0 CHECK (calendar_days BETWEEN 0 AND 366);

CREATE TABLE case_assessment (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES care_case (id),
	committee_id	INTEGER NOT NULL REFERENCES org (id),
	parts		TEXT NOT NULL DEFAULT '',	-- comma-separated
	sources		TEXT NOT NULL DEFAULT '',	-- comma-separated
	note		BLOB,		-- sealed: case_assessment/note/id
	status		TEXT NOT NULL CHECK (status IN ('submitted',
			    'first_decided', 'final_decided', 'no_grounds',
			    'withdrawn')),
	submitted_by	INTEGER NOT NULL REFERENCES app_user (id),
	submitted_at	INTEGER NOT NULL,
	first_due	INTEGER NOT NULL,
	first_decision	TEXT CHECK (first_decision IS NULL OR
			    first_decision IN ('plausible', 'not_plausible')),
	first_reasons	BLOB,		-- sealed: .../first_reasons/id
	first_by	INTEGER REFERENCES app_user (id),
	first_at	INTEGER,
	final_due	INTEGER,
	final_decision	TEXT CHECK (final_decision IS NULL OR
			    final_decision IN ('identified', 'not_identified')),
	final_reasons	BLOB,		-- sealed: .../final_reasons/id
	final_by	INTEGER REFERENCES app_user (id),
	final_at	INTEGER,
	withdrawn_by	INTEGER REFERENCES app_user (id),
	withdrawn_at	INTEGER,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX case_assessment_case ON case_assessment (case_id, id);
CREATE INDEX case_assessment_committee ON case_assessment (committee_id,
    status);
CREATE UNIQUE INDEX case_assessment_open ON case_assessment (case_id)
    WHERE status IN ('submitted', 'first_decided');

INSERT INTO deadline_rule (id, name, workdays, same_day, calendar_days)
    VALUES
	(10, 'identification_first', 5, 0, 0),
	(11, 'identification_final', 0, 0, 90);

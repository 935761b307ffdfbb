-- schakel 0013: cases, the care coordination that follows the person.
--
-- person is the registry: one row per known person across signals and
-- cases, identity sealed (person/identity/id), found by the same keyed
-- blind indexes signal matching uses.  Only the age band, sex,
-- nationality group and victim-group markers stay plain, for the numbers.
--
-- care_case is the case at one care-coordination organisation (org_id,
-- with the care_coordination region that serves its municipality).
-- case_person names its people and what each is in this case; the same
-- person may be a victim in one case and a suspect in another.
-- case_member: the professionals assigned besides the coordinator.
-- case_event is the timeline: who, when, what (plain codes), why and
-- notes sealed (case_event/text/id) with the author's organisation.
-- case_need: help needs from the catalogue; case_plan the care plan
-- (goals and tasks sealed) with its next review day.
-- Closing keeps the row; purging (retention) destroys the sealed fields
-- and keeps the plain counts.

CREATE TABLE person (
	id		INTEGER PRIMARY KEY,
	identity	BLOB,		-- sealed: name, birth date, ids, phone
	age_band	TEXT,
	sex		TEXT,
	nationality	TEXT,
	markers		TEXT NOT NULL DEFAULT '',
	bi_id		BLOB,
	bi_name_dob	BLOB,
	created_at	INTEGER NOT NULL
);
CREATE INDEX person_bi_id ON person (bi_id);
CREATE INDEX person_bi_name_dob ON person (bi_name_dob);

CREATE TABLE care_case (
	id		INTEGER PRIMARY KEY,
	type		TEXT NOT NULL CHECK (type IN ('trafficking',
			    'serious_disadvantage')),
	forms		TEXT NOT NULL DEFAULT '',	-- comma-separated
	indicators	TEXT NOT NULL DEFAULT '',	-- from the signal
	status		TEXT NOT NULL CHECK (status IN ('new', 'accepted',
			    'in_care', 'closed')),
	close_reason	TEXT CHECK (close_reason IS NULL OR close_reason IN
			    ('care_completed', 'moved_abroad',
			    'returned_voluntarily', 'lost_contact',
			    'deceased', 'other')),
	org_id		INTEGER NOT NULL REFERENCES org (id),
	region_id	INTEGER REFERENCES region (id),
	municipality	TEXT NOT NULL REFERENCES municipality (code),
	coordinator_id	INTEGER REFERENCES app_user (id),
	signal_id	INTEGER REFERENCES signal (id),
	source		TEXT NOT NULL CHECK (source IN ('signal', 'police',
			    'labour_inspectorate', 'self', 'other')),
	summary		BLOB,		-- sealed: care_case/summary/id
	opened_by	INTEGER NOT NULL REFERENCES app_user (id),
	accept_due	INTEGER NOT NULL,
	accepted_at	INTEGER,
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	closed_at	INTEGER,
	purged_at	INTEGER
);
CREATE INDEX care_case_org ON care_case (org_id, status, updated_at);
CREATE INDEX care_case_signal ON care_case (signal_id);
CREATE INDEX care_case_closed ON care_case (closed_at);

CREATE TABLE case_person (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES care_case (id),
	person_id	INTEGER NOT NULL REFERENCES person (id),
	kind		TEXT NOT NULL CHECK (kind IN ('victim', 'suspect',
			    'other')),
	created_at	INTEGER NOT NULL,
	UNIQUE (case_id, person_id)
);
CREATE INDEX case_person_person ON case_person (person_id);

CREATE TABLE case_member (
	case_id		INTEGER NOT NULL REFERENCES care_case (id),
	user_id		INTEGER NOT NULL REFERENCES app_user (id),
	added_by	INTEGER NOT NULL REFERENCES app_user (id),
	added_at	INTEGER NOT NULL,
	PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_member_user ON case_member (user_id);

CREATE TABLE case_event (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES care_case (id),
	at		INTEGER NOT NULL,
	user_id		INTEGER REFERENCES app_user (id),
	org_id		INTEGER REFERENCES org (id),
	kind		TEXT NOT NULL,
	detail		TEXT,		-- plain codes only: "new>accepted"
	text		BLOB		-- sealed: case_event/text/id
);
CREATE INDEX case_event_case ON case_event (case_id, id);

CREATE TABLE case_need (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES care_case (id),
	need		TEXT NOT NULL,		-- help-needs catalogue id
	status		TEXT NOT NULL CHECK (status IN ('open', 'met',
			    'dropped')),
	added_by	INTEGER REFERENCES app_user (id),
	added_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL,
	UNIQUE (case_id, need)
);

CREATE TABLE case_plan (
	case_id		INTEGER PRIMARY KEY REFERENCES care_case (id),
	goals		BLOB,		-- sealed: case_plan/goals/case_id
	tasks		BLOB,		-- sealed: case_plan/tasks/case_id
	review_on	INTEGER,	-- days since 1970-01-01
	updated_by	INTEGER REFERENCES app_user (id),
	updated_at	INTEGER NOT NULL
);

INSERT INTO deadline_rule (id, name, workdays, same_day) VALUES
	(4, 'case_accept', 1, 0);

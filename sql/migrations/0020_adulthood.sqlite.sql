-- schakel 0020: turning 18, the transition plan (domain/adulthood.h).
--
-- case_adulthood holds, per victim of a case who was a minor while on
-- it, the day they turn 18 (adult_on, days since 1970-01-01) and
-- whether that day comes from an estimated age (estimated = 1).  It is
-- kept in the clear for the reminders and the counts; the birth date
-- itself stays sealed in person.identity (docs/privacy.md says why).
-- adult_month (year * 12 + month - 1) is the month of adult_on, kept
-- when a purge empties adult_on, so the counts per period survive.
--
-- The transition plan is on the same row: which help continues (codes,
-- comma-separated), since when youth care runs (youth_care_from, a day,
-- for continued youth care), who pays (a code; the text of "other"
-- sealed as case_adulthood/payer_text/id), whether the same
-- professional stays (and who, sealed as case_adulthood/professional/id)
-- and notes (sealed as case_adulthood/notes/id).  plan_at is when the
-- plan was first recorded, plan_before_18 and plan_on_time whether that
-- was before the 18th birthday and on or before the day it was due (six
-- months before it): the flags the insight counts read.
--
-- Rows are written when a person is entered on a case and, for people
-- entered before this migration (whose birth date is sealed, so SQL
-- cannot compute it here), when their case is read.

CREATE TABLE case_adulthood (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES care_case (id),
	person_id	INTEGER NOT NULL REFERENCES person (id),
	adult_on	INTEGER,	-- NULL once purged
	adult_month	INTEGER NOT NULL,
	estimated	INTEGER NOT NULL DEFAULT 0,
	created_at	INTEGER NOT NULL,
	continues	TEXT,		-- comma-separated codes
	youth_care_from	INTEGER,
	payer		TEXT CHECK (payer IS NULL OR payer IN
			    ('municipality', 'health_insurer', 'wlz',
			    'other')),
	payer_text	BLOB,		-- sealed
	same_professional INTEGER,
	professional	BLOB,		-- sealed
	notes		BLOB,		-- sealed
	plan_at		INTEGER,
	plan_before_18	INTEGER,
	plan_on_time	INTEGER,
	updated_by	INTEGER REFERENCES app_user (id),
	updated_at	INTEGER,
	UNIQUE (case_id, person_id)
);
CREATE INDEX case_adulthood_on ON case_adulthood (adult_on);
CREATE INDEX case_adulthood_month ON case_adulthood (adult_month);

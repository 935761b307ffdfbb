-- schakel 0019: a victim's placements, and closed youth care "no, unless"
-- (domain/placement.h).
--
-- placement: where a person of a case stays (type), from and until
-- (days since 1970-01-01; until NULL: open), at which provider
-- organisation (NULL only for foster care and other), with an optional
-- review day.  An ended placement has its end reason and until set to
-- the day it ended; planned and current are read from the dates.  The
-- text of type other is sealed (placement/other_text/id).  age_band is
-- the person's age band on the first day, kept plain with the type,
-- dates and the case's region for the insight: closed placements as a
-- share of placed minor victims per region.
-- placement_authorisation: the court's authorisation of a closed youth
-- care placement (kind, decision day, valid from and until), the first
-- and every renewal; the latest is the one that holds.
-- placement_alternative: the less restrictive alternatives considered
-- before a closed placement, why each did not suffice sealed
-- (placement_alternative/why/id).

CREATE TABLE placement (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES care_case (id),
	person_id	INTEGER NOT NULL REFERENCES person (id),
	type		TEXT NOT NULL CHECK (type IN ('categorical_shelter',
			    'womens_shelter', 'shelter_serious_disadvantage',
			    'residential_youth_care', 'foster_care',
			    'closed_youth_care', 'other')),
	other_text	BLOB,		-- sealed: placement/other_text/id
	from_day	INTEGER NOT NULL,
	until_day	INTEGER,
	provider_id	INTEGER REFERENCES org (id),
	review_on	INTEGER,
	end_reason	TEXT CHECK (end_reason IS NULL OR end_reason IN
			    ('completed', 'next_placement', 'left',
			    'went_missing', 'authorisation_ended',
			    'cancelled', 'other')),
	age_band	TEXT,
	created_by	INTEGER NOT NULL REFERENCES app_user (id),
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
);
CREATE INDEX placement_case ON placement (case_id, person_id, from_day);
CREATE INDEX placement_provider ON placement (provider_id, from_day);

CREATE TABLE placement_authorisation (
	id		INTEGER PRIMARY KEY,
	placement_id	INTEGER NOT NULL REFERENCES placement (id),
	kind		TEXT NOT NULL CHECK (kind IN ('authorisation',
			    'emergency', 'conditional')),
	decided_on	INTEGER NOT NULL,
	valid_from	INTEGER NOT NULL,
	valid_until	INTEGER NOT NULL,
	created_by	INTEGER NOT NULL REFERENCES app_user (id),
	created_at	INTEGER NOT NULL
);
CREATE INDEX placement_authorisation_placement ON placement_authorisation
	(placement_id, id);

CREATE TABLE placement_alternative (
	id		INTEGER PRIMARY KEY,
	placement_id	INTEGER NOT NULL REFERENCES placement (id),
	code		TEXT NOT NULL CHECK (code IN ('residential_youth_care',
			    'foster_care', 'intensive_ambulant',
			    'family_support', 'other')),
	why		BLOB		-- sealed: placement_alternative/why/id
);
CREATE INDEX placement_alternative_placement ON placement_alternative
	(placement_id, id);

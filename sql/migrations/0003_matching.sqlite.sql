-- schakel 0003: two professionals, one person.  A match links two people
-- of signals from different organisations whose blind indexes agree; it
-- tells each professional who else is concerned (name, organisation,
-- work phone) and nothing of the other's content.

ALTER TABLE app_user ADD COLUMN phone TEXT;	-- a professional's work phone

CREATE TABLE signal_match (
	id		INTEGER PRIMARY KEY,
	person_a	INTEGER NOT NULL REFERENCES signal_person (id),
	person_b	INTEGER NOT NULL REFERENCES signal_person (id),
	signal_a	INTEGER NOT NULL REFERENCES signal (id),
	signal_b	INTEGER NOT NULL REFERENCES signal (id),
	basis		TEXT NOT NULL CHECK (basis IN ('id', 'name_dob')),
	created_at	INTEGER NOT NULL,
	UNIQUE (person_a, person_b)
);
CREATE INDEX signal_match_a ON signal_match (signal_a);
CREATE INDEX signal_match_b ON signal_match (signal_b);

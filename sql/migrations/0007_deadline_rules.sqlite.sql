-- schakel 0007: the rules of the deadline engine, one row each, so an
-- admin can change how long a step may take.  A change applies to what
-- is created after it; deadlines already set stay as they were.  Rules
-- are added by migrations only (later issues add their own), with fixed
-- ids, so every deployment numbers them the same.

CREATE TABLE deadline_rule (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	workdays	INTEGER NOT NULL CHECK (workdays BETWEEN 0 AND 60),
	same_day	INTEGER NOT NULL CHECK (same_day IN (0, 1)),
	updated_by	INTEGER REFERENCES app_user (id),
	updated_at	INTEGER
);

INSERT INTO deadline_rule (id, name, workdays, same_day) VALUES
	(1, 'triage_acute', 0, 1),
	(2, 'triage_days', 3, 0),
	(3, 'triage_not_urgent', 5, 0);

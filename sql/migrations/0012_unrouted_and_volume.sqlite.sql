-- schakel 0012: every signal has an owner, and matching is no oracle.
--
-- fallback_point names the one organisation (an advice-and-reporting
-- point) that takes the signals and questions for advice of the
-- municipalities no Veilig Thuis region covers yet.  One row at most; an
-- admin sets it.  Without it such signals wait unseen, never seen by all.
--
-- signal_refusal records every signal refused because its account had
-- reached the daily limit of signals or people: who, when, which limit
-- and the region it was meant for, so the point sees unusual volumes.
-- No personal data: the refused signal itself is not kept.

CREATE TABLE fallback_point (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	org_id		INTEGER NOT NULL REFERENCES org (id),
	set_by		INTEGER REFERENCES app_user (id),
	set_at		INTEGER NOT NULL
);

CREATE TABLE signal_refusal (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES app_user (id),
	region_id	INTEGER REFERENCES region (id),
	limit_kind	TEXT NOT NULL CHECK (limit_kind IN ('signals',
			    'persons')),
	at		INTEGER NOT NULL
);
CREATE INDEX signal_refusal_at ON signal_refusal (at);
CREATE INDEX signal_created ON signal (created_at);

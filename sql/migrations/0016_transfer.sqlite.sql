-- schakel 0016: a case moves with its victim, emergency reads.
--
-- case_transfer: the case team asks the care coordination serving the
-- victim's new municipality to take the case over (to_org, to_region,
-- municipality); the reason is sealed (case_transfer/reason/id), as is
-- the reason a receiving coordinator gives to decline
-- (case_transfer/answer/id).  It is due by the transfer_accept deadline
-- rule; at most one transfer of a case waits at a time.  Accepted, the
-- case moves and from_org keeps what it wrote (case_access: former).
--
-- case_emergency: a coordinator without a relation to a case reads it
-- for a short while ("break the glass"); the reason is sealed
-- (case_emergency/reason/id), every use is reviewed by the admins.

CREATE TABLE case_transfer (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES care_case (id),
	from_org	INTEGER NOT NULL REFERENCES org (id),
	to_org		INTEGER NOT NULL REFERENCES org (id),
	to_region	INTEGER REFERENCES region (id),
	municipality	TEXT NOT NULL REFERENCES municipality (code),
	status		TEXT NOT NULL CHECK (status IN ('pending',
			    'accepted', 'declined', 'cancelled')),
	reason		BLOB,		-- sealed: case_transfer/reason/id
	answer		BLOB,		-- sealed: case_transfer/answer/id
	requested_by	INTEGER NOT NULL REFERENCES app_user (id),
	requested_at	INTEGER NOT NULL,
	due		INTEGER NOT NULL,
	decided_by	INTEGER REFERENCES app_user (id),
	decided_at	INTEGER
);
CREATE UNIQUE INDEX case_transfer_pending ON case_transfer (case_id)
	WHERE status = 'pending';
CREATE INDEX case_transfer_case ON case_transfer (case_id, from_org);
CREATE INDEX case_transfer_to ON case_transfer (to_org, status);
CREATE INDEX case_transfer_from ON case_transfer (from_org, status);

CREATE TABLE case_emergency (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES care_case (id),
	user_id		INTEGER NOT NULL REFERENCES app_user (id),
	org_id		INTEGER NOT NULL REFERENCES org (id),
	reason		BLOB,		-- sealed: case_emergency/reason/id
	at		INTEGER NOT NULL,
	ends_at		INTEGER NOT NULL
);
CREATE INDEX case_emergency_case ON case_emergency (case_id, user_id,
	ends_at);
CREATE INDEX case_emergency_at ON case_emergency (at);

INSERT INTO deadline_rule (id, name, workdays, same_day) VALUES
	(30, 'transfer_accept', 2, 0);

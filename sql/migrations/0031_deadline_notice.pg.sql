-- schakel 0031: which passed deadline has been announced.
--
-- The deadline sweep tells whose turn it is when a deadline passes: a
-- signal's triage, a referral's or an escalation's answer, a placement's
-- review or the end of its authorisation.  One row per deadline event,
-- keyed by what passed and the moment it was due, is written in the
-- transaction that makes the notifications; the primary key makes a
-- second sweep (another server, a retry) add nothing, also when nobody
-- was there to tell.  A deadline that moves (a renewed authorisation)
-- is a new event.  The rows name objects and moments, no person.
CREATE TABLE deadline_notice (
	kind		TEXT NOT NULL,
	obj_type	TEXT NOT NULL,
	obj_id		BIGINT NOT NULL,
	due		BIGINT NOT NULL,
	noticed_at	BIGINT NOT NULL,
	PRIMARY KEY (kind, obj_type, obj_id, due)
);

-- Signals already announced by 0027's sweep keep their notice.
INSERT INTO deadline_notice (kind, obj_type, obj_id, due, noticed_at)
SELECT DISTINCT 'overdue', 'signal', s.id, s.triage_due, n.created_at
FROM signal s JOIN notification n ON n.kind = 'overdue'
    AND n.obj_type = 'signal' AND n.obj_id = s.id
WHERE n.id = (SELECT MIN(m.id) FROM notification m WHERE m.kind = 'overdue'
    AND m.obj_type = 'signal' AND m.obj_id = s.id);

-- schakel 0030: finding notifications by the object they name.
--
-- The deadline sweep tells a signal's point once: it looks for an
-- "overdue" notification on the signal before making one.  And when
-- one user takes a turn several were told of (a case accepted, a
-- referral answered), every one of those notifications is marked done.
-- Both look notifications up by kind and object.
CREATE INDEX notification_object ON notification (obj_type, obj_id, kind);

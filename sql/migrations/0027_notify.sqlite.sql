-- schakel 0027: notifications in the app and mail that says only that
-- something waits.
--
-- A notification names its kind and the object it links to, never any
-- text of that object.  The outbox holds one row per mail to send; the
-- address is not copied into it but read (and opened) from app_user when
-- the mail goes out, so a queued row holds no personal data.  A row is
-- never deleted by a failure: attempts and next_attempt_at back it off.

ALTER TABLE app_user ADD COLUMN email BLOB;	-- sealed: app_user/email/id
ALTER TABLE app_user ADD COLUMN email_off INTEGER NOT NULL DEFAULT 0;

CREATE TABLE notification (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES app_user (id),
	kind		TEXT NOT NULL,
	obj_type	TEXT NOT NULL,
	obj_id		INTEGER NOT NULL,
	created_at	INTEGER NOT NULL,
	seen_at		INTEGER,
	done_at		INTEGER
);
CREATE INDEX notification_user ON notification (user_id, id);

CREATE TABLE outbox (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES app_user (id),
	kind		TEXT NOT NULL,
	link		TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	attempts	INTEGER NOT NULL DEFAULT 0,
	next_attempt_at	INTEGER NOT NULL,
	sent_at		INTEGER,
	last_error	TEXT			-- a code, never message text
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);

-- schakel 0028: which advisor last opened which signal, and when.
--
-- The advisor's queue marks a signal "new" while that advisor has not
-- opened it, and "answer received" when a reporter answered one of the
-- point's questions after that advisor last opened the signal.  One row
-- per advisor and signal, written when the signal page is read (the
-- read itself is audited in the same transaction).
CREATE TABLE signal_seen (
	signal_id	INTEGER NOT NULL REFERENCES signal (id),
	user_id		INTEGER NOT NULL REFERENCES app_user (id),
	seen_at		INTEGER NOT NULL,
	PRIMARY KEY (signal_id, user_id)
);
CREATE INDEX signal_seen_user ON signal_seen (user_id);

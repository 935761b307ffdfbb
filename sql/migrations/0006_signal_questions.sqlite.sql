-- schakel 0006: the advisor asks the reporter a question about a signal
-- and the reporter answers in schakel.  Both texts are sealed.

CREATE TABLE signal_question (
	id		INTEGER PRIMARY KEY,
	signal_id	INTEGER NOT NULL REFERENCES signal (id),
	asked_by	INTEGER NOT NULL REFERENCES app_user (id),
	question	BLOB NOT NULL,			-- sealed
	answer		BLOB,				-- sealed
	asked_at	INTEGER NOT NULL,
	answered_at	INTEGER
);
CREATE INDEX signal_question_signal ON signal_question (signal_id);

-- schakel 0008: an answered advice can become a signal once the reporter
-- adds the person; the advice keeps the signal it became, and the point
-- can suggest it when answering.

ALTER TABLE advice ADD COLUMN suggest_signal INTEGER NOT NULL DEFAULT 0
	CHECK (suggest_signal IN (0, 1));
ALTER TABLE advice ADD COLUMN signal_id INTEGER REFERENCES signal (id);
CREATE UNIQUE INDEX advice_signal ON advice (signal_id);

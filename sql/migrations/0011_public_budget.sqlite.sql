-- schakel 0011: a budget for the public form and its proof-of-work.
-- Challenges once used are kept until they expire, so each solves one
-- submission; refusals for a full budget are kept for the point's
-- overview (when, which municipality, which budget; no one's data).
-- The public signals of the last hour are counted through the partial
-- index.

CREATE TABLE public_challenge (
	nonce		TEXT PRIMARY KEY,		-- the challenge's, hex
	expires_at	INTEGER NOT NULL
);
CREATE INDEX public_challenge_expiry ON public_challenge (expires_at);

CREATE TABLE public_refusal (
	id		INTEGER PRIMARY KEY,
	at		INTEGER NOT NULL,
	municipality	TEXT NOT NULL REFERENCES municipality (code),
	budget		TEXT NOT NULL CHECK (budget IN ('municipality',
			    'total'))
);
CREATE INDEX public_refusal_at ON public_refusal (municipality, at);

CREATE INDEX signal_public_recent ON signal (created_at)
    WHERE unverified = 1;

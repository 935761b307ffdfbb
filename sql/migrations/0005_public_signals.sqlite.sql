-- schakel 0005: signals from professionals without an account.  They are
-- marked unverified, carry the reporter's own contact details (sealed) so
-- the point can call back, and are followed with a receipt code and a
-- secret of which only a keyed hash is kept.

ALTER TABLE signal ADD COLUMN unverified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE signal ADD COLUMN contact BLOB;		-- sealed
ALTER TABLE signal ADD COLUMN receipt TEXT;
ALTER TABLE signal ADD COLUMN receipt_hash BLOB;
CREATE UNIQUE INDEX signal_receipt ON signal (receipt);

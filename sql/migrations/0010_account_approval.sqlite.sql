-- schakel 0010: four eyes on new accounts, and enrolment by the user.
--
-- An account made through the API for a role that sees personal data, or
-- for an admin, waits until a second person approves it (approved_at);
-- every account made through the API waits until its user has set a
-- password and, where the role needs one, a second factor through a
-- one-time enrolment link (enrolled_at).  The link itself is never
-- stored: only its keyed hash and its expiry.  Accounts from before this
-- migration, and those the CLI makes, count as approved and enrolled.

ALTER TABLE app_user ADD COLUMN created_by INTEGER;
ALTER TABLE app_user ADD COLUMN needs_approval INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN approved_by INTEGER;
ALTER TABLE app_user ADD COLUMN approved_at INTEGER;
ALTER TABLE app_user ADD COLUMN needs_enrol INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN enrolled_at INTEGER;
ALTER TABLE app_user ADD COLUMN enrol_hash BLOB;
ALTER TABLE app_user ADD COLUMN enrol_expires_at INTEGER;
-- A designated approver of new accounts of the user's organisation.
ALTER TABLE app_user ADD COLUMN approver INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX app_user_enrol ON app_user (enrol_hash);

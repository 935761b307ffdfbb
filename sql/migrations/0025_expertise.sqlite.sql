-- schakel 0025: the registry of trained professionals (domain/expertise.c).
--
-- One row is one professional's training in one expertise, recorded by
-- their organisation.  The name is personal data: sealed with
-- crypt_seal under expertise_professional/name/id, never in plain text.
-- Days are days since 1970-01-01 (core/clock.h).  Removing an entry
-- deletes the row; the audit log keeps that it happened.

CREATE TABLE expertise_professional (
	id		INTEGER PRIMARY KEY,
	org_id		INTEGER NOT NULL REFERENCES org (id),
	name		BLOB,		-- sealed
	expertise	TEXT NOT NULL CHECK (expertise IN ('signals',
			    'minors', 'lvb', 'labour', 'criminal',
			    'migrants')),
	trained_on	INTEGER NOT NULL,
	until_on	INTEGER,	-- end or refresh date; NULL: none
	created_at	INTEGER NOT NULL,
	created_by	INTEGER NOT NULL REFERENCES app_user (id),
	CHECK (until_on IS NULL OR until_on > trained_on)
);
CREATE INDEX expertise_professional_org ON expertise_professional
    (org_id, expertise);

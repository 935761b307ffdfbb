-- schakel 0009: what help the reporter thinks the person needs, as ids of
-- the help-needs catalogue (data/help-needs.csv), comma-separated like
-- forms and indicators.  No personal data: catalogue ids only.

ALTER TABLE signal ADD COLUMN help_needs TEXT NOT NULL DEFAULT '';

-- Placeholder: filled in by the change that owns this number.
DELETE FROM deadline_rule WHERE id < 0;

-- schakel 0023: reserved.
DELETE FROM deadline_rule WHERE id < 0;

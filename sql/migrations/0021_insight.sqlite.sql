-- schakel 0021: reserved.
DELETE FROM deadline_rule WHERE id < 0;

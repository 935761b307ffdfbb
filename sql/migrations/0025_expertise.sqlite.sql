-- schakel 0025: reserved.
DELETE FROM deadline_rule WHERE id < 0;

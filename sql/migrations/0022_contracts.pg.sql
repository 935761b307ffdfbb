-- schakel 0022: reserved.
DELETE FROM deadline_rule WHERE id < 0;

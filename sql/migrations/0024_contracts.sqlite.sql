-- schakel 0024: reserved.
DELETE FROM deadline_rule WHERE id < 0;

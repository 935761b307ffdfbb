-- schakel 0026: reserved.
DELETE FROM deadline_rule WHERE id < 0;

-- schakel 0015: the criminal case and the residence of a case's victim,
-- recorded beside the care for coordination only (domain/track.h).
--
-- case_track holds every step of both tracks, oldest first; the last
-- step of a track is its state.  on_day is the day it happened and
-- ends_on the day a reflection period or a permit ends (days since
-- 1970-01-01, durations from domain/legal.c).  Who recorded it, when,
-- and the note (sealed as case_event/text/id) are on the timeline event
-- written in the same transaction.  Nothing about care refers to it.

CREATE TABLE case_track (
	id		INTEGER PRIMARY KEY,
	case_id		INTEGER NOT NULL REFERENCES care_case (id),
	track		TEXT NOT NULL CHECK (track IN ('criminal', 'residence')),
	state		TEXT NOT NULL CHECK (state IN (
			    'informative_conversation', 'report_filed',
			    'investigation', 'dismissed', 'prosecution',
			    'acquittal', 'conviction', 'reflection',
			    'reflection_ended', 'permit', 'exempt',
			    'permit_renewed', 'continued', 'withdrawn',
			    'asylum')),
	on_day		INTEGER NOT NULL,
	reason		TEXT CHECK (reason IS NULL OR reason IN ('report',
			    'declined', 'other_application', 'disappeared',
			    'expired')),
	ground		TEXT CHECK (ground IS NULL OR ground IN
			    ('serious_threat', 'medical_psychological')),
	ends_on		INTEGER,
	event_id	INTEGER NOT NULL REFERENCES case_event (id)
);
CREATE INDEX case_track_case ON case_track (case_id, track, id);
CREATE INDEX case_track_ends ON case_track (track, ends_on);

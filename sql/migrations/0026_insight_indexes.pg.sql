-- schakel 0026: indexes for the local insight's frozen counts
-- (insight/facts.c), measured with the national synthetic data
-- (docs/performance.md, "Local insight").
--
-- The time to the first accepted referral and to the start of care take
-- each case's earliest answer or start (MIN per case_id); help needs take
-- each need's first referral (MIN per need_id).  These indexes let both
-- read an index in order instead of sorting the referral table for every
-- quarter.  The identification decisions are found by their day.
CREATE INDEX referral_case_answered ON referral (case_id, answered_at,
    status);
CREATE INDEX referral_case_started ON referral (case_id, started_at);
CREATE INDEX referral_need_sent ON referral (need_id, sent_at);
CREATE INDEX case_assessment_first ON case_assessment (first_at);
CREATE INDEX case_assessment_final ON case_assessment (final_at);

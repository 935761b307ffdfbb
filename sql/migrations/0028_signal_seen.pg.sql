-- Placeholder on the accounts branch for another branch's migration of
-- this number and name; the merge takes that branch's file instead.
SELECT 1;

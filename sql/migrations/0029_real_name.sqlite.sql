-- schakel 0029: a professional's real name on their account
-- (domain/user.c), beside the work phone of 0003, so that a colleague
-- who must be called is named by name and not by login.  The name is
-- personal data: sealed with crypt_seal under app_user/real_name/id,
-- never in plain text, never in a log.  NULL: not given.

ALTER TABLE app_user ADD COLUMN real_name BLOB;	-- sealed

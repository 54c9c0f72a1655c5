-- The Liberty admin console's password hash ({hash} of Liberty's PasswordUtil) of the first administrator,
-- stored with the account so that every server sharing the database keeps its console in step with the
-- account's password and enabled flag (issue 22). NULL: not known (an account made before this version).
ALTER TABLE app_user ADD COLUMN console_password_hash VARCHAR(500);

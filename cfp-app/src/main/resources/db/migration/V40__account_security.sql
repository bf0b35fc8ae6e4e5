-- Issue 8 item 8: a password set by an administrator must be changed by its user at the next login.
-- (failed_attempts and locked_until are no longer written: failed logins are throttled per account and source
-- address in memory, so that nobody can lock another person out; see access.internal.LoginThrottle.)
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;

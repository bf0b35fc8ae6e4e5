-- API tokens get a scope, an expiry and a last-used time (issue 8 item 3). Runs unchanged on PostgreSQL and H2.
--   scope:        READ (GET/HEAD only), WORKFLOW (what the owner's roles allow except administration), ADMIN (all of it)
--   expires_at:   chosen at creation (1-365 days, default 90); an expired token is refused with access.token.expired
--   last_used_at: refreshed at most once a minute, so a request does not write to the database every time
-- Tokens made before scopes existed become WORKFLOW tokens (they keep their integrations' work but can no longer
-- mint tokens or manage users) and expire 90 days after this migration.

ALTER TABLE api_token ADD COLUMN scope VARCHAR(20) NOT NULL DEFAULT 'WORKFLOW';
ALTER TABLE api_token ALTER COLUMN scope DROP DEFAULT;
ALTER TABLE api_token ADD CONSTRAINT api_token_scope_ck CHECK (scope IN ('READ', 'WORKFLOW', 'ADMIN'));

ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
UPDATE api_token SET expires_at = CURRENT_TIMESTAMP + INTERVAL '90' DAY;
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;

ALTER TABLE api_token ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;

-- the tokens page lists a person's tokens
CREATE INDEX api_token_user_ix ON api_token (user_id);

-- Issue 8 item 15: the evidence page and GET /api/evidence list an organisation's files newest first a page at a time
-- and count them; the users list filters by role. These keep both quick as the tables grow (name searches are
-- "contains", which no index helps).
CREATE INDEX evidence_file_org_uploaded ON evidence_file (organisation_id, uploaded_at);
CREATE INDEX user_role_role ON user_role (role, user_id);

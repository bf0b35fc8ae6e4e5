-- Issue 8 item 15: the audit page and GET /api/audit filter by actor, action and date and count what they select;
-- these keep that quick as the trail grows (the target filter is "contains", which no index helps, but the
-- existing lookups of one target's records are served too).
CREATE INDEX audit_record_actor ON audit_record (actor, seq);
CREATE INDEX audit_record_action ON audit_record (action, seq);
CREATE INDEX audit_record_target ON audit_record (target, seq);
CREATE INDEX audit_record_recorded_at ON audit_record (recorded_at);

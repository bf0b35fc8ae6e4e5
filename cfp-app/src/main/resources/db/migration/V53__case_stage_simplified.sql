-- An adopted prior verification can simplify a stage instead of taking it out of the route (003 ¶38 "可做适当简化",
-- corrections.md B-4): the case history records it as a STAGE_SIMPLIFIED entry.
ALTER TABLE case_entry DROP CONSTRAINT case_entry_kind_ck;
ALTER TABLE case_entry ADD CONSTRAINT case_entry_kind_ck CHECK (kind IN ('OPENED', 'STAGE_WAIVED', 'STAGE_SIMPLIFIED',
    'STAGE_COMPLETED', 'MANAGER_ASSIGNED', 'TEAM_ASSIGNED', 'PAUSED', 'RESUMED', 'EXTENDED', 'CONCLUDED', 'TERMINATED'));

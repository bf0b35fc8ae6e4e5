-- Issue 8 item 6: a client registering its manufacturer or factory learns nothing about whether that company is
-- already known to the body (another customer, or registered by another client). A credit code is unique per
-- registrant: once among the companies the body onboarded itself (registry_key 0), once per client that names it as
-- a party (registry_key = that client's organisation id). Staff see records with the same credit code side by side.
ALTER TABLE organisation ADD COLUMN registry_key BIGINT DEFAULT 0 NOT NULL;
UPDATE organisation SET registry_key = registered_by_org WHERE registered_by_org IS NOT NULL;
ALTER TABLE organisation ADD CONSTRAINT organisation_credit_code_uq UNIQUE (credit_code, registry_key);

-- A certificate with many annexed products publishes an Issued event larger than 20,000 characters (the registry
-- found the limit at about 200 products): the serialized event column takes up to 1,000,000 characters
-- (H2's largest VARCHAR; PostgreSQL's VARCHAR(n) costs nothing for the unused length).
ALTER TABLE event_publication ALTER COLUMN serialized_event TYPE VARCHAR(1000000);

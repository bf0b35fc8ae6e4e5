-- Document review as a loop (R-DOC-1; 000 §7.4; 003 ¶47; issue 8 item 11): a round records exactly which document
-- versions it reviewed and, when it finds nonconformity, what the client must supplement; the client's supplement
-- (new versions through the evidence store, then "submitted") is recorded on that round and opens the next one.

-- Staff-only notes of the reviewer (never shown to the client) and the client's supplement to this round's requests.
ALTER TABLE document_review ADD COLUMN staff_note VARCHAR(4000);
ALTER TABLE document_review ADD COLUMN supplemented_on DATE;
ALTER TABLE document_review ADD COLUMN supplemented_by VARCHAR(64);
ALTER TABLE document_review ADD COLUMN supplement_note VARCHAR(4000);

-- What the round asks the client to supplement, one row per checklist document (the reviewer's words, shown to the client).
CREATE TABLE document_review_request (
    application_id  BIGINT        NOT NULL,
    round           INT           NOT NULL,
    item_id         VARCHAR(60)   NOT NULL,
    request         VARCHAR(2000) NOT NULL,
    PRIMARY KEY (application_id, round, item_id),
    CONSTRAINT document_review_request_round_fk FOREIGN KEY (application_id, round) REFERENCES document_review (application_id, round)
);

-- The document versions the round reviewed (copied from the immutable evidence rows when the round was recorded).
CREATE TABLE document_review_file (
    application_id  BIGINT        NOT NULL,
    round           INT           NOT NULL,
    item_id         VARCHAR(60)   NOT NULL,
    evidence_id     BIGINT        NOT NULL REFERENCES evidence_file (id),
    version         INT           NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    PRIMARY KEY (application_id, round, item_id),
    CONSTRAINT document_review_file_round_fk FOREIGN KEY (application_id, round) REFERENCES document_review (application_id, round)
);

-- Certificate numbers [R-CERT-2, decision D2] and the product-code reference data. Nothing here is ever deleted:
-- a number, once confirmed or allocated, stays with its case forever (never reused), also when the request is withdrawn.

-- The 3-digit product codes of the CNCA CFP-label catalogue (000 Ann.4 positions 12–14), imported by an admin (CSV).
CREATE TABLE product_code (
    code        VARCHAR(3)   NOT NULL PRIMARY KEY,
    name_zh     VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    imported_by VARCHAR(64)  NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT product_code_digits_ck CHECK (LENGTH(code) = 3)
);

-- One number request per case: what was reported (CNCA) or what the local number was made from.
CREATE TABLE number_request (
    application_id        BIGINT        NOT NULL PRIMARY KEY,
    authority             VARCHAR(8)    NOT NULL,
    scheme_code           VARCHAR(40)   NOT NULL,
    case_reference        VARCHAR(64)   NOT NULL,
    -- CNCA only: the body's internal reference of the request, never a certificate number (REQ-<year>-<seq>)
    provisional_reference VARCHAR(32),
    product_code          VARCHAR(3),
    issue_on              DATE          NOT NULL,
    fields                VARCHAR(20000) NOT NULL,
    requested_by          VARCHAR(64)   NOT NULL,
    requested_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT number_request_authority_ck CHECK (authority IN ('CNCA', 'LOCAL')),
    CONSTRAINT number_request_provisional_uq UNIQUE (provisional_reference),
    CONSTRAINT number_request_product_code_fk FOREIGN KEY (product_code) REFERENCES product_code (code)
);
CREATE SEQUENCE number_request_seq START WITH 1;

-- The record that the package was submitted to CNCA (one per request; a re-submission is a note on the same case).
CREATE TABLE number_submission (
    application_id BIGINT       NOT NULL PRIMARY KEY,
    submitted_on   DATE         NOT NULL,
    channel        VARCHAR(40)  NOT NULL,
    note           VARCHAR(2000),
    recorded_by    VARCHAR(64)  NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT number_submission_request_fk FOREIGN KEY (application_id) REFERENCES number_request (application_id)
);

-- The number of a case: CONFIRMED by CNCA (entered or imported by staff) or ALLOCATED here (local schemes).
-- The primary key on the number settles concurrency: a number is held by one case only, for ever.
CREATE TABLE certificate_number (
    number         VARCHAR(40)  NOT NULL PRIMARY KEY,
    application_id BIGINT       NOT NULL,
    source         VARCHAR(10)  NOT NULL,
    scheme_code    VARCHAR(40)  NOT NULL,
    number_year    INT          NOT NULL,
    -- ALLOCATED only (null for CNCA numbers, whose serial is CNCA's national counter per product code)
    serial         INT,
    recorded_by    VARCHAR(64)  NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT certificate_number_source_ck CHECK (source IN ('CONFIRMED', 'ALLOCATED')),
    CONSTRAINT certificate_number_application_uq UNIQUE (application_id),
    CONSTRAINT certificate_number_request_fk FOREIGN KEY (application_id) REFERENCES number_request (application_id)
);
-- local numbers: one serial per scheme and year
CREATE UNIQUE INDEX certificate_number_local_serial_uq ON certificate_number (scheme_code, number_year, serial);

-- The counter of local numbers per scheme and year (next serial to hand out); locked row by row while allocating.
CREATE TABLE number_counter (
    scheme_code VARCHAR(40) NOT NULL,
    number_year INT         NOT NULL,
    next_serial INT         NOT NULL,
    CONSTRAINT number_counter_pk PRIMARY KEY (scheme_code, number_year)
);

-- The report stage (CNEX 报告编制 [001 §9.6.7]): one submitted report per case, never updated.
CREATE TABLE case_report (
    application_id       BIGINT        NOT NULL PRIMARY KEY,
    conclusion           VARCHAR(20)   NOT NULL,
    verified_information VARCHAR(4000) NOT NULL,
    limitations          VARCHAR(4000),
    fluctuations         VARCHAR(4000),
    uncovered            VARCHAR(4000),
    prepared_by          VARCHAR(64)   NOT NULL,
    submitted_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT case_report_conclusion_ck CHECK (conclusion IN ('POSITIVE', 'NEGATIVE'))
);

-- R-PER-1, R-PER-2: the personnel registry (one profile per staff user).

CREATE TABLE staff_profile (
    user_id                    BIGINT       NOT NULL PRIMARY KEY REFERENCES app_user (id),
    full_time                  BOOLEAN      NOT NULL,
    experience_years           INT          NOT NULL,
    ccaa_registration_no       VARCHAR(60),
    confidentiality_signed_on  DATE,
    updated_by                 VARCHAR(64)  NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE staff_qualification (
    user_id        BIGINT      NOT NULL REFERENCES staff_profile (user_id),
    qualification  VARCHAR(40) NOT NULL,
    PRIMARY KEY (user_id, qualification)
);

-- Competence per product field with the evidence of 003 ¶12 (training, exam, projects).
CREATE TABLE staff_field (
    user_id        BIGINT      NOT NULL REFERENCES staff_profile (user_id),
    field_code     VARCHAR(40) NOT NULL,
    competence     VARCHAR(20) NOT NULL,
    trained        BOOLEAN     NOT NULL,
    exam_passed    BOOLEAN     NOT NULL,
    project_count  INT         NOT NULL,
    PRIMARY KEY (user_id, field_code)
);

-- Conflict-of-interest declarations per client organisation (R-PER-2).
CREATE TABLE staff_conflict (
    user_id        BIGINT       NOT NULL REFERENCES staff_profile (user_id),
    client_org_id  BIGINT       NOT NULL REFERENCES organisation (id),
    conflicted     BOOLEAN      NOT NULL,
    note           VARCHAR(500),
    declared_on    DATE         NOT NULL,
    recorded_by    VARCHAR(64)  NOT NULL,
    PRIMARY KEY (user_id, client_org_id)
);

-- Siting runs: what was asked, by whom, how it ended and its answer, kept across restarts so that
-- proposals can be looked up and accepted later; each proposal is accepted into one project at most.
-- status, objective, bound and proposal_count repeat the answer's, for the history without the JSON.
CREATE TABLE siting_run (
    id                  VARCHAR(36)   PRIMARY KEY,
    submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_by        VARCHAR(100)  NOT NULL,
    facility_type       VARCHAR(32)   NOT NULL,
    model               VARCHAR(8)    NOT NULL,
    time_limit_seconds  DOUBLE PRECISION NOT NULL,
    state               VARCHAR(16)   NOT NULL,
    elapsed_millis      BIGINT        NOT NULL,
    error               VARCHAR(2000),
    status              VARCHAR(16),
    objective           DOUBLE PRECISION,
    bound               DOUBLE PRECISION,
    proposal_count      INT           NOT NULL,
    request_json        CLOB NOT NULL,
    answer_json         CLOB
);
CREATE INDEX siting_run_submitted_idx ON siting_run (submitted_at);

CREATE TABLE siting_acceptance (
    run_id          VARCHAR(36)   NOT NULL REFERENCES siting_run (id),
    proposal_rank   INT           NOT NULL,
    project_id      BIGINT        NOT NULL REFERENCES project (id),
    user_name       VARCHAR(100)  NOT NULL,
    accepted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, proposal_rank)
);

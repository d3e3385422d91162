-- SpaceTTX store: accounts, exercises and their members, the exercise event log, the audit log.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL 15+.

CREATE TABLE users (
    username      VARCHAR(64)  PRIMARY KEY,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(256) NOT NULL,
    is_admin      BOOLEAN      NOT NULL,
    disabled      BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE exercises (
    id            VARCHAR(64)  PRIMARY KEY,
    title         VARCHAR(500) NOT NULL,
    scenario_yaml TEXT         NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(64)  NOT NULL
);

CREATE TABLE memberships (
    exercise_id VARCHAR(64) NOT NULL REFERENCES exercises (id),
    username    VARCHAR(64) NOT NULL REFERENCES users (username),
    role        VARCHAR(16) NOT NULL,
    cell        VARCHAR(64) NOT NULL,
    PRIMARY KEY (exercise_id, username)
);

-- One row per exercise event; (exercise_id, seq) is the optimistic-concurrency guard: two commands appending the
-- same sequence number cannot both commit.
CREATE TABLE events (
    exercise_id   VARCHAR(64) NOT NULL REFERENCES exercises (id),
    seq           BIGINT      NOT NULL,
    scenario_time TIMESTAMP WITH TIME ZONE NOT NULL,
    wall_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(64) NOT NULL,
    body          TEXT        NOT NULL,
    PRIMARY KEY (exercise_id, seq)
);

-- Append-only, hash-chained: hash = SHA-256(prev_hash | seq | at | username | action | detail).
CREATE TABLE audit (
    seq       BIGINT       PRIMARY KEY,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    username  VARCHAR(64)  NOT NULL,
    action    VARCHAR(64)  NOT NULL,
    detail    TEXT         NOT NULL,
    prev_hash VARCHAR(64)  NOT NULL,
    hash      VARCHAR(64)  NOT NULL
);

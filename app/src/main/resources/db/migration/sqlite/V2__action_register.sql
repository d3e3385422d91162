-- The working group's action register: every action item of every exercise, kept after the exercise ends.
-- A row is keyed by its origin (exercise, item id); its history lists every change, from the exercise's events
-- (event_seq set, so that re-reading an exercise's log adds nothing twice) or from the register itself.
-- SQLite's variant of this version: SQLite has no identity columns; an INTEGER PRIMARY KEY is its row id, which
-- SQLite assigns on insert in the same way. Everything else is as in db/migration/postgresql.

CREATE TABLE action_register (
    id             INTEGER PRIMARY KEY,
    exercise_id    VARCHAR(64)  NOT NULL REFERENCES exercises (id),
    item_id        VARCHAR(64)  NOT NULL,
    origin_move    VARCHAR(64)  NOT NULL,
    origin_inject  INTEGER,
    title          VARCHAR(500) NOT NULL,
    owner_nation   VARCHAR(3)   NOT NULL,
    due            DATE,
    status         VARCHAR(16)  NOT NULL,
    last_event_seq BIGINT       NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (exercise_id, item_id)
);

CREATE TABLE action_register_history (
    register_id  BIGINT       NOT NULL REFERENCES action_register (id),
    seq          INTEGER      NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    username     VARCHAR(64)  NOT NULL,
    title        VARCHAR(500) NOT NULL,
    owner_nation VARCHAR(3)   NOT NULL,
    due          DATE,
    status       VARCHAR(16)  NOT NULL,
    note         VARCHAR(2000) NOT NULL,
    event_seq    BIGINT,
    PRIMARY KEY (register_id, seq),
    UNIQUE (register_id, event_seq)
);

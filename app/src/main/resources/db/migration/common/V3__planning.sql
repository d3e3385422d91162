-- Planning in the browser: scenario drafts with every saved version (who, when, what note), element-set catalogs
-- uploaded for the workspace's search, and the planner role (may author drafts and publish them, nothing else).

ALTER TABLE users ADD COLUMN is_planner BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE drafts (
    id           VARCHAR(64)  PRIMARY KEY,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    published_as VARCHAR(64)
);

-- A version is never changed once written: (draft_id, version) is also the guard against two planners saving
-- over each other (the second save names a base version that is no longer the latest, and is refused).
CREATE TABLE draft_versions (
    draft_id      VARCHAR(64)  NOT NULL REFERENCES drafts (id),
    version       INTEGER      NOT NULL,
    title         VARCHAR(500) NOT NULL,
    scenario_yaml TEXT         NOT NULL,
    saved_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by      VARCHAR(64)  NOT NULL,
    note          VARCHAR(500) NOT NULL,
    PRIMARY KEY (draft_id, version)
);

CREATE TABLE catalogs (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by VARCHAR(64)  NOT NULL,
    content     TEXT         NOT NULL
);

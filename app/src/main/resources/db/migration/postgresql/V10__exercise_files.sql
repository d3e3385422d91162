-- Documents attached to injects during play (images, PDF), kept once per content for each exercise; the exercise's
-- log names them by SHA-256 (FileAttached events). PostgreSQL's variant: bytes as bytea.
CREATE TABLE exercise_files (
    exercise_id VARCHAR(64) NOT NULL REFERENCES exercises (id),
    sha256      CHAR(64)    NOT NULL,
    media_type  VARCHAR(64) NOT NULL,
    content     BYTEA       NOT NULL,
    PRIMARY KEY (exercise_id, sha256)
);

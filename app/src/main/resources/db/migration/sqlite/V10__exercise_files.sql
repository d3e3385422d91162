-- Documents attached to injects during play (images, PDF), kept once per content for each exercise; the exercise's
-- log names them by SHA-256 (FileAttached events). SQLite's variant: bytes as a BLOB; otherwise as in postgresql.
CREATE TABLE exercise_files (
    exercise_id VARCHAR(64) NOT NULL REFERENCES exercises (id),
    sha256      CHAR(64)    NOT NULL,
    media_type  VARCHAR(64) NOT NULL,
    content     BLOB        NOT NULL,
    PRIMARY KEY (exercise_id, sha256)
);

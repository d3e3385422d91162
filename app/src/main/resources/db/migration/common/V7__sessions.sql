-- Signed-in sessions, in the database rather than one process's memory: a restart, or a standby taking over from the
-- active server, keeps everyone signed in. The cookie's token is stored only as its SHA-256 (the table holds no
-- usable token); a new password or a disabled account deletes the account's sessions in the same transaction.
CREATE TABLE sessions (
    token_hash  VARCHAR(64) PRIMARY KEY,
    username    VARCHAR(64) NOT NULL REFERENCES users (username),
    csrf_token  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sessions_username ON sessions (username);

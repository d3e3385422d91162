-- The answer given to each command sent with an Idempotency-Key, stored in the transaction that appends the
-- command's events: the same key from the same user within the exercise gets this answer again and appends nothing.
-- fingerprint: SHA-256 of the command as sent, so that a key reused for another command is refused.
CREATE TABLE command_receipts (
    exercise_id VARCHAR(64)  NOT NULL REFERENCES exercises (id),
    username    VARCHAR(64)  NOT NULL,
    idem_key    VARCHAR(200) NOT NULL,
    fingerprint VARCHAR(64)  NOT NULL,
    answer      TEXT         NOT NULL,
    PRIMARY KEY (exercise_id, username, idem_key)
);

-- Which server writes to a shared (PostgreSQL) database: the one holding the writer lease, an advisory lock on a
-- connection of its own, and with it this row's epoch, which it raises when it takes over. Every write transaction of
-- that server first reads the row (FOR SHARE) and goes on only while the epoch is still its own, so that a server that
-- lost the lease (killed, cut off, its session ended) can never write beside the one that took over. Unused by the
-- embedded store, whose data directory's lock does the same for one machine.
CREATE TABLE writer_lease (
    id     INTEGER      PRIMARY KEY,
    epoch  BIGINT       NOT NULL,
    holder VARCHAR(200) NOT NULL,
    since  TIMESTAMP WITH TIME ZONE
);
INSERT INTO writer_lease (id, epoch, holder) VALUES (1, 0, '');

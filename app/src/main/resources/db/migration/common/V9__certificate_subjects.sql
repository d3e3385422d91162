-- Client certificates (smart cards: CAC/PIV) mapped to accounts by their subject's distinguished name (RFC 2253),
-- for certificates whose common name is not the account's username (LAST.FIRST.MIDDLE.1234567890).
CREATE TABLE certificate_subjects (
    subject_dn VARCHAR(1000) PRIMARY KEY,
    username   VARCHAR(64)   NOT NULL REFERENCES users (username)
);

-- Accounts signed in through an organisation's OpenID Connect provider carry the provider's issuer and subject
-- ("issuer|subject"): the link that lets the same person in again, and that keeps a local account of the same
-- name from being taken over by whoever the provider names so.
ALTER TABLE users ADD COLUMN external_id VARCHAR(600);
CREATE UNIQUE INDEX users_external_id ON users (external_id);

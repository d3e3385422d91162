-- Each exercise's key for the tokens that stand for the givers of anonymous feedback (an HMAC of the request and the
-- user): the server can tell that someone has answered already without the log naming who answered what. The key
-- never leaves the server (not in the log, the archive or the API); an imported exercise gets a key of its own.
ALTER TABLE exercises ADD COLUMN feedback_key VARCHAR(64);

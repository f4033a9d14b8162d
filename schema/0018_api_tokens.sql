-- foi: the tokens scripts use for foi-server's JSON API. Applied once by the migrator as "0018_api_tokens"; never
-- edit, append a new file instead.

-- A bearer token, by its SHA-256 (shown once when made, by `foi user token`; never kept), the user it acts as, when it
-- was made (seconds since 1970) and a label saying what uses it. A deactivated user's tokens act for no one.
CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    label TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

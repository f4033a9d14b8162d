-- foi: signing in to foi-server. Applied once by the migrator as "0017_accounts"; never edit, append a new file
-- instead.

-- A user's password, as bcrypt's hash of it (never the password): set by `foi user passwd`.
CREATE TABLE passwords (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    hash TEXT NOT NULL,
    set_at INTEGER NOT NULL
);

-- A signed-in browser: the SHA-256 of the session's token (the cookie holds the token; the database never does), when
-- it began and when it was last used (seconds since 1970), for the absolute and the idle expiry.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Each attempt to sign in, by the address typed (known or not, so that an address's attempts are counted alike),
-- for the throttle: five failures in fifteen minutes refuse the address for fifteen minutes.
CREATE TABLE sign_in_attempts (
    email TEXT NOT NULL COLLATE NOCASE,
    at INTEGER NOT NULL,
    succeeded INTEGER NOT NULL
);
CREATE INDEX sign_in_attempts_by_email ON sign_in_attempts (email, at);

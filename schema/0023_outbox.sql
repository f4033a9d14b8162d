-- foi: messages to the team waiting to be delivered, and those delivered. Applied once by the migrator as
-- "0023_outbox"; never edit, append a new file instead.

-- One message for one user (FOIKit `OutgoingMessage`), written in the transaction of the step that causes it, or by
-- the daily run. `message_key` makes a message the same message: queued twice, it is kept once. `claimed_at` is
-- set by the run that takes it to deliver (seconds since 1970), so that two runs at once do not both send it;
-- `sent_at` is set only once the mail server has answered 250; `dropped` keeps why a message will never go.
-- No requester is ever named here: the text is the case's reference and subject, dates and a link.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    message_key TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    case_ref TEXT,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    queued_at INTEGER NOT NULL,
    claimed_at INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    sent_at INTEGER,
    dropped TEXT,
    last_error TEXT
);
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL AND dropped IS NULL;

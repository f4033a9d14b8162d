-- foi: the ledger of every event in the order it was appended (docs/EVENTS.md, "Tamper evidence"). Applied once by the
-- migrator as "0012_ledger"; never edit, append a new file instead.

-- Each case's events are chained by hash, but a case's last event, or a whole case with its events, could be removed
-- and every chain left whole. The ledger chains every event of the database in the order it was appended: the hash
-- at each position is SHA-256 of the hash before it and the event's own, so removing or changing any event but the
-- very last breaks it, and the head (the last position and its hash), kept elsewhere, shows the last too.
CREATE TABLE ledger (
    position INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL UNIQUE REFERENCES events(id),
    hash TEXT NOT NULL CHECK (length(hash) = 64)
);
CREATE TRIGGER ledger_is_append_only_update BEFORE UPDATE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_is_append_only_delete BEFORE DELETE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_is_appended_in_order BEFORE INSERT ON ledger
WHEN NEW.position IS NOT (SELECT ifnull(max(position), 0) + 1 FROM ledger)
BEGIN
    SELECT RAISE(ABORT, 'the ledger is appended to in order');
END;

-- Every event there is, in the order of its id, which is the order it was appended.
-- foi: the Swift step of this migration runs here.

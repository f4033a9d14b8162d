-- foi: the ledger of every event in the order it was appended (docs/EVENTS.md, "Tamper evidence"). Applied once by the
-- migrator as "0012_ledger"; never edit, append a new file instead.

-- Each case's events are chained by hash, but a case's last event, or a whole case with its events, could be removed
-- and every chain left whole. The ledger chains every event of the database in the order it was appended (the order
-- of the events' ids): each event's `ledger` is SHA-256 of the `ledger` of the event before it and the event's own
-- hash, so removing or changing any event but the very last breaks it, and the head (the last event's id and its
-- `ledger`), kept elsewhere, shows the last too. The append-only trigger is lifted for this one filling, in this
-- migration's transaction, and put back before it commits.
-- (An event written without its place shows in `foi verify`, which recomputes the ledger.)
ALTER TABLE events ADD COLUMN ledger TEXT CHECK (length(ledger) = 64);
DROP TRIGGER events_are_append_only_update;
-- foi: the Swift step of this migration runs here.
CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a new event instead');
END;

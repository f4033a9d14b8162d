-- foi: the permanent event format (docs/EVENTS.md). Applied once as "0004_event_format"; never edit, append a new
-- file instead.
--
-- Until now each payload was Swift's synthesized encoding of the event enum (`{"responded":{"_0":"ncnd"}}`), which
-- a rename in the code would have made unreadable. Every payload is rewritten, once, as the version-1 object of
-- named fields, and `format` says which version a row is in. The payloads as they were are kept, unchanged, in
-- `events_before_format_1`, so that nothing of the history is lost. The append-only triggers are lifted for this
-- one rewrite, in this migration's transaction, and put back before it commits.

CREATE TABLE events_before_format_1 (
    event_id INTEGER PRIMARY KEY REFERENCES events(id),
    payload TEXT NOT NULL
);
INSERT INTO events_before_format_1 (event_id, payload) SELECT id, payload FROM events;

ALTER TABLE events ADD COLUMN format INTEGER NOT NULL DEFAULT 1 CHECK (format >= 1);
DROP TRIGGER events_are_append_only_update;
-- foi: the Swift step of this migration runs here.
CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a new event instead');
END;
CREATE TRIGGER events_before_format_1_update BEFORE UPDATE ON events_before_format_1
BEGIN
    SELECT RAISE(ABORT, 'the payloads before format 1 are kept as they were');
END;
CREATE TRIGGER events_before_format_1_delete BEFORE DELETE ON events_before_format_1
BEGIN
    SELECT RAISE(ABORT, 'the payloads before format 1 are kept as they were');
END;

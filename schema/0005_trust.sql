-- foi: trust (docs/EVENTS.md, "Tamper evidence" and "Personal data"). Applied once as "0005_trust"; never edit,
-- append a new file instead.

-- Personal free text of events (a note, a reason, who asked for a review), kept beside the payload from event format
-- 2 on, so that it can be removed at the end of the case's retention period without changing the event. The event's
-- hash covers the salted digest, which stays; the text and its salt go.
CREATE TABLE event_texts (
    event_id INTEGER NOT NULL REFERENCES events(id),
    field TEXT NOT NULL,
    text TEXT,
    salt TEXT,
    digest TEXT NOT NULL,
    removed_on TEXT,
    PRIMARY KEY (event_id, field),
    CHECK ((text IS NULL) = (salt IS NULL) AND (text IS NULL) = (removed_on IS NOT NULL))
) WITHOUT ROWID;
CREATE TRIGGER event_texts_are_only_removed BEFORE UPDATE ON event_texts
WHEN NEW.event_id IS NOT OLD.event_id OR NEW.field IS NOT OLD.field OR NEW.digest IS NOT OLD.digest
    OR NEW.text IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an event''s personal text can only be removed');
END;
CREATE TRIGGER event_texts_are_kept BEFORE DELETE ON event_texts
BEGIN
    SELECT RAISE(ABORT, 'an event''s personal text can only be removed, its digest is kept');
END;

-- Each event's hash: SHA-256 of its canonical content and of the hash of the case's event before it.
ALTER TABLE events ADD COLUMN hash TEXT;
-- The projection keeps the day each case closed (retention runs from it) and the day its personal data was removed.
ALTER TABLE cases ADD COLUMN closed_on TEXT;
ALTER TABLE cases ADD COLUMN anonymised_on TEXT;
DROP TRIGGER events_are_append_only_update;
-- foi: the Swift step of this migration runs here.
CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a new event instead');
END;
-- REPLACE and INSERT OR REPLACE delete the row they conflict with without running DELETE triggers, and an UPSERT
-- turns an insert into an update: an insert that would meet an existing event is refused before either can happen.
CREATE TRIGGER events_are_never_replaced BEFORE INSERT ON events
WHEN EXISTS (SELECT 1 FROM events WHERE id = NEW.id)
    OR EXISTS (SELECT 1 FROM events WHERE case_id = NEW.case_id AND sequence = NEW.sequence)
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: an event cannot be replaced');
END;
CREATE TRIGGER events_are_chained BEFORE INSERT ON events
WHEN NEW.hash IS NULL OR length(NEW.hash) <> 64
BEGIN
    SELECT RAISE(ABORT, 'an event needs its hash (see docs/EVENTS.md)');
END;
-- The payloads kept from before format 1 hold personal texts too: anonymisation may empty one, and nothing else.
DROP TRIGGER events_before_format_1_update;
CREATE TRIGGER events_before_format_1_update BEFORE UPDATE ON events_before_format_1
WHEN NEW.event_id IS NOT OLD.event_id OR NEW.payload <> ''
BEGIN
    SELECT RAISE(ABORT, 'the payloads before format 1 are kept as they were, or emptied by anonymisation');
END;
-- Retention: closed cases in the order they fall due for anonymisation.
CREATE INDEX cases_by_closure ON cases (closed_on) WHERE closed_on IS NOT NULL AND anonymised_on IS NULL;

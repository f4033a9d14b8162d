-- foi: the documents a response encloses. Applied once as "0016_enclosures"; never edit, append a new file instead.

-- Each file an answer lists (the `answer-recorded` event names it by its SHA-256), kept whole beside the case. One
-- marked personal loses its bytes when the case's personal data is removed; its name, size and digest stay, as the
-- event that names them does.
CREATE TABLE enclosures (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    digest TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB,
    personal INTEGER NOT NULL,
    removed_on TEXT,
    PRIMARY KEY (case_id, digest),
    CHECK ((content IS NULL) = (removed_on IS NOT NULL))
) WITHOUT ROWID;
CREATE TRIGGER enclosures_are_only_removed BEFORE UPDATE ON enclosures
WHEN NEW.case_id IS NOT OLD.case_id OR NEW.digest IS NOT OLD.digest OR NEW.name IS NOT OLD.name
    OR NEW.size IS NOT OLD.size OR NEW.personal IS NOT OLD.personal OR NEW.content IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an enclosure can only be removed, its name, size and digest are kept');
END;
CREATE TRIGGER enclosures_are_kept BEFORE DELETE ON enclosures
BEGIN
    SELECT RAISE(ABORT, 'an enclosure can only be removed, its name, size and digest are kept');
END;

-- foi: the authority's own reasoning paragraphs. Applied once by the migrator as "0008_paragraphs"; never edit,
-- append a new file instead.

-- Standard reasoning an officer adds to an exemption's reasoning (`foi reason --engaged-paragraph NAME`, …). foi ships
-- a library (seeds/paragraphs.json); a row here adds a paragraph, or replaces the shipped one of its name.
CREATE TABLE paragraphs (
    name TEXT PRIMARY KEY,
    section TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('engaged', 'for', 'against')),
    text TEXT NOT NULL,
    added_at TEXT NOT NULL
);

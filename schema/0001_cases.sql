-- foi: the case store. Applied once by the migrator as "0001_cases"; never edit, append a new file instead.

-- Personal data of requesters, kept apart from the case history so that it can be anonymised.
CREATE TABLE requesters (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    address TEXT,
    anonymised_on TEXT
);

-- The projection of each case's events: rewritten in the same transaction as every event appended.
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    regime TEXT NOT NULL CHECK (regime IN ('foia', 'eir', 'foisa', 'eirs', 'sar')),
    status TEXT NOT NULL CHECK (status IN ('open', 'awaiting-clarification', 'awaiting-fee', 'extended',
                                           'responded', 'withdrawn', 'transferred', 'lapsed')),
    status_since TEXT NOT NULL,
    received_on TEXT NOT NULL,
    -- The date the officer works to: the statutory date, or the s.10(3) estimate once a PIT extension is recorded.
    due_on TEXT,
    -- With a PIT extension, the statutory date the refusal notice was due by.
    extended_from_on TEXT,
    provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
    subject TEXT NOT NULL,
    channel TEXT NOT NULL,
    receipt_convention TEXT NOT NULL,
    requester_id INTEGER REFERENCES requesters(id),
    outcome TEXT,
    responded_on TEXT,
    event_count INTEGER NOT NULL CHECK (event_count >= 1),
    -- The response clock's inputs as the events define them (JSON), so a calendar change can recompute dates.
    clock TEXT NOT NULL
);
-- The board and the overdue list read open cases in due-date order.
CREATE INDEX cases_open_by_due ON cases (due_on) WHERE status IN ('open', 'extended');
CREATE INDEX cases_by_status ON cases (status, due_on);
CREATE INDEX cases_by_received ON cases (received_on);

-- Every step of every case, in order. Append-only: the triggers below refuse UPDATE and DELETE.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    sequence INTEGER NOT NULL CHECK (sequence >= 1),
    kind TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    payload TEXT NOT NULL,
    actor TEXT,
    recorded_at TEXT NOT NULL,
    UNIQUE (case_id, sequence)
);
CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a new event instead');
END;
CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a new event instead');
END;

-- Exemptions relied on, per case and part (projection of exemption-applied events).
CREATE TABLE case_exemptions (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    citation TEXT NOT NULL,
    part TEXT NOT NULL,
    ncnd INTEGER NOT NULL CHECK (ncnd IN (0, 1)),
    public_interest TEXT,
    PRIMARY KEY (case_id, citation, part)
);

-- Bank holidays proclaimed after the shipped data was published.
CREATE TABLE holidays (
    date TEXT NOT NULL,
    division TEXT NOT NULL CHECK (division IN ('england-and-wales', 'scotland', 'northern-ireland')),
    title TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (date, division)
);

-- Organisation settings (reference pattern, receipt convention).
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The last sequence number issued per year of receipt, for generated references.
CREATE TABLE reference_sequences (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

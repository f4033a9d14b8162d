-- foi: bank holidays cancelled or moved by proclamation, and a refreshed GOV.UK bank-holidays.json. Applied once by
-- the migrator as "0007_holiday_changes"; never edit, append a new file instead.

-- A day of the published data (or of the rules, for a year no data covers) that is not a bank holiday after all:
-- cancelled, or moved by proclamation to another day (which is added to `holidays`). `title` names the day lost.
CREATE TABLE cancelled_holidays (
    date TEXT NOT NULL,
    division TEXT NOT NULL CHECK (division IN ('england-and-wales', 'scotland', 'northern-ireland')),
    title TEXT NOT NULL,
    cancelled_at TEXT NOT NULL,
    PRIMARY KEY (date, division)
);

-- The GOV.UK bank-holidays.json last taken in (`foi holidays import`), as it came: for each division it replaces the
-- data shipped with foi for the years it covers. One row at most.
CREATE TABLE imported_holidays (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data BLOB NOT NULL,
    imported_at TEXT NOT NULL
);

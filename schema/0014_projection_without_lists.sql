-- foi: the board's clocks without a list of their names. Applied once as "0014_projection_without_lists"; never
-- edit, append a new file instead.

-- A CHECK listing the clocks had to be rebuilt with the table for every clock the law added (0006 did it once). The
-- clocks are FOIKit's (`ClockName`), and the table is a projection: it is made again empty, with no list, and the
-- re-projection the migrator runs after the migrations (`Projection.version`) fills it from the events.
DROP TABLE case_clocks;
CREATE TABLE case_clocks (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    clock TEXT NOT NULL,
    due_on TEXT NOT NULL,
    -- The case's regime, so that each regime's working-day horizon is counted without reading the case.
    regime TEXT NOT NULL,
    -- Whose move it waits for: the authority's duty, a date to watch, or the requester.
    watch TEXT NOT NULL,
    provisional INTEGER NOT NULL CHECK (provisional IN (0, 1)),
    PRIMARY KEY (case_id, clock)
) WITHOUT ROWID;
CREATE INDEX case_clocks_duties ON case_clocks (due_on, case_id) WHERE watch = 'duty';
CREATE INDEX case_clocks_upcoming ON case_clocks (due_on, case_id, regime) WHERE watch IN ('duty', 'date');
CREATE INDEX case_clocks_requester ON case_clocks (due_on, case_id) WHERE watch = 'requester';
CREATE INDEX case_clocks_by_name ON case_clocks (clock, due_on);

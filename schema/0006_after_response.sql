-- foi: the law after the response (RULES.md §5.1). Applied once as "0006_after_response"; never edit, append a new
-- file instead.

-- Two more clocks on the board: a reopened case's further response (the first response keeps its own clock), and
-- the last day to ask the Tribunal for permission to appeal its decision. SQLite cannot change a CHECK, so the
-- table is rebuilt with the same rows and indexes.
CREATE TABLE case_clocks_0006 (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    clock TEXT NOT NULL CHECK (clock IN ('response', 'further-response', 'clarification-lapse', 'fee-lapse', 'review',
                                         'submissions', 'compliance', 'appeal-window', 'hearing', 'permission-window')),
    due_on TEXT NOT NULL,
    regime TEXT NOT NULL,
    watch TEXT NOT NULL CHECK (watch IN ('duty', 'date', 'requester')),
    provisional INTEGER NOT NULL CHECK (provisional IN (0, 1)),
    PRIMARY KEY (case_id, clock)
) WITHOUT ROWID;
INSERT INTO case_clocks_0006 (case_id, clock, due_on, regime, watch, provisional)
    SELECT case_id, clock, due_on, regime, watch, provisional FROM case_clocks;
DROP TABLE case_clocks;
ALTER TABLE case_clocks_0006 RENAME TO case_clocks;
CREATE INDEX case_clocks_duties ON case_clocks (due_on, case_id) WHERE watch = 'duty';
CREATE INDEX case_clocks_upcoming ON case_clocks (due_on, case_id, regime) WHERE watch IN ('duty', 'date');
CREATE INDEX case_clocks_requester ON case_clocks (due_on, case_id) WHERE watch = 'requester';
CREATE INDEX case_clocks_by_name ON case_clocks (clock, due_on);

-- The cases whose clocks these rules change (a reopened response, a review, a complaint and what follows it, a
-- subject access fee) are replayed and their projection rewritten.
-- foi: the Swift step of this migration runs here.

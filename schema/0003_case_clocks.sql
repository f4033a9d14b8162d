-- foi: the clocks after the response (internal review, the regulator, the Tribunal) and each case's stage.
-- Applied once as "0003_case_clocks"; never edit, append a new file instead.

-- The latest process a case has entered, beside its status (see CaseStage).
ALTER TABLE cases ADD COLUMN stage TEXT NOT NULL DEFAULT 'request'
    CHECK (stage IN ('request', 'responded', 'review', 'regulator', 'tribunal', 'closed'));
UPDATE cases SET stage = CASE WHEN status = 'responded' THEN 'responded'
                              WHEN status IN ('withdrawn', 'transferred', 'lapsed') THEN 'closed'
                              ELSE 'request' END;
CREATE INDEX cases_by_stage ON cases (stage, due_on);

-- The board's clocks of each case that still wait for their step (projection: rewritten with the case's row on
-- every event). The requester's own windows to ask for a review or complain are derived on the case, not kept here.
CREATE TABLE case_clocks (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    clock TEXT NOT NULL CHECK (clock IN ('response', 'clarification-lapse', 'fee-lapse', 'review', 'submissions',
                                         'compliance', 'appeal-window', 'hearing')),
    due_on TEXT NOT NULL,
    -- The case's regime, so that each regime's working-day horizon is counted without reading the case.
    regime TEXT NOT NULL,
    -- Whose move it waits for: the authority's duty, a date to watch, or the requester.
    watch TEXT NOT NULL CHECK (watch IN ('duty', 'date', 'requester')),
    provisional INTEGER NOT NULL CHECK (provisional IN (0, 1)),
    PRIMARY KEY (case_id, clock)
) WITHOUT ROWID;
-- Each board section reads its own index in its own order, so a limited section stops early.
CREATE INDEX case_clocks_duties ON case_clocks (due_on, case_id) WHERE watch = 'duty';
CREATE INDEX case_clocks_upcoming ON case_clocks (due_on, case_id, regime) WHERE watch IN ('duty', 'date');
CREATE INDEX case_clocks_requester ON case_clocks (due_on, case_id) WHERE watch = 'requester';
CREATE INDEX case_clocks_by_name ON case_clocks (clock, due_on);

-- Cases from before this migration have no step after the response: their running clock is the response's.
-- The lapse clocks of cases waiting on the requester need the calendar, and are added by foi as it migrates.
INSERT INTO case_clocks (case_id, clock, due_on, regime, watch, provisional)
    SELECT id, 'response', due_on, regime, 'duty', provisional FROM cases
    WHERE status IN ('open', 'extended') AND due_on IS NOT NULL;

-- The board no longer reads these; the clocks' indexes replace them.
DROP INDEX cases_open_by_due;
DROP INDEX cases_awaiting;

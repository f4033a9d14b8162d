-- foi: the stage of sign-off each case waits for, projected. Applied once by the migrator as "0025_signoffs"; never
-- edit, append a new file instead.

-- The stage the chain of sign-off waits for as its decisions leave it (FOIKit `Approval.spans`, whatever the draft)
-- and the date its clock gives: the office's working days for each approver from the day the stage was reached.
-- No row once the chain is through or the response letter has gone. Rewritten with the case's projection, filled
-- for every case by the re-projection of `Projection.version` 6; read by the board.
CREATE TABLE case_signoffs (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    stage INTEGER NOT NULL,
    -- The approver: a user, or a team any member of which approves for it.
    user_id INTEGER REFERENCES users(id),
    team_id INTEGER REFERENCES teams(id),
    since_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    CHECK ((user_id IS NULL) != (team_id IS NULL))
);
CREATE INDEX case_signoffs_by_due ON case_signoffs (due_on);

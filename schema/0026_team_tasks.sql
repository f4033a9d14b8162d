-- foi: tasks given to a team. Applied once by the migrator as "0026_team_tasks"; never edit, append a new file
-- instead.

-- A task is given to a user or to a team, any member of which (or of a team under it) answers it: case_tasks gains
-- team_id, and user_id may be empty. SQLite cannot loosen a column's NOT NULL in place, so the table is made again
-- with the rows it had (each a user's task) and its indexes.
CREATE TABLE case_tasks_with_teams (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    task INTEGER NOT NULL,
    user_id INTEGER REFERENCES users(id),
    team_id INTEGER REFERENCES teams(id),
    -- open: waiting for the contributor; done; declined; ended: the case closed with the task unanswered.
    state TEXT NOT NULL,
    given_on TEXT NOT NULL,
    -- The task's date; empty while the case's clock is stopped.
    due_on TEXT,
    closed_on TEXT,
    hours REAL,
    activity TEXT,
    PRIMARY KEY (case_id, task),
    CHECK ((user_id IS NULL) != (team_id IS NULL))
) WITHOUT ROWID;
INSERT INTO case_tasks_with_teams (case_id, task, user_id, state, given_on, due_on, closed_on, hours, activity)
    SELECT case_id, task, user_id, state, given_on, due_on, closed_on, hours, activity FROM case_tasks;
DROP TABLE case_tasks;
ALTER TABLE case_tasks_with_teams RENAME TO case_tasks;
CREATE INDEX case_tasks_by_user ON case_tasks (user_id, state, due_on);
CREATE INDEX case_tasks_by_team ON case_tasks (team_id, state, due_on) WHERE team_id IS NOT NULL;
CREATE INDEX case_tasks_open ON case_tasks (due_on) WHERE state = 'open';

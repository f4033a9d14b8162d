-- foi: contributor tasks, projected. Applied once by the migrator as "0020_tasks"; never edit, append a new file
-- instead.

-- Each question put to a contributor (FOIKit `Case.tasks`, from the case's task-given, task-done and task-declined
-- events) with the date its clock gives (`CaseClock` of the task, within the case's own date). Rewritten with the
-- case's projection, filled for every case by the re-projection of `Projection.version` 3; read by `task list`, by
-- the cases a contributor may see, and by the figures of where the days went.
CREATE TABLE case_tasks (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    task INTEGER NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    -- open: waiting for the contributor; done; declined; ended: the case closed with the task unanswered.
    state TEXT NOT NULL,
    given_on TEXT NOT NULL,
    -- The task's date; empty while the case's clock is stopped.
    due_on TEXT,
    closed_on TEXT,
    hours REAL,
    activity TEXT,
    PRIMARY KEY (case_id, task)
) WITHOUT ROWID;
CREATE INDEX case_tasks_by_user ON case_tasks (user_id, state, due_on);
CREATE INDEX case_tasks_open ON case_tasks (due_on) WHERE state = 'open';

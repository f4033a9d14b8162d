-- foi: the timeliness figures' dates, projected. Applied once by the migrator as "0009_timeliness"; never edit,
-- append a new file instead.

-- Each request and internal review as the ICO's timeliness figures count it (FOIKit `Case.timelinessEntries`):
-- its statutory date, its last permitted date (extended where there is an extension) and the day it was answered
-- (a request's first response). Rewritten with the case's projection, so that today's figures are read by date
-- rather than by replaying every case; figures as at a past date replay the events.
CREATE TABLE timeliness (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL CHECK (kind IN ('request', 'review')),
    ordinal INTEGER NOT NULL,
    regime TEXT NOT NULL,
    statutory_due_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    answered_on TEXT,
    PRIMARY KEY (case_id, kind, ordinal)
);
CREATE INDEX timeliness_by_due ON timeliness (due_on);

-- foi: the Swift step of this migration runs here.

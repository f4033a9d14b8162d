-- foi: indexes for the board. Each section is counted by status, date and regime (each regime has its own
-- working-day horizon), and listed in its own order up to a limit, which these indexes give without a sort.
DROP INDEX cases_by_status;
CREATE INDEX cases_by_status ON cases (status, due_on, regime);
DROP INDEX cases_open_by_due;
CREATE INDEX cases_open_by_due ON cases (due_on, ref) WHERE status IN ('open', 'extended');
CREATE INDEX cases_awaiting ON cases (status_since, ref) WHERE status IN ('awaiting-clarification', 'awaiting-fee');

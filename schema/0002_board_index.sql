-- foi: the board counts each section by status, date and regime (each regime has its own working-day horizon):
-- an index holding all three answers the counts without reading the cases themselves.
DROP INDEX cases_by_status;
CREATE INDEX cases_by_status ON cases (status, due_on, regime);

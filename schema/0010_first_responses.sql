-- foi: each case's first response, projected for the disclosure log and the report. Applied once by the migrator as
-- "0010_first_responses"; never edit, append a new file instead.

-- The first response of each FOI, EIR, FOISA and EIR(S) case (never a subject access request) as the disclosure log
-- publishes it (FOIKit `Case.disclosureLogEntry`): its date and outcome, the exemptions relied on in it (one per
-- line, `part citation`, with ` ncnd` where the duty to confirm or deny is excluded), the title decided for
-- publication (null: the case's subject) and why the case is held back from the log (null: it is published).
-- Rewritten with the case's projection, so a year's log is read by date rather than by replaying every case.
CREATE TABLE first_responses (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    responded_on TEXT NOT NULL,
    outcome TEXT NOT NULL,
    exemptions TEXT NOT NULL,
    title TEXT,
    held_back TEXT
);
CREATE INDEX first_responses_by_date ON first_responses (responded_on);

-- foi: the Swift step of this migration runs here.

-- foi: who handles each case, projected. Applied once by the migrator as "0011_handlers"; never edit, append a new
-- file instead.

-- The officer each case is assigned to (FOIKit `Case.handler`, from its latest `assigned` event); a case handled by
-- no one has no row. Rewritten with the case's projection; read by the board and the listings to select an
-- officer's cases.
CREATE TABLE case_handlers (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    handler TEXT NOT NULL
);
CREATE INDEX case_handlers_by_handler ON case_handlers (handler);

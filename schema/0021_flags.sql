-- foi: the flags that route each case, projected. Applied once by the migrator as "0021_flags"; never edit, append a
-- new file instead.

-- One row a flag raised on a case (FOIKit `Case.flags`, from its flagged events). Rewritten with the case's
-- projection, filled for every case by the re-projection of `Projection.version` 4; read by `list --flag`.
CREATE TABLE case_flags (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    flag TEXT NOT NULL,
    PRIMARY KEY (case_id, flag)
) WITHOUT ROWID;
CREATE INDEX case_flags_by_flag ON case_flags (flag, case_id);

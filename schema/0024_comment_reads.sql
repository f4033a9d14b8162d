-- foi: which comments each user has read. Applied once by the migrator as "0024_comment_reads"; never edit, append a
-- new file instead.

-- The last step of a case a user had seen when they last opened it in foi-server: the comments after it are marked
-- new for them. Not history (reading changes nothing of the case), so kept apart from the events.
CREATE TABLE comment_reads (
    user_id INTEGER NOT NULL REFERENCES users(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    seen_sequence INTEGER NOT NULL,
    PRIMARY KEY (user_id, case_id)
) WITHOUT ROWID;

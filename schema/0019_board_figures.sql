-- foi: the board's quarter figures read from an index alone. Applied once by the migrator as "0019_board_figures";
-- never edit, append a new file instead.

-- The board opens with how the quarter's requests stand: their dates, counted by set of dates. Held in this index
-- in the order they are grouped, an office with thousands of open requests reads the index and not the table.
CREATE INDEX timeliness_requests_by_due ON timeliness (due_on, statutory_due_on, answered_on) WHERE kind = 'request';

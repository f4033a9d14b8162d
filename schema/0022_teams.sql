-- foi: the office's teams, and to whom each case is allocated. Applied once by the migrator as "0022_teams"; never
-- edit, append a new file instead.

-- A team of the office (a directorate, a department), in a tree by `parent_id`. Allocation events keep a team's id,
-- so a team is renamed without touching any chain, and never deleted while an event names it.
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    parent_id INTEGER REFERENCES teams(id)
);

-- Who belongs to a team, and as what (FOIKit `Team.Role`: coordinator or member). A user may be in several teams.
CREATE TABLE team_members (
    team_id INTEGER NOT NULL REFERENCES teams(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
) WITHOUT ROWID;
CREATE INDEX team_members_by_user ON team_members (user_id, team_id);

-- The allocation of each case (FOIKit `Case.team` and `Case.allocation`, from its assigned, allocated and
-- allocation-* events): the team, and whether the offer was accepted. A case never allocated has no row. Rewritten
-- with the case's projection, filled for every case by the re-projection of `Projection.version` 5; read by the
-- board and the listings of one team (`--team`).
CREATE TABLE case_allocations (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id),
    team_id INTEGER REFERENCES teams(id),
    standing TEXT
);
CREATE INDEX case_allocations_by_team ON case_allocations (team_id) WHERE team_id IS NOT NULL;

-- foi: the users of foi, whom events of format 3 name (docs/EVENTS.md, "Identities"). Applied once by the migrator
-- as "0013_users"; never edit, append a new file instead.

-- Each user is a number that events keep: the actor of an event of format 3 is a user's id (as text), and so is the
-- handler an `assigned` event of format 3 names. A name or an e-mail address can change; the number does not, so a
-- hash chain never has to. Users 1 and 2 are foi itself and the importer. A user is never deleted, only made
-- inactive: old events still name it. The role is FOIKit's `User.Role`, checked there rather than by a list here,
-- so that a new role needs no rebuild of the table.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT UNIQUE COLLATE NOCASE,
    login TEXT UNIQUE,
    role TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
INSERT INTO users (id, name, login, role) VALUES (1, 'foi', 'system', 'system'), (2, 'import', 'import', 'system');
CREATE INDEX users_by_name ON users (name);

-- Who handles a case: a user (format 3), or a name typed before there were users (format 1 and 2), which stays in
-- `handler` with no user.
ALTER TABLE case_handlers ADD COLUMN user_id INTEGER REFERENCES users(id);

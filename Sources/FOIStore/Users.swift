import FOIKit
import GRDB

/// The users events of format 3 name (`users`, migration 0013): each actor and each handler named by a name is
/// resolved to one in the transaction that keeps the event, made where there is none, so that a refused command
/// makes no user either.
enum Users {
    /// The user `actor` is, made where there is none yet: an operating-system account becomes a user of its login,
    /// a name the user of that e-mail address or of that name.
    static func id(of actor: Actor, _ db: Database) throws -> UserID {
        switch actor {
        case .user(let id):
            return id
        case .localAccount(let login):
            if let id = try Int.fetchOne(db, sql: "SELECT id FROM users WHERE login = ?", arguments: ["os:" + login]) {
                return UserID(rawValue: id)
            }
            return try add(name: login, email: nil, login: "os:" + login, role: .officer, db).id
        case .named(let text):
            return try id(named: text, db)
        }
    }

    /// The user named by `text` (an e-mail address, else a name; the first made of that name), made where there is
    /// none.
    static func id(named text: String, _ db: Database) throws -> UserID {
        if let id = try matching(text, db) { return id }
        return try add(name: text, email: text.contains("@") ? text : nil, login: nil, role: .officer, db).id
    }

    /// The user of the e-mail address or the name `text`, if there is one.
    static func matching(_ text: String, _ db: Database) throws -> UserID? {
        let sql =
            text.contains("@")
            ? "SELECT id FROM users WHERE email = ?" : "SELECT id FROM users WHERE name = ? ORDER BY id LIMIT 1"
        return try Int.fetchOne(db, sql: sql, arguments: [text]).map(UserID.init(rawValue:))
    }

    static func add(name: String, email: String?, login: String?, role: User.Role, _ db: Database) throws -> User {
        try db.execute(
            sql: "INSERT INTO users (name, email, login, role) VALUES (?, ?, ?, ?)",
            arguments: [name, email, login, role.rawValue])
        return User(
            id: UserID(rawValue: Int(db.lastInsertedRowID)), name: name, email: email, login: login, role: role,
            active: true)
    }

    /// The `actor` column of an event of format 3 written by `actor`.
    static func column(for actor: Actor, _ db: Database) throws -> String {
        String(try id(of: actor, db).rawValue)
    }

    static func all(_ db: Database) throws -> [User] {
        try Row.fetchAll(db, sql: "SELECT id, name, email, login, role, active FROM users ORDER BY id").map { row in
            guard let role = User.Role(rawValue: row[4]) else { throw StoreError.unreadableCase(id: row[0]) }
            return User(
                id: UserID(rawValue: row[0]), name: row[1], email: row[2], login: row[3], role: role, active: row[5])
        }
    }
}

extension CaseStore {
    /// Every user, in the order they were made.
    public func users() async throws -> [User] {
        try await read(Users.all)
    }

    /// Adds a user; refused where the e-mail address is another user's.
    public func addUser(name: String, email: String?, role: User.Role) async throws -> User {
        try await write { db in
            if let email, try Users.matching(email, db) != nil { throw StoreError.userExists(email) }
            return try Users.add(name: name, email: email, login: nil, role: role, db)
        }
    }

    /// Makes the user of `email` inactive: the events they made still name them; their sessions end.
    public func deactivateUser(_ email: String) async throws -> User {
        try await write { db in
            guard let id = try Users.matching(email, db) else { throw StoreError.noUser(email) }
            try db.execute(sql: "UPDATE users SET active = 0 WHERE id = ?", arguments: [id.rawValue])
            // Signed out everywhere.
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [id.rawValue])
            guard let user = try Users.all(db).first(where: { $0.id == id }) else { throw StoreError.noUser(email) }
            return user
        }
    }
}

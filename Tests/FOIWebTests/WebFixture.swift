import FOIApp
import FOIKit
import FOIStore
import FOIWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// What the page tests share: a store in memory whose users have a password, and foi-server's router over it on a
/// fixed day.
enum WebFixture {
    static let password = "correct horse battery staple"

    /// A store with `users` (name, e-mail address, role), each signing in with `password`.
    static func store(users: [(name: String, email: String, role: User.Role)]) async throws -> CaseStore {
        let store = try CaseStore.inMemory()
        for user in users {
            _ = try await store.addUser(name: user.name, email: user.email, role: user.role)
            _ = try await Accounts(storage: store, cost: 4).setPassword(password, forUser: user.email, at: 0)
        }
        return store
    }

    /// foi-server's routes over `store`, today being Fri 27 Nov 2026.
    static func application(_ store: CaseStore) throws -> some ApplicationProtocol {
        let today = try CivilDate(iso: "2026-11-27")
        let server = WebServer(
            storage: store, accounts: Accounts(storage: store, cost: 4), now: { 1_796_000_000 }, today: { today })
        return Application(router: server.router())
    }

    /// `uri` asked for by the user of the session `cookie`.
    static func get(_ client: some TestClientProtocol, _ uri: String, as cookie: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: WebServerTests.headers(cookie: cookie)) { $0 }
    }
}

/// A form posted as a browser posts one with files (`multipart/form-data`), its parts in order.
struct MultipartBody {
    enum Part {
        case field(String, String)
        case file(String, filename: String, bytes: [UInt8])
    }

    static let boundary = "----foiTestBoundary7MA4YWxkTrZu0gW"
    let bytes: [UInt8]

    init(_ parts: [Part]) {
        var bytes: [UInt8] = []
        for part in parts {
            bytes += Array("--\(Self.boundary)\r\n".utf8)
            switch part {
            case .field(let name, let value):
                bytes += Array("Content-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
            case .file(let name, let filename, let content):
                bytes += Array(
                    ("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n").utf8)
                bytes += content + Array("\r\n".utf8)
            }
        }
        self.bytes = bytes + Array("--\(Self.boundary)--\r\n".utf8)
    }

    /// The headers of the form posted from this server's page by the user of the session `cookie`.
    func headers(cookie: String) -> HTTPFields {
        var headers = WebServerTests.headers(cookie: cookie)
        headers[.contentType] = "multipart/form-data; boundary=\(Self.boundary)"
        return headers
    }
}

import FOIKit

/// The board as drawn for the last event recorded: a board changes only when a step is recorded or the day turns,
/// while a whole office reloads it all day. Each drawing is keyed by the number of the last event read before it
/// was drawn and by the day, so a step recorded meanwhile makes the next request draw it afresh and none is missed;
/// however many requests ask at once, each drawing is made once. Only the latest event's drawings are kept, and
/// only a few of them (the page, and the API's few queries).
actor BoardCache<Drawing: Sendable> {
    struct Key: Hashable, Sendable {
        var today: CivilDate
        var horizon: Int
        var limit: Int?
        var handler: HandlerFilter?
    }

    /// The most drawings kept: beyond, an uncommon query is drawn for its request alone.
    private let capacity: Int
    /// The last event the drawings kept were read after.
    private var version: Int64 = -1
    private var drawings: [Key: Task<Drawing, any Error>] = [:]

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// The drawing of `key` read after event `version`, drawn by `draw` unless it is already drawn or being drawn.
    /// A failure is not kept: the next request draws again.
    func drawing(
        _ key: Key, after version: Int64, draw: @escaping @Sendable () async throws -> Drawing
    ) async throws -> Drawing {
        if version > self.version {
            self.version = version
            drawings = [:]
        }
        // A request that read an older event than another already has, or finds no room: drawn for itself.
        guard version == self.version, drawings[key] != nil || drawings.count < capacity else {
            return try await draw()
        }
        let task = drawings[key] ?? Task { try await draw() }
        drawings[key] = task
        do {
            return try await task.value
        } catch {
            if version == self.version { drawings[key] = nil }
            throw error
        }
    }
}

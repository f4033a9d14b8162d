/// A malformed input file, with the line and column at fault (exit 65 on the command line).
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

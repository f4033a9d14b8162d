/// Seeded mutations of a valid input, for fuzz tests: the same inputs on every run, each a few edits away from a
/// file foi reads. Edits that have broken readers before are favoured: a byte that ends or escapes something (NUL,
/// a quote, a line end, `<`, `&`, a brace), a token of the format's own (an entity, a DTD, a partial), a run
/// repeated many times, a cut.
public struct Mutator {
    private var generator: SplitMix64
    /// Tokens of the format being fuzzed, inserted whole.
    private let tokens: [[UInt8]]

    static let interestingBytes: [UInt8] = [
        0x00, 0x0A, 0x0D, 0x09, 0x1B, 0x22, 0x27, 0x2C, 0x3C, 0x3E, 0x26, 0x3B, 0x7B, 0x7D, 0x5B, 0x5D, 0x5C, 0xFF,
        0xC3, 0xE2, 0xF0,
    ]

    public init(seed: UInt64, tokens: [String]) {
        generator = SplitMix64(seed: seed)
        self.tokens = tokens.map { Array($0.utf8) }
    }

    /// `input` with one to four edits.
    public mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<8, using: &generator) {
            case 0 where position < bytes.count:
                bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            case 1 where position < bytes.count:
                bytes[position] = Self.interestingBytes.randomElement(using: &generator)!
            case 2:
                bytes.insert(Self.interestingBytes.randomElement(using: &generator)!, at: position)
            case 3 where !tokens.isEmpty:
                bytes.insert(contentsOf: tokens.randomElement(using: &generator)!, at: position)
            case 4 where position < bytes.count:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &generator))
                bytes.removeSubrange(position..<end)
            case 5 where position < bytes.count:
                // A run repeated: deep nesting, a long field, many tags.
                let end = min(bytes.count, position + Int.random(in: 1...16, using: &generator))
                let run = Array(bytes[position..<end])
                let times = [2, 10, 1_000, 20_000].randomElement(using: &generator)!
                bytes.insert(contentsOf: Array([[UInt8]](repeating: run, count: times).joined()), at: position)
            case 6:
                bytes.removeSubrange(position...)
            default:
                if !tokens.isEmpty {
                    let token = tokens.randomElement(using: &generator)!
                    let times = [1, 100, 10_000].randomElement(using: &generator)!
                    bytes.insert(contentsOf: Array([[UInt8]](repeating: token, count: times).joined()), at: position)
                }
            }
        }
        return bytes
    }

    /// A number in `range`, from the same seeded sequence.
    public mutating func pick(_ range: Range<Int>) -> Int {
        Int.random(in: range, using: &generator)
    }
}

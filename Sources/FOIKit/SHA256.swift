/// SHA-256 (FIPS 180-4), for the hash chain of each case's events. Written here rather than taken from a package:
/// FOIKit depends on nothing, Foundation on Linux has no digest, and swift-crypto would build BoringSSL for one
/// function. Checked against the NIST examples in the tests.
public struct SHA256: Sendable {
    // The eight words of the state as fields, not an array: the compression reads and writes them for every block.
    private var h0: UInt32 = 0x6a09_e667, h1: UInt32 = 0xbb67_ae85, h2: UInt32 = 0x3c6e_f372, h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f, h5: UInt32 = 0x9b05_688c, h6: UInt32 = 0x1f83_d9ab, h7: UInt32 = 0x5be0_cd19
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    public init() {}

    /// The digest of `bytes` as 64 lower-case hex digits, in one pass over them: the chain hashes every event so.
    public static func hex(_ bytes: [UInt8]) -> String {
        var hash = SHA256()
        hash.update(bytes)
        return hash.finalizeHex()
    }

    /// The digest of `bytes`, as its 32 bytes.
    public static func digest(_ bytes: [UInt8]) -> Digest {
        var hash = SHA256()
        hash.update(bytes)
        hash.finalizeState()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for word in [hash.h0, hash.h1, hash.h2, hash.h3, hash.h4, hash.h5, hash.h6, hash.h7] {
            for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> shift)) }
        }
        return Digest(bytes: bytes)
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Whole blocks are compressed straight from `buffer`; only a block's remainder is copied.
    private mutating func update(_ buffer: UnsafeRawBufferPointer) {
        length &+= UInt64(buffer.count)
        var offset = 0
        if !pending.isEmpty {
            let taken = min(64 - pending.count, buffer.count)
            pending.append(contentsOf: buffer[0..<taken])
            offset = taken
            guard pending.count == 64 else { return }
            pending.withUnsafeBytes { compress($0) }
            pending.removeAll(keepingCapacity: true)
        }
        while buffer.count - offset >= 64 {
            compress(UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + 64]))
            offset += 64
        }
        pending.append(contentsOf: buffer[offset...])
    }

    /// The digest, as 64 lower-case hex digits.
    public mutating func finalizeHex() -> String {
        finalizeState()
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 64) { hex in
            digits.withUTF8Buffer { digits in
                for (index, word) in [h0, h1, h2, h3, h4, h5, h6, h7].enumerated() {
                    for nibble in 0..<8 {
                        hex[8 * index + nibble] = digits[Int(word >> (28 - 4 * UInt32(nibble)) & 0xf)]
                    }
                }
            }
            return 64
        }
    }

    /// Pads the last block (a 1 bit, zeros, the length in bits) and compresses it, in a buffer on the stack.
    private mutating func finalizeState() {
        let bits = length &* 8
        let count = pending.count < 56 ? 64 : 128
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
            tail.initialize(repeating: 0)
            for (index, byte) in pending.enumerated() { tail[index] = byte }
            tail[pending.count] = 0x80
            for index in 0..<8 { tail[count - 1 - index] = UInt8(truncatingIfNeeded: bits >> (8 * UInt64(index))) }
            let bytes = UnsafeRawBufferPointer(tail)
            compress(UnsafeRawBufferPointer(rebasing: bytes[0..<64]))
            if count == 128 { compress(UnsafeRawBufferPointer(rebasing: bytes[64..<128])) }
        }
        pending.removeAll()
    }

    /// One 64-byte block into the state.
    private mutating func compress(_ block: UnsafeRawBufferPointer) {
        (h0, h1, h2, h3, h4, h5, h6, h7) = Self.compressed((h0, h1, h2, h3, h4, h5, h6, h7), block)
    }

    /// The state after one block: a function of its arguments alone, with nothing captured, so that the rounds
    /// compile to register arithmetic.
    private static func compressed(
        _ state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32), _ block: UnsafeRawBufferPointer
    ) -> (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 {
                w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
            }
            for i in 16..<64 {
                let s0 = w[i - 15].rotatedRight(7) ^ w[i - 15].rotatedRight(18) ^ (w[i - 15] >> 3)
                let s1 = w[i - 2].rotatedRight(17) ^ w[i - 2].rotatedRight(19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = state
            roundConstants.withUnsafeBufferPointer { k in
                for i in 0..<64 {
                    let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                    let choice = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ choice &+ k[i] &+ w[i]
                    let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ s0 &+ majority)
                }
            }
            return (
                state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g,
                state.7 &+ h
            )
        }
    }
}

/// The round constants of SHA-256.
private let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
]

private extension UInt32 {
    @inline(__always)
    func rotatedRight(_ count: UInt32) -> UInt32 { self >> count | self << (32 - count) }
}

/// A SHA-256 digest as its 32 bytes, read from and written as 64 lower-case hex digits: compared and chained without
/// a string of each (the ledger chains every event of a database).
public struct Digest: Hashable, Sendable, CustomStringConvertible {
    public private(set) var bytes = [UInt8](repeating: 0, count: 32)

    public init() {}

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The digest 64 lower-case hex digits write; nil for anything else.
    public init?(hex: UnsafeBufferPointer<UInt8>) {
        guard hex.count == 64 else { return nil }
        for index in 0..<32 {
            guard let high = Self.value(hex[2 * index]), let low = Self.value(hex[2 * index + 1]) else { return nil }
            bytes[index] = high << 4 | low
        }
    }

    /// The digest the 64 lower-case hex digits of `hex` write; nil for anything else.
    public init?(hex: String) {
        var hex = hex
        guard let digest = hex.withUTF8({ Digest(hex: $0) }) else { return nil }
        self = digest
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: digit - 0x30
        case 0x61...0x66: digit - 0x61 + 10
        default: nil
        }
    }

    public var description: String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 64) { hex in
            digits.withUTF8Buffer { digits in
                for index in 0..<32 {
                    hex[2 * index] = digits[Int(bytes[index] >> 4)]
                    hex[2 * index + 1] = digits[Int(bytes[index] & 0xf)]
                }
            }
            return 64
        }
    }
}

import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Mail delivered to a mail server over SMTP (RFC 5321), with STARTTLS (RFC 3207) where asked: one connection for a
/// run, one transaction a message, each message's outcome told as soon as the server has answered for it.
public struct SMTPTransport: MailTransport {
    public var host: String
    public var port: Int
    /// Upgrade the connection to TLS before any message (the server must offer STARTTLS).
    public var startTLS: Bool
    /// A PEM file of certificates to trust besides the system's (an office's own authority); nil: the system's.
    public var trustedCertificates: String?
    /// The name foi gives in EHLO.
    public var clientName: String
    /// How long foi waits for the server to connect or to answer before it gives up.
    public var timeout: TimeAmount

    public init(
        host: String, port: Int, startTLS: Bool, trustedCertificates: String? = nil, clientName: String = "localhost",
        timeout: TimeAmount = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.trustedCertificates = trustedCertificates
        self.clientName = clientName
        self.timeout = timeout
    }

    /// `host:port` (an IPv6 address in brackets) as a server's host and port; nil where it is not one.
    public static func server(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), colon > text.startIndex,
            let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port)
        else { return nil }
        return (String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port)
    }

    public func deliver(_ mails: [Mail], delivered: (Int, MailOutcome) async throws -> Void) async throws {
        let timeout = timeout
        let channel: NIOAsyncChannel<SMTPReply, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(timeout)
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandlers([
                            IdleStateHandler(readTimeout: timeout), CloseWhenIdle(),
                            ByteToMessageHandler(SMTPReplyDecoder()),
                        ])
                        return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw SMTPError.unreachable("\(host):\(port)", "\(error)")
        }
        try await channel.executeThenClose { inbound, outbound in
            let conversation = Conversation(replies: inbound.makeAsyncIterator(), outbound: outbound)
            try await conversation.expect(220, "the greeting")
            var capabilities = try await conversation.hello(clientName)
            if startTLS {
                guard capabilities.contains("STARTTLS") else { throw SMTPError.noStartTLS(host) }
                try await conversation.expect(220, "STARTTLS", after: "STARTTLS")
                try await channel.channel.pipeline.addHandler(try tlsHandler(), position: .first).get()
                capabilities = try await conversation.hello(clientName)
            }
            for (index, mail) in mails.enumerated() {
                try await delivered(index, try await conversation.send(mail))
            }
            try? await conversation.outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
    }

    private func tlsHandler() throws -> NIOSSLClientHandler {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let trustedCertificates { configuration.additionalTrustRoots = [.file(trustedCertificates)] }
        // A certificate names a host, never an address.
        let isAddress = host.allSatisfy { $0.isNumber || $0 == "." } || host.contains(":")
        return try NIOSSLClientHandler(
            context: try NIOSSLContext(configuration: configuration), serverHostname: isAddress ? nil : host)
    }
}

/// Why mail could not be delivered at all.
public enum SMTPError: Error, CustomStringConvertible, Sendable {
    case unreachable(String, String)
    /// The server answered `reply` where foi expected `expected` (to `step`).
    case unexpected(SMTPReply, expected: Int, step: String)
    /// The server closed the connection, or said nothing for too long (during `step`).
    case closed(step: String)
    case noStartTLS(String)

    public var description: String {
        switch self {
        case .unreachable(let server, let reason): "cannot reach the mail server \(server): \(reason)"
        case .unexpected(let reply, let expected, let step):
            "the mail server answered \(reply) to \(step), not \(expected)"
        case .closed(let step): "the mail server closed the connection, or stopped answering, during \(step)"
        case .noStartTLS(let host): "the mail server \(host) does not offer STARTTLS"
        }
    }
}

/// A reply of the server: its code and its text (the lines of a multiline reply joined).
public struct SMTPReply: Sendable, CustomStringConvertible {
    public var code: Int
    public var lines: [String]

    public var description: String { "\(code) \(lines.joined(separator: " / "))" }
}

/// One SMTP conversation: a command, its reply.
private final class Conversation {
    var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    init(
        replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.replies = replies
        self.outbound = outbound
    }

    func reply(to command: String?, step: String) async throws -> SMTPReply {
        if let command { try await outbound.write(ByteBuffer(string: command + "\r\n")) }
        guard let reply = try await replies.next() else { throw SMTPError.closed(step: step) }
        return reply
    }

    func expect(_ code: Int, _ step: String, after command: String? = nil) async throws {
        let reply = try await reply(to: command, step: step)
        guard reply.code == code else { throw SMTPError.unexpected(reply, expected: code, step: step) }
    }

    /// EHLO; the server's capabilities (upper-cased keywords).
    func hello(_ name: String) async throws -> Set<String> {
        let reply = try await reply(to: "EHLO \(name)", step: "EHLO")
        guard reply.code == 250 else { throw SMTPError.unexpected(reply, expected: 250, step: "EHLO") }
        return Set(reply.lines.dropFirst().compactMap { $0.split(separator: " ").first.map { $0.uppercased() } })
    }

    /// One message's transaction: the server's last word on it (RSET after a refusal, for the next). A sender
    /// refused is the whole run's failure, not the message's (the server wants TLS, or another sender).
    func send(_ mail: Mail) async throws -> MailOutcome {
        let sender = try await reply(to: "MAIL FROM:<\(mail.from)>", step: "MAIL FROM")
        guard sender.code == 250 else { throw SMTPError.unexpected(sender, expected: 250, step: "MAIL FROM") }
        for (command, expected) in [("RCPT TO:<\(mail.to)>", 250), ("DATA", 354)] {
            let reply = try await reply(to: command, step: String(command.prefix { $0 != ":" }))
            if reply.code != expected && !(expected == 250 && reply.code == 251) {
                _ = try await self.reply(to: "RSET", step: "RSET")
                return Self.outcome(reply)
            }
        }
        try await outbound.write(ByteBuffer(bytes: Self.dotStuffed(mail.data) + Array(".\r\n".utf8)))
        let reply = try await reply(to: nil, step: "the end of the message")
        guard reply.code == 250 else {
            _ = try await self.reply(to: "RSET", step: "RSET")
            return Self.outcome(reply)
        }
        return .accepted
    }

    static func outcome(_ reply: SMTPReply) -> MailOutcome {
        reply.code >= 500 ? .refused(reply.description) : .deferred(reply.description)
    }

    /// The message with each line that starts with a dot given another (RFC 5321 §4.5.2), ending in CRLF.
    static func dotStuffed(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 64)
        var atLineStart = true
        for byte in data {
            if atLineStart && byte == UInt8(ascii: ".") { out.append(byte) }
            out.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !atLineStart { out += Array("\r\n".utf8) }
        return out
    }
}

/// Replies read from the server's lines: `250-...` continues, `250 ...` ends (RFC 5321 §4.2.1).
private struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply
    /// No reply line is longer (RFC 5321 §4.5.3.1.5 allows 512); more is a server foi does not talk to.
    static let longestLine = 4096
    var lines: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.longestLine { throw SMTPError.closed(step: "a reply too long to read") }
            return .needMoreData
        }
        let line = buffer.readString(length: newline - buffer.readerIndex + 1) ?? ""
        let text = line.trimmingCharacters(in: .newlines)
        guard text.count >= 3, let code = Int(text.prefix(3)) else {
            throw SMTPError.closed(step: "an unreadable reply '\(text.prefix(80))'")
        }
        lines.append(String(text.dropFirst(4)))
        if text.dropFirst(3).first != "-" {
            context.fireChannelRead(wrapInboundOut(SMTPReply(code: code, lines: lines)))
            lines = []
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws
        -> DecodingState
    {
        .needMoreData
    }
}

/// Closes the connection when the server has said nothing for the read timeout, so that a read never hangs.
private final class CloseWhenIdle: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}

import Foundation

/// A message as it goes to a mail server: who it is from and to, and its text in RFC 5322 form.
public struct Mail: Sendable {
    public var from: String
    public var to: String
    /// The message: headers, a blank line, the MIME body; lines end in CRLF.
    public var data: [UInt8]

    public init(from: String, to: String, data: [UInt8]) {
        self.from = from
        self.to = to
        self.data = data
    }

    /// A message with a plain-text part and an HTML part of the same text (its links made links), each in base64 so
    /// that any text survives any server. Header values lose their line breaks and are encoded (RFC 2047) where they
    /// are not plain ASCII, so that a subject cannot add a header.
    public static func compose(
        from: (name: String, address: String), to: (name: String, address: String), subject: String, text: String,
        messageID: String, sentAt: Date
    ) -> Mail {
        let boundary = "foi-" + String(messageID.utf8.reduce(UInt64(5381)) { ($0 &* 33) ^ UInt64($1) }, radix: 36)
        let headers = [
            "From: \(mailbox(from))", "To: \(mailbox(to))", "Subject: \(encodedWord(subject))",
            "Date: \(rfc5322Date(sentAt))", "Message-ID: <\(messageID)>", "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ]
        let parts = [("text/plain", text), ("text/html", html(text))].map { type, body in
            "--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Data(body.utf8).base64EncodedString(options: [
                    .lineLength76Characters, .endLineWithCarriageReturn,
                    .endLineWithLineFeed,
                ]) + "\r\n"
        }
        let message = headers.joined(separator: "\r\n") + "\r\n\r\n" + parts.joined() + "--\(boundary)--\r\n"
        return Mail(from: from.address, to: to.address, data: Array(message.utf8))
    }

    /// `Name <address>`, the name encoded where it needs to be.
    static func mailbox(_ mailbox: (name: String, address: String)) -> String {
        let name = mailbox.name.filter { !$0.isNewline }
        return name.isEmpty ? "<\(mailbox.address)>" : "\(quotedName(name)) <\(mailbox.address)>"
    }

    private static func quotedName(_ name: String) -> String {
        let plain = name.allSatisfy { $0.isASCII && !$0.isNewline && $0 != "\"" && $0 != "\\" && $0 >= " " }
        return plain ? "\"\(name)\"" : encodedWord(name)
    }

    /// `text` as it may stand in a header: as it is where plain printable ASCII, else as RFC 2047 encoded words (each
    /// whole characters, short enough for a line).
    static func encodedWord(_ text: String) -> String {
        let text = text.map { $0.isNewline ? " " : String($0) }.joined()
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) && !text.contains("=?") {
            return text
        }
        var words: [String] = []
        var chunk = ""
        for character in text {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// The text as HTML: escaped, paragraph by paragraph, with its web addresses made links.
    static func html(_ text: String) -> String {
        func escape(_ text: some StringProtocol) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func linked(_ line: Substring) -> String {
            line.split(separator: " ", omittingEmptySubsequences: false).map { word in
                word.hasPrefix("http://") || word.hasPrefix("https://")
                    ? "<a href=\"\(escape(word))\">\(escape(word))</a>" : escape(word)
            }.joined(separator: " ")
        }
        let paragraphs = text.components(separatedBy: "\n\n").compactMap { paragraph -> String? in
            let lines = paragraph.split(separator: "\n")
            return lines.isEmpty ? nil : "<p>" + lines.map(linked).joined(separator: "<br>\n") + "</p>"
        }
        return "<!DOCTYPE html>\n<html><body>\n" + paragraphs.joined(separator: "\n") + "\n</body></html>\n"
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

/// What delivers mail: a mail server over SMTP (`SMTPTransport`), or a test's stand-in.
public protocol MailTransport: Sendable {
    /// Delivers `mails` in order, telling `delivered` what became of each (by its index) as soon as the server has
    /// answered for it; throws where the server cannot be reached or stops answering, after which the rest were not
    /// delivered.
    func deliver(_ mails: [Mail], delivered: (Int, MailOutcome) async throws -> Void) async throws
}

/// What a mail server said to one message.
public enum MailOutcome: Equatable, Sendable {
    /// 250: the server took it.
    case accepted
    /// A 5xx reply: it never will.
    case refused(String)
    /// A 4xx reply: not now.
    case deferred(String)
}

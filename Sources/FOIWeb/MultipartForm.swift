import FOICommandLine
import Foundation

/// A form posted as `multipart/form-data` (RFC 7578), as a form with files to upload is: its fields, and its
/// files with the names they had on the user's computer. Read from a body already held within the upload limit.
struct MultipartForm {
    /// Why a body is not a form of parts.
    struct Malformed: Error, Equatable {
        var reason: String
    }

    var fields: [(name: String, value: String)] = []
    var uploads: [StepCommands.Upload] = []

    /// The boundary `contentType` names, if it is `multipart/form-data`.
    static func boundary(ofContentType contentType: String) -> String? {
        let (type, parameters) = headerValue(contentType)
        guard type.lowercased() == "multipart/form-data", let boundary = parameters["boundary"],
            (1...70).contains(boundary.utf8.count)
        else { return nil }
        return boundary
    }

    init(body: [UInt8], boundary: String) throws {
        let delimiter = Array("--\(boundary)".utf8)
        guard var start = Self.find(delimiter, in: body[...], from: 0) else {
            throw Malformed(reason: "the form has no part")
        }
        start += delimiter.count
        // Each part runs from the line after a delimiter to the line break before the next; "--" ends the form.
        while !body[start...].starts(with: "--".utf8) {
            guard body[start...].starts(with: "\r\n".utf8),
                let end = Self.find([0x0D, 0x0A] + delimiter, in: body[...], from: start)
            else { throw Malformed(reason: "a part of the form is cut short") }
            try read(part: body[(start + 2)..<end])
            start = end + 2 + delimiter.count
        }
    }

    private mutating func read(part: ArraySlice<UInt8>) throws {
        let headerEnd: Int
        let contentStart: Int
        if part.starts(with: "\r\n".utf8) {
            (headerEnd, contentStart) = (part.startIndex, part.startIndex + 2)
        } else if let blank = Self.find(Array("\r\n\r\n".utf8), in: part, from: part.startIndex) {
            (headerEnd, contentStart) = (blank, blank + 4)
        } else {
            throw Malformed(reason: "a part of the form has no end to its headers")
        }
        var disposition: (type: String, parameters: [String: String])?
        for line in String(decoding: part[part.startIndex..<headerEnd], as: UTF8.self).split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" {
                disposition = Self.headerValue(String(pair[1]))
            }
        }
        guard let disposition, disposition.type.lowercased() == "form-data", let name = disposition.parameters["name"]
        else { throw Malformed(reason: "a part of the form has no name") }
        let content = Array(part[contentStart...])
        if let filename = disposition.parameters["filename"] {
            // A file input left empty sends a part with no name and nothing in it.
            if !filename.isEmpty || !content.isEmpty {
                uploads.append(StepCommands.Upload(field: name, filename: filename, bytes: content))
            }
        } else {
            fields.append((name, String(decoding: content, as: UTF8.self)))
        }
    }

    /// A header's value and its parameters (`form-data; name="a"; filename="b;c.pdf"`): a parameter's name in
    /// lower case, a quoted value unquoted. A browser writes a quote in a name as `%22` and escapes nothing else
    /// (a backslash is the name's own, as in `C:\report.pdf`).
    static func headerValue(_ text: String) -> (String, [String: String]) {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        var parameters: [String: String] = [:]
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            parameters[pair[0].trimmingCharacters(in: .whitespaces).lowercased()] =
                pair[1].trimmingCharacters(in: .whitespaces)
        }
        return (parts[0].trimmingCharacters(in: .whitespaces), parameters)
    }

    /// Where `needle` first occurs in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, from >= haystack.startIndex else { return nil }
        var index = from
        while index <= haystack.endIndex - needle.count {
            guard let candidate = haystack[index...].firstIndex(of: first),
                candidate <= haystack.endIndex - needle.count
            else { return nil }
            if haystack[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}

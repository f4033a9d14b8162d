import Testing

@testable import FOIWeb

/// Forms with files, read as browsers send them (RFC 7578, and the WHATWG's encoding of names), and refused whole
/// where a part is cut short or nameless.
@Suite struct MultipartFormTests {
    @Test func theBoundaryIsReadFromTheContentType() {
        #expect(MultipartForm.boundary(ofContentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(MultipartForm.boundary(ofContentType: "Multipart/Form-Data;boundary=\"a b;c\"") == "a b;c")
        #expect(MultipartForm.boundary(ofContentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartForm.boundary(ofContentType: "multipart/form-data") == nil)
        #expect(
            MultipartForm.boundary(ofContentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71))
                == nil)
    }

    @Test func fieldsAndFilesInOrder() throws {
        let body = MultipartBody([
            .field("csrf", "token"), .field("note", "Line one\r\nline two, --not a boundary"),
            .file("attach", filename: "a \"quoted\"; name.pdf", bytes: [0x00, 0x0D, 0x0A, 0x2D, 0x2D, 0xFF]),
            .file("attach", filename: "", bytes: []), .field("empty", ""),
        ])
        let form = try MultipartForm(body: body.bytes, boundary: MultipartBody.boundary)
        #expect(form.fields.map(\.name) == ["csrf", "note", "empty"])
        #expect(form.fields.map(\.value) == ["token", "Line one\r\nline two, --not a boundary", ""])
        // A quote in a name is `%22` as a browser writes it; this one, unescaped, still ends the name.
        #expect(form.uploads.count == 1)
        #expect(form.uploads.first?.bytes == [0x00, 0x0D, 0x0A, 0x2D, 0x2D, 0xFF])
        #expect(
            MultipartForm.headerValue("form-data; name=\"a\"; filename=\"b;c%22.pdf\"").1["filename"] == "b;c%22.pdf")
        #expect(MultipartForm.headerValue("form-data; name=\"a\"; filename=\"C:\\x.pdf\"").1["filename"] == "C:\\x.pdf")
    }

    @Test func aFormCutShortOrNamelessIsRefused() {
        let whole = MultipartBody([.field("csrf", "token"), .field("note", "text")]).bytes
        let delimiter = "--\(MultipartBody.boundary)"
        for (body, reason) in [
            (Array(whole.dropLast(10)), "a part of the form is cut short"),
            (Array("no delimiter at all".utf8), "the form has no part"),
            (
                Array("\(delimiter)\r\nContent-Disposition: form-data\r\n\r\nx\r\n\(delimiter)--".utf8),
                "a part of the form has no name"
            ),
            (
                Array("\(delimiter)\r\nContent-Disposition: form-data; name=\"a\"\r\n\(delimiter)--".utf8),
                "a part of the form has no end to its headers"
            ),
        ] {
            #expect(throws: MultipartForm.Malformed(reason: reason)) {
                try MultipartForm(body: body, boundary: MultipartBody.boundary)
            }
        }
    }
}

import FOIViews
import Foundation

/// The API's description, OpenAPI 3.1, served at `/openapi.json`: made from the same forms the pages draw, so that
/// a step's body is its command's options, and a new option is described the day it is added.
enum OpenAPI {
    static func document(steps: [StepForm], log: StepForm, list: StepForm, board: StepForm) -> [UInt8] {
        var paths: [String: Any] = [
            "/api/board": [
                "get": operation(
                    "The board: every running clock, overdue, due soon and waiting on the requester "
                        + "(as foi board --format json: every row, unless limit says).", id: "board",
                    parameters: board.fields.map(queryParameter),
                    answer: ["type": "array", "items": ["type": "object"]],
                    refusals: ["422"])
            ],
            "/api/cases": [
                "get": operation(
                    "The cases the filters select, in due-date order (as foi list --format json).", id: "listCases",
                    parameters: list.fields.map(queryParameter),
                    answer: ["type": "array", "items": ["type": "object"]],
                    refusals: ["422"]),
                "post": operation(
                    "Logs a new request (as foi log): the case as foi show --format json prints it.", id: "logCase",
                    body: schema(of: log), answer: ["type": "object"], status: "201",
                    refusals: ["400", "403", "409", "422"]),
            ],
            "/api/cases/{ref}": [
                "get": operation(
                    "A case (as foi show --format json).", id: "showCase", parameters: [referenceParameter],
                    answer: ["type": "object"], refusals: ["404"])
            ],
        ]
        for step in steps {
            paths["/api/cases/{ref}/\(step.name)"] = [
                "post": operation(
                    "\(step.summary) (as foi \(step.name)): the case as it then stands.", id: camelCase(step.name),
                    parameters: [referenceParameter], body: schema(of: step), answer: ["type": "object"],
                    refusals: ["400", "403", "404", "409", "422"])
            ]
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "foi", "version": "1",
                "description": "Freedom of Information cases and their statutory clocks. Ask with a bearer token "
                    + "from 'foi user token EMAIL'; references are percent-encoded in paths (/ as %2F).",
            ],
            "security": [["bearer": [String]()]],
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": [
                    "Error": [
                        "type": "object", "required": ["error", "remedy"],
                        "properties": ["error": ["type": "string"], "remedy": ["type": "string"]],
                    ]
                ],
            ],
            "paths": paths,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data()
        return Array(data)
    }

    static var referenceParameter: [String: Any] {
        [
            "name": "ref", "in": "path", "required": true, "description": "The case reference, percent-encoded.",
            "schema": ["type": "string", "minLength": 1],
        ]
    }

    static let reasons = [
        "400": "The body is not a JSON object.", "401": "No valid bearer token.",
        "403": "The token's user does not record steps.", "404": "No such case.",
        "409": "The case's state does not allow the step now.", "422": "A field's value is refused.",
    ]

    static func operation(
        _ summary: String, id: String, parameters: [[String: Any]] = [], body: [String: Any]? = nil,
        answer: [String: Any], status: String = "200", refusals: [String]
    ) -> [String: Any] {
        var responses: [String: Any] = [
            status: ["description": "OK", "content": ["application/json": ["schema": answer]]]
        ]
        for code in ["401"] + refusals {
            responses[code] = [
                "description": reasons[code] ?? "",
                "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
            ]
        }
        var operation: [String: Any] = ["summary": summary, "operationId": id, "responses": responses]
        if !parameters.isEmpty { operation["parameters"] = parameters }
        if let body {
            operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": body]]]
        }
        return operation
    }

    /// A form's fields as a JSON object's schema: its keys the fields' names. A JSON body carries no documents:
    /// they go up through the step's page.
    static func schema(of form: StepForm) -> [String: Any] {
        let fields = form.fields.filter { $0.kind != .upload }
        var properties: [String: Any] = [:]
        for field in fields {
            properties[field.name] = fieldSchema(field)
        }
        return [
            "type": "object", "properties": properties, "additionalProperties": false,
            "required": fields.filter(\.required).map(\.name),
        ]
    }

    static func fieldSchema(_ field: StepField) -> [String: Any] {
        var value: [String: Any]
        switch field.kind {
        case .date: value = ["type": "string", "examples": ["2026-12-03", "3/12/2026"]]
        case .choice(let values): value = ["type": "string", "enum": values]
        case .number: value = ["type": "number"]
        case .flag, .yesOrNo: value = ["type": "boolean"]
        case .line, .text: value = ["type": "string"]
        case .upload: value = ["type": "string", "format": "binary"]
        }
        let schema: [String: Any] = field.repeating ? ["type": "array", "items": value] : value
        return schema.merging(["description": field.hint]) { $1 }
    }

    static func queryParameter(_ field: StepField) -> [String: Any] {
        [
            "name": field.name, "in": "query", "required": false, "description": field.hint,
            "schema": fieldSchema(field),
        ]
    }

    /// `decision-notice` as `decisionNotice`.
    static func camelCase(_ name: String) -> String {
        let words = name.split(separator: "-")
        return words.prefix(1).joined() + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "foi",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "FOIKit", targets: ["FOIKit"]),
        .library(name: "FOIViews", targets: ["FOIViews"]),
        .library(name: "FOIStore", targets: ["FOIStore"]),
        .library(name: "FOIIntake", targets: ["FOIIntake"]),
        .library(name: "FOIFiles", targets: ["FOIFiles"]),
        .library(name: "FOIApp", targets: ["FOIApp"]),
        .executable(name: "foi", targets: ["foi"]),
        .executable(name: "foi-server", targets: ["foi-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Letter templates: logic-less, so that officers can edit them safely.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Word letters: a .docx is a ZIP package.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // foi-server: the web server, and bcrypt for its passwords (HummingbirdBcrypt, which the command line's
        // `foi user passwd` uses too).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Mail to the team over SMTP (FOIMail): the event loop and TLS foi-server already runs on.
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        // foi-server's mail rounds run beside the web server and stop with it.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // The reference data under seeds/ and schema/, compiled into the binary so that a copied `foi` needs no
        // files beside it.
        .target(
            name: "FOIResources",
            path: ".",
            exclude: [
                "Sources/FOIKit", "Sources/FOIViews", "Sources/FOIStore", "Sources/FOIIntake", "Sources/FOIApp",
                "Sources/FOIFiles", "Sources/FOIMail",
                "Sources/foi", "Sources/FOICommandLine", "Sources/foi-bench", "Sources/FOIWeb", "Sources/foi-server",
                "Sources/FOITestSupport",
                "Tests", "scripts", "docs", "README.md",
            ],
            sources: ["Sources/FOIResources"],
            resources: [
                .embedInCode("seeds/uk-bank-holidays.json"),
                .embedInCode("seeds/exemptions.json"),
                .embedInCode("seeds/demo-cases.json"),
                .embedInCode("schema/0001_cases.sql"),
                .embedInCode("schema/0002_board_index.sql"),
                .embedInCode("schema/0003_case_clocks.sql"),
                .embedInCode("schema/0004_event_format.sql"),
                .embedInCode("schema/0005_trust.sql"),
                .embedInCode("schema/0006_after_response.sql"),
                .embedInCode("schema/0007_holiday_changes.sql"),
                .embedInCode("schema/0008_paragraphs.sql"),
                .embedInCode("schema/0009_timeliness.sql"),
                .embedInCode("schema/0010_first_responses.sql"),
                .embedInCode("schema/0011_handlers.sql"),
                .embedInCode("schema/0012_ledger.sql"),
                .embedInCode("schema/0013_users.sql"),
                .embedInCode("schema/0014_projection_without_lists.sql"),
                .embedInCode("schema/0015_cases_without_lists.sql"),
                .embedInCode("schema/0016_enclosures.sql"),
                .embedInCode("schema/0017_accounts.sql"),
                .embedInCode("schema/0018_api_tokens.sql"),
                .embedInCode("schema/0019_board_figures.sql"),
                .embedInCode("schema/0020_tasks.sql"),
                .embedInCode("schema/0021_flags.sql"),
                .embedInCode("schema/0022_teams.sql"),
                .embedInCode("schema/0023_outbox.sql"),
                .embedInCode("schema/0024_comment_reads.sql"),
                .embedInCode("schema/0025_signoffs.sql"),
                .embedInCode("schema/0026_team_tasks.sql"),
                .embedInCode("seeds/paragraphs.json"),
                .embedInCode("templates/letterhead.mustache"),
                .embedInCode("templates/rights.mustache"),
                .embedInCode("templates/reasons.mustache"),
                .embedInCode("templates/signoff.mustache"),
                .embedInCode("templates/reuse.mustache"),
                .embedInCode("templates/acknowledgement.mustache"),
                .embedInCode("templates/clarification.mustache"),
                .embedInCode("templates/fees-notice.mustache"),
                .embedInCode("templates/extension.mustache"),
                .embedInCode("templates/response.mustache"),
                .embedInCode("templates/review-acknowledgement.mustache"),
                .embedInCode("templates/review-outcome.mustache"),
                .embedInCode("templates/letterhead-cy.mustache"),
                .embedInCode("templates/rights-cy.mustache"),
                .embedInCode("templates/reasons-cy.mustache"),
                .embedInCode("templates/signoff-cy.mustache"),
                .embedInCode("templates/reuse-cy.mustache"),
                .embedInCode("templates/acknowledgement-cy.mustache"),
                .embedInCode("templates/clarification-cy.mustache"),
                .embedInCode("templates/fees-notice-cy.mustache"),
                .embedInCode("templates/extension-cy.mustache"),
                .embedInCode("templates/response-cy.mustache"),
                .embedInCode("templates/review-acknowledgement-cy.mustache"),
                .embedInCode("templates/review-outcome-cy.mustache"),
            ]
        ),
        .target(name: "FOIKit"),
        // What people and scripts see, built by pure functions from the read models: no store, no command line.
        .target(
            name: "FOIViews",
            dependencies: [
                "FOIKit", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // What comes in from outside (spreadsheets, CSV; next, e-mail) read into values FOIKit knows: no store, no
        // command line.
        .target(
            name: "FOIIntake",
            dependencies: ["FOIKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Files written whole or not at all, private where they hold personal data: the databases, their backups and
        // every output.
        .target(name: "FOIFiles"),
        // Mail to the team: messages composed for the wire and delivered over SMTP.
        .target(
            name: "FOIMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // The use cases every front end calls: intake, the domain and the views put together.
        .target(
            name: "FOIApp",
            dependencies: [
                "FOIKit", "FOIIntake", "FOIViews", "FOIMail",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]),
        .target(
            name: "FOIStore",
            dependencies: [
                "FOIKit", "FOIFiles", "FOIResources", .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API, to read dates straight from a statement's columns.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // The team's foi in a browser: the routes and their guards, over any store.
        .target(
            name: "FOIWeb",
            dependencies: [
                "FOIApp", "FOIKit", "FOIViews", "FOICommandLine", "FOIIntake",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .executableTarget(
            name: "foi-server",
            dependencies: [
                "FOIWeb", "FOIApp", "FOIKit", "FOIStore", "FOIResources",
                .product(name: "Hummingbird", package: "hummingbird"),
                // TLS served natively (swift-nio-ssl, through Hummingbird's builder).
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"), "FOIMail",
            ]),
        // The commands of `foi`: also what foi-server reads each step's fields, checks and help from.
        .target(
            name: "FOICommandLine",
            dependencies: [
                "FOIKit", "FOIIntake", "FOIApp", "FOIViews", "FOIStore", "FOIFiles", "FOIResources", "FOIMail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "foi", dependencies: ["FOICommandLine"]),
        // Shared by tests and benchmarks; not part of the product.
        .target(
            name: "FOITestSupport",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // Release-mode benchmarks run by scripts/bench-*; not part of the product.
        .executableTarget(
            name: "foi-bench",
            dependencies: [
                "FOIKit", "FOIStore", "FOIResources", "FOITestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "FOIKitTests", dependencies: ["FOIKit", "FOIResources", "FOITestSupport"]),
        .testTarget(
            name: "FOIViewsTests",
            dependencies: ["FOIViews", "FOIKit", "FOIResources", "FOITestSupport"]),
        // The use cases in-process, on an in-memory database.
        .testTarget(
            name: "FOIAppTests",
            dependencies: [
                "FOIApp", "FOIKit", "FOIStore", "FOIMail", "FOIResources",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "FOIWebTests",
            dependencies: [
                "FOIWeb", "FOIApp", "FOIKit", "FOIStore", "FOIViews", "FOICommandLine", "FOITestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .testTarget(name: "FOIIntakeTests", dependencies: ["FOIIntake", "FOIKit", "FOITestSupport"]),
        .testTarget(
            name: "FOIStoreTests",
            dependencies: [
                "FOIStore", "FOIApp", "FOIKit", "FOIResources", "FOITestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // End-to-end tests of the built `foi` binary: output, stderr and exit codes.
        .testTarget(
            name: "foiTests",
            dependencies: [
                "foi", "foi-server", "FOIKit", "FOIResources", "FOIStore", "FOIIntake", "FOIApp", "FOIViews",
                "FOITestSupport",
                // The fuzz tests give the readers what they read, in-process too.
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "foi",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "FOIKit", targets: ["FOIKit"]),
        .executable(name: "foi", targets: ["foi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The reference data under seeds/ and schema/ compiled into the binary, so a copied `foi` needs no files beside it.
        .target(
            name: "FOIResources",
            path: ".",
            exclude: ["Sources/FOIKit", "Sources/FOIStore", "Sources/foi", "Sources/foi-bench", "Tests", "scripts"],
            sources: ["Sources/FOIResources"],
            resources: [.embedInCode("seeds/uk-bank-holidays.json")]
        ),
        .target(name: "FOIKit"),
        .executableTarget(
            name: "foi",
            dependencies: ["FOIKit", "FOIResources", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Release-mode benchmarks run by scripts/bench-*; not part of the product.
        .executableTarget(name: "foi-bench", dependencies: ["FOIKit", "FOIResources"]),
        .testTarget(name: "FOIKitTests", dependencies: ["FOIKit", "FOIResources"]),
        // End-to-end tests of the built `foi` binary: output, stderr and exit codes.
        .testTarget(name: "foiTests", dependencies: ["foi"]),
    ]
)

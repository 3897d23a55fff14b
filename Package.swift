// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: numbers (Statistics) → domain (LogicModel, Store,
// Evaluation) → presentation (blocks, formatting, writers) → documents (Reports) → the
// CLI. See docs/architecture.md.
let package = Package(
    name: "piloteval",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "piloteval", targets: ["piloteval"]),
        // One import for programs that use the library: `import PilotEvalKit`.
        .library(name: "PilotEvalKit", targets: ["PilotEvalKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `piloteval serve` (Web): the HTTP server and its test client.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Named by Web's own imports (NIOSSL for the TLS configuration, Logging for the
        // server's logger); Hummingbird brings them in, and every import is declared.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Accounts of a shared server: bcrypt password hashes (HummingbirdBcrypt).
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "Statistics", dependencies: ["CGSL"], exclude: ["README.md"]),
        .target(name: "Periods", exclude: ["README.md"]),
        .target(name: "LogicModel", dependencies: ["Periods", "Yams"], exclude: ["README.md"]),
        .target(name: "Store", dependencies: [
            "CSQLite", "Periods",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["README.md"]),
        .target(name: "Evaluation", dependencies: ["Statistics", "Periods", "LogicModel", "Store", "Yams"],
                exclude: ["README.md"]),
        .target(name: "Presentation", dependencies: [
            "Evaluation", "LogicModel", "Statistics", "Periods", "Store",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Mustache", package: "swift-mustache"),
        ], exclude: ["README.md"]),
        .target(name: "Reports", dependencies: [
            "Presentation", "Evaluation", "LogicModel", "Statistics", "Periods", "Store",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["README.md"]),
        // Accounts and roles per pilot of a shared server (issue 24); its access log is Store's.
        .target(name: "Accounts", dependencies: [
            "Store",
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        ], exclude: ["README.md"]),
        // `piloteval serve`: pages rendered from the same blocks as the reports, the JSON
        // API, sessions (DESIGN §8). Sits beside the CLI, above Reports.
        .target(name: "Web", dependencies: [
            "Presentation", "Reports", "Evaluation", "LogicModel", "Statistics", "Periods", "Store", "Accounts",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            // `serve --tls-cert --tls-key`: HTTPS on the server itself (NIOSSL).
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Mustache", package: "swift-mustache"),
            // The thread pool that SQLite reads and report builds run on, off the event loops.
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ], exclude: ["README.md"]),
        .target(name: "PilotEvalKit", dependencies: [
            "Statistics", "Periods", "LogicModel", "Store", "Evaluation", "Presentation", "Reports",
        ], exclude: ["README.md"]),
        // Programs that use the library from Swift; built with the package and run by
        // the tests (Tests/CLITests/ExampleProgramTests.swift).
        .executableTarget(name: "compare-groups", dependencies: ["PilotEvalKit"], path: "Examples/compare-groups"),
        .executableTarget(name: "piloteval", dependencies: [
            "Statistics", "Periods", "LogicModel", "Store", "Evaluation", "Presentation", "Reports", "Web", "Accounts",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: ["README.md"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "PeriodsTests", dependencies: ["Periods"]),
        .testTarget(name: "LogicModelTests", dependencies: ["LogicModel"],
                    resources: [.copy("Fixtures")]),
        // Writes .xlsx fixtures through openpyxl for the Store and CLI tests.
        .target(name: "XLSXTestSupport", path: "Tests/XLSXTestSupport"),
        .testTarget(name: "StoreTests", dependencies: ["Store", "XLSXTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "PresentationTests",
                    dependencies: ["Presentation", "Evaluation", "LogicModel", "Statistics", "Periods", "Store"],
                    resources: [.copy("Golden")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Presentation"]),
        .testTarget(name: "AccountsTests", dependencies: ["Accounts", "Store"]),
        .testTarget(name: "WebTests", dependencies: [
            "Web", "Evaluation", "Store", "Presentation", "Accounts",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "CLITests", dependencies: ["piloteval", "XLSXTestSupport"],
                    resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
// Fuzz targets for the CSV reader and the YAML loaders (issue 11), built with libFuzzer:
//   Tests/fuzz/run.sh [SECONDS]
// A package of its own so the main Package.swift stays as it is: its targets are the
// project's own source folders, linked in (Sources/Periods, Sources/LogicModel and the
// CSV files of Sources/Store), and Yams from the main build's checkout (run
// `swift build` at the top once first). Nothing here is part of the product.
import PackageDescription

let package = Package(
    name: "piloteval-fuzz",
    dependencies: [.package(path: "../../.build/checkouts/Yams")],
    targets: [
        .target(name: "Periods"),
        .target(name: "CSVCore", dependencies: ["Periods"]),
        .target(name: "LogicModel", dependencies: ["Periods", .product(name: "Yams", package: "Yams")]),
        .executableTarget(name: "FuzzCSV", dependencies: ["CSVCore", "Periods"]),
        .executableTarget(name: "FuzzYAML", dependencies: ["LogicModel"]),
    ],
    swiftLanguageModes: [.v6]
)

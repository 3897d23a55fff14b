import Foundation
import Testing

/// Writes .xlsx fixtures with openpyxl through Tests/xlsx/make_xlsx.py, in the
/// project's Python environment (.venv/, made by scripts/notebook-env.sh from
/// Notebooks/requirements.txt, which pins openpyxl; scripts/test.sh makes it before the
/// Swift tests run). Tests that need it are skipped, saying so, when it is absent.
/// A target of its own, so the Store and CLI test targets share one copy.
public enum XLSXFixture {
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var python: String { packageRoot.appendingPathComponent(".venv/bin/python").path }
    public static var script: String { packageRoot.appendingPathComponent("Tests/xlsx/make_xlsx.py").path }

    /// openpyxl can be imported from the environment's python.
    public static let available: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", "import openpyxl"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    public static let skipReason: Comment = "needs openpyxl in .venv/ (run scripts/notebook-env.sh, which installs Notebooks/requirements.txt)"

    public struct Failure: Error, CustomStringConvertible { public var description: String }

    /// Writes the workbook `spec` describes (see make_xlsx.py) to `path`.
    public static func write(_ spec: [String: Any], to path: String) throws {
        var spec = spec
        spec["path"] = path
        let json = try JSONSerialization.data(withJSONObject: spec)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [script]
        let input = Pipe(), err = Pipe()
        p.standardInput = input
        p.standardError = err
        try p.run()
        input.fileHandleForWriting.write(json)
        try input.fileHandleForWriting.close()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus != 0 {
            throw Failure(description: "make_xlsx.py failed: " + String(decoding: message, as: UTF8.self))
        }
    }

    /// Runs Python `code` (openpyxl importable) with `args` in `sys.argv[1:]`; its stdout.
    public static func python(_ code: String, _ args: [String] = []) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", code] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus != 0 { throw Failure(description: "python failed: " + String(decoding: message, as: UTF8.self)) }
        return String(decoding: data, as: UTF8.self)
    }

    /// One sheet named `sheet` with `rows`.
    public static func write(rows: [[Any?]], sheet: String = "Blad1", to path: String, extra: [String: Any] = [:]) throws {
        var spec: [String: Any] = ["sheets": [["name": sheet, "rows": rows.map { $0.map { $0 ?? NSNull() } }]]]
        for (k, v) in extra { spec[k] = v }
        try write(spec, to: path)
    }
}

import Testing

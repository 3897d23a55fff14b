import Foundation

/// Runs the built `piloteval` executable (it sits beside the test bundle) in a
/// fresh temporary folder, as a user would.
struct CLIRunner {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("piloteval-cli-\(Self.uniqueName())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// A UUID with its digits written as letters. piloteval masks identity numbers in
    /// every message and in the text it stores (docs/privacy.md), and a UUID now and then
    /// holds a date-shaped run of ten digits: a folder's name in a message, or a marker
    /// in a note, then came back as "[personnummer]" and a test failed by chance.
    static func uniqueName() -> String {
        String(UUID().uuidString.map { c in
            c.wholeNumberValue.map { Character(UnicodeScalar(UInt8(ascii: "g") + UInt8($0))) } ?? c
        })
    }

    static var executable: URL {
        var dir = Bundle.module.bundleURL.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("piloteval")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("piloteval")
    }

    static func fixture(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    /// `stdin`: what the command reads on standard input; without it, nothing (never the
    /// test runner's own input, which a command reading a password would wait on).
    func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PILOTEVAL_DB")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

import Foundation

/// PDF: the HTML report printed by headless Chromium, so the PDF is exactly what the
/// HTML's print CSS lays out (page breaks, repeated table headers, A4).
public struct PDFWriter {
    public let executable: String

    /// Names Chromium goes by on Debian, Ubuntu and elsewhere, in the order tried.
    public static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PDFWriter {
        if let explicit = environment["PILOTEVAL_CHROMIUM"], !explicit.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw PDFError(message: "PILOTEVAL_CHROMIUM names \(explicit), which is not an executable file")
            }
            return PDFWriter(executable: explicit)
        }
        for name in candidates {
            if let path = ExecutableSearch.find(name, environment: environment) { return PDFWriter(executable: path) }
        }
        throw PDFError(message: """
            PDF output needs headless Chromium, and none was found on PATH (tried \(candidates.joined(separator: ", "))). \
            Install it (Debian/Ubuntu: sudo apt-get install -y chromium), or set PILOTEVAL_CHROMIUM to its path, \
            or write --format html and print that to PDF from any browser.
            """)
    }

    public init(executable: String) { self.executable = executable }

    public func write(html: String) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piloteval-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.html"), output = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // --no-sandbox: Chromium refuses to run as root with its sandbox (containers, CI);
        // the page is our own file with no scripts and no network references.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                             "--no-pdf-header-footer", "--print-to-pdf=\(output.path)", input.absoluteString]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let pdf = try? Data(contentsOf: output), pdf.starts(with: Array("%PDF".utf8)) else {
            let detail = String(decoding: message, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " ")
            throw PDFError(message: "Chromium (\(executable)) did not produce a PDF (exit \(process.terminationStatus)): \(detail)")
        }
        return pdf
    }
}

public struct PDFError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

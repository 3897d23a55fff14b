import Foundation

/// Turns an SVG into PNG bytes, for the raster copy a DOCX figure needs (see
/// `DOCXFigure`). Pure Swift has no SVG renderer; the one used is `rsvg-convert`
/// (librsvg, Debian `librsvg2-bin`), found on PATH at run time. `Sendable`: the DOCX
/// writer rasterises several figures at once.
public protocol SVGRasterizer: Sendable {
    /// PNG bytes at `scale` × the SVG's own size.
    func png(svg: String, scale: Double) throws -> Data
}

public struct RSVGConvert: SVGRasterizer {
    public let executable: String

    /// The first `rsvg-convert` on PATH, or nil.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> RSVGConvert? {
        ExecutableSearch.find("rsvg-convert", environment: environment).map(RSVGConvert.init(executable:))
    }

    public init(executable: String) { self.executable = executable }

    public func png(svg: String, scale: Double) throws -> Data {
        // Through temporary files: no pipe can fill up while the other side waits.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piloteval-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("figure.svg"), output = folder.appendingPathComponent("figure.png")
        try Data(svg.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--format", "png", "--zoom", String(scale), "--background-color", "white",
                             "--output", output.path, input.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let png = try? Data(contentsOf: output),
              png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else {
            throw DOCXError(message: "rsvg-convert could not rasterise a figure: \(String(decoding: message, as: UTF8.self))")
        }
        return png
    }
}

enum ExecutableSearch {
    static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

import Foundation
import Store

/// Progress for long imports: a line on stderr that rewrites itself, shown only when
/// stderr is a terminal (a script's log stays clean, DESIGN §5).
///
///     let progress = ImportProgress(label: "cases.csv")
///     try reader.forEachRow(progress: progress?.update) { row in … }
///     progress?.finish()
final class ImportProgress {
    private let label: String
    private var lastPercent = -1

    /// nil when stderr is not a terminal or the file is too small to be worth it.
    init?(label: String, totalBytes: Int? = nil, minimumBytes: Int = 8 << 20) {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        if let totalBytes, totalBytes < minimumBytes { return nil }
        self.label = IdentityNumberScanner.masking(label)   // docs/privacy.md
    }

    /// Matches CSVReader.forEachRow's `progress(bytesRead, totalBytes)`.
    func update(_ done: Int, _ total: Int) {
        let percent = total > 0 ? min(100, done * 100 / total) : 100
        guard percent != lastPercent else { return }
        lastPercent = percent
        let mb = Double(done) / 1_048_576
        FileHandle.standardError.write(Data(String(format: "\r%@: %3d %% (%.0f MB)", label, percent, mb).utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

import Store

/// Whether stored data came from a synthetic file. Synthetic example data is marked in
/// every report that shows it, so that nobody cites it as a finding. The rule is the
/// file name the import log kept ("synth…", "syntet…"): the generators and the shipped
/// example files are named that way, and a real extract never is by accident.
enum SyntheticData {
    static func isSynthetic(fileName: String) -> Bool {
        let name = fileName.lowercased()
        return name.contains("synth") || name.contains("syntet")
    }

    static func isSynthetic(_ record: ImportRecord) -> Bool { isSynthetic(fileName: record.fileName) }
}

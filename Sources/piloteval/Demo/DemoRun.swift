import Foundation
import Store

/// What the demo's steps share: the inputs, the output folder, the database, and the
/// list of places written (printed at the end as "where everything is").
final class DemoRun {
    struct Place {
        var path: String
        var what: String
    }

    let sources: DemoSources
    let out: URL
    let databasePath: String
    let database: Database
    private(set) var places: [Place] = []

    /// --db and PILOTEVAL_DB resolve as for every command; only without either does the
    /// demo use its own database, fresh every run, so it never touches a user's data.
    init(out: String, db: String?, sources: DemoSources) throws {
        self.sources = sources
        self.out = URL(fileURLWithPath: out).standardizedFileURL
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: self.out, withIntermediateDirectories: true)
        } catch {
            throw Failure("cannot create \(out): \(error.localizedDescription)")
        }
        var options = DatabaseOptions()
        options.db = db
        if db == nil && (ProcessInfo.processInfo.environment["PILOTEVAL_DB"] ?? "").isEmpty {
            let path = self.out.appendingPathComponent("piloteval.db").path
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
            options.db = path
        }
        databasePath = options.path
        database = try openDatabase(options)
    }

    /// Writes `data` to `relative` under the output folder (folders made as needed).
    @discardableResult
    func write(_ data: Data, to relative: String) throws -> URL {
        let url = out.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw Failure("cannot write \(url.path): \(error.localizedDescription)")
        }
        return url
    }

    @discardableResult
    func write(_ text: String, to relative: String) throws -> URL {
        try write(Data(text.utf8), to: relative)
    }

    /// Records a place for the closing list: a path (or pattern) under DIR and what it holds.
    func place(_ path: String, _ what: String) {
        places.append(Place(path: path, what: what))
    }

    /// Progress goes to stderr, so that stdout holds only the summary.
    func progress(_ message: String) {
        Console.error("demo: " + message)
    }

    /// A path as the summary shows it: relative to the current folder when inside it.
    func shown(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}

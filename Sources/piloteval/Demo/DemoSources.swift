import Foundation

/// Where the shipped inputs are: Models/ (logic models, instruments, PDSA cycles)
/// and Datasets/ (observations, survey waves, measures, report inputs).
struct DemoSources {
    var models: String
    var datasets: String

    /// Each folder: the option, else ./<Name>, else the folder of the source tree this
    /// binary was built from (so `.build/release/piloteval demo` works from anywhere
    /// on the machine that built it), else where the Debian package puts them beside an
    /// installed binary (/usr/bin/piloteval → /usr/share/piloteval/<Name>,
    /// scripts/package-deb.sh).
    static func locate(models: String?, datasets: String?) throws -> DemoSources {
        DemoSources(models: try folder("Models", option: "--models", given: models),
                    datasets: try folder("Datasets", option: "--datasets", given: datasets))
    }

    static func folder(_ name: String, option: String, given: String?) throws -> String {
        if let given {
            guard isFolder(given) else { throw Failure("\(option) \(given) is not a folder") }
            return given
        }
        if isFolder(name) { return name }
        let source = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(name).path
        if isFolder(source) { return source }
        if let installed = Bundle.main.executableURL?.resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/piloteval").appendingPathComponent(name).path,
           isFolder(installed) {
            return installed
        }
        throw Failure("cannot find the shipped \(name) folder; run from the piloteval checkout or pass \(option) DIR")
    }

    static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// The files in `folder` (relative to `root`) whose names end in `suffix`, sorted.
    static func files(in root: String, _ folder: String, suffix: String, prefix: String = "") throws -> [String] {
        let dir = (root as NSString).appendingPathComponent(folder)
        guard isFolder(dir) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { $0.hasSuffix(suffix) && $0.hasPrefix(prefix) }
            .sorted()
            .map { (dir as NSString).appendingPathComponent($0) }
    }
}

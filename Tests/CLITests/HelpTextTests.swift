import Foundation
import Testing

/// Every command's `--help`, as a terminal of 80 columns shows it: an example command
/// that argument-parser has to wrap loses its indentation and breaks mid-command
/// ("…--format json" / "--budget …" on a line of its own), and a `\` at the end of a
/// discussion line in Swift source is a line continuation, not a printed backslash.
@Suite("Help texts")
struct HelpTextTests {
    /// Every command path, from argument-parser's own dump of the command tree.
    static func commands() throws -> [[String]] {
        let dump = try CLIRunner().run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        func walk(_ command: [String: Any], _ path: [String]) -> [[String]] {
            let subcommands = command["subcommands"] as? [[String: Any]] ?? []
            return [path] + subcommands.flatMap { s in walk(s, path + [s["commandName"] as? String ?? ""]) }
        }
        return walk(try #require(root["command"] as? [String: Any]), []).filter { $0 != ["help"] }
    }

    @Test func examplesAreNeverWrappedMidCommand() throws {
        let runner = try CLIRunner()
        let commands = try Self.commands()
        #expect(commands.count > 30)
        for path in commands {
            let help = try runner.run(path + ["--help"])
            #expect(help.status == 0, "\(path)")
            let lines = help.stdout.components(separatedBy: "\n")
            let end = lines.firstIndex { $0.hasPrefix("USAGE:") } ?? lines.count
            for i in 0..<max(0, end - 1) {
                let (line, next) = (lines[i], lines[i + 1])
                // An indented example line followed by text at column 0 was wrapped.
                if line.hasPrefix("  "), let first = next.first, !first.isWhitespace {
                    Issue.record("piloteval \(path.joined(separator: " ")) --help wraps an example: \"\(line)\" / \"\(next)\"")
                }
                if line.last?.isWhitespace == true {
                    Issue.record("piloteval \(path.joined(separator: " ")) --help: trailing space in \"\(line)\"")
                }
            }
        }
    }
}

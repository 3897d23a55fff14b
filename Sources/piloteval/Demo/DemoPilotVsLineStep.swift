import Foundation

/// Step 3: the pilot's cases against the line's.
///
/// TODO(cases import): when `piloteval cases import` is in this build, import the
/// synthetic extract of Datasets/vallingbyteamet/ with a key file the demo creates
/// under DIR, and compare the derived outcomes (`CohortComparison.run`).
enum DemoPilotVsLineStep {
    static func run(_ demo: DemoRun) throws -> [String] {
        ["Pilot vs line: not in this build yet (needs `piloteval cases import`); `piloteval compare FILE` works on a CSV meanwhile"]
    }
}

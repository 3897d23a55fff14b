import LogicModel
import Store

/// The JSON of one stored cycle (`pdsa add --format json`, and the web API's cycles).
public struct PDSAAddListing: Encodable, Sendable {
    public let id: String, version: Int, outcome: String, warnings: [String]

    public init(_ a: PDSACatalog.Added) {
        id = a.cycle.id
        switch a.outcome {
        case .added(let v): version = v; outcome = "added"
        case .unchanged(let v): version = v; outcome = "unchanged"
        }
        warnings = a.warnings
    }
}

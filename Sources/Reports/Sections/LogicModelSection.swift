import Foundation
import LogicModel
import Presentation

/// 6 Resultatredovisning › Uppföljningsplan: the logic model as a diagram (the
/// `model show --format svg` renderer) and as the logical framework table, with
/// proposals (`illustrative: true`) marked: `LogicModel.blocks` (Presentation), which the
/// web's logic model page shows through this section and `model show --format table`
/// prints.
public struct LogicModelSection: ReportSectionBuilder {
    public init() {}

    public struct Result: Codable, Equatable {
        public var id: String
        public var version: Int
        public var sha256: String
        public var goals: Int
        public var outcomes: Int
        public var outputs: Int
        public var activities: Int
        public var inputs: Int
        public var indicators: Int
        public var illustrativeIndicators: [String]

        enum CodingKeys: String, CodingKey {
            case id, version, sha256, goals, outcomes, outputs, activities, inputs, indicators
            case illustrativeIndicators = "illustrative_indicators"
        }
    }

    public var key: String { "logic_model" }

    public func slots(in kind: ReportKind) -> [ReportSlot] { kind == .final ? [.logicModel] : [] }

    public func compute(_ context: ReportContext) throws -> Result {
        let m = context.model
        return Result(id: m.id, version: context.modelProvenance.version, sha256: context.modelProvenance.sha256,
                      goals: m.goals.count, outcomes: m.outcomes.count, outputs: m.outputs.count,
                      activities: m.activities.count, inputs: m.inputs.count, indicators: m.indicators.count,
                      illustrativeIndicators: m.indicators.filter(\.illustrative).map(\.id))
    }

    public func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block] {
        context.model.blocks(strings: context.strings, version: result.version)
    }
}

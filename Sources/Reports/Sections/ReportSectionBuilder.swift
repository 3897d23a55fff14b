import Foundation
import Presentation
/// The seam through which a domain puts its results into reports.
///
/// A builder computes one `Codable` result value (typically by calling its Evaluation
/// analysis) and turns it into blocks for the slots it fills. The engine stores the
/// result under `results[key]` in the report JSON; `report verify` calls `compute`
/// again with the context rebuilt from that JSON and compares the two values leaf by
/// leaf. So: compute must be deterministic, and blocks must show only what the result
/// holds (then every figure in the document is verified).
///
/// To add a domain section (docs/reports.md, "Adding a domain section"):
/// 1. a file `Sources/Reports/Sections/<Name>Section.swift` with a type conforming to
///    this protocol;
/// 2. one line in `SectionRegistry.builders`.
/// The kinds already hold the slot with a placeholder; it disappears once filled.
public protocol ReportSectionBuilder {
    associatedtype Result: Codable

    /// Key under `results` in the JSON (snake_case, stable).
    var key: String { get }

    /// The slots this builder fills in a report of `kind`; empty when it takes no part.
    func slots(in kind: ReportKind) -> [ReportSlot]

    /// The result value, from the database and the request's inputs only.
    func compute(_ context: ReportContext) throws -> Result

    /// What the result contributes to `slot`: already in the report's language, with
    /// small counts suppressed (`context.figures`), every chart captioned with its n,
    /// every comparison with its design and caveats.
    func blocks(_ result: Result, for slot: ReportSlot, context: ReportContext) -> [Block]

    /// Imports (ids in the imports table) the result rests on, for provenance.
    func imports(_ result: Result, context: ReportContext) -> [Int]

    /// The figures of the result a steering group follows between reports, each under a
    /// stable id and with its path under `results[key]` (`HeadlineFigure`).
    func headlines(_ result: Result, context: ReportContext) -> [HeadlineFigure]
}

extension ReportSectionBuilder {
    public func imports(_ result: Result, context: ReportContext) -> [Int] { [] }
    public func headlines(_ result: Result, context: ReportContext) -> [HeadlineFigure] { [] }
}

/// A builder with its result type erased, as the engine runs it.
public struct AnySectionBuilder {
    public let key: String
    private let _slots: (ReportKind) -> [ReportSlot]
    private let _run: (ReportContext) throws -> SectionOutput
    private let _recordedHeadlines: (JSONValue, ReportContext) -> [HeadlineFigure]

    public init<B: ReportSectionBuilder>(_ builder: B) {
        key = builder.key
        _slots = builder.slots(in:)
        _recordedHeadlines = { json, context in
            guard let data = try? JSONEncoder().encode(json),
                  let result = try? JSONDecoder().decode(B.Result.self, from: data) else { return [] }
            return builder.headlines(result, context: context)
        }
        _run = { context in
            let result = try builder.compute(context)
            var blocks: [ReportSlot: [Block]] = [:]
            for slot in builder.slots(in: context.kind) {
                blocks[slot] = builder.blocks(result, for: slot, context: context)
            }
            return SectionOutput(result: try JSONValue.encoding(result), blocks: blocks,
                                 imports: builder.imports(result, context: context),
                                 headlines: builder.headlines(result, context: context))
        }
    }

    public func slots(in kind: ReportKind) -> [ReportSlot] { _slots(kind) }

    /// The headlines of a result as an earlier report recorded it (its JSON read back
    /// into the typed result); none when it no longer reads as one.
    public func headlines(ofRecorded result: JSONValue, context: ReportContext) -> [HeadlineFigure] {
        _recordedHeadlines(result, context)
    }
    public func run(_ context: ReportContext) throws -> SectionOutput { try _run(context) }
}

public struct SectionOutput {
    public var result: JSONValue
    public var blocks: [ReportSlot: [Block]]
    public var imports: [Int]
    public var headlines: [HeadlineFigure] = []
}

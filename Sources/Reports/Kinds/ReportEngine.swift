import Evaluation
import Foundation
import LogicModel
import Periods
import Presentation
import Store

/// A report built: the document to write, its JSON record, and what the user should
/// hear about on stderr.
public struct BuiltReport: Sendable {
    public var document: ReportDocument
    public var record: ReportRecord
    /// Headings of sections whose prose is missing from `--text` (shown as placeholders).
    public var missingText: [String]
    /// Headings of sections whose prose is missing, compiled from the results instead.
    public var generatedText: [String] = []
    /// Other things to say on stderr (a budget gap, no gender breakdown).
    public var warnings: [String]
    /// What disclosure control withheld, one line per part, for the author (stderr).
    public var disclosure: [String]
}

/// A request that cannot be met as asked (the message says what to do instead).
public struct ReportRequestError: Error, CustomStringConvertible {
    public var description: String
}

/// Runs the section builders and assembles a report of one kind.
public enum ReportEngine {
    /// The results every builder computes, with the blocks for their slots. `report
    /// verify` calls this with a context rebuilt from the JSON record.
    public static func run(_ context: ReportContext, builders: [AnySectionBuilder] = SectionRegistry.builders)
        throws -> (results: [String: JSONValue], blocks: [ReportSlot: [Block]], imports: [Int], headlines: [HeadlineFigure]) {
        var results: [String: JSONValue] = [:]
        var blocks: [ReportSlot: [Block]] = [:]
        var imports: [Int] = []
        var headlines: [HeadlineFigure] = []
        for builder in builders where !builder.slots(in: context.kind).isEmpty {
            let output = try builder.run(context)
            results[builder.key] = output.result
            for (slot, b) in output.blocks { blocks[slot, default: []] += b }
            imports += output.imports
            headlines += output.headlines
        }
        return (results, blocks, imports, headlines)
    }

    public static func build(model: LogicModel, provenance: ReportRecord.ModelProvenance, request: ReportRequest,
                             strings: ReportStrings, database: Database?,
                             builders: [AnySectionBuilder] = SectionRegistry.builders) throws -> BuiltReport {
        if request.suppression.audience == .public, let previous = request.since,
           previous.parameters.audience == .internal {
            throw ReportRequestError(description: "the report given with --since was made for the internal audience: a public brief "
                + "cannot compare with its figures (they include small counts). Give the previous public brief's JSON, or make this one with --audience internal")
        }
        let context = ReportContext(model: model, modelProvenance: provenance, request: request,
                                    strings: strings, database: database)
        var (results, filled, usedImports, headlines) = try run(context, builders: builders)
        if request.kind == .steering {
            filled[.steeringChanges] = ChangesSince.blocks(previous: request.since, sinceFile: request.sinceFile,
                                                           current: results, headlines: headlines,
                                                           model: provenance, context: context)
        }
        if request.kind == .final {
            // Compiled from what was done, said so in one discreet line; the rule of
            // disclosure control and what would justify scaling up hold for every report.
            let compiled = Block.paragraph(RichText([.emphasis(strings("generated.note"))]))
            filled[.method] = [compiled] + (filled[.method] ?? [])
                + [.paragraph(RichText([.strong(strings("method.disclosure.lead") + " ")])
                              + RichText(strings(request.suppression.audience == .internal ? "method.disclosure.internal" : "method.disclosure", ["threshold": String(request.suppression.threshold),
                                                               "max": String(request.suppression.threshold - 1)])))]
            var limits = filled[.limitations] ?? []
            let proposals = model.indicators.filter(\.illustrative).count
            if proposals > 0 {
                limits.append(.paragraph(RichText(strings("limitations.proposals", ["count": String(proposals),
                                                                                     "all": String(model.indicators.count)]))))
            }
            let scaling = Block.paragraph(RichText([.strong(strings("limitations.scaling.lead") + " ")])
                                          + RichText(strings("limitations.scaling")))
            limits.append(scaling)
            filled[.limitations] = [compiled] + limits
            // Sammanfattning and Slutsatser drafted from the results, above and below the
            // author's text (which may be last year's): the verdict and a line per domain
            // open Sammanfattning, since a summary without this year's results is none;
            // Slutsatser closes with the verdict and what scaling up would need, as a
            // recommendation. Marked as compiled, for the author to edit and confirm.
            let verdict = filled[.finalVerdict] ?? [], summary = filled[.finalSummary] ?? []
            if !verdict.isEmpty {
                filled[.finalVerdict] = [compiled] + verdict
            } else if !summary.isEmpty {
                filled[.finalSummary] = [compiled] + summary
            }
            // A recommendation, not a copy of the limitation it rests on.
            filled[.finalConclusions] = [compiled] + verdict.prefix(1) + [.paragraph(RichText(strings("conclusions.scaling")))]
            let works = ReferenceList.works(results: Set(results.keys))
            if !works.isEmpty {
                filled[.references] = [compiled, .paragraph(RichText(strings("references.intro"))),
                                       .list(ListBlock(items: works.map { RichText($0) }))]
            }
        }
        var assembled = ReportAssembler.assemble(ReportAssembler.plan(request.kind), text: request.text,
                                                 filled: filled, strings: strings, draft: request.draft)
        // Disclosure control's own account, last: what it withheld and by which rule.
        let disclosure = DisclosureSummary(results: results, rule: request.suppression)
        let partNames = Dictionary(uniqueKeysWithValues: results.keys.map { ($0, strings("disclosure.part.\($0)")) })
        let appendix = disclosure.appendix(strings: strings, numbers: context.numbers, partNames: partNames,
                                           brief: request.kind == .steering ? assembled.sections.map(\.shownText).joined(separator: "\n") : nil)
        // The brief's one sentence goes with the colophon, in its small type: a heading
        // of its own would take the brief to a third page.
        var disclosureLine: [String] = []
        if request.kind == .steering {
            disclosureLine = [appendix.title + ": " + appendix.blocks.compactMap { b -> String? in
                if case .paragraph(let p) = b { return p.plainText }; return nil
            }.joined(separator: " ")]
        } else if request.kind == .final {
            // The final report's appendices are section 9's: Röjandekontroll is one of them.
            if let nine = assembled.sections.firstIndex(where: { $0.key == "9" }) {
                assembled.sections[nine].children.append(appendix)
            } else {
                assembled.sections.append(ReportSection(key: "9", number: "9", title: strings("final.9"),
                                                        children: [appendix], pageBreakBefore: true))
                assembled.summaries.append(ReportRecord.SectionSummary(key: "9", number: "9", title: strings("final.9"),
                                                                       content: ["computed"]))
            }
        } else {
            assembled.sections.append(appendix)
        }
        assembled.summaries.append(ReportRecord.SectionSummary(key: appendix.key, number: nil, title: appendix.title,
                                                               content: ["computed"]))

        // Provenance: the imports for this model, and any a builder says it used.
        var dataFiles: [ReportRecord.DataFile] = []
        if let database {
            let used = Set(usedImports)
            dataFiles = try ImportLog(database).list()
                .filter { $0.status == .complete && ($0.target == model.id || used.contains($0.id)) }
                .map { i -> ReportRecord.DataFile in
                    // A survey wave's row count that counts respondents the report does
                    // not publish (a withheld unit's): the public record does not give it
                    // (docs/privacy.md).
                    let note = request.suppression.audience == .public && i.kind == ReadinessImporter.kind
                        ? ReadinessSection.rowCountNote(target: i.target, rows: i.rowCount, results: results) : nil
                    return ReportRecord.DataFile(importID: i.id, kind: i.kind, fileName: i.fileName, sha256: i.fileSHA256,
                                                 rows: note == nil ? i.rowCount : nil, rowsNote: note,
                                                 target: i.target, importedAt: i.finishedAt ?? i.startedAt)
                }
        }

        let s = strings
        let title = s("\(request.kind.rawValue).title")
        let through = Self.dataThrough(results)
        let generated = Timestamp.iso8601(request.generatedAt)
        let record = ReportRecord(
            kind: request.kind, language: request.language.rawValue, title: title, generatedAt: generated,
            tool: .init(version: request.toolVersion),
            parameters: .init(format: request.format, period: request.period?.text,
                              suppressionThreshold: request.suppression.threshold,
                              audience: request.suppression.audience, textFile: request.textFile,
                              budgetFile: request.budgetFile, templatesDirectory: request.templatesDirectory,
                              since: request.sinceFile, draft: request.draft),
            model: provenance, dataFiles: dataFiles, inputs: .init(budget: request.budget),
            results: results, sections: assembled.summaries, headlines: headlines, disclosure: disclosure)

        let document = ReportDocument(
            kind: request.kind, language: request.language, title: title,
            subtitle: request.text?.cover["project"] ?? model.name,
            cover: cover(model: model, provenance: provenance, request: request, strings: s, dataThrough: through),
            sections: assembled.sections,
            colophon: disclosureLine + [
                s("colophon.generated", ["version": request.toolVersion, "date": Self.generatedDay(request)]),
                // The brief names the model without its hash (a key, for the FoU reader's
                // verify, not a steering group's).
                // In another language than the model's, the same line says whose words the
                // names are (a line of its own took the fuller brief to a third page).
                s(request.kind == .steering ? "colophon.model.brief" : "colophon.model",
                  ["name": provenance.name, "version": String(provenance.version), "hash": String(provenance.sha256.prefix(12))])
                    + (model.language == request.language ? "" : " " + s("colophon.names.\(model.language.rawValue)")),
            ],
            marking: marking(request: request, results: results, dataFiles: dataFiles, strings: s),
            generatedAt: generated)

        var warnings: [String] = []
        if let stale = Self.staleCoverDate(request: request, dataThrough: through) {
            warnings.append("the text's date (\(stale.iso)) is before the latest data the report shows (\(through?.iso ?? "")); the cover is dated the day the report was made instead — give the text the date of this report")
        }
        if let year = Self.yearBeforeData(request: request, dataThrough: through), let through {
            warnings.append("the text is about \(year) but the report's figures run to \(through.iso); the cover says so — give the text the year of the figures it reports")
        }
        warnings += assembled.emptyHeadings.map {
            "the text's heading \"\($0)\" has nothing under it and is left out of the document; write under it or remove it"
        }
        if case .object(let budget)? = results["budget"], case .bool(false)? = budget["balanced"],
           case .number(let difference)? = budget["difference"] {
            warnings.append("the budget's income and costs differ by \(NumberStyle(.en).decimal(abs(difference), decimals: 0)) kr (income \(difference < 0 ? "below" : "above") costs); the report flags it — explain it in the text")
        }
        if case .object(let gender)? = results["gender_breakdowns"], case .array(let items)? = gender["indicators"], items.isEmpty {
            warnings.append("no indicator in model \(model.id) has a gender breakdown; section 6.2 says so")
        }
        var built = BuiltReport(document: document, record: record, missingText: assembled.missingText, warnings: warnings,
                                disclosure: disclosure.lines)
        built.generatedText = assembled.generated
        return built
    }

    /// The words on every page: internal (small counts), and example data — synthetic
    /// (an imported file named so) or illustrative (proposed indicators, example PDSA
    /// cycles) — so that no page can be cited as a finding on its own.
    static func marking(request: ReportRequest, results: [String: JSONValue], dataFiles: [ReportRecord.DataFile],
                        strings s: ReportStrings) -> String? {
        var lines: [String] = []
        if request.suppression.audience == .internal {
            lines.append(s("marking.internal", ["threshold": String(request.suppression.threshold)]))
        }
        let synthetic = dataFiles.contains { SyntheticData.isSynthetic(fileName: $0.fileName) }
            || results.values.contains { flagged($0, keys: ["synthetic"]) }
        let illustrative = results.values.contains { flagged($0, keys: ["illustrative", "illustrative_cycles"]) }
        switch (synthetic, illustrative) {
        case (true, true): lines.append(s("marking.synthetic_illustrative"))
        case (true, false): lines.append(s("marking.synthetic"))
        case (false, true): lines.append(s("marking.illustrative"))
        case (false, false): break
        }
        return lines.isEmpty ? nil : lines.joined(separator: " ")
    }

    /// Whether any object in the value has one of the keys set to true.
    static func flagged(_ value: JSONValue, keys: Set<String>) -> Bool {
        switch value {
        case .object(let o): o.contains { keys.contains($0.key) && $0.value == .bool(true) || flagged($0.value, keys: keys) }
        case .array(let a): a.contains { flagged($0, keys: keys) }
        default: false
        }
    }

    /// The last day the data the report shows cover: the case extract's date, a survey
    /// wave's or run-chart point's month, the indicators' period.
    static func dataThrough(_ results: [String: JSONValue]) -> CalendarDate? {
        var dates: [CalendarDate] = []
        func string(_ v: JSONValue?) -> String? { if case .string(let s)? = v { return s }; return nil }
        func end(_ text: String?) -> CalendarDate? {
            guard let text else { return nil }
            return CalendarDate(parsing: text) ?? Period(parsing: text)?.end
        }
        if case .object(let o)? = results["pilot_vs_line"], case .bool(true)? = o["present"] {
            dates += [end(string(o["extract_date"]))].compactMap { $0 }
        }
        if case .object(let o)? = results["readiness"], case .array(let surveys)? = o["surveys"] {
            for case .object(let survey) in surveys {
                if case .array(let waves)? = survey["waves"] {
                    for case .object(let wave) in waves { dates += [end(string(wave["wave"]))].compactMap { $0 } }
                }
            }
        }
        // An indicator period counts only when some indicator has a value in it (shown or
        // withheld): a period named by targets alone ("2023" with no outcome yet) is not
        // data, and the English final report's cover said "Data up to 31 December 2023".
        func anyValue(_ rows: JSONValue?, _ key: String = "value") -> Bool {
            guard case .array(let rows)? = rows else { return false }
            return rows.contains { row in
                guard case .object(let r) = row else { return false }
                if case .number? = r[key] { return true }
                return string(r[key + "_note"]).flatMap(DisclosureSummary.rule(of:)) != nil
            }
        }
        if case .object(let o)? = results["indicators"], case .object(let status)? = o["status"],
           anyValue(status["indicators"]) {
            dates += [end(string(o["period"]))].compactMap { $0 }
        }
        if case .object(let o)? = results["tertial_table"], case .array(let goals)? = o["goals"],
           goals.contains(where: { if case .object(let g) = $0 { return anyValue(g["indicators"], "outcome") }; return false }) {
            dates += [end(string(o["period"]))].compactMap { $0 }
        }
        if case .object(let o)? = results["improvement"], case .array(let measures)? = o["measures"] {
            for case .object(let m) in measures { dates += [end(string(m["last"]))].compactMap { $0 } }
        }
        return dates.max()
    }

    /// The author's cover date when it is before the latest data the report shows.
    static func staleCoverDate(request: ReportRequest, dataThrough: CalendarDate?) -> CalendarDate? {
        guard let through = dataThrough,
              let dated = request.text?.cover["date"].flatMap(CalendarDate.init(parsing:)), dated < through
        else { return nil }
        return dated
    }

    /// The year the author's text gives on its cover, when the data the report shows run
    /// into a later year.
    static func yearBeforeData(request: ReportRequest, dataThrough: CalendarDate?) -> Int? {
        guard let through = dataThrough, let text = request.text?.cover["year"],
              let year = Int(text.trimmingCharacters(in: .whitespaces)), year < through.year else { return nil }
        return year
    }

    /// The day the report was made, for the colophon, as its reader writes a date ("7
    /// december 2026", as "Underlag till och med" on the cover), not a timestamp with T
    /// and Z; the record keeps the full timestamp.
    static func generatedDay(_ request: ReportRequest) -> String {
        let iso = String(Timestamp.iso8601(request.generatedAt).prefix(10))
        return CalendarDate(parsing: iso).map { NumberStyle(request.language).date($0) } ?? iso
    }

    static func cover(model: LogicModel, provenance: ReportRecord.ModelProvenance, request: ReportRequest,
                      strings s: ReportStrings, dataThrough: CalendarDate? = nil) -> Cover {
        var values = request.text?.cover ?? [:]
        values["project"] = values["project"] ?? model.name
        values["administration"] = values["administration"] ?? model.owner
        if values["year"] == nil, let p = request.period { values["year"] = String(p.year) }
        var fields = SectionText.coverOrder.compactMap { key -> Cover.Field? in
            guard let v = values[key], !v.isEmpty else { return nil }
            return Cover.Field(key: key, label: s("cover.\(key)"), value: v)
        }
        // A date before the data it shows is last year's text, not this report's date:
        // the cover is dated the day the report is made (the author is told on stderr).
        let numbers = NumberStyle(request.language)
        if let index = fields.firstIndex(where: { $0.key == "date" }) {
            if staleCoverDate(request: request, dataThrough: dataThrough) != nil {
                fields[index].value = String(Timestamp.iso8601(request.generatedAt).prefix(10))
            }
            // In words, as "Underlag till och med" beside it ("7 december 2026").
            if let date = CalendarDate(parsing: fields[index].value) { fields[index].value = numbers.date(date) }
        }
        // How recent the data are, beside the date.
        if let through = dataThrough, request.kind != .steering {
            fields.append(Cover.Field(key: "data_through", label: s("cover.data_through"),
                                      value: numbers.date(through)))
            // A text about an earlier year over figures that run later: the cover says
            // so, so "År 2021" and "31 mars 2023" do not read as a mistake.
            if let year = yearBeforeData(request: request, dataThrough: through) {
                fields.append(Cover.Field(key: "data_note", label: s("cover.data_note"),
                                          value: s("cover.data_beyond_year", ["year": String(year), "through": numbers.date(through)])))
            }
        }
        // The brief keeps to two pages: its title already names the project, and its
        // colophon the model's version.
        if request.kind == .steering {
            fields.removeAll { $0.key == "project" && $0.value == (request.text?.cover["project"] ?? model.name) }
            return Cover(fields: fields)
        }
        // The model by its name and version; its id is a key, kept in the colophon.
        fields.append(Cover.Field(key: "model", label: s("cover.model"),
                                  value: "\(provenance.name), version \(provenance.version)"))
        return Cover(fields: fields)
    }
}

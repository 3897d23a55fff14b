import Foundation
import LogicModel
import Store

/// Reads stored readiness waves back as `ReadinessWaveData`, aligned with the items
/// of the instrument version at hand. Answers to items the instrument no longer has
/// are left out (and said so in `droppedItems`).
public struct ReadinessRepository {
    public let database: Database

    public init(_ database: Database) { self.database = database }

    public struct WaveInfo: Sendable, Equatable {
        public var wave: String
        public var aggregated: Bool
    }

    /// The instrument's waves, sorted by name (so `YYYY-MM` names sort in time order).
    public func waves(instrumentID: String) throws -> [WaveInfo] {
        let rows = try database.query("""
            SELECT wave, 0 AS aggregated FROM readiness_responses WHERE instrument_id = ?1
            UNION SELECT wave, 1 FROM readiness_unit_means WHERE instrument_id = ?1
            """, instrumentID)
        return rows.map { WaveInfo(wave: $0.string("wave") ?? "", aggregated: ($0.int("aggregated") ?? 0) == 1) }
            .sorted { $0.wave < $1.wave }
    }

    public func load(instrument: Instrument, wave: String) throws -> ReadinessWaveData {
        let keys = instrument.itemKeys
        let index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        var data = ReadinessWaveData(wave: wave, items: keys)
        // Respondents in file order (import, then line), as a user would list them.
        // Stepped through rather than copied into `Row`s first, and a respondent's answers
        // (stored one after another) found without a dictionary lookup each: loading was
        // two thirds of `readiness summary` on 100 000 respondents (docs/benchmarks.md).
        let answers = try database.prepare("""
            SELECT unit, respondent, item, value FROM readiness_responses
            WHERE instrument_id = ? AND wave = ? ORDER BY import_id, line
            """)
        try answers.bind([instrument.id, wave])
        var position: [String: Int] = [:]
        var previous: (respondent: String, position: Int)?
        while try answers.step() {
            let respondent = answers.string(at: 1) ?? ""
            let p: Int
            if let previous, previous.respondent == respondent {
                p = previous.position
            } else if let known = position[respondent] {
                p = known
            } else {
                p = data.respondents.count
                position[respondent] = p
                data.respondents.append(ReadinessRespondent(unit: answers.string(at: 0) ?? "", respondent: respondent,
                                                            answers: Array(repeating: .nan, count: keys.count)))
            }
            previous = (respondent, p)
            if let item = answers.string(at: 2), let i = index[item], let v = answers.double(at: 3) {
                data.respondents[p].answers[i] = v
            }
        }
        let means = try database.query("""
            SELECT unit, item, mean, n FROM readiness_unit_means
            WHERE instrument_id = ? AND wave = ? ORDER BY import_id, line
            """, instrument.id, wave)
        var unitPosition: [String: Int] = [:]
        for row in means {
            let unit = row.string("unit") ?? ""
            if unitPosition[unit] == nil {
                unitPosition[unit] = data.unitMeans.count
                data.unitMeans.append(ReadinessUnitMeans(unit: unit, n: row.int("n"), means: Array(repeating: nil, count: keys.count)))
            }
            if let item = row.string("item"), let i = index[item] {
                data.unitMeans[unitPosition[unit]!].means[i] = row.double("mean")
            }
        }
        return data
    }

    /// Every wave of the instrument, in `waves` order.
    public func loadAll(instrument: Instrument) throws -> [ReadinessWaveData] {
        try waves(instrumentID: instrument.id).map { try load(instrument: instrument, wave: $0.wave) }
    }
}

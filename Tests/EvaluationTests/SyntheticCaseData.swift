import Foundation
import Periods
@testable import Evaluation

/// In-memory case data with planted effects, for the cohort-comparison tests. One
/// pilot team works in one area from 2020-01-01; before that the area's cases went to
/// a line team there. Every area has its own level (a random area effect) and random
/// area × year shocks, so cases within an area are correlated, as in real teams.
struct SyntheticCaseData {
    struct Settings {
        var seed: UInt64
        /// Added to `score` for cases in the pilot area after the start.
        var scoreEffect = 0.0
        /// Multiplies the daily hazard of an assessment decision in the pilot area after the start.
        var hazardRatio = 1.0
        /// Added to the log-odds of `on_time` in the pilot area after the start.
        var logOddsEffect = 0.0
        var lineAreas = 6
        var casesPerAreaYear = 50
        var areaSD = 3.0
        var shockSD = 1.0
        /// The pilot's cases are older than the line's by this many years (imbalance).
        var pilotAgeShift = 0.0
        var years = 2018...2022
    }

    /// SplitMix64 (Steele, Lea & Flood 2014): tiny, deterministic across platforms.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func normal() -> Double {
            let u = max(uniform(), 1e-300), v = uniform()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
        mutating func int(_ n: Int) -> Int { Int(uniform() * Double(n)) }
    }

    static let pilotStart = CalendarDate(year: 2020, month: 1, day: 1)!
    static let extractDate = CalendarDate(year: 2023, month: 1, day: 15)!

    static func make(_ s: Settings) -> CaseDataset {
        var rng = Random(state: s.seed)
        let areas = ["Vällingby"] + (1...s.lineAreas).map { "Area \($0)" }
        var areaEffect: [String: Double] = [:]
        for a in areas { areaEffect[a] = s.areaSD * rng.normal() }
        let reasons = ["neglect", "violence", "behaviour"]
        var cases: [CaseRecord] = []
        var id = 0
        for year in s.years {
            for area in areas {
                let shock = s.shockSD * rng.normal()
                for _ in 0..<s.casesPerAreaYear {
                    id += 1
                    let date = CalendarDate(year: year, month: 1, day: 1)!.adding(days: rng.int(365))
                    let treated = area == "Vällingby" && date >= pilotStart
                    let gender: CaseRecord.Gender = rng.uniform() < 0.48 ? .girl : .boy
                    let age = min(17, max(0, Int(Double(rng.int(18)) + (treated ? s.pilotAgeShift : 0))))
                    let reason = reasons[rng.int(3)]
                    let trend = 0.5 * Double(year - 2018)
                    let score = 50 + areaEffect[area]! + shock + trend + 0.2 * Double(age)
                        + 10 * rng.normal() + (treated ? s.scoreEffect : 0)
                    let logit = -0.2 + 0.15 * areaEffect[area]! + 0.1 * shock + (treated ? s.logOddsEffect : 0)
                    let onTime = rng.uniform() < 1 / (1 + exp(-logit)) ? 1.0 : 0.0
                    let hazard = (1.0 / 12) * exp(0.05 * areaEffect[area]!) * (treated ? s.hazardRatio : 1)
                    let days = (-log(max(rng.uniform(), 1e-300)) / hazard).rounded(.up)
                    let followUp = Double(date.days(until: extractDate))
                    let duration: CaseValue = days <= followUp ? .duration(days: days, observed: true)
                        : .duration(days: followUp, observed: false)
                    cases.append(CaseRecord(
                        caseID: "C\(id)", cohort: treated ? "vallingbyteamet" : "line", isPilot: treated,
                        unit: treated ? "Vällingbyteamet" : "Team \(area)", area: area, gender: gender,
                        birthYear: year - age, age: age, referralDate: date, referralReason: reason,
                        values: ["score": .number(score), "on_time": .number(onTime), "days_to_assessment": duration]))
                }
            }
        }
        return CaseDataset(modelID: "vallingbyteamet", pilotCohort: "vallingbyteamet", pilotStart: pilotStart,
                           extractDate: extractDate, cases: cases)
    }
}

/// The acceptance band for a count of rejections over `trials` independent runs at
/// rejection probability `p`: the central interval holding all but `tail` of the
/// binomial probability in each tail (computed exactly, not tabulated).
func binomialBand(trials: Int, p: Double, tail: Double = 0.001) -> ClosedRange<Int> {
    func pmf(_ k: Int) -> Double {
        exp(lgamma(Double(trials + 1)) - lgamma(Double(k + 1)) - lgamma(Double(trials - k + 1))
            + Double(k) * log(p) + Double(trials - k) * log1p(-p))
    }
    var low = 0, cum = 0.0
    while low < trials, cum + pmf(low) < tail { cum += pmf(low); low += 1 }
    var high = trials; cum = 0
    while high > 0, cum + pmf(high) < tail { cum += pmf(high); high -= 1 }
    return low...high
}
